"""Field rules for facilities, shared by the editor, the CLI and Excel import.

Pure Python: callers pass what the database knows (the current administrative units) as
plain data, so these rules are tested without a database or a screen.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from kcdesk.domain.vocab import FACILITY_STATUSES, FACILITY_TYPES
from kcdesk.errors import FieldMessage
from kcdesk.i18n import label

FACILITY_LABELS: dict[str, str] = {
    "name": "Tên cơ sở",
    "facility_type": "Loại hình",
    "tax_code": "Mã số thuế",
    "business_reg_no": "Số giấy chứng nhận đăng ký",
    "reg_date": "Ngày đăng ký",
    "representative": "Người đại diện",
    "representative_title": "Chức vụ người đại diện",
    "phone": "Điện thoại",
    "email": "Thư điện tử",
    "province_code": "Tỉnh/Thành phố",
    "ward_code": "Xã/Phường/Đặc khu",
    "village": "Thôn/Tổ dân phố",
    "street": "Địa chỉ",
    "legacy_address": "Địa chỉ cũ (trước 01/7/2025)",
    "latitude": "Vĩ độ",
    "longitude": "Kinh độ",
    "sector_code": "Ngành nghề",
    "main_products": "Sản phẩm chính",
    "labour_total": "Số lao động",
    "labour_insured": "Số lao động có BHXH",
    "total_capital": "Tổng vốn (đồng)",
    "revenue_prev_year": "Doanh thu năm trước (đồng)",
    "local_raw_material_pct": "Tỷ lệ nguyên liệu tại chỗ (%)",
    "status": "Tình trạng",
    "note": "Ghi chú",
    "informed_on": "Ngày thông báo xử lý dữ liệu cá nhân",
    "informed_by": "Người thông báo",
}

_TAX_10 = re.compile(r"^\d{10}$")
_TAX_BRANCH = re.compile(r"^(\d{10})-?(\d{3})$")
_TAX_PERSONAL = re.compile(r"^\d{12}$")
_PHONE = re.compile(r"^0\d{9,10}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Compiled once: re.sub with a pattern text looks it up in re's cache on every call, which
# cost more than the substitution (the server checks every phone number a batch edits).
_TAX_SEPARATORS = re.compile(r"[\s.]")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
# Mainland, islands and the Hoàng Sa / Trường Sa archipelagos.
LAT_RANGE = (6.0, 24.0)
LON_RANGE = (102.0, 118.0)


def normalize_tax_code(text: str) -> str:
    """'0401 234 567 - 001' -> '0401234567-001'. Unrecognised input is returned trimmed."""
    compact = _TAX_SEPARATORS.sub("", text)
    m = _TAX_BRANCH.match(compact)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    return compact


def tax_code_problem(text: str) -> FieldMessage | None:
    """A tax code is 10 digits, 10-3 for a branch, or (households and individuals since
    1 July 2025) the owner's 12-digit personal identification number."""
    code = normalize_tax_code(text)
    if _TAX_10.match(code) or _TAX_BRANCH.match(code) or _TAX_PERSONAL.match(code):
        return None
    return FieldMessage(
        "Mã số thuế '{value}' không đúng: cần 10 chữ số, hoặc 10 chữ số - 3 chữ số với chi nhánh "
        "(ví dụ 0401234567-001), hoặc 12 chữ số định danh cá nhân với hộ kinh doanh.",
        value=text,
    )


def normalize_phone(text: str) -> str:
    compact = _PHONE_SEPARATORS.sub("", text)
    if compact.startswith("+84"):
        compact = "0" + compact[3:]
    elif compact.startswith("84") and len(compact) in (11, 12):
        compact = "0" + compact[2:]
    return compact


def phone_problem(text: str) -> FieldMessage | None:
    if _PHONE.match(text) or _PHONE.match(normalize_phone(text)):  # the first: already in normal form
        return None
    return FieldMessage(
        "Số điện thoại '{value}' không đúng: cần 10 chữ số bắt đầu bằng 0 (di động), hoặc 11 chữ số "
        "(cố định, ví dụ 0236 3822 123).",
        value=text,
    )


@dataclass(frozen=True)
class UnitIndex:
    """The current administrative units as plain data: code -> name."""

    provinces: Mapping[str, str]
    wards: Mapping[str, tuple[str, str]]  # ward code -> (province code, full name)
    sectors: Mapping[str, str] = field(default_factory=dict)


def _number(
    value: Any,
    label_key: str,
    problems: dict[str, FieldMessage],
    *,
    integer: bool = True,
    low: float | None = 0,
    high: float | None = None,
) -> None:
    if value is None or value == "":
        return
    try:
        number = int(value) if integer else float(value)
        if integer and isinstance(value, float) and not value.is_integer():
            raise ValueError
    except (TypeError, ValueError):
        kind = label("một số nguyên" if integer else "một số")
        problems[label_key] = FieldMessage("Giá trị '{value}' không phải {kind}.", value=value, kind=kind)
        return
    if low is not None and number < low:
        problems[label_key] = FieldMessage("Giá trị không được nhỏ hơn {low}.", low=low)
    elif high is not None and number > high:
        problems[label_key] = FieldMessage("Giá trị không được lớn hơn {high}.", high=high)


def facility_problems(
    values: Mapping[str, Any], units: UnitIndex, fields: Collection[str] | None = None
) -> dict[str, FieldMessage]:
    """Every problem with a facility's fields, keyed by field name. Empty means valid.

    `fields`: only the problems of these fields, exactly as the full check finds them (the
    server, judging an edit of one field, need not check all the others again)."""
    want = _everything if fields is None else fields.__contains__
    problems: dict[str, FieldMessage] = {}
    if want("name") and not (values.get("name") or "").strip():
        problems["name"] = FieldMessage("Hãy nhập tên cơ sở.")
    ftype = values.get("facility_type")
    if not want("facility_type"):
        pass
    elif not ftype:
        problems["facility_type"] = FieldMessage("Hãy chọn loại hình cơ sở.")
    elif ftype not in FACILITY_TYPES:
        problems["facility_type"] = FieldMessage(
            "Loại hình '{value}' không có trong danh mục: {allowed}.", value=ftype, allowed=", ".join(FACILITY_TYPES)
        )
    if want("tax_code") and values.get("tax_code"):
        problem = tax_code_problem(str(values["tax_code"]))
        if problem:
            problems["tax_code"] = problem
    if want("phone") and values.get("phone"):
        problem = phone_problem(str(values["phone"]))
        if problem:
            problems["phone"] = problem
    email = values.get("email")
    if want("email") and email and not _EMAIL.match(str(email).strip()):
        problems["email"] = FieldMessage("Địa chỉ thư điện tử '{value}' không đúng dạng ten@mien.vn.", value=email)
    province = values.get("province_code")
    if not want("province_code"):
        pass
    elif not province:
        problems["province_code"] = FieldMessage("Hãy chọn tỉnh/thành phố.")
    elif province not in units.provinces:
        problems["province_code"] = FieldMessage(
            "Mã tỉnh/thành phố '{value}' không có trong danh mục hiện hành (34 tỉnh, thành phố).", value=province
        )
    ward = values.get("ward_code")
    if not want("ward_code"):
        pass
    elif not ward:
        problems["ward_code"] = FieldMessage("Hãy chọn xã/phường/đặc khu.")
    elif ward not in units.wards:
        problems["ward_code"] = FieldMessage(
            "Mã xã/phường '{value}' không có trong danh mục hiện hành. Đơn vị cũ (trước 01/7/2025) hãy ghi vào "
            "ô địa chỉ cũ.",
            value=ward,
        )
    elif isinstance(province, str) and province in units.provinces and units.wards[ward][0] != province:
        problems["ward_code"] = FieldMessage(
            "{ward} không thuộc {province}.", ward=units.wards[ward][1], province=units.provinces[province]
        )
    sector = values.get("sector_code")
    if want("sector_code") and sector and units.sectors and sector not in units.sectors:
        problems["sector_code"] = FieldMessage("Ngành nghề '{value}' không có trong danh mục.", value=sector)
    status = values.get("status")
    if want("status") and status and status not in FACILITY_STATUSES:
        problems["status"] = FieldMessage("Tình trạng '{value}' không hợp lệ.", value=status)
    # Both labour counts are checked whenever the insured one is wanted: whether they compare
    # depends on both being numbers. What was not wanted is dropped at the end.
    labour = want("labour_insured")
    for key in ("labour_total", "labour_insured", "total_capital", "revenue_prev_year"):
        if want(key) or (labour and key == "labour_total"):
            _number(values.get(key), key, problems)
    if want("local_raw_material_pct"):
        _number(values.get("local_raw_material_pct"), "local_raw_material_pct", problems, integer=False, high=100)
    if want("latitude"):
        _number(values.get("latitude"), "latitude", problems, integer=False, low=LAT_RANGE[0], high=LAT_RANGE[1])
    if want("longitude"):
        _number(values.get("longitude"), "longitude", problems, integer=False, low=LON_RANGE[0], high=LON_RANGE[1])
    total, insured = values.get("labour_total"), values.get("labour_insured")
    if (
        labour
        and "labour_total" not in problems
        and "labour_insured" not in problems
        and total not in (None, "")
        and insured not in (None, "")
        and int(insured) > int(total)
    ):
        problems["labour_insured"] = FieldMessage("Số lao động có BHXH không thể lớn hơn tổng số lao động.")
    if fields is not None and "labour_total" in problems and "labour_total" not in fields:
        del problems["labour_total"]
    return problems


def _everything(_name: str) -> bool:
    return True
