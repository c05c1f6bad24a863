"""Issue 10, done when: importing a workbook with multi-line budgets and payments, then
re-importing it with changes, gives the same database as typing the same data through the
services (the calls the window and the command line make). Plus: the dry run lists what
changes, and importing the same file twice changes nothing (not even the audit trail)."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from proposal_book import book, business, footprint
from proposal_cases import F1, F2, LINES, MONEY, P1, PAY, M, with_facilities, workbook_a, workbook_b

from kcdesk.db.store import Store
from kcdesk.exchange.proposal_import import import_proposals
from kcdesk.services import acceptances, money, proposal_edit, proposals
from kcdesk.services.proposals import BudgetInput

ADMIN = "admin"

# -- the same data typed through the services ----------------------------------------------


def _fid(s, tax: str) -> str:
    from kcdesk.services.facilities import find_facility

    return find_facility(s, tax).id


def _steps(s, code: str, steps: list[tuple[str, date, str | None]]) -> None:
    for action, on, document in steps:
        proposals.transition(s, code, action, role=ADMIN, on=on, document_number=document)


def _accept(s, code: str, on: date, number: str, chair: str, accepted: int, **outputs) -> None:
    kc, total = (proposals.budget_totals(s, proposals.find_proposal(s, code).id)[k] for k in ("kc_amount", "total"))
    aid = acceptances.create_acceptance(
        s,
        code,
        {"accepted_on": on, "number": number, "conclusion": "dat", "approved_amount": total,
         "approved_kc_amount": kc, "accepted_amount": accepted, **outputs},
        members=[{"full_name": chair, "role": "chu_tri"}],
    )  # fmt: skip
    acceptances.sign_acceptance(s, aid, None)
    proposals.transition(s, code, "accept", role=ADMIN, on=on)


def type_a(s) -> None:
    """Workbook A, one form and one button at a time."""
    plan = {"implementing_unit": "Trung tâm Khuyến công Đà Nẵng", "province_code": "48", "plan_year": 2026}
    proposals.create_proposal(
        s,
        {**plan, "code": "KCDP-2026-01", "title": "Hỗ trợ máy sấy hải sản", "level": "KCDP", "ward_code": "20242"},
        activities=["KC3.3"],
        beneficiaries=[_fid(s, F1)],
        budget=[
            BudgetInput("Máy sấy hải sản", 180 * M, 200 * M, activity_code="KC3.3", facility_id=_fid(s, F1),
                        unit="cái", quantity=1),
            BudgetInput("Chuyển giao công nghệ", 20 * M),
        ],
    )  # fmt: skip
    _steps(s, "KCDP-2026-01", [
        ("submit", date(2025, 11, 3), None), ("appraise", date(2025, 12, 15), None),
        ("approve_local", date(2025, 12, 15), "123/QĐ-UBND"), ("sign_contract", date(2026, 2, 10), "05/HĐ-KC"),
        ("start", date(2026, 2, 10), None),
    ])  # fmt: skip
    money.record_money(s, "KCDP-2026-01", "tam_ung", 140 * M, date(2026, 2, 25), document_number="UNC-101")
    money.record_money(
        s, "KCDP-2026-01", "thanh_toan", 150 * M, date(2026, 3, 1), fund_source="doi_ung", document_number="UNC-102"
    )
    _accept(s, "KCDP-2026-01", date(2026, 7, 15), "07/BB-TTKC", "Lê Văn Bình", 190 * M, machines_supplied=1)
    money.record_money(s, "KCDP-2026-01", "thanh_toan", 50 * M, date(2026, 7, 25), document_number="UNC-103")
    proposals.transition(s, "KCDP-2026-01", "submit_settlement", role=ADMIN, on=date(2026, 8, 1))
    money.settle_proposal(
        s, "KCDP-2026-01", {"kc": 190 * M, "doi_ung": 200 * M}, date(2026, 8, 20), role=ADMIN,
        document_number="88/QĐ-SCT",
    )  # fmt: skip

    proposals.create_proposal(
        s,
        {**plan, "code": "KCQG-2026-02", "title": "Dây chuyền xử lý mây tre", "level": "KCQG"},
        activities=["KC3.3", "KC1.1"],
        beneficiaries=[_fid(s, F2), _fid(s, F1)],
        budget=[
            BudgetInput("Dây chuyền xử lý mây tre", 300 * M, 450 * M),
            BudgetInput("Đào tạo thợ", 50 * M, unit="học viên", quantity="2.5"),
            BudgetInput("Tham quan học tập", 10 * M),
        ],
    )
    on = date(2025, 12, 20)
    _steps(s, "KCQG-2026-02", [
        ("submit", on, None), ("appraise", on, None), ("submit_to_ministry", on, None),
        ("ministry_appraise", on, None), ("approve", on, None), ("sign_contract", date(2026, 1, 15), None),
        ("start", date(2026, 1, 15), None),
    ])  # fmt: skip
    money.record_money(s, "KCQG-2026-02", "tam_ung", 210 * M, date(2026, 2, 5), document_number="UNC-201")

    proposals.create_proposal(
        s,
        {**plan, "code": "KCDP-2026-03", "title": "Đào tạo nghề đan lát", "level": "KCDP"},
        activities=["KC1.1"],
        budget=[BudgetInput("Kinh phí thực hiện đề án", 120 * M, activity_code="KC1.1")],
    )
    on = date(2026, 1, 10)
    _steps(s, "KCDP-2026-03", [("submit", on, None), ("appraise", on, None), ("approve_local", on, None)])


def type_b(s) -> None:
    """The changes of workbook B, typed after workbook A."""
    p2 = proposals.find_proposal(s, "KCQG-2026-02")
    proposal_edit.save_proposal(
        s, p2.id, {"title": "Dây chuyền xử lý mây tre xuất khẩu"}, activities=["KC3.3", "KC1.1"],
        beneficiaries=[_fid(s, F2), _fid(s, F1)],
        budget=[
            BudgetInput("Dây chuyền xử lý mây tre", 320 * M, 450 * M),
            BudgetInput("Đào tạo thợ", 50 * M, unit="học viên", quantity="2.5"),
        ],
    )  # fmt: skip
    _accept(s, "KCQG-2026-02", date(2026, 5, 30), "12/BB-TTKC", "Trần Thị Hoa", 280 * M)
    money.record_money(s, "KCQG-2026-02", "thanh_toan", 70 * M, date(2026, 7, 10), document_number="UNC-202")
    proposals.transition(s, "KCQG-2026-02", "submit_settlement", role=ADMIN, on=date(2026, 7, 12))
    money.settle_proposal(
        s, "KCQG-2026-02", {"kc": 275 * M}, date(2026, 9, 10), role=ADMIN, document_number="99/QĐ-BCT"
    )

    p3 = proposals.find_proposal(s, "KCDP-2026-03")
    proposal_edit.save_proposal(
        s, p3.id, {"planned_trainees": 30}, activities=["KC1.1"], beneficiaries=[],
        budget=[BudgetInput("Thiết bị đan lát", 100 * M), BudgetInput("Thù lao giảng viên", 20 * M)],
    )  # fmt: skip
    proposals.transition(s, "KCDP-2026-03", "sign_contract", role=ADMIN, on=date(2026, 3, 1))
    money.record_money(s, "KCDP-2026-03", "tam_ung", 60 * M, date(2026, 3, 5), document_number="UNC-301")

    proposals.create_proposal(
        s,
        {"code": "KCDP-2026-04", "title": "Mô hình sản xuất gạch không nung", "level": "KCDP", "plan_year": 2026,
         "implementing_unit": "Trung tâm Khuyến công Đà Nẵng", "province_code": "48"},
        budget=[BudgetInput("Kinh phí thực hiện đề án", 100 * M)],
    )  # fmt: skip
    on = date(2026, 1, 5)
    _steps(s, "KCDP-2026-04", [
        ("submit", on, None), ("appraise", on, None), ("approve_local", on, None),
        ("sign_contract", date(2026, 2, 1), None), ("start", date(2026, 2, 1), None),
    ])  # fmt: skip
    money.record_money(s, "KCDP-2026-04", "tam_ung", 40 * M, date(2026, 2, 10))
    proposals.transition(s, "KCDP-2026-04", "stop", role=ADMIN, on=date(2026, 6, 1))


@pytest.fixture
def typed(_template_db, tmp_path):
    path = tmp_path / "typed.db"
    shutil.copy(_template_db, path)
    folder = tmp_path / "typed"
    folder.mkdir()
    with Store.open(path) as store:
        yield with_facilities(store, folder)


def test_import_then_reimport_with_changes_equals_typing_the_same(store, typed, tmp_path):
    with_facilities(store, tmp_path)
    first = import_proposals(store, workbook_a(tmp_path))
    assert not first.problems and (first.created, first.updated) == (3, 0), [p.text() for p in first.problems]
    typed.write(type_a)
    assert business(store) == business(typed)

    second = import_proposals(store, workbook_b(tmp_path), update=True)
    assert not second.problems, [p.text() for p in second.problems]
    assert (second.created, second.updated, second.unchanged) == (1, 2, 1)
    typed.write(type_b)
    imported, by_hand = business(store), business(typed)
    for table in imported:
        assert imported[table] == by_hand[table], table
    assert len(imported["proposal_status_event"]) == (8 + 7 + 3) + (3 + 1 + 6)  # A's steps, then B's
    # P2's third line removed (soft-deleted); P3's single line became its first detailed line.
    assert sum(1 for r in imported["budget_line"] if ("deleted_at", "True") in r) == 1


def test_the_dry_run_lists_every_change_and_writes_nothing(store, tmp_path):
    with_facilities(store, tmp_path)
    import_proposals(store, workbook_a(tmp_path))
    before = footprint(store)
    dry = import_proposals(store, workbook_b(tmp_path), dry_run=True)
    assert footprint(store) == before and dry.imported == 0 and not dry.problems
    changes = {c.code: c for c in dry.changes}
    assert changes["KCDP-2026-01"].action == "same" and changes["KCDP-2026-04"].action == "new"
    p2 = [(line.sheet, line.row, line.column, line.message.text()) for line in changes["KCQG-2026-02"].lines]
    assert ("Đề án", 3, "Tên đề án", "Dây chuyền xử lý mây tre → Dây chuyền xử lý mây tre xuất khẩu") in p2
    assert ("Dự toán", 4, "Kinh phí khuyến công (đồng)", "dòng dự toán 1: 300.000.000 → 320.000.000") in p2
    assert any(c == "Mã đề án" and "bỏ dòng dự toán 3: Tham quan học tập" in m for _, _, c, m in p2)
    assert ("Giải ngân", 8, "Số tiền (đồng)", "thêm khoản Thanh toán (Kinh phí khuyến công) 70.000.000 đồng "
            "10/07/2026, UNC-202") in p2  # fmt: skip
    status = next(m for _, _, c, m in p2 if c == "Trạng thái")
    assert status.startswith("Đang thực hiện → Đã quyết toán (Nghiệm thu (đạt) 30/05/2026; Nộp hồ sơ quyết toán")
    assert "Phê duyệt quyết toán 10/09/2026" in status
    p3 = [(line.column, line.message.text()) for line in changes["KCDP-2026-03"].lines]
    assert ("Số học viên kế hoạch", "(trống) → 30") in p3
    assert ("Nội dung chi", "dòng dự toán 1: Kinh phí thực hiện đề án → Thiết bị đan lát") in p3
    assert ("Nội dung chi", "thêm dòng dự toán 2: Thù lao giảng viên, 20.000.000 đồng / 0 đồng / 0 đồng") in p3
    # Without --update, the real run shows the same and still writes nothing.
    waiting = import_proposals(store, workbook_b(tmp_path))
    assert waiting.awaits_update and waiting.imported == 0 and footprint(store) == before
    assert "--update" in waiting.summary()


def test_the_same_file_twice_changes_nothing_not_even_the_audit_trail(store, tmp_path):
    with_facilities(store, tmp_path)
    path = workbook_b(tmp_path)
    import_proposals(store, workbook_a(tmp_path))
    assert import_proposals(store, path, update=True).updated == 2
    before, rows = footprint(store), business(store)
    again = import_proposals(store, path, update=True)
    assert not again.problems and again.unchanged == 4 and (again.created, again.updated, again.imported) == (0, 0, 0)
    assert footprint(store) == before and business(store) == rows
    assert "4 đề án không đổi" in again.summary()


def test_a_settled_proposal_refuses_changes_to_its_locked_money_and_nothing_is_written(store, tmp_path):
    with_facilities(store, tmp_path)
    import_proposals(store, workbook_a(tmp_path))
    before = footprint(store)
    late = {**PAY, "Mã đề án": "KCDP-2026-01", "Loại khoản": "Thanh toán", "Số tiền (đồng)": 5 * M,
            "Ngày": date(2026, 9, 1), "Số chứng từ": "UNC-104"}  # fmt: skip
    changed = [dict(LINES[0], **{"Kinh phí khuyến công (đồng)": 185 * M}), *LINES[1:]]
    outcome = import_proposals(store, book(tmp_path / "c.xlsx", [P1], changed, [*MONEY, late]), update=True)
    assert outcome.refused and footprint(store) == before
    found = {(p.sheet, p.row, p.column): p.message.text() for p in outcome.problems}
    late_payment = found[("Giải ngân", 8, "Số tiền (đồng)")]
    assert "đã khóa" in late_payment and "UNC-104" in late_payment
    assert "đã khóa" in found[("Dự toán", 2, "Kinh phí khuyến công (đồng)")]


def test_a_workbook_of_payments_alone_adds_them_to_recorded_proposals(store, tmp_path):
    """A sheet 'Giải ngân' by itself (no proposal sheet): its entries go to the proposals
    recorded under those codes, those already recorded are recognised (a settlement row
    without its decision number too), none is doubled; two equal rows are two payments."""
    with_facilities(store, tmp_path)
    import_proposals(store, workbook_a(tmp_path))
    later = {**PAY, "Mã đề án": "KCQG-2026-02", "Loại khoản": "Thanh toán", "Số tiền (đồng)": 40 * M,
             "Ngày": date(2026, 4, 2), "Số chứng từ": "UNC-203"}  # fmt: skip
    path = book(tmp_path / "giai-ngan.xlsx", money=[*MONEY, later, later])
    dry = import_proposals(store, path, dry_run=True)
    assert not dry.problems and (dry.created, dry.updated, dry.unchanged) == (0, 1, 1)
    assert [line.message.text() for c in dry.changes for line in c.lines] == [
        "thêm khoản Thanh toán (Kinh phí khuyến công) 40.000.000 đồng 02/04/2026, UNC-203"
    ] * 2
    assert import_proposals(store, path, update=True).updated == 1
    assert import_proposals(store, path, update=True).updated == 0  # the second time: recognised
    with store.read() as s:
        paid = money.money_summary(s, "KCQG-2026-02").totals["kc"]
    assert paid.paid_out == (210 + 40 + 40) * M
