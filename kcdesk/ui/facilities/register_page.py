"""The register page: search as you type, filters, the lazy table, open and create."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kcdesk.domain.vnformat import group
from kcdesk.domain.vocab import FACILITY_STATUSES, FACILITY_TYPES
from kcdesk.services.facilities import FacilityFilter
from kcdesk.services.register import ROW_FIELDS
from kcdesk.ui.context import AppContext
from kcdesk.ui.facilities.cell_delegate import RegisterCellDelegate
from kcdesk.ui.facilities.table_model import FacilityTableModel
from kcdesk.ui.labels import choices, vocab

COLUMN_WIDTHS = {
    "name": 300,
    "facility_type": 150,
    "tax_code": 120,
    "representative": 160,
    "phone": 110,
    "ward_code": 170,
    "sector_code": 200,
    "labour_total": 95,
    "revenue_prev_year": 170,
    "status": 140,
}


class RegisterPage(QWidget):
    open_requested = Signal(object)  # facility id, or None for a new facility

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("registerPage")
        title = QLabel(self.tr("Cơ sở công nghiệp nông thôn"))
        title.setObjectName("pageTitle")
        self.count_label = QLabel()
        self.count_label.setObjectName("sectionNote")
        self.search = QLineEdit()
        self.search.setObjectName("facilitySearch")
        self.search.setAccessibleName(self.tr("Tìm cơ sở"))
        self.search.setPlaceholderText(self.tr("Tìm theo tên, mã số thuế, người đại diện, địa chỉ… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self.ward = self._combo("wardFilter", self.tr("Mọi xã/phường"), ctx.province_wards())
        self.ftype = self._combo("typeFilter", self.tr("Mọi loại hình"), choices(FACILITY_TYPES))
        self.sector = self._combo(
            "sectorFilter", self.tr("Mọi ngành nghề"), [(k, vocab(v)) for k, v in sorted(ctx.units.sectors.items())]
        )
        self.status = self._combo("statusFilter", self.tr("Mọi tình trạng"), choices(FACILITY_STATUSES))
        self.uninformed = QCheckBox(self.tr("Chưa thông báo dữ liệu cá nhân"))
        self.uninformed.setObjectName("uninformedFilter")
        self.uninformed.setToolTip(self.tr("Chỉ hiện cơ sở chưa ghi ngày thông báo xử lý dữ liệu cá nhân"))
        self.uninformed.toggled.connect(lambda _: self._apply_filters())
        self.new_button = QPushButton(self.tr("Thêm cơ sở"))
        self.new_button.setObjectName("newFacilityButton")
        self.new_button.setProperty("primary", True)
        self.new_button.setToolTip(self.tr("Thêm cơ sở mới (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.open_requested.emit(None))

        self.model = FacilityTableModel(ctx)
        self.table = QTableView()
        self.table.setObjectName("facilityTable")
        self.table.setAccessibleName(self.tr("Danh sách cơ sở"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(RegisterCellDelegate(self.table, self.model))
        # A new list (a search answered, a filter) lays the rows out at once: left to Qt's
        # delayed layout, the view paints the new rows, then lays out and paints them again
        # (2-3 full repaints per keystroke, 20-30 ms on 2 cores; bench/bench_gui.py).
        self.model.modelReset.connect(self.table.doItemsLayout)
        self.model.new_list.connect(self.table.scrollToTop)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        # Never size 200,000 rows to contents: fixed heights and widths.
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for column, field in enumerate(ROW_FIELDS):
            header.resizeSection(column, COLUMN_WIDTHS[field])
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._first_load_done = False
        self.table.doubleClicked.connect(lambda index: self.open_requested.emit(self.model.facility_id(index.row())))
        QShortcut(
            QKeySequence(Qt.Key.Key_Return), self.table, self.open_current, context=Qt.ShortcutContext.WidgetShortcut
        )

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(int(ctx.settings.get("search_delay_ms")))
        self._debounce.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.model.loaded.connect(self._show_count)
        self.model.counted.connect(self._show_matches)
        ctx.runner.changed.connect(self._on_changed)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.count_label)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for combo in (self.ward, self.ftype, self.sector, self.status):
            filters.addWidget(combo, 1)
        filters.addWidget(self.uninformed)
        filters.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._first_load_done:
            # The first id list (200,000 rows) is read after the window has painted, so the
            # worker does not compete with the first paint for the interpreter.
            self._first_load_done = True
            QTimer.singleShot(0, self, lambda: self.table.setSortingEnabled(True))  # sorts: the first load

    def _combo(self, name: str, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(everything)
        combo.addItem(everything, None)
        for key, label in items:
            combo.addItem(label, key)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.currentIndexChanged.connect(lambda _: self._apply_filters())
        return combo

    def _apply_filters(self) -> None:
        self.model.set_filter(
            FacilityFilter(
                ward_code=self.ward.currentData(),
                facility_type=self.ftype.currentData(),
                sector_code=self.sector.currentData(),
                status=self.status.currentData(),
                uninformed=self.uninformed.isChecked(),
            )
        )

    def _show_count(self, shown: int) -> None:
        if self.model.search_text.strip() or shown != self.model.total:
            self.count_label.setText(
                self.tr("{shown} / {total} cơ sở").format(shown=group(shown), total=group(self.model.total))
            )
        else:
            self.count_label.setText(self.tr("{total} cơ sở").format(total=group(self.model.total)))

    def _show_matches(self, count: int) -> None:
        """A broad search: how many match now; the list follows when typing pauses."""
        self.count_label.setText(
            self.tr("{count} / {total} cơ sở khớp · danh sách cập nhật khi ngừng gõ").format(
                count=group(count), total=group(self.model.total)
            )
        )

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "facility" in tables:
            self.model.invalidate()
        elif "sync_state" in tables:
            self.model.refresh_badges()

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_requested.emit(self.model.facility_id(index.row()))

    def refresh(self) -> None:
        self.model.invalidate()

    def new_record(self) -> None:
        self.open_requested.emit(None)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
