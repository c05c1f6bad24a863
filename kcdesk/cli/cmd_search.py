"""`kcdesk search`: the same search the window uses."""

from __future__ import annotations

import argparse
from typing import Any

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.i18n import tr
from kcdesk.services.search import search


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("search", parents=[common], help=tr("tìm cơ sở và đề án (không phân biệt dấu, hoa thường)"))
    p.add_argument("query", help=tr('nội dung tìm, ví dụ: "da nang"'))
    p.add_argument("--kind", choices=("all", "facility", "proposal"), default="all", help=tr("loại bản ghi"))
    p.add_argument("--limit", type=int, default=50, help=tr("số kết quả tối đa"))
    add_json_option(p)
    p.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    kinds = ("facility", "proposal") if args.kind == "all" else (args.kind,)
    with open_store(args) as store, store.read() as session:
        hits = search(session, args.query, kinds=kinds, limit=args.limit)
    data = [{"kind": h.kind, "id": h.id, "title": h.title, "detail": h.detail} for h in hits]
    labels = {"facility": tr("Cơ sở"), "proposal": tr("Đề án")}

    def render(items: list[dict[str, Any]]) -> str:
        if not items:
            return tr('Không tìm thấy kết quả nào cho "{query}".', query=args.query)
        return "\n".join(f"[{labels[i['kind']]}] {i['title']}  ({i['detail']})  {i['id']}" for i in items)

    emit(args, data, render)
    return 0
