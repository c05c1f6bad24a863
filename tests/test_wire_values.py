"""Values on the sync wire: what a device sends is checked by type and range and stored in a
form that always reads back; what is stored reads back, or names the column that does not
(kcdesk.sync.wire, kcdesk.db.types). No server here: the sync tests run them end to end."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kcdesk.db.base import Base
from kcdesk.db.types import UTCDateTime, utc_text
from kcdesk.sync.wire import BadValue, TableCodec, Undecodable, gunzip_limited, gzip_body

FACILITY = TableCodec(Base.metadata.tables["facility"])


def test_instants_keep_four_digit_years_and_stay_within_years_1_to_9999_in_utc() -> None:
    assert utc_text(datetime(999, 6, 1, tzinfo=UTC)) == "0999-06-01T00:00:00.000Z"
    assert UTCDateTime().process_bind_param(datetime(5, 1, 2, 3, 4, 5, 6000, tzinfo=UTC), None) == (
        "0005-01-02T03:04:05.006Z"
    )
    check = FACILITY.normalise
    assert check("deleted_at", "0999-06-01T00:00:00Z") == "0999-06-01T00:00:00.000Z"
    assert check("deleted_at", "2026-11-27T15:30:00+07:00") == "2026-11-27T08:30:00.000Z"
    for bad in (
        "9999-12-31T23:59:59-05:00",
        "0001-01-01T00:30:00+01:00",
        "2026-11-27T08:30:00",
        "0000-01-01T00:00:00.000Z",
        "2026-02-30T00:00:00.000Z",
        "999-06-01T00:00:00.000Z",
    ):
        with pytest.raises(BadValue):
            check("deleted_at", bad)


def test_decimals_integers_and_text_are_bounded() -> None:
    check = FACILITY.normalise
    assert check("local_raw_material_pct", "12.5") == "12.5"
    for bad in ("1e999999999", "NaN", "Infinity", "1e18", "0.0000000000001"):
        with pytest.raises(BadValue):
            check("local_raw_material_pct", bad)
    assert check("labour_total", 2**63 - 1) == 2**63 - 1
    for number in (2**63, float("inf"), 1.5):
        with pytest.raises(BadValue):
            check("labour_total", number)
    with pytest.raises(BadValue):
        check("name", "Cơ sở \ud800")  # a lone surrogate cannot be stored as UTF-8
    with pytest.raises(BadValue):
        check("name", "a\x00b")


def test_a_stored_value_that_does_not_read_back_names_its_column() -> None:
    row = {c: None for c in FACILITY.columns} | {"id": "x", "created_at": "2026-01-01T00:00:00.000Z"}
    assert FACILITY.decode_stored(row)["created_at"] == "2026-01-01T00:00:00.000Z"
    assert FACILITY.decode_stored(row | {"created_at": "2026-01-01T07:00:00+07:00"})["created_at"] == (
        "2026-01-01T00:00:00.000Z"  # an older shape still reads, in the stored form
    )
    for column, value in (
        ("created_at", "999-06-01T00:00:00.000Z"),
        ("reg_date", "2026-13-01"),
        ("local_raw_material_pct", "12,5"),
    ):
        with pytest.raises(Undecodable) as broken:
            FACILITY.decode_stored(row | {column: value})
        assert broken.value.column == column


def test_a_compressed_body_inflates_no_further_than_its_limit() -> None:
    bomb = gzip_body(b"x" * 2_000_000)
    assert len(bomb) < 10_000
    assert gunzip_limited(bomb, 2_000_000) == b"x" * 2_000_000
    with pytest.raises(BadValue):
        gunzip_limited(bomb, 1_999_999)
