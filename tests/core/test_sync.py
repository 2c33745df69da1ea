"""Exchange packages between a county and two township offices, in every order, with a
conflict, a deletion, a duplicate, a replay, and damaged, foreign and overreaching packages."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import uuid
from pathlib import Path

import pytest

from pairing_desktop.core import auth, history
from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import RefusedError
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.profile import office_of, set_profile
from pairing_desktop.core.sync import conflicts, package
from pairing_desktop.core.sync.package import PackageError
from tests.core.sync_offices import OFFICE, offices, township
from tests.helpers import dump, save

ZP, XR = "中坪镇", "新仁乡"
CONTENT = ("township", "village", "household", "unit", "cadre", "rank", "setting")


pytestmark = pytest.mark.both_backends  # the county on a file, or on a PostgreSQL server


@pytest.fixture
def net(request, backend, tmp_path, ledger_template):
    """The three offices; on the server backend the county's ledger is on the server (an office
    with a network) and the townships keep their files."""
    county_at = request.getfixturevalue("pg_url") if backend == "postgresql" else None
    made = offices(ledger_template, tmp_path, county_at)
    yield made
    made.close()


def records(ledger, tables=CONTENT) -> dict[str, list[tuple]]:
    """What a clerk sees of the shared records (not the bookkeeping columns)."""
    cols = {"township": "id, name, deleted_at", "village": "id, township_id, name, deleted_at",
            "household": "id, village_id, head_name, members, phone, deleted_at",
            "unit": "id, name, deleted_at", "cadre": "id, name, unit_id, deleted_at",
            "rank": "id, name, quota", "setting": "key, value"}
    return {t: [tuple(map(plain, row)) for row in ledger.execute(
        f"SELECT {cols[t]} FROM {t}" + (" WHERE key = 'duty_rules'" if t == "setting" else "")
        + " ORDER BY 1")] for t in tables}


def plain(value):
    """A value as a file stores it (a server gives ids and times as objects)."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime):
        return str(value)
    return value


def village_with_household(ledger, town: str, name: str, head: str):
    village = save(ledger, "village", None, {"township": township(ledger, town), "name": name})
    return village, save(ledger, "household", None, {"village": village, "head_name": head,
                                                      "members": 3})


def test_the_county_lists_come_down_to_each_township(net):
    for town in net.towns.values():
        assert records(town, ("township", "unit", "cadre", "rank")) == \
            records(net.county, ("township", "unit", "cadre", "rank"))
    # the seeded ranks share their ids, so the first package merged them instead of colliding
    assert len(net.towns[ZP].execute("SELECT * FROM rank")) == 4


@pytest.mark.sqlite_only  # copies the county's file
def test_township_records_reach_the_county_in_either_order(net, tmp_path, ledger_template):
    village_with_household(net.towns[ZP], ZP, "新寨村", "李四")
    village_with_household(net.towns[XR], XR, "沙坝村", "王五")
    up = {ZP: net.send(net.towns[ZP], OFFICE), XR: net.send(net.towns[XR], OFFICE)}
    seen = []
    for n, order in enumerate(itertools.permutations((ZP, XR))):
        copy = tmp_path / f"county{n}.db"
        net.county.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copyfile(net.county.path, copy)
        with open_ledger(copy, lock=False) as county:
            auth.auto_login(county)
            for town in order:
                result = ops.import_package(county, up[town]).result
                assert (result.created, result.conflicts) == (2, 0)
            seen.append(records(county))
    assert seen[0] == seen[1]
    assert sorted(r[2] for r in seen[0]["household"]) == sorted(["李四", "王五"])


def test_a_change_on_both_sides_is_a_conflict_kept_until_chosen(net):
    zp, county = net.towns[ZP], net.county
    _village, household = village_with_household(zp, ZP, "新寨村", "李四")
    ops.import_package(county, net.send(zp, OFFICE))
    save(county, "household", household, {"members": 5, "phone": "13885712345"})
    save(zp, "household", household, {"members": 4})

    merged = ops.import_package(county, net.send(zp, OFFICE))
    assert merged.result.conflicts == 1
    assert county.execute("SELECT members FROM household")[0][0] == 5  # not overwritten
    (waiting,) = conflicts.pending(county)
    assert (waiting.kind_label, waiting.title, waiting.office) == ("贫困户", "李四", ZP)
    assert [(f.label, f.ours, f.theirs) for f in waiting.differing] == [
        ("电话", "13885712345", ""), ("家庭人口", "5", "4")]
    assert waiting.fields[0].ours == waiting.fields[0].theirs == "新寨村"  # a reference by name

    ops.resolve_conflict(county, waiting.id, conflicts.THEIRS)
    assert county.execute("SELECT members, phone FROM household")[0] == (4, None)
    assert conflicts.pending(county) == []
    entry = history.entries(county, history.HistoryFilter(kind="sync_conflict"), limit=1)[0]
    assert entry.fields["resolution"][1] == f"采用{ZP}的版本"
    assert entry.operator == "admin"
    with pytest.raises(RefusedError, match="已经处理过"):
        ops.resolve_conflict(county, waiting.id, conflicts.OURS)

    # the choice wins at the township too, and the conflict does not come back either way
    assert ops.import_package(zp, net.send(county, ZP)).result.conflicts == 0
    assert zp.execute("SELECT members FROM household")[0][0] == 4
    assert ops.import_package(county, net.send(zp, OFFICE)).result.conflicts == 0
    assert records(zp, ("household",)) == records(county, ("household",))


def test_keeping_our_version_reaches_the_other_office(net):
    zp, county = net.towns[ZP], net.county
    _village, household = village_with_household(zp, ZP, "新寨村", "李四")
    ops.import_package(county, net.send(zp, OFFICE))
    save(county, "household", household, {"members": 5})
    save(zp, "household", household, {"members": 4})
    ops.import_package(county, net.send(zp, OFFICE))
    ops.resolve_conflict(county, conflicts.pending(county)[0].id, conflicts.OURS)
    assert ops.import_package(zp, net.send(county, ZP)).result.updated == 1
    assert zp.execute("SELECT members FROM household")[0][0] == 5


def test_a_deletion_travels_as_a_tombstone(net):
    zp, county = net.towns[ZP], net.county
    _village, household = village_with_household(zp, ZP, "新寨村", "李四")
    ops.import_package(county, net.send(zp, OFFICE))
    ops.delete(zp, "household", household)
    assert ops.import_package(county, net.send(zp, OFFICE)).result.updated >= 1
    assert county.execute("SELECT deleted_at IS NOT NULL FROM household")[0][0] == 1
    # a unit the county deletes goes from every township's list
    unit = save(county, "unit", None, {"name": "县水务局", "level": "县直"})
    ops.import_package(zp, net.send(county, ZP))
    ops.delete(county, "unit", unit)
    ops.import_package(zp, net.send(county, ZP))
    assert zp.execute("SELECT deleted_at IS NOT NULL FROM unit WHERE name = '县水务局'") == [(1,)]


def test_a_duplicate_a_replay_and_an_older_package_change_nothing(net):
    zp, county = net.towns[ZP], net.county
    _village, household = village_with_household(zp, ZP, "新寨村", "李四")
    first = net.send(zp, OFFICE)
    save(zp, "household", household, {"members": 6})
    second = net.send(zp, OFFICE)
    ops.import_package(county, second)  # the newer one first: it holds all of the first
    before = dump(county)
    with pytest.raises(PackageError, match="已经导入过"):
        ops.import_package(county, second)
    with pytest.raises(PackageError, match="比已导入的第 2 号旧"):
        ops.import_package(county, first)
    assert dump(county) == before
    assert county.execute("SELECT members FROM household")[0][0] == 6


def test_a_lost_package_is_made_good_by_the_next(net):
    """Packages hold everything since the last one the other office said it merged."""
    zp, county = net.towns[ZP], net.county
    village_with_household(zp, ZP, "新寨村", "李四")
    net.send(zp, OFFICE)  # lost on the way
    village_with_household(zp, ZP, "沙坝村", "王五")
    assert ops.import_package(county, net.send(zp, OFFICE)).result.created == 4


def test_damaged_truncated_and_foreign_packages_are_refused_whole(net, tmp_path):
    zp, xr, county = net.towns[ZP], net.towns[XR], net.county
    village_with_household(zp, ZP, "新寨村", "李四")
    good = net.send(zp, OFFICE)
    blob = good.read_bytes()
    before = dump(county)

    flipped = tmp_path / "flipped.pdx"
    flipped.write_bytes(blob[:60] + bytes([blob[60] ^ 0x40]) + blob[61:])
    cut = tmp_path / "cut.pdx"
    cut.write_bytes(blob[:-10])
    for bad, message in ((flipped, "已损坏或被改动"), (cut, "已损坏或被改动")):
        with pytest.raises(PackageError, match=message):
            ops.import_package(county, bad)
    with pytest.raises(PackageError, match="不是本程序的交换包"):
        ops.import_package(county, zp.path)  # a ledger file
    with pytest.raises(PackageError, match=f"是“{ZP}”发给“{OFFICE}”的，本台账是“{XR}”"):
        ops.import_package(xr, good)
    assert dump(county) == before
    # a package of another county, well formed, checksummed, refused by its address
    pkg = package.read(good)
    foreign = tmp_path / "foreign.pdx"
    foreign.write_bytes(package.encode({**pkg.header, "county": "大方县"}, pkg.body))
    with pytest.raises(PackageError, match="属于“大方县”"):
        ops.import_package(county, foreign)
    assert dump(county) == before


def test_a_township_cannot_change_another_township_or_the_county_lists(net, tmp_path):
    zp, xr, county = net.towns[ZP], net.towns[XR], net.county
    # the township ledger's own administrator may type anything locally...
    save(xr, "village", None, {"township": township(xr, ZP), "name": "越界村"})
    before = dump(county)
    with pytest.raises(PackageError, match=f"其他乡镇.*只能修改本乡镇（{XR}）"):
        ops.import_package(county, net.send(xr, OFFICE))
    # ...and a package carrying county data is refused whole
    pkg = package.read(net.send(zp, OFFICE))
    unit = map(plain, county.execute("SELECT id, created_at, updated_at FROM unit")[0])
    body = {**pkg.body, "kinds": {"unit": {"columns": ["id", "created_at", "updated_at",
            "deleted_at", "name", "level", "kind", "party_org", "head", "head_title", "contact",
            "contact_phone"], "rows": [[*unit, None, "改名局", "县直", "党政机关", None, None,
                                        None, None, None, {ZP: 99}]]}}}
    forged = tmp_path / "forged.pdx"
    forged.write_bytes(package.encode({**pkg.header, "count": 1, "seq": 9}, body))
    with pytest.raises(PackageError, match="县级数据（帮扶单位）"):
        ops.import_package(county, forged)
    assert dump(county) == before


def test_a_township_made_in_a_township_ledger_is_named_as_the_mistake(net):
    """A township typed in a township's ledger has an id the county does not know: its
    villages are refused as belonging to a township the county lacks, saying what to do."""
    zp = net.towns[ZP]
    own = save(zp, "township", None, {"name": "石门乡"})
    save(zp, "village", None, {"township": own, "name": "石门村"})
    before = dump(net.county)
    with pytest.raises(PackageError, match=r"村记录属于本台账没有的乡镇.*应来自县里下发的交换包"):
        ops.import_package(net.county, net.send(zp, OFFICE))
    assert dump(net.county) == before


def test_roles_decide_who_merges(net):
    zp = net.towns[ZP]
    ops.create_operator(zp, "reader", "secret123", auth.VIEWER)
    path = net.send(net.county, ZP)
    auth.login(zp, "reader", "secret123")
    with pytest.raises(RefusedError, match="“只读”账户不能导入交换包"):
        ops.import_package(zp, path)
    with pytest.raises(RefusedError, match="“只读”账户不能生成交换包"):
        ops.export_package(zp, OFFICE, net.folder / "x.pdx")
    assert not (net.folder / "x.pdx").exists()


def test_export_is_addressed_and_recorded(net):
    zp = net.towns[ZP]
    with pytest.raises(Exception, match="只向“县委组织部”报送"):
        ops.export_package(zp, XR, net.folder / "x.pdx")
    with pytest.raises(Exception, match=r"应以 \.pdx 结尾"):
        ops.export_package(zp, OFFICE, net.folder / "x.zip")
    made = ops.export_package(zp, OFFICE, net.folder / "up.pdx")
    entry = history.entries(zp, history.HistoryFilter(kind="package"), limit=1)[0]
    assert entry.fields["seq"][1] == made.seq == 1
    header = package.read(net.folder / "up.pdx").header
    assert (header["from"], header["to"], header["county"], header["township"]) == \
        (ZP, OFFICE, "黔西县", ZP)
    assert header["ack"] == 1  # it merged the county's first package


def test_settings_and_quotas_come_down(net):
    county, zp = net.county, net.towns[ZP]
    rank = county.execute("SELECT id FROM rank WHERE name = '县级'")[0][0]
    save(county, "rank", rank, {"quota": 5})
    ops.set_setting(county, "duty_rules", {"research": {"every_months": 2}}, "修改帮扶职责规则")
    ops.import_package(zp, net.send(county, ZP))
    assert zp.execute("SELECT quota FROM rank WHERE name = '县级'") == [(5,)]
    assert records(zp, ("setting",)) == records(county, ("setting",))


def test_profile_names_the_office_it_reports_to(ledger):
    set_profile(ledger, "黔西县", "中坪镇", reports_to="县委组织部")
    me = office_of(ledger)
    assert (me.name, me.reports_to, me.township, me.is_county) == \
        ("中坪镇", "县委组织部", "中坪镇", False)
    set_profile(ledger, "黔西县", "县委组织部")
    assert office_of(ledger).is_county


def test_a_package_is_small(net):
    zp = net.towns[ZP]
    for n in range(200):
        village_with_household(zp, ZP, f"村{n}", f"户主{n}")
    path = net.send(zp, OFFICE)
    assert path.stat().st_size < 40_000  # 400 records
    assert ops.import_package(net.county, path).result.created == 400


def test_no_file_is_written_by_an_import(net):
    zp = net.towns[ZP]
    village_with_household(zp, ZP, "新寨村", "李四")
    path = net.send(zp, OFFICE)
    before = sorted(Path(net.folder).iterdir())
    ops.import_package(net.county, path)
    after = {p for p in Path(net.folder).iterdir() if not p.name.endswith(("-wal", "-shm"))}
    assert after <= set(before)


def test_a_conflict_seen_at_both_offices_is_settled_once(net):
    """Packages crossing on the way: each office finds the conflict; the county's choice,
    sent down, settles the township's waiting one too."""
    zp, county = net.towns[ZP], net.county
    _village, household = village_with_household(zp, ZP, "新寨村", "李四")
    ops.import_package(county, net.send(zp, OFFICE))
    save(county, "household", household, {"members": 5})
    save(zp, "household", household, {"members": 4})
    down, up = net.send(county, ZP), net.send(zp, OFFICE)
    assert ops.import_package(zp, down).result.conflicts == 1
    assert ops.import_package(county, up).result.conflicts == 1
    ops.resolve_conflict(county, conflicts.pending(county)[0].id, conflicts.THEIRS)
    assert ops.import_package(zp, net.send(county, ZP)).result.conflicts == 0
    assert conflicts.pending(zp) == []
    assert zp.execute("SELECT members FROM household") == [(4,)]
    assert ops.import_package(county, net.send(zp, OFFICE)).result.conflicts == 0
    assert records(zp, ("household",)) == records(county, ("household",))
