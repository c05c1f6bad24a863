"""The window's side of the encrypted database, offscreen over real files: the unlock dialog
when the OS slot does not open the file (password or recovery key; a wrong one is said and
nothing moves), and the offer to encrypt a plain database at start."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends.null import Keyring as NullKeyring
from PySide6.QtWidgets import QLabel, QLineEdit, QRadioButton
from sqlalchemy import text

from kcdesk.db import sqlfile
from kcdesk.db.store import Store
from kcdesk.security import policy
from kcdesk.services import sign_in
from kcdesk.services.setup import initialize
from kcdesk.ui.sign_in.unlock import Offer, UnlockDialog, offer_encryption, should_offer_encryption
from tests.conftest import encrypted_stores

PASSWORD = "mat-khau-cua-an-2026"


def _new(path: Path) -> Store:
    store = Store.open(path, create=True)
    store.write(lambda s: initialize(s, province_code="48", user_full_name="Nguyễn Văn An", role="centre_leader"))
    store.reload_identity()
    return store


@pytest.fixture
def locked_file(tmp_path: Path) -> Iterator[tuple[Path, str, str]]:
    """An encrypted database with a password and a recovery key, whose OS slot no longer opens."""
    with encrypted_stores(tmp_path / "keyring.json"):
        store = _new(tmp_path / "kcdesk.db")
        login = sign_in.set_first_password(store, PASSWORD).username
        recovery = policy.new_recovery_key(store.path)
        store.close()
    sqlfile.forget_key(store.path)
    previous = keyring.get_keyring()
    keyring.set_keyring(NullKeyring())
    yield store.path, login, recovery
    keyring.set_keyring(previous)
    sqlfile.forget_key(store.path)


def test_unlock_with_a_password_after_a_wrong_one(locked_file, qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    path, login, _recovery = locked_file
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "unlockLogin").setText(login)
    dialog.findChild(QLineEdit, "unlockPassword").setText("sai-mat-khau")
    assert not dialog.try_unlock()
    assert "Mật khẩu không mở được" in dialog.findChild(QLabel, "unlockProblem").text()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest and sqlfile.known_key(path) is None
    dialog.findChild(QLineEdit, "unlockPassword").setText(PASSWORD)
    assert dialog.try_unlock()
    with Store.open(path) as store:
        assert store.sign_in_required


def test_unlock_with_the_recovery_key(locked_file, qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    path, _login, recovery = locked_file
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.findChild(QRadioButton, "unlockByRecovery").setChecked(True)
    assert not dialog.findChild(QLineEdit, "unlockPassword").isEnabled()
    dialog.findChild(QLineEdit, "unlockRecoveryKey").setText("ABCDE")
    assert not dialog.try_unlock()
    assert "40 ký tự" in dialog.findChild(QLabel, "unlockProblem").text()
    dialog.findChild(QLineEdit, "unlockRecoveryKey").setText(recovery)
    assert dialog.try_unlock()
    Store.open(path).close()


def test_a_plain_database_is_offered_encryption_and_converted(tmp_path: Path, qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    with encrypted_stores(tmp_path / "keyring.json"), pytest.MonkeyPatch.context() as mp:
        mp.setenv("KCDESK_ENCRYPT", "0")
        path = tmp_path / "cu.db"
        _new(path).close()
        mp.delenv("KCDESK_ENCRYPT")  # the keyring works: the window offers the conversion
        assert should_offer_encryption(path)
        assert not offer_encryption(path, ask=lambda: Offer.NEXT_START)  # "next time" changes nothing
        assert not sqlfile.is_encrypted(path)
        assert offer_encryption(path, ask=lambda: Offer.ENCRYPT_NOW)
        assert sqlfile.is_encrypted(path) and not should_offer_encryption(path)
        with Store.open(path) as store, store.read() as s:
            assert s.execute(text("SELECT count(*) FROM app_user")).scalar_one() == 1
    sqlfile.forget_key(path)


def test_remind_in_a_month_is_kept_on_the_laptop_and_asks_again_after(tmp_path: Path, settings, gui_app) -> None:  # type: ignore[no-untyped-def]
    asked: list[date] = []

    def ask_on(day: date, answer: Offer = Offer.IN_A_MONTH) -> bool:
        def ask() -> Offer:
            asked.append(day)
            return answer

        return offer_encryption(path, ask=ask, settings=settings, today=day)

    with encrypted_stores(tmp_path / "keyring.json"), pytest.MonkeyPatch.context() as mp:
        mp.setenv("KCDESK_ENCRYPT", "0")
        path = tmp_path / "cu.db"
        _new(path).close()
        mp.delenv("KCDESK_ENCRYPT")
        first = date(2026, 12, 6)
        assert not ask_on(first)
        assert not ask_on(first + timedelta(days=1)) and not ask_on(first + timedelta(days=29))
        assert asked == [first]  # not asked again within the month
        assert not ask_on(first + timedelta(days=30), Offer.NEXT_START)
        assert not ask_on(first + timedelta(days=31), Offer.NEXT_START)
        assert asked == [first, first + timedelta(days=30), first + timedelta(days=31)]  # then at every start
        assert not sqlfile.is_encrypted(path)
        assert ask_on(first + timedelta(days=32), Offer.ENCRYPT_NOW)
        assert sqlfile.is_encrypted(path)
    sqlfile.forget_key(path)
