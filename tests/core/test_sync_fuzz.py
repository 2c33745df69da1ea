"""The package reader and the merge under malformed input: random bytes, truncations and
flipped bytes of a real package, and well-checksummed packages whose contents are altered at
random. Nothing crashes (every refusal is a PairingError with a message) and a refused package
writes nothing."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairing_desktop.core import operations as ops
from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.sync import package
from tests.core.sync_offices import OFFICE, offices, township
from tests.helpers import dump, save

SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def net(tmp_path_factory, ledger_template):
    folder = tmp_path_factory.mktemp("fuzz")
    made = offices(ledger_template, folder)
    zp = made.towns["中坪镇"]
    for n in range(3):
        village = save(zp, "village", None, {"township": township(zp, "中坪镇"), "name": f"村{n}"})
        save(zp, "household", None, {"village": village, "head_name": f"户主{n}", "members": n})
    made.real = made.send(zp, OFFICE)  # type: ignore[attr-defined]
    yield made
    made.close()


def refused(net, path) -> bool:
    """Import the package at `path`: True when it is refused, with a message and the county's
    ledger exactly as before; False when it was merged."""
    before = dump(net.county)
    try:
        ops.import_package(net.county, path)
    except PairingError as exc:
        assert str(exc)
        assert dump(net.county) == before
        return True
    return False


def attempt(net, blob: bytes) -> None:
    path = net.folder / "fuzz.pdx"
    path.write_bytes(blob)
    assert refused(net, path), "a damaged package was merged"  # every case below is damaged


@given(data=st.binary(max_size=4096))
@SETTINGS
def test_random_bytes(net, data):
    attempt(net, data)
    attempt(net, package.MAGIC + data)


@given(cut=st.integers(min_value=0))
@SETTINGS
def test_truncations(net, cut):
    blob = net.real.read_bytes()
    attempt(net, blob[:cut % len(blob)])


@given(where=st.lists(st.integers(min_value=0), min_size=1, max_size=8),
       mask=st.integers(min_value=1, max_value=255))
@SETTINGS
def test_flipped_bytes(net, where, mask):
    blob = bytearray(net.real.read_bytes())
    for spot in {w % len(blob) for w in where}:  # each byte once: twice would undo the flip
        blob[spot] ^= mask
    attempt(net, bytes(blob))


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                    | st.text(max_size=40),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


def _replace(tree: Any, rng: random.Random, value: Any) -> Any:
    """`tree` with one node, chosen at random, replaced by `value`."""
    if isinstance(tree, dict) and tree and rng.random() < 0.8:
        key = rng.choice(sorted(tree))
        return {**tree, key: _replace(tree[key], rng, value)}
    if isinstance(tree, list) and tree and rng.random() < 0.8:
        i = rng.randrange(len(tree))
        return [*tree[:i], _replace(tree[i], rng, value), *tree[i + 1:]]
    return value


@given(seed=st.integers(), value=JSON, in_header=st.booleans())
@SETTINGS
def test_altered_contents_with_a_good_checksum(net, seed, value, in_header):
    """A package altered and re-sealed (a checksum is not a signature): refused with a
    message, or, where the change is one a sender could have made, still checked whole."""
    real = package.read(net.real)
    rng = random.Random(seed)
    header, body = real.header, real.body
    if in_header:
        header = _replace(header, rng, value)
    else:
        body = _replace(body, rng, value)
    if header == real.header and body == real.body:
        return
    path = net.folder / "altered.pdx"
    try:
        path.write_bytes(package.encode(header, body))
    except (TypeError, ValueError):
        return  # not JSON: cannot be written as a package at all
    if refused(net, path):
        return
    # accepted: a change that keeps the package well formed (a value a clerk could type);
    # undo it so the next example starts from the same ledger
    with net.county.atomic():
        net.county.execute("DELETE FROM sync_peer")
