"""English for the database encrypted at rest (issue 13 part 1: kcdesk.security, the
`kcdesk security` command, the unlock dialog). Merged into kcdesk.locale_en.EN."""

ENCRYPTION: dict[str, str] = {
    # kcdesk security
    "tài khoản máy tính này": "this computer account",
    "mật khẩu của {who}": "the password of {who}",
    "khóa dự phòng": "the recovery key",
    "mã hóa cơ sở dữ liệu trên máy": "encryption of the database on this laptop",
    "cơ sở dữ liệu có được mã hóa không": "whether the database is encrypted",
    "mã hóa cơ sở dữ liệu đang để không mã hóa": "encrypt a database that is not encrypted yet",
    "in khóa dự phòng mới ra một trang PDF": "print a new recovery key on a one-page PDF",
    "tệp PDF kết quả": "output PDF file",
    "tạo một khóa dự phòng ngẫu nhiên": "make a random recovery key",
    "Chưa mã hóa xong (lần mã hóa trước bị ngắt). Hãy chạy lại: kcdesk security encrypt": (
        "Encryption has not finished (the last run was interrupted). Run again: kcdesk security encrypt"
    ),
    "Cơ sở dữ liệu chưa được mã hóa. Mã hóa bằng: kcdesk security encrypt": (
        "The database is not encrypted. Encrypt it with: kcdesk security encrypt"
    ),
    "Cơ sở dữ liệu được mã hóa (SQLCipher, AES-256). Mở được bằng: {slots}": (
        "The database is encrypted (SQLCipher, AES-256). It opens with: {slots}"
    ),
    "Chưa có khóa dự phòng: hãy in bằng kcdesk security recovery-pdf --out khoa.pdf": (
        "There is no recovery key yet: print one with kcdesk security recovery-pdf --out key.pdf"
    ),
    "Hãy in khóa dự phòng và cất vào tủ hồ sơ: kcdesk security recovery-pdf --out khoa-du-phong.pdf": (
        "Print the recovery key and keep it in the office safe: kcdesk security recovery-pdf --out recovery-key.pdf"
    ),
    "Đã in khóa dự phòng mới vào {out}; khóa dự phòng cũ không còn dùng được.": (
        "A new recovery key was printed to {out}; the old recovery key no longer works."
    ),
    # conversion
    "Tệp mã hóa không qua kiểm tra: {problems}": "The encrypted file did not pass the check: {problems}",
    "Đã mã hóa cơ sở dữ liệu {path}; bản chưa mã hóa đã được xóa.": (
        "The database {path} is encrypted; the unencrypted copy has been removed."
    ),
    "Đang mã hóa: {percent}%": "Encrypting: {percent}%",
    "Bản mã hóa thiếu dữ liệu ở bảng {table} ({got}/{want} dòng); bản chưa mã hóa được giữ nguyên.": (
        "The encrypted copy is missing rows of table {table} ({got}/{want}); the unencrypted database is kept."
    ),
    "Bảng {table}: {count} dòng, khớp": "Table {table}: {count} rows, matching",
    "Bản mã hóa bị lỗi khi kiểm tra ({reason}); bản chưa mã hóa được giữ nguyên.": (
        "The encrypted copy failed the check ({reason}); the unencrypted database is kept."
    ),
    "Cơ sở dữ liệu {path} đã được mã hóa.": "The database {path} is already encrypted.",
    "Không tìm thấy cơ sở dữ liệu {path}.": "No database found at {path}.",
    "Cơ sở dữ liệu {path} chưa qua kiểm tra (kcdesk check) nên chưa mã hóa; không có gì thay đổi.": (
        "The database {path} does not pass the check (kcdesk check), so it was not encrypted; nothing changed."
    ),
    "Tiếp tục lần mã hóa trước (dùng lại khóa đã tạo).": "Resuming the earlier encryption (reusing the key made then).",
    "Đã sao lưu (mã hóa) vào {path}": "Backed up (encrypted) to {path}",
    "Đã mã hóa {n} tệp đính kèm.": "Encrypted {n} attachment files.",
    # keys and unlocking
    "Bản sao lưu {path} được mã hóa bằng khóa khác với cơ sở dữ liệu này; không có gì thay đổi.": (
        "The backup {path} is encrypted with a different key from this database; nothing changed."
    ),
    "Tệp đính kèm {path} được mã hóa; hãy mở cơ sở dữ liệu của nó trong kcdesk trước.": (
        "The attachment {path} is encrypted; open its database in kcdesk first."
    ),
    "Tệp đính kèm {path} bị hỏng hoặc không thuộc cơ sở dữ liệu này.": (
        "The attachment {path} is damaged or does not belong to this database."
    ),
    (
        "Không mở được cơ sở dữ liệu mã hóa {path}: khóa không đúng. Tệp được giữ nguyên. Hãy đăng nhập bằng "
        "mật khẩu của mình hoặc nhập khóa dự phòng (tờ giấy in cất trong tủ hồ sơ)."
    ): (
        "Could not open the encrypted database {path}: the key is wrong. The file is kept as it is. Sign in with "
        "your own password or enter the recovery key (the printed sheet in the office safe)."
    ),
    (
        "Máy này không có kho khóa của hệ điều hành nên chưa mã hóa được cơ sở dữ liệu. Hãy đặt khóa dự phòng "
        "vào biến môi trường KCDESK_RECOVERY_KEY (tạo bằng: kcdesk security new-recovery-key) rồi thử lại, "
        "hoặc đặt KCDESK_ENCRYPT=0 để không mã hóa."
    ): (
        "This machine has no operating-system keyring, so the database could not be encrypted. Put a recovery key "
        "in the KCDESK_RECOVERY_KEY environment variable (make one with: kcdesk security new-recovery-key) and try "
        "again, or set KCDESK_ENCRYPT=0 not to encrypt."
    ),
    "Cơ sở dữ liệu {path} chưa được mã hóa: chưa có khóa dự phòng.": (
        "The database {path} is not encrypted: it has no recovery key."
    ),
    "Khóa dự phòng phải có 40 ký tự (8 nhóm 5 ký tự); đã nhập {n}. Hãy nhập lại đúng như tờ giấy in.": (
        "The recovery key has 40 characters (8 groups of 5); {n} were entered. Enter it exactly as printed."
    ),
    "Khóa dự phòng có ký tự không hợp lệ. Hãy nhập lại đúng như tờ giấy in.": (
        "The recovery key has characters that are not valid. Enter it exactly as printed."
    ),
    (
        "Mật khẩu không mở được cơ sở dữ liệu mã hóa {path}. Hãy kiểm tra tên đăng nhập và mật khẩu, "
        "hoặc dùng khóa dự phòng."
    ): (
        "The password does not open the encrypted database {path}. Check the login and password, or use the "
        "recovery key."
    ),
    (
        "Cơ sở dữ liệu {path} được mã hóa và tài khoản máy này không mở được. Hãy mở kcdesk và đăng nhập bằng "
        "mật khẩu của mình (kcdesk --login), hoặc nhập khóa dự phòng (biến môi trường KCDESK_RECOVERY_KEY). "
        "Tệp được giữ nguyên."
    ): (
        "The database {path} is encrypted and this computer account cannot open it. Open kcdesk and sign in with "
        "your own password (kcdesk --login), or enter the recovery key (the KCDESK_RECOVERY_KEY environment "
        "variable). The file is kept as it is."
    ),
    "Khóa dự phòng không mở được cơ sở dữ liệu mã hóa {path}. Hãy nhập lại đúng như tờ giấy in; tệp được giữ nguyên.": (
        "The recovery key does not open the encrypted database {path}. Enter it exactly as printed; the file is "
        "kept as it is."
    ),
    # self-test
    "Mở cơ sở dữ liệu mã hóa": "Open an encrypted database",
    "Tệp {path} không được mã hóa.": "The file {path} is not encrypted.",
    "Dữ liệu đọc lại không khớp: {names}": "The data read back does not match: {names}",
    "Tên cơ sở đọc được trong tệp mã hóa.": "The facility's name can be read in the encrypted file.",
    "SQLCipher (SQLite {version}), mở lại bằng khóa dự phòng": "SQLCipher (SQLite {version}), reopened with the recovery key",
    # the window: unlock dialog and the offer to encrypt
    "Mã hóa dữ liệu": "Encrypt the data",
    (
        "Dữ liệu trên máy này chưa được mã hóa: ai lấy được máy sẽ đọc được họ tên, số điện thoại, số định "
        "danh của mọi người trong sổ. Mã hóa ngay? (Có sao lưu trước; mất vài phút với dữ liệu lớn; "
        "có thể ngắt và làm lại.)"
    ): (
        "The data on this laptop is not encrypted: whoever takes the laptop can read the names, phone numbers "
        "and ID numbers of everyone in the register. Encrypt it now? (A backup is made first; a few minutes "
        "with a large database; it can be interrupted and run again.)"
    ),
    "Mã hóa ngay": "Encrypt now",
    "Để lần sau": "Next time",
    "Nhắc lại sau 30 ngày": "Remind me in 30 days",
    "Hỏi lại việc mã hóa dữ liệu từ ngày (YYYY-MM-DD)": "Ask again about encrypting the data from (YYYY-MM-DD)",
    "Đang mã hóa dữ liệu…": "Encrypting the data…",
    "Mở khóa dữ liệu": "Unlock the data",
    (
        "Dữ liệu trên máy này được mã hóa và tài khoản máy tính hiện tại không tự mở được. "
        "Hãy nhập tên đăng nhập và mật khẩu kcdesk của mình, hoặc khóa dự phòng in trên giấy."
    ): (
        "The data on this laptop is encrypted and the current computer account cannot open it by itself. "
        "Enter your kcdesk login and password, or the printed recovery key."
    ),
    "Dùng mật khẩu": "Use a password",
    "Dùng khóa dự phòng": "Use the recovery key",
    "Khóa dự phòng": "Recovery key",
}
