"""Paragraph styles of an administrative document (NĐ 30/2020/NĐ-CP, Phụ lục I).

Sizes follow the decree's table: Quốc hiệu and agency names 12-13 pt, body 13-14 pt,
"Nơi nhận" 12 pt bold italic and its list 11 pt. Body text is justified with a 1 cm
first-line indent and at least 6 pt between paragraphs.
"""

from __future__ import annotations

from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from kcdesk.reports.fonts import FAMILY
from kcdesk.text import nfc

BODY_SIZE = 13


def markup(text: object) -> str:
    """User data made safe for ReportLab's paragraph markup, NFC (NFD prints loose marks)."""
    return escape(nfc(str(text))).replace("\n", "<br/>")


def _style(
    name: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: Literal[0, 1, 2, 4] = TA_LEFT,  # TA_LEFT, TA_CENTER, TA_RIGHT or TA_JUSTIFY
    indent: float = 0,
    before: float = 0,
    after: float = 0,
    leading: float | None = None,
) -> ParagraphStyle:
    font = FAMILY + ("-BoldItalic" if bold and italic else "-Bold" if bold else "-Italic" if italic else "")
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading or size * 1.22,
        alignment=align,
        firstLineIndent=indent,
        spaceBefore=before,
        spaceAfter=after,
    )


class Styles:
    """The named styles; a namespace, not instantiated."""

    agency_parent = _style("agency_parent", 12.5, align=TA_CENTER)
    agency = _style("agency", 12.5, bold=True, align=TA_CENTER)
    motto_nation = _style("motto_nation", 12.5, bold=True, align=TA_CENTER)
    motto = _style("motto", 13, bold=True, align=TA_CENTER)
    number = _style("number", 13, align=TA_CENTER)
    place_date = _style("place_date", 13, italic=True, align=TA_CENTER)
    doc_type = _style("doc_type", 14, bold=True, align=TA_CENTER, before=18)
    summary = _style("summary", 13.5, bold=True, align=TA_CENTER)
    basis = _style("basis", BODY_SIZE, italic=True, align=TA_JUSTIFY, indent=1 * cm, after=2)
    body = _style("body", BODY_SIZE, align=TA_JUSTIFY, indent=1 * cm, after=6, leading=BODY_SIZE * 1.3)
    body_left = _style("body_left", BODY_SIZE, align=TA_LEFT, after=4, leading=BODY_SIZE * 1.3)
    heading = _style("heading", BODY_SIZE, bold=True, align=TA_LEFT, indent=1 * cm, before=6, after=6)
    heading.keepWithNext = True
    caption = _style("caption", 12, bold=True, align=TA_CENTER, before=6, after=4)
    caption.keepWithNext = True  # never a caption at the foot of a page and its table on the next
    note = _style("note", 11, italic=True, align=TA_LEFT, after=4)
    sign_authority = _style("sign_authority", 13, bold=True, align=TA_CENTER)
    sign_hint = _style("sign_hint", 12, italic=True, align=TA_CENTER)
    sign_name = _style("sign_name", 13, bold=True, align=TA_CENTER)
    recipients_title = _style("recipients_title", 12, bold=True, italic=True, align=TA_LEFT)
    recipients = _style("recipients", 11, align=TA_LEFT, leading=13)
    recipients.leftIndent, recipients.firstLineIndent = 7, -7  # a long receiver wraps under its text, not its dash
    page_number_size = 13


def cell_styles(size: float) -> dict[str, ParagraphStyle]:
    """Styles for table cells at a given size (tables are smaller than body text)."""
    leading = size * 1.18
    return {
        "head": _style(f"th{size}", size, bold=True, align=TA_CENTER, leading=leading),
        "text": _style(f"td{size}", size, align=TA_LEFT, leading=leading),
        "num": _style(f"tn{size}", size, align=TA_RIGHT, leading=leading),
        "bold_text": _style(f"tbt{size}", size, bold=True, align=TA_LEFT, leading=leading),
        "bold_num": _style(f"tbn{size}", size, bold=True, align=TA_RIGHT, leading=leading),
    }
