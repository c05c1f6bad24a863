"""TableData drawn as ReportLab tables: gridded, header repeated, built in chunks.

One big ReportLab table costs time quadratic in its rows (20,000 rows: 29 s against 5 s
in 500-row pieces, environment.md), so long tables are a sequence of CHUNK-row tables
with the header repeated; on paper they read as one table.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, Paragraph, TableStyle

from kcdesk.progress import Progress, ensure
from kcdesk.reports.fonts import FAMILY
from kcdesk.reports.styles import cell_styles, markup
from kcdesk.reports.tabular import Column, TableData, show

CHUNK = 500
PADDING = 3


def _base_style(size: float, header_rows: int) -> list[tuple[Any, ...]]:
    return [
        ("FONT", (0, 0), (-1, -1), FAMILY, size),
        ("FONT", (0, 0), (-1, header_rows - 1), f"{FAMILY}-Bold", size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, header_rows), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.Color(0.93, 0.93, 0.93)),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]


SAMPLE_ROWS = 1000  # rows measured to size the columns
HEAD_LINES = 3  # a column title never wraps onto more lines than this


def _wrapped_lines(words: list[str], width: float, font: str, size: float) -> int:
    """How many lines a greedy wrap (ReportLab's own) of the words takes at this width."""
    lines, line = 1, ""
    for word in words:
        trial = f"{line} {word}" if line else word
        if line and stringWidth(trial, font, size) > width:
            lines, line = lines + 1, word
        else:
            line = trial
    return lines


def head_width(title: str, font: str, size: float, max_lines: int = HEAD_LINES) -> float:
    """The narrowest text width at which a column title wraps onto at most max_lines lines:
    a title left to the narrowest word squeezes "Đối ứng trên 1 đồng khuyến công" into six."""
    words = title.split()
    widest_word = max((stringWidth(w, font, size) for w in words), default=0.0)
    spans = sorted(
        w
        for w in {
            stringWidth(" ".join(words[i:j]), font, size)
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
        }
        if w >= widest_word  # never narrower than a word: ReportLab would split the word itself
    )
    for width in spans:
        if _wrapped_lines(words, width, font, size) <= max_lines:
            return width
    return spans[-1] if spans else 0.0


SHORT_TEXT = 22  # characters: text columns this narrow are sized to fit, like numbers
MIN_SIZE = 7.0


def fit_widths(data: TableData, width: float, size: float) -> tuple[list[float], float]:
    """Column widths (and a font size) so that numbers, dates and short codes never wrap:
    they get the width of their widest value; long text shares what is left by weight.
    When even that does not fit, the font shrinks (down to MIN_SIZE)."""
    sample = data.rows[:SAMPLE_ROWS] + ([data.total] if data.total is not None else [])
    bold = f"{FAMILY}-Bold"
    while True:
        fixed: dict[int, float] = {}
        flexible: dict[int, float] = {}
        for i, col in enumerate(data.columns):
            texts = [show(row[i], col.kind) for row in sample]
            # A short title stays on one line; a long one wraps between words, onto at most HEAD_LINES.
            title_w = stringWidth(col.title, bold, size) if len(col.title) <= 12 else head_width(col.title, bold, size)
            head = title_w + 2 * PADDING + 1
            widest = max((stringWidth(t, bold, size) for t in texts), default=0) + 2 * PADDING + 1
            if col.kind != "text" or max((len(t) for t in texts), default=0) <= SHORT_TEXT:
                fixed[i] = max(head, widest)
            else:
                flexible[i] = head
        rest = width - sum(fixed.values())
        if rest >= sum(flexible.values()) or size <= MIN_SIZE:
            break
        size = max(MIN_SIZE, size * width / (sum(fixed.values()) + sum(flexible.values())) - 0.1)
    widths = [0.0] * len(data.columns)
    for i, w in fixed.items():
        widths[i] = w
    if flexible:
        weights = {i: data.columns[i].width for i in flexible}
        total_weight = sum(weights.values())
        for i in flexible:
            widths[i] = max(flexible[i], rest * weights[i] / total_weight)
        overflow = sum(widths) - width
        if overflow > 0:  # minimums took more than their share: take it back from the widest
            widest = max(flexible, key=lambda i: widths[i])
            widths[widest] = max(flexible[widest], widths[widest] - overflow)
    else:
        scale = width / sum(widths)  # spread the spare room over every column
        widths = [w * scale for w in widths]
    return widths, size


class TableRenderer:
    """Turns one TableData into flowables of at most CHUNK rows each."""

    def __init__(self, data: TableData, width: float, size: float = 11) -> None:
        self.data = data
        self.widths, self.size = fit_widths(data, width, size)
        size = self.size
        self.styles = cell_styles(size)
        self.header = [self._head(c.title, w) for c, w in zip(data.columns, self.widths, strict=True)]
        self._regular = FAMILY
        self._bold = f"{FAMILY}-Bold"

    def _head(self, title: str, width: float) -> Any:
        if stringWidth(title, f"{FAMILY}-Bold", self.size) <= width - 2 * PADDING:
            return title
        return Paragraph(markup(title), self.styles["head"])

    def _cell(self, value: Any, column: Column, col: int, bold: bool) -> Any:
        text = show(value, column.kind)
        font = self._bold if bold else self._regular
        # A plain string is drawn far faster than a Paragraph; wrap only what would overflow.
        if stringWidth(text, font, self.size) <= self.widths[col] - 2 * PADDING and "\n" not in text:
            return text
        style = self.styles[("bold_" if bold else "") + ("num" if column.numeric else "text")]
        return Paragraph(markup(text), style)

    def _row(self, row: list[Any], bold: bool = False) -> list[Any]:
        return [self._cell(v, c, i, bold) for i, (v, c) in enumerate(zip(row, self.data.columns, strict=True))]

    def flowables(self, progress: Progress | None = None) -> Iterator[Flowable]:
        progress = ensure(progress)
        rows = self.data.rows
        numeric_cols = [i for i, c in enumerate(self.data.columns) if c.numeric]
        starts = range(0, max(len(rows), 1), CHUNK)
        for n, start in enumerate(starts):
            progress.step(start, len(rows), self.data.name)
            body = [self._row(r) for r in rows[start : start + CHUNK]]
            last_chunk = n == len(starts) - 1
            if last_chunk and self.data.total is not None:
                body.append(self._row(self.data.total, bold=True))
            table = LongTable([self.header, *body], colWidths=self.widths, repeatRows=1)
            style = _base_style(self.size, 1)
            style += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in numeric_cols]
            if last_chunk and self.data.total is not None:
                style.append(("FONT", (0, -1), (-1, -1), self._bold, self.size))
            table.setStyle(TableStyle(style))
            yield table
