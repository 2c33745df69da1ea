"""Test configuration shared by the core and GUI suites.

Qt runs offscreen (no display needed); every test gets a real SQLite ledger under tmp_path.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from pairing_desktop.core.storage.db import Ledger, open_database


@pytest.fixture
def ledger(tmp_path) -> Ledger:
    """A fresh, open ledger file in a temporary folder."""
    opened = open_database(tmp_path / "ledger.db")
    yield opened
    opened.close()
