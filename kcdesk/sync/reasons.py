"""Why the server refused a change: machine codes and the Vietnamese text people read.

The server sends the code, the Vietnamese source text and its parameters; the client
shows `tr(message, **params)` in the user's language (English in kcdesk/locale_en.py).
Classify by code, never by message text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kcdesk.i18n import label

REASONS: dict[str, str] = {
    "out_of_scope": "Thiết bị không có quyền ghi dữ liệu của {scope_name} (bảng {table}).",
    "read_only": "Vai trò '{role}' chỉ được xem dữ liệu này, không được sửa (bảng {table}).",
    "locked": "{what} đã khóa, không thể sửa hoặc xóa.",
    "invalid_transition": "Không thể chuyển đề án từ trạng thái '{old}' sang '{new}'.",
    "unknown_status": "Trạng thái '{status}' không hợp lệ cho bảng {table}.",
    "parent_missing": "Chưa có bản ghi cha ({parent_table}) trên máy chủ; thay đổi này bị chặn.",
    "blocked_by_parent": "Bị chặn vì thay đổi trước đó của bản ghi liên quan đã bị từ chối.",
    "parent_deleted": "Bản ghi cha ({parent_table}) đã bị xóa trên máy chủ; bản ghi con không được thêm.",
    # Also the answer for a record the device may not see: a refusal never tells whether an
    # id exists elsewhere.
    "not_found": "Bản ghi không có trên máy chủ hoặc không thuộc phạm vi của thiết bị này (bảng {table}).",
    "unknown_table": "Bảng '{table}' không đồng bộ được.",
    "invalid_value": "Giá trị không hợp lệ ở trường '{field}' (bảng {table}): {problem}.",
    "move_not_allowed": "Chỉ quản trị hệ thống hoặc Bộ Công Thương được chuyển bản ghi sang {scope_name}.",
    "server_owned": "Người dùng do máy chủ quản lý; thay đổi này không được gửi đi. Hãy nhờ quản trị sửa trên máy chủ.",
    "withdrawn": "Thay đổi đã được rút lại trên máy trạm.",
    "mutation_mismatch": "Số thứ tự {seq} đã được dùng cho một thay đổi khác; dữ liệu máy này có thể đã được khôi "
    "phục từ bản sao lưu cũ.",
    # The server's rule book (kcdesk.server.rulebook, kcdesk.server.access, kcdesk.server.limits).
    "reference_missing": "Bản ghi ({parent_table}) ở trường {field} không có trên máy chủ hoặc không thuộc phạm vi của "
    "thiết bị này (bảng {table}).",
    "id_in_use": "Mã bản ghi này đã được dùng trên máy chủ (bảng {table}); hãy tạo lại bản ghi.",
    "move_national": "Không chuyển được bản ghi giữa dữ liệu toàn quốc và dữ liệu của một tỉnh (bảng {table}).",
    "move_with_changes": "Chuyển bản ghi sang {scope_name} phải là một thay đổi riêng, không kèm sửa các trường khác "
    "({fields}); hãy chuyển trước rồi sửa sau.",
    "quarantined": "Bản ghi này trên máy chủ bị hỏng và đang được cách ly (bảng {table}); quản trị máy chủ cần sửa nó "
    "(kcdesk-server quarantine) trước khi thay đổi được nhận.",
    "too_large": "Thay đổi bị từ chối vì {what} vượt giới hạn lưu trữ của máy chủ ({limit}).",
    "rule_broken": "Thay đổi không đúng quy định (bảng {table}, trường {field}).",
    "level_fixed": "Chỉ đổi được cấp đề án khi đề án ở trạng thái Dự thảo hoặc Trả lại để hoàn thiện.",
    "initial_status": "Đề án mới phải bắt đầu ở trạng thái Dự thảo.",
    "transition_role": "Vai trò của thiết bị không được thực hiện bước này của đề án.",
    "requirement_missing": "Đề án chưa đủ điều kiện để chuyển sang trạng thái này.",
}

# Text for the values the reasons above put in {what} and {scope_name}.
LOCKED_WHAT = {
    "acceptance": "Biên bản nghiệm thu đã ký",
    "proposal": "Đề án đã quyết toán",
}


def scope_name(scope: str) -> str:
    return "dữ liệu toàn quốc" if scope == "00" else f"tỉnh/thành phố mã {scope}"


# Parameters whose values are the server's own words (catalogue sentences such as "lô thay
# đổi" or a wire reason), never data a user typed: shown in the reader's language too.
WORDED_PARAMETERS = ("what", "problem", "scope_name")


def worded(params: Mapping[str, Any]) -> dict[str, Any]:
    """A refusal's parameters ready for tr(): the server's words translate when shown."""
    return {k: label(v) if k in WORDED_PARAMETERS and isinstance(v, str) else v for k, v in params.items()}
