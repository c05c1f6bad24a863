"""Issue 10, done when: one KCĐP and one KCQG proposal driven through the command line only,
from registration to evaluated (budget, contract, advance, monthly progress reports,
acceptance signed, settlement, evaluation); each printed document produced and read back;
the periodic report's execution rate, settlement lag and post-support figures equal what
this test computes by hand from what it entered."""

from __future__ import annotations

import statistics
import subprocess
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kcdesk.domain.vnformat import decimal, money, percent
from tests.conftest import CliResult, run_cli

pytestmark = pytest.mark.pdf_tools


def pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@dataclass
class Case:
    """What the test enters for one proposal; the figures are computed from it by hand."""

    level: str
    tax_code: str
    facility: str
    budget: list[tuple[str, int, int]]  # (item, khuyến công, counterpart)
    steps: list[tuple[str, date]]
    advance: tuple[int, date]
    counterpart_paid: tuple[int, date]
    reports: list[tuple[str, date]]  # (month, filed on)
    accepted: tuple[int, date]
    final_payment: tuple[int, date]
    settlement_papers: date
    settled: tuple[int, date]
    evaluation: dict[str, object]
    mistake: tuple[int, date, date] | None = None  # (amount, paid on, reversed on)
    code: str = ""

    @property
    def kc_budget(self) -> int:
        return sum(kc for _, kc, _ in self.budget)

    @property
    def counterpart_budget(self) -> int:
        return sum(cp for _, _, cp in self.budget)

    def kc_disbursed(self, on: date) -> int:
        """By hand: the settlement once settled, else advance and payments to that day."""
        amount, settled_on = self.settled
        if settled_on <= on:
            return amount
        paid = [self.advance, self.final_payment]
        return sum(a for a, d in paid if d <= on)


KCDP = Case(
    level="KCDP",
    tax_code="0401234567",
    facility="Cơ sở sấy hải sản Mỹ Khê",
    budget=[("Máy sấy hải sản", 180_000_000, 200_000_000), ("Chuyển giao công nghệ", 20_000_000, 0)],
    steps=[
        ("submit", date(2025, 11, 3)),
        ("appraise", date(2025, 11, 20)),
        ("approve_local", date(2025, 12, 15)),
        ("sign_contract", date(2026, 2, 10)),
        ("start", date(2026, 2, 20)),
    ],
    advance=(140_000_000, date(2026, 2, 25)),
    counterpart_paid=(150_000_000, date(2026, 3, 1)),
    mistake=(30_000_000, date(2026, 3, 10), date(2026, 3, 12)),
    reports=[
        ("02/2026", date(2026, 2, 24)),
        ("03/2026", date(2026, 3, 30)),  # five days late
        ("04/2026", date(2026, 4, 20)),
        ("05/2026", date(2026, 5, 21)),
        ("06/2026", date(2026, 6, 22)),
    ],
    accepted=(190_000_000, date(2026, 7, 15)),
    final_payment=(50_000_000, date(2026, 7, 25)),
    settlement_papers=date(2026, 8, 1),
    settled=(190_000_000, date(2026, 8, 20)),
    evaluation={"on": date(2026, 11, 20), "revenue": (1_200_000_000, 1_500_000_000), "jobs": (12, 15)},
)
KCQG = Case(
    level="KCQG",
    tax_code="0401765432",
    facility="Hợp tác xã mây tre đan Cẩm Hà",
    budget=[("Dây chuyền xử lý mây tre", 300_000_000, 450_000_000)],
    steps=[
        ("submit", date(2025, 5, 10)),
        ("appraise", date(2025, 5, 25)),
        ("submit_to_ministry", date(2025, 6, 10)),
        ("ministry_appraise", date(2025, 9, 1)),
        ("approve", date(2025, 12, 20)),
        ("sign_contract", date(2026, 1, 15)),
        ("start", date(2026, 2, 1)),
    ],
    advance=(210_000_000, date(2026, 2, 5)),
    counterpart_paid=(400_000_000, date(2026, 4, 2)),
    reports=[("02/2026", date(2026, 2, 25)), ("03/2026", date(2026, 3, 20)), ("04/2026", date(2026, 4, 24))],
    accepted=(280_000_000, date(2026, 5, 30)),
    final_payment=(70_000_000, date(2026, 7, 10)),
    settlement_papers=date(2026, 7, 12),
    settled=(275_000_000, date(2026, 9, 10)),  # less than paid out: 5 M go back
    evaluation={"on": date(2026, 12, 1), "revenue": (2_000_000_000, 2_300_000_000), "jobs": (20, 22)},
)


def d(on: date) -> str:
    return on.strftime("%d/%m/%Y")


def ok(db: Path, *args: str) -> CliResult:
    result = run_cli(*args, db=db)
    assert result.code == 0, (args, result.err)
    return result


def drive(db: Path, case: Case, tmp_path: Path) -> None:
    """Registration to evaluated, one command at a time, as a centre officer would type them."""
    ok(db, "facility", "add", "--name", case.facility, "--type", "htx", "--tax-code", case.tax_code, "--ward", "20194")
    budget = [a for item, kc, cp in case.budget for a in ("--budget", item, money(kc, ""), str(cp), "0", "KC3.3")]
    added = ok(
        db,
        "proposal",
        "add",
        "--title",
        f"Hỗ trợ ứng dụng máy móc tại {case.facility}",
        "--level",
        case.level,
        "--year",
        "2026",
        "--unit",
        "Trung tâm Khuyến công Đà Nẵng",
        "--activity",
        "KC3.3",
        "--beneficiary",
        case.tax_code,
        "--planned-machines",
        "1",
        *budget,
        "--json",
    ).json()
    case.code = added["code"]
    assert added["totals"]["kc_amount"] == case.kc_budget and added["status"] == "draft"
    for action, on in case.steps:
        ok(db, "proposal", "transition", case.code, action, "--date", d(on))
    ok(db, "money", "advance", case.code, money(case.advance[0], ""), "--date", d(case.advance[1]))
    ok(
        db,
        "money",
        "pay",
        case.code,
        str(case.counterpart_paid[0]),
        "--source",
        "doi_ung",
        "--date",
        d(case.counterpart_paid[1]),
    )
    if case.mistake:
        amount, paid_on, reversed_on = case.mistake
        wrong = ok(db, "money", "pay", case.code, str(amount), "--date", d(paid_on), "--json").json()["written"]["id"]
        ok(db, "money", "reverse", wrong, "--date", d(reversed_on), "--note", "Nhập nhầm")
    for month, filed in case.reports:
        ok(
            db,
            "progress",
            "file",
            case.code,
            "--month",
            month,
            "--date",
            d(filed),
            "--pct",
            "50",
            "--outputs",
            "Đã lắp đặt",
        )
    amount, on = case.accepted
    created = ok(
        db,
        "acceptance",
        "create",
        case.code,
        "--number",
        f"{len(case.steps):02d}/BB-TTKC",
        "--date",
        d(on),
        "--conclusion",
        "dat",
        "--approved-kc",
        str(case.kc_budget),
        "--accepted",
        str(amount),
        "--counterpart",
        str(case.counterpart_paid[0]),
        "--machines",
        "1",
        "--member",
        "Lê Văn Bình|chu_tri|Phó Giám đốc Sở|Sở Công Thương",
        "--item",
        "Lắp đặt máy|1 máy|1 máy|có",
        "--json",
    ).json()
    ok(db, "acceptance", "add-member", created["id"], f"Trần Thị Lan|thu_huong|Chủ cơ sở|{case.facility}")
    ok(db, "acceptance", "sign", created["id"], "--accept")
    ok(db, "money", "pay", case.code, str(case.final_payment[0]), "--date", d(case.final_payment[1]))
    ok(db, "proposal", "transition", case.code, "submit_settlement", "--date", d(case.settlement_papers))
    ok(db, "money", "settle", case.code, str(case.settled[0]), "--date", d(case.settled[1]), "--document", "88/QĐ-SCT")
    e = case.evaluation
    revenue, jobs = e["revenue"], e["jobs"]
    assert isinstance(revenue, tuple) and isinstance(jobs, tuple) and isinstance(e["on"], date)
    ok(
        db,
        "evaluation",
        "create",
        case.code,
        "--facility",
        case.tax_code,
        "--date",
        d(e["on"]),
        "--evaluator",
        "Phạm Thị Hoa, cán bộ Trung tâm",
        "--revenue-before",
        str(revenue[0]),
        "--revenue-after",
        str(revenue[1]),
        "--jobs-before",
        str(jobs[0]),
        "--jobs-after",
        str(jobs[1]),
        "--in-use",
        "có",
        "--evaluate",
    )
    pdf = tmp_path / f"bb-{case.level}.pdf"
    ok(db, "acceptance", "print", created["id"], "--out", str(pdf))
    text = pdftotext(pdf)
    assert "BIÊN BẢN" in text and case.code in text and money(amount, "") in text and "Trần Thị Lan" in text


def test_two_proposals_from_registration_to_evaluated_by_command_line_only(tmp_path: Path) -> None:
    db = tmp_path / "kcdesk.db"
    ok(db, "init", "--province", "48", "--role", "admin", "--user", "Nguyễn Văn An")
    for case in (KCDP, KCQG):
        drive(db, case, tmp_path)
        shown = ok(db, "proposal", "show", case.code, "--json").json()
        assert shown["status"] == "evaluated"
        assert [h["to"] for h in shown["history"]][-4:] == ["accepted", "settlement_submitted", "settled", "evaluated"]
        reports = ok(db, "progress", "list", case.code, "--json").json()
        assert [r["period"] for r in reports] == [f"{m[3:]}-{m[:2]}" for m, _ in case.reports]
    late = ok(db, "progress", "list", KCDP.code, "--json").json()[1]
    assert (late["due_on"], late["days_late"]) == ("2026-03-25", (date(2026, 3, 30) - date(2026, 3, 25)).days)
    # Settled money is locked: the command refuses and nothing changes.
    before = ok(db, "money", "show", KCDP.code, "--json").json()
    refused = run_cli("money", "pay", KCDP.code, "1000", "--date", "01/12/2026", db=db)
    assert refused.code == 1 and "quyết toán và khóa" in refused.err
    assert ok(db, "money", "show", KCDP.code, "--json").json() == before

    cases = (KCDP, KCQG)
    plan = sum(c.kc_budget for c in cases)
    counterpart = sum(c.counterpart_budget for c in cases)
    year_end, half_end = date(2026, 12, 31), date(2026, 6, 30)
    disbursed = sum(c.kc_disbursed(year_end) for c in cases)
    half_disbursed = sum(c.kc_disbursed(half_end) for c in cases)
    lags = sorted((c.settled[1] - c.accepted[1]).days for c in cases)
    revenue_before = sum(c.evaluation["revenue"][0] for c in cases)  # type: ignore[index]
    revenue_after = sum(c.evaluation["revenue"][1] for c in cases)  # type: ignore[index]
    jobs_change = sum(c.evaluation["jobs"][1] - c.evaluation["jobs"][0] for c in cases)  # type: ignore[index]
    rate = Decimal(disbursed) / Decimal(plan)
    revenue_change = Decimal(revenue_after - revenue_before) / Decimal(revenue_before)

    fig = ok(db, "report", "periodic", "--year", "2026", "--out", str(tmp_path / "nam.pdf"), "--json").json()
    total = fig["total"]
    assert (total["plan"], total["disbursed"], total["counterpart"]) == (plan, disbursed, counterpart)
    assert total["execution_rate"] == round(float(rate), 6)
    assert fig["settlement_lag_days"] == {
        "count": 2,
        "mean": round(float(Decimal(sum(lags)) / 2), 6),
        "median": statistics.median(lags),
        "max": max(lags),
    }
    post = fig["post_support"]
    assert (post["evaluations"], post["revenue_before"], post["revenue_after"]) == (2, revenue_before, revenue_after)
    assert post["revenue_change"] == round(float(revenue_change), 6) and post["jobs_change"] == jobs_change
    assert fig["outputs"]["acceptances"] == 2 and fig["outputs"]["machines_supplied"] == 2

    text = pdftotext(tmp_path / "nam.pdf")
    for figure in (
        money(plan),
        money(disbursed),
        percent(rate * 100),
        percent(revenue_change * 100),
        decimal(Decimal(sum(lags)) / 2, 1),
        KCDP.code,
        KCQG.code,
    ):
        assert figure in text, figure

    half = ok(db, "report", "periodic", "--half", "2026-1", "--out", str(tmp_path / "h1.pdf"), "--json").json()
    # By 30 June: advances and the payments made by then (the reversed mistake nets out); no settlement yet.
    assert half["total"]["disbursed"] == half_disbursed
    assert half["settlement_lag_days"]["count"] == 0
    assert money(half_disbursed) in pdftotext(tmp_path / "h1.pdf")
