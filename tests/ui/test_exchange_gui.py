"""Documents and Excel from the window: the import dialog's dry run (a messy sheet shows
every problem by row and column and writes nothing; a valid sheet imports after
confirmation and the register shows it) and a document action in its record's editor
(the acceptance record as a PDF, read back with pdftotext)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from kcdesk.db.models import Acceptance, Facility
from tests.exchange import sheets
from tests.ui.conftest import wait_job


def _answer_next_question(button: QMessageBox.StandardButton) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        box.button(button).click()

    QTimer.singleShot(0, answer)


def _facilities(window: Any) -> int:
    with window.ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Facility)) or 0)


def _messy(folder: Path) -> Path:
    rows = [
        [
            sheets.nfd("  Cơ sở Mộc Đồng Tiến "),
            sheets.nfd("Hộ kinh doanh"),
            "0401234567",
            "Nguyễn Văn Đức",
            "0905 123 456",
            "12 Lê Duẩn",
            sheets.nfd("Phường Hải Châu"),
            "TP. Đà Nẵng",
            "E",
            25,
            "1.250.000.000",
        ],
        [],
        sheets.good_row(2, tax="0401234567"),  # duplicate tax code (row 5)
        sheets.good_row(3, tax="12345"),  # bad tax code (row 6)
        sheets.good_row(4, ward="Phường Không Có"),  # unknown ward (row 7)
    ]
    return sheets.workbook(folder / "messy.xlsx", rows, title_row="DANH SÁCH CƠ SỞ")


def test_a_messy_sheet_shows_its_problems_and_writes_nothing(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = window.page("reports").open_import("facilities")
    dialog.set_file(_messy(tmp_path))
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.check_button.click()
    problems = dialog.problem_rows()
    assert {(r, c) for r, c, _ in problems} >= {("5", "Mã số thuế"), ("6", "Mã số thuế"), ("7", "Xã/Phường/Đặc khu")}
    reasons = {r: why for r, c, why in problems if c != "Tên cơ sở"}
    assert "trùng với dòng 3" in reasons["5"] and "Phường Không Có" in reasons["7"]
    assert "3 dòng có lỗi" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()  # all or nothing: with problems, nothing to import
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()  # …unless asked to take the valid rows only
    _answer_next_question(QMessageBox.StandardButton.No)
    assert dialog.run() is None
    assert _facilities(window) == 0
    dialog.close()


def test_a_valid_sheet_imports_after_confirmation_and_the_register_shows_it(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = window.page("facilities")
    dialog = window.page("reports").open_import("facilities")
    dialog.set_file(sheets.workbook(tmp_path / "tot.xlsx", [sheets.good_row(n) for n in range(1, 4)]))
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.check_button.click()
    assert [r for r in dialog.problem_rows() if r[0] and r[1] == "Mã số thuế"] == []
    assert dialog.import_button.isEnabled()
    _answer_next_question(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    assert dialog.outcome.imported == 3 and "Đã nhập 3 dòng" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()  # never twice
    qtbot.waitUntil(lambda: register.model.total == 3, timeout=10_000)
    assert _facilities(window) == 3
    dialog.close()


def test_a_proposal_workbook_shows_its_changes_before_they_are_written(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Re-importing a proposal workbook: the check lists, per proposal, what would change
    (the Thay đổi tab), nothing is written until the confirmed import; the same file
    again has nothing left to import."""
    from kcdesk.exchange.proposal_import import import_proposals
    from kcdesk.services.proposals import find_proposal
    from tests.exchange.proposal_book import book, footprint
    from tests.exchange.proposal_cases import (
        LINES,
        LINES_B,
        MONEY,
        MONEY_B,
        P1,
        P2,
        P2_B,
        P3,
        P3_B,
        P4,
        with_facilities,
    )

    store = window.ctx.store
    with_facilities(store, tmp_path)
    import_proposals(store, book(tmp_path / "a.xlsx", [P1, P2, P3], LINES, MONEY))
    before = footprint(store)
    changed = book(tmp_path / "b.xlsx", [P1, P2_B, P3_B, P4], LINES_B, MONEY_B)
    dialog = window.page("reports").open_import("proposals")
    dialog.set_file(changed)
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    assert footprint(store) == before
    assert dialog.tabs.tabText(1) == "Thay đổi (3)"
    rows = dialog.change_rows()
    assert ("KCQG-2026-02", "", "Đề án KCQG-2026-02 (dòng 3) thay đổi:") in rows
    assert ("", "Dự toán, dòng 4, Kinh phí khuyến công (đồng)", "dòng dự toán 1: 300.000.000 → 320.000.000") in rows
    assert ("KCDP-2026-04", "", "Đề án mới KCDP-2026-04 (dòng 5)") in rows
    assert not any(code == "KCDP-2026-01" for code, _, _ in rows)  # unchanged: not listed
    assert dialog.import_button.isEnabled()
    _answer_next_question(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.import_button.click()
    assert (dialog.outcome.created, dialog.outcome.updated) == (1, 2)
    with store.read() as s:
        assert find_proposal(s, "KCQG-2026-02").status == "settled"
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    assert dialog.outcome.unchanged == 4 and dialog.change_rows() == []
    assert not dialog.import_button.isEnabled()  # nothing left to write
    dialog.close()


@pytest.mark.pdf_tools
def test_the_acceptance_record_is_printed_from_its_editor(demo_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_window.ctx.store.read() as s:
        acceptance_id = s.scalars(select(Acceptance.id).where(Acceptance.signed_at.is_not(None)).limit(1)).one()
    editor = demo_window.open_acceptance(acceptance_id)
    qtbot.waitUntil(lambda: editor.acceptance_id is not None and editor.document.isEnabled(), timeout=10_000)
    out = tmp_path / "bien-ban.pdf"
    with qtbot.waitSignal(editor.document.made, timeout=60_000):
        job = editor.document.make_to("pdf", out)
    wait_job(qtbot, job)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "BIÊN BẢN" in text and "Nghiệm thu cơ sở đề án khuyến công" in " ".join(text.split())
    saved = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "documentSavedBox" and w.isVisible())
    assert str(out) in saved.text()
    saved.close()
