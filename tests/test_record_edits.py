"""The core's editing services the window (and later the CLI) calls: surveys with their
needs and photos, editing an existing proposal, replacing an acceptance's members and
items, switching the current user. Real SQLite files; no Qt."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from kcdesk.db.models import (
    AcceptanceItem,
    AcceptanceMember,
    Attachment,
    BudgetLine,
    ProposalActivity,
    Survey,
    SurveyNeed,
)
from kcdesk.db.store import Store
from kcdesk.errors import LockedError, NotFoundError, ValidationError
from kcdesk.services import acceptances, proposals, users
from kcdesk.services.acceptance_edit import replace_members_and_items, save_acceptance
from kcdesk.services.proposal_edit import save_proposal
from kcdesk.services.proposals import BudgetInput
from kcdesk.services.surveys import NeedInput, NewFacilityInput, PhotoInput, SurveyInput, save_survey, survey_problems

PROPOSAL = {
    "title": "Hỗ trợ máy sấy nông sản",
    "level": "KCDP",
    "plan_year": 2026,
    "implementing_unit": "Trung tâm Khuyến công Đà Nẵng",
}


def _count(store: Store, model: type, *where: object) -> int:
    with store.read() as s:
        return int(s.execute(select(func.count()).select_from(model).where(*where)).scalar_one())


def _audit(store: Store, table: str) -> list[tuple[str, str]]:
    with store.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                text("SELECT op, row_id FROM audit_entry WHERE table_name = :t ORDER BY id"), {"t": table}
            )
        ]


# -- surveys ----------------------------------------------------------------------------------


def test_a_draft_saves_with_almost_nothing_and_sending_asks_for_facility_commune_and_a_need() -> None:
    empty = SurveyInput(survey_date=date.today())
    assert survey_problems(empty, sending=False) == {}
    assert set(survey_problems(empty, sending=True)) == {"facility", "ward_code", "needs"}
    wrong = SurveyInput(
        survey_date=date.today() + timedelta(days=1),
        latitude=48.8,
        longitude=2.3,
        new_facility=NewFacilityInput("Cơ sở A", phone="12"),
        needs=(NeedInput("KC3.3", priority=7),),
    )
    assert set(survey_problems(wrong, sending=False)) == {
        "survey_date",
        "coordinates",
        "new_phone",
        "needs[1].priority",
    }


def test_save_a_draft_then_send_it_with_needs_replaced_and_a_photo(store: Store, tmp_path: Path) -> None:
    photo = tmp_path / "anh.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg, but a file")
    draft = SurveyInput(
        survey_date=date.today(),
        new_facility=NewFacilityInput("  Hộ mây tre  Lê Văn Đạt "),
        needs=(NeedInput("KC3.3"), NeedInput("KC4.1", 1)),
    )
    sid = store.write(
        lambda s: save_survey(s, store.files_dir, draft, survey_id=None, surveyor_id=store.user_id, send=False)
    )
    with pytest.raises(ValidationError) as refused:
        store.write(lambda s: save_survey(s, store.files_dir, draft, survey_id=sid, surveyor_id=None, send=True))
    assert set(refused.value.fields) == {"ward_code"}
    sent = SurveyInput(
        survey_date=date.today(),
        new_facility=NewFacilityInput("Hộ mây tre Lê Văn Đạt"),
        ward_code="20194",
        latitude=16.05,
        longitude=108.2,
        needs=(NeedInput("KC2.1", 1, "Đào tạo nghề"),),
    )
    store.write(
        lambda s: save_survey(
            s, store.files_dir, sent, survey_id=sid, surveyor_id=None, send=True, photos=[PhotoInput(photo, "Xưởng")]
        )
    )
    with store.read() as s:
        survey = s.get(Survey, sid)
        assert survey is not None and survey.status == "submitted" and survey.ward_code == "20194"
        assert '"Hộ mây tre Lê Văn Đạt"' in (survey.draft_facility or "")
        live = s.scalars(
            select(SurveyNeed.activity_code).where(SurveyNeed.survey_id == sid, SurveyNeed.deleted_at.is_(None))
        ).all()
        assert live == ["KC2.1"]
        photo_row = s.scalars(select(Attachment).where(Attachment.owner_id == sid)).one()
        assert (photo_row.caption, photo_row.latitude, photo_row.doc_type) == ("Xưởng", 16.05, "photo")
    assert (store.files_dir / photo_row.sha256[:2]).exists() or any(store.files_dir.rglob(photo_row.sha256 + "*"))
    with pytest.raises(LockedError):
        store.write(lambda s: save_survey(s, store.files_dir, sent, survey_id=sid, surveyor_id=None, send=False))


# -- editing a proposal ---------------------------------------------------------------------------


def test_editing_a_proposal_replaces_links_and_budget_and_touches_only_what_changed(store: Store) -> None:
    lines = [
        BudgetInput("Máy sấy", kc_amount=100_000_000, counterpart_amount=150_000_000),
        BudgetInput("Tập huấn", kc_amount=20_000_000),
    ]
    pid = store.write(lambda s: save_proposal(s, None, PROPOSAL, activities=["KC3.3"], budget=lines))
    first_audit = len(_audit(store, "budget_line"))
    edited = [BudgetInput("Máy sấy", kc_amount=100_000_000, counterpart_amount=150_000_000)]
    store.write(
        lambda s: save_proposal(
            s,
            pid,
            {**PROPOSAL, "title": "Hỗ trợ máy sấy nông sản (sửa)", "code": "X"},
            activities=["KC3.3", "KC4.1"],
            budget=edited,
        )
    )
    with store.read() as s:
        p = proposals.find_proposal(s, pid)
        assert p.title == "Hỗ trợ máy sấy nông sản (sửa)" and p.code != "X"  # code is not a form field
    assert (
        _count(store, ProposalActivity, ProposalActivity.proposal_id == pid, ProposalActivity.deleted_at.is_(None)) == 2
    )
    assert _count(store, BudgetLine, BudgetLine.proposal_id == pid, BudgetLine.deleted_at.is_(None)) == 1
    # the unchanged first line was not rewritten: one audit entry more, the second line's delete
    assert len(_audit(store, "budget_line")) == first_audit + 1


def test_an_edit_is_checked_like_a_new_proposal_and_a_settled_one_is_locked(store: Store) -> None:
    pid = store.write(lambda s: save_proposal(s, None, PROPOSAL))
    with pytest.raises(ValidationError) as refused:
        store.write(
            lambda s: save_proposal(
                s,
                pid,
                {"title": "", "end_date": date(2026, 1, 1), "start_date": date(2026, 6, 1)},
                budget=[BudgetInput("", kc_amount=-1)],
            )
        )
    assert {"title", "end_date"} <= set(refused.value.fields)
    store.write(lambda s: s.execute(text("UPDATE proposal SET status = 'settled' WHERE id = :id"), {"id": pid}))
    with pytest.raises(LockedError):
        store.write(lambda s: save_proposal(s, pid, PROPOSAL))


def test_public_checks_are_the_ones_create_uses() -> None:
    with pytest.raises(ValidationError):
        proposals.check_proposal({"title": "x", "level": "KCXX", "plan_year": 2026, "implementing_unit": "TT"})
    with pytest.raises(ValidationError):
        proposals.check_budget([BudgetInput("Máy", kc_amount=1.5)])  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        acceptances.check_acceptance({"accepted_on": None}, [])


# -- acceptance members and items -------------------------------------------------------------------


def test_members_and_items_are_replaced_in_order_and_locked_once_signed(store: Store) -> None:
    pid = store.write(lambda s: proposals.create_proposal(s, PROPOSAL))
    header = {"accepted_on": date(2026, 10, 20), "number": "05/BB-TTKC", "conclusion": "dat"}
    members = [{"full_name": "Nguyễn Văn An", "role": "chu_tri"}, {"full_name": "Lê Thị Bình", "role": "thanh_vien"}]
    aid = store.write(
        lambda s: save_acceptance(s, None, pid, header, members, [{"content": "Máy sấy", "passed": True}])
    )
    store.write(
        lambda s: save_acceptance(
            s, aid, pid, {**header, "place": "Hòa Vang"}, [{"full_name": "Trần Văn Cường", "role": "chu_tri"}], []
        )
    )
    with store.read() as s:
        names = s.scalars(
            select(AcceptanceMember.full_name).where(
                AcceptanceMember.acceptance_id == aid, AcceptanceMember.deleted_at.is_(None)
            )
        ).all()
        assert names == ["Trần Văn Cường"]
    assert _count(store, AcceptanceItem, AcceptanceItem.acceptance_id == aid, AcceptanceItem.deleted_at.is_(None)) == 0
    with pytest.raises(ValidationError):
        store.write(lambda s: replace_members_and_items(s, aid, [{"full_name": "", "role": "boss"}], []))
    store.write(lambda s: acceptances.sign_acceptance(s, aid, store.user_id))
    with pytest.raises(LockedError):
        store.write(lambda s: replace_members_and_items(s, aid, members, []))


# -- users ------------------------------------------------------------------------------------------


def test_switching_user_changes_who_writes(store: Store) -> None:
    from kcdesk.db.models import AppUser
    from kcdesk.ids import new_id

    other = new_id()
    store.write(
        lambda s: s.add(
            AppUser(
                id=other,
                username="ketoan",
                full_name="Phạm Thị Kế Toán",
                role="accountant",
                province_code="48",
                active=True,
            )
        )
    )
    with store.read() as s:
        assert [u.username for u in users.list_users(s)] == ["canbo", "ketoan"]
    row = store.write(lambda s: users.switch_user(s, other))
    store.reload_identity()
    assert row.role == "accountant" and store.user_id == other
    with store.read() as s:
        assert users.current_user_row(s) == row
    with pytest.raises(NotFoundError):
        store.write(lambda s: users.switch_user(s, new_id()))
