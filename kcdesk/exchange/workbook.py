"""Opening an .xlsx someone sent us, defensively, and streaming its rows.

Checks run cheapest first so a hostile file costs little: size on disk, the zip
signature (a renamed PDF or Word file is named as such), the zip directory (a truncated
download fails here), the parts an Excel workbook must have, the declared unpacked size
(a zip bomb), and only then openpyxl in read-only mode, which streams the sheet row by row.
With defusedxml installed, openpyxl's XML parser refuses entity expansion (an XML bomb).
Rows beyond MAX_ROWS are refused rather than read.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from kcdesk.errors import KcError

MAX_ROWS = 100_000  # data rows in one sheet
MAX_COLUMNS = 80
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200  # unpacked ÷ packed size of one part; real sheets compress about 10-20 times

_SIGNATURES = (
    (b"%PDF", "một tệp PDF"),
    (b"\xd0\xcf\x11\xe0", "một tệp Office cũ (.xls hoặc .doc)"),
    (b"{\\rtf", "một tệp RTF"),
    (b"\x89PNG", "một ảnh PNG"),
    (b"\xff\xd8\xff", "một ảnh JPEG"),
)


class WorkbookError(KcError):
    """The file cannot be read as an Excel workbook; nothing was imported."""

    exit_code = 2


def _refuse(message: str, **params: Any) -> WorkbookError:
    return WorkbookError(message, **params)


def check_file(path: Path) -> None:
    """Everything that can be checked without parsing XML."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise _refuse("Không tìm thấy tệp {path}.", path=str(path)) from None
    except OSError as exc:
        raise _refuse("Không đọc được tệp {path}: {reason}", path=str(path), reason=exc.strerror) from exc
    if size == 0:
        raise _refuse("Tệp {path} rỗng (0 byte).", path=path.name)
    if size > MAX_FILE_BYTES:
        raise _refuse(
            "Tệp {path} quá lớn ({mb} MB); giới hạn là {limit} MB.",
            path=path.name,
            mb=size // 2**20,
            limit=MAX_FILE_BYTES // 2**20,
        )
    if not head.startswith(b"PK\x03\x04"):
        what = next((name for sig, name in _SIGNATURES if head.startswith(sig)), None)
        if what:
            raise _refuse(
                "Tệp {path} không phải tệp Excel .xlsx mà là {what} (có thể đã bị đổi đuôi).", path=path.name, what=what
            )
        raise _refuse(
            'Tệp {path} không phải tệp Excel .xlsx. Hãy mở tệp bằng Excel và lưu lại dạng "Excel Workbook (*.xlsx)".',
            path=path.name,
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _refuse(
            "Tệp {path} bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong): {reason}",
            path=path.name,
            reason=str(exc),
        ) from exc
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        odd = "một tài liệu Word" if "word/document.xml" in names else "một tệp nén khác"
        raise _refuse("Tệp {path} không phải bảng tính Excel .xlsx mà là {what}.", path=path.name, what=odd)
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise _refuse(
            "Tệp {path} khi giải nén quá lớn (trên {limit} MB); có thể là tệp độc hại, không nhập.",
            path=path.name,
            limit=MAX_UNPACKED_BYTES // 2**20,
        )
    for info in infos:
        if info.compress_size and info.file_size > 10 * 2**20 and info.file_size / info.compress_size > MAX_RATIO:
            raise _refuse(
                "Tệp {path} có phần nén bất thường ({part}); có thể là tệp độc hại, không nhập.",
                path=path.name,
                part=info.filename,
            )


class SheetRows:
    """The rows of one sheet, streamed: (Excel row number, cell values); `title` is the
    sheet's name as the file has it ("" when the wanted sheet is absent: no rows)."""

    def __init__(self, rows: Iterator[tuple[int, tuple[Any, ...]]], title: str) -> None:
        self._rows = rows
        self.title = title

    def __iter__(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        return self._rows

    def __next__(self) -> tuple[int, tuple[Any, ...]]:
        return next(self._rows)


@contextmanager
def open_rows(
    path: Path | str, sheet: str | Sequence[str] | None = None, *, first_if_missing: bool = False
) -> Iterator[SheetRows]:
    """Yield the rows of one sheet, streamed; refuse what is unsafe.

    `sheet` picks a sheet by name, or by the first of several names found (case and tone
    marks ignored); default: the first sheet. A named sheet that is absent gives no rows,
    or with `first_if_missing` the first sheet.
    """
    from openpyxl import load_workbook

    path = Path(path)
    check_file(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file; all mean "unreadable"
        raise _broken(path, exc) from exc
    try:
        ws = _pick_sheet(wb, sheet)
        if ws is None and first_if_missing:
            ws = wb.worksheets[0]
        yield SheetRows(_stream(ws, path), ws.title if ws is not None else "")
    finally:
        wb.close()


def sheet_titles(path: Path | str) -> list[str]:
    """The names of the workbook's sheets, in order (after the same safety checks)."""
    from openpyxl import load_workbook

    path = Path(path)
    check_file(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # as in open_rows
        raise _broken(path, exc) from exc
    try:
        return [ws.title for ws in wb.worksheets]
    finally:
        wb.close()


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _broken(path: Path, exc: Exception) -> WorkbookError:
    from defusedxml import DefusedXmlException

    name = type(exc).__name__
    # openpyxl wraps what its parser raised; defusedxml's refusal may sit deeper in the chain.
    if any(isinstance(e, DefusedXmlException) for e in _chain(exc)):
        return _refuse('Tệp {path} chứa khai báo XML không an toàn (có thể là "bom XML"); không nhập.', path=path.name)
    return _refuse(
        "Tệp {path} bị hỏng, không đọc được nội dung bảng tính ({reason}).",
        path=path.name,
        reason=f"{name}: {exc}"[:200],
    )


def _pick_sheet(wb: Any, sheet: str | Sequence[str] | None) -> Any:
    from kcdesk.text import fold

    if sheet is None:
        return wb.worksheets[0]
    names = [sheet] if isinstance(sheet, str) else list(sheet)
    by_title = {fold(ws.title).strip(): ws for ws in wb.worksheets}
    return next((by_title[fold(n)] for n in names if fold(n) in by_title), None)


def _stream(ws: Any, path: Path) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The sheet's rows; parse errors met on the way (the sheet XML is read lazily) are
    turned into a refusal here, so they are never mistaken for errors of the caller's."""
    from openpyxl.utils.exceptions import InvalidFileException

    if ws is None:
        return
    rows = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    n = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except (
            InvalidFileException,
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            ParseError,
            KeyError,
            ValueError,
            TypeError,
            OSError,
        ) as exc:
            raise _broken(path, exc) from exc
        n += 1
        if n > MAX_ROWS + 20:  # header rows above the data are allowed a little room
            raise _refuse(
                "Trang tính '{sheet}' của tệp {path} có hơn {limit} dòng; hãy chia thành nhiều tệp.",
                sheet=ws.title,
                path=path.name,
                limit=f"{MAX_ROWS:,}".replace(",", "."),
            )
        yield n, row
