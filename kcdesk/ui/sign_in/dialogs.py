"""The sign-in dialog (before the main window, and to switch person) and the dialog that
changes one's password (forced after a reset). Both call kcdesk.services.sign_in directly:
one argon2 check (a few tens of ms) on the writer thread, waited for here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kcdesk.db.store import Store
from kcdesk.errors import KcError
from kcdesk.i18n import language
from kcdesk.services import sign_in
from kcdesk.services.users import UserRow


def _t(text: str) -> str:
    return QCoreApplication.translate("SignIn", text)


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class SignInDialog(QDialog):
    """Who is working: a login (the laptop's accounts offered, any typed) and a password."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.signed: sign_in.SignedIn | None = None
        self.change: ChangePasswordDialog | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(_t("Đăng nhập kcdesk"))
        self.login = QComboBox()
        self.login.setObjectName("signInLogin")
        self.login.setEditable(True)
        with store.read() as s:
            accounts = [a for a in sign_in.list_accounts(s) if a.has_password and not a.disabled]
            last = store.user_id
        for a in accounts:
            self.login.addItem(f"{a.login} – {a.full_name}", a.login)
            if a.id == last:
                self.login.setCurrentIndex(self.login.count() - 1)
        self.password = password_field("signInPassword")
        self.problem = QLabel()
        self.problem.setObjectName("signInProblem")
        self.problem.setProperty("role", "fieldError")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_t("Tên đăng nhập"), self.login)
        form.addRow(_t("Mật khẩu"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("Đăng nhập"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("Thoát"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.password.setFocus()

    def chosen_login(self) -> str:
        text = self.login.currentText().strip()
        index = self.login.findText(text)
        data = self.login.itemData(index) if index >= 0 else None
        return str(data) if data else text.split(" – ")[0]

    def try_sign_in(self) -> bool:
        try:
            self.signed = sign_in.sign_in(self.store, self.chosen_login(), self.password.text())
        except KcError as exc:
            self.problem.setText(exc.text(language()))
            self.password.clear()
            self.password.setFocus()
            return False
        if self.signed.must_change_password:  # after a reset: a new password before anything else
            self.change = ChangePasswordDialog(self.store, self, forced=True, current=self.password.text())
            self.change.accepted.connect(self.accept)
            self.change.rejected.connect(self._change_refused)
            self.change.open()
            return False
        self.accept()
        return True

    def _change_refused(self) -> None:
        sign_in.sign_out(self.store)
        self.signed = None
        self.password.clear()
        self.problem.setText(_t("Cần đổi mật khẩu đã được đặt lại trước khi làm việc."))


class ChangePasswordDialog(QDialog):
    """One's own new password, typed twice; `forced` after a reset (the old one is known)."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, forced: bool = False, current: str = "") -> None:
        super().__init__(parent)
        self.store = store
        self.user: UserRow | None = None
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(_t("Đổi mật khẩu"))
        self.old = password_field("oldPassword")
        self.old.setText(current)
        self.new = password_field("newPassword")
        self.again = password_field("newPasswordAgain")
        self.problem = QLabel()
        self.problem.setObjectName("changePasswordProblem")
        self.problem.setProperty("role", "fieldError")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        if forced:
            note = QLabel(_t("Mật khẩu của bạn vừa được đặt lại. Hãy chọn mật khẩu mới của riêng mình."))
            note.setWordWrap(True)
            form.addRow(note)
        elif store.sign_in_required:
            form.addRow(_t("Mật khẩu hiện tại"), self.old)
        form.addRow(_t("Mật khẩu mới"), self.new)
        form.addRow(_t("Nhập lại mật khẩu mới"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("Đổi mật khẩu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("Hủy"))
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def try_change(self) -> bool:
        if self.new.text() != self.again.text():
            self.problem.setText(_t("Hai lần nhập mật khẩu mới không giống nhau. Hãy nhập lại."))
            return False
        try:
            self.user = sign_in.set_own_password(self.store, self.old.text(), self.new.text())
        except KcError as exc:
            self.problem.setText(exc.text(language()))
            return False
        self.accept()
        return True


def sign_in_at_start(store: Store) -> bool:
    """Before the main window: nothing to ask on a database without passwords; otherwise
    the sign-in dialog (False: the person chose to quit)."""
    if not store.sign_in_required:
        sign_in.act_as_current(store)
        return True
    return SignInDialog(store).exec() == QDialog.DialogCode.Accepted
