"""A county and two township offices, each with its own ledger file, for the exchange tests."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from pairing_desktop.core import auth
from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.profile import set_profile
from pairing_desktop.core.storage.ledger import Ledger
from tests.helpers import save

COUNTY, OFFICE = "黔西县", "县委组织部"
TOWNS = ("中坪镇", "新仁乡")


@dataclass
class Offices:
    folder: Path
    county: Ledger
    towns: dict[str, Ledger]
    seq: int = 0

    def send(self, sender: Ledger, to: str) -> Path:
        """A package from `sender` to office `to`, in a file of its own."""
        self.seq += 1
        out = self.folder / f"p{self.seq}.pdx"
        ops.export_package(sender, to, out)
        return out

    def close(self) -> None:
        for ledger in (self.county, *self.towns.values()):
            ledger.close()


def open_office(template: Path, path: Path | str, office: str, reports_to: str | None) -> Ledger:
    """The office's ledger: a copy of the template file, or a server database (an address)
    that already holds the template's ledger."""
    if isinstance(path, Path):
        shutil.copyfile(template, path)
    ledger = open_ledger(path)
    assert auth.auto_login(ledger) is not None
    set_profile(ledger, COUNTY, office, reports_to=reports_to)
    return ledger


def offices(template: Path, folder: Path, county_at: str | None = None) -> Offices:
    """The county with both townships, a unit and a cadre, and each township office holding
    what the county sent it. `county_at`: the county's ledger on a server instead of a file."""
    county = open_office(template, county_at or folder / "county.db", OFFICE, None)
    for name in TOWNS:
        save(county, "township", None, {"name": name})
    unit = save(county, "unit", None, {"name": "县财政局", "level": "县直"})
    rank = county.execute("SELECT id FROM rank WHERE name = '科局级'")[0][0]
    save(county, "cadre", None, {"unit": unit, "name": "张伟", "rank": rank})
    towns = {name: open_office(template, folder / f"{name}.db", name, OFFICE) for name in TOWNS}
    made = Offices(folder, county, towns)
    for name, ledger in towns.items():
        ops.import_package(ledger, made.send(county, name))
    return made


def township(ledger: Ledger, name: str) -> str:
    return ledger.execute("SELECT id FROM township WHERE name = ?", (name,))[0][0]
