"""English for sign-in per person (issue 13 part 2: accounts, passwords, the locked
window, `kcdesk account`). Merged into kcdesk.locale_en.EN."""

ACCOUNTS: dict[str, str] = {
    # signing in (kcdesk.services.sign_in, kcdesk.cli.acting)
    "Chưa đăng nhập nên chưa ghi được. Hãy đăng nhập bằng tài khoản của mình rồi thử lại.": (
        "Nobody is signed in, so nothing was saved. Sign in with your own account and try again."
    ),
    "Vừa nhập sai mật khẩu; để chống dò mật khẩu, hãy chờ {seconds} giây rồi thử lại.": (
        "A wrong password was just typed; against password guessing, wait {seconds} seconds and try again."
    ),
    "Đã nhập sai mật khẩu {count} lần liên tiếp: tài khoản bị tạm khóa {minutes} phút. "
    "Hãy chờ rồi thử lại, hoặc nhờ lãnh đạo Trung tâm đặt lại mật khẩu.": (
        "{count} wrong passwords in a row: the account is locked for {minutes} minutes. "
        "Wait and try again, or ask the centre leader to reset the password."
    ),
    "Tài khoản đang tạm khóa vì nhập sai mật khẩu nhiều lần. Hãy chờ {minutes} phút rồi thử lại, "
    "hoặc nhờ lãnh đạo Trung tâm đặt lại mật khẩu.": (
        "The account is locked for a while after too many wrong passwords. Wait {minutes} minutes and try "
        "again, or ask the centre leader to reset the password."
    ),
    "Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra bàn phím (Caps Lock, kiểu gõ) rồi thử lại.": (
        "Wrong username or password. Check the keyboard (Caps Lock, input method) and try again."
    ),
    "Chưa có ai đăng nhập trên cửa sổ này. Hãy đăng nhập lại.": "Nobody is signed in in this window. Sign in again.",
    "Mật khẩu cần ít nhất {count} ký tự.": "The password needs at least {count} characters.",
    "Mật khẩu hiện tại không đúng.": "The current password is wrong.",
    "Mật khẩu mới phải khác mật khẩu hiện tại.": "The new password must differ from the current one.",
    "Hai lần nhập mật khẩu mới không giống nhau. Hãy nhập lại.": (
        "The two new passwords typed differ. Type them again."
    ),
    "Cần mật khẩu: hãy chạy lệnh trong cửa sổ dòng lệnh để nhập, hoặc đặt biến môi trường {env}.": (
        "A password is needed: run the command in a terminal to type it, or set the environment variable {env}."
    ),
    "Máy này dùng tài khoản riêng cho từng người: hãy thêm --login TÊN_ĐĂNG_NHẬP (hoặc đặt biến môi trường {env}).": (
        "This laptop has an account for each person: add --login USERNAME (or set the environment variable {env})."
    ),
    "Mật khẩu của bạn đã được đặt lại: hãy đổi mật khẩu trước, bằng lệnh kcdesk account passwd --login {login}.": (
        "Your password was reset: change it first, with kcdesk account passwd --login {login}."
    ),
    "Không có người dùng {login} trên máy này.": "There is no user {login} on this laptop.",
    "Đang đăng nhập bằng tài khoản {me}: không thực hiện thay người khác được. "
    "Hãy đăng nhập bằng tài khoản của {name} (--login {name}).": (
        "Signed in as {me}: you cannot act for someone else. Sign in with {name}'s account (--login {name})."
    ),
    "Mật khẩu: ": "Password: ",
    "Mật khẩu hiện tại: ": "Current password: ",
    "Mật khẩu mới: ": "New password: ",
    "Nhập lại mật khẩu mới: ": "New password again: ",
    "tên đăng nhập của người chạy lệnh (hoặc biến KCDESK_USER); mật khẩu hỏi khi chạy hoặc lấy từ KCDESK_PASSWORD": (
        "username of the person running the command (or KCDESK_USER); the password is asked, or read from "
        "KCDESK_PASSWORD"
    ),
    # the centre leader's management
    "Chỉ lãnh đạo Trung tâm mới quản lý được tài khoản.": "Only the centre leader can manage accounts.",
    "Hãy nhập tên đăng nhập.": "Enter a username.",
    "Hãy nhập họ tên.": "Enter the full name.",
    "Máy của cộng tác viên chỉ có một tài khoản; không thêm tài khoản khác được.": (
        "A collaborator's laptop has one account; no other account can be added."
    ),
    "Tên đăng nhập {login} đã có tài khoản. Hãy chọn tên khác.": (
        "The username {login} already has an account. Choose another name."
    ),
    "Không có tài khoản {login} trên máy này.": "There is no account {login} on this laptop.",
    "Không tự khóa tài khoản của chính mình được.": "You cannot disable your own account.",
    "Đây là lãnh đạo Trung tâm cuối cùng còn hoạt động; không khóa được.": (
        "This is the last active centre leader; the account cannot be disabled."
    ),
    "Máy này đã có tài khoản. Hãy đăng nhập.": "This laptop already has accounts. Sign in.",
    # `kcdesk account`
    "tài khoản đăng nhập trên máy này": "the sign-in accounts of this laptop",
    "liệt kê tài khoản": "list the accounts",
    "thêm tài khoản (lãnh đạo Trung tâm)": "add an account (centre leader)",
    "TÊN_ĐĂNG_NHẬP": "USERNAME",
    "tên đăng nhập của tài khoản mới": "username of the new account",
    "tên đăng nhập của tài khoản": "username of the account",
    "họ tên người dùng": "the user's full name",
    "khóa tài khoản: không đăng nhập được nữa (lãnh đạo Trung tâm)": (
        "disable an account: it can no longer sign in (centre leader)"
    ),
    "mở lại tài khoản đã khóa (lãnh đạo Trung tâm)": "enable a disabled account again (centre leader)",
    "đặt lại mật khẩu, người dùng phải đổi khi đăng nhập (lãnh đạo Trung tâm)": (
        "reset a password; the user must change it at sign-in (centre leader)"
    ),
    "đổi mật khẩu của chính mình": "change your own password",
    "đã khóa": "disabled",
    "chưa có mật khẩu": "no password yet",
    "hoạt động": "active",
    ", phải đổi mật khẩu": ", must change the password",
    "Đã thêm tài khoản {login} ({role}); người dùng phải đổi mật khẩu khi đăng nhập lần đầu.": (
        "Added the account {login} ({role}); the user must change the password at the first sign-in."
    ),
    "Đã khóa tài khoản {login}.": "Disabled the account {login}.",
    "Đã mở lại tài khoản {login}.": "Enabled the account {login} again.",
    "Đã đặt lại mật khẩu của {login}; người dùng phải đổi khi đăng nhập.": (
        "Reset the password of {login}; the user must change it at sign-in."
    ),
    "Đã đổi mật khẩu của {login}.": "Changed the password of {login}.",
    # the window (kcdesk.ui.sign_in, the first-run wizard, the User menu)
    "Mật khẩu đăng nhập của bạn": "Your sign-in password",
    "Nhập lại mật khẩu": "Password again",
    "Bạn là lãnh đạo Trung tâm trên máy này: bạn thêm tài khoản cho người khác sau.": (
        "You are the centre leader on this laptop: you add the others' accounts later."
    ),
    "Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại.": "The two passwords typed differ. Type them again.",
    "Tự khóa cửa sổ sau số phút không dùng (0: không tự khóa)": "Lock the window after this many idle minutes (0: never)",
    "Khóa cửa sổ": "Lock window",
    "Đổi mật khẩu…": "Change password…",
    "Đăng nhập người khác…": "Sign in as someone else…",
    "Quản lý tài khoản…": "Manage accounts…",
    "Đặt mật khẩu cho tôi…": "Set a password for me…",
    "Hãy chọn một tài khoản trong danh sách.": "Choose an account in the list.",
    "Thêm tài khoản": "Add an account",
    "Đặt lại mật khẩu": "Reset the password",
    "Tên đăng nhập": "Username",
    "Họ tên": "Full name",
    "Mật khẩu tạm thời": "Temporary password",
    "Người dùng phải đổi mật khẩu này khi đăng nhập lần đầu.": "The user must change this password at the first sign-in.",
    "Tài khoản trên máy này": "Accounts on this laptop",
    "Thêm tài khoản…": "Add an account…",
    "Khóa / mở lại": "Disable / enable",
    "Đặt lại mật khẩu…": "Reset the password…",
    "Đã khóa": "Disabled",
    "Chưa có mật khẩu": "No password yet",
    "Phải đổi mật khẩu": "Must change the password",
    "Hoạt động": "Active",
    "Đổi mật khẩu": "Change password",
    "Mật khẩu của bạn vừa được đặt lại. Hãy chọn mật khẩu mới của riêng mình.": (
        "Your password was just reset. Choose a new password of your own."
    ),
    "Mật khẩu hiện tại": "Current password",
    "Mật khẩu mới": "New password",
    "Nhập lại mật khẩu mới": "New password again",
    "Đăng nhập kcdesk": "Sign in to kcdesk",
    "Mật khẩu": "Password",
    "Đăng nhập": "Sign in",
    "Cần đổi mật khẩu đã được đặt lại trước khi làm việc.": "Change the reset password before working.",
    "kcdesk đã khóa": "kcdesk is locked",
    "Những gì đang sửa dở vẫn được giữ nguyên. Nhập mật khẩu của {name} để tiếp tục.": (
        "Edits in progress are kept as they are. Enter {name}'s password to go on."
    ),
    "Mở khóa": "Unlock",
    # the self-test's step (kcdesk.selftest.core_steps)
    "Đăng nhập bằng mật khẩu": "Sign in with a password",
    "Ghi được dữ liệu khi chưa đăng nhập.": "Data could be written without signing in.",
    "tài khoản {login}, mật khẩu băm argon2id": "account {login}, password hashed with argon2id",
    "Máy này dùng tài khoản riêng cho từng người: hãy đăng nhập bằng tài khoản của mình.": (
        "This laptop has an account for each person: sign in with your own account."
    ),
    "Máy này đã đăng ký với máy chủ: người dùng mới do quản trị tạo trên máy chủ. "
    "Sau khi đồng bộ, hãy thêm tài khoản cho người đó ({login}).": (
        "This laptop is enrolled with a server: new users are created by the administrator on the server. "
        "After a sync, add the account for that person ({login})."
    ),
}
