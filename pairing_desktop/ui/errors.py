"""Errors that are not the user's fault: logged with their traceback, shown in Chinese, survived.

One `ErrorReporter` becomes `sys.excepthook` (an exception in a slot, a virtual method, a
dialog, or a QRunnable, which PySide6 hands to that hook from the pool thread) and
`threading.excepthook` (a Python thread). It writes the traceback to the log file and shows a
message naming what failed and where the log is; nothing is closed or reset, so the program
stays usable and an unsaved edit stays in its form.

Bad input (`core.errors.PairingError`) never comes here: the widget that caused it shows the
core's message. Background work (`ui.background`) names what it was doing with a note on the
exception (PEP 678), which the message repeats.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from pairing_desktop.ui.dialogs import Ask

log = logging.getLogger(__name__)
PACKAGE = "pairing_desktop"


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def where(tb: TracebackType | None) -> str:
    """The innermost line of our own code in a traceback (the library's lines say less)."""
    frames = traceback.extract_tb(tb)
    ours = [f for f in frames if PACKAGE in Path(f.filename).parts] or frames
    if not ours:
        return tr("未知")
    frame = ours[-1]
    return tr("{0} 第 {1} 行（{2}）").format(Path(frame.filename).name, frame.lineno, frame.name)


def message(error: BaseException, log_path: Path) -> str:
    """The text a clerk sees: what failed, the error, where, the log file, and that work goes on."""
    what = "；".join(getattr(error, "__notes__", ())) or tr("刚才的操作")
    return tr("{what}时出现了程序错误，这不是您操作的问题。\n\n"
              "错误：{error}\n位置：{where}\n\n"
              "详细情况已记入日志文件：\n{log}\n\n"
              "程序可以继续使用，尚未保存的内容仍在原处。"
              "如果问题反复出现，请把这个日志文件发给技术支持人员。").format(
        what=what, error=f"{type(error).__name__}: {error}", where=where(error.__traceback__),
        log=log_path)


class ErrorReporter(QObject):
    """Logs an unexpected exception from any thread and shows it on the GUI thread.

    Create it on the GUI thread; `installed()` makes it the hooks for a block. While one message
    is open, further errors are only logged: an error in a paint event must not stack boxes."""

    _arrived = Signal(str)

    def __init__(self, log_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.log_path = log_path
        self._showing = False
        # queued even on the GUI thread: the box opens after the failing slot has unwound
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @contextmanager
    def installed(self) -> Iterator[ErrorReporter]:
        previous = sys.excepthook, threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        try:
            yield self
        finally:
            sys.excepthook, threading.excepthook = previous

    def excepthook(self, kind: type[BaseException], error: BaseException,
                   tb: TracebackType | None) -> None:
        if not issubclass(kind, Exception):  # Ctrl+C in a terminal, SystemExit: not ours
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        self.report(error)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or not isinstance(args.exc_value, Exception):
            threading.__excepthook__(args)
            return
        self.report(args.exc_value)

    def report(self, error: Exception) -> None:
        """Log `error` now (any thread) and show it on the GUI thread."""
        what = "; ".join(getattr(error, "__notes__", ())) or "-"
        log.error("Unexpected error (%s)", what, exc_info=error)
        self._arrived.emit(message(error, self.log_path))

    def _show(self, text: str) -> None:
        if self._showing:
            return
        self._showing = True
        try:
            Ask.error(QApplication.activeWindow(), tr("程序错误"), text)
        finally:
            self._showing = False
