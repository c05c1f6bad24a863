"""Building real .xlsx files for the import tests, well-formed and hostile."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import openpyxl

HEADERS = [
    "Tên cơ sở",
    "Loại hình",
    "Mã số thuế",
    "Người đại diện",
    "Điện thoại",
    "Địa chỉ",
    "Xã/Phường/Đặc khu",
    "Tỉnh/Thành phố",
    "Ngành nghề",
    "Số lao động",
    "Doanh thu năm trước (đồng)",
]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def workbook(path: Path, rows, headers=HEADERS, title_row: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    if title_row:
        ws.append([title_row])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def good_row(n: int, **kw) -> list:
    row = {
        "name": f"Cơ sở Mộc mỹ nghệ số {n}",
        "type": "Hộ kinh doanh",
        "tax": f"04012{n:05d}",
        "rep": "Nguyễn Văn Đức",
        "phone": "0905123456",
        "street": f"{n} Lê Duẩn",
        "ward": "Phường Hải Châu",
        "province": "Thành phố Đà Nẵng",
        "sector": "E",
        "labour": 12,
        "revenue": 1_250_000_000,
    }
    row.update(kw)
    return list(row.values())


def replace_part(source: Path, target: Path, part: str, content: bytes) -> Path:
    """A copy of an .xlsx with one part's bytes replaced (to plant an XML bomb)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, content if item.filename == part else zin.read(item.filename))
    return target


BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>
</sheetData></worksheet>"""


def huge_sheet(source: Path, target: Path, rows: int) -> Path:
    """A copy of `source` whose first sheet has `rows` rows of inline strings, streamed into the zip."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(item, zin.read(item.filename))
                continue
            with zout.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
                fh.write(head)
                cells = "".join(
                    f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(HEADERS)
                )
                fh.write(f'<row r="1">{cells}</row>'.encode())
                buf = io.BytesIO()
                for r in range(2, rows + 2):
                    buf.write(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r))
                    if r % 50_000 == 0:
                        fh.write(buf.getvalue())
                        buf = io.BytesIO()
                fh.write(buf.getvalue())
                fh.write(b"</sheetData></worksheet>")
    return target
