"""Acceptance editor: draw up a record for a proposal in progress, add members, save,
sign ("Ký và khóa"), and find it read-only, in the window and in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from kcdesk.errors import LockedError
from kcdesk.services.acceptance_edit import load_acceptance
from kcdesk.services.acceptances import update_acceptance
from tests.ui.photos import photo_with_gps
from tests.ui.typing_helpers import retype


def _confirm_when_asked(button_text: str) -> None:
    """Press a button of the confirmation box that is about to open (it is modal)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, press)


def test_sign_an_acceptance_and_find_it_read_only(demo_window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.page("acceptances")
    demo_window.show_page("acceptances")
    qtbot.waitUntil(lambda: page.proposal.count() > 0, timeout=10_000)
    signed_before = sum(r.signed for r in page.rows)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    editor = demo_window.editors[-1]
    assert editor.objectName() == "acceptanceEditor"
    retype(editor.boxes["number"].editor, "15/BB-TTKC")
    retype(editor.boxes["place"].editor, "Hợp tác xã Mây tre đan Hòa Vang")
    retype(editor.boxes["approved_amount"].editor, "300.000.000")
    retype(editor.boxes["approved_kc_amount"].editor, "150.000.000")
    retype(editor.boxes["accepted_amount"].editor, "999.000.000")  # more than approved: the core refuses
    editor.conclusion.setCurrentIndex(editor.conclusion.findData("dat"))
    editor.tabs.setCurrentWidget(editor.members)
    qtbot.mouseClick(editor.members.add_button, Qt.MouseButton.LeftButton)
    editor.members.set_cell(0, "full_name", "Nguyễn Văn Chủ Trì")
    editor.members.set_cell(0, "position", "Phó Giám đốc")
    editor.items.add_row(
        {"content": "Máy chẻ nan tre đã lắp đặt, chạy thử", "planned": "01 máy", "actual": "01 máy", "passed": True}
    )
    editor.attachments.add_files([photo_with_gps(tmp_path / "bien-ban-scan.jpg", 16.0, 108.1)])

    with qtbot.waitSignal(editor.saved, timeout=2000, raising=False) as blocker:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not blocker.signal_triggered
    qtbot.waitUntil(lambda: not editor.busy)
    assert "không được vượt" in editor.boxes["accepted_amount"].message.text()
    assert editor.attachments.pending  # kept for the next try
    retype(editor.boxes["accepted_amount"].editor, "145.000.000")
    with qtbot.waitSignal(editor.ready, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.acceptance_id and not editor.signed and editor.sign_button.isEnabled()
    qtbot.waitUntil(lambda: editor.attachments.list.count() == 1, timeout=10_000)

    _confirm_when_asked("Ký và khóa")
    with qtbot.waitSignal(editor.ready, timeout=10_000):
        qtbot.mouseClick(editor.sign_button, Qt.MouseButton.LeftButton)
    assert editor.signed and editor.read_only
    assert editor.locked_banner.isVisibleTo(editor) and "Đã ký và khóa" in editor.locked_banner.text()
    assert not editor.save_button.isEnabled() and not editor.sign_button.isEnabled()
    assert all(box.editor.isReadOnly() for box in editor.boxes.values() if isinstance(box.editor, QLineEdit))
    assert not editor.conclusion.isEnabled() and not editor.members.add_button.isEnabled()
    assert not editor.attachments.add_button.isEnabled()
    store = demo_window.ctx.store
    with store.read() as s:
        data = load_acceptance(s, editor.acceptance_id)
    assert data["signed_at"] is not None and data["accepted_amount"] == 145_000_000
    assert [m["full_name"] for m in data["members"]] == ["Nguyễn Văn Chủ Trì"]
    assert data["items"][0]["passed"] is True
    with pytest.raises(LockedError):
        store.write(lambda s: update_acceptance(s, editor.acceptance_id, {"place": "nơi khác"}))
    qtbot.waitUntil(lambda: sum(r.signed for r in page.rows) == signed_before + 1, timeout=10_000)

    # Opened again later, it is still read-only.
    again = demo_window.open_acceptance(editor.acceptance_id)
    qtbot.waitSignal(again.ready, timeout=10_000).wait()
    assert again.read_only and not again.save_button.isEnabled()
