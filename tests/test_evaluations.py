"""Post-support evaluation: made after settlement, due by a deadline rule held as data,
refused beside its field with nothing written, with photos; it lets the proposal reach
'evaluated' and shows before/after for the facility."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from kcdesk.db.store import Store
from kcdesk.errors import ValidationError
from kcdesk.services import attachments, evaluations, facilities, money, proposals
from kcdesk.services.due import due_list
from tests.followup import accept, footprint, new_proposal, walk

FACILITY = {
    "name": "Cơ sở chế biến hải sản Mỹ Khê",
    "facility_type": "hkd",
    "province_code": "48",
    "ward_code": "20194",
}
SETTLED_ON = date(2026, 3, 20)
TOMORROW = object()  # stands for the day after the test runs (not after collection)
FORM = {
    "evaluated_on": date(2026, 10, 1),
    "evaluator": "Phạm Thị Hoa, cán bộ Trung tâm",
    "revenue_before": 1_200_000_000,
    "revenue_after": 1_500_000_000,
    "jobs_before": 12,
    "jobs_after": 15,
    "output_before": "8,5",
    "output_after": "12",
    "output_unit": "tấn/tháng",
    "product_before": "Cá khô phơi nắng",
    "product_after": "Cá khô sấy đóng gói hút chân không",
    "machinery_in_use": True,
}


def settled(store: Store) -> tuple[str, str]:
    """A KCĐP proposal for one facility, accepted and settled on 20/3/2026."""
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    pid = new_proposal(store, beneficiary=fid)
    walk(store, pid, "KCDP", "in_progress")
    store.write(lambda s: money.record_money(s, pid, "tam_ung", 100_000_000, date(2026, 2, 25)))
    accept(store, pid, on=date(2026, 3, 1))
    store.write(lambda s: proposals.transition(s, pid, "submit_settlement", role="accountant", on=date(2026, 3, 10)))
    store.write(lambda s: money.settle_proposal(s, pid, {"kc": 100_000_000}, SETTLED_ON, role="so_reviewer"))
    return pid, fid


def save(store: Store, pid: str, values: dict, evaluation_id: str | None = None) -> str:  # type: ignore[type-arg]
    return store.write(lambda s: evaluations.save_evaluation(s, evaluation_id, pid, values))


def test_falls_due_by_the_rule_then_the_evaluation_lets_the_proposal_reach_evaluated(
    store: Store, tmp_path: Path
) -> None:
    pid, fid = settled(store)
    due_on = SETTLED_ON + timedelta(days=180)
    with store.read() as s:
        assert evaluations.evaluation_due_on(s, pid) == due_on
        soon = [(i.rule, i.due, i.overdue) for i in due_list(s, due_on - timedelta(days=10))]
    assert ("danh_gia_sau_ho_tro", due_on, False) in soon
    # The interval is data: a province that evaluates after a year edits the rule.
    store.write(lambda s: s.execute(text("UPDATE deadline_rule SET days = 365 WHERE code = 'danh_gia_sau_ho_tro'")))
    with store.read() as s:
        assert evaluations.evaluation_due_on(s, pid) == SETTLED_ON + timedelta(days=365)

    eid = save(store, pid, FORM | {"facility_id": fid})
    photo = tmp_path / "may-say.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"p" * 2000)
    sha, size = attachments.store_file(store.files_dir, photo)
    store.write(
        lambda s: attachments.link(
            s, sha256=sha, size=size, filename=photo.name, owner_table="post_support_evaluation", owner_id=eid
        )
    )
    assert store.write(lambda s: proposals.transition(s, pid, "evaluate", role="centre_staff", on=date(2026, 10, 2)))
    with store.read() as s:
        assert proposals.find_proposal(s, pid).status == "evaluated"
        assert [i for i in due_list(s, due_on) if i.proposal_id == pid] == []
        (seen,) = evaluations.evaluations_of_facility(s, fid)
        assert len(attachments.attachments_of(s, "post_support_evaluation", eid)) == 1
    assert (seen["revenue_change"], seen["jobs_change"]) == (300_000_000, 3)
    assert (seen["output_before"], seen["output_after"]) == (Decimal("8.5"), Decimal("12"))
    assert seen["facility_name"] == FACILITY["name"] and seen["machinery_in_use"] is True

    # Correcting it later changes only what was corrected.
    save(store, pid, {"jobs_after": 16}, eid)
    with store.read() as s:
        (again,) = evaluations.evaluations_of(s, pid)
    assert again["jobs_after"] == 16 and again["revenue_after"] == 1_500_000_000


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"evaluated_on": None}, "evaluated_on", "Hãy nhập ngày đánh giá"),
        ({"evaluated_on": SETTLED_ON - timedelta(days=1)}, "evaluated_on", "trước ngày quyết toán 20/03/2026"),
        ({"evaluated_on": TOMORROW}, "evaluated_on", "chưa đến"),
        ({"evaluator": "  "}, "evaluator", "người đánh giá"),
        ({"jobs_after": -2}, "jobs_after", "không âm"),
        ({"revenue_before": 1.5}, "revenue_before", "số nguyên"),
        ({"output_after": "nhiều"}, "output_after", "không âm"),
        ({"machinery_in_use": "có"}, "machinery_in_use", "Có hoặc Không"),
    ],
)
def test_bad_forms_are_refused_beside_their_field(store: Store, change: dict, field: str, reason: str) -> None:  # type: ignore[type-arg]
    if change.get("evaluated_on") is TOMORROW:  # read when the test runs: a run may cross midnight
        change = {"evaluated_on": date.today() + timedelta(days=1)}
    pid, fid = settled(store)
    before = footprint(store)
    with pytest.raises(ValidationError) as err:
        save(store, pid, FORM | {"facility_id": fid} | change)
    assert reason in err.value.fields[field].text()
    assert footprint(store) == before


def test_only_after_settlement_and_only_for_a_beneficiary(store: Store) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    other = store.write(lambda s: facilities.create_facility(s, FACILITY | {"name": "Cơ sở khác"}))
    pid = new_proposal(store, beneficiary=fid)
    walk(store, pid, "KCDP", "in_progress")
    before = footprint(store)
    with pytest.raises(ValidationError) as err:
        save(store, pid, FORM | {"facility_id": other})
    assert "'Đang thực hiện'" in err.value.fields["status"].text()
    assert "không phải đơn vị thụ hưởng" in err.value.fields["facility_id"].text()
    assert footprint(store) == before


@pytest.mark.pdf_tools
def test_the_facility_profile_shows_before_and_after(store: Store, tmp_path: Path) -> None:
    import subprocess

    from kcdesk.reports.agency import agency_for
    from kcdesk.reports.facility_profile import write_facility_pdf

    pid, fid = settled(store)
    save(store, pid, FORM | {"facility_id": fid})
    out = tmp_path / "co-so.pdf"
    with store.read() as s:
        facility = facilities.find_facility(s, fid)
        write_facility_pdf(s, facility, agency_for(s), out)
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split())
    assert "Hiệu quả sau hỗ trợ" in text
    for shown in ("1.200.000.000", "1.500.000.000", "8,5 → 12,0 tấn/tháng", "Còn sử dụng"):
        assert shown in text, shown
