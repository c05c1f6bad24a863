"""A refused new record is corrected and sent again (issue 11, "also known"): from the
command line as a centre's staff types it, with the changes it blocked, on both backends;
a correction that does not pass changes nothing."""

from __future__ import annotations

import subprocess
import sys

from helpers import WARD_A, add_facility, add_year_stat, facility, server_count, server_facility
from hostile import HANOI_WARD

from tests.child_env import child_env


def kcdesk(db, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kcdesk.cli.main", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
    )


def _refused_new_record(server, device_factory):
    laptop = device_factory("may-a").enrol(server)
    wrong = add_facility(laptop, name="Cơ sở chổi đót Hòa Phú", province="01", ward=HANOI_WARD)  # typed wrong
    stat = add_year_stat(laptop, wrong, revenue=350_000_000)
    report = laptop.sync()
    assert report.rejected == 2  # the record, and its child blocked behind it
    letters = {d.table: d for d in laptop.service.dead_letters()}
    assert letters["facility"].op == "insert" and letters["facility_year_stat"].code == "blocked_by_parent"
    return laptop, wrong, stat, letters


def test_a_refused_new_record_is_corrected_and_sent_again_with_what_it_blocked(server, device_factory):
    laptop, wrong, stat, letters = _refused_new_record(server, device_factory)
    seq = letters["facility"].seq
    done = kcdesk(
        laptop.path, "sync", "resend", str(seq), "--value", "province_code=48", "--value", f"ward_code={WARD_A}"
    )
    assert done.returncode == 0, done.stderr
    assert "Đã xếp lại 2 thay đổi" in done.stdout
    assert laptop.service.dead_letters() == []
    assert facility(laptop, wrong)["ward_code"] == WARD_A
    report = laptop.sync()
    assert report.rejected == 0 and laptop.pending() == 0
    on_server = server_facility(server, wrong)
    assert (on_server["province_code"], on_server["ward_code"], on_server["name"]) == (
        "48",
        WARD_A,
        "Cơ sở chổi đót Hòa Phú",
    )
    assert server_count(server, "facility_year_stat", f"id = '{stat}'") == 1
    history = laptop.rows(
        "SELECT origin, op FROM audit_entry WHERE row_id = :id ORDER BY id", id=wrong
    )  # the correction is an edit; the resend is written down as such
    # ... and the server's own creation time comes back with the next pull (kcdesk.server.rulebook.stamp)
    assert history[-3:] == [("local", "update"), ("resend", "insert"), ("sync", "update")]


def test_a_correction_that_does_not_pass_changes_nothing(server, device_factory):
    laptop, wrong, _stat, letters = _refused_new_record(server, device_factory)
    seq = letters["facility"].seq
    before = (facility(laptop, wrong), laptop.pending(), len(laptop.service.dead_letters()))
    for bad in (
        ["--value", "ward_code=99999"],  # no such commune
        ["--value", "province_code=48"],  # the commune (Hà Nội's) does not match
        ["--value", "so_dien_thoai=0905"],  # no such field
        ["--value", "row_version=9"],  # the server's own
    ):
        refused = kcdesk(laptop.path, "sync", "resend", str(seq), *bad)
        assert refused.returncode != 0 and refused.stderr.startswith("Lỗi:"), bad
        assert "Traceback" not in refused.stderr
    assert (facility(laptop, wrong), laptop.pending(), len(laptop.service.dead_letters())) == before
    child = kcdesk(laptop.path, "sync", "resend", str(letters["facility_year_stat"].seq))
    assert child.returncode != 0 and f"hãy sửa và gửi lại thay đổi số {seq} trước" in child.stderr  # parent first
