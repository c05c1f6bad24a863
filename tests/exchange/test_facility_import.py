"""Importing the facility register from real .xlsx files, messy and hostile ones included."""

from pathlib import Path

import openpyxl
import pytest
import sheets as x
from sqlalchemy import func, select

from kcdesk.db.models import Facility, OutboxEntry
from kcdesk.exchange.facility_import import import_facilities
from kcdesk.exchange.registers import export_facilities
from kcdesk.exchange.sheets_out import write_template
from kcdesk.exchange.workbook import WorkbookError


def _count(store) -> tuple[int, int]:
    with store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Facility)),
            s.scalar(select(func.count()).select_from(OutboxEntry)),
        )


def _messy(tmp_path: Path) -> Path:
    rows = [
        # NFD text, stray spaces, money as text with dots: valid (row 3)
        [
            x.nfd("  Cơ sở Mộc Đồng Tiến "),
            x.nfd("Hộ kinh doanh"),
            "0401234567",
            x.nfd("Nguyễn Văn Đức"),
            "0905 123 456",
            "12 Lê Duẩn",
            x.nfd("Phường Hải Châu"),
            "TP. Đà Nẵng",
            "E",
            25,
            "1.250.000.000",
        ],
        [],  # a blank row (row 4) is skipped
        x.good_row(2, tax="0401234567"),  # duplicate tax code in the file (row 5)
        x.good_row(3, tax="12345"),  # bad tax code (row 6)
        x.good_row(4, ward="Phường Không Có"),  # unknown ward (row 7)
        x.good_row(5, revenue="1,5 tỷ"),  # money that is not a number (row 8)
        x.good_row(6, ward="Hải Vân", province="đà nẵng", revenue=3_000_000_000.0),  # valid (row 9)
    ]
    return x.workbook(tmp_path / "messy.xlsx", rows, title_row="DANH SÁCH CƠ SỞ CÔNG NGHIỆP NÔNG THÔN")


def test_dry_run_lists_every_problem_by_row_and_column(store, tmp_path):
    outcome = import_facilities(store, _messy(tmp_path), dry_run=True)
    found = {(p.row, p.column) for p in outcome.problems}
    assert found == {(5, "Mã số thuế"), (6, "Mã số thuế"), (7, "Xã/Phường/Đặc khu"), (8, "Doanh thu năm trước (đồng)")}
    reasons = {p.row: p.message.text("vi") for p in outcome.problems}
    assert "trùng với dòng 3" in reasons[5]
    assert "không đúng" in reasons[6]
    assert "Phường Không Có" in reasons[7]
    assert outcome.rows == 6 and outcome.blank_rows == 1 and outcome.valid_rows == 2
    # trimming and the standard phone form are reported, not done silently
    notes = {(n.row, n.column) for n in outcome.notes}
    assert (3, "Tên cơ sở") in notes and (3, "Điện thoại") in notes
    assert _count(store) == (0, 0)


def test_all_or_nothing_imports_nothing(store, tmp_path):
    outcome = import_facilities(store, _messy(tmp_path))
    assert outcome.refused and outcome.imported == 0
    assert _count(store) == (0, 0)


def test_skip_invalid_imports_only_the_valid_rows(store, tmp_path):
    outcome = import_facilities(store, _messy(tmp_path), skip_invalid=True)
    assert outcome.imported == 2
    with store.read() as s:
        facilities = {f.name: f for f in s.scalars(select(Facility))}
    first = facilities["Cơ sở Mộc Đồng Tiến"]  # NFC, trimmed
    assert first.representative == "Nguyễn Văn Đức"
    assert first.revenue_prev_year == 1_250_000_000
    assert first.phone == "0905123456" and first.ward_code == "20242" and first.province_code == "48"
    assert facilities["Cơ sở Mộc mỹ nghệ số 6"].ward_code == "20194"  # "Hải Vân" in "đà nẵng"
    assert _count(store)[1] >= 2  # captured for sync like any other insert


def test_duplicates_against_the_register(store, tmp_path):
    import_facilities(store, x.workbook(tmp_path / "a.xlsx", [x.good_row(1)]))
    outcome = import_facilities(store, x.workbook(tmp_path / "b.xlsx", [x.good_row(1), x.good_row(2)]), dry_run=True)
    assert [(p.row, p.column) for p in outcome.problems] == [(2, "Mã số thuế")]
    assert "đã có trong sổ cơ sở" in outcome.problems[0].message.text("vi")


def test_headers_tolerate_case_marks_spacing_and_abbreviations(store, tmp_path):
    headers = [
        "TEN CO SO",
        "loại  hình",
        "MST",
        "Đại diện",
        "SĐT",
        "địa chỉ",
        "xa/phuong",
        "TỈNH",
        "ngành nghề",
        "Số LĐ",
        "DOANH THU NĂM TRƯỚC",
    ]
    outcome = import_facilities(store, x.workbook(tmp_path / "h.xlsx", [x.good_row(1)], headers=headers))
    assert outcome.imported == 1 and not outcome.problems
    headers[4] = "ĐT"
    outcome = import_facilities(store, x.workbook(tmp_path / "h2.xlsx", [x.good_row(2)], headers=headers))
    assert outcome.imported == 1


def test_legacy_units_are_mapped_when_certain_and_the_old_address_kept(store, tmp_path):
    rows = [
        x.good_row(1, ward="Phường Thạch Thang"),  # a Đà Nẵng ward merged whole into Phường Hải Châu
        x.good_row(2, ward="Xã Điện Thắng Trung", province="Tỉnh Quảng Nam"),  # a province merged away
    ]
    outcome = import_facilities(store, x.workbook(tmp_path / "old.xlsx", rows))
    assert outcome.imported == 2 and not outcome.problems
    with store.read() as s:
        by_name = {f.name: f for f in s.scalars(select(Facility))}
    first = by_name["Cơ sở Mộc mỹ nghệ số 1"]
    assert (first.province_code, first.ward_code) == ("48", "20242")
    assert (
        first.legacy_ward_code == "20233" and first.legacy_address == "1 Lê Duẩn, Phường Thạch Thang, Thành phố Đà Nẵng"
    )
    second = by_name["Cơ sở Mộc mỹ nghệ số 2"]
    assert second.province_code == "48" and second.legacy_province_code == "49"
    assert second.legacy_address == "2 Lê Duẩn, Xã Điện Thắng Trung, Tỉnh Quảng Nam"
    assert any("tỉnh/thành phố trước 01/7/2025" in n.message.text("vi") for n in outcome.notes)


def test_export_then_import_round_trips_the_register(store, tmp_path, _template_db):
    import shutil

    from kcdesk.db.store import Store

    rows = [x.good_row(n) for n in range(1, 6)] + [x.good_row(9, ward="Phường Thạch Thang", revenue=None)]
    import_facilities(store, x.workbook(tmp_path / "in.xlsx", rows))
    exported = tmp_path / "so-co-so.xlsx"
    assert export_facilities(store, exported) == 6
    other_path = tmp_path / "other.db"
    shutil.copy(_template_db, other_path)
    with Store.open(other_path) as other:
        outcome = import_facilities(other, exported)
        assert outcome.imported == 6 and not outcome.problems
        assert _register(other) == _register(store)


def _register(store):
    skip = {"id", "created_at", "updated_at", "row_version", "deleted_at"}
    with store.read() as s:
        rows = s.scalars(select(Facility).order_by(Facility.tax_code)).all()
        return [{k: v for k, v in vars(f).items() if not k.startswith("_") and k not in skip} for f in rows]


def test_template_has_the_vietnamese_headers(tmp_path):
    path = write_template(tmp_path / "mau.xlsx", "facilities")
    header = [c.value for c in openpyxl.load_workbook(path).worksheets[0][1]]
    for title in [
        "Tên cơ sở (*)",
        "Loại hình (*)",
        "Mã số thuế",
        "Người đại diện",
        "Điện thoại",
        "Địa chỉ",
        "Xã/Phường/Đặc khu (*)",
        "Tỉnh/Thành phố (*)",
        "Ngành nghề",
        "Số lao động",
        "Doanh thu năm trước (đồng)",
    ]:
        assert title in header


# -- hostile and broken files ------------------------------------------------------------------


def test_renamed_pdf_is_refused(store, tmp_path):
    fake = tmp_path / "danh-sach.xlsx"
    fake.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    with pytest.raises(WorkbookError) as err:
        import_facilities(store, fake)
    assert "PDF" in err.value.text("vi") and "đổi đuôi" in err.value.text("vi")
    assert _count(store) == (0, 0)


def test_truncated_file_is_refused(store, tmp_path):
    good = x.workbook(tmp_path / "good.xlsx", [x.good_row(n) for n in range(50)])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(WorkbookError) as err:
        import_facilities(store, cut)
    assert "không trọn vẹn" in err.value.text("vi")
    assert _count(store) == (0, 0)


def test_xml_bomb_is_refused_by_defusedxml(store, tmp_path):
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML  # openpyxl found defusedxml and parses through it
    good = x.workbook(tmp_path / "good.xlsx", [x.good_row(1)])
    bomb = x.replace_part(good, tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", x.BILLION_LAUGHS)
    with pytest.raises(WorkbookError) as err:
        import_facilities(store, bomb)
    assert "bom XML" in err.value.text("vi")
    assert _count(store) == (0, 0)


def test_sheet_over_the_row_limit_is_refused_while_streaming(store, tmp_path, monkeypatch):
    from kcdesk.exchange import workbook

    monkeypatch.setattr(workbook, "MAX_ROWS", 20_000)  # the same code path as 100.000, five times quicker
    good = x.workbook(tmp_path / "good.xlsx", [x.good_row(1)])
    huge = x.huge_sheet(good, tmp_path / "million.xlsx", rows=1_000_000)
    with pytest.raises(WorkbookError) as err:
        import_facilities(store, huge)
    assert "hơn 20.000 dòng" in err.value.text("vi")
    assert _count(store) == (0, 0)


def test_word_document_renamed_is_refused(store, tmp_path):
    import zipfile

    doc = tmp_path / "bao-cao.xlsx"
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(WorkbookError) as err:
        import_facilities(store, doc)
    assert "Word" in err.value.text("vi")
