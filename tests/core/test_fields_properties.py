"""Property-based checks of the normalisation and the validators: whatever a clerk pastes, a
field either takes a clean value or refuses with a message; nothing crashes, nothing is saved
half-checked."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairing_desktop.core import validation
from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.fields import (
    Date,
    Float,
    IdNumber,
    Int,
    LongText,
    Money,
    Phone,
    Text,
    Year,
    clean_text,
)

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u0000\u0007\u001b\u007f"
pasted = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(list(INVISIBLE)),
                 max_size=60)


@given(pasted)
def test_cleaning_is_idempotent_and_leaves_nothing_invisible(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert not any(c in once for c in INVISIBLE)
    assert once == once.strip()


@pytest.mark.parametrize("kind", [Text(), LongText(), IdNumber(), Phone(), Int(minimum=0),
                                  Year(), Float(minimum=0, places=2), Money(), Date()],
                         ids=lambda k: type(k).__name__)
@given(typed=pasted)
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_kind_takes_a_value_or_refuses_with_a_message(kind, typed):
    try:
        value = kind.parse(typed)
    except ValueError as exc:
        assert str(exc)  # a message for the clerk, not a bare failure
        return
    if value is not None:
        message = kind.check(value)
        assert message is None or isinstance(message, str)
        assert kind.parse(kind.display(value)) == value  # what a list shows reads back the same


@given(st.text(max_size=30))
def test_the_id_number_check_never_crashes(text):
    result = validation.check_id_number(text)
    assert result is None or isinstance(result, str)


@given(st.text(max_size=30))
def test_the_phone_check_never_crashes(text):
    result = validation.check_phone(text)
    assert result is None or isinstance(result, str)


@pytest.mark.parametrize("entity", ["township", "village", "unit", "cadre", "household", "farmer"])
@given(values=st.lists(pasted, min_size=12, max_size=12))
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_input_to_any_field_is_saved_checked_or_refused_naming_fields(ledger, entity,
                                                                          values):
    from pairing_desktop.core import records

    spec = ENTITIES[entity]
    raw = {f.name: v for f, v in zip(spec.fields, values, strict=False)}
    try:
        records.validate(ledger, spec, raw)
    except ValidationError as exc:
        assert exc.errors and all(isinstance(m, str) and "：" in m for m in exc.errors.values())
