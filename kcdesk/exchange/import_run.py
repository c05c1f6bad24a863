"""The one shape every Excel import has: read and check every row, report, then (unless a
dry run, or refused) write the valid rows in one transaction through the store's writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.orm import Session

from kcdesk.db.store import Store
from kcdesk.exchange.columns import SheetColumn
from kcdesk.exchange.outcome import ImportOutcome
from kcdesk.exchange.sheet_reader import SheetRow, read_sheet
from kcdesk.progress import Progress, ensure


class RowChecker(Protocol):
    def values(self, row: SheetRow) -> dict[str, Any] | None: ...


def run_import(
    store: Store,
    path: Path | str,
    *,
    kind: str,
    columns: tuple[SheetColumn, ...],
    checker: Callable[[Session, ImportOutcome], RowChecker],
    insert: Callable[[Session, list[dict[str, Any]], Progress], int],
    dry_run: bool,
    skip_invalid: bool,
    progress: Progress | None,
) -> ImportOutcome:
    progress = ensure(progress)
    path = Path(path)
    outcome = ImportOutcome(kind, path.name, dry_run=dry_run, skip_invalid=skip_invalid)
    valid: list[dict[str, Any]] = []
    with store.read() as session:
        rows = checker(session, outcome)
        for row in read_sheet(path, columns, outcome, progress):
            values = rows.values(row)
            if values is not None:
                valid.append(values)
    outcome.valid_rows = len(valid)
    if dry_run or outcome.refused or not valid:
        return outcome
    outcome.imported = store.write(lambda s: insert(s, valid, progress))
    return outcome
