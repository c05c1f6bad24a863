"""`kcdesk` command line: the same core as the window, scriptable.

Each area registers its subcommands from its own module (COMMAND_MODULES); every command
takes --db, --lang and, where its output is data, --json. Errors are printed in the chosen
language, change nothing and exit non-zero.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from kcdesk import __version__
from kcdesk.cli.common import KcArgumentParser, common_options, speak_argparse
from kcdesk.errors import KcError
from kcdesk.i18n import set_language, tr

# Each top-level command and the module that registers it. A command line that names one
# of them imports that module alone, so `kcdesk status` does not pay for the ORM, the demo
# builder or ReportLab that other commands need; help, errors and the window import them all.
# tests/test_cli_startup.py checks this table against what the modules register.
COMMANDS = {
    "init": "kcdesk.cli.cmd_store",
    "migrate": "kcdesk.cli.cmd_store",
    "backup": "kcdesk.cli.cmd_store",
    "restore": "kcdesk.cli.cmd_store",
    "check": "kcdesk.cli.cmd_store",
    "demo": "kcdesk.cli.cmd_demo",
    "search": "kcdesk.cli.cmd_search",
    "facility": "kcdesk.cli.cmd_facility",
    "proposal": "kcdesk.cli.cmd_proposal",
    "money": "kcdesk.cli.cmd_money",
    "progress": "kcdesk.cli.cmd_progress",
    "acceptance": "kcdesk.cli.cmd_acceptance",
    "evaluation": "kcdesk.cli.cmd_evaluation",
    "survey": "kcdesk.cli.cmd_survey",
    "attachment": "kcdesk.cli.cmd_attachment",
    "due": "kcdesk.cli.cmd_due",
    "status": "kcdesk.cli.cmd_status",
    "enroll": "kcdesk.cli.cmd_sync",
    "sync": "kcdesk.cli.cmd_sync",
    "communes": "kcdesk.cli.cmd_communes",
    "report": "kcdesk.cli.cmd_reports",
    "import": "kcdesk.cli.cmd_exchange",
    "export": "kcdesk.cli.cmd_exchange",
    "settings": "kcdesk.cli.cmd_settings",
    "privacy": "kcdesk.cli.cmd_privacy",
    "account": "kcdesk.cli.cmd_account",
    "security": "kcdesk.cli.cmd_security",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))  # in the order their help lists them
# Options of the main parser that take a value (and every prefix argparse accepts for them).
_VALUED_OPTIONS = ("--db", "--lang", "--login")


def chosen_command(argv: Sequence[str]) -> str | None:
    """The top-level command `argv` names, as argparse will read it, or None (no command,
    a mistyped one, or only options such as --help)."""
    values_next = False
    for arg in argv:
        if values_next:
            values_next = False
        elif arg == "--":
            return None  # anything after it is positional in argparse's own way: take the slow path
        elif arg.startswith("-"):
            values_next = len(arg) > 2 and "=" not in arg and any(o.startswith(arg) for o in _VALUED_OPTIONS)
        else:
            return arg if arg in COMMANDS else None
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `command` only the subcommands of its module (same parse)."""
    common = common_options()
    parser = KcArgumentParser(
        prog="kcdesk",
        parents=[common],
        description=tr("Quản lý khuyến công ngoại tuyến. Chạy không có lệnh con để mở cửa sổ ứng dụng."),
    )
    parser.add_argument(
        "--version", action="version", version=f"kcdesk {__version__}", help=tr("hiện số phiên bản rồi thoát")
    )
    self_test_help = tr("tự kiểm tra bản cài đặt trong một thư mục tạm (không đụng đến dữ liệu) rồi thoát")
    parser.add_argument("--self-test", action="store_true", help=self_test_help)
    sub = parser.add_subparsers(dest="command", metavar=tr("LỆNH"), parser_class=KcArgumentParser)
    for name in COMMAND_MODULES if command is None else (COMMANDS[command],):
        importlib.import_module(name).register(sub, common)
    return parser


def _language_from(argv: Sequence[str]) -> None:
    # Chosen before the parser is built, so its help and errors are in that language too.
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("vi", "en"):
            set_language(argv[i + 1])
        elif arg.startswith("--lang=") and arg.split("=", 1)[1] in ("vi", "en"):
            set_language(arg.split("=", 1)[1])


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _language_from(argv)
    speak_argparse()
    parser = build_parser(chosen_command(argv))
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if getattr(args, "self_test", False):
        from kcdesk.selftest import run_self_test

        return run_self_test()
    if handler is None:
        return _default_command(args, parser)
    try:
        return int(handler(args) or 0)
    except KcError as exc:
        print(tr("Lỗi: {message}", message=exc.text()), file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except OSError as exc:  # an output folder that cannot be written, a full disk: say what to do
        from kcdesk.db.storage_errors import storage_error

        translated = storage_error(exc, Path(exc.filename or "."), data_folder=False)
        if translated is None:
            raise
        print(tr("Lỗi: {message}", message=translated.text()), file=sys.stderr)
        return translated.exit_code
    except KeyboardInterrupt:
        print(tr("Đã dừng theo yêu cầu; dữ liệu chưa ghi xong được hoàn tác."), file=sys.stderr)
        return 130


def _default_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        from kcdesk.ui.app import run_gui
    except ImportError:
        parser.print_help()
        return 0
    return int(run_gui(args))


if __name__ == "__main__":
    raise SystemExit(main())
