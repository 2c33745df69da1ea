"""Whose ledger this is: the county, the office, and (for a township office) which township it
keeps and the office it reports to. Named when the ledger is made (`new`); exchange packages
(core.sync) are addressed and checked by these names."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import ValidationError
from pairing_desktop.core.i18n import Phrase, tr
from pairing_desktop.core.operations.settings import set_setting
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import Setting

KEY = "profile"
NAME_MAX = 40


@dataclass(frozen=True)
class Office:
    """This ledger's office. `reports_to` empty: the county's own office (the top of the
    exchange); otherwise a township office keeping `township`'s records."""

    county: str
    name: str
    reports_to: str = ""
    township: str = ""

    @property
    def is_county(self) -> bool:
        return not self.reports_to


def set_profile(ledger: Ledger, county: str, office: str, *, reports_to: str | None = None,
                township: str | None = None) -> Changes:
    """Name the county and the office; with `reports_to`, a township office (its township is
    `township`, by default the office's own name)."""
    county, office = county.strip(), office.strip()
    reports_to = (reports_to or "").strip()
    township = (township or "").strip() or (office if reports_to else "")
    errors = {}
    if not county:
        errors["county"] = tr("县名：必填，不能为空")
    if not office:
        errors["office"] = tr("使用单位：必填，不能为空")
    for field, label, value in (("county", tr("县名"), county), ("office", tr("使用单位"), office),
                                ("reports_to", tr("上报单位"), reports_to),
                                ("township", tr("所在乡镇"), township)):
        if len(value) > NAME_MAX:
            errors[field] = tr("{field}：太长（{n}个字），最多{most}个字").format(
                field=label, n=len(value), most=NAME_MAX)
    if reports_to and reports_to == office:
        errors["reports_to"] = tr("上报单位：不能是本单位自己")
    if errors:
        raise ValidationError(errors)
    value: dict[str, str] = {"county": county, "office": office}
    if reports_to:
        value |= {"reports_to": reports_to, "township": township}
    return set_setting(ledger, KEY, value, Phrase("设置县名和使用单位"))


def _stored() -> dict[str, str]:
    row = Setting.get_or_none(Setting.key == KEY)
    return json.loads(row.value) if row else {}


@uses_ledger
def profile(ledger: Ledger) -> dict[str, str]:
    """{"county": …, "office": …}; empty strings for a ledger made before they were asked."""
    stored = _stored()
    return {"county": stored.get("county", ""), "office": stored.get("office", "")}


@uses_ledger
def office_of(ledger: Ledger) -> Office:
    """This ledger's office (empty names for a ledger made before they were asked)."""
    stored = _stored()
    return Office(stored.get("county", ""), stored.get("office", ""),
                  stored.get("reports_to", ""), stored.get("township", ""))
