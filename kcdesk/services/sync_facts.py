"""Sync facts read without importing the sync client (httpx, pydantic: the window starts
without them): per-record badges for a page of rows at once, whether this laptop has a
server, whether the server's port answers (regained connectivity), what the person can do
about a refusal, how the inbox names tables, fields and records.

`record_badges` answers what kcdesk.sync.service.SyncService.record_badge answers for one
record, for a page of 200 register rows in four indexed queries instead of 800;
tests/test_services_sync_facts.py holds it to the same answers as record_badge.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import BindParameter, bindparam, text
from sqlalchemy.orm import Session

from kcdesk.sync import state

_IN: BindParameter[list[str]] = bindparam("ids", expanding=True)
_CONFLICT = text(
    "SELECT DISTINCT row_id FROM sync_conflict WHERE table_name = :t AND row_id IN :ids AND resolved_at IS NULL"
).bindparams(_IN)
_DEAD = text("SELECT DISTINCT row_id FROM sync_deadletter WHERE table_name = :t AND row_id IN :ids").bindparams(_IN)
_STATE = text("SELECT row_id, state FROM sync_record_state WHERE table_name = :t AND row_id IN :ids").bindparams(_IN)
_PENDING = text("SELECT DISTINCT row_id FROM sync_outbox WHERE table_name = :t AND row_id IN :ids").bindparams(_IN)


def record_badges(session: Session, table: str, ids: Sequence[str]) -> dict[str, str]:
    """Badge of each id that is not simply 'synced' (conflict > error > state > pending)."""
    out: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        params = {"t": table, "ids": chunk}
        pending = {r[0] for r in session.execute(_PENDING, params)}
        if not pending and not _any_sync_rows(session):
            continue
        for rid in pending:
            out[rid] = "pending"
        for rid, flag in session.execute(_STATE, params):
            out[rid] = str(flag)
        for (rid,) in session.execute(_DEAD, params):
            out[rid] = "error"
        for (rid,) in session.execute(_CONFLICT, params):
            out[rid] = "conflict"
    return out


def record_badge(session: Session, table: str, row_id: str) -> str:
    """The badge of one record ('synced' when nothing is pending, refused or in conflict)."""
    return record_badges(session, table, [row_id]).get(row_id, "synced")


def is_enrolled(session: Session) -> bool:
    """Whether this laptop has a server (kcdesk.sync.state keys, read without the client)."""
    return bool(state.get(session, state.SERVER_URL) and state.get(session, state.DEVICE_ID))


def local_status(session: Session, lang: str | None = None) -> dict[str, Any]:
    """What this laptop knows of its sync without asking the server (the status bar's facts):
    enrolled, changes waiting, refused changes, open conflicts, the last success and the last
    error in `lang`. Whether the server answers is the sync client's to say."""
    from kcdesk.i18n import tr

    server, device, last, error_json = (
        state.get(session, k) for k in (state.SERVER_URL, state.DEVICE_ID, state.LAST_SUCCESS, state.LAST_ERROR)
    )
    error = json.loads(error_json) if error_json else None
    last_error = None
    if error:
        try:
            last_error = tr(error["message"], lang, **error.get("params", {}))
        except (KeyError, IndexError, ValueError):
            last_error = error.get("message")
    return {
        "enrolled": bool(server and device),
        "pending": int(session.execute(text("SELECT count(*) FROM sync_outbox")).scalar_one()),
        "last_success": last,
        "dead_letters": int(session.execute(text("SELECT count(*) FROM sync_deadletter")).scalar_one()),
        "conflicts": int(
            session.execute(text("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL")).scalar_one()
        ),
        "last_error": last_error,
    }


def _any_sync_rows(session: Session) -> bool:
    """A laptop that never synced has no conflicts, refusals or record states: skip those."""
    return bool(
        session.execute(
            text(
                "SELECT EXISTS (SELECT 1 FROM sync_conflict WHERE resolved_at IS NULL) "
                "OR EXISTS (SELECT 1 FROM sync_deadletter) OR EXISTS (SELECT 1 FROM sync_record_state)"
            )
        ).scalar()
    )


def server_reachable(server_url: str, timeout: float = 3.0) -> bool:
    """Whether the server's port accepts a connection: a probe that sends nothing, so it
    costs no TLS handshake and no token; the sync cycle itself verifies the server."""
    parts = urlsplit(server_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "", port), timeout=timeout):
            return True
    except OSError:
        return False


# What a person can do about each refusal code (kcdesk.sync.reasons), Vietnamese source.
# A correction made here travels as a new change of the corrected fields; that reaches the
# server only for a record the server already has. A refused *new* record cannot be sent
# again by editing it (the core has no "send it whole again" yet), and the advice says so.
ADVICE = {
    "out_of_scope": "Thay đổi đưa bản ghi ra ngoài nơi máy này được ghi: sửa tỉnh/xã lại cho đúng rồi lưu, hoặc bỏ "
    "thay đổi này.",
    "read_only": "Vai trò của anh/chị chỉ được xem dữ liệu này: bỏ thay đổi này, hoặc nhờ người có quyền sửa.",
    "locked": "Hồ sơ đã khóa trên máy chủ: bỏ thay đổi này; nếu cần sửa, hãy làm theo thủ tục điều chỉnh.",
    "invalid_transition": "Trạng thái trên máy chủ đã khác: mở đề án, xem trạng thái hiện tại rồi làm lại bước này.",
    "invalid_value": "Sửa giá trị được nêu rồi lưu lại; thay đổi mới sẽ được gửi ở lần đồng bộ sau.",
    "blocked_by_parent": "Xử lý thay đổi của bản ghi liên quan (ở dòng phía trên) trước.",
    "parent_missing": "Bản ghi liên quan chưa có trên máy chủ: xử lý bản ghi đó trước.",
    "parent_deleted": "Bản ghi liên quan đã bị xóa trên máy chủ: bỏ thay đổi này.",
    "not_found": "Bản ghi không còn trên máy chủ: bỏ thay đổi này.",
    "server_owned": "Người dùng do máy chủ quản lý: bỏ thay đổi này và nhờ quản trị sửa trên máy chủ.",
}
DEFAULT_ADVICE = "Mở bản ghi để xem và sửa, hoặc bỏ thay đổi này."
NEW_RECORD_ADVICE = (
    "Bản ghi mới này chưa lên máy chủ: mở bản ghi, sửa theo lý do rồi bấm “Gửi lại”; nếu nó không thuộc "
    "phạm vi của máy này, bỏ thay đổi này và nhờ người có quyền nhập cho đúng nơi."
)


def advice(code: str, op: str) -> str:
    """What the person can do about a refused change (Vietnamese source text)."""
    if op == "insert":
        return NEW_RECORD_ADVICE
    return ADVICE.get(code, DEFAULT_ADVICE)


# -- the conflicts inbox and the refused changes, as people read them -------------------------

TABLE_LABELS = {
    "facility": "Cơ sở CNNT",
    "proposal": "Đề án",
    "acceptance": "Biên bản nghiệm thu",
    "acceptance_member": "Thành viên nghiệm thu",
    "acceptance_item": "Nội dung nghiệm thu",
    "budget_line": "Dòng kinh phí",
    "disbursement": "Giải ngân",
    "survey": "Phiếu khảo sát",
    "survey_need": "Nhu cầu khảo sát",
    "attachment": "Tệp đính kèm",
    "app_user": "Người dùng",
}
OP_LABELS = {"insert": "Thêm mới", "update": "Sửa", "delete": "Xóa"}
_TITLE_COLUMN = {"facility": "name", "proposal": "title", "acceptance": "number", "app_user": "full_name"}


def field_label(table: str, name: str) -> str:
    """A field's name as people know it (Vietnamese source), or the column name."""
    from kcdesk.domain.validation import FACILITY_LABELS
    from kcdesk.services.proposals import PROPOSAL_LABELS

    labels = {"facility": FACILITY_LABELS, "proposal": PROPOSAL_LABELS}.get(table, {})
    return labels.get(name, name)


def record_titles(session: Session, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(table, row id) -> the record's name, title or number, where it has one."""
    out: dict[tuple[str, str], str] = {}
    for table, row_id in set(pairs):
        column = _TITLE_COLUMN.get(table)
        if column is None:
            continue
        row = session.execute(text(f'SELECT "{column}" FROM "{table}" WHERE id = :id'), {"id": row_id}).first()
        if row and row[0]:
            out[(table, row_id)] = str(row[0])
    return out
