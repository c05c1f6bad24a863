"""Benchmark of reports and Excel import, each measured beside its bare-library baseline.

    .venv/bin/python bench/bench_reports.py [--proposals 5000] [--facilities 50000]

Prints, in one run on this machine:
- the periodic report over N proposals (figures computed from SQLite, then the PDF with
  its chart and tables) against bare ReportLab rendering of the same tables: the rows
  already formatted as strings, 500-row LongTables, the same fonts and column widths,
  no queries, no header, no chart (target: at most 1.5x);
- importing an M-row facility sheet (read, check every row, insert in one transaction)
  in rows/s against openpyxl's read-only parse of the same file, values only
  (target: at least 0.5 of the parse rate).
Figures, not assertions: shared machines are noisy, so compare the ratios.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import insert

from kcdesk.db.models import Acceptance, BudgetLine, Disbursement, Proposal, ProposalActivity, ProposalStatusEvent
from kcdesk.db.store import Store
from kcdesk.db.units import current_wards
from kcdesk.ids import new_id
from kcdesk.reports.agency import agency_for
from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
from kcdesk.reports.periodic_report import periodic_tables, write_periodic_pdf

ACTIVITIES = ["KC1.1", "KC1.2", "KC2.1", "KC2.3", "KC2.4", "KC3.1", "KC3.2", "KC3.3", "KC4.2", "KC4.4", "KC5", "KC7"]
STATUSES = ["approved", "contracted", "in_progress", "in_progress", "accepted", "settlement_submitted", "settled"]


def build_proposals(store: Store, n: int) -> None:
    rnd = random.Random(5)

    def write(session) -> None:  # type: ignore[no-untyped-def]
        proposals, lines, acts, paid, accepted, events = [], [], [], [], [], []
        for i in range(n):
            pid, year = new_id(), rnd.choice([2025, 2026, 2026])
            status = rnd.choice(STATUSES)
            end = date(year, rnd.randint(2, 11), rnd.randint(1, 28))
            proposals.append(
                {
                    "id": pid,
                    "code": f"KC-{year}-{i:05d}",
                    "level": rnd.choice(["KCQG", "KCDP", "KCDP"]),
                    "title": f"Hỗ trợ ứng dụng máy móc tiên tiến trong sản xuất hàng thủ công số {i}",
                    "plan_year": year,
                    "implementing_unit": "Trung tâm Khuyến công Đà Nẵng",
                    "province_code": "48",
                    "status": "draft",
                    "start_date": end - timedelta(days=150),
                    "end_date": end,
                    "planned_trainees": rnd.choice([None, 30]),
                }
            )
            kc = rnd.randrange(100, 2_000) * 1_000_000
            lines.append(
                {
                    "proposal_id": pid,
                    "line_no": 1,
                    "item": "Kinh phí thực hiện",
                    "kc_amount": kc,
                    "counterpart_amount": int(kc * rnd.uniform(0.5, 5)),
                    "other_amount": 0,
                }
            )
            acts.append({"proposal_id": pid, "activity_code": rnd.choice(ACTIVITIES)})
            if status != "approved":
                paid.append(
                    {
                        "proposal_id": pid,
                        "kind": "tam_ung",
                        "amount": kc * 7 // 10,
                        "paid_on": end - timedelta(days=120),
                    }
                )
            if status in ("accepted", "settlement_submitted", "settled"):
                accepted.append(
                    {
                        "proposal_id": pid,
                        "accepted_on": end,
                        "trainees": rnd.choice([None, 30]),
                        "trainees_employed": rnd.choice([None, 20]),
                        "models_built": rnd.choice([None, 1]),
                    }
                )
            if status == "settled":
                settled_on = end + timedelta(days=rnd.randint(10, 90))
                paid.append({"proposal_id": pid, "kind": "quyet_toan", "amount": kc * 3 // 10, "paid_on": settled_on})
                events.append(
                    {
                        "proposal_id": pid,
                        "action": "settle",
                        "from_status": "settlement_submitted",
                        "to_status": "settled",
                        "event_date": settled_on,
                    }
                )
            proposals[-1]["_status"] = status
        statuses = {p["id"]: p.pop("_status") for p in proposals}
        for model, rows in (
            (Proposal, proposals),
            (BudgetLine, lines),
            (ProposalActivity, acts),
            (Disbursement, paid),
            (Acceptance, accepted),
            (ProposalStatusEvent, events),
        ):
            session.execute(insert(model), rows)
        from sqlalchemy import update

        for status in set(statuses.values()):
            ids = [pid for pid, s in statuses.items() if s == status]
            for start in range(0, len(ids), 900):
                session.execute(update(Proposal).where(Proposal.id.in_(ids[start : start + 900])).values(status=status))

    store.write(write)


def bare_reportlab(tables, path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same tables with ReportLab alone: formatted strings, 500-row LongTables."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

    from kcdesk.reports.fonts import FAMILY
    from kcdesk.reports.pdf_tables import PADDING, fit_widths
    from kcdesk.reports.styles import cell_styles
    from kcdesk.reports.tabular import show

    story = []
    width = A4[0] - 45 * mm
    for t in tables:
        widths, size = fit_widths(t, width, 10)
        style = cell_styles(size)["text"]
        body = [[show(v, c.kind) for v, c in zip(r, t.columns, strict=True)] for r in t.rows]
        body = [
            [
                Paragraph(s, style) if stringWidth(s, FAMILY, size) > w - 2 * PADDING else s
                for s, w in zip(r, widths, strict=True)
            ]
            for r in body
        ]
        head = [Paragraph(c.title, style) for c in t.columns]
        for start in range(0, max(len(body), 1), 500):
            table = LongTable([head, *body[start : start + 500]], colWidths=widths, repeatRows=1)
            table.setStyle(
                TableStyle([("FONT", (0, 0), (-1, -1), FAMILY, size), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
            )
            story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4, initialFontName=FAMILY).build(story)


def bench_report(tmp: Path, n: int) -> None:
    store = Store.open(tmp / "report.db", create=True)
    t0 = time.perf_counter()
    build_proposals(store, n)
    print(f"  built {n:,} proposals in {time.perf_counter() - t0:.1f} s")
    query = PeriodicQuery(date(2025, 1, 1), date(2026, 12, 31), "48")
    runs = []
    for _ in range(2):
        t0 = time.perf_counter()
        with store.read() as s:
            fig = periodic_figures(s, query)
            write_periodic_pdf(fig, agency_for(s, "48"), tmp / "periodic.pdf", scope_name="Thành phố Đà Nẵng")
        runs.append(time.perf_counter() - t0)
    tables = periodic_tables(fig)
    rows = sum(len(t.rows) for t in tables)
    base = []
    for _ in range(2):
        t0 = time.perf_counter()
        bare_reportlab(tables, tmp / "bare.pdf")
        base.append(time.perf_counter() - t0)
    ours, bare = min(runs), min(base)
    print(f"  periodic report (queries + PDF), {rows:,} table rows: {ours:.2f} s")
    print(f"  bare ReportLab, same tables:                       {bare:.2f} s")
    print(f"  ratio: {ours / bare:.2f}x (target <= 1.5x)")
    store.close()


def write_facility_sheet(path: Path, n: int, wards: list[tuple[str, str]]) -> None:
    rnd = random.Random(9)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Cơ sở")
    ws.append(
        [
            "Tên cơ sở",
            "Loại hình",
            "Mã số thuế",
            "Người đại diện",
            "Điện thoại",
            "Địa chỉ",
            "Xã/Phường/Đặc khu",
            "Tỉnh/Thành phố",
            "Ngành nghề",
            "Số lao động",
            "Doanh thu năm trước (đồng)",
        ]
    )
    types = ["Hộ kinh doanh", "Hợp tác xã", "Doanh nghiệp nhỏ", "Doanh nghiệp siêu nhỏ", "Tổ hợp tác"]
    names = ["Mộc mỹ nghệ", "Nước mắm", "Mây tre đan", "Đá mỹ nghệ", "Bánh tráng", "Cơ khí", "Dệt thổ cẩm"]
    for i in range(n):
        ward, province = wards[i % len(wards)]
        ws.append(
            [
                f"Cơ sở {rnd.choice(names)} {i}",
                rnd.choice(types),
                f"04{i:08d}",
                "Nguyễn Văn Đức",
                f"09{rnd.randrange(10**8):08d}",
                f"{rnd.randint(1, 500)} đường Lê Duẩn",
                ward,
                province,
                rnd.choice("ABCDE"),
                rnd.randint(1, 200),
                rnd.choice([rnd.randrange(10**10), "1.250.000.000"]),
            ]
        )
    wb.save(path)


def bench_import(tmp: Path, n: int) -> None:
    store = Store.open(tmp / "import.db", create=True)
    with store.read() as s:
        wards = [(w.full_name, "Thành phố Đà Nẵng") for w in current_wards(s, "48")]
    sheet = tmp / "facilities.xlsx"
    t0 = time.perf_counter()
    write_facility_sheet(sheet, n, wards)
    print(f"  wrote a {n:,}-row sheet in {time.perf_counter() - t0:.1f} s ({sheet.stat().st_size / 2**20:.1f} MB)")
    t0 = time.perf_counter()
    wb = load_workbook(sheet, read_only=True, data_only=True)
    parsed = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True)) - 1
    wb.close()
    parse = time.perf_counter() - t0
    from kcdesk.exchange.facility_import import import_facilities

    t0 = time.perf_counter()
    outcome = import_facilities(store, sheet)
    took = time.perf_counter() - t0
    assert outcome.imported == n, outcome.summary()
    print(f"  openpyxl read-only parse: {parsed / parse:,.0f} rows/s ({parse:.1f} s)")
    print(f"  kcdesk import (read, check, insert, one transaction): {n / took:,.0f} rows/s ({took:.1f} s)")
    print(f"  ratio: {(n / took) / (parsed / parse):.2f} of the parse rate (target >= 0.5)")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=5000)
    parser.add_argument("--facilities", type=int, default=50000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"Periodic report over {args.proposals:,} proposals")
        bench_report(Path(tmp), args.proposals)
        print(f"Facility import of {args.facilities:,} rows")
        bench_import(Path(tmp), args.facilities)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
