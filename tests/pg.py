"""A PostgreSQL server for the tests: the one `PAIRING_TEST_PG` names, else one started here.

A server of our own lives in a temporary folder, listens on a Unix socket only (no TCP port),
trusts local connections and is stopped when the tests end. Run as root, it runs as the
`postgres` user (the server refuses root). Each test gets a fresh database copied from a template
that holds a new ledger with its administrator (CREATE DATABASE … TEMPLATE: about 0.1 s, against
about 0.5 s to make the schema again).

Where no server can be had, the PostgreSQL tests are skipped saying why; under CI (`CI=true`)
they fail instead, so a green CI always means they ran.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

ENV = "PAIRING_TEST_PG"


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _as_server_user() -> list[str]:
    """The command prefix that runs the server as an ordinary user (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


class LocalServer:
    """initdb + pg_ctl in a temporary folder, on a socket in that folder."""

    def __init__(self, durable: bool = False) -> None:
        """`durable`: commits wait for the disk, as on a real server (the tests need not)."""
        bin_dir = _binaries()
        if bin_dir is None:
            raise RuntimeError("找不到 PostgreSQL（initdb）：请安装 Debian 的 postgresql 包，"
                               f"或用环境变量 {ENV} 指定一个服务器")
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="pairing-pg-"))
        self.data = self.root / "data"
        self.prefix = _as_server_user()
        if self.prefix:
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = f"-k {self.root} -c listen_addresses='' -c max_connections=200"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-o", options,
                  "-w", "start")
        self.dsn = f"postgresql://postgres@/postgres?host={self.root}"

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run([*self.prefix, str(self.bin / tool), *args],
                              capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {done.stderr.strip() or done.stdout.strip()}")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def server_dsn_or_reason() -> tuple[str | None, str | None, LocalServer | None]:
    """(dsn of a database on a server we may create databases on, why not, server to stop)."""
    given = os.environ.get(ENV)
    if given:
        return given, None, None
    try:
        server = LocalServer()
    except (RuntimeError, OSError) as exc:
        return None, str(exc), None
    return server.dsn, None, server


def skip_or_fail(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI 必须运行 PostgreSQL 测试，但服务器不可用：{reason}", pytrace=False)
    pytest.skip(f"没有可用的 PostgreSQL 服务器：{reason}")


def with_database(dsn: str, name: str) -> str:
    """The same server's DSN naming another database."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(dsn)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def admin_sql(dsn: str, *statements: str) -> None:
    """Statements that cannot run in a transaction (CREATE/DROP DATABASE), in autocommit."""
    import psycopg2

    con = psycopg2.connect(dsn)
    try:
        con.autocommit = True
        with con.cursor() as cur:
            for sql in statements:
                cur.execute(sql)
    finally:
        con.close()


def fresh_name(prefix: str = "t") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:16]}"
