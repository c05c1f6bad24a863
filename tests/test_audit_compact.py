"""The compact audit trail (0009_compact_audit): an insert's entry keeps no image of the row,
yet the history rebuilt from the current row is the one the full images told, field for
field; the migration down writes every image back and the migration up takes them out
again, with the history, the locks and the changes waiting to be pushed all unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk.db import audit_trail, sqlfile
from kcdesk.db.alembic_config import alembic_config
from kcdesk.db.engine import make_engine
from kcdesk.db.schema import HEAD_REVISION
from kcdesk.db.scrub import apply_erasure
from kcdesk.db.store import Store
from kcdesk.errors import LockedError
from kcdesk.ids import new_id
from kcdesk.services import facilities
from kcdesk.sync.client import codecs
from kcdesk.sync.outbox import read_pending
from tests.raw_db import raw_connect

FACILITY = {
    "name": "Cơ sở mộc Kim Bồng",
    "facility_type": "hkd",
    "province_code": "48",
    "ward_code": "20194",
    "representative": "Lê Văn Tám",
    "phone": "0905123456",
    "email": "tam@kimbong.vn",
}


def migrate(path: Path, revision: str, down: bool = False) -> None:
    engine = make_engine(path, sqlfile.key_for(path))
    cfg = alembic_config()
    with engine.connect() as conn, conn.begin():
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)
    engine.dispose()


def differences(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, str]]:
    """The records whose history differs (pytest's own diff of two whole trails takes minutes)."""
    keys = {(t, r) for t in (*a, *b) for r in (*a.get(t, {}), *b.get(t, {}))}
    return sorted((t, r) for t, r in keys if a.get(t, {}).get(r) != b.get(t, {}).get(r))


def trail(path: Path) -> dict[str, Any]:
    engine = make_engine(path, sqlfile.key_for(path))
    with engine.connect() as conn:
        history = audit_trail.whole_history(conn)
    engine.dispose()
    return history


def pending(path: Path) -> list[dict[str, Any]]:
    with Store.open(path) as store, store.read() as s:
        return [m.wire() for m in read_pending(s, codecs(), None)]


def compact_inserts(path: Path) -> tuple[int, int]:
    """(insert entries without an image, insert entries with one)."""
    with raw_connect(path) as conn:
        row = conn.execute(
            "SELECT count(*) FILTER (WHERE after IS NULL), count(*) FILTER (WHERE after IS NOT NULL) "
            "FROM audit_entry WHERE op = 'insert'"
        ).fetchone()
    return int(row[0]), int(row[1])


def edits(store: Store) -> dict[str, str]:
    """Every kind of change the trail records, on top of the demo province."""
    kept = store.write(lambda s: facilities.create_facility(s, FACILITY))
    store.write(lambda s: facilities.update_facility(s, kept, {"phone": "0905999888", "village": "Thôn 3"}))
    store.write(lambda s: facilities.update_facility(s, kept, {"village": None}))  # a field back to empty
    store.write(lambda s: facilities.delete_facility(s, kept))  # soft: the row stays
    store.write(lambda s: s.execute(text("UPDATE facility SET deleted_at = NULL WHERE id = :i"), {"i": kept}))
    gone = store.write(lambda s: facilities.create_facility(s, FACILITY | {"name": "Cơ sở gốm Thanh Hà"}))
    store.write(lambda s: facilities.update_facility(s, gone, {"representative": "Hồ Thị Năm"}))
    store.write(lambda s: s.execute(text("DELETE FROM facility WHERE id = :i"), {"i": gone}))  # hard delete
    erased = store.write(lambda s: facilities.create_facility(s, FACILITY | {"name": "Hộ kinh doanh Ba Na"}))
    target = {"table": "facility", "row_id": erased, "fields": {"phone": "(đã xóa)", "email": None}}
    store.write(lambda s: apply_erasure(s, [target]))
    # Pulled from the server (the demo's own rows are too): audited, not queued.
    store.write(
        lambda s: s.execute(text("UPDATE facility SET name = 'Tên từ máy chủ' WHERE id = :i"), {"i": kept}),
        origin="sync",
        applying_remote=True,
    )
    return {"kept": kept, "gone": gone, "erased": erased}


def signed_acceptance(path: Path) -> str:
    with raw_connect(path) as conn:
        row = conn.execute("SELECT id FROM acceptance WHERE signed_at IS NOT NULL LIMIT 1").fetchone()
    assert row, "the demo province has a signed acceptance record"
    return str(row[0])


def test_history_sync_and_locks_survive_the_migration_down_and_up(demo_store: Store) -> None:
    ids = edits(demo_store)
    path = demo_store.path
    demo_store.close()
    signed = signed_acceptance(path)
    history, queued = trail(path), pending(path)
    assert compact_inserts(path)[0] > 2000 and ids["gone"] in history["facility"]
    assert history["facility"][ids["gone"]][-1]["op"] == "delete"  # its last full image is kept
    assert history["facility"][ids["gone"]][0]["after"]["name"] == "Cơ sở gốm Thanh Hà"
    assert [e["op"] for e in history["facility"][ids["kept"]]] == [
        "insert", "update", "update", "delete", "restore", "update"
    ]  # fmt: skip
    inserted = history["facility"][ids["kept"]][0]["after"]
    assert inserted["phone"] == "0905123456" and inserted["name"] == FACILITY["name"] and "village" not in inserted
    erased = history["facility"][ids["erased"]][0]["after"]
    assert erased["phone"] == "(đã xóa)" and "email" not in erased
    assert "0905123456" not in str(history["facility"][ids["erased"]])
    assert [m["op"] for m in queued if m["row_id"] == ids["gone"]] == ["insert", "update", "delete"]

    migrate(path, "0008_sign_in", down=True)
    assert compact_inserts(path)[0] == 0  # every image written back
    assert differences(trail(path), history) == []
    with raw_connect(path) as conn:  # the triggers of 0008 write full images again
        fid = new_id()
        conn.execute(
            "INSERT INTO facility (id, name, facility_type, province_code, status, has_export_contract, "
            "in_supporting_industry_list, cleaner_production, typical_product, row_version) "
            "VALUES (?, 'Cơ sở mới', 'hkd', '48', 'active', 0, 0, 0, 0, 0)",
            (fid,),
        )
        image = conn.execute("SELECT after FROM audit_entry WHERE row_id = ? AND op = 'insert'", (fid,)).fetchone()
    assert image[0] and '"name":"Cơ sở mới"' in image[0]
    written_down = trail(path)

    migrate(path, HEAD_REVISION)
    assert compact_inserts(path)[1] == 0  # every image rebuilt exactly was taken out
    assert differences(trail(path), written_down) == []
    assert differences(written_down, history) == [("facility", fid)]
    again = pending(path)
    assert again[: len(queued)] == queued  # the push payload is the same, change for change
    assert [m["op"] for m in again[len(queued) :]] == ["insert"] and again[-1]["values"]["name"] == "Cơ sở mới"

    with Store.open(path) as store:
        with pytest.raises(LockedError):  # the signed record stays locked
            store.write(lambda s: s.execute(text("UPDATE acceptance SET place = 'sửa' WHERE id = :i"), {"i": signed}))
        with store.read() as s:
            shown = facilities.history(s, "facility", ids["kept"])
    assert shown[0]["after"] == inserted and [e["after"] for e in shown] == [
        e["after"] for e in history["facility"][ids["kept"]]
    ]


def test_an_image_the_rebuild_cannot_give_back_is_kept(store: Store) -> None:
    """A change made with the triggers aside (as a migration does) leaves the insert's image
    in place: the migration up compacts only what it can rebuild exactly."""
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    path = store.path
    store.close()
    migrate(path, "0008_sign_in", down=True)
    with raw_connect(path) as conn:
        conn.execute("DROP TRIGGER kc_capture_facility_update")
        conn.execute("UPDATE facility SET phone = '0236111222' WHERE id = ?", (fid,))
    migrate(path, HEAD_REVISION)
    with raw_connect(path) as conn:
        kept = conn.execute("SELECT after FROM audit_entry WHERE row_id = ? AND op = 'insert'", (fid,)).fetchone()[0]
    assert kept is not None and '"phone":"0905123456"' in kept
    with Store.open(path) as store, store.read() as s:
        assert facilities.history(s, "facility", fid)[0]["after"]["phone"] == "0905123456"


def test_pending_inserts_read_set_based_match_the_rows_as_inserted(store: Store) -> None:
    many = [
        store.write(lambda s, i=i: facilities.create_facility(s, FACILITY | {"name": f"Cơ sở {i}"})) for i in range(5)
    ]
    store.write(lambda s: facilities.update_facility(s, many[2], {"phone": "0236000111"}))

    def read(s: Session) -> list[dict[str, Any]]:
        return [m.wire() for m in read_pending(s, codecs(), None)]

    with store.read() as s:
        sent = read(s)
    inserts = [m for m in sent if m["op"] == "insert" and m["table"] == "facility"]
    assert [m["values"]["name"] for m in inserts] == [f"Cơ sở {i}" for i in range(5)]
    assert {m["values"]["phone"] for m in inserts} == {"0905123456"}  # as inserted, not as now
    assert [m["values"] for m in sent if m["op"] == "update"] == [{"phone": "0236000111"}]
