"""Self-test step: the window's toolkit loads and draws, without a screen.

What a frozen bundle most often gets wrong is the GUI: a Qt platform plugin, an image
format plugin or a window module (the main window loads its pages by name) left out. This
step starts a QApplication (on Linux on the offscreen platform unless QT_QPA_PLATFORM says
otherwise; on Windows the real platform plugin, which is what the window needs), draws
Vietnamese text in the shipped font into an image, checks the image formats attachments
use, and imports every module of kcdesk.ui.

The headless core never imports Qt (tests/test_core_imports.py). This step loads PySide6
and kcdesk.ui by name, only when the self-test runs, and is skipped where PySide6 is not
installed, so nothing else in the core ever pulls Qt in.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from kcdesk.i18n import tr
from kcdesk.resources import resource_path
from kcdesk.selftest import Skipped
from kcdesk.selftest.core_steps import check

SAMPLE = "Khuyến công Đà Nẵng – ỀẾỂỄỆ ẮẰẲẴẶ"
# A sentence of the window (its first navigation entry), asked of Qt in English.
WINDOW_SENTENCE = "Cơ sở CNNT"
IMAGE_FORMATS = {"png", "jpeg"}


def _qt(name: str) -> ModuleType:
    return importlib.import_module(f"PySide6.{name}")


def probe_gui(folder: Path) -> str:
    if importlib.util.find_spec("PySide6") is None:
        raise Skipped(tr("chưa cài phần giao diện (pip install kcdesk[gui])"))
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a console with no screen must not abort
    widgets, gui = _qt("QtWidgets"), _qt("QtGui")
    app = widgets.QApplication.instance() or widgets.QApplication(["kcdesk"])
    family = _load_shipped_fonts(gui)
    inked = _draw(gui, family, folder / "chu-tieng-viet.png")
    formats = {bytes(f.data()).decode() for f in gui.QImageReader.supportedImageFormats()}
    modules = _import_window_modules()
    english = _window_english(_qt("QtCore"))
    check(family is not None, "Không nạp được phông chữ đi kèm (resources/fonts).")
    check(inked > 200, "Chữ tiếng Việt không hiện lên ảnh ({n} điểm ảnh).", n=inked)
    missing = IMAGE_FORMATS - formats
    check(not missing, "Thiếu định dạng ảnh: {missing}", missing=", ".join(sorted(missing)))
    return tr(
        "nền tảng {platform}, phông {family}, {n} mô-đun cửa sổ nạp được, ảnh {formats}, cửa sổ tiếng Anh: '{english}'",
        platform=app.platformName(),
        family=family,
        n=modules,
        formats="/".join(sorted(IMAGE_FORMATS)),
        english=english,
    )


def _load_shipped_fonts(gui: ModuleType) -> str | None:
    family = None
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = gui.QFontDatabase.addApplicationFont(str(path))
        names = gui.QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (names[0] if names else None)
    return family


def _draw(gui: ModuleType, family: str | None, out: Path) -> int:
    """Draw the sample into an image, save it, return how many pixels are not white."""
    image = gui.QImage(720, 64, gui.QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = gui.QPainter(image)
    painter.setFont(gui.QFont(family or "", 20))
    painter.setPen(gui.QColor(0, 0, 0))
    painter.drawText(8, 44, SAMPLE)
    painter.end()
    image.save(str(out))
    return sum(
        1 for y in range(image.height()) for x in range(0, image.width(), 2) if image.pixel(x, y) & 0xFFFFFF != 0xFFFFFF
    )


def _window_english(core: ModuleType) -> str:
    """The window's translator answers Qt from the core catalogue (kcdesk.ui.translations):
    a window sentence asked through Qt comes back in English."""
    translator = importlib.import_module("kcdesk.ui.translations").CatalogueTranslator("en")
    core.QCoreApplication.installTranslator(translator)
    try:
        shown = str(core.QCoreApplication.translate("MainWindow", WINDOW_SENTENCE))
    finally:
        core.QCoreApplication.removeTranslator(translator)
    check(
        shown == tr(WINDOW_SENTENCE, "en") != WINDOW_SENTENCE,
        "Cửa sổ không đọc được tiếng Anh từ danh mục thông báo ('{text}').",
        text=shown,
    )
    return shown


def _import_window_modules() -> int:
    """Import kcdesk.ui and every module under it (pages are loaded by name at run time,
    so a bundle could leave one out without any static import noticing)."""
    ui: Any = importlib.import_module("kcdesk.ui")
    count = 1
    for info in pkgutil.walk_packages(ui.__path__, "kcdesk.ui."):
        importlib.import_module(info.name)
        count += 1
    run_gui = getattr(importlib.import_module("kcdesk.ui.app"), "run_gui", None)
    check(callable(run_gui), "kcdesk.ui.app không có run_gui.")
    return count
