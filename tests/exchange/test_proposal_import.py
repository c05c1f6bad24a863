"""Importing proposals with budget and disbursement amounts, and exporting the list back."""

from datetime import date

import openpyxl
import sheets as x
from sqlalchemy import func, select

from kcdesk.db.models import BudgetLine, Disbursement, Proposal, ProposalBeneficiary
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
        ],  # an amount without its date
        [
            "KCDP-2026-01",
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
        ],  # duplicate code, unknown activity and facility
    ]


def test_proposals_import_with_money_and_problems(store, tmp_path):
    import_facilities(store, x.workbook(tmp_path / "f.xlsx", [x.good_row(1)]))
    path = x.workbook(tmp_path / "de-an.xlsx", _rows(), headers=HEADERS)
    dry = import_proposals(store, path, dry_run=True)
    found = {(p.row, p.column) for p in dry.problems}
    assert found == {(3, "Ngày tạm ứng"), (4, "Mã đề án"), (4, "MST cơ sở thụ hưởng"), (4, "Nội dung hoạt động")}
    assert import_proposals(store, path).imported == 0
    outcome = import_proposals(store, path, skip_invalid=True)
    assert outcome.imported == 1
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


def test_proposal_list_exports_and_imports_back(store, tmp_path, _template_db):
    import shutil

    from kcdesk.db.store import Store

    import_facilities(store, x.workbook(tmp_path / "f.xlsx", [x.good_row(1)]))
    import_proposals(store, x.workbook(tmp_path / "p.xlsx", _rows()[:1], headers=HEADERS))
    out = tmp_path / "danh-sach.xlsx"
    assert export_proposals(store, out) == 1
    ws = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in ws[1]]
    kc = ws.cell(2, header.index("Kinh phí khuyến công (đồng)") + 1)
    assert kc.value == 500_000_000 and kc.number_format == "#,##0"
    other = tmp_path / "other.db"
    shutil.copy(_template_db, other)
    with Store.open(other) as second:
        import_facilities(second, x.workbook(tmp_path / "f2.xlsx", [x.good_row(1)]))
        outcome = import_proposals(second, out)
        assert outcome.imported == 1 and not outcome.problems


def test_planned_outputs_are_imported_exported_and_fill_the_report_plan(store, tmp_path):
    from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
    from kcdesk.reports.periodic_report import periodic_tables

    headers = [*HEADERS[:9], "Kinh phí KC", "Số học viên kế hoạch", "Số mô hình kế hoạch", "Hội chợ kế hoạch"]
    row = ["KCDP-2026-05", "Đào tạo nghề đan lát", "KCĐP", 2026, "KC1.1", "Trung tâm Khuyến công", "Đà Nẵng",
           "Hải Châu", "Đang thực hiện", 300_000_000, 35, 1, 2]  # fmt: skip
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
