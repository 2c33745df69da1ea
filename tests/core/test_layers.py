"""The layers: the core never imports Qt, and only core.storage touches the peewee database."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "pairing_desktop"
STORAGE = PACKAGE / "core" / "storage"

PROBE = """
import importlib, pkgutil, sys
import pairing_desktop.core, pairing_desktop.cli, pairing_desktop.core.demo
for info in pkgutil.walk_packages(pairing_desktop.core.__path__, "pairing_desktop.core."):
    importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m.startswith("pairing_desktop.core"))
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(len(loaded), qt)
"""

# what only core.storage may name: the database classes, the models' routing, the connection
DATABASE_NAMES = {"Database", "SqliteDatabase", "DatabaseProxy", "ROUTED", "RoutedDatabase",
                  "bind", "database"}


def test_core_cli_and_demo_load_no_pyside6():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split(maxsplit=1)
    assert int(out[0]) >= 15  # every core module was imported, not just the package
    assert out[1].strip() == "[]"


def database_uses(path: Path, root: Path = ROOT) -> list[str]:
    """Imports of a database object, and reaches into a Ledger's connection (`._db`)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = {a.name for a in node.names}
            if node.module.endswith("storage.binding") or (
                    node.module in ("peewee", "pairing_desktop.core.storage.models")
                    and names & DATABASE_NAMES):
                found.append(f"{path.relative_to(root)}:{node.lineno} imports {sorted(names)}")
        if isinstance(node, ast.Attribute) and node.attr in ("_db", "database") and isinstance(
                node.value, ast.Name) and node.value.id not in ("self", "cls"):
            found.append(f"{path.relative_to(root)}:{node.lineno} reaches .{node.attr}")
    return found


def test_nothing_outside_storage_touches_the_database_object():
    outside = [p for p in PACKAGE.rglob("*.py") if STORAGE not in p.parents]
    outside += list((ROOT / "tests").rglob("*.py")) + list((ROOT / "bench").rglob("*.py"))
    assert len(outside) > 60
    assert [use for p in outside for use in database_uses(p)] == []


def test_the_probe_sees_a_database_import(tmp_path):
    """The check above can fail: a module importing the old global is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from pairing_desktop.core.storage.models import database\n"
                   "x = ledger._db\n", encoding="utf-8")
    assert len(database_uses(bad, tmp_path)) == 2
