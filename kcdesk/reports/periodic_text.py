"""The periodic report's sentences: what the figures say, in the words an officer writes.

A figure that has nothing behind it is said as a sentence ("chưa phát sinh giải ngân",
"chưa có đề án nào được nghiệm thu"), never printed as a dash or a rate of "-"; a
clause about an output nobody produced is left out rather than printed as 0.
"""

from __future__ import annotations

from decimal import Decimal

from kcdesk.domain.vnformat import day, decimal, group, money, percent
from kcdesk.reports.periodic_data import PeriodicFigures


def rate(value: Decimal) -> str:
    return percent(value * 100)


def funds_sentences(fig: PeriodicFigures) -> list[str]:
    t, end = fig.total, day(fig.query.end)
    if not t.proposals:
        return [
            "Kỳ báo cáo chưa có đề án nào được phê duyệt trong kế hoạch khuyến công; "
            f"đến ngày {end} chưa phát sinh giải ngân."
        ]
    paid = (
        f"kinh phí đã giải ngân đến ngày {end} là {money(t.disbursed)}"
        if t.disbursed
        else f"đến ngày {end} chưa phát sinh giải ngân"
    )
    if t.plan and t.execution_rate is not None:
        first = f"Tổng kinh phí khuyến công theo kế hoạch của {group(t.proposals)} đề án là {money(t.plan)}; {paid}"
        first += f", tỷ lệ giải ngân đạt {rate(t.execution_rate)}." if t.disbursed else "."
    else:
        first = f"Kế hoạch có {group(t.proposals)} đề án, chưa ghi kinh phí khuyến công; {paid}."
    lines = [first]
    if t.counterpart and t.counterpart_ratio is not None:
        second = (
            f"Vốn đối ứng của các cơ sở là {money(t.counterpart)}, tỷ lệ vốn đối ứng đạt "
            f"{decimal(t.counterpart_ratio, 2)} đồng trên 1 đồng kinh phí khuyến công"
        )
    elif t.counterpart:
        second = f"Vốn đối ứng của các cơ sở là {money(t.counterpart)}"
    else:
        second = "Các đề án chưa ghi vốn đối ứng của cơ sở"
    second += f"; nguồn khác {money(t.other)}." if t.other else "."
    lines.append(second)
    return lines


def outputs_sentence(fig: PeriodicFigures) -> str:
    o = fig.outputs
    if not o.acceptances:
        return "Trong kỳ chưa có đề án nào được nghiệm thu."
    clauses = []
    if o.trainees:
        trained = f"đào tạo {group(o.trainees)} học viên"
        if o.trainees_employed and o.employed_rate is not None:
            trained += (
                f", trong đó {group(o.trainees_employed)} học viên có việc làm sau đào tạo ({rate(o.employed_rate)})"
            )
        clauses.append(trained)
    for count, what in (
        (o.models_built, "xây dựng {n} mô hình trình diễn"),
        (o.machines_supplied, "hỗ trợ {n} máy móc, thiết bị"),
        (o.fairs, "{n} hội chợ, triển lãm"),
        (o.brands, "{n} nhãn hiệu, thương hiệu"),
    ):
        if count:
            clauses.append(what.format(n=group(count)))
    head = f"Trong kỳ đã nghiệm thu {group(o.acceptances)} đề án"
    return f"{head}: {'; '.join(clauses)}." if clauses else f"{head}."


def post_support_sentence(fig: PeriodicFigures) -> str:
    p = fig.post_support
    if not p.evaluations:
        return "Trong kỳ chưa có cơ sở nào được đánh giá hiệu quả sau hỗ trợ."
    clauses = []
    if p.revenue_change is not None:
        clauses.append(f"doanh thu thay đổi {rate(p.revenue_change)}")
    if p.jobs_change > 0:
        clauses.append(f"số lao động tăng {group(p.jobs_change)} người")
    elif p.jobs_change < 0:
        clauses.append(f"số lao động giảm {group(-p.jobs_change)} người")
    elif p.jobs_before:
        clauses.append("số lao động không đổi")
    head = f"Đánh giá sau hỗ trợ {group(p.evaluations)} cơ sở"
    return f"{head}: {', '.join(clauses)}." if clauses else f"{head}."


def settlement_sentence(fig: PeriodicFigures) -> str:
    if not fig.settlements:
        return "Trong kỳ chưa có đề án nào được quyết toán."
    return (
        f"Có {group(len(fig.settlements))} đề án quyết toán trong kỳ; thời gian từ nghiệm thu đến quyết toán "
        f"bình quân {decimal(fig.lag_mean or 0, 1)} ngày, trung vị {decimal(fig.lag_median or 0, 1)} ngày, "
        f"dài nhất {group(fig.lag_max or 0)} ngày."
    )


def overdue_sentence(fig: PeriodicFigures) -> str:
    end = day(fig.query.end)
    if not fig.overdue:
        return f"Đến ngày {end} không có việc nào quá hạn."
    return f"Đến ngày {end} có {group(len(fig.overdue))} việc quá hạn (Biểu 6)."


def summary_sentences(fig: PeriodicFigures) -> list[str]:
    """The headline indicators, as the report's opening paragraphs say them."""
    lines = funds_sentences(fig)
    lines.append(outputs_sentence(fig))
    if fig.post_support.evaluations:
        lines.append(post_support_sentence(fig))
    if fig.settlements:
        lines.append(settlement_sentence(fig))
    lines.append(overdue_sentence(fig))
    return lines
