"""The province and ward of a facility row, as typed, resolved to current units.

A current name is taken as it is. A unit from before 1 July 2025 is mapped to the unit it
became when that is certain (unit_successors: every old province, and an old commune that
went whole into one new commune), with a note saying so; the address as written is kept
in legacy_address and the old codes in the legacy columns. An old commune that was divided,
or whose name several old communes share, is kept as the old address with a note, its
current ward left for a person to choose: the row is imported, not refused.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from kcdesk.domain.validation import UnitIndex
from kcdesk.exchange.sheet_reader import SheetRow
from kcdesk.exchange.unit_names import Ambiguous, UnitMatch, UnitNames
from kcdesk.exchange.unit_successors import successors

ADDRESS_PARTS = ("street", "village", "ward", "legacy_district", "province")


class Findings(Protocol):
    def problem(self, row: SheetRow, fld: str, message: str, **params: Any) -> None: ...
    def note(self, row: SheetRow, fld: str, message: str, **params: Any) -> None: ...


def written_address(row: SheetRow) -> str:
    """The address parts of the row joined as typed: 'Thôn 3, Xã Hòa Liên, Huyện Hòa Vang, TP Đà Nẵng'."""
    return ", ".join(str(row.raw[f]) for f in ADDRESS_PARTS if row.raw.get(f))


class FacilityUnits:
    def __init__(self, units: UnitNames, index: UnitIndex, out: Findings) -> None:
        self.units = units
        self.index = index
        self.out = out
        self.succ = successors()

    def resolve(self, row: SheetRow, v: dict[str, Any]) -> bool:
        """Set province_code and ward_code (and the legacy fields); True when the ward is an
        old one kept as the old address without a current ward."""
        v["province_code"] = v["ward_code"] = None
        old_province = self._province(row, v)
        if old_province is False:
            return False
        ward_text = row.values.get("ward")
        if not ward_text:
            if old_province:
                self._keep_old(row, v, province=str(old_province))
            # A record kept with only its pre-reform address (as exported) stays that way.
            return bool(v.get("legacy_address") or v.get("legacy_ward_code"))
        if not old_province:
            try:
                current = self.units.current_ward(ward_text, v["province_code"])
            except Ambiguous as many:
                return self._ambiguous_ward(row, ward_text, many.names)
            if current is not None:
                v["ward_code"] = current.code
                v["province_code"] = v["province_code"] or self.index.wards[current.code][0]
                return False
        return self._old_ward(row, v, ward_text, old_province or None)

    # -- the province ---------------------------------------------------------------------

    def _province(self, row: SheetRow, v: dict[str, Any]) -> str | Literal[False]:
        """The old province's code when the sheet names one (v gets the new one), "" for a
        current one or none, False when the province cell is refused."""
        text = row.values.get("province")
        if not text:
            return ""
        try:
            province = self.units.province(text)
        except Ambiguous as many:
            self.out.problem(
                row, "province", "Tên '{value}' chưa rõ, có thể là: {names}.", value=text, names="; ".join(many.names)
            )
            return False
        if province is None:
            self.out.problem(row, "province", "Không có tỉnh/thành phố '{value}' trong danh mục.", value=text)
            return ""
        if not province.legacy:
            v["province_code"] = province.code
            return ""
        new = self.succ.provinces.get(province.code)
        if new is None or new not in self.index.provinces:
            self.out.problem(
                row,
                "province",
                "'{value}' là tỉnh/thành phố cũ (trước 01/7/2025), không còn trong danh mục hiện hành. Hãy ghi "
                "tỉnh/thành phố hiện hành; địa chỉ cũ ghi ở cột 'Địa chỉ cũ (trước 01/7/2025)'.",
                value=text,
            )
            return False
        v["province_code"] = new
        self.out.note(
            row,
            "province",
            "'{value}' là tỉnh/thành phố trước 01/7/2025, nay là {new}: đã ghi tỉnh/thành phố hiện hành là {new}; "
            "địa chỉ cũ giữ nguyên như đã ghi.",
            value=text,
            new=self.index.provinces[new],
        )
        return province.code

    # -- the ward -------------------------------------------------------------------------

    def _ambiguous_ward(self, row: SheetRow, text: str, names: list[str]) -> bool:
        self.out.problem(
            row,
            "ward",
            "Tên '{value}' chưa rõ, có thể là: {names}. Hãy ghi đủ 'Xã'/'Phường'.",
            value=text,
            names="; ".join(names),
        )
        row.bad.add("ward")
        return False

    def _old_ward(self, row: SheetRow, v: dict[str, Any], text: str, old_province: str | None) -> bool:
        found = self.units.legacy_communes(text)
        if old_province:
            found = [m for m in found if m.province_code == old_province]
        elif v["province_code"]:
            found = [m for m in found if self.succ.provinces.get(m.province_code or "") == v["province_code"]]
        in_district = self._in_district(row, found)
        if in_district is None:
            return False
        found = in_district
        if not found and old_province:
            # Today's ward written beside the old province's name.
            try:
                current = self.units.current_ward(text, v["province_code"])
            except Ambiguous as many:
                return self._ambiguous_ward(row, text, many.names)
            if current is not None:
                v["ward_code"] = current.code
                self._keep_old(row, v, province=old_province)
                return False
        if not found:
            self.out.problem(
                row,
                "ward",
                "Không có xã/phường/đặc khu '{value}' trong danh mục hiện hành hay danh mục trước 01/7/2025.",
                value=text,
            )
            row.bad.add("ward")
            return False
        if len(found) > 1:
            self._keep_old(row, v, province=old_province)
            self.out.note(
                row,
                "ward",
                "'{value}': trước 01/7/2025 có {n} xã/phường cùng tên ({names}); đã giữ trong địa chỉ cũ, chưa gán "
                "xã/phường hiện hành. Ghi thêm cột 'Quận/Huyện (trước 01/7/2025)' để xác định.",
                value=text,
                n=len(found),
                names="; ".join(sorted({self._old_name(m) for m in found})),
            )
            return True
        return self._one_old_ward(row, v, text, found[0])

    def _in_district(self, row: SheetRow, found: list[UnitMatch]) -> list[UnitMatch] | None:
        """The old communes in the old district the row names (None: refused)."""
        district = row.values.get("legacy_district")
        if not district:
            return found
        codes = self.units.legacy_district_codes(district)
        if not codes:
            self.out.note(
                row,
                "legacy_district",
                "Không có quận/huyện '{value}' trong danh mục trước 01/7/2025; đã bỏ qua cột này.",
                value=district,
            )
            return found
        inside = [m for m in found if m.district_code in codes]
        if found and not inside:
            self.out.problem(
                row,
                "ward",
                "'{value}' không thuộc '{district}' theo danh mục trước 01/7/2025; hãy kiểm tra lại xã/phường "
                "hoặc quận/huyện.",
                value=row.values.get("ward"),
                district=district,
            )
            row.bad.add("ward")
            return None
        return inside

    def _one_old_ward(self, row: SheetRow, v: dict[str, Any], text: str, old: UnitMatch) -> bool:
        v["legacy_ward_code"] = v.get("legacy_ward_code") or old.code
        v["legacy_district_code"] = v.get("legacy_district_code") or old.district_code
        self._keep_old(row, v, province=old.province_code)
        new = self.succ.communes.get(old.code)
        if new and new in self.index.wards:
            new_province, new_name = self.index.wards[new]
            v["ward_code"], v["province_code"] = new, new_province
            self.out.note(
                row,
                "ward",
                "'{value}' là xã/phường trước 01/7/2025, đã nhập toàn bộ vào {new}: đã ghi xã/phường hiện hành là "
                "{new}; địa chỉ cũ giữ nguyên như đã ghi.",
                value=text,
                new=f"{new_name}, {self.index.provinces[new_province]}",
            )
            return False
        v["province_code"] = v["province_code"] or self.succ.provinces.get(old.province_code or "")
        parts = [self.index.wards[c][1] for c in self.succ.split.get(old.code, []) if c in self.index.wards]
        if parts:
            self.out.note(
                row,
                "ward",
                "'{value}' (trước 01/7/2025) đã được chia vào: {names}. Đã giữ trong địa chỉ cũ, chưa gán "
                "xã/phường hiện hành; hãy chọn sau.",
                value=text,
                names="; ".join(parts),
            )
        else:
            self.out.note(
                row,
                "ward",
                "'{value}' là đơn vị hành chính cũ (trước 01/7/2025): đã giữ trong địa chỉ cũ, "
                "chưa gán xã/phường hiện hành; hãy cập nhật sau.",
                value=text,
            )
        return True

    def _keep_old(self, row: SheetRow, v: dict[str, Any], *, province: str | None) -> None:
        """The address as written, and the old province's code, kept on the record."""
        v["legacy_address"] = v.get("legacy_address") or written_address(row) or None
        if province:
            v["legacy_province_code"] = v.get("legacy_province_code") or province

    def _old_name(self, m: UnitMatch) -> str:
        district = self.units.legacy_district_name(m.district_code)
        return f"{m.full_name}, {district}" if district else m.full_name
