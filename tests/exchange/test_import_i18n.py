"""Every message of the proposal import (refusals, notes, the list of changes, summaries)
reads in English too, so `kcdesk --lang en import proposals` never shows Vietnamese."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kcdesk.locale_en import EN

ROOT = Path(__file__).resolve().parents[2] / "kcdesk"
MODULES = [
    "exchange/outcome.py",
    "exchange/proposal_apply.py",
    "exchange/proposal_diff.py",
    "exchange/proposal_import.py",
    "exchange/proposal_lifecycle.py",
    "exchange/proposal_rows.py",
    "exchange/sheet_reader.py",
    "cli/cmd_exchange.py",
]
# Calls whose string arguments are messages shown to the user.
MESSAGE_CALLS = {"FieldMessage", "WorkbookError", "tr", "label", "problem", "note", "say", "_line"}


def messages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        fn = node.func
        name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
        if name not in MESSAGE_CALLS:
            continue
        for arg in node.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and not arg.value.isascii():
                found.add(arg.value)
    return found


@pytest.mark.parametrize("module", MODULES)
def test_every_import_message_has_an_english_text(module: str) -> None:
    found = messages(ROOT / module)
    assert found, module
    assert sorted(m for m in found if m not in EN) == []
