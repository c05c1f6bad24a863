"""The register paints its cells from text laid out once (kcdesk.ui.facilities.cell_delegate),
and what a person sees is exactly what Qt's own delegate draws: the same pixels, whatever
the rows, a selected row, text cut with "…" in a narrow column, numbers to the right."""

from __future__ import annotations

from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QStyledItemDelegate

from kcdesk.ui.facilities.cell_delegate import RegisterCellDelegate


def _shot(page, app, delegate) -> QImage:  # type: ignore[no-untyped-def]
    page.table.setItemDelegate(delegate)
    page.table.viewport().repaint()
    app.processEvents()
    return page.table.viewport().grab().toImage()


def _differing(a: QImage, b: QImage) -> int:
    """How many pixels differ: counted in Python (a second a shot), so only to explain a failure."""
    assert a.size() == b.size()
    return sum(a.pixel(x, y) != b.pixel(x, y) for y in range(a.height()) for x in range(a.width()))


def test_register_cells_look_exactly_as_qt_draws_them(demo_window, qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    demo_window.resize(1900, 700)  # every column in view, the numbers' too
    demo_window.show_page("facilities")
    page = demo_window.page("facilities")
    model, table = page.model, page.table
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0, timeout=10_000)
    ours = table.itemDelegate()
    assert isinstance(ours, RegisterCellDelegate)
    plain = QStyledItemDelegate(table)
    table.horizontalHeader().resizeSection(1, 70)  # the type column cut short: its text elided
    bar = table.verticalScrollBar()
    for where in (0, bar.maximum() // 2, bar.maximum()):
        bar.setValue(where)
        table.selectRow(table.rowAt(table.viewport().height() // 3))
        theirs = _shot(page, gui_app, plain)
        mine = _shot(page, gui_app, ours)
        assert theirs == mine, f"scrolled to {where}: {_differing(theirs, mine)} pixels differ"
    # A larger font (a person's display setting): nothing laid out in the old one is reused.
    bigger = QFont(table.font())
    bigger.setPointSize(bigger.pointSize() + 3)
    table.setFont(bigger)
    table.doItemsLayout()
    _shot(page, gui_app, plain)  # the view settles its new layout first
    theirs, mine = _shot(page, gui_app, plain), _shot(page, gui_app, ours)
    assert theirs == mine, f"after the font changed: {_differing(theirs, mine)} pixels differ"
    assert ours._texts  # drawn from its own layouts, not handed back to Qt's delegate
    assert any(text.text().endswith("…") for text, _w, _h in ours._texts.values())
    assert any(model.alignment(c) & 2 for c in range(model.columnCount()))  # a right-aligned column was drawn
    table.setItemDelegate(ours)
