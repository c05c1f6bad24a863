"""What the hostile device of test_hostile_device.py sends: the tables and fields it aims
at, and odd values (instants that are not, numbers out of range, text that is not text,
ids of other records) drawn with Hypothesis."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from kcdesk.db.base import Base
from kcdesk.domain import lifecycle
from kcdesk.ids import new_id
from kcdesk.server import db as server_db
from kcdesk.sync.wire import TableCodec

TABLES = sorted(server_db.REPLICATED)
CODECS = {name: TableCodec(Base.metadata.tables[name]) for name in TABLES}
WARDS = {"48": ("20194", "20197"), "01": ("00004", "00008")}
PARENT_COLUMNS = {
    "proposal_id": "proposal",
    "acceptance_id": "acceptance",
    "facility_id": "facility",
    "survey_id": "survey",
    "owner_id": None,  # any table (attachments)
    "user_id": "app_user",
    "signed_by": "app_user",
    "surveyor_id": "app_user",
    "legal_document_id": "legal_document",
}
ODD_INSTANTS = [
    "0999-06-01T00:00:00Z",
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:30:00+01:00",
    "2026-11-27T08:30:00",
    "2026-11-27T08:30:00.123456+07:00",
    "2026-02-30T00:00:00Z",
    "999-06-01T00:00:00.000Z",
    "",
]
ODD_VALUES = [
    None,
    True,
    0,
    -1,
    2**63,
    -(2**63) - 1,
    10**30,
    1.5,
    1e308,
    "",
    "0",
    "1e999999999",
    "NaN",
    "-0",
    "2026-11-27",
    "0000-01-01",
    "x" * 300,
    "Ä\u0308\u200b\ufeff",
    "'; DROP TABLE facility; --",
    [1, 2],
    {"a": {"b": None}},
]
FIELD_VALUES: dict[str, list[Any]] = {
    "status": [*lifecycle.STATUSES, "active", "closed", "submitted", "bogus"],
    "level": ["KCQG", "KCDP", "KCXX"],
    "province_code": ["48", "01", "00", "99", None],
    "ward_code": ["20194", "20197", "00004", "99999", None],
    "owner_table": ["facility", "proposal", "acceptance", "app_user", "server_device", "nope"],
    "conclusion": ["dat", "dat_mot_phan", "khong_dat", "x"],
    "kind": ["tam_ung", "thanh_toan", "quyet_toan", "x"],
    "action": [t.action for t in lifecycle.TRANSITIONS] + ["x"],
    "from_status": list(lifecycle.STATUSES),
    "to_status": list(lifecycle.STATUSES),
    "role": ["chu_tri", "thu_ky", "x"],
}
HOSTILE_ROLES = {"leader": "centre_leader", "ministry": "ministry"}
HOT_TABLES = [
    "proposal",
    "proposal",
    "acceptance",
    "acceptance_member",
    "budget_line",
    "facility",
    "proposal_status_event",
]
HOT_FIELDS = [
    "status",
    "level",
    "signed_at",
    "signed_by",
    "conclusion",
    "number",
    "proposal_id",
    "acceptance_id",
    "facility_id",
    "province_code",
    "ward_code",
    "deleted_at",
    "created_at",
    "name",
]


def wild_value(data: Any, column: str, pool: dict[str, list[str]]) -> Any:
    choices: list[Any] = list(ODD_VALUES)
    if column.endswith("_at"):
        choices += ODD_INSTANTS
    choices += FIELD_VALUES.get(column, [])
    if column in PARENT_COLUMNS:
        parent = PARENT_COLUMNS[column]
        ids = [i for t, ids in pool.items() if parent in (None, t) for i in ids]
        choices += ids or [new_id()]
    return data.draw(st.one_of(st.sampled_from(choices), st.integers(-(2**70), 2**70), st.text(max_size=12)))
