"""The window's sync logic without Qt: when to sync, what a badge says, and the batched
badges agreeing with SyncService.record_badge record by record."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import text

from kcdesk.db.store import Store
from kcdesk.sync.errors import DeviceRevoked, Offline, ProtocolError, reaction_of
from kcdesk.sync.service import SyncService
from kcdesk.ui.logic.sync_schedule import SyncSchedule, shown_badge, stage_text
from kcdesk.ui.records.sync_view import parse_edited, record_badges, server_reachable
from tests.sync.helpers import add_facility


def test_schedule_jitters_backs_off_when_unreachable_and_stops_on_incurable_errors() -> None:
    s = SyncSchedule(interval=300, first_delay=10, base=15, cap=600, rng=random.Random(7))
    assert 8 <= s.first() <= 12
    assert 240 <= s.after_success() <= 360
    ceilings = [15, 30, 60, 120, 240, 480, 600, 600]
    for ceiling in ceilings:
        delay = s.after_error(reaction_of(Offline("x")))
        assert delay is not None and 1 <= delay <= ceiling
    assert s.offline and s.failures == len(ceilings)
    assert 240 <= s.after_success() <= 360 and not s.offline
    assert s.after_error(reaction_of(DeviceRevoked("x"))) is None and s.stopped
    assert 240 <= (s.after_error(reaction_of(ProtocolError("x"))) or 0) <= 360  # anything else: the normal pace


def test_stage_text_and_badges_in_words() -> None:
    assert stage_text("push", 120, 500, "vi") == "Đang gửi thay đổi: 120/500"
    assert stage_text("pull:48", 0, 0, "vi") == "Đang nhận thay đổi (48)"
    assert stage_text("snapshot:48", 0, 0, "vi") == "Đang tải dữ liệu ban đầu (48)"
    assert shown_badge("pending", running=True, enrolled=True) == "uploading"
    assert shown_badge("pending", running=False, enrolled=False) == "local"
    assert shown_badge("conflict", running=True, enrolled=True) == "conflict"
    assert parse_edited(" 12.000 ", 5) == 12000 and parse_edited("x", "a") == "x" and parse_edited("", 1) is None


def test_batched_badges_answer_what_record_badge_answers(store: Store) -> None:
    class Laptop:
        pass

    laptop = Laptop()
    laptop.store = store  # type: ignore[attr-defined]
    ids = [add_facility(laptop) for _ in range(3)]
    store.write(
        lambda s: s.execute(text("DELETE FROM sync_outbox WHERE row_id = :r"), {"r": ids[0]}), applying_remote=True
    )
    store.write(
        lambda s: s.execute(
            text(
                "INSERT INTO sync_conflict (id, table_name, row_id, kind, fields, created_at) "
                "VALUES ('c1', 'facility', :r, 'field', '{}', '2026-01-01T00:00:00.000Z')"
            ),
            {"r": ids[1]},
        ),
        applying_remote=True,
    )
    service = SyncService(store)
    with store.read() as s:
        batched = record_badges(s, "facility", ids)
    assert {i: batched.get(i, "synced") for i in ids} == {i: service.record_badge("facility", i) for i in ids}
    assert batched == {ids[1]: "conflict", ids[2]: "pending"}


def test_probe_says_whether_the_port_answers(tmp_path: Path) -> None:
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    assert server_reachable(f"http://127.0.0.1:{port}")
    listener.close()
    assert not server_reachable(f"http://127.0.0.1:{port}", timeout=1)
