"""A first pull from a snapshot in the laptop's own layout (issue 14, pulls at file speed):
the server writes exactly the rows of the device's view, with sort keys and search index,
and a laptop that takes it in ends exactly as one that pulled every row page by page (rows,
audit and search); a damaged download falls back to the page-by-page pull, a broken one
resumes, and changes made after the snapshot come by the normal pull."""

from __future__ import annotations

import lzma
import sqlite3
from pathlib import Path

from helpers import WARD_A, WARD_B, add_facility

from kcdesk.db.schema import HEAD_REVISION
from kcdesk.server.scopes import View
from kcdesk.server.snapshot_build import view_key
from kcdesk.sync.protocol import API_PREFIX, SnapshotInfo
from kcdesk.text import vi_sort_key

HANOI_WARD = "00004"  # Phường Ba Đình, Hà Nội (01)


def _unpacked(server, info: SnapshotInfo, into: Path) -> Path:  # type: ignore[no-untyped-def]
    packed = server.admin().snapshot_path(info.snapshot_id)
    assert packed.name.endswith(".sqlite.xz")
    plain = into / f"{info.snapshot_id}.sqlite"
    plain.write_bytes(lzma.decompress(packed.read_bytes()))
    return plain


def _province(server, device_factory, n: int = 6):  # type: ignore[no-untyped-def]
    """Facilities of Đà Nẵng (48) in two communes, and of Hà Nội (01)."""
    da_nang = device_factory("da-nang").enrol(server)
    names = [f"Cơ sở Đà Nẵng mây tre số {i}" for i in range(n)]
    ids = [add_facility(da_nang, name=name, ward=(WARD_A, WARD_B)[i % 2]) for i, name in enumerate(names)]
    da_nang.sync()
    ha_noi = device_factory("ha-noi").enrol(server, province="01")
    secret = add_facility(ha_noi, name="Cơ sở gốm Bát Tràng bí mật", province="01", ward=HANOI_WARD)
    ha_noi.sync()
    return da_nang, ids, secret


def test_the_server_writes_exactly_the_view_with_keys_and_index(server, device_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _da_nang, ids, secret = _province(server, device_factory)
    admin = server.admin()
    info = admin.prepare_snapshot(View("48", None, False), "client")
    assert info.layout == "client" and info.revision == HEAD_REVISION and info.rows >= len(ids)
    plain = _unpacked(server, info, tmp_path)
    raw = plain.read_bytes()
    assert secret.encode() not in raw and "Bát Tràng".encode() not in raw  # nothing of another province
    lite = sqlite3.connect(plain)
    assert {r[0] for r in lite.execute("SELECT id FROM facility")} == set(ids)
    for name, key in lite.execute("SELECT name, name_sort FROM facility"):
        assert key == vi_sort_key(name)  # the laptop's own key
    found = lite.execute("SELECT count(*) FROM facility_fts WHERE facility_fts MATCH 'may tre'").fetchone()[0]
    assert found == len(ids)  # the search index, folded as the laptop folds
    meta = dict(lite.execute("SELECT key, value FROM _meta"))
    assert meta["cursor"] == info.cursor and meta["revision"] == HEAD_REVISION and meta["search_fingerprint"]
    assert not lite.execute("SELECT name FROM sqlite_master WHERE name IN ('audit_entry', 'admin_unit')").fetchall()
    lite.close()
    # Cached per view, cursor and revision: asked again, the same file.
    assert admin.prepare_snapshot(View("48", None, False), "client").snapshot_id == info.snapshot_id
    assert admin.prepare_snapshot(View("48", None, False)).layout == "rows"


def test_a_collaborator_snapshot_holds_only_its_communes(server, device_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _da_nang, ids, _secret = _province(server, device_factory)
    view = View("48", (WARD_A,), False)
    info = server.admin().prepare_snapshot(view, "client")
    lite = sqlite3.connect(_unpacked(server, info, tmp_path))
    assert {r[0] for r in lite.execute("SELECT id FROM facility")} == set(ids[0::2])
    tables = {r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "proposal" not in tables and "facility_year_stat" in tables
    lite.close()
    assert view_key(view) != view_key(View("48", None, False))


def test_the_layout_follows_the_laptops_revision(server, device_factory) -> None:  # type: ignore[no-untyped-def]
    da_nang, _ids, _secret = _province(server, device_factory)
    transport = da_nang.service.client().transport()
    try:
        for revision, layout in ((HEAD_REVISION, "client"), ("0000_older", "rows"), (None, "rows")):
            params = {"scope": "48", "layout": "client", **({"revision": revision} if revision else {})}
            response = transport.call("GET", f"{API_PREFIX}/snapshot", params=params)
            info = SnapshotInfo.model_validate_json(response.content)
            assert info.layout == layout
            whole = transport.call("GET", f"{API_PREFIX}/snapshot/{info.snapshot_id}")
            assert len(whole.content) == info.size
            part = transport.call(
                "GET",
                f"{API_PREFIX}/snapshot/{info.snapshot_id}",
                headers={"Range": f"bytes=10-{info.size - 1}"},
                ok=(206,),
            )
            assert part.status_code == 206 and part.content == whole.content[10:]
    finally:
        transport.close()
