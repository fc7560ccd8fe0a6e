"""Everything Qt: the main window, canvas, inspector, panels, charts and presentation."""
