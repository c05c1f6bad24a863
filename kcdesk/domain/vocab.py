"""Controlled vocabularies with their Vietnamese labels (the value stored is the key)."""

from __future__ import annotations

FACILITY_TYPES: dict[str, str] = {
    "dn_sieu_nho": "Doanh nghiệp siêu nhỏ",
    "dn_nho": "Doanh nghiệp nhỏ",
    "dn_vua": "Doanh nghiệp vừa",
    "htx": "Hợp tác xã",
    "tht": "Tổ hợp tác",
    "hkd": "Hộ kinh doanh",
    "khac": "Loại hình khác",
}

FACILITY_STATUSES: dict[str, str] = {
    "active": "Đang hoạt động",
    "suspended": "Tạm ngừng hoạt động",
    "closed": "Đã chấm dứt hoạt động",
}

LEVELS: dict[str, str] = {"KCQG": "Khuyến công quốc gia", "KCDP": "Khuyến công địa phương"}

PROPOSAL_CLASSES: dict[str, str] = {
    "single": "Đề án",
    "flagship": "Đề án khuyến công điểm",
    "group": "Đề án lập theo nhóm",
    "task": "Nhiệm vụ",
}

PROCUREMENT_MODES: dict[str, str] = {"xet_chon": "Xét chọn", "dau_thau": "Đấu thầu"}

# Where money comes from: the code stored on a money entry, and the budget column
# (BudgetLine) that holds the approved amount of that source.
FUND_SOURCES: dict[str, str] = {
    "kc": "Kinh phí khuyến công",
    "doi_ung": "Vốn đối ứng",
    "khac": "Nguồn khác",
}
FUND_SOURCE_BUDGET_COLUMNS: dict[str, str] = {
    "kc": "kc_amount",
    "doi_ung": "counterpart_amount",
    "khac": "other_amount",
}

DISBURSEMENT_KINDS: dict[str, str] = {"tam_ung": "Tạm ứng", "thanh_toan": "Thanh toán", "quyet_toan": "Quyết toán"}
# Kinds that are money paid out; a settlement (quyet_toan) states the final total instead.
PAID_OUT_KINDS = ("tam_ung", "thanh_toan")

CONCLUSIONS: dict[str, str] = {"dat": "Đạt", "dat_mot_phan": "Đạt một phần", "khong_dat": "Không đạt"}

MEMBER_ROLES: dict[str, str] = {
    "chu_tri": "Chủ trì",
    "thanh_vien": "Thành viên",
    "thu_ky": "Thư ký",
    "don_vi_thuc_hien": "Đại diện đơn vị thực hiện",
    "thu_huong": "Đại diện đơn vị thụ hưởng",
    "dia_phuong": "Đại diện chính quyền địa phương",
}

SURVEY_STATUSES: dict[str, str] = {
    "draft": "Bản nháp",
    "submitted": "Đã gửi",
    "reviewed": "Đã xem xét",
    "linked": "Đã gắn với cơ sở",
}

UNIT_TYPES: dict[str, str] = {
    "tinh": "Tỉnh",
    "thanh_pho": "Thành phố",
    "xa": "Xã",
    "phuong": "Phường",
    "dac_khu": "Đặc khu",
    "quan": "Quận",
    "huyen": "Huyện",
    "thi_xa": "Thị xã",
    "thi_tran": "Thị trấn",
}
