"""English for the installation's own messages: `kcdesk --self-test`, start-up safety (daily
backup, a data folder that cannot be written, a full disk). Merged into kcdesk.locale_en.EN;
tests/installer/test_messages.py checks that every such message has its English here."""

INSTALLER: dict[str, str] = {
    # start-up safety
    "Không ghi được vào thư mục dữ liệu {folder} (không có quyền ghi). Dữ liệu hiện có không bị thay đổi. "
    "Cách khắc phục: nhờ người quản trị máy cấp quyền ghi cho thư mục này, hoặc chọn thư mục dữ liệu khác "
    "(biến môi trường KCDESK_HOME, hoặc tùy chọn --db với dòng lệnh kcdesk).": "Cannot write to the data folder {folder} (no write permission). Existing data is unchanged. "
    "To fix it: ask the computer's administrator to allow writing to this folder, or choose another data "
    "folder (the KCDESK_HOME environment variable, or the --db option of the kcdesk command line).",
    "Ổ đĩa chứa thư mục dữ liệu {folder} đã đầy (còn trống {free}). Dữ liệu hiện có không bị thay đổi. "
    "Cách khắc phục: giải phóng dung lượng (dọn Thùng rác, xóa tệp tạm hoặc tệp tải về không cần), "
    "rồi mở lại kcdesk.": "The disk holding the data folder {folder} is full ({free} free). Existing data is unchanged. "
    "To fix it: free some space (empty the Recycle Bin, delete temporary files or downloads you no longer "
    "need), then open kcdesk again.",
    "Tệp {path} đang bị một chương trình khác giữ (một cửa sổ kcdesk khác, phần mềm diệt virus hoặc "
    "OneDrive). Dữ liệu không bị thay đổi. Hãy đóng chương trình đó rồi thử lại.": "The file {path} is held by another program (another kcdesk window, an antivirus or OneDrive). "
    "The data is unchanged. Close that program and try again.",
    "Không ghi được vào thư mục {folder} (không có quyền ghi). Hãy chọn thư mục khác, hoặc nhờ "
    "người quản trị máy cấp quyền ghi cho thư mục này.": "Cannot write to the folder {folder} (no write permission). Choose another folder, or ask the computer's "
    "administrator to allow writing to it.",
    "Ổ đĩa chứa thư mục {folder} đã đầy (còn trống {free}). Hãy giải phóng dung lượng rồi thử lại.": "The disk holding the folder {folder} is full ({free} free). Free some space and try again.",
    "Cảnh báo: chưa tạo được bản sao lưu hằng ngày: {message}": "Warning: today's backup was not made: {message}",
    "tự kiểm tra bản cài đặt trong một thư mục tạm (không đụng đến dữ liệu) rồi thoát": "check this installation in a temporary folder (your data is not touched), then exit",
    # --self-test: frame
    "bản đóng gói": "frozen bundle",
    "mã nguồn": "from source",
    "kcdesk {version} ({kind}) tự kiểm tra trong {folder}": "kcdesk {version} ({kind}) self-test in {folder}",
    "Kết quả: {passed}/{total} bước đạt, {skipped} bỏ qua, {failed} lỗi.": "Result: {passed}/{total} steps passed, {skipped} skipped, {failed} failed.",
    "Các tệp của lần tự kiểm tra được giữ lại tại {folder}": "The self-test's files are kept in {folder}",
    "ĐẠT": "PASS",
    "LỖI": "FAIL",
    "BỎ QUA": "SKIP",
    # --self-test: steps
    "Tạo cơ sở dữ liệu và chạy nâng cấp lược đồ": "Create a database and run the migrations",
    "Nâng cấp dữ liệu từ lược đồ đầu tiên (có sao lưu)": "Upgrade data from the first schema (with a backup)",
    "Ghi và tìm kiếm bản ghi": "Write and search records",
    "In văn bản PDF tiếng Việt": "Print a Vietnamese PDF document",
    "Sao lưu hằng ngày và khôi phục": "Daily backup and restore",
    "Đồng bộ với máy chủ cục bộ": "Sync with a local server",
    "Giao diện Qt (không cần màn hình)": "Qt window toolkit (no screen needed)",
    # --self-test: details and failures
    "Lược đồ là {revision}, cần {head}.": "The schema is {revision}; {head} was expected.",
    "Danh mục đơn vị hành chính trống.": "The list of administrative units is empty.",
    "lược đồ {revision}, {n} tỉnh/thành, SQLite {version}{fts}": "schema {revision}, {n} provinces, SQLite {version}{fts}",
    "Dữ liệu sau nâng cấp không khớp: {names}": "The data after the upgrade does not match: {names}",
    "Không thấy bản sao lưu trước nâng cấp trong {folder}.": "No pre-upgrade backup found in {folder}.",
    "{first} → {head}, dữ liệu còn nguyên, sao lưu {backup}": "{first} → {head}, data intact, backup {backup}",
    "Tìm 'may tre duc thang' không ra cơ sở vừa ghi.": "Searching 'may tre duc thang' does not find the facility just written.",
    "Tìm 'gom thanh ha' ra {n} kết quả, cần 1.": "Searching 'gom thanh ha' finds {n} results; 1 was expected.",
    "2 cơ sở ghi, 1 lần sửa; tìm không dấu ra đúng bản ghi": "2 facilities written, 1 edit; a search without diacritics finds the right record",
    "Tệp PDF không hợp lệ.": "The PDF file is not valid.",
    "Tệp PDF quá nhỏ ({size} byte).": "The PDF file is too small ({size} bytes).",
    "{size} KB, phông {family}; phông đi kèm {bundled} đủ dấu tiếng Việt": "{size} KB, font {family}; the shipped font {bundled} covers Vietnamese",
    "Không tạo được bản sao lưu hằng ngày.": "The daily backup was not made.",
    "Sao lưu hằng ngày chạy hai lần trong một ngày.": "The daily backup ran twice in one day.",
    "Sau khi khôi phục có {n} cơ sở, cần 1.": "After the restore there are {n} facilities; 1 was expected.",
    "Thiếu bản sao lưu trước khi khôi phục.": "The backup made before the restore is missing.",
    "Kiểm tra toàn vẹn sau khôi phục không đạt.": "The integrity check after the restore failed.",
    "sao lưu {backup}, khôi phục và kiểm tra toàn vẹn đạt": "backup {backup}; restore and integrity check passed",
    "chưa cài phần máy chủ (pip install kcdesk[server])": "the server part is not installed (pip install kcdesk[server])",
    "Máy chủ cục bộ không khởi động được.": "The local server did not start.",
    "Máy B không nhận được cơ sở máy A gửi lên.": "Laptop B did not receive the facility laptop A sent.",
    "Máy A còn {n} thay đổi chưa gửi.": "Laptop A still has {n} unsent changes.",
    "máy chủ {url}: máy A gửi {pushed} thay đổi; máy B nhận {pulled} thay đổi, {snapshots} ảnh chụp dữ liệu": "server {url}: laptop A sent {pushed} changes; laptop B received {pulled} changes, {snapshots} snapshots",
    "chưa cài phần giao diện (pip install kcdesk[gui])": "the window part is not installed (pip install kcdesk[gui])",
    "Không nạp được phông chữ đi kèm (resources/fonts).": "The shipped fonts (resources/fonts) could not be loaded.",
    "Chữ tiếng Việt không hiện lên ảnh ({n} điểm ảnh).": "Vietnamese text did not show in the image ({n} pixels).",
    "Thiếu định dạng ảnh: {missing}": "Image formats missing: {missing}",
    "nền tảng {platform}, phông {family}, {n} mô-đun cửa sổ nạp được, ảnh {formats}, cửa sổ tiếng Anh: '{english}'": "platform {platform}, font {family}, {n} window modules load, images {formats}, window in English: "
    "'{english}'",
    "Cửa sổ không đọc được tiếng Anh từ danh mục thông báo ('{text}').": "The window does not read its English from the message catalogue ('{text}').",
    "kcdesk.ui.app không có run_gui.": "kcdesk.ui.app has no run_gui.",
}
