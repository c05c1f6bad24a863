"""The proposal (đề án) lifecycle as a plain state machine (TT 36/2013/TT-BCT; domain.md §8).

Transitions are data: which action moves which status to which, at which funding level,
and which roles may fire it. The window enables its buttons from `allowed_actions`, the
CLI and the server check with `check_transition`; all three give the same answer.
KCĐP proposals skip the ministry steps (the province approves its own plan).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kcdesk.domain.roles import MINISTRY, MONEY, SO, STAFF, role_label
from kcdesk.errors import PermissionDenied, TransitionError
from kcdesk.i18n import Lazy, label, tr

STATUSES: dict[str, str] = {
    "draft": "Dự thảo",
    "registered": "Đã đăng ký",
    "returned": "Trả lại để hoàn thiện",
    "rejected": "Không được chấp thuận",
    "base_appraised": "Đã thẩm định cấp cơ sở",
    "submitted_to_ministry": "Đã trình Bộ Công Thương",
    "ministry_appraised": "Bộ đã thẩm định",
    "approved": "Đã phê duyệt kế hoạch",
    "contracted": "Đã ký hợp đồng",
    "in_progress": "Đang thực hiện",
    "adjustment_requested": "Đề nghị điều chỉnh",
    "stopped": "Ngừng thực hiện",
    "accepted": "Đã nghiệm thu",
    "partially_accepted": "Nghiệm thu một phần",
    "settlement_submitted": "Đã nộp hồ sơ quyết toán",
    "settled": "Đã quyết toán",
    "evaluated": "Đã đánh giá sau hỗ trợ",
}

FINAL_STATUSES = frozenset({"rejected", "evaluated"})
# Statuses whose proposals count in the plan (approved and onwards, not stopped before money).
IN_PLAN_STATUSES = frozenset(
    {
        "approved",
        "contracted",
        "in_progress",
        "adjustment_requested",
        "stopped",
        "accepted",
        "partially_accepted",
        "settlement_submitted",
        "settled",
        "evaluated",
    }
)

BOTH = frozenset({"KCQG", "KCDP"})
KCQG = frozenset({"KCQG"})
KCDP = frozenset({"KCDP"})


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    levels: frozenset[str] = BOTH
    needs: str | None = None  # a condition checked by the service layer (see REQUIREMENTS)


def _t(
    action: str,
    label: str,
    sources: Iterable[str],
    target: str,
    roles: Iterable[str],
    levels: frozenset[str] = BOTH,
    needs: str | None = None,
) -> Transition:
    return Transition(action, label, frozenset(sources), target, frozenset(roles), levels, needs)


TRANSITIONS: tuple[Transition, ...] = (
    _t("submit", "Nộp hồ sơ đăng ký", ["draft", "returned"], "registered", STAFF),
    _t("return", "Trả lại để hoàn thiện (Sở)", ["registered", "base_appraised"], "returned", SO),
    _t("return_by_ministry", "Bộ trả lại để hoàn thiện", ["submitted_to_ministry"], "returned", MINISTRY, KCQG),
    _t("reject", "Không chấp thuận", ["registered", "base_appraised"], "rejected", SO),
    _t(
        "reject_by_ministry",
        "Bộ không chấp thuận",
        ["submitted_to_ministry", "ministry_appraised"],
        "rejected",
        MINISTRY,
        KCQG,
    ),
    _t("appraise", "Thẩm định cấp cơ sở (đạt)", ["registered"], "base_appraised", SO),
    _t("submit_to_ministry", "Trình Bộ Công Thương", ["base_appraised"], "submitted_to_ministry", SO, KCQG),
    _t("ministry_appraise", "Bộ thẩm định (đạt)", ["submitted_to_ministry"], "ministry_appraised", MINISTRY, KCQG),
    _t("approve", "Phê duyệt vào kế hoạch", ["ministry_appraised"], "approved", MINISTRY, KCQG),
    _t("approve_local", "Phê duyệt vào kế hoạch (UBND tỉnh)", ["base_appraised"], "approved", SO, KCDP),
    _t("sign_contract", "Ký hợp đồng / giao nhiệm vụ", ["approved"], "contracted", {"centre_leader"}),
    _t("start", "Tạm ứng lần đầu, bắt đầu thực hiện", ["contracted"], "in_progress", MONEY),
    _t("request_adjustment", "Đề nghị điều chỉnh", ["in_progress"], "adjustment_requested", STAFF),
    _t("adjust", "Chấp thuận điều chỉnh", ["adjustment_requested"], "in_progress", SO | MINISTRY),
    _t("stop", "Ngừng thực hiện", ["in_progress", "adjustment_requested"], "stopped", SO | MINISTRY),
    _t("accept", "Nghiệm thu (đạt)", ["in_progress"], "accepted", SO | STAFF, needs="signed_acceptance:dat"),
    _t(
        "accept_partially",
        "Nghiệm thu một phần",
        ["in_progress", "stopped"],
        "partially_accepted",
        SO | STAFF,
        needs="signed_acceptance:dat_mot_phan",
    ),
    _t(
        "submit_settlement",
        "Nộp hồ sơ quyết toán",
        ["accepted", "partially_accepted", "stopped"],
        "settlement_submitted",
        MONEY | STAFF,
    ),
    _t("settle", "Phê duyệt quyết toán", ["settlement_submitted"], "settled", SO | MINISTRY),
    _t("evaluate", "Đánh giá sau hỗ trợ", ["settled"], "evaluated", STAFF, needs="evaluation"),
)
BY_ACTION = {t.action: t for t in TRANSITIONS}

# What a `needs` condition means, in words the refusal message can use.
REQUIREMENTS: dict[str, str] = {
    "signed_acceptance:dat": "cần có biên bản nghiệm thu đã ký với kết luận 'Đạt'",
    "signed_acceptance:dat_mot_phan": "cần có biên bản nghiệm thu đã ký với kết luận 'Đạt một phần'",
    "evaluation": "cần có ít nhất một phiếu đánh giá sau hỗ trợ",
}


def status_label(status: str) -> str:
    return STATUSES.get(status, status)


def next_steps(status: str, level: str) -> list[Transition]:
    """Every transition out of `status` at this level, whoever may fire it."""
    return [t for t in TRANSITIONS if status in t.sources and level in t.levels]


def allowed_actions(status: str, level: str, role: str) -> list[Transition]:
    """The transitions this role may fire now (admin may fire any)."""
    return [t for t in next_steps(status, level) if role == "admin" or role in t.roles]


def _steps_text(steps: list[Transition]) -> Lazy:
    def render(lang: str | None) -> str:
        if not steps:
            return tr("không còn bước nào (trạng thái cuối)", lang)
        return "; ".join(f"{tr(t.label, lang)} (→ {tr(status_label(t.target), lang)})" for t in steps)

    return Lazy(render)


def check_transition(status: str, level: str, action: str, role: str) -> Transition:
    """Return the transition `action` from `status`, or raise with a Vietnamese reason that
    names the current status and the steps allowed from it."""
    transition = BY_ACTION.get(action)
    steps = next_steps(status, level)
    if transition is None or transition not in steps:
        raise TransitionError(
            "Không thể thực hiện '{action}' khi đề án đang ở trạng thái '{status}'. Các bước tiếp theo được phép: "
            "{steps}.",
            action=label(transition.label) if transition else action,
            status=label(status_label(status)),
            steps=_steps_text(steps),
        )
    if role != "admin" and role not in transition.roles:
        raise PermissionDenied(
            "Vai trò '{role}' không được thực hiện '{action}'. Người được phép: {roles}.",
            role=label(role_label(role)),
            action=label(transition.label),
            roles=Lazy(lambda lang: ", ".join(sorted(tr(role_label(r), lang) for r in transition.roles))),
        )
    return transition
