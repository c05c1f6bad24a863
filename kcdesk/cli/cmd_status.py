"""`kcdesk status`: what this database holds and what needs attention."""

from __future__ import annotations

import argparse
from contextlib import closing
from typing import Any

from kcdesk.cli.common import add_json_option, db_path, emit, open_read_only_store, open_store
from kcdesk.db import quick_read
from kcdesk.domain.vnformat import group
from kcdesk.i18n import tr


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("status", parents=[common], help=tr("tóm tắt dữ liệu và việc cần làm"))
    add_json_option(p)
    p.set_defaults(handler=cmd_status)


def cmd_status(args: argparse.Namespace) -> int:
    conn = open_read_only_store(args)
    if conn is not None:  # the usual case: plain sqlite3, no ORM to import (kcdesk.db.quick_read)
        with closing(conn):
            data = {"db": str(db_path(args)), **quick_read.overview(conn)._asdict()}
    else:
        from kcdesk.services.overview import overview  # creates, migrates or explains: the ORM's path

        with open_store(args) as store, store.read() as session:
            data = {"db": str(store.path), **overview(session)._asdict()}

    def render(d: dict[str, Any]) -> str:
        lines = [
            tr(
                "{centre} ({province}){demo}",
                centre=d["centre"],
                province=d["province"],
                demo=tr(" — dữ liệu mẫu") if d["demo"] else "",
            ),
            tr("Tệp dữ liệu: {db}", db=d["db"]),
            tr(
                "{facilities} cơ sở CNNT · {proposals} đề án · {acceptances} biên bản nghiệm thu · "
                "{surveys} phiếu khảo sát",
                facilities=group(d["facilities"]),
                proposals=group(d["proposals"]),
                acceptances=group(d["acceptances"]),
                surveys=group(d["surveys"]),
            ),
            tr(
                "Việc quá hạn: {overdue} · sắp đến hạn (30 ngày): {due_soon} · thay đổi chờ đồng bộ: {pending}",
                overdue=d["overdue"],
                due_soon=d["due_soon"],
                pending=group(d["pending_changes"]),
            ),
            tr(
                "Báo cáo tiến độ tháng này còn thiếu: {missing} (quá hạn: {late}) · đánh giá sau hỗ trợ đến hạn: "
                "{evaluations} (quá hạn: {evaluations_late})",
                missing=d["progress_missing"],
                late=d["progress_overdue"],
                evaluations=d["evaluations_due"],
                evaluations_late=d["evaluations_overdue"],
            ),
        ]
        return "\n".join(lines)

    emit(args, data, render)
    return 0
