"""English for the Excel import's readings of local words and of units from before the
1 July 2025 reform (kcdesk.exchange.facility_import, facility_units).

Merged into kcdesk.locale_en.EN; kept apart so each area can own its block.
"""

EXCHANGE: dict[str, str] = {
    "'{value}' được hiểu là {label} '{entry}'.": "'{value}' was read as {label} '{entry}'.",
    "{label} '{value}' chưa rõ, có thể là: {options}. Hãy ghi đúng tên hoặc mã trong danh mục.": "{label} '{value}' is unclear; it may be: {options}. Write the catalogue's name or code.",
    "{label} '{value}' không có trong danh mục; gần nhất là: {options}. Hãy ghi đúng tên hoặc "
    "mã trong danh mục.": "{label} '{value}' is not in the catalogue; the closest are: {options}. Write the catalogue's name or code.",
    "'{value}' là tỉnh/thành phố trước 01/7/2025, nay là {new}: đã ghi tỉnh/thành phố hiện hành là {new}; "
    "địa chỉ cũ giữ nguyên như đã ghi.": "'{value}' is a province from before 1 July 2025, now {new}: recorded as {new}; the old address is kept as written.",
    "'{value}' là xã/phường trước 01/7/2025, đã nhập toàn bộ vào {new}: đã ghi xã/phường hiện hành là "
    "{new}; địa chỉ cũ giữ nguyên như đã ghi.": "'{value}' is a commune from before 1 July 2025, merged whole into {new}: recorded as {new}; the old address is kept as written.",
    "'{value}' (trước 01/7/2025) đã được chia vào: {names}. Đã giữ trong địa chỉ cũ, chưa gán "
    "xã/phường hiện hành; hãy chọn sau.": "'{value}' (before 1 July 2025) was divided between: {names}. Kept as the old address, no current ward set; choose one later.",
    "'{value}': trước 01/7/2025 có {n} xã/phường cùng tên ({names}); đã giữ trong địa chỉ cũ, chưa gán "
    "xã/phường hiện hành. Ghi thêm cột 'Quận/Huyện (trước 01/7/2025)' để xác định.": "'{value}': before 1 July 2025, {n} communes had this name ({names}); kept as the old address, no current ward set. "
    "Add the column 'Quận/Huyện (trước 01/7/2025)' to tell them apart.",
    "Không có quận/huyện '{value}' trong danh mục trước 01/7/2025; đã bỏ qua cột này.": "No district '{value}' in the list before 1 July 2025; the column was ignored.",
    "'{value}' không thuộc '{district}' theo danh mục trước 01/7/2025; hãy kiểm tra lại xã/phường "
    "hoặc quận/huyện.": "'{value}' was not in '{district}' before 1 July 2025; check the commune or the district.",
}
