"""The stored Vietnamese sort key: SQL and Python compute the same key, every writer gets it
(the ORM, the bulk path, an upsert as sync applies them, a plain sqlite3 connection), it is
never captured for sync, and the register's order is read from its index."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kcdesk.db import audit_trail
from kcdesk.db.sort_keys import key_sql
from kcdesk.db.store import Store
from kcdesk.server import db as server_db
from kcdesk.services import facilities
from kcdesk.sync.wire import TableCodec
from kcdesk.text import SORT_SEPARATOR, VIETNAMESE_LETTERS, vi_sort_key
from tests.raw_db import raw_connect

WARD = "20242"  # Phường Hải Châu, Đà Nẵng
VIETNAMESE = "".join(VIETNAMESE_LETTERS) + "abcdeghiklmnopqrstuvxyBCDGHKLMNPQRSTVXZfjwzFJWZ0123456789 -.,'&()"
NAMES = st.text(alphabet=VIETNAMESE + "çöÑ€中①😀", max_size=40)  # with a few characters of other scripts

_RAW = sqlite3.connect(":memory:")  # a plain connection: no kcdesk function registered
_KEY_SQL = f"SELECT {key_sql(':name')}"


def sql_key(name: str) -> str:
    return str(_RAW.execute(_KEY_SQL, {"name": name}).fetchone()[0])


@settings(max_examples=400, deadline=None)
@given(NAMES)
def test_sql_key_is_the_python_key(name: str) -> None:
    nfc = unicodedata.normalize("NFC", name)
    assert sql_key(nfc) == vi_sort_key(name)


@settings(max_examples=200, deadline=None)
@given(st.lists(NAMES, min_size=2, max_size=8))
def test_sql_order_is_the_python_order(names: list[str]) -> None:
    names = [unicodedata.normalize("NFC", n) for n in names]
    by_sql = sorted(names, key=lambda n: (sql_key(n), n))
    assert by_sql == sorted(names, key=lambda n: (vi_sort_key(n), n))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=VIETNAMESE, max_size=40))
def test_decomposed_text_still_gets_its_letters_right(name: str) -> None:
    """A raw writer that skipped NFC: the letters (the first level) are still right."""
    nfd = unicodedata.normalize("NFD", name)
    assert sql_key(nfd).split(SORT_SEPARATOR)[0] == vi_sort_key(name).split(SORT_SEPARATOR)[0]


def test_tones_order_after_the_letters() -> None:
    names = ["Mạ", "Mác", "Má", "Mã", "Mả", "Mà", "Mac", "Ma", "Mạc"]
    expected = ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ", "Mac", "Mác", "Mạc"]
    assert sorted(names, key=vi_sort_key) == expected
    assert sorted(names, key=sql_key) == expected


def _keys(path: Path) -> dict[str, tuple[str, str | None]]:
    conn = raw_connect(path)
    try:
        return {n: (n, k) for n, k in conn.execute("SELECT name, name_sort FROM facility WHERE deleted_at IS NULL")}
    finally:
        conn.close()


def _row(name: str, tax: str) -> dict[str, object]:
    return {"name": name, "facility_type": "hkd", "province_code": "48", "ward_code": WARD, "tax_code": tax}


def test_every_writer_gets_the_key(store: Store) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, _row("Đông Á", "0401000001")))
    store.write(lambda s: facilities.bulk_insert_facilities(s, [_row("Ấn Tượng", "0401000002")]))
    store.write(lambda s: facilities.update_facility(s, fid, {"name": "Ốc Đảo"}))
    raw = raw_connect(store.path)
    with raw:
        raw.execute(
            "INSERT INTO facility (name, facility_type, province_code) VALUES ('Ơn Nghĩa', 'hkd', '48')"
        )  # a script's INSERT, kcdesk not running
        raw.execute("INSERT INTO facility (name, facility_type, province_code) VALUES ('Ưng Ý', 'hkd', '48')")
        raw.execute("UPDATE facility SET name = 'Ước Mơ' WHERE name = 'Ưng Ý'")
        # The upsert the sync apply path runs, rows with no key in them.
        raw.execute(
            "INSERT INTO facility (id, name, facility_type, province_code) VALUES ('f-up', 'Âu Cơ', 'hkd', '48') "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name"
        )
        raw.execute(
            "INSERT INTO facility (id, name, facility_type, province_code) VALUES ('f-up', 'Ăn Chắc', 'hkd', '48') "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name"
        )
        raw.execute("UPDATE facility SET name_sort = 'tampered' WHERE name = 'Ấn Tượng'")  # a key set by hand…
        raw.execute("UPDATE facility SET name_sort = NULL WHERE name = 'Ăn Chắc'")  # …or cleared
    raw.close()
    keys = _keys(store.path)
    assert set(keys) == {"Ốc Đảo", "Ấn Tượng", "Ơn Nghĩa", "Ước Mơ", "Ăn Chắc"}
    for name, (_, key) in keys.items():
        if name != "Ấn Tượng":
            assert key == vi_sort_key(name), name
    assert keys["Ấn Tượng"][1] == "tampered"  # a raw writer may set it on purpose; only a name change re-derives it


def test_the_representative_gets_its_key_too(store: Store) -> None:
    values = _row("Cơ sở A", "0401000004") | {"representative": "Đỗ Ân"}
    fid = store.write(lambda s: facilities.create_facility(s, values))
    raw = raw_connect(store.path)
    with raw:
        raw.execute(
            "INSERT INTO facility (name, representative, facility_type, province_code) VALUES ('B', 'Ư', 'hkd', '48')"
        )
        raw.execute("INSERT INTO facility (name, facility_type, province_code) VALUES ('C', 'hkd', '48')")
    raw.close()
    store.write(lambda s: facilities.update_facility(s, fid, {"representative": "Ông Ấn"}))
    conn = raw_connect(store.path)
    keys = dict(conn.execute("SELECT name, representative_sort FROM facility"))
    conn.close()
    assert keys == {"Cơ sở A": vi_sort_key("Ông Ấn"), "B": vi_sort_key("Ư"), "C": None}


def test_the_key_is_local_never_captured_nor_sent(store: Store) -> None:
    store.write(lambda s: facilities.create_facility(s, _row("Đà Nẵng", "0401000003")))
    with store.engine.connect() as c:
        entry, row_id = c.exec_driver_sql("SELECT id, row_id FROM audit_entry WHERE table_name = 'facility'").one()
        after = json.dumps(audit_trail.insert_images(c, [(entry, "facility", row_id)])[entry], ensure_ascii=False)
        columns = {r[1] for r in c.exec_driver_sql("PRAGMA table_info(facility)")}
    assert "name_sort" in columns and "name_sort" not in after and '"name": "Đà Nẵng"' in after
    from kcdesk.db.base import Base

    assert "name_sort" not in TableCodec(Base.metadata.tables["facility"]).columns
    assert "name_sort" not in server_db.REPLICATED["facility"].c
    assert "name_sort" not in facilities.EDITABLE_FIELDS
    assert "representative_sort" not in server_db.REPLICATED["facility"].c


def test_the_register_reads_its_order_from_the_index(store: Store) -> None:
    with store.engine.connect() as c:
        for direction in ("ASC", "DESC"):
            plan = " ".join(
                r[-1]
                for r in c.exec_driver_sql(
                    "EXPLAIN QUERY PLAN SELECT rowid, id FROM facility WHERE deleted_at IS NULL "
                    f"ORDER BY name_sort {direction}, id {direction}"
                )
            )
            assert "ix_facility_name_sort" in plan and "TEMP B-TREE" not in plan, plan


def test_a_bulk_write_of_repeated_names_keys_each_row_by_its_own_name(store: Store) -> None:
    # The bulk path makes each distinct name's key once: rows repeating a name, rows with
    # their own key, and rows without a representative must each still get their own.
    names = ["Mà", "Ma", "Mà", "Má", "Ma", "Mạ", "Mà"]
    reps = ["Lê Thị Bé", "Lê Thị Bé", None, "Lê Thi Be", "Lê Thị Bé", None, "Lê Thi Be"]
    rows = [
        _row(name, f"04020000{i:02d}") | ({"representative": rep} if rep else {})
        for i, (name, rep) in enumerate(zip(names, reps, strict=True))
    ]
    rows[3]["name_sort"] = "given"  # a key the writer gave is kept, and not reused for later "Má"s
    store.write(lambda s: facilities.bulk_insert_facilities(s, rows))
    conn = raw_connect(store.path)
    query = "SELECT name, name_sort, representative, representative_sort FROM facility ORDER BY tax_code"
    got = [tuple(r) for r in conn.execute(query)]
    conn.close()
    want = [
        (name, "given" if i == 3 else vi_sort_key(name), rep, vi_sort_key(rep) if rep else None)
        for i, (name, rep) in enumerate(zip(names, reps, strict=True))
    ]
    assert got == want
