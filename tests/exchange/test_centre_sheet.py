"""A centre's own facility sheet imports: local words for sectors and types are matched when
they name one catalogue entry (and the outcome says so), refused with the candidates when
not; units from before 1 July 2025 are mapped to what they became when that is certain,
the address as written kept."""

import centre_sheet as cs
import sheets as x
from sqlalchemy import func, select

from kcdesk.db.models import Facility, OutboxEntry
from kcdesk.exchange.facility_import import import_facilities
from kcdesk.exchange.unit_successors import successors

HOI_AN_TAY = "20401"  # Phường Hội An Tây, Thành phố Đà Nẵng (code kept from Phường Tân An)
TAM_KY = "20341"
HAI_CHAU = "20242"
HUNG_SON = "20443"  # Xã Hùng Sơn, from Xã Ch'ơm, Ga Ri, A Xan (whose code it kept), Tr'Hy of Huyện Tây Giang


def _facilities(store) -> dict[str, Facility]:
    with store.read() as s:
        return {f.name: f for f in s.scalars(select(Facility))}


def _count(store) -> tuple[int, int]:
    with store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Facility)),
            s.scalar(select(func.count()).select_from(OutboxEntry)),
        )


def test_every_good_row_of_a_centre_sheet_imports(store, tmp_path):
    outcome = import_facilities(store, cs.write(tmp_path / "ds.xlsx", cs.GOOD))
    assert outcome.problems == [] and not outcome.refused
    assert outcome.imported == len(cs.GOOD) == 6
    assert "STT" in outcome.ignored_columns  # the office's running number is not a field
    got = _facilities(store)

    mtd = got["Cơ sở Mây tre đan Thanh Hà"]
    assert (mtd.facility_type, mtd.sector_code) == ("hkd", "E")
    assert (mtd.province_code, mtd.ward_code) == ("48", HOI_AN_TAY)
    assert mtd.legacy_address == "Tổ 5, Phường Tân An, TP Hội An, Tỉnh Quảng Nam"  # as written
    assert (mtd.legacy_province_code, mtd.legacy_ward_code) == ("49", "20401")
    assert mtd.legacy_district_code == "503"  # Thành phố Hội An
    assert mtd.revenue_prev_year == 850_000_000

    moc = got["Cơ sở Mộc mỹ nghệ An Mỹ"]
    assert (moc.sector_code, moc.ward_code, moc.province_code) == ("E", TAM_KY, "48")

    split = got["Cơ sở Chế biến nông sản Hòa Liên"]  # divided between two wards: a person chooses
    assert split.sector_code == "A" and split.province_code == "48" and split.ward_code is None
    assert split.legacy_ward_code == "20296" and split.legacy_address.startswith("Thôn Quan Nam, Xã Hòa Liên")

    assert got["HTX Cơ khí Hải Châu"].ward_code == HAI_CHAU and got["HTX Cơ khí Hải Châu"].legacy_address is None
    gach = got["Công ty TNHH Gạch ngói Thạch Thang"]
    assert (gach.facility_type, gach.sector_code, gach.ward_code) == ("dn_nho", "C", HAI_CHAU)
    assert gach.legacy_ward_code == "20233"  # Phường Thạch Thang
    tc = got["Tổ hợp tác Dệt thổ cẩm Ga Ri"]
    assert (tc.facility_type, tc.sector_code, tc.ward_code) == ("tht", "E", HUNG_SON)
    assert _count(store)[1] >= 6  # captured for sync like any other insert


def test_the_outcome_says_how_each_local_word_and_old_unit_was_read(store, tmp_path):
    outcome = import_facilities(store, cs.write(tmp_path / "ds.xlsx", cs.GOOD), dry_run=True)
    first = cs.FIRST_DATA_ROW
    notes = {(n.row, n.column): n.message.text("vi") for n in outcome.notes}
    assert notes[(first, "Ngành nghề")] == (
        "'Mây tre đan' được hiểu là ngành nghề 'E - Sản xuất sản phẩm, hàng thủ công mỹ nghệ'."
    )
    assert notes[(first, "Loại hình")] == "'Hộ KD' được hiểu là loại hình 'Hộ kinh doanh'."
    assert notes[(first, "Tỉnh")].startswith(
        "'Tỉnh Quảng Nam' là tỉnh/thành phố trước 01/7/2025, nay là Thành phố Đà Nẵng"
    )
    assert "đã nhập toàn bộ vào Phường Hội An Tây, Thành phố Đà Nẵng" in notes[(first, "Xã/Phường")]
    assert "đã được chia vào: Phường Hải Vân; Phường Liên Chiểu" in notes[(first + 2, "Xã/Phường")]
    assert notes[(first + 3, "Ngành nghề")].startswith("'Cơ khí' được hiểu là ngành nghề 'D - Cơ khí")
    assert (first + 3, "Loại hình") not in notes  # "HTX" is the catalogue's own code: nothing to say
    assert _count(store) == (0, 0)  # a dry run writes nothing


def test_unclear_words_are_refused_with_the_candidates_and_nothing_is_written(store, tmp_path):
    outcome = import_facilities(store, cs.write(tmp_path / "ds.xlsx", cs.GOOD + cs.BAD))
    assert outcome.refused and outcome.imported == 0 and _count(store) == (0, 0)
    bad = cs.FIRST_DATA_ROW + len(cs.GOOD)
    problems = {(p.row, p.column): p.message.text("vi") for p in outcome.problems}
    assert set(problems) == {
        (bad, "Ngành nghề"),
        (bad + 1, "Loại hình"),
        (bad + 2, "Xã/Phường"),
        (bad + 3, "Ngành nghề"),
    }
    assert problems[(bad, "Ngành nghề")] == (
        "Ngành nghề 'Đồ gỗ' chưa rõ, có thể là: B - Sản xuất hàng tiêu dùng, hàng xuất khẩu, hàng thay thế hàng "
        "nhập khẩu; E - Sản xuất sản phẩm, hàng thủ công mỹ nghệ. Hãy ghi đúng tên hoặc mã trong danh mục."
    )
    assert problems[(bad + 1, "Loại hình")].startswith("Loại hình 'Cty TNHH' chưa rõ, có thể là: ")
    for size in ("Doanh nghiệp siêu nhỏ", "Doanh nghiệp nhỏ", "Doanh nghiệp vừa"):
        assert size in problems[(bad + 1, "Loại hình")]
    assert "Xã Không Có" in problems[(bad + 2, "Xã/Phường")]
    assert problems[(bad + 3, "Ngành nghề")].startswith(
        "Ngành nghề 'Dịch vụ vận tải' không có trong danh mục; gần nhất là: "
    )
    # the good rows are the valid ones, and --skip-invalid imports exactly them
    assert outcome.valid_rows == len(cs.GOOD)
    skipped = import_facilities(store, cs.write(tmp_path / "ds2.xlsx", cs.GOOD + cs.BAD), skip_invalid=True)
    assert skipped.imported == len(cs.GOOD) and set(_facilities(store)) == {r[0] for r in cs.GOOD}


def test_an_old_commune_name_shared_in_its_province_needs_the_district(store, tmp_path):
    rows = [
        x.good_row(1, ward="Xã Nam Sơn", province="Tỉnh Nghệ An"),  # Quỳ Hợp and Đô Lương both had one
        x.good_row(2, ward="Xã Nam Sơn", province="Tỉnh Nghệ An"),
    ]
    path = x.workbook(tmp_path / "na.xlsx", rows, headers=[*x.HEADERS[:7], "Tỉnh/Thành phố", *x.HEADERS[8:]])
    outcome = import_facilities(store, path)
    assert outcome.imported == 2 and not outcome.problems
    notes = [n.message.text("vi") for n in outcome.notes if n.column == "Xã/Phường/Đặc khu"]
    assert "trước 01/7/2025 có 2 xã/phường cùng tên" in notes[0] and "Huyện Đô Lương" in notes[0]
    assert {f.ward_code for f in _facilities(store).values()} == {None}

    # With the old district the commune is certain, and so is what it became.
    with_district = [*x.HEADERS, "Quận/Huyện (trước 01/7/2025)"]
    path = x.workbook(
        tmp_path / "na2.xlsx",
        [[*x.good_row(3, ward="Xã Nam Sơn", province="Tỉnh Nghệ An"), "Huyện Đô Lương"]],
        headers=with_district,
    )
    outcome = import_facilities(store, path)
    assert outcome.imported == 1
    f = _facilities(store)["Cơ sở Mộc mỹ nghệ số 3"]
    assert f.legacy_ward_code == "17656" and f.ward_code == successors().communes["17656"]
    assert f.province_code == "40"


def test_a_district_that_contradicts_the_commune_is_refused(store, tmp_path):
    with_district = [*x.HEADERS, "Huyện"]
    path = x.workbook(
        tmp_path / "x.xlsx",
        [[*x.good_row(1, ward="Phường Thạch Thang", province="Đà Nẵng"), "Huyện Hòa Vang"]],
        headers=with_district,
    )
    outcome = import_facilities(store, path)
    assert outcome.refused and _count(store) == (0, 0)
    [problem] = outcome.problems
    assert (problem.row, problem.column) == (2, "Xã/Phường/Đặc khu")
    assert "không thuộc 'Huyện Hòa Vang'" in problem.message.text("vi")


def test_every_old_province_maps_to_a_current_one():
    succ = successors()
    assert len(succ.provinces) == 63 and len(set(succ.provinces.values())) == 34
    assert succ.provinces["49"] == "48"  # Quảng Nam into Đà Nẵng
    assert succ.provinces["77"] == "79"  # Bà Rịa - Vũng Tàu into Hồ Chí Minh
