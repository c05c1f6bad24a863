#!/usr/bin/env python3
"""Screenshots of the main screens on demo data, for docs/screenshots/ and the README.

Run under a real X server:

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots.py

It builds a 2,000-facility demo province in a temporary folder (settings and logs too), opens
the real window at 1366x768 and saves one PNG per screen. Nothing here touches the user's data.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
HOME = Path(tempfile.mkdtemp(prefix="kcdesk-shots-"))
os.environ["KCDESK_HOME"] = str(HOME)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--lang", default="vi", choices=("vi", "en"))
    args = parser.parse_args()
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, QTimer
    from sqlalchemy import select

    from kcdesk.db.models import Acceptance, Facility, Proposal
    from kcdesk.db.store import Store
    from kcdesk.demo.build import build_demo
    from kcdesk.ui.app import build_main_window, prepare_application
    from kcdesk.ui.errors import install_excepthook
    from kcdesk.ui.settings import Settings
    from tests.ui.photos import photo_with_gps

    install_excepthook()
    settings = Settings(HOME / "settings.ini")
    app, _translators = prepare_application(settings, args.lang)
    db = HOME / "demo.db"
    store = Store.open(db, create=True)
    build_demo(store, facilities=2000, seed=1)

    def settle(ms: int = 700) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait(predicate, ms: int = 15_000) -> None:  # type: ignore[no-untyped-def]
        waited = 0
        while not predicate() and waited < ms:
            settle(50)
            waited += 50
        settle(300)

    shots: list[Path] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        widget.repaint()
        app.processEvents()
        path = args.out / f"{name}.png"
        widget.grab().save(str(path), "PNG")
        _compress(path)
        shots.append(path)
        print(f"{path}  {path.stat().st_size // 1024} KB")

    window = build_main_window(store, settings, args.lang)
    window.resize(1366, 768)
    window.move(0, 0)
    window.show()
    runner = window.ctx.runner
    page = window.page("facilities")
    wait(lambda: not page.model.loading and bool(window.sync_status.facts))
    save(window, "01-register")
    with store.read() as s:
        fid = s.execute(
            select(Facility.id)
            .where(Facility.legacy_address.is_not(None), Facility.email.is_not(None))
            .order_by(Facility.name)
            .limit(1)
        ).scalar_one()
        in_progress = s.execute(
            select(Proposal.id).where(Proposal.status == "in_progress").order_by(Proposal.code).limit(1)
        ).scalar_one()
        acceptance = s.execute(
            select(Acceptance.id)
            .where(Acceptance.signed_at.is_not(None))
            .order_by(Acceptance.accepted_on.desc())
            .limit(1)
        ).scalar_one()
    search = page.search
    search.setText("may tre")
    wait(lambda: page.model.search_text == "may tre" and not page.model.loading)
    save(window, "02-register-search")
    search.clear()

    editor = window.open_facility(fid)
    editor.resize(1240, 740)
    wait(lambda: editor.form.facility_id == fid)
    # Show validation as you type: a tax code with a digit missing.
    tax = editor.fields.boxes["tax_code"].editor
    tax.setText(tax.text()[:-1])
    tax.textEdited.emit(tax.text())
    save(editor, "03-facility-editor")
    editor.form.values.update(editor.form.original)
    editor.hide()

    # Photos attached to the signed acceptance record, so the thumbnails show.
    photos = [photo_with_gps(HOME / f"nghiem-thu-{i}.jpg", 16.05 + i / 100, 108.2) for i in range(3)]
    from kcdesk.services.attachments import NewFile, add_attachments

    runner.write(
        lambda s: add_attachments(s, store.files_dir, "acceptance", acceptance, [NewFile(p, "photo") for p in photos]),
        changes={"attachment"},
    )
    wait(lambda: not runner.busy)

    proposal = window.open_proposal(in_progress)
    proposal.resize(1240, 760)
    wait(lambda: proposal.status == "in_progress")
    save(proposal, "04-proposal-editor")
    proposal.tabs.setCurrentWidget(proposal.budget)
    settle(200)
    save(proposal, "05-proposal-budget")
    proposal.hide()
    follow_up_shots(window, store, save, wait, settle)

    accept = window.open_acceptance(acceptance)
    accept.resize(1200, 740)
    wait(lambda: accept.signed)
    save(accept, "06-acceptance-signed")
    accept.tabs.setCurrentWidget(accept.attachments)
    wait(lambda: accept.attachments.list.count() == 3)
    save(accept, "07-acceptance-photos")
    accept.hide()

    # Field survey mode as a collaborator sees it: their own drafts and sent surveys.
    from kcdesk.services.users import list_users, switch_user

    with store.read() as s:
        collaborator = next(u for u in list_users(s) if u.role == "collaborator")
    runner.write(lambda s: switch_user(s, collaborator.id), window.ctx.set_user)
    wait(lambda: window.ctx.role == "collaborator")
    window.show_page("surveys")
    surveys = window.pages["surveys"]
    form = surveys.form
    wait(lambda: form.needs.count() > 0)
    form.new.setChecked(True)
    form.new_name.setText("Hộ kinh doanh mộc mỹ nghệ Lê Văn Đạt")
    form.new_representative.setText("Lê Văn Đạt")
    form.new_phone.setText("0935 222 333")
    form.ward.choose("hoa vang")
    form.photos.add_files([photo_with_gps(HOME / "xuong-moc.jpg", 16.061234, 108.221234)])
    form.read_gps_from_photos()
    form.check_need("KC3.3")
    form.check_need("KC4.4")
    wait(lambda: form.photos.list.count() == 1)
    save(window, "08-survey")

    window.show_page("due")
    due = window.pages["due"]
    wait(lambda: due.tree.topLevelItemCount() > 0)
    save(window, "09-due-list")

    window.show_page("dashboard")
    dash = window.pages["dashboard"]
    wait(lambda: dash.year.count() > 0)
    dash.year.setCurrentIndex(dash.year.findData(2025))
    wait(lambda: dash.cards["plan"].text() != "–" and not runner.busy)
    save(window, "10-dashboard")

    window.show_page("reports")
    settle(300)
    save(window, "11-reports")

    # Excel import: the dry run of a messy sheet lists every problem by row and column.
    from tests.exchange import sheets

    messy = sheets.workbook(
        HOME / "co-so-nhap.xlsx",
        [
            [
                sheets.nfd("  Cơ sở Mộc Đồng Tiến "),
                "Hộ kinh doanh",
                "0401234567",
                "Nguyễn Văn Đức",
                "0905 123 456",
                "12 Lê Duẩn",
                sheets.nfd("Phường Hải Châu"),
                "TP. Đà Nẵng",
                "E",
                25,
                "1.250.000.000",
            ],
            [],
            sheets.good_row(2, tax="0401234567"),
            sheets.good_row(3, tax="12345"),
            sheets.good_row(4, ward="Phường Không Có"),
            sheets.good_row(5, revenue="1,5 tỷ"),
            sheets.good_row(6, ward="Hải Vân", province="đà nẵng"),
        ],
        title_row="DANH SÁCH CƠ SỞ CÔNG NGHIỆP NÔNG THÔN",
    )
    dialog = window.pages["reports"].open_import("facilities")
    dialog.resize(1100, 560)
    dialog.set_file(messy)
    dialog.check()
    wait(lambda: dialog.outcome is not None)
    save(dialog, "12-import-dry-run")
    dialog.close()
    runner.shutdown()
    for e in list(window.editors):
        e.deleteLater()
    window.close()
    store.close()

    sync_shots(app, settings, args, save, wait, settle)
    print(f"{len(shots)} screenshots in {args.out}")
    return 0


def follow_up_shots(window, store, save, wait, settle) -> None:  # type: ignore[no-untyped-def]
    """The proposal after approval: the money tab (a payment added and a mistaken entry
    reversed on a demo proposal in progress), a monthly progress report being filed, and a
    post-support evaluation with photos, then the facility profile's before and after."""
    from datetime import date

    from sqlalchemy import select

    from kcdesk.db.models import Proposal, ProposalBeneficiary
    from kcdesk.services.attachments import NewFile, add_attachments
    from kcdesk.services.evaluations import save_evaluation
    from kcdesk.services.money import money_summary, record_money, reverse_money
    from tests.ui.photos import photo_with_gps

    runner = window.ctx.runner
    with store.read() as s:
        in_progress = s.execute(
            select(Proposal.id).where(Proposal.status == "in_progress").order_by(Proposal.code).limit(1)
        ).scalar_one()
        summary = money_summary(s, in_progress)
        settled, facility = s.execute(
            select(Proposal.id, ProposalBeneficiary.facility_id)
            .join(ProposalBeneficiary, ProposalBeneficiary.proposal_id == Proposal.id)
            .where(Proposal.status == "settled")
            .order_by(Proposal.plan_year.desc(), Proposal.code)
            .limit(1)
        ).one()
    today = date.today()
    kc_left = summary.totals["kc"].remaining
    payment = kc_left // 2 // 1_000_000 * 1_000_000
    # A counterpart payment typed with a zero missing, reversed, then entered right (or the same
    # on khuyến công funds when the counterpart is already spent).
    source = "doi_ung" if summary.totals["doi_ung"].remaining >= 20_000_000 else "kc"
    left = summary.totals["doi_ung"].remaining if source == "doi_ung" else kc_left - payment
    right = left // 2 // 1_000_000 * 1_000_000

    def money(s):  # type: ignore[no-untyped-def]
        record_money(s, in_progress, "thanh_toan", payment, today, document_number="UNC-2231", note="Thanh toán đợt 2")
        wrong = record_money(
            s, in_progress, "thanh_toan", right // 10, today, fund_source=source, document_number="PC-118"
        )
        reverse_money(s, wrong, today, note="Ghi nhầm số tiền (thiếu một chữ số 0)")
        record_money(s, in_progress, "thanh_toan", right, today, fund_source=source, document_number="PC-118")

    runner.write(money, changes={"disbursement"})
    photos = [photo_with_gps(HOME / f"danh-gia-{i}.jpg", 16.02 + i / 100, 108.15) for i in range(2)]
    values = {
        "facility_id": facility,
        "evaluated_on": today,
        "evaluator": "Trần Thị Mai, cán bộ kỹ thuật Trung tâm",
        "revenue_before": 1_850_000_000,
        "revenue_after": 2_420_000_000,
        "jobs_before": 14,
        "jobs_after": 19,
        "output_before": "18",
        "output_after": "26,5",
        "output_unit": "tấn/năm",
        "product_before": "Sản phẩm thô, bán cho thương lái",
        "product_after": "Sản phẩm đóng gói có nhãn, bán cho siêu thị",
        "machinery_in_use": True,
        "replicated_count": 3,
        "note": "Máy vận hành ổn định; cơ sở đã tự đầu tư thêm một dây chuyền đóng gói.",
    }

    def evaluate(s):  # type: ignore[no-untyped-def]
        eid = save_evaluation(s, None, settled, values)
        add_attachments(s, store.files_dir, "post_support_evaluation", eid, [NewFile(p, "photo") for p in photos])

    runner.write(evaluate, changes={"post_support_evaluation", "attachment"})
    wait(lambda: not runner.busy)

    editor = window.open_proposal(in_progress)
    editor.resize(1240, 760)
    wait(lambda: editor.status == "in_progress" and editor.money.summary is not None)
    editor.tabs.setCurrentWidget(editor.money)
    editor.money.ledger.setCurrentItem(editor.money.ledger.topLevelItem(editor.money.ledger.topLevelItemCount() - 1))
    settle(200)
    save(editor, "15-proposal-money")
    editor.tabs.setCurrentWidget(editor.progress)
    form = editor.progress.open_form()
    form.set_typed("completed_pct", "65")
    form.set_typed("spent", "132.500.000")
    form.set_typed("outputs", "Đã lắp đặt và chạy thử 2/3 máy; đào tạo xong 20 học viên vận hành")
    form.set_typed("issues", "Nhà cung cấp giao máy thứ ba chậm 3 tuần")
    form.set_typed("recommendations", "Đề nghị gia hạn thời gian lắp đặt máy thứ ba đến hết tháng sau")
    settle(300)
    save(form, "16-progress-report")
    form.hide()  # typed only for the picture: closing would ask whether to save it
    form.deleteLater()
    editor.hide()

    evaluated = window.open_proposal(settled)
    wait(lambda: evaluated.status == "settled" and evaluated.data.get("evaluations"))
    form = evaluated.open_evaluation(evaluated.data["evaluations"][0])
    wait(lambda: form.photos.list.count() == 2 and not runner.busy)
    save(form, "17-evaluation")
    form.close()
    evaluated.hide()

    profile = window.open_facility(values["facility_id"])
    profile.resize(1240, 740)
    wait(lambda: bool(profile.evaluations.data))
    profile.tabs.setCurrentWidget(profile.evaluations)
    settle(200)
    save(profile, "18-facility-before-after")
    profile.hide()


def sync_shots(app, settings, args, save, wait, settle) -> None:  # type: ignore[no-untyped-def]
    """The Đồng bộ page with a real conflict and a real refusal: a sync server on loopback,
    two laptops (demo data never syncs, so these are new databases), the same phone number
    changed on both, and a facility written outside the laptop's province."""
    from kcdesk.db.store import Store
    from kcdesk.services.setup import initialize
    from kcdesk.sync.service import SyncService
    from kcdesk.ui.app import build_main_window
    from tests.sync.conftest import Database, ServerProcess
    from tests.sync.helpers import add_facility, edit

    folder = HOME / "server"
    folder.mkdir()
    server = ServerProcess(Database("sqlite", folder), folder).start()
    try:
        laptops = []
        for name, username, full in (("may-a", "lan", "Nguyễn Thị Lan"), ("may-b", "hung", "Trần Văn Hùng")):
            laptop = Store.open(HOME / f"{name}.db", create=True)
            laptop.write(lambda s: initialize(s, province_code="48", role="centre_staff"))
            laptop.reload_identity()
            SyncService(laptop).enrol(server.url, server.code(username=username, full_name=full), name)
            laptops.append(laptop)
        a, b = laptops
        sa, sb = SyncService(a), SyncService(b)

        class On:  # what the sync test helpers expect: something with a store
            def __init__(self, store: Store) -> None:
                self.store = store

        fid = add_facility(
            On(a), name="Hợp tác xã Mây tre đan Hòa Vang", representative="Lê Văn Tâm", phone="0905 111 222"
        )
        add_facility(On(a), name="Cơ sở gốm Bát Tràng (nhập nhầm tỉnh)", province="01", ward="00004")
        sa.run_cycle()
        sb.run_cycle()
        edit(On(a), "facility", fid, phone="0905 333 444", representative="Lê Văn Tâm (chủ nhiệm)")
        edit(On(b), "facility", fid, phone="0236 3 555 666", representative="Lê Thị Hoa")
        sb.run_cycle()
        sa.run_cycle()
        sb.run_cycle()
        sa.run_cycle()
        b.close()
        window = build_main_window(a, settings, args.lang)
        window.resize(1366, 768)
        window.move(0, 0)
        window.show()
        window.show_page("sync")
        page = window.pages["sync"]
        wait(lambda: page.conflicts.conflicts and page.dead_letters.letters and not window.ctx.runner.busy)
        save(window, "13-sync-conflicts")
        page.tabs.setCurrentWidget(page.dead_letters)
        settle(300)
        save(window, "14-sync-refused")
        window.ctx.runner.shutdown()
        window.close()
        a.close()
    finally:
        server.close()


def _compress(path: Path) -> None:
    """Re-encode with zlib's best effort (Pillow's optimize); lossless."""
    from PIL import Image

    with Image.open(path) as img:
        img.load()
        rgb = img.convert("RGB")
    rgb.save(path, "PNG", optimize=True)


if __name__ == "__main__":
    raise SystemExit(main())
