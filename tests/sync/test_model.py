"""Model-based random runs (sync.md H6): a Hypothesis state machine drives three laptops in
two provinces (A and B in 48, C in 01) against one real server, with edits, deletes,
syncs, partitions, lost replies, replayed batches and kills of either side.

After every step, nothing typed is overwritten: each value waiting in a laptop's outbox is
still what that laptop shows. At the end of each run, once the network heals and every
laptop has synced, the invariants of jepsen-powersync hold:
- outboxes drain and nothing is dead-lettered;
- no acknowledged change is lost: the server holds, field by field, the value of the last
  change it accepted, in the order it accepted them (read from its own records);
- no duplicate: every sequence number of every laptop was applied exactly once;
- every replica equals the server within its scopes, row for row, column for column.

Deterministic in CI (derandomize=True); KCDESK_MODEL_EXAMPLES raises the bound locally.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import Database, ServerProcess
from faultproxy import FaultProxy
from helpers import add_facility, edit
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import text

from kcdesk.db.base import Base, synced_tables
from kcdesk.db.store import Store
from kcdesk.server import db as server_db
from kcdesk.server.reference import reference_rows, seed_reference_rows
from kcdesk.sync import faults
from kcdesk.sync.errors import Offline, ServerBusy
from kcdesk.sync.service import SyncService
from kcdesk.sync.transport import RetryPolicy, Transport
from kcdesk.sync.wire import TableCodec

EXAMPLES = int(os.environ.get("KCDESK_MODEL_EXAMPLES", "20"))
STEPS = int(os.environ.get("KCDESK_MODEL_STEPS", "30"))
LAPTOPS = {"a": "48", "b": "48", "c": "01"}
WARDS = {"48": ("20194", "20197"), "01": ("00004", "00008")}
FIELDS = ("phone", "representative", "street", "note")
# Values a person could save in each field (the server checks them as the app does).
VALUES = {
    "phone": ("0905111222", "0236 3822 123", None),
    "representative": ("Lê Văn Hùng", "Trần Thị Bình", None),
    "street": ("Thôn Cẩm Nê", "12 Lê Duẩn", None),
    "note": ("ghi chú", "cần khảo sát lại", None),
}
QUICK = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)  # a partition fails fast
PUSH = b"POST /sync/v1/push"
DELETED_AT = "2026-11-27T10:00:00.000Z"
CODECS = {name: TableCodec(Base.metadata.tables[name]) for name in synced_tables()}
REFERENCE = reference_rows()


class Laptop:
    """One device: its own SQLite file, behind its own fault proxy."""

    def __init__(self, name: str, province: str, path: Path, proxy: FaultProxy) -> None:
        self.name = name
        self.province = province
        self.path = path
        self.proxy = proxy
        self.open()

    def open(self) -> None:
        self.store = Store.open(self.path)
        self.service = SyncService(self.store, retry=QUICK)

    def restart(self) -> None:
        """What a killed process finds when it starts again: only what was committed."""
        self.store.close()
        self.open()

    def rows(self, sql: str, **params: Any) -> list[Any]:
        with self.store.read() as s:
            return list(s.execute(text(sql), params).mappings())

    def last_seq(self) -> int:
        with self.store.read() as s:
            row = s.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'")).first()
        return int(row[0]) if row else 0


class Pushes:
    """The last push each laptop sent and the answer it got, for replaying it later."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[bytes, dict[str, str], bytes]] = {}
        self._original = Transport._count

    def install(self) -> None:
        pushes = self

        def count(transport: Transport, response: httpx.Response) -> None:
            pushes._original(transport, response)
            request = response.request
            if request.url.path.endswith("/sync/v1/push") and response.status_code == 200:
                response.read()
                keep = {k: v for k, v in request.headers.items() if k.lower() in ("content-type", "content-encoding")}
                pushes.last[transport.device_id or ""] = (request.content, keep, response.content)

        Transport._count = count  # type: ignore[method-assign]

    def uninstall(self) -> None:
        Transport._count = self._original  # type: ignore[method-assign]


def reset_server(server: ServerProcess) -> None:
    """A fresh database for each run, without restarting the server process."""
    with server.admin().engine.begin() as conn:
        for table in reversed(server_db.metadata.sorted_tables):
            if table.name != "server_meta":
                conn.execute(table.delete())
        seed_reference_rows(conn, CODECS)
    shutil.rmtree(server.data_dir / "snapshots", ignore_errors=True)


class SyncModel(RuleBasedStateMachine):
    facilities = Bundle("facilities")

    def __init__(self, server: ServerProcess, workdir: Path, template: Path, pushes: Pushes) -> None:
        super().__init__()
        self.server = server
        self.pushes = pushes
        reset_server(server)
        run = workdir / uuid.uuid4().hex[:8]
        run.mkdir()
        self.laptops: dict[str, Laptop] = {}
        for name, province in LAPTOPS.items():
            path = run / f"{name}.db"
            shutil.copy(template, path)
            laptop = Laptop(name, province, path, FaultProxy(server.port or 0))
            laptop.service.enrol(laptop.proxy.url, server.code(province=province), name)
            self.laptops[name] = laptop
        # What each laptop sent, by (device, seq): ("insert"|"update"|"delete", row id, values).
        self.sent: dict[tuple[str, int], tuple[str, str, dict[str, Any]]] = {}

    # -- what people do -------------------------------------------------------------------

    def _captured(self, laptop: Laptop, before: int, op: str, row_id: str, values: dict[str, Any]) -> None:
        after = laptop.last_seq()
        assert after == before + 1, "one edit, one outbox entry"
        self.sent[(laptop.store.device_id or "", after)] = (op, row_id, values)

    @initialize(target=facilities)
    def first_facility(self) -> str:
        return self.add(laptop="a", ward=0, name="Cơ sở đầu tiên")

    @rule(
        target=facilities,
        laptop=st.sampled_from(sorted(LAPTOPS)),
        ward=st.integers(0, 1),
        name=st.sampled_from(["Cơ sở mây tre", "HTX gốm", "Xưởng đúc đồng"]),
    )
    def add(self, laptop: str, ward: int, name: str) -> str:
        device = self.laptops[laptop]
        before = device.last_seq()
        row_id = add_facility(device, name=name, province=device.province, ward=WARDS[device.province][ward])
        self._captured(device, before, "insert", row_id, {"name": name})
        return row_id

    def _visible(self, device: Laptop, row_id: str) -> bool:
        return bool(device.rows("SELECT 1 FROM facility WHERE id = :id AND deleted_at IS NULL", id=row_id))

    @rule(
        laptop=st.sampled_from(sorted(LAPTOPS)),
        row=facilities,
        field_value=st.sampled_from([(f, v) for f in FIELDS for v in VALUES[f]]),
    )
    def edit(self, laptop: str, row: str, field_value: tuple[str, str | None]) -> None:
        field, value = field_value
        device = self.laptops[laptop]
        if not self._visible(device, row):
            return  # not on this laptop (another province, not pulled yet, or deleted)
        [current] = device.rows(f"SELECT {field} AS v FROM facility WHERE id = :id", id=row)
        if current["v"] == value:
            return  # no change, no outbox entry
        before = device.last_seq()
        edit(device, "facility", row, **{field: value})
        self._captured(device, before, "update", row, {field: value})

    @rule(laptop=st.sampled_from(sorted(LAPTOPS)), row=facilities)
    def delete(self, laptop: str, row: str) -> None:
        device = self.laptops[laptop]
        if not self._visible(device, row):
            return
        before = device.last_seq()
        edit(device, "facility", row, deleted_at=DELETED_AT)
        self._captured(device, before, "delete", row, {})

    # -- the network and the machines -----------------------------------------------------

    @rule(laptop=st.sampled_from(sorted(LAPTOPS)))
    def sync(self, laptop: str) -> None:
        device = self.laptops[laptop]
        try:
            device.service.run_cycle()
        except (Offline, ServerBusy):
            assert device.proxy.state.down, "only a partition keeps a laptop from the server here"

    @rule(order=st.permutations(sorted(LAPTOPS)))
    def sync_everyone(self, order: list[str]) -> None:
        for laptop in order:
            self.sync(laptop)

    @rule(laptop=st.sampled_from(sorted(LAPTOPS)))
    def partition(self, laptop: str) -> None:
        self.laptops[laptop].proxy.state.down = True

    @rule(laptop=st.sampled_from(sorted(LAPTOPS)))
    def heal(self, laptop: str) -> None:
        self.laptops[laptop].proxy.state.down = False

    @rule(laptop=st.sampled_from(sorted(LAPTOPS)))
    def lost_reply(self, laptop: str) -> None:
        """The server commits a push but its answer never arrives; the client sends again."""
        device = self.laptops[laptop]
        device.proxy.arm("close_before_response", match=PUSH)
        self.sync(laptop)
        device.proxy.state.toxics.clear()

    @rule(
        laptop=st.sampled_from(sorted(LAPTOPS)),
        point=st.sampled_from(["client.after_ack_before_delete", "client.mid_pull_page"]),
    )
    def kill_laptop(self, laptop: str, point: str) -> None:
        """The laptop dies at a fault point (its open transaction is lost) and starts again."""
        device = self.laptops[laptop]
        os.environ["KCDESK_FAULTS"] = f"{point}:raise"
        try:
            device.service.run_cycle()
        except (faults.InjectedFault, Offline, ServerBusy):
            pass
        finally:
            os.environ.pop("KCDESK_FAULTS", None)
        device.restart()

    @precondition(lambda self: not self.server_killed)
    @rule(
        laptop=st.sampled_from(sorted(LAPTOPS)),
        point=st.sampled_from(["push.mid_batch:exit@0", "push.before_commit:exit", "push.after_commit:exit"]),
    )
    def kill_server(self, laptop: str, point: str) -> None:
        """The server process dies inside (or right after) a push transaction; it restarts."""
        device = self.laptops[laptop]
        if not device.rows("SELECT 1 FROM sync_outbox LIMIT 1") or device.proxy.state.down:
            return
        self.server_killed = True
        armed = Path(self.server.env["KCDESK_FAULTS_FILE"])
        armed.write_text(point)
        try:
            device.service.run_cycle()
        except (Offline, ServerBusy):
            pass
        finally:
            armed.write_text("")
        self.server.wait_exit()
        self.server.start()

    server_killed = False

    @rule(laptop=st.sampled_from(sorted(LAPTOPS)))
    def replay(self, laptop: str) -> None:
        """A push arrives again (a proxy or a retry resends it): the same answer, no change."""
        device = self.laptops[laptop]
        captured = self.pushes.last.get(device.store.device_id or "")
        if captured is None:
            return
        body, headers, answer = captured
        before = self._server_fingerprint()
        via_proxy = device.service.client().transport()
        via_proxy.close()
        direct = Transport(self.server.url, via_proxy.device_id, via_proxy.refresh_token, retry=QUICK)
        try:
            token = direct._token()  # straight to the server: a partition of this laptop does not matter
        finally:
            direct.close()
        again = httpx.post(
            f"{self.server.url}/sync/v1/push", content=body, headers={**headers, "Authorization": f"Bearer {token}"}
        )
        assert again.status_code == 200, again.text
        first, second = json.loads(answer)["outcomes"], again.json()["outcomes"]
        assert [{**o, "row": None} for o in second] == [{**o, "row": None} for o in first]
        assert [o.get("row") is None for o in second] == [o.get("row") is None for o in first]  # rows as they are now
        assert self._server_fingerprint() == before

    # -- invariants -------------------------------------------------------------------------

    @invariant()
    def unsent_edits_are_never_overwritten(self) -> None:
        for device in self.laptops.values():
            waiting: dict[tuple[str, str], Any] = {}
            for entry in device.rows("SELECT seq FROM sync_outbox ORDER BY seq"):
                op, row_id, values = self.sent[(device.store.device_id or "", entry["seq"])]
                for field, value in values.items():
                    waiting[(row_id, field)] = value
                if op == "delete":
                    waiting[(row_id, "deleted_at")] = DELETED_AT
            for (row_id, field), value in waiting.items():
                [row] = device.rows(f"SELECT {field} AS v FROM facility WHERE id = :id", id=row_id)
                assert row["v"] == value, (device.name, row_id, field)

    def _server_fingerprint(self) -> str:
        digest = hashlib.sha256()
        with self.server.admin().engine.connect() as conn:
            for table in ("facility", "server_applied_mutation", "server_change_log", "server_conflict"):
                for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2")):
                    digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()

    # -- the end of a run: heal, sync until quiet, compare everything ------------------------

    def teardown(self) -> None:
        try:
            self._quiesce()
            self._check_the_end()
        finally:
            for device in self.laptops.values():
                device.store.close()
                device.proxy.close()

    def _quiesce(self) -> None:
        for device in self.laptops.values():
            device.proxy.clear()
        for _round in range(2):  # the second round brings everyone what the others sent last
            for device in self.laptops.values():
                device.service.run_cycle()

    def _check_the_end(self) -> None:
        with self.server.admin().engine.connect() as conn:
            applied = conn.execute(
                text("SELECT rowid, device_id, seq, outcome FROM server_applied_mutation ORDER BY rowid")
            ).all()
            server_rows = {
                table: {r["id"]: dict(r) for r in conn.execute(server_db.REPLICATED[table].select()).mappings()}
                for table in synced_tables()
            }
        # Outboxes drain; nothing refused; every seq of every laptop applied exactly once.
        for device in self.laptops.values():
            assert device.rows("SELECT seq FROM sync_outbox") == [], device.name
            assert device.service.dead_letters() == [], device.name
            seqs = sorted(seq for _, dev, seq, _ in applied if dev == device.store.device_id)
            assert seqs == list(range(1, device.last_seq() + 1)), device.name

        # No acknowledged change lost: replay the server's own order of acceptance.
        expected: dict[str, dict[str, Any]] = {}
        for _, dev, seq, outcome in applied:
            status = json.loads(outcome)["status"]
            op, row_id, values = self.sent[(dev, seq)]
            assert status in ("applied", "merged"), (dev, seq, outcome)
            if op == "insert":
                expected[row_id] = {"deleted": False, **dict.fromkeys(FIELDS), **values}
            elif op == "delete":
                expected[row_id]["deleted"] = True
            elif not expected[row_id]["deleted"]:  # an update meeting a delete: the delete wins
                expected[row_id].update(values)
        facilities = server_rows["facility"]
        assert set(facilities) == set(expected)
        for row_id, want in expected.items():
            got = facilities[row_id]
            assert {f: got[f] for f in FIELDS} == {f: want[f] for f in FIELDS}, row_id
            assert (got["deleted_at"] is not None) == want["deleted"], row_id

        # Every replica equals the server within its scopes (every synced table, every column
        # but updated_at, which the server stamps, and the local sort keys, which never sync).
        for device in self.laptops.values():
            for table, rows in server_rows.items():
                codec = CODECS[table]
                mine = {r["id"]: codec.local_to_wire(dict(r)) for r in device.rows(f'SELECT * FROM "{table}"')}
                theirs = {
                    row_id: codec.row_to_wire(r)
                    for row_id, r in rows.items()
                    if r[server_db.SCOPE_COL] in (device.province, "00")
                }
                # Reference rows every laptop is born with (all of them, whatever its province).
                born_with = {r["id"] for r in REFERENCE.get(table, [])}
                assert set(theirs) <= set(mine) and set(mine) - set(theirs) <= born_with, (device.name, table)
                for row_id, row in theirs.items():
                    local = {k: v for k, v in mine[row_id].items() if k != "updated_at" and k in codec.kinds}
                    assert local == {k: v for k, v in row.items() if k != "updated_at"}, (device.name, table, row_id)


@pytest.fixture
def model_server(tmp_path: Path) -> Iterator[ServerProcess]:
    folder = tmp_path / "server"
    folder.mkdir()
    database = Database("sqlite", folder)  # applied order is read from SQLite's rowids
    server = ServerProcess(database, folder, {"KCDESK_FAULTS_FILE": str(folder / "armed-faults")}).start()
    yield server
    server.close()
    database.drop()


def test_model_based_runs_keep_every_invariant(model_server: ServerProcess, tmp_path: Path, template_db: Path) -> None:
    pushes = Pushes()
    pushes.install()
    try:
        run_state_machine_as_test(
            lambda: SyncModel(model_server, tmp_path, template_db, pushes),
            settings=settings(
                max_examples=EXAMPLES,
                stateful_step_count=STEPS,
                derandomize=True,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
    finally:
        pushes.uninstall()
        os.environ.pop("KCDESK_FAULTS", None)
