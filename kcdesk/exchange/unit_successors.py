"""What each administrative unit before 1 July 2025 became, where that is certain.

From resources/admin-units/successors-2025-07-01.json (built by
scripts/build_unit_successors.py, checked there against both unit lists): every old
province went whole into one new province; an old commune either went whole into one new
commune (certain) or was divided between several (not certain: the candidates are listed
and a person chooses).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from kcdesk.resources import resource_path

FILE = "successors-2025-07-01.json"


@dataclass(frozen=True)
class Successors:
    provinces: dict[str, str]  # old province code -> new province code
    communes: dict[str, str]  # old commune code -> the new commune it went into whole
    split: dict[str, list[str]]  # old commune code -> the new communes it was divided between


@lru_cache(maxsize=1)
def successors() -> Successors:
    data = json.loads(resource_path("admin-units", FILE).read_text(encoding="utf-8"))
    return Successors(data["provinces"], data["communes"], data["split"])
