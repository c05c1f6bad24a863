"""Sign-in per person in the window, offscreen over a real database: the sign-in dialog, the
forced change after a reset, the lock (idle time and Windows' session lock) that keeps what
an editor holds, and the centre leader's accounts dialog."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from kcdesk.db.store import Store
from kcdesk.services import sign_in as si
from tests.ui.conftest import _close, _window
from tests.ui.typing_helpers import retype

LEADER_PW = "lanh-dao-2026"


def _time_passes(store: Store) -> None:
    """As if the wait after a wrong password were over (the service's own tests move its clock)."""
    store.write(lambda s: s.execute(text("UPDATE app_user SET password_locked_until = NULL")), anonymous=True)


@pytest.fixture
def accounts(store: Store) -> Store:
    """The conftest store (leader "canbo", Nguyễn Văn An) with the first password, signed in."""
    si.set_first_password(store, LEADER_PW)
    return store


@pytest.fixture
def locked_window(accounts: Store, settings, qtbot, gui_app) -> Iterator[object]:  # type: ignore[no-untyped-def]
    w = _window(accounts, settings, qtbot)
    yield w
    _close(w, qtbot)


def test_the_sign_in_dialog_refuses_a_wrong_password_then_signs_in(accounts: Store, qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.ui.sign_in.dialogs import SignInDialog

    si.sign_out(accounts)
    dialog = SignInDialog(accounts)
    qtbot.addWidget(dialog)
    assert dialog.chosen_login() == "canbo"  # the last person is offered
    retype(dialog.password, "sai-mat-khau")
    assert not dialog.try_sign_in()
    assert "không đúng" in dialog.problem.text() and dialog.password.text() == ""
    retype(dialog.password, LEADER_PW)
    assert not dialog.try_sign_in()  # straight after a wrong one: the wait is said, not slept
    assert "hãy chờ" in dialog.problem.text()
    _time_passes(accounts)
    retype(dialog.password, LEADER_PW)
    assert dialog.try_sign_in() and dialog.result() == dialog.DialogCode.Accepted
    assert accounts.signed_in_user_id == dialog.signed.user.id  # type: ignore[union-attr]


def test_after_a_reset_the_person_chooses_a_new_password_before_working(accounts: Store, qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.ui.sign_in.dialogs import SignInDialog

    accounts.write(lambda s: si.add_account(s, "ketoan", "Trần Thị Bình", "accountant", "tam-thoi-123"))
    si.sign_out(accounts)
    dialog = SignInDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.login.setEditText("ketoan")
    retype(dialog.password, "tam-thoi-123")
    assert not dialog.try_sign_in() and dialog.change is not None
    change = dialog.change
    retype(change.new, "binh-moi-2026")
    retype(change.again, "binh-khac-2026")
    assert not change.try_change() and "không giống nhau" in change.problem.text()
    retype(change.again, "binh-moi-2026")
    assert change.try_change()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert si.sign_in(accounts, "ketoan", "binh-moi-2026").must_change_password is False


def test_the_idle_lock_covers_every_window_and_keeps_an_editors_input(locked_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = locked_window
    lock = window.window_lock
    page = window.page("facilities")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    name = editor.fields.boxes["name"].editor
    retype(name, "Hợp tác xã gốm Phước Tích")  # typed, not saved
    lock.set_idle_ms(50)
    qtbot.waitUntil(lambda: lock.locked, timeout=5_000)
    covered = {cover.parentWidget() for cover in lock.covers}
    assert window in covered and editor in covered
    assert all(c.isVisible() and c.geometry() == c.parentWidget().rect() for c in lock.covers)
    assert editor.isVisible() and name.text() == "Hợp tác xã gốm Phước Tích"

    cover = lock.covers[0]
    retype(cover.password, "sai-mat-khau")
    cover.unlock()
    assert lock.locked and "không đúng" in cover.problem.text()
    lock.set_idle_ms(0)
    _time_passes(window.ctx.store)
    retype(cover.password, LEADER_PW)
    cover.unlock()
    assert not lock.locked
    assert editor.isVisible() and name.text() == "Hợp tác xã gốm Phước Tích" and editor.unsaved


def test_the_windows_session_lock_message_locks_the_window(locked_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from kcdesk.ui.sign_in.lock import WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, SessionLockFilter, _Msg

    lock = locked_window.window_lock
    event_filter = SessionLockFilter(lock.lock)
    other = _Msg(None, WM_WTSSESSION_CHANGE, 0x8, 0)  # WTS_SESSION_UNLOCK: nothing happens
    event_filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(other))
    assert not lock.locked
    message = _Msg(None, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, 0)
    event_filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(message))
    assert lock.locked
    retype(lock.covers[0].password, LEADER_PW)
    lock.covers[0].unlock()
    assert not lock.locked


def test_a_window_without_passwords_never_locks(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.window_lock.lock()
    assert not window.window_lock.locked


def test_the_leader_adds_disables_and_resets_accounts_in_the_window(locked_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = locked_window.manage_accounts()
    form = dialog.add()
    retype(form.login, "ketoan")
    retype(form.full_name, "Trần Thị Bình")
    form.role.setCurrentIndex(form.role.findData("accountant"))
    retype(form.password, "ngan")
    retype(form.again, "ngan")
    form._check()
    assert "ít nhất 8" in form.problem.text() and form.isVisible()  # refused: what was typed stays
    assert form.login.text() == "ketoan"
    retype(form.password, "tam-thoi-123")
    retype(form.again, "tam-thoi-123")
    form._check()
    assert not form.isVisible()
    rows = {a.login: a for a in dialog.accounts}
    assert rows["ketoan"].role == "accountant" and rows["ketoan"].must_change_password
    assert dialog.table.rowCount() == 2

    dialog.select("canbo")
    dialog.toggle()
    assert "chính mình" in dialog.problem.text()
    dialog.select("ketoan")
    dialog.toggle()
    assert {a.login: a for a in dialog.accounts}["ketoan"].disabled
    dialog.select("ketoan")
    dialog.toggle()
    dialog.select("ketoan")
    reset = dialog.reset()
    retype(reset.password, "dat-lai-456")
    retype(reset.again, "dat-lai-456")
    reset._check()
    assert si.sign_in(dialog.store, "ketoan", "dat-lai-456").must_change_password
    dialog.close()


def test_another_person_signs_in_and_the_window_acts_as_them(locked_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = locked_window
    store = window.ctx.store
    store.write(lambda s: si.add_account(s, "canbo2", "Lê Văn Cường", "centre_staff", "tam-thoi-123"))
    window._fill_user_menu()
    titles = [a.text() for a in window.user_menu.actions()]
    assert "Quản lý tài khoản…" in titles and "Khóa cửa sổ" in titles
    dialog = window.sign_in_other()
    dialog.login.setEditText("canbo2")
    retype(dialog.password, "tam-thoi-123")
    dialog.try_sign_in()
    retype(dialog.change.new, "cuong-moi-2026")
    retype(dialog.change.again, "cuong-moi-2026")
    assert dialog.change.try_change()
    qtbot.waitUntil(lambda: window.ctx.user is not None and window.ctx.user.username == "canbo2")
    assert "Lê Văn Cường" in window.user_label.text()
    window._fill_user_menu()
    assert "Quản lý tài khoản…" not in [a.text() for a in window.user_menu.actions()]  # not a leader
    assert window.switch_user("whoever") is not None  # no switching without a password: the sign-in dialog
