"""Importing the facility register (sổ cơ sở CNNT) from an .xlsx sheet.

Every row is read and checked before anything is written: the cells, the administrative
units (facility_units: a pre-reform unit is mapped to the one it became when that is
certain, the address as written kept as the legacy address), catalogue entries written in
the office's own words (vocab_match), the rules of kcdesk.domain.validation, and duplicate tax codes in the file
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
from kcdesk.exchange.columns import FACILITY_COLUMNS
from kcdesk.exchange.facility_units import FacilityUnits
from kcdesk.exchange.import_run import run_import
from kcdesk.exchange.local_words import FACILITY_TYPE_WORDS, SECTOR_WORDS
from kcdesk.exchange.outcome import Finding, ImportOutcome
from kcdesk.exchange.sheet_reader import SheetRow
from kcdesk.exchange.unit_names import UnitNames
from kcdesk.exchange.vocab_match import match_vocab
from kcdesk.progress import Progress

INSERT_BATCH = 10_000
# Validation keys that belong to a sheet column with another name.
_FIELD_COLUMN = {"province_code": "province", "ward_code": "ward"}


class FacilityRows:
    """Turns sheet rows into facility values, collecting findings as it goes."""

    def __init__(self, session: Session, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.index: UnitIndex = unit_index(session)
        self.places = FacilityUnits(UnitNames(session), self.index, self)
        self.sectors = {code: name for code, name in session.execute(select(Sector.code, Sector.name))}
        self.registered = {
            normalize_tax_code(code or ""): name  # never empty: the query leaves out missing codes
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
        v = {k: row.values.get(k) for k in self.spec if k not in ("ward", "province", "legacy_district")}
        self._choices(row, v)
        self._codes(row, v)
        legacy_ward = self.places.resolve(row, v)
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
        """Type, sector and status by code or label, or in the office's own words when they
        name one entry only (noted); refused with the closest entries otherwise."""
        for fld, vocab, local, label in (
            ("facility_type", FACILITY_TYPES, FACILITY_TYPE_WORDS, "Loại hình"),
            ("sector_code", self.sectors, SECTOR_WORDS, "Ngành nghề"),
            ("status", FACILITY_STATUSES, {}, "Tình trạng"),
        ):
            typed = row.values.get(fld)
            if not typed:
                v[fld] = None
                continue
            found = match_vocab(typed, vocab, local)
            v[fld] = found.code
            if found.code is not None and not found.exact:
                self.note(
                    row,
                    fld,
                    "'{value}' được hiểu là {label} '{entry}'.",
                    value=typed,
                    label=label.lower(),
                    entry=_entry(found.code, vocab, fld),
                )
            elif found.code is None:
                options = "; ".join(_entry(c, vocab, fld) for c in found.candidates)
                message = (
                    "{label} '{value}' chưa rõ, có thể là: {options}. Hãy ghi đúng tên hoặc mã trong danh mục."
                    if found.ambiguous
                    else "{label} '{value}' không có trong danh mục; gần nhất là: {options}. Hãy ghi đúng tên hoặc "
                    "mã trong danh mục."
                )
                self.problem(row, fld, message, label=label, value=typed, options=options)
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


def _entry(code: str, vocab: dict[str, str], fld: str) -> str:
    """How a catalogue entry is named in a message: 'E - Sản xuất sản phẩm, ...' for a sector."""
    return f"{code} - {vocab[code]}" if fld == "sector_code" else vocab[code]


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
