"""Personal numbers shown masked by default: 522423********1234, 138****5678.

Lists, pickers, exports and the history show them so; a role that may edit a record sees the
whole number in its form, and an export with whole numbers is a deliberate choice. Which fields
hold such numbers is their kind's to say (`fields.Kind.personal`).
"""

from __future__ import annotations

from typing import Any


def mask(value: Any) -> Any:
    """An ID number keeps its area code and last four; a phone its first three and last four."""
    if not isinstance(value, str) or len(value) < 8:
        return value
    if len(value) == 18:
        return value[:6] + "*" * 8 + value[-4:]
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def sql_mask(column: Any) -> Any:
    """The same masking as an SQL expression, so masked lists still page and sort in SQL."""
    from peewee import Case, fn

    length = fn.LENGTH(column)
    id_number = fn.SUBSTR(column, 1, 6).concat("********").concat(fn.SUBSTR(column, -4))
    stars = fn.SUBSTR("**************", 1, length - 7)
    phone = fn.SUBSTR(column, 1, 3).concat(stars).concat(fn.SUBSTR(column, -4))
    return Case(None, [(length == 18, id_number), (length >= 8, phone)], column)
