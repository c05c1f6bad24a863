"""The periodic report computes the ministry's indicators and prints them in Vietnamese style."""

from datetime import date

import builders as b
import openpyxl
import pytest

from kcdesk.reports.agency import agency_for
from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
from kcdesk.reports.periodic_report import periodic_tables, write_periodic_pdf
from kcdesk.reports.xlsx_tables import write_tables

pytestmark = pytest.mark.pdf_tools
JAN_APR = PeriodicQuery(date(2026, 1, 1), date(2026, 4, 30), "48")


def _plan_140bn(s):
    """Plan 140.467.000.000 đồng; 17.322.000.000 đồng paid through 30 April."""
    b.proposal(
        s,
        "KCQG-2026-01",
        level="KCQG",
        kc=60_000_000_000,
        counterpart=90_000_000_000,
        paid=[(10_000_000_000, date(2026, 2, 10), "tam_ung"), (9_999_000_000, date(2026, 5, 2), "thanh_toan")],
    )
    b.proposal(
        s,
        "KCDP-2026-02",
        kc=45_467_000_000,
        counterpart=30_000_000_000,
        activity="KC1.1",
        paid=[(5_322_000_000, date(2026, 4, 30), "tam_ung")],
    )
    b.proposal(
        s, "KCDP-2026-03", kc=35_000_000_000, activity="KC4.2", paid=[(2_000_000_000, date(2026, 3, 1), "tam_ung")]
    )
    # Not counted: a draft request, another province, another year.
    b.proposal(s, "KCDP-2026-04", kc=50_000_000_000, status="draft")
    b.proposal(s, "KCDP-2026-HN", kc=1_000_000_000, province="01", paid=[(1_000_000_000, date(2026, 3, 1), "tam_ung")])
    b.proposal(s, "KCDP-2025-09", kc=7_000_000_000, plan_year=2025)


def test_execution_rate_12_33_percent(store, tmp_path):
    store.write(_plan_140bn)
    with store.read() as s:
        fig = periodic_figures(s, JAN_APR)
        pdf = write_periodic_pdf(
            fig, agency_for(s, "48"), tmp_path / "bao-cao.pdf", scope_name="Thành phố Đà Nẵng", on=date(2026, 5, 5)
        )
    assert fig.total.plan == 140_467_000_000
    assert fig.total.disbursed == 17_322_000_000
    text = " ".join(b.pdftotext(pdf).split())
    assert "140.467.000.000 đồng" in text
    assert "17.322.000.000 đồng" in text
    assert "tỷ lệ giải ngân đạt 12,33%" in text
    assert "BÁO CÁO" in text and "Kết quả thực hiện hoạt động khuyến công từ 01/01/2026 đến 30/04/2026" in text
    assert "Khuyến công quốc gia" in text and "Khuyến công địa phương" in text
    assert "Đào tạo nghề, truyền nghề và phát triển nghề" in text  # activity KC1, from KC1.1
    b.assert_fonts_embedded(pdf)
    b.render_page(pdf, tmp_path / "p1")


def test_national_report_counts_every_province(store):
    store.write(_plan_140bn)
    with store.read() as s:
        fig = periodic_figures(s, PeriodicQuery(date(2026, 1, 1), date(2026, 4, 30)))
    assert fig.total.plan == 141_467_000_000
    assert fig.total.disbursed == 18_322_000_000


def test_counterpart_ratio_4_78(store, tmp_path):
    def build(s):
        b.proposal(s, "KCQG-2026-11", level="KCQG", kc=281_407_000_000, counterpart=1_300_000_000_000)
        b.proposal(s, "KCDP-2026-12", kc=200_000_000_000, counterpart=1_000_000_000_000)

    store.write(build)
    with store.read() as s:
        fig = periodic_figures(s, PeriodicQuery(date(2026, 1, 1), date(2026, 12, 31), "48"))
        pdf = write_periodic_pdf(fig, agency_for(s, "48"), tmp_path / "nam.pdf", scope_name="Thành phố Đà Nẵng")
    assert fig.total.plan == 481_407_000_000 and fig.total.counterpart == 2_300_000_000_000
    text = " ".join(b.pdftotext(pdf).split())
    assert "tỷ lệ vốn đối ứng đạt 4,78 đồng trên 1 đồng kinh phí khuyến công" in text
    assert "năm 2026" in text


def test_outputs_lag_and_overdue(store, tmp_path):
    def build(s):
        f = b.facility(s)
        done = b.proposal(s, "KCDP-2026-20", kc=500_000_000, counterpart=750_000_000, status="accepted")
        b.acceptance(
            s, done, beneficiary=f, accepted_on=date(2026, 3, 5), trainees=40, trainees_employed=30, fairs=1, brands=2
        )
        settled = b.proposal(
            s,
            "KCDP-2026-21",
            kc=300_000_000,
            activity="KC1.1",
            paid=[(300_000_000, date(2026, 4, 10), "quyet_toan")],
            status="settled",
        )
        b.acceptance(s, settled, accepted_on=date(2026, 3, 1), number="07/BB-TTKC")
        b.status_event(s, settled, "settled", date(2026, 4, 10))
        b.proposal(s, "KCDP-2026-22", kc=100_000_000, status="in_progress", end_date=date(2026, 3, 31))
        b.evaluation(s, settled, revenue=(1_000_000_000, 1_250_000_000), jobs=(20, 26))

    store.write(build)
    with store.read() as s:
        fig = periodic_figures(s, JAN_APR)
        pdf = write_periodic_pdf(fig, agency_for(s, "48"), tmp_path / "r.pdf", scope_name="Thành phố Đà Nẵng")
    assert fig.outputs.trainees == 40 and fig.outputs.trainees_employed == 30
    assert [c.lag_days for c in fig.settlements] == [40]
    late = {(i.code, i.what): i.days_late for i in fig.overdue}
    assert late[("KCDP-2026-22", "Quá thời hạn thực hiện, chưa nghiệm thu")] == 30
    assert late[("KCDP-2026-20", "Chậm nộp hồ sơ quyết toán sau nghiệm thu")] == 41
    assert fig.post_support.revenue_change == 0.25
    text = " ".join(b.pdftotext(pdf).split())
    assert "30 học viên có việc làm sau đào tạo (75,00%)" in text
    assert "doanh thu thay đổi 25,00%" in text
    assert "bình quân 40,0 ngày" in text
    assert "Chậm nộp hồ sơ" in text  # a table cell: pdftotext may break the line


def test_report_tables_export_with_number_formats(store, tmp_path):
    store.write(_plan_140bn)
    with store.read() as s:
        fig = periodic_figures(s, JAN_APR)
    out = write_tables(tmp_path / "bao-cao.xlsx", periodic_tables(fig))
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    assert ws["A1"].value == "Cấp"
    header = [c.value for c in ws[1]]
    plan_col = header.index("Kinh phí khuyến công kế hoạch (đồng)") + 1
    rate_col = header.index("Tỷ lệ giải ngân") + 1
    total_row = ws.max_row
    assert ws.cell(total_row, 1).value == "Tổng cộng"
    assert ws.cell(total_row, plan_col).value == 140_467_000_000
    assert ws.cell(total_row, plan_col).number_format == "#,##0"
    assert ws.cell(total_row, rate_col).number_format == "0.00%"
    assert round(ws.cell(total_row, rate_col).value, 6) == round(17_322 / 140_467, 6)
    assert len(wb.worksheets) == 6


def test_a_settlement_states_the_final_total_never_added_on_top_of_what_was_paid(store):
    def build(s):
        p = b.proposal(
            s,
            "KCDP-2026-30",
            kc=400_000_000,
            status="settled",
            paid=[
                (280_000_000, date(2026, 2, 1), "tam_ung"),
                (120_000_000, date(2026, 3, 20), "thanh_toan"),
                (390_000_000, date(2026, 4, 15), "quyet_toan"),
            ],
        )
        only_settled = b.proposal(
            s, "KCDP-2026-31", kc=100_000_000, status="settled", paid=[(90_000_000, date(2026, 4, 1), "quyet_toan")]
        )
        return p, only_settled

    store.write(build)
    with store.read() as s:
        fig = periodic_figures(s, JAN_APR)
        march = periodic_figures(s, PeriodicQuery(date(2026, 1, 1), date(2026, 3, 31), "48"))
    # 400 paid out, then settled at 390 (10 go back): the settlement is the final figure;
    # the second proposal has only its settlement. Before the settlements, what was paid.
    assert fig.total.disbursed == 390_000_000 + 90_000_000
    assert march.total.disbursed == 400_000_000
