"""Presentation logic with no Qt: what the window decides, tested as plain Python."""
