"""Whose ledger this is: the county and the office, named when the ledger is made (`new`)."""

from __future__ import annotations

import json

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.operations.settings import set_setting
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import Setting

KEY = "profile"


def set_profile(ledger: Ledger, county: str, office: str) -> Changes:
    county, office = county.strip(), office.strip()
    errors = {}
    if not county:
        errors["county"] = "县名：必填，不能为空"
    if not office:
        errors["office"] = "使用单位：必填，不能为空"
    if errors:
        raise ValidationError(errors)
    return set_setting(ledger, KEY, {"county": county, "office": office}, "设置县名和使用单位")


@uses_ledger
def profile(ledger: Ledger) -> dict[str, str]:
    """{"county": …, "office": …}; empty strings for a ledger made before they were asked."""
    row = Setting.get_or_none(Setting.key == KEY)
    stored = json.loads(row.value) if row else {}
    return {"county": stored.get("county", ""), "office": stored.get("office", "")}
