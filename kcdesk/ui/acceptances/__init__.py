"""Acceptance records (biên bản nghiệm thu): list and editor, locked once signed."""
