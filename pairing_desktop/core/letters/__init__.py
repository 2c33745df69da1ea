"""Responsibility letters: templates → layout → PDF, verification codes, lifecycle, batches.

Qt-free, like the rest of the core; the GUI and the command line both drive `batch` and
`lifecycle`.
"""

KINDS = {"target": "结对帮扶目标责任书", "cadre": "干部帮扶责任书", "card": "帮扶联系卡"}
