"""The schema revisions this version of kcdesk knows, without importing Alembic.

Opening a database only compares its revision with HEAD (a few milliseconds); Alembic is
imported only when a migration is really needed. tests/test_migrations.py checks these
constants against the migration scripts.
"""

KNOWN_REVISIONS = (
    "0001_initial",
    "0002_reference_data",
    "0003_cities_2026",
    "0004_sync_state",
    "0005_proposal_follow_up",
    "0006_name_sort_keys",
    "0007_personal_data",
    "0008_sign_in",
    "0009_compact_audit",
    "0010_live_count",
    "0011_search_hashsize",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
