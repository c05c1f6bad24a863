"""The command line: import, export, templates and reports, errors in Vietnamese, nothing changed."""

import json
import subprocess
import sys

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
