"""Core message catalogue: Vietnamese source strings, English translations.

The product speaks Vietnamese first, so the Vietnamese text is the message key (as
gettext does with its source language) and English is the translation. Messages are
marked where they are defined and translated when shown, so an error raised in the core
can be displayed in whichever language the user picked. This is the program's one
catalogue: the core, the command lines, the server and the window (whose Qt translator,
kcdesk.ui.translations, looks sentences up here) all read kcdesk.locale_en.EN.
"""

from __future__ import annotations

import string
from collections.abc import Callable
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


class Lazy:
    """A value translated only when shown (a status label inside an error message, say)."""

    def __init__(self, render: Callable[[str | None], str]) -> None:
        self._render = render

    def text(self, lang: str | None = None) -> str:
        return self._render(lang)

    def __str__(self) -> str:
        return self.text()


def label(message: str) -> Lazy:
    """A catalogue string (a status, an action) to be translated when shown."""
    return Lazy(lambda lang: tr(message, lang))


def tr(message: str, /, lang: str | None = None, **params: Any) -> str:
    """Translate a Vietnamese source message and fill in its {placeholders}. Parameters that
    know how to translate themselves (Lazy, FieldMessage, KcError) are shown in `lang` too."""
    lang = lang or _current
    text = message
    if lang == "en":
        from kcdesk.locale_en import EN

        text = EN.get(message, message)
    if not params:
        return text
    shown = {k: v.text(lang) if hasattr(v, "text") and callable(v.text) else v for k, v in params.items()}
    return text.format(**shown)


def placeholders(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}
