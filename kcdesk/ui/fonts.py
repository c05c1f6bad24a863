"""The shipped UI font (Be Vietnam Pro, OFL; resources/fonts). DejaVu, the fallback on
Linux, squeezes stacked Vietnamese capital diacritics (ẮẰẲẴẶ, ỀẾỂỄỆ) at small sizes;
shipping the font makes the window look the same on every laptop and in the frozen build."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kcdesk.resources import resource_path

log = logging.getLogger(__name__)
FAMILY = "Be Vietnam Pro"


def load_fonts() -> str | None:
    """Register the shipped TTFs; return the family name, or None if none loaded."""
    family = None
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else None)
    return family


def apply_font(app: QApplication, point_size: int) -> None:
    family = load_fonts() or app.font().family()
    font = QFont(family, point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
