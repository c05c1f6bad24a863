"""kcdesk.atomic_write: a file is the old one or the whole new one, never a mixture, and
nothing temporary is left beside it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kcdesk.atomic_write import atomic_path, replace_synced, write_bytes, write_text


def test_a_write_replaces_the_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.xlsx"
    target.write_bytes(b"old")
    write_bytes(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.xlsx"]


def test_an_error_while_writing_keeps_the_old_file_and_removes_the_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "danh-muc.pdf"
    target.write_bytes(b"the whole old file")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half of the n")
        assert tmp.parent == target.parent and tmp.name.startswith(".")
        raise RuntimeError("the disk filled up")
    assert target.read_bytes() == b"the whole old file"
    assert [p.name for p in tmp_path.iterdir()] == ["danh-muc.pdf"]


def test_nothing_is_made_when_the_first_write_fails(tmp_path: Path) -> None:
    target = tmp_path / "new.db"
    with pytest.raises(OSError), atomic_path(target):
        raise OSError("no space")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_private_file_is_owner_only_from_its_first_byte(tmp_path: Path) -> None:
    target = tmp_path / "token.json"
    old = os.umask(0)
    try:
        with atomic_path(target, mode=0o600) as tmp:
            assert stat.S_IMODE(tmp.stat().st_mode) == 0o600  # before anything is written
            tmp.write_text("{}")
        write_text(target, '{"token": "bí mật"}', mode=0o600)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8") == '{"token": "bí mật"}'


def test_a_finished_file_moves_over_the_target(tmp_path: Path) -> None:
    part, target = tmp_path / "abc.part", tmp_path / "ab" / "abc"
    target.parent.mkdir()
    part.write_bytes(b"verified bytes")
    replace_synced(part, target)
    assert target.read_bytes() == b"verified bytes" and not part.exists()
