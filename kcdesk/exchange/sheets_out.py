"""Writing exchange sheets: templates to fill in, and exports of the registers.

Exports use the templates' columns and headers, so an exported file imports back as it is.
Numbers are written as numbers with '#,##0' (money) and dates as dates, never as text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from kcdesk.exchange.columns import FACILITY_COLUMNS, FACILITY_SHEET, PROPOSAL_COLUMNS, PROPOSAL_SHEET, SheetColumn
from kcdesk.progress import Progress, ensure
from kcdesk.text import nfc

FORMATS = {"money": "#,##0", "whole": "#,##0", "date": "dd/mm/yyyy"}
TEMPLATES = {"facilities": (FACILITY_SHEET, FACILITY_COLUMNS), "proposals": (PROPOSAL_SHEET, PROPOSAL_COLUMNS)}


def _header(ws: Any, columns: Sequence[SheetColumn]) -> None:
    cells = []
    for i, c in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = c.width
        cell = WriteOnlyCell(ws, c.title + (" (*)" if c.required else ""))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cells.append(cell)
    ws.freeze_panes = "A2"
    ws.append(cells)


def _row(ws: Any, columns: Sequence[SheetColumn], values: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    for c in columns:
        value = values.get(c.field)
        if isinstance(value, str):
            value = nfc(value)
        fmt = FORMATS.get(c.kind)
        if fmt and value is not None:
            cell = WriteOnlyCell(ws, value)
            cell.number_format = fmt
            out.append(cell)
        else:
            out.append(value)
    return out


def write_sheet(
    path: Path | str, kind: str, rows: Iterable[dict[str, Any]], *, total: int = 0, progress: Progress | None = None
) -> int:
    """The exchange sheet of `kind` with `rows` (field -> value); returns the row count."""
    progress = ensure(progress)
    sheet, columns = TEMPLATES[kind]
    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    _header(ws, columns)
    n = 0
    for n, values in enumerate(rows, 1):
        if n % 2000 == 0:
            progress.step(n, total, "ghi tệp")
        ws.append(_row(ws, columns, values))
    if not n:
        _guide(wb, columns)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def _guide(wb: Workbook, columns: Sequence[SheetColumn]) -> None:
    ws = wb.create_sheet("Hướng dẫn")
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 90
    ws.append([_bold(ws, "Cột"), _bold(ws, "Bắt buộc"), _bold(ws, "Cách ghi")])
    kinds = {
        "money": "số nguyên đồng, ví dụ 1.250.000.000",
        "whole": "số nguyên",
        "date": "ngày/tháng/năm, ví dụ 05/01/2026",
        "bool": "Có hoặc Không",
        "decimal": "số, ví dụ 12,5",
    }
    for c in columns:
        ws.append([c.title, "Có" if c.required else "", c.hint or kinds.get(c.kind, "")])
    ws.append([])
    ws.append(["Dòng tiêu đề có thể nằm trong 10 dòng đầu; tên cột không phân biệt hoa thường, dấu và khoảng trắng."])


def _bold(ws: Any, text: str) -> Any:
    cell = WriteOnlyCell(ws, text)
    cell.font = Font(bold=True)
    return cell


def write_template(path: Path | str, kind: str) -> Path:
    write_sheet(path, kind, [])
    return Path(path)
