"""A short run of the kill harness (scripts/kill_harness.py runs 200 kills): every kind of write
killed once at a random moment, and every promise checked after."""

from __future__ import annotations

import pytest

from scripts.kill_harness import KINDS, run


@pytest.mark.slow
def test_every_kind_of_write_survives_a_kill():
    counts = run(kills=len(KINDS), seed=7)
    assert [counts[k] for k in KINDS] == [1] * len(KINDS)
    assert counts["save writes"] > 0  # the child got as far as saving before it was killed
