"""English for the sync's guards: the server's administration command, enrolment checks,
tokens and limits, files by right, and the laptop's sync status, locks and resend.

Merged into kcdesk.locale_en.EN; kept apart so each area can own its block.
"""

SYNC_SECURITY: dict[str, str] = {
    # the server out of database capacity (kcdesk.server.busy)
    "Máy chủ đồng bộ đang bận; máy sẽ tự gửi lại sau {seconds} giây.": (
        "The sync server is busy; this computer will send again in {seconds} seconds."
    ),
    "Máy chủ đồng bộ gặp lỗi; hãy báo quản trị máy chủ.": "The sync server failed; tell the server's administrator.",
    # kcdesk-server
    "Máy chủ đồng bộ kcdesk": "kcdesk sync server",
    "URL cơ sở dữ liệu máy chủ (mặc định: tệp SQLite)": "server database URL (default: a SQLite file)",
    "thư mục dữ liệu máy chủ (tệp đính kèm, bản chụp, khóa ký)": "server data folder (attachments, snapshots, signing key)",
    "chạy máy chủ": "run the server",
    "địa chỉ lắng nghe": "address to listen on",
    "cổng (0: một cổng trống bất kỳ)": "port (0: any free port)",
    "số tiến trình phục vụ (nhiều hơn 1 chỉ với PostgreSQL; mỗi tiến trình dùng chung cơ sở dữ liệu)": (
        "number of worker processes (more than 1 only with PostgreSQL; the workers share the database)"
    ),
    "ghi cổng đang nghe vào tệp này": "write the port listened on to this file",
    "chứng chỉ TLS (PEM)": "TLS certificate (PEM)",
    "khóa riêng TLS (PEM)": "TLS private key (PEM)",
    "mức nhật ký: debug, info, warning, error": "log level: debug, info, warning, error",
    "tạo mã đăng ký thiết bị": "make a device enrolment code",
    "mã tỉnh/thành phố, ví dụ 48 (Đà Nẵng)": "province code, e.g. 48 (Đà Nẵng)",
    "vai trò, một trong: {roles}": "role, one of: {roles}",
    "mã xã/phường giao cho cộng tác viên, ví dụ 20194 20197": "communes given to a collaborator, e.g. 20194 20197",
    "tên đăng nhập của người dùng máy này": "username of this laptop's user",
    "họ tên (bắt buộc khi tạo người dùng mới)": "full name (required for a new user)",
    "liệt kê thiết bị": "list devices",
    "thu hồi thiết bị": "revoke a device",
    "mã thiết bị (hoặc phần đầu của mã)": "device id (or its beginning)",
    "đổi xã/phường giao cho cộng tác viên": "change a collaborator's communes",
    "mã xã/phường, ví dụ 20194 20197": "commune codes, e.g. 20194 20197",
    "chuẩn bị bản chụp cho lần tải đầu": "prepare a snapshot for first pulls",
    "mã tỉnh, hoặc 00 cho dữ liệu toàn quốc": "province code, or 00 for national data",
    "chỉ các xã/phường này (bản chụp cho cộng tác viên)": "only these communes (a collaborator's snapshot)",
    "client: bảng của máy trạm kèm chỉ mục tìm kiếm; rows: các dòng như máy chủ lưu": (
        "client: the laptop's tables with the search index; rows: the rows as the server stores them"
    ),
    "gọn nhật ký thay đổi cũ": "compact the old change log",
    "bỏ lịch sử cũ hơn số ngày này": "drop history older than this many days",
    "Mã đăng ký thiết bị (dùng một lần, hết hạn sau 7 ngày): {code}": (
        "Device enrolment code (single use, expires in 7 days): {code}"
    ),
    "Đã thu hồi thiết bị {device}. Dữ liệu chưa gửi vẫn nằm trên máy đó.": (
        "Device {device} revoked. Its unsent data stays on it."
    ),
    "Đã giao xã/phường {communes} cho thiết bị {device}.": "Communes {communes} given to device {device}.",
    "Không tìm thấy đúng một thiết bị khớp '{device}' (tìm thấy {n}).": (
        "No single device matches '{device}' ({n} found)."
    ),
    "Đã gọn nhật ký thay đổi: bỏ {n} mục.": "Change log compacted: {n} entries dropped.",
    "đã thu hồi": "revoked",
    "đang hoạt động": "active",
    "lần cuối": "last seen",
    "Máy chủ dùng SQLite chỉ chạy một tiến trình (--workers 1): SQLite cho một người ghi mỗi lúc. Muốn nhiều "
    "tiến trình, hãy dùng PostgreSQL: --db postgresql://người_dùng@máy/csdl --workers {n}": (
        "A server on SQLite runs one process (--workers 1): SQLite takes one writer at a time. For several "
        "processes use PostgreSQL: --db postgresql://user@host/db --workers {n}"
    ),
    "Vai trò không hợp lệ: {role}. Chọn một trong: {roles}": "Invalid role: {role}. Choose one of: {roles}",
    "Số tiến trình (--workers) phải từ 1 trở lên.": "The number of workers (--workers) must be 1 or more.",
    "Cần --province cho vai trò {role}.": "Role {role} needs --province.",
    "Chỉ cộng tác viên (vai trò collaborator) mới được giao xã/phường (--communes).": (
        "Only collaborators (role collaborator) are given communes (--communes)."
    ),
    "Cộng tác viên cần ít nhất một xã/phường: --communes MÃ_XÃ ...": (
        "A collaborator needs at least one commune: --communes CODE ..."
    ),
    "Mã xã/phường '{value}' không có trong danh mục hiện hành.": "Commune code '{value}' is not in the current list.",
    "{ward} ({value}) không thuộc {province}.": "{ward} ({value}) is not in {province}.",
    "Biến môi trường {env} phải dài ít nhất {n} ký tự (ví dụ: python -c "
    '"import secrets; print(secrets.token_hex(32))").': (
        "The environment variable {env} must be at least {n} characters long (for example: python -c "
        '"import secrets; print(secrets.token_hex(32))").'
    ),
    "Tệp khóa ký {path} bị hỏng (quá ngắn); hãy xóa tệp để máy chủ tạo khóa mới "
    "(các thiết bị sẽ tự lấy mã truy cập mới).": (
        "The signing key file {path} is damaged (too short); delete it and the server makes a new key "
        "(devices fetch new access tokens by themselves)."
    ),
    # server answers
    "Quá nhiều lần thử không thành công; hãy thử lại sau {seconds} giây.": (
        "Too many failed attempts; try again in {seconds} seconds."
    ),
    "Đoạn tệp yêu cầu nằm ngoài tệp ({size} byte).": "The requested range lies outside the file ({size} bytes).",
    "Thiết bị chưa đăng ký hoặc khóa thiết bị không đúng (hoặc đã được thay bằng khóa mới).": (
        "The device is not enrolled or its key is wrong (or was replaced by a newer one)."
    ),
    "Khóa thiết bị đã hết hạn vì lâu không đồng bộ; hãy xin mã đăng ký mới và đăng ký lại "
    "(dữ liệu và thay đổi chưa gửi vẫn giữ trên máy).": (
        "The device key expired after a long time without syncing; ask for a new enrolment code and enrol "
        "again (data and unsent changes stay on the laptop)."
    ),
    # kcdesk sync status
    "Máy này chưa đăng ký với máy chủ đồng bộ. Hãy chạy: kcdesk enroll --server URL --code MÃ": (
        "This laptop is not enrolled with a sync server. Run: kcdesk enroll --server URL --code CODE"
    ),
    "Máy chủ: {server} (thiết bị {device})": "Server: {server} (device {device})",
    "Thiết bị đã bị thu hồi quyền đồng bộ; dữ liệu vẫn giữ trên máy. Hãy liên hệ quản trị.": (
        "This device's sync right was revoked; the data stays on the laptop. Contact the administrator."
    ),
    "Đang đồng bộ.": "Syncing now.",
    "Thay đổi chờ gửi: {n}": "Changes waiting to be sent: {n}",
    "(cũ nhất từ {when})": "(oldest from {when})",
    "Thay đổi bị máy chủ từ chối: {n}": "Changes refused by the server: {n}",
    "Xung đột chưa xử lý: {n}": "Conflicts to settle: {n}",
    "Lần đồng bộ thành công gần nhất: {when}": "Last successful sync: {when}",
    "Lần thử gần nhất: {when}": "Last attempt: {when}",
    "Lỗi gần nhất: {error}": "Last error: {error}",
    "chưa có": "never",
    "không có": "none",
    "Đồng hồ máy này lệch {minutes} phút so với máy chủ (chỉ để biết; đồng bộ không dựa vào đồng hồ).": (
        "This laptop's clock is {minutes} minutes off the server's (for information; sync never relies on clocks)."
    ),
    # kcdesk enroll / sync resend / communes
    "chấp nhận máy chủ http:// không mã hóa trên máy khác (chỉ trong mạng nội bộ tin cậy)": (
        "accept an unencrypted http:// server on another machine (trusted local networks only)"
    ),
    "sửa một bản ghi mới bị máy chủ từ chối và gửi lại ở lần đồng bộ tới": (
        "correct a new record the server refused and send it again at the next sync"
    ),
    "số của thay đổi bị từ chối (xem: kcdesk sync deadletters)": "number of the refused change (see: kcdesk sync deadletters)",
    "giá trị sửa": "corrected value",
    "Đã xếp lại {n} thay đổi để gửi ở lần đồng bộ tới (số {seqs}).": (
        "{n} change(s) queued again for the next sync (numbers {seqs})."
    ),
    "xem hoặc giao xã/phường cho cộng tác viên (đồng bộ lên máy chủ)": (
        "show or assign a collaborator's communes (synced to the server)"
    ),
    "tên đăng nhập của cộng tác viên": "the collaborator's username",
    "giao đúng các xã/phường này (bỏ các xã khác)": "assign exactly these communes (removing the others)",
    "Không tìm thấy người dùng {name}.": "User {name} not found.",
    "chưa giao xã/phường nào": "no communes assigned",
    "{user}: {communes}": "{user}: {communes}",
    "Chỉ lãnh đạo Trung tâm hoặc quản trị mới giao xã/phường cho cộng tác viên.": (
        "Only a centre leader or an administrator assigns communes to collaborators."
    ),
    "{name} không phải cộng tác viên; chỉ cộng tác viên được giao xã/phường.": (
        "{name} is not a collaborator; only collaborators are given communes."
    ),
    # the laptop's guards
    "Cảnh báo: máy chủ {url} dùng http:// không mã hóa; mã thiết bị và dữ liệu đi trên mạng mà không được bảo vệ. "
    "Chỉ dùng trong mạng nội bộ tin cậy, và chuyển sang https:// sớm nhất có thể.": (
        "Warning: server {url} uses unencrypted http://; the device key and the data cross the network unprotected. "
        "Use it only on a trusted local network, and move to https:// as soon as you can."
    ),
    "Địa chỉ máy chủ '{url}' không hợp lệ; hãy nhập dạng https://ten-may-chu hoặc https://ten-may-chu:cong.": (
        "Server address '{url}' is not valid; enter it as https://server-name or https://server-name:port."
    ),
    "Máy chủ {url} dùng http:// không mã hóa: mã thiết bị và dữ liệu có thể bị đọc hoặc sửa trên đường truyền. "
    "Hãy dùng địa chỉ https://; nếu chắc chắn mạng này an toàn, đăng ký bằng dòng lệnh với --insecure-http.": (
        "Server {url} uses unencrypted http://: the device key and the data can be read or changed on the way. "
        "Use an https:// address; if you are sure this network is safe, enrol from the command line with "
        "--insecure-http."
    ),
    "Cơ sở dữ liệu này đang được đồng bộ ở nơi khác ({who}, tiến trình {pid}); hãy đợi lần đó xong rồi thử lại. "
    "Dữ liệu không bị ảnh hưởng.": (
        "This database is being synced elsewhere ({who}, process {pid}); wait for that to finish and try again. "
        "Your data is not affected."
    ),
    "cửa sổ kcdesk": "the kcdesk window",
    "lệnh kcdesk sync": "a kcdesk sync command",
    "Cơ sở dữ liệu {path} đang mở trong một cửa sổ kcdesk khác (tiến trình {pid}). Hãy dùng cửa sổ đó; "
    "hai cửa sổ trên cùng dữ liệu sẽ đồng bộ chồng lên nhau.": (
        "Database {path} is open in another kcdesk window (process {pid}). Use that window; two windows on "
        "the same data would sync over each other."
    ),
    "Lỗi không mong đợi khi đồng bộ ({kind}): {detail}": "Unexpected error while syncing ({kind}): {detail}",
    "Không có thay đổi bị từ chối số {seq}. Xem danh sách: kcdesk sync deadletters": (
        "There is no refused change number {seq}. See the list: kcdesk sync deadletters"
    ),
    "Thay đổi số {seq} không phải bản ghi mới; hãy mở bản ghi để sửa, thay đổi mới sẽ được gửi ở lần đồng bộ tới.": (
        "Change {seq} is not a new record; open the record to correct it, and the new change is sent at the next sync."
    ),
    "Bản ghi của thay đổi số {seq} không còn trên máy này; hãy bỏ thay đổi này (kcdesk sync deadletters).": (
        "The record of change {seq} is no longer on this laptop; discard the change (kcdesk sync deadletters)."
    ),
    "Trường '{field}' không sửa được ở đây.": "Field '{field}' cannot be corrected here.",
    "Thay đổi số {seq} chờ thay đổi số {parent} (bản ghi cha); hãy sửa và gửi lại thay đổi số {parent} "
    "trước, thay đổi này sẽ đi theo.": (
        "Change {seq} waits for change {parent} (its parent record); correct and send change {parent} again "
        "first, and this one follows."
    ),
    "Giá trị '{value}' không hợp lệ: {problem}.": "Value '{value}' is not valid: {problem}.",
}
