"""`kcdesk account`: the accounts of this laptop (sign-in per person, kcdesk.services.sign_in).

`passwd` changes one's own password; the others are the centre leader's: add, list,
disable, enable, reset. Passwords are never options (they would stay in the shell's
history): they are typed at the prompt, or for scripts given in KCDESK_PASSWORD (the
person's own, current) and KCDESK_NEW_PASSWORD (the new or temporary one).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import asdict
from typing import Any

from kcdesk.cli.acting import PASSWORD_ENV, ask_password
from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.domain.roles import ROLES, role_label
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.i18n import tr

NEW_PASSWORD_ENV = "KCDESK_NEW_PASSWORD"


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("account", parents=[common], help=tr("tài khoản đăng nhập trên máy này"))
    acts = p.add_subparsers(dest="account_command", metavar=tr("LỆNH"), required=True)

    q = acts.add_parser("list", parents=[common], help=tr("liệt kê tài khoản"))
    add_json_option(q)
    q.set_defaults(handler=cmd_list)

    q = acts.add_parser("add", parents=[common], help=tr("thêm tài khoản (lãnh đạo Trung tâm)"))
    q.add_argument("account", metavar=tr("TÊN_ĐĂNG_NHẬP"), help=tr("tên đăng nhập của tài khoản mới"))
    q.add_argument("--name", dest="full_name", default="", help=tr("họ tên người dùng"))
    q.add_argument("--role", choices=list(ROLES), default="centre_staff", help=tr("vai trò người dùng"))
    add_json_option(q)
    q.set_defaults(handler=cmd_add)

    for name, help_text, handler in (
        ("disable", tr("khóa tài khoản: không đăng nhập được nữa (lãnh đạo Trung tâm)"), cmd_disable),
        ("enable", tr("mở lại tài khoản đã khóa (lãnh đạo Trung tâm)"), cmd_enable),
        ("reset", tr("đặt lại mật khẩu, người dùng phải đổi khi đăng nhập (lãnh đạo Trung tâm)"), cmd_reset),
    ):
        q = acts.add_parser(name, parents=[common], help=help_text)
        q.add_argument("account", metavar=tr("TÊN_ĐĂNG_NHẬP"), help=tr("tên đăng nhập của tài khoản"))
        add_json_option(q)
        q.set_defaults(handler=handler)

    q = acts.add_parser("passwd", parents=[common], help=tr("đổi mật khẩu của chính mình"))
    add_json_option(q)
    q.set_defaults(handler=cmd_passwd, while_must_change=True)


def _new_password() -> str:
    password = ask_password("Mật khẩu mới: ", NEW_PASSWORD_ENV)
    if NEW_PASSWORD_ENV not in os.environ:  # typed at the terminal: twice, so a slip is caught
        again = ask_password("Nhập lại mật khẩu mới: ", NEW_PASSWORD_ENV)
        if again != password:
            raise ValidationError(
                {"password": FieldMessage("Hai lần nhập mật khẩu mới không giống nhau. Hãy nhập lại.")}
            )
    return password


def _render_account(d: dict[str, Any]) -> str:
    state = tr("đã khóa") if d["disabled"] else (tr("chưa có mật khẩu") if not d["has_password"] else tr("hoạt động"))
    extra = tr(", phải đổi mật khẩu") if d["must_change_password"] else ""
    return f"{d['login']}\t{d['full_name']}\t{role_label(d['role'])}\t{state}{extra}"


def _data(account: Any) -> dict[str, Any]:
    return asdict(account)


def cmd_list(args: argparse.Namespace) -> int:
    from kcdesk.services.sign_in import list_accounts

    with open_store(args) as store, store.read() as s:
        data = [_data(a) for a in list_accounts(s)]
    emit(args, data, lambda rows: "\n".join(_render_account(r) for r in rows))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from kcdesk.services.sign_in import add_account

    with open_store(args) as store:
        password = _new_password()
        account = store.write(lambda s: add_account(s, args.account, args.full_name, args.role, password))
    emit(
        args,
        _data(account),
        lambda d: tr(
            "Đã thêm tài khoản {login} ({role}); người dùng phải đổi mật khẩu khi đăng nhập lần đầu.",
            login=d["login"],
            role=role_label(d["role"]),
        ),
    )
    return 0


def _toggle(args: argparse.Namespace, disabled: bool) -> int:
    from kcdesk.services.sign_in import set_disabled

    with open_store(args) as store:
        account = store.write(lambda s: set_disabled(s, args.account, disabled))
    message = "Đã khóa tài khoản {login}." if disabled else "Đã mở lại tài khoản {login}."
    emit(args, _data(account), lambda d: tr(message, login=d["login"]))
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    return _toggle(args, True)


def cmd_enable(args: argparse.Namespace) -> int:
    return _toggle(args, False)


def cmd_reset(args: argparse.Namespace) -> int:
    from kcdesk.services.sign_in import reset_password

    with open_store(args) as store:
        password = _new_password()
        account = store.write(lambda s: reset_password(s, args.account, password))
    emit(
        args,
        _data(account),
        lambda d: tr("Đã đặt lại mật khẩu của {login}; người dùng phải đổi khi đăng nhập.", login=d["login"]),
    )
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from kcdesk.services.sign_in import set_own_password

    with open_store(args) as store:
        old = ask_password("Mật khẩu hiện tại: ", PASSWORD_ENV) if store.sign_in_required else ""
        new = _new_password()
        user = set_own_password(store, old, new)
    emit(args, asdict(user), lambda d: tr("Đã đổi mật khẩu của {login}.", login=d["username"]))
    return 0
