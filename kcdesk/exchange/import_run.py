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

# From this many rows an import is written as a large write: 10,000 facilities are some
# 15 MB with their indexes, audit and search index, where WAL's second copy starts to show
# (50,000 facilities: about 0.4 s of 5 s, bench/bench_core.py).
LARGE_IMPORT_ROWS = 10_000


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
    # A sheet of many rows is a large write (kcdesk.db.journal): written once into the file
    # through the rollback journal when nothing else has it open (an import from the command
    # line), in WAL as any write when the window reads it.
    large = len(valid) >= LARGE_IMPORT_ROWS
    outcome.imported = store.write(lambda s: insert(s, valid, progress), large=large)
    return outcome
