"""Search as people type it: no tone marks, any case, đ as d, prefixes, NFC or NFD."""

from __future__ import annotations

import unicodedata

import pytest

from kcdesk.db.store import Store
from kcdesk.services import facilities, proposals
from kcdesk.services.search import match_expression, matching_facility_ids, search

ROWS = [
    {
        "name": "Hợp tác xã Đồng Tiến",
        "facility_type": "htx",
        "province_code": "48",
        "ward_code": "20194",
        "tax_code": "0401234567",
        "representative": "Nguyễn Thị Huệ",
    },
    {
        "name": "Cơ sở nước mắm Nghĩa Đô",
        "facility_type": "hkd",
        "province_code": "48",
        "ward_code": "20194",
        "representative": "Đặng Văn Khoa",
        "village": "Thôn Buôn Ma Thuột",
    },
    {
        "name": "Công ty TNHH Cơ khí Hòa Phát",
        "facility_type": "dn_nho",
        "province_code": "48",
        "ward_code": "20194",
        "tax_code": "0401999000-001",
        "representative": "Trần Quốc Việt",
    },
]


@pytest.fixture
def ids(store: Store) -> list[str]:
    return [store.write(lambda s, r=r: facilities.create_facility(s, r)) for r in ROWS]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dong tien", 0),
        ("ĐỒNG TIẾN", 0),
        ("đong tien", 0),
        ("Dong", 0),
        ("nghia do", 1),
        ("buon ma thuot", 1),
        ("dang van", 1),
        ("hoa phat", 2),
        ("co khi", 2),
        ("0401999000", 2),
        ("0401999000-001", 2),
        ("tran quoc", 2),
        ("nguyen thi hue", 0),
        ("04012", 0),
    ],
)
def test_folded_prefix_queries_find_the_record(store: Store, ids: list[str], query: str, expected: int) -> None:
    with store.read() as s:
        assert ids[expected] in [h.id for h in search(s, query)]
        nfd = unicodedata.normalize("NFD", query)
        assert [h.id for h in search(s, nfd)] == [h.id for h in search(s, query)]


def test_name_matches_rank_above_address_matches(store: Store, ids: list[str]) -> None:
    # Ward 20194 (Xã Hải Vân) is every facility's ward; a name containing it comes first.
    named = store.write(
        lambda s: facilities.create_facility(
            s, {"name": "Cơ sở Hải Vân", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
        )
    )
    with store.read() as s:
        hits = search(s, "hai van", kinds=("facility",))
    assert hits[0].id == named and len(hits) == 4


def test_deleted_facilities_leave_the_results(store: Store, ids: list[str]) -> None:
    store.write(lambda s: facilities.delete_facility(s, ids[1]))
    with store.read() as s:
        assert search(s, "nghia do") == []
        assert matching_facility_ids(s, "nghia do") == []


def test_edits_are_searchable_at_once(store: Store, ids: list[str]) -> None:
    store.write(lambda s: facilities.update_facility(s, ids[0], {"name": "Hợp tác xã Thành Công"}))
    with store.read() as s:
        assert [h.id for h in search(s, "hop tac xa thanh cong")] == [ids[0]]
        assert search(s, "dong tien") == []


def test_proposals_by_code_and_title(store: Store) -> None:
    pid = store.write(
        lambda s: proposals.create_proposal(
            s,
            {
                "title": "Đào tạo nghề đan lát cho lao động nông thôn",
                "level": "KCDP",
                "plan_year": 2026,
                "implementing_unit": "Trung tâm",
                "code": "KCDP-48-2026-017",
            },
        )
    )
    with store.read() as s:
        assert [h.id for h in search(s, "dao tao nghe dan lat")] == [pid]
        assert [h.id for h in search(s, "KCDP-48-2026-017")] == [pid]


def test_queries_with_search_syntax_are_taken_literally(store: Store, ids: list[str]) -> None:
    with store.read() as s:
        for query in ('"', "AND", "OR NOT", "*", "a:b", "(", "' OR 1=1 --", "NEAR(a b)"):
            search(s, query)  # never a syntax error
    assert match_expression("  ") is None
