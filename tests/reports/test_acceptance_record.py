"""The acceptance record prints as a Vietnamese official document, read back from the PDF."""

import unicodedata

import builders as b
import pytest

from kcdesk.db.models import Acceptance
from kcdesk.reports.acceptance_record import write_acceptance_pdf
from kcdesk.reports.agency import agency_for

pytestmark = pytest.mark.pdf_tools


def _make(store, **kw):
    def build(s):
        f = b.facility(s)
        p = b.proposal(
            s,
            "KCDP-2026-007",
            kc=500_000_000,
            counterpart=750_000_000,
            title="Hỗ trợ ứng dụng máy chà nhám thùng tự động trong sản xuất đồ gỗ mỹ nghệ",
        )
        return b.acceptance(s, p, beneficiary=f, **kw).id

    return store.write(build)


def _pdf(store, acceptance_id, out):
    with store.read() as s:
        return write_acceptance_pdf(s, s.get(Acceptance, acceptance_id), agency_for(s, "48"), out)


def test_acceptance_record_reads_back_exact_vietnamese(store, tmp_path):
    pdf = _pdf(store, _make(store), tmp_path / "bien-ban.pdf")
    text = unicodedata.normalize("NFC", b.pdftotext(pdf))
    flat = " ".join(text.split())
    for expected in [
        "SỞ CÔNG THƯƠNG THÀNH PHỐ",
        "TRUNG TÂM KHUYẾN CÔNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/BB-TTKC",
        "Đà Nẵng, ngày 05 tháng 3 năm 2026",
        "BIÊN BẢN",
        "Nghiệm thu cơ sở đề án khuyến công",
        "Căn cứ Hợp đồng thực hiện đề án khuyến công số 18/2026/HĐ-KC.",
        "Trần Thị Hồng Nhung",
        "Phạm Thị Ngọc Ánh",
        "Máy chà nhám thùng tự động",
        "1.250.000.000",
        "498.500.000",
        "Vốn đối ứng đơn vị thụ hưởng đã đầu tư thực tế",
        "Kết luận: Đạt",
        "ĐẠI DIỆN ĐƠN VỊ THỤ HƯỞNG",
        "Nguyễn Văn Đức",
        "Cơ sở Mộc mỹ nghệ Đồng Tiến",
    ]:
        assert expected in flat, f"{expected!r} missing from the PDF text"
    assert "DỰ THẢO" not in flat  # signed
    b.assert_fonts_embedded(pdf)
    assert b.render_page(pdf, tmp_path / "page1").exists()


def test_page_numbers_start_on_page_two(store, tmp_path):
    pdf = _pdf(store, _make(store), tmp_path / "bb.pdf")
    pages = b.pdftotext(pdf).split("\f")
    assert b.page_count(pdf) >= 2
    assert pages[0].lstrip().startswith("SỞ CÔNG THƯƠNG")  # no number above the header
    assert pages[1].lstrip().startswith("2")


def test_unsigned_record_is_marked_draft(store, tmp_path):
    pdf = _pdf(store, _make(store, signed=False), tmp_path / "draft.pdf")
    assert "DỰ THẢO" in b.pdftotext(pdf)


def test_text_typed_decomposed_prints_composed(store, tmp_path):
    nfd = unicodedata.normalize("NFD", "Hội thảo đánh giá hiệu quả mô hình")
    pdf = _pdf(store, _make(store, assessment=nfd), tmp_path / "nfd.pdf")
    assert "Hội thảo đánh giá hiệu quả mô hình" in " ".join(b.pdftotext(pdf).split())
