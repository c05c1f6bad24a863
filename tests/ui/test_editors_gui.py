"""Every window that edits a record is the same editor underneath (kcdesk.ui.widgets
.record_editor): the facility, proposal and acceptance editors and the payment, progress
report and evaluation forms. Closing one over unsaved changes asks the same question with
"Lưu" / "Bỏ thay đổi" / "Tiếp tục sửa": "Tiếp tục sửa" keeps it open with what was typed,
"Bỏ thay đổi" closes it with nothing written, "Lưu" writes and closes. Typing a value back
to what it was leaves nothing unsaved, so closing does not ask."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import text

from kcdesk.db.store import Store
from kcdesk.services import acceptances, facilities
from tests.followup import new_proposal, walk
from tests.test_evaluations import settled
from tests.ui.typing_helpers import retype

BUTTONS = ["Bỏ thay đổi", "Lưu", "Tiếp tục sửa"]


def _scalar(store: Store, sql: str, **params: Any) -> Any:
    with store.read() as s:
        return s.execute(text(sql), params).scalar()


@dataclass
class Case:
    """How to open one editor over a saved record, change one box, and find it written."""

    prepare: Callable[[Store], str]  # the record the editor opens on
    open: Callable[[Any, Any, str], QWidget]  # (window, qtbot, record id) -> the editor, shown
    box: Callable[[QWidget], QWidget]  # the box the test types into
    typed: str
    written: Callable[[Store, str], bool]  # whether the typed value reached the database


def _facility(store: Store) -> str:
    values = {"name": "Cơ sở gốm Thanh Hà", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
    return store.write(lambda s: facilities.create_facility(s, values))


def _open_facility(window: Any, qtbot: Any, fid: str) -> QWidget:
    editor = window.open_facility(fid)
    qtbot.waitUntil(lambda: editor.form.facility_id == fid and editor.isEnabled(), timeout=10_000)
    return editor


def _draft_proposal(store: Store) -> str:
    return new_proposal(store)


def _open_proposal(window: Any, qtbot: Any, pid: str) -> QWidget:
    editor = window.open_proposal(pid)
    qtbot.waitUntil(lambda: editor.data.get("proposal") is not None, timeout=10_000)
    return editor


def _running_proposal(store: Store) -> str:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    return pid


def _acceptance(store: Store) -> str:
    pid = _running_proposal(store)
    return store.write(
        lambda s: acceptances.create_acceptance(s, pid, {"accepted_on": date(2026, 9, 15), "number": "07/BB-TTKC"})
    )


def _open_acceptance(window: Any, qtbot: Any, aid: str) -> QWidget:
    editor = window.open_acceptance(aid)
    qtbot.waitUntil(
        lambda: editor.proposal_id is not None and bool(editor.boxes["number"].editor.text()), timeout=10_000
    )
    return editor


def _proposal_form(open_form: Callable[[Any], QWidget]) -> Callable[[Any, Any, str], QWidget]:
    def opener(window: Any, qtbot: Any, pid: str) -> QWidget:
        editor = _open_proposal(window, qtbot, pid)
        qtbot.waitUntil(lambda: editor.data.get("money") is not None, timeout=10_000)
        form = open_form(editor)
        qtbot.waitExposed(form)
        return form

    return opener


def _settled(store: Store) -> str:
    pid, _fid = settled(store)
    return pid


CASES = {
    "facility": Case(
        _facility,
        _open_facility,
        lambda e: e.fields.boxes["representative"].editor,
        "Trần Thị Mới",
        lambda store, fid: _scalar(store, "SELECT representative FROM facility WHERE id = :i", i=fid) == "Trần Thị Mới",
    ),
    "proposal": Case(
        _draft_proposal,
        _open_proposal,
        lambda e: e.fields.title,
        "Hỗ trợ máy sấy hải sản (bổ sung)",
        lambda store, pid: _scalar(store, "SELECT title FROM proposal WHERE id = :i", i=pid).endswith("(bổ sung)"),
    ),
    "acceptance": Case(
        _acceptance,
        _open_acceptance,
        lambda e: e.boxes["place"].editor,
        "Hội trường xã Hòa Vang",
        lambda store, aid: (
            _scalar(store, "SELECT place FROM acceptance WHERE id = :i", i=aid) == "Hội trường xã Hòa Vang"
        ),
    ),
    "payment": Case(
        _running_proposal,
        _proposal_form(lambda editor: editor.money.open_payment()),
        lambda f: f.boxes["amount"].editor,
        "10.000.000",
        lambda store, pid: _scalar(store, "SELECT count(*) FROM disbursement WHERE proposal_id = :i", i=pid) == 1,
    ),
    "progress": Case(
        _running_proposal,
        _proposal_form(lambda editor: editor.progress.open_form()),
        lambda f: f.boxes["completed_pct"].editor,
        "40",
        lambda store, pid: _scalar(store, "SELECT count(*) FROM progress_report WHERE proposal_id = :i", i=pid) == 1,
    ),
    "evaluation": Case(
        _settled,
        _proposal_form(lambda editor: editor.open_evaluation(None)),
        lambda f: f.boxes["evaluator"].editor,
        "Phạm Thị Hoa, cán bộ Trung tâm",
        lambda store, pid: (
            _scalar(store, "SELECT count(*) FROM post_support_evaluation WHERE proposal_id = :i", i=pid) == 1
        ),
    ),
}


def _type_back(qtbot: Any, box: Any, before: str) -> None:
    if before:
        retype(box, before)
    else:  # the box was empty: select what was typed and delete it, as a person would
        box.setFocus()
        box.selectAll()
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert box.text() == before


def _close_answering(dialog: QWidget, answer: str) -> list[tuple[str, list[str]]]:
    """Close `dialog`; the question that comes up is answered with the button `answer`.
    Returns what was asked: (the box's objectName, its buttons' texts)."""
    asked: list[tuple[str, list[str]]] = []

    def reply() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, reply)
            return
        asked.append((box.objectName(), sorted(b.text() for b in box.buttons())))
        next(b for b in box.buttons() if b.text() == answer).click()

    QTimer.singleShot(0, reply)
    dialog.close()
    return asked


@pytest.mark.parametrize("kind", list(CASES))
def test_every_editor_asks_the_same_question_and_keeps_discards_or_saves(window, qtbot, kind: str) -> None:  # type: ignore[no-untyped-def]
    case = CASES[kind]
    store = window.ctx.store
    record = case.prepare(store)

    dialog = case.open(window, qtbot, record)
    assert not dialog.unsaved
    box = case.box(dialog)
    before = box.text()
    retype(box, case.typed)
    assert dialog.unsaved
    _type_back(qtbot, box, before)  # typed back to what it was: nothing to save, nothing to ask
    assert not dialog.unsaved
    retype(box, case.typed)

    # "Tiếp tục sửa": the editor stays open with what was typed, nothing written.
    assert _close_answering(dialog, "Tiếp tục sửa") == [("unsavedBox", BUTTONS)]
    assert dialog.isVisible() and box.text() == case.typed and dialog.unsaved
    assert not case.written(store, record)

    # "Bỏ thay đổi": it closes and nothing is written.
    assert _close_answering(dialog, "Bỏ thay đổi") == [("unsavedBox", BUTTONS)]
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert not case.written(store, record)

    # "Lưu": the change is written, then the editor closes by itself.
    dialog = case.open(window, qtbot, record)
    retype(case.box(dialog), case.typed)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert _close_answering(dialog, "Lưu") == [("unsavedBox", BUTTONS)]
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert case.written(store, record)


def test_a_refused_save_from_the_question_stays_open_with_the_reason_beside_the_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    pid = _running_proposal(store)
    form = CASES["payment"].open(window, qtbot, pid)
    retype(form.boxes["amount"].editor, "900.000.000")  # more than the approved khuyến công budget
    _close_answering(form, "Lưu")
    qtbot.waitUntil(lambda: not form.busy and "amount" in form.problems_shown, timeout=10_000)
    assert form.isVisible() and form.unsaved
    assert _scalar(store, "SELECT count(*) FROM disbursement WHERE proposal_id = :i", i=pid) == 0
