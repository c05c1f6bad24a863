"""Opening an encrypted database in the window (issue 13 part 1).

- `unlock_at_start`: when the OS slot does not open the file (another Windows account, a
  reinstalled Windows), the unlock dialog asks for a person's login and password, or the
  printed recovery key ("khóa dự phòng").
- `offer_encryption`: a plain database on a laptop whose keyring works is offered the
  conversion at start (kcdesk.security.convert), shown with its progress.
"""

from __future__ import annotations

import enum
import os
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kcdesk.db import sqlfile
from kcdesk.errors import KcError
from kcdesk.i18n import language
from kcdesk.ui.sign_in.dialogs import password_field

if TYPE_CHECKING:
    from kcdesk.ui.settings import Settings


def _t(text: str) -> str:
    return QCoreApplication.translate("Unlock", text)


class UnlockDialog(QDialog):
    """A person's password, or the recovery key, to open the encrypted file `db_path`."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.setObjectName("unlockDialog")
        self.setWindowTitle(_t("Mở khóa dữ liệu"))
        intro = QLabel(
            _t(
                "Dữ liệu trên máy này được mã hóa và tài khoản máy tính hiện tại không tự mở được. "
                "Hãy nhập tên đăng nhập và mật khẩu kcdesk của mình, hoặc khóa dự phòng in trên giấy."
            )
        )
        intro.setWordWrap(True)
        self.by_password = QRadioButton(_t("Dùng mật khẩu"))
        self.by_password.setObjectName("unlockByPassword")
        self.by_recovery = QRadioButton(_t("Dùng khóa dự phòng"))
        self.by_recovery.setObjectName("unlockByRecovery")
        self.by_password.setChecked(True)
        self.login = QLineEdit()
        self.login.setObjectName("unlockLogin")
        self.password = password_field("unlockPassword")
        self.recovery = QLineEdit()
        self.recovery.setObjectName("unlockRecoveryKey")
        self.recovery.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.problem = QLabel()
        self.problem.setObjectName("unlockProblem")
        self.problem.setProperty("role", "fieldError")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.by_password)
        form.addRow(_t("Tên đăng nhập"), self.login)
        form.addRow(_t("Mật khẩu"), self.password)
        form.addRow(self.by_recovery)
        form.addRow(_t("Khóa dự phòng"), self.recovery)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("Mở khóa"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("Thoát"))
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.by_password.toggled.connect(self._mode)
        self._mode()

    def _mode(self) -> None:
        with_password = self.by_password.isChecked()
        self.login.setEnabled(with_password)
        self.password.setEnabled(with_password)
        self.recovery.setEnabled(not with_password)

    def try_unlock(self) -> bool:
        from kcdesk.security.unlock import unlock_with_password, unlock_with_recovery_key

        try:
            if self.by_password.isChecked():
                unlock_with_password(self.db_path, self.password.text(), self.login.text().strip() or None)
            else:
                unlock_with_recovery_key(self.db_path, self.recovery.text())
        except KcError as exc:
            self.problem.setText(exc.text(language()))
            self.password.clear()
            return False
        self.accept()
        return True


def unlock_at_start(db_path: Path) -> bool:
    """True when the database can be opened (plain, or its key at hand now); False when the
    person quit the unlock dialog."""
    if not sqlfile.is_encrypted(db_path):
        return True
    try:
        sqlfile.key_for(db_path)
        return True
    except sqlfile.EncryptedStoreError:
        pass
    return UnlockDialog(db_path).exec() == QDialog.DialogCode.Accepted


def should_offer_encryption(db_path: Path) -> bool:
    from kcdesk.security import os_slot
    from kcdesk.security.policy import ENCRYPT_ENV

    if os.environ.get(ENCRYPT_ENV) == "0" or not db_path.is_file():
        return False
    converting = sqlfile.key_file(db_path).exists()  # an interrupted conversion: offered again
    return not sqlfile.is_encrypted(db_path) and (converting or os_slot.available())


class Offer(enum.Enum):
    """The answers to "encrypt now?" at start."""

    ENCRYPT_NOW = "now"
    NEXT_START = "next_start"  # asked again at the next start
    IN_A_MONTH = "in_a_month"  # asked again after REMIND_AFTER_DAYS on this laptop


# Never "don't ask again": the law wants the data protected, so a centre that waits is
# reminded once a month rather than forgotten.
REMIND_AFTER_DAYS = 30


def offer_encryption(
    db_path: Path,
    ask: Callable[[], Offer] | None = None,
    settings: Settings | None = None,
    today: date | None = None,
) -> bool:
    """At start, on a plain database: ask, then convert with a progress dialog. True when the
    database is now encrypted. An answer "in a month" is kept in the laptop's settings; an
    interrupted conversion is offered again whatever the answer was."""
    if not should_offer_encryption(db_path):
        return False
    today = today or date.today()
    interrupted = sqlfile.key_file(db_path).exists()
    if settings is not None and not interrupted and today.isoformat() < settings.get("encryption_offer_after"):
        return False
    answer = (ask or _ask)()
    if answer is Offer.IN_A_MONTH and settings is not None:
        settings.set("encryption_offer_after", (today + timedelta(days=REMIND_AFTER_DAYS)).isoformat())
    if answer is not Offer.ENCRYPT_NOW:
        return False
    return convert_with_progress(db_path)


def _ask() -> Offer:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _t("Mã hóa dữ liệu"),
        _t(
            "Dữ liệu trên máy này chưa được mã hóa: ai lấy được máy sẽ đọc được họ tên, số điện thoại, số định "
            "danh của mọi người trong sổ. Mã hóa ngay? (Có sao lưu trước; mất vài phút với dữ liệu lớn; "
            "có thể ngắt và làm lại.)"
        ),
    )
    box.setObjectName("encryptOffer")
    now = box.addButton(_t("Mã hóa ngay"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_t("Để lần sau"), QMessageBox.ButtonRole.RejectRole)
    month = box.addButton(_t("Nhắc lại sau 30 ngày"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(now)
    box.exec()
    clicked = box.clickedButton()
    return Offer.ENCRYPT_NOW if clicked is now else Offer.IN_A_MONTH if clicked is month else Offer.NEXT_START


def convert_with_progress(db_path: Path) -> bool:
    from kcdesk.security.convert import encrypt_database

    lines: list[str] = []
    failure: list[KcError] = []

    def work() -> None:
        try:
            encrypt_database(db_path, say=lines.append)
        except KcError as exc:
            failure.append(exc)

    progress = QProgressDialog(_t("Đang mã hóa dữ liệu…"), "", 0, 0)
    progress.setObjectName("encryptProgress")
    progress.setCancelButton(None)  # stopping midway is safe, but not offered here
    progress.setMinimumDuration(0)
    progress.show()
    worker = threading.Thread(target=work, name="kcdesk-encrypt", daemon=False)
    worker.start()
    while worker.is_alive():
        QApplication.processEvents()
        if lines:
            progress.setLabelText(lines[-1])
        QThread.msleep(50)
    progress.close()
    if failure:
        QMessageBox.warning(None, _t("Mã hóa dữ liệu"), failure[0].text(language()))
        return False
    return True
