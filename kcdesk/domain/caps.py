"""Support-cap checks: a proposal's budget against the rules in force on its date.

A breach is a warning (the appraisal council decides), naming the rule, the figures and
the legal basis. Rules are data (`support_rule`); nothing here knows a number from the law.

Per-facility rules group the budget lines of one activity by beneficiary; per-model,
per-brand and per-proposal rules group the whole activity within the proposal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kcdesk.domain.vnformat import money, percent
from kcdesk.i18n import tr


@dataclass(frozen=True)
class CapRule:
    id: str
    activity_code: str
    level: str
    province_code: str | None
    basis: str
    valid_from: date
    valid_to: date | None
    max_pct: Decimal | None
    max_amount: int | None
    unit: str
    priority_multiplier: Decimal | None
    description: str

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class Line:
    item: str
    activity_code: str | None
    facility_id: str | None
    kc_amount: int
    counterpart_amount: int
    other_amount: int

    @property
    def total(self) -> int:
        return self.kc_amount + self.counterpart_amount + self.other_amount


@dataclass(frozen=True)
class CapWarning:
    rule_id: str
    activity_code: str
    facility_id: str | None
    kind: str  # pct | amount
    actual: Decimal | int
    limit: Decimal | int
    basis: str
    message: str  # Vietnamese source template; `params` fill it in the chosen language
    params: tuple[tuple[str, object], ...]

    def text(self, lang: str | None = None) -> str:
        return tr(self.message, lang, **dict(self.params))


def applicable_rules(rules: Iterable[CapRule], level: str, province_code: str | None, on: date) -> list[CapRule]:
    """Rules in force on `on` for this level; a province's own rule replaces the national one."""
    chosen: dict[str, CapRule] = {}
    for rule in rules:
        if rule.level != level or not rule.in_force(on):
            continue
        if rule.province_code not in (None, province_code):
            continue
        current = chosen.get(rule.activity_code)
        if current is None or (rule.province_code and not current.province_code):
            chosen[rule.activity_code] = rule
    return list(chosen.values())


def _matches(rule: CapRule, activity_code: str | None) -> bool:
    # A rule on KC3.3 covers lines coded KC3.3; a rule on KC5 covers KC5 and KC5.x.
    return activity_code is not None and (
        activity_code == rule.activity_code or activity_code.startswith(rule.activity_code + ".")
    )


def check_caps(
    lines: Iterable[Line],
    rules: Iterable[CapRule],
    *,
    level: str,
    province_code: str | None,
    on: date,
    priority_area: bool = False,
    facility_names: dict[str, str] | None = None,
) -> list[CapWarning]:
    lines = list(lines)
    names = facility_names or {}
    warnings: list[CapWarning] = []
    for rule in applicable_rules(rules, level, province_code, on):
        groups: dict[str | None, list[Line]] = defaultdict(list)
        for line in lines:
            if _matches(rule, line.activity_code):
                groups[line.facility_id if rule.unit == "facility" else None].append(line)
        multiplier = rule.priority_multiplier if (priority_area and rule.priority_multiplier) else Decimal(1)
        for facility_id, group in groups.items():
            kc = sum(line.kc_amount for line in group)
            total = sum(line.total for line in group)
            who = names.get(facility_id, "") if facility_id else ""
            scope = f" ({who})" if who else ""
            if rule.max_pct is not None and total > 0:
                pct = Decimal(kc) * 100 / Decimal(total)
                if pct > rule.max_pct:
                    params = (
                        ("what", rule.description),
                        ("scope", scope),
                        ("actual", percent(pct)),
                        ("limit", percent(rule.max_pct, 0)),
                        ("basis", rule.basis),
                    )
                    warnings.append(
                        CapWarning(
                            rule.id,
                            rule.activity_code,
                            facility_id,
                            "pct",
                            pct.quantize(Decimal("0.01")),
                            rule.max_pct,
                            rule.basis,
                            "{what}{scope}: kinh phí khuyến công chiếm {actual} chi phí, vượt mức tối đa {limit} theo "
                            "{basis}.",
                            params,
                        )
                    )
            if rule.max_amount is not None:
                limit = int(Decimal(rule.max_amount) * multiplier)
                if kc > limit:
                    params = (
                        ("what", rule.description),
                        ("scope", scope),
                        ("actual", money(kc)),
                        ("limit", money(limit)),
                        ("basis", rule.basis),
                    )
                    warnings.append(
                        CapWarning(
                            rule.id,
                            rule.activity_code,
                            facility_id,
                            "amount",
                            kc,
                            limit,
                            rule.basis,
                            "{what}{scope}: kinh phí khuyến công {actual}, vượt mức tối đa {limit} theo {basis}.",
                            params,
                        )
                    )
    return warnings
