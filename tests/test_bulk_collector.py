"""A bulk write holds the cyclic garbage collector back while it makes a tuple per row
(kcdesk.gc_pause), and gives it back as it found it, whether the write succeeds or fails."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from kcdesk.db import bulk
from kcdesk.db.store import Store
from kcdesk.errors import KcError
from kcdesk.services import facilities

WARD = "20194"  # a commune of Đà Nẵng (the store fixture's province)


def _rows(n: int, **extra: Any) -> list[dict[str, Any]]:
    return [
        {"name": f"Cơ sở đúc đồng số {i}", "facility_type": "hkd", "province_code": "48", "ward_code": WARD, **extra}
        for i in range(n)
    ]


def _count(store: Store) -> int:
    with store.read() as s:
        return int(s.connection().exec_driver_sql("SELECT count(*) FROM facility").scalar_one())


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """gc.isenabled() each time the bulk path makes its rows."""
    states: list[bool] = []
    real = bulk._records

    def records(*args: Any) -> Any:
        states.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(bulk, "_records", records)
    return states


def test_the_collector_stands_aside_during_a_bulk_write_and_comes_back(store: Store, seen: list[bool]) -> None:
    assert gc.isenabled()
    before = _count(store)
    assert store.write(lambda s: facilities.bulk_insert_facilities(s, _rows(300))) == 300
    assert seen == [False]
    assert gc.isenabled()
    assert _count(store) == before + 300


def test_a_bulk_write_that_fails_gives_the_collector_back_and_writes_nothing(store: Store, seen: list[bool]) -> None:
    before = _count(store)
    rows = _rows(50)
    rows[-1]["name"] = None  # a facility needs a name: the database refuses the last row, and the write rolls back
    with pytest.raises(KcError):
        store.write(lambda s: facilities.bulk_insert_facilities(s, rows))
    assert seen == [False]
    assert gc.isenabled()
    assert _count(store) == before
