"""The window around everything: the main window, its actions and menus, the welcome screen,
the theme and error reporting."""
