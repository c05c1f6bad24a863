"""The centre leader's accounts dialog: who may sign in on this laptop; add an account,
disable or enable it, reset its password (kcdesk.services.sign_in makes the rules: only a
leader, never the last active leader, one account on a collaborator's laptop)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kcdesk.db.store import Store
from kcdesk.domain.roles import ROLES, role_label
from kcdesk.errors import KcError
from kcdesk.i18n import language
from kcdesk.services import sign_in
from kcdesk.ui.labels import vocab
from kcdesk.ui.sign_in.dialogs import password_field


def _t(text: str) -> str:
    return QCoreApplication.translate("Accounts", text)


class AccountsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.accounts: list[sign_in.Account] = []
        self.setObjectName("accountsDialog")
        self.setWindowTitle(_t("Tài khoản trên máy này"))
        self.resize(720, 380)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels([_t("Tên đăng nhập"), _t("Họ tên"), _t("Vai trò"), _t("Trạng thái")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.problem = QLabel()
        self.problem.setObjectName("accountsProblem")
        self.problem.setProperty("role", "fieldError")
        self.problem.setWordWrap(True)
        self.add_button = QPushButton(_t("Thêm tài khoản…"))
        self.add_button.setObjectName("addAccount")
        self.add_button.clicked.connect(self.add)
        self.toggle_button = QPushButton(_t("Khóa / mở lại"))
        self.toggle_button.setObjectName("toggleAccount")
        self.toggle_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton(_t("Đặt lại mật khẩu…"))
        self.reset_button.setObjectName("resetAccount")
        self.reset_button.clicked.connect(self.reset)
        close = QPushButton(_t("Đóng"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.toggle_button, self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        with self.store.read() as s:
            self.accounts = sign_in.list_accounts(s)
        self.table.setRowCount(len(self.accounts))
        for row, a in enumerate(self.accounts):
            if a.disabled:
                state = _t("Đã khóa")
            elif not a.has_password:
                state = _t("Chưa có mật khẩu")
            elif a.must_change_password:
                state = _t("Phải đổi mật khẩu")
            else:
                state = _t("Hoạt động")
            for col, value in enumerate((a.login, a.full_name, vocab(role_label(a.role)), state)):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def selected(self) -> sign_in.Account | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def select(self, login: str) -> None:
        for row, a in enumerate(self.accounts):
            if a.login == login:
                self.table.selectRow(row)

    def _run(self, fn: Callable[[Any], Any]) -> str:
        """Write; '' or the refusal in words (also shown under the list)."""
        try:
            self.store.write(fn)
        except KcError as exc:
            problem = exc.text(language())
            self.problem.setText(problem)
            return problem
        self.problem.setText("")
        self.refresh()
        return ""

    def add(self) -> AccountForm:
        """The form stays open until the account is saved: a refusal keeps what was typed."""
        form = AccountForm(
            self,
            new=True,
            save=lambda f: self.add_account(f.login.text(), f.full_name.text(), f.role_code(), f.password.text()),
        )
        form.open()
        return form

    def add_account(self, login: str, full_name: str, role: str, password: str) -> str:
        return self._run(lambda s: sign_in.add_account(s, login, full_name, role, password))

    def toggle(self) -> None:
        account = self.selected()
        if account is None:
            self.problem.setText(_t("Hãy chọn một tài khoản trong danh sách."))
            return
        self.set_disabled(account.login, not account.disabled)

    def set_disabled(self, login: str, disabled: bool) -> str:
        return self._run(lambda s: sign_in.set_disabled(s, login, disabled))

    def reset(self) -> AccountForm | None:
        account = self.selected()
        if account is None:
            self.problem.setText(_t("Hãy chọn một tài khoản trong danh sách."))
            return None
        login = account.login
        form = AccountForm(self, new=False, save=lambda f: self.reset_password(login, f.password.text()))
        form.open()
        return form

    def reset_password(self, login: str, password: str) -> str:
        return self._run(lambda s: sign_in.reset_password(s, login, password))


class AccountForm(QDialog):
    """A new account (login, name, role) or only a temporary password, typed twice."""

    def __init__(self, parent: QWidget | None, *, new: bool, save: Callable[[AccountForm], str]) -> None:
        super().__init__(parent)
        self.save = save
        self.setObjectName("accountForm")
        self.setWindowTitle(_t("Thêm tài khoản") if new else _t("Đặt lại mật khẩu"))
        self.login = QLineEdit()
        self.login.setObjectName("accountLogin")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("accountName")
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        for code, label in ROLES.items():
            self.role.addItem(vocab(label), code)
        self.role.setCurrentIndex(list(ROLES).index("centre_staff"))
        self.password = password_field("accountPassword")
        self.again = password_field("accountPasswordAgain")
        self.problem = QLabel()
        self.problem.setObjectName("accountFormProblem")
        self.problem.setProperty("role", "fieldError")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        if new:
            form.addRow(_t("Tên đăng nhập"), self.login)
            form.addRow(_t("Họ tên"), self.full_name)
            form.addRow(_t("Vai trò"), self.role)
        form.addRow(_t("Mật khẩu tạm thời"), self.password)
        form.addRow(_t("Nhập lại mật khẩu"), self.again)
        note = QLabel(_t("Người dùng phải đổi mật khẩu này khi đăng nhập lần đầu."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("Hủy"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def role_code(self) -> str:
        return str(self.role.currentData())

    def _check(self) -> None:
        if self.password.text() != self.again.text():
            self.problem.setText(_t("Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại."))
            return
        problem = self.save(self)
        if problem:
            self.problem.setText(problem)
            return
        self.accept()
