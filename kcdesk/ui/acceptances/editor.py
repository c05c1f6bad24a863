"""The acceptance editor: header, members, checked items, amounts, conclusion, scans and
photos; "Ký và khóa" signs the record and makes it read-only. Saving and closing are the
editors' common base (kcdesk.ui.widgets.record_editor)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kcdesk.domain.vnformat import group
from kcdesk.domain.vocab import CONCLUSIONS
from kcdesk.services.acceptance_edit import load_acceptance, save_acceptance
from kcdesk.services.acceptances import sign_acceptance
from kcdesk.services.attachments import add_attachments
from kcdesk.services.documents import acceptance_record, file_part
from kcdesk.ui.acceptances.tables import RowsEditor
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import choices
from kcdesk.ui.logic.facility_form import parse_day
from kcdesk.ui.logic.proposal_view import parse_amount
from kcdesk.ui.operations.documents import DocumentButton
from kcdesk.ui.sync.badge import SyncBadge
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP
from kcdesk.ui.widgets.attachments_panel import AttachmentsPanel
from kcdesk.ui.widgets.field_box import FieldBox
from kcdesk.ui.widgets.record_editor import RecordEditor, Write

TEXT_FIELDS = (
    ("number", QT_TRANSLATE_NOOP("AcceptanceEditor", "Số biên bản")),
    ("accepted_on", QT_TRANSLATE_NOOP("AcceptanceEditor", "Ngày nghiệm thu")),
    ("place", QT_TRANSLATE_NOOP("AcceptanceEditor", "Địa điểm")),
    ("contract_number", QT_TRANSLATE_NOOP("AcceptanceEditor", "Số hợp đồng")),
)
AMOUNTS = (
    ("approved_amount", QT_TRANSLATE_NOOP("AcceptanceEditor", "Tổng kinh phí được duyệt")),
    ("approved_kc_amount", QT_TRANSLATE_NOOP("AcceptanceEditor", "Kinh phí khuyến công được duyệt")),
    ("accepted_amount", QT_TRANSLATE_NOOP("AcceptanceEditor", "Kinh phí khuyến công nghiệm thu")),
    ("counterpart_invested", QT_TRANSLATE_NOOP("AcceptanceEditor", "Vốn đối ứng thực hiện")),
)
OUTPUTS = (
    ("trainees", QT_TRANSLATE_NOOP("AcceptanceEditor", "Số học viên")),
    ("trainees_employed", QT_TRANSLATE_NOOP("AcceptanceEditor", "Học viên có việc làm")),
    ("models_built", QT_TRANSLATE_NOOP("AcceptanceEditor", "Mô hình")),
    ("machines_supplied", QT_TRANSLATE_NOOP("AcceptanceEditor", "Máy móc")),
    ("fairs", QT_TRANSLATE_NOOP("AcceptanceEditor", "Hội chợ")),
    ("brands", QT_TRANSLATE_NOOP("AcceptanceEditor", "Thương hiệu")),
)


class AcceptanceEditor(RecordEditor):
    ready = Signal()

    def __init__(
        self, ctx: AppContext, acceptance_id: str | None, proposal_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.acceptance_id, self.proposal_id = acceptance_id, proposal_id
        self.signed = False
        self.setObjectName("acceptanceEditor")
        self.setAccessibleName(self.tr("Biên bản nghiệm thu"))
        self.setWindowTitle(self.tr("Biên bản nghiệm thu"))
        self.resize(1150, 720)
        self.heading = QLabel(self.tr("Biên bản nghiệm thu mới"))
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        self.locked_banner = QLabel()
        self.locked_banner.setObjectName("lockedBanner")
        self.locked_banner.setProperty("role", "lockedBanner")
        self.locked_banner.hide()
        self.boxes: dict[str, FieldBox] = {}
        header = QGroupBox(self.tr("Thông tin biên bản"))
        form = QFormLayout(header)
        for key, label in TEXT_FIELDS:
            form.addRow(self.tr(label), self._line(key, "dd/mm/yyyy" if key == "accepted_on" else ""))
        self.conclusion = QComboBox()
        self.conclusion.setObjectName("conclusion")
        self.conclusion.addItem(self.tr("— Chọn —"), None)
        for k, label in choices(CONCLUSIONS):
            self.conclusion.addItem(label, k)
        self.conclusion.currentIndexChanged.connect(lambda _: self._edited())
        self.boxes["conclusion"] = FieldBox(self.conclusion, "conclusion_box")
        form.addRow(self.tr("Kết luận"), self.boxes["conclusion"])
        money = QGroupBox(self.tr("Kinh phí (đồng)"))
        money_form = QFormLayout(money)
        for key, label in AMOUNTS:
            money_form.addRow(self.tr(label), self._line(key))
        outputs = QGroupBox(self.tr("Kết quả đạt được"))
        out_grid = QGridLayout(outputs)
        for i, (key, label) in enumerate(OUTPUTS):
            out_grid.addWidget(QLabel(self.tr(label)), i // 3, (i % 3) * 2)
            out_grid.addWidget(self._line(key), i // 3, (i % 3) * 2 + 1)
        self.basis = self._text("basis")
        self.assessment = self._text("assessment")
        self.requests = self._text("requests")
        general = QWidget()
        grid = QGridLayout(general)
        grid.addWidget(header, 0, 0)
        grid.addWidget(money, 0, 1)
        grid.addWidget(outputs, 1, 0, 1, 2)
        texts = QGroupBox(self.tr("Căn cứ, đánh giá và kiến nghị"))
        texts_form = QFormLayout(texts)
        texts_form.addRow(self.tr("Căn cứ"), self.basis)
        texts_form.addRow(self.tr("Đánh giá"), self.assessment)
        texts_form.addRow(self.tr("Kiến nghị"), self.requests)
        grid.addWidget(texts, 2, 0, 1, 2)
        self.members = RowsEditor(
            "memberTable",
            [
                ("full_name", self.tr("Họ và tên"), "text"),
                ("position", self.tr("Chức vụ"), "text"),
                ("organisation", self.tr("Cơ quan"), "text"),
                ("role", self.tr("Vai trò"), "role"),
            ],
        )
        self.items = RowsEditor(
            "itemTable",
            [
                ("content", self.tr("Nội dung kiểm tra"), "text"),
                ("planned", self.tr("Theo kế hoạch"), "text"),
                ("actual", self.tr("Thực tế"), "text"),
                ("passed", self.tr("Đạt"), "check"),
                ("note", self.tr("Ghi chú"), "text"),
            ],
        )
        for w in (self.members, self.items):
            w.edited.connect(self._edited)
        self.attachments = AttachmentsPanel(ctx, "acceptance", "scan_bien_ban")
        self.attachments.changed.connect(self._edited)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("Biên bản"))
        self.tabs.addTab(self.members, self.tr("Thành phần"))
        self.tabs.addTab(self.items, self.tr("Nội dung kiểm tra"))
        self.tabs.addTab(self.attachments, self.tr("Bản quét và ảnh"))
        self.state_label = QLabel()
        self.state_label.setObjectName("sectionNote")
        self.sign_button = QPushButton(self.tr("Ký và khóa"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.setToolTip(self.tr("Ký biên bản; sau khi ký không sửa được nữa"))
        self.sign_button.clicked.connect(self.ask_sign)
        self.save_button = QPushButton(self.tr("Lưu"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Lưu biên bản"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(close)
        bottom.addWidget(self.sign_button)
        bottom.addWidget(self.save_button)
        self.sync_badge = SyncBadge(ctx, "acceptance")
        self.document = DocumentButton(ctx, self.tr("In biên bản…"))
        self.document.setObjectName("acceptanceDocumentButton")
        store = ctx.store
        for key, label in (("pdf", self.tr("Biên bản nghiệm thu (PDF)…")), ("xlsx", self.tr("Bảng số liệu (Excel)…"))):
            self.document.add_format(
                key,
                label,
                lambda out: partial(acceptance_record, store, str(self.acceptance_id), out),
                partial(self._document_name, key),
            )
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.sync_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.document, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.locked_banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        if acceptance_id:
            self._reload()
        else:
            self.boxes["accepted_on"].editor.setText(date.today().strftime("%d/%m/%Y"))  # type: ignore[attr-defined]
            self.mark_clean()
            self.ready.emit()

    # -- building ------------------------------------------------------------------------

    def _document_name(self, extension: str) -> str:
        """The file name the save dialog suggests: the record's number."""
        return f"bien-ban-{file_part(self.boxes['number'].editor.text())}.{extension}"  # type: ignore[attr-defined]

    def _line(self, key: str, placeholder: str = "") -> FieldBox:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _: self._edited())
        box = FieldBox(edit, key)
        self.boxes[key] = box
        return box

    def _text(self, key: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(key)
        edit.setFixedHeight(54)
        edit.textChanged.connect(self._edited)
        return edit

    # -- loading --------------------------------------------------------------------------

    def _reload(self) -> None:
        aid = self.acceptance_id
        assert aid is not None
        self.ctx.runner.read(lambda s: load_acceptance(s, aid), self._loaded, label=self.tr("Đọc biên bản"))

    def _loaded(self, data: dict[str, Any]) -> None:
        self.proposal_id = data["proposal_id"]
        self.heading.setText(
            self.tr("Biên bản {number} · {code} · {title}").format(
                number=data["number"] or "", code=data["proposal_code"], title=data["proposal_title"]
            )
        )
        for key, box in self.boxes.items():
            if key == "conclusion":
                continue
            value = data.get(key)
            edit = box.editor
            assert isinstance(edit, QLineEdit)
            if isinstance(value, date):
                edit.setText(value.strftime("%d/%m/%Y"))
            elif isinstance(value, int) and key in dict(AMOUNTS):
                edit.setText(group(value))
            else:
                edit.setText("" if value is None else str(value))
        self.conclusion.setCurrentIndex(max(0, self.conclusion.findData(data.get("conclusion"))))
        for key in ("basis", "assessment", "requests"):
            getattr(self, key).setPlainText(data.get(key) or "")
        self.members.set_rows(data["members"])
        self.items.set_rows(data["items"])
        self.attachments.set_owner(data["id"])
        self.sync_badge.set_record(data["id"])
        self.signed = data["signed_at"] is not None
        if self.signed:
            when = data["signed_at"].astimezone().strftime("%d/%m/%Y %H:%M")
            self.locked_banner.setText(
                self.tr("Đã ký và khóa lúc {when} bởi {who}. Biên bản chỉ để xem.").format(
                    when=when, who=data.get("signed_by_name") or ""
                )
            )
        self.locked_banner.setVisible(self.signed)
        self.set_read_only(self.signed)
        self.mark_clean()
        self.ready.emit()

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            editor = box.editor
            if isinstance(editor, QLineEdit):
                editor.setReadOnly(read_only)
            else:
                editor.setEnabled(not read_only)
        for w in (self.basis, self.assessment, self.requests):
            w.setReadOnly(read_only)
        self.members.set_read_only(read_only)
        self.items.set_read_only(read_only)
        self.attachments.set_read_only(read_only)

    @property
    def read_only(self) -> bool:
        return self.signed

    # -- saving and signing ----------------------------------------------------------------

    def _edited(self) -> None:
        self.update_state()

    def snapshot(self) -> Any:
        return self.values(), self.members.rows(), self.items.rows(), [f.path for f in self.attachments.pending]

    def editable(self) -> bool:
        return not self.signed

    def update_state(self) -> None:
        unsaved = self.unsaved
        self.document.setEnabled(self.acceptance_id is not None and not unsaved and not self.busy)
        self.save_button.setEnabled(not self.signed and not self.busy and (unsaved or self.acceptance_id is None))
        self.sign_button.setEnabled(
            not self.signed and not self.busy and not unsaved and self.acceptance_id is not None
        )
        self.state_label.setText(
            self.tr("Đã ký")
            if self.signed
            else self.tr("Đang lưu…")
            if self.busy
            else self.tr("Có thay đổi chưa lưu")
            if unsaved
            else ""
        )

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for key, box in self.boxes.items():
            if key == "conclusion":
                continue
            text = box.editor.text()  # type: ignore[attr-defined]
            if key == "accepted_on":
                parsed = parse_day(text)
                if parsed is None or isinstance(parsed, str):
                    problems[key] = self.tr("Hãy nhập ngày nghiệm thu dạng ngày/tháng/năm.")
                values[key] = parsed
            elif key in dict(AMOUNTS) or key in dict(OUTPUTS):
                amount = parse_amount(text)
                if amount is None:
                    problems[key] = self.tr("Chỉ gồm chữ số, ví dụ 150.000.000.")
                values[key] = amount if key in dict(AMOUNTS) else (amount or None)
            else:
                values[key] = text
        values["conclusion"] = self.conclusion.currentData()
        for key in ("basis", "assessment", "requests"):
            values[key] = getattr(self, key).toPlainText()
        return values, problems

    def prepare_save(self) -> Write | None:
        values, problems = self.values()
        for key, box in self.boxes.items():
            box.set_error(problems.get(key))
        if problems:
            self.state_label.setText(self.tr("Chưa lưu: dữ liệu chưa hợp lệ"))
            self.tabs.setCurrentIndex(0)
            return None
        aid, pid = self.acceptance_id, self.proposal_id
        members, items = self.members.rows(), self.items.rows()
        files, files_dir = self.attachments.take_pending(), self.ctx.store.files_dir
        assert pid is not None

        def write(s: Any) -> str:
            new_id = save_acceptance(s, aid, pid, values, members, items)
            add_attachments(s, files_dir, "acceptance", new_id, files)
            return new_id

        def give_back() -> None:  # nothing was written: the chosen files stay chosen
            self.attachments.pending = files + self.attachments.pending

        return Write(write, {"acceptance", "attachment"}, self.tr("Lưu biên bản"), give_back)

    def after_save(self, acceptance_id: str) -> None:
        self.acceptance_id = acceptance_id
        self._reload()

    def show_field_errors(self, messages: dict[str, str]) -> None:
        for key, box in self.boxes.items():
            box.set_error(messages.get(key))
        self.state_label.setText("; ".join(messages.values()))

    def ask_sign(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Ký và khóa biên bản"),
            self.tr("Sau khi ký, biên bản không sửa được nữa. Ký biên bản này?"),
            parent=self,
        )
        yes = box.addButton(self.tr("Ký và khóa"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Hủy"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is yes:
            self.sign()

    def sign(self) -> Any:
        if self.acceptance_id is None or self.unsaved or self.signed:
            return None
        aid, uid = self.acceptance_id, self.ctx.user_id
        self._set_busy(True)
        return self.ctx.runner.write(
            lambda s: sign_acceptance(s, aid, uid),
            lambda _: self._signed(),
            on_error=self._sign_refused,
            label=self.tr("Ký biên bản"),
            changes={"acceptance"},
        )

    def _signed(self) -> None:
        self._set_busy(False)
        self._reload()

    def _sign_refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self.refused(error)
