"""GUI tests: the real window over a real SQLite file in a temporary folder, offscreen.

One QApplication for the whole session (pytest-qt's `qapp`). The window's English comes
from the core catalogue at run time (kcdesk.ui.translations): nothing to compile first.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Logs and settings of the window under test go to a throwaway folder, never the user's.
os.environ["KCDESK_HOME"] = tempfile.mkdtemp(prefix="kcdesk-ui-home-")

from kcdesk.db.store import Store


@pytest.fixture(autouse=True)
def _collector_back_after_each_test() -> Iterator[None]:
    """A window or runner switches Python's automatic collector to the GUI thread
    (kcdesk.ui.gui_thread_collector); the next test, GUI or not, starts with it as usual."""
    yield
    from kcdesk.ui.gui_thread_collector import stop_collecting_on_gui_thread

    stop_collecting_on_gui_thread()


@pytest.fixture(scope="session")
def gui_app(qapp):  # type: ignore[no-untyped-def]
    """The session's QApplication with the shipped font and the window's style."""
    from kcdesk.ui.fonts import apply_font
    from kcdesk.ui.style import STYLESHEET

    qapp.setStyle("Fusion")
    apply_font(qapp, 10)
    qapp.setStyleSheet(STYLESHEET)
    return qapp


@pytest.fixture
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    from kcdesk.ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


def _window(store: Store, settings, qtbot, lang: str = "vi"):  # type: ignore[no-untyped-def]
    from kcdesk.ui.app import build_main_window

    window = build_main_window(store, settings, lang)
    # Not qtbot.addWidget: pytest-qt would close it before this fixture's teardown, and an
    # editor with unsaved input would then ask "discard changes?" (see _close).
    window.show()
    page = window.page("facilities")
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    return window


def _close(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = window.ctx.runner
    try:
        qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)
    finally:
        for editor in list(window.editors):  # never ask "discard changes?" while tearing down
            window.editors.remove(editor)
            editor.hide()
            editor.deleteLater()
        window.close()
        runner.shutdown()


@pytest.fixture
def window(store: Store, settings, qtbot, gui_app) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window over a new, empty Đà Nẵng database (user: centre leader)."""
    w = _window(store, settings, qtbot)
    yield w
    _close(w, qtbot)


@pytest.fixture
def demo_window(demo_store: Store, settings, qtbot, gui_app) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window over a copy of the 2,000-facility demo province."""
    w = _window(demo_store, settings, qtbot)
    yield w
    _close(w, qtbot)


def wait_job(qtbot, job, timeout: int = 10_000):  # type: ignore[no-untyped-def]
    """Wait until an operation has delivered its result (or failed) on the GUI thread."""
    qtbot.waitUntil(lambda: job.done, timeout=timeout)
    return job.result
