"""Parter/Nätverk: the people around the child, siblings, consent, kommunicering, and per decided
decision the letters to the parties, their notification and appeals."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ifodesk.domain.catalog import load_catalog
from ifodesk.domain.countries import load_countries
from ifodesk.domain.parties import GUARDIAN_ROLES
from ifodesk.services import decision_docs, decisions, parties, party_events
from ifodesk.services.dto import CaseDetail

from .. import theme
from ..models.record_table import Column, RecordTableModel
from ..widgets.country import country_combo
from ..widgets.inputs import button, error_label, line_edit, name
from ..widgets.tables import make_table
from .family_docs_box import FamilyDocsBox
from .related_dialog import RelatedDialog

translate = QCoreApplication.translate
CONSENT = {"given": "Samtycker", "refused": "Samtycker inte", "not_asked": "Inte tillfrågad",
           "withdrawn": "Återkallat"}
NOTIFY = {"brev": "Brev", "delgivning": "Delgivning med kvitto", "personligen": "Personligen"}


def load_parties(ctx, child_id, case_id):
    """One worker call for the whole tab."""
    decided = [d for d in decisions.decisions_for_case(ctx, case_id) if d.status == "beslutad"]
    return (parties.network(ctx, child_id), parties.siblings(ctx, child_id),
            party_events.consents(ctx, case_id), party_events.kommunicering_for_case(ctx, case_id), decided)


def write_letters(ctx, decision_id, folder: str):
    """Writes one PDF per party into ``folder``; returns the file names."""
    out = []
    for f in decision_docs.decision_letters(ctx, decision_id):
        path = Path(folder) / f.filename
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(f.data)
        tmp.replace(path)
        out.append(f.filename)
    return out


def network_columns(names: dict) -> list[Column]:
    """``names``: person id → name of the people shown, to say whom an address is kept from."""
    red = lambda p: theme.text("danger") if p.is_protected else None  # noqa: E731

    def name_of(p) -> str:
        return p.name + (translate("Parties", " [SKYDDAD]") if p.is_protected else "")

    def address(p) -> str:
        if p.is_protected:
            return translate("Parties", "Skyddade personuppgifter – lämnas aldrig ut")
        text = ", ".join(x for x in (p.address_street, p.address_postal) if x)
        if p.hidden_from_id is not None:
            text += translate("Parties", " (lämnas inte ut till %1)").replace(
                "%1", names.get(p.hidden_from_id, translate("Parties", "annan person")))
        return text

    return [Column(translate("Parties", "Namn"), name_of, foreground=red),
            Column(translate("Parties", "Roll"), lambda p: p.role_label),
            Column(translate("Parties", "Vårdnad"), lambda p: p.custody or ""),
            Column(translate("Parties", "Person-/reservnr"), lambda p: p.display_id),
            Column(translate("Parties", "Adress"), address, foreground=red),
            Column(translate("Parties", "Telefon"), lambda p: p.phone or ""),
            Column(translate("Parties", "Språk / tolk"),
                   lambda p: (p.language or "") + (translate("Parties", " (tolk)") if p.interpreter else "")),
            Column(translate("Parties", "Födelseland"), lambda p: load_countries().name(p.birth_country))]


def notification_columns() -> list[Column]:
    return [Column(translate("Parties", "Part"), lambda n: n.name),
            Column(translate("Parties", "Delgiven"), lambda n: n.notified_on),
            Column(translate("Parties", "Hur"), lambda n: NOTIFY.get(n.notified_how or "", "")),
            Column(translate("Parties", "Sista dag att överklaga"), lambda n: n.appeal_last_day),
            Column(translate("Parties", "Laga kraft"), lambda n: n.legal_force_on),
            Column(translate("Parties", "Överklagande"),
                   lambda n: "" if n.appeal_received_on is None else
                   f"{n.appeal_received_on.isoformat()} – " + _appeal_state(n))]


def _appeal_state(n) -> str:
    if not n.appeal_in_time:
        return translate("Parties", "för sent (prövas för avvisning)")
    if n.appeal_forwarded_on:
        return translate("Parties", "i rätt tid, överlämnat ") + n.appeal_forwarded_on.isoformat()
    return translate("Parties", "i rätt tid, överlämnas senast ") + n.appeal_forward_by.isoformat()


def _subject(subject: str) -> str:
    catalog = load_catalog()
    return catalog.templates[subject].title if subject in catalog.templates else subject


def _select(combo: QComboBox, value) -> None:
    """Keep the choice across a reload (findData compares Python objects by identity)."""
    idx = next((i for i in range(combo.count()) if combo.itemData(i) == value), 0)
    combo.setCurrentIndex(idx)


def _date_edit(parent, object_name: str, accessible: str) -> QDateEdit:
    w = name(QDateEdit(parent), object_name, accessible)
    w.setCalendarPopup(True)
    w.setDisplayFormat("yyyy-MM-dd")
    w.setDate(QDate.currentDate())
    w.setMinimumWidth(110)
    return w


def _py(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class PartiesTab(QWidget):
    saved = Signal()

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.child_id = self.case_id = self.utredning_id = None
        self.network: list = []
        self.decided: list = []
        self.names: dict = {}
        self.net_model = RecordTableModel(network_columns(self.names), self)
        self.net_view = make_table("parties_network", self.tr("Personer runt barnet"), self.net_model, self,
                                   (170, 150, 80, 120, 220, 100))
        self.add_button = button(self, "parties_add", self.tr("&Lägg till person …"))
        self.add_button.clicked.connect(self.open_add)
        # Födelseland of the marked person (Socialstyrelsen's register asks for the parents').
        self.net_country = country_combo(self, "parties_birth_country", self.tr("Födelseland för markerad person"))
        self.net_country_button = button(self, "parties_birth_country_save", self.tr("Spara födelseland"))
        self.net_country_button.clicked.connect(self.save_birth_country)
        self.net_view.selectionModel().currentRowChanged.connect(lambda *_: self._marked_changed())
        self.siblings = QLabel(self)
        self.siblings.setObjectName("parties_siblings")
        self.siblings.setWordWrap(True)
        self.error = error_label(self, "parties_error")
        self.state = QLabel(self)
        self.state.setObjectName("parties_state")
        self._consent_row()
        self._kommunicering_row()
        self._notify_row()
        self.family_docs = FamilyDocsBox(app, self)
        self.family_docs.reply_due = lambda: _py(self.k_due.date())  # the kommunicering row's date
        self.family_docs.done.connect(self._done)
        self.family_docs.failed.connect(self._failed)
        self._layout()
        self.dialog = None

    # --- building ----------------------------------------------------------------------------

    def _consent_row(self) -> None:
        self.consent_label = QLabel(self)
        self.consent_label.setObjectName("parties_consents")
        self.consent_label.setWordWrap(True)
        self.consent_person = name(QComboBox(self), "consent_person", self.tr("Vems samtycke"))
        self.consent_subject = name(QComboBox(self), "consent_subject", self.tr("Samtycke till"))
        self.consent_subject.setEditable(True)
        catalog = load_catalog()
        for tid in sorted(parties.party_rules().consent_required_for):
            self.consent_subject.addItem(catalog.template(tid).title, tid)
        self.consent_status = name(QComboBox(self), "consent_status", self.tr("Samtycke"))
        for code, text in CONSENT.items():
            self.consent_status.addItem(self.tr(text), code)
        self.consent_button = button(self, "consent_record", self.tr("Registrera &samtycke"))
        self.consent_button.clicked.connect(self.record_consent)

    def _kommunicering_row(self) -> None:
        self.k_label = QLabel(self)
        self.k_label.setObjectName("parties_kommunicering")
        self.k_label.setWordWrap(True)
        self.k_person = name(QComboBox(self), "k_person", self.tr("Kommuniceras med"))
        self.k_what = line_edit(self, "k_what", self.tr("Vad som kommuniceras"))
        self.k_what.setPlaceholderText(self.tr("t.ex. utredningen, utkast"))
        self.k_due = _date_edit(self, "k_due", self.tr("Svar senast"))
        today = self.app.services.today()
        self.k_due.setDate(QDate(today.year, today.month, today.day).addDays(parties.party_rules().default_reply_days))
        self.k_button = button(self, "k_send", self.tr("Registrera utski&ck"))
        self.k_button.clicked.connect(self.send_kommunicering)

    def _notify_row(self) -> None:
        self.decision = name(QComboBox(self), "notify_decision", self.tr("Beslut"))
        self.decision.currentIndexChanged.connect(self._load_notifications)
        self.n_model = RecordTableModel(notification_columns(), self)
        self.n_view = make_table("notify_table", self.tr("Parter i beslutet"), self.n_model, self,
                                 (170, 90, 140, 150, 90))
        self.letters_button = button(self, "notify_letters", self.tr("&Brev till parterna …"))
        self.letters_button.clicked.connect(self.write_letters)
        self.n_person = name(QComboBox(self), "notify_person", self.tr("Part"))
        self.n_date = _date_edit(self, "notify_date", self.tr("Datum"))
        self.n_how = name(QComboBox(self), "notify_how", self.tr("Hur"))
        for code, text in NOTIFY.items():
            self.n_how.addItem(self.tr(text), code)
        self.n_button = button(self, "notify_record", self.tr("Registrera &delgivning"))
        self.n_button.clicked.connect(self.record_notification)
        self.appeal_button = button(self, "notify_appeal", self.tr("Registrera överkla&gande"))
        self.appeal_button.clicked.connect(self.register_appeal)
        self.forward_button = button(self, "notify_forwarded", self.tr("Över&lämnat till domstol"))
        self.forward_button.clicked.connect(self.mark_forwarded)

    def _layout(self) -> None:
        for combo in (self.consent_person, self.k_person, self.n_person):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(160)
        # A long template title must not make the tab wider than a small screen: the combo may shrink.
        self.consent_subject.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.consent_subject.setMinimumContentsLength(24)
        page = QWidget(self)
        box = QVBoxLayout(page)
        net = QGroupBox(self.tr("Nätverk – vårdnadshavare och andra runt barnet"), page)
        nb = QVBoxLayout(net)
        nb.addWidget(self.net_view)
        row = QHBoxLayout()
        row.addWidget(self.siblings, 1)
        row.addWidget(self.add_button)
        nb.addLayout(row)
        row = QHBoxLayout()
        country_label = QLabel(self.tr("Födelseland för markerad person:"), net)
        country_label.setBuddy(self.net_country)
        row.addWidget(country_label)
        row.addWidget(self.net_country, 1)
        row.addWidget(self.net_country_button)
        nb.addLayout(row)
        box.addWidget(net, 2)
        for title, label, widgets in (
                (self.tr("Samtycke"), self.consent_label,
                 (self.consent_person, self.consent_subject, self.consent_status, self.consent_button)),
                (self.tr("Kommunicering"), self.k_label, (self.k_person, self.k_what, self.k_due, self.k_button))):
            g = QGroupBox(title, page)
            gb = QVBoxLayout(g)
            gb.addWidget(label)
            r = QHBoxLayout()
            for w in widgets:
                r.addWidget(w, 1 if w in (self.k_what, self.consent_subject) else 0)
            gb.addLayout(r)
            box.addWidget(g)
        g = QGroupBox(self.tr("Delgivning och överklagande"), page)
        gb = QVBoxLayout(g)
        top = QHBoxLayout()
        top.addWidget(self.decision, 1)
        top.addWidget(self.letters_button)
        gb.addLayout(top)
        gb.addWidget(self.n_view)
        r = QHBoxLayout()
        for w in (self.n_person, self.n_date, self.n_how, self.n_button):
            r.addWidget(w)
        gb.addLayout(r)
        r = QHBoxLayout()  # a row of its own: one row is wider than a 1366×768 screen at 125 %
        r.addStretch(1)
        for w in (self.appeal_button, self.forward_button):
            r.addWidget(w)
        gb.addLayout(r)
        box.addWidget(g, 2)
        box.addWidget(self.family_docs)
        box.addWidget(self.error)
        box.addWidget(self.state)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- showing -----------------------------------------------------------------------------

    def show_case(self, detail: CaseDetail) -> None:
        self.case_id, self.child_id = detail.summary.id, detail.summary.person.id
        self.utredning_id = detail.utredningar[-1].id if detail.utredningar else None
        self.reload()

    def reload(self) -> None:
        if self.case_id is not None:
            self.app.run(load_parties, self.child_id, self.case_id, owner=self, on_done=self._show,
                         on_error=self.app.report_error)

    def _show(self, result) -> None:
        net, sibs, consents, komm, decided = result
        self.network, self.decided = net, decided
        self.names.clear()
        self.names.update({p.person_id: p.name for p in net})
        self.net_model.set_records(net)
        self._marked_changed()
        guardians = [p for p in net if p.role in GUARDIAN_ROLES]
        text = "" if guardians else theme.escaped_span(self.tr("Ingen vårdnadshavare registrerad."), "danger",
                                                       bold=True) + " "
        if sibs:
            text += html.escape(self.tr("Syskon: ")) + "; ".join(
                html.escape(f"{s.name} ({s.case_number}, {s.status})" if s.case_number else s.name) for s in sibs)
        else:
            text += html.escape(self.tr("Inga syskon registrerade."))
        self.siblings.setText(text)
        people = [(p.name, p.person_id) for p in net] + [(self.tr("Barnet"), self.child_id)]
        self.family_docs.show_parties(self.case_id, self.utredning_id,
                                      [(p.name, p.person_id) for p in guardians] + [(self.tr("Barnet"), self.child_id)])
        for combo in (self.consent_person, self.k_person):
            combo.clear()
            for label, pid in people:
                combo.addItem(label, pid)
        self.consent_label.setText("<br>".join(
            html.escape(f"{c.person_name}: {c.status_label} ({_subject(c.subject)}, {c.recorded_on})")
            for c in consents) or self.tr("Inget samtycke registrerat."))
        self.k_label.setText("<br>".join(
            html.escape(f"{k.sent_on} till {k.person_name}: {k.what} – svar senast {k.reply_due_on}"
                        + (f", svar {k.reply_on}" if k.reply_on else ", inget svar ännu")) for k in komm)
            or self.tr("Inget kommunicerat."))
        current = self.decision.currentData()
        self.decision.blockSignals(True)
        self.decision.clear()
        for d in decided:
            self.decision.addItem(f"{d.decided_on} {d.title}", d.id)
        _select(self.decision, current)
        self.decision.blockSignals(False)
        for w in (self.letters_button, self.n_button, self.appeal_button, self.forward_button):
            w.setEnabled(bool(decided))
        self._load_notifications()

    def _load_notifications(self) -> None:
        did = self.decision.currentData()
        if did is None:
            self.n_model.set_records([])
            return
        self.app.run(party_events.notifications, did, owner=self, on_done=self._show_notifications,
                     on_error=self._failed)

    def _show_notifications(self, rows) -> None:
        self.n_model.set_records(rows)
        current = self.n_person.currentData()
        self.n_person.clear()
        for n in rows:
            self.n_person.addItem(n.name, n.person_id)
        _select(self.n_person, current)

    # --- actions -----------------------------------------------------------------------------

    def _marked(self):
        row = self.net_view.currentIndex().row()
        return self.network[row] if 0 <= row < len(self.network) else None

    def _marked_changed(self) -> None:
        p = self._marked()
        self.net_country.setEnabled(p is not None)
        self.net_country_button.setEnabled(p is not None)
        idx = self.net_country.findData(p.birth_country or "") if p is not None else 0
        self.net_country.setCurrentIndex(max(idx, 0))

    def save_birth_country(self) -> None:
        p = self._marked()
        if p is None:
            return
        self._call(parties.set_birth_country, p.relation_id, p.relation_version, self.net_country.currentData(),
                   done=self.tr("Födelselandet är sparat."))

    def open_add(self) -> None:
        self.dialog = RelatedDialog(self.app, self.child_id, self.network, self)
        self.dialog.added.connect(lambda _p: self._done(self.tr("Personen är tillagd.")))
        self.dialog.open()

    def _call(self, fn, *args, done: str, **kwargs) -> None:
        self.error.hide()
        self.app.run(fn, *args, owner=self, on_done=lambda _r: self._done(done), on_error=self._failed, **kwargs)

    def record_consent(self) -> None:
        subject = self.consent_subject.currentData() or self.consent_subject.currentText().strip()
        self._call(party_events.record_consent, self.case_id, self.consent_person.currentData(), subject,
                   self.consent_status.currentData(), done=self.tr("Samtycket är registrerat."))

    def send_kommunicering(self) -> None:
        self._call(party_events.send_kommunicering, self.case_id, self.k_person.currentData(), self.k_what.text(),
                   reply_due_on=_py(self.k_due.date()), done=self.tr("Utskicket är registrerat."))

    def record_notification(self) -> None:
        self._call(party_events.record_notification, self.decision.currentData(), self.n_person.currentData(),
                   _py(self.n_date.date()), self.n_how.currentData(), done=self.tr("Delgivningen är registrerad."))

    def register_appeal(self) -> None:
        self._call(party_events.register_appeal, self.decision.currentData(), self.n_person.currentData(),
                   _py(self.n_date.date()), done=self.tr("Överklagandet är registrerat."))

    def mark_forwarded(self) -> None:
        self._call(party_events.mark_appeal_forwarded, self.decision.currentData(), self.n_person.currentData(),
                   _py(self.n_date.date()), done=self.tr("Överlämnandet till domstolen är registrerat."))

    def write_letters(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Spara brev till parterna i mapp"))
        if not folder:
            return
        self.app.run(write_letters, self.decision.currentData(), folder, owner=self, on_error=self._failed,
                     on_done=lambda names: self._done(self.tr("%1 brev sparade: %2").replace("%1", str(len(names)))
                                                      .replace("%2", ", ".join(names))))

    def _done(self, text: str) -> None:
        self.state.setText(text)
        self.app.status_message.emit(text)
        self.reload()
        self.saved.emit()

    def _failed(self, exc) -> None:
        from ifodesk.services.errors import ServiceError

        if not isinstance(exc, ServiceError):
            self.app.report_error(exc)
            return
        self.error.setText(str(exc))
        self.error.show()


