"""Render the sample pages in docs/samples/ (acceptance record and periodic report).

Builds a throw-away database with a small but realistic Đà Nẵng plan, prints both
documents and renders their pages to PNG with pdftoppm, so reviewers can see what the
documents look like without running the app. Then the same for the demo province as a user
makes it (`kcdesk init`, `kcdesk demo --seed 1`, `kcdesk report periodic --year 2024`):
bao-cao-nam-demo-*.png.

    .venv/bin/python scripts/make_report_samples.py [OUT_DIR]
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "reports"))  # the test-data builders

import builders as b  # noqa: E402

from kcdesk.db.models import Acceptance  # noqa: E402
from kcdesk.db.store import Store  # noqa: E402
from kcdesk.reports.acceptance_record import write_acceptance_pdf  # noqa: E402
from kcdesk.reports.agency import agency_for  # noqa: E402
from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures  # noqa: E402
from kcdesk.reports.periodic_report import write_periodic_pdf  # noqa: E402

ACTIVITIES = ["KC1.1", "KC2.1", "KC2.4", "KC3.1", "KC3.3", "KC4.2", "KC4.4", "KC5", "KC7"]
TITLES = [
    "Đào tạo nghề mây tre đan xuất khẩu cho lao động nông thôn",
    "Hỗ trợ ứng dụng máy móc tiên tiến trong chế biến hải sản khô",
    "Xây dựng mô hình trình diễn kỹ thuật sản xuất nước mắm truyền thống",
    "Hỗ trợ cơ sở công nghiệp nông thôn tham gia hội chợ triển lãm",
    "Hỗ trợ xây dựng, đăng ký nhãn hiệu cho sản phẩm đá mỹ nghệ Non Nước",
    "Tập huấn nâng cao năng lực quản lý cho cơ sở công nghiệp nông thôn",
]


def build(s):
    rnd = random.Random(7)
    f = b.facility(s)
    main = b.proposal(
        s,
        "KCDP-2026-007",
        kc=500_000_000,
        counterpart=750_000_000,
        status="accepted",
        title="Hỗ trợ ứng dụng máy chà nhám thùng tự động và máy cưa lọng CNC trong sản xuất đồ gỗ mỹ nghệ",
        start_date=date(2026, 1, 15),
        end_date=date(2026, 3, 31),
        paid=[(350_000_000, date(2026, 2, 2), "tam_ung")],
    )
    acceptance_id = b.acceptance(s, main, beneficiary=f, accepted_on=date(2026, 3, 5)).id
    for n in range(36):
        level = "KCQG" if n % 5 == 0 else "KCDP"
        kc = rnd.randrange(150, 3_000) * 1_000_000
        paid_share = rnd.choice([0, 0.3, 0.7, 1.0])
        status = rnd.choice(["in_progress", "in_progress", "accepted", "settled", "contracted"])
        end = date(2026, rnd.randint(2, 4) if status == "settled" else rnd.randint(2, 11), 28)
        first_paid = date(2026, rnd.randint(1, 6), rnd.randint(1, 28))
        paid = [(int(kc * paid_share), first_paid, "tam_ung")] if paid_share else []
        if status == "settled":
            paid.append((int(kc * (1 - paid_share)) or 1, date(2026, 6, rnd.randint(1, 28)), "quyet_toan"))
        p = b.proposal(
            s,
            f"{level}-2026-{n + 10:03d}",
            level=level,
            kc=kc,
            counterpart=int(kc * rnd.uniform(0.5, 6)),
            other=rnd.choice([0, 0, 50_000_000]),
            activity=rnd.choice(ACTIVITIES),
            title=f"{rnd.choice(TITLES)} (đợt {n + 1})",
            start_date=end - timedelta(days=120),
            end_date=end,
            paid=paid,
            status="in_progress",
        )
        if status in ("accepted", "settled"):
            b.acceptance(
                s,
                p,
                accepted_on=end,
                number=f"{n + 10:02d}/BB-TTKC",
                signed=False,
                trainees=rnd.choice([None, 30, 45]),
                trainees_employed=rnd.choice([None, 20, 28]),
                fairs=rnd.choice([None, 1]),
                brands=rnd.choice([None, 1, 2]),
            )
            if status == "settled":
                b.status_event(s, p, "settled", min(end + timedelta(days=rnd.randint(10, 70)), date(2026, 6, 30)))
            p.status = status
        elif rnd.random() < 0.5:
            p.status = status
    b.evaluation(s, main, revenue=(3_450_000_000, 4_120_000_000), jobs=(25, 31), on=date(2026, 6, 20))
    return acceptance_id


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "samples"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "samples.db", create=True)
        try:
            acceptance_id = store.write(build)
            with store.read() as s:
                agency = agency_for(s, "48")
                record = write_acceptance_pdf(
                    s, s.get(Acceptance, acceptance_id), agency, out / "bien-ban-nghiem-thu.pdf"
                )
                fig = periodic_figures(s, PeriodicQuery(date(2026, 1, 1), date(2026, 6, 30), "48"))
                report = write_periodic_pdf(
                    fig,
                    agency,
                    out / "bao-cao-6-thang.pdf",
                    scope_name="Thành phố Đà Nẵng",
                    on=date(2026, 7, 6),
                    number="58/BC-TTKC",
                    signer="Nguyễn Thanh Hải",
                )
        finally:
            store.close()
    demo = demo_report(out / "bao-cao-nam-demo.pdf")
    for pdf, prefix in ((record, "bien-ban-nghiem-thu"), (report, "bao-cao-6-thang"), (demo, "bao-cao-nam-demo")):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / prefix)], check=True)
        print(pdf)


def demo_report(pdf: Path) -> Path:
    """The periodic report of the demo province, through the command line."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.db")
        for args in (["init"], ["demo", "--seed", "1"], ["report", "periodic", "--year", "2024", "--out", str(pdf)]):
            subprocess.run([sys.executable, "-m", "kcdesk", "--db", db, *args], check=True, stdout=subprocess.DEVNULL)
    return pdf


if __name__ == "__main__":
    main()
