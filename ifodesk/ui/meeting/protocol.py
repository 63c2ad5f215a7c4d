"""The protocol after the meeting: justering (who and when), anslag, the laglighetsprövning time
that follows, and föredragande per §. The rules (14 days, 2 days, 3 weeks) come from the
deadlines file through the meeting service; this only shows them and asks for the dates."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ifodesk.domain.deadlines import default_rules
from ifodesk.services import admin, meetings
from ifodesk.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError

from .. import theme
from ..decision.actions import ActionBar
from ..decision.fields import DateEdit
from ..widgets.inputs import add_row, button, error_label, name
from ..dialogs import fit_to_screen

NOT_PRESENTERS = ("ordforande", "ledamot")  # a föredragande is one of the staff


def staff(ctx):
    return [u for u in admin.list_users(ctx.db, ctx.actor.municipality_id)
            if u.active and u.role not in NOT_PRESENTERS]


def lagrum(kind: str) -> str:
    """The paragraphs of a protocol deadline, as the rules file cites them."""
    return html.escape(" och ".join(default_rules()[kind].lagrum))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ProtocolDialog(QDialog):
    """One small form: a person (justerare, föredragande) and/or a date; the service's refusal
    is shown in the dialog, next to what is to be corrected."""

    done = Signal(object)  # MeetingInfo
    stale = Signal()  # someone else changed the meeting: the page reads it again

    def __init__(self, app, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.setObjectName("protocol_dialog")
        self.setWindowTitle(title)
        self.call = None  # (function, args) run with the chosen values
        self.person: QComboBox | None = None
        self.date: DateEdit | None = None
        self.form = QFormLayout()
        text = QLabel(intro, self)
        text.setWordWrap(True)
        self.error = error_label(self, "protocol_error")
        self.ok = button(self, "protocol_ok", self.tr("&Spara"))
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.submit)
        cancel = button(self, "protocol_cancel", self.tr("Avbryt"))
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.ok)
        row.addWidget(cancel)
        box = QVBoxLayout(self)
        box.addWidget(text)
        box.addLayout(self.form)
        box.addWidget(self.error)
        box.addLayout(row)
        fit_to_screen(self, 460, 220)

    def add_person(self, label: str, accessible: str, people: list[tuple[str, object]], current=None) -> None:
        self.person = name(QComboBox(self), "protocol_person", accessible)
        for text, value in people:
            self.person.addItem(text, value)
        at = next((i for i, (_t, v) in enumerate(people) if v == current), 0)
        self.person.setCurrentIndex(at)
        add_row(self.form, label, self.person)

    def add_date(self, label: str, accessible: str, lowest: date, value: date, highest: date) -> None:
        self.date = name(DateEdit(self), "protocol_date", accessible)
        self.date.setDateRange(_qdate(lowest), _qdate(max(lowest, highest)))
        self.date.setDate(_qdate(min(max(value, lowest), highest)))
        add_row(self.form, label, self.date)

    def values(self) -> dict:
        out = {}
        if self.person is not None:
            out["person"] = self.person.currentData()
        if self.date is not None:
            out["date"] = _pydate(self.date.date())
        return out

    def submit(self) -> None:
        if self.person is not None and self.person.currentData() is None:
            self._show(self.tr("Välj en person i listan."))
            return
        fn, build = self.call
        self.ok.setEnabled(False)
        args, kwargs = build(self.values())
        self.app.run(fn, *args, owner=self, on_done=self._done, on_error=self._failed, **kwargs)

    def _done(self, meeting) -> None:
        self.done.emit(meeting)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, (ValidationError, ConflictError, NotFound, PermissionDenied)):
            self._show(str(exc))
            if isinstance(exc, ConflictError):
                self.stale.emit()
        else:
            self.app.report_error(exc)

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class _Bar(ActionBar):
    """The reasons of the disabled buttons go into the status box above (one box, no clipping)."""

    def _show_reasons(self) -> None:
        self.reasons.hide()


class ProtocolBox(QWidget):
    """Under the agenda: where the protocol stands, and the secretary's buttons for it."""

    changed = Signal(object, str)  # MeetingInfo, a status message
    stale = Signal()  # the meeting changed elsewhere

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.meeting = None
        self.dialog: ProtocolDialog | None = None
        self.status = QLabel(self)
        self.status.setObjectName("iu_protocol_status")
        self.status.setWordWrap(True)
        self.status.setAutoFillBackground(True)  # a panel: the palette's alternate base
        self.status.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.status.setForegroundRole(QPalette.ColorRole.Text)
        self.status.setMargin(6)  # not stylesheet padding: a wrapped label's height must count it
        self.actions = _Bar("iu_protocol_actions", self)
        self.actions.add("justering", button(self, "iu_justering", self.tr("&Justera protokollet …"))) \
            .clicked.connect(self.justera)
        self.actions.add("anslag", button(self, "iu_anslag", self.tr("För &in anslag …"))) \
            .clicked.connect(self.anslag)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.status)
        box.addWidget(self.actions)
        self.show_meeting(None)

    # --- what is shown -------------------------------------------------------------------------

    def show_meeting(self, m) -> None:
        self.meeting = m
        self._set_states(m)
        text = self.status_html(m) if m is not None else ""
        reasons = [f"<b>{html.escape(b.text().replace('&', ''))}</b> {html.escape(self.actions.reason(k))}"
                   for k, b in self.actions.buttons.items() if self.actions.reason(k)]
        if reasons:
            text += "<br>" + theme.span("<br>".join(reasons), "note")
        self.status.setText(text)
        self.status.setVisible(m is not None)
        self._fit()

    def _fit(self) -> None:
        """A wrapped label inside a splitter gets no height for its width from the layout: ask for it."""
        width = self.status.width() if self.status.width() > 50 else 280
        self.status.setMinimumHeight(self.status.heightForWidth(width) if self.status.text() else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _set_states(self, m) -> None:
        secretary = self.app.actor.role in meetings.SECRETARY_ROLES
        who = self.tr("Bara sekreteraren eller ordföranden för in justering och anslag.")
        if m is None:
            self.actions.set_state("justering", False)
            self.actions.set_state("anslag", False)
            return
        if m.status != "genomford":
            self.actions.set_state("justering", False, self.tr("Protokollet justeras när sammanträdet är avslutat."))
        elif m.justerad_on is not None:
            self.actions.set_state("justering", False, self.tr("Protokollet är redan justerat."))
        else:
            self.actions.set_state("justering", secretary, who)
        if m.justerad_on is None:
            self.actions.set_state("anslag", False, self.tr("Protokollet måste justeras innan justeringen anslås."))
        elif m.anslag_on is not None:
            self.actions.set_state("anslag", False, self.tr("Anslaget är redan infört."))
        else:
            self.actions.set_state("anslag", secretary, who)

    def status_html(self, m) -> str:
        esc = html.escape
        today = self.app.services.today()
        lines = []
        if m.justerad_on is None:
            line = self.tr("<b>Protokollet är inte justerat.</b> Det ska justeras senast %1 (%2).") \
                .replace("%1", m.justering_due.isoformat()).replace("%2", lagrum("protokoll_justering"))
            if m.status == "genomford" and today > m.justering_due:
                line += " " + theme.span(self.tr("Tiden har gått ut."), "danger", bold=True)
            lines.append(line)
            lines.append(self.tr("Beslutsbrev och protokollsutdrag lämnas först när protokollet är justerat."))
        else:
            line = self.tr("<b>Justerat</b> %1 av %2.").replace("%1", m.justerad_on.isoformat()) \
                .replace("%2", esc(m.justerare_name or ""))
            if m.justering_late:
                line += " " + theme.span(self.tr("Senare än 14 dagar efter sammanträdet (senast %1).")
                                         .replace("%1", m.justering_due.isoformat()), "danger")
            lines.append(line)
            if m.anslag_on is None:
                lines.append(self.tr("<b>Anslaget är inte infört.</b> Justeringen ska tillkännages på "
                                     "anslagstavlan senast %1 (%2); tiden för laglighetsprövning räknas "
                                     "från anslaget.")
                             .replace("%1", m.anslag_due.isoformat() if m.anslag_due else "–")
                             .replace("%2", lagrum("protokoll_anslag")))
            else:
                line = self.tr("<b>Anslaget</b> på anslagstavlan %1.").replace("%1", m.anslag_on.isoformat())
                if m.anslag_late:
                    line += " " + theme.span(self.tr("Senare än två dagar efter justeringen (senast %1).")
                                             .replace("%1", m.anslag_due.isoformat()), "danger")
                lines.append(line)
                line = self.tr("Överklagande genom laglighetsprövning (%2) ska ha kommit in till "
                               "förvaltningsrätten senast <b>%1</b>.").replace("%1", m.appeal_until.isoformat()) \
                    .replace("%2", lagrum("laglighetsprovning"))
                if m.appeal_in_time_until and m.appeal_in_time_until != m.appeal_until:
                    line += " " + self.tr("Dagen är en lördag, söndag eller helgdag: ett överklagande som kommer "
                                          "in %1 är i tid.").replace("%1", m.appeal_in_time_until.isoformat())
                lines.append(line)
        return "<br>".join(lines)

    # --- actions ------------------------------------------------------------------------------

    def justera(self) -> None:
        m = self.meeting
        if m is None:
            return
        people = [(n, i) for n, i in zip(m.member_names, m.member_ids) if i != m.chair_id]
        d = ProtocolDialog(self.app, self.tr("Justera protokollet"),
                           self.tr("Justeraren är en närvarande ledamot som inte är ordförande. Protokollet ska "
                                   "justeras senast %1.").replace("%1", m.justering_due.isoformat()), self)
        d.add_person(self.tr("&Justerare:"), self.tr("Justerare"), people)
        today = self.app.services.today()
        d.add_date(self.tr("&Justerat den:"), self.tr("Justeringsdatum"), m.meeting_date, today, today)
        d.call = (meetings.record_justering,
                  lambda v: ((m.id, m.version), {"justerare_id": v["person"], "justerad_on": v["date"]}))
        self._open(d, self.tr("Protokollet är justerat."))

    def anslag(self) -> None:
        m = self.meeting
        if m is None or m.justerad_on is None:
            return
        d = ProtocolDialog(self.app, self.tr("För in anslag"),
                           self.tr("Dagen då justeringen tillkännagavs på kommunens anslagstavla (senast %1). "
                                   "Tiden för laglighetsprövning, tre veckor, räknas från den dagen.")
                           .replace("%1", m.anslag_due.isoformat() if m.anslag_due else "–"), self)
        today = self.app.services.today()
        d.add_date(self.tr("&Anslaget den:"), self.tr("Anslagsdatum"), m.justerad_on, today, today)
        d.call = (meetings.record_anslag, lambda v: ((m.id, m.version, v["date"]), {}))
        self._open(d, self.tr("Anslaget är infört."))

    def change_presenter(self, item) -> None:
        """Föredragande for one § (FL 31 §): one of the staff."""
        m = self.meeting
        if m is None or item is None:
            return
        self.app.run(staff, owner=self, on_error=self.app.report_error,
                     on_done=lambda users: self._presenter_dialog(item, users))

    def _presenter_dialog(self, item, users) -> None:
        d = ProtocolDialog(self.app, self.tr("Föredragande § %1").replace("%1", str(item.paragraph_no)),
                           self.tr("Vem föredrar § %1 (%2)?").replace("%1", str(item.paragraph_no))
                           .replace("%2", html.escape(item.title)), self)
        current = next((u.id for u in users if u.full_name == item.foredragande), None)
        d.add_person(self.tr("&Föredragande:"), self.tr("Föredragande"),
                     [(f"{u.full_name} ({u.title})", u.id) for u in users], current)
        d.call = (meetings.set_foredragande, lambda v: ((item.id, item.version, v["person"]), {}))
        self._open(d, self.tr("Föredragande för § %1 är ändrad.").replace("%1", str(item.paragraph_no)))

    def _open(self, d: ProtocolDialog, text: str) -> None:
        d.done.connect(lambda meeting: self.changed.emit(meeting, text))
        d.stale.connect(self.stale)
        self.dialog = d
        d.open()
