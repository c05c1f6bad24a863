"""Apply one pushed batch in one transaction, exactly once.

Order of work, chosen so that concurrent batches neither lose updates nor deadlock:
1. lock the device's row: replays of the same batch queue here and then find the stored
   outcomes; a gap in the sequence is refused with the sequence expected;
2. lock the rows the batch touches (sorted by id), then merge and check each mutation in
   memory, in sequence order, each seeing the ones before it;
3. write rows, outcomes and conflicts; lock the scope counters last (sorted), so the
   change log of each scope is numbered in commit order.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, String, Table, any_, bindparam, select, update
from sqlalchemy.dialects.postgresql import ARRAY

from kcdesk.ids import new_id
from kcdesk.server import db
from kcdesk.server.bulk import insert_rows, update_rows
from kcdesk.server.counters import append_changes
from kcdesk.server.merge import SERVER_MANAGED, Refusal, check_locks, check_status, merge_fields
from kcdesk.server.scopes import (
    CHILDREN,
    MINISTRY_ROLES,
    MOVER_ROLE,
    SERVER_OWNED,
    DeviceGrant,
    Placement,
    is_placed_by_parent,
    own_placement,
    parent_ref,
)
from kcdesk.sync import faults
from kcdesk.sync.protocol import Mutation, Outcome
from kcdesk.sync.reasons import LOCKED_WHAT, REASONS, scope_name
from kcdesk.sync.wire import BadValue, TableCodec

log = logging.getLogger(__name__)
Key = tuple[str, str]


class SeqGap(Exception):
    def __init__(self, expected: int) -> None:
        super().__init__(expected)
        self.expected = expected


@dataclass
class RowState:
    table: str
    row: dict[str, Any] | None  # wire form, server columns excluded
    placement: Placement | None
    existed: bool
    dirty: bool = False
    old_placements: set[Placement] = field(default_factory=set)


class BatchApplier:
    def __init__(
        self, conn: Connection, grant: DeviceGrant, codecs: dict[str, TableCodec], now: str, is_pg: bool
    ) -> None:
        self.conn = conn
        self.grant = grant
        self.codecs = codecs
        self.now = now
        self.is_pg = is_pg
        self.rows: dict[Key, RowState] = {}
        self.refused_rows: set[Key] = set()
        self.conflicts: list[dict[str, Any]] = []
        self.log_entries: set[tuple[str, str | None, str, str]] = set()
        self._templates: dict[str, dict[str, Any]] = {}
        self.kept_aside: dict[str, Any] = {}  # unknown fields of the mutation being applied
        self.aside: list[dict[str, Any]] = []

    # -- loading -------------------------------------------------------------------------

    def load(self, keys: Iterable[Key], lock: bool) -> None:
        by_table: dict[str, set[str]] = {}
        for table, row_id in keys:
            if (table, row_id) not in self.rows and table in db.REPLICATED:
                by_table.setdefault(table, set()).add(row_id)
        for table, ids in by_table.items():
            t = db.REPLICATED[table]
            codec = self.codecs[table]
            ordered = sorted(ids)
            for i in range(0, len(ordered), 1000):
                part = ordered[i : i + 1000]
                if self.is_pg:  # one array parameter: cheaper to send and plan than 1,000 of them
                    stmt = select(t).where(t.c.id == any_(bindparam("ids", part, type_=ARRAY(String))))
                else:
                    stmt = select(t).where(t.c.id.in_(part))
                stmt = stmt.order_by(t.c.id)
                if lock and self.is_pg:
                    stmt = stmt.with_for_update()
                for rec in self.conn.execute(stmt).mappings():
                    row = codec.row_to_wire(rec)
                    placement = Placement(rec[db.SCOPE_COL], rec[db.WARD_COL])
                    self.rows[(table, row["id"])] = RowState(table, row, placement, True)
            for row_id in ids:
                self.rows.setdefault((table, row_id), RowState(table, None, None, False))

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
                current = self.rows.get((m.table, m.row_id))
                for source in (m.values, current.row if current and current.row else {}):
                    ref = parent_ref(m.table, source)
                    if ref:
                        parents.add(ref)
            for key in list(self.rows):
                st = self.rows[key]
                if st.row is not None:
                    ref = parent_ref(st.table, st.row)
                    if ref:
                        parents.add(ref)
            missing = {k for k in parents if k not in self.rows}
            if not missing:
                break
            self.load(missing, lock=False)

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
                outcomes.append(outcome)
            except Refusal as refusal:
                outcomes.append(self._refused(m, refusal))
        return outcomes

    def _keep_aside(self, m: Mutation, outcome: Outcome) -> Outcome:
        """Fields this server does not know (a newer laptop's) are kept, not refused: the
        rest of the change applies, and a later server version can take them from here."""
        self.aside.append(
            {
                "device_id": self.grant.device_id,
                "seq": m.seq,
                "table_name": m.table,
                "row_id": m.row_id,
                "fields": json.dumps(self.kept_aside, ensure_ascii=False),
                "at": self.now,
            }
        )
        params = {**(outcome.params or {}), "kept_aside": sorted(self.kept_aside)}
        return outcome.model_copy(update={"params": params})

    def _refused(self, m: Mutation, refusal: Refusal) -> Outcome:
        if m.op == "insert" or refusal.code in ("not_found", "blocked_by_parent", "parent_missing"):
            self.refused_rows.add((m.table, m.row_id))
        params = dict(refusal.params)
        params.setdefault("table", m.table)
        if "what_key" in params:
            params["what"] = LOCKED_WHAT[params.pop("what_key")]
        current = self.rows.get((m.table, m.row_id))
        return Outcome(
            seq=m.seq,
            status="rejected",
            code=refusal.code,
            message=REASONS[refusal.code],
            params=params,
            row=current.row if current and current.row else None,
        )

    def _parent(self, table: str, row: dict[str, Any]) -> tuple[str | None, RowState | None]:
        ref = parent_ref(table, row)
        if ref is None:
            return None, None
        if ref[0] not in db.REPLICATED:
            raise Refusal("invalid_value", field="owner_table", problem="bảng không đồng bộ")
        return ref[0], self.state(*ref)

    def _apply_one(self, m: Mutation) -> Outcome:
        codec = self.codecs.get(m.table)
        if codec is None:
            raise Refusal("unknown_table", table=m.table)
        if m.table in SERVER_OWNED:
            raise Refusal("server_owned")
        if len(m.row_id) > (codec.lengths.get("id") or 64):  # ids are UUID text; the column holds 36
            raise Refusal("invalid_value", field="id", problem="mã bản ghi quá dài")
        values, base = self._normalised(codec, m)
        st = self.state(m.table, m.row_id)
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
            if current.get("deleted_at") and m.op == "update":
                return self._update_against_delete(m, st, values, base)
            if m.op == "delete" and current.get("deleted_at"):
                return Outcome(seq=m.seq, status="applied", row_version=current["row_version"])
            if m.op == "delete" and not values.get("deleted_at"):
                values["deleted_at"] = self.now  # a hard delete on the device: a tombstone here
            if m.op == "insert":  # the row already exists (a copy made elsewhere): merge field by field
                result = merge_fields(current, current["row_version"], values, {}, -1)
            else:
                result = merge_fields(current, current["row_version"], values, base, m.base_version)
            new_row = {**current, **result.apply}
            merged_conflicts = result.conflicts
            changed = set(result.apply)
            concurrent = result.concurrent
            if not changed:
                return Outcome(seq=m.seq, status="applied", row_version=current["row_version"])

        parent_table, parent = self._parent(m.table, new_row)
        if is_placed_by_parent(m.table):
            if parent is None or parent.row is None:
                if parent is not None and (parent_table, new_row_parent_id(m.table, new_row)) in self.refused_rows:
                    raise Refusal("blocked_by_parent")
                raise Refusal("parent_missing", parent_table=parent_table or "?")
            if m.op == "insert" and current is None and parent.row.get("deleted_at"):
                raise Refusal("parent_deleted", parent_table=parent_table)
            assert parent.placement is not None
            placement = parent.placement
        else:
            placement = own_placement(m.table, new_row)
        check_locks(m.table, current, changed, parent.row if parent else None, parent_table)
        if "status" in changed or current is None:
            check_status(m.table, current, new_row, self.grant.role)
        self._authorise(m.table, st.placement, placement)

        new_row["row_version"] = (current["row_version"] if current else 0) + 1
        new_row["updated_at"] = self.now
        if st.placement is not None and st.placement != placement:
            st.old_placements.add(st.placement)
        st.row, st.placement, st.dirty = new_row, placement, True
        conflict_id = None
        if merged_conflicts:
            conflict_id = self._record_conflict(m, placement, "field", merged_conflicts, st)
        elif concurrent:
            log.info("soft merge of %s %s by %s: %s", m.table, m.row_id, self.grant.device_id, sorted(changed))
        if conflict_id or concurrent:
            return Outcome(
                seq=m.seq, status="merged", row_version=new_row["row_version"], conflict_id=conflict_id, row=new_row
            )
        return Outcome(seq=m.seq, status="applied", row_version=new_row["row_version"])

    def _update_against_delete(
        self, m: Mutation, st: RowState, values: dict[str, Any], base: dict[str, Any]
    ) -> Outcome:
        """The delete wins; the device's edit is kept in a conflict record (no resurrection)."""
        assert st.row is not None and st.placement is not None
        self._authorise(m.table, st.placement, st.placement)
        fields = {f: {"base": base.get(f), "mine": v, "theirs": st.row.get(f)} for f, v in values.items()}
        conflict_id = self._record_conflict(m, st.placement, "update_deleted", fields, st)
        return Outcome(
            seq=m.seq, status="merged", row_version=st.row["row_version"], conflict_id=conflict_id, row=st.row
        )

    def _normalised(self, codec: TableCodec, m: Mutation) -> tuple[dict[str, Any], dict[str, Any]]:
        checks = codec.normalisers
        self.kept_aside = {c: v for c, v in m.values.items() if c not in checks}
        try:
            values = {c: checks[c](v) for c, v in m.values.items() if c in checks and c not in SERVER_MANAGED}
            base = {}
            for c, v in m.base.items():
                if c in checks and c not in SERVER_MANAGED:
                    try:
                        base[c] = checks[c](v)
                    except BadValue:
                        base[c] = v
        except BadValue as exc:
            bad = next((c for c, v in m.values.items() if c in checks and not _converts(codec, c, v)), "?")
            raise Refusal("invalid_value", field=bad, problem=str(exc)) from exc
        return values, base

    def _new_row(self, codec: TableCodec, row_id: str, values: dict[str, Any]) -> dict[str, Any]:
        template = self._templates.get(codec.table.name)
        if template is None:  # every column, with the defaults a new row starts from
            template = self._templates[codec.table.name] = {**dict.fromkeys(codec.columns), **codec.defaults}
        row = {**template, **values}
        row["id"] = row_id
        if not row.get("created_at"):
            row["created_at"] = self.now
        for name in codec.required:
            if row.get(name) is None:
                raise Refusal("invalid_value", field=name, problem="thiếu giá trị bắt buộc")
        return row

    def _authorise(self, table: str, old: Placement | None, new: Placement) -> None:
        if old is not None and old.scope != new.scope:  # the row moves to another province
            if self._may_move(table, old):
                return
            if self.grant.can_write(table, old):
                raise Refusal("move_not_allowed", scope_name=scope_name(new.scope))
        for placement in filter(None, (old, new)):
            if not self.grant.can_write(table, placement):
                if self.grant.role == "ministry" or self.grant.can_read(table, placement, [placement.scope]):
                    raise Refusal("read_only", role=self.grant.role)
                raise Refusal("out_of_scope", scope_name=scope_name(placement.scope))

    def _may_move(self, table: str, old: Placement) -> bool:
        """Who may move a row between provinces (a facility re-registered elsewhere): the
        ministry, and the administrator of the province the row leaves. Everyone else only
        writes inside their own province, so a mistaken edit cannot hand a record away."""
        if self.grant.role in MINISTRY_ROLES:
            return True
        return self.grant.role == MOVER_ROLE and self.grant.can_write(table, old)

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

    # -- writing -------------------------------------------------------------------------

    def write(self) -> None:
        for table, states in _group_dirty(self.rows.values()).items():
            self._write_table(table, states)
        for st in self.rows.values():
            if st.dirty and st.old_placements and st.row is not None:
                assert st.placement is not None
                self._cascade(st.table, st.row["id"], st.placement)
        if self.conflicts:
            self.conn.execute(db.conflict.insert(), self.conflicts)
        if self.aside:
            self.conn.execute(db.field_aside.insert(), self.aside)
        append_changes(self.conn, self.log_entries, self.now)

    def _write_table(self, table: str, states: list[RowState]) -> None:
        t = db.REPLICATED[table]
        columns = self._columns(table)
        values_of = itemgetter(*columns[:-3])  # every row holds every column (new rows start from all of them)
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        for st in states:
            assert st.row is not None and st.placement is not None
            row = st.row
            record = (*values_of(row), st.placement.scope, st.placement.ward, self.grant.device_id)
            (updates if st.existed else inserts).append(record)
            for p in (st.placement, *st.old_placements):
                self.log_entries.add((p.scope, p.ward, table, row["id"]))
        insert_rows(self.conn, t, columns, inserts)
        update_rows(self.conn, t, columns, updates)

    def _columns(self, table: str) -> list[str]:
        """id first (update_rows keys on it), the row's columns, then the placement."""
        names = [c for c in self.codecs[table].columns if c != "id"]
        return ["id", *names, db.SCOPE_COL, db.WARD_COL, db.DEVICE_COL]

    def _cascade(self, table: str, row_id: str, placement: Placement) -> None:
        """A parent moved (to another commune or province): its children move with it, and
        both the old and the new place hear about each of them."""
        children = list(CHILDREN.get(table, []))
        children.append(("attachment", "owner_id"))
        for child, column in children:
            t = db.REPLICATED[child]
            cond = t.c[column] == row_id
            if child == "attachment":
                cond = cond & (t.c.owner_table == table)
            rows = self.conn.execute(select(t.c.id, t.c[db.SCOPE_COL], t.c[db.WARD_COL]).where(cond)).all()
            moved = [r for r in rows if (r[1], r[2]) != (placement.scope, placement.ward)]
            if not moved:
                continue
            self.conn.execute(
                update(t).where(cond).values({db.SCOPE_COL: placement.scope, db.WARD_COL: placement.ward})
            )
            for child_id, old_scope, old_ward in moved:
                self.log_entries.add((old_scope, old_ward, child, child_id))
                self.log_entries.add((placement.scope, placement.ward, child, child_id))
                self._cascade(child, child_id, placement)


def new_row_parent_id(table: str, row: dict[str, Any]) -> str | None:
    ref = parent_ref(table, row)
    return ref[1] if ref else None


def _converts(codec: TableCodec, column: str, value: Any) -> bool:
    try:
        codec.to_python(column, value)
    except BadValue:
        return False
    return True


def _group_dirty(states: Iterable[RowState]) -> dict[str, list[RowState]]:
    grouped: dict[str, list[RowState]] = {}
    for st in states:
        if st.dirty:
            grouped.setdefault(st.table, []).append(st)
    return grouped


def stored_outcomes(
    conn: Connection, device_id: str, mutations: Sequence[Mutation], codecs: dict[str, TableCodec]
) -> list[Outcome]:
    """Outcomes of mutations this device sent before (a resent batch gets the same answers).

    Rows are not stored with the outcomes; a merged or refused outcome comes back with the
    row as it is now. The device needs it: while its change waited, its pulls skipped that
    record, so after a lost reply the row in this answer is its only way to learn what the
    others changed meanwhile."""
    if not mutations:
        return []
    t = db.applied_mutation
    seqs = [m.seq for m in mutations]
    found = {
        r.seq: (r.mutation_id, r.outcome)
        for r in conn.execute(
            select(t.c.seq, t.c.mutation_id, t.c.outcome).where(t.c.device_id == device_id, t.c.seq.in_(seqs))
        )
    }
    outcomes = []
    for m in mutations:
        stored = found.get(m.seq)
        if stored is None:  # pruned after the retention period: it was handled, say so
            outcomes.append(Outcome(seq=m.seq, status="applied"))
        elif stored[0] != m.mutation_id:
            outcomes.append(
                Outcome(
                    seq=m.seq,
                    status="rejected",
                    code="mutation_mismatch",
                    message=REASONS["mutation_mismatch"],
                    params={"seq": m.seq},
                )
            )
        else:
            outcomes.append(Outcome.model_validate_json(stored[1]))
    _attach_current_rows(conn, mutations, outcomes, codecs)
    return outcomes


def _attach_current_rows(
    conn: Connection, mutations: Sequence[Mutation], outcomes: list[Outcome], codecs: dict[str, TableCodec]
) -> None:
    wanted: dict[str, set[str]] = {}
    for m, o in zip(mutations, outcomes, strict=True):
        if _carries_row(o) and m.table in db.REPLICATED:
            wanted.setdefault(m.table, set()).add(m.row_id)
    current: dict[Key, dict[str, Any]] = {}
    for table, ids in wanted.items():
        t = db.REPLICATED[table]
        ordered = sorted(ids)
        for i in range(0, len(ordered), 1000):
            for rec in conn.execute(select(t).where(t.c.id.in_(ordered[i : i + 1000]))).mappings():
                current[(table, rec["id"])] = codecs[table].row_to_wire(rec)
    for index, (m, o) in enumerate(zip(mutations, outcomes, strict=True)):
        row = current.get((m.table, m.row_id))
        if row is not None and _carries_row(o):
            outcomes[index] = o.model_copy(update={"row": row})


def _carries_row(o: Outcome) -> bool:
    return o.status in ("merged", "rejected") and o.code not in ("mutation_mismatch", "withdrawn")


def reused_mutation_ids(conn: Connection, device_id: str, mutations: Sequence[Mutation]) -> set[str]:
    """Mutation ids this device already used for other sequence numbers (a laptop restored
    from an old backup, or a client bug): refused, never applied a second time."""
    t = db.applied_mutation
    ids = [m.mutation_id for m in mutations]
    found: set[str] = set()
    for i in range(0, len(ids), 1000):
        found |= set(
            conn.execute(
                select(t.c.mutation_id).where(t.c.device_id == device_id, t.c.mutation_id.in_(ids[i : i + 1000]))
            ).scalars()
        )
    return found


OUTCOME_COLUMNS = ("device_id", "seq", "mutation_id", "outcome", "at")
OutcomeRecord = tuple[str, int, str, str, str]


def outcome_records(
    device_id: str, mutations: Sequence[Mutation], outcomes: Sequence[Outcome], now: str, reused: Set[str] = frozenset()
) -> list[OutcomeRecord]:
    return [
        (device_id, m.seq, f"reused:{m.seq}" if m.mutation_id in reused else m.mutation_id, _stored(o), now)
        for m, o in zip(mutations, outcomes, strict=True)
    ]


def _stored(o: Outcome) -> str:
    """The outcome as kept for replays (the row is re-read then, see stored_outcomes)."""
    if o.status == "applied" and o.conflict_id is None and o.code is None and o.params is None and o.row_version:
        return f'{{"seq":{o.seq},"status":"applied","row_version":{o.row_version}}}'  # most of them, quickly
    return o.model_dump_json(exclude_none=True, exclude={"row"})


def withdrawn_records(device_id: str, seqs: Sequence[int], now: str) -> list[OutcomeRecord]:
    """Seqs the device took back unsent: recorded so that the number can never carry a
    change later (a mutation sent with it is refused as a mismatch)."""
    return [
        (
            device_id,
            seq,
            f"withdrawn:{seq}",
            Outcome(seq=seq, status="rejected", code="withdrawn").model_dump_json(exclude_none=True),
            now,
        )
        for seq in seqs
    ]


def table_of(name: str) -> Table:
    return db.REPLICATED[name]
