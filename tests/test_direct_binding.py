"""None and bool reach SQLite exactly as before the binding was told how to take them
(kcdesk.db.sqlfile.direct_binding): NULL, and the integers 1 and 0, on a plain and on an
encrypted file, through the driver and through a bulk write."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcdesk.db import sqlfile
from kcdesk.db.store import Store
from kcdesk.services import facilities

ROWS = [(None, True, "a"), (False, None, "b"), (True, False, None)]


@pytest.mark.parametrize("key", [None, b"\x01" * 32], ids=["plain", "encrypted"])
def test_none_and_booleans_are_stored_as_null_and_integers(tmp_path: Path, key: bytes | None) -> None:
    conn = sqlfile.connect(tmp_path / "binding.db", key)
    try:
        conn.execute("CREATE TABLE t (x, flag BOOLEAN, note TEXT)")
        conn.executemany("INSERT INTO t VALUES (?, ?, ?)", ROWS)
        stored = conn.execute("SELECT typeof(x), x, typeof(flag), flag, typeof(note), note FROM t ORDER BY rowid")
        assert stored.fetchall() == [
            ("null", None, "integer", 1, "text", "a"),
            ("integer", 0, "null", None, "text", "b"),
            ("integer", 1, "integer", 0, "null", None),
        ]
        assert conn.execute("SELECT count(*) FROM t WHERE flag IS ?", (None,)).fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM t WHERE flag = ?", (True,)).fetchone() == (1,)
    finally:
        conn.close()


def test_a_bulk_write_stores_empty_fields_as_null_and_flags_as_integers(store: Store) -> None:
    rows = [
        {"name": "Cơ sở mây tre đan Phú Vinh", "facility_type": "hkd", "province_code": "48", "ward_code": "20194",
         "email": None, "has_export_contract": True, "typical_product": False},
        {"name": "Cơ sở nón lá Tây Hồ", "facility_type": "hkd", "province_code": "48", "ward_code": "20194",
         "email": "nonla@example.vn", "has_export_contract": False, "typical_product": True},
    ]  # fmt: skip
    store.write(lambda s: facilities.bulk_insert_facilities(s, rows))
    with store.read() as s:
        stored = s.connection().exec_driver_sql(
            "SELECT typeof(email), email, typeof(has_export_contract), has_export_contract, typical_product "
            "FROM facility ORDER BY name"
        )
        assert stored.all() == [
            ("null", None, "integer", 1, 0),
            ("text", "nonla@example.vn", "integer", 0, 1),
        ]
