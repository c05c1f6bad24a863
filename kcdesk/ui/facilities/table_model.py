"""A lazy table model over the whole register (Anki's browser model, for 200,000 rows).

It holds the ordered ids of the current filter and sort, plus a bounded cache of plain
row tuples fetched a page at a time when the view asks for them. Id lists are computed on
a worker; only the page a person scrolls to is read on the GUI thread (a few ms by id).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from kcdesk.domain.vnformat import group
from kcdesk.domain.vocab import FACILITY_STATUSES, FACILITY_TYPES
from kcdesk.services.facilities import FacilityFilter
from kcdesk.services.register import (
    ROW_FIELDS,
    Ordered,
    count_and_list,
    match_count,
    narrow_within,
    narrows,
    ordered_ids,
    rows_by_ids,
    search_within,
)
from kcdesk.services.search import match_expression
from kcdesk.services.sync_facts import is_enrolled, record_badges
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.sync_schedule import BADGE_TEXT
from kcdesk.ui.widgets.sync_icons import badge_icon

PAGE = 200
FIRST_PAGE = 60  # rows fetched with every new list: more than a 1080p screen shows
# One character narrows nothing in a province's register (every name has an 'n'): the
# search starts at the second character, like most search-as-you-type boxes.
MIN_SEARCH_CHARS = 2
# Rows kept in memory: the pages around the view (five of PAGE). Rows scrolled away are
# dropped, oldest first, and read again by id when scrolled back to (a few ms a page).
CACHE_MAX = 1000
# A search matching this many facilities or more is answered at once by its count, and its
# list when typing pauses: turning 25,000+ index hits into an ordered list costs 15-90 ms
# on 200,000 facilities, more than a keystroke may take (bench/bench_gui.py).
BROAD_MATCHES = 25_000
# A search narrowing one known to match fewer than this many times BROAD_MATCHES is counted
# and listed in one pass of the index (kcdesk.services.register.count_and_list): the list is
# likely wanted ('hop tac xa hoa' after 'hop tac xa ho', 31,208 matches: 8 ms instead of 16),
# and when it is not, gathering the hits while counting them cost 1-3 ms more than counting
# alone. Above twice BROAD_MATCHES that cost grows ('cong t' after 60,440: +3.5 ms) and the
# narrower search is more often broad as well: counted first, as before.
LIST_WHILE_COUNTING = 2
COMPLETE_AFTER_MS = 400
ALL = 1 << 62  # a list wanted however long (the search completed on a pause)
RESULTS_KEPT = 8
BOUNDS_KEPT = 16
# Roles as plain ints: a repaint asks data() ~1,400 times, and comparing the int Qt passes with
# an enum member costs 4x comparing two ints (0.45 against 0.11 ms a repaint).
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
NUMERIC = frozenset({"labour_total", "revenue_prev_year"})
HEADERS = {
    "name": "Tên cơ sở",
    "facility_type": "Loại hình",
    "tax_code": "Mã số thuế",
    "representative": "Người đại diện",
    "phone": "Điện thoại",
    "ward_code": "Xã/Phường/Đặc khu",
    "sector_code": "Ngành nghề",
    "labour_total": "Số lao động",
    "revenue_prev_year": "Doanh thu năm trước (đồng)",
    "status": "Tình trạng",
}
OTHER_ROLES = frozenset({ID_ROLE, DECORATION, int(Qt.ItemDataRole.ToolTipRole)})
Index = QModelIndex | QPersistentModelIndex


def search_key(text: str) -> str:
    """Searches that mean the same (case, spacing, tone marks folded by the index) share answers."""
    return match_expression(text) or ""


class FacilityTableModel(QAbstractTableModel):
    loaded = Signal(int)  # rows shown after a (re)load
    # A broad search (BROAD_MATCHES or more) answered by its count alone: the rows shown stay
    # as they were until the person stops typing for COMPLETE_AFTER_MS, or types on.
    counted = Signal(int)
    # The rows shown now are another list than the rows before them (another search, filter
    # or order): the view goes back to the top, where the best matches and the first names
    # are. Left where it was, after scrolling down the register it showed some later stretch
    # of the matches, whose rows the answer's first screen had not brought, so each keystroke
    # also read them (bench/bench_gui.py's session types after scrolling the whole register:
    # p95 38-42 ms before, 31-34 ms after). The same list with records changed (a sync, an
    # edit) keeps its place.
    new_list = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.filter = FacilityFilter()
        self.order_by = "name"
        self.descending = False
        self.search_text = ""
        self._listed: tuple[Any, ...] = self._list_identity()  # what the rows on screen answer
        self._base = Ordered([], [])  # every facility of the filter, in sort order
        self._base_version = 0  # bumped whenever the base list is recomputed
        self._ids: list[str] = []  # the ids shown (the base, narrowed by the search)
        self._cache: OrderedDict[str, tuple[Any, ...]] = OrderedDict()
        self.cache_max = CACHE_MAX
        self._shown: dict[str, tuple[str, ...]] = {}  # display strings of cached rows, made once
        # Answers to recent searches over the current base (backspace, retyping a prefix).
        self._results: OrderedDict[tuple[int, str], list[str] | None] = OrderedDict()
        # How many indexed facilities recent searches match at most (search text -> bound).
        # Typing on narrows a search: when the wider one was known not to be broad, the
        # narrower one is listed without counting it first (one pass of the index, not two).
        self._bounds: OrderedDict[str, int] = OrderedDict()
        # Counts of recent broad searches over the current base ('co so', then 'co so ').
        self._broad: OrderedDict[tuple[int, str], int] = OrderedDict()
        # Sync badges of cached rows that are not simply in step with the server (only on a
        # laptop enrolled with a server: elsewhere every record is local and a badge is noise).
        self._badges: dict[str, str] = {}
        self.enrolled = False
        self._token = 0
        self._base_stale = True  # the base must be recomputed (filter, sort or records changed)
        self._running = False  # one id-list query at a time; the newest waiting request follows
        self._queued: tuple[bool, bool] | None = None
        self.loading = True  # until the first id list arrives (the page asks for it when first shown)
        self.partial = False  # the search answered by its count only (see `counted`)
        self.match_count: int | None = None
        self.broad_matches = BROAD_MATCHES
        self._enrol_check = True  # the first load looks; later only after a sync state change
        self._headers = [vocab(HEADERS[f]) for f in ROW_FIELDS]
        self._alignments = [
            int(
                (Qt.AlignmentFlag.AlignRight if f in NUMERIC else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
            for f in ROW_FIELDS
        ]
        self._complete = QTimer(self)
        self._complete.setSingleShot(True)
        self._complete.setInterval(COMPLETE_AFTER_MS)
        self._complete.timeout.connect(lambda: self.reload(keep_base=True, complete=True))

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ROW_FIELDS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A repaint asks every visible cell for seven or eight roles: answer the common ones
        # from strings made once per row, and the rest without work.
        if role == DISPLAY:
            return self.display_row(index.row())[index.column()]
        if role == ALIGNMENT:
            return self._alignments[index.column()]
        if role not in OTHER_ROLES or not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if index.column() == 0:
            badge = self._badges.get(self._ids[index.row()])
            if badge is None:
                return None
            if role == DECORATION:
                return badge_icon(badge)
            return vocab(BADGE_TEXT.get(badge, badge))
        return None

    def alignment(self, column: int) -> int:
        """The column's text alignment (numbers to the right), as the alignment role gives it."""
        return self._alignments[column]

    def badge(self, row: int) -> str | None:
        """The sync badge of a row (None: in step with the server, or no server)."""
        return self._badges.get(self._ids[row])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.order_by = ROW_FIELDS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- what to show ----------------------------------------------------------------------

    def set_filter(self, flt: FacilityFilter) -> None:
        self.filter = flt
        self.reload()

    def set_search(self, text: str) -> None:
        self.search_text = text
        self._complete.stop()
        keep = bool(self._base.ids) and not self._base_stale
        key = (self._base_version, search_key(text))
        if keep and key in self._results:  # asked a moment ago: answer at once, from memory
            self._results.move_to_end(key)
            self._token += 1
            token, shown = self._token, self._results[key]
            QTimer.singleShot(0, self, lambda: self._apply(token, self._base, shown, {}, None, None))
            return
        if keep and key in self._broad:  # a broad search asked a moment ago: its count, from memory
            self._broad.move_to_end(key)
            self._token += 1
            token, count = self._token, self._broad[key]
            QTimer.singleShot(0, self, lambda: self._counted(self._base, count) if token == self._token else None)
            return
        self.reload(keep_base=keep)

    def reload(self, keep_base: bool = False, complete: bool = False) -> None:
        """Recompute the ids on a worker; the newest request wins (older answers are dropped).
        One query runs at a time: while one runs, only the latest request waits behind it."""
        self._token += 1
        self.loading = True
        if not keep_base:
            self._base_stale = True
        if self._running:
            self._queued = (keep_base, complete)
            return
        self._start(keep_base, complete)

    def _start(self, keep_base: bool, complete: bool) -> None:
        token, flt, order, desc, text = self._token, self.filter, self.order_by, self.descending, self.search_text
        broad = self.broad_matches
        # Only an enrolled laptop shows badges; it becomes one through the sync page, which
        # announces "sync_state" (refresh_badges), so the check can be skipped until then.
        enrolled = self.enrolled or self._enrol_check
        base = self._base if keep_base and not self._base_stale else None
        cached = set(self._cache)
        bound = self._bound(text)

        def work(session: Any) -> tuple[Any, ...]:
            ordered = base if base is not None else ordered_ids(session, flt, order, desc)
            wanted = sum(ch.isalnum() for ch in text) >= MIN_SEARCH_CHARS
            count: int | None
            upper: int | None
            shown: list[str] | None
            if wanted and bound is not None and bound < min(broad, ordered.indexed):
                count, upper = None, bound
                shown = narrow_within(session, ordered, text)
            elif wanted and bound is not None and bound < broad * LIST_WHILE_COUNTING:
                upper, shown = count_and_list(session, ordered, text, ALL if complete else broad)
                if shown is None:  # broad: the count now, the list on a pause
                    return ordered, None, {}, None, upper, upper
                count = None
            else:
                count = upper = match_count(session, text, ordered) if wanted else None
                if count is not None and not complete and broad <= count < ordered.indexed:
                    return ordered, None, {}, None, count, upper  # broad: the count now, the list on a pause
                shown = search_within(session, ordered, text, count) if wanted else None
            # The first screen's rows come along, so the GUI thread paints without a query.
            first = (ordered.ids if shown is None else shown)[:FIRST_PAGE]
            badges = record_badges(session, "facility", first) if enrolled and is_enrolled(session) else None
            return ordered, shown, rows_by_ids(session, [i for i in first if i not in cached]), badges, None, upper

        self._running = True
        self.ctx.runner.read(
            work,
            lambda result: self._finished(token, result),
            on_error=self._failed,
            label=self.tr("Đọc danh sách cơ sở"),
        )

    def _finished(self, token: int, result: tuple[Any, ...]) -> None:
        self._running = False
        ordered, shown, first, badges, count, upper = result
        if token == self._token:
            if upper is not None:
                self._bounds[self.search_text] = upper
                self._bounds.move_to_end(self.search_text)
                while len(self._bounds) > BOUNDS_KEPT:
                    self._bounds.popitem(last=False)
            if count is not None:
                self._counted(ordered, count)
                self._broad[(self._base_version, search_key(self.search_text))] = count
                while len(self._broad) > RESULTS_KEPT:
                    self._broad.popitem(last=False)
            else:
                self._apply(token, ordered, shown, first, badges, self.search_text)
        if self._queued is not None:
            keep_base, complete = self._queued
            self._queued = None
            self._start(keep_base, complete)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self.loading = False
        if self._queued is not None:
            keep_base, complete = self._queued
            self._queued = None
            self._start(keep_base, complete)
        raise error

    def _bound(self, text: str) -> int | None:
        """The fewest facilities a recent search that `text` narrows was known to match."""
        known = [n for wider, n in self._bounds.items() if narrows(text, wider)]
        return min(known) if known else None

    def _counted(self, base: Ordered, count: int) -> None:
        """A broad search: keep the rows on screen, say how many match, finish on a pause."""
        if base is not self._base:  # the base itself was recomputed: show it, unfiltered for now
            self._apply(self._token, base, None, {}, None, None)
        self.loading = False
        self.partial = True
        self.match_count = count
        self._complete.start()
        self.counted.emit(count)

    def invalidate(self) -> None:
        """Records changed: forget cached rows and recompute the ids."""
        self._cache.clear()
        self._shown.clear()
        self._badges.clear()
        self._bounds.clear()  # records changed: what searches matched may have too
        self._enrol_check = True
        self.reload()

    def _apply(
        self,
        token: int,
        base: Ordered,
        shown: list[str] | None,
        first: dict[str, tuple[Any, ...]],
        badges: dict[str, str] | None,
        searched: str | None,
    ) -> None:
        if token != self._token:
            return
        self._enrol_check = False
        if badges is not None:
            self.enrolled = True
            self._badges.update(badges)
        self._cache.update(first)
        self._trim_cache()
        if base is not self._base:
            self._base_version += 1
            self._results.clear()
            self._broad.clear()
            self._base_stale = False
        if searched is not None and shown is not None:
            self._results[(self._base_version, search_key(searched))] = shown
            while len(self._results) > RESULTS_KEPT:
                self._results.popitem(last=False)
        ids = base.ids if shown is None else shown
        listed = self._list_identity()
        if ids is self._ids or (len(ids) == len(self._ids) and ids == self._ids):
            self._base = base  # same rows (a wider prefix that matched everything): no repaint
        else:
            self.beginResetModel()
            self._base = base
            self._ids = ids
            self.endResetModel()
            if listed != self._listed:
                self.new_list.emit()
        self._listed = listed
        self.loading = False
        self.partial = False
        self.match_count = None if shown is None else len(shown)
        self.loaded.emit(len(self._ids))

    def _list_identity(self) -> tuple[Any, ...]:
        """What makes the list on screen another list: the search (as search_key folds it),
        the filter and the order; not the records in it."""
        return (search_key(self.search_text), self.filter, self.order_by, self.descending)

    def refresh_badges(self) -> None:
        """Sync state changed (a cycle ran, a conflict was resolved): re-read the badges of
        the cached rows and repaint the name column only."""
        ids = list(self._cache)

        def work(session: Any) -> dict[str, str] | None:
            return record_badges(session, "facility", ids) if is_enrolled(session) else None

        self.ctx.runner.read(work, self._badges_read, label=self.tr("Đọc trạng thái đồng bộ"))

    def _badges_read(self, badges: dict[str, str] | None) -> None:
        self.enrolled = badges is not None
        self._enrol_check = False
        self._badges = badges or {}
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0), [Qt.ItemDataRole.DecorationRole])

    # -- rows ----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._base)

    @property
    def rows_kept(self) -> int:
        """Rows held in memory now (at most cache_max, whatever the register's size)."""
        return len(self._cache)

    def facility_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, facility_id: str) -> int | None:
        try:
            return self._ids.index(facility_id)
        except ValueError:
            return None

    def row_values(self, row: int) -> tuple[Any, ...]:
        fid = self._ids[row]
        values = self._cache.get(fid)
        if values is None:
            self._fetch_around(row)
            values = self._cache.get(fid) or (None,) * len(ROW_FIELDS)
        else:
            self._cache.move_to_end(fid)
        return values

    def display_row(self, row: int) -> tuple[str, ...]:
        """The row as shown (names of units and vocabularies, grouped numbers), made once."""
        fid = self._ids[row]
        shown = self._shown.get(fid)
        if shown is None:
            values = self.row_values(row)
            shown = tuple(self._display(f, v) for f, v in zip(ROW_FIELDS, values, strict=True))
            self._shown[fid] = shown
        return shown

    def _trim_cache(self) -> None:
        while len(self._cache) > self.cache_max:
            fid, _row = self._cache.popitem(last=False)
            self._shown.pop(fid, None)

    def _fetch_around(self, row: int) -> None:
        start = max(0, row - PAGE // 4)
        wanted = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
        with self.ctx.store.read() as session:
            fetched = rows_by_ids(session, wanted)
            if self.enrolled:
                badges = record_badges(session, "facility", wanted)
                self._badges.update(badges)
                for fid in wanted:
                    if fid not in badges:
                        self._badges.pop(fid, None)
        for fid in wanted:
            self._cache[fid] = fetched.get(fid, (None,) * len(ROW_FIELDS))
        self._trim_cache()

    def _display(self, field: str, value: Any) -> str:
        if value is None:
            return ""
        if field == "facility_type":
            return vocab(FACILITY_TYPES.get(value, value))
        if field == "status":
            return vocab(FACILITY_STATUSES.get(value, value))
        if field == "ward_code":
            return self.ctx.ward_name(value)
        if field == "sector_code":
            return vocab(self.ctx.units.sectors.get(value, value))
        if field in NUMERIC:
            return group(int(value))
        return str(value)
