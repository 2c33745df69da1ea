"""What SQLite's failures mean to a clerk: what happened, and what to do.

A full disk, a read-only file or folder, a file held by another program or a pulled-out stick
reach us as OperationalError with an English text; the operations and the opening of a file turn
them into a StorageError whose message a clerk can act on. Nothing committed is lost in any of
them: the transaction that failed is rolled back whole.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee

from pairing_desktop.core.errors import StorageError
from pairing_desktop.core.i18n import mark, tr, translated


def is_failure(exc: BaseException) -> bool:
    """An SQLite failure of the file or the machine, not a rule the database enforces (a
    uniqueness or a reference: those are bad input, said by the validation)."""
    return isinstance(exc, peewee.DatabaseError | sqlite3.DatabaseError) and not isinstance(
        exc, peewee.IntegrityError | sqlite3.IntegrityError)

_MEANINGS = (
    (("disk is full", "no space"), mark("磁盘已满：这次修改没有保存，已保存的数据不受影响。"
                                        "请清理磁盘空间后再保存（表单里的内容仍在）。")),
    (("readonly", "read-only", "permission"),
     mark("台账文件或所在文件夹是只读的，不能写入：这次修改没有保存。"
          "请检查文件属性和文件夹权限，或把台账复制到可写的文件夹后打开。")),
    (("locked", "busy"), mark("台账正被其他程序占用（杀毒软件、同步盘或另一个窗口）："
                              "这次修改没有保存。请稍后再试。")),
    (("disk i/o", "i/o error", "unable to open"),
     mark("读写台账文件时出错（U 盘或网络盘是否已断开？）：这次修改没有保存，已保存的数据不受影响。"
          "请重新连接后再保存。")),
)


def meaning(exc: BaseException, path: Path | None = None) -> str:
    """The Chinese message for an SQLite failure (the English text kept in brackets)."""
    text = str(exc).lower()
    where = f"（{path}）" if path else ""
    for needles, message in _MEANINGS:
        if any(n in text for n in needles):
            return f"{translated(message)}{where}［{exc}］"
    return tr("台账文件出错{where}：{problem}。这次修改没有保存，已保存的数据不受影响。").format(
        where=where, problem=exc)


def as_storage_error(exc: BaseException, path: Path | None = None) -> StorageError:
    error = StorageError(meaning(exc, path))
    error.__cause__ = exc
    return error
