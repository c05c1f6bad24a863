"""Facility register and editor, driven like a person would: typing, choosing, saving."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from kcdesk.services.facilities import count_facilities, facility_dict, find_facility, history
from tests.ui.conftest import wait_job
from tests.ui.photos import photo_with_gps
from tests.ui.typing_helpers import retype


def _field(editor, name: str):  # type: ignore[no-untyped-def]
    return editor.fields.boxes[name].editor


def _type(qtbot, widget: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    retype(widget, text)


def _choose(combo: QComboBox, key: str) -> None:
    combo.setCurrentIndex(combo.findData(key))


def test_create_a_facility_through_its_editor_then_find_it_without_tone_marks(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = window.page("facilities")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    editor = window.editors[-1]
    assert editor.objectName() == "facilityEditor"
    qtbot.waitExposed(editor)

    _type(qtbot, _field(editor, "name"), "Hợp tác xã Mây tre đan Cẩm Lệ")
    _choose(_field(editor, "facility_type"), "htx")
    _type(qtbot, _field(editor, "tax_code"), "0401234567")
    _type(qtbot, _field(editor, "representative"), "Nguyễn Thị Bích Ngọc")
    _type(qtbot, _field(editor, "phone"), "0905 123 456")
    # The province is preset (Đà Nẵng); the ward is chosen by typing without tone marks
    # and taking the completer's first suggestion with the keyboard.
    ward = _field(editor, "ward_code")
    ward.setFocus()
    qtbot.keyClicks(ward, "hai chau")
    popup = ward.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert ward.code() is not None and ward.text() == "Phường Hải Châu"
    _type(qtbot, _field(editor, "labour_total"), "25")
    editor.attachments.add_files([photo_with_gps(tmp_path / "giay-phep.jpg", 16.06, 108.22)])
    assert editor.unsaved and editor.save_button.isEnabled()

    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    facility_id = saved.args[0]
    with window.ctx.store.read() as s:
        data = facility_dict(s, find_facility(s, facility_id))
        assert history(s, "facility", facility_id)[0]["op"] == "insert"
    assert data["name"] == "Hợp tác xã Mây tre đan Cẩm Lệ"
    assert (data["ward_name"], data["phone"], data["labour_total"]) == ("Phường Hải Châu", "0905123456", 25)
    assert not editor.unsaved and editor.state_label.text() == "Đã lưu"
    qtbot.waitUntil(lambda: editor.attachments.list.count() == 1 and not editor.attachments.pending)
    qtbot.waitUntil(lambda: editor.history.tree.topLevelItemCount() == 1)

    # The register refreshed itself; tone-less, upper-case typing finds the new record.
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        qtbot.keyClicks(page.search, "MAY TRE DAN cam le")
    assert page.model.rowCount() == 1 and page.model.facility_id(0) == facility_id
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        page.search.clear()
        qtbot.keyClicks(page.search, "khong co co so nao nhu the")
    assert page.model.rowCount() == 0


def test_invalid_input_shows_the_fields_message_and_saves_nothing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = window.open_facility(None)
    _type(qtbot, _field(editor, "name"), "Cơ sở thử")
    _type(qtbot, _field(editor, "tax_code"), "12345")
    tax_box = editor.fields.boxes["tax_code"]
    assert tax_box.message.isVisibleTo(editor) and "10 chữ số" in tax_box.message.text()  # as you type
    _type(qtbot, _field(editor, "phone"), "12")
    assert "Số điện thoại" in editor.fields.boxes["phone"].message.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    # Nothing was sent: the required fields nobody touched now show their messages too.
    assert not window.ctx.runner.busy and not editor.busy
    assert "Hãy chọn loại hình" in editor.fields.boxes["facility_type"].message.text()
    assert "Hãy chọn xã" in editor.fields.boxes["ward_code"].message.text()
    assert editor.state_label.text().startswith("Chưa lưu")
    with window.ctx.store.read() as s:
        assert count_facilities(s) == 0
    # Fixing the field clears its message.
    _type(qtbot, _field(editor, "tax_code"), "0401234567-001")
    assert not tax_box.message.text()


def test_edit_an_old_record_keeps_its_legacy_address_read_only_and_records_history(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from kcdesk.db.models import Facility

    with demo_window.ctx.store.read() as s:
        fid = s.execute(select(Facility.id).where(Facility.legacy_address.is_not(None)).limit(1)).scalar_one()
    editor = demo_window.open_facility(fid)
    qtbot.waitUntil(lambda: editor.form.facility_id == fid, timeout=10_000)
    legacy = _field(editor, "legacy_address")
    assert legacy.isReadOnly() and legacy.text() and editor.fields.boxes["legacy_address"].isVisibleTo(editor)
    assert not editor.unsaved and not editor.save_button.isEnabled()
    _type(qtbot, _field(editor, "representative"), "Trần Văn Bình")
    assert editor.unsaved and editor.windowTitle().endswith("*")
    editor.activateWindow()
    qtbot.waitActive(editor)
    with qtbot.waitSignal(editor.saved, timeout=10_000):  # the keyboard shortcut, not the button
        qtbot.keyClick(_field(editor, "representative"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with demo_window.ctx.store.read() as s:
        last = history(s, "facility", fid)[-1]
    assert last["op"] == "update" and last["after"]["representative"] == "Trần Văn Bình"
    qtbot.waitUntil(lambda: editor.history.tree.topLevelItemCount() >= 2)


def test_register_filters_and_sorting_on_the_demo_province(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.page("facilities")
    assert page.model.rowCount() == 2000 and "2.000 cơ sở" in page.count_label.text()
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        page.ftype.setCurrentIndex(page.ftype.findData("htx"))
    assert 0 < page.model.rowCount() < 2000
    assert {page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())} == {"Hợp tác xã"}
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        page.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)  # số lao động
    labour = [int(page.model.data(page.model.index(r, 7)).replace(".", "")) for r in range(page.model.rowCount())]
    assert labour == sorted(labour, reverse=True)
    wait_job(qtbot, window_job := demo_window.ctx.runner.read(lambda s: 1))
    assert window_job.result == 1
