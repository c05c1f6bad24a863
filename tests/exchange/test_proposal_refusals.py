"""Every refusal of the proposal import names the sheet, row and column and says what to do,
and writes nothing: the money rules of typed entries (no payment before the contract,
khuyến công money within the approved budget, a settlement within the budget and what was
accepted, no future dates), the lifecycle (dates in order, what a status needs, no going
back), and what the sheets must agree on."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from proposal_book import book, footprint
from proposal_cases import F1, M, with_facilities

from kcdesk.exchange.proposal_import import import_proposals

CODE = "KCDP-2026-09"
ROW = {
    "Mã đề án": CODE,
    "Tên đề án": "Hỗ trợ lò sấy nông sản",
    "Cấp": "KCĐP",
    "Năm kế hoạch": 2026,
    "Đơn vị thực hiện": "Trung tâm Khuyến công Đà Nẵng",
    "Tỉnh/Thành phố": "Đà Nẵng",
    "Trạng thái": "Đang thực hiện",
    "MST cơ sở thụ hưởng": F1,
    "Ngày phê duyệt": date(2026, 1, 5),
    "Ngày ký hợp đồng": date(2026, 2, 10),
}
LINE = {"Mã đề án": CODE, "STT": 1, "Nội dung chi": "Lò sấy", "Kinh phí khuyến công (đồng)": 100 * M,
        "Vốn đối ứng (đồng)": 50 * M}  # fmt: skip
ACCEPTED = {
    "Ngày nghiệm thu": date(2026, 6, 1),
    "Số biên bản nghiệm thu": "21/BB-TTKC",
    "Chủ trì nghiệm thu": "Lê Văn Bình",
    "Ngày quyết toán": date(2026, 7, 1),
}


def pay(kind: str, amount: int, on: date, **extra) -> dict:
    return {"Mã đề án": CODE, "Loại khoản": kind, "Nguồn kinh phí": None, "Số tiền (đồng)": amount, "Ngày": on,
            **extra}  # fmt: skip


NEW = [  # (case, proposal row changes, money rows, (sheet, row, column), words of the reason)
    ("an advance dated before the contract", {}, [pay("Tạm ứng", 30 * M, date(2026, 2, 1))],
     ("Giải ngân", 2, "Loại khoản"), "Chưa ký hợp đồng: đề án đang ở trạng thái 'Đã phê duyệt kế hoạch'"),
    ("advance before any contract", {"Trạng thái": "Đã phê duyệt kế hoạch", "Ngày ký hợp đồng": None},
     [pay("Tạm ứng", 30 * M, date(2026, 2, 15))], ("Giải ngân", 2, "Loại khoản"), "Chưa ký hợp đồng"),
    ("khuyến công money above the budget", {},
     [pay("Tạm ứng", 60 * M, date(2026, 2, 15)), pay("Thanh toán", 50 * M, date(2026, 3, 15))],
     ("Giải ngân", 3, "Số tiền (đồng)"), "vượt kinh phí khuyến công được duyệt 100.000.000 đồng"),
    ("a date still to come", {}, [pay("Tạm ứng", 30 * M, date.today() + timedelta(days=10))],
     ("Giải ngân", 2, "Ngày"), "chưa đến"),
    ("an amount of zero", {}, [pay("Tạm ứng", 0, date(2026, 2, 15))],
     ("Giải ngân", 2, "Số tiền (đồng)"), "lớn hơn 0"),
    ("settlement above the budget", {"Trạng thái": "Đã quyết toán", **ACCEPTED},
     [pay("Tạm ứng", 60 * M, date(2026, 2, 15)), pay("Quyết toán", 120 * M, date(2026, 7, 1))],
     ("Giải ngân", 3, "Số tiền (đồng)"), "Số quyết toán 120.000.000 đồng vượt kinh phí khuyến công được duyệt"),
    ("settlement above what was accepted",
     {"Trạng thái": "Đã quyết toán", **ACCEPTED, "Kinh phí khuyến công nghiệm thu (đồng)": 80 * M},
     [pay("Tạm ứng", 60 * M, date(2026, 2, 15)), pay("Quyết toán", 90 * M, date(2026, 7, 1))],
     ("Giải ngân", 3, "Số tiền (đồng)"), "vượt kinh phí khuyến công đã nghiệm thu 80.000.000 đồng"),
    ("accepted more than approved",
     {"Trạng thái": "Đã nghiệm thu", **ACCEPTED, "Ngày quyết toán": None,
      "Kinh phí khuyến công nghiệm thu (đồng)": 150 * M},
     [], ("Đề án", 2, "Kinh phí khuyến công nghiệm thu (đồng)"), "không được vượt kinh phí khuyến công được duyệt"),
    ("a settlement that is not the settlement step", {},
     [pay("Quyết toán", 90 * M, date(2026, 7, 1))], ("Giải ngân", 2, "Loại khoản"), "trạng thái 'Đã quyết toán'"),
    ("steps out of time order",
     {"Trạng thái": "Đã nghiệm thu", **ACCEPTED, "Ngày quyết toán": None, "Ngày nghiệm thu": date(2026, 2, 1)},
     [], ("Đề án", 2, "Ngày nghiệm thu"), "Ngày 01/02/2026 trước ngày 10/02/2026"),
    ("a stop on the way to a full acceptance",
     {"Trạng thái": "Đã nghiệm thu", **ACCEPTED, "Ngày quyết toán": None, "Ngày ngừng thực hiện": date(2026, 5, 1)},
     [], ("Đề án", 2, "Ngày ngừng thực hiện"), "không qua bước dùng ô này"),
    ("a date of a step the status has not reached", {"Ngày nghiệm thu": date(2026, 6, 1)},
     [], ("Đề án", 2, "Ngày nghiệm thu"), "Trạng thái 'Đang thực hiện' không qua bước dùng ô này"),
    ("evaluated without an evaluation", {"Trạng thái": "Đã đánh giá sau hỗ trợ", **ACCEPTED},
     [pay("Quyết toán", 90 * M, date(2026, 7, 1))], ("Đề án", 2, "Trạng thái"), "kcdesk evaluation create"),
    ("totals that disagree with the budget sheet", {"Kinh phí khuyến công (đồng)": 90 * M},
     [], ("Đề án", 2, "Kinh phí khuyến công (đồng)"), "Tổng các dòng của đề án ở trang 'Dự toán' là 100.000.000"),
    ("money written twice",
     {"Đã tạm ứng (đồng)": 30 * M, "Ngày tạm ứng": date(2026, 2, 15)},
     [pay("Tạm ứng", 30 * M, date(2026, 2, 15))], ("Đề án", 2, "Đã tạm ứng (đồng)"), "ghi mọi khoản tiền ở đó"),
    ("a code only on the money sheet", {},
     [{**pay("Tạm ứng", 30 * M, date(2026, 2, 15)), "Mã đề án": "KCDP-9999"}],
     ("Giải ngân", 2, "Mã đề án"), "không có ở trang Đề án và chưa có trong dữ liệu"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "money", "where", "reason"), [c[1:] for c in NEW], ids=[c[0] for c in NEW])
def test_a_refused_proposal_is_named_at_its_cell_and_nothing_is_written(store, tmp_path, row, money, where, reason):
    with_facilities(store, tmp_path)
    before = footprint(store)
    path = book(tmp_path / "p.xlsx", [{**ROW, **row}], [LINE], money)
    dry = import_proposals(store, path, dry_run=True)
    outcome = import_proposals(store, path)
    assert footprint(store) == before
    assert outcome.refused and outcome.imported == 0
    found = {(p.sheet, p.row, p.column): p.message.text() for p in outcome.problems}
    assert where in found, found
    assert reason in found[where]
    assert [p.text() for p in dry.problems] == [p.text() for p in outcome.problems]  # the dry run said the same
    sheet, number, column = where
    assert any(p.text().startswith(f"Trang '{sheet}', dòng {number}, cột '{column}': ") for p in outcome.problems)


RECORDED = [  # refusals of a re-import of the proposal recorded in progress
    ("a payment dated before the recorded contract", {}, [pay("Thanh toán", 30 * M, date(2026, 2, 1))],
     ("Giải ngân", 2, "Ngày"), "Ngày 01/02/2026 trước ngày ký hợp đồng 10/02/2026"),
    ("going back a status", {"Trạng thái": "Đã phê duyệt kế hoạch", "Ngày ký hợp đồng": None}, [],
     ("Đề án", 2, "Trạng thái"), "không lùi trạng thái"),
    ("another date for a step taken", {"Ngày ký hợp đồng": date(2026, 2, 12)}, [],
     ("Đề án", 2, "Ngày ký hợp đồng"), "đã ghi 10/02/2026"),
    ("another province", {"Tỉnh/Thành phố": "Huế"}, [], ("Đề án", 2, "Tỉnh/Thành phố"), "không đổi tỉnh/thành phố"),
    ("lines that the totals cannot replace", {"Kinh phí khuyến công (đồng)": 90 * M}, [],
     ("Đề án", 2, "Kinh phí khuyến công (đồng)"), "để sửa dự toán, hãy ghi từng dòng ở trang Dự toán"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "money", "where", "reason"), [c[1:] for c in RECORDED], ids=[c[0] for c in RECORDED])
def test_a_refused_update_is_named_at_its_cell_and_nothing_is_written(store, tmp_path, row, money, where, reason):
    with_facilities(store, tmp_path)
    two_lines = [LINE, {**LINE, "STT": 2, "Nội dung chi": "Chuyển giao", "Kinh phí khuyến công (đồng)": 20 * M}]
    first = import_proposals(store, book(tmp_path / "a.xlsx", [ROW], two_lines))
    assert first.created == 1 and not first.problems
    before = footprint(store)
    outcome = import_proposals(store, book(tmp_path / "b.xlsx", [{**ROW, **row}], None, money), update=True)
    assert footprint(store) == before and outcome.refused
    found = {(p.sheet, p.row, p.column): p.message.text() for p in outcome.problems}
    assert where in found, found
    assert reason in found[where]


def test_skip_invalid_writes_the_proposals_without_problems_only(store, tmp_path):
    with_facilities(store, tmp_path)
    good = {**ROW, "Mã đề án": "KCDP-2026-10"}
    money = [
        pay("Tạm ứng", 30 * M, date(2026, 2, 1)),  # before the contract: KCDP-2026-09 is refused
        {**pay("Tạm ứng", 30 * M, date(2026, 2, 15)), "Mã đề án": "KCDP-2026-10"},
    ]
    path = book(tmp_path / "p.xlsx", [ROW, good], [LINE, {**LINE, "Mã đề án": "KCDP-2026-10"}], money)
    outcome = import_proposals(store, path, skip_invalid=True)
    assert [c.code for c in outcome.changes] == ["KCDP-2026-10"] and outcome.imported == 1
    assert outcome.invalid_places == [("Giải ngân", 2)]
    after = footprint(store)
    assert (after["proposal"], after["disbursement"], after["budget_line"]) == (1, 1, 1)
