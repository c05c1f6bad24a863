"""Vietnamese money, number and date formats (kcdesk.domain.vnformat), tested directly:
dots group thousands, a comma before decimals, dates as dd/mm/yyyy, None prints nothing.
Every document, list and export prints through these, so they are checked here and not
only through the PDFs that show them. And what is printed reads back: the command line
and the Excel import accept the same text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kcdesk.cli.values import money_value, parse_day
from kcdesk.domain import vnformat
from kcdesk.exchange import cells
from kcdesk.reports.tabular import show


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1_000, "1.000"),
        (12_500_000, "12.500.000"),
        (1_250_000_000, "1.250.000.000"),
        (987_654_321_012_345, "987.654.321.012.345"),  # far beyond any budget: no float rounding
        (-1, "-1"),
        (-1_000, "-1.000"),
        (-12_500_000, "-12.500.000"),  # a reversal: the sign before the digits, never "-.500"
    ],
)
def test_thousands_are_grouped_with_dots(amount: int, text: str) -> None:
    assert vnformat.group(amount) == text


def test_money_adds_the_unit_and_prints_nothing_for_none() -> None:
    assert vnformat.money(12_500_000) == "12.500.000 đồng"
    assert vnformat.money(0) == "0 đồng"  # zero is an amount, not a blank
    assert vnformat.money(-300_000) == "-300.000 đồng"
    assert vnformat.money(1_250_000, unit=" đ") == "1.250.000 đ"
    assert vnformat.money(1_250_000, unit="") == "1.250.000"
    assert vnformat.money(None) == ""


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal("1234.5"), 2, "1.234,50"),
        (Decimal("0"), 2, "0,00"),
        (Decimal("-1234.567"), 2, "-1.234,57"),
        (Decimal("0.005"), 2, "0,01"),  # half up, as people round by hand (not banker's)
        (Decimal("2.5"), 0, "3"),
        (Decimal("-0.4"), 0, "0"),  # rounds to zero: no "-0"
        (1234567.891, 1, "1.234.567,9"),
        (42, 2, "42,00"),
    ],
)
def test_decimals_use_a_comma_and_group_thousands(value: Decimal | float | int, places: int, text: str) -> None:
    assert vnformat.decimal(value, places) == text


def test_percents_and_ratios() -> None:
    assert vnformat.percent(Decimal("12.3345")) == "12,33%"
    assert vnformat.percent(100) == "100,00%"
    assert vnformat.ratio_percent(17_322, 140_467) == "12,33%"
    assert vnformat.ratio_percent(0, 5) == "0,00%"
    assert vnformat.ratio_percent(3, 0) == "-"  # nothing planned: no share, and no division by zero


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2026, 1, 5), "05/01/2026"),  # day and month always two digits
        (date(2025, 12, 31), "31/12/2025"),
        (date(2024, 2, 29), "29/02/2024"),
        (date(999, 3, 7), "07/03/0999"),  # four-digit years even for a typing slip
    ],
)
def test_dates_are_day_month_year(d: date, text: str) -> None:
    assert vnformat.day(d) == text


def test_no_date_prints_nothing() -> None:
    assert vnformat.day(None) == ""


def test_long_dates_follow_the_decree() -> None:
    # NĐ 30/2020: days below 10 and the months January and February get a leading zero.
    assert vnformat.long_date(date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert vnformat.long_date(date(2026, 2, 28)) == "ngày 28 tháng 02 năm 2026"
    assert vnformat.long_date(date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"
    assert vnformat.long_date(date(2026, 12, 31), "Đà Nẵng") == "Đà Nẵng, ngày 31 tháng 12 năm 2026"
    assert vnformat.long_date(date(2026, 11, 20), "") == "ngày 20 tháng 11 năm 2026"


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (12_500_000, "money", "12.500.000"),
        (-12_500_000, "money", "-12.500.000"),
        (0, "money", "0"),
        (None, "money", ""),
        ("", "money", ""),
        (1234, "int", "1.234"),
        (0.1233, "percent", "12,33%"),
        (Decimal("1.5"), "ratio", "1,50"),
        (date(2026, 1, 5), "date", "05/01/2026"),
        (None, "date", ""),
        ("Nguyễn Văn An", "text", "Nguyễn Văn An"),
    ],
)
def test_report_cells_print_through_the_same_formats(value: object, kind: str, text: str) -> None:
    assert show(value, kind) == text


@given(st.integers(min_value=0, max_value=10**15))
def test_a_printed_amount_reads_back(amount: int) -> None:
    printed = vnformat.money(amount)
    assert money_value(printed, "kc_amount") == amount  # typed on the command line
    assert cells.money(printed) == amount  # found in a workbook cell


@given(st.integers(min_value=-(10**15), max_value=-1))
def test_a_printed_reversal_reads_back_on_the_command_line(amount: int) -> None:
    assert money_value(vnformat.group(amount), "amount") == amount


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_printed_date_reads_back(d: date) -> None:
    printed = vnformat.day(d)
    assert parse_day(printed) == d
    assert cells.day(printed) == d
