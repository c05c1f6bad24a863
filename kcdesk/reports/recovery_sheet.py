"""The one-page sheet with the recovery key ("khóa dự phòng") of an encrypted database, to
keep in the office safe: it opens the data when the laptop's account or every password is
lost (kcdesk.security)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kcdesk.reports.document import Agency, OfficialDocument, Signature
from kcdesk.reports.styles import _style


def write_recovery_sheet(
    recovery_key: str, db_path: Path, agency: Agency, out: Path, *, on: date | None = None
) -> Path:
    doc = OfficialDocument(title="Khóa dự phòng cơ sở dữ liệu")
    doc.header(agency, None, on or date.today())
    doc.doc_title("Phiếu", "Khóa dự phòng mở cơ sở dữ liệu khuyến công đã mã hóa")
    doc.paragraph(
        "Cơ sở dữ liệu khuyến công trên máy tính này được mã hóa để bảo vệ dữ liệu cá nhân theo Luật Bảo vệ dữ liệu "
        "cá nhân số 91/2025/QH15. Khóa dự phòng dưới đây mở được dữ liệu khi tài khoản máy tính hoặc mật khẩu của "
        "mọi người dùng bị mất."
    )
    doc.paragraph(f"Tệp dữ liệu: {db_path}")
    big = _style("recovery_key", 14, bold=True, align=1, before=8, after=8, leading=22)  # one line, always
    doc.paragraph(recovery_key, style=big)
    doc.paragraph(
        "Cách dùng: mở kcdesk, chọn «Dùng khóa dự phòng» ở hộp mở khóa và nhập đủ 40 ký tự (dấu gạch không bắt "
        "buộc); hoặc đặt biến môi trường KCDESK_RECOVERY_KEY trước khi chạy lệnh kcdesk. Cần cả tệp khóa "
        f"{db_path.stem}-khoa.json nằm cạnh tệp dữ liệu."
    )
    doc.paragraph(
        "Bảo quản: cất phiếu này trong tủ hồ sơ có khóa của Trung tâm, không chụp ảnh, không gửi qua mạng. Khi in "
        "phiếu mới, khóa dự phòng cũ hết hiệu lực; hãy hủy phiếu cũ."
    )
    doc.closing(["Lưu: tủ hồ sơ mật của Trung tâm"], Signature("GIÁM ĐỐC"))
    return doc.build(out)
