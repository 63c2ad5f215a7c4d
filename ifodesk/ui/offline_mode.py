"""Offline mode (issue 12): the same window on the laptop copy, with an unmistakable banner, and
"Checka in" back on the server with the per-field merge view."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar

from ifodesk.services import access, offline_held
from ifodesk.services import offline as offline_svc

from . import theme
from .offline_case import copy_location
from .offline_merge import MergeDialog

BANNER = "Offline – ändringar skickas vid incheckning"
CHECKIN_MAX_DAYS = 100_000  # an expired copy is locked for work, never for checking it in


def open_offline(username: str | None, max_age_days: int, municipality):
    """(OfflineServiceContext, header) from the copy on this computer; OfflineFileError tells why not."""
    from ifodesk.offline.store import ENV_OFFLINE_DIR, OfflineFileError, default_path
    from ifodesk.services.offline_local import offline_context, open_copy

    if username is None:
        import os
        from pathlib import Path

        import platformdirs

        base = Path(os.environ.get(ENV_OFFLINE_DIR) or platformdirs.user_data_dir("ifodesk", appauthor=False))
        found = sorted((base / "offline").glob("*.ifodesk-offline"))
        if len(found) != 1:
            raise OfflineFileError("Det finns ingen utcheckad kopia på den här datorn." if not found else
                                   "Det finns flera utcheckade kopior: ange vems med --user.")
        username = found[0].name.rsplit(".", 1)[0]
    copy = open_copy(default_path(username), copy_key(username), max_age_days=max_age_days)
    return offline_context(copy, municipality), copy.header


def copy_key(username: str) -> bytes:
    from ifodesk.offline.keys import get_key
    from ifodesk.offline.store import OfflineFileError

    key = get_key(username)
    if key is None:
        raise OfflineFileError("Nyckeln till den utcheckade kopian finns inte på den här datorn (den tas bort "
                               "när kopian checkas in eller återkallas). Kopian kan inte öppnas.")
    return key


def install_banner(window) -> QToolBar:
    """A yellow bar over the whole window that cannot be missed or closed."""
    bar = QToolBar(window)
    bar.setObjectName("offline_banner_bar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setEnabled(False)
    label = QLabel(window.tr(BANNER), bar)
    label.setObjectName("offline_banner")
    label.setAccessibleName(window.tr(BANNER))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    theme.banner(label, "offline")
    bar.addWidget(label)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.setWindowTitle(window.tr("OFFLINE – %1").replace("%1", window.windowTitle()))
    return bar


def read_copy_intents(path, username):
    from ifodesk.services.offline_local import open_copy

    copy = open_copy(path, copy_key(username), max_age_days=CHECKIN_MAX_DAYS)
    return copy.header.copy_id, copy.intents(), copy.audit_rows()


def erase_local_copy(path, username) -> None:
    """Once the changes are on the server: the file overwritten and removed, its key destroyed."""
    from ifodesk.offline.keys import erase_copy

    erase_copy(path, username)


class CheckinController(QObject):
    """"Checka in": reads the copy, replays it on the server, merges per field, erases the copy when done."""

    def __init__(self, app, window):
        super().__init__(window)
        self.app, self.window = app, window
        self.dialog: MergeDialog | None = None
        self.copy_id, self.intents = None, []
        self.action = QAction(self.tr("Checka &in från bärbar dator …"), window)
        self.action.setObjectName("offline_checkin")
        self.action.triggered.connect(self.start)
        # changes of a revoked copy that IT handed back (ifodesk-admin offline release): on the server
        self.released_action = QAction(self.tr("Checka in &återlämnade ändringar …"), window)
        self.released_action.setObjectName("offline_checkin_released")
        self.released_action.triggered.connect(self.start_released)
        self.released: list = []
        self.source = "file"
        bar = QToolBar(window)
        bar.setObjectName("offline_checkin_bar")
        bar.addAction(self.action)
        bar.addAction(self.released_action)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.bar = bar
        self.refresh()
        self.load_released()

    def refresh(self) -> None:
        has_file = copy_location(self.app.actor.username).exists()
        self.action.setVisible(has_file)
        self.released_action.setVisible(bool(self.released))
        self.bar.setVisible(has_file or bool(self.released))

    def load_released(self) -> None:
        if not access.may(self.app.services, "offline.checkin"):
            return
        self.app.run(offline_held.released_copies, owner=self.window, on_done=self._released,
                     on_error=lambda _exc: None)  # a check for something rare: never an error at start

    def _released(self, copies) -> None:
        self.released = list(copies)
        if copies:
            self.released_action.setToolTip(self.tr("IT har lämnat tillbaka ändringar från en återkallad kopia "
                                                    "(%1). Checka in dem; alla regler prövas igen.")
                                            .replace("%1", ", ".join(copies[0].case_numbers)))
        self.refresh()

    def start(self) -> None:
        username = self.app.actor.username
        path = self.path = copy_location(username)
        self.source = "file"
        self.app.run(lambda _ctx: read_copy_intents(path, username), owner=self.window, on_done=self._read,
                     on_error=self.app.report_error)

    def start_released(self) -> None:
        if not self.released:
            return
        copy_id = self.released[0].copy_id
        self.source = "server"
        self.app.run(lambda ctx: (copy_id, offline_held.released_intents(ctx, copy_id), []), owner=self.window,
                     on_done=self._read, on_error=self.app.report_error)

    def _read(self, result) -> None:
        self.copy_id, self.intents, self.log = result
        self.send({})

    def send(self, resolutions: dict) -> None:
        self.app.run(offline_svc.check_in, self.copy_id, self.intents, resolutions, offline_log=self.log,
                     owner=self.window,
                     on_done=lambda r: self._result(r, resolutions), on_error=self._failed)

    def _failed(self, exc) -> None:
        if isinstance(exc, offline_svc.CopyRevoked):  # the server now holds the changes: nothing to keep here
            self._erase(lambda: self.app.report_error(exc))
            return
        self.app.report_error(exc)

    def _erase(self, then) -> None:
        path, username = self.path, self.app.actor.username
        self.app.run(lambda _ctx: erase_local_copy(path, username), owner=self.window,
                     on_done=lambda _r: (self.refresh(), then()), on_error=self.app.report_error)

    def _result(self, result, resolutions) -> None:
        if result.conflicts:
            self.dialog = MergeDialog(result.conflicts, self.window)
            self.dialog.accepted.connect(lambda: self.send({**resolutions, **self.dialog.resolutions()}))
            self.dialog.open()
            return
        if result.refused:
            self.app.report_error(_Refused("\n".join(reason for _id, reason in result.refused)))
            return
        if result.done and self.source == "server":
            self.app.status_message.emit(self.tr("Incheckat: de återlämnade ändringarna finns nu i ärendena (%1 st).")
                                         .replace("%1", str(result.applied + result.already)))
            self.app.data_changed.emit("case")
            self.load_released()
            return
        if result.done:  # everything is on the server now
            count = str(result.applied + result.already)
            self._erase(lambda: (self.app.status_message.emit(
                self.tr("Incheckat: alla ändringar finns nu på servern (%1 st). Kopian på datorn är raderad.")
                .replace("%1", count)), self.app.data_changed.emit("case")))


def _Refused(text: str):
    from ifodesk.services.errors import ValidationError

    return ValidationError(text)


def install(app, window):
    """Offline: the banner. Online: "Checka in" when a copy is on this computer."""
    if getattr(app.services, "copy", None) is not None:
        return install_banner(window)
    return CheckinController(app, window)
