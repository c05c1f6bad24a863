"""From a worksheet's raw rows to typed values per field, with findings by row and column.

Shared by every import: find the header row, skip blank rows, read each cell by its
column's kind, and note where trimming changed what was typed. Domain rules (units,
duplicates, validation) stay with each import.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kcdesk.errors import FieldMessage
from kcdesk.exchange import cells
from kcdesk.exchange.columns import SheetColumn, aliases_of
from kcdesk.exchange.headers import HeaderMatch, find_header
from kcdesk.exchange.outcome import Finding, ImportOutcome
from kcdesk.exchange.workbook import WorkbookError, open_rows
from kcdesk.progress import Progress

HEADER_SEARCH_ROWS = 10
_TRUE = {"co", "x", "1", "true", "yes", "dung", "v"}
_FALSE = {"khong", "0", "false", "no", "sai", ""}


@dataclass
class SheetRow:
    number: int
    values: dict[str, Any] = field(default_factory=dict)  # field -> typed value (None when empty)
    raw: dict[str, Any] = field(default_factory=dict)  # field -> text as typed (for messages)
    bad: set[str] = field(default_factory=set)  # fields whose cell could not be read
    sheet: str = ""  # the sheet's name when findings name their sheet


@dataclass
class SheetInfo:
    """What reading one sheet found: its name in the file, the headers as typed, the
    columns it did not know. `tag` puts the sheet's name on every finding."""

    tag: bool = False
    title: str = ""
    headers: dict[str, str] = field(default_factory=dict)  # field -> the header as typed (or its title)
    ignored: list[str] = field(default_factory=list)
    present: set[str] = field(default_factory=set)  # fields that have a column in the file
    found: bool = False  # the sheet exists and has a header row


def read_sheet(
    path: Path,
    columns: tuple[SheetColumn, ...],
    outcome: ImportOutcome,
    progress: Progress,
    sheet: str | Sequence[str] | None = None,
    *,
    info: SheetInfo | None = None,
    optional: bool = False,
    first_if_missing: bool = False,
) -> Iterator[SheetRow]:
    """Typed rows of the sheet; problems with single cells go into `outcome`.

    Without `info`, the headers and ignored columns are the outcome's (a one-sheet import).
    An `optional` sheet that is absent or empty gives no rows instead of an error."""
    aliases = aliases_of(columns)
    required = [c.field for c in columns if c.required]
    spec = {c.field: c for c in columns}
    with open_rows(path, sheet, first_if_missing=first_if_missing) as rows:
        head: list[tuple[int, tuple[Any, ...]]] = []
        for number, cells_ in rows:
            head.append((number, cells_))
            if len(head) >= HEADER_SEARCH_ROWS:
                break
        if optional and not any(any(c not in (None, "") for c in r) for _, r in head):
            return
        match = find_header(head, aliases, required)
        if match is None or not all(f in match.columns for f in required):
            raise _no_header(path, columns, match, rows.title if info is not None else "")
        titles = {f: match.titles.get(f, spec[f].title) for f in spec}
        label = ""
        if info is None:
            outcome.ignored_columns = match.unknown + match.duplicated
            outcome.headers = titles
        else:
            info.title, info.headers, info.found = rows.title, titles, True
            info.ignored = match.unknown + match.duplicated
            info.present = set(match.columns)
            label = rows.title if info.tag else ""
        pending = [r for r in head if r[0] > match.row]

        def all_rows() -> Iterator[tuple[int, tuple[Any, ...]]]:
            yield from pending
            yield from rows

        for number, raw_cells in all_rows():
            if number % 2000 == 0:
                progress.step(number, 0, "đọc tệp")
            row = _read_row(number, raw_cells, match, spec, titles, outcome, label)
            if row is None:
                outcome.blank_rows += 1
                continue
            outcome.rows += 1
            yield row


def _no_header(
    path: Path, columns: tuple[SheetColumn, ...], match: HeaderMatch | None, sheet: str = ""
) -> WorkbookError:
    needed = ", ".join(f"'{c.title}'" for c in columns if c.required)
    found = ", ".join(f"'{t}'" for t in (match.titles.values() if match else [])) or "không có"
    if sheet:
        return WorkbookError(
            "Không tìm thấy dòng tiêu đề trong {limit} dòng đầu của trang '{sheet}' (tệp {path}): cần các cột "
            "{needed}; các cột nhận ra được: {found}. Hãy tải mẫu bằng lệnh: kcdesk import template.",
            limit=HEADER_SEARCH_ROWS,
            sheet=sheet,
            path=path.name,
            needed=needed,
            found=found,
        )
    return WorkbookError(
        "Không tìm thấy dòng tiêu đề trong {limit} dòng đầu của tệp {path}: cần các cột {needed}; "
        "các cột nhận ra được: {found}. Hãy tải mẫu bằng lệnh: kcdesk import template.",
        limit=HEADER_SEARCH_ROWS,
        path=path.name,
        needed=needed,
        found=found,
    )


def _read_row(
    number: int,
    raw_cells: tuple[Any, ...],
    match: HeaderMatch,
    spec: dict[str, SheetColumn],
    titles: dict[str, str],
    outcome: ImportOutcome,
    sheet: str = "",
) -> SheetRow | None:
    if all(c is None or (isinstance(c, str) and not c.strip()) for c in raw_cells):
        return None
    row = SheetRow(number, sheet=sheet)
    for fld, index in match.columns.items():
        value = raw_cells[index] if index < len(raw_cells) else None
        column = spec[fld]
        shown, trimmed = cells.text(value)
        row.raw[fld] = shown
        if trimmed:
            outcome.notes.append(
                Finding(
                    number,
                    titles[fld],
                    FieldMessage("Đã bỏ khoảng trắng thừa ở đầu/cuối: '{value}'.", value=shown),
                    sheet,
                )
            )
        try:
            row.values[fld] = _convert(value, column.kind, shown)
        except cells.CellProblem as problem:
            row.bad.add(fld)
            row.values[fld] = None
            outcome.problems.append(Finding(number, titles[fld], problem.field_message, sheet))
    return row


def _convert(value: Any, kind: str, shown: str | None) -> Any:
    if kind == "money":
        return cells.money(value)
    if kind == "whole":
        return cells.whole(value)
    if kind == "date":
        return cells.day(value)
    if kind == "decimal":
        return cells.decimal_number(value)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        from kcdesk.text import fold

        key = fold(shown or "")
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
        raise cells.CellProblem("Giá trị '{value}' không rõ; hãy ghi 'Có' hoặc 'Không'.", value=shown)
    return shown  # text and choice: NFC, trimmed
