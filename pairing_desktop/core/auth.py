"""Operators, passwords and roles: who may change what, decided here for every path.

Passwords are kept only as argon2id hashes (argon2-cffi: a maintained, audited implementation of
the RFC 9106 algorithm, not something to write by hand). Five wrong passwords lock an account for
15 minutes. The roles' rules are checked inside the operations (core.operations), so the window,
the command line, the importer and the exchange all obey them.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from peewee import JOIN

from pairing_desktop.core.entities import ENTITIES
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.i18n import term, tr
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import (
    FarmerPartyMember,
    Household,
    Operator,
    Setting,
    Township,
    UnitVillagePairing,
    Village,
    utcnow,
)

ADMIN, CLERK, VIEWER = "admin", "clerk", "viewer"
ROLES = {ADMIN: "县级管理员", CLERK: "乡镇录入员", VIEWER: "只读"}
MAX_TRIES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 6
AUTO_LOGIN_KEY = "auto_login"

# What an operation needs: to change the records of a township, to print letters (every role
# may: printing is recorded, not edited), or the county administrator.
EDIT, PRINT, ADMINISTER = "edit", "print", "administer"

# The kinds a township clerk keeps for their own township; everything else is county data.
CLERK_KINDS = frozenset({"village", "household", "farmer", "uv_pairing", "ut_pairing",
                         "pm_pairing", "stationed", "assignment", "target", "activity",
                         "letter"})

# How to find a record's township: the field that leads one step closer, and its kind.
_PARENT = {
    "village": ("township", "township"), "ut_pairing": ("township", "township"),
    "household": ("village", "village"), "farmer": ("village", "village"),
    "uv_pairing": ("village", "village"), "stationed": ("village", "village"),
    "pm_pairing": ("farmer", "farmer"), "assignment": ("household", "household"),
    "target": ("pairing", "uv_pairing"), "letter": ("township", "township"),
}

_MODELS = {"village": Village, "household": Household, "farmer": FarmerPartyMember,
           "uv_pairing": UnitVillagePairing}

_hasher = PasswordHasher()  # argon2id, RFC 9106's low-memory profile (64 MiB, t=3)


@dataclass(frozen=True)
class Who:
    """The logged-in operator as the operations see them."""

    id: uuid.UUID
    name: str
    role: str
    township_id: uuid.UUID | None
    township_name: str = ""

    @property
    def role_label(self) -> str:
        return ROLES[self.role]


# --- the rules of the roles ----------------------------------------------------------------


def _label(kind: str) -> str:
    spec = ENTITIES.get(kind)
    return term(spec.label) if spec else {"letter": tr("责任书"), "setting": tr("设置"),
                                           "operator": tr("操作员账户")}.get(kind, kind)


def refusal(who: Who | None, need: str, kind: str, township: uuid.UUID | None) -> str | None:
    """Why `who` may not do this, naming the role and the rule; None when allowed."""
    if who is None:
        return tr("请先登录：没有登录的操作员不能修改台账（命令行请用 --user 指定操作员）。")
    if who.role == ADMIN or need == PRINT:
        return None
    role = term(who.role_label)
    if who.role == VIEWER:
        return tr("“{role}”账户只能查看和打印，不能修改{kind}。").format(
            role=role, kind=_label(kind))
    if need == ADMINISTER or kind not in CLERK_KINDS:
        return tr("“{role}”不能修改{kind}：这是县级数据，由县级管理员维护。").format(
            role=role, kind=_label(kind))
    if township is not None and township != who.township_id:
        return tr("“{role}”只能新建和修改本乡镇（{township}）的{kind}。").format(
            role=role, township=who.township_name, kind=_label(kind))
    return None


def authorize(who: Who | None, need: str, kind: str,
              townships: Iterable[uuid.UUID | None] = (None,)) -> None:
    """Raise RefusedError when `who` may not change a record of `kind` in these townships
    (on the bound ledger, which names the other township in the message)."""
    for township in townships:
        message = refusal(who, need, kind, township)
        if message:
            other = Township.get_or_none(Township.id == township) if township else None
            if other is not None and other.id != getattr(who, "township_id", None):
                message = tr("{refusal}，此{kind}属于{township}。").format(
                    refusal=message.rstrip("。"), kind=_label(kind), township=other.name)
            raise RefusedError(message)


def can_edit(who: Who | None, kind: str, township: uuid.UUID | None = None) -> bool:
    """Whether a form for this record should be editable (the operation checks again)."""
    return refusal(who, EDIT, kind, township) is None


def sees_full_numbers(who: Who | None, kind: str, township: uuid.UUID | None = None) -> bool:
    """ID and phone numbers are shown whole only to who may edit the record."""
    return who is not None and can_edit(who, kind, township)


def township_of(kind: str, values: dict[str, Any]) -> uuid.UUID | None:
    """The township a record belongs to (on the bound ledger), following its references."""
    if kind == "activity":
        if values.get("pairing"):
            return township_of("target", {"pairing": values["pairing"]})
        if values.get("household"):
            return township_of("assignment", {"household": values["household"]})
        return None
    ref = values.get(_PARENT[kind][0]) if kind in _PARENT else None
    while ref is not None and kind in _PARENT:
        parent = _PARENT[kind][1]
        if parent == "township":
            return ref if isinstance(ref, uuid.UUID) else uuid.UUID(str(ref))
        model = _MODELS[parent]
        up = getattr(model, _PARENT[parent][0])  # one column a step, by the primary key
        row = model.select(up).where(model.id == ref).tuples().first()
        ref = row[0] if row else None
        kind = parent
    return None


def scoped(who: Who | None) -> bool:
    """Whether the rules depend on where a record is: only a township clerk's do (so an
    administrator's save looks up no township)."""
    return who is not None and who.role == CLERK


# --- accounts ----------------------------------------------------------------------------------


def _who(row: Operator) -> Who:
    name = ""
    if row.township_id is not None:
        town = Township.get_or_none(Township.id == row.township_id)
        name = town.name if town else ""
    return Who(row.id, row.name, row.role, row.township_id, name)


def _live(name: str) -> Operator | None:
    return Operator.get_or_none((Operator.name == name.strip()) & Operator.deleted_at.is_null())


@uses_ledger
def has_operators(ledger: Ledger) -> bool:
    return Operator.select().where(Operator.deleted_at.is_null()).exists()


def check_password(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError({field: tr("密码：至少 {n} 位").format(n=MIN_PASSWORD)})


def hash_password(password: str) -> str:
    return _hasher.hash(password)


@uses_ledger
def login(ledger: Ledger, name: str, password: str, now: dt.datetime | None = None) -> Who:
    """Check a password; on success the ledger works as this operator from now on.

    Five wrong tries lock the account for 15 minutes. The messages do not say whether a name
    exists, except for a locked or disabled account, where the clerk must know to wait or ask."""
    now = now or utcnow()
    row = _live(name)
    wrong = tr("用户名或密码错误。")
    if row is None:
        raise RefusedError(wrong)
    if row.disabled:
        raise RefusedError(tr("账户“{name}”已停用，请联系县级管理员。").format(name=row.name))
    if row.locked_until is not None and row.locked_until > now:
        local = row.locked_until.replace(tzinfo=dt.UTC).astimezone().strftime("%H:%M")
        raise RefusedError(tr("账户“{name}”因多次输错密码已锁定，请于 {time} 后再试。").format(
            name=row.name, time=local))
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        if ledger.read_only:  # a damaged file seen read-only: nothing to count the tries in
            raise RefusedError(wrong) from None
        with ledger.atomic():
            failed = (row.failed_logins if row.locked_until is None else 0) + 1
            locked = now + dt.timedelta(minutes=LOCK_MINUTES) if failed >= MAX_TRIES else None
            (Operator.update(failed_logins=0 if locked else failed, locked_until=locked)
             .where(Operator.id == row.id).execute())
        if locked:
            raise RefusedError(tr("密码连续输错 {n} 次，账户“{name}”已锁定 {minutes} 分钟。")
                               .format(n=MAX_TRIES, name=row.name, minutes=LOCK_MINUTES)) \
                from None
        raise RefusedError(tr("{wrong}还可尝试 {n} 次。").format(wrong=wrong,
                                                              n=MAX_TRIES - failed)) from None
    if (row.failed_logins or row.locked_until is not None) and not ledger.read_only:
        with ledger.atomic():
            (Operator.update(failed_logins=0, locked_until=None)
             .where(Operator.id == row.id).execute())
    ledger.operator = _who(row)
    ledger.session.clear()  # another operator does not undo what the last one did
    return ledger.operator


@uses_ledger
def auto_login_name(ledger: Ledger) -> str | None:
    row = Setting.get_or_none(Setting.key == AUTO_LOGIN_KEY)
    return json.loads(row.value) if row else None


@uses_ledger
def auto_login(ledger: Ledger) -> Who | None:
    """Work as the operator the ledger's settings name for auto-login, if any (and usable)."""
    name = auto_login_name(ledger)
    row = _live(name) if name else None
    if row is None or row.disabled:
        return None
    ledger.operator = _who(row)
    return ledger.operator


@uses_ledger
def operator_names(ledger: Ledger) -> list[tuple[str, str, str, str, bool]]:
    """(name, full name, role label, township, disabled) of every live operator."""
    rows = (Operator.select(Operator, Township.name.alias("town"))
            .join(Township, on=(Operator.township == Township.id), join_type=JOIN.LEFT_OUTER)
            .where(Operator.deleted_at.is_null()).order_by(Operator.name).dicts())
    return [(r["name"], r["full_name"], ROLES[r["role"]], r["town"] or "", r["disabled"])
            for r in rows]
