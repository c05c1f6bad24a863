"""Each replicated row's wire form kept beside it, as JSON text (db.WIRE_COL).

A pull page sends the rows it names as they are now, in wire form. Reading every column of
a few thousand rows and encoding each value again was most of the server's work on a page
(py-spy, a pull of 5,000 edits: the read and the decoding 36% and 11% of the server's time,
the page's JSON 13% more), while the laptop waited for it. The push that stores a version
holds that row in wire form already, so it stores its JSON too
(kcdesk.server.push_write), and a pull sends the text as it is (kcdesk.server.pull, as an
orjson.Fragment), and so does a push read it back as the stored row (kcdesk.server.stored).

Why the text can be trusted:
- it is only ever written by the push, as the encoding of the very version that push
  stores, in the same statement;
- every other write to a row (an erasure's scrub, a parent's move, the holder released, an
  upgrade's backfill, an administrator's UPDATE by hand) makes it NULL, by a trigger on the
  table, so the text is never older than the row;
- each text starts with a tag of the wire form it was written in (every replicated table's
  columns, their kinds and lengths, and FORMAT): a text in another form (written by a
  server of another version, still running during an upgrade) is not this server's, and is
  read as if it were NULL.
A row without a text of its own is read and encoded from its columns, as every row was
before. A row INSERTed by hand must leave the column NULL (docs/sync.md says so).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import cache
from typing import Any

import orjson
from sqlalchemy import Engine

from kcdesk.server import db
from kcdesk.sync.wire import TableCodec

# Raise when the encoding of a row changes in a way the codecs do not show.
FORMAT = 1
_TRIGGER = "kc_wire_stale_"  # + the table's name


def fingerprint(codecs: Mapping[str, TableCodec]) -> str:
    """What a kept text depends on: every replicated table's columns, with their kinds and
    lengths, and this module's FORMAT."""
    parts = [str(FORMAT)]
    for name in sorted(codecs):
        codec = codecs[name]
        parts.append(name + ":" + ",".join(f"{c}={codec.kinds[c]}/{codec.lengths.get(c)}" for c in codec.columns))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


@cache
def tag() -> str:
    """The start of every text this server keeps: its wire form's fingerprint (16 hex digits)."""
    from kcdesk.db.base import Base

    return fingerprint({name: TableCodec(Base.metadata.tables[name]) for name in db.REPLICATED})[:16] + ":"


def encode(row: Mapping[str, Any]) -> str:
    """The text kept for a row in wire form (what decode_stored gives for it)."""
    return tag() + orjson.dumps(row).decode()


def kept_json(text: str | None) -> str | None:
    """The JSON of a kept text written in this server's wire form; None for any other."""
    start = tag()
    if text is None or not text.startswith(start):
        return None
    return text[len(start) :]


def _trigger_sql(dialect: str, table: str) -> str:
    col = db.WIRE_COL
    # The write leaves the text as it was (it did not write one of its own): the text may
    # now be older than the row, so it goes.
    if dialect == "postgresql":
        stale = f'NEW."{col}" IS NOT NULL AND NEW."{col}" IS NOT DISTINCT FROM OLD."{col}"'
        return (
            f'CREATE TRIGGER {_TRIGGER}{table} BEFORE UPDATE ON "{table}" FOR EACH ROW WHEN ({stale}) '
            "EXECUTE FUNCTION kc_wire_stale()"
        )
    stale = f'NEW."{col}" IS NOT NULL AND NEW."{col}" IS OLD."{col}"'
    return (
        f'CREATE TRIGGER {_TRIGGER}{table} AFTER UPDATE ON "{table}" FOR EACH ROW WHEN {stale} '
        f'BEGIN UPDATE "{table}" SET "{col}" = NULL WHERE id = NEW.id; END'
    )


def install_wire_cache(engine: Engine) -> None:
    """The triggers that keep the texts honest, on every replicated table that lacks one. Run
    at start (kcdesk.server.db.create_schema, under the schema lock). Nothing is created,
    and so nothing locked, when they are all there: on PostgreSQL a trigger's DDL locks its
    table against every read and write until commit, and workers already serving do not
    take the schema lock."""
    with engine.begin() as conn:
        dialect = conn.dialect.name
        if dialect == "postgresql":
            have = {r[0] for r in conn.exec_driver_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
            function = conn.exec_driver_sql("SELECT 1 FROM pg_proc WHERE proname = 'kc_wire_stale'").first() is not None
        else:
            have = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            function = True
        missing = [table for table in db.REPLICATED if f"{_TRIGGER}{table}" not in have]
        if missing and not function:
            conn.exec_driver_sql(
                "CREATE OR REPLACE FUNCTION kc_wire_stale() RETURNS trigger LANGUAGE plpgsql AS "
                f'$$ BEGIN NEW."{db.WIRE_COL}" := NULL; RETURN NEW; END $$'
            )
        for table in missing:
            conn.exec_driver_sql(_trigger_sql(dialect, table))
