"""Proposal workbooks for the import tests (real .xlsx files, rows written by header), and
snapshots of what a database holds about proposals, ids and audit aside."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import text

from kcdesk.db.store import Store


def _sheet(ws: Any, rows: Iterable[Mapping[str, Any]]) -> None:
    rows = list(rows)
    headers: list[str] = []
    for row in rows:
        headers += [h for h in row if h not in headers]
    ws.append(headers)
    for row in rows:
        ws.append([row.get(h) for h in headers])


def book(
    path: Path,
    proposals: Iterable[Mapping[str, Any]] = (),
    lines: Iterable[Mapping[str, Any]] | None = None,
    money: Iterable[Mapping[str, Any]] | None = None,
) -> Path:
    """A workbook with the sheet 'Đề án' (if proposals are given), and 'Dự toán' and
    'Giải ngân' when given; each row is {header as typed: value}."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in (("Đề án", proposals), ("Dự toán", lines), ("Giải ngân", money)):
        rows = list(rows or [])
        if rows:
            _sheet(wb.create_sheet(title), rows)
    wb.save(path)
    return path


# Columns left out of the comparison: ids, sync and audit bookkeeping, who and when typed.
_SKIP = {"id", "row_version", "created_at", "updated_at", "user_id", "signed_at", "signed_by"}
_TABLES = (
    "proposal",
    "proposal_activity",
    "proposal_beneficiary",
    "budget_line",
    "disbursement",
    "proposal_status_event",
    "acceptance",
    "acceptance_member",
    "acceptance_item",
)


def business(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every proposal-related row as comparable values: ids replaced by the proposal's code,
    the facility's tax code, the acceptance's number; deleted rows marked as such."""
    with store.read() as s:
        code = dict(s.execute(text("SELECT id, code FROM proposal")).all())
        tax = dict(s.execute(text("SELECT id, tax_code FROM facility")).all())
        number = dict(s.execute(text("SELECT id, number FROM acceptance")).all())
        out: dict[str, list[tuple[Any, ...]]] = {}
        for table in _TABLES:
            result = s.execute(text(f"SELECT * FROM {table}"))
            names = list(result.keys())
            rows = []
            for values in result.all():
                row = dict(zip(names, values, strict=True))
                row["deleted_at"] = row["deleted_at"] is not None
                for key, names_of in (("proposal_id", code), ("facility_id", tax), ("acceptance_id", number)):
                    if row.get(key) is not None:
                        row[key] = names_of.get(row[key], row[key])
                rows.append(tuple(sorted((k, str(v)) for k, v in row.items() if k not in _SKIP)))
            out[table] = sorted(rows)
        return out


def footprint(store: Store) -> dict[str, int]:
    """Row counts of every table an import may write, audit and sync queue included."""
    with store.read() as s:
        return {
            t: int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
            for t in (*_TABLES, "audit_entry", "sync_outbox")
        }
