"""What marking a letter signed changed, told to the views in the core's `Changes` terms.

`mark_signed` returns the kept scan, not the Changes its operation made; until it hands those
back (as the batches now do), this says the same from what it returns.
"""

from __future__ import annotations

import uuid

from pairing_desktop.core.changes import Changes


def signed_changes(label: str, letter_id: uuid.UUID) -> Changes:
    return Changes(label, updated={"letter": frozenset({letter_id})})
