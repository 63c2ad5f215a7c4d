"""Dokument till familjen: the utredning for kommunicering and the journal for partsinsyn, printed
for one party after the handläggare has confirmed every point of the secrecy checklist."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ifodesk.services import family_docs

from ..widgets.inputs import button, name


def write_document(ctx, kind: str, target_id, recipient_id, confirmed, folder: str, reply_due_on: date | None):
    """One worker call: the PDF for one party, written under a temporary name and renamed."""
    if kind == "utredning":
        data = family_docs.utredning_for_kommunicering(ctx, target_id, recipient_id, confirmed, reply_due_on)
    else:
        data = family_docs.journal_for_party(ctx, target_id, recipient_id, confirmed)
    path = Path(folder) / f"{kind}-{ctx.today().isoformat()}-{str(recipient_id)[:8]}.pdf"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path.name


class ChecklistDialog(QDialog):
    """Every point must be ticked before the print button is enabled."""

    def __init__(self, items: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("secrecy_checklist")
        self.setWindowTitle(self.tr("Sekretesskontroll före utskrift"))
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Skyddade adresser och telefonnummer tas bort automatiskt. "
                                     "Bekräfta resten själv:"), self))
        self.checks = []
        for i, text in enumerate(items):
            c = name(QCheckBox(text, self), f"secrecy_check_{i}", text)
            c.toggled.connect(self._update)
            self.checks.append(c)
            box.addWidget(c)
        self.ok = button(self, "secrecy_print", self.tr("&Skriv ut"))
        self.ok.clicked.connect(self.accept)
        cancel = button(self, "secrecy_cancel", self.tr("Avbryt"))
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok)
        row.addWidget(cancel)
        box.addLayout(row)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(all(c.isChecked() for c in self.checks))

    def confirmed(self) -> tuple[str, ...]:
        return tuple(c.text() for c in self.checks if c.isChecked())


class FamilyDocsBox(QGroupBox):
    done = Signal(str)
    failed = Signal(object)

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(self.tr("Dokument till familjen"), parent)
        self.app = app
        self.case_id = self.utredning_id = None
        self.reply_due = None  # a callable giving the reply date for kommunicering
        self.recipient = name(QComboBox(self), "family_recipient", self.tr("Mottagare"))
        self.recipient.setMinimumWidth(160)
        self.utredning_button = button(self, "family_utredning", self.tr("Utredningen för kommunice&ring …"))
        self.utredning_button.clicked.connect(lambda: self.print_document("utredning"))
        self.journal_button = button(self, "family_journal", self.tr("Journalen för partsins&yn …"))
        self.journal_button.clicked.connect(lambda: self.print_document("journal"))
        self.dialog: ChecklistDialog | None = None
        row = QHBoxLayout(self)
        row.addWidget(self.recipient)
        row.addWidget(self.utredning_button)
        row.addWidget(self.journal_button)
        row.addStretch(1)

    def show_parties(self, case_id, utredning_id, people) -> None:
        """``people``: (name, person id) of the guardians and the child."""
        self.case_id, self.utredning_id = case_id, utredning_id
        self.recipient.clear()
        for label, pid in people:
            self.recipient.addItem(label, pid)
        self.utredning_button.setEnabled(utredning_id is not None)
        self.utredning_button.setToolTip("" if utredning_id else self.tr("Ärendet har ingen utredning."))

    def print_document(self, kind: str) -> None:
        self.dialog = ChecklistDialog(family_docs.secrecy_checklist(), self)
        self.dialog.accepted.connect(lambda: self._confirmed(kind))
        self.dialog.open()

    def _confirmed(self, kind: str) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Spara dokumentet i mapp"))
        if not folder:
            return
        target = self.utredning_id if kind == "utredning" else self.case_id
        self.app.run(write_document, kind, target, self.recipient.currentData(), self.dialog.confirmed(), folder,
                     self.reply_due() if kind == "utredning" and self.reply_due else None, owner=self,
                     on_done=lambda f: self.done.emit(self.tr("Sparat: %1").replace("%1", f)),
                     on_error=self.failed.emit)
