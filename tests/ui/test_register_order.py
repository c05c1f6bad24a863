"""The window's register shows names in Vietnamese dictionary order, both ways, whoever
wrote them (the service, the bulk path, a plain sqlite3 connection)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kcdesk.services.facilities import LIST_COLUMNS
from tests.vi_names import IN_ORDER, add_shuffled

ROW_FIELDS = [c for c in LIST_COLUMNS if c != "id"]  # the register's columns


def _names(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_register_shows_names_in_vietnamese_order(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    add_shuffled(window.ctx.store)
    model = window.page("facilities").model
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload()
    assert _names(model) == IN_ORDER
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert _names(model) == IN_ORDER[::-1]
    column = ROW_FIELDS.index("representative")
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(column, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(r, column)) for r in range(model.rowCount())] == IN_ORDER
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_search("vang")  # a search keeps the register's order
    assert _names(model) == ["Ong Vàng", "Én Vàng", "Cơ sở Mạ", "Cơ sở Mã"]  # the last two: by representative


def test_commune_picker_lists_communes_in_vietnamese_order(window) -> None:  # type: ignore[no-untyped-def]
    wards = [name for _, name in window.ctx.province_wards("48")]
    assert wards[0] == "Đặc khu Hoàng Sa"  # đ is a d: before "Phường …", not after "Xã …"
    assert wards.index("Xã Đồng Dương") < wards.index("Xã Đông Giang") < wards.index("Xã Xuân Phú")
    assert wards.index("Xã Đại Lộc") < wards.index("Xã Điện Bàn Tây")
