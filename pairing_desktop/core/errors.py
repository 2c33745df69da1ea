"""Errors the core raises; each carries a Chinese message a clerk can act on."""

from __future__ import annotations


class PairingError(Exception):
    """Base of every error the core reports to the user."""


class ValidationError(PairingError):
    """Bad input: maps each offending field name to a message that names the problem."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))


class RefusedError(PairingError):
    """An action the rules forbid (deleting a referenced record, ending a pairing early)."""


class StorageError(PairingError):
    """The database file cannot be used: damaged, not ours, too new, or in use."""


class DamagedError(StorageError):
    """The file is ours (or claims to be) but fails SQLite's checks: never written to.

    `readable` when SQLite reads it through and it is ours, of this version: it can still be
    opened read-only (core.ledgers.open_damaged) to see, print and export what it holds."""

    readable: bool = False
    problem: str = ""  # what SQLite's check said
