"""Field rules for facilities (shared by the editor, the CLI and import)."""

from __future__ import annotations

import pytest

from kcdesk.domain.validation import (
    UnitIndex,
    facility_problems,
    normalize_phone,
    normalize_tax_code,
    phone_problem,
    tax_code_problem,
)
from kcdesk.errors import FieldMessage

UNITS = UnitIndex(
    {"48": "Thành phố Đà Nẵng", "01": "Thành phố Hà Nội"},
    {"20194": ("48", "Phường Hải Châu"), "00004": ("01", "Phường Ba Đình")},
    {"A": "Chế biến"},
)
GOOD = {"name": "Cơ sở A", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}


@pytest.mark.parametrize("code", ["0401234567", "0401234567-001", "0401234567001", " 0401 234 567 ", "048099001234"])
def test_valid_tax_codes(code: str) -> None:
    assert tax_code_problem(code) is None


@pytest.mark.parametrize("code", ["12345", "04012345678", "0401234567-01", "ABCDEFGHIJ", "0401234567-0011"])
def test_invalid_tax_codes_say_what_is_expected(code: str) -> None:
    problem = tax_code_problem(code)
    assert problem is not None and "10 chữ số" in problem.text()


def test_normal_spellings() -> None:
    assert normalize_tax_code("0401.234.567 - 001") == "0401234567-001"
    assert normalize_phone("+84 905 123 456") == "0905123456"
    assert normalize_phone("(0236) 3822-123") == "02363822123"
    assert phone_problem("0905123") is not None


def test_a_complete_facility_is_valid() -> None:
    assert facility_problems(GOOD, UNITS) == {}


def test_each_problem_names_its_field() -> None:
    problems = facility_problems(
        {
            "name": " ",
            "facility_type": "x",
            "province_code": "48",
            "ward_code": "00004",
            "labour_total": "a",
            "labour_insured": 5,
            "latitude": 40,
            "email": "abc",
        },
        UNITS,
    )
    assert set(problems) == {"name", "facility_type", "ward_code", "labour_total", "latitude", "email"}
    assert "Phường Ba Đình không thuộc Thành phố Đà Nẵng" in problems["ward_code"].text()


def test_insured_workers_cannot_exceed_the_total() -> None:
    assert set(facility_problems(GOOD | {"labour_total": 5, "labour_insured": 9}, UNITS)) == {"labour_insured"}


# Rows with something wrong in many fields, and the interplay the checks have (a ward of
# another province, insured workers beside a total that is not a number).
ODD_ROWS = [
    GOOD,
    GOOD | {"labour_total": 5, "labour_insured": 9},
    GOOD | {"labour_total": "a", "labour_insured": 9},
    GOOD | {"labour_total": 5, "labour_insured": -1},
    GOOD | {"labour_total": None, "labour_insured": 9, "total_capital": 2.5},
    {"name": " ", "facility_type": "x", "province_code": "48", "ward_code": "00004", "latitude": 40, "email": "abc"},
    {
        "facility_type": None,
        "province_code": "99",
        "ward_code": "77777",
        "tax_code": "123",
        "phone": "+84 905 123 456",
        "sector_code": "Z",
        "status": "gone",
        "revenue_prev_year": "x",
        "local_raw_material_pct": 101,
        "longitude": 1,
    },
    GOOD | {"phone": "12", "tax_code": "0401234567-001", "province_code": None, "ward_code": None},
]
FIELDS = sorted({*GOOD, *(k for row in ODD_ROWS for k in row), "labour_total", "labour_insured"})


@pytest.mark.parametrize("row", ODD_ROWS)
def test_the_problems_of_some_fields_are_the_full_checks_problems_of_them(row: dict[str, object]) -> None:
    """The server checks only the fields an edit concerns (facility_problems' `fields`):
    the same problems, in the same order, as the full check finds for those fields."""

    def shown(problems: dict[str, FieldMessage]) -> list[tuple[str, str, str]]:
        return [(k, v.text("vi"), v.text("en")) for k, v in problems.items()]

    full = shown(facility_problems(row, UNITS))
    for fields in [[f] for f in FIELDS] + [FIELDS[i : i + 3] for i in range(len(FIELDS))] + [FIELDS, []]:
        assert shown(facility_problems(row, UNITS, set(fields))) == [p for p in full if p[0] in fields], fields


def test_vietnamese_dictionary_order() -> None:
    from kcdesk.text import vi_sort_key

    names = ["Đà Nẵng", "Zô", "Ánh Dương", "Quảng", "an", "ăn", "ân", "Bắc", "Ơn", "Ôn", "On", "Ưu", "Uy", "đi", "dì"]
    assert sorted(names, key=vi_sort_key) == [
        "an",
        "Ánh Dương",
        "ăn",
        "ân",
        "Bắc",
        "dì",
        "Đà Nẵng",
        "đi",
        "On",
        "Ôn",
        "Ơn",
        "Quảng",
        "Uy",
        "Ưu",
        "Zô",
    ]


def test_wards_are_listed_in_vietnamese_order(store) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.db.units import current_wards

    with store.read() as s:
        names = [w.name for w in current_wards(s, "48")]
    assert names.index("Điện Bàn") < names.index("Hải Châu") < names.index("Xuân Phú")
