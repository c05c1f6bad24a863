"""The PySide6 desktop window over the headless core.

Layout: `logic/` and `records/` are Qt-free (presentation rules and the window's own
queries, tested without Qt); `operations/` runs core calls off the GUI thread; every page
and editor is a widget in its own module; `main_window.py` only composes them.
"""
