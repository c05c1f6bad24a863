"""Apply one pushed batch in one transaction, exactly once.

Order of work, chosen so that concurrent batches neither lose updates nor deadlock:
1. lock the device's row: replays of the same batch queue here and then find the stored
   outcomes; a gap in the sequence is refused with the sequence expected;
2. lock the rows the batch touches (sorted by id), then merge and check each mutation in
   memory, in sequence order, each seeing the ones before it;
3. write rows, outcomes and conflicts; lock the scope counters last (sorted), so the
   change log of each scope is numbered in commit order.

Each mutation is checked in this order, so that no answer tells a device more than it may
read: its values (kcdesk.sync.wire), whether the device can see the stored row at all (an
id it cannot see is "not found", exactly as an id that does not exist), whether it may
write there (before the "changes nothing" answer), the parent it hangs from (a parent it
cannot see is "missing"), where the row goes (kcdesk.server.access), the locks on the old
and the new parent, the rule book (kcdesk.server.rulebook) and what it would store
(kcdesk.server.limits). One refused mutation never stops the others.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence, Set
from typing import Any

from sqlalchemy import Connection

from kcdesk.db.base import Base
from kcdesk.db.sort_keys import LOCAL_ONLY
from kcdesk.domain.validation import UnitIndex
from kcdesk.ids import new_id
from kcdesk.server import db, rules_followup  # noqa: F401  (rules_followup: its rules join the rule book)
from kcdesk.server.access import check_write, require_write
from kcdesk.server.limits import StoredBudget, StoreLimits, aside_size, value_bytes, values_bytes
from kcdesk.server.merge import Refusal, merge_fields
from kcdesk.server.outcomes import aside_record, refused_outcome, with_kept_aside
from kcdesk.server.push_write import BatchWriter, Key, RowState
from kcdesk.server.rulebook import RULES, SERVER_SET, SERVER_SET_BY_TABLE, Change, lock_problem, server_set, stamp
from kcdesk.server.scopes import (
    NATIONAL,
    OWN_PLACEMENT,
    SERVER_OWNED,
    DeviceGrant,
    Placement,
    Places,
    is_placed_by_parent,
)
from kcdesk.server.stored import StoredReader, read_stored
from kcdesk.sync import faults
from kcdesk.sync.protocol import Mutation, Outcome
from kcdesk.sync.relations import PARENT, parent_ref
from kcdesk.sync.wire import BadValue, TableCodec

log = logging.getLogger(__name__)
# Names of the desktop's local-only columns, in any table (a password hash sent under another
# table's name is still a password hash).
_LOCAL_ONLY = frozenset(c.name for t in Base.metadata.sorted_tables for c in t.columns if c.info.get(LOCAL_ONLY))
# Records a row names besides the parent it hangs from (see BatchApplier._check_references).
REFERENCES: dict[str, list[tuple[str, str]]] = {
    name: [
        (fk.parent.name, fk.column.table.name)
        for fk in sorted(Base.metadata.tables[name].foreign_keys, key=lambda fk: fk.parent.name)
        if fk.parent.name != PARENT.get(name, ("",))[0] and fk.column.table.name in db.REPLICATED
    ]
    for name in db.REPLICATED
}
# Fields the server stamps beyond SERVER_SET (a signature): a device that names one may hold
# another value than the stored one.
SERVER_STAMPED = frozenset().union(*SERVER_SET_BY_TABLE.values())
ROW_ID = re.compile(r"[0-9A-Za-z._:-]{1,64}\Z")  # ids are UUID text; seeded rows too


class SeqGap(Exception):
    def __init__(self, expected: int) -> None:
        super().__init__(expected)
        self.expected = expected


class BatchApplier(BatchWriter):
    def __init__(
        self,
        conn: Connection,
        grant: DeviceGrant,
        codecs: dict[str, TableCodec],
        now: str,
        *,
        units: UnitIndex,
        user_id: str | None = None,
        limits: StoreLimits | None = None,
        device_aside_bytes: int = 0,
    ) -> None:
        self.conn = conn
        self.grant = grant
        self.codecs = codecs
        self.now = now
        self.units = units
        self.user_id = user_id
        self.budget = StoredBudget(limits or StoreLimits(), device_aside_bytes)
        self.reader = StoredReader(codecs)
        self.rows: dict[Key, RowState] = {}
        self.refused_rows: set[Key] = set()
        self.conflicts: list[dict[str, Any]] = []
        self.log_entries: set[tuple[str, str | None, str, str]] = set()
        # Rows this device now holds exactly as stored (see _holds_stored): row -> the seq of
        # its last change in the batch. A row any other change of the batch touched is out.
        self.echo_free: dict[Key, int] = {}
        self.spoilt: set[Key] = set()
        self.server_logged: set[tuple[str, str | None, str, str]] = set()  # entries of server moves
        self.released: list[Key] = []  # stored rows this device no longer holds as they are
        self._templates: dict[str, dict[str, Any]] = {}
        self._placements = Places()  # one object per place (kcdesk.server.scopes.Places)
        self._seen: dict[tuple[str, str, str | None], bool] = {}
        self.kept_aside: dict[str, Any] = {}  # unknown fields of the mutation being applied
        self.aside: list[dict[str, Any]] = []
        # Set by an erasure in this batch: files and cached snapshots to remove after commit.
        self.erased_files: list[str] = []
        self.stale_snapshots: list[str] = []

    # -- loading -------------------------------------------------------------------------

    def load(self, keys: Iterable[Key], lock: bool) -> None:
        by_table: dict[str, set[str]] = {}
        for table, row_id in keys:
            if (table, row_id) not in self.rows and table in db.REPLICATED:
                by_table.setdefault(table, set()).add(row_id)
        for table, ids in by_table.items():
            for found in read_stored(self.conn, self.reader, table, ids, lock=lock):
                placement = self._placements[(found.scope, found.ward)]
                self.rows[(table, found.id)] = RowState(
                    table, found.row, placement, True, damaged=found.row is None, holder=found.holder
                )
            for row_id in ids:
                self.rows.setdefault((table, row_id), RowState(table, None, None, False))

    def _own_placement(self, table: str, row: Mapping[str, Any]) -> Placement:
        """kcdesk.server.scopes.own_placement (the same reading of the same columns), as one
        of this batch's shared objects."""
        province_col, ward_col = OWN_PLACEMENT[table]
        province = row.get(province_col) if province_col else None
        ward = row.get(ward_col) if ward_col else None
        return self._placements[(str(province) if province else NATIONAL, str(ward) if ward else None)]

    def _sees(self, table: str, placement: Placement) -> bool:
        """grant.can_see, asked once per table and place in a batch."""
        key = (table, placement.scope, placement.ward)
        seen = self._seen.get(key)
        if seen is None:
            seen = self._seen[key] = self.grant.can_see(table, placement)
        return seen

    def state(self, table: str, row_id: str) -> RowState:
        key = (table, row_id)
        if key not in self.rows:
            self.load([key], lock=False)
        return self.rows[key]

    def _preload(self, mutations: Sequence[Mutation]) -> None:
        targets = [(m.table, m.row_id) for m in mutations]
        self.load(targets, lock=True)
        for _depth in range(3):  # parents, grandparents (acceptance member -> acceptance -> proposal)
            parents: set[Key] = set()
            for m in mutations:
                if not is_placed_by_parent(m.table):  # no parent to look for (facilities, surveys...)
                    continue
                current = self.rows.get((m.table, m.row_id))
                for source in (m.values, current.row if current and current.row else {}):
                    ref = parent_ref(m.table, source)
                    if ref:
                        parents.add(ref)
            for st in self.rows.values():
                if st.row is not None and is_placed_by_parent(st.table):
                    ref = parent_ref(st.table, st.row)
                    if ref:
                        parents.add(ref)
            missing = {k for k in parents if k not in self.rows}
            if not missing:
                break
            self.load(missing, lock=False)

    # -- the stored rows, for the rule book (kcdesk.server.rulebook.Records) ---------------

    def row(self, table: str, row_id: str) -> Mapping[str, Any] | None:
        return self.state(table, row_id).row if table in db.REPLICATED else None

    def children(self, table: str, column: str, parent_id: str) -> list[Mapping[str, Any]]:
        t = db.REPLICATED[table]
        found: dict[str, Mapping[str, Any]] = {}
        for rec in self.conn.execute(self.reader.select(table).where(t.c[column] == parent_id)).mappings():
            row = self.reader.decode(table, rec)
            if row is not None:
                found[row["id"]] = row
        for (name, row_id), st in self.rows.items():  # this batch's changes so far
            if name == table and st.row is not None:
                if st.row.get(column) == parent_id:
                    found[row_id] = st.row
                else:
                    found.pop(row_id, None)
        return [r for r in found.values() if not r.get("deleted_at")]

    # -- applying ------------------------------------------------------------------------

    def apply(self, mutations: Sequence[Mutation], reused: Set[str] = frozenset()) -> list[Outcome]:
        self._preload(mutations)
        outcomes = []
        armed = faults.active()
        for index, m in enumerate(mutations):
            if armed:
                faults.hit("push.mid_batch", index)
            try:
                if m.mutation_id in reused:  # the id of an earlier, different change
                    raise Refusal("mutation_mismatch", seq=m.seq)
                self.kept_aside = {}
                outcome = self._apply_one(m)
                if self.kept_aside:
                    outcome = self._keep_aside(m, outcome)
            except Refusal as refusal:
                outcome = self._refused(m, refusal)
            key = (m.table, m.row_id)
            if outcome.at is not None and outcome.params is None and key not in self.spoilt:
                self.echo_free[key] = m.seq
                self.rows[key].holder = self.grant.device_id
            else:  # the device's copy may differ from the stored row: its pulls bring the row
                self.spoilt.add(key)
                self.echo_free.pop(key, None)
                if outcome.at is not None:
                    outcome = outcome.model_copy(update={"at": None})
                held = self.rows.get(key)
                if held is not None and held.holder == self.grant.device_id and not held.dirty:
                    self.released.append(key)  # a refused change: its copy is not the stored one
            outcomes.append(outcome)
        return outcomes

    def _keep_aside(self, m: Mutation, outcome: Outcome) -> Outcome:
        """Fields this server does not know (a newer laptop's) are kept, not refused: the
        rest of the change applies, and a later server version can take them from here."""
        self.aside.append(aside_record(self.grant, m, self.kept_aside, self.now))
        return with_kept_aside(outcome, self.kept_aside)

    def _refused(self, m: Mutation, refusal: Refusal) -> Outcome:
        if m.op == "insert" or refusal.code in ("not_found", "blocked_by_parent", "parent_missing"):
            self.refused_rows.add((m.table, m.row_id))  # the changes that hang from it are blocked
        current = self.rows.get((m.table, m.row_id))
        if current is None:
            return refused_outcome(self.grant, m, refusal, None, None)
        return refused_outcome(self.grant, m, refusal, current.row, current.placement)

    def _parent(self, table: str, row: Mapping[str, Any]) -> tuple[str | None, RowState | None]:
        """The stored parent a row hangs from. A parent the device cannot see is answered
        as a missing one: naming a foreign id tells nothing about it."""
        ref = parent_ref(table, row)
        if ref is None:
            if is_placed_by_parent(table):
                raise Refusal("parent_missing", parent_table="?")
            return None, None
        parent_table, parent_id = ref
        if parent_table not in db.REPLICATED:
            raise Refusal("invalid_value", field="owner_table", problem="bảng không đồng bộ")
        st = self.state(parent_table, parent_id)
        if st.placement is not None and not self.grant.can_see(parent_table, st.placement):
            raise Refusal("parent_missing", parent_table=parent_table)
        if st.damaged:
            raise Refusal("quarantined", table=parent_table)
        if st.row is None:
            if ref in self.refused_rows:
                raise Refusal("blocked_by_parent")
            raise Refusal("parent_missing", parent_table=parent_table)
        return parent_table, st

    def _check_references(self, table: str, row: Mapping[str, Any], changed: set[str]) -> None:
        """Other records a row names (a beneficiary's facility, an event's user) exist and
        are in the device's sight: laptops could not hold the row otherwise, and a foreign
        id named here tells nothing about it."""
        for column, target in REFERENCES.get(table, ()):
            value = row.get(column)
            if column not in changed or value is None:
                continue
            st = self.state(target, str(value))
            if st.placement is None or not self.grant.can_see(target, st.placement):
                raise Refusal("reference_missing", field=column, parent_table=target)

    def _old_parent(self, table: str, current: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
        ref = parent_ref(table, current) if current is not None else None
        if ref is None or ref[0] not in db.REPLICATED:
            return None
        st = self.state(*ref)
        if st.damaged:
            raise Refusal("quarantined", table=ref[0])
        return st.row

    def _apply_one(self, m: Mutation) -> Outcome:
        codec = self.codecs.get(m.table)
        if codec is None:
            raise Refusal("unknown_table", table=m.table)
        if m.table in SERVER_OWNED:
            raise Refusal("server_owned")
        if not ROW_ID.match(m.row_id) or len(m.row_id) > (codec.lengths.get("id") or 64):
            raise Refusal("invalid_value", field="id", problem="mã bản ghi không hợp lệ")
        values, base = self._normalised(codec, m)
        aside_bytes = aside_size(self.budget.limits, self.kept_aside) if self.kept_aside else 0
        st = self.state(m.table, m.row_id)
        if st.placement is not None and not self._sees(m.table, st.placement):
            raise Refusal("id_in_use" if m.op == "insert" else "not_found")  # as if it did not exist
        if st.damaged:
            raise Refusal("quarantined")
        current = st.row
        if current is None:
            if (m.table, m.row_id) in self.refused_rows:
                raise Refusal("blocked_by_parent")
            if m.op != "insert":
                raise Refusal("not_found")
            new_row = self._new_row(codec, m.row_id, values)
            merged_conflicts: dict[str, dict[str, Any]] = {}
            changed = set(new_row)
            concurrent = False
        else:
            assert st.placement is not None
            if current.get("deleted_at") and m.op == "update":
                return self._update_against_delete(m, st, values, base)
            if m.op == "delete" and current.get("deleted_at"):
                require_write(self.grant, m.table, st.placement)
                return Outcome(seq=m.seq, status="applied", row_version=current["row_version"])
            if m.op == "delete" and not values.get("deleted_at"):
                values["deleted_at"] = self.now  # a hard delete on the device: a tombstone here
            if m.op == "insert":  # the row already exists (a copy made elsewhere): merge field by field
                result = merge_fields(current, current["row_version"], values, {}, -1)
            else:
                # The device held the stored version when it made this change (its outbox may
                # still name the version before its own last answer): not concurrent.
                held = st.holder == self.grant.device_id and (m.table, m.row_id) not in self.spoilt
                base_version = current["row_version"] if held else m.base_version
                result = merge_fields(current, current["row_version"], values, base, base_version)
            new_row = {**current, **result.apply}
            merged_conflicts = result.conflicts
            changed = set(result.apply)
            concurrent = result.concurrent
        stamped = stamp(m.table, m.values, current, new_row, self.now, self.user_id)
        changed |= stamped
        if current is not None and not changed:
            assert st.placement is not None  # a stored row is placed (asserted above too)
            require_write(self.grant, m.table, st.placement)  # never "applied" without the right to write
            return Outcome(seq=m.seq, status="applied", row_version=current["row_version"])

        parent_table, parent = self._parent(m.table, new_row)
        if is_placed_by_parent(m.table):
            assert parent is not None and parent.row is not None and parent.placement is not None
            if m.op == "insert" and current is None and parent.row.get("deleted_at"):
                raise Refusal("parent_deleted", parent_table=parent_table)
            placement = parent.placement
        else:
            placement = self._own_placement(m.table, new_row)
        self._check_references(m.table, new_row, changed)
        check_write(self.grant, m.table, st.placement, placement, changed)
        change = Change(
            table=m.table,
            old=current,
            new=new_row,
            changed=frozenset(changed),
            role=self.grant.role,
            records=self,
            units=self.units,
            parent=parent.row if parent else None,
            old_parent=self._old_parent(m.table, current),
        )
        broken = lock_problem(change, parent_table) or RULES.judge(change)
        if broken is not None:
            raise Refusal(broken.code, broken.message, **broken.params)
        self._charge(new_row, changed if current is not None else None, merged_conflicts, aside_bytes)

        new_row["row_version"] = (current["row_version"] if current else 0) + 1
        new_row["updated_at"] = self.now
        if st.placement is not None and st.placement is not placement and st.placement != placement:
            st.old_placements.add(st.placement)
        st.row, st.placement, st.dirty = new_row, placement, True
        st.changed |= changed
        conflict_id = None
        if merged_conflicts:
            conflict_id = self._record_conflict(m, placement, "field", merged_conflicts, st)
        elif concurrent:
            log.info("soft merge of %s %s by %s: %s", m.table, m.row_id, self.grant.device_id, sorted(changed))
        row_back = new_row if self._sees(m.table, placement) else None
        if conflict_id or concurrent:
            return Outcome(
                seq=m.seq, status="merged", row_version=new_row["row_version"], conflict_id=conflict_id, row=row_back
            )
        if stamped:  # the server wrote fields itself (a signature): the device takes them at once
            return Outcome(seq=m.seq, status="applied", row_version=new_row["row_version"], row=row_back)
        holds = not st.old_placements and self._holds_stored(m, new_row, changed)
        return Outcome(seq=m.seq, status="applied", row_version=new_row["row_version"], at=self.now if holds else None)

    def _holds_stored(self, m: Mutation, row: Mapping[str, Any], changed: set[str]) -> bool:
        """Whether the device, once it takes this answer (the version, and `at` as the
        row's updated_at, and its created_at if new), holds exactly the stored row: every
        field written is the value it sent, untouched by normalising or defaults, and it
        named no field only the server sets. Its pulls then need not send the row back."""
        if not SERVER_STAMPED.isdisjoint(m.values):
            return False
        sent = m.values  # a field left out of a new row is NULL on the device (nulls travel as absent)
        for c in changed:  # noqa: SIM110  (a loop: all() over a generator cost more, per change)
            if c not in SERVER_SET and sent.get(c) != row[c]:
                return False
        return True

    def _charge(
        self,
        row: Mapping[str, Any],
        changed: set[str] | None,
        conflicts: Mapping[str, Mapping[str, Any]],
        aside_bytes: int,
    ) -> None:
        """What this change makes the server keep (see kcdesk.server.limits)."""
        if changed is None:
            size = values_bytes(row.values())
        else:  # most edits change a field or two: counted in place
            size = 0
            for c in changed:
                size += value_bytes(row[c])
        for entry in conflicts.values():
            size += values_bytes(entry.values())
        self.budget.check_row(row, size)
        if aside_bytes:
            self.budget.check_aside(aside_bytes)
        self.budget.charge(size, aside_bytes)

    def _update_against_delete(
        self, m: Mutation, st: RowState, values: dict[str, Any], base: dict[str, Any]
    ) -> Outcome:
        """The delete wins; the device's edit is kept in a conflict record (no resurrection)."""
        assert st.row is not None and st.placement is not None
        require_write(self.grant, m.table, st.placement)
        fields = {f: {"base": base.get(f), "mine": v, "theirs": st.row.get(f)} for f, v in values.items()}
        self.budget.charge(sum(values_bytes(e.values()) for e in fields.values()))
        conflict_id = self._record_conflict(m, st.placement, "update_deleted", fields, st)
        return Outcome(
            seq=m.seq, status="merged", row_version=st.row["row_version"], conflict_id=conflict_id, row=st.row
        )

    def _normalised(self, codec: TableCodec, m: Mutation) -> tuple[dict[str, Any], dict[str, Any]]:
        """The device's values checked column by column; fields only the server sets are
        left out (kcdesk.server.rulebook.SERVER_SET), unknown ones kept aside. A base value
        that does not pass is treated as unknown: it only decides what counts as a conflict."""
        checks = codec.normalisers
        managed = server_set(m.table)
        # A device's local-only columns (sort keys, password hashes: kcdesk.db.account_columns)
        # are not the server's to keep, not even aside: a device that sends them is ignored.
        self.kept_aside = {c: v for c, v in m.values.items() if c not in checks and c not in _LOCAL_ONLY}
        values = {}
        for c, v in m.values.items():
            if c in checks and c not in managed:
                try:
                    values[c] = checks[c](v)
                except BadValue as exc:
                    raise Refusal("invalid_value", field=c, problem=str(exc)) from None
        base = {}
        for c, v in m.base.items():
            if c in checks and c not in managed:
                try:
                    base[c] = checks[c](v)
                except BadValue:
                    continue
        return values, base

    def _new_row(self, codec: TableCodec, row_id: str, values: dict[str, Any]) -> dict[str, Any]:
        template = self._templates.get(codec.table.name)
        if template is None:  # every column, with the defaults a new row starts from
            template = self._templates[codec.table.name] = {**dict.fromkeys(codec.columns), **codec.defaults}
        row = {**template, **values}
        row["id"] = row_id
        for name in codec.required:
            if row.get(name) is None:
                raise Refusal("invalid_value", field=name, problem="thiếu giá trị bắt buộc")
        return row

    def _record_conflict(
        self, m: Mutation, placement: Placement, kind: str, fields: dict[str, dict[str, Any]], st: RowState
    ) -> str:
        conflict_id = new_id()
        self.conflicts.append(
            {
                "id": conflict_id,
                "scope": placement.scope,
                "ward": placement.ward,
                "table_name": m.table,
                "row_id": m.row_id,
                "kind": kind,
                "fields": json.dumps(fields, ensure_ascii=False),
                "winner_device": self.grant.device_id if kind == "field" else None,
                "loser_device": self.grant.device_id if kind == "update_deleted" else None,
                "created_at": self.now,
                "resolved_at": None,
                "resolution": None,
            }
        )
        self.log_entries.add((placement.scope, placement.ward, "_conflict", conflict_id))
        return conflict_id

    @property
    def aside_bytes(self) -> int:
        return self.budget.batch_aside
