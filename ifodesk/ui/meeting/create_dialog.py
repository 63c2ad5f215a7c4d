"""Nytt sammanträde: date, time and place, ordförande, sekreterare and at least three ledamöter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ifodesk.services import admin, meetings
from ifodesk.services.errors import ValidationError

from ..decision.fields import DateEdit
from ..widgets.inputs import add_row, button, error_label, line_edit, name
from ..dialogs import fit_to_screen

MEMBER_ROLES = ("ordforande", "ledamot")


def list_users(ctx):
    return [u for u in admin.list_users(ctx.db, ctx.actor.municipality_id) if u.active]


def create(ctx, values: dict):
    return meetings.create_meeting(ctx, **values)


def _index_of(combo: QComboBox, value) -> int:
    """findData does not compare Python objects such as UUIDs; this does."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), 0)


class MeetingDialog(QDialog):
    created = Signal(object)  # MeetingInfo

    def __init__(self, app, first_paragraph: int = 1, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.setObjectName("meeting_dialog")
        self.setWindowTitle(self.tr("Nytt sammanträde"))
        today = app.services.today()
        self.date = name(DateEdit(self), "meeting_date", self.tr("Datum för sammanträdet"))
        self.date.setMinimumDate(QDate(today.year, today.month, today.day))
        self.date.setDate(QDate(today.year, today.month, today.day))
        # Urgent decisions are reported at the nämnd's meeting, so the dialog asks which body meets.
        self.body = name(QComboBox(self), "meeting_body", self.tr("Organ"))
        self.body.addItem(self.tr("Individutskottet"), "utskott")
        self.body.addItem(self.tr("Socialnämnden"), "namnd")
        self.time_place = line_edit(self, "meeting_time_place", self.tr("Tid och plats"))
        self.time_place.setPlaceholderText(self.tr("t.ex. kl. 13.00, Nämndrummet"))
        self.chair = name(QComboBox(self), "meeting_chair", self.tr("Ordförande"))
        self.secretary = name(QComboBox(self), "meeting_secretary", self.tr("Sekreterare"))
        self.members = name(QListWidget(self), "meeting_members", self.tr("Ledamöter (mellanslag kryssar)"))
        self.first_paragraph = name(QSpinBox(self), "meeting_first_paragraph", self.tr("Första paragrafnummer"))
        self.first_paragraph.setRange(1, 9999)
        self.first_paragraph.setValue(first_paragraph)
        self.error = error_label(self, "meeting_error")
        self.create_button = button(self, "meeting_create", self.tr("&Skapa sammanträde"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        cancel = button(self, "meeting_cancel", self.tr("Avbryt"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        add_row(form, self.tr("O&rgan:"), self.body)
        add_row(form, self.tr("&Datum:"), self.date)
        add_row(form, self.tr("&Tid och plats:"), self.time_place)
        add_row(form, self.tr("&Ordförande:"), self.chair)
        add_row(form, self.tr("S&ekreterare:"), self.secretary)
        add_row(form, self.tr("&Ledamöter (minst tre med ordföranden):"), self.members)
        add_row(form, self.tr("&Första §:"), self.first_paragraph)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        row.addWidget(cancel)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addLayout(row)
        fit_to_screen(self, 520, 460)
        self.create_button.setEnabled(False)
        app.run(list_users, owner=self, on_done=self._fill_users, on_error=app.report_error)

    def _fill_users(self, users) -> None:
        me = self.app.user_id()
        for u in users:
            if u.role in MEMBER_ROLES:
                self.chair.addItem(u.full_name, u.id)
                item = QListWidgetItem(u.full_name, self.members)
                item.setData(Qt.ItemDataRole.UserRole, u.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            if u.role in ("sekreterare", "ordforande", "systemansvarig"):
                self.secretary.addItem(u.full_name, u.id)
        chair = next((u.id for u in users if u.role == "ordforande"), None)
        self.chair.setCurrentIndex(_index_of(self.chair, chair))
        self.secretary.setCurrentIndex(_index_of(self.secretary, me))
        self.members.setCurrentRow(0)
        self.create_button.setEnabled(True)

    def member_ids(self) -> list:
        items = (self.members.item(i) for i in range(self.members.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def values(self) -> dict:
        d = self.date.date()
        return {"meeting_date": date(d.year(), d.month(), d.day()), "time_place": self.time_place.text(),
                "chair_id": self.chair.currentData(), "secretary_id": self.secretary.currentData(),
                "member_ids": self.member_ids(), "first_paragraph": self.first_paragraph.value(),
                "body": self.body.currentData()}

    def submit(self) -> None:
        if not self.time_place.text().strip():
            self._show_error(self.tr("Ange tid och plats för sammanträdet."), self.time_place)
            return
        self.create_button.setEnabled(False)
        self.app.run(create, self.values(), owner=self, on_done=self._done, on_error=self._failed)

    def _done(self, meeting) -> None:
        self.created.emit(meeting)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.create_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            self.app.report_error(exc)
            return
        widget = {"members": self.members, "meeting_date": self.date, "chair": self.chair,
                  "first_paragraph": self.first_paragraph}.get(exc.field or "", self.members)
        self._show_error(str(exc), widget)

    def _show_error(self, text: str, widget: QWidget) -> None:
        self.error.setText(text)
        self.error.show()
        widget.setFocus()
