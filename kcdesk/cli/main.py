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

COMMAND_MODULES = (
    "kcdesk.cli.cmd_store",
    "kcdesk.cli.cmd_demo",
    "kcdesk.cli.cmd_search",
    "kcdesk.cli.cmd_facility",
    "kcdesk.cli.cmd_proposal",
    "kcdesk.cli.cmd_money",
    "kcdesk.cli.cmd_progress",
    "kcdesk.cli.cmd_acceptance",
    "kcdesk.cli.cmd_evaluation",
    "kcdesk.cli.cmd_survey",
    "kcdesk.cli.cmd_attachment",
    "kcdesk.cli.cmd_due",
    "kcdesk.cli.cmd_status",
    "kcdesk.cli.cmd_sync",
    "kcdesk.cli.cmd_communes",
    "kcdesk.cli.cmd_reports",
    "kcdesk.cli.cmd_exchange",
    "kcdesk.cli.cmd_settings",
    "kcdesk.cli.cmd_privacy",
    "kcdesk.cli.cmd_account",
)


def build_parser() -> argparse.ArgumentParser:
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
    for name in COMMAND_MODULES:
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
    parser = build_parser()
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
