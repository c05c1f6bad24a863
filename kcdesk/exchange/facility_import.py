"""Importing the facility register (sổ cơ sở CNNT) from an .xlsx sheet.

Every row is read and checked before anything is written: the cells, the administrative
units (current ones; a pre-reform name is kept as the legacy address, never mapped to a
current unit), the rules of kcdesk.domain.validation, and duplicate tax codes in the file
and in the register. Then, unless this is a dry run, the valid rows go in through
store.write in one transaction: all rows, or with skip_invalid only the valid ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import Facility, Sector
from kcdesk.db.store import Store
from kcdesk.db.units import unit_index
from kcdesk.domain.validation import UnitIndex, facility_problems, normalize_phone, normalize_tax_code
from kcdesk.domain.vocab import FACILITY_STATUSES, FACILITY_TYPES
from kcdesk.errors import FieldMessage
from kcdesk.exchange.choices import FACILITY_TYPE_ALIASES, choose
from kcdesk.exchange.columns import FACILITY_COLUMNS
from kcdesk.exchange.import_run import run_import
from kcdesk.exchange.outcome import Finding, ImportOutcome
from kcdesk.exchange.sheet_reader import SheetRow
from kcdesk.exchange.unit_names import Ambiguous, UnitNames
from kcdesk.progress import Progress

INSERT_BATCH = 10_000
# Validation keys that belong to a sheet column with another name.
_FIELD_COLUMN = {"province_code": "province", "ward_code": "ward"}


class FacilityRows:
    """Turns sheet rows into facility values, collecting findings as it goes."""

    def __init__(self, session: Session, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.units = UnitNames(session)
        self.index: UnitIndex = unit_index(session)
        self.sectors = {code: name for code, name in session.execute(select(Sector.code, Sector.name))}
        self.registered = {
            normalize_tax_code(code): name
            for code, name in session.execute(
                select(Facility.tax_code, Facility.name).where(
                    Facility.deleted_at.is_(None), Facility.tax_code.is_not(None)
                )
            )
        }
        self.seen: dict[str, int] = {}  # tax code -> first row in this file
        self.spec = {c.field: c for c in FACILITY_COLUMNS}

    def _title(self, row: SheetRow, fld: str) -> str:
        return self.outcome.headers.get(fld) or self.spec[fld].title

    def problem(self, row: SheetRow, fld: str, message: str, **params: Any) -> None:
        self.outcome.problems.append(Finding(row.number, self._title(row, fld), FieldMessage(message, **params)))

    def note(self, row: SheetRow, fld: str, message: str, **params: Any) -> None:
        self.outcome.notes.append(Finding(row.number, self._title(row, fld), FieldMessage(message, **params)))

    def values(self, row: SheetRow) -> dict[str, Any] | None:
        """The row as Facility column values, or None if it has a problem."""
        before = len(self.outcome.problems)
        v = {k: row.values.get(k) for k in self.spec if k not in ("ward", "province")}
        self._choices(row, v)
        self._codes(row, v)
        legacy_ward = self._units(row, v)
        for key, message in facility_problems(v, self.index).items():
            fld = _FIELD_COLUMN.get(key, key)
            if fld in row.bad or (fld == "ward" and legacy_ward and v.get("ward_code") is None):
                continue  # already reported, or a legacy ward kept on purpose
            if fld == "province" and any(
                p.row == row.number and p.column == self._title(row, "province") for p in self.outcome.problems[before:]
            ):
                continue
            self.outcome.problems.append(Finding(row.number, self._title(row, fld), message))
        self._duplicates(row, v)
        if len(self.outcome.problems) > before or row.bad:
            return None
        for key in ("has_export_contract", "in_supporting_industry_list", "cleaner_production", "typical_product"):
            v[key] = bool(v.get(key))
        v["status"] = v.get("status") or "active"
        return v

    def _choices(self, row: SheetRow, v: dict[str, Any]) -> None:
        typed = row.values.get("facility_type")
        v["facility_type"] = choose(typed, FACILITY_TYPES, FACILITY_TYPE_ALIASES) if typed else None
        if typed and v["facility_type"] is None:
            self.problem(
                row,
                "facility_type",
                "Loại hình '{value}' không có trong danh mục: {allowed}.",
                value=typed,
                allowed=", ".join(FACILITY_TYPES.values()),
            )
            row.bad.add("facility_type")
        for fld, vocab, label in (
            ("sector_code", self.sectors, "Ngành nghề"),
            ("status", FACILITY_STATUSES, "Tình trạng"),
        ):
            typed = row.values.get(fld)
            v[fld] = choose(typed, vocab) if typed else None
            if typed and v[fld] is None:
                self.problem(row, fld, "{label} '{value}' không có trong danh mục.", label=label, value=typed)
                row.bad.add(fld)

    def _codes(self, row: SheetRow, v: dict[str, Any]) -> None:
        """Tax code and phone are stored in their standard form; the change is reported."""
        for fld, normalise in (("tax_code", normalize_tax_code), ("phone", normalize_phone)):
            typed = v.get(fld)
            if typed:
                standard = normalise(typed)
                if standard != typed:
                    self.note(
                        row, fld, "'{typed}' được ghi theo dạng chuẩn '{standard}'.", typed=typed, standard=standard
                    )
                v[fld] = standard

    def _units(self, row: SheetRow, v: dict[str, Any]) -> bool:
        """Set province_code and ward_code; return True if the ward is a legacy one kept as text."""
        province_text, ward_text = row.values.get("province"), row.values.get("ward")
        v["province_code"] = v["ward_code"] = None
        province = None
        if province_text:
            try:
                province = self.units.province(province_text)
            except Ambiguous as many:
                self.problem(
                    row,
                    "province",
                    "Tên '{value}' chưa rõ, có thể là: {names}.",
                    value=province_text,
                    names="; ".join(many.names),
                )
                return False
            if province is None:
                self.problem(row, "province", "Không có tỉnh/thành phố '{value}' trong danh mục.", value=province_text)
            elif province.legacy:
                self.problem(
                    row,
                    "province",
                    "'{value}' là tỉnh/thành phố cũ (trước 01/7/2025), không còn trong "
                    "danh mục hiện hành. Hãy ghi tỉnh/thành phố hiện hành; địa chỉ cũ ghi ở cột "
                    "'Địa chỉ cũ (trước 01/7/2025)'.",
                    value=province_text,
                )
                province = None
            else:
                v["province_code"] = province.code
        if not ward_text:
            # A record kept with only its pre-reform address (as exported) stays that way.
            return bool(v.get("legacy_address") or v.get("legacy_ward_code"))
        try:
            ward = self.units.ward(ward_text, v["province_code"])
        except Ambiguous as many:
            self.problem(
                row,
                "ward",
                "Tên '{value}' chưa rõ, có thể là: {names}. Hãy ghi đủ 'Xã'/'Phường'.",
                value=ward_text,
                names="; ".join(many.names),
            )
            row.bad.add("ward")
            return False
        if ward is None:
            self.problem(
                row,
                "ward",
                "Không có xã/phường/đặc khu '{value}' trong danh mục hiện hành hay danh mục trước 01/7/2025.",
                value=ward_text,
            )
            row.bad.add("ward")
            return False
        if not ward.legacy:
            v["ward_code"] = ward.code
            return False
        # A pre-reform commune: kept as the legacy address, the current ward left for a person to choose.
        v["legacy_address"] = v.get("legacy_address") or f"{ward.full_name}" + (
            f", {province_text}" if province_text else ""
        )
        v["legacy_ward_code"] = v.get("legacy_ward_code") or ward.code or None
        v["legacy_district_code"] = v.get("legacy_district_code") or ward.district_code
        v["legacy_province_code"] = v.get("legacy_province_code") or ward.province_code
        self.note(
            row,
            "ward",
            "'{value}' là đơn vị hành chính cũ (trước 01/7/2025): đã giữ trong địa chỉ cũ, "
            "chưa gán xã/phường hiện hành; hãy cập nhật sau.",
            value=ward_text,
        )
        return True

    def _duplicates(self, row: SheetRow, v: dict[str, Any]) -> None:
        code = v.get("tax_code")
        if not code or "tax_code" in row.bad:
            return
        if code in self.seen:
            self.problem(
                row, "tax_code", "Mã số thuế {code} trùng với dòng {first} trong tệp.", code=code, first=self.seen[code]
            )
        else:
            self.seen[code] = row.number
        if code in self.registered:
            self.problem(
                row,
                "tax_code",
                "Mã số thuế {code} đã có trong sổ cơ sở: {name}.",
                code=code,
                name=self.registered[code],
            )


def import_facilities(
    store: Store,
    path: Path | str,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportOutcome:
    return run_import(
        store,
        path,
        kind="facilities",
        columns=FACILITY_COLUMNS,
        checker=FacilityRows,
        insert=_insert,
        dry_run=dry_run,
        skip_invalid=skip_invalid,
        progress=progress,
    )


def _insert(session: Session, rows: list[dict[str, Any]], progress: Progress) -> int:
    """The core's bulk path: same audit, outbox and search entries as single inserts, written
    set-wise, at close to raw SQLite speed."""
    from kcdesk.services.facilities import bulk_insert_facilities

    for start in range(0, len(rows), INSERT_BATCH):
        progress.step(start, len(rows), "ghi dữ liệu")  # a cancel here rolls the whole import back
        bulk_insert_facilities(session, rows[start : start + INSERT_BATCH])
    return len(rows)
