"""Alembic environment for the local store.

Runs on a connection handed over by kcdesk.db.store (config.attributes["connection"]),
in batch mode with named constraints, because SQLite cannot ALTER most things in place.
While migrations run, the capture context says origin 'migration' and marks the writes as
not-for-sync, so seeded reference data is audited but never pushed; afterwards every
kcdesk trigger is re-created from the tables as they now are.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import kcdesk.db.models  # noqa: F401  (registers every table)
from kcdesk.db.alembic_config import include_object
from kcdesk.db.audit_trail import compact_in_effect
from kcdesk.db.base import Base, synced_tables
from kcdesk.db.capture import existing_tables, install_triggers, set_context


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        if "kc_context" in existing_tables(connection):
            set_context(connection, user_id=None, device_id=None, origin="migration", applying_remote=True)
        context.run_migrations()
        if "kc_context" in existing_tables(connection):
            install_triggers(connection, synced_tables(), compact_in_effect(connection))
            set_context(connection, user_id=None, device_id=None, origin="local", applying_remote=False)


connection = context.config.attributes.get("connection")
if connection is None:
    # Developer use: `alembic -x db=path.db revision --autogenerate` from a checkout.
    from sqlalchemy import create_engine

    url = context.get_x_argument(as_dictionary=True).get("db", "sqlite:///:memory:")
    if "://" not in url:
        url = f"sqlite:///{url}"
    with create_engine(url).connect() as conn:
        run(conn)
        conn.commit()
else:
    run(connection)
