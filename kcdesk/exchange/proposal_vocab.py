"""Proposal levels and statuses as they are written in sheets.

The status labels follow kcdesk.domain.lifecycle; they are repeated here so that imports
keep working on their own, and a test checks the two lists agree when both exist.
"""

from __future__ import annotations

LEVEL_LABELS = {"KCQG": "KCQG", "KCDP": "KCĐP"}
LEVEL_ALIASES = {
    "kcqg": "KCQG", "quoc gia": "KCQG", "khuyen cong quoc gia": "KCQG", "trung uong": "KCQG",
    "kcdp": "KCDP", "dia phuong": "KCDP", "khuyen cong dia phuong": "KCDP",
}  # fmt: skip
STATUS_LABELS = {
    "draft": "Dự thảo",
    "registered": "Đã đăng ký",
    "returned": "Trả lại để hoàn thiện",
    "rejected": "Không được chấp thuận",
    "base_appraised": "Đã thẩm định cấp cơ sở",
    "submitted_to_ministry": "Đã trình Bộ Công Thương",
    "ministry_appraised": "Bộ đã thẩm định",
    "approved": "Đã phê duyệt kế hoạch",
    "contracted": "Đã ký hợp đồng",
    "in_progress": "Đang thực hiện",
    "adjustment_requested": "Đề nghị điều chỉnh",
    "stopped": "Ngừng thực hiện",
    "accepted": "Đã nghiệm thu",
    "partially_accepted": "Nghiệm thu một phần",
    "settlement_submitted": "Đã nộp hồ sơ quyết toán",
    "settled": "Đã quyết toán",
    "evaluated": "Đã đánh giá sau hỗ trợ",
}
DEFAULT_STATUS = "approved"
