"""Errors the core raises; each carries a Chinese message a clerk can act on, in the
interface's language (core.i18n)."""

from __future__ import annotations

import errno

from pairing_desktop.core.i18n import mark, translated


class PairingError(Exception):
    """Base of every error the core reports to the user."""


class ValidationError(PairingError):
    """Bad input: maps each offending field name to a message that names the problem."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))


class RefusedError(PairingError):
    """An action the rules forbid (deleting a referenced record, ending a pairing early)."""


class StorageError(PairingError):
    """The database file cannot be used: damaged, not ours, too new, or in use."""


class DamagedError(StorageError):
    """The file is ours (or claims to be) but fails SQLite's checks: never written to.

    `readable` when SQLite reads it through and it is ours, of this version: it can still be
    opened read-only (core.ledgers.open_damaged) to see, print and export what it holds."""

    readable: bool = False
    problem: str = ""  # what SQLite's check said


# What the operating system's failures mean to a clerk: its own text (English on most systems)
# stays in brackets for whoever reads the log.
_OS_MEANINGS = {
    errno.ENOENT: mark("找不到这个文件或文件夹"),
    errno.EACCES: mark("没有权限：文件或文件夹是只读的，或正被其他程序占用"),
    errno.EPERM: mark("没有权限：文件或文件夹是只读的，或正被其他程序占用"),
    errno.ENOSPC: mark("磁盘已满"),
    errno.EROFS: mark("磁盘是只读的"),
    errno.EIO: mark("读写出错（U 盘或网络盘是否已断开？）"),
    errno.EISDIR: mark("这是一个文件夹，不是文件"),
    errno.ENOTDIR: mark("路径中有一段不是文件夹"),
    errno.EBUSY: mark("正被其他程序占用"),
    errno.ENAMETOOLONG: mark("文件名或路径太长"),
}


def os_reason(exc: OSError) -> str:
    """Why an OSError happened, in Chinese where we know it, with the system's words after."""
    said = exc.strerror or str(exc)
    meaning = _OS_MEANINGS.get(exc.errno or -1)
    return f"{translated(meaning)}［{said}］" if meaning else said
