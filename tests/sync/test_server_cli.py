"""`kcdesk-server` as an administrator types it (issue 11, case 9 and "also known"): the
province and communes of an enrolment code are checked against the current list, every
mistake gets a Vietnamese sentence (English with --lang en) and changes nothing, --role
lists the roles, and a SQLite server refuses several workers."""

from __future__ import annotations

import subprocess
import sys

from helpers import WARD_A
from hostile import HANOI_WARD
from sqlalchemy import text


def admin(server, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kcdesk.server.cli", *args, "--db", server.db.url, "--data", str(server.data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _counts(server) -> tuple[int, int, int]:
    with server.admin().engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("server_enrol_code", "app_user", "collaborator_commune")
        )


def test_enrolment_codes_are_checked_against_the_current_list(server):
    before = _counts(server)
    person = ["--username", "ctv-moi", "--full-name", "Lê Thị Mới"]
    for args, said in (
        (["--province", "XYZ", "--role", "centre_staff"], "Mã tỉnh/thành phố 'XYZ' không có trong danh mục hiện hành"),
        (["--province", "99", "--role", "centre_staff"], "Mã tỉnh/thành phố '99' không có trong danh mục hiện hành"),
        (["--role", "centre_staff"], "Cần --province cho vai trò centre_staff."),
        (
            ["--province", "48", "--role", "truong-phong"],
            "Vai trò không hợp lệ: truong-phong. Chọn một trong: accountant",
        ),
        (["--province", "48", "--role", "collaborator"], "Cộng tác viên cần ít nhất một xã/phường"),
        (["--province", "48", "--role", "collaborator", "--communes", "99999"], "Mã xã/phường '99999' không có"),
        (
            ["--province", "48", "--role", "collaborator", "--communes", HANOI_WARD],
            "Phường Ba Đình (00004) không thuộc",
        ),
        (["--province", "48", "--role", "centre_staff", "--communes", WARD_A], "Chỉ cộng tác viên"),
    ):
        done = admin(server, "enroll", *args, *person)
        assert done.returncode == 2, (args, done.stdout)
        assert said in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
    assert _counts(server) == before  # nothing made
    good = admin(server, "enroll", "--province", "48", "--role", "collaborator", "--communes", WARD_A, *person)
    assert good.returncode == 0 and "Mã đăng ký thiết bị" in good.stdout
    assert _counts(server) == (before[0] + 1, before[1] + 1, before[2] + 1)


def test_usage_errors_and_help_speak_the_users_language(server):
    missing = admin(server, "enroll", "--role", "centre_staff", "--province", "48")
    assert missing.returncode == 2
    assert "Lỗi cú pháp lệnh: thiếu tham số bắt buộc: --username" in missing.stderr
    assert "cách dùng: kcdesk-server enroll" in missing.stderr
    odd = admin(server, "serve", "--workers", "hai")
    assert odd.returncode == 2 and "giá trị 'hai' không đúng kiểu (int)" in odd.stderr
    helped = " ".join(admin(server, "enroll", "--help").stdout.split())  # as wrapped to the terminal
    assert "vai trò, một trong: accountant, admin, centre_leader, centre_staff, collaborator, ministry" in helped
    english = admin(server, "--lang", "en", "enroll", "--role", "centre_staff", "--province", "XYZ", "--username", "x")
    assert english.returncode == 2 and "Province code 'XYZ' is not in the current list" in english.stderr
    english_usage = admin(server, "--lang", "en", "enroll")
    assert "the following arguments are required" in english_usage.stderr


def test_several_workers_need_postgresql(server, backend):
    if backend == "postgres":  # the multi-worker tests run them (tests/sync/test_workers.py)
        done = admin(server, "serve", "--workers", "0")
        assert done.returncode == 2
        return
    done = admin(server, "serve", "--workers", "4", "--port", "0")
    assert done.returncode == 2
    assert "SQLite chỉ chạy một tiến trình (--workers 1)" in done.stderr and "PostgreSQL" in done.stderr
