"""`kcdesk enroll`, `kcdesk sync`, `kcdesk sync status|conflicts|resolve|deadletters|resend`."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.i18n import tr
from kcdesk.progress import Progress


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    enroll = sub.add_parser("enroll", parents=[common], help=tr("đăng ký thiết bị với máy chủ đồng bộ"))
    enroll.add_argument("--server", required=True, help=tr("địa chỉ máy chủ, ví dụ https://kc.example.vn"))
    enroll.add_argument("--code", required=True, help=tr("mã đăng ký do quản trị cấp"))
    enroll.add_argument("--name", default="", help=tr("tên thiết bị"))
    enroll.add_argument("--ca-file", default=None, help=tr("chứng chỉ CA riêng để kiểm tra TLS của máy chủ"))
    enroll.add_argument(
        "--insecure-http",
        action="store_true",
        help=tr("chấp nhận máy chủ http:// không mã hóa trên máy khác (chỉ trong mạng nội bộ tin cậy)"),
    )
    enroll.set_defaults(handler=_enroll)

    sync = sub.add_parser("sync", parents=[common], help=tr("đồng bộ một lần với máy chủ"))
    add_json_option(sync)
    sync.set_defaults(handler=_sync)
    actions = sync.add_subparsers(dest="sync_action")
    status = actions.add_parser("status", parents=[common], help=tr("tình trạng đồng bộ"))
    add_json_option(status)
    status.set_defaults(handler=_status)
    conflicts = actions.add_parser("conflicts", parents=[common], help=tr("các xung đột cần xử lý"))
    add_json_option(conflicts)
    conflicts.set_defaults(handler=_conflicts)
    resolve = actions.add_parser("resolve", parents=[common], help=tr("xử lý một xung đột"))
    resolve.add_argument("conflict_id")
    resolve.add_argument("choice", choices=("mine", "theirs", "edited"))
    resolve.add_argument("--value", action="append", default=[], metavar=tr("TRƯỜNG=GIÁ_TRỊ"))
    resolve.set_defaults(handler=_resolve)
    dead = actions.add_parser("deadletters", parents=[common], help=tr("các thay đổi bị máy chủ từ chối"))
    add_json_option(dead)
    dead.set_defaults(handler=_dead_letters)
    again = actions.add_parser(
        "resend", parents=[common], help=tr("sửa một bản ghi mới bị máy chủ từ chối và gửi lại ở lần đồng bộ tới")
    )
    again.add_argument("seq", type=int, help=tr("số của thay đổi bị từ chối (xem: kcdesk sync deadletters)"))
    again.add_argument("--value", action="append", default=[], metavar=tr("TRƯỜNG=GIÁ_TRỊ"), help=tr("giá trị sửa"))
    again.set_defaults(handler=_resend)


def _service(args: argparse.Namespace) -> Any:
    from kcdesk.sync.service import SyncService

    return SyncService(open_store(args))


def _enroll(args: argparse.Namespace) -> int:
    from kcdesk.sync.server_url import WARNING, needs_consent

    if args.insecure_http and needs_consent(args.server):
        print(tr(WARNING, url=args.server), file=sys.stderr)
    service = _service(args)
    try:
        device_id = service.enrol(args.server, args.code, args.name, args.ca_file, args.insecure_http)
    finally:
        service.store.close()
    print(tr("Đã đăng ký thiết bị {device} với máy chủ {server}.", device=device_id, server=args.server))
    return 0


def _progress(done: int, total: int, stage: str) -> None:
    what = tr("đang {stage}", stage=stage)
    print(f"\r{what}: {done}" + (f"/{total}" if total else "") + " " * 10, end="", file=sys.stderr, flush=True)


def _sync(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        report = service.run_cycle(progress=None if args.json else Progress(_progress))
    finally:
        service.store.close()
    if not args.json:
        print(file=sys.stderr)
    data = asdict(report)
    emit(
        args,
        data,
        lambda d: tr(
            "Đồng bộ xong: gửi {pushed} thay đổi ({applied} áp dụng, {merged} gộp, {rejected} bị từ chối); "
            "nhận {pulled} bản ghi; {conflicts} xung đột mới; tệp: gửi {files_up}, nhận {files_down}.",
            **d,
        ),
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        status = service.status()
    finally:
        service.store.close()
    emit(args, asdict(status), status_text)
    return 0


def _when(iso: str | None) -> str:
    """An instant the store keeps in UTC, in local time as the window shows it."""
    if not iso:
        return tr("chưa có")
    from datetime import UTC, datetime

    try:
        at = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone().strftime("%H:%M %d/%m/%Y")


def status_text(d: dict[str, Any]) -> str:
    """`kcdesk sync status` as sentences (the --json keys stay as they are for scripts)."""
    from kcdesk.domain.vnformat import group

    if not d["enrolled"]:
        lines = [tr("Máy này chưa đăng ký với máy chủ đồng bộ. Hãy chạy: kcdesk enroll --server URL --code MÃ")]
    else:
        lines = [tr("Máy chủ: {server} (thiết bị {device})", server=d["server_url"], device=d["device_id"])]
    if d["revoked"]:
        lines.append(tr("Thiết bị đã bị thu hồi quyền đồng bộ; dữ liệu vẫn giữ trên máy. Hãy liên hệ quản trị."))
    if d["running"]:
        lines.append(tr("Đang đồng bộ."))
    pending = tr("Thay đổi chờ gửi: {n}", n=group(d["pending"]))
    if d["pending"] and d["oldest_pending"]:
        pending += " " + tr("(cũ nhất từ {when})", when=_when(d["oldest_pending"]))
    lines.append(pending)
    lines.append(tr("Thay đổi bị máy chủ từ chối: {n}", n=group(d["dead_letters"])))
    lines.append(tr("Xung đột chưa xử lý: {n}", n=group(d["open_conflicts"])))
    lines.append(tr("Lần đồng bộ thành công gần nhất: {when}", when=_when(d["last_success"])))
    if d["last_attempt"] and (not d["last_success"] or d["last_attempt"] > d["last_success"]):  # a failed try since
        lines.append(tr("Lần thử gần nhất: {when}", when=_when(d["last_attempt"])))
    lines.append(tr("Lỗi gần nhất: {error}", error=d["last_error"] or tr("không có")))
    skew = d["clock_skew_seconds"]
    if skew is not None and abs(skew) >= 60:
        lines.append(
            tr(
                "Đồng hồ máy này lệch {minutes} phút so với máy chủ (chỉ để biết; đồng bộ không dựa vào đồng hồ).",
                minutes=group(round(skew / 60)),
            )
        )
    return "\n".join(lines)


def _conflicts(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        items = service.conflicts()
    finally:
        service.store.close()
    data = [asdict(c) for c in items]

    def render(rows: list[dict[str, Any]]) -> str:
        lines = []
        for c in rows:
            lines.append(f"{c['id']}  {c['table']} {c['row_id']}  ({c['kind']})")
            for f in c["fields"]:
                lines.append(tr("  {name}: của tôi = {mine!r}; bên kia = {theirs!r}; gốc = {base!r}", **f))
        return "\n".join(lines) or tr("Không có xung đột nào.")

    emit(args, data, render)
    return 0


def _resolve(args: argparse.Namespace) -> int:
    values = _values(args.value)
    service = _service(args)
    try:
        service.resolve(args.conflict_id, args.choice, values or None)
    finally:
        service.store.close()
    print(tr("Đã xử lý xung đột; thay đổi sẽ được gửi ở lần đồng bộ tới."))
    return 0


def _values(items: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for item in items:
        name, _, raw = item.partition("=")
        try:
            values[name] = json.loads(raw)
        except ValueError:
            values[name] = raw
    return values


def _resend(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        sent = service.resend(args.seq, _values(args.value))
    finally:
        service.store.close()
    print(
        tr(
            "Đã xếp lại {n} thay đổi để gửi ở lần đồng bộ tới (số {seqs}).",
            n=len(sent),
            seqs=", ".join(str(s) for s in sent),
        )
    )
    return 0


def _dead_letters(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        items = service.dead_letters()
    finally:
        service.store.close()
    emit(
        args,
        [asdict(d) for d in items],
        lambda rows: (
            "\n".join(f"#{d['seq']} {d['table']} {d['row_id']}: {d['reason']}" for d in rows)
            or tr("Không có thay đổi nào bị từ chối.")
        ),
    )
    return 0
