"""The core's words in the interface's language, without Qt (as Anki's pylib translates for aqt).

Every message the core gives a person — a refusal, a field's error, what a check found — is
written in Chinese and passed through `tr` (or `mark`, for a constant) as a literal:
`tr("…{name}…").format(name=…)`, never an f-string, so that scripts/translations.py finds the
template and files it under the "core" context of the .ts. The interface sets the translator
when it installs a language (ui/language.py, QCoreApplication.translate); until then `tr`
gives the Chinese back, so the command line and the core's tests speak Chinese.

What the core keeps or writes in Chinese whatever the interface says — letters, reports,
workbooks, the history's stored operation names — does not go through `tr`. An operation's
name is both: stored in Chinese, shown translated; `Phrase` carries both (see there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CONTEXT = "core"  # where the core's literals are filed in the .ts
TERMS = "fields"  # where the entity table's labels and vocabularies are (scripts/translations.py)

Translator = Callable[[str, str], str]  # (context, Chinese text) → shown text


def _identity(_context: str, text: str) -> str:
    return text


_translate: Translator = _identity  # the one setting: the interface's language, set once


def set_translator(translate: Translator | None) -> None:
    """Called by the interface when it installs a language; None goes back to Chinese."""
    global _translate
    _translate = translate or _identity


def tr(text: str) -> str:
    """A message of the core in the interface's language. `text` must be a literal (the
    translations script refuses anything else)."""
    return _translate(CONTEXT, text)


def term(label: str) -> str:
    """A label of the entity table or of a vocabulary (a kind of record, a field, a choice, a
    role) in the interface's language, as the screens show it: for labels that are values,
    not literals, inside a message."""
    return _translate(TERMS, label)


def mark(text: str) -> str:
    """A literal that is translated later, where it is shown (`translated`): a module's
    constant, read before the interface sets its language. Gives `text` back unchanged."""
    return text


def translated(text: str) -> str:
    """A text the core holds in Chinese — a `mark`ed constant, or an operation's name as the
    history stores it — in the interface's language when it is one of the core's literals,
    else as it is (a name with values in it stays as stored)."""
    return _translate(CONTEXT, text)


class Phrase(str):
    """An operation's name: the Chinese text (what the history stores and a file writes) that
    also knows how to be shown in the interface's language, from its template and values.

    `Phrase("删除{kind}", kind=Phrase.term("帮扶单位"))` is "删除帮扶单位" as a str and
    "Delete unit" by `shown`. The template must be a literal (extracted as `tr`'s are)."""

    template: str
    values: dict[str, Any]
    context: str

    def __new__(cls, template: str, **values: Any) -> Phrase:
        self = super().__new__(cls, template.format(**{k: str(v) for k, v in values.items()}))
        self.template, self.values, self.context = template, values, CONTEXT
        return self

    @classmethod
    def term(cls, label: str) -> Phrase:
        """A label of the entity table as a value of a phrase: shown by `term`."""
        self = super().__new__(cls, label)
        self.template, self.values, self.context = label, {}, TERMS
        return self

    def shown(self) -> str:
        return _translate(self.context, self.template).format(
            **{k: v.shown() if isinstance(v, Phrase) else v for k, v in self.values.items()})


def shown(text: Any) -> str:
    """How the interface shows a text the core keeps in Chinese: a Phrase translated, a stored
    literal translated, anything else as it is."""
    if isinstance(text, Phrase):
        return text.shown()
    return translated(text) if isinstance(text, str) else str(text)
