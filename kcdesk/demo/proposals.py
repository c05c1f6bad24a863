"""Demo proposals across years, activities and statuses, with their whole paper trail:
budget, beneficiaries and status history here; money, progress, acceptance and evaluation
in kcdesk.demo.follow_up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kcdesk.demo import names
from kcdesk.demo.follow_up import TODAY, M, money_and_papers, stamp
from kcdesk.demo.people import DemoRandom, Ward
from kcdesk.domain import lifecycle


@dataclass
class Rows:
    """Rows per table, inserted in this order (parents first)."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.tables.setdefault(table, []).append(row)


# activity -> (title template, per-facility?, kc range in millions, counterpart share range)
ACTIVITIES: dict[str, tuple[str, bool, tuple[int, int], tuple[float, float]]] = {
    "KC1.1": ("Đào tạo nghề {product} cho lao động nông thôn tại {ward}", False, (60, 180), (0.0, 0.15)),
    "KC2.1": (
        "Tập huấn nâng cao năng lực quản lý cho cơ sở công nghiệp nông thôn năm {year}",
        False,
        (50, 150),
        (0.0, 0.1),
    ),
    "KC2.3": ("Hỗ trợ áp dụng sản xuất sạch hơn tại {facility}", True, (80, 250), (0.5, 0.7)),
    "KC3.1": ("Xây dựng mô hình trình diễn kỹ thuật sản xuất {product} tại {facility}", True, (300, 500), (0.7, 0.8)),
    "KC3.3": ("Hỗ trợ ứng dụng {machine} tại {facility}", True, (150, 300), (0.5, 0.65)),
    "KC4.1": ("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu năm {year}", False, (150, 300), (0.0, 0.0)),
    "KC4.2": (
        "Tổ chức hội chợ hàng công nghiệp nông thôn, thủ công mỹ nghệ {province} năm {year}",
        False,
        (400, 900),
        (0.1, 0.3),
    ),
    "KC4.3": (
        "Hỗ trợ cơ sở công nghiệp nông thôn tham gia hội chợ, triển lãm năm {year}",
        False,
        (100, 300),
        (0.2, 0.4),
    ),
    "KC4.4": ("Hỗ trợ xây dựng, đăng ký thương hiệu {product} {brand}", True, (25, 35), (0.5, 0.6)),
    "KC5": ("Tư vấn lập dự án đầu tư, thiết kế mẫu mã bao bì cho {facility}", True, (20, 35), (0.5, 0.6)),
    "KC6": (
        "Xây dựng chương trình truyền hình, bản tin khuyến công {province} năm {year}",
        False,
        (150, 400),
        (0.0, 0.0),
    ),
    "KC7.6": ("Hỗ trợ sửa chữa, nâng cấp hệ thống xử lý nước thải tại {facility}", True, (150, 300), (0.7, 0.8)),
    "KC9.3": ("Duy trì mạng lưới cộng tác viên khuyến công năm {year}", False, (80, 160), (0.0, 0.0)),
}
ACTIVITY_WEIGHTS = {
    "KC1.1": 14,
    "KC2.1": 8,
    "KC2.3": 4,
    "KC3.1": 10,
    "KC3.3": 26,
    "KC4.1": 3,
    "KC4.2": 5,
    "KC4.3": 6,
    "KC4.4": 8,
    "KC5": 6,
    "KC6": 3,
    "KC7.6": 4,
    "KC9.3": 3,
}

# Where a proposal of each plan year stands on 27 November 2026, and how often.
STATUS_BY_YEAR: dict[int, dict[str, int]] = {
    2021: {"evaluated": 30, "settled": 55, "rejected": 8, "stopped": 2, "partially_accepted": 5},
    2022: {"evaluated": 25, "settled": 60, "rejected": 8, "stopped": 3, "partially_accepted": 4},
    2023: {"evaluated": 15, "settled": 65, "rejected": 10, "settlement_submitted": 5, "partially_accepted": 5},
    2024: {
        "evaluated": 12,
        "settled": 43,
        "settlement_submitted": 15,
        "accepted": 15,
        "rejected": 10,
        "partially_accepted": 5,
    },
    2025: {
        "evaluated": 5,
        "settled": 30,
        "settlement_submitted": 15,
        "accepted": 20,
        "partially_accepted": 5,
        "in_progress": 5,
        "adjustment_requested": 3,
        "rejected": 12,
        "stopped": 5,
    },
    2026: {
        "in_progress": 35,
        "contracted": 20,
        "approved": 15,
        "base_appraised": 10,
        "registered": 10,
        "returned": 5,
        "rejected": 5,
    },
    2027: {"draft": 45, "registered": 40, "returned": 10, "base_appraised": 5},
}

# The action path that leads from draft to each status (the first that applies to the level).
PATHS: dict[str, list[str]] = {
    "draft": [],
    "registered": ["submit"],
    "returned": ["submit", "return"],
    "rejected": ["submit", "reject"],
    "base_appraised": ["submit", "appraise"],
    "submitted_to_ministry": ["submit", "appraise", "submit_to_ministry"],  # KCQG only
    "ministry_appraised": ["submit", "appraise", "submit_to_ministry", "ministry_appraise"],  # KCQG only
    "approved": ["submit", "appraise", "@approve"],
    "contracted": ["submit", "appraise", "@approve", "sign_contract"],
    "in_progress": ["submit", "appraise", "@approve", "sign_contract", "start"],
    "adjustment_requested": ["submit", "appraise", "@approve", "sign_contract", "start", "request_adjustment"],
    "stopped": ["submit", "appraise", "@approve", "sign_contract", "start", "request_adjustment", "stop"],
    "accepted": ["submit", "appraise", "@approve", "sign_contract", "start", "accept"],
    "partially_accepted": ["submit", "appraise", "@approve", "sign_contract", "start", "accept_partially"],
    "settlement_submitted": ["submit", "appraise", "@approve", "sign_contract", "start", "accept", "submit_settlement"],
    "settled": ["submit", "appraise", "@approve", "sign_contract", "start", "accept", "submit_settlement", "settle"],
    "evaluated": [
        "submit",
        "appraise",
        "@approve",
        "sign_contract",
        "start",
        "accept",
        "submit_settlement",
        "settle",
        "evaluate",
    ],
}
APPROVE_KCQG = ["submit_to_ministry", "ministry_appraise", "approve"]
KCQG_ONLY = frozenset({"submitted_to_ministry", "ministry_appraised"})
APPROVE_KCDP = ["approve_local"]


def _actions(status: str, level: str) -> list[str]:
    out: list[str] = []
    for step in PATHS[status]:
        out.extend((APPROVE_KCQG if level == "KCQG" else APPROVE_KCDP) if step == "@approve" else [step])
    return out


@dataclass
class Context:
    rng: DemoRandom
    province: str
    province_name: str
    centre: str
    wards: list[Ward]
    facilities: list[dict[str, Any]]
    users: dict[str, str]  # role -> user id
    code_counter: dict[tuple[str, int], int] = field(default_factory=dict)
    stopped: int = 0  # stopped proposals so far: every other one stops before any money


def every_step() -> list[tuple[str, int]]:
    """One (status, plan year) per lifecycle status, in the year where it is most common, so
    that even the smallest demo shows a proposal at every step (two stopped: one that
    received money, one that did not)."""
    out = []
    for status in (*lifecycle.STATUSES, "stopped"):
        years = [(weights.get(status, 0), year) for year, weights in STATUS_BY_YEAR.items()]
        out.append((status, max(years)[1]))
    return out


def proposal(ctx: Context, rows: Rows, year: int, status: str | None = None) -> None:
    rng = ctx.rng
    status = status or rng.weighted(STATUS_BY_YEAR[year])
    activity = rng.weighted(ACTIVITY_WEIGHTS)
    template, per_facility, (lo, hi), (cp_lo, cp_hi) = ACTIVITIES[activity]
    level = "KCQG" if rng.random() < 0.35 or status in KCQG_ONLY else "KCDP"
    beneficiaries = rng.sample(ctx.facilities, k=1 if per_facility else rng.randint(0, 3))
    main = beneficiaries[0] if beneficiaries else rng.choice(ctx.facilities)
    sector = main["sector_code"]
    made = main["main_products"].lower()
    product, machine = next((pm for pm in names.PRODUCTS[sector] if pm[0] == made), rng.choice(names.PRODUCTS[sector]))
    ward = next((w for w in ctx.wards if w.code == main["ward_code"]), ctx.wards[0])
    title = template.format(
        product=product,
        machine=machine,
        facility=main["name"],
        ward=ward.full_name,
        year=year,
        province=ctx.province_name,
        brand=rng.choice(names.BRANDS),
    )
    key = (level, year)
    ctx.code_counter[key] = ctx.code_counter.get(key, 0) + 1
    code = f"{level}-{ctx.province}-{year}-{ctx.code_counter[key]:03d}"
    start = rng.day_between(date(year, 3, 1), date(year, 6, 30))
    pid = rng.uuid7()
    created = date(year - 1, 3, 1) + timedelta(days=rng.randrange(30))
    rows.add(
        "proposal",
        {
            "id": pid,
            "code": code,
            "title": title,
            "level": level,
            "proposal_class": "single",
            "plan_year": year,
            "sector_code": sector,
            "implementing_unit": ctx.centre if not per_facility or rng.random() < 0.6 else main["name"],
            "province_code": ctx.province,
            "ward_code": main["ward_code"],
            "location": ward.full_name,
            "start_date": start,
            "end_date": date(year, 11, 30),
            "multi_year": False,
            "procurement_mode": "dau_thau" if activity in ("KC4.2", "KC4.3", "KC6") else "xet_chon",
            "priority_area": rng.random() < 0.2,
            "status": status,
            "status_date": None,
            "need_and_basis": f"Cơ sở {main['name']} có nhu cầu "
            f"{ACTIVITY_NEEDS.get(activity[:3], 'nâng cao năng lực sản xuất')}.",
            "objectives": "Nâng cao năng suất, chất lượng sản phẩm, tạo việc làm ổn định cho lao động nông thôn.",
            "scale": f"Quy mô: {rng.randint(1, 5)} cơ sở hưởng lợi trực tiếp.",
            "implementation": "Trung tâm chủ trì, phối hợp UBND xã.",
            "effectiveness": "Tăng doanh thu 15-25%, tạo thêm việc làm; có khả năng nhân rộng.",
            "counterpart_committed": True,
            "no_double_funding": True,
            "planned_trainees": rng.randint(20, 60) if activity == "KC1.1" else None,
            "planned_models": 1 if activity == "KC3.1" else None,
            "planned_machines": rng.randint(1, 3) if activity == "KC3.3" else None,
            "planned_fairs": 1 if activity in ("KC4.2", "KC4.3") else None,
            "planned_brands": 1 if activity == "KC4.4" else None,
            "created_at": stamp(created),
            "updated_at": stamp(created),
        },
    )
    rows.add("proposal_activity", {"id": rng.uuid7(), "proposal_id": pid, "activity_code": activity})
    for f in beneficiaries:
        rows.add("proposal_beneficiary", {"id": rng.uuid7(), "proposal_id": pid, "facility_id": f["id"]})
    kc_total, counterpart = _budget(ctx, rows, pid, activity, per_facility, main, machine, (lo, hi), (cp_lo, cp_hi))
    _history(ctx, rows, pid, status, level, created, year)
    money_and_papers(ctx, rows, pid, status, activity, (kc_total, counterpart), main)


ACTIVITY_NEEDS = {
    "KC1": "đào tạo lao động có tay nghề",
    "KC3": "đổi mới máy móc, công nghệ",
    "KC4": "mở rộng thị trường",
}


def _budget(
    ctx: Context,
    rows: Rows,
    pid: str,
    activity: str,
    per_facility: bool,
    main: dict[str, Any],
    machine: str,
    kc_range: tuple[int, int],
    cp_range: tuple[float, float],
) -> tuple[int, int]:
    rng = ctx.rng
    kc = rng.randint(*kc_range) * M
    share = rng.uniform(*cp_range)
    if activity == "KC3.3" and rng.random() < 0.1:
        share = 0.4  # a few proposals ask for more than the rules allow: the cap check flags them
    counterpart = int(kc * share / (1 - share)) // M * M if share < 1 else 0
    items = {
        "KC3.3": [(f"Mua sắm {machine}", 0.9), ("Lắp đặt, chuyển giao công nghệ, hướng dẫn vận hành", 0.1)],
        "KC1.1": [
            ("Thù lao giáo viên, hướng dẫn thực hành", 0.45),
            ("Nguyên vật liệu thực hành", 0.35),
            ("Hỗ trợ tiền ăn, đi lại cho học viên", 0.2),
        ],
        "KC3.1": [
            (f"Máy móc thiết bị của mô hình ({machine})", 0.75),
            ("Hội nghị trình diễn, tuyên truyền", 0.1),
            ("Xây dựng tài liệu quy trình công nghệ", 0.15),
        ],
    }.get(activity, [("Chi phí thực hiện nội dung chính", 0.8), ("Chi phí quản lý, hội nghị, tuyên truyền", 0.2)])
    kc_parts = _split(kc, [part for _, part in items])
    cp_parts = _split(counterpart, [part for _, part in items])
    for no, ((item, _part), kc_line, cp_line) in enumerate(zip(items, kc_parts, cp_parts, strict=True), start=1):
        rows.add(
            "budget_line",
            {
                "id": rng.uuid7(),
                "proposal_id": pid,
                "line_no": no,
                "item": item,
                "activity_code": activity,
                "facility_id": main["id"] if per_facility else None,
                "unit": "gói",
                "quantity": "1",
                "unit_price": kc_line + cp_line,
                "kc_amount": kc_line,
                "counterpart_amount": cp_line,
                "other_amount": 0,
            },
        )
    return kc, counterpart


def _split(total: int, parts: list[float]) -> list[int]:
    """Split an amount by shares, rounded to thousands, the last line taking the remainder."""
    amounts = [int(total * part) // 1000 * 1000 for part in parts[:-1]]
    return [*amounts, total - sum(amounts)]


ROLE_FOR: Callable[[str], str] = lambda action: (  # noqa: E731
    "so_reviewer"
    if action in ("return", "reject", "appraise", "submit_to_ministry", "approve_local", "adjust", "stop", "settle")
    else "ministry"
    if action in ("ministry_appraise", "approve")
    else "accountant"
    if action == "start"
    else "centre_leader"
    if action == "sign_contract"
    else "centre_staff"
)


# When each step happens, relative to the plan year Y and the step before it:
# (earliest month-day of year offset, or None to follow the previous step) and a gap in days.
STEP_TIMING: dict[str, tuple[tuple[int, int, int] | None, tuple[int, int]]] = {
    "submit": ((-1, 4, 1), (0, 45)),
    "return": (None, (10, 30)),
    "reject": (None, (10, 40)),
    "appraise": (None, (10, 30)),
    "submit_to_ministry": (None, (5, 20)),
    "ministry_appraise": (None, (30, 90)),
    "approve": ((-1, 11, 1), (0, 80)),
    "approve_local": ((-1, 11, 1), (0, 80)),
    "sign_contract": ((0, 2, 1), (0, 50)),
    "start": (None, (10, 30)),
    "request_adjustment": (None, (60, 120)),
    "stop": (None, (15, 30)),
    "accept": ((0, 9, 15), (0, 75)),
    "accept_partially": ((0, 9, 15), (0, 75)),
    "submit_settlement": (None, (5, 20)),
    "settle": (None, (15, 60)),
    "evaluate": (None, (180, 400)),
}


def _step_day(rng: DemoRandom, action: str, previous: date, year: int) -> date:
    anchor, (lo, hi) = STEP_TIMING[action]
    base = previous
    if anchor is not None:
        offset, month, day = anchor
        base = max(previous, date(year + offset, month, day))
    return min(base + timedelta(days=rng.randint(lo, hi)), TODAY)


def _history(ctx: Context, rows: Rows, pid: str, status: str, level: str, created: date, year: int) -> date:
    rng = ctx.rng
    day = created
    current = "draft"
    for action in _actions(status, level):
        step = lifecycle.BY_ACTION[action]
        day = _step_day(rng, action, day, year)
        rows.add(
            "proposal_status_event",
            {
                "id": rng.uuid7(),
                "proposal_id": pid,
                "action": action,
                "from_status": current,
                "to_status": step.target,
                "event_date": day,
                "user_id": ctx.users.get(ROLE_FOR(action)),
                "document_number": f"{rng.randint(10, 999)}/QĐ-SCT"
                if action in ("approve", "approve_local", "settle")
                else None,
            },
        )
        current = step.target
    rows.tables["proposal"][-1]["status_date"] = day if current != "draft" else None
    return day
