"""`kcdesk attachment add|list|remove|save`: scans and photos of a record, as the window's
file panels keep them (facility, acceptance record, survey, post-support evaluation).

Files are copied into the content-addressed store first, outside the transaction, then
linked, so a refused link leaves only an unreferenced copy. A signed acceptance and a sent
survey keep their files (services.attachments.refuse_if_closed), here as in the window.
"""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.db.files import readable_path
from kcdesk.db.models import Attachment, PostSupportEvaluation, Survey
from kcdesk.domain.vnformat import group
from kcdesk.errors import FieldMessage, NotFoundError, ValidationError
from kcdesk.i18n import tr
from kcdesk.reports.records import find_acceptance
from kcdesk.services import attachments, facilities


def _survey(session: Session, ref: str) -> str:
    survey = session.get(Survey, ref.strip())
    if survey is None or survey.deleted_at is not None:
        raise NotFoundError("Không tìm thấy phiếu khảo sát {id}.", id=ref)
    return survey.id


def _evaluation(session: Session, ref: str) -> str:
    evaluation = session.get(PostSupportEvaluation, ref.strip())
    if evaluation is None or evaluation.deleted_at is not None:
        raise NotFoundError("Không tìm thấy phiếu đánh giá sau hỗ trợ {id}.", id=ref)
    return evaluation.id


# kind on the command line -> (owner table, how a reference is found, default document type)
KINDS: dict[str, tuple[str, Callable[[Session, str], str], str]] = {
    "facility": ("facility", lambda s, ref: facilities.find_facility(s, ref).id, "scan"),
    "acceptance": ("acceptance", lambda s, ref: find_acceptance(s, ref).id, "scan_bien_ban"),
    "survey": ("survey", _survey, "photo"),
    "evaluation": ("post_support_evaluation", _evaluation, "photo"),
}
KIND_HELP = (
    "loại hồ sơ: facility (mã số thuế hoặc id), acceptance (số biên bản, mã đề án hoặc id), "
    "survey (id), evaluation (id)"
)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("attachment", parents=[common], help=tr("tệp đính kèm: bản quét, ảnh chụp của hồ sơ"))
    asub = p.add_subparsers(dest="attachment_command", metavar=tr("LỆNH"), required=True)
    add = asub.add_parser("add", parents=[common], help=tr("gắn tệp vào một hồ sơ"))
    add.add_argument("kind", choices=sorted(KINDS), help=tr(KIND_HELP))
    add.add_argument("ref", help=tr("mã hoặc id của hồ sơ"))
    add.add_argument("files", nargs="+", type=Path, metavar=tr("TỆP"), help=tr("tệp cần gắn (một hoặc nhiều)"))
    add.add_argument("--caption", help=tr("chú thích cho các tệp"))
    add.add_argument("--type", dest="doc_type", help=tr("loại tài liệu, ví dụ photo, scan, scan_bien_ban"))
    add_json_option(add)
    add.set_defaults(handler=cmd_add)
    lst = asub.add_parser("list", parents=[common], help=tr("các tệp của một hồ sơ"))
    lst.add_argument("kind", choices=sorted(KINDS), help=tr(KIND_HELP))
    lst.add_argument("ref", help=tr("mã hoặc id của hồ sơ"))
    add_json_option(lst)
    lst.set_defaults(handler=cmd_list)
    rm = asub.add_parser("remove", parents=[common], help=tr("bỏ một tệp khỏi hồ sơ (giữ lại trong lịch sử)"))
    rm.add_argument("attachment", help=tr("id của tệp (xem: kcdesk attachment list)"))
    add_json_option(rm)
    rm.set_defaults(handler=cmd_remove)
    save = asub.add_parser("save", parents=[common], help=tr("lưu một bản sao của tệp ra ngoài"))
    save.add_argument("attachment", help=tr("id của tệp (xem: kcdesk attachment list)"))
    save.add_argument("--out", required=True, type=Path, help=tr("tệp hoặc thư mục để lưu"))
    add_json_option(save)
    save.set_defaults(handler=cmd_save)


def _render_rows(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return tr("Hồ sơ chưa có tệp đính kèm nào.")
    lines = []
    for r in rows:
        where = tr("có trên máy") if r["downloaded"] else tr("chưa tải về (đồng bộ để tải)")
        caption = f" - {r['caption']}" if r["caption"] else ""
        lines.append(f"{r['filename']}{caption}  ({group(r['size'])} B, {r['doc_type'] or '-'}, {where})")
        lines.append(f"  id: {r['id']}")
    return "\n".join(lines)


def _rows(session: Session, files_dir: Path, table: str, owner_id: str) -> list[dict[str, Any]]:
    rows = attachments.attachments_of(session, table, owner_id)
    for r in rows:
        r["downloaded"] = attachments.local_path(files_dir, r["sha256"]) is not None
    return rows


def cmd_add(args: argparse.Namespace) -> int:
    table, find, doc_type = KINDS[args.kind]
    with open_store(args) as store:
        stored = [(*attachments.store_file(store.files_dir, path), path.name) for path in args.files]

        def write(session: Session) -> list[dict[str, Any]]:
            owner_id = find(session, args.ref)
            for sha, size, name in stored:
                attachments.link(
                    session,
                    sha256=sha,
                    size=size,
                    filename=name,
                    owner_table=table,
                    owner_id=owner_id,
                    doc_type=args.doc_type or doc_type,
                    caption=args.caption,
                )
            return _rows(session, store.files_dir, table, owner_id)

        rows = store.write(write)
    emit(args, rows, lambda rs: tr("Đã gắn {n} tệp.", n=len(stored)) + "\n" + _render_rows(rs))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    table, find, _ = KINDS[args.kind]
    with open_store(args) as store, store.read() as session:
        rows = _rows(session, store.files_dir, table, find(session, args.ref))
    emit(args, rows, _render_rows)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with open_store(args) as store:

        def write(session: Session) -> dict[str, Any]:
            attachments.remove(session, args.attachment)
            item = session.get(Attachment, args.attachment)
            assert item is not None
            return {"id": item.id, "filename": item.filename}

        data = store.write(write)
    emit(args, data, lambda d: tr("Đã bỏ tệp {name} khỏi hồ sơ.", name=d["filename"]))
    return 0


def cmd_save(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        with store.read() as session:
            item = session.get(Attachment, args.attachment)
            if item is None or item.deleted_at is not None:
                raise NotFoundError("Không tìm thấy tệp đính kèm {id}.", id=args.attachment)
            filename, sha = item.filename, item.sha256
        source = attachments.local_path(store.files_dir, sha)
    if source is None:
        raise NotFoundError("Tệp {name} chưa được tải về máy này; hãy đồng bộ rồi thử lại.", name=filename)
    out: Path = args.out / Path(filename).name if args.out.is_dir() else args.out
    if out.exists():
        raise ValidationError(
            {"out": FieldMessage("Tệp {path} đã có; hãy chọn tên khác (không ghi đè).", path=str(out))}
        )
    shutil.copyfile(readable_path(source), out)  # unsealed when the database is encrypted
    emit(args, {"id": args.attachment, "path": out}, lambda d: tr("Đã lưu: {path}", path=d["path"]))
    return 0
