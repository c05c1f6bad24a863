"""The facility editor: fields validated as you type, the change history and the
attachments; saving and closing without losing a keystroke are the editors' common base
(kcdesk.ui.widgets.record_editor)."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kcdesk.domain.validation import FACILITY_LABELS
from kcdesk.services.access_trail import record_access
from kcdesk.services.attachments import add_attachments
from kcdesk.services.documents import facility_profile, file_part
from kcdesk.services.facilities import create_facility, facility_dict, find_facility, update_facility
from kcdesk.ui.common.history_view import HistoryView
from kcdesk.ui.context import AppContext
from kcdesk.ui.evaluations.facility_tab import FacilityEvaluations
from kcdesk.ui.facilities.form_widget import FacilityFormWidget
from kcdesk.ui.logic.facility_form import FacilityForm
from kcdesk.ui.operations.documents import DocumentButton
from kcdesk.ui.sync.badge import SyncBadge
from kcdesk.ui.widgets.attachments_panel import AttachmentsPanel
from kcdesk.ui.widgets.record_editor import RecordEditor, Write


class FacilityEditor(RecordEditor):
    ready = Signal()  # the record is loaded and shown

    def __init__(self, ctx: AppContext, facility_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("facilityEditor")
        self.setAccessibleName(self.tr("Hồ sơ cơ sở"))
        self.setWindowTitle(self.tr("Cơ sở mới") if facility_id is None else self.tr("Hồ sơ cơ sở"))
        self.resize(1180, 720)
        self.form = FacilityForm(ctx.units, province_code=ctx.province_code)
        self.fields = FacilityFormWidget(ctx, self.form)
        self.fields.edited.connect(self.update_state)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields)
        self.history = HistoryView(ctx, "facility", FACILITY_LABELS)
        self.attachments = AttachmentsPanel(ctx, "facility", "scan")
        self.attachments.changed.connect(self.update_state)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Thông tin cơ sở"))
        self.tabs.addTab(self.history, self.tr("Lịch sử thay đổi"))
        self.tabs.addTab(self.attachments, self.tr("Tệp đính kèm"))
        self.evaluations = FacilityEvaluations(ctx)
        self.tabs.addTab(self.evaluations, self.tr("Đánh giá sau hỗ trợ"))
        self.heading = QLabel(self.tr("Cơ sở mới"))
        self.heading.setObjectName("pageTitle")
        self.state_label = QLabel()
        self.state_label.setObjectName("sectionNote")
        self.save_button = QPushButton(self.tr("Lưu"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Lưu hồ sơ cơ sở"))
        self.save_button.setToolTip(self.tr("Lưu (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        self.sync_badge = SyncBadge(ctx, "facility")
        self.document = DocumentButton(ctx, self.tr("In phiếu thông tin…"))
        self.document.setObjectName("facilityDocumentButton")
        store = ctx.store
        for key, label in (
            ("pdf", self.tr("Phiếu thông tin cơ sở (PDF)…")),
            ("xlsx", self.tr("Bảng số liệu (Excel)…")),
        ):
            self.document.add_format(
                key,
                label,
                lambda out: partial(facility_profile, store, str(self.form.facility_id), out),
                partial(self._document_name, key),
            )
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.sync_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.document, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.update_state()
        if facility_id is None:
            self.ready.emit()
        else:
            self._load(facility_id)

    # -- loading --------------------------------------------------------------------------

    def _document_name(self, extension: str) -> str:
        """The file name the save dialog suggests: the facility's name."""
        return f"co-so-{file_part(self.form.values.get('name'))}.{extension}"

    def _load(self, facility_id: str) -> None:
        self.setEnabled(False)
        self.ctx.runner.read(
            lambda s: facility_dict(s, find_facility(s, facility_id)), self._loaded, label=self.tr("Đọc hồ sơ cơ sở")
        )

    def _loaded(self, data: dict[str, Any]) -> None:
        self.form = FacilityForm(self.ctx.units, data)
        self.fields.form = self.form
        self.fields.touched.clear()
        self.fields.load()
        self.heading.setText(data["name"])
        self.history.load(data["id"])
        self.attachments.set_owner(data["id"])
        self.evaluations.set_facility(data["id"])
        self.sync_badge.set_record(data["id"])
        self.setEnabled(True)
        self.mark_clean()
        self.ready.emit()
        # The profile shows the representative's personal data: opening it goes on the trail.
        fid = data["id"]
        self.ctx.runner.write(
            lambda s: record_access(s, "open", "facility", fid),
            changes={"personal_data_access"},
            label=self.tr("Ghi nhật ký truy cập"),
            show_progress=False,
        )

    # -- saving (kcdesk.ui.widgets.record_editor) -------------------------------------------

    def snapshot(self) -> Any:
        return self.form.comparable(), [f.path for f in self.attachments.pending]

    def update_state(self) -> None:
        unsaved = self.unsaved
        self.document.setEnabled(self.form.facility_id is not None and not unsaved)
        self.save_button.setEnabled(not self.busy and (unsaved or self.form.is_new))
        if self.busy:
            self.state_label.setText(self.tr("Đang lưu…"))
        elif unsaved:
            self.state_label.setText(self.tr("Có thay đổi chưa lưu"))
        elif not self.form.is_new:
            self.state_label.setText(self.tr("Đã lưu"))
        title = self.windowTitle().rstrip(" *")
        self.setWindowTitle(title + (" *" if unsaved else ""))

    def prepare_save(self) -> Write | None:
        problems = self.fields.reveal_all()
        if problems:
            self.state_label.setText(self.tr("Chưa lưu: còn {n} trường chưa hợp lệ").format(n=len(problems)))
            return None
        units, files_dir = self.ctx.units, self.ctx.store.files_dir
        files = self.attachments.take_pending()
        facility_id = self.form.facility_id
        if facility_id is None:
            payload = self.form.payload()

            def write(s: Any) -> str:
                fid = create_facility(s, payload, units=units)
                add_attachments(s, files_dir, "facility", fid, files)
                return fid
        else:
            changes = self.form.changes()

            def write(s: Any) -> str:
                update_facility(s, facility_id, changes, units=units)
                add_attachments(s, files_dir, "facility", facility_id, files)
                return facility_id

        def give_back() -> None:  # nothing was written: the chosen files stay chosen
            self.attachments.pending = files + self.attachments.pending

        return Write(write, {"facility", "attachment"}, self.tr("Lưu hồ sơ cơ sở"), give_back)

    def after_save(self, facility_id: str) -> None:
        self.form.mark_saved(facility_id)
        self.heading.setText(str(self.form.values.get("name") or ""))
        self.setWindowTitle(self.tr("Hồ sơ cơ sở"))
        self.history.load(facility_id)
        self.attachments.set_owner(facility_id)
        self.sync_badge.set_record(facility_id)

    def show_field_errors(self, messages: dict[str, str]) -> None:
        self.fields.show_errors(messages)
        self.state_label.setText(self.tr("Chưa lưu: dữ liệu chưa hợp lệ"))
