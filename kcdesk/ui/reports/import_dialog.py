"""Nhập từ Excel: facilities or proposals from a sheet, checked before anything is written.

1. Choose the file; "Kiểm tra" runs the core's import as a dry run on a worker
   (kcdesk.exchange, the same code as `kcdesk import ... --dry-run`) and lists every
   problem by Excel row, column as typed and a Vietnamese reason, then the notes (what
   was tidied on the way in).
2. All-or-nothing by default: with any problem, "Nhập" stays off. "Chỉ nhập dòng hợp lệ"
   allows importing the valid rows only.
3. Proposals: the "Thay đổi" tab lists, per proposal, what the import would write: a new
   proposal, or what differs on one already recorded (fields, budget lines, money, steps).
4. "Nhập…" asks for confirmation (saying how many proposals change), then imports in one
   transaction through the single writer, changes included (the user has seen them); the
   register and the proposal list refresh themselves (runner.changed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kcdesk.errors import KcError
from kcdesk.progress import Progress
from kcdesk.ui.context import AppContext

# What each kind of import changes, for the views to refresh.
CHANGES = {
    "facilities": {"facility"},
    "proposals": {"proposal", "budget_line", "disbursement", "proposal_status_event", "acceptance"},
}


def run_import(store: Any, kind: str, path: Path, dry_run: bool, skip_invalid: bool, progress: Progress) -> Any:
    """On a worker: the core's import (reads the sheet, checks every row, writes once).
    Proposals already recorded are updated: the import runs after the check showed how."""
    from kcdesk.exchange.facility_import import import_facilities
    from kcdesk.exchange.proposal_import import import_proposals

    if kind == "facilities":
        return import_facilities(store, path, dry_run=dry_run, skip_invalid=skip_invalid, progress=progress)
    return import_proposals(store, path, dry_run=dry_run, skip_invalid=skip_invalid, update=True, progress=progress)


class ImportDialog(QDialog):
    checked = Signal(object)  # ImportOutcome of the dry run
    imported = Signal(object)  # ImportOutcome of the import

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        self.path: Path | None = None
        self.outcome: Any = None
        self.busy = False
        self.setObjectName("importDialog")
        self.setWindowTitle(
            self.tr("Nhập sổ cơ sở CNNT từ Excel") if kind == "facilities" else self.tr("Nhập danh sách đề án từ Excel")
        )
        self.resize(980, 620)
        self.file_label = QLabel(self.tr("Chưa chọn tệp"))
        self.file_label.setObjectName("importFile")
        choose = QPushButton(self.tr("Chọn tệp .xlsx…"))
        choose.setObjectName("chooseImportFile")
        choose.clicked.connect(self._choose)
        self.skip_invalid = QCheckBox(self.tr("Chỉ nhập dòng hợp lệ (bỏ qua các dòng có lỗi)"))
        self.skip_invalid.setObjectName("skipInvalid")
        self.skip_invalid.toggled.connect(lambda _on: self._update())
        self.summary = QLabel(
            self.tr("Chọn tệp rồi bấm Kiểm tra: mọi lỗi được liệt kê theo dòng và cột, chưa có gì được ghi.")
        )
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 3)
        self.problems.setObjectName("importProblems")
        self.problems.setAccessibleName(self.tr("Các lỗi trong tệp"))
        self.problems.setHorizontalHeaderLabels([self.tr("Dòng"), self.tr("Cột"), self.tr("Lý do")])
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(True)
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 220)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.changes = QTableWidget(0, 3)
        self.changes.setObjectName("importChanges")
        self.changes.setAccessibleName(self.tr("Những gì sẽ được ghi"))
        self.changes.setHorizontalHeaderLabels([self.tr("Đề án"), self.tr("Ô trong tệp"), self.tr("Thay đổi")])
        self.changes.verticalHeader().hide()
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.setWordWrap(True)
        header = self.changes.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 260)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("importTabs")
        self.tabs.addTab(self.problems, self.tr("Lỗi và ghi chú"))
        if kind == "proposals":
            self.tabs.addTab(self.changes, self.tr("Thay đổi"))
        self.check_button = QPushButton(self.tr("Kiểm tra"))
        self.check_button.setObjectName("checkImportButton")
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Nhập…"))
        self.import_button.setObjectName("runImportButton")
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self.run)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_invalid, 1)
        buttons.addWidget(close)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._update()

    # -- the file ----------------------------------------------------------------------------

    def _choose(self) -> None:
        folder = self.ctx.settings.get("last_export_dir") or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp Excel"), folder, "*.xlsx")
        if path:
            self.set_file(Path(path))
            self.check()

    def set_file(self, path: Path) -> None:
        self.path = path
        self.outcome = None
        self.file_label.setText(str(path))
        self.problems.setRowCount(0)
        self.changes.setRowCount(0)
        self._update()

    # -- dry run and import ---------------------------------------------------------------------

    def check(self) -> Any:
        return self._start(dry_run=True)

    def run(self) -> Any:
        outcome = self.outcome
        if outcome is None or not self._can_import():
            return None
        file = self.path.name if self.path else ""
        if self.kind == "proposals":
            question = self.tr(
                "Ghi từ {file}: {new} đề án mới, {changed} đề án đã có được sửa như ở thẻ Thay đổi? Tất cả được ghi "
                "cùng lúc; nếu có sự cố thì không gì được ghi."
            ).format(file=file, new=outcome.created, changed=outcome.updated)
        else:
            question = self.tr(
                "Nhập {n} dòng từ {file}? Các dòng được ghi cùng lúc; nếu có sự cố thì không dòng nào được ghi."
            ).format(n=outcome.valid_rows, file=file)
        answer = QMessageBox.question(
            self,
            self.tr("Xác nhận nhập dữ liệu"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self._start(dry_run=False)

    def _start(self, *, dry_run: bool) -> Any:
        if self.path is None or self.busy:
            return None
        store, kind, path, skip = self.ctx.store, self.kind, self.path, self.skip_invalid.isChecked()
        self.busy = True
        self._update()
        self.summary.setText(self.tr("Đang kiểm tra tệp…") if dry_run else self.tr("Đang nhập…"))
        return self.ctx.runner.run(
            lambda progress: run_import(store, kind, path, dry_run, skip, progress),
            lambda outcome: self._finished(outcome, dry_run),
            on_error=self._failed,
            label=self.tr("Kiểm tra tệp Excel") if dry_run else self.tr("Nhập dữ liệu từ Excel"),
            changes=() if dry_run else CHANGES[kind],
        )

    def _finished(self, outcome: Any, dry_run: bool) -> None:
        self.busy = False
        self.outcome = outcome
        lang = self.ctx.lang
        self.summary.setText(outcome.summary(lang))
        findings = [*outcome.problems, *(outcome.notes if dry_run else [])]
        self.problems.setRowCount(len(findings))
        for row, finding in enumerate(findings):
            is_note = row >= len(outcome.problems)
            reason = finding.message.text(lang)
            cells = (str(finding.row) if finding.row > 0 else "", finding.column, reason)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if is_note:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.problems.setItem(row, column, item)
        self.problems.resizeRowsToContents()
        self._show_changes(outcome, lang)
        self._update()
        if dry_run:
            self.checked.emit(outcome)
        else:
            self.imported.emit(outcome)

    def _show_changes(self, outcome: Any, lang: str) -> None:
        """Per proposal that changes: a head row, then one row per change at its cell."""
        rows: list[tuple[str, str, str]] = []
        for change in getattr(outcome, "changes", []):
            if change.action == "same":
                continue
            rows.append((change.code, "", change.head(lang)))
            for line in change.lines:
                cell = self.tr("{sheet}, dòng {row}, {column}").format(
                    sheet=line.sheet, row=line.row, column=line.column
                )
                rows.append(("", cell, line.message.text(lang)))
        self.changes.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.changes.setItem(r, c, item)
        self.changes.resizeRowsToContents()
        if self.kind == "proposals":
            self.tabs.setTabText(1, self.tr("Thay đổi ({n})").format(n=outcome.created + outcome.updated))

    def change_rows(self) -> list[tuple[str, str, str]]:
        return _three_columns(self.changes)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.outcome = None
        self.problems.setRowCount(0)
        self._update()
        # Cancelled, or a file refused before anything was written (not an xlsx, broken, hostile)
        if isinstance(error, KcError):
            self.summary.setText(error.text(self.ctx.lang))
        else:
            raise error

    def problem_rows(self) -> list[tuple[str, str, str]]:
        return _three_columns(self.problems)

    def _can_import(self) -> bool:
        o = self.outcome
        if o is None or not o.dry_run or o.valid_rows == 0:
            return False
        if self.kind == "proposals" and not (o.created or o.updated):
            return False  # everything is already as the file says
        return not o.problems or self.skip_invalid.isChecked()

    def _update(self) -> None:
        self.check_button.setEnabled(self.path is not None and not self.busy)
        self.import_button.setEnabled(not self.busy and self._can_import())
        if (
            self.outcome is not None
            and self.outcome.dry_run
            and self.outcome.skip_invalid != self.skip_invalid.isChecked()
        ):
            self.outcome = None if self.outcome.problems and not self.skip_invalid.isChecked() else self.outcome


def _three_columns(table: QTableWidget) -> list[tuple[str, str, str]]:
    """The text of a table's first three columns, row by row (a cell without an item: "")."""

    def text(row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text() if item is not None else ""

    return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(table.rowCount())]
