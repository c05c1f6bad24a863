"""Coloured pill labels: deadline state (overdue / soon / later) and record status."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def badge(text: str, severity: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("severity", severity)
    label.setObjectName(f"badge_{severity}")
    return label
