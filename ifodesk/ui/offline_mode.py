"""Offline mode (issue 12): the same window on the laptop copy, with an unmistakable banner, and
"Checka in" back on the server with the per-field merge view."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar

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

    from .draft_keys import draft_key

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
    copy = open_copy(default_path(username), draft_key(username)[0], max_age_days=max_age_days)
    return offline_context(copy, municipality), copy.header


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


def read_copy_intents(path, key):
    from ifodesk.services.offline_local import open_copy

    copy = open_copy(path, key, max_age_days=CHECKIN_MAX_DAYS)
    return copy.header.copy_id, copy.intents(), copy.audit_rows()


class CheckinController(QObject):
    """"Checka in": reads the copy, replays it on the server, merges per field, removes the copy when done."""

    def __init__(self, app, window):
        super().__init__(window)
        self.app, self.window = app, window
        self.dialog: MergeDialog | None = None
        self.copy_id, self.intents = None, []
        self.action = QAction(self.tr("Checka &in från bärbar dator …"), window)
        self.action.setObjectName("offline_checkin")
        self.action.triggered.connect(self.start)
        bar = QToolBar(window)
        bar.setObjectName("offline_checkin_bar")
        bar.addAction(self.action)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.bar = bar
        self.refresh()

    def refresh(self) -> None:
        path, _key = copy_location(self.app.actor.username)
        self.bar.setVisible(path.exists())

    def start(self) -> None:
        path, key = copy_location(self.app.actor.username)
        self.path = path
        self.app.run(lambda _ctx: read_copy_intents(path, key), owner=self.window, on_done=self._read,
                     on_error=self.app.report_error)

    def _read(self, result) -> None:
        self.copy_id, self.intents, self.log = result
        self.send({})

    def send(self, resolutions: dict) -> None:
        self.app.run(offline_svc.check_in, self.copy_id, self.intents, resolutions, offline_log=self.log,
                     owner=self.window,
                     on_done=lambda r: self._result(r, resolutions), on_error=self.app.report_error)

    def _result(self, result, resolutions) -> None:
        if result.conflicts:
            self.dialog = MergeDialog(result.conflicts, self.window)
            self.dialog.accepted.connect(lambda: self.send({**resolutions, **self.dialog.resolutions()}))
            self.dialog.open()
            return
        if result.refused:
            self.app.report_error(_Refused("\n".join(reason for _id, reason in result.refused)))
            return
        if result.done:
            self.path.unlink(missing_ok=True)  # everything is on the server now
            self.app.status_message.emit(self.tr("Incheckat: alla ändringar finns nu på servern (%1 st).")
                                         .replace("%1", str(result.applied + result.already)))
            self.app.data_changed.emit("case")
            self.refresh()


def _Refused(text: str):
    from ifodesk.services.errors import ValidationError

    return ValidationError(text)


def install(app, window):
    """Offline: the banner. Online: "Checka in" when a copy is on this computer."""
    if getattr(app.services, "copy", None) is not None:
        return install_banner(window)
    return CheckinController(app, window)
