"""Test configuration shared by the core and GUI suites.

Qt runs offscreen (no display needed); every test gets a real SQLite ledger under tmp_path,
worked on by its administrator (the ledger is set to auto-login, as a single-clerk office may).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from pairing_desktop.core import auth
from pairing_desktop.core import operations as ops
from pairing_desktop.core.ledgers import open_ledger
from pairing_desktop.core.storage.ledger import Ledger

ADMIN, ADMIN_PASSWORD = "admin", "县管理员密码2026"


@pytest.fixture(scope="session")
def ledger_template(tmp_path_factory) -> Path:
    """A new ledger with its administrator, made once: hashing a password with argon2 takes a
    tenth of a second, too long to repeat for every test."""
    path = tmp_path_factory.mktemp("template") / "ledger.db"
    with open_ledger(path) as made:
        ops.create_first_admin(made, ADMIN, ADMIN_PASSWORD, "县委组织部 王芳")
        ops.set_auto_login(made, ADMIN)
    return path


@pytest.fixture
def ledger(tmp_path, ledger_template) -> Ledger:
    """A fresh, open ledger file in a temporary folder, logged in as its administrator."""
    path = tmp_path / "ledger.db"
    shutil.copyfile(ledger_template, path)
    opened = open_ledger(path)
    assert auth.auto_login(opened) is not None
    yield opened
    opened.close()
