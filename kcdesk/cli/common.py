"""Shared pieces of the command line: options, store opening, JSON or text output."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from kcdesk.cli.acting import act_as_person, ask_password, login_of
from kcdesk.db.quick_read import open_read_only, sign_in_required
from kcdesk.i18n import tr
from kcdesk.locale_en_cli import ARGPARSE
from kcdesk.paths import default_db_path

if TYPE_CHECKING:  # imported when a command opens the store: a read-only command never does
    from kcdesk.db.store import Store

# argparse's own phrases, so a usage error reads in the user's language from start to end:
# argparse looks each up through its module-level gettext `_` when it builds or shows it;
# the catalogue holds them as Vietnamese -> argparse's English (kcdesk.locale_en_cli).
_VIETNAMESE_OF = {english: vietnamese for vietnamese, english in ARGPARSE.items()}


def _argparse_phrase(message: str) -> str:
    vietnamese = _VIETNAMESE_OF.get(message)
    return tr(vietnamese) if vietnamese is not None else message


def speak_argparse() -> None:
    """Have argparse say its own phrases in the chosen language (call once the language
    is set, before the parser is built: some phrases are taken when an option is added)."""
    argparse._ = _argparse_phrase  # type: ignore[attr-defined]


class KcArgumentParser(argparse.ArgumentParser):
    """argparse with usage errors in the user's language and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(
            tr("Lỗi cú pháp lệnh: {message}. Xem hướng dẫn: {prog} --help", message=message, prog=self.prog),
            file=sys.stderr,
        )
        raise SystemExit(2)


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts, before or after the subcommand name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, help=tr("tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu ứng dụng)")
    )
    common.add_argument(
        "--lang", choices=("vi", "en"), default=argparse.SUPPRESS, help=tr("ngôn ngữ thông báo (vi hoặc en)")
    )
    common.add_argument(
        "--login",
        default=argparse.SUPPRESS,
        help=tr(
            "tên đăng nhập của người chạy lệnh (hoặc biến KCDESK_USER); "
            "mật khẩu hỏi khi chạy hoặc lấy từ KCDESK_PASSWORD"
        ),
    )
    return common


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("in kết quả dạng JSON"))


def db_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or default_db_path())


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    from kcdesk.db.store import Store

    path = db_path(args)
    existed = path.exists()
    unlock_encrypted(path, args)
    store = Store.open(path, create=create)
    try:
        act_as_person(store, args)  # sign-in per person (kcdesk.cli.acting)
    except BaseException:
        store.close()
        raise
    if existed:
        _daily_backup(store.path)
    return store


def unlock_encrypted(path: Path, args: argparse.Namespace) -> None:
    """An encrypted database opened with --login takes its key from that person's password
    (their slot in the key file), not from the OS slot: the same password then signs them in
    (kcdesk.cli.acting). Without --login the key comes from the OS slot or KCDESK_RECOVERY_KEY."""
    from kcdesk.db import sqlfile

    login = login_of(args)
    if not login or not sqlfile.is_encrypted(path) or sqlfile.known_key(path) is not None:
        return
    from kcdesk.db.sqlfile import EncryptedStoreError
    from kcdesk.security.keyfile import KeyFile
    from kcdesk.security.unlock import unlock_with_password

    if KeyFile.load(path).find("password", login) is None:
        return  # no password slot yet (the account was made before encryption): the OS slot opens it
    args.typed_password = ask_password("Mật khẩu: ")
    try:
        unlock_with_password(path, args.typed_password, login)
    except EncryptedStoreError:
        # Not said here: the OS slot may still open the file, and then the sign-in itself
        # refuses the password and counts the attempt (the wait and the lock, as in the window).
        return


def open_read_only_store(args: argparse.Namespace) -> sqlite3.Connection | None:
    """A plain sqlite3 connection for a command that only reads, without importing the ORM,
    or None when the database needs Store.open's full path (missing, to be migrated,
    damaged, or with accounts whose person must sign in): the caller then uses open_store,
    which creates, migrates, explains or signs in."""
    if login_of(args):  # --login or KCDESK_USER: the store's path acts as that person
        return None
    path = db_path(args)
    conn = open_read_only(path)
    if conn is not None and sign_in_required(conn):  # a person signs in first: the store's path asks
        conn.close()
        return None
    if conn is not None:
        _daily_backup(path)
    return conn


def _daily_backup(path: Path) -> None:
    """The first command of the day saves a copy, as the window does at start. A failure is
    a warning: the database itself is fine and the command goes on."""
    from kcdesk.db.daily_backup import daily_backup
    from kcdesk.errors import KcError

    try:
        daily_backup(path)
    except KcError as exc:
        print(tr("Cảnh báo: chưa tạo được bản sao lưu hằng ngày: {message}", message=exc.text()), file=sys.stderr)


def _default(value: Any) -> Any:
    from decimal import Decimal  # here, with json below: `kcdesk status` without --json needs neither

    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def emit(args: argparse.Namespace, data: Any, render: Callable[[Any], str]) -> None:
    """Print `data` as JSON with --json, otherwise as text made by `render`."""
    if getattr(args, "json", False):
        import json

        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
        sys.stdout.write("\n")
    else:
        text = render(data)
        if text:
            print(text)
