"""The columns of the proposal workbook: one sheet of proposals and two optional sheets
keyed by the proposal code, "Dự toán" (budget lines) and "Giải ngân" (money entries).

The same lists serve the template, the import and the export. Step dates on the proposal
sheet date the lifecycle steps the import takes to reach the status written there.
"""

from __future__ import annotations

from kcdesk.exchange.columns import SheetColumn

PROPOSAL_SHEET = "Đề án"
BUDGET_SHEET = "Dự toán"
PAYMENT_SHEET = "Giải ngân"
# Sheet names people give these sheets (compared folded: case and tone marks ignored).
SHEET_NAMES: dict[str, tuple[str, ...]] = {
    PROPOSAL_SHEET: (PROPOSAL_SHEET, "Danh sách đề án", "Đề án khuyến công", "Kế hoạch"),
    BUDGET_SHEET: (BUDGET_SHEET, "Dự toán chi tiết", "Dự toán kinh phí", "Kinh phí"),
    PAYMENT_SHEET: (PAYMENT_SHEET, "Tạm ứng, thanh toán", "Tạm ứng thanh toán", "Thanh toán", "Cấp phát"),
}

_CODE = SheetColumn("code", "Mã đề án", aliases=("Mã", "Số hiệu đề án", "Mã số đề án"), required=True, width=16)

PROPOSAL_COLUMNS: tuple[SheetColumn, ...] = (
    _CODE,
    SheetColumn(
        "title", "Tên đề án", aliases=("Tên", "Tên đề án khuyến công", "Nội dung đề án"), required=True, width=40
    ),
    SheetColumn(
        "level",
        "Cấp",
        "choice",
        ("Cấp đề án", "Nguồn kinh phí", "Loại đề án"),
        True,
        10,
        hint="KCQG (khuyến công quốc gia) hoặc KCĐP (khuyến công địa phương)",
    ),
    SheetColumn("plan_year", "Năm kế hoạch", "whole", ("Năm", "Năm KH", "Kế hoạch năm"), True, 10),
    SheetColumn(
        "activity_code",
        "Nội dung hoạt động",
        "choice",
        ("Mã nội dung", "Nội dung khuyến công", "Hoạt động"),
        width=14,
        hint="mã KC1..KC9 (có thể kèm mục con, ví dụ KC3.1) hoặc tên nội dung; nhiều nội dung cách nhau bằng dấu ;",
    ),
    SheetColumn(
        "implementing_unit",
        "Đơn vị thực hiện",
        aliases=("Đơn vị chủ trì", "Đơn vị thực hiện đề án"),
        required=True,
        width=28,
    ),
    SheetColumn("province", "Tỉnh/Thành phố", aliases=("Tỉnh", "Tỉnh/TP", "Mã tỉnh"), required=True, width=20),
    SheetColumn("ward", "Xã/Phường/Đặc khu", aliases=("Xã/Phường", "Xã", "Phường", "Mã xã"), width=20),
    SheetColumn("location", "Địa điểm thực hiện", aliases=("Địa điểm",), width=28),
    SheetColumn("start_date", "Ngày bắt đầu", "date", ("Từ ngày", "Thời gian bắt đầu"), width=12),
    SheetColumn("end_date", "Ngày kết thúc", "date", ("Đến ngày", "Thời gian kết thúc"), width=12),
    SheetColumn(
        "status",
        "Trạng thái",
        "choice",
        ("Tình trạng", "Tình trạng đề án"),
        width=18,
        hint="để trống: Đã phê duyệt kế hoạch. Đề án được đưa đến trạng thái này qua từng bước của quy trình, "
        "mỗi bước ghi theo ngày ở các cột ngày bên dưới",
    ),
    SheetColumn(
        "beneficiaries",
        "Mã số thuế cơ sở thụ hưởng",
        aliases=("MST cơ sở thụ hưởng", "MST thụ hưởng", "Cơ sở thụ hưởng (MST)"),
        width=18,
        hint="mã số thuế của cơ sở đã có trong sổ cơ sở; nhiều cơ sở cách nhau bằng dấu ;",
    ),
    SheetColumn(
        "kc_amount",
        "Kinh phí khuyến công (đồng)",
        "money",
        ("Kinh phí khuyến công", "Kinh phí KC", "KP khuyến công", "Kinh phí hỗ trợ"),
        width=18,
        hint="tổng kinh phí khuyến công được duyệt. Có trang Dự toán thì phải bằng tổng các dòng ở đó (hoặc để "
        "trống); không có thì đề án có một dòng dự toán với số này",
    ),
    SheetColumn(
        "counterpart_amount", "Vốn đối ứng (đồng)", "money", ("Vốn đối ứng", "Đối ứng", "Kinh phí đối ứng"), width=18
    ),
    SheetColumn("other_amount", "Nguồn khác (đồng)", "money", ("Nguồn khác", "Vốn khác"), width=16),
    SheetColumn(
        "advance_amount",
        "Đã tạm ứng (đồng)",
        "money",
        ("Tạm ứng", "Số tiền tạm ứng"),
        width=16,
        hint="một lần tạm ứng từ kinh phí khuyến công; nhiều lần, nguồn khác: ghi ở trang Giải ngân",
    ),
    SheetColumn("advance_date", "Ngày tạm ứng", "date", width=12),
    SheetColumn(
        "payment_amount",
        "Đã thanh toán (đồng)",
        "money",
        ("Thanh toán", "Số tiền thanh toán"),
        width=16,
        hint="một lần thanh toán từ kinh phí khuyến công; nhiều lần: ghi ở trang Giải ngân",
    ),
    SheetColumn("payment_date", "Ngày thanh toán", "date", width=12),
    SheetColumn(
        "settlement_amount",
        "Quyết toán (đồng)",
        "money",
        ("Quyết toán", "Số tiền quyết toán"),
        width=16,
        hint="số quyết toán kinh phí khuyến công được duyệt (chỉ với đề án Đã quyết toán)",
    ),
    SheetColumn(
        "settlement_date",
        "Ngày quyết toán",
        "date",
        ("Ngày phê duyệt quyết toán",),
        width=12,
        hint="ngày phê duyệt quyết toán; bắt buộc với đề án Đã quyết toán",
    ),
    SheetColumn("sector_code", "Ngành nghề", "choice", ("Ngành",), width=10),
    # Planned outputs: the "Kế hoạch" column of the periodic report's Biểu 3.
    SheetColumn("planned_trainees", "Số học viên kế hoạch", "whole", ("Học viên kế hoạch", "Số học viên"), width=12),
    SheetColumn("planned_models", "Số mô hình kế hoạch", "whole", ("Mô hình kế hoạch", "Số mô hình"), width=12),
    SheetColumn(
        "planned_machines", "Số máy móc, thiết bị kế hoạch", "whole", ("Máy móc kế hoạch", "Số máy móc"), width=12
    ),
    SheetColumn("planned_fairs", "Số hội chợ kế hoạch", "whole", ("Hội chợ kế hoạch",), width=12),
    SheetColumn("planned_brands", "Số nhãn hiệu kế hoạch", "whole", ("Nhãn hiệu kế hoạch",), width=12),
    # The dates of the lifecycle steps (kcdesk.exchange.proposal_steps).
    SheetColumn(
        "registered_on",
        "Ngày đăng ký",
        "date",
        ("Ngày nộp hồ sơ đăng ký",),
        width=12,
        hint="ngày nộp hồ sơ đăng ký; để trống: ghi cùng ngày phê duyệt",
    ),
    SheetColumn(
        "approved_on",
        "Ngày phê duyệt",
        "date",
        ("Ngày phê duyệt kế hoạch", "Ngày quyết định phê duyệt", "Ngày QĐ phê duyệt"),
        width=12,
        hint="ngày quyết định phê duyệt kế hoạch (các bước thẩm định ghi cùng ngày); để trống: ghi cùng ngày "
        "của bước có ngày liền sau (ký hợp đồng...), hoặc ngày nhập nếu đề án chưa có ngày nào",
    ),
    SheetColumn(
        "approval_document", "Số quyết định phê duyệt", aliases=("Số QĐ phê duyệt", "Quyết định phê duyệt"), width=16
    ),
    SheetColumn(
        "contract_date",
        "Ngày ký hợp đồng",
        "date",
        ("Ngày hợp đồng", "Ngày ký HĐ", "Ngày giao nhiệm vụ"),
        width=12,
        hint="bắt buộc từ trạng thái Đã ký hợp đồng trở đi; không tạm ứng, thanh toán trước ngày này",
    ),
    SheetColumn("contract_number", "Số hợp đồng", aliases=("Số HĐ",), width=16),
    SheetColumn(
        "stopped_on",
        "Ngày ngừng thực hiện",
        "date",
        ("Ngày dừng thực hiện",),
        width=12,
        hint="bắt buộc với đề án Ngừng thực hiện (và đề án quyết toán sau khi ngừng)",
    ),
    SheetColumn(
        "accepted_on",
        "Ngày nghiệm thu",
        "date",
        ("Ngày biên bản nghiệm thu",),
        width=12,
        hint="bắt buộc từ trạng thái Đã nghiệm thu trở đi (trừ đề án ngừng thực hiện rồi quyết toán); "
        "kèm Số biên bản nghiệm thu và Chủ trì nghiệm thu: biên bản được ghi và ký như lập trong ứng dụng",
    ),
    SheetColumn("acceptance_number", "Số biên bản nghiệm thu", aliases=("Số biên bản", "Số BB nghiệm thu"), width=16),
    SheetColumn(
        "acceptance_conclusion",
        "Kết luận nghiệm thu",
        "choice",
        ("Kết luận",),
        width=14,
        hint="Đạt hoặc Đạt một phần; để trống: Đạt (Đạt một phần với trạng thái Nghiệm thu một phần)",
    ),
    SheetColumn(
        "acceptance_chair",
        "Chủ trì nghiệm thu",
        aliases=("Chủ tịch hội đồng nghiệm thu", "Người chủ trì nghiệm thu"),
        width=22,
        hint="họ tên người chủ trì hội đồng nghiệm thu (biên bản cần ít nhất một thành viên)",
    ),
    SheetColumn(
        "accepted_amount",
        "Kinh phí khuyến công nghiệm thu (đồng)",
        "money",
        ("Kinh phí nghiệm thu", "Kinh phí được nghiệm thu"),
        width=18,
        hint="số quyết toán không được vượt số này",
    ),
    SheetColumn("trainees", "Số học viên đã đào tạo", "whole", ("Học viên đã đào tạo",), width=12),
    SheetColumn("trainees_employed", "Số học viên có việc làm", "whole", ("Học viên có việc làm",), width=12),
    SheetColumn("models_built", "Số mô hình đã xây dựng", "whole", ("Mô hình đã xây dựng",), width=12),
    SheetColumn("machines_supplied", "Số máy móc đã hỗ trợ", "whole", ("Máy móc đã hỗ trợ",), width=12),
    SheetColumn("fairs", "Số hội chợ đã tham gia", "whole", ("Hội chợ đã tham gia",), width=12),
    SheetColumn("brands", "Số nhãn hiệu đã hỗ trợ", "whole", ("Nhãn hiệu đã hỗ trợ",), width=12),
    SheetColumn(
        "settlement_submitted_on",
        "Ngày nộp hồ sơ quyết toán",
        "date",
        width=12,
        hint="để trống: ghi cùng ngày nghiệm thu (hoặc ngày ngừng thực hiện)",
    ),
    SheetColumn(
        "settlement_document",
        "Số quyết định quyết toán",
        aliases=("Số QĐ quyết toán", "Quyết định quyết toán"),
        width=16,
    ),
)
PLANNED_FIELDS = ("planned_trainees", "planned_models", "planned_machines", "planned_fairs", "planned_brands")
# What an acceptance record counts, as its columns on the proposal sheet.
ACHIEVED_FIELDS = ("trainees", "trainees_employed", "models_built", "machines_supplied", "fairs", "brands")

BUDGET_COLUMNS: tuple[SheetColumn, ...] = (
    _CODE,
    SheetColumn("line_no", "STT", "whole", ("Số thứ tự", "TT"), width=6, hint="thứ tự dòng trong dự toán của đề án"),
    SheetColumn("item", "Nội dung chi", aliases=("Nội dung", "Khoản chi", "Hạng mục"), required=True, width=36),
    SheetColumn(
        "activity_code",
        "Nội dung hoạt động",
        "choice",
        ("Mã nội dung", "Hoạt động"),
        width=12,
        hint="mã KC1..KC9 của dòng chi (không bắt buộc)",
    ),
    SheetColumn(
        "beneficiary",
        "MST cơ sở thụ hưởng",
        aliases=("Mã số thuế cơ sở thụ hưởng", "Cơ sở thụ hưởng (MST)"),
        width=16,
        hint="khi dòng chi dành cho một cơ sở: mã số thuế của cơ sở đó",
    ),
    SheetColumn("unit", "Đơn vị tính", aliases=("ĐVT",), width=10),
    SheetColumn("quantity", "Số lượng", "decimal", ("SL",), width=10),
    SheetColumn("unit_price", "Đơn giá (đồng)", "money", ("Đơn giá",), width=16),
    SheetColumn(
        "kc_amount",
        "Kinh phí khuyến công (đồng)",
        "money",
        ("Kinh phí khuyến công", "Kinh phí KC", "KP khuyến công"),
        width=18,
    ),
    SheetColumn("counterpart_amount", "Vốn đối ứng (đồng)", "money", ("Vốn đối ứng", "Đối ứng"), width=18),
    SheetColumn("other_amount", "Nguồn khác (đồng)", "money", ("Nguồn khác", "Vốn khác"), width=16),
    SheetColumn("basis", "Căn cứ", aliases=("Căn cứ tính", "Ghi chú"), width=28),
)

PAYMENT_COLUMNS: tuple[SheetColumn, ...] = (
    _CODE,
    SheetColumn(
        "kind",
        "Loại khoản",
        "choice",
        ("Loại", "Nội dung"),
        True,
        12,
        hint="Tạm ứng, Thanh toán hoặc Quyết toán (dòng Quyết toán: chỉ với đề án Đã quyết toán, ghi ngày quyết toán)",
    ),
    SheetColumn(
        "fund_source",
        "Nguồn kinh phí",
        "choice",
        ("Nguồn", "Nguồn vốn"),
        width=16,
        hint="Kinh phí khuyến công, Vốn đối ứng hoặc Nguồn khác; để trống: Kinh phí khuyến công",
    ),
    SheetColumn("amount", "Số tiền (đồng)", "money", ("Số tiền", "Giá trị"), True, 16),
    SheetColumn("paid_on", "Ngày", "date", ("Ngày chi", "Ngày chứng từ", "Ngày thanh toán"), True, 12),
    SheetColumn(
        "document_number",
        "Số chứng từ",
        aliases=("Chứng từ", "Số UNC"),
        width=16,
        hint="nhập lại tệp: khoản cùng loại, nguồn, số tiền, ngày và số chứng từ (nếu có ghi) với khoản đã ghi "
        "được coi là khoản đó, không ghi thêm",
    ),
    SheetColumn("note", "Ghi chú", width=24),
)
