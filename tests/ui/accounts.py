"""Operators for the GUI tests: make an account and work as it, as a clerk logging in does."""

from __future__ import annotations

from typing import Any

from pairing_desktop.core import auth
from pairing_desktop.core import operations as ops
from pairing_desktop.core.storage.ledger import Ledger
from tests.conftest import ADMIN, ADMIN_PASSWORD

PASSWORD = "乡镇密码2026"


def add_operator(ledger: Ledger, name: str, role: str, township: Any = None) -> None:
    """A new account made by the administrator (whoever works on the ledger keeps working)."""
    ops.create_operator(ledger, name, PASSWORD, role, township, f"{name} 全名")


def work_as(ledger: Ledger, name: str, password: str = PASSWORD) -> auth.Who:
    return auth.login(ledger, name, password)


def work_as_admin(ledger: Ledger) -> auth.Who:
    return auth.login(ledger, ADMIN, ADMIN_PASSWORD)
