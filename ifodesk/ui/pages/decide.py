"""Att besluta: proposals waiting for me and my own drafts; read one in full, then approve or return it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from ifodesk.services import decisions

from .. import theme
from ..decision.actions import ActionBar
from ..decision.reason_dialog import ReasonDialog
from ..decision.summary import person_colour, person_text, summary_html
from ..labels import level_label
from ..models.record_table import Column, RecordTableModel
from ..widgets.inputs import button, name
from ..widgets.tables import make_table
from .base import Page

translate = QCoreApplication.translate


def _urgent(i) -> bool:
    return i.approver_level == "ordforande"


def waiting_columns() -> list[Column]:
    def to(i):
        return translate("Decide", "⚠ Brådskande – ordförande") if _urgent(i) else level_label(i.approver_level or "")
    return [Column(translate("Decide", "Ärende"), lambda i: i.case_number),
            Column(translate("Decide", "Person"), person_text, foreground=person_colour),
            Column(translate("Decide", "Beslut"), lambda i: i.title),
            Column(translate("Decide", "Skrivet av"), lambda i: i.drafted_by_name),
            Column(translate("Decide", "Till"), to, lambda i: theme.background("urgent") if _urgent(i) else None,
                   lambda i: theme.foreground("urgent") if _urgent(i) else None)]


def draft_columns() -> list[Column]:
    def status(i):
        if i.status == "avslagen" and i.rejection_reason:
            return translate("Decide", "Återvisat: %1").replace("%1", i.rejection_reason)
        return i.status_label
    return [Column(translate("Decide", "Ärende"), lambda i: i.case_number),
            Column(translate("Decide", "Person"), person_text, foreground=person_colour),
            Column(translate("Decide", "Beslut"), lambda i: i.title),
            Column(translate("Decide", "Status"), status)]


def load_lists(ctx):
    return decisions.waiting_for_me(ctx), decisions.my_drafts(ctx)


def load_detail(ctx, decision_id):
    return decisions.get_decision(ctx, decision_id), decisions.routing(ctx, decision_id)


class DecidePage(Page):
    title = QT_TRANSLATE_NOOP("Page", "Att besluta")
    page_id = "att_besluta"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.current = None  # (DecisionInfo, Routing) shown on the right
        self.reason_dialog: ReasonDialog | None = None
        self.waiting_model = RecordTableModel(waiting_columns(), self)
        self.waiting = make_table("decide_waiting", self.tr("Förslag som väntar på mig"), self.waiting_model, self,
                                  (112, 100, 150, 80))
        self.drafts_model = RecordTableModel(draft_columns(), self)
        self.drafts = make_table("decide_drafts", self.tr("Mina förslag och utkast"), self.drafts_model, self,
                                 (112, 100, 150))
        self.waiting_count, self.drafts_count = QLabel(self), QLabel(self)
        self.detail = name(QTextBrowser(self), "decide_detail", self.tr("Förslaget i sin helhet"))
        self.actions = ActionBar("decide_actions", self)
        self._buttons()
        self._layout()
        for view, model in ((self.waiting, self.waiting_model), (self.drafts, self.drafts_model)):
            view.selectionModel().currentRowChanged.connect(lambda cur, _prev, v=view, m=model: self._picked(v, m, cur))
            view.activated.connect(lambda index, m=model: self._open_editor(m.record(index.row())))
        app.data_changed.connect(self._data_changed)
        self._show_actions()

    def _buttons(self) -> None:
        a = self.actions
        a.add("approve", button(self, "decide_approve", self.tr("&Godkänn"))).clicked.connect(self.approve)
        a.add("reject", button(self, "decide_reject", self.tr("Åter&visa …"))).clicked.connect(self.ask_reason)
        a.add("urgent", button(self, "decide_urgent", self.tr("Fatta &brådskande beslut"))) \
            .clicked.connect(self.decide_urgent)
        a.add("editor", button(self, "decide_open_editor", self.tr("Öppna i &beslutsredigeraren")),
              stretch_before=True) \
            .clicked.connect(lambda: self.current and self._open_editor(self.current[0]))
        a.add("case", button(self, "decide_open_case", self.tr("Öppna &ärendet"))) \
            .clicked.connect(lambda: self.current and self.app.open_case.emit(self.current[0].case_id))

    def _layout(self) -> None:
        left = QWidget(self)
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        for text, count, view in ((self.tr("<b>Väntar på mig</b>"), self.waiting_count, self.waiting),
                                  (self.tr("<b>Mina förslag och utkast</b>"), self.drafts_count, self.drafts)):
            label = QLabel(text, left)
            label.setBuddy(view)
            box.addWidget(label)
            box.addWidget(view, 1)
            count.setParent(left)
            box.addWidget(count)
        self.waiting_count.setObjectName("decide_waiting_count")
        self.drafts_count.setObjectName("decide_drafts_count")
        right = QWidget(self)
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.detail, 1)
        rbox.addWidget(self.actions)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([600, 560])
        page = QVBoxLayout(self)
        page.addWidget(QLabel(self.tr("<h2>Att besluta</h2>"), self))
        page.addWidget(split, 1)

    # --- loading -----------------------------------------------------------------------------

    def _data_changed(self, what: str) -> None:
        if what in ("decision", "meeting") and self.isVisible():
            self.activate()

    def activate(self) -> None:
        self.app.run(load_lists, owner=self, on_done=self._show_lists)

    def _show_lists(self, lists) -> None:
        waiting, drafts = lists
        self.waiting_model.set_records(waiting)
        self.drafts_model.set_records(drafts)
        self.waiting_count.setText(self.tr("%1 förslag väntar på dig").replace("%1", str(len(waiting))))
        self.drafts_count.setText(self.tr("1 eget förslag") if len(drafts) == 1
                                  else self.tr("%1 egna förslag").replace("%1", str(len(drafts))))
        if self.current is None:
            self.detail.setHtml(self.tr("<p>Välj ett förslag i listan för att läsa det i sin helhet.</p>") if waiting
                                or drafts else self.tr("<p>Inga förslag väntar på ditt beslut just nu.</p>"))
        shown = self.current[0].id if self.current else None
        for view, model in ((self.waiting, self.waiting_model), (self.drafts, self.drafts_model)):
            row = next((r for r, i in enumerate(model.records()) if i.id == shown), -1)
            if row >= 0:
                view.selectionModel().blockSignals(True)
                view.selectRow(row)
                view.selectionModel().blockSignals(False)
                self.show_decision(shown)
                return

    def _picked(self, view, model, current) -> None:
        info = model.record(current.row()) if current.isValid() else None
        if info is None:
            return
        other = self.drafts if view is self.waiting else self.waiting
        other.selectionModel().blockSignals(True)
        other.clearSelection()
        other.setCurrentIndex(other.model().index(-1, -1))
        other.selectionModel().blockSignals(False)
        self.show_decision(info.id)

    def show_decision(self, decision_id) -> None:
        self.app.run(load_detail, decision_id, owner=self, on_done=self._show_detail)

    def _show_detail(self, detail) -> None:
        self.current = detail
        info, routing = detail
        self.detail.setHtml(summary_html(info, routing))
        self._show_actions()

    def _show_actions(self) -> None:
        a = self.actions
        if self.current is None:
            for key in a.buttons:
                a.set_state(key, False, "", key != "urgent")
            return
        info, r = self.current
        mine = info.drafted_by == self.app.user_id()  # own proposals are followed here, not decided
        urgent = _urgent(info) and info.status == "for_godkannande"
        a.buttons["approve"].setText(self.tr("&Godkänn för utskottet") if r.route == "utskott"
                                     else self.tr("&Godkänn och besluta"))
        a.set_state("approve", r.can_approve, r.approve_reason, visible=not mine and not urgent)
        may_reject = info.status == "for_godkannande" and (r.can_approve or r.can_sign or
                                                           (urgent and r.can_sign_urgent))
        a.set_state("reject", may_reject, r.approve_reason if info.status == "for_godkannande"
                    else self.tr("Förslaget väntar inte på godkännande."), visible=not mine)
        a.set_state("urgent", r.can_sign_urgent, r.urgent_reason, visible=r.urgent_available and not mine)
        a.set_state("editor", True)
        a.set_state("case", True)

    # --- actions -----------------------------------------------------------------------------

    def _open_editor(self, info) -> None:
        """The main window's DecisionEditorLauncher answers open_decision."""
        if info is not None:
            self.app.open_decision.emit(info.id)

    def _run(self, fn, *args, done: str, **kwargs) -> None:
        info, _r = self.current
        for b in self.actions.buttons.values():
            b.setEnabled(False)
        self.app.run(fn, info.id, info.version, *args, owner=self, on_done=lambda i: self._done(i, done),
                     on_error=self._failed, **kwargs)

    def _done(self, info, text: str) -> None:
        self.app.status_message.emit(text.replace("%1", info.title).replace("%2", info.case_number))
        self.app.data_changed.emit("decision")  # this page reloads its lists too (it listens)
        self.app.data_changed.emit("case")
        self.show_decision(info.id)  # stays in view, now with its new status

    def _failed(self, exc: Exception) -> None:
        self.app.report_error(exc)
        if self.current is not None:
            self.show_decision(self.current[0].id)

    def approve(self) -> None:
        if self.current is None:
            return
        utskott = self.current[1].route == "utskott"
        self._run(decisions.approve, done=self.tr("Godkänt för utskottet: %1 (%2)") if utskott
                  else self.tr("Beslutet är fattat: %1 (%2)"))

    def ask_reason(self) -> None:
        if self.current is None:
            return
        dialog = ReasonDialog(self.tr("Återvisa förslaget"),
                              self.tr("Varför återvisas <b>%1</b>? Handläggaren ser skälet i sina förslag.")
                              .replace("%1", self.current[0].title), self)
        dialog.reason_given.connect(self.reject_with)
        self.reason_dialog = dialog
        dialog.open()

    def reject_with(self, reason: str) -> None:
        self._run(decisions.reject, reason, done=self.tr("Återvisat: %1 (%2)"))

    def decide_urgent(self) -> None:
        if self.current is not None:
            self._run(decisions.sign, done=self.tr("Brådskande beslut fattat: %1 (%2)"), urgent=True)
