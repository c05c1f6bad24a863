"""Names in Vietnamese dictionary order in the register (the services' query) and in the
Excel export, whoever wrote them (the window's register: tests/ui/test_register_order.py;
printed lists: tests/reports/test_name_order_printed.py)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from kcdesk.db.store import Store
from kcdesk.exchange.registers import export_facilities
from kcdesk.services import facilities
from kcdesk.services.facilities import FacilityFilter
from tests.vi_names import IN_ORDER, add_shuffled


def test_register_lists_names_in_vietnamese_order(store: Store) -> None:
    add_shuffled(store)
    with store.read() as s:
        listed = [r["name"] for r in facilities.list_facilities(s, limit=None)]
        backwards = [r["name"] for r in facilities.list_facilities(s, limit=None, descending=True)]
        page = [r["name"] for r in facilities.list_facilities(s, limit=5, offset=5)]
        in_ward = [r["name"] for r in facilities.list_facilities(s, FacilityFilter(ward_code="20242"), limit=None)]
    assert listed == IN_ORDER
    assert backwards == IN_ORDER[::-1]
    assert page == IN_ORDER[5:10]
    assert in_ward == IN_ORDER
    with store.read() as s:
        people = [r["representative"] for r in facilities.list_facilities(s, limit=None, order_by="representative")]
    assert people == IN_ORDER  # the representative's column sorts the same way


def test_excel_export_lists_names_in_vietnamese_order(store: Store, tmp_path: Path) -> None:
    add_shuffled(store)
    out = tmp_path / "so-co-so.xlsx"
    assert export_facilities(store, out) == len(IN_ORDER)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    column = header.index("Tên cơ sở (*)")
    names = [row[column] for row in sheet.iter_rows(min_row=2, values_only=True) if row[column]]
    assert names == IN_ORDER
