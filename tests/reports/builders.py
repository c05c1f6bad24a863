"""Test data built with the real models through store.write, and PDF read-back helpers."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from kcdesk.db.models import (
    Acceptance,
    AcceptanceItem,
    AcceptanceMember,
    BudgetLine,
    Disbursement,
    Facility,
    PostSupportEvaluation,
    Proposal,
    ProposalActivity,
    ProposalBeneficiary,
    ProposalStatusEvent,
)

DA_NANG = "48"
HAI_CHAU = "20242"  # Phường Hải Châu, Thành phố Đà Nẵng (current)


def facility(s, name="Cơ sở Mộc mỹ nghệ Đồng Tiến", tax_code="0401234567", **kw) -> Facility:
    values = dict(
        name=name,
        facility_type="hkd",
        tax_code=tax_code,
        representative="Nguyễn Văn Đức",
        phone="0905123456",
        province_code=DA_NANG,
        ward_code=HAI_CHAU,
        street="12 Lê Duẩn",
        sector_code="C",
        main_products="Đồ gỗ mỹ nghệ",
        labour_total=25,
        revenue_prev_year=3_450_000_000,
    )
    values.update(kw)
    f = Facility(**values)
    s.add(f)
    s.flush()
    return f


def proposal(
    s,
    code,
    *,
    kc=0,
    counterpart=0,
    other=0,
    level="KCDP",
    plan_year=2026,
    status="in_progress",
    activity="KC3.1",
    title=None,
    province=DA_NANG,
    lines=None,
    paid=(),
    **kw,
) -> Proposal:
    """A proposal with its budget lines and payments; the status is set last, since a
    settled proposal refuses new children."""
    p = Proposal(
        code=code,
        title=title or f"Hỗ trợ ứng dụng máy móc tiên tiến trong sản xuất {code}",
        level=level,
        plan_year=plan_year,
        implementing_unit="Trung tâm Khuyến công Đà Nẵng",
        province_code=province,
        status="draft",
        location="Phường Hải Châu, Thành phố Đà Nẵng",
        **kw,
    )
    s.add(p)
    s.flush()
    s.add(ProposalActivity(proposal_id=p.id, activity_code=activity))
    if lines is None:
        lines = [("Máy móc, thiết bị", "bộ", 1, kc, counterpart, other)]
    for n, (item, unit, qty, k, c, o) in enumerate(lines, 1):
        total = k + c + o
        s.add(
            BudgetLine(
                proposal_id=p.id,
                line_no=n,
                item=item,
                unit=unit,
                quantity=qty,
                unit_price=total // qty if qty else None,
                kc_amount=k,
                counterpart_amount=c,
                other_amount=o,
                activity_code=activity,
            )
        )
    for amount, paid_on, kind in paid:
        s.add(Disbursement(proposal_id=p.id, kind=kind, amount=amount, paid_on=paid_on))
    s.flush()
    p.status = status
    s.flush()
    return p


def disburse(s, p, amount, paid_on, kind="tam_ung") -> Disbursement:
    d = Disbursement(proposal_id=p.id, kind=kind, amount=amount, paid_on=paid_on)
    s.add(d)
    s.flush()
    return d


def status_event(s, p, to_status, on, from_status="accepted") -> None:
    s.add(
        ProposalStatusEvent(
            proposal_id=p.id, action=to_status, from_status=from_status, to_status=to_status, event_date=on
        )
    )
    s.flush()


def acceptance(s, p, *, accepted_on=date(2026, 3, 5), signed=True, beneficiary=None, **kw) -> Acceptance:
    values = dict(
        number="05/BB-TTKC",
        place="Cơ sở Mộc mỹ nghệ Đồng Tiến, phường Hải Châu",
        contract_number="18/2026/HĐ-KC",
        basis="Căn cứ Quyết định số 125/QĐ-SCT ngày 12 tháng 02 năm 2026 "
        "của Sở Công Thương thành phố Đà Nẵng về việc phê duyệt kế hoạch khuyến công địa phương năm 2026",
        approved_amount=1_250_000_000,
        approved_kc_amount=500_000_000,
        accepted_amount=498_500_000,
        counterpart_invested=752_000_000,
        conclusion="dat",
        assessment="Đơn vị thực hiện đúng nội dung, khối lượng được duyệt; máy móc vận hành ổn định, "
        "nâng cao năng suất và chất lượng sản phẩm gỗ mỹ nghệ.",
        requests="Đơn vị thụ hưởng tiếp tục duy trì hoạt động của máy móc, thiết bị và báo cáo hiệu quả sau 12 tháng.",
        trainees=None,
        models_built=1,
        machines_supplied=2,
    )
    values.update(kw)
    a = Acceptance(proposal_id=p.id, accepted_on=accepted_on, **values)
    s.add(a)
    s.flush()
    if beneficiary is not None:
        s.add(ProposalBeneficiary(proposal_id=p.id, facility_id=beneficiary.id))
    members = [
        ("Trần Thị Hồng Nhung", "Phó Giám đốc", "Sở Công Thương thành phố Đà Nẵng", "chu_tri"),
        ("Lê Quốc Việt", "Trưởng phòng Kỹ thuật", "Trung tâm Khuyến công Đà Nẵng", "don_vi_thuc_hien"),
        ("Nguyễn Văn Đức", "Chủ cơ sở", "Cơ sở Mộc mỹ nghệ Đồng Tiến", "thu_huong"),
        ("Phạm Thị Ngọc Ánh", "Công chức", "UBND phường Hải Châu", "dia_phuong"),
        ("Võ Minh Khôi", "Chuyên viên", "Phòng Quản lý Công nghiệp, Sở Công Thương", "thu_ky"),
    ]
    for n, (name, pos, org, role) in enumerate(members):
        s.add(
            AcceptanceMember(
                acceptance_id=a.id, sort_order=n, full_name=name, position=pos, organisation=org, role=role
            )
        )
    items = [
        (
            "Máy chà nhám thùng tự động",
            "01 máy, công suất 7,5 kW",
            "01 máy, công suất 7,5 kW, số seri CN-2026-118",
            True,
            "Hóa đơn số 0001234",
        ),
        ("Máy cưa lọng CNC", "01 máy", "01 máy, vận hành ổn định", True, None),
        ("Hội thảo trình diễn mô hình", "50 lượt người tham dự", "62 lượt người tham dự", True, None),
    ]
    for n, (content, planned, actual, passed, note) in enumerate(items):
        s.add(
            AcceptanceItem(
                acceptance_id=a.id,
                sort_order=n,
                content=content,
                planned=planned,
                actual=actual,
                passed=passed,
                note=note,
            )
        )
    s.flush()
    if signed:  # signing locks the record, so it comes after its members and items
        a.signed_at = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
        s.flush()
    return a


def evaluation(s, p, *, revenue=(1_000_000_000, 1_250_000_000), jobs=(20, 26), on=date(2026, 4, 1)):
    e = PostSupportEvaluation(
        proposal_id=p.id,
        evaluated_on=on,
        revenue_before=revenue[0],
        revenue_after=revenue[1],
        jobs_before=jobs[0],
        jobs_after=jobs[1],
    )
    s.add(e)
    s.flush()
    return e


# -- reading PDFs back with poppler ---------------------------------------------------------


def pdftotext(path: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdffonts(path: Path) -> list[dict[str, str]]:
    """Rows of `pdffonts`: name, type, emb, sub, uni."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        # name type [encoding...] emb sub uni object ID: the last five are fixed
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def assert_fonts_embedded(path: Path) -> None:
    rows = pdffonts(path)
    assert rows, "no fonts in the PDF"
    for row in rows:
        assert row["emb"] == "yes", f"font {row['name']} is not embedded"
        assert row["uni"] == "yes", f"font {row['name']} has no ToUnicode map"


def render_page(path: Path, out_prefix: Path, page: int = 1, dpi: int = 80) -> Path:
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(out_prefix),
        ],
        check=True,
    )
    png = out_prefix.with_suffix(".png")
    assert png.stat().st_size > 5000
    return png


def page_count(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_lines(path: Path) -> list[dict]:
    """Every text line of the PDF with its page and box (points, origin top left), from
    `pdftotext -bbox-layout`: {'page', 'x0', 'y0', 'x1', 'y1', 'text', 'words'}."""
    import xml.etree.ElementTree as ET

    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(out.split("<!DOCTYPE", 1)[0] + out[out.index("<html") :])
    lines = []
    for page_no, page in enumerate(root.iter(f"{{{ns['h']}}}page"), 1):
        for line in page.iter(f"{{{ns['h']}}}line"):
            words = [
                {"text": w.text or "", **{k: float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")}}
                for w in line.iter(f"{{{ns['h']}}}word")
            ]
            lines.append(
                {
                    "page": page_no,
                    "x0": float(line.get("xMin")),
                    "y0": float(line.get("yMin")),
                    "x1": float(line.get("xMax")),
                    "y1": float(line.get("yMax")),
                    "text": " ".join(w["text"] for w in words),
                    "words": words,
                }
            )
    return lines
