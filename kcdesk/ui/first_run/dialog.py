"""The first-run dialog: draws FirstRunWizard's steps (kcdesk.ui.logic.first_run)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kcdesk.text import vi_sort_key
from kcdesk.ui.logic.first_run import DEMO_SIZES, FirstRunWizard, SetupPlan
from kcdesk.ui.widgets.unit_picker import UnitPicker


class FirstRunDialog(QDialog):
    def __init__(self, wizard: FirstRunWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wizard = wizard
        self.plan: SetupPlan | None = None
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Thiết lập kcdesk lần đầu"))
        self.resize(640, 360)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._database_page())
        self.pages.addWidget(self._province_page())
        self.pages.addWidget(self._demo_page())
        self.problem = QLabel()
        self.problem.setProperty("role", "fieldError")
        self.back_button = QPushButton(self.tr("Quay lại"))
        self.next_button = QPushButton(self.tr("Tiếp tục"))
        self.next_button.setObjectName("nextButton")
        self.next_button.setProperty("primary", True)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        cancel = QPushButton(self.tr("Thoát"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        heading = QLabel(self.tr("Chào mừng đến với kcdesk"))
        heading.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self._sync()

    def _database_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        note = QLabel(self.tr("kcdesk lưu dữ liệu trong một tệp trên máy này và làm việc cả khi không có mạng."))
        note.setWordWrap(True)
        form.addRow(note)
        self.path_edit = QLineEdit(str(self.wizard.db_path))
        self.path_edit.setObjectName("dbPath")
        self.path_edit.textChanged.connect(lambda t: setattr(self.wizard, "db_path", Path(t)))
        browse = QPushButton(self.tr("Chọn…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Tệp dữ liệu"), row)
        return page

    def _province_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.province = UnitPicker(placeholder=self.tr("Gõ tên tỉnh/thành phố, có dấu hoặc không"))
        self.province.setObjectName("provincePicker")
        self.province.set_units(sorted(self.wizard.provinces.items(), key=lambda x: vi_sort_key(x[1])))
        self.province.set_code(self.wizard.province_code)
        self.province.code_changed.connect(self._province_chosen)
        self.centre = QLineEdit(self.wizard.centre_name)
        self.centre.setObjectName("centreName")
        self.centre.textEdited.connect(self._centre_typed)
        self.user_name = QLineEdit()
        self.user_name.setObjectName("userName")
        self.user_name.setPlaceholderText(self.tr("Ví dụ: Nguyễn Văn An"))
        self.user_name.textChanged.connect(lambda t: setattr(self.wizard, "user_full_name", t))
        form.addRow(self.tr("Tỉnh/Thành phố"), self.province)
        form.addRow(self.tr("Tên Trung tâm"), self.centre)
        form.addRow(self.tr("Họ tên của bạn"), self.user_name)
        # The first account (the centre leader's): from now on each person signs in.
        self.password = QLineEdit()
        self.password.setObjectName("firstPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.textChanged.connect(lambda t: setattr(self.wizard, "password", t))
        self.password_again = QLineEdit()
        self.password_again.setObjectName("firstPasswordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again.textChanged.connect(lambda t: setattr(self.wizard, "password_again", t))
        form.addRow(self.tr("Mật khẩu đăng nhập của bạn"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu"), self.password_again)
        note = QLabel(self.tr("Bạn là lãnh đạo Trung tâm trên máy này: bạn thêm tài khoản cho người khác sau."))
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _demo_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(self.tr("Bạn có muốn tạo dữ liệu mẫu để làm quen? Dữ liệu mẫu không bao giờ được đồng bộ."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.demo_group = QButtonGroup(self)
        labels = {
            0: self.tr("Bắt đầu với dữ liệu trống"),
            2000: self.tr("Tạo dữ liệu mẫu nhỏ (2.000 cơ sở)"),
            20000: self.tr("Tạo dữ liệu mẫu lớn (20.000 cơ sở)"),
        }
        for size in DEMO_SIZES:
            button = QRadioButton(labels[size])
            button.setObjectName(f"demo{size}")
            button.setChecked(size == self.wizard.demo_facilities)
            self.demo_group.addButton(button, size)
            layout.addWidget(button)
        self.demo_group.idClicked.connect(lambda size: setattr(self.wizard, "demo_facilities", size))
        layout.addStretch(1)
        return page

    def _province_chosen(self, code: str | None) -> None:
        self.wizard.set_province(code or "")
        self.centre.setText(self.wizard.centre_name)
        self._sync()

    def _centre_typed(self, text: str) -> None:
        self.wizard.set_centre_name(text)
        self._sync()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Nơi lưu tệp dữ liệu"), str(self.wizard.db_path), self.tr("Tệp dữ liệu kcdesk (*.db)")
        )
        if path:
            self.path_edit.setText(path)

    def _sync(self) -> None:
        self.pages.setCurrentIndex(self.wizard.step)
        self.back_button.setEnabled(self.wizard.step > 0)
        self.next_button.setText(self.tr("Bắt đầu") if self.wizard.is_last else self.tr("Tiếp tục"))
        self.problem.setText("")

    def _next(self) -> None:
        problem = self.wizard.problem()
        if problem is None and self.wizard.current == "database":
            problem = self.wizard.storage_problem()
        if problem:
            self.problem.setText(problem)
            return
        if self.wizard.is_last:
            self.plan = self.wizard.plan()
            self.accept()
            return
        self.wizard.next()
        self._sync()

    def _back(self) -> None:
        self.wizard.back()
        self._sync()
