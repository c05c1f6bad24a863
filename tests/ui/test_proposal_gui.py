"""Proposal editor: create one by typing, pick beneficiaries, live budget totals and cap
warnings, then walk it through several statuses with its action buttons, as the roles allow."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kcdesk.db.models import AppUser
from kcdesk.ids import new_id
from kcdesk.services.facilities import create_facility
from kcdesk.services.proposals import find_proposal, proposal_dict
from tests.ui.conftest import wait_job
from tests.ui.typing_helpers import retype, type_text


def _setup(store) -> str:  # type: ignore[no-untyped-def]
    def write(s):  # type: ignore[no-untyped-def]
        s.add(
            AppUser(
                id=new_id(),
                username="thamdinh",
                full_name="Phạm Thị Thẩm Định",
                role="so_reviewer",
                province_code="48",
                active=True,
            )
        )
        return create_facility(
            s,
            {
                "name": "Hợp tác xã Mây tre đan Hòa Vang",
                "facility_type": "htx",
                "province_code": "48",
                "ward_code": "20194",
            },
        )

    return store.write(write)


def _user_id(store, username: str) -> str:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    with store.read() as s:
        return s.execute(select(AppUser.id).where(AppUser.username == username)).scalar_one()


def _button(editor, action: str):  # type: ignore[no-untyped-def]
    return editor.action_buttons[action]


def test_create_a_proposal_and_walk_it_through_its_statuses(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    facility_id = _setup(store)
    page = window.page("proposals")
    window.show_page("proposals")
    assert window.stack.currentWidget() is page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    editor = window.editors[-1]
    assert editor.objectName() == "proposalEditor"
    qtbot.waitUntil(lambda: editor.fields.activities.count() > 0, timeout=10_000)
    assert not _button(editor, "submit").isEnabled()  # not saved yet

    retype(editor.fields.title, "Hỗ trợ ứng dụng máy chẻ nan tre tại Hợp tác xã Mây tre đan Hòa Vang")
    assert editor.fields.implementing_unit.text().startswith("Trung tâm Khuyến công")
    for i in range(editor.fields.activities.count()):
        item = editor.fields.activities.item(i)
        if item.text().startswith("KC3.3 "):
            item.setCheckState(Qt.CheckState.Checked)
    # A beneficiary, picked from the register by typing without tone marks.
    editor.tabs.setCurrentWidget(editor.beneficiaries)
    qtbot.mouseClick(editor.beneficiaries.add_button, Qt.MouseButton.LeftButton)
    picker = editor.beneficiaries.picker
    with qtbot.waitSignal(picker.searched, timeout=10_000):
        type_text(picker.query, "may tre dan hoa vang")
    assert picker.results.count() == 1
    picker.accept()
    assert editor.beneficiaries.ids() == [facility_id]

    # Budget lines: totals and the counterpart ratio follow every keystroke.
    editor.tabs.setCurrentWidget(editor.budget)
    budget = editor.budget
    qtbot.mouseClick(budget.add_button, Qt.MouseButton.LeftButton)
    for col, text in enumerate(("Máy chẻ nan tre tự động", "KC3.3", "150.000.000", "100.000.000", "0")):
        budget.table.item(0, col).setText(text)
    assert "Tổng 250.000.000 đồng" in budget.totals.text() and "Tỷ lệ đối ứng 40,00%" in budget.totals.text()
    assert budget.table.item(0, 5).text() == "250.000.000"
    budget.table.item(0, 3).setText("1O0.000")  # a letter O, not a zero
    assert "không đúng" in budget.warnings.text() and budget.warnings.isVisibleTo(editor)
    budget.table.item(0, 3).setText("100.000.000")
    assert not budget.warnings.isVisibleTo(editor)
    # Cap warnings inline: national funds for machinery are capped at 50% and 300 million.
    editor.fields.level.setCurrentIndex(editor.fields.level.findData("KCQG"))
    budget.table.item(0, 2).setText("350.000.000")
    assert "vượt mức tối đa" in budget.warnings.text() and "300.000.000" in budget.warnings.text()
    budget.table.item(0, 2).setText("150.000.000")
    editor.fields.level.setCurrentIndex(editor.fields.level.findData("KCDP"))
    assert not budget.warnings.isVisibleTo(editor)

    with qtbot.waitSignal(editor.ready, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.proposal_id is not None and not editor.unsaved
    with store.read() as s:
        saved = proposal_dict(s, find_proposal(s, editor.proposal_id))
    assert (saved["status"], saved["activities"], saved["totals"]["total"]) == ("draft", ["KC3.3"], 250_000_000)
    assert [b["facility_id"] for b in saved["beneficiaries"]] == [facility_id]

    # draft -> registered, as centre staff.
    assert _button(editor, "submit").isEnabled()
    with qtbot.waitSignal(editor.ready, timeout=10_000):
        qtbot.mouseClick(_button(editor, "submit"), Qt.MouseButton.LeftButton)
    assert editor.status == "registered" and editor.status_badge.text() == "Đã đăng ký"
    # Appraisal belongs to the Department's reviewer: shown, but disabled, with the reason.
    assert not _button(editor, "appraise").isEnabled()
    assert "Cán bộ thẩm định" in _button(editor, "appraise").toolTip()
    wait_job(qtbot, window.switch_user(_user_id(store, "thamdinh")))
    assert window.ctx.role == "so_reviewer" and _button(editor, "appraise").isEnabled()
    assert "Phạm Thị Thẩm Định" in window.user_label.text()
    with qtbot.waitSignal(editor.ready, timeout=10_000):
        qtbot.mouseClick(_button(editor, "appraise"), Qt.MouseButton.LeftButton)
    assert editor.status == "base_appraised"
    with qtbot.waitSignal(editor.ready, timeout=10_000):
        qtbot.mouseClick(_button(editor, "approve_local"), Qt.MouseButton.LeftButton)
    assert editor.status == "approved"
    assert not _button(editor, "sign_contract").isEnabled()  # the centre's leader signs
    wait_job(qtbot, window.switch_user(_user_id(store, "canbo")))
    with qtbot.waitSignal(editor.ready, timeout=10_000):
        qtbot.mouseClick(_button(editor, "sign_contract"), Qt.MouseButton.LeftButton)
    assert editor.status == "contracted"
    assert editor.history.topLevelItemCount() == 4
    assert [editor.history.topLevelItem(i).text(3) for i in range(4)] == [
        "Đã đăng ký",
        "Đã thẩm định cấp cơ sở",
        "Đã phê duyệt kế hoạch",
        "Đã ký hợp đồng",
    ]
    # The list page refreshed itself.
    qtbot.waitUntil(lambda: [r["status"] for r in page.model.rows] == ["contracted"], timeout=10_000)


def test_unsaved_edits_disable_status_actions(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.page("proposals")
    qtbot.waitUntil(lambda: bool(page.model.rows), timeout=10_000)
    draft = next(r for r in page.model.rows if r["status"] == "draft")
    editor = demo_window.open_proposal(draft["id"])
    qtbot.waitUntil(lambda: editor.status == "draft" and "submit" in editor.action_buttons, timeout=10_000)
    assert editor.action_buttons["submit"].isEnabled()
    type_text(editor.fields.location, " (mở rộng)")
    assert editor.unsaved and not editor.action_buttons["submit"].isEnabled()
    assert editor.save_button.isEnabled()
