"""Importing proposals from an .xlsx workbook: new ones created, recorded ones updated.

The workbook (kcdesk.exchange.proposal_columns): a sheet "Đề án" with one row per proposal,
and optionally "Dự toán" (several budget lines per proposal) and "Giải ngân" (several
advances, payments and the settlement), keyed by the proposal code. Each proposal goes in
through the services a person uses (kcdesk.exchange.proposal_apply): the same checks and
money rules, its status reached step by step with the steps' dates, a settled one with its
signed acceptance and settlement, so the reports count it as if it had been typed.

A code already recorded is updated: only what differs is written, money entries already
recorded are recognised and never doubled, and a settled proposal refuses any change. The
changes are listed per proposal; they are written only with `update=True` (`--update`),
once the user has seen them (a dry run, or the import dialog's check).

All or nothing, as every import: the whole workbook is applied in one transaction, and
rolled back for a dry run, when any proposal is refused (unless skip_invalid: then only
the refused proposals are left out), or when changes wait for `update`. A dry run thus
runs every rule the real import runs, and reports exactly what it would write.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from kcdesk.db.store import Store
from kcdesk.exchange.outcome import ImportOutcome
from kcdesk.exchange.proposal_apply import ProposalWriter
from kcdesk.exchange.proposal_columns import (
    BUDGET_COLUMNS,
    BUDGET_SHEET,
    PAYMENT_COLUMNS,
    PAYMENT_SHEET,
    PROPOSAL_COLUMNS,
    PROPOSAL_SHEET,
    SHEET_NAMES,
)
from kcdesk.exchange.proposal_plan import Findings
from kcdesk.exchange.proposal_rows import ProposalRows
from kcdesk.exchange.sheet_reader import SheetInfo, SheetRow, read_sheet
from kcdesk.exchange.workbook import WorkbookError, sheet_titles
from kcdesk.progress import Progress, ensure
from kcdesk.text import fold


@dataclass
class Sheet:
    info: SheetInfo = field(default_factory=lambda: SheetInfo(tag=True))
    rows: list[SheetRow] = field(default_factory=list)


class _RollBack(Exception):
    """Leaves the write transaction without committing (dry run, refusal, waiting for update)."""


def import_proposals(
    store: Store,
    path: Path | str,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    update: bool = False,
    progress: Progress | None = None,
) -> ImportOutcome:
    progress = ensure(progress)
    path = Path(path)
    outcome = ImportOutcome("proposals", path.name, dry_run=dry_run, skip_invalid=skip_invalid, update=update)
    main, budget, money = read_workbook(path, outcome, progress)
    outcome.headers = main.info.headers
    outcome.ignored_columns = [
        f"{sheet.info.title}: {name}" for sheet in (main, budget, money) for name in sheet.info.ignored
    ]
    with contextlib.suppress(_RollBack):
        store.write(lambda s: _apply(s, (main, budget, money), outcome, store.user_id, progress))
    return outcome


def read_workbook(path: Path, outcome: ImportOutcome, progress: Progress) -> tuple[Sheet, Sheet, Sheet]:
    """The rows of the three sheets. The proposal sheet is the one named so, else the first
    sheet unless that is one of the other two (a workbook of payments alone)."""
    titles = sheet_titles(path)
    others = {fold(n) for name in (BUDGET_SHEET, PAYMENT_SHEET) for n in SHEET_NAMES[name]}
    names = [n for n in SHEET_NAMES[PROPOSAL_SHEET] if fold(n) in {fold(t) for t in titles}]
    main_sheet = names[0] if names else (titles[0] if titles and fold(titles[0]) not in others else None)
    main, budget, money = Sheet(), Sheet(), Sheet()
    if main_sheet is not None:
        main.rows = list(read_sheet(path, PROPOSAL_COLUMNS, outcome, progress, main_sheet, info=main.info))
    budget.rows = list(
        read_sheet(path, BUDGET_COLUMNS, outcome, progress, SHEET_NAMES[BUDGET_SHEET], info=budget.info, optional=True)
    )
    money.rows = list(
        read_sheet(path, PAYMENT_COLUMNS, outcome, progress, SHEET_NAMES[PAYMENT_SHEET], info=money.info, optional=True)
    )
    if main_sheet is None and not budget.rows and not money.rows:
        raise WorkbookError(
            "Tệp {path} không có trang '{sheet}' (hay trang dữ liệu nào khác của đề án). Hãy tải mẫu bằng lệnh: "
            "kcdesk import template proposals mau.xlsx",
            path=path.name,
            sheet=PROPOSAL_SHEET,
        )
    return main, budget, money


def _apply(
    session: Session,
    sheets: tuple[Sheet, Sheet, Sheet],
    outcome: ImportOutcome,
    user_id: str | None,
    progress: Progress,
) -> None:
    main, budget, money = sheets
    findings = Findings(outcome)
    rows = ProposalRows(session, findings)
    proposals = [p for p in (rows.proposal(r, main.info) for r in main.rows) if p is not None]
    lines = [x for x in (rows.budget_line(r, budget.info) for r in budget.rows) if x is not None]
    entries = [x for x in (rows.money_row(r, money.info) for r in money.rows) if x is not None]
    plans = rows.assemble(proposals, lines, entries)
    writer = ProposalWriter(session, findings, user_id, date.today())
    what = "kiểm tra" if outcome.dry_run else "ghi dữ liệu"
    for n, plan in enumerate(plans):
        progress.step(n, len(plans), what)  # a cancel here rolls the whole import back
        if plan.code in rows.bad:
            continue
        before = len(outcome.problems)
        savepoint = session.begin_nested()
        change = writer.apply(plan)
        if change is None or len(outcome.problems) > before:
            savepoint.rollback()
        else:
            savepoint.commit()
            outcome.changes.append(change)
    progress.check()  # cancelled during the last proposal: still nothing written
    outcome.valid_rows = len(outcome.changes)
    if outcome.dry_run or outcome.refused or outcome.awaits_update or not (outcome.created or outcome.updated):
        raise _RollBack()
    outcome.imported = outcome.created + outcome.updated
