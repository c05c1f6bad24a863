"""The facility fields, laid out in groups, bound to a FacilityForm: every keystroke goes
into the form, and each field shows its own message underneath."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from kcdesk.domain.validation import FACILITY_LABELS
from kcdesk.domain.vnformat import group
from kcdesk.domain.vocab import FACILITY_STATUSES, FACILITY_TYPES
from kcdesk.text import vi_sort_key
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import choices, vocab
from kcdesk.ui.logic.facility_form import BOOL_FIELDS, FacilityForm
from kcdesk.ui.widgets.field_box import FieldBox
from kcdesk.ui.widgets.unit_picker import UnitPicker

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Thông tin chung",
        ("name", "facility_type", "tax_code", "business_reg_no", "reg_date", "status", "sector_code", "main_products"),
    ),
    ("Người đại diện và liên hệ", ("representative", "representative_title", "phone", "email")),
    ("Địa chỉ", ("province_code", "ward_code", "village", "street", "legacy_address", "latitude", "longitude")),
    ("Quy mô", ("labour_total", "labour_insured", "total_capital", "revenue_prev_year", "local_raw_material_pct")),
)
# Notice at collection (Luật Bảo vệ dữ liệu cá nhân 2025): when and by whom the person was
# told what is recorded and why; the register lists facilities without it.
NOTICE_FIELDS = ("informed_on", "informed_by")
DATE_FIELDS = frozenset({"reg_date", "informed_on"})
REQUIRED = frozenset({"name", "facility_type", "province_code", "ward_code"})
AMOUNT_FIELDS = frozenset({"labour_total", "labour_insured", "total_capital", "revenue_prev_year"})
FLAG_LABELS = {
    "has_export_contract": "Có hợp đồng xuất khẩu",
    "in_supporting_industry_list": "Thuộc danh mục công nghiệp hỗ trợ",
    "cleaner_production": "Áp dụng sản xuất sạch hơn",
    "typical_product": "Có sản phẩm CNNT tiêu biểu",
}


class FacilityFormWidget(QWidget):
    edited = Signal()

    def __init__(self, ctx: AppContext, form: FacilityForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = form
        self.boxes: dict[str, FieldBox] = {}
        self.touched: set[str] = set()
        self.show_all = False
        self._loading = False
        self.legacy_label: QWidget | None = None
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        positions = ((0, 0), (1, 0), (0, 1), (1, 1))
        for (title, fields), (row, col) in zip(GROUPS, positions, strict=True):
            grid.addWidget(self._group(title, fields), row, col)
        flags = QGroupBox(vocab("Đặc điểm"))
        flags_layout = QGridLayout(flags)
        self.flags: dict[str, QCheckBox] = {}
        for i, key in enumerate(BOOL_FIELDS):
            box = QCheckBox(vocab(FLAG_LABELS[key]))
            box.setObjectName(key)
            box.toggled.connect(lambda checked, k=key: self._changed(k, checked))
            flags_layout.addWidget(box, i // 2, i % 2)
            self.flags[key] = box
        grid.addWidget(flags, 2, 0, 1, 2)
        note = QPlainTextEdit()
        note.setFixedHeight(60)
        note.textChanged.connect(lambda: self._changed("note", note.toPlainText()))
        self.note = note
        note_group = QGroupBox(vocab(FACILITY_LABELS["note"]))
        QFormLayout(note_group).addRow(FieldBox(note, "note"))
        grid.addWidget(note_group, 3, 0, 1, 2)
        grid.addWidget(self._notice_group(), 4, 0, 1, 2)
        self.load()

    # -- building -------------------------------------------------------------------------

    def _group(self, title: str, fields: tuple[str, ...]) -> QGroupBox:
        group_box = QGroupBox(vocab(title))
        layout = QFormLayout(group_box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in fields:
            editor = self._editor(field)
            box = FieldBox(editor, field)
            self.boxes[field] = box
            label = vocab(FACILITY_LABELS[field]) + (" *" if field in REQUIRED else "")
            editor.setAccessibleName(vocab(FACILITY_LABELS[field]))
            layout.addRow(label, box)
            if field == "legacy_address":
                self.legacy_label = layout.labelForField(box)
        return group_box

    def _notice_group(self) -> QGroupBox:
        notice = QGroupBox(vocab("Thông báo xử lý dữ liệu cá nhân"))
        notice.setObjectName("noticeGroup")
        layout = QHBoxLayout(notice)
        explain = QLabel(
            self.tr("Ghi ngày và người đã thông báo cho chủ cơ sở về việc thu thập, xử lý dữ liệu cá nhân của họ.")
        )
        explain.setWordWrap(True)
        explain.setObjectName("sectionNote")
        form = QFormLayout()
        for field in NOTICE_FIELDS:
            editor = self._editor(field)
            self.boxes[field] = FieldBox(editor, field)
            editor.setAccessibleName(vocab(FACILITY_LABELS[field]))
            form.addRow(vocab(FACILITY_LABELS[field]), self.boxes[field])
        self.informed_today = QPushButton(self.tr("Tôi vừa thông báo hôm nay"))
        self.informed_today.setObjectName("informedTodayButton")
        self.informed_today.clicked.connect(self.informed_now)
        layout.addWidget(explain, 2)
        layout.addLayout(form, 3)
        layout.addWidget(self.informed_today)
        return notice

    def informed_now(self) -> None:
        """Today's date and the signed-in officer's name: the usual case, in one click."""
        user = self.ctx.user
        for field, value in (
            ("informed_on", date.today().strftime("%d/%m/%Y")),
            ("informed_by", user.full_name if user else ""),
        ):
            editor = self.boxes[field].editor
            assert isinstance(editor, QLineEdit)
            editor.setText(value)
            self._changed(field, value)

    def _editor(self, field: str) -> QWidget:
        if field in ("facility_type", "status", "sector_code"):
            combo = QComboBox()
            items = {
                "facility_type": choices(FACILITY_TYPES),
                "status": choices(FACILITY_STATUSES),
                "sector_code": [(k, vocab(v)) for k, v in sorted(self.ctx.units.sectors.items())],
            }[field]
            if field != "status":
                combo.addItem(self.tr("— Chọn —"), None)
            for key, label in items:
                combo.addItem(label, key)
            combo.currentIndexChanged.connect(lambda _, f=field, c=combo: self._changed(f, c.currentData()))
            return combo
        if field == "province_code":
            picker = UnitPicker(placeholder=self.tr("Gõ tên tỉnh/thành phố, có dấu hoặc không"))
            picker.set_units(sorted(self.ctx.units.provinces.items(), key=lambda x: vi_sort_key(x[1])))
            picker.code_changed.connect(self._province_chosen)
            return picker
        if field == "ward_code":
            picker = UnitPicker(placeholder=self.tr("Gõ tên xã/phường, ví dụ: hai chau"))
            picker.code_changed.connect(lambda code: self._changed("ward_code", code))
            return picker
        edit = QLineEdit()
        if field == "legacy_address":
            edit.setReadOnly(True)
            edit.setToolTip(self.tr("Địa chỉ theo đơn vị hành chính trước ngày 01/7/2025; giữ nguyên, không sửa."))
            return edit
        placeholders = {
            "tax_code": "0401234567 · 0401234567-001",
            "phone": "0905 123 456",
            "reg_date": "dd/mm/yyyy",
            "informed_on": "dd/mm/yyyy",
            "email": "ten@mien.vn",
            "latitude": "16.054400",
            "longitude": "108.202200",
        }
        if field in placeholders:
            edit.setPlaceholderText(placeholders[field])
        edit.textEdited.connect(lambda text, f=field: self._changed(f, text))
        if field in AMOUNT_FIELDS:
            edit.editingFinished.connect(lambda e=edit: self._group_digits(e))
        return edit

    # -- values ---------------------------------------------------------------------------

    def load(self) -> None:
        """Show the form's values in the widgets (without marking anything as typed)."""
        self._loading = True
        try:
            for field, box in self.boxes.items():
                value = self.form.legacy.get(field) if field == "legacy_address" else self.form.values.get(field)
                self._show(box.editor, field, value)
            for key, flag in self.flags.items():
                flag.setChecked(bool(self.form.values.get(key)))
            self.note.setPlainText(self.form.values.get("note") or "")
            legacy = bool(self.form.legacy.get("legacy_address"))
            self.boxes["legacy_address"].setVisible(legacy)
            if self.legacy_label is not None:
                self.legacy_label.setVisible(legacy)
        finally:
            self._loading = False
        self.validate()

    def _show(self, editor: QWidget, field: str, value: Any) -> None:
        if isinstance(editor, UnitPicker):
            if field == "province_code":
                editor.set_code(value)
                self._fill_wards(value)
            else:
                editor.set_code(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            if value is None:
                editor.setText("")
            elif field in AMOUNT_FIELDS and str(value).isdigit():
                editor.setText(group(int(value)))
            elif field in DATE_FIELDS:
                editor.setText(_day_text(value))
            else:
                editor.setText(str(value))

    def _changed(self, field: str, value: Any) -> None:
        if self._loading:
            return
        self.form.set_value(field, value)
        self.touched.add(field)
        self.validate()
        self.edited.emit()

    def _province_chosen(self, code: str | None) -> None:
        self._fill_wards(code)
        self._changed("province_code", code)

    def _fill_wards(self, province: str | None) -> None:
        ward_picker = self.boxes["ward_code"].editor
        assert isinstance(ward_picker, UnitPicker)
        ward_picker.set_units(self.ctx.province_wards(province) if province else [])

    def _group_digits(self, edit: QLineEdit) -> None:
        digits = edit.text().replace(".", "").replace(" ", "")
        if digits.isdigit():
            edit.setText(group(int(digits)))

    def validate(self) -> dict[str, str]:
        problems = self.form.problems(self.ctx.lang)
        for field, box in self.boxes.items():
            shown = self.show_all or field in self.touched
            box.set_error(problems.get(field) if shown else None)
        return problems

    def reveal_all(self) -> dict[str, str]:
        """After a save attempt: every message shows, and the first bad field gets the focus."""
        self.show_all = True
        problems = self.validate()
        for _title, fields in (*GROUPS, ("", NOTICE_FIELDS)):
            for field in fields:
                if field in problems:
                    self.boxes[field].editor.setFocus()
                    return problems
        return problems

    def show_errors(self, messages: dict[str, str]) -> None:
        for field, text in messages.items():
            if field in self.boxes:
                self.boxes[field].set_error(text)

    def set_read_only(self, read_only: bool) -> None:
        for field, box in self.boxes.items():
            if field != "legacy_address":
                box.editor.setEnabled(not read_only)
        for flag in self.flags.values():
            flag.setEnabled(not read_only)
        self.informed_today.setEnabled(not read_only)
        self.note.setReadOnly(read_only)


def _day_text(value: Any) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    return str(value)
