"""The command line: import, export, templates and reports, errors in Vietnamese, nothing changed."""

import json
import subprocess
import sys

import openpyxl
import sheets as x
from sqlalchemy import func, select

from kcdesk.db.models import Facility


def kcdesk(*args, db):
    proc = subprocess.run(
        [sys.executable, "-m", "kcdesk", "--db", str(db), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    return proc.returncode, proc.stdout, proc.stderr


def _facilities(store):
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(Facility))


def test_import_export_and_report_from_the_command_line(store, tmp_path):
    db = store.path
    sheet = x.workbook(tmp_path / "in.xlsx", [x.good_row(1), x.good_row(2, tax="123")])
    code, out, _ = kcdesk("import", "facilities", sheet, "--dry-run", "--json", db=db)
    data = json.loads(out)
    assert code == 1 and data["invalid_rows"] == [3] and data["imported"] == 0
    assert data["problems"][0]["column"] == "Mã số thuế"
    code, out, _ = kcdesk("import", "facilities", sheet, db=db)
    assert code == 1 and "Không nhập dòng nào" in out and _facilities(store) == 0
    code, out, _ = kcdesk("import", "facilities", sheet, "--skip-invalid", db=db)
    assert code == 0 and "Đã nhập 1 dòng" in out and _facilities(store) == 1

    code, _, _ = kcdesk("export", "facilities", tmp_path / "so.xlsx", db=db)
    assert code == 0 and (tmp_path / "so.xlsx").stat().st_size > 0
    code, _, _ = kcdesk("import", "template", "proposals", tmp_path / "mau.xlsx", db=db)
    assert code == 0
    code, out, _ = kcdesk(
        "report", "periodic", "--half", "2026-1", "--province", "48", "--out", tmp_path / "bc.pdf", db=db
    )
    assert code == 0 and (tmp_path / "bc.pdf").read_bytes().startswith(b"%PDF")


def test_errors_are_vietnamese_and_change_nothing(store, tmp_path):
    db = store.path
    fake = tmp_path / "ds.xlsx"
    fake.write_bytes(b"%PDF-1.4 not a sheet")
    code, _, err = kcdesk("import", "facilities", fake, db=db)
    assert code != 0 and "không phải tệp Excel" in err
    code, _, err = kcdesk("report", "acceptance", "99/BB-TTKC", "--out", tmp_path / "a.pdf", db=db)
    assert code != 0 and "Không tìm thấy biên bản nghiệm thu" in err and not (tmp_path / "a.pdf").exists()
    code, _, err = kcdesk("report", "periodic", "--year", "2026", "--out", tmp_path / "a.docx", db=db)
    assert code != 0 and ".pdf hoặc .xlsx" in err
    assert _facilities(store) == 0


def test_proposal_workbook_template_and_reimport_from_the_command_line(store, tmp_path):
    """The template has the three sheets and a Vietnamese guide; re-importing a file that
    changes recorded proposals shows the changes and writes nothing until --update."""
    from proposal_book import footprint
    from proposal_cases import with_facilities, workbook_a, workbook_b

    db = store.path
    code, out, _ = kcdesk("import", "template", "proposals", tmp_path / "mau.xlsx", db=db)
    assert code == 0
    wb = openpyxl.load_workbook(tmp_path / "mau.xlsx")
    assert wb.sheetnames == ["Đề án", "Dự toán", "Giải ngân", "Hướng dẫn"]
    assert [c.value for c in wb["Giải ngân"][1]][:5] == [
        "Mã đề án (*)", "Loại khoản (*)", "Nguồn kinh phí", "Số tiền (đồng) (*)", "Ngày (*)",
    ]  # fmt: skip
    guide = " ".join(str(c.value) for row in wb["Hướng dẫn"].iter_rows() for c in row if c.value)
    assert "Trang Dự toán" in guide and "nối với trang Đề án bằng Mã đề án" in guide
    assert "Nhập lại tệp có mã đề án đã có" in guide and "--update" in guide

    with_facilities(store, tmp_path)
    code, out, err = kcdesk("import", "proposals", workbook_a(tmp_path), db=db)
    assert code == 0, err
    assert "3 đề án mới" in out
    before = footprint(store)
    code, out, _ = kcdesk("import", "proposals", workbook_b(tmp_path), db=db)
    assert code == 1 and footprint(store) == before
    assert "Thay đổi (3 đề án):" in out and "Đề án KCQG-2026-02 (dòng 3) thay đổi:" in out
    assert (
        "Trang 'Dự toán', dòng 4, cột 'Kinh phí khuyến công (đồng)': dòng dự toán 1: 300.000.000 → 320.000.000" in out
    )
    assert "chạy lại" not in out and "--update" in out
    code, out, _ = kcdesk("import", "proposals", workbook_b(tmp_path), "--dry-run", "--json", db=db)
    data = json.loads(out)
    assert (data["created"], data["updated"], data["unchanged"], data["imported"]) == (1, 2, 1, 0)
    p2 = next(c for c in data["changes"] if c["code"] == "KCQG-2026-02")
    assert {"sheet": "Đề án", "row": 3, "column": "Tên đề án",
            "reason": "Dây chuyền xử lý mây tre → Dây chuyền xử lý mây tre xuất khẩu"} in p2["changes"]  # fmt: skip
    code, out, _ = kcdesk("--lang", "en", "import", "proposals", workbook_b(tmp_path), "--update", db=db)
    assert code == 0 and "1 new proposals, 2 changed proposals, 1 unchanged" in out
    assert footprint(store) != before
