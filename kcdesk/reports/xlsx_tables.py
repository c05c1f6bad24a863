"""Report tables written to .xlsx with real numbers and number formats.

Money stays an integer formatted '#,##0' and rates stay fractions formatted '0.00%', so a
user can sum and chart the sheet; Excel shows the separators of the user's locale
(1.234.567 on a Vietnamese Windows).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from kcdesk.atomic_write import atomic_path
from kcdesk.progress import Progress, ensure
from kcdesk.reports.tabular import Column, TableData
from kcdesk.text import nfc

NUMBER_FORMATS = {"int": "#,##0", "money": "#,##0", "percent": "0.00%", "ratio": "0.00", "date": "dd/mm/yyyy"}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str, taken: set[str]) -> str:
    """A legal, unique sheet name (at most 31 characters, none of []:*?/\\)."""
    base = _SHEET_FORBIDDEN.sub("-", nfc(name)).strip("'")[:31] or "Sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title.lower())
    return title


def _value(value: Any, column: Column) -> Any:
    if isinstance(value, Decimal):
        return float(value) if column.kind in ("percent", "ratio") else int(value)
    if isinstance(value, str):
        return nfc(value)
    return value


def write_tables(path: Path | str, tables: Sequence[TableData], progress: Progress | None = None) -> Path:
    """One sheet per table: a bold header row, then the rows, then the total row if any."""
    progress = ensure(progress)
    path = Path(path)
    wb = Workbook(write_only=True)
    taken: set[str] = set()
    bold = Font(bold=True)
    for table in tables:
        ws = wb.create_sheet(sheet_title(table.name, taken))
        for i, column in enumerate(table.columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = max(10, min(60, 8 * column.width + 6))
        ws.freeze_panes = "A2"
        header = []
        for column in table.columns:
            cell = WriteOnlyCell(ws, nfc(column.title))
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            header.append(cell)
        ws.append(header)
        rows: list[tuple[list[Any], bool]] = [(r, False) for r in table.rows]
        if table.total is not None:
            rows.append((table.total, True))
        for n, (row, is_total) in enumerate(rows):
            if n % 1000 == 0:
                progress.step(n, len(rows), table.name)
            ws.append([_cell(ws, v, c, is_total) for v, c in zip(row, table.columns, strict=True)])
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def _cell(ws: Any, value: Any, column: Column, bold: bool) -> Any:
    fmt = NUMBER_FORMATS.get(column.kind)
    if not fmt and not bold:
        return _value(value, column)
    cell = WriteOnlyCell(ws, _value(value, column))
    if fmt:
        cell.number_format = fmt
    if bold:
        cell.font = Font(bold=True)
    return cell
