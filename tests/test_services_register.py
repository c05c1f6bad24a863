"""The register's id list and search (kcdesk.services.register): the facility list's own
filter and order, search narrowing the list in its order, rows read by id."""

from __future__ import annotations

from kcdesk.db.store import Store
from kcdesk.services import facilities, register
from kcdesk.services.facilities import FacilityFilter, filter_values, list_facilities
from kcdesk.services.register import (
    ROW_FIELDS,
    match_count,
    narrow_within,
    narrows,
    ordered_ids,
    rows_by_ids,
    search_within,
)

WARD_A, WARD_B = "20194", "20197"


def _add(store: Store, name: str, ward: str, kind: str = "hkd") -> str:
    values = {"name": name, "facility_type": kind, "province_code": "48", "ward_code": ward}
    return store.write(lambda s: facilities.create_facility(s, values))


def _add_named(store: Store, *names: str) -> None:
    """Facilities of one commune that differ only by name (what the search tests look at)."""
    for name in names:
        _add(store, name, WARD_A)


def test_the_register_filters_and_orders_as_the_facility_list(store: Store) -> None:
    a = _add(store, "Cơ sở mây tre Hòa Vang", WARD_A)
    b = _add(store, "Cơ sở chè Hòa Bắc", WARD_B)
    c = _add(store, "Cơ sở gốm Thanh Hà", WARD_A, kind="htx")
    gone = _add(store, "Cơ sở đã xóa", WARD_A)
    store.write(lambda s: facilities.delete_facility(s, gone))
    with store.read() as s:
        for flt in (
            FacilityFilter(),
            FacilityFilter(ward_code=WARD_A),
            FacilityFilter(ward_code=WARD_A, facility_type="hkd"),
        ):
            listed = [r["id"] for r in list_facilities(s, flt, limit=None)]
            assert ordered_ids(s, flt).ids == listed
        assert set(ordered_ids(s, FacilityFilter(ward_code=WARD_A)).ids) == {a, c}
        assert ordered_ids(s, FacilityFilter(), "name", descending=True).ids == [a, c, b]
        assert len(ordered_ids(s, FacilityFilter(province_code="01"))) == 0
    assert filter_values(FacilityFilter(ward_code=WARD_A, status="")) == {"ward_code": WARD_A}


def test_an_unknown_column_is_refused_before_any_sql(store: Store) -> None:
    import pytest

    with store.read() as s, pytest.raises(ValueError):
        ordered_ids(s, FacilityFilter(), "name; DROP TABLE facility")


def test_search_keeps_the_register_order_and_folds_tones(store: Store) -> None:
    names = ("Xưởng mây tre Cẩm Nê", "Xưởng gốm Thanh Hà", "Tổ đan lát Phước Tường")
    ids = [_add(store, name, WARD_A) for name in names]
    with store.read() as s:
        ordered = ordered_ids(s, FacilityFilter(), "name")
        assert search_within(s, ordered, "") is None and match_count(s, "  ") is None
        assert match_count(s, "may tre") == 1
        assert search_within(s, ordered, "may tre") == [ids[0]]
        assert search_within(s, ordered, "GOM thanh") == [ids[1]]
        assert search_within(s, ordered, "khong co gi") == []
        both = search_within(s, ordered, "xuong")
        assert both == [i for i in ordered.ids if i in {ids[0], ids[1]}] and len(both) == 2
        rows = rows_by_ids(s, ids)
    assert rows[ids[1]][ROW_FIELDS.index("name")] == "Xưởng gốm Thanh Hà"
    assert rows[ids[2]][ROW_FIELDS.index("ward_code")] == WARD_A


def test_typing_on_narrows_and_is_answered_as_a_fresh_search(store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _add_named(store, "Xưởng mây tre Cẩm Nê", "Xưởng gốm Thanh Hà", "Tổ đan lát Phước Tường", "Xưởng mây Hòa Vang")
    # Each word of the wider search begins the narrower's word at its place.
    assert narrows("xuong may t", "xuong may") and narrows("xuong may", "xuong m") and narrows("dan", "đa")
    assert not narrows("xuong", "xuong may") and not narrows("may xuong", "xuong") and not narrows("x", "")
    with store.read() as s:
        ordered = ordered_ids(s, FacilityFilter(), "name")
        for query in ("xuong m", "xuong may", "xuong may tre", "to dan", "khong co"):
            assert narrow_within(s, ordered, query) == search_within(s, ordered, query)

    # Hits outside a filtered list are left out, whichever way their places are found
    # (a byte mask for many hits, sorting them for a few).
    other = _add(store, "Xưởng mây Phong Bắc", WARD_B)
    for few_hits in (1, 10_000):
        monkeypatch.setattr(register, "FEW_HITS", few_hits)
        with store.read() as s:
            in_b = ordered_ids(s, FacilityFilter(ward_code=WARD_B), "name")
            assert search_within(s, in_b, "xuong") == [other] == narrow_within(s, in_b, "xuong may")
            everywhere = ordered_ids(s, FacilityFilter(), "name")
            hits = narrow_within(s, everywhere, "xuong")
            assert hits == [i for i in everywhere.ids if i in set(hits)] and len(hits) == 4


def test_a_records_history_names_who_changed_it(store: Store) -> None:
    fid = _add(store, "Xưởng mây tre Cẩm Nê", WARD_A)
    store.write(lambda s: facilities.update_facility(s, fid, {"representative": "Lê Thị Hạnh"}))
    with store.read() as s:
        plain = facilities.history(s, "facility", fid)
        named = facilities.named_history(s, "facility", fid)
    assert [e["op"] for e in named] == ["insert", "update"]
    assert [{k: v for k, v in e.items() if k != "user_name"} for e in named] == plain
    assert {e["user_name"] for e in named} == {"Nguyễn Văn An"}


def test_words_every_facility_matches_are_left_out_and_answers_stay_the_same(store: Store) -> None:
    from kcdesk.services.register import count_and_list
    from kcdesk.services.search import matching_facility_ids

    _add_named(store, "Xưởng mây tre Cẩm Nê", "Xưởng gốm Thanh Hà", "Xưởng đan lát Phước Tường", "Xưởng mây Hòa Vang")
    with store.read() as s:
        ordered = ordered_ids(s, FacilityFilter(), "name")

        def fresh(query: str) -> list[str]:  # the slow path, learning nothing
            hits = set(matching_facility_ids(s, query) or [])
            return [i for i in ordered.ids if i in hits]

        assert match_count(s, "xuong", ordered) == 4 and ordered.universal == {"xuong"}
        for query in ("xuong may", "XUONG m", "xuong", "Xưởng mây tre", "may xuong", "xuong khong", "xuo gom", "đan"):
            expected = fresh(query)
            assert match_count(s, query, ordered) == match_count(s, query) == len(expected)
            assert search_within(s, ordered, query) == expected
            assert count_and_list(s, ordered, query, 10) == (len(expected), expected)
            if expected and len(expected) < len(ordered):
                assert narrow_within(s, ordered, query) == expected
                assert count_and_list(s, ordered, query, len(expected)) == (len(expected), None)
        # Only the very word is left out: 'xuong' matching everything says nothing of 'xuongx'.
        assert search_within(s, ordered, "xuongx") == [] and "xuongx" not in ordered.universal
        # Every word matching everything: the whole list, whatever the limit.
        assert count_and_list(s, ordered, "xuong", 1) == (4, ordered.ids)


def test_the_same_hits_again_give_the_list_they_gave(store: Store) -> None:
    _add_named(store, "Xưởng mây tre Cẩm Nê", "Xưởng gốm Thanh Hà", "Tổ đan lát Phước Tường", "Xưởng mây Hòa Vang")
    with store.read() as s:
        ordered = ordered_ids(s, FacilityFilter(), "name")
        wider = narrow_within(s, ordered, "xuong m")  # 'gốm' does not begin with m
        assert len(ordered.answers) == 1
        narrower = narrow_within(s, ordered, "xuong may")  # the same two facilities: the same list
        assert narrower is wider and len(wider) == 2 and len(ordered.answers) == 1
        assert len(narrow_within(s, ordered, "xuong")) == 3  # other hits: a list of their own
        assert len(ordered.answers) == 2 and narrow_within(s, ordered, "xuong ma") is wider
