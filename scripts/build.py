"""Build the one-folder program with PyInstaller and smoke-test what was built.

    .venv/bin/python -m pip install -e ".[build]"
    .venv/bin/python scripts/build.py [--clean] [--dist dist] [--work build/pyinstaller]

Builds packaging/pairing_desktop.spec into dist/pairing-desktop/ (on Linux here; on Windows the
same spec, see packaging/windows-build.yml), prints the bundle's size and its largest parts, checks
that the built program reports the version of pyproject.toml, then runs the built
`pairing-desktop-cli --self-test` from outside the checkout, with nothing pointing it back at the
source tree. Exits non-zero when the build or the self-test fails, or the bundle is not under
160 MB (issue 9). --skip-build tests the folder already built.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pairing_desktop.spec"
NAME = "pairing-desktop"
CLI = "pairing-desktop-cli"
AIM_MB = 160  # issue 9: the one-folder bundle under 160 MB
SELF_TEST_TIMEOUT = 300


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def largest_parts(bundle: Path, count: int = 8) -> list[tuple[int, str]]:
    """The biggest folders and files one level inside _internal (or the bundle itself)."""
    inner = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    parts = []
    for child in inner.iterdir():
        if child.is_symlink():  # PyInstaller's links to Qt's libraries: counted where they point
            continue
        size = folder_size(child) if child.is_dir() else child.stat().st_size
        parts.append((size, child.name + ("/" if child.is_dir() else "")))
    return sorted(parts, reverse=True)[:count]


def build(dist: Path, work: Path, clean: bool) -> float:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit('PyInstaller is not installed: .venv/bin/python -m pip install -e ".[build]"')
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    print("build:", " ".join(command[2:]), flush=True)
    began = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - began


def frozen_env() -> dict[str, str]:
    """The environment of a clerk's PC: nothing that would let the frozen program find the
    checkout's files or Python's (a missing resource must fail here, not be found by accident)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PAIRING_DESKTOP_RESOURCES", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_built(program: Path, *args: str, timeout: float) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="pairing-built-") as cwd:
        return subprocess.run([str(program), *args], cwd=cwd, env=frozen_env(), timeout=timeout,
                              text=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--clean", action="store_true", help="start without PyInstaller's cache")
    parser.add_argument("--skip-build", action="store_true", help="test the folder already built")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "packaging"))
    import bundle

    bundle_dir = args.dist / NAME
    build_time = None
    if not args.skip_build:
        try:
            build_time = build(args.dist, args.work, args.clean)
        except subprocess.CalledProcessError as exc:
            print(f"build FAILED (exit {exc.returncode})", file=sys.stderr)
            return 1
        print(f"build: {build_time:.0f} s", flush=True)
    suffix = ".exe" if sys.platform == "win32" else ""
    cli = bundle_dir / f"{CLI}{suffix}"
    if not cli.is_file():
        print(f"no built program at {cli}", file=sys.stderr)
        return 1

    dangling = [str(p.relative_to(bundle_dir)) for p in bundle_dir.rglob("*")
                if p.is_symlink() and not p.exists()]
    if dangling:  # a library pruned by the spec while a link to it stayed
        print(f"bundle FAILED: links to nothing: {', '.join(sorted(dangling))}", file=sys.stderr)
        return 1
    size = folder_size(bundle_dir)
    verdict = "within" if size < AIM_MB * 2**20 else "OVER"
    print(f"bundle: {bundle_dir} {mb(size)} ({verdict} the {AIM_MB} MB aim)")
    for part_size, part in largest_parts(bundle_dir):
        print(f"  {mb(part_size):>9}  {part}")
    if verdict == "OVER":
        print(f"bundle FAILED: {mb(size)}, over the {AIM_MB} MB aim", file=sys.stderr)
        return 1

    expected = bundle.version()
    shown = run_built(cli, "--version", timeout=60)
    if shown.returncode != 0 or shown.stdout.strip() != f"{NAME} {expected}":
        print(f"version FAILED: expected '{NAME} {expected}', the built program says "
              f"{(shown.stdout + shown.stderr).strip()!r}", file=sys.stderr)
        return 1
    print(f"version: {shown.stdout.strip()}")

    print(f"self-test: {cli.name} --self-test", flush=True)
    began = time.perf_counter()
    try:
        result = run_built(cli, "--self-test", timeout=SELF_TEST_TIMEOUT)
    except subprocess.TimeoutExpired:
        print(f"self-test FAILED: no answer within {SELF_TEST_TIMEOUT} s", file=sys.stderr)
        return 1
    took = time.perf_counter() - began
    print(result.stdout, end="")
    if result.returncode != 0:
        print(result.stderr, end="", file=sys.stderr)
        print(f"self-test FAILED (exit {result.returncode}) after {took:.1f} s", file=sys.stderr)
        return 1
    timings = f"build {build_time:.0f} s, " if build_time is not None else ""
    print(f"built program passed its self-test: {timings}self-test {took:.1f} s, "
          f"bundle {mb(size)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
