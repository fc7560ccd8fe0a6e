"""Files in the app: open, save, recent files, autosave and recovery, watching for changes."""
