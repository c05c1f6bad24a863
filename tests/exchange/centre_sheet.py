"""A typical centre's facility sheet: title rows above the header, the office's own column
names (STT, Chủ cơ sở, MST, Huyện), sectors and types in short local words, and addresses
from before 1 July 2025 (Quảng Nam, merged into Đà Nẵng; districts since abolished).

GOOD rows are all importable; BAD rows each have one thing a person must decide.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

TITLE = [
    ["UBND TỈNH QUẢNG NAM"],
    ["TRUNG TÂM KHUYẾN CÔNG VÀ TƯ VẤN PHÁT TRIỂN CÔNG NGHIỆP"],
    ["DANH SÁCH CƠ SỞ CÔNG NGHIỆP NÔNG THÔN (cập nhật tháng 12/2024)"],
    [],
]
HEADER = [
    "STT",
    "Tên cơ sở",
    "Chủ cơ sở",
    "Loại hình",
    "MST",
    "Số nhà, đường",
    "Xã/Phường",
    "Huyện",
    "Tỉnh",
    "Ngành nghề",
    "Sản phẩm chính",
    "Số LĐ",
    "Doanh thu (VNĐ)",
]
# name, owner, type, tax, street, ward, district, province, sector, product, labour, revenue
GOOD = [
    (
        "Cơ sở Mây tre đan Thanh Hà",
        "Trần Văn Lợi",
        "Hộ KD",
        "4000100001",
        "Tổ 5",
        "Phường Tân An",
        "TP Hội An",
        "Tỉnh Quảng Nam",
        "Mây tre đan",
        "Giỏ, làn mây tre",
        14,
        "850.000.000",
    ),
    (
        "Cơ sở Mộc mỹ nghệ An Mỹ",
        "Lê Thị Hoa",
        "HKD cá thể",
        "4000100002",
        "12 Phan Bội Châu",
        "P. An Mỹ",
        "Tam Kỳ",
        "Quảng Nam",
        "Đồ gỗ mỹ nghệ",
        "Tượng gỗ",
        9,
        620_000_000,
    ),
    (
        "Cơ sở Chế biến nông sản Hòa Liên",
        "Nguyễn Văn Tâm",
        "Hộ SXKD",
        "0401000003",
        "Thôn Quan Nam",
        "Xã Hòa Liên",
        "Huyện Hòa Vang",
        "TP Đà Nẵng",
        "CB nông sản",
        "Bánh tráng",
        22,
        1_400_000_000,
    ),
    (
        "HTX Cơ khí Hải Châu",
        "Phạm Quốc Bảo",
        "HTX",
        "0401000004",
        "88 Nguyễn Văn Linh",
        "Phường Hải Châu",
        None,
        "Đà Nẵng",
        "Cơ khí",
        "Máy xay xát",
        31,
        5_200_000_000,
    ),
    (
        "Công ty TNHH Gạch ngói Thạch Thang",
        "Đỗ Minh Khang",
        "DN nhỏ",
        "0401000005",
        "5 Lê Duẩn",
        "Phường Thạch Thang",
        "Quận Hải Châu",
        "TP. Đà Nẵng",
        "VLXD",
        "Gạch không nung",
        48,
        9_800_000_000,
    ),
    (
        "Tổ hợp tác Dệt thổ cẩm Ga Ri",
        "Bhling Thị Mai",
        "Tổ HT",
        None,
        "Thôn Ariêu",
        "Xã Ga Ri",
        "Huyện Tây Giang",
        "Quảng Nam",
        "Dệt thổ cẩm",
        "Khăn, váy thổ cẩm",
        17,
        310_000_000,
    ),
]
BAD = [
    # "đồ gỗ" is household furniture (B) or fine-art woodwork (E): the office says which
    (
        "Cơ sở Đồ gỗ Điện Bàn",
        "Võ Văn Sang",
        "Hộ KD",
        "4000100007",
        "Thôn 3",
        "Phường Tân An",
        "TP Hội An",
        "Quảng Nam",
        "Đồ gỗ",
        "Bàn ghế",
        6,
        400_000_000,
    ),
    # a company's size (siêu nhỏ, nhỏ or vừa) is not in "Cty TNHH"
    (
        "Công ty TNHH Cơ khí Tam Kỳ",
        "Huỳnh Tấn Phát",
        "Cty TNHH",
        "4000100008",
        "3 Hùng Vương",
        "P. An Mỹ",
        "Tam Kỳ",
        "Quảng Nam",
        "Cơ khí",
        "Khung nhà thép",
        40,
        7_000_000_000,
    ),
    # no such commune, before or after the reform
    (
        "Cơ sở Gốm Thanh Hà",
        "Mai Văn Tư",
        "Hộ KD",
        "4000100009",
        "Tổ 1",
        "Xã Không Có",
        None,
        "Quảng Nam",
        "Gốm",
        "Gốm đất nung",
        5,
        200_000_000,
    ),
    # a trade that is not a rural industry in the catalogue
    (
        "Cơ sở Vận tải Hòa Vang",
        "Đặng Văn Hùng",
        "Hộ KD",
        "0401000010",
        "Thôn 1",
        "Phường Hải Châu",
        None,
        "Đà Nẵng",
        "Dịch vụ vận tải",
        "Chở hàng",
        4,
        300_000_000,
    ),
]
FIRST_DATA_ROW = len(TITLE) + 2  # Excel row of GOOD[0]


def write(path: Path, rows: list[tuple]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS co so 2024"
    for line in TITLE:
        ws.append(line)
    ws.append(HEADER)
    for n, row in enumerate(rows, 1):
        ws.append([n, *row])
    wb.save(path)
    return path
