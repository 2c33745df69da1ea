"""Settings of issue 4, from the 设置 menu: the duty rules (intervals and counts differ between
counties) and the kinds of activity with the numbers each carries. Both are data in the ledger,
changed by operations whose checks are the core's (`duties.settings.save_rules`, the save of an
`activity_type`); the views that depend on them hear of it as a change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core.activities.types import DUTY_LABELS
from pairing_desktop.core.duties.settings import DEFAULT_RULES, PERIODS, load_rules, save_rules
from pairing_desktop.core.errors import PairingError
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import RecordPanel
from pairing_desktop.ui.style import ERROR_STYLE


def tr(text: str) -> str:
    return QCoreApplication.translate("activity_settings", text)


class DutyRulesDialog(QDialog):
    """Per duty: how often (每月/每季度/每半年/每年) and how many times; 0 means not checked."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.setWindowTitle(tr("帮扶职责规则"))
        self.periods: dict[str, QComboBox] = {}
        self.counts: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for duty in DEFAULT_RULES:
            period = QComboBox(self)
            period.setObjectName(f"period_{duty}")
            period.addItems([tr(label) for label in PERIODS.values()])
            count = QSpinBox(self)
            count.setObjectName(f"count_{duty}")
            count.setRange(0, 99)
            count.setSuffix(tr(" 次"))
            row = QHBoxLayout()
            row.addWidget(period)
            row.addWidget(count)
            label = tr(DUTY_LABELS[duty]) + (tr("（每户）") if duty == "visit" else "")
            form.addRow(label, row)
            self.periods[duty], self.counts[duty] = period, count
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.show_rules(DEFAULT_RULES))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("各县规定不同，可按本县要求修改。次数为 0 表示不检查此项。"),
                                self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.show_rules(load_rules(host.ledger))

    def show_rules(self, rules: dict) -> None:
        keys = list(PERIODS)
        for duty, rule in rules.items():
            self.periods[duty].setCurrentIndex(keys.index(rule["period"]))
            self.counts[duty].setValue(rule["count"])

    def rules(self) -> dict:
        keys = list(PERIODS)
        return {duty: {"period": keys[self.periods[duty].currentIndex()],
                       "count": self.counts[duty].value()} for duty in self.periods}

    def save(self) -> bool:
        try:
            self.host.perform(save_rules, self.rules())
        except PairingError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True


class ActivityTypesDialog(QDialog):
    """The kinds of activity, edited like any other list (the county adds its own): for each,
    whom it is for, the duty it counts towards, and by labelled check boxes the numbers and
    texts a record of it carries and which of those must be filled."""

    def __init__(self, host: LedgerHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("帮扶活动类型"))
        self.panel = RecordPanel(host, "activity_type", tr("活动类型"), parent=self)
        self.panel.setObjectName("activity_types")
        note = QLabel(tr("勾选每类活动登记时要填的数字和文字，其中必须填写的再勾在“必填项”里；"
                         "“对应职责”决定该类活动计入哪项职责检查，“成效”类不计入。"
                         "登记帮扶活动时只显示所选类型勾选的项。"), self)
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.panel, 1)
        self.resize(1200, 640)
        # room for every column of the list; the form's check boxes need less
        self.panel.splitter.setSizes([700, 500])
