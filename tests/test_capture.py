"""Change capture: every write, by any path, is audited and queued for sync in its own
transaction; a rolled-back write leaves nothing; applying pulled changes never echoes."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kcdesk.db import audit_trail
from kcdesk.db.bulk import bulk_insert
from kcdesk.db.models import AuditEntry, Facility, OutboxEntry
from kcdesk.db.store import Store
from kcdesk.ids import new_id
from kcdesk.services import facilities as svc
from tests.raw_db import raw_connect

FACILITY = {
    "name": "Hợp tác xã mây tre đan Cẩm Hà",
    "facility_type": "htx",
    "province_code": "48",
    "ward_code": "20194",
    "tax_code": "0401234567",
    "representative": "Trần Thị Lan",
}


def outbox(store: Store) -> list[tuple[str, str, str, int]]:
    with store.read() as s:
        rows = s.execute(
            select(OutboxEntry.table_name, OutboxEntry.row_id, OutboxEntry.op, OutboxEntry.seq).order_by(
                OutboxEntry.seq
            )
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_orm_write_is_queued_with_changed_fields_and_base_version(store: Store) -> None:
    fid = store.write(lambda s: svc.create_facility(s, FACILITY))
    store.write(lambda s: svc.update_facility(s, fid, {"phone": "0905 111 222"}))
    entries = outbox(store)
    assert [(t, op) for t, rid, op, _ in entries if rid == fid] == [("facility", "insert"), ("facility", "update")]
    with store.read() as s:
        last = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == fid).order_by(OutboxEntry.seq.desc())).first()
        audit = s.get(AuditEntry, last.audit_id)
    assert json.loads(audit.after) == {"phone": "0905111222"}
    assert json.loads(audit.before) == {"phone": None}
    assert last.base_version == 0 and last.device_id == store.device_id
    assert audit.user_id == store.user_id


def test_raw_sql_write_is_queued_too(store: Store) -> None:
    fid = new_id()

    def raw(s: Session) -> None:
        s.execute(
            text(
                "INSERT INTO facility (id, name, facility_type, province_code) VALUES (:id, 'Cơ sở gốm', 'hkd', '48')"
            ),
            {"id": fid},
        )
        s.execute(text("UPDATE facility SET name = 'Cơ sở gốm Thanh Hà' WHERE id = :id"), {"id": fid})
        s.execute(text("DELETE FROM facility WHERE id = :id"), {"id": fid})

    store.write(raw)
    assert [op for t, rid, op, _ in outbox(store) if rid == fid] == ["insert", "update", "delete"]
    with store.read() as s:
        ops = s.scalars(select(AuditEntry.op).where(AuditEntry.row_id == fid).order_by(AuditEntry.id)).all()
    assert ops == ["insert", "update", "delete"]


def test_plain_sqlite3_connection_is_captured(store: Store) -> None:

    conn = raw_connect(store.path)
    with conn:
        conn.execute(
            "INSERT INTO facility (id, name, facility_type, province_code) VALUES ('x-1', 'Cơ sở A', 'hkd', '48')"
        )
    conn.close()
    assert [(t, op) for t, rid, op, _ in outbox(store) if rid == "x-1"] == [("facility", "insert")]


def test_rolled_back_write_leaves_no_outbox_and_no_audit(store: Store) -> None:
    before = outbox(store)

    def fail(s: Session) -> None:
        svc.create_facility(s, FACILITY)
        raise RuntimeError("người dùng hủy")

    with pytest.raises(RuntimeError):
        store.write(fail)
    assert outbox(store) == before
    with store.read() as s:
        assert s.execute(select(func.count()).select_from(Facility)).scalar_one() == 0
        assert s.execute(select(func.count()).where(AuditEntry.table_name == "facility")).scalar_one() == 0


def test_soft_delete_is_a_tombstone_and_restore_is_captured(store: Store) -> None:
    fid = store.write(lambda s: svc.create_facility(s, FACILITY))
    store.write(lambda s: svc.delete_facility(s, fid))
    store.write(lambda s: s.execute(text("UPDATE facility SET deleted_at = NULL WHERE id = :i"), {"i": fid}))
    assert [op for _, rid, op, _ in outbox(store) if rid == fid] == ["insert", "delete", "restore"]


def test_applying_remote_changes_does_not_echo(store: Store) -> None:
    fid = store.write(lambda s: svc.create_facility(s, FACILITY))
    before = outbox(store)

    def apply(s: Session) -> None:
        s.execute(text("UPDATE facility SET name = 'Tên từ máy chủ', row_version = 7 WHERE id = :i"), {"i": fid})

    store.write(apply, origin="sync", applying_remote=True)
    assert outbox(store) == before
    with store.read() as s:
        last = s.scalars(select(AuditEntry).where(AuditEntry.row_id == fid).order_by(AuditEntry.id.desc())).first()
    assert last.origin == "sync" and json.loads(last.after) == {"name": "Tên từ máy chủ"}
    # The context is reset after the apply: the next local edit is queued again.
    store.write(lambda s: svc.update_facility(s, fid, {"phone": "0905000111"}))
    assert len(outbox(store)) == len(before) + 1


def test_version_only_changes_are_not_queued(store: Store) -> None:
    fid = store.write(lambda s: svc.create_facility(s, FACILITY))
    before = outbox(store)
    store.write(lambda s: s.execute(text("UPDATE facility SET row_version = 3 WHERE id = :i"), {"i": fid}))
    assert outbox(store) == before


def test_bulk_insert_captures_exactly_like_single_inserts(store: Store) -> None:
    base = {
        "facility_type": "hkd",
        "province_code": "48",
        "ward_code": "20194",
        "status": "active",
        "has_export_contract": False,
        "in_supporting_industry_list": False,
        "cleaner_production": False,
        "typical_product": False,
        "created_at": "2026-01-01T00:00:00.000Z",
        "updated_at": "2026-01-01T00:00:00.000Z",
        "row_version": 0,
    }
    one = base | {"id": new_id(), "name": "Cơ sở một"}
    many = [base | {"id": new_id(), "name": f"Cơ sở số {i}"} for i in range(3)]
    store.write(lambda s: s.execute(Facility.__table__.insert(), [one]))
    store.write(lambda s: bulk_insert(s, "facility", many))
    with store.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.table_name == "facility")))
        assert {(a.op, a.after) for a in entries} == {("insert", None)}  # the compact form, both paths
        images = audit_trail.insert_images(s.connection(), [(a.id, "facility", a.row_id) for a in entries])
        audits = {a.row_id: images[a.id] for a in entries}
        queued = s.scalars(select(OutboxEntry.row_id).where(OutboxEntry.table_name == "facility")).all()
    single = audits[one["id"]]
    for row in many:
        assert audits[row["id"]] == single | {"name": row["name"]}
    assert set(queued) == {one["id"], *(r["id"] for r in many)}
    from kcdesk.services.search import search

    with store.read() as s:
        assert [h.title for h in search(s, "co so so 1")] == ["Cơ sở số 1"]


def test_bulk_insert_keeps_the_rows_order_their_keys_and_the_index_in_step(store: Store) -> None:
    # The bulk path stages rows and moves them with one INSERT ... SELECT: the rows must land
    # in the order given (rowids, audit ids and outbox follow it), each with the sort keys a
    # single insert gives it (computed here only where the row lacks them), its index row
    # under its own rowid, and a column only some rows name filled as documented.
    from kcdesk.text import vi_sort_key

    base = {"facility_type": "hkd", "province_code": "48", "ward_code": "20194", "row_version": 0}
    names = ["Đông Hà", "An Phú", "Ông Ích Khiêm", "Bình Minh"]
    rows = [base | {"id": new_id(), "name": n, "representative": "Lê Văn Tám"} for n in names]
    rows[1] |= {"name_sort": "given"}
    rows[2] |= {"tax_code": "0401000009"}
    store.write(lambda s: bulk_insert(s, "facility", rows, {"status": "active"}))
    with store.read() as s:
        c = s.connection()
        got = c.exec_driver_sql(
            "SELECT rowid, id, name_sort, representative_sort, tax_code, status FROM facility ORDER BY rowid"
        ).all()
        audit_order = c.exec_driver_sql("SELECT row_id FROM audit_entry WHERE table_name = 'facility' ORDER BY id")
        outbox_order = c.exec_driver_sql("SELECT row_id FROM sync_outbox WHERE table_name = 'facility' ORDER BY rowid")
        indexed = dict(c.exec_driver_sql("SELECT rowid, name FROM facility_fts").all())
        audit_ids, outbox_ids = [r[0] for r in audit_order], [r[0] for r in outbox_order]
    assert [g.id for g in got] == [r["id"] for r in rows] == audit_ids == outbox_ids
    assert [g.name_sort for g in got] == [vi_sort_key(names[0]), "given", vi_sort_key(names[2]), vi_sort_key(names[3])]
    assert {g.representative_sort for g in got} == {vi_sort_key("Lê Văn Tám")}
    assert [g.tax_code for g in got] == [None, None, "0401000009", None]
    assert {g.status for g in got} == {"active"}
    assert {g.rowid: n.replace("Đ", "D") for g, n in zip(got, names, strict=True)} == indexed


def test_bulk_insert_of_rows_naming_the_same_fields_stores_what_single_inserts_store(store: Store) -> None:
    # Rows made by one import name the same fields: the bulk path then takes whole columns at
    # once and checks each text column's normalisation in one go. A name typed in decomposed
    # form (NFD, as some keyboards send it) must still be stored composed, as a single insert
    # stores it, and the defaults and sort keys must be the same as for mixed rows.
    import unicodedata

    from kcdesk.services.search import search
    from kcdesk.text import vi_sort_key

    base = {"facility_type": "hkd", "province_code": "48", "ward_code": "20194", "row_version": 0}
    names = ["Đông Hà", unicodedata.normalize("NFD", "Hợp tác xã Ánh Dương"), "Bình Minh"]
    rows = [base | {"id": new_id(), "name": n, "representative": None} for n in names]
    single = base | {"id": new_id(), "name": names[1], "representative": None, "status": "active"}
    store.write(lambda s: bulk_insert(s, "facility", rows, {"status": "active"}))
    store.write(lambda s: s.execute(Facility.__table__.insert(), [single]))
    with store.read() as s:
        got = s.connection().exec_driver_sql("SELECT id, name, name_sort, status FROM facility ORDER BY rowid").all()
        hits = [h.title for h in search(s, "anh duong")]
    composed = [unicodedata.normalize("NFC", n) for n in names]
    assert [g.name for g in got] == [*composed, composed[1]]
    assert [g.name_sort for g in got[:3]] == [vi_sort_key(n) for n in composed]
    assert {g.status for g in got} == {"active"}
    assert hits == [composed[1], composed[1]]
