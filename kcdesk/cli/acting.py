"""How a command acts as a person (sign-in per person, kcdesk.services.sign_in).

On a database where some account has a password, every command that opens it signs a
person in first:
- who: `--login LOGIN`, or the KCDESK_USER environment variable;
- the password: the KCDESK_PASSWORD environment variable (for scripts), otherwise asked
  at the terminal without echo (getpass); with neither (a script without a terminal) the
  command stops and says what to set.
A wrong password counts like one in the window (the wait and the lock are the same).
A person whose password was reset must first run `kcdesk account passwd`.

On a database where no account has a password yet (an old one, the demo, tests) commands
act as the current user as before; `--login` there picks that local user.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from kcdesk.errors import SignInError
from kcdesk.i18n import tr

if TYPE_CHECKING:  # a read-only command that needs no sign-in never loads the store (kcdesk.db.quick_read)
    from kcdesk.db.store import Store

USER_ENV = "KCDESK_USER"
PASSWORD_ENV = "KCDESK_PASSWORD"


def login_of(args: argparse.Namespace) -> str:
    return str(getattr(args, "login", None) or os.environ.get(USER_ENV) or "")


def ask_password(prompt: str, env: str = PASSWORD_ENV) -> str:
    """A password from `env`, or typed at the terminal without echo."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise SignInError(
            "Cần mật khẩu: hãy chạy lệnh trong cửa sổ dòng lệnh để nhập, hoặc đặt biến môi trường {env}.", env=env
        )
    return getpass.getpass(tr(prompt))


def act_as_person(store: Store, args: argparse.Namespace) -> None:
    """Sign the command's person in (or keep the current user where nobody has a password)."""
    from kcdesk.services import sign_in, users

    login = login_of(args)
    if not store.sign_in_required:
        if login:
            with store.read() as s:
                found = [u for u in users.list_users(s) if u.username == login]
            if not found:
                raise SignInError("Không có người dùng {login} trên máy này.", login=login)
            store.write(lambda s: users.switch_user(s, found[0].id), anonymous=True)
            store.reload_identity()
        sign_in.act_as_current(store)
        return
    if not login:
        raise SignInError(
            "Máy này dùng tài khoản riêng cho từng người: hãy thêm --login TÊN_ĐĂNG_NHẬP "
            "(hoặc đặt biến môi trường {env}).",
            env=USER_ENV,
        )
    typed = getattr(args, "typed_password", None)  # already asked to unlock the encrypted file
    signed = sign_in.sign_in(store, login, typed if typed is not None else ask_password("Mật khẩu: "))
    if signed.must_change_password and not getattr(args, "while_must_change", False):
        sign_in.sign_out(store)
        raise SignInError(
            "Mật khẩu của bạn đã được đặt lại: hãy đổi mật khẩu trước, "
            "bằng lệnh kcdesk account passwd --login {login}.",
            login=login,
        )
