"""QT_TRANSLATE_NOOP with its real type.

PySide6's stubs declare that it returns `object`, so every label marked with it needed a
cast before `self.tr(...)`. It returns its source text unchanged; the translation tools find
it by its name, so this function keeps the name (and the Vietnamese text stays the key)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Marks `source` for translation in `context`; the window translates it where shown."""
    return source
