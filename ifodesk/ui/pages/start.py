"""Start: each role's own work first (resources/start_pages.toml), counts also in the navigation.

- caseworker (handläggare): own cases, returned proposals, unsigned journal drafts, reporter
  feedback due, the next deadlines, colleagues' cases covered while they are away
- supervisor (1:e socialsekreterare): proposals waiting, unassigned anmälningar, the unit's
  overdue deadlines, absences without cover, cases whose handläggare is away; handover
- unit (chef): each unit in numbers
- meetings (nämndsekreterare, utskott): the next meetings and what is ready for them
One service call per visit (services.start); commands only where the role may use them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ifodesk.services import access, start
from ifodesk.services.caseview import CaseQuery

from .. import offline_list
from ..labels import person_name, protected_colour
from ..models.record_table import Column, RecordTableModel
from ..widgets.case_list import CaseListWidget
from ..widgets.deadline_table import make_deadline_table
from ..widgets.tables import make_table
from .base import Page

OPEN_STATUSES = ("forhandsbedomning", "utredning", "insats")
translate = QCoreApplication.translate

WORK_KINDS = {
    "returned": QT_TRANSLATE_NOOP("Start", "Återsänt förslag"),
    "journal_draft": QT_TRANSLATE_NOOP("Start", "Osignerad journalanteckning"),
    "covering": QT_TRANSLATE_NOOP("Start", "Du ersätter"),
    "waiting": QT_TRANSLATE_NOOP("Start", "Förslag att besluta"),
    "unassigned": QT_TRANSLATE_NOOP("Start", "Ofördelad anmälan"),
    "absent_case": QT_TRANSLATE_NOOP("Start", "Handläggaren är frånvarande"),
}
HEADINGS = {
    "caseworker": QT_TRANSLATE_NOOP("Start", "Mina ärenden – %1"),
    "supervisor": QT_TRANSLATE_NOOP("Start", "Fördelning och uppföljning – %1"),
    "unit": QT_TRANSLATE_NOOP("Start", "Enheterna i dag – %1"),
    "meetings": QT_TRANSLATE_NOOP("Start", "Sammanträden – %1"),
    "system": QT_TRANSLATE_NOOP("Start", "Start – %1"),
}
SERVICE = {"caseworker": start.caseworker_start, "supervisor": start.supervisor_start,
           "unit": start.unit_start, "meetings": start.meetings_start}


def _work_detail(i) -> str:
    if i.kind == "covering":
        return translate("Start", "för %1").replace("%1", i.title)
    if i.kind == "absent_case":
        return (translate("Start", "%1 är borta – ersättare %2").replace("%1", i.title).replace("%2", i.detail)
                if i.detail else translate("Start", "%1 är borta – ingen ersättare").replace("%1", i.title))
    return f"{i.title}{': ' + i.detail if i.detail else ''}"


def work_columns() -> list[Column]:
    return [Column(translate("Start", "Att göra"), lambda i: translate("Start", WORK_KINDS.get(i.kind, i.kind))),
            Column(translate("Start", "Ärende"), lambda i: i.case_number),
            Column(translate("Start", "Person"), lambda i: person_name(i.person) if i.person else "",
                   foreground=lambda i: protected_colour(i.person) if i.person else None),
            Column(translate("Start", "Datum"), lambda i: i.on),
            Column(translate("Start", "Vad"), _work_detail, tooltip=_work_detail)]


def absence_columns() -> list[Column]:
    return [Column(translate("Start", "Frånvarande"), lambda a: a.user_name),
            Column(translate("Start", "Från"), lambda a: a.starts_on),
            Column(translate("Start", "Till och med"), lambda a: a.ends_on),
            Column(translate("Start", "Ersättare"),
                   lambda a: a.stand_in_name or translate("Start", "⚠ Ingen ersättare")),
            Column(translate("Start", "Öppna ärenden"), lambda a: a.open_cases)]


def unit_columns() -> list[Column]:
    return [Column(translate("Start", "Enhet"), lambda u: u.unit_name),
            Column(translate("Start", "Öppna ärenden"), lambda u: u.open_cases),
            Column(translate("Start", "Förhandsbedömning"), lambda u: u.forhandsbedomning),
            Column(translate("Start", "Utredning"), lambda u: u.utredning),
            Column(translate("Start", "Insats"), lambda u: u.insats),
            Column(translate("Start", "Ofördelade"), lambda u: u.unassigned),
            Column(translate("Start", "Försenade frister"), lambda u: u.overdue),
            Column(translate("Start", "Förslag att besluta"), lambda u: u.waiting),
            Column(translate("Start", "Frånvarande utan ersättare"), lambda u: u.absent_uncovered)]


def meeting_columns() -> list[Column]:
    def ready(m) -> str:
        if m.to_justera:
            return translate("Start", "Protokollet ska justeras")
        if not m.items:
            return translate("Start", "Inga ärenden ännu")
        if m.without_foredragande:
            return translate("Start", "%1 ärenden saknar föredragande").replace("%1", str(m.without_foredragande))
        return translate("Start", "Klar: alla ärenden har föredragande")

    return [Column(translate("Start", "Datum"), lambda m: m.meeting_date),
            Column(translate("Start", "Organ"), lambda m: m.committee_name),
            Column(translate("Start", "Tid och plats"), lambda m: m.time_place),
            Column(translate("Start", "Ärenden"), lambda m: m.items),
            Column(translate("Start", "Läge"), ready)]


def _n(n: int, one: str, many: str) -> str:
    """Swedish singular and plural written out (a %n plural would print "1 ärenden")."""
    return one if n == 1 else many.replace("%1", str(n))


class StartPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Start")
    page_id = "start"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.kind = start.start_kind(app.actor.role)
        self.overview = None
        self.summary = QLabel(self.tr("Läser in …"), self)
        self.summary.setObjectName("start_summary")
        self.summary.setWordWrap(True)
        self.unassigned = QLabel(self)
        self.unassigned.setObjectName("start_unassigned")
        self.unassigned.setWordWrap(True)
        self.unassigned.hide()
        self.new_button = None
        if access.may(app.services, "case.create"):
            self.new_button = QPushButton(self.tr("Ny anmälan (Ctrl+N)"), self)
            self.new_button.setObjectName("start_new_anmalan")
            self.new_button.setAccessibleName(self.tr("Registrera ny anmälan"))
            self.new_button.clicked.connect(app.new_anmalan)
        self.work_model = RecordTableModel(work_columns(), self)
        self.work_view = make_table("start_work", self.tr("Att göra"), self.work_model, self, (190, 120, 200, 90))
        self.work_view.activated.connect(self._open_work)
        self.deadline_model, self.deadline_view = make_deadline_table(
            "start_deadlines", self.tr("Tidsfrister"), self)
        self.deadline_view.activated.connect(self._open_deadline)
        self.absence_model = RecordTableModel(absence_columns(), self)
        self.absence_view = make_table("start_absences", self.tr("Frånvaro"), self.absence_model, self,
                                       (170, 90, 100, 170))
        self.unit_model = RecordTableModel(unit_columns(), self)
        self.unit_view = make_table("start_units", self.tr("Enheterna"), self.unit_model, self,
                                    (170, 95, 125, 75, 60, 80, 115, 125))
        self.meeting_model = RecordTableModel(meeting_columns(), self)
        self.meeting_view = make_table("start_meetings", self.tr("Kommande sammanträden"), self.meeting_model,
                                       self, (90, 140, 180, 70))
        self.meeting_view.activated.connect(lambda _i: self._go_to("iu"))
        self.handover_buttons: list[QPushButton] = []
        if self.kind == "supervisor" and access.may(app.services, "case.assign"):
            self._make_handover_buttons()
        self.cases = None
        if self.kind == "caseworker":
            query = CaseQuery(assigned_to=app.user_id(), statuses=OPEN_STATUSES)
            self.cases = CaseListWidget(app, "start_cases", query, self)
            self.cases.case_activated.connect(app.open_case)
            offline_list.install(self.cases)
        self._layout()
        app.data_changed.connect(self.refresh_if_visible)

    def _make_handover_buttons(self) -> None:
        for name, text, slot in (("start_absence", self.tr("Registrera &frånvaro …"), self._absence),
                                 ("start_handover_all", self.tr("&Lämna över alla ärenden …"), self._hand_over_all),
                                 ("start_handover_case", self.tr("&Byt handläggare för markerat ärende …"),
                                  self._hand_over_case)):
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.setAccessibleName(text.replace("&", "").replace(" …", ""))
            b.clicked.connect(slot)
            self.handover_buttons.append(b)

    def _section(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        lay = QVBoxLayout(box)
        for w in widgets:
            lay.addWidget(w)
        return box

    def _layout(self) -> None:
        top = QHBoxLayout()
        heading = QLabel("<h2>%s</h2>" % translate("Start", HEADINGS[self.kind])
                         .replace("%1", self.app.actor.full_name), self)
        heading.setObjectName("start_heading")
        top.addWidget(heading, 1)
        if self.new_button is not None:
            top.addWidget(self.new_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.summary)
        box.addWidget(self.unassigned)
        k = self.kind
        if k == "caseworker":
            box.addWidget(self._section(self.tr("Att göra"), self.work_view), 2)
            box.addWidget(self._section(self.tr("Mina närmaste tidsfrister"), self.deadline_view), 2)
            box.addWidget(self._section(self.tr("Mina öppna ärenden"), self.cases), 3)
        elif k == "supervisor":
            box.addWidget(self._section(self.tr("Att göra"), self.work_view), 3)
            box.addWidget(self._section(self.tr("Enhetens försenade tidsfrister"), self.deadline_view), 2)
            buttons = QHBoxLayout()
            for b in self.handover_buttons:
                buttons.addWidget(b)
            buttons.addStretch(1)
            absence = self._section(self.tr("Frånvaro och ersättare"), self.absence_view)
            absence.layout().addLayout(buttons)
            box.addWidget(absence, 2)
        elif k == "unit":
            box.addWidget(self._section(self.tr("Enheterna"), self.unit_view), 2)
            box.addWidget(self._section(self.tr("Frånvaro och ersättare"), self.absence_view), 1)
        elif k == "meetings":
            box.addWidget(self._section(self.tr("Kommande sammanträden"), self.meeting_view), 1)
        else:
            box.addStretch(1)
        for w in (self.work_view, self.deadline_view, self.absence_view, self.unit_view, self.meeting_view):
            if w.parentWidget() is self:
                w.hide()  # not part of this role's page

    # --- data ------------------------------------------------------------------------------

    def activate(self) -> None:
        if self.cases is not None:
            self.cases.reload()
        fn = SERVICE.get(self.kind)
        if fn is None:
            self.summary.setText(self.tr("Statistik och loggkontroll finns i navigeringen till vänster."))
            return
        self.app.run(fn, owner=self, on_done=self._show)

    def _show(self, o) -> None:
        self.overview = o
        c = o.counts
        self.work_model.set_records(o.items)
        self.deadline_model.set_records(o.deadlines)
        self.absence_model.set_records(o.absences)
        self.unit_model.set_records(o.units)
        self.meeting_model.set_records(o.meetings)
        self.summary.setText(self._summary_text(o.kind, c))
        n = c.get("unassigned", 0)
        self.unassigned.setText(self.tr("<b>%1</b> väntar på fördelning – se Anmälningar (Ctrl+2).").replace(
            "%1", _n(n, self.tr("1 ofördelad anmälan"), self.tr("%1 ofördelade anmälningar"))))
        self.unassigned.setVisible(bool(n) and o.kind in ("supervisor", "unit"))
        self.app.nav_counts.emit(dict(o.nav))

    def _summary_text(self, kind: str, c: dict) -> str:
        if kind == "caseworker":
            parts = [_n(c["own_cases"], self.tr("1 öppet ärende"), self.tr("%1 öppna ärenden")), _n(c["returned"], self.tr("1 återsänt förslag"), self.tr("%1 återsända förslag")),
                     _n(c["journal_drafts"], self.tr("1 osignerad journalanteckning"), self.tr("%1 osignerade journalanteckningar")),
                     _n(c["feedback_due"], self.tr("1 återkoppling till anmälare"), self.tr("%1 återkopplingar till anmälare")),
                     _n(c["overdue"], self.tr("1 försenad frist"), self.tr("%1 försenade frister"))]
            if c.get("covering"):
                parts.append(_n(c["covering"], self.tr("du ersätter i 1 ärende"), self.tr("du ersätter i %1 ärenden")))
        elif kind == "supervisor":
            parts = [_n(c["waiting"], self.tr("1 förslag väntar på dig"), self.tr("%1 förslag väntar på dig")),
                     _n(c["unassigned"], self.tr("1 ofördelad anmälan"), self.tr("%1 ofördelade anmälningar")),
                     _n(c["overdue"], self.tr("1 försenad frist i enheten"), self.tr("%1 försenade frister i enheten")),
                     _n(c["uncovered"], self.tr("1 frånvarande utan ersättare"), self.tr("%1 frånvarande utan ersättare")),
                     _n(c["absent_cases"], self.tr("1 ärende med frånvarande handläggare"), self.tr("%1 ärenden med frånvarande handläggare"))]
        elif kind == "unit":
            parts = [_n(c["open_cases"], self.tr("1 öppet ärende"), self.tr("%1 öppna ärenden")), _n(c["unassigned"], self.tr("1 ofördelad"), self.tr("%1 ofördelade")),
                     _n(c["overdue"], self.tr("1 försenad frist"), self.tr("%1 försenade frister")),
                     _n(c["waiting"], self.tr("1 förslag väntar på dig"), self.tr("%1 förslag väntar på dig")),
                     _n(c["uncovered"], self.tr("1 frånvarande utan ersättare"), self.tr("%1 frånvarande utan ersättare"))]
        else:
            parts = [_n(c["meetings"], self.tr("1 kommande sammanträde"), self.tr("%1 kommande sammanträden")),
                     _n(c["ready"], self.tr("1 godkänt förslag att föra upp på en föredragningslista"), self.tr("%1 godkända förslag att föra upp på en föredragningslista")),
                     _n(c["to_justera"], self.tr("1 protokoll att justera"), self.tr("%1 protokoll att justera"))]
        return " · ".join(parts)

    # --- commands --------------------------------------------------------------------------

    def _go_to(self, page_id: str) -> None:
        self.app.show_page.emit(page_id)

    def _open_work(self, index) -> None:
        item = self.work_model.record(index.row())
        if item is None:
            return
        if item.kind in ("returned", "waiting") and item.record_id is not None:
            self.app.open_decision.emit(item.record_id)
        elif item.case_id is not None:
            self.app.open_case.emit(item.case_id)

    def _open_deadline(self, index) -> None:
        d = self.deadline_model.record(index.row())
        if d is not None:
            self.app.open_case.emit(d.case_id)

    def _dialog(self, mode: str, **kwargs):
        from ..handover_dialog import HandoverDialog

        dlg = HandoverDialog(self.app, mode, self, **kwargs)
        dlg.done_changes.connect(lambda: self.app.data_changed.emit("case"))
        dlg.open()
        self.dialog = dlg
        return dlg

    def _absence(self) -> None:
        a = self.absence_model.record(self.absence_view.currentIndex().row())
        self._dialog("absence", absence=a if a is not None and a.stand_in_id is None else None)

    def _hand_over_all(self) -> None:
        a = self.absence_model.record(self.absence_view.currentIndex().row())
        self._dialog("all", from_user=a.user_id if a is not None else None)

    def _hand_over_case(self) -> None:
        item = self.work_model.record(self.work_view.currentIndex().row())
        if item is None or item.case_id is None or item.kind not in ("absent_case", "unassigned"):
            self.app.status_message.emit(self.tr("Markera ett ärende i listan Att göra först."))
            return
        self._dialog("case", case_id=item.case_id, case_number=item.case_number)
