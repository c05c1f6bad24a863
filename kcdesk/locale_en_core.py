"""English for the headless core's own messages: store, domain rules, services, CLI.

Merged into kcdesk.locale_en.EN; kept apart so each area can own its block.
"""

CORE: dict[str, str] = {
    # acceptances
    "Hãy nhập ngày nghiệm thu.": "Enter the acceptance date.",
    "Kết luận phải là: Đạt, Đạt một phần hoặc Không đạt.": "The conclusion must be: passed, partly passed or failed.",
    "Kinh phí nghiệm thu không được vượt kinh phí khuyến công được duyệt.":
        "The accepted amount cannot exceed the approved khuyến công funds.",
    "Không tìm thấy biên bản nghiệm thu {id}.": "Acceptance record {id} not found.",
    "Biên bản nghiệm thu đã ký từ trước.": "The acceptance record was already signed.",
    "Chưa có kết luận nghiệm thu; hãy chọn trước khi ký.": "No conclusion yet; choose one before signing.",
    "Chưa có số biên bản; hãy nhập trước khi ký.": "No record number yet; enter one before signing.",
    "Biên bản cần ít nhất một thành viên trước khi ký.": "The record needs at least one member before signing.",
    "Biên bản nghiệm thu đã ký và khóa, không thể sửa.": "The acceptance record is signed and locked; it cannot be changed.",
    "Số tiền phải là số nguyên đồng, không âm.": "Amounts must be whole đồng, not negative.",
    "Thành viên {n}: hãy nhập họ tên.": "Member {n}: enter the full name.",
    "Thành viên {n}: vai trò không hợp lệ.": "Member {n}: invalid role.",
    # setup
    "Mã tỉnh/thành phố '{value}' không có trong danh mục hiện hành. Ví dụ: 01 Hà Nội, 48 Đà Nẵng, 79 TP. Hồ Chí Minh.":
        "Province code '{value}' is not in the current list. Examples: 01 Hà Nội, 48 Đà Nẵng, 79 Hồ Chí Minh City.",
    "Vai trò '{value}' không hợp lệ.": "Invalid role '{value}'.",
    "Cơ sở dữ liệu này đã được thiết lập cho {current}; không đổi sang tỉnh khác được. Hãy tạo tệp dữ liệu mới.":
        "This database is set up for {current}; it cannot change province. Create a new data file.",
    # attachments
    "Không tìm thấy bản ghi {id} để gắn tệp.": "Record {id} to attach the file to was not found.",
    "Không tìm thấy tệp đính kèm {id}.": "Attachment {id} not found.",
    "Tệp {path} lớn hơn 2 GB; hãy chia nhỏ hoặc nén lại.": "File {path} is larger than 2 GB; split or compress it.",
    "Không gắn tệp vào '{t}' được.": "Files cannot be attached to '{t}'.",
    "Không tìm thấy tệp {path}.": "File {path} not found.",
    # facilities
    "Không tìm thấy cơ sở có mã hoặc mã số thuế '{ref}'.": "No facility with id or tax code '{ref}'.",
    "Không tìm thấy cơ sở có mã {id}.": "Facility {id} not found.",
    "Có {n} cơ sở cùng mã số thuế {tax}; hãy dùng mã cơ sở (id).": "{n} facilities share tax code {tax}; use the facility id.",
    # proposals
    "Hãy nhập tên đề án.": "Enter the proposal title.",
    "Cấp đề án phải là KCQG hoặc KCDP.": "The level must be KCQG (national) or KCDP (provincial).",
    "Loại đề án '{value}' không hợp lệ.": "Invalid proposal class '{value}'.",
    "Hãy nhập đơn vị thực hiện.": "Enter the implementing unit.",
    "Năm kế hoạch '{value}' không hợp lệ.": "Invalid plan year '{value}'.",
    "Ngày kết thúc phải sau ngày bắt đầu.": "The end date must be after the start date.",
    "Không tìm thấy đề án '{ref}'.": "Proposal '{ref}' not found.",
    "Chưa thể '{action}': {requirement}.": "Cannot '{action}' yet: {requirement}.",
    "Ngày {on} sớm hơn bước trước ({last}); các bước phải theo thứ tự thời gian.":
        "{on} is earlier than the previous step ({last}); steps must follow each other in time.",
    "Đề án đã quyết toán và khóa, không ghi thêm giải ngân được.":
        "The proposal is settled and locked; no more disbursements can be recorded.",
    "Dòng {n}: hãy nhập nội dung chi.": "Line {n}: enter the expense item.",
    "Dòng {n}: số tiền phải là số nguyên đồng, không âm.": "Line {n}: amounts must be whole đồng, not negative.",
    "Loại giải ngân phải là: {allowed}.": "The disbursement kind must be one of: {allowed}.",
    "Số tiền giải ngân phải là số nguyên đồng lớn hơn 0.": "The disbursed amount must be whole đồng above 0.",
    "cần có biên bản nghiệm thu đã ký với kết luận 'Đạt'": "a signed acceptance record concluding 'passed' is needed",
    "cần có biên bản nghiệm thu đã ký với kết luận 'Đạt một phần'":
        "a signed acceptance record concluding 'partly passed' is needed",
    "cần có ít nhất một phiếu đánh giá sau hỗ trợ": "at least one post-support evaluation is needed",
    # validation
    "Dữ liệu chưa hợp lệ: {details}": "Invalid data: {details}",
    "Mã số thuế '{value}' không đúng: cần 10 chữ số, hoặc 10 chữ số - 3 chữ số với chi nhánh (ví dụ 0401234567-001), "
    "hoặc 12 chữ số định danh cá nhân với hộ kinh doanh.":
        "Tax code '{value}' is wrong: it needs 10 digits, 10 digits - 3 digits for a branch (e.g. 0401234567-001), "
        "or the owner's 12-digit personal id for a household business.",
    "Số điện thoại '{value}' không đúng: cần 10 chữ số bắt đầu bằng 0 (di động), hoặc 11 chữ số (cố định, ví dụ "
    "0236 3822 123).":
        "Phone number '{value}' is wrong: it needs 10 digits starting with 0 (mobile) or 11 digits (landline, e.g. "
        "0236 3822 123).",
    "Giá trị không được nhỏ hơn {low}.": "The value cannot be less than {low}.",
    "Giá trị không được lớn hơn {high}.": "The value cannot be more than {high}.",
    "Giá trị '{value}' không phải {kind}.": "'{value}' is not {kind}.",
    "một số nguyên": "a whole number",
    "một số": "a number",
    "Hãy nhập tên cơ sở.": "Enter the facility name.",
    "Hãy chọn loại hình cơ sở.": "Choose the facility type.",
    "Loại hình '{value}' không có trong danh mục: {allowed}.": "Type '{value}' is not in the list: {allowed}.",
    "Địa chỉ thư điện tử '{value}' không đúng dạng ten@mien.vn.": "E-mail '{value}' is not of the form name@domain.vn.",
    "Hãy chọn tỉnh/thành phố.": "Choose the province.",
    "Hãy chọn xã/phường/đặc khu.": "Choose the commune or ward.",
    "Tình trạng '{value}' không hợp lệ.": "Invalid status '{value}'.",
    "Ngành nghề '{value}' không có trong danh mục.": "Sector '{value}' is not in the list.",
    "Số lao động có BHXH không thể lớn hơn tổng số lao động.": "Insured workers cannot outnumber all workers.",
    "Mã tỉnh/thành phố '{value}' không có trong danh mục hiện hành (34 tỉnh, thành phố).":
        "Province code '{value}' is not in the current list (34 provinces and cities).",
    "Mã xã/phường '{value}' không có trong danh mục hiện hành. Đơn vị cũ (trước 01/7/2025) hãy ghi vào ô địa chỉ cũ.":
        "Ward code '{value}' is not in the current list. Write a pre-1-July-2025 unit in the old address field.",
    "{ward} không thuộc {province}.": "{ward} is not in {province}.",
    # store, backup, restore
    "Không tìm thấy tệp sao lưu {path}.": "Backup file {path} not found.",
    "Bản sao lưu {path} bị lỗi ({reason}); không có gì thay đổi.": "Backup {path} is damaged ({reason}); nothing changed.",
    "Bản sao lưu {path} do phiên bản kcdesk mới hơn tạo ra; hãy cập nhật kcdesk trước.":
        "Backup {path} was made by a newer kcdesk; update kcdesk first.",
    "Tệp {path} không phải bản sao lưu kcdesk dùng được ({reason}); không có gì thay đổi.":
        "{path} is not a usable kcdesk backup ({reason}); nothing changed.",
    "Bản sao lưu {dest} bị lỗi khi kiểm tra ({reason}); dữ liệu gốc không bị thay đổi.":
        "Backup {dest} failed its check ({reason}); the original data is unchanged.",
    "Không sao lưu được cơ sở dữ liệu vào {dest}: {reason}": "Could not back up the database to {dest}: {reason}",
    "Ổ đĩa đã đầy, không sao lưu được vào {dest}. Hãy giải phóng dung lượng rồi thử lại.":
        "The disk is full; could not back up to {dest}. Free some space and try again.",
    "Lỗi cơ sở dữ liệu: {reason}": "Database error: {reason}",
    "Đề án đã quyết toán và khóa, chỉ có thể chuyển sang bước đánh giá sau hỗ trợ.":
        "The proposal is settled and locked; it can only move on to the post-support evaluation.",
    "Ổ đĩa đã đầy, chưa ghi được dữ liệu (không có gì bị mất). Hãy giải phóng dung lượng rồi thử lại.":
        "The disk is full; nothing was written (nothing is lost). Free some space and try again.",
    "Cơ sở dữ liệu đang bận vì một cửa sổ kcdesk khác đang ghi. Hãy thử lại sau ít phút.":
        "The database is busy: another kcdesk window is writing. Try again in a few minutes.",
    "Không ghi được vào tệp dữ liệu (chỉ đọc). Hãy kiểm tra quyền ghi của thư mục dữ liệu.":
        "Cannot write to the data file (read-only). Check write permission on the data folder.",
    "Dữ liệu vi phạm ràng buộc toàn vẹn ({reason}); không có gì được ghi.":
        "The data breaks an integrity rule ({reason}); nothing was written.",
    "Tệp {path} không phải cơ sở dữ liệu kcdesk hoặc đã hỏng. Tệp đã được chuyển sang {aside} (không xóa). "
    "Hãy khôi phục từ bản sao lưu: kcdesk restore <tệp sao lưu>.":
        "{path} is not a kcdesk database or is damaged. It was moved to {aside} (not deleted). "
        "Restore from a backup: kcdesk restore <backup file>.",
    "Dữ liệu này được tạo bởi phiên bản kcdesk mới hơn (lược đồ {revision}). Hãy cập nhật kcdesk; dữ liệu được giữ nguyên.":
        "This data was made by a newer kcdesk (schema {revision}). Update kcdesk; the data is kept as it is.",
    "Biên bản nghiệm thu đã ký và khóa, không thể sửa hoặc xóa.":
        "The acceptance record is signed and locked; it cannot be changed or deleted.",
    "Không đọc được tệp dữ liệu {path}: {reason}": "Cannot read data file {path}: {reason}",
    "Không mở được cơ sở dữ liệu ({reason}). Tệp đã được chuyển sang {aside} (không xóa). "
    "Hãy khôi phục từ bản sao lưu: kcdesk restore <tệp sao lưu>.":
        "Cannot open the database ({reason}). It was moved to {aside} (not deleted). "
        "Restore from a backup: kcdesk restore <backup file>.",
    "Không nâng cấp được cơ sở dữ liệu ({reason}). Dữ liệu gốc được giữ nguyên, đã chuyển sang {aside}; "
    "bản sao lưu: {backup}. Hãy gửi tệp này cho bộ phận hỗ trợ.":
        "Could not upgrade the database ({reason}). The original data is untouched, moved to {aside}; "
        "backup: {backup}. Send this file to support.",
    "Nâng cấp để lại {n} liên kết hỏng; đã hủy nâng cấp.": "The upgrade left {n} broken links; it was cancelled.",
    "{path} là một thư mục, không phải tệp dữ liệu. Hãy chỉ ra một tệp .db.": "{path} is a folder, not a data file. Give a .db file.",
    "Cơ sở dữ liệu đang bận vì một cửa sổ kcdesk khác. Hãy thử lại sau ít phút.":
        "The database is busy with another kcdesk window. Try again in a few minutes.",
    "Cơ sở dữ liệu này đã có dữ liệu; dữ liệu mẫu chỉ tạo trong tệp mới. Hãy chọn tệp khác: kcdesk --db demo.db demo":
        "This database already holds data; demo data goes only into a new file. Choose another: kcdesk --db demo.db demo",
    "Không có xã/phường nào của tỉnh '{code}' trong danh mục.": "Province '{code}' has no communes in the list.",
    # field labels
    "Tên cơ sở": "Facility name",
    "Số giấy chứng nhận đăng ký": "Registration certificate no.",
    "Ngày đăng ký": "Registration date",
    "Chức vụ người đại diện": "Representative's position",
    "Thư điện tử": "E-mail",
    "Tỉnh/Thành phố": "Province",
    "Xã/Phường/Đặc khu": "Commune/ward",
    "Thôn/Tổ dân phố": "Village",
    "Vĩ độ": "Latitude",
    "Kinh độ": "Longitude",
    "Ngành nghề": "Sector",
    "Sản phẩm chính": "Main products",
    "Số lao động có BHXH": "Insured workers",
    "Tổng vốn (đồng)": "Total capital (đồng)",
    "Doanh thu năm trước (đồng)": "Last year's revenue (đồng)",
    "Tỷ lệ nguyên liệu tại chỗ (%)": "Local raw materials (%)",
    "Tình trạng": "Status",
    "Ghi chú": "Note",
    "Mã đề án": "Proposal code",
    "Tên đề án": "Proposal title",
    "Cấp": "Level",
    "Loại đề án": "Proposal class",
    "Năm kế hoạch": "Plan year",
    "Đơn vị thực hiện": "Implementing unit",
    "Ngày bắt đầu": "Start date",
    "Ngày kết thúc": "End date",
    # command line
    "việc đến hạn và quá hạn": "deadlines due and overdue",
    "tính đến ngày (dd/mm/yyyy; mặc định hôm nay)": "as of this date (dd/mm/yyyy; default today)",
    "xem trước bao nhiêu ngày": "how many days ahead",
    "Không có việc nào đến hạn.": "Nothing is due.",
    "QUÁ HẠN {n} ngày": "OVERDUE {n} days",
    "còn {n} ngày": "{n} days left",
    "Lỗi cú pháp lệnh: {message}. Xem hướng dẫn: {prog} --help": "Command error: {message}. See: {prog} --help",
    "tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu ứng dụng)": "database file (default: the app-data folder)",
    "ngôn ngữ thông báo (vi hoặc en)": "message language (vi or en)",
    "in kết quả dạng JSON": "print the result as JSON",
    "Đã tạo dữ liệu mẫu {province_name} trong {db}:\n  {facilities} cơ sở CNNT, {proposals} đề án, {acceptances} "
    "biên bản nghiệm thu, {surveys} phiếu khảo sát\n  Kinh phí khuyến công kế hoạch {plan}; đã giải ngân {paid} ({rate})":
        "Demo data for {province_name} created in {db}:\n  {facilities} facilities, {proposals} proposals, {acceptances} "
        "acceptance records, {surveys} surveys\n  Planned khuyến công funds {plan}; disbursed {paid} ({rate})",
    "tạo dữ liệu mẫu của một tỉnh (chỉ trong tệp mới)": "create demo data for a province (new file only)",
    "mã tỉnh/thành phố (mặc định 48: Đà Nẵng)": "province code (default 48: Đà Nẵng)",
    "số cơ sở CNNT (tới 200.000)": "number of facilities (up to 200,000)",
    "hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu": "random seed: same seed, same data",
    "Lỗi: số cơ sở phải từ 1 đến 200.000.": "Error: the number of facilities must be 1 to 200,000.",
    "Quản lý khuyến công ngoại tuyến. Chạy không có lệnh con để mở cửa sổ ứng dụng.":
        "Offline khuyến công management. Run with no command to open the window.",
    "LỆNH": "COMMAND",
    "Đã dừng theo yêu cầu; dữ liệu chưa ghi xong được hoàn tác.": "Stopped as asked; unfinished writes were rolled back.",
    "sổ cơ sở CNNT": "facility register",
    "thêm cơ sở": "add a facility",
    "xem một cơ sở (theo mã hoặc mã số thuế)": "show a facility (by id or tax code)",
    "mã cơ sở (id) hoặc mã số thuế": "facility id or tax code",
    "kèm lịch sử thay đổi": "with the change history",
    "liệt kê cơ sở": "list facilities",
    "mã xã/phường": "ward code",
    "Có nhiều đơn vị tên '{value}': {codes}. Hãy dùng mã.": "Several units are named '{value}': {codes}. Use the code.",
    "Đã thêm cơ sở {name} (mã {id}).": "Added facility {name} (id {id}).",
    "({shown}/{total} cơ sở)": "({shown}/{total} facilities)",
    "Không có xã/phường '{value}' trong tỉnh này. Hãy dùng mã (kcdesk facility list) hoặc tên đầy đủ.":
        "No commune '{value}' in this province. Use its code (kcdesk facility list) or full name.",
    "tên cơ sở": "facility name",
    "mã số thuế": "tax code",
    "người đại diện": "representative",
    "điện thoại": "phone",
    "thư điện tử": "e-mail",
    "mã tỉnh/thành phố (mặc định: tỉnh của cơ sở dữ liệu)": "province code (default: the database's province)",
    "mã hoặc tên xã/phường/đặc khu": "commune or ward, by code or name",
    "thôn/tổ dân phố": "village",
    "số nhà, đường": "house number, street",
    "ngành nghề A-G (Điều 5 NĐ 45/2012)": "sector A-G (Decree 45/2012, Art. 5)",
    "sản phẩm chính": "main products",
    "số lao động": "workers",
    "doanh thu năm trước (đồng)": "last year's revenue (đồng)",
    "vĩ độ": "latitude",
    "kinh độ": "longitude",
    "Loại hình": "Type",
    "Mã số thuế": "Tax code",
    "Người đại diện": "Representative",
    "Điện thoại": "Phone",
    "Địa chỉ": "Address",
    "Địa chỉ cũ (trước 01/7/2025)": "Old address (before 1 July 2025)",
    "Số lao động": "Workers",
    "tạo cơ sở dữ liệu và thiết lập tỉnh, trung tâm": "create the database and set the province and centre",
    "tên trung tâm khuyến công": "name of the khuyến công centre",
    "họ tên người dùng trên máy này": "full name of this laptop's user",
    "vai trò người dùng": "user role",
    "nâng cấp lược đồ dữ liệu (sao lưu trước)": "upgrade the data schema (backing up first)",
    "sao lưu cơ sở dữ liệu": "back up the database",
    "tệp sao lưu (mặc định: thư mục sao lưu cạnh tệp dữ liệu)": "backup file (default: the backups folder beside the data)",
    "khôi phục từ bản sao lưu (sao lưu dữ liệu hiện tại trước)": "restore a backup (backing up the current data first)",
    "tệp sao lưu": "backup file",
    "kiểm tra toàn vẹn dữ liệu và khóa ngoại": "check data integrity and foreign keys",
    "Đã sẵn sàng: {db}\n{centre} ({province})": "Ready: {db}\n{centre} ({province})",
    "Lược đồ dữ liệu: {before} → {to}": "Data schema: {before} → {to}",
    "Đã sao lưu vào {backup}": "Backed up to {backup}",
    "Đã khôi phục {db} từ {restored_from}. Dữ liệu trước đó được lưu tại {previous_saved_as}.":
        "Restored {db} from {restored_from}. The data it replaced is saved in {previous_saved_as}.",
    "Dữ liệu toàn vẹn: kiểm tra cấu trúc, khóa ngoại và chỉ mục tìm kiếm đều đạt.":
        "Data is sound: structure, foreign keys and search index all pass.",
    "Phát hiện vấn đề:": "Problems found:",
    "Cơ sở": "Facility",
    "Đề án": "Proposal",
    "tìm cơ sở và đề án (không phân biệt dấu, hoa thường)": "find facilities and proposals (ignoring tone marks and case)",
    "nội dung tìm, ví dụ: \"da nang\"": "what to find, e.g. \"da nang\"",
    "loại bản ghi": "record kind",
    "số kết quả tối đa": "maximum results",
    "Không tìm thấy kết quả nào cho \"{query}\".": "Nothing found for \"{query}\".",
    "Chưa thiết lập người dùng; hãy chạy: kcdesk init": "No user set up yet; run: kcdesk init",
    "đề án khuyến công": "khuyến công proposals",
    "xem một đề án (theo mã đề án hoặc id)": "show a proposal (by code or id)",
    "liệt kê đề án": "list proposals",
    "chuyển trạng thái đề án": "move a proposal to its next status",
    "mã đề án hoặc id": "proposal code or id",
    "ngày thực hiện bước (dd/mm/yyyy; mặc định hôm nay)": "date of the step (dd/mm/yyyy; default today)",
    "ghi chú": "note",
    "số văn bản, quyết định": "document or decision number",
    "thực hiện với tư cách người dùng (tên đăng nhập)": "act as this user (user name)",
    "Ngày '{value}' không đúng dạng dd/mm/yyyy.": "Date '{value}' is not dd/mm/yyyy.",
    "Không có đề án nào.": "No proposals.",
    "Không có người dùng '{name}' trên máy này.": "No user '{name}' on this laptop.",
    "Đề án {ref} chuyển sang: {status_label}": "Proposal {ref} is now: {status_label}",
    "bước: ": "step: ",
    "Trạng thái": "Status",
    "Kinh phí": "Budget",
    "khuyến công": "khuyến công",
    "đối ứng": "counterpart",
    "khác": "other",
    "tóm tắt dữ liệu và việc cần làm": "what the data holds and what needs attention",
    "Tệp dữ liệu: {db}": "Data file: {db}",
    "{facilities} cơ sở CNNT · {proposals} đề án · {acceptances} biên bản nghiệm thu · {surveys} phiếu khảo sát":
        "{facilities} facilities · {proposals} proposals · {acceptances} acceptance records · {surveys} surveys",
    "Việc quá hạn: {overdue} · sắp đến hạn (30 ngày): {due_soon} · thay đổi chờ đồng bộ: {pending}":
        "Overdue: {overdue} · due within 30 days: {due_soon} · changes waiting to sync: {pending}",
    " — dữ liệu mẫu": " — demo data",
    "{centre} ({province}){demo}": "{centre} ({province}){demo}",
    "  {stage}: {done}/{total}": "  {stage}: {done}/{total}",
    # surveys, proposal and acceptance edits, users (services/surveys.py, proposal_edit.py, users.py)
    "Người dùng {name} đã bị khóa.": "User {name} is deactivated.",
    "Không tìm thấy người dùng {id}.": "User {id} not found.",
    "Hãy nhập cả vĩ độ và kinh độ.": "Enter both latitude and longitude.",
    "Nhu cầu {n}: mức ưu tiên phải là 1, 2 hoặc 3.": "Need {n}: the priority must be 1, 2 or 3.",
    "Ngày khảo sát không được sau hôm nay.": "The survey date cannot be after today.",
    "Hãy chọn một cơ sở có sẵn, hoặc nhập tên cơ sở mới.": "Choose an existing facility, or enter a new facility's name.",
    "Hãy chọn ít nhất một nhu cầu hỗ trợ.": "Choose at least one support need.",
    "Tọa độ ({lat}, {lon}) nằm ngoài lãnh thổ Việt Nam; kiểm tra lại thứ tự vĩ độ, kinh độ.":
        "Coordinates ({lat}, {lon}) are outside Vietnam; check the order of latitude and longitude.",
    "Không tìm thấy phiếu khảo sát {id}.": "Survey {id} not found.",
    "Phiếu khảo sát đã gửi, không sửa được nữa.": "The survey has been sent; it can no longer be changed.",
    "Đề án ở trạng thái cuối hoặc đã quyết toán, không sửa được nữa.":
        "The proposal is final or settled; it can no longer be changed.",
    "Ngày khảo sát": "Survey date",
    "Tọa độ": "Coordinates",
    "Nhu cầu hỗ trợ": "Support needs",
}  # fmt: skip
