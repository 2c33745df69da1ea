"""Work off the GUI thread through one helper (Anki's `QueryOp`), with one error policy.

A `Background` belongs to one widget and one kind of work (the dashboard's checks, a report, a
letter batch, printing). `read()` runs a function on a read-only connection to the ledger's file
that is opened and closed inside the pool thread, so the window may open another file meanwhile
without the two ever being mixed; `start()` runs a function that needs no ledger, or opens its
own connection. Whatever happens arrives on the GUI thread:

- `ended(ok)` first, whatever the outcome (the owner re-enables its buttons), then
- `done(result)`; or `refused(message)` for a `PairingError`, the core's message, which the owner
  shows where it belongs (a message box on the owner when nobody listens); or `cancelled()`;
- any other exception goes to `sys.excepthook` (ui.errors: logged and shown) with a note saying
  what was being done.

Only the latest request of a Background is delivered: a result that arrives after a newer
request was made is dropped (and a newer request asks the older one to stop).

With a `progress` label, a progress dialog with 取消 is shown for long work, and the function
gets `progress=(done, total)` and `cancelled=()` keyword arguments, as the core's long tasks
take them.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QMetaMethod,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from pairing_desktop.core.errors import PairingError
from pairing_desktop.core.storage.ledger import Ledger
from pairing_desktop.ui.dialogs import Ask

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("background", text)


class Cancelled(Exception):
    """Raised by work of the UI's own (printing) that stopped because it was asked to."""


class Outcome(Enum):
    DONE = "done"
    REFUSED = "refused"
    CANCELLED = "cancelled"
    BROKEN = "broken"


class Background(QObject):
    """Runs one kind of work for `owner`; `what` names it in messages (“生成责任书”)."""

    ended = Signal(bool)  # True when the work is done
    done = Signal(object)
    refused = Signal(str)
    cancelled = Signal()
    progressed = Signal(int, int)  # done, total of the latest request (with a `progress` label)
    _arrived = Signal(int, object, object)  # request number, result or exception, Outcome
    _progressed = Signal(int, int, int)  # request number, done, total

    def __init__(self, owner: QWidget, what: str, *, progress: str | None = None,
                 pool: QThreadPool | None = None):
        super().__init__(owner)
        self.owner = owner
        self.what = what
        self.pool = pool or QThreadPool.globalInstance()
        self._requested = 0
        self._job: _Job | None = None
        self._dialog = self._progress_dialog(progress) if progress else None
        self._arrived.connect(self._deliver)
        self._progressed.connect(self._progress)

    @property
    def running(self) -> bool:
        return self._job is not None

    def read(self, ledger: Ledger, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run `fn(reader, *args, **kwargs)` in the pool, on a reader of `ledger`'s file."""
        self.start(_on_reader, ledger, fn, *args, **kwargs)

    def start(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run `fn(*args, **kwargs)` in the pool; a request still running is asked to stop and
        its result will be dropped."""
        if self._job is not None:
            self._job.stop.set()
        self._requested += 1
        stop = threading.Event()
        if self._dialog is not None:
            kwargs = {**kwargs, "progress": self._reporter(self._requested),
                      "cancelled": stop.is_set}
            self._dialog.reset()
            self._dialog.setRange(0, 0)
            self._dialog.setValue(0)  # starts the dialog's timer: shown only if work lasts
        self._job = _Job(self._requested, fn, args, kwargs, stop, self._arrived)
        self.pool.start(self._job)

    def cancel(self) -> None:
        """Ask the running work to stop; it ends with `cancelled` (or done, if it was done)."""
        if self._job is not None:
            self._job.stop.set()

    def forget(self) -> None:
        """Drop whatever is running (another file was opened): nothing of it will arrive."""
        self.cancel()
        self._requested += 1
        self._finish()

    def _reporter(self, number: int) -> Callable[[int, int], None]:
        def progress(done: int, total: int) -> None:
            with contextlib.suppress(RuntimeError):  # the owner was closed meanwhile
                self._progressed.emit(number, done, total)
        return progress

    def _progress_dialog(self, label: str) -> QProgressDialog:
        dialog = QProgressDialog(label, tr("取消"), 0, 0, self.owner)
        dialog.setWindowTitle(self.what)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoReset(False)  # stays up after the last page, while the work finishes
        dialog.canceled.connect(self.cancel)
        dialog.reset()  # not shown until a request starts
        return dialog

    def _progress(self, number: int, done: int, total: int) -> None:
        if number != self._requested or self._job is None or self._dialog is None:
            return
        self.progressed.emit(done, total)
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)

    def _finish(self) -> None:
        self._job = None
        if self._dialog is not None:
            self._dialog.reset()

    def _deliver(self, number: int, value: Any, outcome: Outcome) -> None:
        if number != self._requested:
            if outcome is Outcome.BROKEN:  # nobody waits for it, but a bug is a bug
                log.error("Superseded work failed (%s)", self.what, exc_info=value)
            return
        self._finish()
        self.ended.emit(outcome is Outcome.DONE)
        if outcome is Outcome.DONE:
            self.done.emit(value)
        elif outcome is Outcome.CANCELLED:
            self.cancelled.emit()
        elif outcome is Outcome.REFUSED:
            if self.isSignalConnected(QMetaMethod.fromSignal(self.refused)):
                self.refused.emit(str(value))
            else:
                Ask.warn(self.owner, self.what, str(value))
        else:
            value.add_note(self.what)
            sys.excepthook(type(value), value, value.__traceback__)


def _on_reader(ledger: Ledger, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with ledger.reader() as reader:  # opened in the pool thread, closed in it
        return fn(reader, *args, **kwargs)


class _Job(QRunnable):
    def __init__(self, number: int, fn: Callable[..., Any], args: tuple, kwargs: dict,
                 stop: threading.Event, arrived: Any):
        super().__init__()
        self.number, self.fn, self.args, self.kwargs, self.stop, self.arrived = (
            number, fn, args, kwargs, stop, arrived)

    def run(self) -> None:
        try:
            value, outcome = self.fn(*self.args, **self.kwargs), Outcome.DONE
        except (PairingError, Cancelled) as exc:
            value = exc
            outcome = Outcome.CANCELLED if self.stop.is_set() else Outcome.REFUSED
        except Exception as exc:  # delivered to the owner's thread, never lost in this one
            value, outcome = exc, Outcome.BROKEN
        try:
            self.arrived.emit(self.number, value, outcome)
        except RuntimeError:  # the owner was closed meanwhile: nobody to tell
            if outcome is Outcome.BROKEN:
                log.error("Work failed after its window closed", exc_info=value)
