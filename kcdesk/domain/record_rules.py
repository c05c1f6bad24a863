"""Rules about a record among the records around it, as plain data.

What a proposal's status change needs (the lifecycle with its roles and `needs`, judged from
the stored proposal), when its funding level may still change, what signing an acceptance
record needs, and whether a status-history entry matches its proposal. The app's services
and the sync server's rule book (kcdesk.server.rulebook) call these same functions; each
side passes the rows it holds, so both give the same answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kcdesk.domain import lifecycle
from kcdesk.domain.roles import role_label
from kcdesk.errors import FieldMessage
from kcdesk.i18n import Lazy, label, tr

INITIAL_STATUSES = frozenset({"draft"})
# The funding level decides which steps apply (KCĐP skips the ministry): it is fixed once
# the proposal is registered, and can change again only when it comes back for revision.
LEVEL_EDITABLE_STATUSES = frozenset({"draft", "returned"})
# The administrator may take any step (as lifecycle.allowed_actions says): the workbook
# import records on its dated steps what others did. Never without the step or its needs.
ANY_STEP_ROLE = "admin"

# A stored row as the rules read it: a dict, or SQLAlchemy's RowMapping (whose keys may also
# be column objects, so it is not a Mapping[str, Any]).
Row = Mapping[Any, Any]


@dataclass(frozen=True)
class StatusProblem:
    """Why a status change is refused: a reason code (kcdesk.sync.reasons) and the message."""

    code: str
    message: FieldMessage


def _live(rows: Iterable[Row]) -> list[Row]:
    return [r for r in rows if not r.get("deleted_at")]


def requirement_met(needs: str, acceptances: Iterable[Row], evaluations: Iterable[Row]) -> bool:
    """Whether a transition's `needs` condition holds, given the proposal's acceptance
    records and post-support evaluations (deleted ones do not count)."""
    if needs.startswith("signed_acceptance:"):
        conclusion = needs.split(":", 1)[1]
        return any(a.get("signed_at") and a.get("conclusion") == conclusion for a in _live(acceptances))
    if needs == "evaluation":
        return bool(_live(evaluations))
    raise ValueError(f"unknown requirement {needs!r}")


def _roles_text(roles: Iterable[str]) -> Lazy:
    ordered = sorted(roles)
    return Lazy(lambda lang: ", ".join(sorted(tr(role_label(r), lang) for r in ordered)))


def status_change_problem(
    old_status: str | None,
    new_status: str,
    stored_level: str,
    role: str,
    needs_met: Callable[[str], bool],
) -> StatusProblem | None:
    """Judge a proposal's status change as the lifecycle allows it from the STORED proposal:
    its stored status and level (a level sent together with the status does not count),
    the roles of the step, and the step's `needs`. `old_status` None is a new proposal,
    which starts in an initial status, whoever makes it: every later status is a step."""
    if old_status is None:
        if new_status in INITIAL_STATUSES:
            return None
        return StatusProblem(
            "initial_status",
            FieldMessage(
                "Đề án mới phải bắt đầu ở trạng thái '{initial}', không phải '{new}'; các trạng thái sau được ghi "
                "lần lượt theo từng bước của quy trình.",
                initial=label(lifecycle.status_label("draft")),
                new=label(lifecycle.status_label(new_status)),
            ),
        )
    if old_status == new_status:
        return None
    steps = [t for t in lifecycle.next_steps(old_status, stored_level) if t.target == new_status]
    if not steps:
        return StatusProblem(
            "invalid_transition",
            FieldMessage(
                "Không thể chuyển đề án từ trạng thái '{old}' sang '{new}'.",
                old=label(lifecycle.status_label(old_status)),
                new=label(lifecycle.status_label(new_status)),
            ),
        )
    allowed = [t for t in steps if role == ANY_STEP_ROLE or role in t.roles]
    if not allowed:
        step = steps[0]
        return StatusProblem(
            "transition_role",
            FieldMessage(
                "Vai trò '{role}' không được thực hiện '{action}'. Người được phép: {roles}.",
                role=label(role_label(role)),
                action=label(step.label),
                roles=_roles_text(set().union(*(t.roles for t in steps))),
            ),
        )
    unmet = [t for t in allowed if t.needs and not needs_met(t.needs)]
    if len(unmet) == len(allowed):
        step = unmet[0]
        assert step.needs is not None
        return StatusProblem(
            "requirement_missing",
            FieldMessage(
                "Chưa thể '{action}': {requirement}.",
                action=label(step.label),
                requirement=label(lifecycle.REQUIREMENTS[step.needs]),
            ),
        )
    return None


def level_change_problem(status: str) -> FieldMessage | None:
    """A proposal's level changes only before registration or when returned for revision."""
    if status in LEVEL_EDITABLE_STATUSES:
        return None
    return FieldMessage(
        "Chỉ đổi được cấp đề án khi đề án ở trạng thái '{draft}' hoặc '{returned}' (hiện tại: '{status}').",
        draft=label(lifecycle.status_label("draft")),
        returned=label(lifecycle.status_label("returned")),
        status=label(lifecycle.status_label(status)),
    )


def signing_problems(acceptance: Row, members: Iterable[Row]) -> dict[str, FieldMessage]:
    """What an acceptance record lacks before it can be signed (empty: it can be)."""
    problems: dict[str, FieldMessage] = {}
    if not acceptance.get("conclusion"):
        problems["conclusion"] = FieldMessage("Chưa có kết luận nghiệm thu; hãy chọn trước khi ký.")
    if not acceptance.get("number"):
        problems["number"] = FieldMessage("Chưa có số biên bản; hãy nhập trước khi ký.")
    if not _live(members):
        problems["members"] = FieldMessage("Biên bản cần ít nhất một thành viên trước khi ký.")
    return problems


def status_event_problem(event: Mapping[str, Any], proposal_status: str | None) -> FieldMessage | None:
    """A status-history entry names a real step (action, from, to agree with the lifecycle)
    and its proposal stands at the step's result: history never records a step not taken."""
    step = lifecycle.BY_ACTION.get(str(event.get("action")))
    source, target = event.get("from_status"), event.get("to_status")
    if step is None or step.target != target or source not in step.sources:
        return FieldMessage(
            "Bước '{action}' ({old} → {new}) không có trong quy trình đề án.",
            action=str(event.get("action")),
            old=str(source),
            new=str(target),
        )
    if proposal_status != target:
        return FieldMessage(
            "Lịch sử ghi bước '{action}' nhưng đề án đang ở trạng thái '{status}', không phải '{new}'.",
            action=label(step.label),
            status=label(lifecycle.status_label(str(proposal_status))),
            new=label(lifecycle.status_label(str(target))),
        )
    return None
