"""Reading off the GUI thread (Anki's `QueryOp`): one helper, one way results and errors return.

The work runs in the thread pool on a read-only connection to the ledger's file, opened and
closed inside that thread, so the window may open another file meanwhile without the two ever
being mixed. The result, or the exception, arrives on the GUI thread; a result that arrives after
a newer request was made is dropped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from pairing_desktop.core.storage.ledger import Ledger


class Reading(QObject):
    """Starts reads for its owner; `done(result)` or `failed(exception)` for the latest one."""

    done = Signal(object)
    failed = Signal(object)
    _arrived = Signal(int, object, bool)  # request number, result or exception, succeeded

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._requested = 0
        self._arrived.connect(self._deliver)

    def start(self, ledger: Ledger, fn: Callable[..., Any], *args: Any) -> None:
        """Run `fn(reader, *args)` in the pool, on a reader of `ledger`'s file."""
        self._requested += 1
        self.pool.start(_ReadJob(self._requested, ledger, fn, args, self._arrived))

    def _deliver(self, number: int, value: Any, ok: bool) -> None:
        if number != self._requested:
            return  # a newer request is on its way
        (self.done if ok else self.failed).emit(value)


class _ReadJob(QRunnable):
    def __init__(self, number: int, ledger: Ledger, fn: Callable[..., Any], args: tuple,
                 arrived: Any):
        super().__init__()
        self.number, self.ledger, self.fn, self.args, self.arrived = (
            number, ledger, fn, args, arrived)

    def run(self) -> None:
        reader = self.ledger.reader()  # opened in this thread, closed in it below
        try:
            value, ok = self.fn(reader, *self.args), True
        except Exception as exc:  # delivered to the owner, never lost in a thread
            value, ok = exc, False
        finally:
            reader.close()
        with contextlib.suppress(RuntimeError):  # the owner was closed meanwhile: nobody to tell
            self.arrived.emit(self.number, value, ok)
