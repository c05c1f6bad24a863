"""Every message and field name of the follow-up rules (money, progress, evaluation) reads
in English too: `--lang en` and the English window never show Vietnamese reasons."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kcdesk.domain.evaluation import EVALUATION_LABELS
from kcdesk.domain.money import MONEY_LABELS
from kcdesk.domain.progress_reports import PROGRESS_LABELS
from kcdesk.domain.vocab import DISBURSEMENT_KINDS, FUND_SOURCES
from kcdesk.locale_en import EN
from kcdesk.services.money import LOCKED_MESSAGE

ROOT = Path(__file__).resolve().parent.parent / "kcdesk"
MODULES = [
    "domain/money.py",
    "domain/progress_reports.py",
    "domain/evaluation.py",
    "services/money.py",
    "services/progress_reports.py",
    "services/evaluations.py",
    "cli/cmd_money.py",
    "cli/cmd_progress.py",
    "cli/cmd_acceptance.py",
    "cli/cmd_evaluation.py",
    "cli/cmd_survey.py",
    "cli/cmd_proposal_edit.py",
    "cli/cmd_facility.py",
    "cli/values.py",
]
MESSAGE_CALLS = {"FieldMessage", "ValidationError", "LockedError", "NotFoundError", "TransitionError", "label", "tr"}


def messages(path: Path) -> set[str]:
    """The literal first argument of every message-making call in a module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
            if name in MESSAGE_CALLS and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


@pytest.mark.parametrize("module", MODULES)
def test_every_message_has_an_english_text(module: str) -> None:
    found = messages(ROOT / module)
    assert found, module
    assert sorted(m for m in found if m not in EN) == []


def test_field_names_and_vocabularies_have_english_texts() -> None:
    names = [
        *MONEY_LABELS.values(),
        *PROGRESS_LABELS.values(),
        *EVALUATION_LABELS.values(),
        *FUND_SOURCES.values(),
        *DISBURSEMENT_KINDS.values(),
        LOCKED_MESSAGE,
    ]
    assert [n for n in names if n not in EN] == []


def test_command_options_have_english_help() -> None:
    from kcdesk.cli import cmd_acceptance, cmd_evaluation, cmd_facility, cmd_proposal_edit

    tables = (
        cmd_proposal_edit.TEXT_OPTIONS,
        cmd_proposal_edit.NUMBER_OPTIONS,
        cmd_acceptance.TEXT,
        cmd_acceptance.MONEY,
        cmd_acceptance.WHOLE,
        cmd_evaluation.WHOLE,
        cmd_evaluation.MONEY,
        cmd_evaluation.TEXT,
        cmd_facility.EDIT_ONLY_OPTIONS,
    )
    assert [text for table in tables for _, _, text in table if text not in EN] == []


def test_deadline_rules_have_english_names_and_the_due_list_shows_them(demo_template: Path, tmp_path: Path) -> None:
    import json
    import shutil

    from tests.conftest import run_cli

    rules = json.loads(
        (Path(__file__).parents[1] / "resources" / "reference" / "deadline_rules.json").read_text("utf-8")
    )
    names = [r["name"] for r in rules["items"]]
    assert [n for n in names if n not in EN] == []

    db = tmp_path / "demo.db"
    shutil.copyfile(demo_template, db)
    en = run_cli("--lang", "en", "due", "--date", "01/06/2026", db=db)
    assert en.code == 0, en.err
    shown = [n for n in names if n in en.out]
    assert shown == [], f"Vietnamese task names in the English due list: {shown}"
    assert any(EN[n] in en.out for n in names)
    vi = run_cli("due", "--date", "01/06/2026", db=db)
    assert any(n in vi.out for n in names)
