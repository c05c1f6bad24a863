"""English for the sync server's rule book: refusal reasons and the domain rules it applies
(kcdesk.sync.reasons, kcdesk.domain.record_rules, kcdesk.server.rulebook).

Merged into kcdesk.locale_en.EN; kept apart so each area can own its block.
"""

RULES: dict[str, str] = {
    # kcdesk.sync.reasons
    "Bản ghi không có trên máy chủ hoặc không thuộc phạm vi của thiết bị này (bảng {table}).": "The record is not on the server or not within this device's scope (table {table}).",
    "Bản ghi ({parent_table}) ở trường {field} không có trên máy chủ hoặc không thuộc phạm vi của thiết bị này (bảng {table}).": "The record ({parent_table}) named in field {field} is not on the server or not within this device's scope (table {table}).",
    "Mã bản ghi này đã được dùng trên máy chủ (bảng {table}); hãy tạo lại bản ghi.": "This record id is already used on the server (table {table}); create the record again.",
    "Không chuyển được bản ghi giữa dữ liệu toàn quốc và dữ liệu của một tỉnh (bảng {table}).": "A record cannot move between the national data and a province's data (table {table}).",
    "Chuyển bản ghi sang {scope_name} phải là một thay đổi riêng, không kèm sửa các trường khác ({fields}); hãy chuyển trước rồi sửa sau.": "Moving a record to {scope_name} must be a change of its own, without edits to other fields ({fields}); move it first, then edit.",
    "Bản ghi này trên máy chủ bị hỏng và đang được cách ly (bảng {table}); quản trị máy chủ cần sửa nó (kcdesk-server quarantine) trước khi thay đổi được nhận.": "This record is damaged on the server and quarantined (table {table}); the server administrator must repair it (kcdesk-server quarantine) before changes are accepted.",
    "Thay đổi bị từ chối vì {what} vượt giới hạn lưu trữ của máy chủ ({limit}).": "The change was refused because {what} exceeds the server's storage limit ({limit}).",
    "Thay đổi không đúng quy định (bảng {table}, trường {field}).": "The change breaks a rule (table {table}, field {field}).",
    "Chỉ đổi được cấp đề án khi đề án ở trạng thái Dự thảo hoặc Trả lại để hoàn thiện.": "A proposal's level can change only while it is a draft or returned for revision.",
    "Đề án mới phải bắt đầu ở trạng thái Dự thảo.": "A new proposal must start as a draft.",
    "Vai trò của thiết bị không được thực hiện bước này của đề án.": "This device's role may not take this step of the proposal.",
    "Đề án chưa đủ điều kiện để chuyển sang trạng thái này.": "The proposal does not yet meet the conditions for this status.",
    # kcdesk.domain.record_rules
    "Đề án mới phải bắt đầu ở trạng thái '{initial}', không phải '{new}'; các trạng thái sau được ghi lần lượt theo từng bước của quy trình.": "A new proposal must start as '{initial}', not '{new}'; later statuses are recorded step by step along the lifecycle.",
    "Chỉ đổi được cấp đề án khi đề án ở trạng thái '{draft}' hoặc '{returned}' (hiện tại: '{status}').": "A proposal's level can change only while it is '{draft}' or '{returned}' (now: '{status}').",
    "Bước '{action}' ({old} → {new}) không có trong quy trình đề án.": "Step '{action}' ({old} → {new}) is not part of the proposal lifecycle.",
    "Lịch sử ghi bước '{action}' nhưng đề án đang ở trạng thái '{status}', không phải '{new}'.": "The history records step '{action}' but the proposal is '{status}', not '{new}'.",
    # kcdesk-server quarantine
    "Không có bản ghi nào bị cách ly.": "No record is quarantined.",
    "{table} {row_id} (phạm vi {scope}): trường {column} không đọc được ({problem}); phát hiện lúc {at}.": "{table} {row_id} (scope {scope}): field {column} does not read back ({problem}); found at {at}.",
    "liệt kê bản ghi hỏng đang bị cách ly": "list damaged records held in quarantine",
    # kcdesk.server.rules_followup
    "Khoản tiền đã ghi không sửa hay xóa được; nếu ghi sai, hãy ghi một khoản đảo.": "A recorded money entry cannot be changed or deleted; if it is wrong, record a reversing entry.",
    "Khoản đảo phải cùng loại, cùng nguồn và có số tiền bằng khoản bị đảo, dấu ngược lại.": "A reversing entry must have the same kind and fund source as the entry it reverses, and the opposite amount.",
    # kcdesk.server.rulebook
    "Mã băm tệp phải là sha256 (64 chữ số hệ 16).": "The file hash must be a sha256 (64 hexadecimal digits).",
    "Kích thước tệp phải là số nguyên không âm.": "The file size must be a whole number, not negative.",
}
