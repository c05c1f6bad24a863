"""Search as you type on the register: a broad prefix is answered by its count while the
rows on screen stay, and its list follows when typing pauses; a narrower query answers with
its rows; a search asked again is answered from memory; only the newest request counts."""

from __future__ import annotations


def test_broad_prefix_counts_first_then_lists_when_typing_pauses(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.page("facilities")
    model = page.model
    total = model.rowCount()
    model.broad_matches = 300  # 2,000 demo facilities: "broad" scaled down from 25,000 of 200,000
    with qtbot.waitSignal(model.counted, timeout=10_000) as counted:
        model.set_search("co")
    broad = counted.args[0]
    assert 300 <= broad < total
    assert model.rowCount() == total and model.partial  # the view is kept…
    assert "cập nhật khi ngừng gõ" in page.count_label.text()
    with qtbot.waitSignal(model.loaded, timeout=10_000):  # …until the pause
        pass
    assert model.rowCount() == broad and not model.partial

    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_search("co so may tre")
    narrow = model.rowCount()
    assert 0 < narrow < broad
    # Asked again (backspace and retype): answered from memory, same rows, no query.
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_search("co so may")
    with qtbot.waitSignal(model.loaded, timeout=1_000):
        model.set_search("Cơ sở mây tre")  # case and tone marks fold to the same search
    assert model.rowCount() == narrow


def test_only_the_newest_of_fast_keystrokes_is_shown(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = demo_window.page("facilities").model
    for text in ("ng", "ngu", "nguy", "nguye", "nguyen v", "nguyen van"):
        model.set_search(text)  # no waiting between keystrokes
    qtbot.waitUntil(lambda: not model.loading and model.search_text == "nguyen van", timeout=10_000)
    qtbot.waitUntil(lambda: not model._running, timeout=10_000)
    shown = model.rowCount()
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_search("nguyen van ")  # the same search
    assert model.rowCount() == shown > 0


def test_typing_on_and_retyping_show_what_a_fresh_search_shows(demo_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.services.facilities import FacilityFilter
    from kcdesk.services.register import ordered_ids, search_within

    model = demo_window.page("facilities").model
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    model.broad_matches = 300
    with qtbot.waitSignal(model.counted, timeout=10_000) as counted:
        model.set_search("co")
    with qtbot.waitSignal(model.counted, timeout=1_000) as again:
        model.set_search("co ")  # the same broad search: its count from memory, no query
        assert not model._running
    assert again.args == counted.args
    model._complete.stop()
    # Each keystroke narrows the last; those after a known narrow search skip its count.
    with demo_window.ctx.store.read() as s:
        ordered = ordered_ids(s, FacilityFilter(), "name")
        for text in ("co so", "co so m", "co so may", "co so may t", "co so may tre"):
            with qtbot.waitSignal(model.loaded, timeout=10_000):
                model.set_search(text)
            assert [model.facility_id(r) for r in range(model.rowCount())] == search_within(s, ordered, text)


def test_a_search_narrowing_a_broad_one_is_counted_and_listed_in_one_pass(demo_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.services.facilities import FacilityFilter
    from kcdesk.services.register import match_count, ordered_ids, search_within
    from kcdesk.ui.facilities import table_model

    passes = []
    one_pass = table_model.count_and_list
    monkeypatch.setattr(table_model, "count_and_list", lambda *a: passes.append(a[2]) or one_pass(*a))
    model = demo_window.page("facilities").model
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
    with demo_window.ctx.store.read() as s:
        wide = match_count(s, "co")
        assert wide
    model.broad_matches = wide // 2 + 1  # 'co' is broad; what narrows it is within one pass's reach

    def answer(text: str) -> tuple[str, int]:
        got: list[tuple[str, int]] = []
        model.loaded.connect(on_list := lambda n: got.append(("list", n)))
        model.counted.connect(on_count := lambda n: got.append(("count", n)))
        model.set_search(text)
        qtbot.waitUntil(lambda: bool(got), timeout=10_000)
        model.loaded.disconnect(on_list)
        model.counted.disconnect(on_count)
        model._complete.stop()
        return got[0]

    assert answer("co") == ("count", wide)
    kinds = set()
    with demo_window.ctx.store.read() as s:
        ordered = ordered_ids(s, FacilityFilter(), "name")
        for text in ("co s", "co so", "co so m", "co so may", "co so may t"):
            kind, n = answer(text)
            expected = search_within(s, ordered, text)
            assert expected is not None and n == len(expected)
            if kind == "list":
                assert [model.facility_id(r) for r in range(model.rowCount())] == expected
            else:
                assert n >= model.broad_matches and model.partial
            kinds.add(kind)
    assert passes and kinds == {"list", "count"}


def test_a_new_list_starts_at_its_top_and_a_refresh_keeps_the_place(demo_window, qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    """A person who scrolled down the register and then types, filters or sorts sees the top
    of the new list (not wherever the old position lands in it); records changing under the
    same list (a sync, an edit) leave the view where it was."""
    from PySide6.QtCore import Qt

    from kcdesk.services.facilities import create_facility
    from tests.ui.conftest import wait_job

    demo_window.resize(1200, 700)
    demo_window.show_page("facilities")
    page = demo_window.page("facilities")
    model, table = page.model, page.table
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0, timeout=10_000)

    def settle() -> None:
        table.viewport().repaint()
        gui_app.processEvents()

    bar.setValue(bar.maximum() // 2)  # halfway down the 2,000 facilities
    settle()
    assert bar.value() > 0
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_search("nguyen")
    settle()
    matches = model.rowCount()
    assert matches > 60 and bar.maximum() > 0  # more matches than a screen: there is a place to keep
    assert bar.value() == 0 and table.rowAt(0) == 0  # the first match shows first

    bar.setValue(bar.maximum())  # down the matches; then a new matching facility arrives
    settle()
    place = bar.value()
    assert place > 0
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        job = demo_window.ctx.runner.write(
            lambda s: create_facility(
                s, {"name": "Nguyễn Thị Mới", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
            ),
            changes={"facility"},
        )
        wait_job(qtbot, job)
    settle()
    assert model.rowCount() == matches + 1  # the list changed under the same search…
    assert bar.value() == place  # …and the view stayed where the person was reading

    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_search("")  # the search cleared: the whole register, from the top
    settle()
    assert model.rowCount() > matches and bar.value() == 0

    def scrolled_down() -> None:
        bar.setValue(bar.maximum() // 2)
        settle()
        assert bar.value() > 0

    scrolled_down()
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        page.ftype.setCurrentIndex(1)  # a filter: another list, from its top
    settle()
    assert 60 < model.rowCount() < 2_001 and bar.value() == 0
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        page.ftype.setCurrentIndex(0)
    settle()
    scrolled_down()
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(0, Qt.SortOrder.DescendingOrder)  # another order: from its first name
    settle()
    assert bar.value() == 0 and table.rowAt(0) == 0
