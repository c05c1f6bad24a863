"""A first pull from a snapshot in the laptop's own layout (issue 14, pulls at file speed):
the server writes exactly the rows of the device's view, with sort keys and search index,
and a laptop that takes it in ends exactly as one that pulled every row page by page (rows,
audit and search); a damaged download falls back to the page-by-page pull, a broken one
resumes, and changes made after the snapshot come by the normal pull."""

from __future__ import annotations

import lzma
import sqlite3
from pathlib import Path

import pytest
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


# -- the laptop's side ----------------------------------------------------------------------

SEARCHES = ("may tre", "da nang", "nguyen", "bat trang", "ho", "co so")


def _state(device) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Everything a pull leaves on a laptop, independent of rowids and of the device's id:
    every replicated table's rows, the audit entries, the search index and its answers, the
    indexes and triggers."""
    from kcdesk.db.base import synced_tables

    out: dict[str, object] = {}
    for table in synced_tables():
        out[table] = sorted(map(repr, device.rows(f'SELECT * FROM "{table}"')))
    out["audit"] = sorted(
        map(repr, device.rows("SELECT table_name, row_id, op, before, after, origin, user_id FROM audit_entry"))
    )
    out["index"] = sorted(
        device.rows(
            "SELECT f.id, x.name, x.tax_code, x.representative, x.address FROM facility_fts AS x "
            "JOIN facility AS f ON f.rowid = x.rowid"
        )
    )
    for words in SEARCHES:
        out[f"search {words}"] = sorted(
            device.rows(
                "SELECT f.id FROM facility_fts JOIN facility AS f ON f.rowid = facility_fts.rowid "
                "WHERE facility_fts MATCH :q",
                q=" ".join(f'"{w}"*' for w in words.split()),
            )
        )
    out["outbox"] = device.pending()
    # The copy takes indexes and triggers away for a while: they must all be back as they were.
    out["schema"] = sorted(
        device.rows("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')")
    )
    out["cursors"] = sorted(device.rows("SELECT scope, cursor FROM sync_cursor"))
    return out


def _page_by_page(device, server) -> None:  # type: ignore[no-untyped-def]
    """Make the device's first pull go page by page from the start (no snapshot at all)."""
    from kcdesk.sync import state

    def start(s):  # type: ignore[no-untyped-def]
        for scope in ("48", "00"):
            state.set_cursor(s, scope, 0, state.view_key(scope, None))

    device.store.write(start, applying_remote=True)


def _forget_snapshots(server) -> None:  # type: ignore[no-untyped-def]
    """Drop the snapshots the first laptops' syncs cached (before their later edits): the
    next one is built at the current cursor, so the audit holds one insert per row, as a
    page-by-page pull writes it (a snapshot reused from earlier brings the later edits as
    updates: the same rows, more history)."""
    from sqlalchemy import text

    with server.admin().engine.begin() as conn:
        conn.execute(text("DELETE FROM server_snapshot"))


def _rich_province(server, device_factory, n: int = 30):  # type: ignore[no-untyped-def]
    from helpers import add_year_stat, edit, soft_delete

    da_nang, ids, secret = _province(server, device_factory, n)
    for i, fid in enumerate(ids[:8]):
        add_year_stat(da_nang, fid, 2024 + i % 2, 100 + i)
    edit(da_nang, "facility", ids[1], representative="Nguyễn Văn Hồ", tax_code="0401234567")
    soft_delete(da_nang, "facility", ids[2])  # left out of the search index
    da_nang.sync()
    _forget_snapshots(server)
    return da_nang, ids, secret


# On an encrypted laptop too: the plain snapshot is attached to the SQLCipher store with KEY ''.
@pytest.mark.parametrize("storage_mode", ["plain", "encrypted"], indirect=True)
def test_a_snapshot_pull_equals_a_page_by_page_pull(server, device_factory, storage_mode) -> None:  # type: ignore[no-untyped-def]
    _da_nang, ids, secret = _rich_province(server, device_factory)
    paged = device_factory("paged").enrol(server, username="lan-48")
    _page_by_page(paged, server)
    assert not paged.sync().snapshots
    copied = device_factory("copied").enrol(server, username="lan-48")
    assert copied.path.read_bytes()[:16] != b"SQLite format 3\x00" or storage_mode == "plain"
    report = copied.sync()
    assert report.snapshots == ["48", "00"] or sorted(report.snapshots) == ["00", "48"]
    assert list((server.data_dir / "snapshots").glob("*.sqlite.xz"))  # the laptop's layout was taken
    mine, theirs = _state(copied), _state(paged)
    for part in theirs:
        assert mine[part] == theirs[part], part
    assert copied.one("SELECT count(*) FROM facility WHERE id = :id", id=secret) == 0
    # Writes after the copy build on the copied index (FTS5 forgot the empty one).
    add_facility(copied, name="Cơ sở mây tre mới")
    found = copied.rows('SELECT rowid FROM facility_fts WHERE facility_fts MATCH \'"may"* "tre"*\'')
    assert len(found) == len(ids)  # one deleted, one new
    copied.execute("INSERT INTO facility_fts (facility_fts) VALUES ('integrity-check')")


def test_a_copied_row_is_then_changed_like_any_other(server, device_factory) -> None:  # type: ignore[no-untyped-def]
    """The copy sets the table's triggers and indexes aside for a moment (SQLite's transfer
    of whole records): afterwards an edit and a deletion of a copied row are audited, queued
    for the server and re-indexed, and its sort key follows the new name."""
    from helpers import edit, soft_delete

    _da_nang, ids, _secret = _rich_province(server, device_factory)
    copied = device_factory("copied").enrol(server, username="lan-48")
    assert "48" in copied.sync().snapshots
    assert copied.pending() == 0
    edit(copied, "facility", ids[4], name="Xưởng gốm Phước Tích")
    soft_delete(copied, "facility", ids[5])
    queued = copied.rows("SELECT row_id, op FROM sync_outbox ORDER BY seq")
    assert queued == [(ids[4], "update"), (ids[5], "delete")]
    audited = copied.rows(
        "SELECT row_id, op, after FROM audit_entry WHERE origin = 'local' AND table_name = 'facility' ORDER BY id"
    )
    assert [(r[0], r[1]) for r in audited] == [(ids[4], "update"), (ids[5], "delete")]
    assert "Phước Tích" in audited[0][2]
    found = copied.rows(
        "SELECT f.id FROM facility_fts JOIN facility AS f ON f.rowid = facility_fts.rowid "
        'WHERE facility_fts MATCH \'"phuoc" "tich"\''
    )
    assert found == [(ids[4],)]
    gone = "SELECT count(*) FROM facility_fts JOIN facility AS f ON f.rowid = facility_fts.rowid WHERE f.id = :id"
    assert copied.one(gone, id=ids[5]) == 0
    assert copied.one("SELECT name_sort FROM facility WHERE id = :id", id=ids[4]) == vi_sort_key("Xưởng gốm Phước Tích")
    plan = copied.rows("EXPLAIN QUERY PLAN SELECT id FROM facility WHERE ward_code = :w", w=WARD_A)
    assert any("ix_facility_ward" in str(step) for step in plan)  # the indexes are back and used


def test_changes_after_the_snapshot_come_by_the_normal_pull(server, device_factory) -> None:  # type: ignore[no-untyped-def]
    from helpers import edit

    da_nang, ids, _secret = _rich_province(server, device_factory)
    server.admin().prepare_snapshot(View("48", None, False), "client")  # ahead, as after the nightly import
    later = add_facility(da_nang, name="Cơ sở đan lát đến sau")
    edit(da_nang, "facility", ids[3], name="Cơ sở đổi tên sau bản chụp")
    da_nang.sync()
    copied = device_factory("copied").enrol(server, username="lan-48")
    copied.sync()
    paged = device_factory("paged").enrol(server, username="lan-48")
    _page_by_page(paged, server)
    paged.sync()
    assert copied.one("SELECT name FROM facility WHERE id = :id", id=ids[3]) == "Cơ sở đổi tên sau bản chụp"
    assert copied.one("SELECT count(*) FROM facility WHERE id = :id", id=later) == 1
    mine, theirs = _state(copied), _state(paged)
    for part in ("facility", "facility_year_stat", "index", "outbox", "cursors", *(f"search {w}" for w in SEARCHES)):
        assert mine[part] == theirs[part], part


def test_a_damaged_snapshot_falls_back_to_the_rows(server, device_factory) -> None:  # type: ignore[no-untyped-def]
    _da_nang, ids, _secret = _rich_province(server, device_factory)
    info = server.admin().prepare_snapshot(View("48", None, False), "client")
    packed = server.admin().snapshot_path(info.snapshot_id)
    data = bytearray(packed.read_bytes())
    data[len(data) // 2] ^= 0xFF  # damaged on the server's disk: never matches its sha256
    packed.write_bytes(bytes(data))
    copied = device_factory("copied").enrol(server, username="lan-48")
    report = copied.sync()
    assert "48" in report.snapshots
    assert {r[0] for r in copied.rows("SELECT id FROM facility")} == set(ids)
    paged = device_factory("paged").enrol(server, username="lan-48")
    _page_by_page(paged, server)
    paged.sync()
    mine, theirs = _state(copied), _state(paged)
    for part in theirs:
        assert mine[part] == theirs[part], part


def test_a_broken_download_resumes_where_it_stopped(server, device_factory) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.sync.download import work_dir

    _rich_province(server, device_factory, n=300)
    info = server.admin().prepare_snapshot(View("48", None, False), "client")
    whole = server.admin().snapshot_path(info.snapshot_id).read_bytes()
    fresh = device_factory("fresh").enrol(server)
    full = fresh.sync().bytes_received
    resumed = device_factory("resumed").enrol(server)
    half = len(whole) // 2
    (work_dir(resumed.store) / f"{info.snapshot_id}.xz.part").write_bytes(whole[:half])  # what arrived before
    report = resumed.sync()
    assert report.bytes_received <= full - half // 2  # only the rest came (the answers around it vary a little)
    assert _state(resumed)["facility"] == _state(fresh)["facility"]
    assert not list(work_dir(resumed.store).iterdir())


def test_an_index_built_otherwise_is_built_here_from_the_rows(server, device_factory) -> None:  # type: ignore[no-untyped-def]
    """A laptop whose place names differ from the server's template (another list of
    communes) does not take the index whole: it builds it from the copied rows."""
    _rich_province(server, device_factory)
    copied = device_factory("copied").enrol(server, username="lan-48")
    copied.execute("UPDATE admin_unit SET full_name = 'Xã Hòa Tiến Mới' WHERE code = :c AND valid_to IS NULL", c=WARD_A)
    copied.sync()
    assert list((server.data_dir / "snapshots").glob("*.sqlite.xz"))
    in_ward = {
        r[0] for r in copied.rows("SELECT id FROM facility WHERE ward_code = :w AND deleted_at IS NULL", w=WARD_A)
    }
    found = copied.rows(
        "SELECT f.id FROM facility_fts JOIN facility AS f ON f.rowid = facility_fts.rowid "
        'WHERE facility_fts MATCH \'"tien" "moi"\''
    )
    assert {r[0] for r in found} == in_ward and in_ward
    copied.execute("INSERT INTO facility_fts (facility_fts) VALUES ('integrity-check')")


def test_the_server_command_prepares_both_layouts_ahead(server, device_factory) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    _province(server, device_factory)
    command = [sys.executable, "-m", "kcdesk.server.cli", "snapshot", "--scope", "48"]
    done = subprocess.run(
        [*command, "--db", server.db.url, "--data", str(server.data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert done.returncode == 0, done.stderr
    made = [SnapshotInfo.model_validate_json(line) for line in done.stdout.splitlines()]
    assert [m.layout for m in made] == ["rows", "client"]
    # A laptop's first pull then takes the prepared one.
    later = device_factory("later").enrol(server)
    transport = later.service.client().transport()
    try:
        params = {"scope": "48", "layout": "client", "revision": HEAD_REVISION}
        info = SnapshotInfo.model_validate_json(transport.call("GET", f"{API_PREFIX}/snapshot", params=params).content)
    finally:
        transport.close()
    assert info.snapshot_id == made[1].snapshot_id
