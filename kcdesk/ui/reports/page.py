"""Báo cáo: the periodic report, the plan registration list and the register exports, made
by the headless functions of kcdesk.reports and kcdesk.exchange on a worker thread with
progress and Cancel. The file chooser is the only thing that happens on the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QUrl, Signal
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
from kcdesk.ui.context import AppContext

KINDS = (
    ("periodic_year", QT_TRANSLATE_NOOP("ReportsPage", "Báo cáo định kỳ cả năm (PDF)"), "pdf"),
    ("periodic_half", QT_TRANSLATE_NOOP("ReportsPage", "Báo cáo 6 tháng đầu năm (PDF)"), "pdf"),
    ("plan_list", QT_TRANSLATE_NOOP("ReportsPage", "Danh sách đề án đăng ký kế hoạch (Mẫu 02, PDF)"), "pdf"),
    ("facilities_xlsx", QT_TRANSLATE_NOOP("ReportsPage", "Xuất danh sách cơ sở ra Excel"), "xlsx"),
    ("proposals_xlsx", QT_TRANSLATE_NOOP("ReportsPage", "Xuất danh sách đề án ra Excel"), "xlsx"),
)


def make_report(store: Any, kind: str, year: int, out: Path, progress: Progress) -> Path:
    """Runs on a worker: reads through its own session, writes only the output file."""
    from kcdesk.db.store import get_meta

    with store.read() as s:
        province = get_meta(s, "province_code")
    if kind in ("facilities_xlsx", "proposals_xlsx"):
        from kcdesk.exchange.registers import export_facilities, export_proposals

        (export_facilities if kind == "facilities_xlsx" else export_proposals)(
            store, out, province_code=province, progress=progress
        )
        return out
    from kcdesk.reports.agency import agency_for, province_names

    with store.read() as s:
        agency = agency_for(s, province)
        if kind == "plan_list":
            from kcdesk.reports.plan_list import PlanQuery, write_plan_pdf

            return write_plan_pdf(s, PlanQuery(year, None, province), agency, out, progress)
        from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
        from kcdesk.reports.periodic_report import write_periodic_pdf

        end = date(year, 6, 30) if kind == "periodic_half" else date(year, 12, 31)
        fig = periodic_figures(s, PeriodicQuery(date(year, 1, 1), end, province), progress)
        names = province_names(s, province)
        return write_periodic_pdf(fig, agency, out, scope_name=names[0] if names else "", progress=progress)


class ReportsPage(QWidget):
    made = Signal(object)  # Path

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reportsPage")
        title = QLabel(self.tr("Báo cáo và xuất dữ liệu"))
        title.setObjectName("pageTitle")
        note = QLabel(
            self.tr(
                "Báo cáo được lập từ dữ liệu trên máy này theo mẫu của Thông tư 36/2013/TT-BCT và Nghị định "
                "30/2020/NĐ-CP. Việc lập báo cáo chạy nền; có thể hủy giữa chừng."
            )
        )
        note.setObjectName("sectionNote")
        note.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for key, label, _ext in KINDS:
            self.kind.addItem(self.tr(label), key)
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
        box = QGroupBox(self.tr("Lập báo cáo"))
        box.setMaximumWidth(780)
        form = QFormLayout(box)
        form.addRow(self.tr("Loại báo cáo"), self.kind)
        form.addRow(self.tr("Năm"), self.year)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.result)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(box)
        layout.addStretch(1)

    def _choose_file(self) -> None:
        key = self.kind.currentData()
        ext = next(k[2] for k in KINDS if k[0] == key)
        suggested = Path.home() / f"kcdesk-{key}-{self.year.value()}.{ext}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo"), str(suggested), f"*.{ext}")
        if path:
            self.make(key, self.year.value(), Path(path))

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
