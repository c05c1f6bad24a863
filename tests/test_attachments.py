"""Attachments are content-addressed files linked to records; a file that is missing or too
big is refused with a reason and nothing is recorded."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kcdesk.db.files import read_plain
from kcdesk.db.store import Store
from kcdesk.errors import NotFoundError, ValidationError
from kcdesk.services import attachments, facilities

FACILITY = {"name": "Cơ sở gốm Thanh Hà", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}


def test_a_photo_is_stored_once_by_hash_and_linked(store: Store, tmp_path: Path) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    photo = tmp_path / "anh-xuong.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"x" * 5000)
    sha, size = attachments.store_file(store.files_dir, photo)
    assert sha == hashlib.sha256(photo.read_bytes()).hexdigest() and size == 5003
    for caption in ("Xưởng sản xuất", "Cùng ảnh, gắn lần nữa"):
        store.write(
            lambda s, c=caption: attachments.link(
                s, sha256=sha, size=size, filename=photo.name, owner_table="facility", owner_id=fid, caption=c
            )
        )
    with store.read() as s:
        items = attachments.attachments_of(s, "facility", fid)
    assert [i["caption"] for i in items] == ["Xưởng sản xuất", "Cùng ảnh, gắn lần nữa"]
    assert items[0]["mime"] == "image/jpeg"
    stored = attachments.local_path(store.files_dir, sha)
    assert stored is not None and read_plain(stored) == photo.read_bytes()  # unsealed when encrypted
    assert len(list(store.files_dir.rglob("*"))) == 2  # one folder, one file


def test_missing_file_or_unknown_owner_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Không tìm thấy tệp"):
        attachments.store_file(store.files_dir, tmp_path / "khong-co.pdf")
    with pytest.raises(NotFoundError):
        store.write(
            lambda s: attachments.link(
                s, sha256="0" * 64, size=1, filename="a.pdf", owner_table="facility", owner_id="khong-co"
            )
        )
