"""What every page gets: the signed-in user's service context, the task runner, shared signals."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ifodesk.services import access
from ifodesk.services.context import ServiceContext

from .drafts import DraftStore
from .worker import TaskRunner


@dataclass(frozen=True)
class DecisionRequest:
    """Ask the decision editor for a new decision on a case.

    purpose: "forhandsbedomning" (inleda / inte inleda), "forlangning", "avslut" or "" (any);
    source_id: the förhandsbedömning or utredning the decision concludes, when there is one.
    """

    case_id: uuid.UUID
    purpose: str = ""
    source_id: uuid.UUID | None = None


class AppContext(QObject):
    """Shared by the pages. Pages talk to each other only through these signals."""

    open_case = Signal(object)  # case id: show the case view
    open_decision = Signal(object)  # decision id: show the decision editor
    new_decision = Signal(object)  # DecisionRequest: start a decision (the decision editor listens)
    new_anmalan = Signal()  # open the anmälan dialog
    data_changed = Signal(str)  # what changed ("case", "decision", "meeting", ...): pages refresh
    status_message = Signal(str)
    nav_counts = Signal(object)  # {page_id: n}: what waits on each page, shown in the navigation
    show_page = Signal(str)  # page_id: switch to that page

    def __init__(self, services: ServiceContext, parent: QObject | None = None,
                 drafts: DraftStore | None = None):
        super().__init__(parent)
        self.services = services
        self.tasks = TaskRunner(self)
        self.drafts = drafts or DraftStore.for_user(services.actor.username)
        self.drafts.on_problem = self.status_message.emit  # an unreadable draft is told, not a crash

    @property
    def actor(self):
        return self.services.actor

    def run(self, fn, *args, on_done=None, on_error=None, owner=None, **kwargs) -> int:
        """Run fn(self.services, *args) off the GUI thread; callbacks come back on it."""
        return self.tasks.run(fn, self.services, *args, on_done=on_done, on_error=on_error,
                              owner=owner, **kwargs)

    def report_error(self, exc: Exception) -> None:
        """Show an error the way task errors are shown (the main window listens)."""
        self.tasks.failed.emit(exc)

    def user_id(self) -> uuid.UUID:
        return self.services.actor.user_id

    def can_distribute(self) -> bool:
        """1:e socialsekreterare and chefer fördelar new reports (resources/access.toml, case.assign)."""
        return access.may(self.services, "case.assign")
