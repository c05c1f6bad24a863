"""Alembic configuration built in code: no alembic.ini to ship or lose."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


# Indexes on an expression: SQLAlchemy cannot reflect them, so autogenerate would propose
# adding them again and again; tests/test_migrations.py compares their DDL instead.
EXPRESSION_INDEXES = frozenset({"ix_facility_live"})


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """FTS5 tables and their shadow tables are made by hand-written migrations; autogenerate
    must never propose dropping them. Expression indexes are compared by their DDL."""
    if type_ == "index" and name in EXPRESSION_INDEXES:
        return False
    return not (type_ == "table" and name is not None and "_fts" in name)
