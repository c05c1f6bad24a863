"""The main window as a whole: pages, names for automation and screen readers, the status
bar, English, the error dialog, the first-run wizard, settings, reports."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kcdesk.services.facilities import create_facility
from kcdesk.services.setup import identity
from kcdesk.ui.main_window import PAGES

NAMES = (
    "mainWindow",
    "navList",
    "facilityTable",
    "facilitySearch",
    "proposalTable",
    "surveyForm",
    "dueList",
    "dashboard",
    "syncStatus",
)
# Inside a proposal's editor and the forms it opens (issue 10): the money tab and its button,
# the monthly progress report (Mẫu 3a) and the post-support evaluation.
EDITOR_NAMES = ("moneyTab", "addPaymentButton", "progressReportForm", "evaluationForm")


def test_every_page_opens_and_the_main_widgets_have_stable_names(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for row, (name, *_rest) in enumerate(PAGES):
        demo_window.nav.setCurrentRow(row)
        assert demo_window.stack.currentWidget() is demo_window.pages[name]
    for name in NAMES:
        widget = demo_window if name == "mainWindow" else demo_window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    due = demo_window.pages["due"]
    qtbot.waitUntil(lambda: due.tree.topLevelItemCount() > 0, timeout=10_000)
    dashboard = demo_window.pages["dashboard"]
    qtbot.waitUntil(lambda: len(dashboard.by_month.chart().series()) == 1, timeout=10_000)
    assert dashboard.cards["plan"].text().endswith("đồng")
    assert "%" in dashboard.cards["counterpart"].text()
    # Opening a due item opens its proposal.
    item = due.tree.topLevelItem(0)
    due.open_requested.emit(item.data(0, Qt.ItemDataRole.UserRole + 1))
    assert demo_window.editors[-1].objectName() == "proposalEditor"


def test_every_page_is_a_page_and_ctrl_n_f5_go_through_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.ui.page import Page

    for row, (name, *_rest) in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        assert isinstance(window.pages[name], Page), name
        window._refresh()  # F5 on every page reads again without asking the window for methods
    window.show_page("facilities")
    window._new_record()  # Ctrl+N on the register: a new facility's editor
    assert window.editors[-1].objectName() == "facilityEditor"
    window.editors[-1].close()
    window.show_page("dashboard")
    count = len(window.editors)
    window._new_record()  # a page without records of its own: nothing opens
    assert len(window.editors) == count


def test_the_proposal_follow_up_widgets_have_stable_names(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from kcdesk.db.models import Proposal

    with demo_window.ctx.store.read() as s:
        pid = s.execute(select(Proposal.id).where(Proposal.status == "in_progress").limit(1)).scalar_one()
    editor = demo_window.open_proposal(pid)
    qtbot.waitUntil(lambda: editor.status == "in_progress", timeout=10_000)
    forms = {"progressReportForm": editor.progress.open_form(), "evaluationForm": editor.open_evaluation(None)}
    for name in EDITOR_NAMES:
        widget = forms.get(name) or editor.findChild(QWidget, name)
        assert widget is not None and widget.objectName() == name, name
        assert widget.accessibleName(), name
    for form in forms.values():
        form.close()


def test_status_bar_counts_pending_changes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    status = window.sync_status
    qtbot.waitUntil(lambda: bool(status.facts), timeout=10_000)
    assert status.objectName() == "syncStatus"
    assert "Ngoại tuyến" in status.text() and "chưa đồng bộ" in status.text()
    before = status.facts["pending"]
    with qtbot.waitSignal(status.refreshed, timeout=10_000):
        window.ctx.runner.write(
            lambda s: create_facility(
                s, {"name": "Cơ sở Đồng bộ", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
            ),
            changes={"facility"},
        )
    assert status.facts["pending"] > before
    assert f"{status.facts['pending']} thay đổi chờ gửi" in status.text()


def test_english_is_switchable(store, settings, qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.ui.app import build_main_window
    from kcdesk.ui.translations import install_translators, remove_translators

    translators = install_translators("en")
    try:
        window = build_main_window(store, settings, "en")
        page = window.page("facilities")
        assert window.nav.item(0).text() == "Facilities" and window.nav.item(1).text() == "Proposals"
        assert page.new_button.text() == "Add facility"
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Facility name"
        qtbot.waitUntil(lambda: bool(window.sync_status.facts), timeout=10_000)
        assert window.sync_status.text().startswith("Offline")
        # The sync, reports and import screens speak English too.
        sync = window.page("sync")
        assert sync.sync_button.text() == "Sync now (F9)" and sync.tabs.tabText(0).startswith("Conflicts to resolve")
        reports = window.page("reports")
        assert reports.import_facilities_button.text() == "Import facilities…"
        assert reports.kind.itemText(0) == "Periodic report, whole year"
        qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=10_000)
        window.close()
    finally:
        remove_translators(translators)
    assert QGuiApplication.translate("MainWindow", "Đề án") == "Đề án"


def test_language_and_settings_persist(window, settings) -> None:  # type: ignore[no-untyped-def]
    settings.set("language", "en")
    settings.sync()
    from kcdesk.ui.settings import Settings

    again = Settings(settings.path)
    assert again.get("language") == "en" and again.get("font_point_size") == 10
    assert again.get("last_page") in {p[0] for p in PAGES}


def test_error_dialog_copies_the_report(gui_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.ui.errors import ErrorDialog, debug_info

    try:
        raise RuntimeError("hỏng ở đây")
    except RuntimeError:
        report = debug_info(*sys.exc_info())
    dialog = ErrorDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.copy_button.text() == "Sao chép thông tin lỗi"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "RuntimeError: hỏng ở đây" in copied and copied.startswith("kcdesk ")


def test_first_run_wizard_creates_the_database(gui_app, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.db.store import Store
    from kcdesk.ui.app import _provinces, apply_setup
    from kcdesk.ui.first_run.dialog import FirstRunDialog
    from kcdesk.ui.logic.first_run import FirstRunWizard
    from tests.ui.typing_helpers import retype, type_text

    db = tmp_path / "moi" / "kcdesk.db"
    dialog = FirstRunDialog(FirstRunWizard(db, _provinces()))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    retype(dialog.province, "")
    type_text(dialog.province, "ha noi")
    assert dialog.province.code() == "01"
    assert dialog.centre.text().endswith("Thành phố Hà Nội")
    type_text(dialog.user_name, "Trần Thị Lan")
    type_text(dialog.password, "lan-lanh-dao-1")
    type_text(dialog.password_again, "lan-lanh-dao-1")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.next_button.text() == "Bắt đầu"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.plan is not None and dialog.plan.province_code == "01"
    store = apply_setup(dialog.plan)
    try:
        with store.read() as s:
            ident = identity(s)
        assert ident is not None and ident.province_code == "01" and db.exists()
        # the first account: this person, with the password, signed in already
        assert store.sign_in_required and store.signed_in_user_id == ident.user_id
    finally:
        store.close()
    assert Store  # imported for the reader: the store above is a real file


def test_a_report_is_made_off_the_gui_thread(demo_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.page("reports")
    out = tmp_path / "bao-cao.pdf"
    with qtbot.waitSignal(page.made, timeout=60_000):
        page.make("periodic_year", 2025, out)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert "Đã lưu" in page.result.text()
