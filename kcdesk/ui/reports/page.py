"""Báo cáo: the periodic report (first half, second half, whole year), the plan
registration list (Mẫu 02), the register exports, the import templates and the Excel
import. The documents are kcdesk.reports and kcdesk.exchange (through
kcdesk.services.documents) on a worker thread with progress and Cancel; the file chooser
is the only thing that happens on the GUI thread. Documents about one record (acceptance
record, proposal dossier, facility profile) are in that record's editor."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kcdesk.progress import Progress
from kcdesk.services import documents
from kcdesk.ui.context import AppContext
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP

# key, label, formats (the first is the default)
KINDS = (
    ("periodic_year", QT_TRANSLATE_NOOP("ReportsPage", "Báo cáo định kỳ cả năm"), ("pdf", "xlsx")),
    ("periodic_half", QT_TRANSLATE_NOOP("ReportsPage", "Báo cáo 6 tháng đầu năm"), ("pdf", "xlsx")),
    ("periodic_half2", QT_TRANSLATE_NOOP("ReportsPage", "Báo cáo 6 tháng cuối năm"), ("pdf", "xlsx")),
    ("plan_list", QT_TRANSLATE_NOOP("ReportsPage", "Danh sách đề án đăng ký kế hoạch (Mẫu 02)"), ("pdf", "xlsx")),
    ("facilities_xlsx", QT_TRANSLATE_NOOP("ReportsPage", "Xuất sổ cơ sở CNNT ra Excel"), ("xlsx",)),
    ("proposals_xlsx", QT_TRANSLATE_NOOP("ReportsPage", "Xuất danh sách đề án ra Excel"), ("xlsx",)),
    ("template_facilities", QT_TRANSLATE_NOOP("ReportsPage", "Tệp mẫu để nhập cơ sở (Excel)"), ("xlsx",)),
    ("template_proposals", QT_TRANSLATE_NOOP("ReportsPage", "Tệp mẫu để nhập đề án (Excel)"), ("xlsx",)),
)
FORMAT_LABELS = {"pdf": "PDF", "xlsx": "Excel (.xlsx)"}


def make_report(store: Any, kind: str, year: int, out: Path, progress: Progress) -> Path:
    """Runs on a worker: reads through its own session, writes only the output file."""
    if kind == "periodic_year":
        return documents.periodic_report(store, date(year, 1, 1), date(year, 12, 31), out, progress)
    if kind == "periodic_half":
        return documents.periodic_report(store, date(year, 1, 1), date(year, 6, 30), out, progress)
    if kind == "periodic_half2":
        return documents.periodic_report(store, date(year, 7, 1), date(year, 12, 31), out, progress)
    if kind == "plan_list":
        return documents.plan_list(store, year, None, out, progress)
    if kind in ("facilities_xlsx", "proposals_xlsx"):
        return documents.export_register(store, kind.split("_")[0], out, progress)
    if kind.startswith("template_"):
        return documents.import_template(kind.split("_", 1)[1], out, progress)
    raise ValueError(kind)


class ReportsPage(QWidget):
    made = Signal(object)  # Path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reportsPage")
        title = QLabel(self.tr("Báo cáo và trao đổi dữ liệu Excel"))
        title.setObjectName("pageTitle")
        note = QLabel(
            self.tr(
                "Báo cáo được lập từ dữ liệu trên máy này theo mẫu của Thông tư 36/2013/TT-BCT và Nghị định "
                "30/2020/NĐ-CP. Việc lập báo cáo chạy nền; có thể hủy giữa chừng. Biên bản nghiệm thu, thuyết "
                "minh đề án và phiếu thông tin cơ sở được in từ cửa sổ của từng hồ sơ."
            )
        )
        note.setObjectName("sectionNote")
        note.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for key, label, _formats in KINDS:
            self.kind.addItem(self.tr(label), key)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.format = QComboBox()
        self.format.setObjectName("reportFormat")
        self.year = QSpinBox()
        self.year.setObjectName("reportYear")
        self.year.setRange(2015, 2100)
        self.year.setValue(date.today().year)
        self.make_button = QPushButton(self.tr("Lập báo cáo…"))
        self.make_button.setObjectName("makeReportButton")
        self.make_button.setProperty("primary", True)
        self.make_button.clicked.connect(self._choose_file)
        self.result = QLabel()
        self.result.setObjectName("reportResult")
        self.result.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Mở tệp"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last))))
        self.last: Path | None = None
        box = QGroupBox(self.tr("Lập báo cáo, xuất dữ liệu"))
        box.setMaximumWidth(780)
        form = QFormLayout(box)
        form.addRow(self.tr("Loại"), self.kind)
        form.addRow(self.tr("Định dạng"), self.format)
        form.addRow(self.tr("Năm"), self.year)
        self.settings_button = QPushButton(self.tr("Thông tin cơ quan và nơi nhận…"))
        self.settings_button.setObjectName("documentSettingsButton")
        self.settings_button.clicked.connect(self.open_document_settings)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.settings_button)
        form.addRow("", buttons)
        form.addRow("", self.result)

        exchange = QGroupBox(self.tr("Nhập từ Excel"))
        exchange.setMaximumWidth(780)
        ex_layout = QVBoxLayout(exchange)
        ex_note = QLabel(
            self.tr(
                "Tải tệp mẫu ở trên, điền rồi nhập. Tệp được kiểm tra trước: mọi lỗi được liệt kê theo dòng và cột; "
                "mặc định có lỗi thì không nhập dòng nào."
            )
        )
        ex_note.setObjectName("sectionNote")
        ex_note.setWordWrap(True)
        ex_buttons = QHBoxLayout()
        self.import_facilities_button = QPushButton(self.tr("Nhập cơ sở CNNT…"))
        self.import_facilities_button.setObjectName("importFacilitiesButton")
        self.import_facilities_button.clicked.connect(lambda: self.open_import("facilities"))
        self.import_proposals_button = QPushButton(self.tr("Nhập đề án…"))
        self.import_proposals_button.setObjectName("importProposalsButton")
        self.import_proposals_button.clicked.connect(lambda: self.open_import("proposals"))
        ex_buttons.addWidget(self.import_facilities_button)
        ex_buttons.addWidget(self.import_proposals_button)
        ex_buttons.addStretch(1)
        ex_layout.addWidget(ex_note)
        ex_layout.addLayout(ex_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(box)
        layout.addWidget(exchange)
        layout.addStretch(1)
        self._kind_changed()

    def _kind_changed(self) -> None:
        key = self.kind.currentData()
        formats = next(k[2] for k in KINDS if k[0] == key)
        self.format.clear()
        for fmt in formats:
            self.format.addItem(FORMAT_LABELS[fmt], fmt)
        self.year.setEnabled(key.startswith(("periodic", "plan")))

    def _choose_file(self) -> None:
        key, ext = self.kind.currentData(), self.format.currentData()
        folder = Path(self.ctx.settings.get("last_export_dir") or Path.home())
        year = f"-{self.year.value()}" if self.year.isEnabled() else ""
        suggested = folder / f"kcdesk-{key.replace('_', '-')}{year}.{ext}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo"), str(suggested), f"*.{ext}")
        if path:
            out = Path(path)
            if out.suffix.lower() != f".{ext}":
                out = out.with_name(out.name + f".{ext}")
            self.ctx.settings.set("last_export_dir", str(out.parent))
            self.make(key, self.year.value(), out)

    def make(self, kind: str, year: int, out: Path) -> Any:
        store = self.ctx.store
        self.make_button.setEnabled(False)
        self.result.setText(self.tr("Đang lập báo cáo…"))
        return self.ctx.runner.run(
            lambda progress: make_report(store, kind, year, out, progress),
            self._made,
            on_error=self._failed,
            label=self.tr("Lập báo cáo"),
        )

    def _made(self, path: Path) -> None:
        self.last = Path(path)
        self.make_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.result.setText(self.tr("Đã lưu: {path}").format(path=path))
        self.made.emit(self.last)

    def _failed(self, error: BaseException) -> None:
        from kcdesk.errors import KcError

        self.make_button.setEnabled(True)
        if isinstance(error, KcError):
            self.result.setText(error.text(self.ctx.lang))
        else:
            raise error

    def refresh(self) -> None:
        """Nothing read ahead: each document reads the data when it is made (kcdesk.ui.page.Page)."""

    def new_record(self) -> None:
        """No record to start here (kcdesk.ui.page.Page)."""

    def open_document_settings(self) -> Any:
        from kcdesk.ui.reports.document_settings_dialog import DocumentSettingsDialog

        dialog = DocumentSettingsDialog(self.ctx, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_import(self, kind: str) -> Any:
        from kcdesk.ui.reports.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, kind, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
