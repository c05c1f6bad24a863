"""The documents and exports the window makes (kcdesk.services.documents): the same report
and exchange functions as `kcdesk report` and `kcdesk export`, read through the store, as
.xlsx or PDF by the file's extension; a cancelled one stops and leaves no file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kcdesk.db.store import Store
from kcdesk.progress import Cancelled, Progress
from kcdesk.services import documents, facilities
from tests.followup import accept, new_proposal, walk

FACILITY = {"name": "Cơ sở gốm Thanh Hà", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}


def _texts(path: Path) -> str:
    wb = load_workbook(path, read_only=True)
    return " ".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)


def test_file_part_keeps_names_windows_accepts() -> None:
    assert documents.file_part("07/BB-TTKC: Hòa Vang") == "07-BB-TTKC-Hòa-Vang"
    assert documents.file_part(None) == documents.file_part("..") == "ho-so"
    assert len(documents.file_part("x" * 200)) == 60


def test_record_documents_as_tables(store: Store, tmp_path: Path) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    pid = new_proposal(store, beneficiary=fid)
    walk(store, pid, "KCDP", "in_progress")
    aid = accept(store, pid)
    made = [
        documents.facility_profile(store, fid, tmp_path / "co-so.xlsx", Progress()),
        documents.proposal_dossier(store, pid, tmp_path / "de-an.xlsx", Progress()),
        documents.acceptance_record(store, aid, tmp_path / "bien-ban.xlsx", Progress()),
        documents.plan_list(store, 2026, None, tmp_path / "mau-02.xlsx", Progress()),
        documents.export_register(store, "facilities", tmp_path / "so-co-so.xlsx", Progress()),
        documents.import_template("facilities", tmp_path / "mau-nhap.xlsx", Progress()),
    ]
    assert all(p.is_file() for p in made)
    assert "Cơ sở gốm Thanh Hà" in _texts(made[0]) and "Cơ sở gốm Thanh Hà" in _texts(made[4])
    assert "Máy sấy hải sản" in _texts(made[1])
    assert "Kinh phí khuyến công được nghiệm thu 200000000" in _texts(made[2])
    assert "Hỗ trợ máy chế biến hải sản khô" in _texts(made[3])


def test_a_record_document_as_pdf(store: Store, tmp_path: Path) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    out = documents.facility_profile(store, fid, tmp_path / "co-so.pdf", Progress())
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Cơ sở gốm Thanh Hà" in text


def test_a_cancelled_document_leaves_no_file(store: Store, tmp_path: Path) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    progress = Progress()
    progress.cancel()
    for make in (
        lambda out: documents.facility_profile(store, fid, out.with_suffix(".pdf"), progress),
        lambda out: documents.import_template("facilities", out, progress),
    ):
        folder = tmp_path / "out"
        folder.mkdir(exist_ok=True)
        with pytest.raises(Cancelled):
            make(folder / "huy.xlsx")
        assert list(folder.iterdir()) == []


def test_the_command_line_makes_the_same_documents_with_its_agency_names(store: Store, tmp_path: Path) -> None:
    """`kcdesk report facility|plan` go through these functions, with --agency over the setting."""
    from tests.conftest import run_cli

    store.write(lambda s: facilities.create_facility(s, {**FACILITY, "tax_code": "0401234567"}))
    out = tmp_path / "co-so.pdf"
    result = run_cli(
        "report", "facility", "0401234567", "--agency", "Trung tâm Thử Nghiệm", "--out", str(out), db=store.path
    )
    assert result.code == 0, result.err
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Cơ sở gốm Thanh Hà" in text and "THỬ NGHIỆM" in text.upper()
    table = tmp_path / "mau-02.xlsx"
    assert run_cli("report", "plan", "--year", "2026", "--out", str(table), db=store.path).code == 0
    assert table.is_file()
