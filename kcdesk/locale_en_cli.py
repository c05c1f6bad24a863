"""English for the command lines' own words: argparse's phrases, and option help and
placeholders that had none. Merged into kcdesk.locale_en.EN.

ARGPARSE maps Vietnamese to argparse's English exactly as argparse spells it (its gettext
message ids): kcdesk.cli.common.speak_argparse looks each phrase argparse asks for up in
reverse, so `kcdesk --help` reads Vietnamese and `--lang en` gives argparse's own English.
"""

ARGPARSE: dict[str, str] = {
    "cách dùng: ": "usage: ",
    "tùy chọn": "options",
    "tham số": "positional arguments",
    "hiện hướng dẫn này rồi thoát": "show this help message and exit",
    "hiện số phiên bản rồi thoát": "show program's version number and exit",
    "thiếu tham số bắt buộc: %s": "the following arguments are required: %s",
    "tham số không nhận ra: %s": "unrecognized arguments: %s",
    "tham số %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "giá trị %(value)r không hợp lệ (chọn một trong: %(choices)s)": "invalid choice: %(value)r (choose from %(choices)s)",
    "giá trị %(value)r không đúng kiểu (%(type)s)": "invalid %(type)s value: %(value)r",
    "cần một giá trị": "expected one argument",
    "cần nhiều nhất một giá trị": "expected at most one argument",
    "cần ít nhất một giá trị": "expected at least one argument",
    "không dùng cùng với %s": "not allowed with argument %s",
    "không nhận giá trị %r": "ignored explicit argument %r",
    "cần một trong các tham số %s": "one of the arguments %s is required",
    "tùy chọn %(option)s chưa rõ, có thể là %(matches)s": "ambiguous option: %(option)s could match %(matches)s",
}

CLI: dict[str, str] = {
    **ARGPARSE,
    # kcdesk enroll / sync
    "đăng ký thiết bị với máy chủ đồng bộ": "enrol this device with the sync server",
    "địa chỉ máy chủ, ví dụ https://kc.example.vn": "the server's address, e.g. https://kc.example.vn",
    "mã đăng ký do quản trị cấp": "the enrolment code the administrator gave you",
    "tên thiết bị": "device name",
    "chứng chỉ CA riêng để kiểm tra TLS của máy chủ": "a private CA certificate to check the server's TLS",
    "đồng bộ một lần với máy chủ": "sync once with the server",
    "tình trạng đồng bộ": "sync status",
    "các xung đột cần xử lý": "conflicts to resolve",
    "xử lý một xung đột": "resolve a conflict",
    "các thay đổi bị máy chủ từ chối": "changes the server refused",
    "TRƯỜNG=GIÁ_TRỊ": "FIELD=VALUE",
    # kcdesk communes
    "MÃ_XÃ": "COMMUNE_CODE",
}
