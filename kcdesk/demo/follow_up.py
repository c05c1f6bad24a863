"""What happens to a demo proposal after its contract: money by fund source (with a few
mistakes reversed), monthly progress reports (a few late, a few missing), the signed
acceptance, the final payment and the settlement, and the post-support evaluation.

Every row obeys the rules the app enforces (kcdesk.domain.money, progress_reports,
evaluation): nothing is paid before the contract or beyond the khuyến công budget, the
settlement is at most what was accepted, entries fall on the lifecycle steps' own dates.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from kcdesk.domain.progress_reports import lateness

if TYPE_CHECKING:
    from kcdesk.demo.proposals import Context, Rows

M = 1_000_000
TODAY = date(2026, 11, 27)
AFTER_ACCEPTANCE = ("accepted", "partially_accepted", "settlement_submitted", "settled", "evaluated")
ISSUES = (
    "Nhà cung cấp giao thiết bị chậm so với hợp đồng",
    "Mưa bão kéo dài, phải tạm dừng lắp đặt",
    "Cơ sở thiếu vốn đối ứng, đang vay ngân hàng",
)
RECOMMENDATIONS = ("Đề nghị gia hạn thời gian thực hiện 01 tháng", "Đề nghị tạm ứng đợt 2")


def stamp(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, 2, 0, tzinfo=UTC)


def _steps(rows: Rows, pid: str) -> dict[str, date]:
    """The proposal's lifecycle steps: the events just added for it, at the end of the list."""
    steps: dict[str, date] = {}
    for event in reversed(rows.tables.get("proposal_status_event", [])):
        if event["proposal_id"] != pid:
            break
        steps.setdefault(event["action"], event["event_date"])
    return steps


def _entry(ctx: Context, rows: Rows, pid: str, kind: str, amount: int, on: date, **extra: Any) -> str:
    eid = ctx.rng.uuid7()
    rows.add(
        "disbursement",
        {
            "id": eid,
            "proposal_id": pid,
            "kind": kind,
            "fund_source": extra.pop("fund_source", "kc"),
            "amount": amount,
            "paid_on": on,
            "reverses_id": extra.pop("reverses_id", None),
            "tranche_no": extra.pop("tranche_no", None),
            "pct": extra.pop("pct", None),
            "document_number": extra.pop("document_number", f"UNC-{ctx.rng.randint(100, 9999)}"),
            "note": extra.pop("note", None),
        },
    )
    return eid


def money_and_papers(
    ctx: Context,
    rows: Rows,
    pid: str,
    status: str,
    activity: str,
    amounts: tuple[int, int],
    main: dict[str, Any],
) -> None:
    rng = ctx.rng
    kc_total, counterpart = amounts
    steps = _steps(rows, pid)
    if "start" not in steps:
        return
    started = steps["start"]
    advance = 0
    if status == "stopped":
        ctx.stopped += 1
    if not (status == "stopped" and ctx.stopped % 2 == 1):  # every other stopped one: before any money
        advance = kc_total * 7 // 10 // 1000 * 1000
        _entry(ctx, rows, pid, "tam_ung", advance, started, tranche_no=1, pct="70")
    end = steps.get("accept") or steps.get("accept_partially") or steps.get("stop") or TODAY
    if rng.random() < 0.05 and kc_total > advance:  # a payment typed wrong, then reversed
        wrong_on = min(started + timedelta(days=rng.randint(20, 60)), end, TODAY)
        wrong = _entry(ctx, rows, pid, "thanh_toan", (kc_total - advance) // 2 // 1000 * 1000, wrong_on)
        _entry(
            ctx,
            rows,
            pid,
            "thanh_toan",
            -((kc_total - advance) // 2 // 1000 * 1000),
            min(wrong_on + timedelta(days=rng.randint(1, 7)), TODAY),
            reverses_id=wrong,
            note="Ghi nhầm đề án, đảo lại",
        )
    if counterpart and advance:
        share = rng.randint(50, 100)
        _entry(
            ctx,
            rows,
            pid,
            "thanh_toan",
            counterpart * share // 100 // 1000 * 1000,
            min(started + timedelta(days=rng.randint(15, 60)), end, TODAY),
            fund_source="doi_ung",
            note="Cơ sở tự đầu tư",
        )
    _progress_reports(ctx, rows, pid, started, end, advance)
    if status not in AFTER_ACCEPTANCE:
        return
    partial = "accept_partially" in steps
    accepted_on = steps.get("accept") or steps["accept_partially"]
    accepted = kc_total if not partial else kc_total * rng.randint(55, 90) // 100 // 1000 * 1000
    _acceptance(ctx, rows, pid, activity, (kc_total, counterpart, accepted), accepted_on, partial, main)
    settle_on = steps.get("settle")
    if status in ("settlement_submitted", "settled", "evaluated") and accepted > advance:
        last = min(accepted_on + timedelta(days=25), settle_on or TODAY, TODAY)
        _entry(ctx, rows, pid, "thanh_toan", accepted - advance, last, tranche_no=2)
    if settle_on is not None:
        _entry(ctx, rows, pid, "quyet_toan", accepted, settle_on, document_number=f"{rng.randint(10, 999)}/QĐ-SCT")
    if "evaluate" in steps:
        _evaluation(ctx, rows, pid, steps["evaluate"], main)


def _progress_reports(ctx: Context, rows: Rows, pid: str, started: date, end: date, advance: int) -> None:
    """One report a month from the start to the month before acceptance (or stop, or today):
    most by the 25th, some late, a few never filed."""
    rng = ctx.rng
    month, n = started.replace(day=1), 1
    while month < end.replace(day=1) and month < TODAY.replace(day=1):
        if rng.random() < 0.88:
            last_day = calendar.monthrange(month.year, month.month)[1]
            if rng.random() < 0.8:
                on = month.replace(day=rng.randint(15, 25))
            else:  # late: after the 25th, sometimes into the next month
                on = month.replace(day=last_day) + timedelta(days=rng.randint(-4, 12))
            on = min(on, TODAY)
            period = month.strftime("%Y-%m")
            late = lateness(period, on)
            issue = rng.choice(ISSUES) if rng.random() < 0.25 else None
            rows.add(
                "progress_report",
                {
                    "id": rng.uuid7(),
                    "proposal_id": pid,
                    "period": period,
                    "submitted_on": on,
                    "completed_pct": str(min(95, 12 * n)),
                    "spent": advance * min(95, 12 * n) // 100 // 1000 * 1000 if advance else None,
                    "outputs": f"Hoàn thành khoảng {min(95, 12 * n)}% khối lượng theo đề án",
                    "issues": issue,
                    "recommendations": rng.choice(RECOMMENDATIONS) if issue else None,
                    "due_on": late.due_on,
                    "days_late": late.days_late,
                },
            )
        month, n = (month + timedelta(days=32)).replace(day=1), n + 1


def _evaluation(ctx: Context, rows: Rows, pid: str, on: date, main: dict[str, Any]) -> None:
    rng = ctx.rng
    before = main["revenue_prev_year"] or 500 * M
    jobs = main["labour_total"] or 5
    output = rng.randint(5, 60)
    product = main["main_products"] or "Sản phẩm truyền thống"
    rows.add(
        "post_support_evaluation",
        {
            "id": rng.uuid7(),
            "proposal_id": pid,
            "facility_id": main["id"],
            "evaluated_on": on,
            "revenue_before": before,
            "revenue_after": int(before * rng.uniform(0.95, 1.4)) // M * M,
            "jobs_before": jobs,
            "jobs_after": jobs + rng.randint(-1, 8),
            "output_before": str(output),
            "output_after": str(output + rng.randint(0, 30)),
            "output_unit": "tấn/năm",
            "product_before": product,
            "product_after": f"{product} (mẫu mã mới, đóng gói)",
            "machinery_in_use": rng.random() < 0.9,
            "replicated_count": rng.randint(0, 6),
            "evaluator": f"{rng.person()}, cán bộ Trung tâm",
        },
    )


def _acceptance(
    ctx: Context,
    rows: Rows,
    pid: str,
    activity: str,
    amounts: tuple[int, int, int],
    accepted_on: date,
    partial: bool,
    main: dict[str, Any],
) -> None:
    rng = ctx.rng
    aid = rng.uuid7()
    approved_kc, counterpart, accepted = amounts
    outputs: dict[str, int | None] = {
        "trainees": None,
        "trainees_employed": None,
        "models_built": None,
        "machines_supplied": None,
        "fairs": None,
        "brands": None,
    }
    if activity == "KC1.1":
        trainees = rng.randint(20, 60)
        outputs.update(trainees=trainees, trainees_employed=int(trainees * rng.uniform(0.8, 0.98)))
    elif activity == "KC3.1":
        outputs.update(models_built=1)
    elif activity == "KC3.3":
        outputs.update(machines_supplied=rng.randint(1, 3))
    elif activity in ("KC4.2", "KC4.3"):
        outputs.update(fairs=1)
    elif activity == "KC4.4":
        outputs.update(brands=1)
    rows.add(
        "acceptance",
        {
            "id": aid,
            "proposal_id": pid,
            "number": f"{rng.randint(1, 99):02d}/BB-TTKC",
            "accepted_on": accepted_on,
            "place": main["name"],
            "contract_number": f"{rng.randint(1, 99):02d}/HĐ-KC",
            "basis": "Quyết định phê duyệt kế hoạch khuyến công;\nHợp đồng thực hiện đề án.",
            "approved_amount": approved_kc + counterpart,
            "approved_kc_amount": approved_kc,
            "accepted_amount": accepted,
            "counterpart_invested": counterpart if not partial else counterpart * 3 // 4,
            "conclusion": "dat_mot_phan" if partial else "dat",
            "assessment": "Đề án thực hiện đúng nội dung, tiến độ; máy móc hoạt động ổn định."
            if not partial
            else "Do thiên tai, một phần khối lượng chưa thực hiện được; nghiệm thu theo khối lượng thực tế.",
            "requests": "Đơn vị thực hiện hoàn thiện hồ sơ quyết toán trong 15 ngày.",
            "signed_at": stamp(accepted_on),
            "signed_by": ctx.users.get("so_reviewer"),
            **outputs,
        },
    )
    members = [
        ("chu_tri", "Phó Giám đốc", "Sở Công Thương"),
        ("thanh_vien", "Trưởng phòng", ctx.centre),
        ("thu_ky", "Chuyên viên", ctx.centre),
        ("don_vi_thuc_hien", "Giám đốc", ctx.centre),
        ("thu_huong", "Chủ cơ sở", main["name"]),
    ]
    for order, (role, position, org) in enumerate(members):
        rows.add(
            "acceptance_member",
            {
                "id": rng.uuid7(),
                "acceptance_id": aid,
                "sort_order": order,
                "full_name": main["representative"] if role == "thu_huong" else rng.person(),
                "position": position,
                "organisation": org,
                "role": role,
            },
        )
    for order, (content, ok) in enumerate(
        [
            ("Nội dung thực hiện so với đề án được duyệt", True),
            ("Khối lượng hoàn thành", not partial),
            ("Chất lượng, thông số kỹ thuật", True),
        ]
    ):
        rows.add(
            "acceptance_item",
            {
                "id": rng.uuid7(),
                "acceptance_id": aid,
                "sort_order": order,
                "content": content,
                "planned": "Theo đề án",
                "actual": "Đạt" if ok else "Đạt 70%",
                "passed": ok,
            },
        )
