"""GUI test fixtures: the host on the test's ledger, every modal question answered by the test,
settings in tmp_path."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from pairing_desktop.ui.dialogs import Ask, Unsaved
from pairing_desktop.ui.letters.ask import LetterAsk
from pairing_desktop.ui.operations import LedgerHost
from tests.conftest import ADMIN, ADMIN_PASSWORD


@pytest.fixture
def ledger(ledger):
    """The shared ledger, closed only after the dashboard's duty checks on the thread pool have
    finished: no check may still be reading the file when it closes."""
    yield ledger
    QThreadPool.globalInstance().waitForDone(10000)


@pytest.fixture
def host(ledger) -> LedgerHost:
    """What a tab built on its own works through: the ledger, and the one signal of changes."""
    return LedgerHost(ledger)


@dataclass
class Answers:
    """What the patched Ask answers, and a log of what was asked."""

    unsaved: Unsaved = Unsaved.CANCEL
    confirm: bool = True
    path: str = ""
    credentials: tuple[str, str] | None = (ADMIN, ADMIN_PASSWORD)
    asked: list[tuple[str, str]] = field(default_factory=list)

    def texts(self, kind: str) -> list[str]:
        return [text for k, text in self.asked if k == kind]


@pytest.fixture(autouse=True)
def answers(monkeypatch) -> Answers:
    """No test may reach a modal exec(): Ask's questions are answered from this object."""
    ans = Answers()

    def unsaved(parent, what):
        ans.asked.append(("unsaved", what))
        return ans.unsaved

    def confirm(parent, title, text):
        ans.asked.append(("confirm", text))
        return ans.confirm

    def warn(parent, title, text):
        ans.asked.append(("warn", text))

    def path(parent, folder, title=""):
        ans.asked.append(("path", title))
        return ans.path

    def credentials(parent, file_name, first, message):
        ans.asked.append(("credentials", message))
        return ans.credentials

    monkeypatch.setattr(Ask, "unsaved", classmethod(lambda cls, p, w: unsaved(p, w)))
    monkeypatch.setattr(Ask, "confirm", classmethod(lambda cls, p, t, x: confirm(p, t, x)))
    monkeypatch.setattr(Ask, "warn", classmethod(lambda cls, p, t, x: warn(p, t, x)))
    monkeypatch.setattr(Ask, "error", classmethod(lambda cls, p, t, x: warn(p, t, x)))
    monkeypatch.setattr(Ask, "open_path", classmethod(lambda cls, p, f: path(p, f)))
    monkeypatch.setattr(Ask, "new_path", classmethod(lambda cls, p, f, t: path(p, f, t)))
    # a server's address and password: none unless a test gives them (test_server_window)
    monkeypatch.setattr(Ask, "server", classmethod(lambda cls, p, recent: None))
    monkeypatch.setattr(Ask, "server_password", classmethod(lambda cls, p, address: None))
    monkeypatch.setattr(Ask, "credentials",
                        classmethod(lambda cls, p, n, f, m="": credentials(p, n, f, m)))
    return ans


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """Settings (recent files) in a file of the test, not the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def told(monkeypatch) -> list[str]:
    """Messages the letters UI shows (LetterAsk.inform), instead of modal boxes."""
    messages: list[str] = []
    monkeypatch.setattr(LetterAsk, "inform",
                        classmethod(lambda cls, parent, title, text: messages.append(text)))
    return messages
