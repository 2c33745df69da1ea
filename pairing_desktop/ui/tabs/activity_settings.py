"""Settings of issue 4, from the 设置 menu: the duty rules (intervals and counts differ between
counties; which kinds of activity count toward each duty; each kind's counter word in the report)
and the kinds of activity with the numbers each carries. Both are data in the ledger,
changed by operations whose checks are the core's (`duties.settings.save_rules`, the save of an
`activity_type`); the views that depend on them hear of it as a change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairing_desktop.core.activities.types import DUTIES, DUTY_LABELS, UNITS
from pairing_desktop.core.duties.settings import (
    DEFAULT_RULES,
    PERIODS,
    KindSetting,
    kind_settings,
    load_rules,
    save_rules,
)
from pairing_desktop.core.errors import PairingError
from pairing_desktop.ui.dialogs import close_button
from pairing_desktop.ui.operations import LedgerHost
from pairing_desktop.ui.record_panel import RecordPanel
from pairing_desktop.ui.style import ERROR_STYLE


def tr(text: str) -> str:
    return QCoreApplication.translate("activity_settings", text)


class DutyRulesDialog(QDialog):
    """Per duty: how often (每月/每季度/每半年/每年) and how many times, 0 meaning not checked;
    and per kind of activity the duty it counts toward (many kinds to one duty) and the counter
    word of its figure in the report. Saved together as one operation (`save_rules`)."""

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
        self.kinds = QTableWidget(self)
        self.kinds.setObjectName("kinds")
        self.kinds.setColumnCount(3)
        self.kinds.setHorizontalHeaderLabels([tr("活动类型"), tr("计入职责"), tr("报告计量单位")])
        self.kinds.verticalHeader().hide()
        self.kinds.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kinds.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.duty_of: dict[str, QComboBox] = {}  # type id (hex) -> its duty
        self.unit_of: dict[str, QComboBox] = {}  # code -> its counter word
        self.settings: list[KindSetting] = []
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("保存"))
        defaults = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.setText(tr("恢复默认规则"))
        buttons.addButton(close_button(self), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        defaults.clicked.connect(lambda: self.show_rules(DEFAULT_RULES))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("各县规定不同，可按本县要求修改。次数为 0 表示不检查此项。"),
                                self))
        layout.addLayout(form)
        hint = QLabel(tr("各类活动计入哪项职责检查（多类活动可计入同一职责；“到村开展活动”"
                         "计入除“成效”类外的各类活动），以及统计报告中该类数字的计量单位："), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.kinds, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 760)
        self.show_rules(load_rules(host.ledger))
        self.show_kinds(kind_settings(host.ledger))

    def show_rules(self, rules: dict) -> None:
        keys = list(PERIODS)
        for duty, rule in rules.items():
            self.periods[duty].setCurrentIndex(keys.index(rule["period"]))
            self.counts[duty].setValue(rule["count"])

    def show_kinds(self, settings: list[KindSetting]) -> None:
        self.settings = settings
        self.kinds.setRowCount(len(settings))
        self.duty_of.clear()
        self.unit_of.clear()
        for r, kind in enumerate(settings):
            name = QTableWidgetItem(kind.name + (tr("（成效）") if kind.is_outcome else ""))
            self.kinds.setItem(r, 0, name)
            duty = QComboBox(self.kinds)
            duty.setObjectName(f"duty_{kind.code}")
            duty.addItem(tr("不计入"), "")
            for code in DUTIES:
                duty.addItem(tr(DUTY_LABELS[code]), code)
            duty.setCurrentIndex(max(0, duty.findData(kind.duty or "")))
            unit = QComboBox(self.kinds)
            unit.setObjectName(f"unit_{kind.code}")
            for word in UNITS:  # stored in Chinese, shown in the interface's language
                unit.addItem(tr(word), word)
            unit.setCurrentIndex(max(0, unit.findData(kind.unit)))
            self.kinds.setCellWidget(r, 1, duty)
            self.kinds.setCellWidget(r, 2, unit)
            self.duty_of[kind.type_id], self.unit_of[kind.code] = duty, unit
        # room for the longest choice and the drop-down arrow (cell widgets are not measured)
        room = self.fontMetrics().horizontalAdvance
        self.kinds.setColumnWidth(1, max(map(room, map(tr, DUTY_LABELS.values()))) + 48)
        self.kinds.setColumnWidth(2, max(map(room, map(tr, [*UNITS, "报告计量单位"]))) + 48)

    def rules(self) -> dict:
        keys = list(PERIODS)
        return {duty: {"period": keys[self.periods[duty].currentIndex()],
                       "count": self.counts[duty].value()} for duty in self.periods}

    def changed_kinds(self) -> tuple[dict[str, str | None], dict[str, str]]:
        """(type id -> duty, code -> unit) of the kinds whose choice differs from the stored."""
        duties, units = {}, {}
        for kind in self.settings:
            duty = self.duty_of[kind.type_id].currentData() or None
            if duty != kind.duty:
                duties[kind.type_id] = duty
            unit = self.unit_of[kind.code].currentData()
            if unit != kind.unit:
                units[kind.code] = unit
        return duties, units

    def save(self) -> bool:
        duties, units = self.changed_kinds()
        try:
            self.host.perform(save_rules, self.rules(), duties=duties, units=units)
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
        close = QHBoxLayout()
        close.addStretch(1)
        close.addWidget(close_button(self))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.panel, 1)
        layout.addLayout(close)
        self.resize(1200, 640)
        # room for every column of the list; the form's check boxes need less
        self.panel.splitter.setSizes([700, 500])
        # Esc is the panel's 撤销修改: with nothing to revert, it closes the dialog
        for action in self.panel.actions():
            if action.shortcut() == QKeySequence(Qt.Key.Key_Escape):
                action.triggered.disconnect()
                action.triggered.connect(lambda _checked=False: self.escape())

    def escape(self) -> None:
        if self.panel.form.dirty:
            self.panel.revert()
        else:
            self.reject()

    def reject(self) -> None:
        """Closing asks first about unsaved edits, as leaving a record does."""
        if self.panel.maybe_leave():
            super().reject()
