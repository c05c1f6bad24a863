"""`kcdesk communes USER [--set MÃ_XÃ ...]`: the communes a collaborator covers."""

from __future__ import annotations

import argparse
from typing import Any

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.i18n import tr


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "communes", parents=[common], help=tr("xem hoặc giao xã/phường cho cộng tác viên (đồng bộ lên máy chủ)")
    )
    p.add_argument("user", help=tr("tên đăng nhập của cộng tác viên"))
    p.add_argument(
        "--set", nargs="*", default=None, metavar=tr("MÃ_XÃ"), help=tr("giao đúng các xã/phường này (bỏ các xã khác)")
    )
    add_json_option(p)
    p.set_defaults(handler=cmd_communes)


def cmd_communes(args: argparse.Namespace) -> int:
    from sqlalchemy import or_, select

    from kcdesk.db.models import AppUser
    from kcdesk.errors import NotFoundError
    from kcdesk.services.collaborators import assign_communes, collaborator_communes

    with open_store(args) as store:
        if args.set is not None:
            wards = store.write(lambda s: assign_communes(s, args.user, list(args.set)))
        else:
            with store.read() as s:
                user = s.scalars(
                    select(AppUser).where(or_(AppUser.username == args.user, AppUser.id == args.user))
                ).first()
                if user is None:
                    raise NotFoundError("Không tìm thấy người dùng {name}.", name=args.user)
                wards = collaborator_communes(s, user.id)
    emit(
        args,
        {"user": args.user, "communes": wards},
        lambda d: tr(
            "{user}: {communes}", user=d["user"], communes=", ".join(d["communes"]) or tr("chưa giao xã/phường nào")
        ),
    )
    return 0
