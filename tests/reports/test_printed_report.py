"""The periodic report as an officer hands it in, read back from the PDF: agency lines that
never break inside a proper name, a blank for the handwritten number, sentences where there
is no data, headers of at most three lines, the plan column, and "Nơi nhận"."""

import itertools
import re
from datetime import date

import builders as b
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Paragraph
from sqlalchemy import select

from kcdesk.db.models import AdminUnit
from kcdesk.reports import fonts
from kcdesk.reports.agency import agency_for, place_names
from kcdesk.reports.document import OfficialDocument
from kcdesk.reports.name_lines import WORDS, fit_name
from kcdesk.reports.pdf_tables import HEAD_LINES, TableRenderer
from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
from kcdesk.reports.periodic_report import periodic_tables, write_periodic_pdf
from kcdesk.services.document_settings import update_settings
from kcdesk.services.setup import default_centre_name
from kcdesk.text import fold
from tests.conftest import run_cli

pytestmark = pytest.mark.pdf_tools
TWO_SYLLABLE_WORDS = {tuple(_w.split()) for _w in map(fold, WORDS) if len(_w.split()) == 2}
H1 = PeriodicQuery(date(2026, 1, 1), date(2026, 6, 30), "48")
ON = date(2026, 7, 6)


def _provinces(s, *, legacy: bool) -> list[tuple[str, str]]:
    """(full name, short name) of every current (or every pre-reform) province."""
    cond = AdminUnit.valid_to.is_not(None) if legacy else AdminUnit.valid_to.is_(None)
    rows = s.execute(
        select(AdminUnit.full_name, AdminUnit.name).where(AdminUnit.level == "province", cond).order_by(AdminUnit.code)
    )
    return [(full, short) for full, short in rows]


def _left_column(lines: list[dict], page: int) -> tuple[list[dict], float]:
    """The agency lines of a header page (above "Số:", left of the Quốc hiệu) and where the
    right column starts. Words, not pdftotext's lines: a line of the left column that
    reaches near the right one is read as one line with it."""
    words = [w for ln in lines if ln["page"] == page for w in ln["words"]]
    nation_x = min(w["xMin"] for w in words if w["text"] == "CỘNG")
    number_y = min(w["yMin"] for w in words if w["text"] == "Số:")
    rows: dict[int, list[dict]] = {}
    for w in words:
        if w["xMax"] < nation_x and w["yMin"] < number_y - 2:
            rows.setdefault(round(w["yMin"]), []).append(w)
    left = []
    for y in sorted(rows):
        row = sorted(rows[y], key=lambda w: w["xMin"])
        left.append(
            {
                "text": " ".join(w["text"] for w in row),
                "x1": row[-1]["xMax"],
                "y0": min(w["yMin"] for w in row),
                "y1": max(w["yMax"] for w in row),
            }
        )
    return left, nation_x


def _words(text: str) -> list[str]:
    return fold(text).split()


def _inside(name: str, line_words: list[list[str]]) -> bool:
    want = _words(name)
    return any(words[i : i + len(want)] == want for words in line_words for i in range(len(words) - len(want) + 1))


def test_agency_lines_never_break_inside_a_province_name(store, tmp_path):
    """Every current and every pre-reform province, as the parent agency and in the long
    centre name the setup gives by default, plus other spellings offices use."""
    with store.read() as s:
        current = _provinces(s, legacy=False)
        legacy = _provinces(s, legacy=True)
        names = place_names(s)
        cases = [
            agency_for(s, None, parent=f"Sở Công Thương {full}", name=default_centre_name(full)) for full, _ in current
        ]
        cases += [
            agency_for(s, None, parent=f"Sở Công Thương {full}", name=default_centre_name(full)) for full, _ in legacy
        ]
        cases += [
            agency_for(s, None, parent="Ủy ban nhân dân Thành phố Hồ Chí Minh", name="Sở Công Thương TP. Hồ Chí Minh"),
            agency_for(
                s,
                None,
                parent="Sở Công Thương tỉnh Bà Rịa - Vũng Tàu",
                name="Trung tâm Khuyến công và Xúc tiến thương mại tỉnh Bà Rịa - Vũng Tàu",
            ),
        ]
    assert len(current) == 34 and len(legacy) >= 63  # 63 before the reform, and the 2026 renamings
    doc = OfficialDocument(title="Tiêu đề")
    for agency in cases:
        doc.header(agency, None, ON)
        doc.flowable(PageBreak())
    pdf = doc.build(tmp_path / "headers.pdf")
    lines = b.pdf_lines(pdf)
    for page, agency in enumerate(cases, 1):
        left, right_x = _left_column(lines, page)
        printed = [ln["text"] for ln in left]
        line_words = [_words(t) for t in printed]
        # Nothing lost, nothing added: the lines read as the two names.
        assert " ".join(printed) == f"{agency.parent} {agency.name}".upper(), printed
        for name in names:
            if _inside(name, [_words(agency.parent + " " + agency.name)]):
                assert _inside(name, line_words), (name, printed)
        for words in line_words:
            assert words[-1] != "thanh", printed  # "THÀNH / PHỐ" never parts
        for above, below in itertools.pairwise(line_words):
            assert (above[-1], below[0]) not in TWO_SYLLABLE_WORDS, printed  # no "CÔNG / NGHIỆP"
        for ln in left:
            assert ln["x1"] < right_x - 3, printed  # clear of the Quốc hiệu
            assert ln["y1"] - ln["y0"] >= 10 * 0.9, printed  # never below 10 pt
    assert any(len(_left_column(lines, p)[0]) >= 4 for p in range(1, len(cases) + 1))  # long names did wrap


def test_a_name_wider_than_the_column_shrinks_instead_of_breaking(tmp_path):
    family = fonts.register(None)
    assert family

    def measure(text, size):
        return stringWidth(text, fonts.FAMILY, size)

    text = "SỞ CÔNG THƯƠNG THÀNH PHỐ HỒ CHÍ MINH"
    width = measure("THÀNH PHỐ HỒ CHÍ MINH", 12.5) - 5  # the place does not fit at 12,5 pt
    layout = fit_name(text, width, 12.5, measure, ["Hồ Chí Minh"])
    assert layout.size < 12.5
    assert "HỒ CHÍ MINH" in " ".join(layout.lines) and any("HỒ CHÍ MINH" in line for line in layout.lines)
    assert all(measure(line, layout.size) <= width for line in layout.lines)


def _blank_gap(pdf) -> float:
    """Points between "Số:" and the word after it on the same row."""
    words = [w for ln in b.pdf_lines(pdf) if ln["page"] == 1 for w in ln["words"]]
    so = next(w for w in words if w["text"] == "Số:")
    after = min(
        (w for w in words if abs(w["yMin"] - so["yMin"]) < 2 and w["xMin"] > so["xMax"]), key=lambda w: w["xMin"]
    )
    return after["xMin"] - so["xMax"]


def test_without_a_number_so_keeps_a_blank_for_the_handwritten_number(store, tmp_path):
    with store.read() as s:
        fig = periodic_figures(s, H1)
        agency = agency_for(s, "48")
        blank = write_periodic_pdf(fig, agency, tmp_path / "blank.pdf", scope_name="Thành phố Đà Nẵng", on=ON)
        numbered = write_periodic_pdf(
            fig, agency, tmp_path / "so.pdf", scope_name="Thành phố Đà Nẵng", on=ON, number="58/BC-TTKC"
        )
    assert re.search(r"Số:\s+/BC-TTKC", b.pdftotext(blank))
    assert _blank_gap(blank) > 12 * 72 / 25.4  # at least 12 mm to write the number in
    assert "Số: 58/BC-TTKC" in b.pdftotext(numbered)
    assert _blank_gap(numbered) < 2 * 72 / 25.4


def _no_dash_figures(text: str) -> None:
    assert "đạt -" not in text and "(-)" not in text and " - đồng" not in text
    assert "0 học viên" not in text


def test_a_period_with_no_data_reads_as_sentences_and_draws_no_chart(store, tmp_path):
    with store.read() as s:
        fig = periodic_figures(s, H1)
        pdf = write_periodic_pdf(fig, agency_for(s, "48"), tmp_path / "r.pdf", scope_name="Thành phố Đà Nẵng", on=ON)
    text = " ".join(b.pdftotext(pdf).split())
    _no_dash_figures(text)
    assert "Kỳ báo cáo chưa có đề án nào được phê duyệt trong kế hoạch khuyến công; " in text
    assert "đến ngày 30/06/2026 chưa phát sinh giải ngân." in text
    assert "Trong kỳ chưa có đề án nào được nghiệm thu." in text
    assert "Trong kỳ chưa có cơ sở nào được đánh giá hiệu quả sau hỗ trợ." in text
    assert "Trong kỳ chưa có đề án nào được quyết toán." in text
    assert "Đến ngày 30/06/2026 không có việc nào quá hạn." in text
    assert "Biểu 1. Kế hoạch" not in text  # an empty table is said, not drawn
    assert "theo nội dung hoạt động" not in text and "tỷ đồng" not in text  # no chart


def test_a_plan_with_nothing_paid_says_so(store, tmp_path):
    store.write(lambda s: b.proposal(s, "KCDP-2026-01", kc=400_000_000, counterpart=600_000_000))
    with store.read() as s:
        fig = periodic_figures(s, H1)
        pdf = write_periodic_pdf(fig, agency_for(s, "48"), tmp_path / "r.pdf", scope_name="Thành phố Đà Nẵng", on=ON)
    text = " ".join(b.pdftotext(pdf).split())
    _no_dash_figures(text)
    assert (
        "Tổng kinh phí khuyến công theo kế hoạch của 1 đề án là 400.000.000 đồng; "
        "đến ngày 30/06/2026 chưa phát sinh giải ngân." in text
    )
    assert "tỷ lệ vốn đối ứng đạt 1,50 đồng trên 1 đồng kinh phí khuyến công." in text
    assert "nguồn khác" not in text  # nothing from other sources: not "nguồn khác 0 đồng"
    assert "Biểu 1. Kế hoạch và thực hiện kinh phí theo cấp" in text
    assert "Kinh phí khuyến công kế hoạch và đã giải ngân theo nội dung hoạt động" in text  # the plan is drawn


def test_column_headers_wrap_onto_at_most_three_lines(store, tmp_path):
    store.write(
        lambda s: b.proposal(
            s,
            "KCDP-2026-01",
            kc=4_000_000_000,
            counterpart=6_000_000_000,
            paid=[(100_000_000, date(2026, 2, 1), "tam_ung")],
        )
    )
    with store.read() as s:
        fig = periodic_figures(s, H1)
        pdf = write_periodic_pdf(fig, agency_for(s, "48"), tmp_path / "r.pdf", scope_name="Thành phố Đà Nẵng", on=ON)
    doc_width = OfficialDocument(title="x").width
    for table, size in zip(periodic_tables(fig), (9.5, 9.5, 10.5, 10.5, 10, 10), strict=True):
        renderer = TableRenderer(table, doc_width, size)
        for head, width in zip(renderer.header, renderer.widths, strict=True):
            if isinstance(head, Paragraph):
                head.wrap(width - 6, 1000)
                assert len(head.blPara.lines) <= HEAD_LINES, (table.name, head.text)
    # On paper: the longest title of Biểu 1 sits on at most three lines, words whole.
    caption = next(ln for ln in b.pdf_lines(pdf) if ln["text"].startswith("Biểu 1."))
    lines = [ln for ln in b.pdf_lines(pdf) if ln["page"] == caption["page"]]
    first_row = next(ln for ln in lines if ln["text"].startswith("Khuyến công quốc gia") and ln["y0"] > caption["y0"])
    start = next(
        w for ln in lines if caption["y0"] < ln["y0"] < first_row["y0"] for w in ln["words"] if w["text"] == "Đối"
    )
    title_words = [
        w
        for ln in lines
        for w in ln["words"]
        if caption["y1"] < w["yMin"] and w["yMax"] < first_row["y0"] and w["xMin"] >= start["xMin"] - 2
    ]
    assert " ".join(w["text"] for w in title_words) == "Đối ứng trên 1 đồng khuyến công"
    assert len({round(w["yMin"]) for w in title_words}) <= 3


def test_planned_outputs_fill_the_plan_column(store, tmp_path):
    def build(s):
        b.proposal(s, "KCDP-2026-01", kc=300_000_000, activity="KC1.1", planned_trainees=35)
        b.proposal(s, "KCDP-2026-02", kc=900_000_000, planned_models=1, planned_machines=3, planned_fairs=2)
        b.proposal(s, "KCDP-2026-04", kc=200_000_000, activity="KC5.1", planned_brands=4)
        b.proposal(s, "KCDP-2026-03", kc=500_000_000, planned_machines=2, status="draft")  # not in the plan

    store.write(build)
    with store.read() as s:
        fig = periodic_figures(s, H1)
        pdf = write_periodic_pdf(fig, agency_for(s, "48"), tmp_path / "r.pdf", scope_name="Thành phố Đà Nẵng", on=ON)
    rows = {r[0]: r[2] for r in periodic_tables(fig)[2].rows}
    assert rows["Số đề án được nghiệm thu"] == 3
    assert rows["Số hội chợ, triển lãm"] == 2 and rows["Số nhãn hiệu, thương hiệu được hỗ trợ"] == 4
    assert rows["Số học viên được đào tạo"] == 35
    assert rows["Số mô hình trình diễn được xây dựng"] == 1
    assert rows["Số máy móc, thiết bị được hỗ trợ"] == 3
    text = b.pdftotext(pdf, layout=True)
    assert re.search(r"Số học viên được đào tạo\s+người\s+35\s", text)
    assert re.search(r"Số máy móc, thiết bị được hỗ trợ\s+máy, thiết bị\s+3\s", text)


def _receivers(pdf) -> list[str]:
    """The "Nơi nhận" items as printed: each starts with "- ", a wrapped one continues."""
    after = b.pdftotext(pdf).split("Nơi nhận:", 1)[1]
    items: list[str] = []
    for line in after.splitlines():
        line = line.strip()
        if line.startswith("- "):
            items.append(line[2:])
        elif items and line and not items[-1].endswith((";", ".")):
            items[-1] += " " + line
    return [i.rstrip(";.") for i in items]


def test_receivers_default_to_where_a_provincial_report_goes(store, tmp_path):
    with store.read() as s:
        pdf = write_periodic_pdf(
            periodic_figures(s, H1), agency_for(s, "40"), tmp_path / "r.pdf", scope_name="Tỉnh Nghệ An", on=ON
        )
    receivers = _receivers(pdf)
    assert receivers[:4] == [
        "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công (Bộ Công Thương)",
        "UBND tỉnh Nghệ An",
        "Sở Công Thương tỉnh Nghệ An",
        "Lưu: VT, TTKC",
    ]


def test_receivers_are_edited_in_the_settings_and_printed(store, tmp_path):
    store.write(
        lambda s: update_settings(s, receivers=["Bộ Công Thương (để báo cáo)", "UBND tỉnh Nghệ An", "Lưu: VT, KC"])
    )
    with store.read() as s:
        pdf = write_periodic_pdf(
            periodic_figures(s, H1), agency_for(s, "40"), tmp_path / "r.pdf", scope_name="Tỉnh Nghệ An", on=ON
        )
    assert _receivers(pdf)[:3] == ["Bộ Công Thương (để báo cáo)", "UBND tỉnh Nghệ An", "Lưu: VT, KC"]
    store.write(lambda s: update_settings(s, default_receivers=True))
    with store.read() as s:
        assert agency_for(s, "40").receivers[1] == "UBND tỉnh Nghệ An"
        assert agency_for(s, "40").receivers[0].startswith("Cục Đổi mới sáng tạo")


def test_settings_on_the_command_line_check_everything_before_writing(tmp_path):
    db = tmp_path / "kc.db"
    assert run_cli("init", "--province", "40", db=db).code == 0
    shown = run_cli("settings", "--json", db=db).json()
    assert shown["receivers"][1:3] == ["UBND tỉnh Nghệ An", "Sở Công Thương tỉnh Nghệ An"]
    assert shown["set_here"] == []
    bad = run_cli("settings", "--receiver", "Bộ Công Thương", "--code", "TT KC", db=db)
    assert bad.code == 1 and "Chữ viết tắt 'TT KC'" in bad.err
    assert run_cli("settings", "--json", db=db).json() == shown  # nothing written
    ok = run_cli("settings", "--receiver", "Bộ Công Thương", "--receiver", "Lưu: VT, TTKC", "--code", "TTKCNA", db=db)
    assert ok.code == 0, ok.err
    assert "Chữ viết tắt: TTKCNA\n" in ok.out and "- Bộ Công Thương\n" in ok.out
    out = tmp_path / "r.pdf"
    printed = run_cli("report", "periodic", "--half", "2026-1", "--out", str(out), db=db)
    assert printed.code == 0, printed.err
    assert _receivers(out) == ["Bộ Công Thương", "Lưu: VT, TTKC"]
    assert re.search(r"Số:\s+/BC-TTKCNA", b.pdftotext(out))
