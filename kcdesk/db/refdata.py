"""Reference data files (resources/) turned into rows for the data migrations.

Each migration names the exact file it loads (files are dated snapshots and never edited
in place), so re-running an old migration on a new install gives the same rows.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

from kcdesk.resources import resource_path

# Seeded records get ids derived from a natural key, identical on every device.
SEED_NAMESPACE = uuid.UUID("6f1c1d2e-7a43-4c55-9a3e-2f0b8c1e9d10")
LEGACY_VALID_FROM = "1900-01-01"  # start unknown: "the list as it stood on 30 June 2025"
LEGACY_VALID_TO = "2025-06-30"
REFORM_DATE = "2025-07-01"

_TYPE_BY_PREFIX = (
    ("Thành phố", "thanh_pho"),
    ("Tỉnh", "tinh"),
    ("Quận", "quan"),
    ("Huyện", "huyen"),
    ("Thị xã", "thi_xa"),
    ("Thị trấn", "thi_tran"),
    ("Phường", "phuong"),
    ("Xã", "xa"),
    ("Đặc khu", "dac_khu"),
)


def seed_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(SEED_NAMESPACE, f"{kind}:{key}"))


def _read(*parts: str) -> Any:
    with resource_path(*parts).open(encoding="utf-8") as fh:
        return json.load(fh)


def unit_type(full_name: str) -> str:
    for prefix, code in _TYPE_BY_PREFIX:
        if full_name.startswith(prefix + " "):
            return code
    raise ValueError(f"unknown administrative unit type in {full_name!r}")


def _short_name(full_name: str) -> str:
    for prefix, _ in _TYPE_BY_PREFIX:
        if full_name.startswith(prefix + " "):
            return full_name[len(prefix) + 1 :]
    return full_name


def current_units(filename: str, source: str) -> list[dict[str, Any]]:
    """Provinces and commune-level units of the two-level government (from 1 July 2025)."""
    rows: list[dict[str, Any]] = []
    for prov in _read("admin-units", filename):
        rows.append(_unit(prov["Code"], "province", prov["FullName"], prov["Name"], prov.get("NameEn"), None, source))
        for ward in prov["Wards"]:
            rows.append(
                _unit(ward["Code"], "commune", ward["FullName"], ward["Name"], ward.get("NameEn"), prov["Code"], source)
            )
    for row in rows:
        row["valid_from"] = REFORM_DATE
        row["valid_to"] = None
    return rows


def legacy_units(filename: str, source: str) -> list[dict[str, Any]]:
    """Provinces, districts and wards as they stood on 30 June 2025."""
    rows: list[dict[str, Any]] = []
    for prov in _read("admin-units", filename):
        full = prov["FullName"]
        rows.append(_unit(prov["Code"], "province", full, _short_name(full), None, None, source))
        for dist in prov["District"] or []:
            rows.append(
                _unit(
                    dist["Code"],
                    "district",
                    dist["FullName"],
                    _short_name(dist["FullName"]),
                    None,
                    prov["Code"],
                    source,
                )
            )
            for ward in dist["Ward"] or []:
                rows.append(
                    _unit(
                        ward["Code"],
                        "commune",
                        ward["FullName"],
                        _short_name(ward["FullName"]),
                        None,
                        dist["Code"],
                        source,
                    )
                )
    for row in rows:
        row["valid_from"] = LEGACY_VALID_FROM
        row["valid_to"] = LEGACY_VALID_TO
    return rows


def _unit(
    code: str, level: str, full_name: str, name: str, name_en: str | None, parent: str | None, source: str
) -> dict[str, Any]:
    # The source spells a few unit types in lower case ("xã Bắc Sơn"); print them as the
    # official list does.
    full_name = full_name[:1].upper() + full_name[1:]
    return {
        "code": code,
        "level": level,
        "unit_type": unit_type(full_name),
        "name": name,
        "full_name": full_name,
        "name_en": name_en,
        "parent_code": parent,
        "source_decision": source,
        "kc_eligible": None,
        "eligibility_basis": None,
    }


def _date(text: str | None) -> str | None:
    """Validated ISO date text (migrations insert through untyped tables, as plain values)."""
    return date.fromisoformat(text).isoformat() if text else None


def activity_types(filename: str) -> list[dict[str, Any]]:
    data = _read("reference", filename)
    return [
        {
            "code": item["code"],
            "parent_code": item.get("parent"),
            "name": item["name"],
            "procurement_mode": item["procurement_mode"],
            "advance_pct": item["advance_pct"],
            "legal_basis": data["legal_basis"],
            "valid_from": _date(data["valid_from"]),
            "valid_to": None,
            "sort_key": i,
        }
        for i, item in enumerate(data["items"])
    ]


def sectors(filename: str) -> list[dict[str, Any]]:
    return [{"code": i["code"], "name": i["name"]} for i in _read("reference", filename)["items"]]


def legal_documents(filename: str) -> list[dict[str, Any]]:
    return [
        {
            "id": seed_id("legal_document", item["number"]),
            "number": item["number"],
            "doc_type": item["doc_type"],
            "issuer": item.get("issuer"),
            "sign_date": _date(item.get("sign_date")),
            "effective_date": _date(item.get("effective_date")),
            "expiry_date": _date(item.get("expiry_date")),
            "title": item["title"],
            "amends_number": item.get("amends_number"),
        }
        for item in _read("reference", filename)["items"]
    ]


def support_rules(filename: str) -> list[dict[str, Any]]:
    return [
        {
            "id": seed_id("support_rule", item["key"]),
            "activity_code": item["activity_code"],
            "level": item["level"],
            "province_code": item.get("province_code"),
            "legal_document_id": seed_id("legal_document", item["document"]),
            "basis": item["basis"],
            "valid_from": _date(item["valid_from"]),
            "valid_to": _date(item.get("valid_to")),
            "max_pct": item.get("max_pct"),
            "max_amount": item.get("max_amount"),
            "unit": item["unit"],
            "priority_multiplier": item.get("priority_multiplier"),
            "description": item["description"],
        }
        for item in _read("reference", filename)["items"]
    ]


def deadline_rules(filename: str) -> list[dict[str, Any]]:
    keys = ("code", "name", "level", "statuses", "anchor", "month", "day", "days", "legal_basis")
    return [{k: item.get(k) for k in keys} for item in _read("reference", filename)["items"]]
