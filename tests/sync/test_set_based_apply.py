"""A pulled page written set-based (bulk upsert, set-based audit, sort keys and search
index) leaves the laptop's database exactly as writing it row by row through the triggers
does (issue 14): the same rows, audit entries, search index and no outbox entry."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from kcdesk.db.bulk import bulk_insert
from kcdesk.db.capture import bulk_update_ready
from kcdesk.db.store import Store
from kcdesk.ids import new_id
from kcdesk.sync.apply import RowApplier
from kcdesk.sync.client import codecs
from tests.raw_db import copy_database, raw_connect

CODECS = codecs()
WARDS = ("20194", "20197")


def facility(i: int) -> dict[str, Any]:
    return {
        "id": new_id(),
        "name": f"Cơ sở mây tre đan số {i}",
        "facility_type": "hkd",
        "province_code": "48",
        "ward_code": WARDS[i % 2],
        "status": "active",
        "representative": f"Nguyễn Văn {i}",
        "phone": f"0905{i:06d}",
    }


def wire(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    codec = CODECS["facility"]
    with store.read() as s:
        rows = s.execute(
            text("SELECT * FROM facility WHERE id IN (SELECT value FROM json_each(:ids))"), {"ids": json.dumps(ids)}
        )
        return [{k: v for k, v in codec.local_to_wire(dict(r)).items() if k in codec.kinds} for r in rows.mappings()]


def stored_ids(store: Store) -> list[str]:
    with store.read() as s:
        return [r[0] for r in s.execute(text("SELECT id FROM facility ORDER BY rowid"))]


def with_facilities(path: Path, n: int) -> Store:
    """A new laptop database holding n facilities, as a pull writes them."""
    store = Store.open(path, create=True)
    store.write(
        lambda s: bulk_insert(s, "facility", [facility(i) for i in range(n)]), origin="sync", applying_remote=True
    )
    return store


def page(store: Store) -> list[dict[str, Any]]:
    """What a pull brings: edits of every kind to stored rows, unchanged rows, new rows."""
    rows = wire(store, stored_ids(store)[:60])
    for i, row in enumerate(rows):
        row["row_version"] = (row.get("row_version") or 0) + 1
        row["updated_at"] = "2026-12-05T10:00:00.000Z"
        if i % 6 == 0:
            row["phone"] = f"0236{i:06d}"  # a field outside the search index
        elif i % 6 == 1:
            row["name"] = f"Cơ sở đổi tên Đà Nẵng {i}"  # the index and the sort key follow
        elif i % 6 == 2:
            row["deleted_at"] = "2026-12-05T09:00:00.000Z"  # a delete leaves the index
        elif i % 6 == 3:
            row["ward_code"], row["representative"] = WARDS[(i + 1) % 2], None
        # 4, 5: the same values, a new version only: no audit entry
    for i in range(40):
        new = facility(1000 + i)
        new.update(row_version=1, created_at="2026-12-05T08:00:00.000Z", updated_at="2026-12-05T08:00:00.000Z")
        rows.append(new)
    return rows


def apply(path: Path, rows: list[dict[str, Any]], set_based: bool) -> None:
    apply_pages(path, [rows], set_based)


def apply_pages(path: Path, pages: list[list[dict[str, Any]]], set_based: bool) -> dict[str, int]:
    """Each page written in its own transaction, as a pull writes them; returns the rows left
    in each temp table of the writer's connection afterwards."""
    store = Store.open(path)
    try:
        for rows in pages:
            store.write(
                lambda s, rows=rows: RowApplier(s, CODECS, set_based=set_based).upsert("facility", rows, set()),
                origin="sync",
                applying_remote=True,
            )
        return store.write(_staged_rows, origin="sync", applying_remote=True)
    finally:
        store.close()


def _staged_rows(s: Any) -> dict[str, int]:
    names = [r[0] for r in s.execute(text("SELECT name FROM temp.sqlite_master WHERE type = 'table'"))]
    return {n: s.execute(text(f'SELECT count(*) FROM temp."{n}"')).scalar_one() for n in names}


def contents(path: Path) -> dict[str, Any]:
    con = raw_connect(path)
    try:
        audit = Counter(
            (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])
            for r in con.execute(
                "SELECT user_id, device_id, origin, table_name, row_id, op, before, after FROM audit_entry"
            )
        )
        return {
            "facility": con.execute("SELECT rowid, * FROM facility ORDER BY rowid").fetchall(),
            "search": con.execute("SELECT rowid, * FROM facility_fts ORDER BY rowid").fetchall(),
            "audit": audit,
            "outbox": con.execute("SELECT count(*) FROM sync_outbox").fetchone(),
            "found": con.execute(
                "SELECT rowid FROM facility_fts WHERE facility_fts MATCH 'da nang' ORDER BY rowid"
            ).fetchall(),
        }
    finally:
        con.close()


@pytest.mark.parametrize("kinds", ["stored and new rows", "stored rows only"])
def test_set_based_apply_writes_what_row_by_row_writes(tmp_path: Path, kinds: str) -> None:
    """Also a page of stored rows only, as a pull of edits brings."""
    base = tmp_path / "base.db"
    store = with_facilities(base, 200)
    rows = page(store)
    if kinds == "stored rows only":
        rows = rows[:60]
    with store.read() as s:  # a new file's triggers stand aside for the set-based path
        assert bulk_update_ready(s.connection(), "facility")
    store.close()
    one, many = tmp_path / "row-by-row.db", tmp_path / "set-based.db"
    copy_database(base, one)
    copy_database(base, many)
    apply(one, rows, set_based=False)
    apply(many, rows, set_based=True)
    before, a, b = contents(base), contents(one), contents(many)
    assert a["facility"] != before["facility"] and sum(a["audit"].values()) > sum(before["audit"].values())
    assert a["found"]  # the renamed rows are found folded ("da nang")
    assert a == b
    assert b["outbox"] == (0,)


def test_a_page_of_one_changed_field_writes_what_row_by_row_writes(tmp_path: Path) -> None:
    """The set-based path writes only the columns some row of the page changes (here the phone,
    the version and the time), and no stored row at all when none changes: the same rows, audit
    entries and search index as row by row, and the rows a page leaves as they were."""
    base = tmp_path / "base.db"
    store = with_facilities(base, 120)
    ids = stored_ids(store)
    edits = wire(store, ids[:50])
    for i, row in enumerate(edits):
        row["row_version"] = (row.get("row_version") or 0) + 1
        row["updated_at"] = "2026-12-05T10:00:00.000Z"
        if i % 2 == 0:
            row["phone"] = f"0236{i:06d}"
    same = wire(store, ids[50:80])  # as stored: nothing to write
    new = []
    for i in range(10):
        row = facility(2000 + i)
        row.update(row_version=1, created_at="2026-12-05T08:00:00.000Z", updated_at="2026-12-05T08:00:00.000Z")
        new.append(row)
    store.close()
    cases = (("edits", edits + new), ("edits only", edits), ("same", same), ("same-and-new", same + new))
    for name, rows in cases:
        one, many = tmp_path / f"{name}-row-by-row.db", tmp_path / f"{name}-set-based.db"
        copy_database(base, one)
        copy_database(base, many)
        apply(one, rows, set_based=False)
        apply(many, rows, set_based=True)
        before, a, b = contents(base), contents(one), contents(many)
        assert a == b, name
        if name == "same":
            assert a == before
        else:
            assert a["facility"] != before["facility"]


def test_a_database_with_older_triggers_is_written_row_by_row(tmp_path: Path) -> None:
    """Until a migration re-installs its triggers, the update triggers of an older file do not
    stand aside: the set-based path is not taken there, and the page still goes in whole."""
    path = tmp_path / "older.db"
    store = with_facilities(path, 20)
    rows = page(store)

    def older(s: Any) -> None:
        sql = s.execute(text("SELECT sql FROM sqlite_master WHERE name = 'kc_search_facility_update'")).scalar()
        s.execute(text("DROP TRIGGER kc_search_facility_update"))
        s.execute(text(sql.replace("WHEN coalesce((SELECT bulk FROM kc_context WHERE id = 1), 0) = 0 ", "")))
        assert not bulk_update_ready(s.connection(), "facility")

    store.write(older)
    store.close()
    apply(path, rows, set_based=True)
    got = contents(path)
    assert len(got["facility"]) == 60 and got["found"] and got["outbox"] == (0,)


def test_pages_one_after_another_share_no_staged_rows(tmp_path: Path) -> None:
    """The staging tables live as long as the writer's connection (kcdesk.db.staging): a page
    written after another, with other columns or the same ones, is written as row by row
    writes it, and no pulled row stays staged once its page is written."""
    base = tmp_path / "base.db"
    store = with_facilities(base, 90)
    ids = stored_ids(store)
    first = page(store)  # every kind of change, and new rows
    second = wire(store, ids[60:90])  # other rows, one field changed: fewer columns differ
    for i, row in enumerate(second):
        row["row_version"] = (row.get("row_version") or 0) + 1
        row["phone"] = f"0511{i:06d}"
    third = [dict(r, row_version=r["row_version"] + 1, phone=None) for r in second[:10]]
    store.close()
    one, many = tmp_path / "row-by-row.db", tmp_path / "set-based.db"
    copy_database(base, one)
    copy_database(base, many)
    apply_pages(one, [first, second, third], set_based=False)
    left = apply_pages(many, [first, second, third], set_based=True)
    assert contents(one) == contents(many)
    assert left, "the staging tables are kept for the next page"
    assert set(left.values()) == {0}
