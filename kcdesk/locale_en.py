"""English translations of the core's Vietnamese messages (source text -> English).

The program's one catalogue: the core, the command lines, the server and the window all
read EN (see "Messages" in docs/architecture.md). Each area keeps its block in its own
locale_en_<area>.py, merged below. tests/test_i18n.py checks that every translation keeps its
source's {placeholders}; tests/test_catalogue.py that every user-facing sentence of every
module has its English, once, and that key terms read the same everywhere.
"""

EN: dict[str, str] = {
    # Proposal statuses
    "Dự thảo": "Draft",
    "Đã đăng ký": "Registered",
    "Trả lại để hoàn thiện": "Returned for revision",
    "Không được chấp thuận": "Rejected",
    "Đã thẩm định cấp cơ sở": "Appraised by the Department",
    "Đã trình Bộ Công Thương": "Submitted to the Ministry",
    "Bộ đã thẩm định": "Appraised by the Ministry",
    "Đã phê duyệt kế hoạch": "Approved in the plan",
    "Đã ký hợp đồng": "Contract signed",
    "Đang thực hiện": "In progress",
    "Đề nghị điều chỉnh": "Adjustment requested",
    "Ngừng thực hiện": "Stopped",
    "Đã nghiệm thu": "Accepted",
    "Nghiệm thu một phần": "Partially accepted",
    "Đã nộp hồ sơ quyết toán": "Settlement papers submitted",
    "Đã quyết toán": "Settled",
    "Đã đánh giá sau hỗ trợ": "Evaluated after support",
    # Proposal actions
    "Nộp hồ sơ đăng ký": "Submit the registration",
    "Trả lại để hoàn thiện (Sở)": "Return for revision (Department)",
    "Bộ trả lại để hoàn thiện": "Return for revision (Ministry)",
    "Không chấp thuận": "Reject",
    "Bộ không chấp thuận": "Reject (Ministry)",
    "Thẩm định cấp cơ sở (đạt)": "Appraise (Department, passed)",
    "Trình Bộ Công Thương": "Submit to the Ministry",
    "Bộ thẩm định (đạt)": "Ministry appraisal (passed)",
    "Phê duyệt vào kế hoạch": "Approve into the plan",
    "Phê duyệt vào kế hoạch (UBND tỉnh)": "Approve into the plan (Provincial People's Committee)",
    "Ký hợp đồng / giao nhiệm vụ": "Sign the contract / assign the task",
    "Tạm ứng lần đầu, bắt đầu thực hiện": "First advance, start work",
    "Chấp thuận điều chỉnh": "Approve the adjustment",
    "Nghiệm thu (đạt)": "Accept (passed)",
    "Nộp hồ sơ quyết toán": "Submit settlement papers",
    "Phê duyệt quyết toán": "Approve the settlement",
    "Đánh giá sau hỗ trợ": "Post-support evaluation",
    "không còn bước nào (trạng thái cuối)": "no further steps (final status)",
    # Roles
    "Cán bộ Trung tâm Khuyến công": "Industrial Extension Centre staff",
    "Lãnh đạo Trung tâm": "Centre leader",
    "Kế toán": "Accountant",
    "Cán bộ thẩm định Sở Công Thương": "Department of Industry and Trade appraiser",
    "Cộng tác viên khuyến công": "Industrial extension collaborator",
    "Cán bộ Bộ Công Thương": "Ministry officer",
    "Quản trị hệ thống": "Administrator",
    # Lifecycle and store errors
    "Không thể thực hiện '{action}' khi đề án đang ở trạng thái '{status}'. Các bước tiếp theo được phép: {steps}.": "Cannot '{action}' while the proposal is '{status}'. Allowed next steps: {steps}.",
    "Vai trò '{role}' không được thực hiện '{action}'. Người được phép: {roles}.": "The role '{role}' may not '{action}'. Allowed: {roles}.",
    'Chưa có cơ sở dữ liệu tại {path}. Hãy chạy: kcdesk --db "{path}" init': 'No database at {path}. Run: kcdesk --db "{path}" init',
    "Lỗi: {message}": "Error: {message}",
}

# Documents, reports and Excel exchange (kcdesk.reports, kcdesk.exchange, `kcdesk report|import|export`).
EN.update(
    {
        "Cấp '{value}' không đúng; hãy ghi KCQG hoặc KCĐP.": "Level '{value}' is wrong; write KCQG or KCĐP.",
        "Trạng thái '{value}' không có trong danh mục.": "Status '{value}' is not in the list.",
        "Năm kế hoạch {value} không hợp lý.": "Plan year {value} is not plausible.",
        "Ngày kết thúc trước ngày bắt đầu.": "The end date is before the start date.",
        "'{value}' không phải tỉnh/thành phố hiện hành (từ 01/7/2025).": "'{value}' is not a current province or city (since 1 July 2025).",
        "'{value}' không phải xã/phường/đặc khu hiện hành của {province}.": "'{value}' is not a current commune, ward or special zone of {province}.",
        "Ô này không được để trống.": "This cell must not be empty.",
        "Nội dung hoạt động '{value}' không có trong danh mục (KC1..KC9).": "Activity '{value}' is not in the list (KC1..KC9).",
        "Có số tiền nhưng chưa ghi ngày chi.": "An amount is given without its payment date.",
        "Mã đề án {code} trùng với dòng {first} trong tệp.": "Proposal code {code} repeats row {first} of the file.",
        "Mã đề án {code} đã có trong dữ liệu.": "Proposal code {code} already exists.",
        "Tên '{value}' chưa rõ, có thể là: {names}.": "The name '{value}' is ambiguous; it may be: {names}.",
        "Không có cơ sở mang mã số thuế {tax} trong sổ cơ sở; hãy nhập cơ sở trước.": "No facility with tax code {tax} in the register; import the facility first.",
        "Không tìm thấy dòng tiêu đề trong {limit} dòng đầu của tệp {path}: cần các cột {needed}; các cột nhận ra được: "
        "{found}. Hãy tải mẫu bằng lệnh: kcdesk import template.": "No header row in the first {limit} rows of {path}: the columns {needed} are needed; recognised: {found}. "
        "Get a template with: kcdesk import template.",
        "Giá trị '{value}' không rõ; hãy ghi 'Có' hoặc 'Không'.": "The value '{value}' is unclear; write 'Có' or 'Không'.",
        "Đã bỏ khoảng trắng thừa ở đầu/cuối: '{value}'.": "Leading/trailing spaces removed: '{value}'.",
        "'{value}' là đơn vị hành chính cũ (trước 01/7/2025): đã giữ trong địa chỉ cũ, chưa gán xã/phường hiện hành; "
        "hãy cập nhật sau.": "'{value}' is a pre-reform unit (before 1 July 2025): kept in the legacy address, no current ward assigned; "
        "update it later.",
        "Không có xã/phường/đặc khu '{value}' trong danh mục hiện hành hay danh mục trước 01/7/2025.": "No commune, ward or special zone '{value}' in the current list or in the list before 1 July 2025.",
        "Mã số thuế {code} trùng với dòng {first} trong tệp.": "Tax code {code} repeats row {first} of the file.",
        "Mã số thuế {code} đã có trong sổ cơ sở: {name}.": "Tax code {code} is already in the register: {name}.",
        "{label} '{value}' không có trong danh mục.": "{label} '{value}' is not in the list.",
        "Không có tỉnh/thành phố '{value}' trong danh mục.": "No province or city '{value}' in the list.",
        "Tên '{value}' chưa rõ, có thể là: {names}. Hãy ghi đủ 'Xã'/'Phường'.": "The name '{value}' is ambiguous; it may be: {names}. Write 'Xã' or 'Phường' in full.",
        "'{typed}' được ghi theo dạng chuẩn '{standard}'.": "'{typed}' is stored in its standard form '{standard}'.",
        "'{value}' là tỉnh/thành phố cũ (trước 01/7/2025), không còn trong danh mục hiện hành. Hãy ghi tỉnh/thành phố "
        "hiện hành; địa chỉ cũ ghi ở cột 'Địa chỉ cũ (trước 01/7/2025)'.": "'{value}' is a pre-reform province (before 1 July 2025), no longer in the current list. Write the current "
        "province; put the old address in the column 'Địa chỉ cũ (trước 01/7/2025)'.",
        "Ngày '{value}' không đúng dạng; hãy ghi ngày/tháng/năm, ví dụ 05/01/2026.": "Date '{value}' is malformed; write day/month/year, e.g. 05/01/2026.",
        "Giá trị '{value}' không phải số tiền.": "'{value}' is not an amount of money.",
        "Số tiền không được âm ({value}).": "An amount cannot be negative ({value}).",
        "Giá trị '{value}' không phải số nguyên.": "'{value}' is not a whole number.",
        "Giá trị không được âm ({value}).": "The value cannot be negative ({value}).",
        "Giá trị '{value}' không phải một số.": "'{value}' is not a number.",
        "Ngày '{value}' không có thật.": "Date '{value}' does not exist.",
        "Số tiền '{value}' có phần lẻ; số tiền phải là số nguyên đồng.": "Amount '{value}' has a fraction; amounts are whole đồng.",
        "Số tiền '{value}' không đúng dạng; hãy ghi số nguyên đồng, ví dụ 1.250.000.000.": "Amount '{value}' is malformed; write whole đồng, e.g. 1.250.000.000.",
        "Tệp {path} bị hỏng, không đọc được nội dung bảng tính ({reason}).": "{path} is damaged; its sheet cannot be read ({reason}).",
        "Tệp {path} rỗng (0 byte).": "{path} is empty (0 bytes).",
        "Tệp {path} quá lớn ({mb} MB); giới hạn là {limit} MB.": "{path} is too large ({mb} MB); the limit is {limit} MB.",
        'Tệp {path} không phải tệp Excel .xlsx. Hãy mở tệp bằng Excel và lưu lại dạng "Excel Workbook (*.xlsx)".': '{path} is not an Excel .xlsx file. Open it in Excel and save it as "Excel Workbook (*.xlsx)".',
        "Tệp {path} không phải bảng tính Excel .xlsx mà là {what}.": "{path} is not an Excel workbook but {what}.",
        "Tệp {path} khi giải nén quá lớn (trên {limit} MB); có thể là tệp độc hại, không nhập.": "{path} unpacks to more than {limit} MB; it may be malicious and is not imported.",
        'Tệp {path} chứa khai báo XML không an toàn (có thể là "bom XML"); không nhập.': '{path} contains unsafe XML declarations (possibly an "XML bomb"); not imported.',
        "Không đọc được tệp {path}: {reason}": "Cannot read {path}: {reason}",
        "Tệp {path} không phải tệp Excel .xlsx mà là {what} (có thể đã bị đổi đuôi).": "{path} is not an Excel .xlsx file but {what} (perhaps renamed).",
        "Tệp {path} bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong): {reason}": "{path} is damaged or incomplete (perhaps an unfinished download): {reason}",
        "Tệp {path} có phần nén bất thường ({part}); có thể là tệp độc hại, không nhập.": "{path} has an abnormally compressed part ({part}); it may be malicious and is not imported.",
        "Trang tính '{sheet}' của tệp {path} có hơn {limit} dòng; hãy chia thành nhiều tệp.": "Sheet '{sheet}' of {path} has more than {limit} rows; split it into several files.",
        "Dòng {row}, cột '{column}': {reason}": "Row {row}, column '{column}': {reason}",
        "Kiểm tra thử (không ghi gì): {rows} dòng dữ liệu, {valid} dòng hợp lệ, {bad} dòng có lỗi.": "Dry run (nothing written): {rows} data rows, {valid} valid, {bad} with problems.",
        "Không nhập dòng nào: {bad} dòng có lỗi trong {rows} dòng. Hãy sửa tệp, hoặc dùng --skip-invalid để chỉ nhập "
        "{valid} dòng hợp lệ.": "Nothing imported: {bad} of {rows} rows have problems. Fix the file, or use --skip-invalid to import only the "
        "{valid} valid rows.",
        "Đã nhập {imported} dòng; bỏ qua {bad} dòng có lỗi.": "Imported {imported} rows; skipped {bad} rows with problems.",
        "Không tìm thấy phông chữ có đủ dấu tiếng Việt để in văn bản. Hãy cài một trong các phông sau: Times New Roman; "
        "hoặc Liberation Serif (Debian/Ubuntu: sudo apt install fonts-liberation2); hoặc gói Python fontpkg-crimson-text "
        "(pip install fontpkg-crimson-text).": "No font with full Vietnamese coverage was found for printing. Install one of: Times New Roman; Liberation "
        "Serif (Debian/Ubuntu: sudo apt install fonts-liberation2); or the Python package fontpkg-crimson-text "
        "(pip install fontpkg-crimson-text).",
        "Không tìm thấy đề án '{key}' (mã đề án hoặc mã định danh).": "Proposal '{key}' not found (code or id).",
        "Không tìm thấy biên bản nghiệm thu '{key}' (số biên bản, mã đề án hoặc mã định danh).": "Acceptance record '{key}' not found (record number, proposal code or id).",
        "Không tìm thấy cơ sở '{key}' (mã số thuế hoặc mã định danh).": "Facility '{key}' not found (tax code or id).",
        "Đã hủy theo yêu cầu; không có gì được ghi.": "Cancelled as asked; nothing was written.",
        "biên bản nghiệm thu": "acceptance record",
        "thuyết minh đề án và dự toán": "proposal dossier and budget",
        "phiếu thông tin cơ sở": "facility profile",
        "biểu tổng hợp đề án đăng ký kế hoạch (Mẫu 02)": "summary of the proposals registered for the plan (Form 02)",
        "báo cáo định kỳ (6 tháng, năm hoặc khoảng ngày)": "periodic report (half-year, year or date range)",
        "Đã ghi {path}": "Wrote {path}",
        "in văn bản, báo cáo ra PDF hoặc Excel": "print documents and reports to PDF or Excel",
        "LOẠI": "KIND",
        "số biên bản, mã đề án hoặc mã định danh": "record number, proposal code or id",
        "mã đề án": "proposal code",
        "mã số thuế hoặc mã định danh": "tax code or id",
        "năm kế hoạch": "plan year",
        "cấp đề án": "proposal level",
        "6 tháng: NĂM-1 hoặc NĂM-2, ví dụ 2026-1": "half-year: YEAR-1 or YEAR-2, e.g. 2026-1",
        "cả năm": "whole year",
        "từ ngày dd/mm/yyyy (cùng --to)": "from dd/mm/yyyy (with --to)",
        "đến ngày dd/mm/yyyy": "to dd/mm/yyyy",
        "toàn quốc": "nationwide",
        "họ tên người ký": "signer's full name",
        "số văn bản, ví dụ 58/BC-TTKC": "document number, e.g. 58/BC-TTKC",
        "tệp kết quả .pdf hoặc .xlsx": "output file .pdf or .xlsx",
        "tên cơ quan ban hành (mặc định: theo thiết lập)": "issuing agency (default: from the settings)",
        "tên cơ quan chủ quản": "parent agency",
        "địa danh ghi trước ngày tháng": "place name printed before the date",
        "Tệp kết quả phải có đuôi .pdf hoặc .xlsx: {path}": "The output file must end in .pdf or .xlsx: {path}",
        "Thư mục {path} không tồn tại.": "Folder {path} does not exist.",
        "Hãy ghi --from và --to (dd/mm/yyyy), ngày sau không trước ngày đầu.": "Give --from and --to (dd/mm/yyyy), the second not before the first.",
        "Kỳ 6 tháng '{value}' không đúng; ví dụ 2026-1 hoặc 2026-2.": "Half-year '{value}' is wrong; e.g. 2026-1 or 2026-2.",
        "Mã tỉnh/thành phố '{value}' không có trong danh mục.": "Province code '{value}' is not in the list.",
        "Đã ghi tệp mẫu {path}": "Wrote the template {path}",
        "Đã xuất {n} dòng vào {path}": "Exported {n} rows to {path}",
        "nhập cơ sở hoặc đề án từ tệp Excel": "import facilities or proposals from Excel",
        "nhập sổ cơ sở CNNT": "import the facility register",
        "nhập danh sách đề án": "import the proposal list",
        "tải tệp mẫu để điền": "write a template to fill in",
        "xuất sổ cơ sở hoặc danh sách đề án ra Excel": "export the facility register or the proposal list to Excel",
        "tệp .xlsx": ".xlsx file",
        "chỉ một tỉnh/thành phố (mã)": "one province only (code)",
        "chỉ kiểm tra, liệt kê lỗi, không ghi gì": "check only: list problems, write nothing",
        "nhập các dòng hợp lệ, bỏ qua dòng có lỗi (mặc định: có lỗi thì không nhập gì)": "import the valid rows, skip those with problems (default: any problem imports nothing)",
        "Tệp phải có đuôi .xlsx: {path}": "The file must end in .xlsx: {path}",
        "Ghi chú ({n}):": "Notes ({n}):",
        "Các cột không nhận ra, đã bỏ qua: {names}": "Columns not recognised, ignored: {names}",
    }
)

# Sync (kcdesk.sync, kcdesk.server, kcdesk.cli.cmd_sync)
EN.update(
    {
        "Thiết bị không có quyền ghi dữ liệu của {scope_name} (bảng {table}).": "This device may not write data of {scope_name} (table {table}).",
        "Vai trò '{role}' chỉ được xem dữ liệu này, không được sửa (bảng {table}).": "Role '{role}' may only read this data, not change it (table {table}).",
        "{what} đã khóa, không thể sửa hoặc xóa.": "{what} is locked and cannot be changed or deleted.",
        "Không thể chuyển đề án từ trạng thái '{old}' sang '{new}'.": "The proposal cannot move from status '{old}' to '{new}'.",
        "Trạng thái '{status}' không hợp lệ cho bảng {table}.": "Status '{status}' is not valid for table {table}.",
        "Chưa có bản ghi cha ({parent_table}) trên máy chủ; thay đổi này bị chặn.": "The parent record ({parent_table}) is not on the server; this change is blocked.",
        "Bị chặn vì thay đổi trước đó của bản ghi liên quan đã bị từ chối.": "Blocked because an earlier change of a related record was refused.",
        "Bản ghi cha ({parent_table}) đã bị xóa trên máy chủ; bản ghi con không được thêm.": "The parent record ({parent_table}) was deleted on the server; the child record was not added.",
        "Bảng '{table}' không đồng bộ được.": "Table '{table}' cannot be synced.",
        "Giá trị không hợp lệ ở trường '{field}' (bảng {table}): {problem}.": "Invalid value in field '{field}' (table {table}): {problem}.",
        "Số thứ tự {seq} đã được dùng cho một thay đổi khác; dữ liệu máy này có thể đã được khôi phục từ bản sao lưu cũ.": "Sequence number {seq} was used for a different change; this laptop's data may have been restored from an "
        "old backup.",
        "Đã dừng đồng bộ theo yêu cầu; phần đã xong được giữ, phần còn lại sẽ làm ở lần sau.": "Sync stopped as asked; what was done is kept, the rest happens next time.",
        "Không kết nối được máy chủ đồng bộ ({reason}); dữ liệu vẫn an toàn trên máy.": "Cannot reach the sync server ({reason}); your data is safe on this laptop.",
        "Máy chủ đồng bộ đang bận hoặc gặp lỗi (mã {status}); sẽ thử lại.": "The sync server is busy or failing (code {status}); will retry.",
        "Thiết bị đã bị thu hồi quyền đồng bộ. Dữ liệu và các thay đổi chưa gửi vẫn được giữ trên máy; hãy liên hệ quản "
        "trị để đăng ký lại.": "This device's sync access was revoked. Its data and unsent changes stay on the laptop; ask the administrator "
        "to enrol it again.",
        "Máy chủ không chấp nhận thiết bị này ({code}). Hãy đăng ký lại thiết bị.": "The server does not accept this device ({code}). Enrol the device again.",
        "Phiên bản kcdesk quá cũ so với máy chủ; hãy cập nhật. Dữ liệu được giữ nguyên.": "This kcdesk is too old for the server; please update. Your data is kept.",
        "Thiết bị chưa đăng ký với máy chủ đồng bộ. Hãy chạy: kcdesk enroll --server URL --code MÃ": "This device is not enrolled with a sync server. Run: kcdesk enroll --server URL --code CODE",
        "Cơ sở dữ liệu này chứa dữ liệu mẫu (demo); không thể đăng ký với máy chủ thật. Hãy dùng một tệp dữ liệu mới: "
        "kcdesk --db <tệp mới> init": "This database holds demo data and cannot be enrolled with a real server. Use a new data file: "
        "kcdesk --db <new file> init",
        "Đang đồng bộ; hãy đợi lần này xong.": "A sync is running; wait for it to finish.",
        "Không tìm thấy xung đột {id}.": "Conflict {id} not found.",
        "Máy chủ từ chối yêu cầu ({code}): {reason}": "The server refused the request ({code}): {reason}",
        "Đã đăng ký thiết bị {device} với máy chủ {server}.": "Device {device} enrolled with server {server}.",
        "Đã xử lý xung đột; thay đổi sẽ được gửi ở lần đồng bộ tới.": "Conflict resolved; the change is sent at the next sync.",
        "Không có xung đột nào.": "No conflicts.",
        "Không có thay đổi nào bị từ chối.": "No refused changes.",
        "Đồng bộ xong: gửi {pushed} thay đổi ({applied} áp dụng, {merged} gộp, {rejected} bị từ chối); nhận {pulled} bản "
        "ghi; {conflicts} xung đột mới; tệp: gửi {files_up}, nhận {files_down}.": "Sync done: sent {pushed} changes ({applied} applied, {merged} merged, {rejected} refused); received {pulled} "
        "records; {conflicts} new conflicts; files: sent {files_up}, received {files_down}.",
        "  {name}: của tôi = {mine!r}; bên kia = {theirs!r}; gốc = {base!r}": "  {name}: mine = {mine!r}; theirs = {theirs!r}; base = {base!r}",
        "đang {stage}": "{stage}",
        "Người dùng do máy chủ quản lý; thay đổi này không được gửi đi. Hãy nhờ quản trị sửa trên máy chủ.": "Users are managed on the server; this change was not sent. Ask the administrator to make it on the server.",
        "Thay đổi đã được rút lại trên máy trạm.": "The change was withdrawn on the laptop.",
        "Chỉ quản trị hệ thống hoặc Bộ Công Thương được chuyển bản ghi sang {scope_name}.": "Only the system administrator or the ministry may move a record to {scope_name}.",
        "Nội dung yêu cầu không đọc được.": "The request body could not be read.",
        "Không có địa chỉ này trên máy chủ đồng bộ.": "The sync server has no such address.",
        "Phương thức không được hỗ trợ ở địa chỉ này.": "This method is not supported at this address.",
        "Yêu cầu không hợp lệ.": "Invalid request.",
        "Yêu cầu không đúng giao thức đồng bộ.": "The request does not follow the sync protocol.",
        "Chứng chỉ TLS của máy chủ {server} không xác minh được ({reason}); không gửi dữ liệu. Hãy kiểm tra địa chỉ máy "
        "chủ hoặc tệp CA (--ca-file).": "The TLS certificate of server {server} could not be verified ({reason}); nothing was sent. Check the server "
        "address or the CA file (--ca-file).",
        "Tên đăng nhập phải có từ 1 đến {limit} ký tự.": "The username must have 1 to {limit} characters.",
        "Người dùng {username} đã có trên máy chủ với vai trò {role}, tỉnh {province}; hãy dùng đúng vai trò và tỉnh đó, "
        "hoặc một tên đăng nhập khác.": "User {username} already exists on the server with role {role}, province {province}; use that role and "
        "province, or another username.",
        "Cần họ tên (--full-name) để tạo người dùng mới {username}.": "A full name (--full-name) is needed to create the new user {username}.",
        "Tên đăng nhập {username} đã có trên máy này cho một người khác; không nhận được người dùng từ máy chủ.": "Username {username} already belongs to someone else on this laptop; the server's user was not taken in.",
    }
)

from kcdesk.locale_en_core import CORE  # noqa: E402  (the core's own block)

EN.update(CORE)

from kcdesk.locale_en_installer import INSTALLER  # noqa: E402  (self-test and start-up safety)

EN.update(INSTALLER)

from kcdesk.locale_en_followup import FOLLOW_UP  # noqa: E402  (issue 10: money, progress, evaluation)

EN.update(FOLLOW_UP)

from kcdesk.locale_en_documents import DOCUMENTS  # noqa: E402  (document settings)

EN.update(DOCUMENTS)

from kcdesk.locale_en_exchange import EXCHANGE  # noqa: E402  (import: local words, old units)

EN.update(EXCHANGE)

from kcdesk.locale_en_sync_security import SYNC_SECURITY  # noqa: E402  (the sync's guards, server and laptop)

EN.update(SYNC_SECURITY)

from kcdesk.locale_en_rules import RULES  # noqa: E402  (the sync server's rule book)

EN.update(RULES)

from kcdesk.locale_en_privacy import PRIVACY  # noqa: E402  (personal data: rights, notice, access trail)

EN.update(PRIVACY)
from kcdesk.locale_en_encryption import ENCRYPTION  # noqa: E402  (the database encrypted at rest)

EN.update(ENCRYPTION)
from kcdesk.locale_en_accounts import ACCOUNTS  # noqa: E402  (sign-in per person, `kcdesk account`)

EN.update(ACCOUNTS)

from kcdesk.locale_en_window import WINDOW  # noqa: E402  (the window's own sentences)

EN.update(WINDOW)
from kcdesk.locale_en_window_screens import WINDOW_SCREENS  # noqa: E402  (main window onwards)

EN.update(WINDOW_SCREENS)

from kcdesk.locale_en_cli import CLI  # noqa: E402  (argparse's phrases, command help)

EN.update(CLI)

from kcdesk.locale_en_sync import SYNC  # noqa: E402  (the sync's server answers and retries)

EN.update(SYNC)
