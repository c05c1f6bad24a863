"""Sync facts read without the sync client (kcdesk.services.sync_facts): batched badges that
agree with SyncService.record_badge record by record, enrolment, the port probe, the
inbox's names for tables, fields and records, and the advice for a refusal."""

from __future__ import annotations

import socket
from pathlib import Path

from sqlalchemy import text

from kcdesk.db.store import Store
from kcdesk.services import sync_facts
from kcdesk.services.sync_facts import record_badge, record_badges, server_reachable
from kcdesk.sync.service import SyncService
from tests.sync.helpers import add_facility


class _Laptop:
    def __init__(self, store: Store) -> None:
        self.store = store


def test_batched_badges_answer_what_record_badge_answers(store: Store) -> None:
    ids = [add_facility(_Laptop(store)) for _ in range(4)]
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
    store.write(
        lambda s: s.execute(
            text(
                "INSERT INTO sync_record_state (table_name, row_id, state, updated_at) "
                "VALUES ('facility', :r, 'parked', '2026-01-01T00:00:00.000Z')"
            ),
            {"r": ids[3]},
        ),
        applying_remote=True,
    )
    service = SyncService(store)
    with store.read() as s:
        batched = record_badges(s, "facility", ids)
        one_by_one = {i: record_badge(s, "facility", i) for i in ids}
    assert {i: batched.get(i, "synced") for i in ids} == {i: service.record_badge("facility", i) for i in ids}
    assert one_by_one == {i: service.record_badge("facility", i) for i in ids}
    assert batched == {ids[1]: "conflict", ids[2]: "pending", ids[3]: "parked"}


def test_enrolled_only_with_both_server_and_device(store: Store) -> None:
    from kcdesk.sync import state

    with store.read() as s:
        assert not sync_facts.is_enrolled(s)
    store.write(lambda s: state.put(s, state.SERVER_URL, "https://kc.example.vn"), applying_remote=True)
    with store.read() as s:
        assert not sync_facts.is_enrolled(s)
    store.write(lambda s: state.put(s, state.DEVICE_ID, "dev-1"), applying_remote=True)
    with store.read() as s:
        assert sync_facts.is_enrolled(s)


def test_probe_says_whether_the_port_answers(tmp_path: Path) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    assert server_reachable(f"http://127.0.0.1:{port}")
    listener.close()
    assert not server_reachable(f"http://127.0.0.1:{port}", timeout=1)


def test_the_inbox_names_records_fields_and_what_to_do(store: Store) -> None:
    fid = add_facility(_Laptop(store), name="Cơ sở mây tre Hòa Vang")
    with store.read() as s:
        titles = sync_facts.record_titles(s, [("facility", fid), ("facility", "missing"), ("budget_line", "x")])
    assert titles == {("facility", fid): "Cơ sở mây tre Hòa Vang"}
    assert sync_facts.field_label("facility", "name") != "name"
    assert sync_facts.field_label("budget_line", "kc_amount") == "kc_amount"
    assert sync_facts.advice("locked", "update") == sync_facts.ADVICE["locked"]
    assert sync_facts.advice("locked", "insert") == sync_facts.NEW_RECORD_ADVICE
    assert sync_facts.advice("something_new", "delete") == sync_facts.DEFAULT_ADVICE


def test_the_status_bar_facts_are_read_from_this_laptop(store: Store) -> None:
    import json

    from kcdesk.sync import state

    with store.read() as s:
        before = sync_facts.local_status(s)
        waiting = int(s.execute(text("SELECT count(*) FROM sync_outbox")).scalar_one())  # the first user
    assert before == {
        "enrolled": False,
        "pending": waiting,
        "last_success": None,
        "dead_letters": 0,
        "conflicts": 0,
        "last_error": None,
    }
    add_facility(_Laptop(store))
    error = {"message": "Không kết nối được máy chủ {url}.", "params": {"url": "https://kc.example.vn"}}

    def enrol(s: object) -> None:
        state.put(s, state.SERVER_URL, "https://kc.example.vn")  # type: ignore[arg-type]
        state.put(s, state.DEVICE_ID, "dev-1")  # type: ignore[arg-type]
        state.put(s, state.LAST_ERROR, json.dumps(error))  # type: ignore[arg-type]

    store.write(enrol, applying_remote=True)
    with store.read() as s:
        facts = sync_facts.local_status(s, "vi")
    assert facts["enrolled"] and facts["pending"] == waiting + 1 and facts["conflicts"] == 0
    assert facts["last_error"] == "Không kết nối được máy chủ https://kc.example.vn."
