"""A save conflict: who changed the record and when; reload, or compare both texts side by side."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ifodesk.services.context import STOCKHOLM
from ifodesk.services.errors import ConflictError


class ConflictDialog(QDialog):
    reload_chosen = Signal()
    keep_mine_chosen = Signal()

    def __init__(self, err: ConflictError, mine: dict[str, str], theirs: dict[str, str],
                 labels: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Någon annan har sparat"))
        self.err, self.mine, self.theirs, self.labels = err, mine, theirs, labels
        self.message = QLabel(self._message(), self)
        self.message.setObjectName("conflict_message")
        self.message.setWordWrap(True)
        self.compare_area = QWidget(self)
        self.compare_area.setObjectName("conflict_compare_area")
        self.compare_area.hide()
        self.reload_button = self._button("conflict_reload", self.tr("&Läs in på nytt"))
        self.compare_button = self._button("conflict_compare", self.tr("&Jämför"))
        self.keep_button = self._button("conflict_keep_mine", self.tr("&Behåll min text"))
        self.keep_button.hide()
        cancel = self._button("conflict_cancel", self.tr("Avbryt"))
        self.reload_button.clicked.connect(self._reload)
        self.compare_button.clicked.connect(self.show_compare)
        self.keep_button.clicked.connect(self._keep)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.reload_button, self.compare_button, self.keep_button, cancel):
            buttons.addWidget(b)
        box = QVBoxLayout(self)
        box.addWidget(self.message)
        box.addWidget(self.compare_area, 1)
        box.addLayout(buttons)
        self.resize(560, 200)

    def _button(self, name: str, text: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", ""))
        return b

    def _message(self) -> str:
        e = self.err
        when = e.changed_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M") if e.changed_at else self.tr("okänd tid")
        return self.tr("<b>%1 ändrades av %2 %3</b> medan du skrev (du utgick från version %4, sparad "
                       "version är %5).<br>Inget har skrivits över, och det du skrev finns kvar här tills du väljer. "
                       "Läs in den sparade versionen, eller jämför texterna först.") \
            .replace("%1", e.entity).replace("%2", e.changed_by).replace("%3", when) \
            .replace("%4", str(e.your_version)).replace("%5", str(e.current_version))

    def show_compare(self) -> None:
        grid = QGridLayout(self.compare_area)
        grid.addWidget(QLabel(self.tr("<b>Din text (ej sparad)</b>"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Sparad av %1</b>").replace("%1", self.err.changed_by), self), 0, 2)
        row = 1
        for key in self.mine:
            if self.mine.get(key, "") == self.theirs.get(key, ""):
                continue
            grid.addWidget(QLabel(self.labels.get(key, key), self), row, 0)
            label = self.labels.get(key, key)
            grid.addWidget(self._text(f"conflict_mine_{key}", self.tr("Din text: %1").replace("%1", label),
                                      self.mine[key]), row, 1)
            grid.addWidget(self._text(f"conflict_theirs_{key}", self.tr("Sparad text: %1").replace("%1", label),
                                      self.theirs.get(key, "")), row, 2)
            row += 1
        self.compare_area.show()
        self.compare_button.hide()
        self.keep_button.show()
        self.reload_button.setText(self.tr("&Använd sparad text"))
        self.resize(900, 520)

    def _text(self, name: str, accessible: str, text: str) -> QPlainTextEdit:
        w = QPlainTextEdit(text, self)
        w.setObjectName(name)
        w.setAccessibleName(accessible)
        w.setReadOnly(True)
        return w

    def _reload(self) -> None:
        self.reload_chosen.emit()
        self.accept()

    def _keep(self) -> None:
        self.keep_mine_chosen.emit()
        self.accept()
