"""What the letters' writes changed, told to the views in the core's `Changes` terms.

`generate`/`letter_pdf` return a BatchResult and `mark_signed` the kept scan, not the Changes
their operations made; until they hand those back, these say the same from what they return.
"""

from __future__ import annotations

import uuid

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.letters.batch import BatchResult


def batch_changes(label: str, result: BatchResult) -> Changes:
    """The letters a batch recorded as new versions (an unchanged letter keeps its row)."""
    made = frozenset(p.letter_id for p in result.letters if p.new_row is not None)
    return Changes(label, created={"letter": made}) if made else Changes(label)


def signed_changes(label: str, letter_id: uuid.UUID) -> Changes:
    return Changes(label, updated={"letter": frozenset({letter_id})})
