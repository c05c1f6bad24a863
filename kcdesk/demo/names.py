"""Word pools for realistic Vietnamese demo data (names, products, places)."""

from __future__ import annotations

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Đinh", "Trương", "Mai", "Lưu", "Đoàn", "Tạ", "Châu", "Thái")  # fmt: skip
MIDDLE_M = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Ngọc", "Tấn", "Đình", "Bá")
MIDDLE_F = ("Thị", "Thị", "Ngọc", "Thanh", "Thu", "Kim", "Mỹ", "Bích", "Hồng", "Diệu")
GIVEN_M = ("An", "Bình", "Cường", "Dũng", "Đạt", "Đông", "Hải", "Hiếu", "Hòa", "Hùng", "Khánh", "Lâm", "Lộc",
           "Long", "Minh", "Nam", "Nghĩa", "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Thịnh", "Toàn", "Trung",
           "Tuấn", "Việt", "Vinh", "Bảo", "Định")  # fmt: skip
GIVEN_F = ("Anh", "Châu", "Dung", "Giang", "Hà", "Hằng", "Hạnh", "Hoa", "Hương", "Lan", "Liên", "Linh", "Loan",
           "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thúy", "Trang", "Trinh", "Tuyết",
           "Vân", "Yến", "Ánh", "Đào", "Ngọc")  # fmt: skip
BRANDS = ("Hòa Phát", "Thành Công", "Phú Quý", "Minh Long", "An Phước", "Tân Tiến", "Hưng Thịnh", "Đại Lộc",
          "Phước Lộc", "Kim Ngân", "Sơn Trà", "Ngũ Hành", "Trường Sơn", "Bảo Châu", "Đồng Tiến", "Việt Hưng",
          "Gia Bảo", "Thiên Phú", "Quảng Đà", "Hải Vân", "Nam Ô", "Mỹ Sơn", "Thuận Phát", "Đức Thành",
          "Hoàng Long", "Phú Thịnh", "Ánh Dương", "Tiến Đạt", "Hợp Nhất", "Sen Vàng")  # fmt: skip

# Products by sector (NĐ 45/2012 Art. 5): what a facility makes, and a machine it might get.
PRODUCTS: dict[str, tuple[tuple[str, str], ...]] = {
    "A": (("nước mắm", "dây chuyền lọc và chiết rót nước mắm"), ("chả cá", "máy xay quết chả cá"),
          ("bánh tráng", "máy tráng bánh tự động"), ("mì Quảng", "máy cán sợi mì"),
          ("hải sản khô", "tủ sấy hải sản bằng năng lượng mặt trời"), ("trà thảo mộc", "máy sao chè"),
          ("cà phê bột", "máy rang cà phê"), ("nem chả", "máy đóng gói hút chân không"),
          ("rượu gạo", "nồi chưng cất rượu"), ("bánh khô mè", "lò nướng bánh công nghiệp")),
    "B": (("may mặc", "máy may công nghiệp"), ("túi xách", "máy may da"), ("giày dép", "máy ép đế giày"),
          ("bao bì giấy", "máy in bao bì"), ("đồ nhựa gia dụng", "máy ép nhựa"), ("nệm mút", "máy cắt mút")),
    "C": (("gạch không nung", "máy ép gạch không nung"), ("phân bón hữu cơ", "máy trộn phân vi sinh"),
          ("bê tông đúc sẵn", "máy rung bê tông"), ("đá ốp lát", "máy cắt đá")),
    "D": (("cơ khí chế tạo", "máy tiện CNC"), ("sửa chữa máy nông nghiệp", "máy hàn công nghiệp"),
          ("khung nhôm kính", "máy cắt nhôm"), ("linh kiện điện tử", "máy hàn linh kiện tự động"),
          ("lắp ráp thiết bị điện", "bàn thử nghiệm thiết bị điện")),
    "E": (("đá mỹ nghệ", "máy cắt khắc đá CNC"), ("mây tre đan", "máy chẻ nan"), ("chiếu cói", "máy dệt chiếu"),
          ("gốm mỹ nghệ", "lò nung gốm bằng gas"), ("thêu ren", "máy thêu vi tính"),
          ("dệt thổ cẩm", "khung dệt cải tiến"), ("mộc mỹ nghệ", "máy chạm khắc gỗ CNC"), ("nón lá", "máy ép vành nón")),
    "F": (("chế biến đá xây dựng", "máy nghiền sàng đá"), ("khai thác cát", "hệ thống sàng rửa cát")),
    "G": (("tái chế nhựa", "máy băm rửa nhựa"), ("xử lý chất thải rắn", "lò đốt chất thải"),
          ("sản xuất sạch hơn", "hệ thống thu hồi nhiệt")),
}  # fmt: skip
SECTOR_WEIGHTS = {"A": 30, "B": 14, "C": 10, "D": 16, "E": 24, "F": 2, "G": 4}
TYPE_WEIGHTS = {"hkd": 45, "dn_sieu_nho": 20, "dn_nho": 12, "dn_vua": 3, "htx": 10, "tht": 7, "khac": 3}
STREETS = ("Nguyễn Tất Thành", "Trần Hưng Đạo", "Lê Duẩn", "Hùng Vương", "Quang Trung", "Ngô Quyền",
           "Phan Châu Trinh", "Bạch Đằng", "Nguyễn Văn Linh", "Điện Biên Phủ", "Hoàng Diệu", "Lý Thường Kiệt")  # fmt: skip
POSITIONS = ("Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên")

# Approximate centre of each province (for demo GPS only).
CENTRES: dict[str, tuple[float, float]] = {
    "01": (21.03, 105.85), "04": (22.67, 106.26), "08": (21.82, 105.21), "11": (21.39, 103.02),
    "12": (22.40, 103.46), "14": (21.33, 103.91), "15": (22.48, 103.97), "19": (21.59, 105.85),
    "20": (21.85, 106.76), "22": (20.95, 107.08), "24": (21.19, 106.07), "25": (21.32, 105.40),
    "31": (20.86, 106.68), "33": (20.65, 106.05), "37": (20.25, 105.97), "38": (19.81, 105.78),
    "40": (18.68, 105.68), "42": (18.34, 105.91), "44": (16.75, 107.19), "46": (16.46, 107.59),
    "48": (15.90, 108.10), "51": (15.12, 108.80), "52": (13.98, 108.00), "56": (12.24, 109.19),
    "66": (12.67, 108.04), "68": (11.94, 108.44), "75": (10.95, 106.82), "79": (10.78, 106.70),
    "80": (11.31, 106.10), "82": (10.46, 105.63), "86": (10.25, 105.97), "91": (10.38, 105.42),
    "92": (10.03, 105.78), "96": (9.18, 105.15),
}  # fmt: skip
# Pre-reform provinces merged into each current one (NQ 202/2025/QH15), for legacy addresses.
LEGACY_PROVINCES: dict[str, tuple[str, ...]] = {"48": ("48", "49"), "46": ("46",), "01": ("01",), "79": ("79", "74", "77")}
