"""`kcdesk` with no subcommand: the window.

Order matters: the exception hook and the log file come before the QApplication (no
start-up error is lost), translations and the font before the first widget, the database
(first-run setup if needed) before the main window.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kcdesk.errors import KcError
from kcdesk.paths import default_db_path
from kcdesk.ui.errors import install_excepthook
from kcdesk.ui.logsetup import setup_logging
from kcdesk.ui.settings import Settings

# The store, the services and SQLAlchemy under them are imported where they are used: the
# window's frame is painted first, and they load after it (start_main_window).
if TYPE_CHECKING:
    from kcdesk.db.store import Store
    from kcdesk.ui.logic.first_run import SetupPlan
    from kcdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def build_main_window(store: Store, settings: Settings, lang: str = "vi") -> MainWindow:
    """The main window over an initialised store, built at once (the tests)."""
    from kcdesk.ui.composition import build_context

    window = _frame(settings)
    window.attach(build_context(store, settings, lang))
    return window


def _frame(settings: Settings) -> MainWindow:
    from PySide6.QtCore import QByteArray

    from kcdesk.ui.main_window import MainWindow

    window = MainWindow()
    geometry = settings.get("window_geometry")
    if geometry:
        window.restoreGeometry(QByteArray(geometry))
    return window


class _AfterFirstPaint(QObject):
    """Run `then` once `widget` has been painted (so what it shows is on screen before slow
    work starts), or after `fallback_ms` if no paint comes (a window started minimised)."""

    def __init__(self, widget: QWidget, then: Callable[[], None], fallback_ms: int = 1500) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)  # after this paint has reached the screen
        return False

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def start_main_window(
    db_path: Path, settings: Settings, lang: str, hold_other_file: Callable[[Path], bool] | None = None
) -> MainWindow:
    """Show the window's frame at once and open the database once it is painted: the store,
    SQLAlchemy and the first page load behind a frame already on screen (issue 14). The
    window emits `attached` when it is filled; a database that cannot be opened is explained
    in a box and the event loop ends with its exit code (0 when the first-run setup is left).
    Used by run_gui when the database file exists, and by bench/bench_gui.py. When the
    first-run setup chose another file, `hold_other_file` moves the one-window hold onto it
    (False: another window has that file, so this one closes without touching it)."""
    window = _frame(settings)
    window.show()

    def fill() -> None:
        if not window.isVisible():  # closed before its data came: nothing to open
            return
        from kcdesk.ui.composition import build_context

        try:
            store = open_or_set_up(db_path, settings)
        except KcError as exc:
            from kcdesk.ui.errors import start_problem_box

            log.error("cannot open %s: %s", db_path, exc.text("vi"))
            window.hide()
            start_problem_box(exc, lang).exec()
            QCoreApplication.exit(exc.exit_code)
            return
        if store is None:  # the first-run setup was left
            QCoreApplication.exit(0)
            return
        moved = store.path.resolve() != db_path.resolve()
        if moved and hold_other_file is not None and not hold_other_file(store.path):
            store.close()
            QCoreApplication.exit(3)
            return
        from kcdesk.ui.sign_in.dialogs import sign_in_at_start

        if not sign_in_at_start(store):  # a database with accounts: who is working? (quit: nothing opened)
            store.close()
            QCoreApplication.exit(0)
            return
        settings.set("last_db_path", str(store.path))
        window.attach(build_context(store, settings, lang))
        window.start_background()  # the day's backup and the sync timer, once the window is up

    _AfterFirstPaint(window, fill)
    return window


def prepare_application(settings: Settings, lang: str) -> tuple[QApplication, list[object]]:
    from kcdesk.ui.fonts import apply_font
    from kcdesk.ui.gui_thread_collector import collect_on_gui_thread_only
    from kcdesk.ui.style import STYLESHEET
    from kcdesk.ui.translations import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("kcdesk")
    app.setApplicationDisplayName("kcdesk")
    app.setOrganizationName("kcdesk")
    app.setStyle("Fusion")
    translators = install_translators(lang)
    apply_font(app, int(settings.get("font_point_size")))
    app.setStyleSheet(STYLESHEET)
    collect_on_gui_thread_only()  # before any worker thread starts (kcdesk.ui.gui_thread_collector)
    return app, list(translators)


def _provinces() -> dict[str, str]:
    from kcdesk.db.refdata import current_units

    rows = current_units("units-2026-07-25.json", "")
    return {r["code"]: r["full_name"] for r in rows if r["level"] == "province"}


def open_or_set_up(db_path: Path, settings: Settings) -> Store | None:
    """Open the database, or walk the person through the first-run setup. None: they quit."""
    from kcdesk.db.store import Store
    from kcdesk.services.setup import identity

    if db_path.exists():
        from kcdesk.ui.sign_in.unlock import offer_encryption, unlock_at_start

        if not unlock_at_start(db_path):  # encrypted, and the person quit the unlock dialog
            return None
        offer_encryption(db_path, settings=settings)  # a plain database where the keyring works: encrypt it now?
        store = Store.open(db_path)
        with store.read() as session:
            if identity(session) is not None:
                return store
        store.close()
    from kcdesk.ui.first_run.dialog import FirstRunDialog
    from kcdesk.ui.logic.first_run import FirstRunWizard

    dialog = FirstRunDialog(FirstRunWizard(db_path, _provinces()))
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted or dialog.plan is None:
        return None
    return apply_setup(dialog.plan)


def apply_setup(plan: SetupPlan) -> Store:
    """Create and initialise the database the wizard planned, with demo data if asked.
    Runs before the main window exists, behind a progress dialog, on the writer thread."""
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QProgressDialog

    from kcdesk.db.store import Store
    from kcdesk.demo.build import build_demo
    from kcdesk.services.setup import initialize
    from kcdesk.services.sign_in import set_first_password

    store = Store.open(plan.db_path, create=True)
    progress = QProgressDialog(QCoreApplication.translate("App", "Đang tạo cơ sở dữ liệu…"), "", 0, 0)
    progress.setCancelButton(None)
    progress.setWindowTitle("kcdesk")
    progress.show()

    def work() -> None:
        if plan.demo_facilities:
            build_demo(store, province=plan.province_code, facilities=plan.demo_facilities)
        store.write(
            lambda s: initialize(
                s,
                province_code=plan.province_code,
                centre_name=plan.centre_name,
                user_full_name=plan.user_full_name or None,
                role="centre_leader",
            )
        )
        store.reload_identity()
        if plan.password:  # the first account: this person, signed in from now on
            set_first_password(store, plan.password)

    import threading

    loop = QEventLoop()
    done: list[BaseException | None] = []

    def run() -> None:
        try:
            work()
            done.append(None)
        except BaseException as exc:  # shown below, on the GUI thread
            done.append(exc)
        from PySide6.QtCore import QMetaObject, Qt

        QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)

    threading.Thread(target=run, name="kcdesk-setup", daemon=True).start()
    loop.exec()
    progress.close()
    if done and done[0] is not None:
        raise done[0]
    store.reload_identity()
    return store


def _one_window(db_path: Path, lang: str):  # type: ignore[no-untyped-def]
    """The window's hold on its database (released when the process ends), or None after
    telling the person that another window has it open."""
    from kcdesk.sync.process_lock import already_open, window_lock

    guard = window_lock(db_path)
    try:
        if guard.acquire():
            return guard
    except OSError as exc:  # a folder it cannot write: opening the data says so, with what to do
        log.warning("no window lock beside %s: %s", db_path, exc)
        return guard
    from kcdesk.ui.errors import start_problem_box

    log.warning("%s is open in another window", db_path)
    start_problem_box(already_open(db_path, guard), lang).exec()
    return None


def run_gui(args: argparse.Namespace) -> int:
    install_excepthook()
    setup_logging()
    settings = Settings()
    lang = getattr(args, "lang", None) or settings.get("language")
    app, translators = prepare_application(settings, lang)
    db_path = Path(getattr(args, "db", None) or settings.get("last_db_path") or default_db_path())
    guard = _one_window(db_path, lang)  # before anything is opened: a second window changes nothing
    if guard is None:
        return 3
    if db_path.is_file():  # the usual start: the frame first, the data behind it
        held = [guard]

        def hold_other_file(path: Path) -> bool:  # the first-run setup chose another file
            held[0].release()
            other = _one_window(path, lang)
            if other is None:
                return False
            held[0] = other
            return True

        window = start_main_window(db_path, settings, lang, hold_other_file)
        code = app.exec()
        if hasattr(window, "ctx"):
            window.ctx.runner.shutdown()
            window.ctx.store.close()  # after a restore, the store the composition root opened again
        del translators
        return int(code)
    try:
        store = open_or_set_up(db_path, settings)
    except KcError as exc:
        from kcdesk.ui.errors import start_problem_box

        log.error("cannot open %s: %s", db_path, exc.text("vi"))
        start_problem_box(exc, lang).exec()
        return exc.exit_code
    if store is None:
        return 0
    from kcdesk.ui.sign_in.dialogs import sign_in_at_start

    if not sign_in_at_start(store):  # a database with accounts: who is working? (quit: nothing opened)
        store.close()
        return 0
    if store.path.resolve() != db_path.resolve():  # the first-run wizard chose another file
        guard.release()
        guard = _one_window(store.path, lang)
        if guard is None:
            store.close()
            return 3
    settings.set("last_db_path", str(store.path))
    window = build_main_window(store, settings, lang)
    window.show()
    window.start_background()  # the day's backup and the sync timer, once the window is up
    code = app.exec()
    window.ctx.runner.shutdown()
    window.ctx.store.close()  # after a restore, the store the composition root opened again
    del translators
    return int(code)
