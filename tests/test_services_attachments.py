"""Attachments as the window handles them (kcdesk.services.attachments): chosen files stored
and linked in one write, listed with where each file is, removed with a clear refusal when
the row is already gone; the same functions the command line uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from kcdesk.db.files import read_plain
from kcdesk.db.store import Store
from kcdesk.errors import NotFoundError, ValidationError
from kcdesk.services import attachments, facilities
from kcdesk.services.attachments import NewFile, add_attachments, attachment_rows

FACILITY = {"name": "Cơ sở gốm Thanh Hà", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}


def test_files_are_added_listed_and_removed(store: Store, tmp_path: Path) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    photo, scan = tmp_path / "xuong.jpg", tmp_path / "bien-ban.pdf"
    photo.write_bytes(b"\xff\xd8\xff" + b"p" * 300)
    scan.write_bytes(b"%PDF-1.4 scan")
    files = [NewFile(photo, "photo", "Xưởng", 16.05, 108.2), NewFile(scan, "scan_bien_ban")]
    ids = store.write(lambda s: add_attachments(s, store.files_dir, "facility", fid, files))
    with store.read() as s:
        rows = attachment_rows(s, store.files_dir, "facility", fid)
        plain = attachments.attachments_of(s, "facility", fid)
    assert [r.id for r in rows] == ids == [p["id"] for p in plain]
    assert [(r.filename, r.doc_type, r.caption, r.is_image) for r in rows] == [
        ("xuong.jpg", "photo", "Xưởng", True),
        ("bien-ban.pdf", "scan_bien_ban", None, False),
    ]
    assert read_plain(rows[0].path) == photo.read_bytes()  # unsealed when encrypted
    store.write(lambda s: attachments.remove(s, ids[0]))
    with store.read() as s:
        assert [r.id for r in attachment_rows(s, store.files_dir, "facility", fid)] == [ids[1]]
    assert rows[0].path.exists()  # the file stays: another record or the audit trail may need it


def test_removing_a_missing_or_removed_attachment_says_so(store: Store, tmp_path: Path) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    photo = tmp_path / "anh.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    (aid,) = store.write(lambda s: add_attachments(s, store.files_dir, "facility", fid, [NewFile(photo)]))
    store.write(lambda s: attachments.remove(s, aid))
    for missing in (aid, "no-such-id"):
        with pytest.raises(NotFoundError, match="Không tìm thấy tệp đính kèm"):
            store.write(lambda s, m=missing: attachments.remove(s, m))


def test_a_missing_file_adds_nothing(store: Store, tmp_path: Path) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    good = tmp_path / "co.jpg"
    good.write_bytes(b"\xff\xd8\xff")
    with pytest.raises(ValidationError, match="Không tìm thấy tệp"):
        store.write(
            lambda s: add_attachments(s, store.files_dir, "facility", fid, [NewFile(good), NewFile(tmp_path / "x.jpg")])
        )
    with store.read() as s:
        assert attachment_rows(s, store.files_dir, "facility", fid) == []
