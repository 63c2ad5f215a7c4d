"""Handover and absence cover, for the 1:e socialsekreterare (services.handover).

Three modes: "absence" (a period away with a stand-in, or none yet), "all" (every open case of one
person to another) and "case" (byt handläggare on one case). The services refuse what the role
may not do; the dialog stays open with the reason beside the field.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ifodesk.services import admin, caseview, handover
from ifodesk.services.errors import ServiceError

from .widgets.inputs import add_row, error_label, line_edit, name

NOBODY = None


def staff(ctx):
    """Active handläggare (and 1:e socialsekreterare) who share a unit with the user."""
    units = set(ctx.actor.unit_ids)
    return [u for u in admin.list_users(ctx.db, ctx.actor.municipality_id)
            if u.active and u.role in ("handlaggare", "forste") and units & set(u.unit_ids)]


def _case_version(ctx, case_id):
    return caseview.get_case(ctx, case_id).version


class HandoverDialog(QDialog):
    done_changes = Signal()

    def __init__(self, app, mode: str, parent=None, *, absence=None, from_user=None, case_id=None,
                 case_number: str = ""):
        super().__init__(parent)
        self.app, self.mode, self.absence, self.case_id = app, mode, absence, case_id
        self.setObjectName(f"handover_{mode}")
        titles = {"absence": self.tr("Frånvaro och ersättare"), "all": self.tr("Lämna över alla ärenden"),
                  "case": self.tr("Byt handläggare för %1").replace("%1", case_number)}
        self.setWindowTitle(titles[mode])
        self.person = name(QComboBox(self), "handover_person", self.tr("Vem"))
        self.target = name(QComboBox(self), "handover_target", self.tr("Till vem"))
        self.starts = name(QDateEdit(self), "handover_from", self.tr("Första dag"))
        self.ends = name(QDateEdit(self), "handover_to", self.tr("Sista dag"))
        for d in (self.starts, self.ends):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setDate(QDate(app.services.today()))
        self.note = line_edit(self, "handover_note", self.tr("Anteckning"))
        self.error = error_label(self, "handover_error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("handover_ok")
        self.ok.setText(self.tr("Registrera") if mode == "absence" else self.tr("Lämna över"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self._from_user = from_user
        self._layout()
        app.run(staff, owner=self, on_done=self._show_staff)

    def _layout(self) -> None:
        form = QFormLayout()
        if self.mode == "absence":
            add_row(form, self.tr("&Frånvarande:"), self.person)
            add_row(form, self.tr("Första &dag:"), self.starts)
            add_row(form, self.tr("&Sista dag:"), self.ends)
            add_row(form, self.tr("&Ersättare:"), self.target)
            add_row(form, self.tr("&Anteckning:"), self.note)
            self.target.setToolTip(self.tr("Ersättaren svarar för ärendena under frånvaron; de är kvar hos "
                                           "den frånvarande."))
        elif self.mode == "all":
            add_row(form, self.tr("&Från handläggare:"), self.person)
            add_row(form, self.tr("&Till handläggare:"), self.target)
            add_row(form, self.tr("&Anteckning:"), self.note)
        else:
            add_row(form, self.tr("&Ny handläggare:"), self.target)
            add_row(form, self.tr("&Anteckning:"), self.note)
            self.person.hide()
        if self.mode != "absence":
            self.starts.hide()
            self.ends.hide()
        box = QVBoxLayout(self)
        if self.mode == "all":
            info = QLabel(self.tr("Alla öppna ärenden i dina enheter går över, med sina tidsfrister. "
                                  "Överlämningen loggas per ärende."), self)
            info.setWordWrap(True)
            box.addWidget(info)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def _show_staff(self, users) -> None:
        self.person.clear()
        self.target.clear()
        if self.mode == "absence":
            self.target.addItem(self.tr("Ingen ersättare ännu"), NOBODY)
        for u in users:
            self.person.addItem(u.full_name, u.id)
            self.target.addItem(u.full_name, u.id)
        if self.absence is not None:  # naming a stand-in for an absence registered without one
            self.person.setCurrentIndex(max(0, self.person.findData(self.absence.user_id)))
            self.person.setEnabled(False)
            self.starts.setDate(QDate(self.absence.starts_on))
            self.ends.setDate(QDate(self.absence.ends_on))
            self.starts.setEnabled(False)
            self.ends.setEnabled(False)
        elif self._from_user is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(self._from_user)))
        self.ok.setEnabled(bool(users))

    def _save(self) -> None:
        self.error.hide()
        self.ok.setEnabled(False)
        who, to = self.person.currentData(), self.target.currentData()
        note = self.note.text()
        if self.mode == "absence" and self.absence is not None:
            self.app.run(handover.set_stand_in, self.absence.absence_id, self._absence_version(), to,
                         owner=self, on_done=self._saved, on_error=self._failed)
        elif self.mode == "absence":
            self.app.run(handover.record_absence, who, self.starts.date().toPython(), self.ends.date().toPython(),
                         to, note, owner=self, on_done=self._saved, on_error=self._failed)
        elif self.mode == "all":
            self.app.run(handover.hand_over_all, who, to, note, owner=self, on_done=self._saved,
                         on_error=self._failed)
        else:
            self.app.run(_hand_over_one, self.case_id, to, note, owner=self, on_done=self._saved,
                         on_error=self._failed)

    def _absence_version(self) -> int:
        return self.absence.version

    def _saved(self, result) -> None:
        if self.mode == "all":
            self.app.status_message.emit(self.tr("%1 ärenden har lämnats över.").replace("%1", str(result)))
        elif self.mode == "case":
            self.app.status_message.emit(self.tr("Ärendet har lämnats över till %1.").replace("%1", str(result)))
        else:
            self.app.status_message.emit(self.tr("Frånvaron är registrerad."))
        self.done_changes.emit()
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        if not isinstance(exc, ServiceError):  # never raw text: the window's error handling sanitises it
            self.app.report_error(exc)
            return
        self.error.setText(str(exc))
        self.error.show()


def _hand_over_one(ctx, case_id, to, note):
    return handover.hand_over_case(ctx, case_id, _case_version(ctx, case_id), to, note)
