"""Translation for the window's plain-Python logic.

These modules must not import Qt, yet their sentences belong to the window's Qt catalogue
(lupdate files them under the empty context). The core's catalogue (kcdesk.i18n) is asked
first; the window installs a hook into Qt's catalogue at start (kcdesk.ui.translations).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kcdesk.i18n import language
from kcdesk.i18n import tr as core_tr

_hook: Callable[[str], str] | None = None


def install(hook: Callable[[str], str] | None) -> None:
    global _hook
    _hook = hook


def tr(message: str, lang: str | None = None, /, **params: Any) -> str:
    lang = lang or language()
    text = message
    if lang != "vi":
        text = core_tr(message, lang)
        if text == message and _hook is not None:
            text = _hook(message)
    if not params:
        return text
    shown = {k: v.text(lang) if hasattr(v, "text") and callable(v.text) else v for k, v in params.items()}
    return text.format(**shown)
