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
def ledger(request, backend, tmp_path) -> Ledger:
    """A fresh, open ledger file in a temporary folder, logged in as its administrator (or a
    fresh server database, for modules that run on both backends)."""
    if backend == "postgresql":
        opened = open_ledger(request.getfixturevalue("pg_url"))
    else:
        path = tmp_path / "ledger.db"
        shutil.copyfile(request.getfixturevalue("ledger_template"), path)
        opened = open_ledger(path)
    assert auth.auto_login(opened) is not None
    yield opened
    opened.close()


# --- the same tests on a PostgreSQL server ------------------------------------------------------
# A module marked `both_backends` runs each test that takes `ledger` twice: on a SQLite file and
# on a fresh database of a PostgreSQL server (tests/pg.py finds or starts one). A test that only
# means SQLite's file there is marked `sqlite_only` and runs once.


def pytest_generate_tests(metafunc):
    if ("backend" in metafunc.fixturenames
            and metafunc.definition.get_closest_marker("both_backends")
            and not metafunc.definition.get_closest_marker("sqlite_only")):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request) -> str:
    """Where the `ledger` fixture's ledger lives: "sqlite" unless the module runs on both."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """The DSN of a PostgreSQL server the tests may create databases on (tests/pg.py)."""
    from tests import pg

    dsn, reason, server = pg.server_dsn_or_reason()
    if dsn is None:
        pg.skip_or_fail(reason)
    yield dsn
    if server is not None:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server) -> str:
    """A server database holding a new ledger with its administrator, copied for each test."""
    from tests import pg

    name = pg.fresh_name("pairing_template")
    pg.admin_sql(pg_server, f"CREATE DATABASE {name}")
    with open_ledger(pg.with_database(pg_server, name)) as made:
        ops.create_first_admin(made, ADMIN, ADMIN_PASSWORD, "县委组织部 王芳")
        ops.set_auto_login(made, ADMIN)
    yield name
    pg.admin_sql(pg_server, f"DROP DATABASE IF EXISTS {name}")


@pytest.fixture
def pg_url(request, pg_server, pg_template) -> str:
    """The address of a fresh server database holding the template's ledger, dropped after."""
    from tests import pg

    name = pg.fresh_name()
    pg.admin_sql(pg_server, f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    yield pg.with_database(pg_server, name)
    pg.admin_sql(pg_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
