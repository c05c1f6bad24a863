"""The words centres write in their own sheets for sectors and facility types, as data.

Each phrase is folded when used (case, tone marks and punctuation do not matter) and
points to the catalogue entries it can mean. A phrase that can mean two entries ("đồ gỗ":
household furniture or fine-art woodwork) lists both: such a cell is refused with the
candidates rather than guessed. Sectors are those of Điều 5 Nghị định 45/2012/NĐ-CP (A-G).
"""

from __future__ import annotations

# Abbreviations spelt out before matching ("CB gỗ" -> "chế biến gỗ").
ABBREVIATIONS: dict[str, str] = {
    "cb": "che bien",
    "sx": "san xuat",
    "tcmn": "thu cong my nghe",
    "vlxd": "vat lieu xay dung",
    "ck": "co khi",
    "tp": "thuc pham",
    "nlts": "nong lam thuy san",
    "sxsh": "san xuat sach hon",
    "cnht": "cong nghiep ho tro",
    "hkd": "ho kinh doanh",
    "kd": "kinh doanh",
    "sxkd": "san xuat kinh doanh",
    "dn": "doanh nghiep",
    "dntn": "doanh nghiep tu nhan",
    "tnhh": "trach nhiem huu han",
    "cp": "co phan",
    "ht": "hop tac",
    "cty": "cong ty",
    # The older spelling with i where today's has y (and the other way round) is common.
    "mi": "my",
    "ki": "ky",
    "li": "ly",
}

SECTOR_WORDS: dict[str, tuple[str, ...]] = {
    # A: processing of farm, forest and fishery products, and food
    "nông sản": ("A",),
    "lâm sản": ("A",),
    "thủy sản": ("A",),
    "hải sản": ("A",),
    "thực phẩm": ("A",),
    "chế biến gỗ": ("A",),
    "chế biến nông lâm thủy sản": ("A",),
    "xay xát": ("A",),
    "gạo": ("A",),
    "chè": ("A",),
    "cà phê": ("A",),
    "nước mắm": ("A",),
    "bánh": ("A",),
    "rượu": ("A",),
    "đồ uống": ("A",),
    "thức ăn chăn nuôi": ("A",),
    # B: consumer goods, exports, import substitutes
    "hàng tiêu dùng": ("B",),
    "dệt may": ("B",),
    "may mặc": ("B",),
    "dệt": ("B",),
    "da giày": ("B",),
    "nhựa": ("B",),
    "bao bì": ("B",),
    "giấy": ("B",),
    "in ấn": ("B",),
    "đồ gia dụng": ("B",),
    "nội thất": ("B",),
    # C: farm chemicals; building materials
    "vật liệu xây dựng": ("C",),
    "gạch": ("C",),
    "ngói": ("C",),
    "xi măng": ("C",),
    "bê tông": ("C",),
    "đá ốp lát": ("C",),
    "phân bón": ("C",),
    "thuốc bảo vệ thực vật": ("C",),
    "hóa chất": ("C",),
    # D: mechanics, electrics, electronics; supporting industry
    "cơ khí": ("D",),
    "điện tử": ("D",),
    "sửa chữa máy": ("D",),
    "lắp ráp": ("D",),
    "linh kiện": ("D",),
    "công nghiệp hỗ trợ": ("D",),
    "rèn": ("D",),
    "hàn xì": ("D",),
    "gò hàn": ("D",),
    # E: handicrafts and fine-art goods
    "thủ công mỹ nghệ": ("E",),
    "mỹ nghệ": ("E",),
    "mây tre đan": ("E",),
    "mây tre": ("E",),
    "đan lát": ("E",),
    "cói": ("E",),
    "gốm": ("E",),
    "sơn mài": ("E",),
    "thêu": ("E",),
    "chạm khắc": ("E",),
    "điêu khắc": ("E",),
    "thổ cẩm": ("E",),
    "dệt thổ cẩm": ("E",),
    "mộc mỹ nghệ": ("E",),
    "làng nghề": ("E",),
    # F: mining and mineral processing in disadvantaged areas
    "khoáng sản": ("F",),
    "khai thác đá": ("F",),
    "khai thác": ("F",),
    # G: cleaner production; pollution treatment
    "sản xuất sạch hơn": ("G",),
    "xử lý ô nhiễm": ("G",),
    "môi trường": ("G",),
    "xử lý nước thải": ("G",),
    # Words that fit more than one sector: refused with the candidates.
    "đồ gỗ": ("B", "E"),
    "mộc": ("B", "E"),
    "chế biến": ("A", "F"),
}

FACILITY_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "hộ kinh doanh": ("hkd",),
    "hộ kinh doanh cá thể": ("hkd",),
    "hộ cá thể": ("hkd",),
    "hộ gia đình": ("hkd",),
    "hộ sản xuất": ("hkd",),
    "hộ sản xuất kinh doanh": ("hkd",),
    "cá thể": ("hkd",),
    "hộ": ("hkd",),
    "hợp tác xã": ("htx",),
    "htx": ("htx",),
    "tổ hợp tác": ("tht",),
    "tht": ("tht",),
    "doanh nghiệp siêu nhỏ": ("dn_sieu_nho",),
    "siêu nhỏ": ("dn_sieu_nho",),
    "dnsn": ("dn_sieu_nho",),
    "doanh nghiệp nhỏ": ("dn_nho",),
    "doanh nghiệp vừa": ("dn_vua",),
    "doanh nghiệp nhỏ và vừa": ("dn_nho", "dn_vua"),
    # A company form says nothing of its size: siêu nhỏ, nhỏ or vừa is for the office to say.
    "doanh nghiệp": ("dn_sieu_nho", "dn_nho", "dn_vua"),
    "doanh nghiệp tư nhân": ("dn_sieu_nho", "dn_nho", "dn_vua"),
    "công ty": ("dn_sieu_nho", "dn_nho", "dn_vua"),
    "công ty trách nhiệm hữu hạn": ("dn_sieu_nho", "dn_nho", "dn_vua"),
    "công ty cổ phần": ("dn_sieu_nho", "dn_nho", "dn_vua"),
    "khác": ("khac",),
}
