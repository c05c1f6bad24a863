"""Sync in the window, against a real server (uvicorn on 127.0.0.1, SQLite backend) and
real laptop databases: enrolment from the dialog, a same-field conflict resolved in the
inbox and agreed by both laptops after the next cycles, a change refused by the server in
the refused-changes list with its Vietnamese reason, badges, and the demo refusal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kcdesk.db.store import Store
from kcdesk.services.proposals import create_proposal
from kcdesk.sync.errors import Reaction
from kcdesk.ui.main_window import PAGES
from tests.sync.conftest import FAST_RETRY, Database, ServerProcess
from tests.sync.helpers import add_facility, edit, facility
from tests.ui.conftest import wait_job

SYNC_ROW = [p[0] for p in PAGES].index("sync")
HA_NOI_WARD = "00004"  # a ward of Hà Nội (01): outside a Đà Nẵng laptop's province


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("sync-server")
    running = ServerProcess(Database("sqlite", folder), folder).start()
    yield running
    running.close()


class Laptop:
    """The other laptop: a store and the headless SyncService, as `kcdesk sync` uses them."""

    def __init__(self, path: Path) -> None:
        from kcdesk.sync.service import SyncService

        self.store = Store.open(path, create=True)
        self.service = SyncService(self.store, retry=FAST_RETRY)


@pytest.fixture
def other_laptop(tmp_path: Path) -> Iterator[Laptop]:
    laptop = Laptop(tmp_path / "may-b.db")
    yield laptop
    laptop.store.close()


def enrol_window(window: Any, server: ServerProcess, qtbot: Any, username: str) -> Any:
    window.ctx.sync_service().retry = FAST_RETRY
    window.nav.setCurrentRow(SYNC_ROW)
    page = window.pages["sync"]
    dialog = page.open_enrolment()
    dialog.url.setText(server.url)
    dialog.code.setText(server.code(username=username, full_name=f"Cán bộ {username}"))
    with qtbot.waitSignal(dialog.enrolled, timeout=20_000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: window.ctx.user is not None and window.ctx.user.username == username, timeout=10_000)
    qtbot.waitUntil(lambda: not page.enrol_button.isVisible(), timeout=10_000)
    return page


def sync_window(window: Any, qtbot: Any) -> Any:
    job = window.scheduler.sync_now(show_progress=False)
    wait_job(qtbot, job, timeout=30_000)
    assert job.error is None, job.error
    return job.result


def test_a_same_field_conflict_is_resolved_in_the_inbox_and_both_laptops_agree(  # type: ignore[no-untyped-def]
    window, other_laptop, server, qtbot
) -> None:
    page = enrol_window(window, server, qtbot, "lan-gui")
    b = other_laptop
    b.service.enrol(server.url, server.code(username="hung-gui", full_name="Trần Văn Hùng"), "may-b")
    fid = add_facility(window.ctx, name="Cơ sở mây tre Hòa Vang")
    sync_window(window, qtbot)
    b.service.run_cycle()
    assert facility(b, fid) is not None

    edit(window.ctx, "facility", fid, phone="0905111111")  # laptop A, offline
    edit(b, "facility", fid, phone="0905222222")  # laptop B, offline
    b.service.run_cycle()
    sync_window(window, qtbot)  # A's change arrives later: the server keeps it, and a conflict
    b.service.run_cycle()
    sync_window(window, qtbot)

    inbox = page.conflicts
    with qtbot.waitSignal(inbox.loaded, timeout=10_000):
        inbox.refresh()
    assert len(inbox.conflicts) == 1
    shown = [inbox.fields.item(0, c).text() for c in range(inbox.fields.columnCount())]
    assert shown[0] == "Điện thoại" and shown[2] == "0905111111" and shown[3] == "0905222222"
    inbox.set_chosen("phone", "0905 333 333")
    with qtbot.waitSignal(inbox.resolved, timeout=10_000):
        inbox.edited_button.click()
    qtbot.waitUntil(lambda: inbox.conflicts == [], timeout=10_000)

    sync_window(window, qtbot)  # the resolution is an ordinary change
    b.service.run_cycle()
    assert facility(window.ctx, fid)["phone"] == facility(b, fid)["phone"] == "0905 333 333"
    assert b.service.conflicts() == []
    assert window.ctx.scheduler.last_error is None
    # The editor's badge says the record is in step with the server.
    editor = window.open_facility(fid)
    qtbot.waitUntil(lambda: editor.sync_badge.state == "synced", timeout=10_000)
    assert editor.sync_badge.text() == "Đã đồng bộ"
    qtbot.waitUntil(lambda: "Trực tuyến" in window.sync_status.text(), timeout=10_000)


def test_a_refused_change_shows_its_reason_and_is_discarded_only_after_confirmation(  # type: ignore[no-untyped-def]
    window, server, qtbot
) -> None:
    page = enrol_window(window, server, qtbot, "an-gui")
    ok = add_facility(window.ctx, name="Cơ sở gốm Hội An")
    refused = add_facility(window.ctx, name="Cơ sở Hà Nội gửi nhầm", province="01", ward=HA_NOI_WARD)
    editor = window.open_facility(refused)
    qtbot.waitUntil(lambda: editor.sync_badge.state == "pending", timeout=10_000)
    sync_window(window, qtbot)
    qtbot.waitUntil(lambda: editor.sync_badge.state == "error", timeout=10_000)
    assert editor.sync_badge.text() == "Bị từ chối"
    model = window.page("facilities").model  # the register row says so too
    qtbot.waitUntil(lambda: not model.loading and model.row_of(refused) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: model.badge(model.row_of(refused)) == "error", timeout=10_000)
    assert model.badge(model.row_of(ok)) is None  # in step with the server: no mark
    assert model.data(model.index(model.row_of(refused), 0), Qt.ItemDataRole.ToolTipRole) == "Bị từ chối"
    # Qt asks with plain ints (the model compares ints): the same answers
    row = model.index(model.row_of(refused), 0)
    assert model.data(row, int(Qt.ItemDataRole.ToolTipRole)) == "Bị từ chối"
    assert model.data(row, int(Qt.ItemDataRole.DecorationRole)) is not None
    assert model.data(model.index(model.row_of(ok), 0), int(Qt.ItemDataRole.DecorationRole)) is None

    letters = page.dead_letters
    with qtbot.waitSignal(letters.loaded, timeout=10_000):
        letters.refresh()
    rows = letters.row_texts()
    assert len(rows) == 1
    record, op, reason, advice, _when = rows[0]
    assert record == "Cơ sở CNNT: Cơ sở Hà Nội gửi nhầm" and op == "Thêm mới"
    assert reason == "Thiết bị không có quyền ghi dữ liệu của tỉnh/thành phố mã 01 (bảng facility)."
    assert advice.startswith("Bản ghi mới này chưa lên máy chủ")  # editing cannot resend it: said plainly
    assert page.tabs.tabText(1).endswith("(1)")
    assert "1 thay đổi bị từ chối" in window.sync_status.text()

    letters.table.selectRow(0)
    _answer_next_question(QMessageBox.StandardButton.No)
    assert letters.discard_current() is None  # "No": nothing happens
    assert len(letters.letters) == 1
    _answer_next_question(QMessageBox.StandardButton.Yes)
    job = letters.discard_current()
    wait_job(qtbot, job)
    qtbot.waitUntil(lambda: letters.letters == [], timeout=10_000)
    assert facility(window.ctx, refused) is not None  # the record itself stays on this laptop
    assert facility(window.ctx, ok) is not None


def _answer_next_question(button: QMessageBox.StandardButton) -> None:
    """Click `button` in the confirmation the next call opens (modal: answered from the loop)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        box.button(button).click()

    QTimer.singleShot(0, answer)


def test_enrolling_a_demo_database_is_refused_with_the_core_message(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo_window.nav.setCurrentRow(SYNC_ROW)
    page = demo_window.pages["sync"]
    dialog = page.open_enrolment()
    dialog.url.setText("http://127.0.0.1:9")
    dialog.code.setText("7HQ2M-X4K9P")
    dialog.ok.click()
    qtbot.waitUntil(lambda: "dữ liệu mẫu" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.ok.isEnabled()
    dialog.reject()


def test_sync_now_on_a_laptop_without_a_server_says_why(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    job = window.scheduler.sync_now()  # as the button and F9 do
    wait_job(qtbot, job)
    assert type(job.error).__name__ == "NotEnrolled"
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "refusalBox" and w.isVisible())
    assert "kcdesk enroll" in box.text() or "đăng ký" in box.text()
    box.close()
    assert window.scheduler.schedule.stopped  # no automatic retries of an error waiting cannot cure


def test_regained_connectivity_starts_a_cycle(window, server, qtbot) -> None:  # type: ignore[no-untyped-def]
    enrol_window(window, server, qtbot, "binh-gui")
    scheduler = window.scheduler
    proposals = window.page("proposals")  # its rows carry their sync badge too
    job = window.ctx.runner.write(
        lambda s: create_proposal(
            s, {"title": "Hỗ trợ máy sấy", "level": "KCDP", "plan_year": 2027, "implementing_unit": "Trung tâm"}
        ),
        changes={"proposal"},
    )
    pid = wait_job(qtbot, job)
    qtbot.waitUntil(lambda: proposals.model.badges.get(pid) == "pending", timeout=10_000)
    assert scheduler.schedule.after_error(Reaction.BACK_OFF) is not None  # as after a cycle that found no server
    assert scheduler.schedule.offline
    with qtbot.waitSignal(scheduler.finished, timeout=30_000):
        scheduler.tick()  # the timer fires: the port answers, so a whole cycle runs
    assert not scheduler.schedule.offline and scheduler.last_error is None
    assert window.ctx.store.large_writes_leave_wal is False  # the window's reads never wait for a pull's write
    qtbot.waitUntil(lambda: pid not in proposals.model.badges and bool(proposals.model.rows), timeout=10_000)
    assert scheduler.next_in_ms is None or scheduler.next_in_ms > 60_000  # back to the normal pace


def test_the_timer_does_nothing_on_a_laptop_without_a_server(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    scheduler = window.scheduler
    runner = window.ctx.runner
    scheduler.tick()
    assert runner.busy  # it looks (off the GUI thread) whether this laptop has a server
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert scheduler.job is None and scheduler.last_error is None  # no cycle, no error, no sync client loaded


def test_a_refused_new_record_is_corrected_and_sent_again_from_the_refused_changes(  # type: ignore[no-untyped-def]
    window, server, qtbot
) -> None:
    """The refused-changes list's "Gửi lại": the record, corrected in its editor, goes again
    as a new record at the next cycle, and the server takes it."""
    from tests.sync.helpers import server_facility

    page = enrol_window(window, server, qtbot, "hoa-gui")
    refused = add_facility(window.ctx, name="Cơ sở nhập nhầm tỉnh", province="01", ward=HA_NOI_WARD)
    sync_window(window, qtbot)
    letters = page.dead_letters
    with qtbot.waitSignal(letters.loaded, timeout=10_000):
        letters.refresh()
    letters.table.selectRow(0)
    assert letters.resend_button.isEnabled() and letters.current().op == "insert"
    edit(window.ctx, "facility", refused, province_code="48", ward_code="20194")  # what its editor saves
    wait_job(qtbot, letters.resend_current())
    qtbot.waitUntil(lambda: letters.letters == [], timeout=10_000)
    assert not letters.resend_button.isEnabled()
    sync_window(window, qtbot)
    assert server_facility(server, refused)["ward_code"] == "20194"
    assert sync_service_of(window).dead_letters() == []


def sync_service_of(window: Any) -> Any:
    return window.ctx.sync_service()
