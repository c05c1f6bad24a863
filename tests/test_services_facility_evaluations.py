"""What the facility profile's evaluation tab reads (kcdesk.services.evaluations
.facility_evaluations): its evaluations and only the settled proposals it benefited from."""

from __future__ import annotations

from kcdesk.db.store import Store
from kcdesk.services import evaluations, facilities, proposals
from kcdesk.services.evaluations import facility_evaluations
from tests.followup import new_proposal
from tests.test_evaluations import FACILITY, FORM, settled


def test_the_profile_lists_settled_proposals_and_evaluations(store: Store) -> None:
    pid, fid = settled(store)
    new_proposal(store, beneficiary=fid)  # still a draft: no evaluation can belong to it
    stranger = store.write(lambda s: facilities.create_facility(s, {**FACILITY, "name": "Cơ sở khác"}))
    with store.read() as s:
        before = facility_evaluations(s, fid)
        nothing = facility_evaluations(s, stranger)
    assert before["name"] == FACILITY["name"] and before["evaluations"] == []
    with store.read() as s:
        code = proposals.find_proposal(s, pid).code
    assert before["proposals"] == [(pid, f"{code} · Hỗ trợ máy chế biến hải sản khô")]
    assert nothing == {"evaluations": [], "proposals": [], "name": "Cơ sở khác"}
    eid = store.write(lambda s: evaluations.save_evaluation(s, None, pid, {**FORM, "facility_id": fid}))
    with store.read() as s:
        after = facility_evaluations(s, fid)
        assert after["evaluations"] == evaluations.evaluations_of_facility(s, fid)
    assert [e["id"] for e in after["evaluations"]] == [eid]
