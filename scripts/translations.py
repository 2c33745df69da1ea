"""The program's translations: Qt .ts sources and compiled .qm files in resources/translations/.

    python scripts/translations.py           # update the .ts from the sources, compile the .qm
    python scripts/translations.py --check   # exit 1 when a .ts or .qm is stale or unfinished

The source strings are Chinese (the program's language); each other language is
`pairing_desktop_<lang>.ts`, edited by hand or in Qt Linguist (`pyside6-linguist`), and compiled
to the shipped `pairing_desktop_<lang>.qm`. Running the script again keeps every translation
(lupdate merges; strings no longer in the code are kept as vanished, so one that comes back
keeps its translation) and prints how many strings are still unfinished.

Why not plain `pyside6-lupdate pairing_desktop/ui`: our modules translate with a module-level
`tr(text)` that calls `QCoreApplication.translate("<context>", text)`, which lupdate would file
under an empty context, and the field labels, list headings and roles come from the Qt-free core
at run time (translated in the "fields" context by the UI). So lupdate reads a staged copy of
pairing_desktop/ui where each bare `tr(` is spelled out with its module's context (same lines),
plus one generated module listing the core's labels with QT_TRANSLATE_NOOP.

The core's own messages (pairing_desktop/core/i18n.py) are its `tr("…")`, `mark("…")` and
`Phrase("…")` calls, read from the core's sources with ast and filed under the "core" context;
`--check` also fails on such a call whose text is not a literal (an f-string, a variable),
which could never be translated.

Locations are left out of the .ts (`-locations none`): a line moved elsewhere in the code then
changes nothing, so `--check` can insist that the .ts holds exactly the code's strings.
"""

from __future__ import annotations

import argparse
import ast
import io
import shutil
import subprocess
import sys
import tempfile
import tokenize
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "pairing_desktop" / "ui"
FOLDER = ROOT / "resources" / "translations"
STEM = "pairing_desktop"
LANGUAGES = ("en",)
SOURCE_LANGUAGE = "zh_CN"
# the context the UI translates the core's labels in (ui.record_form.tr_field, list headings)
FIELDS = "fields"
FORM = "form"
CORE = ROOT / "pairing_desktop" / "core"
CORE_CONTEXT = "core"  # core.i18n.CONTEXT
CORE_MARKERS = ("tr", "mark", "Phrase")  # core.i18n's functions whose first argument is a literal


def _tool(name: str) -> str:
    """pyside6-lupdate / -lrelease beside this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this Python")
    return found


# --- staging the sources -----------------------------------------------------------------------

def module_context(source: str) -> str | None:
    """The context of a module's `def tr(text): return QCoreApplication.translate(ctx, text)`."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "translate" and call.args
                        and isinstance(call.args[0], ast.Constant)):
                    return call.args[0].value
    return None


def spell_out_tr(source: str, context: str) -> str:
    """Each bare `tr(` call (not `x.tr(`, not `def tr(`) becomes QCoreApplication.translate with
    the module's context; lines stay where they are."""
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int]] = []  # (row, col) of each `tr` name to replace
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for i, tok in enumerate(tokens):
        if tok.type != tokenize.NAME or tok.string != "tr" or i + 1 >= len(tokens):
            continue
        before = tokens[i - 1].string if i else ""
        if tokens[i + 1].string == "(" and before not in (".", "def"):
            edits.append(tok.start)
    for row, col in reversed(edits):
        line = lines[row - 1]
        lines[row - 1] = (f'{line[:col]}QCoreApplication.translate("{context}", '
                          f'{line[col + len("tr("):]}')
    return "".join(lines)


def _marker(call: ast.Call) -> bool:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else \
        func.attr if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
        and func.value.id == "i18n" else None
    return name in CORE_MARKERS


def core_messages(folder: Path = CORE) -> tuple[list[str], list[str]]:
    """The literal texts of the core's tr()/mark()/Phrase() calls, and where a call's text is not a
    literal ("path:line: ..." — a message nobody could translate)."""
    texts, problems = [], []
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not _marker(node):
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                texts.append(first.value)
            else:
                shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                where = f"{shown}:{node.lineno}"
                problems.append(f"{where}: the text given to core tr()/mark()/Phrase() is not a "
                                "literal: write tr(\"…{name}…\").format(name=…)")
    return texts, problems


def _entity_words() -> tuple[list[str], list[str], list[str], list[str]]:
    """Kinds of record, field labels and prompts, choice labels, placeholders of the entity
    table."""
    from pairing_desktop.core.entities import ENTITIES
    from pairing_desktop.core.fields import Choice, Money

    kinds, labels, choices, placeholders = [], [], [], []
    for spec in ENTITIES.values():
        kinds.append(spec.label)
        for f in spec.fields:
            labels += [f.label] + ([f.prompt] if f.prompt else [])
            if isinstance(f.kind, Choice):
                choices += f.kind.labels
            if isinstance(f.kind, Money):
                choices += list(f.kind.units)
            placeholder = getattr(f.kind, "placeholder", "")
            if placeholder:
                placeholders.append(placeholder)
        labels += [c.label for c in spec.computed] + [c.note for c in spec.computed]
        labels += [heading for _path, heading in spec.list_paths]
        labels += [what for _names, what in spec.unique]  # in the core's messages (term)
    return kinds, labels, choices, placeholders


def dynamic_strings() -> list[tuple[str, str]]:
    """(context, text) of every word the UI translates at run time rather than as a literal:
    the core's labels and vocabularies (and a few tables of the UI's own), each in the context
    of the code that shows it. A new table shown through tr() belongs here."""
    sys.path.insert(0, str(ROOT))
    from pairing_desktop.core import auth, history, history_book, records, recycle
    from pairing_desktop.core.activities.ledger import ActivityList
    from pairing_desktop.core.activities.types import DUTY_LABELS, UNITS
    from pairing_desktop.core.duties.settings import PERIODS
    from pairing_desktop.core.letters import KINDS, lifecycle
    from pairing_desktop.core.letters.fonts import CHOICES as FONT_CHOICES
    from pairing_desktop.core.letters.fonts import ROLE_LABELS
    from pairing_desktop.core.rules import quotas
    from pairing_desktop.ui import operators_dialog, record_panel
    from pairing_desktop.ui.letters import letters_tab

    kinds, labels, choices, placeholders = _entity_words()
    roles = list(auth.ROLES.values())
    columns = [lifecycle.LetterList.COLUMNS, history_book.COLUMNS, recycle.RecycleBin.columns,
               ActivityList.columns]
    columns += [cls.columns for cls in vars(quotas).values()
                if isinstance(cls, type) and isinstance(getattr(cls, "columns", None), list)]
    headings = [label for table in columns for _name, label in table]
    duties = list(DUTY_LABELS.values())
    vocabularies = {
        FIELDS: kinds + labels + choices + headings + roles + list(history.KIND_LABELS.values())
        + list(records.MODEL_LABELS.values()) + list(UNITS) + list(KINDS.values())
        + list(lifecycle.STATUSES),
        FORM: placeholders,
        "MainWindow": kinds + roles,
        "RecordPanel": kinds + list(record_panel.PICK_FIRST.values()),
        "operators": roles + list(operators_dialog.HEADERS),
        "activity_settings": duties + list(PERIODS.values()) + list(UNITS),
        "overview": duties,
        "AssignmentsTab": [quotas.UNDER, quotas.OVER, quotas.MET],
        "LettersTab": list(KINDS.values()) + list(lifecycle.STATUSES)
        + list(FONT_CHOICES.values()),
        "BatchDialog": list(KINDS.values()),
        "FontTable": list(letters_tab.FONT_COLUMNS) + list(ROLE_LABELS.values()),
        CORE_CONTEXT: core_messages()[0],
    }
    return sorted({(context, text) for context, texts in vocabularies.items()
                   for text in texts if text})


def stage(into: Path) -> list[Path]:
    """Copy pairing_desktop/ui into `into` with bare tr() spelled out, add the core's labels;
    returns the files for lupdate."""
    files = []
    for path in sorted(UI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        context = module_context(source)
        if context is not None:
            source = spell_out_tr(source, context)
        target = into / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source, encoding="utf-8")
        files.append(target)
    labels = into / "dynamic_strings.py"
    labels.write_text("from PySide6.QtCore import QT_TRANSLATE_NOOP\n\n" + "".join(
        f"QT_TRANSLATE_NOOP({context!r}, {text!r})\n" for context, text in dynamic_strings()),
        encoding="utf-8")
    files.append(labels)
    return files


# --- lupdate, lrelease, counting ---------------------------------------------------------------

def ts_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"{STEM}_{language}.ts"


def qm_path(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"{STEM}_{language}.qm"


def run(args: list[str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def update_ts(ts: Path, language: str, work: Path) -> None:
    """lupdate the staged sources into `ts` (created when missing), keeping its translations."""
    files = stage(work / "src")
    listing = work / "files.lst"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    run([_tool("pyside6-lupdate"), "-silent", "-locations", "none",
         "-source-language", SOURCE_LANGUAGE, "-target-language", language,
         f"@{listing}", "-ts", str(ts)])


def compile_qm(ts: Path, qm: Path) -> None:
    run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)])


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every current message with no finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            if kind == "unfinished" or not translation.text:
                missing.append((name, message.findtext("source") or ""))
    return missing


def count(ts: Path) -> tuple[int, int]:
    """(current messages, translated ones)."""
    total = 0
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") not in ("vanished", "obsolete"):
            total += 1
    return total, total - len(unfinished(ts))


def check(language: str) -> list[str]:
    """What is wrong with one language's files: stale .ts, stale .qm, unfinished strings."""
    problems = core_messages()[1]
    ts, qm = ts_path(language), qm_path(language)
    if not ts.exists() or not qm.exists():
        return [*problems, f"{ts.name} or {qm.name} missing: run python scripts/translations.py"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        fresh = work / ts.name
        shutil.copyfile(ts, fresh)
        update_ts(fresh, language, work)
        if fresh.read_bytes() != ts.read_bytes():
            problems.append(f"{ts.name} does not hold the code's strings: run "
                            "python scripts/translations.py")
        compiled = work / qm.name
        compile_qm(ts, compiled)
        if compiled.read_bytes() != qm.read_bytes():
            problems.append(f"{qm.name} is not compiled from {ts.name}: run "
                            "python scripts/translations.py")
    for context, source in unfinished(ts):
        problems.append(f"{ts.name}: unfinished [{context}] {source!r}")
    return problems


def update(language: str) -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    ts = ts_path(language)
    with tempfile.TemporaryDirectory() as tmp:
        update_ts(ts, language, Path(tmp))
    compile_qm(ts, qm_path(language))
    total, done = count(ts)
    print(f"{ts.relative_to(ROOT)}: {total} strings, {done} translated, "
          f"{total - done} unfinished")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 when a file is stale or a string unfinished")
    args = parser.parse_args(argv)
    if not args.check:
        for language in LANGUAGES:
            update(language)
        return 0
    problems = [p for language in LANGUAGES for p in check(language)]
    for problem in problems:
        print(problem)
    if not problems:
        print("translations up to date and complete")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
