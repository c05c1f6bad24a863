"""Benchmark of the proposal workbook import beside typing the same through the services.

    .venv/bin/python bench/bench_proposal_import.py [--proposals 500]

Prints, in one run on this machine:
- importing a workbook of N proposals (sheets Đề án, Dự toán, Giải ngân: three budget lines
  and two payments each, every second one accepted and settled) into an empty database,
  against the baseline: the same proposals written by the same service calls directly
  (create_proposal, transition for each step, record_money, the signed acceptance,
  settle_proposal) in one transaction, no sheet, no checks of its own, no diff;
- the dry run of the same workbook (everything written, then rolled back);
- importing the same workbook again (everything recognised, nothing written).
Figures, not assertions: shared machines are noisy, so compare the ratios.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from kcdesk.db.store import Store
from kcdesk.exchange.proposal_import import import_proposals
from kcdesk.services import acceptances, money, proposals
from kcdesk.services.proposals import BudgetInput

M = 1_000_000
APPROVED, CONTRACT, ADVANCE, PAYMENT = date(2026, 1, 5), date(2026, 2, 1), date(2026, 2, 10), date(2026, 5, 10)
ACCEPTED, SETTLED = date(2026, 6, 1), date(2026, 7, 1)


def workbook(path: Path, n: int) -> Path:
    wb = Workbook()
    main = wb.active
    main.title = "Đề án"
    main.append(["Mã đề án", "Tên đề án", "Cấp", "Năm kế hoạch", "Đơn vị thực hiện", "Tỉnh/Thành phố", "Trạng thái",
                 "Ngày phê duyệt", "Ngày ký hợp đồng", "Ngày nghiệm thu", "Số biên bản nghiệm thu",
                 "Chủ trì nghiệm thu", "Ngày quyết toán"])  # fmt: skip
    lines = wb.create_sheet("Dự toán")
    lines.append(["Mã đề án", "STT", "Nội dung chi", "Kinh phí khuyến công (đồng)"])
    paid = wb.create_sheet("Giải ngân")
    paid.append(["Mã đề án", "Loại khoản", "Số tiền (đồng)", "Ngày", "Số chứng từ"])
    for i in range(n):
        code, settled = f"KCDP-2026-{i:05d}", i % 2 == 1
        main.append([code, f"Hỗ trợ máy móc thiết bị số {i}", "KCĐP", 2026, "Trung tâm Khuyến công", "Đà Nẵng",
                     "Đã quyết toán" if settled else "Đang thực hiện", APPROVED, CONTRACT,
                     ACCEPTED if settled else None, f"{i}/BB-TTKC" if settled else None,
                     "Lê Văn Bình" if settled else None, SETTLED if settled else None])  # fmt: skip
        for no in (1, 2, 3):
            lines.append([code, no, f"Khoản chi {no}", 100 * M])
        paid.append([code, "Tạm ứng", 100 * M, ADVANCE, f"UNC-{i}-1"])
        paid.append([code, "Thanh toán", 100 * M, PAYMENT, f"UNC-{i}-2"])
        if settled:
            paid.append([code, "Quyết toán", 190 * M, SETTLED, None])
    wb.save(path)
    return path


def type_them(store: Store, n: int) -> None:
    def write(s) -> None:  # type: ignore[no-untyped-def]
        for i in range(n):
            code, settled = f"KCDP-2026-{i:05d}", i % 2 == 1
            proposals.create_proposal(
                s,
                {"code": code, "title": f"Hỗ trợ máy móc thiết bị số {i}", "level": "KCDP", "plan_year": 2026,
                 "implementing_unit": "Trung tâm Khuyến công", "province_code": "48"},
                budget=[BudgetInput(f"Khoản chi {no}", 100 * M) for no in (1, 2, 3)],
            )  # fmt: skip
            for action, on in (("submit", APPROVED), ("appraise", APPROVED), ("approve_local", APPROVED),
                               ("sign_contract", CONTRACT), ("start", CONTRACT)):  # fmt: skip
                proposals.transition(s, code, action, role="admin", on=on)
            money.record_money(s, code, "tam_ung", 100 * M, ADVANCE, document_number=f"UNC-{i}-1")
            money.record_money(s, code, "thanh_toan", 100 * M, PAYMENT, document_number=f"UNC-{i}-2")
            if settled:
                aid = acceptances.create_acceptance(
                    s, code, {"accepted_on": ACCEPTED, "number": f"{i}/BB-TTKC", "conclusion": "dat",
                              "approved_amount": 300 * M, "approved_kc_amount": 300 * M},
                    members=[{"full_name": "Lê Văn Bình", "role": "chu_tri"}],
                )  # fmt: skip
                acceptances.sign_acceptance(s, aid, None)
                proposals.transition(s, code, "accept", role="admin", on=ACCEPTED)
                proposals.transition(s, code, "submit_settlement", role="admin", on=ACCEPTED)
                money.settle_proposal(s, code, {"kc": 190 * M}, SETTLED, role="admin")

    store.write(write)


def timed(label: str, fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    print(f"  {label}: {seconds:.2f} s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--proposals", type=int, default=500)
    n = parser.parse_args().proposals
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = workbook(folder / "de-an.xlsx", n)
        print(f"{n} proposals, 3 budget lines and 2-3 money entries each, every second one settled")
        with Store.open(folder / "typed.db", create=True) as typed:
            baseline = timed("typed through the services (baseline)", lambda: type_them(typed, n))
        with Store.open(folder / "imported.db", create=True) as store:
            dry = timed("dry run of the workbook", lambda: import_proposals(store, path, dry_run=True))
            imported = timed("import of the workbook", lambda: import_proposals(store, path))
            again = timed("the same workbook again (nothing to write)", lambda: import_proposals(store, path))
        print(f"import / typed: {imported / baseline:.2f}x; dry run / typed: {dry / baseline:.2f}x; "
              f"again / import: {again / imported:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
