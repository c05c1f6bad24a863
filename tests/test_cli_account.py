"""`kcdesk account` and how the command line acts as a person, run as a user would (a
fresh interpreter each time), with the passwords in KCDESK_PASSWORD / KCDESK_NEW_PASSWORD."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

LEADER_PW = "lanh-dao-2026"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database whose leader set the first password (`account passwd` without accounts)."""
    monkeypatch.delenv("KCDESK_USER", raising=False)
    monkeypatch.delenv("KCDESK_PASSWORD", raising=False)
    path = tmp_path / "kcdesk.db"
    assert run_cli("init", "--user", "Nguyễn Văn An", "--role", "centre_leader", db=path).code == 0
    monkeypatch.setenv("KCDESK_NEW_PASSWORD", LEADER_PW)
    first = run_cli("account", "passwd", db=path)
    assert first.code == 0, first.err
    monkeypatch.delenv("KCDESK_NEW_PASSWORD")
    return path


def test_commands_need_a_signed_in_person_once_accounts_exist(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nobody = run_cli("facility", "list", db=db)
    assert nobody.code == 4 and "--login" in nobody.err
    monkeypatch.setenv("KCDESK_PASSWORD", LEADER_PW)
    monkeypatch.setenv("KCDESK_USER", "canbo")
    listed = run_cli("account", "list", "--json", db=db)
    assert listed.code == 0, listed.err
    assert [(a["login"], a["role"], a["has_password"]) for a in listed.json()] == [("canbo", "centre_leader", True)]
    monkeypatch.setenv("KCDESK_PASSWORD", "sai-mat-khau")
    wrong = run_cli("facility", "list", db=db)
    assert wrong.code == 4 and "không đúng" in wrong.err and wrong.out == ""
    monkeypatch.delenv("KCDESK_PASSWORD")
    no_terminal = run_cli("facility", "list", db=db)  # a script without a terminal: say what to set
    assert no_terminal.code == 4 and "KCDESK_PASSWORD" in no_terminal.err


def test_the_leader_manages_accounts_from_the_command_line(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KCDESK_PASSWORD", LEADER_PW)
    monkeypatch.setenv("KCDESK_NEW_PASSWORD", "tam-thoi-123")
    leader = ("--login", "canbo")
    added = run_cli(*leader, "account", "add", "ketoan", "--name", "Trần Thị Bình", "--role", "accountant", db=db)
    assert added.code == 0 and "ketoan" in added.out, added.err

    # the new person must change the first password before anything else
    monkeypatch.setenv("KCDESK_PASSWORD", "tam-thoi-123")
    blocked = run_cli("--login", "ketoan", "facility", "list", db=db)
    assert blocked.code == 4 and "account passwd" in blocked.err
    monkeypatch.setenv("KCDESK_NEW_PASSWORD", "binh-ke-toan-1")
    assert run_cli("--login", "ketoan", "account", "passwd", db=db).code == 0
    monkeypatch.setenv("KCDESK_PASSWORD", "binh-ke-toan-1")
    assert run_cli("--login", "ketoan", "facility", "list", db=db).code == 0
    not_leader = run_cli("--login", "ketoan", "account", "disable", "canbo", db=db)
    assert not_leader.code != 0 and "Chỉ lãnh đạo" in not_leader.err

    monkeypatch.setenv("KCDESK_PASSWORD", LEADER_PW)
    assert run_cli(*leader, "account", "disable", "ketoan", db=db).code == 0
    monkeypatch.setenv("KCDESK_PASSWORD", "binh-ke-toan-1")
    assert run_cli("--login", "ketoan", "facility", "list", db=db).code == 4
    monkeypatch.setenv("KCDESK_PASSWORD", LEADER_PW)
    last = run_cli(*leader, "account", "disable", "canbo", db=db)
    assert last.code != 0 and "chính mình" in last.err
    assert run_cli(*leader, "account", "enable", "ketoan", db=db).code == 0
    monkeypatch.setenv("KCDESK_NEW_PASSWORD", "dat-lai-456")
    assert run_cli(*leader, "account", "reset", "ketoan", db=db).code == 0
    rows = {a["login"]: a for a in run_cli(*leader, "account", "list", "--json", db=db).json()}
    assert rows["ketoan"]["must_change_password"] and not rows["ketoan"]["disabled"]


def test_a_step_is_recorded_only_under_the_signed_in_person(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KCDESK_PASSWORD", LEADER_PW)
    monkeypatch.setenv("KCDESK_NEW_PASSWORD", "tam-thoi-123")
    assert (
        run_cli("--login", "canbo", "account", "add", "kt", "--name", "Kế Toán", "--role", "accountant", db=db).code
        == 0
    )
    other = run_cli("--login", "canbo", "money", "settle", "KC-khong-co", "1000000", "--user", "kt", db=db)
    assert other.code != 0 and "thay người khác" in other.err
