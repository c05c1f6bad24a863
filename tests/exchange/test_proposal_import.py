"""Importing proposals from the one sheet many centres keep (a row per proposal with its
amounts), what a settled proposal must carry, and exporting the list back."""

from datetime import date

import openpyxl
import sheets as x
from proposal_book import business
from proposal_cases import M, with_facilities, workbook_a, workbook_b
from sqlalchemy import func, select

from kcdesk.db.models import Acceptance, BudgetLine, Disbursement, Proposal, ProposalBeneficiary, ProposalStatusEvent
from kcdesk.exchange.facility_import import import_facilities
from kcdesk.exchange.proposal_import import import_proposals
from kcdesk.exchange.registers import export_proposals

HEADERS = [
    "Mã đề án",
    "Tên đề án",
    "Cấp",
    "Năm kế hoạch",
    "Nội dung hoạt động",
    "Đơn vị thực hiện",
    "Tỉnh/Thành phố",
    "Xã/Phường/Đặc khu",
    "Trạng thái",
    "MST cơ sở thụ hưởng",
    "Kinh phí KC",
    "Vốn đối ứng",
    "Nguồn khác",
    "Tạm ứng",
    "Ngày tạm ứng",
    "Quyết toán",
    "Ngày quyết toán",
    "Ngày ký hợp đồng",
    "Ngày nghiệm thu",
    "Số biên bản nghiệm thu",
    "Chủ trì nghiệm thu",
]


def _rows():
    return [
        [
            "KCDP-2026-01",
            x.nfd("Hỗ trợ máy chà nhám"),
            "KCĐP",
            2026,
            "KC3.3",
            "Trung tâm Khuyến công",
            "Đà Nẵng",
            "Hải Châu",
            "Đã quyết toán",
            "0401200001",
            "500.000.000",
            750_000_000,
            None,
            "150.000.000",
            "05/02/2026",
            350_000_000,
            date(2026, 6, 30),
            date(2026, 1, 20),
            date(2026, 6, 1),
            "15/BB-TTKC",
            "Lê Văn Bình",
        ],
        [
            "KCQG-2026-02",
            "Đào tạo nghề mây tre đan",
            "kcqg",
            "2026",
            "KC1",
            "Trung tâm Khuyến công",
            "Đà Nẵng",
            None,
            None,
            None,
            1_000_000_000,
            "0",
            None,
            300_000_000,
            None,
            None,
            None,
            date(2026, 1, 20),
            None,
            None,
            None,
        ],  # an amount without its date
        [
            "KCQG-2026-02",
            "Trùng mã",
            "KCĐP",
            2026,
            "KC12",
            "Trung tâm",
            "Đà Nẵng",
            None,
            None,
            "0409999999",
            1,
            0,
            0,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ],  # duplicate code, unknown activity and facility
    ]


def test_proposals_import_with_money_and_problems(store, tmp_path):
    import_facilities(store, x.workbook(tmp_path / "f.xlsx", [x.good_row(1)]))
    path = x.workbook(tmp_path / "de-an.xlsx", _rows(), headers=HEADERS)
    dry = import_proposals(store, path, dry_run=True)
    found = {(p.row, p.column) for p in dry.problems}
    assert found == {(3, "Ngày tạm ứng"), (4, "Mã đề án"), (4, "MST cơ sở thụ hưởng"), (4, "Nội dung hoạt động")}
    assert {p.sheet for p in dry.problems} == {"Sheet"}  # the sheet is named as the file names it
    assert import_proposals(store, path).imported == 0
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Proposal)) == 0
    outcome = import_proposals(store, path, skip_invalid=True)
    assert outcome.imported == 1 and outcome.created == 1
    with store.read() as s:
        p = s.scalars(select(Proposal)).one()
        assert (p.code, p.title, p.level, p.status, p.ward_code) == (
            "KCDP-2026-01",
            "Hỗ trợ máy chà nhám",
            "KCDP",
            "settled",
            "20242",
        )
        assert s.scalar(select(func.sum(BudgetLine.kc_amount))) == 500_000_000
        paid = {(d.kind, d.amount, d.paid_on) for d in s.scalars(select(Disbursement))}
        assert paid == {("tam_ung", 150_000_000, date(2026, 2, 5)), ("quyet_toan", 350_000_000, date(2026, 6, 30))}
        assert s.scalar(select(func.count()).select_from(ProposalBeneficiary)) == 1
        steps = [(e.action, e.event_date) for e in s.scalars(select(ProposalStatusEvent).order_by(
            ProposalStatusEvent.event_date, ProposalStatusEvent.created_at))]  # fmt: skip
        accepted = s.scalars(select(Acceptance)).one()
    assert [a for a, _ in steps] == [
        "submit", "appraise", "approve_local", "sign_contract", "start", "accept", "submit_settlement", "settle",
    ]  # fmt: skip
    assert dict(steps)["accept"] == date(2026, 6, 1) and dict(steps)["settle"] == date(2026, 6, 30)
    assert (accepted.number, accepted.accepted_on, accepted.conclusion) == ("15/BB-TTKC", date(2026, 6, 1), "dat")
    assert accepted.signed_at is not None


def test_a_settled_proposal_says_which_dates_and_papers_it_lacks(store, tmp_path):
    """A proposal settled on paper is recorded through its steps: without the dates of the
    contract, the acceptance and the settlement (and the acceptance record's number and
    chair), the import names each cell to fill and writes nothing."""
    row = [*_rows()[0][: HEADERS.index("Ngày ký hợp đồng")], None, None, None, None]
    row[HEADERS.index("Ngày quyết toán")] = None
    row[HEADERS.index("Quyết toán")] = None
    import_facilities(store, x.workbook(tmp_path / "f.xlsx", [x.good_row(1)]))
    outcome = import_proposals(store, x.workbook(tmp_path / "p.xlsx", [row], headers=HEADERS))
    found = {p.column: p.message.text() for p in outcome.problems}
    assert set(found) == {
        "Ngày ký hợp đồng", "Ngày nghiệm thu", "Số biên bản nghiệm thu", "Chủ trì nghiệm thu", "Ngày quyết toán",
        "Quyết toán",
    }  # fmt: skip
    assert "Để đến trạng thái 'Đã quyết toán', đề án qua bước 'Nghiệm thu (đạt)'" in found["Ngày nghiệm thu"]
    assert "số quyết toán" in found["Quyết toán"]
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Proposal)) == 0


def test_the_exported_workbook_imports_back_to_the_same_proposals(store, tmp_path, _template_db):
    """Export: the three sheets (proposals with step dates and acceptance, budget lines,
    money that counts). Into the same database it changes nothing; into another one it
    gives the same proposals, lines, money, steps and acceptances."""
    import shutil

    from kcdesk.db.store import Store

    with_facilities(store, tmp_path)
    import_proposals(store, workbook_a(tmp_path))
    import_proposals(store, workbook_b(tmp_path), update=True)
    out = tmp_path / "danh-sach.xlsx"
    assert export_proposals(store, out) == 4
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Đề án", "Dự toán", "Giải ngân"]
    header = [c.value for c in wb["Đề án"][1]]
    kc = wb["Đề án"].cell(2, header.index("Kinh phí khuyến công (đồng)") + 1)
    assert kc.value == 200 * M and kc.number_format == "#,##0"
    assert wb["Dự toán"].max_row == 1 + 7 and wb["Giải ngân"].max_row == 1 + 10
    again = import_proposals(store, out, dry_run=True)
    assert not again.problems and again.unchanged == 4, [p.text() for p in again.problems]
    other = tmp_path / "other.db"
    shutil.copy(_template_db, other)
    folder = tmp_path / "other"
    folder.mkdir()
    with Store.open(other) as second:
        with_facilities(second, folder)
        outcome = import_proposals(second, out)
        assert outcome.created == 4 and not outcome.problems, [p.text() for p in outcome.problems]
        live = {t: [r for r in rows if ("deleted_at", "True") not in r] for t, rows in business(store).items()}
        assert business(second) == live


def test_planned_outputs_are_imported_exported_and_fill_the_report_plan(store, tmp_path):
    from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
    from kcdesk.reports.periodic_report import periodic_tables

    headers = [
        *HEADERS[:9],
        "Kinh phí KC",
        "Số học viên kế hoạch",
        "Số mô hình kế hoạch",
        "Hội chợ kế hoạch",
        "Ngày ký hợp đồng",
    ]
    row = ["KCDP-2026-05", "Đào tạo nghề đan lát", "KCĐP", 2026, "KC1.1", "Trung tâm Khuyến công", "Đà Nẵng",
           "Hải Châu", "Đang thực hiện", 300_000_000, 35, 1, 2, date(2026, 2, 1)]  # fmt: skip
    outcome = import_proposals(store, x.workbook(tmp_path / "p.xlsx", [row], headers=headers))
    assert outcome.imported == 1 and not outcome.problems
    with store.read() as s:
        p = s.scalars(select(Proposal)).one()
        assert (p.planned_trainees, p.planned_models, p.planned_machines, p.planned_fairs) == (35, 1, None, 2)
        fig = periodic_figures(s, PeriodicQuery(date(2026, 1, 1), date(2026, 6, 30), "48"))
    plan = {r[0]: r[2] for r in periodic_tables(fig)[2].rows}
    assert plan["Số học viên được đào tạo"] == 35 and plan["Số hội chợ, triển lãm"] == 2
    out = tmp_path / "ds.xlsx"
    export_proposals(store, out)
    ws = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in ws[1]]
    assert ws.cell(2, header.index("Số học viên kế hoạch") + 1).value == 35
