"""Monthly progress reports (Mẫu 3a): file one for a month, correct it, list them.

Filing a report for a month clears that month's due item (kcdesk.services.due). The due
day comes from the deadline rule `bao_cao_tien_do` (data); a report filed after it keeps
its due date and the days it was late. Rules: kcdesk.domain.progress_reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import DeadlineRule, ProgressReport, Proposal
from kcdesk.domain import progress_reports as rules
from kcdesk.domain.progress_reports import FIELDS, PROGRESS_LABELS
from kcdesk.errors import NotFoundError, ValidationError
from kcdesk.ids import new_id
from kcdesk.services.proposals import find_proposal
from kcdesk.text import clean

TEXT_FIELDS = ("outputs", "issues", "recommendations")


def rule_terms(session: Session) -> tuple[int, frozenset[str]]:
    """(due day, statuses that must report) from the deadline rule, or the TT 36 defaults."""
    rule = session.get(DeadlineRule, rules.RULE_CODE)
    if rule is None:
        return rules.DEFAULT_DUE_DAY, rules.DEFAULT_STATUSES
    statuses = frozenset(s.strip() for s in rule.statuses.split(",") if s.strip())
    return rule.day or rules.DEFAULT_DUE_DAY, statuses or rules.DEFAULT_STATUSES


def _reported(session: Session, proposal_id: str) -> dict[str, date]:
    return {
        period: on
        for period, on in session.execute(
            select(ProgressReport.period, ProgressReport.submitted_on).where(
                ProgressReport.proposal_id == proposal_id, ProgressReport.deleted_at.is_(None)
            )
        )
    }


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    data = {k: clean(v) if isinstance(v, str) else v for k, v in values.items() if k in FIELDS}
    if isinstance(data.get("period"), str):
        data["period"] = rules.parse_period(data["period"]) or data["period"]
    if data.get("completed_pct") not in (None, ""):
        data["completed_pct"] = str(data["completed_pct"]).replace(",", ".")
    elif "completed_pct" in data:
        data["completed_pct"] = None
    return data


def _check(
    session: Session, proposal: Proposal, data: Mapping[str, Any], today: date | None, editing: str | None
) -> None:
    _, statuses = rule_terms(session)
    problems = rules.report_problems(
        data,
        status=proposal.status,
        statuses=statuses,
        reported=_reported(session, proposal.id),
        today=today or date.today(),
        editing_period=editing,
    )
    if problems:
        raise ValidationError(problems, labels=PROGRESS_LABELS)


def file_progress_report(session: Session, ref: str, values: Mapping[str, Any], *, today: date | None = None) -> str:
    """File the report for one month. `values`: period ('2026-03' or '03/2026'),
    submitted_on (date), completed_pct (0-100), spent (đồng), outputs, issues,
    recommendations. Returns the report's id."""
    proposal = find_proposal(session, ref)
    data = _clean(values)
    _check(session, proposal, data, today, None)
    due_day, _ = rule_terms(session)
    late = rules.lateness(data["period"], data["submitted_on"], due_day)
    report = ProgressReport(
        id=new_id(),
        proposal_id=proposal.id,
        due_on=late.due_on,
        days_late=late.days_late,
        **{k: (Decimal(v) if k == "completed_pct" and v is not None else v) for k, v in data.items()},
    )
    session.add(report)
    session.flush()
    return report.id


def update_progress_report(
    session: Session, report_id: str, changes: Mapping[str, Any], *, today: date | None = None
) -> None:
    """Correct a filed report (its month, date, figures or text); lateness is worked out again."""
    report = session.get(ProgressReport, report_id)
    if report is None or report.deleted_at is not None:
        raise NotFoundError("Không tìm thấy báo cáo tiến độ {id}.", id=report_id)
    proposal = find_proposal(session, report.proposal_id)
    current = {k: getattr(report, k) for k in FIELDS}
    data = _clean(changes)
    merged = current | data
    _, statuses = rule_terms(session)
    problems = rules.report_problems(
        merged,
        status=proposal.status,
        statuses=statuses | {proposal.status},  # a filed report can be corrected later
        reported=_reported(session, proposal.id),
        today=today or date.today(),
        editing_period=report.period,
    )
    if problems:
        raise ValidationError(problems, labels=PROGRESS_LABELS)
    for key, value in data.items():
        value = Decimal(value) if key == "completed_pct" and value is not None else value
        if getattr(report, key) != value:
            setattr(report, key, value)
    due_day, _ = rule_terms(session)
    late = rules.lateness(report.period, report.submitted_on, due_day)
    if (report.due_on, report.days_late) != (late.due_on, late.days_late):
        report.due_on, report.days_late = late.due_on, late.days_late
    session.flush()


def progress_report_dict(report: ProgressReport) -> dict[str, Any]:
    return {
        "id": report.id,
        "proposal_id": report.proposal_id,
        **{k: getattr(report, k) for k in FIELDS},
        "due_on": report.due_on,
        "days_late": report.days_late,
        "late": bool(report.days_late),
    }


def progress_reports(session: Session, ref: str) -> list[dict[str, Any]]:
    """A proposal's reports, oldest month first."""
    proposal = find_proposal(session, ref)
    rows = session.scalars(
        select(ProgressReport)
        .where(ProgressReport.proposal_id == proposal.id, ProgressReport.deleted_at.is_(None))
        .order_by(ProgressReport.period)
    )
    return [progress_report_dict(r) for r in rows]
