"""Translations keep their placeholders; the catalogue covers what the core shows."""

from __future__ import annotations

from kcdesk.domain import lifecycle
from kcdesk.domain.roles import ROLES
from kcdesk.i18n import placeholders
from kcdesk.locale_en import EN


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    broken = {vi: en for vi, en in EN.items() if placeholders(vi) != placeholders(en)}
    assert broken == {}


def test_statuses_actions_and_roles_are_translated() -> None:
    names = [*lifecycle.STATUSES.values(), *(t.label for t in lifecycle.TRANSITIONS), *ROLES.values()]
    assert [n for n in names if n not in EN] == []
