"""The main window: a composition root. Navigation on the left, one page per area (each in
its own module, built on first visit), editors as their own windows, a status bar that
says how sync stands. Nothing here reads or writes the database itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from kcdesk import __version__
from kcdesk.domain.roles import LEADERS, role_label
from kcdesk.errors import KcError
from kcdesk.paths import log_dir
from kcdesk.ui.context import AppContext
from kcdesk.ui.errors import show_refusal
from kcdesk.ui.labels import vocab
from kcdesk.ui.operations.progress_panel import JobProgressPanel
from kcdesk.ui.page import Page
from kcdesk.ui.sync.scheduler import SyncScheduler
from kcdesk.ui.sync.status import SyncStatusLabel
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


# Each page is built on first visit by its factory (imported then, so start-up stays quick),
# which also connects what the page asks the window to open.
def _facilities(window: MainWindow) -> Page:
    from kcdesk.ui.facilities.register_page import RegisterPage

    page = RegisterPage(window.ctx)
    page.open_requested.connect(window.open_facility)
    return page


def _proposals(window: MainWindow) -> Page:
    from kcdesk.ui.proposals.page import ProposalsPage

    page = ProposalsPage(window.ctx)
    page.open_requested.connect(window.open_proposal)
    return page


def _acceptances(window: MainWindow) -> Page:
    from kcdesk.ui.acceptances.page import AcceptancesPage

    page = AcceptancesPage(window.ctx)
    page.open_requested.connect(lambda ids: window.open_acceptance(*ids))
    return page


def _surveys(window: MainWindow) -> Page:
    from kcdesk.ui.surveys.page import SurveysPage

    return SurveysPage(window.ctx)


def _due(window: MainWindow) -> Page:
    from kcdesk.ui.due.page import DuePage

    page = DuePage(window.ctx)
    page.open_requested.connect(window.open_proposal)
    return page


def _dashboard(window: MainWindow) -> Page:
    from kcdesk.ui.dashboard.page import DashboardPage

    return DashboardPage(window.ctx)


def _reports(window: MainWindow) -> Page:
    from kcdesk.ui.reports.page import ReportsPage

    return ReportsPage(window.ctx)


def _sync(window: MainWindow) -> Page:
    from kcdesk.ui.sync.page import SyncPage

    page = SyncPage(window.ctx)
    page.open_requested.connect(window.open_record)
    return page


# name, title, factory, icon
PAGES: tuple[tuple[str, str, Callable[[MainWindow], Page], QStyle.StandardPixmap], ...] = (
    ("facilities", QT_TRANSLATE_NOOP("MainWindow", "Cơ sở CNNT"), _facilities, QStyle.StandardPixmap.SP_DirHomeIcon),
    (
        "proposals",
        QT_TRANSLATE_NOOP("MainWindow", "Đề án"),
        _proposals,
        QStyle.StandardPixmap.SP_FileDialogDetailedView,
    ),
    (
        "acceptances",
        QT_TRANSLATE_NOOP("MainWindow", "Nghiệm thu"),
        _acceptances,
        QStyle.StandardPixmap.SP_DialogApplyButton,
    ),
    (
        "surveys",
        QT_TRANSLATE_NOOP("MainWindow", "Khảo sát"),
        _surveys,
        QStyle.StandardPixmap.SP_FileDialogContentsView,
    ),
    ("due", QT_TRANSLATE_NOOP("MainWindow", "Việc đến hạn"), _due, QStyle.StandardPixmap.SP_MessageBoxWarning),
    (
        "dashboard",
        QT_TRANSLATE_NOOP("MainWindow", "Bảng điều khiển"),
        _dashboard,
        QStyle.StandardPixmap.SP_ComputerIcon,
    ),
    ("reports", QT_TRANSLATE_NOOP("MainWindow", "Báo cáo"), _reports, QStyle.StandardPixmap.SP_FileIcon),
    ("sync", QT_TRANSLATE_NOOP("MainWindow", "Đồng bộ"), _sync, QStyle.StandardPixmap.SP_BrowserReload),
)


class MainWindow(QMainWindow):
    page_shown = Signal(str)
    context_changed = Signal(object)  # the new AppContext (after a restore)

    ctx: AppContext
    sync_status: SyncStatusLabel
    attached = Signal()  # the frame has its context: menus, status and the first page are there

    def __init__(self, ctx: AppContext | None = None) -> None:
        """The frame (navigation, page area, status bar); with `ctx` also its contents. Without
        it the frame can be painted before the store and SQLAlchemy are loaded, and `attach`
        fills it (kcdesk.ui.app.start_main_window)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAccessibleName(QCoreApplication.translate("MainWindow", "kcdesk – Quản lý khuyến công"))
        self.resize(1366, 768)
        self.pages: dict[str, QWidget] = {}
        self.editors: list[QWidget] = []
        self.nav = QListWidget()
        self.nav.setObjectName("navList")
        self.nav.setAccessibleName(QCoreApplication.translate("MainWindow", "Điều hướng"))
        self.nav.setFixedWidth(200)
        self.nav.setIconSize(QSize(18, 18))
        for _name, title, _where, icon in PAGES:
            self.nav.addItem(QListWidgetItem(self.style().standardIcon(icon), _t(title)))
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        content = QWidget()
        self.content_layout = QHBoxLayout(content)
        self.content_layout.setContentsMargins(14, 10, 14, 6)
        self.content_layout.addWidget(self.stack)
        layout.addWidget(content, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel()
        self.user_label.setObjectName("currentUser")
        self.job_progress = JobProgressPanel()
        self.notice_label = QLabel()
        self.notice_label.setObjectName("noticeLabel")
        self.statusBar().addPermanentWidget(self.notice_label)
        self.statusBar().addPermanentWidget(self.job_progress)
        self.statusBar().addPermanentWidget(self.user_label)
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """Fill the frame over `ctx`: the sync sentence, the menus and the page it was left on."""
        self.ctx = ctx
        self.sync_status = self._bind(ctx)
        from kcdesk.ui.sign_in.lock import WindowLock

        self.window_lock = WindowLock(ctx, self)  # idle time and Win+L (a store with passwords)
        self._menus()
        self._shortcuts()
        self.nav.currentRowChanged.connect(self._nav_changed)
        start = ctx.settings.get("last_page")
        names = [p[0] for p in PAGES]
        row = names.index(start) if start in names else 0
        if self.nav.currentRow() == row:  # chosen in the frame already: no change signal
            self._nav_changed(row)
        else:
            self.nav.setCurrentRow(row)
        self.attached.emit()

    @property
    def scheduler(self) -> SyncScheduler:
        return self.ctx.scheduler

    def _bind(self, ctx: AppContext) -> SyncStatusLabel:
        """Connect the window to a context's scheduler, runner and user; the status bar's
        sync sentence is made for that context."""
        sync_status = SyncStatusLabel(ctx)
        self.statusBar().insertWidget(0, sync_status, 1)
        ctx.scheduler.progressed.connect(sync_status.show_progress)
        ctx.scheduler.running_changed.connect(lambda _r: sync_status.refresh())
        ctx.scheduler.refused.connect(lambda error: show_refusal(self, error) if isinstance(error, KcError) else None)
        ctx.user_changed.connect(lambda _u: self._show_user())
        ctx.runner.error.connect(lambda _job, error: show_refusal(self, error))
        ctx.runner.progress_wanted.connect(self.job_progress.track)
        self.setWindowTitle(f"kcdesk – {ctx.centre_name}")
        self._show_user()
        return sync_status

    def replace_context(self, ctx: AppContext) -> None:
        """Show another context (the composition root's, after a restore): the pages and the
        sync sentence of the old one are discarded and built again over the new one; the
        editors were closed before. The old context, its runner and scheduler go with it."""
        old = self.ctx
        old.scheduler.stop()
        for widget in self.pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages.clear()
        self.statusBar().removeWidget(self.sync_status)
        self.sync_status.deleteLater()
        self.ctx = ctx
        self.window_lock.ctx = ctx
        self.sync_status = self._bind(ctx)
        self._nav_changed(self.nav.currentRow())
        old.runner.deleteLater()
        old.deleteLater()
        self.context_changed.emit(ctx)

    # -- pages --------------------------------------------------------------------------

    def page(self, name: str) -> QWidget:
        """The page called `name`, built on first use (so start-up stays quick)."""
        if name not in self.pages:
            factory = next(p[2] for p in PAGES if p[0] == name)
            widget = factory(self)
            assert isinstance(widget, QWidget)
            self.pages[name] = widget
            self.stack.addWidget(widget)
        return self.pages[name]

    def show_page(self, name: str) -> QWidget:
        row = [p[0] for p in PAGES].index(name)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return self.pages[name]

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        name = PAGES[row][0]
        widget = self.page(name)
        self.stack.setCurrentWidget(widget)
        self.ctx.settings.set("last_page", name)
        self.page_shown.emit(name)

    def current_page(self) -> Page:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Page)
        return widget

    # -- editors ------------------------------------------------------------------------

    def _open(self, factory: Callable[[], QWidget]) -> Any:
        editor = factory()
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editors.append(editor)
        editor.destroyed.connect(lambda _=None, e=editor: self.editors.remove(e) if e in self.editors else None)
        editor.show()
        editor.raise_()
        return editor

    def open_facility(self, facility_id: str | None) -> Any:
        from kcdesk.ui.facilities.editor import FacilityEditor

        return self._open(lambda: FacilityEditor(self.ctx, facility_id, self))

    def open_proposal(self, proposal_id: str | None) -> Any:
        from kcdesk.ui.proposals.editor import ProposalEditor

        return self._open(lambda: ProposalEditor(self.ctx, proposal_id, self))

    def open_record(self, table: str, row_id: str) -> Any:
        """The editor of any record that has one (from the sync page's refused changes)."""
        openers = {"facility": self.open_facility, "proposal": self.open_proposal, "acceptance": self.open_acceptance}
        opener = openers.get(table)
        return opener(row_id) if opener else None

    def open_acceptance(self, acceptance_id: str | None, proposal_id: str | None = None) -> Any:
        from kcdesk.ui.acceptances.editor import AcceptanceEditor

        return self._open(lambda: AcceptanceEditor(self.ctx, acceptance_id, proposal_id, self))

    # -- menus, shortcuts, user -----------------------------------------------------------

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Tệp"))
        file_menu.addAction(QCoreApplication.translate("MainWindow", "Sao lưu ngay"), self.backup_now)
        restore = file_menu.addAction(
            QCoreApplication.translate("MainWindow", "Khôi phục từ bản sao lưu…"), self.restore_backup
        )
        restore.setObjectName("restoreAction")
        file_menu.addSeparator()
        file_menu.addAction(
            QCoreApplication.translate("MainWindow", "Nhập cơ sở CNNT từ Excel…"),
            lambda: self.open_import("facilities"),
        )
        file_menu.addAction(
            QCoreApplication.translate("MainWindow", "Nhập đề án từ Excel…"), lambda: self.open_import("proposals")
        )
        file_menu.addSeparator()
        file_menu.addAction(
            QCoreApplication.translate("MainWindow", "Mở thư mục nhật ký"),
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir()))),
        )
        file_menu.addSeparator()
        quit_action = file_menu.addAction(QCoreApplication.translate("MainWindow", "Thoát"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.user_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Người dùng"))
        self.user_menu.aboutToShow.connect(self._fill_user_menu)
        lang_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "Ngôn &ngữ"))
        lang_menu.setObjectName("languageMenu")
        # Every widget takes its text when it is built; rebuilding them all for a language a
        # person changes once is not worth the risk, so the menu says when it applies.
        lang_menu.addSection(QCoreApplication.translate("MainWindow", "Áp dụng từ lần mở kcdesk sau"))
        group = QActionGroup(self)
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.ctx.lang)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            lang_menu.addAction(action)
        help_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Trợ giúp"))
        help_menu.addAction(QCoreApplication.translate("MainWindow", "Phím tắt"), self._show_shortcuts)
        help_menu.addAction(QCoreApplication.translate("MainWindow", "Giới thiệu kcdesk"), self._about)

    def _shortcuts(self) -> None:
        for i in range(len(PAGES)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, lambda r=i: self.nav.setCurrentRow(r))
        QShortcut(QKeySequence.StandardKey.Find, self, self._find)
        QShortcut(QKeySequence.StandardKey.New, self, self._new_record)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self._refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, lambda: self.scheduler.sync_now())
        QShortcut(QKeySequence("Ctrl+L"), self, lambda: self.window_lock.lock())

    def _find(self) -> None:
        """Ctrl+F: the facility register's search (on the proposals page, its own list stays)."""
        if self.stack.currentWidget() is self.pages.get("proposals"):
            return
        from kcdesk.ui.facilities.register_page import RegisterPage

        register = self.show_page("facilities")
        assert isinstance(register, RegisterPage)
        register.focus_search()

    def _new_record(self) -> None:
        self.current_page().new_record()

    def _refresh(self) -> None:
        self.current_page().refresh()
        self.sync_status.refresh()

    def _show_user(self) -> None:
        user = self.ctx.user
        self.user_label.setText(f"{user.full_name} · {vocab(role_label(user.role))}" if user else "")

    def _fill_user_menu(self) -> None:
        """With accounts: lock, change one's password, sign in as someone else (and the
        leader's accounts dialog). Without: switch user as before, or set a first password."""
        self.user_menu.clear()
        leader = self.ctx.role in LEADERS
        if self.ctx.store.sign_in_required:
            lock = self.user_menu.addAction(_t("Khóa cửa sổ"), self.window_lock.lock)
            lock.setShortcut(QKeySequence("Ctrl+L"))
            self.user_menu.addAction(_t("Đổi mật khẩu…"), self.change_password)
            self.user_menu.addAction(_t("Đăng nhập người khác…"), self.sign_in_other)
            if leader:
                self.user_menu.addAction(_t("Quản lý tài khoản…"), self.manage_accounts)
            return
        self.user_menu.addAction(_t("Đặt mật khẩu cho tôi…"), self.change_password)
        if leader:
            self.user_menu.addAction(_t("Quản lý tài khoản…"), self.manage_accounts)
        # The frame is painted before SQLAlchemy is imported (kcdesk.ui.app.start_main_window).
        from kcdesk.services.users import list_users

        self.user_menu.addSection(QCoreApplication.translate("MainWindow", "Đổi người dùng trên máy này"))
        self.ctx.runner.read(
            list_users, self._user_actions, label=QCoreApplication.translate("MainWindow", "Đọc danh sách người dùng")
        )

    def change_password(self) -> Any:
        from kcdesk.ui.sign_in.dialogs import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx.store, self)
        dialog.accepted.connect(lambda: self.ctx.set_user(dialog.user) if dialog.user else None)
        dialog.open()
        return dialog

    def sign_in_other(self) -> Any:
        """Another person takes the laptop: the open editors close first (each asks about
        unsaved changes), so nothing typed by one is saved under the other's name."""
        for editor in list(self.editors):
            if not editor.close():
                return None
        from kcdesk.ui.sign_in.dialogs import SignInDialog

        dialog = SignInDialog(self.ctx.store, self)
        dialog.accepted.connect(lambda: self.ctx.set_user(dialog.signed.user) if dialog.signed else None)
        dialog.open()
        return dialog

    def manage_accounts(self) -> Any:
        from kcdesk.ui.sign_in.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.ctx.store, self)
        dialog.open()
        return dialog

    def _user_actions(self, users: list[Any]) -> None:
        for u in users:
            action = self.user_menu.addAction(f"{u.full_name} – {vocab(role_label(u.role))}")
            action.setCheckable(True)
            action.setChecked(self.ctx.user is not None and u.id == self.ctx.user.id)
            action.triggered.connect(lambda _=False, uid=u.id: self.switch_user(uid))

    def switch_user(self, user_id: str) -> Any:
        """Only on a database without passwords; with accounts a person signs in (sign_in_other)."""
        if self.ctx.store.sign_in_required:
            return self.sign_in_other()
        # The frame is painted before SQLAlchemy is imported (kcdesk.ui.app.start_main_window).
        from kcdesk.services.users import switch_user

        return self.ctx.runner.write(
            lambda s: switch_user(s, user_id),
            self.ctx.set_user,
            label=QCoreApplication.translate("MainWindow", "Đổi người dùng"),
        )

    def choose_language(self, lang: str) -> None:
        self.ctx.settings.set("language", lang)
        QMessageBox.information(
            self,
            QCoreApplication.translate("MainWindow", "Ngôn ngữ"),
            QCoreApplication.translate("MainWindow", "Ngôn ngữ mới được áp dụng khi mở lại kcdesk."),
        )

    def _show_shortcuts(self) -> None:
        QMessageBox.information(
            self,
            QCoreApplication.translate("MainWindow", "Phím tắt"),
            QCoreApplication.translate(
                "MainWindow",
                "Ctrl+1 … Ctrl+8: chuyển trang\nCtrl+F: tìm cơ sở\nCtrl+N: thêm mới\nCtrl+S: lưu\n"
                "Esc: đóng cửa sổ sửa\nF5: làm mới\nF9: đồng bộ ngay\nEnter: mở dòng đang chọn",
            ),
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("MainWindow", "Giới thiệu kcdesk"),
            QCoreApplication.translate(
                "MainWindow",
                "kcdesk {version}\nQuản lý khuyến công ngoại tuyến cho Trung tâm Khuyến công và Tư vấn phát triển "
                "công nghiệp.",
            ).format(version=__version__),
        )

    # -- background work at start, backups, restore, import ---------------------------------

    def start_background(self) -> None:
        """Once the window is shown: the day's automatic backup and the sync timer."""
        self.daily_backup()
        self.scheduler.start()

    def daily_backup(self) -> Any:
        from kcdesk.ui.operations.backups import start_daily_backup

        return start_daily_backup(self.ctx, self._backed_up, self._backup_failed)

    def _backed_up(self, path: Any) -> None:
        if path is not None:
            self.notice(QCoreApplication.translate("MainWindow", "Đã sao lưu: {name}").format(name=path.name))

    def _backup_failed(self, error: BaseException) -> None:
        if not isinstance(error, KcError):
            raise error
        # The database itself is fine: say why there is no copy today, and carry on.
        text = QCoreApplication.translate("MainWindow", "Chưa sao lưu được hôm nay: {reason}")
        self.notice(text.format(reason=error.text(self.ctx.lang)), warning=True)

    def notice(self, text: str, *, warning: bool = False) -> None:
        """A line at the right of the status bar: a warning stays, good news fades after 15 s."""
        self.notice_label.setText(text)
        self.notice_label.setToolTip(text)
        self.notice_label.setProperty("severity", "overdue" if warning else "later")
        self.notice_label.style().unpolish(self.notice_label)
        self.notice_label.style().polish(self.notice_label)
        if not warning:
            QTimer.singleShot(
                15_000, self, lambda: self.notice_label.setText("") if self.notice_label.text() == text else None
            )

    def backup_now(self) -> Any:
        from kcdesk.ui.operations.backups import make_manual_backup

        return make_manual_backup(self.ctx, self, self._backed_up)

    def restore_backup(self, source: Any = None) -> Any:
        """ "Khôi phục từ bản sao lưu…": choose (or `source`), confirm, restore, refresh."""
        from kcdesk.ui.operations.backups import RestoreFlow

        flow = RestoreFlow(self)
        flow.restored.connect(
            lambda safety: self.notice(
                QCoreApplication.translate("MainWindow", "Đã khôi phục. Dữ liệu trước đó được giữ ở {name}").format(
                    name=safety.name
                )
            )
        )
        if source is None:
            flow.ask()
        else:
            flow.confirm_and_restore(source)
        return flow

    def open_import(self, kind: str) -> Any:
        from kcdesk.ui.reports.page import ReportsPage

        page = self.page("reports")
        assert isinstance(page, ReportsPage)
        return page.open_import(kind)

    # -- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not hasattr(self, "ctx"):  # closed while its data was still opening: nothing to save
            event.accept()
            return
        running = self.job_progress.labels()
        if running:  # closing now could cut an import or a report short: say so, stay open
            QMessageBox.information(
                self,
                QCoreApplication.translate("MainWindow", "Chưa đóng được"),
                QCoreApplication.translate(
                    "MainWindow",
                    "kcdesk đang làm: {jobs}.\nHãy đợi xong (hoặc bấm Hủy ở thanh trạng thái) rồi đóng cửa sổ.",
                ).format(jobs="; ".join(running)),
            )
            event.ignore()
            return
        for editor in list(self.editors):
            if not editor.close():
                event.ignore()
                return
        self.scheduler.stop()
        self.window_lock.stop()
        self.ctx.settings.set("window_geometry", bytes(self.saveGeometry().data()))
        self.ctx.settings.sync()
        event.accept()
