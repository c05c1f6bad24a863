"""Shared pieces of the command line: options, store opening, JSON or text output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from kcdesk.db.store import Store
from kcdesk.i18n import tr
from kcdesk.paths import default_db_path

# argparse's own phrases, so a usage error reads in the user's language from start to end
# (argparse looks each up through its module-level gettext `_` when it is shown).
ARGPARSE_PHRASES = (
    "usage: ",
    "options",
    "positional arguments",
    "show this help message and exit",
    "the following arguments are required: %s",
    "unrecognized arguments: %s",
    "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "invalid %(type)s value: %(value)r",
    "expected one argument",
    "expected at most one argument",
    "expected at least one argument",
    "not allowed with argument %s",
    "ignored explicit argument %r",
    "one of the arguments %s is required",
    "ambiguous option: %(option)s could match %(matches)s",
)
ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "options": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "giá trị %(value)r không hợp lệ (chọn một trong: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không đúng kiểu (%(type)s)",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "not allowed with argument %s": "không dùng cùng với %s",
    "ignored explicit argument %r": "không nhận giá trị %r",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ, có thể là %(matches)s",
}


def speak_argparse() -> None:
    """Have argparse say its own phrases in the chosen language (call once the language
    is set, before parsing)."""
    from kcdesk.i18n import language

    if language() == "vi":
        argparse._ = lambda message: ARGPARSE_VI.get(message, message)  # type: ignore[attr-defined]
    else:
        import gettext

        argparse._ = gettext.gettext  # type: ignore[attr-defined]


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
    return common


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=tr("in kết quả dạng JSON"))


def db_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or default_db_path())


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    path = db_path(args)
    existed = path.exists()
    store = Store.open(path, create=create)
    if existed:
        _daily_backup(store)
    return store


def _daily_backup(store: Store) -> None:
    """The first command of the day saves a copy, as the window does at start. A failure is
    a warning: the database itself is fine and the command goes on."""
    from kcdesk.db.daily_backup import daily_backup
    from kcdesk.errors import KcError

    try:
        daily_backup(store.path)
    except KcError as exc:
        print(tr("Cảnh báo: chưa tạo được bản sao lưu hằng ngày: {message}", message=exc.text()), file=sys.stderr)


def _default(value: Any) -> Any:
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
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
        sys.stdout.write("\n")
    else:
        text = render(data)
        if text:
            print(text)
