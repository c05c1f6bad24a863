"""`kcdesk security status|encrypt|recovery-pdf|new-recovery-key`: the database encrypted at
rest (kcdesk.security).

- status: encrypted or not, which key slots open it;
- encrypt: convert a plain database (encrypted backup first; progress; safe to interrupt and
  run again; the plain file goes only once the encrypted one passes the check);
- recovery-pdf --out FILE.pdf: a new recovery key ("khóa dự phòng") on one printed page (the
  previous one stops working);
- new-recovery-key: a random recovery key to put in KCDESK_RECOVERY_KEY before a database is
  created on a machine without an OS keyring.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kcdesk.cli.common import add_json_option, db_path, emit, open_store
from kcdesk.db import sqlfile
from kcdesk.i18n import tr

SLOT_NAMES = {"os": "tài khoản máy tính này", "password": "mật khẩu của {who}", "recovery": "khóa dự phòng"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("security", parents=[common], help=tr("mã hóa cơ sở dữ liệu trên máy"))
    ssub = p.add_subparsers(dest="security_command", metavar=tr("LỆNH"), required=True)
    status = ssub.add_parser("status", parents=[common], help=tr("cơ sở dữ liệu có được mã hóa không"))
    add_json_option(status)
    status.set_defaults(handler=cmd_status)
    encrypt = ssub.add_parser("encrypt", parents=[common], help=tr("mã hóa cơ sở dữ liệu đang để không mã hóa"))
    encrypt.set_defaults(handler=cmd_encrypt)
    pdf = ssub.add_parser("recovery-pdf", parents=[common], help=tr("in khóa dự phòng mới ra một trang PDF"))
    pdf.add_argument("--out", type=Path, required=True, help=tr("tệp PDF kết quả"))
    pdf.set_defaults(handler=cmd_recovery_pdf)
    new = ssub.add_parser("new-recovery-key", parents=[common], help=tr("tạo một khóa dự phòng ngẫu nhiên"))
    new.set_defaults(handler=cmd_new_recovery_key)


def cmd_status(args: argparse.Namespace) -> int:
    path = db_path(args)
    data: dict[str, Any] = {"db": str(path), "encrypted": sqlfile.is_encrypted(path), "slots": []}
    if sqlfile.key_file(path).exists():
        from kcdesk.security.keyfile import KeyFile

        data["slots"] = [{"type": s["type"], "login": s.get("user_id")} for s in KeyFile.load(path).slots]
        data["converting"] = not data["encrypted"]

    def render(d: dict[str, Any]) -> str:
        if not d["encrypted"]:
            if d.get("converting"):
                return tr("Chưa mã hóa xong (lần mã hóa trước bị ngắt). Hãy chạy lại: kcdesk security encrypt")
            return tr("Cơ sở dữ liệu chưa được mã hóa. Mã hóa bằng: kcdesk security encrypt")
        slots = [tr(SLOT_NAMES[s["type"]], who=s["login"] or "") for s in d["slots"]]
        lines = [tr("Cơ sở dữ liệu được mã hóa (SQLCipher, AES-256). Mở được bằng: {slots}", slots=", ".join(slots))]
        if not any(s["type"] == "recovery" for s in d["slots"]):
            lines.append(tr("Chưa có khóa dự phòng: hãy in bằng kcdesk security recovery-pdf --out khoa.pdf"))
        return "\n".join(lines)

    emit(args, data, render)
    return 0


def cmd_encrypt(args: argparse.Namespace) -> int:
    from kcdesk.security.convert import encrypt_database

    path = db_path(args)
    store = open_store(args)  # migrates and signs the person in, as any command
    store.close()
    encrypt_database(path, say=lambda line: print(line, flush=True))
    print(tr("Hãy in khóa dự phòng và cất vào tủ hồ sơ: kcdesk security recovery-pdf --out khoa-du-phong.pdf"))
    return 0


def cmd_recovery_pdf(args: argparse.Namespace) -> int:
    from kcdesk.reports.agency import agency_for
    from kcdesk.reports.recovery_sheet import write_recovery_sheet
    from kcdesk.security.policy import new_recovery_key

    path = db_path(args)
    with open_store(args) as store:
        with store.read() as session:
            agency = agency_for(session)
        key = new_recovery_key(path)
    write_recovery_sheet(key, path, agency, args.out)
    print(tr("Đã in khóa dự phòng mới vào {out}; khóa dự phòng cũ không còn dùng được.", out=str(args.out)))
    return 0


def cmd_new_recovery_key(args: argparse.Namespace) -> int:
    from kcdesk.security.recovery import format_key, new_recovery_key

    print(format_key(new_recovery_key()))
    return 0
