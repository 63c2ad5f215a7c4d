"""The decision editor's actions: sign, send (also urgently), discard, place on an agenda, the letter."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from ifodesk.services import decision_docs, decisions, meetings

from .court_dialog import CourtRulingDialog
from .pdf_view import PdfViewDialog


class ActionsMixin:
    """Mixed into DecisionEditor; each action saves what was typed first, then acts on that version."""

    # --- actions -----------------------------------------------------------------------------

    def _act(self, fn, done_text: str, **kwargs) -> None:
        def run(info):
            self._set_busy(True, self.tr("Arbetar …"))
            self.app.run(fn, info.id, info.version, owner=self, on_done=lambda i: self._acted(i, done_text),
                         on_error=self._failed, **kwargs)
        self.save(then=run)

    def _acted(self, info, done_text: str) -> None:
        self._set_busy(False)
        if self._closing:
            self._changed(info)
            self._finish_close()
            return
        self._unlocked = False
        self._set_info(info)
        self._fill(info.fields)
        self.app.drafts.discard(self._draft_key())
        self._say(done_text)
        self.app.status_message.emit(done_text)
        self._changed(info)
        self.app.data_changed.emit("case")
        self.refresh_routing()

    def sign(self) -> None:
        if not self.parties_box.confirm_sign(self):
            return
        self._act(decisions.sign, self.tr("Beslutet är fattat."))

    def send(self) -> None:
        self._act(decisions.send_for_approval, self.tr("Förslaget är skickat för godkännande."))

    def send_urgent(self) -> None:
        self._act(decisions.send_for_approval, self.tr("Förslaget är skickat brådskande till ordföranden."),
                  urgent=True)

    def discard(self) -> None:
        self._act(decisions.discard_draft, self.tr("Utkastet är makulerat."))

    def choose_meeting(self) -> None:
        self.app.run(meetings.list_meetings, False, owner=self, on_done=self._meeting_menu,
                     on_error=self.app.report_error)

    def _meeting_menu(self, planned) -> None:
        menu = QMenu(self)
        menu.setObjectName("editor_meeting_menu")
        for m in sorted(planned, key=lambda m: m.meeting_date):
            action = menu.addAction(f"{m.meeting_date.isoformat()} {m.committee_name} – {m.time_place}")
            action.triggered.connect(lambda _c=False, mid=m.id: self.place_on_agenda(mid))
        if not planned:
            menu.addAction(self.tr("Inget planerat sammanträde – skapa ett under IU-sammanträden")).setEnabled(False)
        self.meeting_menu = menu
        b = self.actions.buttons["agenda"]
        menu.popup(b.mapToGlobal(b.rect().bottomLeft()))

    def place_on_agenda(self, meeting_id) -> None:
        info = self.info
        self._set_busy(True, self.tr("Lägger på föredragningslistan …"))
        self.app.run(meetings.add_to_agenda, meeting_id, info.id, info.version, owner=self,
                     on_done=lambda _m: self._placed(info.id), on_error=self._failed)

    def _placed(self, decision_id) -> None:
        self.app.run(decisions.get_decision, decision_id, owner=self, on_error=self._failed,
                     on_done=lambda i: self._acted(i, self.tr("Förslaget står på föredragningslistan.")))

    def show_letter(self) -> None:
        if self.info is None:
            return
        self.app.run(decision_docs.decision_letter, self.info.id, owner=self, on_done=self._letter,
                     on_error=self.app.report_error)

    def _letter(self, data: bytes) -> None:
        number = self.info.case_number if self.info else ""
        self.pdf_dialog = PdfViewDialog(data, self.tr("Beslutsbrev %1").replace("%1", number),
                                        f"beslut-{number}.pdf", self)
        self.pdf_dialog.open()

    def record_court(self) -> None:
        """The förvaltningsrätt's ruling on an underställt decision: date, outcome, the deadlines."""
        if self.info is None:
            return
        self.court_dialog = CourtRulingDialog(self.app, self.info, self)
        self.court_dialog.recorded.connect(lambda _r: self.app.data_changed.emit("case"))
        self.court_dialog.open()
