"""IU-sammanträden: meetings, the agenda built from approved proposals, § by § recording, PDFs."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ifodesk.services import decision_docs, decisions, meetings

from ..decision.actions import ActionBar
from ..decision.pdf_view import PdfViewDialog
from ..meeting.columns import (
    OUTCOME_LABELS,
    OUTCOMES_FOR_KIND,
    agenda_columns,
    approved_columns,
    label,
    meeting_columns,
)
from ..meeting.create_dialog import MeetingDialog
from ..meeting.protocol import ProtocolBox
from ..models.record_table import RecordTableModel
from ..widgets.inputs import button, line_edit, name
from ..widgets.tables import make_table
from .base import Page


def load_meeting(ctx, meeting_id):
    return meetings.get_meeting(ctx, meeting_id), decisions.approved_for_agenda(ctx)


class MeetingsPage(Page):
    title = QT_TRANSLATE_NOOP("Page", "IU-sammanträden")
    page_id = "iu"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.meeting = None  # MeetingInfo shown on the right
        self.dialog: MeetingDialog | None = None
        self.pdf_dialog: PdfViewDialog | None = None
        self.meetings_model = RecordTableModel(meeting_columns(), self)
        self.meetings_view = make_table("iu_meetings", self.tr("Sammanträden"), self.meetings_model, self, (90, 85, 60))
        self.new_button = button(self, "iu_new_meeting", self.tr("&Nytt sammanträde …"))
        self.new_button.clicked.connect(self.new_meeting)
        self.header = QLabel(self.tr("Välj ett sammanträde."), self)
        self.header.setObjectName("iu_header")
        self.header.setWordWrap(True)
        self.agenda_model = RecordTableModel(agenda_columns(), self)
        self.agenda_view = make_table("iu_agenda", self.tr("Föredragningslista"), self.agenda_model, self,
                                      (50, 190, 115, 95, 195, 100))
        self.outcome = name(QComboBox(self), "iu_outcome", self.tr("Utskottets beslut"))
        self.outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.note = line_edit(self, "iu_note", self.tr("Anteckning till protokollet"))
        self.note.setPlaceholderText(self.tr("Anteckning till protokollet (valfri)"))
        self.item_actions = ActionBar("iu_item_actions", self)
        self.protocol = ProtocolBox(app, self)  # justering, anslag, laglighetsprövning
        self.protocol.changed.connect(self._changed)
        self.protocol.stale.connect(self.activate)
        self.approved_model = RecordTableModel(approved_columns(), self)
        self.approved_view = make_table("iu_approved", self.tr("Godkända förslag att ta upp"), self.approved_model,
                                        self, (120, 150, 220, 120))
        self.add_actions = ActionBar("iu_add_actions", self)
        self._buttons()
        self._layout()
        self.meetings_view.selectionModel().currentRowChanged.connect(self._meeting_picked)
        self.agenda_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_actions())
        self.approved_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_actions())
        self.approved_view.activated.connect(lambda _i: self.add_selected())
        app.data_changed.connect(self._data_changed)
        self._show_actions()

    def _buttons(self) -> None:
        a = self.item_actions
        a.add("record", button(self, "iu_record", self.tr("&Protokollför §"))).clicked.connect(self.record)
        a.add("remove", button(self, "iu_remove", self.tr("&Ta bort från listan"))).clicked.connect(self.remove)
        a.add("presenter", button(self, "iu_presenter", self.tr("Byt före&dragande …"))) \
            .clicked.connect(lambda: self.protocol.change_presenter(self._selected_item()))
        a.add("extract", button(self, "iu_extract", self.tr("Protokolls&utdrag (PDF) …")), new_row=True) \
            .clicked.connect(self.print_extract)
        a.add("agenda", button(self, "iu_print_agenda", self.tr("&Föredragningslista (PDF) …"))) \
            .clicked.connect(self.print_agenda)
        a.add("close", button(self, "iu_close_meeting", self.tr("&Avsluta sammanträdet"))) \
            .clicked.connect(self.close_meeting)
        self.add_actions.add("add", button(self, "iu_add", self.tr("&Lägg på föredragningslistan")),
                             stretch_before=True) \
            .clicked.connect(self.add_selected)

    def _layout(self) -> None:
        left = QWidget(self)
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(self.new_button)
        lbox.addWidget(self._label(self.tr("&Sammanträden"), self.meetings_view))
        lbox.addWidget(self.meetings_view, 1)
        lbox.addWidget(self.protocol)  # the chosen meeting's protocol: justering, anslag, appeal time
        record = QHBoxLayout()
        record.addWidget(self._label(self.tr("&Beslut:"), self.outcome))
        record.addWidget(self.outcome)
        record.addWidget(self.note, 1)
        top = QWidget(self)
        tbox = QVBoxLayout(top)
        tbox.setContentsMargins(0, 0, 0, 0)
        tbox.addWidget(self.header)
        tbox.addWidget(self._label(self.tr("F&öredragningslista"), self.agenda_view))
        tbox.addWidget(self.agenda_view, 1)
        tbox.addLayout(record)
        tbox.addWidget(self.item_actions)
        bottom = QWidget(self)
        bbox = QVBoxLayout(bottom)
        bbox.setContentsMargins(0, 0, 0, 0)
        bbox.addWidget(self._label(self.tr("&Godkända förslag som kan tas upp (förbehållna utskottet)"),
                                   self.approved_view))
        bbox.addWidget(self.approved_view, 1)
        bbox.addWidget(self.add_actions)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(top)
        right.addWidget(bottom)
        right.setSizes([430, 200])
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([300, 860])
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<h2>IU-sammanträden</h2>"), self))
        box.addWidget(split, 1)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        lab = QLabel(text, self)
        lab.setBuddy(buddy)
        return lab

    # --- loading -----------------------------------------------------------------------------

    def _data_changed(self, what: str) -> None:
        if what in ("decision", "meeting") and self.isVisible():
            self.activate()

    def activate(self) -> None:
        self.app.run(meetings.list_meetings, owner=self, on_done=self._show_meetings)

    def _show_meetings(self, items) -> None:
        self.meetings_model.set_records(items)
        if not items:
            self.header.setText(self.tr("Inga sammanträden ännu. Skapa ett med <b>Nytt sammanträde</b>."))
        shown = self.meeting.id if self.meeting else None
        planned = [i for i, m in enumerate(items) if m.status == "planerad"]
        row = next((i for i, m in enumerate(items) if m.id == shown), planned[-1] if planned else 0)
        if items:
            self.meetings_view.selectRow(row)
            self.show_meeting(items[row].id)

    def _meeting_picked(self, current, _previous) -> None:
        m = self.meetings_model.record(current.row()) if current.isValid() else None
        if m is not None and (self.meeting is None or m.id != self.meeting.id):
            self.show_meeting(m.id)

    def show_meeting(self, meeting_id) -> None:
        self.app.run(load_meeting, meeting_id, owner=self, on_done=self._show_meeting)

    def _show_meeting(self, result) -> None:
        m, approved = result
        keep = self._selected_item()
        self.meeting = m
        self.header.setText(self._header(m))
        self.agenda_model.set_records(m.items)
        self.approved_model.set_records(approved)
        self.protocol.show_meeting(m)
        first_open = next((r for r, i in enumerate(m.items) if i.outcome is None), 0)
        kept = next((r for r, i in enumerate(m.items) if keep and i.id == keep.id and keep.outcome == i.outcome), None)
        row = kept if kept is not None else first_open  # after recording a §, move on to the next
        if m.items:
            self.agenda_view.selectRow(row)
        if approved:
            self.approved_view.selectRow(0)
        self._show_actions()

    def _header(self, m) -> str:
        text = self.tr("<b>%1 %2</b> – %3<br>Ordförande: %4 · Sekreterare: %5<br>Ledamöter: %6") \
            .replace("%1", html.escape(m.committee_name)).replace("%2", m.meeting_date.isoformat()) \
            .replace("%3", html.escape(m.time_place)).replace("%4", html.escape(m.chair_name)) \
            .replace("%5", html.escape(m.secretary_name)).replace("%6", html.escape(", ".join(m.member_names)))
        if m.status != "planerad":
            text += self.tr("<br><b>Sammanträdet är avslutat.</b>")
        return text

    def _selected_item(self):
        idx = self.agenda_view.currentIndex()
        return self.agenda_model.record(idx.row()) if idx.isValid() else None

    def _selected_approved(self):
        idx = self.approved_view.currentIndex()
        return self.approved_model.record(idx.row()) if idx.isValid() else None

    # --- buttons and their reasons -----------------------------------------------------------

    def _show_actions(self) -> None:
        m, item = self.meeting, self._selected_item()
        self._fill_outcomes(item)
        planned = m is not None and m.status == "planerad"
        a = self.item_actions
        chosen = item is not None  # without a chosen §, the § buttons need no explanation each
        a.set_state("record", *self._record_state(m, item))
        a.set_state("remove", planned and chosen and item.kind == "beslut" and item.outcome is None,
                    self.tr("Bara ett obehandlat beslutsärende kan tas bort från listan.") if chosen else "")
        a.set_state("presenter", chosen and item.outcome is None and self.app.actor.role in meetings.MANAGER_ROLES,
                    "" if not chosen else self.tr("§ %1 är redan protokollförd.").replace("%1", str(item.paragraph_no))
                    if item.outcome is not None else self.tr("Bara den som förbereder sammanträden byter föredragande."))
        a.set_state("extract", chosen and item.outcome is not None and m.justerad_on is not None,
                    "" if not chosen else self.tr("Protokollsutdrag skrivs ut när paragrafen är protokollförd.")
                    if item.outcome is None else self.tr("Protokollsutdrag lämnas först när protokollet är justerat."))
        a.set_state("agenda", m is not None and bool(m.items),
                    self.tr("Föredragningslistan är tom.") if m is not None else "")
        open_items = [f"§ {i.paragraph_no}" for i in (m.items if m else ()) if i.outcome is None]
        a.set_state("close", planned and not open_items,
                    "" if m is None else self.tr("Protokollför först: %1").replace("%1", ", ".join(open_items))
                    if open_items else self.tr("Sammanträdet är redan avslutat."))
        approved = self._selected_approved()
        self.add_actions.set_state(
            "add", planned and approved is not None,
            self.tr("Skapa eller välj ett planerat sammanträde först.") if not planned
            else self.tr("Inget godkänt förslag är valt.") if self.approved_model.rowCount() == 0 or approved is None
            else "")

    def _record_state(self, m, item) -> tuple[bool, str]:
        if m is None or item is None:
            return False, ""
        if m.status != "planerad":
            return False, self.tr("Sammanträdet är avslutat.")
        if item.outcome is not None:
            return False, self.tr("§ %1 är redan protokollförd.").replace("%1", str(item.paragraph_no))
        if m.meeting_date > self.app.services.today():
            return False, self.tr("Sammanträdet hålls %1; beslut protokollförs den dagen.").replace(
                "%1", m.meeting_date.isoformat())
        if self.app.actor.role not in meetings.SECRETARY_ROLES:
            return False, self.tr("Bara sekreteraren eller ordföranden protokollför utskottets beslut.")
        return True, ""

    def _fill_outcomes(self, item) -> None:
        kinds = OUTCOMES_FOR_KIND.get(item.kind, ()) if item is not None else ()
        if [self.outcome.itemData(i) for i in range(self.outcome.count())] == list(kinds):
            return
        self.outcome.clear()
        for key in kinds:
            self.outcome.addItem(label(OUTCOME_LABELS, key), key)

    # --- actions -----------------------------------------------------------------------------

    def new_meeting(self) -> None:
        numbers = [i.paragraph_no for m in self.meetings_model.records() for i in m.items
                   if i.paragraph_no and m.meeting_date.year == self.app.services.today().year]
        dialog = MeetingDialog(self.app, max(numbers, default=0) + 1, self)
        dialog.created.connect(self._created)
        self.dialog = dialog
        dialog.open()

    def _created(self, meeting) -> None:
        self.meeting = meeting
        self.app.status_message.emit(self.tr("Sammanträdet %1 är skapat.").replace(
            "%1", meeting.meeting_date.isoformat()))
        self.app.data_changed.emit("meeting")  # this page reloads (it listens)

    def _changed(self, meeting, text: str) -> None:
        self.app.status_message.emit(text)
        self.app.data_changed.emit("meeting")
        self.app.data_changed.emit("case")
        self.meeting = meeting

    def add_selected(self) -> None:
        d = self._selected_approved()
        if self.meeting is None or d is None or not self.add_actions.buttons["add"].isEnabled():
            return
        self.app.run(meetings.add_to_agenda, self.meeting.id, d.id, d.version, owner=self,
                     on_done=lambda m: self._changed(m, self.tr("%1 är lagt på föredragningslistan.")
                                                     .replace("%1", d.case_number)),
                     on_error=self.app.report_error)

    def remove(self) -> None:
        item = self._selected_item()
        if item is not None:
            self.app.run(meetings.remove_from_agenda, item.id, owner=self, on_error=self.app.report_error,
                         on_done=lambda m: self._changed(m, self.tr("Ärendet är borttaget från listan.")))

    def record(self) -> None:
        item, outcome = self._selected_item(), self.outcome.currentData()
        if item is None or not outcome:
            return
        self.app.run(meetings.record_item, item.id, item.version, outcome, self.note.text(), owner=self,
                     on_error=self.app.report_error, on_done=lambda m: self._recorded(m, item))

    def _recorded(self, m, item) -> None:
        self.note.clear()
        self._changed(m, self.tr("§ %1 är protokollförd.").replace("%1", str(item.paragraph_no)))

    def close_meeting(self) -> None:
        if self.meeting is not None:
            self.app.run(meetings.close_meeting, self.meeting.id, self.meeting.version, owner=self,
                         on_error=self.app.report_error,
                         on_done=lambda m: self._changed(m, self.tr("Sammanträdet är avslutat.")))

    def print_agenda(self) -> None:
        m = self.meeting
        if m is not None:
            title = self.tr("Föredragningslista %1").replace("%1", m.meeting_date.isoformat())
            self.app.run(decision_docs.agenda, m.id, owner=self, on_error=self.app.report_error,
                         on_done=lambda data: self._pdf(data, title, f"foredragningslista-{m.meeting_date}.pdf"))

    def print_extract(self) -> None:
        item, m = self._selected_item(), self.meeting
        if item is not None and m is not None:
            title = self.tr("Protokollsutdrag § %1").replace("%1", str(item.paragraph_no))
            file_name = f"protokollsutdrag-{m.meeting_date}-{item.paragraph_no}.pdf"
            self.app.run(decision_docs.protocol_extract, item.id, owner=self, on_error=self.app.report_error,
                         on_done=lambda data: self._pdf(data, title, file_name))

    def _pdf(self, data: bytes, title: str, file_name: str) -> None:
        self.pdf_dialog = PdfViewDialog(data, title, file_name, self)
        self.pdf_dialog.open()
