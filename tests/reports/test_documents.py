"""Proposal dossier, plan list (Mẫu 02, landscape) and facility profile, read back from the PDF."""

import re
import subprocess
from datetime import date

import builders as b
import pytest

from kcdesk.db.models import Facility, Proposal, ProposalTask
from kcdesk.reports.agency import agency_for
from kcdesk.reports.facility_profile import write_facility_pdf
from kcdesk.reports.plan_list import PlanQuery, plan_table, write_plan_pdf
from kcdesk.reports.proposal_dossier import write_proposal_pdf
from kcdesk.reports.xlsx_tables import write_tables

pytestmark = pytest.mark.pdf_tools


def _data(s):
    f = b.facility(s)
    lines = [
        ("Máy chà nhám thùng tự động", "máy", 1, 300_000_000, 450_000_000, 0),
        ("Hội thảo trình diễn mô hình", "hội thảo", 1, 50_000_000, 0, 10_000_000),
    ]
    p = b.proposal(
        s,
        "KCDP-2026-007",
        lines=lines,
        status="approved",
        start_date=date(2026, 3, 1),
        end_date=date(2026, 10, 31),
        need_and_basis="Cơ sở sản xuất thủ công, năng suất thấp.",
        objectives="Nâng cao năng suất, chất lượng sản phẩm đồ gỗ mỹ nghệ.",
    )
    s.add(
        ProposalTask(
            proposal_id=p.id,
            task="Lắp đặt, chạy thử máy móc",
            owner="Trung tâm Khuyến công",
            start_date=date(2026, 4, 1),
            end_date=date(2026, 5, 31),
        )
    )
    from kcdesk.db.models import ProposalBeneficiary

    s.add(ProposalBeneficiary(proposal_id=p.id, facility_id=f.id))
    b.proposal(s, "KCQG-2026-001", level="KCQG", kc=2_000_000_000, counterpart=3_000_000_000, status="registered")
    s.flush()
    return p.id, f.id


def test_proposal_dossier_sections_and_budget(store, tmp_path):
    pid, _ = store.write(_data)
    with store.read() as s:
        pdf = write_proposal_pdf(s, s.get(Proposal, pid), agency_for(s, "48"), tmp_path / "de-an.pdf")
    text = " ".join(b.pdftotext(pdf).split())
    for expected in [
        "ĐỀ ÁN KHUYẾN CÔNG",
        "2. SỰ CẦN THIẾT VÀ CĂN CỨ XÂY DỰNG ĐỀ ÁN",
        "6. DỰ TOÁN KINH PHÍ",
        "Máy chà nhám thùng tự động",
        "750.000.000",
        "Tổng cộng",
        "810.000.000",
        "kinh phí khuyến công 350.000.000 đồng, vốn đối ứng 450.000.000 đồng, nguồn khác 10.000.000 đồng",
        "Lắp đặt, chạy thử máy móc",
        "Cơ sở Mộc mỹ nghệ Đồng Tiến",
    ]:
        assert expected in text, expected
    b.assert_fonts_embedded(pdf)
    b.render_page(pdf, tmp_path / "p1")


def test_plan_list_is_landscape_with_mau_02_columns(store, tmp_path):
    store.write(_data)
    with store.read() as s:
        pdf = write_plan_pdf(s, PlanQuery(2026, province_code="48"), agency_for(s, "48"), tmp_path / "mau02.pdf")
        table = plan_table(s, PlanQuery(2026, level="KCDP"))
    text = " ".join(b.pdftotext(pdf).split())
    for expected in [
        "BIỂU TỔNG HỢP CHI TIẾT",
        "Tên đề án",
        "Đơn vị thụ hưởng",
        "Hỗ trợ ứng dụng máy móc",  # the title column wraps; where depends on the font
        "5.000.000.000",
        "810.000.000",
    ]:
        assert expected in text, expected
    # A wrapped column title, read down its cell (pdftotext reads across the header row).
    assert re.search(r"Kinh phí.{0,300}khuyến công.{0,300}đề nghị \(đồng\)", b.pdftotext(pdf, layout=True), re.S)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    width, height = [float(v) for v in info.split("Page size:")[1].split("pts")[0].split("x")]
    assert width > height  # landscape
    b.assert_fonts_embedded(pdf)
    assert len(table.rows) == 1 and table.total[8] == 350_000_000  # KCĐP only; the KCQG one is left out
    write_tables(tmp_path / "mau02.xlsx", [table])


def test_facility_profile(store, tmp_path):
    _, fid = store.write(_data)
    with store.read() as s:
        pdf = write_facility_pdf(s, s.get(Facility, fid), agency_for(s, "48"), tmp_path / "co-so.pdf")
    text = " ".join(b.pdftotext(pdf).split())
    for expected in [
        "Cơ sở Mộc mỹ nghệ Đồng Tiến",
        "Hộ kinh doanh",
        "0401234567",
        "Phường Hải Châu",
        "3.450.000.000 đồng",
        "KCDP-2026-007",
        "350.000.000",
    ]:
        assert expected in text, expected
    b.assert_fonts_embedded(pdf)
