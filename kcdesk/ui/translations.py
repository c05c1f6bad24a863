"""Qt translations: .ts sources under resources/translations (Vietnamese is the source
language, English the translation), compiled to .qm by pyside6-lrelease at build and test
time (scripts/build_translations.py, tests/ui/conftest.py) and, when a checkout has no
.qm yet, on first start. The core's own messages (kcdesk.i18n) follow the same choice."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kcdesk.i18n import set_language
from kcdesk.resources import resource_path

log = logging.getLogger(__name__)
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


def translations_dir() -> Path:
    return resource_path("translations")


def _tool(name: str) -> list[str] | None:
    """pyside6-lrelease / pyside6-lupdate: the console script, or the PySide6 module."""
    script = shutil.which(f"pyside6-{name}") or shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if script:
        return [script]
    try:
        import PySide6

        binary = Path(PySide6.__file__).parent / name
        if binary.exists() or binary.with_suffix(".exe").exists():
            return [str(binary)]
    except ImportError:
        pass
    return None


def compile_translations(force: bool = False) -> list[Path]:
    """Compile every .ts that is newer than its .qm; return the .qm files written."""
    tool = _tool("lrelease")
    written = []
    for ts in sorted(translations_dir().glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if tool is None:
            log.warning("pyside6-lrelease not found; %s stays uncompiled", ts.name)
            continue
        subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)
        written.append(qm)
    return written


def install_translators(lang: str) -> list[QTranslator]:
    """Load the window's and Qt's own catalogues for `lang`; the caller keeps the list
    (a QTranslator that is garbage-collected stops translating)."""
    set_language(lang)
    from kcdesk.ui.logic import i18n as logic_i18n

    # The logic modules' sentences are in our catalogue under the empty context (lupdate).
    logic_i18n.install(lambda message: QCoreApplication.translate("", message))
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English,
            QLocale.Country.Vietnam if lang == "vi" else QLocale.Country.UnitedKingdom,
        )
    )
    installed: list[QTranslator] = []
    if lang == "vi":
        return installed  # Vietnamese is the source language of the window
    qm = translations_dir() / f"kcdesk_{lang}.qm"
    if not qm.exists():
        try:
            compile_translations()
        except (OSError, subprocess.CalledProcessError) as exc:  # a read-only install: run untranslated
            log.warning("could not compile translations: %s", exc)
    ours = QTranslator()
    if ours.load(str(qm)):
        QCoreApplication.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation catalogue %s", qm)
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def remove_translators(translators: list[QTranslator]) -> None:
    for t in translators:
        QCoreApplication.removeTranslator(t)
    set_language("vi")
