"""What the nämnd decided about a user, recorded by the systemansvarig: a ledamot appointed to take
urgent decisions (KL 6:39, LVU 6 §, LVM 13 §), and whether an employee has enough experience
for child investigations (SoL 25:1, a fact of its own beside the socionom degree)."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ifodesk.domain.delegation import EMPLOYEE_LEVELS
from ifodesk.services import admin
from ifodesk.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError

from ..widgets.inputs import button, error_label, name
from ..dialogs import fit_to_screen


def employee(u) -> bool:
    return u.delegate_level in EMPLOYEE_LEVELS


class UserFactsDialog(QDialog):
    saved = Signal(object)  # UserInfo

    def __init__(self, app, user, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.user = app, user
        self.setObjectName("user_facts_dialog")
        self.setWindowTitle(self.tr("Förordnande och erfarenhet – %1").replace("%1", user.full_name))
        intro = QLabel(self.tr("<b>%1</b> (%2). För in det nämnden har beslutat.")
                       .replace("%1", html.escape(user.full_name)).replace("%2", html.escape(user.title)), self)
        intro.setWordWrap(True)
        self.urgent = name(QCheckBox(self.tr("&Förordnad att fatta brådskande beslut när nämndens beslut inte kan "
                                             "avvaktas (kommunallagen och de särskilda lagarna, t.ex. LVU och LVM)"), self),
                           "user_urgent_appointed", self.tr("Förordnad för brådskande beslut"))
        self.urgent.setChecked(user.urgent_appointed)
        self.urgent_note = QLabel(self)
        self.urgent_note.setObjectName("user_urgent_note")
        self.urgent_note.setWordWrap(True)
        if employee(user):
            self.urgent.setEnabled(user.urgent_appointed)  # an old mistake can still be undone
            self.urgent_note.setText(self.tr("Bara en ledamot i nämnden kan förordnas; %1 är anställd.")
                                     .replace("%1", html.escape(user.full_name)))
        elif user.delegate_level == "ordforande":
            self.urgent_note.setText(self.tr("Ordföranden får alltid fatta brådskande beslut; inget förordnande "
                                             "behövs."))
        self.experienced = name(QCheckBox(self.tr("&Tillräcklig erfarenhet för förhandsbedömning, utredning och "
                                                  "uppföljning i barnärenden (socionomkravet i SoL)"), self),
                                "user_experienced", self.tr("Tillräcklig erfarenhet"))
        self.experienced.setChecked(user.experienced)
        self.experienced.setEnabled(employee(user))
        competence = self.tr("Socionomexamen eller motsvarande: %1.").replace(
            "%1", self.tr("ja") if user.socionom else self.tr("nej"))
        self.competence = QLabel(competence if employee(user) else "", self)
        self.error = error_label(self, "user_facts_error")
        self.ok = button(self, "user_facts_ok", self.tr("&Spara"))
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        cancel = button(self, "user_facts_cancel", self.tr("Avbryt"))
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok)
        row.addWidget(cancel)
        box = QVBoxLayout(self)
        for w in (intro, self.urgent, self.urgent_note, self.experienced, self.competence, self.error):
            box.addWidget(w)
        box.addLayout(row)
        fit_to_screen(self, 560, 260)

    def submit(self) -> None:
        self.ok.setEnabled(False)
        self.app.run(admin.set_user_facts, self.user.id, experienced=self.experienced.isChecked(),
                     urgent_appointed=self.urgent.isChecked(), owner=self, on_done=self._done, on_error=self._failed)

    def _done(self, user) -> None:
        self.saved.emit(user)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, (ValidationError, PermissionDenied, NotFound, ConflictError)):
            self.error.setText(str(exc))
            self.error.show()
        else:
            self.app.report_error(exc)
