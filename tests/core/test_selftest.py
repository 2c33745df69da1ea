"""The packaging smoke test and what the frozen build is told to carry.

`pairing-desktop --self-test` is what scripts/build.py runs on the built program; here it runs from
source, so that a step broken by a code change fails in the ordinary test run and not only in the
build. The other tests check packaging/bundle.py, the lists the PyInstaller spec reads, against the
code: cheap checks of what only the build would otherwise find.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pairing_desktop import selftest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
STEP_LINE = re.compile(r"^ok   (?P<name>.+?) +(?P<seconds>\d+\.\d\d) s  \S")


def load_bundle():
    spec = importlib.util.spec_from_file_location("bundle", PACKAGING / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def self_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    """Run `python -m pairing_desktop --self-test` offscreen, its user folders under tmp_path."""
    child_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        child_env[name] = str(tmp_path / name.lower())
    return subprocess.run([sys.executable, "-m", "pairing_desktop", "--self-test"], cwd=tmp_path,
                          env=child_env, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_self_test_runs_every_step_and_writes_nothing_outside_its_folder(tmp_path):
    result = self_test(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("pairing-desktop ") and "self-test (from source" in lines[0]
    steps = [m["name"] for m in map(STEP_LINE.match, lines[1:-1]) if m]
    assert steps == [name for name, _step in selftest.STEPS]
    assert steps[:3] == ["modules", "resources", "application"]
    assert {"demo", "letters target", "letters cadre", "letters card", "report pdf",
            "report xlsx", "backup", "window"} <= set(steps)
    assert lines[-1].startswith(f"self-test passed: {len(steps)} steps in ")
    # the user's data folder and Qt's settings were not touched
    for folder in ("xdg_data_home", "xdg_config_home"):
        assert not any((tmp_path / folder).rglob("*")), folder
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("xdg_")] == []


def test_self_test_names_the_step_that_failed(tmp_path):
    """A bundle without its fonts fails at `resources`, named on the last line, exit status 1."""
    (tmp_path / "empty").mkdir()
    result = self_test(tmp_path, PAIRING_DESKTOP_RESOURCES=str(tmp_path / "empty"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-2].startswith("FAIL resources ") and "no fonts in" in lines[-2]
    assert lines[-1] == "self-test failed at step: resources"
    assert "Traceback" in result.stderr


# --- what the spec collects ------------------------------------------------------------------


def covered(bundle, module: str) -> bool:
    return module in bundle.HIDDEN_IMPORTS or any(
        module == package or module.startswith(package + ".")
        for package in bundle.COLLECT_PACKAGES)


# Modules that PyInstaller's import analysis cannot see, each with where it is imported by name.
IMPORTED_BY_NAME = {
    "reportlab.graphics.barcode.code128": ("reportlab.graphics.barcode.widgets", "code128"),
    "reportlab.graphics.barcode.qr": ("reportlab.graphics.barcode", "qr"),
    "_rl_accel": ("reportlab.lib.rl_accel", "from _rl_accel import %s"),
    "reportlab.rl_settings": ("reportlab.rl_config", "rl_settings"),
}


@pytest.mark.parametrize("module", sorted(IMPORTED_BY_NAME))
def test_the_spec_collects_what_is_imported_by_name(module):
    bundle = load_bundle()
    importer, text = IMPORTED_BY_NAME[module]
    # the reason still holds (a ReportLab release could change it) ...
    assert text in inspect.getsource(importlib.import_module(importer))
    # ... the module exists, and the spec names it or a package around it
    importlib.import_module(module)
    assert covered(bundle, module)


def test_pyinstaller_collects_the_barcode_modules():
    """What the spec asks PyInstaller for: collect_submodules finds code128 (the frozen build died
    without it). Skipped without the build extra installed."""
    hooks = pytest.importorskip("PyInstaller.utils.hooks")
    found = hooks.collect_submodules("reportlab.graphics.barcode")
    assert "reportlab.graphics.barcode.code128" in found


def imported_modules() -> dict[str, str]:
    """{module: where} for every import in the package's source."""
    found = {}
    for path in (ROOT / "pairing_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                found.setdefault(name, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_module_the_program_imports_is_excluded_from_the_bundle():
    bundle = load_bundle()
    imported = imported_modules()
    assert "PySide6.QtWidgets" in imported and "reportlab.pdfgen.canvas" in imported
    excluded = [f"{where} imports {name}" for name, where in imported.items()
                for gone in bundle.EXCLUDES if name == gone or name.startswith(gone + ".")]
    assert excluded == [], "remove it from packaging/bundle.py's excludes, or stop importing it"


# --- one version ------------------------------------------------------------------------------


def test_one_version_number(capsys):
    import pairing_desktop
    from pairing_desktop.cli import main

    with open(ROOT / "pyproject.toml", "rb") as f:
        version = tomllib.load(f)["project"]["version"]
    assert pairing_desktop.__version__ == version  # a stale install: pip install -e . again
    assert load_bundle().version() == version
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"pairing-desktop {version}"


def test_windows_version_resource_comes_from_the_version():
    bundle = load_bundle()
    assert bundle.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert bundle.version_tuple("1.3.0rc1") == (1, 3, 0, 0)
    text = bundle.version_info_text("1.3.0rc1", bundle.CLI_NAME)
    assert "filevers=(1, 3, 0, 0)" in text and "StringStruct('ProductVersion', '1.3.0rc1')" in text
    assert "StringStruct('OriginalFilename', 'pairing-desktop-cli.exe')" in text


# --- the installer ----------------------------------------------------------------------------


def test_installer_script_checks_windows_and_keeps_the_data():
    iss = (PACKAGING / "installer.iss").read_text(encoding="utf-8-sig")
    assert re.search(r"^AppId=\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$", iss, re.M)
    assert "compiler:Languages\\ChineseSimplified.isl" in iss
    for line in ("MinVersion=10.0", "ArchitecturesAllowed=x64compatible",
                 "ArchitecturesInstallIn64BitMode=x64compatible", "LicenseFile=LICENSES.txt",
                 "AppVersion={#AppVersion}"):
        assert re.search(rf"^{re.escape(line)}$", iss, re.M), line
    assert re.search(r"^WinVersionTooLowError=本程序需要 Windows 10", iss, re.M)
    assert 'Source: "..\\dist\\pairing-desktop\\*"' in iss  # both programs and _internal
    assert "Tasks: desktopicon" in iss and "{autoprograms}" in iss
    assert "[UninstallDelete]" not in iss.replace("; No [UninstallDelete]", "")
    assert not re.search(r"^AppVersion=\d", iss, re.M)  # no second version number


def test_licence_page_has_the_program_qt_and_font_licences():
    page = (PACKAGING / "LICENSES.txt").read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert "MIT License" in page
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in page and "PySide6" in page
    for licence in sorted((ROOT / "resources" / "fonts").glob("LICENSE-*.txt")):
        body = licence.read_text(encoding="utf-8").strip()
        assert "\n".join(line.rstrip() for line in body.splitlines()) in page, licence.name
