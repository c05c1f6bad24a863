"""A server database made before the desktop schema gained columns (issue 10's fund source,
reversal link, progress and evaluation fields) gets them when the server starts, with the
rows it holds kept and given the value the desktop gave its own, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from kcdesk.server.db import create_schema, make_server_engine
from tests.sync.conftest import Database

NEW_COLUMNS = {
    "disbursement": ("fund_source", "reverses_id"),
    "progress_report": ("outputs", "recommendations", "due_on", "days_late"),
    "post_support_evaluation": ("output_before", "evaluator"),
    "proposal": ("planned_fairs", "planned_brands"),
}


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_older_server_database_gains_the_new_columns(backend: str, pg_ok: bool, tmp_path: Path) -> None:
    if backend == "postgres" and not pg_ok:
        pytest.skip("PostgreSQL is not running")
    db = Database(backend, tmp_path)
    engine = make_server_engine(db.url)
    try:
        create_schema(engine)
        with engine.begin() as conn:  # as it was before: without the columns
            for table, columns in NEW_COLUMNS.items():
                for column in columns:
                    conn.execute(text(f'ALTER TABLE "{table}" DROP COLUMN "{column}"'))
            conn.execute(
                text(
                    "INSERT INTO disbursement (id, proposal_id, kind, amount, paid_on, row_version, created_at, "
                    "updated_at, kc_scope) VALUES ('d-1', 'p-1', 'tam_ung', 5000000, '2026-03-01', 1, 'x', 'x', '48')"
                )
            )
        create_schema(engine)
        inspector = inspect(engine)
        for table, columns in NEW_COLUMNS.items():
            present = {c["name"] for c in inspector.get_columns(table)}
            assert set(columns) <= present, table
        with engine.connect() as conn:
            kept = conn.execute(text("SELECT amount, fund_source FROM disbursement WHERE id = 'd-1'")).one()
        # The desktop's migration made old money rows khuyến công funds; the server does the same.
        assert tuple(kept) == (5_000_000, "kc")
    finally:
        engine.dispose()
        db.drop()
