"""The person and case view: header with protection marking, and one tab per part of the case."""

from __future__ import annotations

import time
import uuid

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget

from ifodesk.services import caseview
from ifodesk.services.access import ReasonRequired

from ..access_dialog import AccessReasonDialog
from ..widgets.deadline_table import make_deadline_table
from ..widgets.focus import focus_first_in
from .decisions_tab import DecisionsTab
from .fb_tab import FbTab
from ..offline_case import install as install_offline
from .header import CaseHeader
from .journal_tab import JournalTab
from .parties_tab import PartiesTab
from .skydd_tab import SkyddTab
from .timeline_tab import TimelineTab
from .utredning_tab import UtredningTab


# AppContext.data_changed kinds that can change what the case view shows (status, deadlines,
# timeline, Beslut). "utkast" (a decision editor's quiet autosave) is not one of them.
RELOAD_ON = frozenset({"case", "decision", "journal", "meeting"})


def load_case(ctx, case_id, reason=None):
    """One worker call, one transaction: the case in full and its person (address hidden when protected)."""
    detail = caseview.get_case(ctx, case_id, reason)
    return detail, detail.person


class CaseView(QWidget):
    back_requested = Signal()
    loaded = Signal(object)  # CaseDetail, after it is shown

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.setObjectName("case_view")
        self.setAccessibleName(self.tr("Ärende"))
        self.case_id = None
        self.detail = None
        self.reason_dialog: AccessReasonDialog | None = None
        self.load_ms: float | None = None
        self._started = 0.0
        self._stale = False
        self._refresh = QTimer(self, singleShot=True, interval=0)  # one reload for a burst of changes
        self._refresh.timeout.connect(self._refresh_now)
        self.header = CaseHeader(app, self)
        self.header.back_requested.connect(self._back)
        self.loading = QLabel(self.tr("Läser in ärendet …"), self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("case_tabs")
        self.timeline = TimelineTab(self)
        self.skydd = SkyddTab(app, self)
        self.fb = FbTab(app, self)
        self.utredning = UtredningTab(app, self)
        self.journal = JournalTab(app, self)
        self.deadline_model, self.deadline_view = make_deadline_table(
            "case_deadlines", self.tr("Ärendets tidsfrister"), self, with_case=False)
        self.decisions = DecisionsTab(app, self)
        self.parties = PartiesTab(app, self)
        for w, title in ((self.timeline, self.tr("&Översikt")), (self.skydd, self.tr("S&kyddsbedömning")),
                         (self.fb, self.tr("&Förhandsbedömning")), (self.utredning, self.tr("&Utredning")),
                         (self.journal, self.tr("&Journal")), (self.deadline_view, self.tr("T&idsfrister")),
                         (self.decisions, self.tr("B&eslut")), (self.parties, self.tr("Parter/Nät&verk"))):
            self.tabs.addTab(w, title)
        for tab in (self.skydd, self.fb, self.utredning, self.journal):
            tab.saved.connect(self.reload)
        self.tabs.currentChanged.connect(self._tab_changed)
        box = QVBoxLayout(self)
        box.addWidget(self.header)
        box.addWidget(self.loading)
        box.addWidget(self.tabs, 1)
        app.data_changed.connect(self._data_changed)
        install_offline(self)  # "utcheckad till bärbar dator …" and "Checka ut …" (issue 12)

    def load(self, case_id) -> None:
        if isinstance(case_id, str):
            case_id = uuid.UUID(case_id)  # an id from a case list (hex)
        same = self.detail is not None and self.detail.summary.id == case_id
        if case_id != self.case_id:
            self.save_drafts_now()
            self.tabs.setCurrentIndex(0)
        self.case_id = case_id
        self._stale = False
        self._started = time.perf_counter()
        self.loading.setVisible(not same)  # a refresh of the case shown keeps it readable meanwhile
        self.tabs.setEnabled(same)
        self._run_load(case_id, None)

    def _run_load(self, case_id, reason) -> None:
        self.app.run(load_case, case_id, reason, owner=self, on_done=self._show,
                     on_error=lambda exc, cid=case_id: self._load_failed(cid, exc))

    def _load_failed(self, case_id, exc: Exception) -> None:
        """Outside one's own cases and unit: ask for the reason; refused: say so and go back."""
        if case_id != self.case_id:
            return
        if isinstance(exc, ReasonRequired):
            self.reason_dialog = AccessReasonDialog(str(exc), self)
            self.reason_dialog.reason_given.connect(lambda reason: self._run_load(case_id, reason))
            self.reason_dialog.rejected.connect(self._back)
            self.reason_dialog.open()
            return
        self.app.report_error(exc)
        if self.detail is None or self.detail.summary.id != case_id:
            self._back()  # nothing of this case to show

    def reload(self, *_args) -> None:
        """After a tab saved: read the case again, and tell the rest of the app."""
        if self.case_id is not None:
            self._refresh.start()
            self.app.data_changed.emit("case")

    def _data_changed(self, what: str) -> None:
        """A decision taken, a meeting recorded …: status, deadlines, timeline and Beslut follow."""
        if what not in RELOAD_ON or self.case_id is None:
            return
        if self.isVisible():
            self._refresh.start()
        else:
            self._stale = True  # read again when shown

    def _refresh_now(self) -> None:
        if self.case_id is not None:
            self.load(self.case_id)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh.start()

    def _show(self, result) -> None:
        detail, person = result
        if detail.summary.id != self.case_id:
            return  # another case was opened meanwhile
        self.detail = detail
        self.header.show_case(detail, person)
        for tab in (self.timeline, self.skydd, self.fb, self.utredning, self.journal, self.decisions, self.parties):
            tab.show_case(detail)
        self.deadline_model.set_records(detail.deadlines)
        self.loading.hide()
        self.tabs.setEnabled(True)
        self.load_ms = (time.perf_counter() - self._started) * 1000
        self.loaded.emit(detail)

    def _tab_changed(self, _index: int) -> None:
        """Alt+letter on a tab: the focus follows into it (not left in the navigation or a hidden
        tab). Arrow keys on the tab bar itself keep the focus there."""
        focused = QApplication.focusWidget()
        page = self.tabs.currentWidget()
        if page is None or focused is self.tabs.tabBar() or (focused is not None and page.isAncestorOf(focused)):
            return
        focus_first_in(page)

    def save_drafts_now(self) -> None:
        for tab in (self.skydd, self.fb, self.utredning, self.journal):
            tab.flush()

    def _back(self) -> None:
        self.save_drafts_now()
        self.back_requested.emit()
