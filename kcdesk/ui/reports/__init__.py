"""The reports page: the headless report and export functions, run off the GUI thread."""
