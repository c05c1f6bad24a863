"""Every message of personal data protection (issue 13) reads in English too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kcdesk.domain.notice import NOTICE_LABELS
from kcdesk.locale_en import EN
from kcdesk.services import access_trail, erasure
from tests.test_followup_i18n import MESSAGE_CALLS, ROOT

MODULES = [
    "domain/notice.py",
    "services/personal_data.py",
    "services/erasure.py",
    "services/access_trail.py",
    "cli/cmd_privacy.py",
    "cli/cmd_store.py",
    "server/erasures.py",
]


def messages(path: Path) -> set[str]:
    """Literal first arguments of message-making calls, the refusals' Vietnamese messages
    (PermissionDenied, Broken) and the module's message constants (KEEP_*, ERASED_*)."""
    calls = MESSAGE_CALLS | {"PermissionDenied", "Broken", "_lazy"}
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
            args = node.args[1:2] if name == "Broken" else node.args[:1]
            if name in calls and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                found.add(args[0].value)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant | ast.JoinedStr):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if any(n.startswith(("KEEP_", "ERASED_")) for n in names) and isinstance(node.value, ast.Constant):
                found.add(node.value.value)
    return found


@pytest.mark.parametrize("module", MODULES)
def test_every_privacy_message_has_an_english_text(module: str) -> None:
    found = messages(ROOT / module)
    assert found, module
    assert sorted(m for m in found if m not in EN) == []


def test_labels_actions_and_reasons_have_english_texts() -> None:
    names = [
        *NOTICE_LABELS.values(),
        *access_trail.ACTIONS.values(),
        erasure.KEEP_PAYEE,
        erasure.KEEP_SIGNED,
        erasure.KEEP_LINK,
        erasure.KEEP_PAYEE_LINK,
        erasure.KEEP_PAYEE_FILES,
        erasure.KEEP_SIGNED_FILES,
        "xem nhật ký truy cập dữ liệu cá nhân",
        "xóa dữ liệu cá nhân",
    ]
    assert [n for n in names if n not in EN] == []
