"""Scrolling the register keeps only the rows around the view: a page scrolled away is
dropped, and scrolling back reads it again, the same rows in the same order."""

from __future__ import annotations

from kcdesk.services.facilities import FacilityFilter
from kcdesk.services.register import ordered_ids


def _scroll_to(page, app, value: int) -> None:  # type: ignore[no-untyped-def]
    page.table.verticalScrollBar().setValue(value)
    page.table.viewport().repaint()
    app.processEvents()


def _visible_names(page) -> list[str]:  # type: ignore[no-untyped-def]
    table, model = page.table, page.model
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    return [model.data(model.index(r, 0)) for r in range(first, last + 1)]


def test_scrolled_away_rows_are_dropped_and_come_back_the_same(demo_window, qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    demo_window.resize(1200, 700)
    demo_window.show_page("facilities")
    page = demo_window.page("facilities")
    model = page.model
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0, timeout=10_000)
    model.cache_max = 400  # 2,000 demo facilities: the bound scaled down from 1,000 of 200,000
    bar = page.table.verticalScrollBar()
    _scroll_to(page, gui_app, 0)
    top = _visible_names(page)
    assert top and all(top)
    first_id = model.facility_id(0)

    kept = []
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + bar.pageStep())
        _scroll_to(page, gui_app, value)
        kept.append(model.rows_kept)
    assert len(kept) > 20 and max(kept) <= 400  # never more than the bound, however far the view went
    assert first_id not in model._cache  # the first page was dropped on the way down
    bottom = _visible_names(page)

    _scroll_to(page, gui_app, 0)  # and back: read again by id, same rows, same order
    assert _visible_names(page) == top
    _scroll_to(page, gui_app, bar.maximum())
    assert _visible_names(page) == bottom

    # Every row shown on the way is the register's own order (Vietnamese sort by name).
    with demo_window.ctx.store.read() as s:
        ids = ordered_ids(s, FacilityFilter(), "name").ids
    assert [model.facility_id(r) for r in range(model.rowCount())] == ids
