"""The columns of the exchange sheets: one list serves the template, import and export.

Each column names its field, the Vietnamese header written in templates and exports, the
other headers people use for it, and how its cells are read.
"""

from __future__ import annotations

from dataclasses import dataclass

from kcdesk.exchange.headers import build_aliases


@dataclass(frozen=True)
class SheetColumn:
    field: str
    title: str
    kind: str = "text"  # text | money | whole | date | decimal | bool | choice
    aliases: tuple[str, ...] = ()
    required: bool = False
    width: int = 18
    hint: str = ""  # shown in the template's instructions


FACILITY_SHEET = "Cơ sở"
FACILITY_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn(
        "name", "Tên cơ sở", aliases=("Tên", "Tên doanh nghiệp", "Tên cơ sở CNNT", "Cơ sở"), required=True, width=36
    ),
    SheetColumn(
        "facility_type",
        "Loại hình",
        "choice",
        ("Loại hình cơ sở", "Loại hình doanh nghiệp"),
        True,
        hint="Hộ kinh doanh, Hợp tác xã, Tổ hợp tác, Doanh nghiệp siêu nhỏ/nhỏ/vừa, Loại hình khác",
    ),
    SheetColumn(
        "tax_code",
        "Mã số thuế",
        aliases=("MST", "Mã số thuế/Số ĐKKD", "Mã số DN"),
        width=16,
        hint="10 chữ số, 10-3 với chi nhánh, hoặc 12 chữ số định danh với hộ kinh doanh",
    ),
    SheetColumn(
        "representative",
        "Người đại diện",
        aliases=("Đại diện", "Chủ cơ sở", "Người đại diện theo pháp luật", "Họ tên chủ cơ sở"),
        width=24,
    ),
    SheetColumn("phone", "Điện thoại", aliases=("SĐT", "ĐT", "Số điện thoại", "Điện thoại liên hệ", "Tel"), width=14),
    SheetColumn("street", "Địa chỉ", aliases=("Địa chỉ chi tiết", "Số nhà, đường", "Số nhà/đường", "Đường"), width=28),
    SheetColumn(
        "ward",
        "Xã/Phường/Đặc khu",
        aliases=("Xã/Phường", "Xã, phường", "Xã", "Phường", "Phường/Xã", "Mã xã"),
        required=True,
        width=22,
        hint="tên xã, phường, đặc khu hiện hành (từ 01/7/2025)",
    ),
    SheetColumn(
        "province",
        "Tỉnh/Thành phố",
        aliases=("Tỉnh", "Tỉnh/TP", "Tỉnh, thành phố", "Tỉnh/Thành", "Thành phố", "Mã tỉnh"),
        required=True,
        width=20,
    ),
    SheetColumn(
        "sector_code",
        "Ngành nghề",
        "choice",
        ("Ngành", "Mã ngành nghề", "Lĩnh vực", "Ngành nghề sản xuất"),
        hint="mã A-G hoặc tên ngành nghề theo Điều 5 Nghị định 45/2012/NĐ-CP",
    ),
    SheetColumn(
        "labour_total", "Số lao động", "whole", ("Lao động", "Số LĐ", "Tổng số lao động", "Tổng lao động"), width=12
    ),
    SheetColumn(
        "revenue_prev_year",
        "Doanh thu năm trước (đồng)",
        "money",
        ("Doanh thu", "Doanh thu năm trước", "Doanh thu (VNĐ)"),
        width=20,
    ),
    SheetColumn(
        "legacy_district",
        "Quận/Huyện (trước 01/7/2025)",
        aliases=("Quận/Huyện", "Huyện", "Quận", "Huyện/Thị xã", "Quận/Huyện/Thị xã", "Huyện/TX/TP", "Huyện, thị xã"),
        width=20,
        hint="chỉ với địa chỉ cũ: giúp xác định xã/phường cũ khi nhiều nơi trùng tên",
    ),
    SheetColumn("village", "Thôn/Tổ dân phố", aliases=("Thôn", "Thôn/ấp/bản", "Tổ dân phố", "Thôn, ấp")),
    SheetColumn("legacy_address", "Địa chỉ cũ (trước 01/7/2025)", aliases=("Địa chỉ cũ",), width=30),
    SheetColumn("legacy_province_code", "Mã tỉnh cũ", width=10),
    SheetColumn("legacy_district_code", "Mã huyện cũ", width=10),
    SheetColumn("legacy_ward_code", "Mã xã cũ", width=10),
    SheetColumn("email", "Thư điện tử", aliases=("Email", "E-mail", "Thư điện tử (email)")),
    SheetColumn(
        "business_reg_no", "Số giấy chứng nhận đăng ký", aliases=("Số GCN ĐKKD", "Số ĐKKD", "Số giấy phép kinh doanh")
    ),
    SheetColumn("reg_date", "Ngày đăng ký", "date", ("Ngày cấp ĐKKD", "Ngày cấp")),
    SheetColumn("representative_title", "Chức vụ người đại diện", aliases=("Chức vụ",)),
    SheetColumn("main_products", "Sản phẩm chính", aliases=("Sản phẩm", "Sản phẩm, dịch vụ chính"), width=28),
    SheetColumn("labour_insured", "Số lao động có BHXH", "whole", ("LĐ có BHXH", "Số LĐ có BHXH")),
    SheetColumn("total_capital", "Tổng vốn (đồng)", "money", ("Vốn", "Tổng vốn", "Vốn đầu tư")),
    SheetColumn("local_raw_material_pct", "Tỷ lệ nguyên liệu tại chỗ (%)", "decimal", ("Nguyên liệu tại chỗ",)),
    SheetColumn("latitude", "Vĩ độ", "decimal", ("Lat",), width=11),
    SheetColumn("longitude", "Kinh độ", "decimal", ("Long", "Lng", "Lon"), width=11),
    SheetColumn("has_export_contract", "Có hợp đồng xuất khẩu", "bool", ("Xuất khẩu",), width=12),
    SheetColumn(
        "in_supporting_industry_list", "Thuộc danh mục công nghiệp hỗ trợ", "bool", ("Công nghiệp hỗ trợ",), width=12
    ),
    SheetColumn("cleaner_production", "Áp dụng sản xuất sạch hơn", "bool", ("Sản xuất sạch hơn",), width=12),
    SheetColumn("typical_product", "Có sản phẩm CNNT tiêu biểu", "bool", ("Sản phẩm tiêu biểu",), width=12),
    SheetColumn("status", "Tình trạng", "choice", ("Trạng thái", "Tình trạng hoạt động"), width=16),
    SheetColumn("note", "Ghi chú", width=24),
)


def aliases_of(columns: tuple[SheetColumn, ...]) -> dict[str, str]:
    return build_aliases({c.field: (c.title, *c.aliases) for c in columns})


def by_field(columns: tuple[SheetColumn, ...]) -> dict[str, SheetColumn]:
    return {c.field: c for c in columns}
