"""The program's colours, in one place: messages, the dashboard's traffic lights, the report.

Widgets take their colours from here (and everything else from the platform's palette), so that
one red means "this is wrong" everywhere and a change of scheme is one edit.
"""

from __future__ import annotations

# A field the core refused, a message that something failed: red, readable on white.
ERROR = "#c0392b"
ERROR_STYLE = f"color: {ERROR};"

# The dashboard's cells by duty status (core.duties.checks: MET, PENDING, OVERDUE): pale
# backgrounds, so that the black text on them stays readable.
MET_BACKGROUND = "#c8e6c9"  # green: done for the period
PENDING_BACKGROUND = "#ffe0b2"  # amber: still to do, not late yet
OVERDUE_BACKGROUND = "#ffcdd2"  # red: a period went by without it
TRAFFIC_LIGHTS = {"met": MET_BACKGROUND, "pending": PENDING_BACKGROUND,
                  "overdue": OVERDUE_BACKGROUND}

# The report: the rows that head a section, and the bars of its chart.
SECTION_BACKGROUND = "#e8eef5"
CHART_BARS = "#4a78a8"

# What an empty list says it is for: grey, over the empty table.
PLACEHOLDER_STYLE = "color: #6b6b6b; font-size: 11pt;"

# Keyboard focus seen at a glance (a clerk tabs through forms): a blue ring on the focused
# table and button (a field shows its caret); the platform's dotted focus rectangle was barely
# visible. Tables and buttons are styled whole, so that they keep their size with and without
# focus (a border that only the focused state had was cut to one pixel by the headers).
FOCUS = "#1a73e8"
FOCUS_STYLE = f"""
QTableView, QTreeView {{ border: 2px solid #d4d4d4; }}
QTableView:focus, QTreeView:focus {{ border: 2px solid {FOCUS}; }}
QPushButton {{ padding: 3px 7px; border: 1px solid #9a9a9a; border-radius: 3px;
              background: #f7f7f7; min-height: 18px; }}
QPushButton:hover {{ background: #eaf1fd; }}
QPushButton:pressed {{ background: #d6e4fb; }}
QPushButton:disabled {{ color: #a0a0a0; border-color: #c8c8c8; }}
QPushButton:focus {{ border: 2px solid {FOCUS}; padding: 2px 6px; }}
"""
