"""An administrative document in the layout of NĐ 30/2020/NĐ-CP, built with ReportLab.

A document is assembled in reading order (header, title, legal bases, body, tables,
signatures, recipients) and written atomically: a temporary file is renamed into place
only when the build succeeds, so a failed or cancelled build leaves no half-made PDF.
Page numbers are centred in the top margin from page 2 on, as the decree asks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kcdesk.atomic_write import atomic_path
from kcdesk.domain.vnformat import long_date
from kcdesk.progress import Progress, ensure
from kcdesk.reports import fonts
from kcdesk.reports.name_lines import NameLayout, fit_name
from kcdesk.reports.pdf_tables import TableRenderer
from kcdesk.reports.styles import Styles, markup
from kcdesk.reports.tabular import TableData
from kcdesk.text import nfc

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
# Margins (mm): NĐ 30/2020 allows top/bottom 20-25, left 30-35, right 15-20.
MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}
NUMBER_BLANK_SPACES = 14  # about 15 mm at 13 pt: room for a number written by hand
SAFETY = 3 * mm  # room kept clear on each side of an agency line: it never meets the Quốc hiệu


@dataclass(frozen=True)
class Agency:
    """Who issues the document: the parent agency above the issuing one."""

    parent: str  # "SỞ CÔNG THƯƠNG THÀNH PHỐ ĐÀ NẴNG"
    name: str  # "TRUNG TÂM KHUYẾN CÔNG"
    place: str  # place name printed before the date: "Đà Nẵng"
    code: str = "TTKC"  # abbreviation used in document numbers: 12/BB-TTKC
    # Proper names a line may not break inside (place names from the admin-unit list).
    names: tuple[str, ...] = ()
    # "Nơi nhận" of its periodic report, as set in this database (agency_for fills it).
    receivers: tuple[str, ...] = ()


def number_blank(kind: str, code: str) -> str:
    """'      /BC-TTKC': a document number with room left for the handwritten number, as
    offices register it on signing. Non-breaking spaces, since a paragraph collapses spaces."""
    return "\u00a0" * NUMBER_BLANK_SPACES + f"/{kind}-{code}"


@dataclass(frozen=True)
class Signature:
    title: str  # "GIÁM ĐỐC", "ĐẠI DIỆN ĐƠN VỊ THỰC HIỆN"
    name: str | None = None  # full name, no titles
    authority: str | None = None  # "KT. GIÁM ĐỐC", "TM. HỘI ĐỒNG", printed above the title
    hint: str | None = None  # "(Ký, ghi rõ họ tên)"


def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    if size == style.fontSize:
        return style
    return ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.22)


def _lines_markup(lines: Sequence[str]) -> str:
    return "<br/>".join(markup(line) for line in lines)


def _layout_style(extra: list[tuple[Any, ...]]) -> TableStyle:
    """A borderless table used for layout. Its font is set, although only paragraphs sit
    in it, because cells otherwise select Helvetica, which would be listed unembedded."""
    return TableStyle(
        [("FONT", (0, 0), (-1, -1), fonts.FAMILY, Styles.body.fontSize), ("VALIGN", (0, 0), (-1, -1), "TOP"), *extra]
    )


class Rule(Flowable):
    """A centred horizontal rule of a given length (under the agency, the motto, the title),
    kept clear of the descenders of the line above."""

    def __init__(self, length: float, thickness: float = 0.6, above: float = 4.5, below: float = 2) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.above = above
        self.below = below

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.above + self.below

    def draw(self) -> None:
        x = (self._avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.below, x + self.length, self.below)


class OfficialDocument:
    def __init__(self, *, title: str, landscape_pages: bool = False, font: str | None = None) -> None:
        self.family = fonts.register(font)
        self.pagesize = landscape(A4) if landscape_pages else A4
        # Landscape pages bind on their top edge, so the wide margin moves there.
        m = MARGINS if not landscape_pages else {"top": 30, "bottom": 15, "left": 20, "right": 20}
        self.margins = {k: v * mm for k, v in m.items()}
        self.width = self.pagesize[0] - self.margins["left"] - self.margins["right"]
        self.title = nfc(title)
        self.story: list[Flowable] = []

    # -- parts of the document, in reading order -----------------------------------------

    def header(self, agency: Agency, number: str | None, on: date, *, place: str | None = None) -> None:
        """The two-column header: agency and number left; Quốc hiệu, Tiêu ngữ and date right.

        The agency lines break only between whole name units (name_lines); the left column
        takes room from the right one, down to what the Quốc hiệu and the date need, before
        the agency's font shrinks."""
        s = Styles
        date_text = markup(long_date(on, place or agency.place))
        right_need = max(
            stringWidth(NATION, f"{fonts.FAMILY}-Bold", s.motto_nation.fontSize),
            stringWidth(nfc(long_date(on, place or agency.place)), f"{fonts.FAMILY}-Italic", s.place_date.fontSize),
        )
        parent, name, left_w = self._agency_layout(agency, self.width - max(right_need + 6, self.width * 0.56))
        roomiest = self.width - right_need - 6
        crowded = parent.size < s.agency_parent.fontSize or name.size < s.agency.fontSize or len(parent.lines) > 2
        if roomiest > left_w + 1 and crowded:
            parent, name, left_w = self._agency_layout(agency, roomiest)
        right_w = self.width - left_w
        bold = f"{fonts.FAMILY}-Bold"
        agency_w = max(stringWidth(line, bold, name.size) for line in name.lines or [""])
        motto_w = stringWidth(MOTTO, f"{fonts.FAMILY}-Bold", s.motto.fontSize)
        left = [
            Paragraph(_lines_markup(parent.lines), _sized(s.agency_parent, parent.size)),
            Paragraph(_lines_markup(name.lines), _sized(s.agency, name.size)),
            Rule(max(agency_w / 2.5, 20 * mm)),
        ]
        right = [Paragraph(NATION, s.motto_nation), Paragraph(MOTTO, s.motto), Rule(motto_w)]
        number_text = f"Số: {markup(number)}" if number else "Số: ......"
        table = Table(
            [[left, right], [Paragraph(number_text, s.number), Paragraph(date_text, s.place_date)]],
            colWidths=[left_w, right_w],
        )
        table.setStyle(
            _layout_style(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 1), (-1, 1), 4),
                ]
            )
        )
        self.story.append(table)

    def _agency_layout(self, agency: Agency, left_w: float) -> tuple[NameLayout, NameLayout, float]:
        s = Styles
        room = left_w - 2 * SAFETY  # a name flush with the column edge touches the Quốc hiệu

        def measure(font: str) -> Callable[[str, float], float]:
            return lambda text, size: stringWidth(text, font, size)

        parent = fit_name(agency.parent.upper(), room, s.agency_parent.fontSize, measure(fonts.FAMILY), agency.names)
        name = fit_name(agency.name.upper(), room, s.agency.fontSize, measure(f"{fonts.FAMILY}-Bold"), agency.names)
        return parent, name, left_w

    def doc_title(self, doc_type: str, summary: str | None = None) -> None:
        self.story.append(Paragraph(markup(doc_type.upper()), Styles.doc_type))
        if summary:
            self.story.append(Paragraph(markup(summary), Styles.summary))
            self.story.append(Rule(min(self.width / 3, 60 * mm)))
        self.story.append(Spacer(1, 8))

    def legal_bases(self, bases: Sequence[str]) -> None:
        """One basis per line, ';' at each line end and '.' after the last."""
        items = [b.strip().rstrip(";.") for b in bases if b and b.strip()]
        for i, basis in enumerate(items):
            end = "." if i == len(items) - 1 else ";"
            self.story.append(Paragraph(markup(basis + end), Styles.basis))
        if items:
            self.story.append(Spacer(1, 6))

    def heading(self, text: str) -> None:
        self.story.append(CondPageBreak(40 * mm))  # never strand a heading at the foot of a page
        self.story.append(Paragraph(markup(text), Styles.heading))

    def paragraph(self, text: str, *, rich: bool = False, style: Any = None) -> None:
        """Body text; `rich` means the caller built the markup itself (and escaped user data)."""
        for part in text.split("\n") if not rich else [text]:
            if part.strip():
                self.story.append(Paragraph(part if rich else markup(part), style or Styles.body))

    def table(
        self, data: TableData, *, size: float = 11, caption: bool = True, progress: Progress | None = None
    ) -> None:
        if caption:
            self.story.append(CondPageBreak(35 * mm))
            self.story.append(Paragraph(markup(data.name), Styles.caption))
        self.story.extend(TableRenderer(data, self.width, size).flowables(progress))
        self.story.append(Spacer(1, 8))

    def flowable(self, item: Flowable) -> None:
        self.story.append(item)

    def spacer(self, height_mm: float) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def _signature_head(self, sig: Signature) -> list[Flowable]:
        cell: list[Flowable] = []
        if sig.authority:
            cell.append(Paragraph(markup(sig.authority.upper()), Styles.sign_authority))
        cell.append(Paragraph(markup(sig.title.upper()), Styles.sign_authority))
        if sig.hint:
            cell.append(Paragraph(markup(sig.hint), Styles.sign_hint))
        return cell

    def _signature_cell(self, sig: Signature) -> list[Flowable]:
        return [*self._signature_head(sig), Spacer(1, 24 * mm), Paragraph(markup(sig.name or ""), Styles.sign_name)]

    def signatures(self, signatures: Sequence[Signature], *, per_row: int = 2) -> None:
        """Signature blocks side by side (a record signed by several parties). Titles sit in
        one row and names in the next, so names line up even when a title wraps."""
        for i in range(0, len(signatures), per_row):
            row = list(signatures[i : i + per_row])
            heads: list[Any] = [self._signature_head(sig) for sig in row]
            names: list[Any] = [Paragraph(markup(sig.name or ""), Styles.sign_name) for sig in row]
            heads += [""] * (per_row - len(row))
            names += [""] * (per_row - len(row))
            table = Table([heads, names], colWidths=[self.width / per_row] * per_row)
            # the room for the signature itself is the padding above the names
            table.setStyle(
                _layout_style([("TOPPADDING", (0, 0), (-1, 0), 12), ("TOPPADDING", (0, 1), (-1, 1), 24 * mm)])
            )
            self.story.append(KeepTogether([table]))

    def closing(self, recipients: Sequence[str], signature: Signature) -> None:
        """'Nơi nhận' at the bottom left beside the signer's block, as one unit."""
        lines = [Paragraph("Nơi nhận:", Styles.recipients_title)]
        items = [r.strip().rstrip(";.") for r in recipients if r.strip()]
        for i, item in enumerate(items):
            end = "." if i == len(items) - 1 else ";"
            lines.append(Paragraph(markup(f"- {item}{end}"), Styles.recipients))
        table = Table([[lines, self._signature_cell(signature)]], colWidths=[self.width * 0.45, self.width * 0.55])
        table.setStyle(_layout_style([("LEFTPADDING", (0, 0), (0, 0), 0), ("TOPPADDING", (0, 0), (-1, -1), 10)]))
        self.story.append(KeepTogether([table]))

    # -- output -----------------------------------------------------------------------------

    def _page_number(self, canvas: Any, doc: Any) -> None:
        page = canvas.getPageNumber()
        if page < 2:  # NĐ 30/2020: no number on the first page
            return
        canvas.saveState()
        canvas.setFont(fonts.FAMILY, Styles.page_number_size)
        x = self.margins["left"] + self.width / 2
        y = self.pagesize[1] - self.margins["top"] / 2 - 4
        canvas.drawCentredString(x, y, str(page))
        canvas.restoreState()

    def build(self, path: Path | str, progress: Progress | None = None) -> Path:
        progress = ensure(progress)
        path = Path(path)
        with atomic_path(path) as tmp:
            doc = BaseDocTemplate(
                str(tmp),
                pagesize=self.pagesize,
                leftMargin=self.margins["left"],
                rightMargin=self.margins["right"],
                topMargin=self.margins["top"],
                bottomMargin=self.margins["bottom"],
                title=self.title,
                author="kcdesk",
                creator="kcdesk",
                lang="vi-VN",
                # Otherwise the canvas starts in Helvetica, a font that is never embedded.
                initialFontName=fonts.FAMILY,
                initialFontSize=Styles.body.fontSize,
            )
            frame = Frame(
                doc.leftMargin,
                doc.bottomMargin,
                doc.width,
                doc.height,
                id="body",
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
            doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._page_number)])
            total = len(self.story)

            def on_progress(kind: str, value: int) -> None:
                if kind == "PROGRESS":
                    progress.step(int(value), total, "pdf")
                elif kind == "PAGE":
                    progress.check()

            doc.setProgressCallBack(on_progress)
            doc.build(self.story)
        return path
