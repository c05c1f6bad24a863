"""A proposal after its approval, through the window, by objectName: record an advance and a
payment on the money tab and watch the totals and the remaining khuyến công budget; an
over-budget payment refused beside its field with nothing written; a mistaken entry
reversed; monthly progress reports (one late) that clear the due list; acceptance,
settlement; a post-support evaluation with a photo, the proposal "evaluated" and the
facility profile showing before and after."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from kcdesk.db.models import AppUser
from kcdesk.ids import new_id
from kcdesk.services import acceptances, proposals
from kcdesk.services.attachments import attachment_rows
from kcdesk.services.facilities import create_facility
from kcdesk.services.proposals import BudgetInput
from tests.followup import footprint
from tests.ui.conftest import wait_job
from tests.ui.photos import photo_with_gps
from tests.ui.typing_helpers import retype, type_text

MONTHLY = "Báo cáo tiến độ thực hiện hằng tháng (Mẫu 3a)"


class Days(NamedTuple):
    """The dates the story is told around, read when a test starts: a suite that was
    collected before midnight and runs after it must not expect yesterday's lateness."""

    today: date
    last_month: date  # its first day
    start: date  # the first lifecycle step; the rest follow a day apart


@pytest.fixture
def days() -> Days:
    today = date.today()
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    return Days(today, last_month, last_month - timedelta(days=40))


def _setup(store, days: Days) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    """A facility and a KCĐP proposal (khuyến công 200 million, counterpart 100 million)
    walked to "in progress" with the real steps; and a Department reviewer to settle it."""

    def write(s):  # type: ignore[no-untyped-def]
        reviewer = AppUser(
            id=new_id(),
            username="thamdinh",
            full_name="Phạm Thị Thẩm Định",
            role="so_reviewer",
            province_code="48",
            active=True,
        )
        s.add(reviewer)
        fid = create_facility(
            s,
            {
                "name": "Hợp tác xã Mây tre đan Hòa Vang",
                "facility_type": "htx",
                "province_code": "48",
                "ward_code": "20194",
            },
        )
        pid = proposals.create_proposal(
            s,
            {
                "title": "Hỗ trợ máy chẻ nan tre tự động",
                "level": "KCDP",
                "plan_year": days.last_month.year,
                "implementing_unit": "Trung tâm Khuyến công Đà Nẵng",
            },
            activities=["KC3.3"],
            beneficiaries=[fid],
            budget=[BudgetInput("Máy chẻ nan tre", kc_amount=200_000_000, counterpart_amount=100_000_000)],
        )
        steps = (
            ("submit", "centre_staff"),
            ("appraise", "so_reviewer"),
            ("approve_local", "so_reviewer"),
            ("sign_contract", "centre_leader"),
            ("start", "accountant"),
        )
        for i, (action, role) in enumerate(steps):
            proposals.transition(s, pid, action, role=role, on=days.start + timedelta(days=i))
        return fid, pid, reviewer.id

    return store.write(write)


def _signed_acceptance(store, pid: str, accepted_amount: int, on: date) -> None:  # type: ignore[no-untyped-def]
    """The acceptance record as the acceptance editor makes it (tested on its own), signed."""
    aid = store.write(
        lambda s: acceptances.create_acceptance(
            s,
            pid,
            {
                "accepted_on": on,
                "number": "07/BB-TTKC",
                "conclusion": "dat",
                "approved_kc_amount": 200_000_000,
                "accepted_amount": accepted_amount,
            },
            members=[{"full_name": "Lê Văn Bình", "role": "chu_tri", "position": "Phó Giám đốc Sở"}],
        )
    )
    store.write(lambda s: acceptances.sign_acceptance(s, aid, store.user_id))


def _child(parent: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    widget = parent.findChild(cls, name)
    assert widget is not None, name
    return widget


def _fill(form: QWidget, **typed: str) -> None:
    """Type into the form's boxes, found by their field names."""
    for key, text in typed.items():
        box = _child(form, QWidget, key)
        if isinstance(box, QPlainTextEdit):
            box.clear()
            type_text(box, text)
        else:
            retype(box, text)


def _choose(form: QWidget, key: str, data: object) -> None:
    combo = _child(form, QComboBox, key)
    combo.setCurrentIndex(combo.findData(data))


def _error(form: QWidget, key: str) -> str:
    label = _child(form, QLabel, f"error_{key}")
    return label.text() if label.isVisibleTo(form) else ""


def _submit(qtbot, editor, form) -> None:  # type: ignore[no-untyped-def]
    """Press the form's button; the core accepts, the form closes and the editor reads again."""
    with qtbot.waitSignal(editor.ready, timeout=10_000):
        qtbot.mouseClick(_child(form, QPushButton, "submitButton"), Qt.MouseButton.LeftButton)


def _close_discarding(form: QWidget) -> None:
    """Close a form over what was typed; the editors' question is answered "Bỏ thay đổi"."""

    def reply() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, reply)
            return
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()

    QTimer.singleShot(0, reply)
    form.close()


def _refused(qtbot, form) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(form.saved, timeout=1500, raising=False) as blocker:
        qtbot.mouseClick(_child(form, QPushButton, "submitButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not form.busy, timeout=10_000)
    assert not blocker.signal_triggered and form.isVisible()


def _totals(money: QWidget) -> list[list[str]]:
    table = _child(money, QTableWidget, "moneyTotals")
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _deadline_badges(editor) -> list[str]:  # type: ignore[no-untyped-def]
    """The deadline badges under the proposal's title."""
    row = editor.deadlines
    return [row.itemAt(i).widget().text() for i in range(row.count()) if row.itemAt(i).widget() is not None]


def _due_rules(window, pid: str) -> set[str]:  # type: ignore[no-untyped-def]
    """What the due list shows for this proposal (the rules' names)."""
    tree = window.page("due").tree
    return {
        tree.topLevelItem(i).text(3)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 1) == pid
    }


def test_money_progress_settlement_and_evaluation_through_the_window(window, qtbot, tmp_path, days: Days) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    leader = window.ctx.user_id
    fid, pid, reviewer = _setup(store, days)
    window.show_page("due")
    qtbot.waitUntil(lambda: MONTHLY in _due_rules(window, pid), timeout=10_000)
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.counts is not None and dashboard.counts.progress_missing == 1, timeout=10_000)
    assert "1 đề án chưa nộp báo cáo tiến độ" in _child(dashboard, QLabel, "followUpSummary").text()

    editor = window.open_proposal(pid)
    qtbot.waitUntil(lambda: editor.status == "in_progress", timeout=10_000)
    money = _child(editor, QWidget, "moneyTab")
    editor.tabs.setCurrentWidget(money)
    remaining = _child(money, QLabel, "remainingBudget")
    assert remaining.text().startswith("Kinh phí khuyến công còn được chi: 200.000.000 đồng")

    # An advance, then a payment: totals per fund source and the remaining budget follow.
    # An edit of the proposal not saved yet stays as typed meanwhile.
    retype(editor.fields.title, "Hỗ trợ máy chẻ nan tre tự động (bổ sung)")
    assert editor.unsaved
    qtbot.mouseClick(_child(money, QPushButton, "addPaymentButton"), Qt.MouseButton.LeftButton)
    form = money.form
    assert form.objectName() == "paymentForm" and form.isVisible()
    assert _child(form, QComboBox, "kind").currentData() == "tam_ung"  # the work runs: an advance
    _fill(form, amount="60.000.000", document_number="01/TU-TTKC", note="Tạm ứng đợt 1")
    _submit(qtbot, editor, form)
    assert _totals(money)[0] == ["200.000.000", "60.000.000", "0", "60.000.000", "140.000.000", ""]
    assert "còn được chi: 140.000.000 đồng" in remaining.text()
    assert editor.unsaved and editor.fields.title.text() == "Hỗ trợ máy chẻ nan tre tự động (bổ sung)"
    with qtbot.waitSignal(editor.ready, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.unsaved and editor.data["proposal"]["title"].endswith("(bổ sung)")

    qtbot.mouseClick(_child(money, QPushButton, "addPaymentButton"), Qt.MouseButton.LeftButton)
    form = money.form
    _choose(form, "kind", "thanh_toan")
    _fill(form, amount="100.000.000", document_number="02/TT-TTKC")
    _submit(qtbot, editor, form)
    assert _totals(money)[0] == ["200.000.000", "60.000.000", "100.000.000", "160.000.000", "40.000.000", ""]
    assert "còn được chi: 40.000.000 đồng (đã chi 160.000.000 đồng" in remaining.text()
    ledger = _child(money, QTreeWidget, "moneyLedger")
    assert [ledger.topLevelItem(i).text(4) for i in range(ledger.topLevelItemCount())] == [
        "60.000.000",
        "160.000.000",
    ]

    # Over the approved khuyến công budget: refused beside the amount, nothing written.
    before = footprint(store)
    qtbot.mouseClick(_child(money, QPushButton, "addPaymentButton"), Qt.MouseButton.LeftButton)
    form = money.form
    _choose(form, "kind", "thanh_toan")
    _fill(form, amount="5O.000.000")  # a letter O: the window says so before asking the core
    _refused(qtbot, form)
    assert "chỉ gồm chữ số" in _error(form, "amount")
    _fill(form, amount="50.000.000")
    _refused(qtbot, form)
    assert "vượt kinh phí khuyến công được duyệt 200.000.000 đồng" in _error(form, "amount")
    assert "còn được chi tối đa 40.000.000 đồng" in _error(form, "amount")
    assert footprint(store) == before
    _close_discarding(form)  # "Hủy" over typed amounts asks first, as every editor does
    qtbot.waitUntil(lambda: money.form is None)

    # A counterpart payment entered by mistake is reversed, never edited: both stay listed.
    qtbot.mouseClick(_child(money, QPushButton, "addPaymentButton"), Qt.MouseButton.LeftButton)
    form = money.form
    _choose(form, "kind", "thanh_toan")
    _choose(form, "fund_source", "doi_ung")
    _fill(form, amount="30.000.000", document_number="03/TT-TTKC")
    _submit(qtbot, editor, form)
    assert _totals(money)[1][2] == "30.000.000"
    reverse = _child(money, QPushButton, "reverseEntryButton")
    ledger.setCurrentItem(ledger.topLevelItem(2))
    assert reverse.isEnabled()
    qtbot.mouseClick(reverse, Qt.MouseButton.LeftButton)
    form = money.form
    assert form.objectName() == "reversalForm" and "30.000.000" in _child(form, QLabel, "formSubject").text()
    _fill(form, note="Ghi nhầm: khoản này chưa chi")
    _submit(qtbot, editor, form)
    assert ledger.topLevelItemCount() == 4
    assert ledger.topLevelItem(3).text(3) == "-30.000.000" and "Đảo khoản ngày" in ledger.topLevelItem(3).text(6)
    assert "Đã bị đảo" in ledger.topLevelItem(2).text(6) and ledger.topLevelItem(2).font(3).strikeOut()
    assert _totals(money)[1][2] == "0" and _totals(money)[0][3] == "160.000.000"
    ledger.setCurrentItem(ledger.topLevelItem(2))
    assert not reverse.isEnabled()  # reversed once is enough

    # Monthly progress (Mẫu 3a): last month's is overdue; filed today it is marked late.
    progress = _child(editor, QWidget, "progressTab")
    editor.tabs.setCurrentWidget(progress)
    missing = _child(progress, QLabel, "progressMissing")
    assert f"tháng {days.last_month:%m/%Y}" in missing.text() and "quá hạn" in missing.text()
    assert any(MONTHLY in text and "quá hạn" in text for text in _deadline_badges(editor))
    qtbot.mouseClick(_child(progress, QPushButton, "addProgressReportButton"), Qt.MouseButton.LeftButton)
    form = progress.form
    assert form.objectName() == "progressReportForm"
    assert _child(form, QWidget, "period").text() == f"{days.last_month:%m/%Y}"
    assert (
        f"là trễ {(days.today - date(days.last_month.year, days.last_month.month, 25)).days} ngày"
        in _child(form, QLabel, "progressLateness").text()
    )
    _fill(
        form,
        completed_pct="45,5",
        spent="160.000.000",
        outputs="Đã lắp đặt máy chẻ nan, chạy thử",
        issues="Nguồn điện yếu",
        recommendations="Đề nghị hỗ trợ ổn áp",
    )
    _submit(qtbot, editor, form)
    reports = _child(progress, QTreeWidget, "progressReports")
    late_days = (days.today - date(days.last_month.year, days.last_month.month, 25)).days
    first = reports.topLevelItem(0)
    assert (first.text(0), first.text(3), first.text(4)) == (
        f"{days.last_month:%m/%Y}",
        f"Trễ {late_days} ngày",
        "45,5%",
    )
    # This month's comes next; filing it clears the due item everywhere.
    assert f"tháng {days.today:%m/%Y}" in missing.text()
    qtbot.mouseClick(_child(progress, QPushButton, "addProgressReportButton"), Qt.MouseButton.LeftButton)
    form = progress.form
    assert _child(form, QWidget, "period").text() == f"{days.today:%m/%Y}"
    _fill(form, completed_pct="80", spent="160.000.000")
    _submit(qtbot, editor, form)
    assert reports.topLevelItemCount() == 2
    assert missing.text() == "Không còn tháng nào thiếu báo cáo tiến độ."
    assert not any(MONTHLY in text for text in _deadline_badges(editor))
    qtbot.waitUntil(lambda: MONTHLY not in _due_rules(window, pid), timeout=10_000)
    qtbot.waitUntil(lambda: dashboard.counts.progress_missing == 0, timeout=10_000)
    assert "đã đủ báo cáo tiến độ" in _child(dashboard, QLabel, "followUpSummary").text()
    # A filed report is corrected, not filed twice: double-click, change, save.
    reports.itemDoubleClicked.emit(reports.topLevelItem(0), 0)
    form = progress.form
    assert _child(form, QWidget, "completed_pct").text() == "45,5" and form.report_id is not None
    _fill(form, completed_pct="50")
    _submit(qtbot, editor, form)
    assert reports.topLevelItem(0).text(4) == "50%" and reports.topLevelItem(0).text(3) == f"Trễ {late_days} ngày"
    # A second report for the same month is refused beside the month.
    before = footprint(store)
    qtbot.mouseClick(_child(progress, QPushButton, "addProgressReportButton"), Qt.MouseButton.LeftButton)
    form = progress.form
    _refused(qtbot, form)
    assert _error(form, "period") and footprint(store) == before
    form.close()

    # Acceptance (signed with the acceptance editor's service), then the steps to settlement.
    _signed_acceptance(store, pid, accepted_amount=150_000_000, on=days.today)
    for action in ("accept", "submit_settlement"):
        with qtbot.waitSignal(editor.ready, timeout=10_000):
            qtbot.mouseClick(editor.action_buttons[action], Qt.MouseButton.LeftButton)
    assert editor.status == "settlement_submitted"
    wait_job(qtbot, window.switch_user(reviewer))
    qtbot.mouseClick(editor.action_buttons["settle"], Qt.MouseButton.LeftButton)
    form = editor.settlement_form
    assert form.objectName() == "settlementForm"
    assert _child(form, QWidget, "amount").text() == "160.000.000"  # what was paid out, to confirm
    before = footprint(store)
    _refused(qtbot, form)
    assert "vượt kinh phí khuyến công đã nghiệm thu 150.000.000 đồng" in _error(form, "amount")
    assert footprint(store) == before and editor.status == "settlement_submitted"
    _fill(form, amount="150.000.000", document_number="25/QĐ-SCT")
    _submit(qtbot, editor, form)
    assert editor.status == "settled" and editor.status_badge.text() == "Đã quyết toán"
    editor.tabs.setCurrentWidget(money)
    assert remaining.text().startswith("Đã quyết toán kinh phí khuyến công 150.000.000 đồng")
    assert _totals(money)[0][5] == "150.000.000"
    assert not _child(money, QPushButton, "addPaymentButton").isEnabled()
    assert not _child(money, QPushButton, "reverseEntryButton").isEnabled()

    # Post-support evaluation with a photo; then the proposal reaches "evaluated".
    wait_job(qtbot, window.switch_user(leader))
    evaluations = _child(editor, QWidget, "evaluationList")
    editor.tabs.setCurrentWidget(evaluations)
    # The step needs an evaluation first: the core says so, nothing moves.
    qtbot.mouseClick(editor.action_buttons["evaluate"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.findChild(QMessageBox, "refusalBox") is not None, timeout=10_000)
    box = editor.findChild(QMessageBox, "refusalBox")
    assert "cần có ít nhất một phiếu đánh giá sau hỗ trợ" in box.text() and editor.status == "settled"
    box.close()
    qtbot.waitUntil(lambda: not editor.busy)
    qtbot.mouseClick(_child(evaluations, QPushButton, "addEvaluationButton"), Qt.MouseButton.LeftButton)
    form = editor.evaluation_form
    assert form.objectName() == "evaluationForm"
    assert _child(form, QComboBox, "facility_id").currentData() == fid
    _fill(form, revenue_before="1.200.000.000", revenue_after="1.500.000.000")
    _refused(qtbot, form)
    assert _error(form, "evaluator") == "Hãy điền ô này."
    _fill(
        form,
        evaluator="Nguyễn Văn An, cán bộ khuyến công",
        jobs_before="20",
        jobs_after="26",
        output_before="10",
        output_after="12,5",
        output_unit="tấn/năm",
        product_before="Rổ, rá",
        product_after="Rổ, rá, hàng xuất khẩu",
        replicated_count="3",
    )
    _choose(form, "machinery_in_use", True)
    form.photos.add_files([photo_with_gps(tmp_path / "may-che-nan.jpg", 16.0, 108.1)])
    _submit(qtbot, editor, form)
    tree = _child(evaluations, QTreeWidget, "evaluationTree")
    assert tree.topLevelItemCount() == 1
    revenue = tree.topLevelItem(0).child(0)
    assert [revenue.text(c) for c in range(4)] == ["Doanh thu (đồng/năm)", "1.200.000.000", "1.500.000.000", "+25%"]
    evaluation_id = editor.data["evaluations"][0]["id"]
    with store.read() as s:
        assert len(attachment_rows(s, store.files_dir, "post_support_evaluation", evaluation_id)) == 1
    with qtbot.waitSignal(editor.ready, timeout=10_000):
        qtbot.mouseClick(editor.action_buttons["evaluate"], Qt.MouseButton.LeftButton)
    assert editor.status == "evaluated" and editor.status_badge.text() == "Đã đánh giá sau hỗ trợ"
    qtbot.waitUntil(lambda: not _due_rules(window, pid), timeout=10_000)

    # The facility profile shows the evaluation, before and after.
    profile = window.open_facility(fid)
    tab = _child(profile, QWidget, "facilityEvaluations")
    profile.tabs.setCurrentWidget(tab)
    rows = _child(tab, QTreeWidget, "evaluationTree")
    qtbot.waitUntil(lambda: rows.topLevelItemCount() == 1, timeout=10_000)
    evaluation = rows.topLevelItem(0)
    assert evaluation.text(0) == (
        f"Đánh giá ngày {days.today:%d/%m/%Y} · đề án {editor.data['proposal']['code']} · "
        "người đánh giá: Nguyễn Văn An, cán bộ khuyến công"
    )
    figures = [tuple(evaluation.child(i).text(c) for c in range(4)) for i in range(evaluation.childCount())]
    assert figures[:3] == [
        ("Doanh thu (đồng/năm)", "1.200.000.000", "1.500.000.000", "+25%"),
        ("Lao động (người)", "20", "26", "+30%"),
        ("Sản lượng (tấn/năm)", "10", "12,5", "+25%"),
    ]
    assert ("Thiết bị, mô hình được hỗ trợ", "", "Còn sử dụng", "") in figures


def test_the_money_tab_and_its_refusals_in_english(store, settings, qtbot, gui_app, days: Days) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.ui.translations import install_translators, remove_translators
    from tests.ui.conftest import _close, _window

    _fid, pid, _reviewer = _setup(store, days)
    translators = install_translators("en")
    window = _window(store, settings, qtbot, "en")
    try:
        editor = window.open_proposal(pid)
        qtbot.waitUntil(lambda: editor.status == "in_progress", timeout=10_000)
        money = _child(editor, QWidget, "moneyTab")
        assert editor.tabs.tabText(editor.tabs.indexOf(money)) == "Disbursement"
        editor.tabs.setCurrentWidget(money)
        assert (
            _child(money, QLabel, "remainingBudget")
            .text()
            .startswith("Industrial extension funds still available: 200.000.000 đồng")
        )
        qtbot.mouseClick(_child(money, QPushButton, "addPaymentButton"), Qt.MouseButton.LeftButton)
        form = money.form
        assert form.windowTitle() == "Record money"
        _fill(form, amount="12a")
        _refused(qtbot, form)
        assert _error(form, "amount").startswith("An amount is digits only")
        _fill(form, amount="250.000.000")
        _refused(qtbot, form)
        assert "above the approved industrial extension budget of 200.000.000 đồng" in _error(form, "amount")
        _close_discarding(form)
    finally:
        _close(window, qtbot)
        remove_translators(translators)
