"""A command that only reads starts without the heavy libraries (the ORM, Alembic, pydantic,
ReportLab, openpyxl, Qt): checked by what a fresh interpreter has imported, not by timing
(bench/bench_vs_anki.py --only status measures the time)."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from kcdesk.cli.common import common_options
from kcdesk.cli.main import COMMAND_MODULES, COMMANDS, chosen_command
from tests.raw_db import raw_connect

HEAVY = ("sqlalchemy", "alembic", "pydantic", "reportlab", "openpyxl", "PySide6", "kcdesk.demo", "kcdesk.services")


def test_the_command_table_names_what_each_module_registers() -> None:
    registered = {}
    for name in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(sub, common_options())
        registered.update(dict.fromkeys(sub.choices, name))
    assert registered == COMMANDS


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["status"], "status"),
        (["--db", "x.db", "--lang", "en", "due", "--days", "7"], "due"),
        (["--db=status", "search", "an"], "search"),
        (["--d", "status", "facility", "list"], "facility"),  # an abbreviated --db takes its value
        (["--lang", "en"], None),  # the window
        (["--help"], None),
        (["statu"], None),  # a mistake: the full parser says what the commands are
        (["--", "status"], None),
    ],
)
def test_the_chosen_command_is_read_as_argparse_reads_it(argv: list[str], command: str | None) -> None:
    assert chosen_command(argv) == command


def _run(*argv: str) -> tuple[int, list[str], str, str]:
    """Exit code, the heavy packages imported, stdout and stderr of `kcdesk *argv`."""
    code = (
        "import json, sys\n"
        "from kcdesk.cli.main import main\n"
        f"code = main({list(argv)!r})\n"
        f"heavy = sorted({{m.split('.')[0] if not m.startswith('kcdesk') else '.'.join(m.split('.')[:2])"
        f" for m in sys.modules if m.startswith({HEAVY!r})}})\n"
        "print(json.dumps([code, heavy]), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", timeout=120)
    *err, last = proc.stderr.strip().splitlines()
    code, heavy = json.loads(last)
    return code, heavy, proc.stdout, "\n".join(err)


def test_status_and_due_load_none_of_the_heavy_libraries(demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    db.write_bytes(demo_template.read_bytes())
    code, heavy, out, _ = _run("--db", str(db), "status")
    assert (code, heavy) == (0, [])
    assert "2.000 cơ sở CNNT" in out
    code, heavy, out, _ = _run("--db", str(db), "--lang", "en", "due", "--json", "--days", "400")
    assert (code, heavy) == (0, [])
    assert json.loads(out)  # the deadlines were read


def test_a_file_the_quick_path_cannot_take_is_explained_by_the_store(tmp_path: Path, demo_template: Path) -> None:
    db = tmp_path / "newer.db"
    db.write_bytes(demo_template.read_bytes())
    with closing(raw_connect(db)) as conn:  # written by a later kcdesk
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
        conn.commit()
    code, heavy, out, err = _run("--db", str(db), "status")
    assert code != 0 and out == ""
    assert "phiên bản kcdesk mới hơn" in err and "0099_future" in err
    assert "sqlalchemy" in heavy  # Store.open's path, with its words
    code, _, _, err = _run("--db", str(tmp_path / "missing.db"), "due")
    assert code != 0 and "kcdesk --db" in err and "init" in err


def test_a_laptop_with_accounts_is_read_only_after_signing_in(tmp_path: Path, demo_template: Path) -> None:
    db = tmp_path / "accounts.db"
    db.write_bytes(demo_template.read_bytes())
    with closing(raw_connect(db)) as conn:  # someone set a password: people sign in from now on
        conn.execute("UPDATE app_user SET password_hash = 'set' WHERE id = (SELECT min(id) FROM app_user)")
        conn.commit()
    for command in ("status", "due"):
        code, _, out, err = _run("--db", str(db), command)
        assert (code, out) == (4, ""), err  # the store's path asks who is working; the quick one never bypasses it
        assert "--login" in err
