"""Malformed files fed to the import: whatever arrives, it is refused with a message or read and
checked; it never crashes and never writes anything it has not checked whole."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.exchange.exporter import export_workbook
from pairing_desktop.core.exchange.importer import import_file
from tests.helpers import dump, save


def attempt(ledger, path) -> None:
    """An import of `path`: a refusal is a PairingError with a message; an accepted file has
    been checked whole (problems listed) before anything was written."""
    try:
        result = import_file(ledger, path)
    except PairingError as exc:
        assert str(exc)
        return
    if not result.ok:
        assert all(p.reason for p in result.problems)


@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".csv", ".xlsx", ".xls", ".ods"]))
@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_bytes_under_any_name_change_nothing(ledger, tmp_path, data, suffix):
    before = dump(ledger)
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    attempt(ledger, path)
    assert dump(ledger) == before  # random bytes never hold a whole valid row set


@given(text=st.text(max_size=2000))
@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_csv_text_is_read_and_checked_or_refused(ledger, tmp_path, text):
    path = tmp_path / "fuzz.csv"
    for encoding in ("utf-8", "gb18030"):
        try:
            path.write_bytes(text.encode(encoding))
        except UnicodeEncodeError:
            continue
        attempt(ledger, path)


@pytest.mark.parametrize("seed", range(12))
def test_a_real_workbook_damaged_at_random_is_refused_or_checked(ledger, tmp_path, seed):
    town = save(ledger, "township", None, {"name": "城关镇"})
    save(ledger, "village", None, {"township": town, "name": "新寨村"})
    good = tmp_path / "good.xlsx"
    export_workbook(ledger, good)
    data = bytearray(good.read_bytes())
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 40)):  # flipped bytes, a cut, or both
        data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
    if seed % 3 == 0:
        data = data[: rng.randrange(len(data))]
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(data))
    before = dump(ledger)
    attempt(ledger, bad)
    after = dump(ledger)
    # a damaged copy of the ledger's own export can only re-import what is already there
    assert {t: rows for t, rows in after.items() if t not in ("history", "setting")} == \
        {t: rows for t, rows in before.items() if t not in ("history", "setting")}
