"""Facility names whose Vietnamese dictionary order byte order gets wrong (Đ, Ă, Â, Ê, Ô, Ơ,
Ư after Z; tones in code-point order), written by several paths at once."""

from __future__ import annotations

import random

from sqlalchemy.orm import Session

from kcdesk.db.store import Store
from kcdesk.services import facilities
from tests.raw_db import raw_connect

# Vietnamese order, by hand: letters a ă â b c d đ e ê … o ô ơ … u ư … over the whole name,
# then tones ngang, huyền, hỏi, ngã, sắc, nặng.
IN_ORDER = [
    "An Khang",
    "Ánh Dương",
    "Ăn Chắc",
    "Ấn Tượng",
    "Âu Cơ",
    "Bình Minh",
    "Cơ sở Ma",
    "Cơ sở Mà",
    "Cơ sở Mả",
    "Cơ sở Mã",
    "Cơ sở Má",
    "Cơ sở Mạ",
    "Cơ sở Mac",
    "Cơ sở Mác",
    "Dũng Tiến",
    "Đà Nẵng",
    "Đông Á",
    "Én Vàng",
    "Êm Đềm",
    "Ong Vàng",
    "Ốc Đảo",
    "Ông Tám",
    "Ơn Nghĩa",
    "Ớt Cay",
    "Uyên Ương",
    "Ưng Ý",
    "Ước Mơ",
    "Xuân Hòa",
    "Yến Sào",
]
WARD = "20242"  # Phường Hải Châu, Thành phố Đà Nẵng
# Each facility's representative: the same names the other way round, so that ordering by
# representative gives IN_ORDER too, with every facility in another place.
REPRESENTATIVE = dict(zip(IN_ORDER, IN_ORDER[::-1], strict=True))


def _values(name: str, n: int) -> dict[str, object]:
    return {
        "name": name,
        "representative": REPRESENTATIVE[name],
        "facility_type": "hkd",
        "province_code": "48",
        "ward_code": WARD,
        "tax_code": f"04019{n:05d}",
    }


def add_shuffled(store: Store, seed: int = 12) -> list[str]:
    """Write IN_ORDER in a shuffled order, a third each by the service (ORM), the bulk path
    (imports, demo, snapshots) and a plain sqlite3 connection; return their ids."""
    names = IN_ORDER[:]
    random.Random(seed).shuffle(names)
    orm, bulk, raw = names[0::3], names[1::3], names[2::3]

    def write(session: Session) -> list[str]:
        ids = [facilities.create_facility(session, _values(n, i)) for i, n in enumerate(orm)]
        facilities.bulk_insert_facilities(session, [_values(n, 100 + i) for i, n in enumerate(bulk)])
        return ids

    ids = store.write(write)
    conn = raw_connect(store.path)
    with conn:
        conn.executemany(
            "INSERT INTO facility (name, representative, facility_type, province_code, ward_code) "
            "VALUES (?, ?, 'hkd', '48', ?)",
            [(n, REPRESENTATIVE[n], WARD) for n in raw],
        )
    conn.close()
    return ids
