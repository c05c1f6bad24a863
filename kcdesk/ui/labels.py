"""Vocabulary labels (field names, types, statuses, roles) shown in the window.

The Vietnamese labels live in the core (kcdesk.domain); their English is in the core
catalogue like every other sentence, and reaches Qt through kcdesk.ui.translations (the
context "Vocab" only names the asker).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication


def vocab(text: str | None) -> str:
    if not text:
        return ""
    return QCoreApplication.translate("Vocab", text)


def choices(mapping: Mapping[str, str]) -> list[tuple[str, str]]:
    """(key, translated label) pairs for a combo box."""
    return [(k, vocab(v)) for k, v in mapping.items()]
