"""`kcdesk-server`: run the sync server and administer devices.

    kcdesk-server serve [--host 127.0.0.1] [--port N] [--workers N]
    kcdesk-server enroll --province CODE --role ROLE --username NAME [--full-name "Họ Tên"] [--communes W1 ...]
    kcdesk-server devices
    kcdesk-server revoke DEVICE
    kcdesk-server snapshot --scope CODE        (prepare a first-pull snapshot ahead of time)
    kcdesk-server compact --days N             (drop change-log history older than N days)

Every command takes --db URL (PostgreSQL: postgresql://user@host/db; default: a SQLite
file in the server's data folder) and --data DIR (attachments, snapshots, the token key).
Usage errors and messages are in Vietnamese (English with KCDESK_LANG=en or --lang en).

`serve --workers N` runs N worker processes on one listening socket (uvicorn's process
manager): PostgreSQL only, since every worker shares its state through the database.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kcdesk.i18n import tr
from kcdesk.server import db
from kcdesk.server.scopes import ALL_ROLES, MINISTRY_ROLES, View

SETTINGS_FROM_ENV = (
    "access_ttl",
    "refresh_ttl",
    "max_file_bytes",
    "chunk_bytes",
    "max_batch_mutations",
    "max_batch_bytes",
    "pull_page_rows",
    "requests_per_minute",
    "auth_failures",
    "auth_window",
    "max_row_bytes",
    "max_batch_stored_bytes",
    "max_aside_bytes",
    "max_device_aside_bytes",
    "db_pool_size",
    "db_max_overflow",
    "db_pool_timeout",
)
DB_ENV = "KCDESK_SERVER_DB"  # how `serve --workers N` hands --db to its worker processes


def _settings(args: argparse.Namespace) -> Any:
    from kcdesk.server.service import ServerSettings

    data = getattr(args, "data", None)
    data_dir = Path(data) if data else db.default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    url = getattr(args, "db", None) or os.environ.get(DB_ENV) or db.default_url(data_dir)
    settings = ServerSettings(url=url, data_dir=data_dir)
    for name in SETTINGS_FROM_ENV:
        value = os.environ.get(f"KCDESK_SERVER_{name.upper()}")
        if value:
            setattr(settings, name, int(value))
    return settings


def settings_from_env() -> Any:
    """A worker's settings: --db and --data reach it through the environment."""
    return _settings(argparse.Namespace())


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from kcdesk.server.token_secret import SecretProblem

    if args.workers < 1:
        print(tr("Số tiến trình (--workers) phải từ 1 trở lên."), file=sys.stderr)
        return 2
    settings = _settings(args)
    if args.workers > 1 and not settings.url.startswith("postgresql"):
        print(
            tr(
                "Máy chủ dùng SQLite chỉ chạy một tiến trình (--workers 1): SQLite cho một người ghi mỗi lúc. "
                "Muốn nhiều tiến trình, hãy dùng PostgreSQL: --db postgresql://người_dùng@máy/csdl --workers {n}",
                n=args.workers,
            ),
            file=sys.stderr,
        )
        return 2
    try:  # the schema, the epoch and the token key, made once before any worker starts
        from kcdesk.server.service import SyncServer

        SyncServer(settings).close()
    except SecretProblem as exc:
        print(tr(exc.message, **exc.params), file=sys.stderr)
        return 2
    # IPPROTO_TCP named explicitly: asyncio sets TCP_NODELAY on accepted connections only
    # when the listening socket says it is TCP; with proto 0 every answer waits ~40 ms for
    # a delayed ACK (Nagle), which made each request cost 44 ms.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    port = sock.getsockname()[1]
    scheme = "https" if args.tls_cert else "http"
    options: dict[str, Any] = {
        "log_level": args.log_level,
        "ssl_certfile": args.tls_cert,
        "ssl_keyfile": args.tls_key,
        "access_log": False,
        "timeout_keep_alive": 30,
    }
    if args.workers == 1:
        from kcdesk.server.app import create_app

        config = uvicorn.Config(create_app(settings), **options)
        _announce(scheme, args, port)
        uvicorn.Server(config).run(sockets=[sock])
        return 0
    from uvicorn.supervisors import Multiprocess

    os.environ[DB_ENV] = settings.url
    os.environ["KCDESK_SERVER_HOME"] = str(settings.data_dir)
    sock.listen(2048)  # uvicorn's backlog: the socket is shared before any worker listens
    config = uvicorn.Config("kcdesk.server.app:app_from_env", factory=True, workers=args.workers, **options)
    _announce(scheme, args, port)
    Multiprocess(config, sockets=[sock]).run()
    return 0


def _announce(scheme: str, args: argparse.Namespace, port: int) -> None:
    print(f"kcdesk-server listening on {scheme}://{args.host}:{port} ({args.workers} worker(s))", flush=True)
    if args.port_file:
        Path(args.port_file).write_text(str(port))


def cmd_enroll(args: argparse.Namespace) -> int:
    from kcdesk.server.assignments import GrantRefused, check_grant
    from kcdesk.server.service import SyncServer
    from kcdesk.server.users import UserRefused

    province = None if args.role in MINISTRY_ROLES else args.province
    try:  # before anything is opened or created: a typo changes nothing
        check_grant(args.role, province, list(args.communes or []))
    except GrantRefused as exc:
        print(tr(exc.message, **exc.params), file=sys.stderr)
        return 2
    server = SyncServer(_settings(args))
    try:
        code = server.make_code(args.role, province, list(args.communes or []), args.username, args.full_name)
    except (UserRefused, GrantRefused) as exc:
        print(tr(exc.message, **exc.params), file=sys.stderr)
        return 2
    finally:
        server.close()
    if args.json:
        print(json.dumps({"code": code}))
    else:
        print(tr("Mã đăng ký thiết bị (dùng một lần, hết hạn sau 7 ngày): {code}", code=code))
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    from kcdesk.server.auth import list_devices
    from kcdesk.server.service import SyncServer

    server = SyncServer(_settings(args))
    try:
        with server.engine.connect() as conn:
            devices = list_devices(conn)
    finally:
        server.close()
    if args.json:
        print(json.dumps([d.__dict__ for d in devices], ensure_ascii=False, indent=2))
        return 0
    for d in devices:
        state = tr("đã thu hồi") if d.revoked_at else tr("đang hoạt động")
        print(
            f"{d.id}  {d.name}  {d.role}  {d.province_code or '-'}  {','.join(d.communes) or '-'}  "
            f"seq={d.last_seq}  {tr('lần cuối')}: {d.last_seen_at or '-'}  {state}"
        )
    return 0


def _on_one_device(args: argparse.Namespace, action: Callable[[Any, str], object]) -> str | None:
    """Run `action(conn, device_id)` on the one device whose id starts with args.device, in
    one server transaction; None (after saying why) unless exactly one matches."""
    from kcdesk.server.auth import list_devices
    from kcdesk.server.service import SyncServer

    server = SyncServer(_settings(args))
    try:
        with server.engine.execution_options(write=True).begin() as conn:
            matches = [d for d in list_devices(conn) if d.id.startswith(args.device)]
            if len(matches) != 1:
                print(
                    tr(
                        "Không tìm thấy đúng một thiết bị khớp '{device}' (tìm thấy {n}).",
                        device=args.device,
                        n=len(matches),
                    ),
                    file=sys.stderr,
                )
                return None
            action(conn, matches[0].id)
            return matches[0].id
    finally:
        server.close()


def cmd_revoke(args: argparse.Namespace) -> int:
    from kcdesk.server.auth import revoke

    device = _on_one_device(args, revoke)
    if device is None:
        return 1
    print(tr("Đã thu hồi thiết bị {device}. Dữ liệu chưa gửi vẫn nằm trên máy đó.", device=device))
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    from kcdesk.server.assignments import GrantRefused, check_grant
    from kcdesk.server.auth import assign

    def change(conn: Any, device_id: str) -> None:
        from sqlalchemy import select

        found = conn.execute(select(db.device).where(db.device.c.id == device_id)).mappings().first()
        check_grant(found["role"], found["province_code"], list(args.communes))
        assign(conn, device_id, list(args.communes))

    try:
        device = _on_one_device(args, change)
    except GrantRefused as exc:
        print(tr(exc.message, **exc.params), file=sys.stderr)
        return 2
    if device is None:
        return 1
    print(
        tr(
            "Đã giao xã/phường {communes} cho thiết bị {device}.",
            communes=", ".join(args.communes),
            device=device,
        )
    )
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    from kcdesk.server.service import SyncServer

    server = SyncServer(_settings(args))
    view = View(args.scope, tuple(sorted(args.communes)) if args.communes else None, False)
    layouts = ["rows", "client"] if args.layout == "both" else [args.layout]
    try:
        for layout in layouts:  # e.g. after the nightly import, so first pulls find them ready
            print(server.prepare_snapshot(view, layout).model_dump_json())
    finally:
        server.close()
    return 0


def cmd_compact(args: argparse.Namespace) -> int:
    from kcdesk.server.auth import now_text
    from kcdesk.server.service import SyncServer

    server = SyncServer(_settings(args))
    try:
        removed = server.compact(older_than=now_text(datetime.now(UTC) - timedelta(days=args.days)))
    finally:
        server.close()
    print(tr("Đã gọn nhật ký thay đổi: bỏ {n} mục.", n=removed))
    return 0


def cmd_quarantine(args: argparse.Namespace) -> int:
    """Rows left out of every pull because they do not read back (written before the
    server checked values, or by hand): what to repair, table by table."""
    from kcdesk.server.service import SyncServer

    server = SyncServer(_settings(args))
    try:
        entries = server.quarantined()
    finally:
        server.close()
    if args.json:
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print(tr("Không có bản ghi nào bị cách ly."))
        return 0
    for e in entries:
        print(
            tr(
                "{table} {row_id} (phạm vi {scope}): trường {column} không đọc được ({problem}); phát hiện lúc {at}.",
                table=e["table_name"],
                row_id=e["row_id"],
                scope=e["scope"] or "-",
                column=e["column_name"],
                problem=e["problem"],
                at=e["found_at"],
            )
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    from kcdesk.cli.common import KcArgumentParser

    roles = ", ".join(sorted(ALL_ROLES))
    common = KcArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=tr("URL cơ sở dữ liệu máy chủ (mặc định: tệp SQLite)"))
    common.add_argument(
        "--data", default=argparse.SUPPRESS, help=tr("thư mục dữ liệu máy chủ (tệp đính kèm, bản chụp, khóa ký)")
    )
    common.add_argument(
        "--lang", choices=("vi", "en"), default=argparse.SUPPRESS, help=tr("ngôn ngữ thông báo (vi hoặc en)")
    )
    parser = KcArgumentParser(prog="kcdesk-server", parents=[common], description=tr("Máy chủ đồng bộ kcdesk"))
    sub = parser.add_subparsers(dest="command", required=True, metavar=tr("LỆNH"), parser_class=KcArgumentParser)
    serve = sub.add_parser("serve", parents=[common], help=tr("chạy máy chủ"))
    serve.add_argument("--host", default="127.0.0.1", help=tr("địa chỉ lắng nghe"))
    serve.add_argument("--port", type=int, default=8765, help=tr("cổng (0: một cổng trống bất kỳ)"))
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help=tr("số tiến trình phục vụ (nhiều hơn 1 chỉ với PostgreSQL; mỗi tiến trình dùng chung cơ sở dữ liệu)"),
    )
    serve.add_argument("--port-file", default=None, help=tr("ghi cổng đang nghe vào tệp này"))
    serve.add_argument("--tls-cert", default=None, help=tr("chứng chỉ TLS (PEM)"))
    serve.add_argument("--tls-key", default=None, help=tr("khóa riêng TLS (PEM)"))
    serve.add_argument("--log-level", default="warning", help=tr("mức nhật ký: debug, info, warning, error"))
    serve.set_defaults(handler=cmd_serve)
    enroll = sub.add_parser("enroll", parents=[common], help=tr("tạo mã đăng ký thiết bị"))
    enroll.add_argument("--province", default=None, help=tr("mã tỉnh/thành phố, ví dụ 48 (Đà Nẵng)"))
    enroll.add_argument("--role", required=True, help=tr("vai trò, một trong: {roles}", roles=roles))
    enroll.add_argument(
        "--communes", nargs="*", default=[], help=tr("mã xã/phường giao cho cộng tác viên, ví dụ 20194 20197")
    )
    enroll.add_argument("--username", required=True, help=tr("tên đăng nhập của người dùng máy này"))
    enroll.add_argument("--full-name", default=None, help=tr("họ tên (bắt buộc khi tạo người dùng mới)"))
    enroll.add_argument("--json", action="store_true", help=tr("in kết quả dạng JSON"))
    enroll.set_defaults(handler=cmd_enroll)
    devices = sub.add_parser("devices", parents=[common], help=tr("liệt kê thiết bị"))
    devices.add_argument("--json", action="store_true", help=tr("in kết quả dạng JSON"))
    devices.set_defaults(handler=cmd_devices)
    revoke = sub.add_parser("revoke", parents=[common], help=tr("thu hồi thiết bị"))
    revoke.add_argument("device", help=tr("mã thiết bị (hoặc phần đầu của mã)"))
    revoke.set_defaults(handler=cmd_revoke)
    assign_cmd = sub.add_parser("assign", parents=[common], help=tr("đổi xã/phường giao cho cộng tác viên"))
    assign_cmd.add_argument("device", help=tr("mã thiết bị (hoặc phần đầu của mã)"))
    assign_cmd.add_argument("--communes", nargs="*", default=[], help=tr("mã xã/phường, ví dụ 20194 20197"))
    assign_cmd.set_defaults(handler=cmd_assign)
    snap = sub.add_parser("snapshot", parents=[common], help=tr("chuẩn bị bản chụp cho lần tải đầu"))
    snap.add_argument("--scope", required=True, help=tr("mã tỉnh, hoặc 00 cho dữ liệu toàn quốc"))
    snap.add_argument(
        "--communes", nargs="*", default=[], help=tr("chỉ các xã/phường này (bản chụp cho cộng tác viên)")
    )
    snap.add_argument(
        "--layout",
        choices=["both", "client", "rows"],
        default="both",
        help=tr("client: bảng của máy trạm kèm chỉ mục tìm kiếm; rows: các dòng như máy chủ lưu"),
    )
    snap.set_defaults(handler=cmd_snapshot)
    compact = sub.add_parser("compact", parents=[common], help=tr("gọn nhật ký thay đổi cũ"))
    compact.add_argument("--days", type=int, default=180, help=tr("bỏ lịch sử cũ hơn số ngày này"))
    compact.set_defaults(handler=cmd_compact)
    quarantine = sub.add_parser("quarantine", parents=[common], help=tr("liệt kê bản ghi hỏng đang bị cách ly"))
    quarantine.add_argument("--json", action="store_true")
    quarantine.set_defaults(handler=cmd_quarantine)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from kcdesk.cli.common import speak_argparse
    from kcdesk.i18n import set_language

    argv = list(sys.argv[1:] if argv is None else argv)
    language = os.environ.get("KCDESK_LANG", "vi")
    for i, arg in enumerate(argv):  # chosen before the parser is built: its help and errors follow
        if arg == "--lang" and i + 1 < len(argv):
            language = argv[i + 1]
        elif arg.startswith("--lang="):
            language = arg.split("=", 1)[1]
    set_language(language if language in ("vi", "en") else "vi")
    speak_argparse()
    args = build_parser().parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
