"""Translation for the window's plain-Python logic (kcdesk.ui.logic), which must not
import Qt: the one catalogue of the program (kcdesk.i18n, English in kcdesk.locale_en*),
the same one the window's Qt translator reads (kcdesk.ui.translations)."""

from __future__ import annotations

from kcdesk.i18n import tr

__all__ = ["tr"]
