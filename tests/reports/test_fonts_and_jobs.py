"""Fonts found and embedded on every machine; long jobs cancel cleanly; no Qt in the headless parts."""

import subprocess
import sys
from datetime import date

import builders as b
import pytest

from kcdesk.progress import Cancelled, Progress
from kcdesk.reports import fonts
from kcdesk.reports.document import Agency, OfficialDocument
from kcdesk.reports.tabular import Column, TableData

AGENCY = Agency("Sở Công Thương Thành phố Đà Nẵng", "Trung tâm Khuyến công", "Đà Nẵng")
TEXT = "Nghiệm thu mô hình trình diễn kỹ thuật: ĐỒNG TIẾN, Đắk Lắk, Buôn Ma Thuột, Thừa Thiên Huế"


def _available():
    found = []
    for name in fonts.CANDIDATES:
        try:
            fonts.find_family(name)
            found.append(name)
        except fonts.FontMissingError:
            pass
    return found


def test_the_bundled_fallback_is_always_there():
    # fontpkg-crimson-text is a dependency, so a PDF can be made even without system fonts.
    family = fonts.find_family("Crimson Text")
    assert set(family.files) == {"regular", "bold", "italic", "bolditalic"}
    assert all(fonts.covers_vietnamese(p) for p in family.files.values())


@pytest.mark.pdf_tools
@pytest.mark.parametrize("family", _available())
def test_each_usable_family_prints_vietnamese_embedded(family, tmp_path):
    try:
        doc = OfficialDocument(title="Thử phông", font=family)
        doc.header(AGENCY, "01/BB-TTKC", date(2026, 1, 5))
        doc.doc_title("Biên bản", TEXT)
        doc.paragraph(f"<b>{TEXT}</b> <i>{TEXT}</i> <b><i>{TEXT}</i></b>", rich=True)
        pdf = doc.build(tmp_path / "font.pdf")
        text = " ".join(b.pdftotext(pdf).split())
        assert TEXT in text and "Đà Nẵng, ngày 05 tháng 01 năm 2026" in text
        names = [r["name"] for r in b.pdffonts(pdf)]
        assert len(names) == 4  # regular, bold, italic and bold italic: real styles, not one faked face
        b.assert_fonts_embedded(pdf)
    finally:
        fonts.register()  # back to the preferred family for the other tests


def test_missing_font_says_what_to_install():
    with pytest.raises(fonts.FontMissingError) as err:
        fonts.find_family("Không có phông này")
    message = err.value.text("vi")
    assert "fonts-liberation2" in message and "fontpkg-crimson-text" in message and "Times New Roman" in message


def test_cancelled_report_leaves_no_file(tmp_path):
    rows = [[i, f"Đề án số {i}", i * 1000] for i in range(3000)]
    data = TableData("Bảng dài", [Column("STT", "int"), Column("Tên", width=4), Column("Tiền", "money")], rows)
    calls = []

    def cancel_on_the_fifth_step(done, total, what):
        calls.append(done)
        if len(calls) == 5:
            progress.cancel()

    progress = Progress(cancel_on_the_fifth_step)
    doc = OfficialDocument(title="Dài")
    doc.table(data)
    with pytest.raises(Cancelled):
        doc.build(tmp_path / "dai.pdf", progress)
    assert list(tmp_path.iterdir()) == []


def test_long_tables_are_built_in_chunks(tmp_path):
    from kcdesk.reports.pdf_tables import CHUNK, TableRenderer

    rows = [[i, f"Đề án {i}", i] for i in range(2 * CHUNK + 7)]
    columns = [Column("STT", "int"), Column("Tên", width=4), Column("Tiền", "money")]
    data = TableData("Dài", columns, rows, [None, "Tổng", 0])
    tables = list(TableRenderer(data, 400).flowables())
    assert [len(t._cellvalues) - 1 for t in tables] == [CHUNK, CHUNK, 8]  # header repeated; total on the last


def test_reports_and_exchange_never_import_qt():
    code = (
        "import sys, kcdesk.reports.periodic_report, kcdesk.reports.acceptance_record, kcdesk.reports.plan_list, "
        "kcdesk.reports.proposal_dossier, kcdesk.reports.facility_profile, kcdesk.exchange.facility_import, "
        "kcdesk.exchange.proposal_import, kcdesk.exchange.registers, kcdesk.cli.cmd_reports, "
        "kcdesk.cli.cmd_exchange; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'kcdesk.ui'))]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
