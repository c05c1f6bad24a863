"""What the proposal editor shows besides the fields: which status actions a person may
press now, the budget's live totals and counterpart ratio, and deadline badges."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kcdesk.domain import lifecycle
from kcdesk.domain.deadlines import DueItem
from kcdesk.domain.roles import role_label
from kcdesk.domain.vnformat import day, money, ratio_percent
from kcdesk.services import proposal_edit
from kcdesk.ui.logic.i18n import tr


@dataclass(frozen=True)
class ActionState:
    action: str
    label: str  # Vietnamese source; translated when shown
    target: str
    enabled: bool
    reason: str  # why it is disabled (empty when enabled), in the language asked for


def action_states(
    status: str, level: str, role: str, *, saved: bool = True, dirty: bool = False, lang: str | None = None
) -> list[ActionState]:
    """Every step out of the current status at this level; enabled when the role may fire it
    (the same rule the core enforces) and the record has no unsaved edits."""
    allowed = {t.action for t in lifecycle.allowed_actions(status, level, role)}
    out = []
    for t in lifecycle.next_steps(status, level):
        if not saved:
            reason = tr("Hãy lưu đề án trước.", lang)
        elif t.action not in allowed:
            who = ", ".join(sorted(tr(role_label(r), lang) for r in t.roles))
            reason = tr("Chỉ {who} được thực hiện bước này.", lang, who=who)
        elif dirty:
            reason = tr("Hãy lưu các thay đổi trước.", lang)
        else:
            reason = ""
        out.append(ActionState(t.action, t.label, t.target, not reason, reason))
    return out


@dataclass(frozen=True)
class BudgetSummary:
    kc: int
    counterpart: int
    other: int

    @property
    def total(self) -> int:
        return self.kc + self.counterpart + self.other

    def counterpart_ratio(self) -> str:
        """Counterpart as a share of the whole cost ('-' for an empty budget)."""
        return ratio_percent(self.counterpart, self.total)

    def text(self, lang: str | None = None) -> str:
        return tr(
            "Kinh phí khuyến công {kc} · Vốn đối ứng {cp} · Nguồn khác {other} · Tổng {total} · Tỷ lệ đối ứng {ratio}",
            lang,
            kc=money(self.kc),
            cp=money(self.counterpart),
            other=money(self.other),
            total=money(self.total),
            ratio=self.counterpart_ratio(),
        )


def budget_summary(lines: Iterable[tuple[int, int, int]]) -> BudgetSummary:
    kc = cp = other = 0
    for a, b, c in lines:
        kc, cp, other = kc + a, cp + b, other + c
    return BudgetSummary(kc, cp, other)


def parse_amount(text: str) -> int | None:
    """'1.234.567', '1 234 567 đồng', '1234567' -> 1234567; '' -> 0; anything else -> None."""
    compact = text.replace(".", "").replace(" ", "").replace("\u00a0", "").replace("đồng", "").replace("đ", "")
    if not compact:
        return 0
    return int(compact) if compact.isdigit() else None


@dataclass(frozen=True)
class Badge:
    text: str
    severity: str  # overdue | soon | later


def deadline_badges(items: Iterable[DueItem], lang: str | None = None) -> list[Badge]:
    out = []
    for item in items:
        if item.overdue:
            text = tr(
                "{rule}: quá hạn {n} ngày ({due})",
                lang,
                rule=tr(item.rule_name, lang),
                n=-item.days_left,
                due=day(item.due),
            )
            out.append(Badge(text, "overdue"))
        else:
            text = tr(
                "{rule}: còn {n} ngày ({due})", lang, rule=tr(item.rule_name, lang), n=item.days_left, due=day(item.due)
            )
            out.append(Badge(text, "soon" if item.days_left <= 7 else "later"))
    return out


def due_severity(days_left: int) -> str:
    return "overdue" if days_left < 0 else "soon" if days_left <= 7 else "later"


def is_locked(status: str) -> bool:
    """The core's rule: settled and final proposals are not edited any more."""
    return proposal_edit.is_locked(status)


def default_plan_year(today: date | None = None) -> int:
    """Proposals are registered in the year before they run (by 20 May)."""
    return (today or date.today()).year + 1
