"""Post-support evaluations as the window shows them: before -> after with the change, the
rows of the proposal's and the facility profile's lists, and a saved evaluation put back
into the form's boxes. Plain Python, tested without Qt."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from kcdesk.domain.vnformat import day, decimal, group, percent
from kcdesk.ui.logic.i18n import tr


def number_text(value: Any) -> str:
    """12000000 -> '12.000.000'; Decimal('12.50') -> '12,5'; None -> ''."""
    if value is None:
        return ""
    if isinstance(value, int):
        return group(value)
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return group(int(d))
    return decimal(d, 2).rstrip("0").rstrip(",")


def change_text(before: Any, after: Any) -> str:
    """The change from before to after as a percent of before: '+25%', '-12,5%'; '' when a
    side is unknown or before is zero."""
    if before is None or after is None:
        return ""
    b, a = Decimal(str(before)), Decimal(str(after))
    if b == 0:
        return ""
    pct = ((a - b) * 100 / b).quantize(Decimal("0.1"))
    sign = "+" if pct > 0 else ""
    return f"{sign}{percent(pct, 0 if pct == pct.to_integral_value() else 1)}"


def in_use_text(value: bool | None, lang: str | None = None) -> str:
    if value is None:
        return tr("Chưa rõ", lang)
    return tr("Còn sử dụng", lang) if value else tr("Không còn sử dụng", lang)


def evaluation_title(e: Mapping[str, Any], lang: str | None = None, *, facility: bool = True) -> str:
    """The line above an evaluation's figures: when, which proposal, (which facility), who."""
    parts = [tr("Đánh giá ngày {on}", lang, on=day(e.get("evaluated_on")))]
    if e.get("proposal_code"):
        parts.append(tr("đề án {code}", lang, code=e["proposal_code"]))
    if facility and e.get("facility_name"):
        parts.append(str(e["facility_name"]))
    if e.get("evaluator"):
        parts.append(tr("người đánh giá: {who}", lang, who=e["evaluator"]))
    return " · ".join(parts)


def evaluation_rows(e: Mapping[str, Any], lang: str | None = None) -> list[tuple[str, str, str, str]]:
    """(what, before, after, change) for each figure of an evaluation, then whether the
    equipment or model is still in use and how many facilities copied it."""
    unit = e.get("output_unit")
    rows = [
        (
            tr("Doanh thu (đồng/năm)", lang),
            number_text(e.get("revenue_before")),
            number_text(e.get("revenue_after")),
            change_text(e.get("revenue_before"), e.get("revenue_after")),
        ),
        (
            tr("Lao động (người)", lang),
            number_text(e.get("jobs_before")),
            number_text(e.get("jobs_after")),
            change_text(e.get("jobs_before"), e.get("jobs_after")),
        ),
        (
            tr("Sản lượng ({unit})", lang, unit=unit) if unit else tr("Sản lượng", lang),
            number_text(e.get("output_before")),
            number_text(e.get("output_after")),
            change_text(e.get("output_before"), e.get("output_after")),
        ),
    ]
    if e.get("product_before") or e.get("product_after"):
        rows.append((tr("Sản phẩm", lang), e.get("product_before") or "", e.get("product_after") or "", ""))
    rows.append((tr("Thiết bị, mô hình được hỗ trợ", lang), "", in_use_text(e.get("machinery_in_use"), lang), ""))
    if e.get("replicated_count") is not None:
        rows.append((tr("Số cơ sở học tập, nhân rộng", lang), "", number_text(e["replicated_count"]), ""))
    return rows


def form_texts(e: Mapping[str, Any]) -> dict[str, str]:
    """A saved evaluation's values as the form's boxes show them (choices excluded)."""
    out: dict[str, str] = {}
    for key, value in e.items():
        if key in ("facility_id", "machinery_in_use", "id", "proposal_id") or value is None:
            continue
        if isinstance(value, date):
            out[key] = value.strftime("%d/%m/%Y")
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            out[key] = number_text(value)
        elif isinstance(value, str):
            out[key] = value
    return out


def due_text(due: date | None, evaluated: bool, today: date, lang: str | None = None) -> str:
    """The line above the evaluations: when the evaluation falls due after settlement."""
    if due is None:
        return tr("Đánh giá sau hỗ trợ được lập sau khi đề án quyết toán.", lang)
    if evaluated:
        return tr("Đã có phiếu đánh giá sau hỗ trợ (hạn {due}).", lang, due=day(due))
    left = (due - today).days
    if left < 0:
        return tr("Đánh giá sau hỗ trợ quá hạn {n} ngày (hạn {due}).", lang, n=-left, due=day(due))
    return tr("Đánh giá sau hỗ trợ đến hạn ngày {due} (còn {n} ngày).", lang, due=day(due), n=left)
