"""Every message the self-test and the start-up safety code show has its English, and the
self-test speaks English when asked."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kcdesk
from kcdesk.locale_en import EN
from kcdesk.selftest import _steps as selftest_steps

PACKAGE = Path(kcdesk.__file__).parent
MODULES = [
    *sorted((PACKAGE / "selftest").glob("*.py")),
    PACKAGE / "db" / "storage_errors.py",
    PACKAGE / "db" / "daily_backup.py",
]
# The argument that carries the message, by callable name.
MESSAGE_ARGUMENT = {"tr": 0, "StoreError": 0, "check": 1}


def messages(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            index = MESSAGE_ARGUMENT.get(name or "")
            if index is not None and len(node.args) > index:
                arg = node.args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append(arg.value)
    return found


def test_every_installer_message_has_its_english() -> None:
    shown = {m for path in MODULES for m in messages(path)}
    assert len(shown) > 40  # the scan really found them
    assert sorted(m for m in shown if m not in EN) == []


def test_the_self_test_runs_from_source_in_english() -> None:
    # In its own process: the self-test starts a QApplication and loads every window module.
    done = subprocess.run(
        [sys.executable, "-m", "kcdesk", "--lang", "en", "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    n = len(selftest_steps())
    assert "(from source)" in done.stdout and f"Result: {n}/{n} steps passed, 0 skipped, 0 failed." in done.stdout
