"""The proposals of the import tests: workbook A (a settled KCĐP proposal with two budget
lines and money from two sources, a KCQG one in progress, one in the approved plan) and
workbook B (the same after months of work: changes, payments, steps, a new proposal)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kcdesk.db.store import Store
from kcdesk.exchange.facility_import import import_facilities
from tests.exchange import sheets as x
from tests.exchange.proposal_book import book

M = 1_000_000
F1, F2 = "0401200001", "0401200002"  # x.good_row(1), x.good_row(2)

COMMON = {"Đơn vị thực hiện": "Trung tâm Khuyến công Đà Nẵng", "Tỉnh/Thành phố": "Đà Nẵng", "Năm kế hoạch": 2026}
P1 = {  # settled, with two budget lines and money from two sources
    "Mã đề án": "KCDP-2026-01",
    "Tên đề án": "Hỗ trợ máy sấy hải sản",
    "Cấp": "KCĐP",
    "Nội dung hoạt động": "KC3.3",
    "Xã/Phường/Đặc khu": "Hải Châu",
    "Trạng thái": "Đã quyết toán",
    "MST cơ sở thụ hưởng": F1,
    "Ngày đăng ký": date(2025, 11, 3),
    "Ngày phê duyệt": date(2025, 12, 15),
    "Số quyết định phê duyệt": "123/QĐ-UBND",
    "Ngày ký hợp đồng": date(2026, 2, 10),
    "Số hợp đồng": "05/HĐ-KC",
    "Ngày nghiệm thu": date(2026, 7, 15),
    "Số biên bản nghiệm thu": "07/BB-TTKC",
    "Chủ trì nghiệm thu": "Lê Văn Bình",
    "Kinh phí nghiệm thu": 190 * M,
    "Số máy móc đã hỗ trợ": 1,
    "Ngày nộp hồ sơ quyết toán": date(2026, 8, 1),
    "Ngày quyết toán": date(2026, 8, 20),
    "Số quyết định quyết toán": "88/QĐ-SCT",
    **COMMON,
}
P2 = {  # KCQG, in progress: the ministry's steps on the approval date
    "Mã đề án": "KCQG-2026-02",
    "Tên đề án": "Dây chuyền xử lý mây tre",
    "Cấp": "KCQG",
    "Nội dung hoạt động": "KC3.3; KC1.1",
    "Trạng thái": "Đang thực hiện",
    "MST cơ sở thụ hưởng": f"{F2}; {F1}",
    "Ngày phê duyệt": date(2025, 12, 20),
    "Ngày ký hợp đồng": date(2026, 1, 15),
    **COMMON,
}
P3 = {  # the approved plan, one budget line from the row's amounts
    "Mã đề án": "KCDP-2026-03",
    "Tên đề án": "Đào tạo nghề đan lát",
    "Cấp": "KCĐP",
    "Nội dung hoạt động": "KC1.1",
    "Kinh phí khuyến công (đồng)": 120 * M,
    "Ngày phê duyệt": date(2026, 1, 10),
    **COMMON,
}
LINE = {"Nội dung hoạt động": None, "MST cơ sở thụ hưởng": None, "Đơn vị tính": None, "Số lượng": None}
LINES = [
    {**LINE, "Mã đề án": "KCDP-2026-01", "STT": 1, "Nội dung chi": "Máy sấy hải sản", "Nội dung hoạt động": "KC3.3",
     "MST cơ sở thụ hưởng": F1, "Đơn vị tính": "cái", "Số lượng": 1, "Kinh phí khuyến công (đồng)": 180 * M,
     "Vốn đối ứng (đồng)": 200 * M},
    {**LINE, "Mã đề án": "KCDP-2026-01", "STT": 2, "Nội dung chi": "Chuyển giao công nghệ",
     "Kinh phí khuyến công (đồng)": 20 * M},
    {**LINE, "Mã đề án": "KCQG-2026-02", "STT": 1, "Nội dung chi": "Dây chuyền xử lý mây tre",
     "Kinh phí khuyến công (đồng)": 300 * M, "Vốn đối ứng (đồng)": 450 * M},
    {**LINE, "Mã đề án": "KCQG-2026-02", "STT": 2, "Nội dung chi": "Đào tạo thợ", "Đơn vị tính": "học viên",
     "Số lượng": 2.5, "Kinh phí khuyến công (đồng)": 50 * M},
    {**LINE, "Mã đề án": "KCQG-2026-02", "STT": 3, "Nội dung chi": "Tham quan học tập",
     "Kinh phí khuyến công (đồng)": 10 * M},
]  # fmt: skip
PAY = {"Nguồn kinh phí": None, "Số chứng từ": None}
MONEY = [
    {**PAY, "Mã đề án": "KCDP-2026-01", "Loại khoản": "Tạm ứng", "Số tiền (đồng)": 140 * M, "Ngày": date(2026, 2, 25),
     "Số chứng từ": "UNC-101"},
    {**PAY, "Mã đề án": "KCDP-2026-01", "Loại khoản": "Thanh toán", "Nguồn kinh phí": "Vốn đối ứng",
     "Số tiền (đồng)": 150 * M, "Ngày": date(2026, 3, 1), "Số chứng từ": "UNC-102"},
    {**PAY, "Mã đề án": "KCDP-2026-01", "Loại khoản": "Thanh toán", "Số tiền (đồng)": 50 * M,
     "Ngày": date(2026, 7, 25), "Số chứng từ": "UNC-103"},
    {**PAY, "Mã đề án": "KCDP-2026-01", "Loại khoản": "Quyết toán", "Số tiền (đồng)": 190 * M,
     "Ngày": date(2026, 8, 20)},
    {**PAY, "Mã đề án": "KCDP-2026-01", "Loại khoản": "Quyết toán", "Nguồn kinh phí": "đối ứng",
     "Số tiền (đồng)": 200 * M, "Ngày": date(2026, 8, 20)},
    {**PAY, "Mã đề án": "KCQG-2026-02", "Loại khoản": "Tạm ứng", "Số tiền (đồng)": 210 * M, "Ngày": date(2026, 2, 5),
     "Số chứng từ": "UNC-201"},
]  # fmt: skip

# The second workbook: P1 as it was; P2 renamed, one line changed and one gone, paid,
# accepted and settled; P3 given detailed lines, its contract and an advance; P4 new.
P2_B = {
    **P2,
    "Tên đề án": "Dây chuyền xử lý mây tre xuất khẩu",
    "Trạng thái": "Đã quyết toán",
    "Ngày nghiệm thu": date(2026, 5, 30),
    "Số biên bản nghiệm thu": "12/BB-TTKC",
    "Chủ trì nghiệm thu": "Trần Thị Hoa",
    "Kinh phí nghiệm thu": 280 * M,
    "Ngày nộp hồ sơ quyết toán": date(2026, 7, 12),
    "Ngày quyết toán": date(2026, 9, 10),
    "Số quyết định quyết toán": "99/QĐ-BCT",
}
P3_B = {
    **P3,
    "Trạng thái": "Đã ký hợp đồng",
    "Ngày ký hợp đồng": date(2026, 3, 1),
    "Số học viên kế hoạch": 30,
    "Kinh phí khuyến công (đồng)": None,
}
P4 = {  # stopped after an advance
    "Mã đề án": "KCDP-2026-04",
    "Tên đề án": "Mô hình sản xuất gạch không nung",
    "Cấp": "KCĐP",
    "Trạng thái": "Ngừng thực hiện",
    "Kinh phí khuyến công (đồng)": 100 * M,
    "Ngày phê duyệt": date(2026, 1, 5),
    "Ngày ký hợp đồng": date(2026, 2, 1),
    "Ngày ngừng thực hiện": date(2026, 6, 1),
    **COMMON,
}
LINES_B = [
    *LINES[:2],
    {**LINES[2], "Kinh phí khuyến công (đồng)": 320 * M},
    LINES[3],
    {**LINE, "Mã đề án": "KCDP-2026-03", "STT": 1, "Nội dung chi": "Thiết bị đan lát",
     "Kinh phí khuyến công (đồng)": 100 * M},
    {**LINE, "Mã đề án": "KCDP-2026-03", "STT": 2, "Nội dung chi": "Thù lao giảng viên",
     "Kinh phí khuyến công (đồng)": 20 * M},
]  # fmt: skip
MONEY_B = [
    *MONEY,
    {**PAY, "Mã đề án": "KCQG-2026-02", "Loại khoản": "Thanh toán", "Số tiền (đồng)": 70 * M,
     "Ngày": date(2026, 7, 10), "Số chứng từ": "UNC-202"},
    {**PAY, "Mã đề án": "KCQG-2026-02", "Loại khoản": "Quyết toán", "Số tiền (đồng)": 275 * M,
     "Ngày": date(2026, 9, 10)},
    {**PAY, "Mã đề án": "KCDP-2026-03", "Loại khoản": "Tạm ứng", "Số tiền (đồng)": 60 * M, "Ngày": date(2026, 3, 5),
     "Số chứng từ": "UNC-301"},
    {**PAY, "Mã đề án": "KCDP-2026-04", "Loại khoản": "Tạm ứng", "Số tiền (đồng)": 40 * M, "Ngày": date(2026, 2, 10)},
]  # fmt: skip


def workbook_a(folder: Path) -> Path:
    return book(folder / "de-an-a.xlsx", [P1, P2, P3], LINES, MONEY)


def workbook_b(folder: Path) -> Path:
    return book(folder / "de-an-b.xlsx", [P1, P2_B, P3_B, P4], LINES_B, MONEY_B)


def with_facilities(store: Store, folder: Path) -> Store:
    import_facilities(store, x.workbook(folder / "co-so.xlsx", [x.good_row(1), x.good_row(2)]))
    return store
