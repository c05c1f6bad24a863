"""The proposal's own fields: general information, activities, planned outputs, content."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from kcdesk.domain.vocab import LEVELS, PROPOSAL_CLASSES
from kcdesk.services.proposals import PROPOSAL_LABELS
from kcdesk.ui.labels import choices, vocab
from kcdesk.ui.logic.facility_form import parse_day
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP
from kcdesk.ui.widgets.field_box import FieldBox

CONTENT = (
    ("need_and_basis", QT_TRANSLATE_NOOP("ProposalFields", "Sự cần thiết và căn cứ")),
    ("objectives", QT_TRANSLATE_NOOP("ProposalFields", "Mục tiêu")),
    ("scale", QT_TRANSLATE_NOOP("ProposalFields", "Quy mô")),
    ("implementation", QT_TRANSLATE_NOOP("ProposalFields", "Tổ chức thực hiện")),
    ("effectiveness", QT_TRANSLATE_NOOP("ProposalFields", "Hiệu quả dự kiến")),
)
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProposalFields(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, FieldBox] = {}
        self.title = self._line("title")
        self.level = self._combo("level", choices(LEVELS))
        self.proposal_class = self._combo("proposal_class", choices(PROPOSAL_CLASSES))
        self.plan_year = QSpinBox()
        self.plan_year.setRange(2000, 2100)
        self.plan_year.valueChanged.connect(lambda _: self.edited.emit())
        self.boxes["plan_year"] = FieldBox(self.plan_year, "plan_year")
        self.implementing_unit = self._line("implementing_unit")
        self.coordinating_units = self._line("coordinating_units")
        self.location = self._line("location")
        self.start_date = self._line("start_date", "dd/mm/yyyy")
        self.end_date = self._line("end_date", "dd/mm/yyyy")
        self.priority_area = QCheckBox(self.tr("Địa bàn ưu tiên (mức hỗ trợ cao hơn)"))
        self.priority_area.toggled.connect(lambda _: self.edited.emit())
        self.outputs = {k: self._spin(k) for k in ("planned_trainees", "planned_models", "planned_machines")}
        self.activities = QListWidget()
        self.activities.setObjectName("activityList")
        self.activities.setAccessibleName(self.tr("Nội dung hoạt động khuyến công"))
        self.activities.itemChanged.connect(lambda _: self.edited.emit())
        self.content = {k: self._text(k) for k, _ in CONTENT}

        general = QGroupBox(self.tr("Thông tin chung"))
        form = QFormLayout(general)
        for key, label in (
            ("title", PROPOSAL_LABELS["title"]),
            ("level", PROPOSAL_LABELS["level"]),
            ("proposal_class", PROPOSAL_LABELS["proposal_class"]),
            ("plan_year", PROPOSAL_LABELS["plan_year"]),
            ("implementing_unit", PROPOSAL_LABELS["implementing_unit"]),
            ("coordinating_units", "Đơn vị phối hợp"),
            ("location", "Địa điểm thực hiện"),
            ("start_date", PROPOSAL_LABELS["start_date"]),
            ("end_date", PROPOSAL_LABELS["end_date"]),
        ):
            form.addRow(
                vocab(label) + (" *" if key in ("title", "level", "implementing_unit") else ""), self.boxes[key]
            )
        form.addRow("", self.priority_area)
        outputs = QGroupBox(self.tr("Kết quả dự kiến"))
        out_form = QFormLayout(outputs)
        out_form.addRow(self.tr("Số học viên"), self.outputs["planned_trainees"])
        out_form.addRow(self.tr("Số mô hình trình diễn"), self.outputs["planned_models"])
        out_form.addRow(self.tr("Số máy móc, thiết bị"), self.outputs["planned_machines"])
        acts = QGroupBox(self.tr("Nội dung hoạt động (mã KC)"))
        QFormLayout(acts).addRow(self.activities)
        grid = QGridLayout(self)
        grid.addWidget(general, 0, 0, 2, 1)
        grid.addWidget(acts, 0, 1)
        grid.addWidget(outputs, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def content_widget(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        for key, label in CONTENT:
            form.addRow(self.tr(label), self.content[key])
        return box

    # -- building ------------------------------------------------------------------------

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _: self.edited.emit())
        self.boxes[key] = FieldBox(edit, f"proposal_{key}")
        return edit

    def _combo(self, key: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for k, label in items:
            combo.addItem(label, k)
        combo.currentIndexChanged.connect(lambda _: self.edited.emit())
        self.boxes[key] = FieldBox(combo, f"proposal_{key}")
        return combo

    def _spin(self, key: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 100_000)
        spin.setGroupSeparatorShown(True)
        spin.valueChanged.connect(lambda _: self.edited.emit())
        spin.setObjectName(key)
        return spin

    def _text(self, key: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(key)
        edit.textChanged.connect(self.edited.emit)
        return edit

    # -- values --------------------------------------------------------------------------

    def set_activity_choices(self, items: list[tuple[str, str]]) -> None:
        self.activities.blockSignals(True)
        self.activities.clear()
        for code, name in items:
            name = vocab(name)  # the label as shown, in the window's language
            item = QListWidgetItem(f"{code} – {name}")
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(name)
            self.activities.addItem(item)
        self.activities.blockSignals(False)

    def load(self, data: dict[str, Any]) -> None:
        self.blockSignals(True)
        self.title.setText(data.get("title") or "")
        self.level.setCurrentIndex(max(0, self.level.findData(data.get("level") or "KCDP")))
        self.proposal_class.setCurrentIndex(
            max(0, self.proposal_class.findData(data.get("proposal_class") or "single"))
        )
        self.plan_year.setValue(int(data.get("plan_year") or date.today().year + 1))
        for key in ("implementing_unit", "coordinating_units", "location"):
            getattr(self, key).setText(data.get(key) or "")
        for key in ("start_date", "end_date"):
            value = data.get(key)
            getattr(self, key).setText(value.strftime("%d/%m/%Y") if isinstance(value, date) else "")
        self.priority_area.setChecked(bool(data.get("priority_area")))
        for key, spin in self.outputs.items():
            spin.setValue(int(data.get(key) or 0))
        for key, edit in self.content.items():
            edit.setPlainText(data.get(key) or "")
        chosen = set(data.get("activities") or [])
        self.activities.blockSignals(True)
        for i in range(self.activities.count()):
            item = self.activities.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(CODE_ROLE) in chosen else Qt.CheckState.Unchecked)
        self.activities.blockSignals(False)
        self.blockSignals(False)

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(values, problems): dates that do not parse are problems, the rest is the core's call."""
        problems: dict[str, str] = {}
        values: dict[str, Any] = {
            "title": self.title.text(),
            "level": self.level.currentData(),
            "proposal_class": self.proposal_class.currentData(),
            "plan_year": self.plan_year.value(),
            "implementing_unit": self.implementing_unit.text(),
            "coordinating_units": self.coordinating_units.text(),
            "location": self.location.text(),
            "priority_area": self.priority_area.isChecked(),
        }
        for key in ("start_date", "end_date"):
            parsed = parse_day(getattr(self, key).text())
            if isinstance(parsed, str):
                problems[key] = self.tr("Ngày '{value}' không đúng dạng ngày/tháng/năm.").format(value=parsed)
            values[key] = parsed if not isinstance(parsed, str) else None
        for key, spin in self.outputs.items():
            values[key] = spin.value() or None
        for key, edit in self.content.items():
            values[key] = edit.toPlainText()
        return values, problems

    def activity_codes(self) -> list[str]:
        return [
            self.activities.item(i).data(CODE_ROLE)
            for i in range(self.activities.count())
            if self.activities.item(i).checkState() == Qt.CheckState.Checked
        ]

    def show_errors(self, messages: dict[str, str]) -> None:
        for key, box in self.boxes.items():
            box.set_error(messages.get(key))

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.editor.setEnabled(not read_only)
        for w in (self.priority_area, self.activities, *self.outputs.values()):
            w.setEnabled(not read_only)
        for edit in self.content.values():
            edit.setReadOnly(read_only)
