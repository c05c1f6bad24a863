"""Personal data in the window (issue 13, parts 4 and 5): the facility form records when
and by whom the person was informed, with the same rules as the command line; the
register lists facilities without that notice; opening a facility profile goes on the
access trail the centre leader reads."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from kcdesk.db.models import Facility, PersonalDataAccess
from tests.ui.typing_helpers import retype


def _field(editor, name: str):  # type: ignore[no-untyped-def]
    return editor.fields.boxes[name].editor


def _some_facilities(window, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    with window.ctx.store.read() as s:
        return list(s.scalars(select(Facility.id).where(Facility.deleted_at.is_(None)).order_by(Facility.id).limit(n)))


def test_the_notice_is_recorded_in_one_click_and_the_register_lists_who_was_not_informed(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.page("facilities")
    with demo_window.ctx.store.read() as s:
        uninformed = len(list(s.scalars(select(Facility.id).where(Facility.informed_on.is_(None)))))
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        page.uninformed.setChecked(True)
    assert page.model.rowCount() == uninformed > 0

    fid = page.model.facility_id(0)
    editor = demo_window.open_facility(fid)
    qtbot.waitUntil(lambda: editor.form.facility_id == fid, timeout=10_000)
    qtbot.mouseClick(editor.fields.informed_today, Qt.MouseButton.LeftButton)
    assert _field(editor, "informed_on").text() == date.today().strftime("%d/%m/%Y")
    assert _field(editor, "informed_by").text() == demo_window.ctx.user.full_name
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    with demo_window.ctx.store.read() as s:
        saved = s.get(Facility, fid)
        assert (saved.informed_on, saved.informed_by) == (date.today(), demo_window.ctx.user.full_name)
    qtbot.waitUntil(lambda: page.model.rowCount() == uninformed - 1, timeout=10_000)
    assert fid not in {page.model.facility_id(r) for r in range(page.model.rowCount())}


def test_a_notice_in_the_future_or_without_its_officer_is_refused_beside_the_field(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    [fid] = _some_facilities(demo_window, 1)
    editor = demo_window.open_facility(fid)
    qtbot.waitUntil(lambda: editor.form.facility_id == fid, timeout=10_000)
    retype(_field(editor, "informed_on"), (date.today() + timedelta(days=2)).strftime("%d/%m/%Y"))
    assert "không được sau hôm nay" in editor.fields.boxes["informed_on"].error_text
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # every message shows now
    assert "người đã thông báo" in editor.fields.boxes["informed_by"].error_text
    with demo_window.ctx.store.read() as s:
        assert s.get(Facility, fid).informed_by is None  # nothing written


def test_opening_a_profile_goes_on_the_access_trail(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    first, second = _some_facilities(demo_window, 2)
    for fid in (first, second):
        editor = demo_window.open_facility(fid)
        qtbot.waitUntil(lambda e=editor, f=fid: e.form.facility_id == f, timeout=10_000)

    def opened() -> list[tuple[str, str, str | None]]:
        with demo_window.ctx.store.read() as s:
            rows = s.scalars(select(PersonalDataAccess).where(PersonalDataAccess.action == "open"))
            return sorted((r.table_name, r.row_id, r.user_id) for r in rows)

    qtbot.waitUntil(lambda: len(opened()) == 2, timeout=10_000)
    assert opened() == sorted(("facility", f, demo_window.ctx.user_id) for f in (first, second))
