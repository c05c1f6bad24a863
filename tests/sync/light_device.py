"""A device at the protocol level, for tests that need a hundred of them: enrolment, token
rotation, hello, push, pull, with its own replica as plain dictionaries and no local
database. Every request goes on a new connection, so with several server workers a
device's requests land on different workers."""

from __future__ import annotations

import gzip
import json
import time
import uuid
from typing import Any

import httpx

API = "/sync/v1"


class BusyRetryingClient(httpx.Client):
    """As the laptop's transport does (kcdesk.sync.transport), a 503 "busy" answer is sent
    again after its Retry-After: the server says so when it is out of database capacity."""

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        for _ in range(30):
            response = super().send(request, **kwargs)
            if response.status_code != 503:
                return response
            response.read()
            time.sleep(float(response.headers.get("retry-after", "1")))
        return response


class LightDevice:
    def __init__(self, url: str, code: str, province: str, ward: str) -> None:
        self.url = url
        self.province = province
        self.ward = ward
        # no keep-alive: every request a new connection (and so, any worker)
        self.http = BusyRetryingClient(base_url=url, timeout=120, limits=httpx.Limits(max_keepalive_connections=0))
        enrolled = self._ok(self.http.post(f"{API}/enrol", json={"code": code, "device_name": "light"}))
        self.device_id: str = enrolled["device_id"]
        self.refresh: str = enrolled["refresh_token"]
        self.access = ""
        self.seq = 0
        self.replica: dict[str, dict[str, Any]] = {}  # facility id -> row, for every scope pulled
        self.cursors: dict[str, int] = {}
        self.mine: dict[str, dict[str, Any]] = {}  # facility id -> the values this device last had accepted
        self.answers: dict[int, dict[str, Any]] = {}  # seq -> the outcome first received

    @staticmethod
    def _ok(response: httpx.Response) -> Any:
        assert response.status_code == 200, (response.status_code, response.text[:500])
        return response.json()

    def token(self) -> None:
        answer = self._ok(
            self.http.post(f"{API}/token", json={"device_id": self.device_id, "refresh_token": self.refresh})
        )
        self.access, self.refresh = answer["access_token"], answer["refresh_token"]

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access}"}

    def hello(self) -> dict[str, Any]:
        return self._ok(self.http.post(f"{API}/hello", json={"proto": 1}, headers=self._headers()))  # type: ignore[no-any-return]

    def new_facility(self, name: str) -> dict[str, Any]:
        self.seq += 1
        row_id = str(uuid.uuid4())
        values = {
            "name": name,
            "facility_type": "hkd",
            "province_code": self.province,
            "ward_code": self.ward,
            "status": "active",
        }
        return {
            "seq": self.seq,
            "mutation_id": uuid.uuid4().hex,
            "table": "facility",
            "row_id": row_id,
            "op": "insert",
            "base_version": 0,
            "values": values,
        }

    def edit(self, row_id: str, phone: str) -> dict[str, Any]:
        self.seq += 1
        before = self.mine[row_id]
        return {
            "seq": self.seq,
            "mutation_id": uuid.uuid4().hex,
            "table": "facility",
            "row_id": row_id,
            "op": "update",
            "base_version": before["row_version"],
            "values": {"phone": phone},
            "base": {"phone": before.get("phone")},
        }

    def send(self, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Push one batch (gzip, as laptops send it); the outcomes as answered."""
        body = gzip.compress(json.dumps({"mutations": mutations}).encode())
        headers = {**self._headers(), "Content-Type": "application/json", "Content-Encoding": "gzip"}
        answer = self._ok(self.http.post(f"{API}/push", content=body, headers=headers))
        return answer["outcomes"]  # type: ignore[no-any-return]

    def acknowledge(self, mutations: list[dict[str, Any]], outcomes: list[dict[str, Any]]) -> None:
        by_seq = {o["seq"]: o for o in outcomes}
        for m in mutations:
            outcome = by_seq[m["seq"]]
            self.answers.setdefault(m["seq"], outcome)
            assert outcome["status"] == "applied", outcome
            values = self.mine.setdefault(m["row_id"], {})
            values.update(m["values"], row_version=outcome["row_version"])

    def pull(self, scope: str) -> None:
        while True:
            page = self._ok(
                self.http.get(
                    f"{API}/pull", params={"scope": scope, "after": self.cursors.get(scope, 0)}, headers=self._headers()
                )
            )
            for change in page["changes"]:
                if change["table"] != "facility":
                    continue
                if change["op"] == "upsert":
                    self.replica[change["row_id"]] = change["row"]
                else:
                    self.replica.pop(change["row_id"], None)
            self.cursors[scope] = page["next_cursor"]
            if not page["has_more"]:
                return

    def close(self) -> None:
        self.http.close()
