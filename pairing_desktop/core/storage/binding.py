"""Which open ledger the models read and write: the one bound in the current context.

peewee binds models to a database per class, so a module-level database would be shared by every
thread: a worker reading the old file while the window opens another would mix two ledgers. The
models are bound instead to `ROUTED`, which forwards to the database of the ledger bound with
`bind()` in the current context (a ContextVar: each thread starts with none, and a `with`
block restores the previous one). Only `core.storage` calls `bind`; everything else passes a
`Ledger` and lets it bind itself for the call.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from peewee import Database, DatabaseProxy

_current: ContextVar[Database | None] = ContextVar("pairing_desktop_ledger", default=None)


class UnboundError(RuntimeError):
    """A query ran outside any ledger: a core function was called without its Ledger."""


class RoutedDatabase(DatabaseProxy):
    """A DatabaseProxy whose target is the context's ledger instead of a settable attribute."""

    __slots__ = ()

    def __init__(self) -> None:
        object.__setattr__(self, "_callbacks", [])

    @property
    def obj(self) -> Database:  # type: ignore[override]
        db = _current.get()
        if db is None:
            raise UnboundError("no ledger is bound here: pass the Ledger to the core function")
        return db

    def __getattr__(self, attr: str):
        return getattr(self.obj, attr)


ROUTED = RoutedDatabase()


@contextmanager
def bind(db: Database) -> Iterator[None]:
    """Route the models to `db` for the duration of the block, in this context only."""
    token = _current.set(db)
    try:
        yield
    finally:
        _current.reset(token)


def bound_database() -> Database | None:
    """The database bound in this context, if any."""
    return _current.get()
