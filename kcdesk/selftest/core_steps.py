"""Self-test steps for the headless core: database, migrations, records, search, PDF, backups.

Each step works in its own folder and returns a short detail line, or raises. They check
what a broken bundle gets wrong: migration scripts missing from disk, reference data or
fonts left out, a sqlite3 without FTS5.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kcdesk.db import sqlfile
from kcdesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from kcdesk.db.store import Store, current_revision
from kcdesk.i18n import tr

PROVINCE = "48"  # Thành phố Đà Nẵng
WARD = "20194"  # a commune of Đà Nẵng in the shipped unit list
FACILITY_NAME = "Cơ sở mây tre đan Đức Thắng"


class SelfTestFailure(AssertionError):
    pass


def check(condition: bool, message: str, **params: Any) -> None:
    if not condition:
        raise SelfTestFailure(tr(message, **params))


def new_store(path: Path) -> Store:
    """A new, initialised database for Đà Nẵng (created and migrated like a first start)."""
    from kcdesk.services.setup import initialize

    store = Store.open(path, create=True)
    store.write(lambda s: initialize(s, province_code=PROVINCE, user_full_name="Tự kiểm tra", role="centre_leader"))
    store.reload_identity()
    return store


def add_facility(store: Store, name: str = FACILITY_NAME) -> str:
    from kcdesk.services.facilities import create_facility

    values = {
        "name": name,
        "facility_type": "hkd",
        "province_code": PROVINCE,
        "ward_code": WARD,
        "representative": "Nguyễn Thị Hằng",
        "main_product": "Giỏ mây xuất khẩu",
    }
    return store.write(lambda s: create_facility(s, values))


def create_database(folder: Path) -> str:
    path = folder / "kcdesk.db"
    with new_store(path) as store:
        revision = current_revision(store.path)
        with store.engine.connect() as conn:
            provinces = conn.exec_driver_sql(
                "SELECT count(*) FROM admin_unit WHERE level = 'province' AND valid_to IS NULL"
            ).scalar_one()
            fts5 = conn.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar_one()
            version = conn.exec_driver_sql("SELECT sqlite_version()").scalar_one()  # SQLCipher's when encrypted
    check(revision == HEAD_REVISION, "Lược đồ là {revision}, cần {head}.", revision=revision, head=HEAD_REVISION)
    check(provinces > 0, "Danh mục đơn vị hành chính trống.")
    return tr(
        "lược đồ {revision}, {n} tỉnh/thành, SQLite {version}{fts}",
        revision=revision,
        n=provinces,
        version=version,
        fts=" + FTS5" if fts5 else "",
    )


def upgrade_first_schema(folder: Path) -> str:
    """A database made by the first migration, holding a facility, opens migrated to head
    with the row intact and a backup of the old file beside it."""
    from alembic import command

    from kcdesk.db.alembic_config import alembic_config
    from kcdesk.db.engine import make_engine

    path = folder / "cu.db"
    engine = make_engine(path)
    cfg = alembic_config()
    with engine.connect() as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, KNOWN_REVISIONS[0])
    engine.dispose()
    raw = sqlfile.connect(path, sqlfile.key_for(path))  # plain as made above, but never assumed
    with raw:
        raw.execute(
            "INSERT INTO facility (id, name, facility_type, province_code, tax_code) "
            "VALUES ('selftest-1', ?, 'hkd', ?, '0401999888')",
            (FACILITY_NAME, PROVINCE),
        )
    raw.close()
    with Store.open(path) as store, store.engine.connect() as c:
        names = [r[0] for r in c.exec_driver_sql("SELECT name FROM facility")]
        revision = c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
    backups = sorted((folder / "cu-backups").glob(f"cu-*-truoc-nang-cap-{KNOWN_REVISIONS[0]}.db"))
    check(revision == HEAD_REVISION, "Lược đồ là {revision}, cần {head}.", revision=revision, head=HEAD_REVISION)
    check(names == [FACILITY_NAME], "Dữ liệu sau nâng cấp không khớp: {names}", names=names)
    check(len(backups) == 1, "Không thấy bản sao lưu trước nâng cấp trong {folder}.", folder=folder / "cu-backups")
    return tr(
        "{first} → {head}, dữ liệu còn nguyên, sao lưu {backup}",
        first=KNOWN_REVISIONS[0],
        head=HEAD_REVISION,
        backup=backups[0].name,
    )


def write_and_search(folder: Path) -> str:
    from kcdesk.services.facilities import update_facility
    from kcdesk.services.search import search

    with new_store(folder / "kcdesk.db") as store:
        first = add_facility(store)
        add_facility(store, "Hợp tác xã gốm Thanh Hà")
        store.write(lambda s: update_facility(s, first, {"phone": "0905 123 456"}))
        with store.read() as s:
            # Typed without diacritics and without đ, as people search.
            hits = search(s, "may tre duc thang", kinds=("facility",))
            folded = search(s, "gom thanh ha", kinds=("facility",))
    check([h.id for h in hits][:1] == [first], "Tìm 'may tre duc thang' không ra cơ sở vừa ghi.")
    check(len(folded) == 1, "Tìm 'gom thanh ha' ra {n} kết quả, cần 1.", n=len(folded))
    return tr("2 cơ sở ghi, 1 lần sửa; tìm không dấu ra đúng bản ghi")


def render_pdf(folder: Path) -> str:
    from kcdesk.reports import fonts
    from kcdesk.reports.agency import agency_for
    from kcdesk.reports.facility_profile import write_facility_pdf
    from kcdesk.reports.records import find_facility

    with new_store(folder / "kcdesk.db") as store:
        fid = add_facility(store)
        out = folder / "phieu-co-so.pdf"
        with store.read() as s:
            write_facility_pdf(s, find_facility(s, fid), agency_for(s, PROVINCE), out)
    family = fonts.register()
    # The serif that ships with kcdesk must work even where the system has none.
    bundled = fonts.find_family("Crimson Text")
    head = out.read_bytes()[:5]
    check(head == b"%PDF-", "Tệp PDF không hợp lệ.")
    check(out.stat().st_size > 2000, "Tệp PDF quá nhỏ ({size} byte).", size=out.stat().st_size)
    return tr(
        "{size} KB, phông {family}; phông đi kèm {bundled} đủ dấu tiếng Việt",
        size=out.stat().st_size // 1024,
        family=family.name,
        bundled=bundled.name,
    )


def backup_and_restore(folder: Path) -> str:
    from kcdesk.db import maintenance
    from kcdesk.db.daily_backup import daily_backup

    path = folder / "kcdesk.db"
    with new_store(path) as store:
        add_facility(store)
    made = daily_backup(path)
    again = daily_backup(path)
    if made is None or not made.is_file():
        raise SelfTestFailure(tr("Không tạo được bản sao lưu hằng ngày."))
    check(again is None, "Sao lưu hằng ngày chạy hai lần trong một ngày.")
    with Store.open(path) as store:
        add_facility(store, "Cơ sở ghi sau khi sao lưu")
    safety = maintenance.restore(path, made)
    with Store.open(path) as store, store.engine.connect() as c:
        count = c.exec_driver_sql("SELECT count(*) FROM facility").scalar_one()
    check(count == 1, "Sau khi khôi phục có {n} cơ sở, cần 1.", n=count)
    check(safety.is_file(), "Thiếu bản sao lưu trước khi khôi phục.")
    report = maintenance.check(path)
    check(report.ok, "Kiểm tra toàn vẹn sau khôi phục không đạt.")
    return tr("sao lưu {backup}, khôi phục và kiểm tra toàn vẹn đạt", backup=made.name)


def sign_in_with_a_password(folder: Path) -> str:
    """The password hashing library is in the build (argon2-cffi and its compiled part),
    and a database with an account refuses writes until the person signs in."""
    from kcdesk.errors import SignInError
    from kcdesk.services import sign_in

    path = folder / "dang-nhap.db"
    with new_store(path) as store:
        sign_in.set_first_password(store, "tu-kiem-tra-2026")
    with Store.open(path) as store:
        try:
            add_facility(store)
            refused = False
        except SignInError:
            refused = True
        check(refused, "Ghi được dữ liệu khi chưa đăng nhập.")
        signed = sign_in.sign_in(store, "canbo", "tu-kiem-tra-2026")
        add_facility(store)
    return tr("tài khoản {login}, mật khẩu băm argon2id", login=signed.user.username)
