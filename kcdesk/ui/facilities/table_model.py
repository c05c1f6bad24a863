"""A lazy table model over the whole register (Anki's browser model, for 200,000 rows).

It holds the ordered ids of the current filter and sort, plus a bounded cache of plain
row tuples fetched a page at a time when the view asks for them. Id lists are computed on
a worker; only the page a person scrolls to is read on the GUI thread (a few ms by id).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from kcdesk.domain.vnformat import group
from kcdesk.domain.vocab import FACILITY_STATUSES, FACILITY_TYPES
from kcdesk.services.facilities import FacilityFilter
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.sync_schedule import BADGE_TEXT
from kcdesk.ui.records.register import ROW_FIELDS, Ordered, ordered_ids, rows_by_ids, search_within
from kcdesk.ui.records.sync_view import is_enrolled, record_badges
from kcdesk.ui.widgets.sync_icons import badge_icon

PAGE = 200
FIRST_PAGE = 60  # rows fetched with every new list: more than a 1080p screen shows
# One character narrows nothing in a province's register (every name has an 'n'): the
# search starts at the second character, like most search-as-you-type boxes.
MIN_SEARCH_CHARS = 2
CACHE_MAX = 5000
ID_ROLE = Qt.ItemDataRole.UserRole + 1
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
Index = QModelIndex | QPersistentModelIndex


class FacilityTableModel(QAbstractTableModel):
    loaded = Signal(int)  # rows shown after a (re)load

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.filter = FacilityFilter()
        self.order_by = "name"
        self.descending = False
        self.search_text = ""
        self._base = Ordered([], [])  # every facility of the filter, in sort order
        self._ids: list[str] = []  # the ids shown (the base, narrowed by the search)
        self._cache: OrderedDict[str, tuple[Any, ...]] = OrderedDict()
        # Sync badges of cached rows that are not simply in step with the server (only on a
        # laptop enrolled with a server: elsewhere every record is local and a badge is noise).
        self._badges: dict[str, str] = {}
        self.enrolled = False
        self._token = 0
        self.loading = True  # until the first id list arrives (the page asks for it when first shown)
        self._headers = [vocab(HEADERS[f]) for f in ROW_FIELDS]

    # -- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ROW_FIELDS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field = ROW_FIELDS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(field, self.row_values(index.row())[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if field in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return self._ids[index.row()]
        if index.column() == 0 and role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole):
            badge = self._badges.get(self._ids[index.row()])
            if badge is None:
                return None
            if role == Qt.ItemDataRole.DecorationRole:
                return badge_icon(badge)
            return vocab(BADGE_TEXT.get(badge, badge))
        return None

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
        self.reload(keep_base=bool(self._base.ids) and not self.loading)

    def reload(self, keep_base: bool = False) -> None:
        """Recompute the ids on a worker; the newest request wins (older answers are dropped)."""
        self._token += 1
        token, flt, order, desc, text = self._token, self.filter, self.order_by, self.descending, self.search_text
        base = self._base if keep_base else None
        self.loading = True

        def work(session: Any) -> tuple[Ordered, list[str] | None, dict[str, tuple[Any, ...]], dict[str, str] | None]:
            ordered = base if base is not None else ordered_ids(session, flt, order, desc)
            wanted = sum(ch.isalnum() for ch in text) >= MIN_SEARCH_CHARS
            shown = search_within(session, ordered, text) if wanted else None
            # The first screen's rows come along, so the GUI thread paints without a query.
            first = (ordered.ids if shown is None else shown)[:FIRST_PAGE]
            badges = record_badges(session, "facility", first) if is_enrolled(session) else None
            return ordered, shown, rows_by_ids(session, [i for i in first if i not in cached]), badges

        cached = set(self._cache)
        self.ctx.runner.read(work, lambda result: self._apply(token, *result), label=self.tr("Đọc danh sách cơ sở"))

    def refresh_badges(self) -> None:
        """Sync state changed (a cycle ran, a conflict was resolved): re-read the badges of
        the cached rows and repaint the name column only."""
        ids = list(self._cache)

        def work(session: Any) -> dict[str, str] | None:
            return record_badges(session, "facility", ids) if is_enrolled(session) else None

        self.ctx.runner.read(work, self._badges_read, label=self.tr("Đọc trạng thái đồng bộ"))

    def _badges_read(self, badges: dict[str, str] | None) -> None:
        self.enrolled = badges is not None
        self._badges = badges or {}
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0), [Qt.ItemDataRole.DecorationRole])

    def invalidate(self) -> None:
        """Records changed: forget cached rows and recompute the ids."""
        self._cache.clear()
        self._badges.clear()
        self.reload()

    def _apply(
        self,
        token: int,
        base: Ordered,
        shown: list[str] | None,
        first: dict[str, tuple[Any, ...]],
        badges: dict[str, str] | None,
    ) -> None:
        if token != self._token:
            return
        self.enrolled = badges is not None
        if badges is not None:
            self._badges.update(badges)
        self._cache.update(first)
        while len(self._cache) > CACHE_MAX:
            self._cache.popitem(last=False)
        self.beginResetModel()
        self._base = base
        self._ids = base.ids if shown is None else shown
        self.endResetModel()
        self.loading = False
        self.loaded.emit(len(self._ids))

    # -- rows ----------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self._base)

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
        while len(self._cache) > CACHE_MAX:
            self._cache.popitem(last=False)

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
