"""The GUI works on the ledger only through the core: no widget imports peewee, the models or the
storage that binds them (a type named for an annotation alone is allowed)."""

from __future__ import annotations

import ast
from pathlib import Path

import pairing_desktop.ui

UI = Path(pairing_desktop.ui.__file__).parent
FORBIDDEN = ("peewee", "pairing_desktop.core.storage.models",
             "pairing_desktop.core.storage.binding", "pairing_desktop.core.storage.db")


def runtime_imports(tree: ast.Module) -> list[str]:
    """Modules imported outside `if TYPE_CHECKING:` blocks."""
    skipped = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
               and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
               for node in ast.walk(block)}
    names = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_widget_imports_the_database_layer():
    offenders = {}
    for path in sorted(UI.rglob("*.py")):
        bad = [name for name in runtime_imports(ast.parse(path.read_text(encoding="utf-8")))
               if name.startswith(FORBIDDEN)]
        if bad:
            offenders[str(path.relative_to(UI))] = bad
    assert offenders == {}
