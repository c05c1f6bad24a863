"""Charts drawn with ReportLab graphics, in the document's own embedded font.

Every string in a drawing names the registered family explicitly: a graphics label left
at its default would fall back to Helvetica, which drops Vietnamese letters.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from kcdesk.domain.vnformat import decimal
from kcdesk.reports.fonts import FAMILY
from kcdesk.text import nfc

SERIES_COLOURS = (colors.Color(0.16, 0.32, 0.55), colors.Color(0.85, 0.55, 0.15), colors.Color(0.45, 0.6, 0.35))


def grouped_bars(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    width: float,
    height: float = 200,
    unit: str = "",
) -> Drawing:
    """Side-by-side bars per category (e.g. plan against disbursed, in tỷ đồng)."""
    # initialFontName: the renderer's initial font; left alone it selects Helvetica
    drawing = Drawing(width, height, initialFontName=FAMILY)
    drawing.add(String(width / 2, height - 12, nfc(title), fontName=f"{FAMILY}-Bold", fontSize=11, textAnchor="middle"))
    chart = VerticalBarChart()
    chart.x, chart.y = 50, 45
    # The stubs infer int from the class's defaults; ReportLab takes any number here.
    chart.width, chart.height = width - 70, height - 95  # type: ignore[assignment]
    chart.data = [list(values) or [0] for _, values in series]
    chart.categoryAxis.categoryNames = [nfc(c) for c in categories] or [""]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 9
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: decimal(v, 0) if v >= 10 else decimal(v, 1)
    chart.barSpacing = 1
    chart.groupSpacing = 8
    for i in range(len(series)):
        chart.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if unit:
        drawing.add(String(8, height - 30, nfc(unit), fontName=f"{FAMILY}-Italic", fontSize=9))
    legend = Legend()
    legend.fontName = FAMILY
    legend.fontSize = 9
    legend.x, legend.y = 50, 14
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 150
    legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], nfc(name)) for i, (name, _) in enumerate(series)]
    drawing.add(legend)
    return drawing
