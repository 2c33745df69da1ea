"""The window's handle on the open ledger, and the one path by which the GUI writes to it.

Modelled on Anki's `mw.col` and `CollectionOp`: widgets hold the host, not a ledger, and read
`host.ledger` when they need it, so opening another file is handing out another object. Every
write runs through `perform`, which announces the core's `Changes` with one signal; each view
looks at the kinds that changed and refreshes only for what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec

from PySide6.QtCore import QObject, Signal

from pairing_desktop.core import operations as ops
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.storage.ledger import Ledger

P = ParamSpec("P")


class LedgerHost(QObject):
    """Holds the open Ledger; `changed(Changes)` after every write that changed something,
    `replaced()` after another file was opened."""

    changed = Signal(object)
    replaced = Signal()

    def __init__(self, ledger: Ledger, parent: QObject | None = None):
        super().__init__(parent)
        self._ledger = ledger

    @property
    def ledger(self) -> Ledger:
        return self._ledger

    def replace(self, ledger: Ledger) -> None:
        """Work on another ledger from now on (the caller closes the old one)."""
        self._ledger = ledger
        self.replaced.emit()

    def perform(self, op_fn: Callable[Concatenate[Ledger, P], Changes],
                *args: P.args, **kwargs: P.kwargs) -> Changes:
        """Run an operation on the open ledger and announce what it changed.

        A PairingError (ValidationError, RefusedError) reaches the caller, who shows it in its
        own way (beside a field, in a message box); nothing is announced then."""
        changes = op_fn(self._ledger, *args, **kwargs)
        self.announce(changes)
        return changes

    def announce(self, changes: Changes) -> None:
        """Tell every view what an operation changed (an empty Changes tells nobody)."""
        if changes:
            self.changed.emit(changes)

    def undo(self) -> Changes:
        """Reverse the last operation of this session; RefusedError says why it cannot be."""
        return self.perform(ops.undo)

    def redo(self) -> Changes:
        return self.perform(ops.redo)

    def can_undo(self) -> str | None:
        """The label of what Ctrl+Z would undo, or None."""
        return ops.can_undo(self._ledger)

    def can_redo(self) -> str | None:
        return ops.can_redo(self._ledger)

