"""The server keeps each pushed row's wire form and sends it as it is (kcdesk.server.wire_cache):
what a device receives never depends on it. Every sync test's server is also checked when it
ends (tests/sync/wire_cache_check.py)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from kcdesk.server import db
from tests.sync.rawdevice import RawDevice, facility_values


def _kept(server: Any, table: str = "facility") -> int:
    with server.admin().engine.connect() as conn:
        return int(conn.execute(text(f'SELECT count(*) FROM "{table}" WHERE {db.WIRE_COL} IS NOT NULL')).scalar())


def _admin_sql(server: Any, sql: str, **params: Any) -> None:
    with server.admin().engine.begin() as conn:
        conn.execute(text(sql), params)


def _rows(changes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {c["row_id"]: c["row"] for c in changes if c["table"] == "facility"}


def _province_with_edits(server: Any) -> tuple[RawDevice, list[str]]:
    device = RawDevice(server, role="admin", province="48")
    ids = []
    for i in range(6):
        row_id, made = device.insert(
            "facility",
            facility_values(
                name=f"Cơ sở dệt thổ cẩm số {i}",
                representative="Hồ Thị Mây",
                phone="0236123456",
                labour_total=11 + i,
                reg_date=f"2019-0{i + 1}-15",
                total_capital=1_500_000_000 + i,
                notes="Ghi chú có dấu: “ngoặc kép”, \\ gạch chéo, tab\tvà xuống dòng\n",
            ),
        )
        assert made["status"] == "applied", made
        ids.append(row_id)
    edited = device.one("facility", ids[0], values={"name": "Cơ sở đã sửa tên"}, base_version=1)
    assert edited["status"] == "applied", edited
    return device, ids


def test_a_page_is_the_same_whether_the_rows_are_sent_kept_or_read_again(server) -> None:  # type: ignore[no-untyped-def]
    device, ids = _province_with_edits(server)
    assert _kept(server) == len(ids)  # the pushes kept every row's text
    reader = RawDevice(server, role="centre_staff", province="48")
    sent_kept = reader.pull_all("48")
    _admin_sql(server, f"UPDATE facility SET {db.WIRE_COL} = NULL")
    sent_read = reader.pull_all("48")
    assert _rows(sent_kept) == _rows(sent_read)
    assert _rows(sent_kept)[ids[0]]["name"] == "Cơ sở đã sửa tên"
    assert set(_rows(sent_kept)) >= set(ids)
    device.close()
    reader.close()


def test_any_other_write_drops_the_kept_text_and_pulls_bring_the_row_as_it_is(server) -> None:  # type: ignore[no-untyped-def]
    device, ids = _province_with_edits(server)
    # An administrator's UPDATE by hand, as a repair would be; no push, no kept text of its own.
    _admin_sql(server, "UPDATE facility SET name = :n WHERE id = :id", n="Sửa tay trong cơ sở dữ liệu", id=ids[1])
    _admin_sql(server, f"UPDATE facility SET {db.DEVICE_COL} = NULL WHERE id = :id", id=ids[2])
    assert _kept(server) == len(ids) - 2
    reader = RawDevice(server, role="centre_staff", province="48")
    rows = _rows(reader.pull_all("48"))
    assert rows[ids[1]]["name"] == "Sửa tay trong cơ sở dữ liệu"
    assert rows[ids[2]]["name"] == "Cơ sở dệt thổ cẩm số 2"
    # A later push keeps the text again, from the row as it now is.
    again = device.one("facility", ids[1], values={"phone": "0236999888"}, base_version=1)
    assert again["status"] in ("applied", "merged"), again
    assert _kept(server) == len(ids) - 1
    rows = _rows(reader.pull_all("48"))
    assert (rows[ids[1]]["name"], rows[ids[1]]["phone"]) == ("Sửa tay trong cơ sở dữ liệu", "0236999888")
    device.close()
    reader.close()


def test_a_text_kept_in_another_wire_form_is_never_sent(server) -> None:  # type: ignore[no-untyped-def]
    """A server of another version (still running during an upgrade) keeps texts in its own
    wire form: this server reads those rows from their columns, in a pull and in a push."""
    device, ids = _province_with_edits(server)
    stale = "0123456789abcdef:" + json.dumps({"id": ids[1], "name": "Tên của phiên bản khác"})
    _admin_sql(server, f"UPDATE facility SET {db.WIRE_COL} = :t WHERE id = :id", t=stale, id=ids[1])
    server.stop()
    server.start()  # a restart: the triggers are there already, the texts stay
    assert _kept(server) == len(ids)
    reader = RawDevice(server, role="centre_staff", province="48")
    assert _rows(reader.pull_all("48"))[ids[1]]["name"] == "Cơ sở dệt thổ cẩm số 1"
    edited = device.one("facility", ids[1], values={"phone": "0236777888"}, base_version=1)
    assert edited["status"] == "applied", edited
    row = _rows(reader.pull_all("48"))[ids[1]]
    assert (row["name"], row["phone"], row["representative"]) == ("Cơ sở dệt thổ cẩm số 1", "0236777888", "Hồ Thị Mây")
    device.close()
    reader.close()
