"""The answer to a data subject's request to know what the centre holds about them
(Luật Bảo vệ dữ liệu cá nhân 91/2025): an official letter-style report (NĐ 30/2020
layout) listing every record that holds their data and the values it holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kcdesk.reports.document import Agency, OfficialDocument, Signature
from kcdesk.reports.tabular import Column, TableData
from kcdesk.services.personal_data import PersonReport

KINDS = {
    "facility": "Cơ sở trong sổ cơ sở CNNT",
    "survey": "Phiếu khảo sát",
    "proposal_beneficiary": "Đơn vị thụ hưởng đề án",
    "acceptance_member": "Thành viên biên bản nghiệm thu",
    "attachment": "Tệp đính kèm",
}
QUERY_KINDS = {"name": "họ tên", "phone": "số điện thoại", "id": "số định danh cá nhân"}
FIELD_NAMES = {
    "name": "Tên",
    "representative": "Người đại diện",
    "representative_title": "Chức vụ",
    "phone": "Điện thoại",
    "email": "Thư điện tử",
    "village": "Thôn/Tổ dân phố",
    "street": "Địa chỉ",
    "tax_code": "Mã số thuế",
    "business_reg_no": "Số đăng ký kinh doanh",
    "note": "Ghi chú",
    "draft_facility.name": "Tên cơ sở",
    "draft_facility.representative": "Người đại diện",
    "draft_facility.phone": "Điện thoại",
    "full_name": "Họ tên",
    "position": "Chức vụ",
    "organisation": "Đơn vị",
    "filename": "Tên tệp",
    "caption": "Chú thích",
    "facility_id": "Mã cơ sở",
}


def report_table(report: PersonReport) -> TableData:
    rows = []
    for n, r in enumerate(report.records, start=1):
        held = "; ".join(f"{FIELD_NAMES.get(k, k)}: {v}" for k, v in r.values.items())
        rows.append([str(n), KINDS.get(r.table, r.table), r.label + (" (đã xóa khỏi sổ)" if r.deleted else ""), held])
    return TableData(
        "Các hồ sơ có dữ liệu cá nhân",
        [
            Column("STT", width=0.4),
            Column("Loại hồ sơ", width=1.3),
            Column("Hồ sơ", width=2),
            Column("Dữ liệu", width=3),
        ],
        rows,
    )


def write_person_report_pdf(report: PersonReport, agency: Agency, out: Path, *, on: date | None = None) -> Path:
    doc = OfficialDocument(title="Báo cáo dữ liệu cá nhân")
    doc.header(agency, None, on or date.today())
    doc.doc_title("Báo cáo", "Dữ liệu cá nhân đang được xử lý theo yêu cầu của chủ thể dữ liệu")
    doc.legal_bases(["Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15;"])
    doc.paragraph(
        "Theo yêu cầu của chủ thể dữ liệu, Trung tâm đã tìm theo "
        f"{QUERY_KINDS.get(report.kind, report.kind)} “{report.query}” trong cơ sở dữ liệu khuyến công "
        f"và thấy {len(report.records)} hồ sơ có dữ liệu cá nhân của người này, liệt kê dưới đây."
    )
    table = report_table(report)
    if table.rows:
        doc.table(table, size=10)
    else:
        doc.paragraph("Không có hồ sơ nào chứa dữ liệu cá nhân của người này.")
    doc.paragraph(
        "Chủ thể dữ liệu có quyền đề nghị chỉnh sửa hoặc xóa dữ liệu của mình; dữ liệu mà pháp luật buộc lưu giữ "
        "(chứng từ kế toán, biên bản đã ký) được giữ ở mức tối thiểu và nêu rõ lý do."
    )
    doc.closing(["Người yêu cầu (chủ thể dữ liệu)", "Lưu: VT"], Signature("GIÁM ĐỐC"))
    return doc.build(out)
