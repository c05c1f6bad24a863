"""Deterministic random helpers for the demo: ids, dates, people, facilities."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kcdesk.demo import names
from kcdesk.domain.vocab import FACILITY_TYPES

DEMO_EPOCH_MS = int(datetime(2024, 1, 1, tzinfo=UTC).timestamp() * 1000)


class DemoRandom(random.Random):
    """random.Random plus the few shapes the demo needs; one seed gives one province."""

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self._ids = 0

    def uuid7(self) -> str:
        # A valid UUIDv7 from the seed (not the clock), so the same seed gives the same ids.
        self._ids += 1
        ms = DEMO_EPOCH_MS + self._ids
        rand = self.getrandbits(74)
        value = (ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62) | (rand & ((1 << 62) - 1))
        return str(uuid.UUID(int=value))

    def weighted(self, weights: dict[str, int]) -> str:
        return self.choices(list(weights), weights=list(weights.values()))[0]

    def person(self) -> str:
        if self.random() < 0.5:
            return f"{self.choice(names.FAMILY)} {self.choice(names.MIDDLE_M)} {self.choice(names.GIVEN_M)}"
        return f"{self.choice(names.FAMILY)} {self.choice(names.MIDDLE_F)} {self.choice(names.GIVEN_F)}"

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.randrange(max(1, (end - start).days + 1)))

    def phone(self) -> str:
        return self.choice(("090", "091", "093", "097", "098", "035", "077", "083")) + f"{self.randrange(10**7):07d}"


@dataclass(frozen=True)
class Ward:
    code: str
    name: str
    full_name: str


def facility_name(rng: DemoRandom, ftype: str, product: str, ward: Ward, person: str) -> str:
    brand = rng.choice(names.BRANDS)
    if ftype == "hkd":
        return rng.choice((f"Hộ kinh doanh {person}", f"Cơ sở {product} {brand}", f"Cơ sở {product} {person}"))
    if ftype in ("dn_sieu_nho", "dn_nho", "dn_vua"):
        form = rng.choice(("Công ty TNHH", "Công ty TNHH MTV", "Công ty Cổ phần", "Doanh nghiệp tư nhân"))
        return rng.choice((f"{form} {brand}", f"{form} {product.capitalize()} {brand}"))
    if ftype == "htx":
        return f"Hợp tác xã {product} {ward.name}"
    if ftype == "tht":
        return f"Tổ hợp tác {product} {ward.name}"
    return f"Cơ sở {product} {brand}"


def facility_row(
    rng: DemoRandom, n: int, province: str, wards: list[Ward], legacy: list[tuple[str, str, str, str]], tax_serial: int
) -> dict[str, Any]:
    """One facility. The first rows cover every type and sector, so a small demo has them all."""
    types, sectors = list(FACILITY_TYPES), list(names.SECTOR_WEIGHTS)
    ftype = types[n] if n < len(types) else rng.weighted(names.TYPE_WEIGHTS)
    sector = sectors[n] if n < len(sectors) else rng.weighted(names.SECTOR_WEIGHTS)
    product, _machine = rng.choice(names.PRODUCTS[sector])
    ward = rng.choice(wards)
    person = rng.person()
    small = ftype in ("hkd", "tht", "khac")
    labour = rng.randint(2, 15) if small else rng.randint(8, 180 if ftype != "dn_vua" else 200)
    revenue = labour * rng.randint(80, 400) * 1_000_000 // 1_000_000 * 1_000_000
    lat0, lon0 = names.CENTRES.get(province, (16.0, 108.0))
    personal = ftype == "hkd" and rng.random() < 0.4
    tax = f"0{province}{rng.randrange(10**9):09d}" if personal else f"{4 + int(province) % 6:02d}{tax_serial:08d}"
    row: dict[str, Any] = {
        "id": rng.uuid7(),
        "name": facility_name(rng, ftype, product, ward, person),
        "facility_type": ftype,
        "tax_code": tax,
        "business_reg_no": None if small else f"{tax_serial:010d}",
        "reg_date": rng.day_between(date(2005, 1, 1), date(2025, 12, 31)),
        "representative": person,
        "representative_title": "Chủ hộ" if ftype == "hkd" else rng.choice(("Giám đốc", "Chủ nhiệm", "Tổ trưởng")),
        "phone": rng.phone(),
        "email": None,
        "province_code": province,
        "ward_code": ward.code,
        "village": rng.choice((f"Thôn {rng.randint(1, 12)}", f"Tổ {rng.randint(1, 60)}", None)),
        "street": f"{rng.randint(1, 400)} {rng.choice(names.STREETS)}" if rng.random() < 0.5 else None,
        "latitude": round(lat0 + rng.uniform(-0.25, 0.25), 6),
        "longitude": round(lon0 + rng.uniform(-0.25, 0.25), 6),
        "sector_code": sector,
        "main_products": product.capitalize(),
        "labour_total": labour,
        "labour_insured": rng.randint(0, labour),
        "total_capital": labour * rng.randint(50, 600) * 1_000_000,
        "revenue_prev_year": revenue,
        "local_raw_material_pct": str(rng.choice((30, 45, 60, 75, 90))),
        "has_export_contract": rng.random() < 0.08,
        "in_supporting_industry_list": sector == "D" and rng.random() < 0.3,
        "cleaner_production": sector == "G" or rng.random() < 0.05,
        "typical_product": sector == "E" and rng.random() < 0.15,
        "status": "active" if rng.random() < 0.94 else rng.choice(("suspended", "closed")),
    }
    if legacy and rng.random() < 0.3:
        # Registered before the 2025 reform: the old address stays on the record as it was.
        code, full_name, district_code, province_code = rng.choice(legacy)
        row["legacy_address"] = full_name
        row["legacy_ward_code"] = code
        row["legacy_district_code"] = district_code
        row["legacy_province_code"] = province_code
    if rng.random() < 0.15:
        row["email"] = f"lienhe{n}@coso.vn"
    return row
