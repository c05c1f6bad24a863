"""The window's language: Qt asks the core's catalogue (kcdesk.locale_en, read through
kcdesk.i18n) for every sentence, so the window and the core share one English text.

`self.tr()`, `QCoreApplication.translate()` and `labels.vocab()` go through Qt's installed
translators; CatalogueTranslator answers them from the core catalogue, keyed by the
Vietnamese source text whatever Qt context asks (a term reads the same on every screen).
There is no .ts/.qm file and no build step. Qt's own dialogs (the standard buttons of a
QMessageBox, a QFileDialog) keep Qt's shipped `qtbase_<lang>` catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kcdesk.i18n import set_language
from kcdesk.i18n import tr as catalogue_tr

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


class CatalogueTranslator(QTranslator):
    """A QTranslator that looks sentences up in the core catalogue for one language.

    None (a null QString) tells Qt "not mine": the next translator is asked, then the
    source (Vietnamese) text is shown. An empty string would blank the widget instead.
    tests/test_catalogue.py keeps any sentence the window shows from lacking English."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def translate(self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # Qt's signature (None is its null string, "no translation"); the context is
        # ignored on purpose: one English text per sentence.
        if not source_text:
            return None
        text = catalogue_tr(source_text, self.lang)
        return text if text != source_text else None

    def isEmpty(self) -> bool:  # Qt asks before it trusts a translator
        return False

    def language(self) -> str:
        return self.lang


def install_translators(lang: str) -> list[QTranslator]:
    """Set the language for the core and the window; the caller keeps the returned list
    (a QTranslator that is garbage-collected stops translating)."""
    set_language(lang)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English,
            QLocale.Country.Vietnam if lang == "vi" else QLocale.Country.UnitedKingdom,
        )
    )
    installed: list[QTranslator] = []
    if lang == "vi":
        return installed  # Vietnamese is the source language of the window
    ours = CatalogueTranslator(lang)
    QCoreApplication.installTranslator(ours)
    installed.append(ours)
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def remove_translators(translators: list[QTranslator]) -> None:
    for t in translators:
        QCoreApplication.removeTranslator(t)
    set_language("vi")
