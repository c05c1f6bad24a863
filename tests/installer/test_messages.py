"""Every message the self-test and the start-up safety code show has its English, and the
self-test speaks English when asked."""

from __future__ import annotations

import ast
from pathlib import Path

import kcdesk
from kcdesk.locale_en import EN
from kcdesk.selftest import run_self_test

PACKAGE = Path(kcdesk.__file__).parent
MODULES = [*sorted((PACKAGE / "selftest").glob("*.py")), PACKAGE / "db" / "storage_errors.py",
           PACKAGE / "db" / "daily_backup.py"]  # fmt: skip
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


def test_the_self_test_runs_from_source_in_english(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.i18n import set_language

    set_language("en")
    try:
        code = run_self_test()
    finally:
        set_language("vi")
    out = capsys.readouterr().out
    assert code == 0, out
    assert "(from source)" in out and "Result: 7/7 steps passed, 0 skipped, 0 failed." in out
