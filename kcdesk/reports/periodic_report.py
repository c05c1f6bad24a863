"""The periodic report (6-month, annual or any range; one province or national).

`periodic_tables` turns the figures into the report's tables, which go both into the PDF
and, unchanged, into the workbook; `periodic_document` lays out the PDF around them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from kcdesk.domain.vnformat import day
from kcdesk.progress import Progress, ensure
from kcdesk.reports.agency import default_receivers
from kcdesk.reports.charts import grouped_bars
from kcdesk.reports.document import Agency, OfficialDocument, Signature, number_blank
from kcdesk.reports.periodic_data import Funds, PeriodicFigures
from kcdesk.reports.periodic_text import (
    outputs_sentence,
    overdue_sentence,
    post_support_sentence,
    settlement_sentence,
    summary_sentences,
)
from kcdesk.reports.tabular import Column, TableData

BILLION = 1_000_000_000


def _funds_columns(first: list[Column]) -> list[Column]:
    return [
        *first,
        Column("Số đề án", "int", 0.8),
        Column("Kinh phí khuyến công kế hoạch (đồng)", "money", 1.9),
        Column("Đã giải ngân (đồng)", "money", 1.9),
        Column("Tỷ lệ giải ngân", "percent", 1.1),
        Column("Vốn đối ứng (đồng)", "money", 1.9),
        Column("Nguồn khác (đồng)", "money", 1.6),
        Column("Đối ứng trên 1 đồng khuyến công", "ratio", 1.2),
    ]


def _funds_values(f: Funds) -> list[object]:
    return [f.proposals, f.plan, f.disbursed, f.execution_rate, f.counterpart, f.other, f.counterpart_ratio]


def periodic_tables(fig: PeriodicFigures) -> list[TableData]:
    level = TableData(
        "Biểu 1. Kế hoạch và thực hiện kinh phí theo cấp",
        _funds_columns([Column("Cấp", width=2.2)]),
        [[f.label, *_funds_values(f)] for f in fig.by_level],
        ["Tổng cộng", *_funds_values(fig.total)],
    )
    activity = TableData(
        "Biểu 2. Kế hoạch và thực hiện kinh phí theo nội dung hoạt động",
        _funds_columns([Column("Mã", width=0.7), Column("Nội dung hoạt động", width=3.0)]),
        [[f.key, f.label, *_funds_values(f)] for f in fig.by_activity],
        ["", "Tổng cộng", *_funds_values(fig.total)],
    )
    o = fig.outputs
    outputs = TableData(
        "Biểu 3. Kết quả đầu ra",
        [
            Column("Chỉ tiêu", width=4),
            Column("Đơn vị tính", width=1.3),
            Column("Kế hoạch", "int", 1.2),
            Column("Thực hiện", "int", 1.2),
        ],
        [
            # The plan of acceptances is every proposal in the plan of the period's years.
            ["Số đề án được nghiệm thu", "đề án", fig.total.proposals or None, o.acceptances],
            ["Số học viên được đào tạo", "người", o.planned_trainees or None, o.trainees],
            ["Số học viên có việc làm sau đào tạo", "người", None, o.trainees_employed],
            ["Số mô hình trình diễn được xây dựng", "mô hình", o.planned_models or None, o.models_built],
            ["Số máy móc, thiết bị được hỗ trợ", "máy, thiết bị", o.planned_machines or None, o.machines_supplied],
            ["Số hội chợ, triển lãm", "hội chợ", o.planned_fairs or None, o.fairs],
            ["Số nhãn hiệu, thương hiệu được hỗ trợ", "nhãn hiệu", o.planned_brands or None, o.brands],
            # Planned: the counterpart funds in the budgets of the plan (Biểu 1's column).
            [
                "Vốn đối ứng thực tế đã đầu tư (theo biên bản nghiệm thu)",
                "đồng",
                fig.total.counterpart or None,
                o.counterpart_invested,
            ],
        ],
    )
    p = fig.post_support
    post = TableData(
        "Biểu 4. Hiệu quả sau hỗ trợ",
        [
            Column("Chỉ tiêu", width=3),
            Column("Trước hỗ trợ", "int", 1.6),
            Column("Sau hỗ trợ", "int", 1.6),
            Column("Thay đổi", "percent", 1.2),
        ],
        [
            ["Doanh thu của cơ sở được đánh giá (đồng)", p.revenue_before, p.revenue_after, p.revenue_change],
            [
                "Số lao động (người)",
                p.jobs_before,
                p.jobs_after,
                Decimal(p.jobs_change) / p.jobs_before if p.jobs_before else None,
            ],
        ],
    )
    lag = TableData(
        "Biểu 5. Thời gian từ nghiệm thu đến quyết toán",
        [
            Column("STT", "int", 0.6),
            Column("Mã đề án", width=1.6),
            Column("Tên đề án", width=4),
            Column("Ngày nghiệm thu", "date", 1.3),
            Column("Ngày quyết toán", "date", 1.3),
            Column("Số ngày", "int", 0.9),
        ],
        [[i, c.code, c.title, c.accepted_on, c.settled_on, c.lag_days] for i, c in enumerate(fig.settlements, 1)],
    )
    overdue = TableData(
        "Biểu 6. Các việc quá hạn",
        [
            Column("STT", "int", 0.6),
            Column("Mã đề án", width=1.6),
            Column("Tên đề án", width=3.4),
            Column("Việc quá hạn", width=2.4),
            Column("Hạn", "date", 1.2),
            Column("Số ngày quá hạn", "int", 1.1),
        ],
        [[i, x.code, x.title, x.what, x.due, x.days_late] for i, x in enumerate(fig.overdue, 1)],
    )
    return [level, activity, outputs, post, lag, overdue]


def periodic_document(
    fig: PeriodicFigures,
    agency: Agency,
    *,
    scope_name: str,
    on: date | None = None,
    number: str | None = None,
    signer: str | None = None,
    receivers: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> OfficialDocument:
    """The report as handed in. Without a number, "Số:" keeps a blank for the number written
    by hand on registering; a table with nothing in it is said as a sentence, and the chart
    is drawn only when there is money to draw. `receivers` defaults to the agency's."""
    progress = ensure(progress)
    label = fig.query.label
    doc = OfficialDocument(title=f"Báo cáo kết quả thực hiện hoạt động khuyến công {label}")
    doc.header(agency, number or number_blank("BC", agency.code), on or date.today())
    doc.doc_title("Báo cáo", f"Kết quả thực hiện hoạt động khuyến công {label}")
    doc.paragraph(
        f"Phạm vi báo cáo: {scope_name}; kỳ báo cáo {label} (từ ngày {day(fig.query.start)} "
        f"đến ngày {day(fig.query.end)})."
    )
    doc.heading("I. KẾT QUẢ CHUNG")
    for line in summary_sentences(fig):
        doc.paragraph(line)
    level, activity, outputs, post, lag, overdue = periodic_tables(fig)
    doc.heading("II. KINH PHÍ KẾ HOẠCH VÀ THỰC HIỆN")
    if fig.total.proposals:
        doc.table(level, size=9.5, progress=progress)
        doc.table(activity, size=9.5, progress=progress)
    else:
        doc.paragraph("Kỳ báo cáo chưa có đề án nào trong kế hoạch nên chưa có số liệu kinh phí (Biểu 1, Biểu 2).")
    if any(f.plan or f.disbursed for f in fig.by_activity):
        doc.flowable(_funds_chart(fig, doc.width))
    doc.heading("III. KẾT QUẢ ĐẦU RA VÀ HIỆU QUẢ SAU HỖ TRỢ")
    if fig.outputs.acceptances or fig.total.proposals:
        doc.table(outputs, size=10.5, progress=progress)
    else:
        doc.paragraph(outputs_sentence(fig))
    if fig.post_support.evaluations:
        doc.table(post, size=10.5, progress=progress)
    else:
        doc.paragraph(post_support_sentence(fig))
    doc.heading("IV. QUYẾT TOÁN VÀ CÁC VIỆC QUÁ HẠN")
    if lag.rows:
        doc.table(lag, size=10, progress=progress)
    else:
        doc.paragraph(settlement_sentence(fig))
    if overdue.rows:
        doc.table(overdue, size=10, progress=progress)
    else:
        doc.paragraph(overdue_sentence(fig))
    sent_to = list(receivers) if receivers is not None else list(agency.receivers)
    doc.closing(sent_to or default_receivers(None, agency.code), Signature(title="Giám đốc", name=signer))
    return doc


def _funds_chart(fig: PeriodicFigures, width: float):  # type: ignore[no-untyped-def]
    rows = [f for f in fig.by_activity if f.plan or f.disbursed]
    return grouped_bars(
        "Kinh phí khuyến công kế hoạch và đã giải ngân theo nội dung hoạt động",
        [f.key for f in rows],
        [("Kế hoạch", [f.plan / BILLION for f in rows]), ("Đã giải ngân", [f.disbursed / BILLION for f in rows])],
        width=width,
        unit="tỷ đồng",
    )


def write_periodic_pdf(
    fig: PeriodicFigures, agency: Agency, out: Path, *, scope_name: str, progress: Progress | None = None, **kw: object
) -> Path:
    doc = periodic_document(fig, agency, scope_name=scope_name, progress=progress, **kw)  # type: ignore[arg-type]
    return doc.build(out, progress)


def figures_as_dict(fig: PeriodicFigures) -> dict[str, object]:
    """The figures as JSON-ready data (rates as fractions, money as whole đồng)."""

    def funds(f: Funds) -> dict[str, object]:
        return {
            "key": f.key,
            "label": f.label,
            "proposals": f.proposals,
            "plan": f.plan,
            "disbursed": f.disbursed,
            "execution_rate": _num(f.execution_rate),
            "counterpart": f.counterpart,
            "other": f.other,
            "counterpart_ratio": _num(f.counterpart_ratio),
        }

    o, p = fig.outputs, fig.post_support
    return {
        "period": {
            "start": fig.query.start,
            "end": fig.query.end,
            "province_code": fig.query.province_code,
            "label": fig.query.label,
        },
        "total": funds(fig.total),
        "by_level": [funds(f) for f in fig.by_level],
        "by_activity": [funds(f) for f in fig.by_activity],
        "outputs": {**vars(o), "employed_rate": _num(o.employed_rate)},
        "post_support": {**vars(p), "revenue_change": _num(p.revenue_change), "jobs_change": p.jobs_change},
        "settlement_lag_days": {
            "count": len(fig.settlements),
            "mean": _num(fig.lag_mean),
            "median": fig.lag_median,
            "max": fig.lag_max,
        },
        "overdue": [vars(i) for i in fig.overdue],
    }


def _num(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 6)
