"""The error reporter of the app, logging to a file of the test's, and the message it showed."""

from __future__ import annotations

import pytest

from pairing_desktop.core.logs import log_file
from pairing_desktop.ui.errors import ErrorReporter


@pytest.fixture
def reporter(tmp_path, qapp):
    """Install it in the test body (`with reporter.installed():`): pytest-qt sets its own
    excepthook for each phase of a test, over one set by a fixture."""
    with log_file(tmp_path / "logs") as path:
        yield ErrorReporter(path)


def shown(qtbot, answers) -> str:
    """The one program-error message shown (Ask.error, answered by the tests' conftest)."""
    qtbot.waitUntil(lambda: bool(answers.texts("warn")), timeout=5000)
    [text] = answers.texts("warn")
    return text
