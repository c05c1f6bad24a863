"""Issue 11: a hostile enrolled device against a server with honest devices.

A Hypothesis state machine plays two enrolled devices that send whatever they like (any
table, any field, any value, any status, any parent, any order, replays of old batches,
reused sequence numbers, compressed bodies): one of a centre leader of Đà Nẵng (48), one
of the ministry. Beside them two honest laptops (staff of 48 and of Hà Nội, 01) keep
adding and editing facilities and syncing. After every step:

- no answer is a 5xx, and a replayed batch gets the answers it got the first time;
- every stored row reads back, and nothing is quarantined;
- no proposal reaches a status the rule book forbids (a path of steps the device's role
  may take, from the stored status at the stored level, with the steps' `needs`; new
  proposals start as drafts); signed acceptance records, settled proposals and their
  children do not change;
- no answer (push outcome or pull page) carries a row the device may not read;
- the honest laptops' syncs work: no error, outboxes drain, and at the end each equals the
  server within its scopes.

Deterministic (derandomize) and bounded for CI; KCDESK_HOSTILE_EXAMPLES and
KCDESK_HOSTILE_STEPS explore more.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import FAST_RETRY, Database, ServerProcess, _pg_available
from helpers import add_facility, edit
from hostile_values import (
    CODECS,
    HOSTILE_ROLES,
    HOT_FIELDS,
    HOT_TABLES,
    TABLES,
    WARDS,
    wild_value,
)
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from rawdevice import RawDevice, facility_values, proposal_values, steps_to
from sqlalchemy import text
from test_model import reset_server

from kcdesk.db.base import synced_tables
from kcdesk.db.capture import LOCKED_PROPOSAL_STATUSES, PROPOSAL_CHILDREN
from kcdesk.db.store import Store
from kcdesk.domain import lifecycle
from kcdesk.domain.record_rules import LEVEL_EDITABLE_STATUSES
from kcdesk.ids import new_id
from kcdesk.server import db as server_db
from kcdesk.server.scopes import DeviceGrant, Placement
from kcdesk.server.stored import StoredReader
from kcdesk.sync.reasons import REASONS
from kcdesk.sync.service import SyncService

EXAMPLES = int(os.environ.get("KCDESK_HOSTILE_EXAMPLES", "12"))
STEPS = int(os.environ.get("KCDESK_HOSTILE_STEPS", "20"))


class HostileRun(RuleBasedStateMachine):
    def __init__(self, server: ServerProcess, workdir: Path, template: Path) -> None:
        super().__init__()
        self.server = server
        reset_server(server)
        self.pool: dict[str, list[str]] = {t: [] for t in TABLES}
        self._seed()
        run = workdir / uuid.uuid4().hex[:8]
        run.mkdir()
        self.laptops: dict[str, tuple[Any, SyncService, str]] = {}
        for name, province in (("a", "48"), ("c", "01")):
            path = run / f"{name}.db"
            shutil.copy(template, path)
            store = Store.open(path)
            service = SyncService(store, retry=FAST_RETRY)
            service.enrol(server.url, server.code(province=province), name)
            service.run_cycle()
            self.laptops[name] = (store, service, province)
        self.hostile = {
            "leader": RawDevice(server, role="centre_leader"),
            "ministry": RawDevice(server, role="ministry", province=None),
        }
        self.grants = {
            "leader": DeviceGrant(self.hostile["leader"].device_id, "centre_leader", "48", ()),
            "ministry": DeviceGrant(self.hostile["ministry"].device_id, "ministry", None, ()),
        }
        self.proposals: dict[str, tuple[str, str]] = {}  # id -> (status, level) as last seen
        self.frozen: dict[tuple[str, str], dict[str, Any]] = {}  # locked rows as they must stay
        self.acted: str | None = None  # the hostile device of the current step
        self._observe()

    def _seed(self) -> None:
        """Honest records of both provinces, in the statuses the attacks aim at."""
        admin = RawDevice(self.server, role="admin")
        hanoi = RawDevice(self.server, role="admin", province="01")
        ids = {k: new_id() for k in ("f1", "f2", "draft", "settled", "line", "acc", "mem", "open", "ev")}
        ids["base"] = admin.proposal_at("base_appraised", "KCQG")
        ids["prog"] = admin.proposal_at("in_progress")
        m = admin.mutation
        to_settled = steps_to("settled", "KCDP")
        outcomes = admin.push(
            m("facility", ids["f1"], "insert", facility_values(ward="20194", phone="0905111222")),
            m("facility", ids["f2"], "insert", facility_values(ward="20197")),
            m("proposal", ids["draft"], "insert", proposal_values()),
            m("proposal", ids["settled"], "insert", proposal_values()),
            m("budget_line", ids["line"], "insert", {"proposal_id": ids["settled"], "line_no": 1, "item": "Máy"}),
            *(
                m("proposal", ids["settled"], values={"status": st}, base_version=1 + i)
                for i, st in enumerate(to_settled)
            ),
            m(
                "post_support_evaluation",
                ids["ev"],
                "insert",
                {"proposal_id": ids["settled"], "evaluated_on": str(date.today()), "evaluator": "Lê Sáu"},
            ),
            m(
                "acceptance",
                ids["acc"],
                "insert",
                {"proposal_id": ids["prog"], "accepted_on": "2026-09-01", "number": "1/BB"},
            ),
            m("acceptance", ids["open"], "insert", {"proposal_id": ids["prog"], "accepted_on": "2026-09-02"}),
            m(
                "acceptance_member",
                ids["mem"],
                "insert",
                {"acceptance_id": ids["acc"], "full_name": "Lê Năm", "role": "chu_tri"},
            ),
            m(
                "acceptance",
                ids["acc"],
                values={"conclusion": "dat", "signed_at": "2026-09-03T00:00:00Z"},
                base_version=1,
            ),
        )
        assert all(o["status"] == "applied" for o in outcomes), outcomes
        f3, p01 = new_id(), new_id()
        assert all(
            o["status"] == "applied"
            for o in hanoi.push(
                hanoi.mutation("facility", f3, "insert", facility_values("01", "00004")),
                hanoi.mutation("proposal", p01, "insert", proposal_values("01")),
            )
        )
        for key, table in (
            ("f1", "facility"),
            ("f2", "facility"),
            ("draft", "proposal"),
            ("base", "proposal"),
            ("prog", "proposal"),
            ("settled", "proposal"),
            ("line", "budget_line"),
            ("acc", "acceptance"),
            ("open", "acceptance"),
            ("mem", "acceptance_member"),
            ("ev", "post_support_evaluation"),
        ):
            self.pool[table].append(ids[key])
        self.pool["facility"].append(f3)
        self.pool["proposal"].append(p01)
        admin.close()
        hanoi.close()

    # -- the hostile devices -----------------------------------------------------------------

    def _mutation(self, device: RawDevice, data: Any) -> dict[str, Any]:
        """Any change at all, with a lean towards the records and fields the rules guard."""
        table = data.draw(st.one_of(st.sampled_from(HOT_TABLES), st.sampled_from([*TABLES, "nope"])), label="table")
        known = self.pool.get(table, [])
        row_id = data.draw(
            st.one_of(st.sampled_from(known or [new_id()]), st.builds(new_id), st.sampled_from(["x" * 40, "a b", "ø"])),
            label="row_id",
        )
        columns = CODECS[table].columns if table in CODECS else ["id"]
        hot = [c for c in HOT_FIELDS if c in columns] or columns
        names = data.draw(
            st.lists(
                st.one_of(st.sampled_from(hot), st.sampled_from([*columns, "zalo_x", "Bad Name"])),
                max_size=4,
                unique=True,
            ),
            label="fields",
        )
        values = {name: wild_value(data, name, self.pool) for name in names}
        op = data.draw(st.sampled_from(["insert", "update", "update", "update", "delete", "restore"]), label="op")
        if op == "insert" and table in CODECS and data.draw(st.booleans(), label="complete"):
            values = {**self._plausible(table, data), **values}  # far enough to reach the rules
        base_version = data.draw(st.integers(0, 4), label="base_version")
        return device.mutation(table, row_id, op, values, base_version=base_version)

    def _plausible(self, table: str, data: Any) -> dict[str, Any]:
        if table == "facility":
            return facility_values(ward=data.draw(st.sampled_from(WARDS["48"])))
        if table == "proposal":
            return proposal_values()
        codec = CODECS[table]
        row: dict[str, Any] = {}
        for column in codec.required:
            row[column] = wild_value(data, column, self.pool)
        return row

    @initialize(data=st.data())
    def hostile_opening(self, data: Any) -> None:
        for who in sorted(HOSTILE_ROLES):
            self.hostile_push(who, data, 2)

    @rule(who=st.sampled_from(sorted(HOSTILE_ROLES)), data=st.data(), steps=st.integers(1, 4))
    def hostile_walks_the_lifecycle(self, who: str, data: Any, steps: int) -> None:
        """Status changes aimed at the stored proposals: any status, sometimes with a level."""
        device = self.hostile[who]
        mutations = []
        for _ in range(steps):
            pid = data.draw(st.sampled_from(self.pool["proposal"]))
            status, level = self.proposals.get(pid, ("draft", "KCDP"))
            nexts = [t.target for t in lifecycle.next_steps(status, level)]  # the steps there are, and any other
            values: dict[str, Any] = {"status": data.draw(st.sampled_from([*nexts, *nexts, *lifecycle.STATUSES]))}
            if data.draw(st.booleans()):
                values["level"] = data.draw(st.sampled_from(["KCQG", "KCDP"]))
            mutations.append(device.mutation("proposal", pid, values=values, base_version=data.draw(st.integers(0, 3))))
        self.acted = who
        response = device.send(*mutations)
        assert response.status_code == 200, response.text
        self._check_rows_visible(who, [o.get("row") for o in response.json()["outcomes"]], ["proposal"] * steps)
        self._observe()

    @rule(who=st.sampled_from(sorted(HOSTILE_ROLES)), data=st.data(), batches=st.integers(1, 3))
    def hostile_push(self, who: str, data: Any, batches: int) -> None:
        for _ in range(batches):
            size = data.draw(st.integers(1, 4), label="size")
            self._hostile_batch(who, data, size, data.draw(st.booleans(), label="gzip"))
            self._observe()  # each batch judged on its own: one device, one role

    def _hostile_batch(self, who: str, data: Any, size: int, zipped: bool) -> None:
        device = self.hostile[who]
        self.acted = who
        mutations = [self._mutation(device, data) for _ in range(size)]
        response = device.send(*mutations, compressed=zipped)
        assert response.status_code < 500, response.text
        if response.status_code != 200:  # refused whole (not JSON-safe, say): those numbers were not used
            device.seq -= size
            device.sent.pop()
            return
        outcomes = response.json()["outcomes"]
        assert [o["seq"] for o in outcomes] == [m["seq"] for m in mutations]
        for m, o in zip(mutations, outcomes, strict=True):
            assert o["status"] in ("applied", "merged", "rejected")
            if o["status"] == "rejected":
                assert o["code"] in REASONS and o["message"], o
            elif m["op"] == "insert" and m["table"] in self.pool and m["row_id"] not in self.pool[m["table"]]:
                self.pool[m["table"]].append(m["row_id"])
        self._check_rows_visible(who, [o.get("row") for o in outcomes], [m["table"] for m in mutations])
        self._check_out_of_sight_is_nowhere(who, mutations, outcomes)

    def _check_out_of_sight_is_nowhere(self, who: str, mutations: list[Any], outcomes: list[Any]) -> None:
        """A refused change of a record the device may not see gets exactly the answer the
        same change gets for an id that exists nowhere."""
        device = self.hostile[who]
        for m, o in zip(mutations, outcomes, strict=True):
            if o["status"] != "rejected" or m["op"] == "insert" or m["table"] not in CODECS:
                continue
            with self.server.admin().engine.connect() as conn:
                place = conn.execute(
                    text(f'SELECT kc_scope, kc_ward FROM "{m["table"]}" WHERE id = :id'), {"id": m["row_id"]}
                ).first()
            if place is None or self.grants[who].can_see(m["table"], Placement(place[0], place[1])):
                continue
            twin = device.mutation(m["table"], new_id(), m["op"], m["values"], base_version=m["base_version"])
            [answer] = device.push(twin)
            assert {k: v for k, v in answer.items() if k != "seq"} == {k: v for k, v in o.items() if k != "seq"}

    @rule(who=st.sampled_from(sorted(HOSTILE_ROLES)), data=st.data(), reuse=st.booleans())
    def hostile_old_numbers(self, who: str, data: Any, reuse: bool) -> None:
        if reuse:
            self._reuse_a_number(who, data)
        else:
            self._replay(who, data)

    def _replay(self, who: str, data: Any) -> None:
        """An old batch again (a lost reply, or on purpose): the same answers, nothing changes."""
        device = self.hostile[who]
        if not device.sent:
            return
        index = data.draw(st.integers(0, len(device.sent) - 1))
        first = device.post(device.sent[index])
        again = device.post(device.sent[index])
        assert first.status_code == again.status_code == 200, again.text
        strip = [{k: v for k, v in o.items() if k != "row"} for o in again.json()["outcomes"]]
        assert strip == [{k: v for k, v in o.items() if k != "row"} for o in first.json()["outcomes"]]
        batch = json.loads(device.sent[index])["mutations"]
        self._check_rows_visible(who, [o.get("row") for o in again.json()["outcomes"]], [m["table"] for m in batch])

    def _reuse_a_number(self, who: str, data: Any) -> None:
        """A used sequence number carrying another change: refused as a mismatch, never applied."""
        device = self.hostile[who]
        if device.seq == 0:
            return
        m = self._mutation(device, data)
        device.seq -= 1  # the number _mutation took is given back: this change reuses an old one
        m["seq"] = data.draw(st.integers(1, device.seq))
        response = device.send(m)
        device.sent.pop()
        assert response.status_code in (200, 422), response.text
        if response.status_code == 200:
            [outcome] = response.json()["outcomes"]
            assert (outcome["status"], outcome.get("code")) == ("rejected", "mutation_mismatch"), outcome

    @rule(who=st.sampled_from(sorted(HOSTILE_ROLES)))
    def hostile_pulls(self, who: str) -> None:
        device = self.hostile[who]
        scopes = ["00", "48", "01"] if who == "ministry" else ["00", "48"]
        for scope in scopes:
            changes = device.pull_all(scope)
            rows = [c.get("row") for c in changes if c["op"] == "upsert"]
            self._check_rows_visible(who, rows, [c["table"] for c in changes if c["op"] == "upsert"])
        assert device.pull("01").status_code == (200 if who == "ministry" else 403)

    def _check_rows_visible(self, who: str, rows: list[Any], tables: list[str]) -> None:
        grant = self.grants[who]
        with self.server.admin().engine.connect() as conn:
            for row, table in zip(rows, tables, strict=True):
                if not row:
                    continue
                place = conn.execute(
                    text(f'SELECT kc_scope, kc_ward FROM "{table}" WHERE id = :id'), {"id": row["id"]}
                ).one()
                assert grant.can_see(table, Placement(place[0], place[1])), (who, table, row["id"])

    # -- the honest laptops --------------------------------------------------------------------

    @rule(laptop=st.sampled_from(["a", "c"]), data=st.data(), add=st.booleans())
    def honest_work(self, laptop: str, data: Any, add: bool) -> None:
        """A person adds or edits a facility on the laptop, and the laptop syncs."""
        store, _service, province = self.laptops[laptop]
        if add:
            ward = data.draw(st.sampled_from(WARDS[province]))
            self.pool["facility"].append(add_facility(_Device(store), name="Cơ sở thật", province=province, ward=ward))
        else:
            with store.read() as s:
                ids = [r[0] for r in s.execute(text("SELECT id FROM facility WHERE deleted_at IS NULL ORDER BY id"))]
            if ids:
                fid = data.draw(st.sampled_from(ids))
                column, value = data.draw(
                    st.sampled_from(
                        [("phone", "0905111222"), ("representative", "Lê Văn Hùng"), ("village", "Thôn Cẩm Nê")]
                    )
                )
                edit(_Device(store), "facility", fid, **{column: value})
        self.honest_sync(laptop)

    def honest_sync(self, laptop: str) -> None:
        store, service, _province = self.laptops[laptop]
        service.run_cycle()  # raises on any failure of the server
        with store.read() as s:
            assert s.execute(text("SELECT count(*) FROM sync_outbox")).scalar_one() == 0

    # -- invariants ------------------------------------------------------------------------

    @invariant()
    def the_server_holds(self) -> None:
        self._observe()

    def _observe(self) -> None:
        reader = StoredReader(CODECS)
        rows: dict[str, dict[str, dict[str, Any]]] = {}
        with self.server.admin().engine.connect() as conn:
            for table in TABLES:
                rows[table] = {}
                for rec in conn.execute(reader.select(table)).mappings():
                    row = reader.decode(table, rec)
                    assert row is not None, (table, rec["id"])  # every stored row reads back
                    rows[table][row["id"]] = row
            assert conn.execute(text("SELECT count(*) FROM server_quarantine")).scalar_one() == 0
        self._check_lifecycle(rows)
        self._check_locks(rows)

    def _check_lifecycle(self, rows: dict[str, dict[str, dict[str, Any]]]) -> None:
        role = HOSTILE_ROLES.get(self.acted or "", "")
        for pid, p in rows["proposal"].items():
            now = (p["status"], p["level"])
            before = self.proposals.get(pid)
            if before is None and self.acted is None:  # the seed, taken step by step by the administrator
                self.proposals[pid] = now
                continue
            starts = [before] if before else [("draft", "KCQG"), ("draft", "KCDP")]
            if before != now:
                assert any(self._reachable(s, now, role, pid, rows) for s in starts), (pid, before, now, role)
            self.proposals[pid] = now

    def _reachable(
        self, start: tuple[str, str], goal: tuple[str, str], role: str, pid: str, rows: dict[str, Any]
    ) -> bool:
        """A path of steps `role` may take (level changes only where the level may change)."""
        seen, todo = {start}, [start]
        while todo:
            status, level = todo.pop()
            if (status, level) == goal:
                return True
            nexts = []
            if status in LEVEL_EDITABLE_STATUSES:
                nexts.append((status, "KCDP" if level == "KCQG" else "KCQG"))
            for t in lifecycle.next_steps(status, level):
                if role in t.roles and (not t.needs or self._need_holds(t.needs, pid, rows)):
                    nexts.append((t.target, level))
            for state in nexts:
                if state not in seen:
                    seen.add(state)
                    todo.append(state)
        return False

    @staticmethod
    def _need_holds(needs: str, pid: str, rows: dict[str, Any]) -> bool:
        if needs == "evaluation":  # an evaluation may be deleted later: it was there (a tombstone stays)
            return any(e["proposal_id"] == pid for e in rows["post_support_evaluation"].values())
        conclusion = needs.split(":", 1)[1]
        return any(
            a["proposal_id"] == pid and a["signed_at"] and a["conclusion"] == conclusion and not a["deleted_at"]
            for a in rows["acceptance"].values()
        )

    def _check_locks(self, rows: dict[str, dict[str, dict[str, Any]]]) -> None:
        locked_parents: list[tuple[str, str, tuple[str, ...]]] = []
        for aid, a in rows["acceptance"].items():
            if a["signed_at"]:
                locked_parents.append(("acceptance", aid, ("acceptance_member", "acceptance_item")))
                self._freeze(("acceptance", aid), a)
        for pid, p in rows["proposal"].items():
            if p["status"] in LOCKED_PROPOSAL_STATUSES:
                locked_parents.append(("proposal", pid, PROPOSAL_CHILDREN))
                keep = {k: v for k, v in p.items() if k not in ("status", "status_date", "row_version", "updated_at")}
                self._freeze(("proposal", pid), keep)
        for parent_table, parent_id, children in locked_parents:
            column = f"{parent_table}_id"
            for child in children:
                mine = {cid: c for cid, c in rows[child].items() if c[column] == parent_id}
                self._freeze((child, f"of:{parent_id}"), mine)

    def _freeze(self, key: tuple[str, str], value: Any) -> None:
        if key in self.frozen:
            assert self.frozen[key] == value, key
        else:
            self.frozen[key] = value

    # -- the end ---------------------------------------------------------------------------

    def teardown(self) -> None:
        try:
            for _round in range(2):
                for name in ("a", "c"):
                    self.honest_sync(name)
            self._honest_replicas_equal_the_server()
        finally:
            for device in self.hostile.values():
                device.close()
            for store, _service, _province in self.laptops.values():
                store.close()

    def _honest_replicas_equal_the_server(self) -> None:
        with self.server.admin().engine.connect() as conn:
            server_rows = {
                table: {
                    r["id"]: (CODECS[table].decode_stored(r), r[server_db.SCOPE_COL])
                    for r in conn.execute(StoredReader(CODECS).select(table)).mappings()
                }
                for table in synced_tables()
            }
        for name, (store, service, province) in self.laptops.items():
            kept = {(d.table, d.row_id) for d in service.dead_letters()}
            codes = {d.code for d in service.dead_letters()}
            assert codes <= {"not_found", "blocked_by_parent", "parent_missing"}, service.dead_letters()
            with store.read() as s:
                for table, rows in server_rows.items():
                    codec = CODECS[table]
                    mine = {
                        r["id"]: codec.local_to_wire(dict(r))
                        for r in s.execute(text(f'SELECT * FROM "{table}"')).mappings()
                    }
                    for row_id, (row, scope) in rows.items():
                        if scope not in (province, "00") or (table, row_id) in kept:
                            continue
                        if table in ("app_user", "collaborator_commune"):
                            continue  # people reach laptops by their own rules (kcdesk.server.users)
                        assert row_id in mine, (name, table, row_id)
                        local = {k: v for k, v in mine[row_id].items() if k != "updated_at" and k in codec.kinds}
                        assert local == {k: v for k, v in row.items() if k != "updated_at"}, (name, table, row_id)


class _Device:
    """What helpers.add_facility and helpers.edit need of a laptop."""

    def __init__(self, store: Any) -> None:
        self.store = store


@pytest.fixture(params=["sqlite", "postgres"])
def hostile_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    if request.param == "postgres" and not _pg_available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is required in CI (scripts/postgres-up.sh)")
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    folder = tmp_path / "server"
    folder.mkdir()
    database = Database(request.param, folder)
    server = ServerProcess(database, folder, {"KCDESK_SERVER_REQUESTS_PER_MINUTE": "100000"}).start()
    yield server
    server.close()
    database.drop()


def test_a_hostile_device_breaks_nothing_and_honest_laptops_keep_syncing(
    hostile_server: ServerProcess, tmp_path: Path, template_db: Path
) -> None:
    run_state_machine_as_test(
        lambda: HostileRun(hostile_server, tmp_path, template_db),
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failing run is reported as it ran
        ),
    )
