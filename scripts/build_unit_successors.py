"""Build resources/admin-units/successors-2025-07-01.json: what each pre-reform unit became.

Source: the MIT-licensed `vietnamadminunits` package (its data/converter_2025.json and
data/dataset.db), which lists, for each province after 1 July 2025, the provinces merged
into it, and for each new commune the old communes merged into it whole
(DICT_PROVINCE_WARD_NO_DIVIDED) or the old communes split between several new ones
(DICT_PROVINCE_WARD_DIVIDED). Its keys are folded names; dataset.db gives their codes.

Only what agrees with kcdesk's own unit lists is kept: an old code must be in the legacy
list, a new one in the current list, and a commune's new province must be the one its old
province became. Run once when the data changes:

    pip download --no-deps vietnamadminunits==1.0.4 -d /tmp/vau && unzip /tmp/vau/*.whl -d /tmp/vau
    python scripts/build_unit_successors.py /tmp/vau/vietnamadminunits/data
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources" / "admin-units"
OUT = ROOT / "successors-2025-07-01.json"


def our_units() -> tuple[set[str], dict[str, str], set[str], dict[str, str]]:
    """(legacy province codes, legacy commune -> legacy province, current province codes,
    current commune -> current province)."""
    legacy = json.loads((ROOT / "units-2025-06-30-legacy.json").read_text(encoding="utf-8"))
    old_provinces = {p["Code"] for p in legacy}
    old_communes = {w["Code"]: p["Code"] for p in legacy for d in p["District"] for w in d.get("Ward") or []}
    current = json.loads((ROOT / "units-2026-07-25.json").read_text(encoding="utf-8"))
    new_provinces = {p["Code"] for p in current}
    new_communes = {w["Code"]: p["Code"] for p in current for w in p.get("Wards") or []}
    return old_provinces, old_communes, new_provinces, new_communes


def main(data: Path) -> None:
    conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    db = sqlite3.connect(data / "dataset.db")
    new_province_code = dict(db.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units"))
    old_province_code = dict(db.execute("SELECT DISTINCT provinceKey, provinceCode FROM admin_units_legacy"))
    new_ward = {(p, w): c for p, w, c in db.execute("SELECT provinceKey, wardKey, wardCode FROM admin_units")}
    old_ward = {
        f"{p}_{d}_{w}": c
        for p, d, w, c in db.execute("SELECT provinceKey, districtKey, wardKey, wardCode FROM admin_units_legacy")
    }
    old_provinces, old_communes, new_provinces, new_communes = our_units()

    provinces: dict[str, str] = {}
    for new_key, old_keys in conv["DICT_PROVINCE"].items():
        new = new_province_code[new_key]
        for old_key in old_keys:
            old = old_province_code[old_key]
            assert old in old_provinces and new in new_provinces, (old, new)
            assert provinces.setdefault(old, new) == new, f"province {old} goes to two provinces"
    assert len(provinces) == len(old_provinces), sorted(old_provinces - provinces.keys())

    dropped: dict[str, int] = defaultdict(int)
    whole: dict[str, str] = {}
    for new_pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, old_keys in wards.items():
            new = new_ward.get((new_pkey, new_wkey))
            for old_key in old_keys:
                old = old_ward.get(old_key)
                if new is None or old is None or old not in old_communes or new not in new_communes:
                    dropped["unknown code"] += 1
                elif provinces[old_communes[old]] != new_communes[new]:
                    dropped["province disagrees"] += 1
                elif whole.setdefault(old, new) != new:
                    dropped["two successors"] += 1
    split: dict[str, list[str]] = {}
    for _new_pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in olds.items():
            old = old_ward.get(old_key)
            news = sorted(
                {c for part in parts if (c := new_ward.get((_new_pkey, part["newWardKey"]))) and c in new_communes}
            )
            if old is None or old not in old_communes or not news:
                dropped["unknown split"] += 1
                continue
            split[old] = sorted(set(split.get(old, [])) | set(news))
    for old in set(whole) & set(split):  # listed both ways: not certain
        whole.pop(old)
        dropped["whole and split"] += 1
    OUT.write_text(
        json.dumps(
            {
                "about": "What each unit before 1 July 2025 became (NQ 202/2025/QH15 for provinces, the 2025 "
                "commune reorganisation resolutions for communes). provinces: old code -> new code; "
                "communes: old commune code -> the one new commune it was merged into whole; "
                "split: old commune code -> the new communes its area was divided between.",
                "source": "vietnamadminunits 1.0.4 (MIT, Copyright (c) 2025 Hieu Tran), data/converter_2025.json "
                "and data/dataset.db; kept only where it agrees with units-2025-06-30-legacy.json and "
                "units-2026-07-25.json (scripts/build_unit_successors.py)",
                "provinces": dict(sorted(provinces.items())),
                "communes": dict(sorted(whole.items())),
                "split": dict(sorted(split.items())),
            },
            ensure_ascii=False,
            indent=0,
        ),
        encoding="utf-8",
    )
    print(f"{len(provinces)} provinces, {len(whole)} communes whole, {len(split)} split; dropped {dict(dropped)}")
    print(f"legacy communes with no entry: {len(set(old_communes) - set(whole) - set(split))}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
