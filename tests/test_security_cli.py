"""`kcdesk security`: status, the printed recovery key (one page, the new key on it, the old
one no longer opening the data), and encrypt on a plain database."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from kcdesk.db import sqlfile
from kcdesk.security.recovery import format_key, new_recovery_key
from kcdesk.security.unlock import unlock_with_recovery_key
from tests.conftest import require_pdf_tools, run_cli


@pytest.mark.plain_storage
def test_status_recovery_pdf_and_encrypt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_pdf_tools()
    db = tmp_path / "x.db"
    assert run_cli("init", db=db).code == 0
    plain = run_cli("security", "status", "--json", db=db)
    assert plain.code == 0 and plain.json()["encrypted"] is False
    first = format_key(new_recovery_key())
    monkeypatch.setenv("KCDESK_RECOVERY_KEY", first)
    encrypted = run_cli("security", "encrypt", db=db)
    assert encrypted.code == 0, encrypted.err
    assert "Đã sao lưu (mã hóa)" in encrypted.out and "Bảng facility" not in encrypted.err
    status = run_cli("security", "status", "--json", db=db).json()
    assert status["encrypted"] is True and [s["type"] for s in status["slots"]] == ["recovery"]

    pdf = tmp_path / "khoa.pdf"
    printed = run_cli("security", "recovery-pdf", "--out", str(pdf), db=db)
    assert printed.code == 0, printed.err
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.MULTILINE)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    keys = re.findall(r"(?:[A-Z2-7]{5}-){7}[A-Z2-7]{5}", text.replace(" ", ""))
    assert len(keys) == 1 and keys[0] != first and "KHÓA DỰ PHÒNG" in text.upper()
    with pytest.raises(sqlfile.EncryptedStoreError):
        unlock_with_recovery_key(db, first)  # the old sheet stops working
    unlock_with_recovery_key(db, keys[0])
    sqlfile.forget_key(db)
