"""Acceptance records as the window reads them (kcdesk.services.acceptance_edit): the list,
one record with its members, items and signer, and the proposals a record can be drawn up for."""

from __future__ import annotations

import pytest

from kcdesk.db.store import Store
from kcdesk.errors import NotFoundError
from kcdesk.services import acceptances
from kcdesk.services.acceptance_edit import (
    acceptable_proposals,
    acceptance_dict,
    list_acceptances,
    load_acceptance,
)
from tests.followup import ACCEPTED_ON, KC_BUDGET, accept, new_proposal, walk


def test_list_load_and_acceptable_proposals(store: Store) -> None:
    new_proposal(store)  # a draft: not yet under way
    running = new_proposal(store)
    walk(store, running, "KCDP", "in_progress")
    with store.read() as s:
        assert [p[0] for p in acceptable_proposals(s)] == [running]  # not the draft
    aid = accept(store, running)
    with store.read() as s:
        assert acceptable_proposals(s) == []  # accepted: no longer under way
        (row,) = list_acceptances(s)
        data = load_acceptance(s, aid)
        plain = acceptance_dict(s, acceptances._load(s, aid))
    assert (row.id, row.number, row.accepted_on, row.accepted_amount, row.signed) == (
        aid,
        "07/BB-TTKC",
        ACCEPTED_ON,
        KC_BUDGET,
        True,
    )
    assert row.proposal_title == "Hỗ trợ máy chế biến hải sản khô"
    assert data["signed_by_name"] == "Nguyễn Văn An"
    assert {k: v for k, v in data.items() if k != "signed_by_name"} == plain
    assert [m["full_name"] for m in data["members"]] == ["Lê Văn Bình"]


def test_loading_a_missing_record_says_which(store: Store) -> None:
    with store.read() as s, pytest.raises(NotFoundError, match="nghiệm thu no-such"):
        load_acceptance(s, "no-such")
