"""`kcdesk demo`: build a realistic province to try the app on."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kcdesk.cli.common import add_json_option, emit, open_store
from kcdesk.demo.build import build_demo
from kcdesk.domain.vnformat import group, money, ratio_percent
from kcdesk.i18n import tr


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help=tr("tạo dữ liệu mẫu của một tỉnh (chỉ trong tệp mới)"))
    p.add_argument("--province", help=tr("mã tỉnh/thành phố (mặc định 48: Đà Nẵng)"))
    p.add_argument("--facilities", type=int, default=2000, help=tr("số cơ sở CNNT (tới 200.000)"))
    p.add_argument("--seed", type=int, default=1, help=tr("hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu"))
    add_json_option(p)
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    if not 1 <= args.facilities <= 200_000:
        print(tr("Lỗi: số cơ sở phải từ 1 đến 200.000."), file=sys.stderr)
        return 2

    def progress(stage: str, done: int, total: int) -> None:
        if not args.json and total >= 20_000:
            print(tr("  {stage}: {done}/{total}", stage=stage, done=group(done), total=group(total)), file=sys.stderr)

    with open_store(args, create=True) as store:
        summary = build_demo(
            store, province=args.province, facilities=args.facilities, seed=args.seed, progress=progress
        )
        path = store.path
    data = {"db": str(path), **summary.__dict__}

    def render(d: dict[str, Any]) -> str:
        return (
            tr(
                "Đã tạo dữ liệu mẫu {province_name} trong {db}:\n"
                "  {facilities} cơ sở CNNT, {proposals} đề án, {acceptances} biên bản nghiệm thu, "
                "{surveys} phiếu khảo sát\n"
                "  Kinh phí khuyến công kế hoạch {plan}; đã giải ngân {paid} ({rate})",
                province_name=d["province_name"],
                db=d["db"],
                facilities=group(d["facilities"]),
                proposals=group(d["proposals"]),
                acceptances=group(d["acceptances"]),
                surveys=group(d["surveys"]),
                plan=money(d["plan_total"]),
                paid=money(d["disbursed"]),
                rate=ratio_percent(d["disbursed"], d["plan_total"]),
            )
            + "\n"
            + tr(
                "  {reports} báo cáo tiến độ ({late} nộp muộn), {evaluations} phiếu đánh giá sau hỗ trợ",
                reports=group(d["progress_reports"]),
                late=group(d["late_reports"]),
                evaluations=group(d["evaluations"]),
            )
        )

    emit(args, data, render)
    return 0
