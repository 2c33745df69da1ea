"""Operator accounts as operations: the first administrator, new operators, passwords, disabling,
and auto-login. Administrators only (the first administrator creates themself). The history
records who changed an account and how, never a password or its hash."""

from __future__ import annotations

import json
import uuid
from typing import Any

from pairing_desktop.core import auth
from pairing_desktop.core.changes import Changes
from pairing_desktop.core.errors import RefusedError, ValidationError
from pairing_desktop.core.i18n import Phrase, term, tr
from pairing_desktop.core.operations.base import operation
from pairing_desktop.core.operations.settings import put
from pairing_desktop.core.storage.ledger import Ledger, uses_ledger
from pairing_desktop.core.storage.models import Operator, Township

PASSWORD_SET = "（已设置）"


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError({"name": tr("用户名：必填，不能为空")})
    if len(name) > 32 or any(c.isspace() for c in name):
        raise ValidationError({"name": tr("用户名：不超过32个字符，不能含空格")})
    return name


def _account(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("name", "full_name", "role", "township", "disabled")}


@uses_ledger
def create_first_admin(ledger: Ledger, name: str, password: str,
                       full_name: str = "") -> Changes:
    """The county administrator of a ledger that has no operator yet; logs them in."""
    name = _check_name(name)
    auth.check_password(password)
    if auth.has_operators(ledger):
        raise RefusedError(tr("此台账已有操作员，请登录后由县级管理员新建账户。"))
    new_id = uuid.uuid4()
    who = auth.Who(new_id, name, auth.ADMIN, None)
    with operation(ledger, Phrase("新建县级管理员账户"), auth.ADMINISTER, stack=None,
                   as_who=who) as op:
        _insert(op, new_id, name, password, auth.ADMIN, None, full_name)
    ledger.operator = who
    return op.changes


def create_operator(ledger: Ledger, name: str, password: str, role: str,
                    township: str | uuid.UUID | None = None, full_name: str = "") -> Changes:
    """A new account; a township clerk must name their township."""
    name = _check_name(name)
    auth.check_password(password)
    if role not in auth.ROLES:
        raise ValidationError({"role": tr("角色：应为 {roles} 之一").format(
            roles="/".join(term(r) for r in auth.ROLES.values()))})
    with operation(ledger, Phrase("新建操作员“{name}”", name=name), auth.ADMINISTER,
                   stack=None) as op:
        town = _township(township) if township else None
        if role == auth.CLERK and town is None:
            raise ValidationError({"township": tr("所属乡镇：乡镇录入员必须选择所属乡镇")})
        if Operator.select().where((Operator.name == name)
                                   & Operator.deleted_at.is_null()).exists():
            raise ValidationError({"name": tr("用户名：“{name}”已存在，不能重复").format(
                name=name)})
        op.record_id = uuid.uuid4()
        _insert(op, op.record_id, name, password, role, town, full_name)
    return op.changes


def _insert(op: Any, new_id: uuid.UUID, name: str, password: str, role: str,
            town: uuid.UUID | None, full_name: str) -> None:
    values = {"name": name, "full_name": full_name.strip(), "role": role, "township": town,
              "disabled": False}
    op.created("operator", new_id, {**values, "password": PASSWORD_SET})
    Operator.insert(id=new_id, password_hash=auth.hash_password(password), **values).execute()


def _township(township: str | uuid.UUID) -> uuid.UUID:
    if isinstance(township, uuid.UUID):
        return township
    row = Township.get_or_none((Township.name == township.strip())
                               & Township.deleted_at.is_null())
    if row is None:
        raise ValidationError({"township": tr("所属乡镇：没有名为“{name}”的乡镇").format(
            name=township)})
    return row.id


def _row(name: str) -> dict[str, Any]:
    row = (Operator.select().where((Operator.name == name.strip())
                                   & Operator.deleted_at.is_null()).dicts().first())
    if row is None:
        raise RefusedError(tr("没有名为“{name}”的操作员。").format(name=name))
    return row


def reset_password(ledger: Ledger, name: str, password: str) -> Changes:
    """Set a new password (an administrator's reset also unlocks the account)."""
    auth.check_password(password)
    with operation(ledger, Phrase("重设操作员“{name}”的密码", name=name), auth.ADMINISTER,
                   stack=None) as op:
        row = _row(name)
        op.updated("operator", row["id"], {"password": PASSWORD_SET},
                   {"password": "（已重设）"})
        (Operator.update(password_hash=auth.hash_password(password), failed_logins=0,
                         locked_until=None).where(Operator.id == row["id"]).execute())
    return op.changes


def set_disabled(ledger: Ledger, name: str, disabled: bool = True) -> Changes:
    """Disable an account (it can no longer log in) or enable it again; never one's own."""
    label = Phrase("停用操作员“{name}”", name=name) if disabled else \
        Phrase("启用操作员“{name}”", name=name)
    with operation(ledger, label, auth.ADMINISTER, stack=None) as op:
        row = _row(name)
        if ledger.operator is not None and row["id"] == ledger.operator.id:
            raise RefusedError(tr("不能停用正在使用的账户。"))
        op.updated("operator", row["id"], _account(row), {**_account(row), "disabled": disabled})
        Operator.update(disabled=disabled).where(Operator.id == row["id"]).execute()
    return op.changes


def set_auto_login(ledger: Ledger, name: str | None) -> Changes:
    """Let a single-clerk install start as `name` without a password (None: always ask)."""
    label = Phrase("设置自动登录") if name else Phrase("取消自动登录")
    with operation(ledger, label, auth.ADMINISTER, stack=None) as op:
        if name is not None:
            _row(name)
        put(op, auth.AUTO_LOGIN_KEY, None if name is None else json.dumps(name.strip()))
    return op.changes
