"""`kcdesk privacy ...` as a user drives it, and the access trail written by the commands
that show or hand out people's data (issue 13, parts 3 and 5)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import run_cli

NAME, PHONE = "Nguyễn Thị Hoa", "0912345678"


def _setup(tmp_path: Path, role: str) -> Path:
    db = tmp_path / "x.db"
    assert run_cli("init", "--province", "48", "--user", "Lê Văn Lãnh Đạo", "--role", role, db=db).code == 0
    made = run_cli(
        "facility", "add", "--name", "Hộ kinh doanh bánh tráng Hoa", "--type", "hkd", "--ward", "20194",
        "--representative", NAME, "--phone", PHONE, "--tax-code", "048190005678", "--json", db=db,
    )  # fmt: skip
    assert made.code == 0, made.err
    return db


def test_find_report_erase_trail_and_restore_on_the_command_line(tmp_path: Path) -> None:
    db = _setup(tmp_path, "centre_leader")
    found = run_cli("privacy", "find", "nguyen thi hoa", "--json", db=db)
    assert found.code == 0, found.err
    records = found.json()["records"]
    assert [r["table"] for r in records] == ["facility"] and records[0]["values"]["phone"] == PHONE

    pdf, js = tmp_path / "bao-cao.pdf", tmp_path / "bao-cao.json"
    assert run_cli("privacy", "report", PHONE, "--out", str(pdf), db=db).code == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert NAME in text and "Hộ kinh doanh bánh tráng Hoa" in text
    assert run_cli("privacy", "report", PHONE, "--out", str(js), db=db).code == 0
    assert json.loads(js.read_text(encoding="utf-8"))["records"][0]["values"]["representative"] == NAME
    wrong = run_cli("privacy", "report", PHONE, "--out", str(tmp_path / "x.txt"), db=db)
    assert wrong.code == 1 and ".pdf hoặc .json" in wrong.err

    backup = tmp_path / "truoc.db"
    assert run_cli("backup", "--out", str(backup), db=db).code == 0
    dry = run_cli("privacy", "erase", NAME, "--reason", "Đơn ngày 01/12/2026", "--dry-run", "--json", db=db)
    assert dry.code == 0 and dry.json()["dry_run"] is True and dry.json()["erasure_id"] is None
    assert run_cli("facility", "list", "--json", db=db).json()["items"][0]["phone"] == PHONE
    erased = run_cli("privacy", "erase", NAME, "--reason", "Đơn ngày 01/12/2026", db=db)
    assert erased.code == 0, erased.err
    assert "Đã xóa dữ liệu ở 1 hồ sơ" in erased.out
    row = run_cli("facility", "list", "--json", db=db).json()["items"][0]
    assert row["phone"] is None and row["representative"] is None and row["tax_code"] is None

    assert run_cli("report", "facility", row["id"], "--out", str(tmp_path / "ho-so.pdf"), db=db).code == 0
    assert run_cli("export", "facilities", str(tmp_path / "so.xlsx"), db=db).code == 0
    trail = run_cli("privacy", "trail", "--json", db=db).json()
    actions = [(r["action"], r["table"], r["row_id"]) for r in trail]
    assert ("print", "facility", row["id"]) in actions and ("export", "facility", "*") in actions
    assert {"report", "export", "erase"} <= {a for a, _, _ in actions}

    restored = run_cli("restore", str(backup), db=db)
    assert restored.code == 0, restored.err
    assert "Bản sao lưu có dữ liệu cá nhân đã bị xóa theo yêu cầu" in restored.err
    again = run_cli("facility", "list", "--json", db=db).json()["items"][0]
    assert again["phone"] is None and again["representative"] is None


def test_the_trail_and_erasure_are_refused_to_staff_in_words(tmp_path: Path) -> None:
    db = _setup(tmp_path, "centre_staff")
    refused = run_cli("privacy", "trail", db=db)
    assert refused.code != 0 and "Chỉ Lãnh đạo Trung tâm hoặc Quản trị hệ thống" in refused.err
    english = run_cli("--lang", "en", "privacy", "erase", NAME, "--reason", "x", db=db)
    assert english.code != 0 and "Only the centre leader or the administrator may erase personal data" in english.err
    assert run_cli("facility", "list", "--json", db=db).json()["items"][0]["phone"] == PHONE
