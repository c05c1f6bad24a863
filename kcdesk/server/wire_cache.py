"""Each replicated row's wire form kept beside it, as JSON text (db.WIRE_COL).

A pull page sends the rows it names as they are now, in wire form. Reading every column of
a few thousand rows and encoding each value again was most of the server's work on a page
(py-spy, a pull of 5,000 edits: the read and the decoding 36% and 11% of the server's time,
the page's JSON 13% more), while the laptop waited for it. The push that stores a version
holds that row in wire form already, so it stores its JSON text too
(kcdesk.server.push_write), and a pull sends the text as it is (kcdesk.server.pull, as an
orjson.Fragment), and so does a push read it back as the stored row (kcdesk.server.stored).

Why the text can be trusted: it is only ever written by the push, as the encoding of the
very version that push stores, in the same statement. Every other write to a row (an
erasure's scrub, a parent's move, the holder released, an upgrade's backfill, an
administrator's UPDATE by hand) makes it NULL, by a trigger on the table, so the text is
never older than the row; a row without it is read and encoded from its columns, as every
row was before. A server whose wire form differs from the one that wrote the texts (another
desktop schema, another encoding) drops them all when it starts (install_wire_cache).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import orjson
from sqlalchemy import Engine, select

from kcdesk.server import db
from kcdesk.sync.wire import TableCodec

# Raise when the encoding of a row changes in a way the codecs below do not show.
FORMAT = 1
_META_KEY = "wire_cache"


def encode(row: Mapping[str, Any]) -> str:
    """The text kept for a row in wire form (what decode_stored gives for it)."""
    return orjson.dumps(row).decode()


def fingerprint(codecs: Mapping[str, TableCodec]) -> str:
    """What the cached texts depend on: every replicated table's columns, with their kinds
    and lengths, and this module's FORMAT."""
    parts = [str(FORMAT)]
    for name in sorted(codecs):
        codec = codecs[name]
        parts.append(name + ":" + ",".join(f"{c}={codec.kinds[c]}/{codec.lengths.get(c)}" for c in codec.columns))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _trigger_sql(dialect: str, table: str) -> list[str]:
    col = db.WIRE_COL
    name = f"kc_wire_stale_{table}"
    # The write leaves the text as it was (it did not write one of its own): the text may
    # now be older than the row, so it goes.
    stale = f'NEW."{col}" IS NOT NULL AND NEW."{col}" IS NOT DISTINCT FROM OLD."{col}"'
    if dialect == "postgresql":
        return [
            f'DROP TRIGGER IF EXISTS {name} ON "{table}"',
            f'CREATE TRIGGER {name} BEFORE UPDATE ON "{table}" FOR EACH ROW WHEN ({stale}) '
            "EXECUTE FUNCTION kc_wire_stale()",
        ]
    stale = f'NEW."{col}" IS NOT NULL AND NEW."{col}" IS OLD."{col}"'
    return [
        f"DROP TRIGGER IF EXISTS {name}",
        f'CREATE TRIGGER {name} AFTER UPDATE ON "{table}" FOR EACH ROW WHEN {stale} '
        f'BEGIN UPDATE "{table}" SET "{col}" = NULL WHERE id = NEW.id; END',
    ]


def install_wire_cache(engine: Engine, codecs: Mapping[str, TableCodec] | None = None) -> None:
    """The triggers that keep the texts honest, on every replicated table; and, when the wire
    form is not the one the stored texts were written in, every text dropped. Run at start
    (kcdesk.server.db.create_schema, under the schema lock)."""
    if codecs is None:
        from kcdesk.db.base import Base

        codecs = {name: TableCodec(Base.metadata.tables[name]) for name in db.REPLICATED}
    wanted = fingerprint(codecs)
    meta = db.server_meta
    with engine.begin() as conn:
        dialect = conn.dialect.name
        if dialect == "postgresql":
            conn.exec_driver_sql(
                "CREATE OR REPLACE FUNCTION kc_wire_stale() RETURNS trigger LANGUAGE plpgsql AS "
                f'$$ BEGIN NEW."{db.WIRE_COL}" := NULL; RETURN NEW; END $$'
            )
        for table in db.REPLICATED:
            for sql in _trigger_sql(dialect, table):
                conn.exec_driver_sql(sql)
        stored = conn.execute(select(meta.c.value).where(meta.c.key == _META_KEY)).scalar_one_or_none()
        if stored == wanted:
            return
        for t in db.REPLICATED.values():
            conn.execute(t.update().where(t.c[db.WIRE_COL].is_not(None)).values({db.WIRE_COL: None}))
        if stored is None:
            conn.execute(meta.insert().values(key=_META_KEY, value=wanted))
        else:
            conn.execute(meta.update().where(meta.c.key == _META_KEY).values(value=wanted))
