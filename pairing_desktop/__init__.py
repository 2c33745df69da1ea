"""pairing_desktop: the ledger of the urban-rural "1+1" pairing assistance programme.

The version number lives in one place, pyproject.toml. An installed copy (pip, `pip install -e`)
and the frozen build (its spec copies the package's metadata) read it from the package metadata;
a bare checkout that was never installed reads pyproject.toml itself. It is computed on first
use of `__version__`, so importing the core does not load importlib.metadata.
"""

from __future__ import annotations

DIST_NAME = "pairing-desktop"


def _read_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DIST_NAME)
    except PackageNotFoundError:
        pass
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    try:
        with open(pyproject, "rb") as f:
            return tomllib.load(f)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        value = _read_version()
        globals()["__version__"] = value  # computed once
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
