"""Which kinds of record a view shows, in the terms of the core's `Changes`.

A view re-reads only when an operation changed one of its kinds. A list of households shows
households, and in every row the name of the village and that village's township: so its kinds
are the entity and everything its references lead to.
"""

from __future__ import annotations

from functools import cache

from pairing_desktop.core.entities import ENTITIES


@cache
def entity_kinds(key: str) -> frozenset[str]:
    """`key`, every kind its reference fields lead to, followed recursively, and the kinds its
    computed figures count (a village's households)."""
    kinds = {key} | {k for c in ENTITIES[key].computed for k in c.reads}
    todo = [key]
    while todo:
        for f in ENTITIES[todo.pop()].fields:
            if f.ref and f.ref not in kinds:
                kinds.add(f.ref)
                todo.append(f.ref)
    return frozenset(kinds)
