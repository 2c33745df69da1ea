"""The one line every benchmark prints per figure, for bench/run_all.py to collect:

    RESULT name="open the list: count + first 200 rows" value=12.3 baseline=4.1 ratio=3.0 unit=ms

`RESULT` then key=value fields, quoted as a POSIX shell would (shlex) where a value has spaces:
`name` (what was measured), `value` (ours), `baseline` (the raw way, measured in the same run),
`ratio` (value / baseline), `unit` (s, ms, …); optionally `aim` (the ratio aimed at) and `note`.
A figure with no baseline leaves `baseline` and `ratio` out. Any script may print these lines by
hand; `result_line` makes one.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

PREFIX = "RESULT"


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    baseline: float | None
    unit: str
    aim: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


def result_line(result: Result) -> str:
    fields = {"name": result.name, "value": f"{result.value:.6g}"}
    if result.baseline is not None:
        fields["baseline"] = f"{result.baseline:.6g}"
        fields["ratio"] = f"{result.ratio:.4g}"
    fields["unit"] = result.unit
    if result.aim is not None:
        fields["aim"] = f"{result.aim:g}"
    if result.note:
        fields["note"] = result.note
    return " ".join([PREFIX] + [f"{key}={shlex.quote(value)}" for key, value in fields.items()])


def emit(results: list[Result]) -> None:
    for result in results:
        print(result_line(result), flush=True)


def parse(text: str) -> list[Result]:
    """Every RESULT line of a benchmark's output (other lines are ignored)."""
    found = []
    for line in text.splitlines():
        if not line.startswith(PREFIX + " "):
            continue
        fields = dict(part.split("=", 1) for part in shlex.split(line)[1:] if "=" in part)
        baseline = fields.get("baseline")
        found.append(Result(fields.get("name", "?"), float(fields["value"]),
                            float(baseline) if baseline else None, fields.get("unit", ""),
                            float(fields["aim"]) if "aim" in fields else None,
                            fields.get("note", "")))
    return found
