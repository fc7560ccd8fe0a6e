"""The room map in the app: a folder of participants' maps merged into one window, watched,
reviewed (suggested matches, aliases) and analysed as a room."""
