"""Case 6 of issue 11: a file is served by right, not by hash.

A device of another province that writes an attachment row naming a file's sha256 (on
its own facility, so the row itself is accepted) gets neither the file, nor its size,
nor even the fact that the server has it: download, info and upload-resume answer as for
a file the server never had. A laptop that really has the same bytes proves it by sending
them all, and then its province reads the file like any other.
"""

from __future__ import annotations

import hashlib
import os

from helpers import add_facility
from hostile import HANOI_WARD, attach, raw

from kcdesk.db.files import file_path, read_plain


def _province_file(server, device_factory):
    owner = device_factory("da-nang").enrol(server)
    facility_id = add_facility(owner)
    data = os.urandom(48 * 1024) + "Biên bản kiểm tra cơ sở".encode()
    attach(owner, facility_id, data)
    assert owner.sync().files_up == 1
    return owner, data, hashlib.sha256(data).hexdigest()


def test_a_hash_named_by_another_province_fetches_nothing_and_confirms_nothing(server, device_factory):
    _owner, data, sha = _province_file(server, device_factory)
    thief = device_factory("ha-noi").enrol(server, province="01")
    own = add_facility(thief, name="Cơ sở gốm Bát Tràng", province="01", ward=HANOI_WARD)
    attach(thief, own, sha=sha, size=len(data))  # a row on its own facility naming the other file
    report = thief.sync()
    assert report.rejected == 0  # the row is the thief's to write: accepted
    assert not file_path(thief.store.files_dir, sha).exists()  # ... but the file never came
    assert thief.one("SELECT state FROM sync_blob WHERE sha256 = :s", s=sha) == "missing"

    never_stored = hashlib.sha256(b"no such file anywhere").hexdigest()
    t = raw(thief)
    try:
        for target in (sha, never_stored):  # the same answers for a file it may not know of and none at all
            got = t.call("GET", f"/sync/v1/blobs/{target}", headers={"Range": "bytes=0-99"})
            assert (got.status_code, got.json()["detail"]["code"]) == (404, "no_blob")
            info = t.call("GET", f"/sync/v1/blobs/{target}/info")
            assert (info.status_code, info.json()["detail"]["code"]) == (404, "no_blob")
            started = t.call("POST", "/sync/v1/uploads", json_body={"sha256": target, "size": len(data)})
            assert started.status_code == 200
            state = started.json()
            assert (state["received"], state["complete"], state["size"]) == (0, False, len(data))
            assert state["upload_id"]  # a real upload starts: only the bytes prove a right
    finally:
        t.close()


def test_province_colleagues_and_the_ministry_read_the_file(server, device_factory):
    _owner, data, sha = _province_file(server, device_factory)
    colleague = device_factory("dong-nghiep").enrol(server)
    ministry = device_factory("bo").enrol(server, role="ministry", province=None)
    for reader in (colleague, ministry):
        assert reader.sync().files_down == 1
        assert read_plain(file_path(reader.store.files_dir, sha)) == data


def test_a_laptop_with_the_same_bytes_proves_it_by_sending_them(server, device_factory):
    """A common document (the same form scanned once, sent to two provinces): the second
    province's laptop has the bytes, sends them all, and its colleagues then get them."""
    _owner, data, sha = _province_file(server, device_factory)
    holder = device_factory("ha-noi").enrol(server, province="01")
    own = add_facility(holder, name="Cơ sở mây tre Phú Vinh", province="01", ward=HANOI_WARD)
    attach(holder, own, data)
    report = holder.sync()
    assert report.files_up == 1 and report.bytes_sent > len(data)  # every byte travelled
    colleague = device_factory("ha-noi-2").enrol(server, province="01")
    assert colleague.sync().files_down == 1
    assert read_plain(file_path(colleague.store.files_dir, sha)) == data


def test_a_download_resumes_by_range_and_odd_ranges_get_plain_answers(server, device_factory):
    """Starlette's FileResponse serves the bytes: ranges (206), If-Range, 416 past the end;
    a Range header that does not parse is ignored (the whole file), as before."""
    owner, data, sha = _province_file(server, device_factory)
    size = len(data)
    t = raw(owner)
    path = f"/sync/v1/blobs/{sha}"
    try:
        whole = t.call("GET", path, headers={"Accept-Encoding": "identity"})
        assert (whole.status_code, whole.content) == (200, data)
        assert whole.headers["accept-ranges"] == "bytes"
        part = t.call("GET", path, headers={"Range": "bytes=10-19", "Accept-Encoding": "identity"}, ok=(206,))
        assert (part.status_code, part.content) == (206, data[10:20])
        assert part.headers["content-range"] == f"bytes 10-19/{size}"
        tail = t.call("GET", path, headers={"Range": f"bytes={size - 5}-", "Accept-Encoding": "identity"}, ok=(206,))
        assert tail.content == data[-5:]
        suffix = t.call("GET", path, headers={"Range": "bytes=-7", "Accept-Encoding": "identity"}, ok=(206,))
        assert suffix.content == data[-7:]
        beyond = t.call("GET", path, headers={"Range": f"bytes={size}-{size + 10}"})
        assert beyond.status_code == 416 and beyond.headers["content-range"] == f"bytes */{size}"
        assert beyond.json()["detail"]["code"] == "range_not_satisfiable"
        for odd in ("bytes=abc", "items=0-4", "bytes=9-3"):
            answer = t.call("GET", path, headers={"Range": odd, "Accept-Encoding": "identity"})
            assert (answer.status_code, answer.content) == (200, data), odd
        etag = whole.headers["etag"]
        same = t.call("GET", path, headers={"Range": "bytes=0-3", "If-Range": etag}, ok=(206,))
        assert (same.status_code, same.content) == (206, data[:4])
        changed = t.call("GET", path, headers={"Range": "bytes=0-3", "If-Range": '"another"'})
        assert (changed.status_code, changed.content) == (200, data)
    finally:
        t.close()
