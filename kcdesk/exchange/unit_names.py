"""Administrative unit names as typed in spreadsheets, resolved to current or legacy units.

"TP Đà Nẵng", "Thành phố Đà Nẵng", "da nang" and "48" are the same current province;
"P. Hải Châu" and "Phường Hải Châu" the same ward. A name that only existed before
1 July 2025 is recognised as a legacy unit and reported as such: it is never quietly
turned into the current unit that replaced it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import AdminUnit
from kcdesk.text import fold

_PREFIXES = {  # folded abbreviations typed before a name -> the unit type's full word
    "tp": "thanh pho",
    "t p": "thanh pho",
    "tx": "thi xa",
    "tt": "thi tran",
    "p": "phuong",
    "x": "xa",
    "q": "quan",
    "h": "huyen",
    "t": "tinh",
}
_TYPE_WORDS = ("thanh pho", "tinh", "phuong", "xa", "dac khu", "thi tran", "thi xa", "quan", "huyen")


@lru_cache(maxsize=16384)  # the same ward names come back row after row
def unit_key(text: str) -> str:
    """Folded full name with abbreviated type words spelt out: 'TP. Đà Nẵng' -> 'thanh pho da nang'."""
    key = " ".join(fold(text).replace(".", " ").replace(",", " ").split())
    head, _, rest = key.partition(" ")
    if rest and head in _PREFIXES:
        key = f"{_PREFIXES[head]} {rest}"
    return key


def bare_key(key: str) -> str:
    """The key without its type word: 'thanh pho da nang' -> 'da nang'."""
    for word in _TYPE_WORDS:
        if key.startswith(word + " "):
            return key[len(word) + 1 :]
    return key


@dataclass(frozen=True)
class UnitMatch:
    code: str
    full_name: str
    legacy: bool
    province_code: str | None = None  # a commune's province (for legacy ones, the old province)
    district_code: str | None = None  # legacy communes only: the old district


class Ambiguous(Exception):
    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


class UnitNames:
    """Lookup tables built once per import from the admin_unit reference table."""

    def __init__(self, session: Session) -> None:
        self.provinces: dict[str, list[UnitMatch]] = defaultdict(list)
        self.legacy_provinces: dict[str, list[UnitMatch]] = defaultdict(list)
        self.wards: dict[str, dict[str, list[UnitMatch]]] = defaultdict(lambda: defaultdict(list))
        self.legacy_wards: dict[str, list[UnitMatch]] = defaultdict(list)
        self.current_codes: dict[str, UnitMatch] = {}
        self.legacy_districts: dict[str, list[UnitMatch]] = defaultdict(list)
        self.legacy_district_names: dict[str, str] = {}
        rows = session.execute(
            select(
                AdminUnit.code,
                AdminUnit.level,
                AdminUnit.full_name,
                AdminUnit.name,
                AdminUnit.parent_code,
                AdminUnit.valid_to,
            )
        ).all()
        district_province = {code: parent for code, level, _, _, parent, to in rows if level == "district"}
        for code, level, full_name, name, parent, valid_to in rows:
            legacy = valid_to is not None
            if level == "district":
                district = UnitMatch(code, full_name, True, parent)
                self.legacy_district_names[code] = full_name
                for key in {unit_key(full_name), unit_key(name)}:
                    self.legacy_districts[key].append(district)
            if level == "province":
                match = UnitMatch(code, full_name, legacy)
                target = self.legacy_provinces if legacy else self.provinces
                for key in {unit_key(full_name), unit_key(name), code}:
                    target[key].append(match)
                if not legacy:
                    self.current_codes[code] = match
            elif level == "commune":
                province = district_province.get(parent or "", parent) if legacy else parent
                match = UnitMatch(code, full_name, legacy, province, parent if legacy else None)
                keys = {unit_key(full_name), unit_key(name)}
                if legacy:
                    for key in keys:
                        self.legacy_wards[key].append(match)
                else:
                    for key in {*keys, code}:
                        self.wards[parent or ""][key].append(match)
                    self.current_codes[code] = match

    def province(self, text: str) -> UnitMatch | None:
        """The current province named, else the legacy one, else None."""
        key = unit_key(text)
        for table in (self.provinces, self.legacy_provinces):
            found = _unique(table.get(key) or table.get(bare_key(key)) or [])
            if found:
                return found
        return None

    def current_ward(self, text: str, province_code: str | None) -> UnitMatch | None:
        """A current commune of the province by name (or any current commune by its code)."""
        key = unit_key(text)
        if province_code:
            table = self.wards.get(province_code, {})
            found = table.get(key) or table.get(bare_key(key)) or []
            if found:
                return _unique(found)
        if key.isdigit() and key in self.current_codes:
            return self.current_codes[key]
        return None

    def legacy_communes(self, text: str) -> list[UnitMatch]:
        """Every commune before 1 July 2025 with this name (several provinces reuse names)."""
        key = unit_key(text)
        return list(self.legacy_wards.get(key) or self.legacy_wards.get(bare_key(key)) or [])

    def legacy_district_codes(self, text: str) -> set[str]:
        """Codes of the districts before 1 July 2025 with this name ('Huyện Hòa Vang', 'H. Hòa Vang')."""
        key = unit_key(text)
        return {m.code for m in self.legacy_districts.get(key) or self.legacy_districts.get(bare_key(key)) or []}

    def legacy_district_name(self, code: str | None) -> str | None:
        return self.legacy_district_names.get(code or "")

    def ward(self, text: str, province_code: str | None) -> UnitMatch | None:
        """A current commune of the province, else a legacy commune of that name (the one in
        the old province with the same code when several share it), else None."""
        key = unit_key(text)
        if province_code:
            table = self.wards.get(province_code, {})
            found = table.get(key) or table.get(bare_key(key)) or []
            if found:
                return _unique(found)
        if key.isdigit() and key in self.current_codes:
            return self.current_codes[key]
        legacy = self.legacy_wards.get(key) or self.legacy_wards.get(bare_key(key)) or []
        if len(legacy) > 1 and province_code:
            same = [m for m in legacy if m.province_code == province_code]
            legacy = same or legacy
        if legacy:
            first = legacy[0]
            # Recognised as a legacy unit even when the code is unclear: keep the text only.
            return first if len(legacy) == 1 else UnitMatch("", first.full_name, True, None)
        return None


def _unique(matches: list[UnitMatch]) -> UnitMatch | None:
    distinct = {m.code: m for m in matches}
    if len(distinct) > 1:
        raise Ambiguous(sorted(m.full_name for m in distinct.values()))
    return next(iter(distinct.values()), None)
