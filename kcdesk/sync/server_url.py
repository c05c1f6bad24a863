"""Which server addresses a laptop will talk to.

https:// always. http:// only to this same machine (loopback: a server for testing, or
a TLS proxy on the laptop itself), or when the person says so with `--insecure-http`
(remembered with the enrolment): over plain HTTP, anyone on the network path reads the
device's tokens and the records, and can change what is sent.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from kcdesk.sync.errors import InsecureServer, SyncError

INSECURE_HTTP = "insecure_http"  # sync_kv: "1" when the person accepted plain HTTP at enrolment


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def needs_consent(url: str) -> bool:
    """True for an http:// address of another machine."""
    parts = urlsplit(url)
    return parts.scheme == "http" and not is_loopback(parts.hostname or "")


def check_server_url(url: str, insecure_http: bool) -> None:
    """Refuse an address that is not http(s), or plain HTTP to another machine unless
    accepted; the messages say what to do."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(
            "Địa chỉ máy chủ '{url}' không hợp lệ; hãy nhập dạng https://ten-may-chu hoặc https://ten-may-chu:cong.",
            url=url,
        )
    if needs_consent(url) and not insecure_http:
        raise InsecureServer(
            "Máy chủ {url} dùng http:// không mã hóa: mã thiết bị và dữ liệu có thể bị đọc hoặc sửa trên đường "
            "truyền. Hãy dùng địa chỉ https://; nếu chắc chắn mạng này an toàn, đăng ký bằng dòng lệnh với "
            "--insecure-http.",
            url=url,
        )


WARNING = (
    "Cảnh báo: máy chủ {url} dùng http:// không mã hóa; mã thiết bị và dữ liệu đi trên mạng mà không được bảo vệ. "
    "Chỉ dùng trong mạng nội bộ tin cậy, và chuyển sang https:// sớm nhất có thể."
)
