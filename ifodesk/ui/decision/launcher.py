"""Opens decision editors when a page asks (AppContext.open_decision / new_decision)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

LAUNCHER_NAME = "decision_editor_launcher"


class DecisionEditorLauncher(QObject):
    """One per AppContext; each editor is a separate window, so the case stays readable beside it."""

    def __init__(self, app, host: QWidget | None = None):
        super().__init__(app)
        self.setObjectName(LAUNCHER_NAME)
        self.app, self.host = app, host
        self.editors: list = []
        app.open_decision.connect(self.open_decision)
        app.new_decision.connect(self.new_decision)

    @classmethod
    def install(cls, app, host: QWidget | None = None) -> "DecisionEditorLauncher":
        """The AppContext's one launcher (made on first call); a host given later becomes its host."""
        existing = app.findChild(cls, LAUNCHER_NAME)
        if existing is None:
            return cls(app, host)
        if host is not None:
            existing.host = host
        return existing

    def open_decision(self, decision_id):
        for e in self.editors:
            if e.info is not None and e.info.id == decision_id:
                e.show()
                e.raise_()
                e.activateWindow()
                return e
        e = self._make()
        e.open_decision(decision_id)
        return e

    def new_decision(self, request):
        e = self._make()
        e.open_for_case(request.case_id, request.purpose, request.source_id)
        return e

    def _make(self):
        from ..decision_editor import DecisionEditor

        parent = self.host.window() if self.host is not None and shiboken6.isValid(self.host) else None
        e = DecisionEditor(self.app, parent)
        e.closed.connect(lambda: self._forget(e))
        self.editors.append(e)
        e.show()
        return e

    def _forget(self, editor) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
        editor.deleteLater()

    def close_all(self) -> None:
        """Before the application quits: close every editor (each saves what was typed).

        An editor with unsaved text hides and saves on the worker; it is gone when `editors`
        is empty (TaskRunner.drain waits for that).
        """
        for e in list(self.editors):
            e.reject()
