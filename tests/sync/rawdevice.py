"""An enrolled device that speaks the sync protocol directly: it sends whatever changes it
likes (the way a tampered laptop or a script with a stolen enrolment would), numbers them
itself, and reads the server's answers as they are."""

from __future__ import annotations

import gzip
import json
import uuid
from typing import Any

import httpx

from kcdesk.ids import new_id

API = "/sync/v1"


class RawDevice:
    def __init__(self, server: Any, **grant: Any) -> None:
        self.server = server
        self.http = httpx.Client(base_url=server.url, timeout=120)
        enrolled = self.http.post(f"{API}/enrol", json={"code": server.code(**grant), "device_name": "raw"})
        assert enrolled.status_code == 200, enrolled.text
        body = enrolled.json()
        self.device_id: str = body["device_id"]
        self.refresh_token: str = body["refresh_token"]
        self.user: dict[str, Any] | None = body.get("user")
        self.seq = 0
        self.sent: list[bytes] = []  # every push body, for replays
        self._authorise()

    def _authorise(self) -> None:
        token = self.http.post(
            f"{API}/token", json={"device_id": self.device_id, "refresh_token": self.refresh_token}
        ).json()["access_token"]
        self.http.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self.http.close()

    # -- sending ---------------------------------------------------------------------------

    def mutation(
        self,
        table: str,
        row_id: str,
        op: str = "update",
        values: dict[str, Any] | None = None,
        base: dict[str, Any] | None = None,
        base_version: int = 0,
    ) -> dict[str, Any]:
        """The next change in this device's sequence."""
        self.seq += 1
        return {
            "seq": self.seq,
            "mutation_id": uuid.uuid4().hex,
            "table": table,
            "row_id": row_id,
            "op": op,
            "base_version": base_version,
            "values": values or {},
            "base": base or {},
        }

    def post(self, body: bytes, compressed: bool = False) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if compressed:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        response = self.http.post(f"{API}/push", content=body, headers=headers)
        if response.status_code == 401:  # the access token ran out during a long test
            self._authorise()
            response = self.http.post(f"{API}/push", content=body, headers=headers)
        return response

    def send(self, *mutations: dict[str, Any], compressed: bool = False) -> httpx.Response:
        body = json.dumps({"mutations": list(mutations)}, ensure_ascii=False).encode()
        self.sent.append(body)
        return self.post(body, compressed)

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        """Send and return the outcomes (the answer must be a 200)."""
        response = self.send(*mutations)
        assert response.status_code == 200, response.text
        outcomes: list[dict[str, Any]] = response.json()["outcomes"]
        return outcomes

    def one(
        self, table: str, row_id: str, op: str = "update", values: dict[str, Any] | None = None, **kw: Any
    ) -> dict[str, Any]:
        [outcome] = self.push(self.mutation(table, row_id, op, values, **kw))
        return outcome

    def insert(self, table: str, values: dict[str, Any], row_id: str | None = None) -> tuple[str, dict[str, Any]]:
        row_id = row_id or new_id()
        return row_id, self.one(table, row_id, "insert", values)

    def proposal_at(self, status: str, level: str = "KCDP", province: str = "48") -> str:
        """A new proposal taken to `status` step by step (the device must be allowed every
        step: the administrator is)."""
        pid, made = self.insert("proposal", proposal_values(province, level))
        assert made["status"] == "applied", made
        steps = steps_to(status, level)
        if steps:
            outcomes = self.push(
                *(self.mutation("proposal", pid, values={"status": s}, base_version=1 + i) for i, s in enumerate(steps))
            )
            assert all(o["status"] == "applied" for o in outcomes), outcomes
        return pid

    def replay(self, index: int = -1) -> httpx.Response:
        return self.post(self.sent[index])

    # -- reading ---------------------------------------------------------------------------

    def pull(self, scope: str, after: int = 0) -> httpx.Response:
        response = self.http.get(f"{API}/pull", params={"scope": scope, "after": after})
        if response.status_code == 401:
            self._authorise()
            response = self.http.get(f"{API}/pull", params={"scope": scope, "after": after})
        return response

    def pull_all(self, scope: str) -> list[dict[str, Any]]:
        changes: list[dict[str, Any]] = []
        after = 0
        while True:
            response = self.pull(scope, after)
            assert response.status_code == 200, response.text
            page = response.json()
            changes += page["changes"]
            after = page["next_cursor"]
            if not page["has_more"]:
                return changes


def steps_to(target: str, level: str) -> list[str]:
    """The statuses a draft passes through to reach `target` by steps without `needs`."""
    from kcdesk.domain import lifecycle

    paths: dict[str, list[str]] = {"draft": []}
    todo = ["draft"]
    while todo:
        status = todo.pop(0)
        for t in lifecycle.next_steps(status, level):
            if t.needs is None and t.target not in paths:
                paths[t.target] = [*paths[status], t.target]
                todo.append(t.target)
    return paths[target]


FACILITY = {"name": "Cơ sở thử", "facility_type": "hkd", "status": "active"}


def facility_values(province: str = "48", ward: str = "20194", **extra: Any) -> dict[str, Any]:
    return {**FACILITY, "province_code": province, "ward_code": ward, **extra}


def proposal_values(province: str = "48", level: str = "KCDP", status: str = "draft", **extra: Any) -> dict[str, Any]:
    return {
        "code": f"{level}-{province}-{uuid.uuid4().hex[:6]}",
        "title": "Đề án hỗ trợ máy móc thiết bị",
        "level": level,
        "plan_year": 2026,
        "implementing_unit": "Trung tâm Khuyến công",
        "province_code": province,
        "status": status,
        **extra,
    }
