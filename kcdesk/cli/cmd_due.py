"""`kcdesk due`: deadlines that are overdue or coming up."""

from __future__ import annotations

import argparse
from contextlib import closing
from typing import Any

from kcdesk.cli.common import add_json_option, emit, open_read_only_store, open_store
from kcdesk.cli.values import parse_day
from kcdesk.db import quick_read
from kcdesk.domain.vnformat import day
from kcdesk.i18n import tr


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("due", parents=[common], help=tr("việc đến hạn và quá hạn"))
    p.add_argument("--date", dest="on", help=tr("tính đến ngày (dd/mm/yyyy; mặc định hôm nay)"))
    p.add_argument("--days", type=int, default=30, help=tr("xem trước bao nhiêu ngày"))
    add_json_option(p)
    p.set_defaults(handler=cmd_due)


def cmd_due(args: argparse.Namespace) -> int:
    conn = open_read_only_store(args)
    if conn is not None:  # the usual case: plain sqlite3, no ORM to import (kcdesk.db.quick_read)
        with closing(conn):
            items = quick_read.due_list(conn, parse_day(args.on), args.days)
    else:
        from kcdesk.services.due import due_list  # creates, migrates or explains: the ORM's path

        with open_store(args) as store, store.read() as session:
            items = due_list(session, parse_day(args.on), args.days)
    data = [
        {
            "proposal_id": i.proposal_id,
            "code": i.code,
            "title": i.title,
            "rule": i.rule,
            "task": i.rule_name,
            "due": i.due,
            "days_left": i.days_left,
            "overdue": i.overdue,
            "legal_basis": i.legal_basis,
        }
        for i in items
    ]

    def render(rows: list[dict[str, Any]]) -> str:
        if not rows:
            return tr("Không có việc nào đến hạn.")
        out = []
        for r in rows:
            when = tr("QUÁ HẠN {n} ngày", n=-r["days_left"]) if r["overdue"] else tr("còn {n} ngày", n=r["days_left"])
            # The task names are reference data in Vietnamese; the catalogue holds their English.
            out.append(f"{day(r['due'])}  {when:<18} {r['code']}  {tr(r['task'])}")
        return "\n".join(out)

    emit(args, data, render)
    return 0
