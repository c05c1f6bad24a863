"""Core message catalogue: Vietnamese source strings, English translations.

The product speaks Vietnamese first, so the Vietnamese text is the message key (as
gettext does with its source language) and English is the translation. Messages are
marked where they are defined and translated when shown, so an error raised in the core
can be displayed in whichever language the user picked. The Qt GUI has its own .ts
catalogues; this one serves the headless core and the CLI.
"""

from __future__ import annotations

import string
from typing import Any

LANGUAGES = ("vi", "en")
_current = "vi"


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {LANGUAGES}")
    _current = lang


def language() -> str:
    return _current


def tr(message: str, /, lang: str | None = None, **params: Any) -> str:
    """Translate a Vietnamese source message and fill in its {placeholders}."""
    lang = lang or _current
    text = message
    if lang == "en":
        from kcdesk.locale_en import EN

        text = EN.get(message, message)
    return text.format(**params) if params else text


def placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}
