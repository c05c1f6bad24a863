"""Writing exchange sheets: templates to fill in, and exports of the registers.

Exports use the templates' columns and headers, so an exported file imports back as it is.
Numbers are written as numbers with '#,##0' (money) and dates as dates, never as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from kcdesk.atomic_write import atomic_path
from kcdesk.exchange.columns import FACILITY_COLUMNS, FACILITY_SHEET, SheetColumn
from kcdesk.exchange.proposal_columns import (
    BUDGET_COLUMNS,
    BUDGET_SHEET,
    PAYMENT_COLUMNS,
    PAYMENT_SHEET,
    PROPOSAL_COLUMNS,
    PROPOSAL_SHEET,
)
from kcdesk.progress import Progress, ensure
from kcdesk.text import nfc

FORMATS = {"money": "#,##0", "whole": "#,##0", "date": "dd/mm/yyyy"}
# The sheets of each kind of workbook, the first one holding the records themselves.
TEMPLATES: dict[str, tuple[tuple[str, tuple[SheetColumn, ...]], ...]] = {
    "facilities": ((FACILITY_SHEET, FACILITY_COLUMNS),),
    "proposals": ((PROPOSAL_SHEET, PROPOSAL_COLUMNS), (BUDGET_SHEET, BUDGET_COLUMNS), (PAYMENT_SHEET, PAYMENT_COLUMNS)),
}
# What the guide says about a workbook as a whole, before its columns.
GUIDE_INTRO: dict[str, tuple[str, ...]] = {
    "proposals": (
        "Trang Đề án: mỗi đề án một dòng. Trang Dự toán và trang Giải ngân (không bắt buộc): mỗi đề án nhiều dòng, "
        "nối với trang Đề án bằng Mã đề án. Không có trang Dự toán thì đề án có một dòng dự toán theo các cột kinh "
        "phí ở trang Đề án; một lần tạm ứng, một lần thanh toán có thể ghi ngay ở trang Đề án.",
        "Trạng thái: đề án được đưa đến trạng thái ghi ở cột Trạng thái qua từng bước của quy trình (đăng ký, thẩm "
        "định, phê duyệt, ký hợp đồng, thực hiện, ngừng, nghiệm thu, nộp hồ sơ quyết toán, quyết toán), mỗi bước "
        "ghi theo ngày ở cột ngày của bước đó; bước không có ngày ghi cùng ngày với bước liền trước. Báo cáo định "
        "kỳ tính đề án nhập như đề án ghi trong ứng dụng.",
        "Đề án Đã nghiệm thu trở đi cần Ngày ký hợp đồng, Ngày nghiệm thu, Số biên bản nghiệm thu và Chủ trì nghiệm "
        "thu (biên bản được ghi và ký); đề án Đã quyết toán cần thêm Ngày quyết toán và số quyết toán. Đề án Đã "
        "đánh giá sau hỗ trợ: nhập với trạng thái Đã quyết toán, rồi lập phiếu đánh giá trong ứng dụng.",
        "Tiền theo đúng quy định như khi ghi trong ứng dụng: không tạm ứng, thanh toán trước ngày ký hợp đồng; tổng "
        "tạm ứng và thanh toán từ kinh phí khuyến công không vượt kinh phí khuyến công được duyệt; quyết toán không "
        "vượt kinh phí được duyệt và kinh phí đã nghiệm thu; không ghi ngày chưa đến.",
        "Nhập lại tệp có mã đề án đã có: đề án được sửa theo tệp, chỉ những gì khác; ô để trống giữ nguyên giá trị "
        "đã có; dòng dự toán theo STT thay cho dòng đã có; khoản tiền đã ghi không ghi thêm lần nữa; trạng thái "
        "chỉ đi tiếp, không lùi. Hãy kiểm tra thử trước (kcdesk import proposals TỆP --dry-run, hoặc nút Kiểm tra) "
        "để xem các thay đổi, rồi ghi bằng --update (hoặc nút Nhập). Đề án đã quyết toán không sửa được.",
    ),
}


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
    """The exchange sheet of `kind` with `rows` (field -> value); returns the row count.
    Without rows, a template: the sheets' headers and a guide to filling them in."""
    sheets = TEMPLATES[kind]
    return write_book(path, kind, [rows, *([] for _ in sheets[1:])], total=total, progress=progress)


def write_book(
    path: Path | str,
    kind: str,
    rows: Sequence[Iterable[dict[str, Any]]],
    *,
    total: int = 0,
    progress: Progress | None = None,
) -> int:
    """The workbook of `kind`, each sheet of TEMPLATES[kind] with its rows; returns the rows
    of the first sheet. With no rows at all, the guide sheet is added."""
    progress = ensure(progress)
    path = Path(path)
    wb = Workbook(write_only=True)
    first = 0
    written = 0
    for i, ((sheet, columns), sheet_rows) in enumerate(zip(TEMPLATES[kind], rows, strict=True)):
        ws = wb.create_sheet(sheet)
        _header(ws, columns)
        n = 0
        for n, values in enumerate(sheet_rows, 1):
            if n % 2000 == 0:
                progress.step(n, total if i == 0 else 0, "ghi tệp")
            ws.append(_row(ws, columns, values))
        first = n if i == 0 else first
        written += n
    if not written:
        _guide(wb, kind)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return first


def _guide(wb: Workbook, kind: str) -> None:
    ws = wb.create_sheet("Hướng dẫn")
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 90
    for text in GUIDE_INTRO.get(kind, ()):
        ws.append([text])
    if kind in GUIDE_INTRO:
        ws.append([])
    kinds = {
        "money": "số nguyên đồng, ví dụ 1.250.000.000",
        "whole": "số nguyên",
        "date": "ngày/tháng/năm, ví dụ 05/01/2026",
        "bool": "Có hoặc Không",
        "decimal": "số, ví dụ 12,5",
    }
    sheets = TEMPLATES[kind]
    for sheet, columns in sheets:
        if len(sheets) > 1:
            ws.append([_bold(ws, f"Trang {sheet}")])
        ws.append([_bold(ws, "Cột"), _bold(ws, "Bắt buộc"), _bold(ws, "Cách ghi")])
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
