"""English translations of the core's Vietnamese messages (source text -> English).

tests/test_i18n.py checks that every translation keeps its source's {placeholders}.
"""

EN: dict[str, str] = {
    # Proposal statuses
    "Dự thảo": "Draft",
    "Đã đăng ký": "Registered",
    "Trả lại để hoàn thiện": "Returned for revision",
    "Không được chấp thuận": "Rejected",
    "Đã thẩm định cấp cơ sở": "Appraised by the province",
    "Đã trình Bộ Công Thương": "Submitted to the ministry",
    "Bộ đã thẩm định": "Appraised by the ministry",
    "Đã phê duyệt kế hoạch": "Approved in the plan",
    "Đã ký hợp đồng": "Contracted",
    "Đang thực hiện": "In progress",
    "Đề nghị điều chỉnh": "Adjustment requested",
    "Ngừng thực hiện": "Stopped",
    "Đã nghiệm thu": "Accepted",
    "Nghiệm thu một phần": "Partially accepted",
    "Đã nộp hồ sơ quyết toán": "Settlement submitted",
    "Đã quyết toán": "Settled",
    "Đã đánh giá sau hỗ trợ": "Evaluated after support",
    # Proposal actions
    "Nộp hồ sơ đăng ký": "Submit the registration",
    "Trả lại để hoàn thiện (Sở)": "Return for revision",
    "Bộ trả lại để hoàn thiện": "Return for revision (ministry)",
    "Không chấp thuận": "Reject",
    "Bộ không chấp thuận": "Reject (ministry)",
    "Thẩm định cấp cơ sở (đạt)": "Appraise (passed)",
    "Trình Bộ Công Thương": "Submit to the ministry",
    "Bộ thẩm định (đạt)": "Ministry appraisal (passed)",
    "Phê duyệt vào kế hoạch": "Approve into the plan",
    "Phê duyệt vào kế hoạch (UBND tỉnh)": "Approve into the plan (provincial committee)",
    "Ký hợp đồng / giao nhiệm vụ": "Sign the contract",
    "Tạm ứng lần đầu, bắt đầu thực hiện": "First advance, start",
    "Chấp thuận điều chỉnh": "Approve the adjustment",
    "Nghiệm thu (đạt)": "Accept (passed)",
    "Nộp hồ sơ quyết toán": "Submit for settlement",
    "Phê duyệt quyết toán": "Approve the settlement",
    "Đánh giá sau hỗ trợ": "Post-support evaluation",
    "không còn bước nào (trạng thái cuối)": "no further steps (final status)",
    # Roles
    "Cán bộ Trung tâm Khuyến công": "Centre staff",
    "Lãnh đạo Trung tâm": "Centre leader",
    "Kế toán": "Accountant",
    "Cán bộ thẩm định Sở Công Thương": "Department of Industry and Trade reviewer",
    "Cộng tác viên khuyến công": "Commune collaborator",
    "Cán bộ Bộ Công Thương": "Ministry officer",
    "Quản trị hệ thống": "Administrator",
    # Lifecycle and store errors
    "Không thể thực hiện '{action}' khi đề án đang ở trạng thái '{status}'. Các bước tiếp theo được phép: {steps}.":
        "Cannot '{action}' while the proposal is '{status}'. Allowed next steps: {steps}.",
    "Vai trò '{role}' không được thực hiện '{action}'. Người được phép: {roles}.":
        "The role '{role}' may not '{action}'. Allowed: {roles}.",
    "Chưa có cơ sở dữ liệu tại {path}. Hãy chạy: kcdesk --db \"{path}\" init":
        "No database at {path}. Run: kcdesk --db \"{path}\" init",
    "Lỗi: {message}": "Error: {message}",
}  # fmt: skip
