"""The core never imports Qt: the command line, the demo and the importer run without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import importlib, pkgutil, sys
import pairing_desktop.core, pairing_desktop.cli, pairing_desktop.core.demo
for info in pkgutil.walk_packages(pairing_desktop.core.__path__, "pairing_desktop.core."):
    importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m.startswith("pairing_desktop.core"))
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(len(loaded), qt)
"""


def test_core_cli_and_demo_load_no_pyside6():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split(maxsplit=1)
    assert int(out[0]) >= 15  # every core module was imported, not just the package
    assert out[1].strip() == "[]"
