"""The survey form (surveyForm): facility (existing or a new draft), commune, GPS typed or
read from a photo, photos, needs per activity code. Large controls, a plain tab order."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kcdesk.domain.vocab import FACILITY_TYPES
from kcdesk.services.search import search
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import choices, vocab
from kcdesk.ui.logic.facility_form import parse_day
from kcdesk.ui.logic.gps import exif_gps, format_coordinates
from kcdesk.ui.logic.survey_draft import Need, SurveyDraft
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP
from kcdesk.ui.widgets.attachments_panel import AttachmentsPanel
from kcdesk.ui.widgets.field_box import FieldBox
from kcdesk.ui.widgets.unit_picker import UnitPicker

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
PRIORITIES = (
    (1, QT_TRANSLATE_NOOP("SurveyForm", "Cao")),
    (2, QT_TRANSLATE_NOOP("SurveyForm", "Bình thường")),
    (3, QT_TRANSLATE_NOOP("SurveyForm", "Thấp")),
)


class SurveyForm(QWidget):
    edited = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("surveyForm")
        self.setAccessibleName(self.tr("Phiếu khảo sát"))
        self.facility_id: str | None = None
        self.boxes: dict[str, FieldBox] = {}
        self.survey_date = self._line("survey_date", "dd/mm/yyyy")
        self.existing = QRadioButton(self.tr("Cơ sở đã có trong danh sách"))
        self.existing.setObjectName("existingFacility")
        self.new = QRadioButton(self.tr("Cơ sở mới"))
        self.new.setObjectName("newFacility")
        group = QButtonGroup(self)
        group.addButton(self.existing)
        group.addButton(self.new)
        self.existing.setChecked(True)
        self.existing.toggled.connect(self._mode)
        self.facility_search = self._line("facility", self.tr("Gõ tên hoặc mã số thuế, có dấu hoặc không…"))
        self.matches = QListWidget()
        self.matches.setObjectName("surveyFacilityMatches")
        self.matches.setMaximumHeight(110)
        self.matches.itemActivated.connect(self._pick)
        self.matches.itemClicked.connect(self._pick)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosenFacility")
        self.new_name = self._line("new_name", self.tr("Tên cơ sở mới"))
        self.new_type = QComboBox()
        self.new_type.setObjectName("new_type")
        for k, label in choices(FACILITY_TYPES):
            self.new_type.addItem(label, k)
        self.new_type.setCurrentIndex(self.new_type.findData("hkd"))
        self.new_representative = self._line("new_representative", self.tr("Người đại diện"))
        self.new_phone = self._line("new_phone", "0905 123 456")
        self.ward = UnitPicker(placeholder=self.tr("Gõ tên xã/phường, có dấu hoặc không"))
        self.ward.setObjectName("ward_code")
        self.ward.set_units(ctx.province_wards())
        self.ward.code_changed.connect(lambda _: self.edited.emit())
        self.boxes["ward_code"] = FieldBox(self.ward, "survey_ward")
        self.coordinates = self._line("coordinates", "16.054400, 108.202200")
        self.from_photo = QPushButton(self.tr("Lấy tọa độ từ ảnh"))
        self.from_photo.setObjectName("gpsFromPhoto")
        self.from_photo.clicked.connect(self.read_gps_from_photos)
        self.needs = QListWidget()
        self.needs.setObjectName("needList")
        self.needs.setAccessibleName(self.tr("Nhu cầu hỗ trợ"))
        self.needs.itemChanged.connect(lambda _: self.edited.emit())
        self.boxes["needs"] = FieldBox(self.needs, "survey_needs")
        self.priority = QComboBox()
        for value, label in PRIORITIES:
            self.priority.addItem(self.tr(label), value)
        self.priority.setCurrentIndex(1)
        self.note = QPlainTextEdit()
        self.note.setObjectName("surveyNote")
        self.note.setFixedHeight(60)
        self.note.textChanged.connect(self.edited.emit)
        self.photos = AttachmentsPanel(ctx, "survey", "photo")
        self.photos.setObjectName("surveyPhotos")
        self.photos.changed.connect(self.edited.emit)

        facility = QGroupBox(self.tr("1. Cơ sở được khảo sát"))
        f_layout = QVBoxLayout(facility)
        modes = QHBoxLayout()
        modes.addWidget(self.existing)
        modes.addWidget(self.new)
        modes.addStretch(1)
        f_layout.addLayout(modes)
        self.existing_box = QWidget()
        e_layout = QVBoxLayout(self.existing_box)
        e_layout.setContentsMargins(0, 0, 0, 0)
        e_layout.addWidget(self.boxes["facility"])
        e_layout.addWidget(self.matches)
        e_layout.addWidget(self.chosen)
        self.new_box = QWidget()
        n_form = QFormLayout(self.new_box)
        n_form.setContentsMargins(0, 0, 0, 0)
        n_form.addRow(self.tr("Tên cơ sở"), self.boxes["new_name"])
        n_form.addRow(self.tr("Loại hình"), self.new_type)
        n_form.addRow(self.tr("Người đại diện"), self.boxes["new_representative"])
        n_form.addRow(self.tr("Điện thoại"), self.boxes["new_phone"])
        f_layout.addWidget(self.existing_box)
        f_layout.addWidget(self.new_box)
        place = QGroupBox(self.tr("2. Ngày, địa bàn và tọa độ"))
        p_form = QFormLayout(place)
        p_form.addRow(self.tr("Ngày khảo sát"), self.boxes["survey_date"])
        p_form.addRow(self.tr("Xã/Phường/Đặc khu"), self.boxes["ward_code"])
        p_form.addRow(self.tr("Tọa độ GPS"), self.boxes["coordinates"])
        p_form.addRow("", self.from_photo)
        needs = QGroupBox(self.tr("3. Nhu cầu hỗ trợ theo nội dung khuyến công"))
        n_layout = QVBoxLayout(needs)
        prio_row = QHBoxLayout()
        prio_row.addWidget(QLabel(self.tr("Mức ưu tiên cho nhu cầu được chọn:")))
        prio_row.addWidget(self.priority)
        prio_row.addStretch(1)
        n_layout.addWidget(self.boxes["needs"], 1)
        n_layout.addLayout(prio_row)
        n_layout.addWidget(QLabel(self.tr("Ghi chú")))
        n_layout.addWidget(self.note)
        photos = QGroupBox(self.tr("4. Ảnh chụp tại cơ sở"))
        QVBoxLayout(photos).addWidget(self.photos)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(facility, 0, 0)
        grid.addWidget(place, 1, 0)
        grid.addWidget(needs, 0, 1, 2, 1)
        grid.addWidget(photos, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self._search)
        self.facility_search.textEdited.connect(lambda _: self._timer.start())
        self._token = 0
        self._mode()

    searched = Signal(int)

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(30)  # easy to hit on a touchpad
        edit.textEdited.connect(lambda _: self.edited.emit())
        self.boxes[key] = FieldBox(edit, f"survey_{key}")
        return edit

    def set_activities(self, items: list[tuple[str, str]]) -> None:
        self.needs.blockSignals(True)
        self.needs.clear()
        for code, name in items:
            if "." not in code:  # needs are named by sub-item (KC3.3), the parent is a heading
                continue
            name = vocab(name)  # the label as shown, in the window's language
            item = QListWidgetItem(f"{code} – {name}")
            item.setData(CODE_ROLE, code)
            item.setToolTip(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.needs.addItem(item)
        self.needs.blockSignals(False)

    def _mode(self) -> None:
        existing = self.existing.isChecked()
        self.existing_box.setVisible(existing)
        self.new_box.setVisible(not existing)
        if not existing:
            self.facility_id = None
        self.edited.emit()

    def _search(self) -> None:
        self._token += 1
        token, text = self._token, self.facility_search.text()
        self.ctx.runner.read(
            lambda s: search(s, text, kinds=("facility",), limit=20),
            lambda hits: self._show(token, hits),
            label=self.tr("Tìm cơ sở"),
        )

    def _show(self, token: int, hits: list[Any]) -> None:
        if token != self._token:
            return
        self.matches.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.title} — {hit.detail}")
            item.setData(CODE_ROLE, (hit.id, hit.title))
            self.matches.addItem(item)
        self.searched.emit(len(hits))

    def _pick(self, item: QListWidgetItem) -> None:
        self.facility_id, name = item.data(CODE_ROLE)
        self.chosen.setText(self.tr("Đã chọn: {name}").format(name=name))
        self.edited.emit()

    def choose_facility(self, facility_id: str, name: str) -> None:
        self.existing.setChecked(True)
        self.facility_id = facility_id
        self.chosen.setText(self.tr("Đã chọn: {name}").format(name=name))

    def read_gps_from_photos(self) -> None:
        for entry_path, _label, _id in self.photos.entries():
            coords = exif_gps(Path(entry_path))
            if coords:
                self.coordinates.setText(format_coordinates(*coords))
                self.boxes["coordinates"].set_error(None)
                self.edited.emit()
                return
        self.boxes["coordinates"].set_error(self.tr("Không ảnh nào có tọa độ GPS; hãy gõ tọa độ."))

    def check_need(self, code: str, checked: bool = True) -> None:
        for i in range(self.needs.count()):
            item = self.needs.item(i)
            if item.data(CODE_ROLE) == code:
                item.setData(Qt.ItemDataRole.UserRole + 2, self.priority.currentData())
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # -- the draft ------------------------------------------------------------------------

    def draft(self) -> SurveyDraft:
        on = parse_day(self.survey_date.text())
        needs = []
        for i in range(self.needs.count()):
            item = self.needs.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                prio = item.data(Qt.ItemDataRole.UserRole + 2) or self.priority.currentData()
                needs.append(Need(item.data(CODE_ROLE), int(prio)))
        return SurveyDraft(
            survey_date=on if isinstance(on, date) else date.today(),
            facility_id=self.facility_id if self.existing.isChecked() else None,
            new_name=self.new_name.text(),
            new_type=self.new_type.currentData(),
            new_representative=self.new_representative.text(),
            new_phone=self.new_phone.text(),
            ward_code=self.ward.code(),
            coordinates=self.coordinates.text(),
            note=self.note.toPlainText(),
            needs=needs,
        )

    def load(self, draft: SurveyDraft, facility_name: str = "") -> None:
        self.survey_date.setText(draft.survey_date.strftime("%d/%m/%Y"))
        if draft.facility_id:
            self.choose_facility(draft.facility_id, facility_name)
        else:
            self.new.setChecked(bool(draft.new_name))
            self.facility_id = None
            self.chosen.setText("")
        self.new_name.setText(draft.new_name)
        self.new_type.setCurrentIndex(max(0, self.new_type.findData(draft.new_type)))
        self.new_representative.setText(draft.new_representative)
        self.new_phone.setText(draft.new_phone)
        self.ward.set_code(draft.ward_code)
        self.coordinates.setText(draft.coordinates)
        self.note.setPlainText(draft.note)
        wanted = {n.activity_code: n.priority for n in draft.needs}
        self.needs.blockSignals(True)
        for i in range(self.needs.count()):
            item = self.needs.item(i)
            code = item.data(CODE_ROLE)
            item.setCheckState(Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole + 2, wanted.get(code))
        self.needs.blockSignals(False)
        self.facility_search.clear()
        self.matches.clear()

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, box in self.boxes.items():
            box.set_error(problems.get(key))

    def set_read_only(self, read_only: bool) -> None:
        for line in (
            self.survey_date,
            self.facility_search,
            self.new_name,
            self.new_representative,
            self.new_phone,
            self.coordinates,
        ):
            line.setReadOnly(read_only)
        for w in (
            self.existing,
            self.new,
            self.new_type,
            self.ward,
            self.needs,
            self.priority,
            self.from_photo,
            self.matches,
        ):
            w.setEnabled(not read_only)
        self.note.setReadOnly(read_only)
        self.photos.set_read_only(read_only)
