"""Every wire form a server keeps (kcdesk.server.wire_cache) is its row's, checked on every
sync test's server database when the test ends (ServerProcess.close): whatever the test did
to the rows (pushes of any table, hostile values, merges, moves, erasures, edits by hand),
the text a pull would send as it is must equal the row read and encoded from its columns."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import inspect

from kcdesk.db.base import Base
from kcdesk.server import db
from kcdesk.server.stored import StoredReader
from kcdesk.server.wire_cache import kept_json
from kcdesk.sync.wire import TableCodec

SORTED = orjson.OPT_SORT_KEYS


def _differences(kept: dict[str, Any], read: dict[str, Any] | None) -> str:
    if read is None:
        return "the row does not read back, yet a text is kept"
    fields = sorted(set(kept) | set(read))
    differ = [f for f in fields if orjson.dumps(kept.get(f)) != orjson.dumps(read.get(f))]
    return "; ".join(f"{f}: kept {kept.get(f)!r}, stored {read.get(f)!r}" for f in differ)


def stale_wire_texts(url: str) -> list[str]:
    """The kept texts that differ from their rows (empty when all agree), one line each."""
    engine = db.make_server_engine(url)
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
            codecs = {name: TableCodec(Base.metadata.tables[name]) for name in db.REPLICATED}
            reader = StoredReader(codecs)
            for name, table in db.REPLICATED.items():
                if name not in present:
                    return problems  # the server never made its schema
                stmt = reader.select(name).add_columns(table.c[db.WIRE_COL]).where(table.c[db.WIRE_COL].is_not(None))
                for rec in conn.execute(stmt).mappings():
                    text = kept_json(rec[db.WIRE_COL])
                    if text is None:  # another wire form's: the server reads the columns
                        continue
                    kept = orjson.loads(text)
                    read = reader.decode(name, rec)
                    # As bytes, keys sorted: == in Python takes 1 for 1.0 and True.
                    if read is None or orjson.dumps(kept, option=SORTED) != orjson.dumps(read, option=SORTED):
                        problems.append(f"{name} {rec['id']}: {_differences(kept, read)}")
    finally:
        engine.dispose()
    return problems
