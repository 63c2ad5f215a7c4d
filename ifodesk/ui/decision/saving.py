"""Saving the decision editor's proposal: autosave as utkast, conflicts, and saving on close.

Everything typed is on disk (the local draft store) within DRAFT_MS; the utkast is saved in the
case after AUTOSAVE_MS of quiet and when the window closes. A save against a stale version shows
who changed the proposal and when, with reload or compare; nothing is overwritten unasked.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog

from ifodesk.services import decisions
from ifodesk.services.errors import ConflictError, ValidationError

from ..conflict_dialog import ConflictDialog


def persist(ctx, case_id, template_id, decision_id, version, values):
    """Create the utkast the first time, then save the fields against the version read."""
    if decision_id is None:
        return decisions.draft_decision(ctx, case_id, template_id, values)
    return decisions.update_fields(ctx, decision_id, version, values)


class SavingMixin:
    """Mixed into DecisionEditor (a QDialog); uses its fields, timers and state."""

    # --- saving ------------------------------------------------------------------------------

    def _autosave(self) -> None:
        if self.busy:
            self.autosave_timer.start()
        elif self.dirty and self._editable():
            self.save()

    def save(self, then=None) -> None:
        """Save the utkast in the case (create it the first time); then(info) runs after."""
        if self.template is None or self.case_id is None or self.busy:
            return
        self.autosave_timer.stop()
        if (not self.dirty and self.info is not None) or not self._editable():
            if then is not None and self.info is not None:
                then(self.info)
            return
        self.write_draft()
        values, key = self.fields.values(), self._draft_key()
        self.error.hide()
        self._set_busy(True, self.tr("Sparar …"))
        self.app.run(persist, self.case_id, self.template.id, self.info.id if self.info else None, self.version,
                     values, owner=self, on_done=lambda info: self._saved(info, values, key, then),
                     on_error=self._failed)

    def _saved(self, info, sent: dict, old_key: str, then) -> None:
        self._set_busy(False)
        if old_key != f"beslut-{info.id}":
            self.app.drafts.discard(old_key)
        self._set_info(info)
        self.dirty = self.fields.values() != sent  # typed while it was saved
        if self.dirty:
            self.write_draft()
            self.autosave_timer.start()
        else:
            self.app.drafts.discard(self._draft_key())
        self._say(self.tr("Utkast sparat i ärendet %1").replace("%1", QDateTime.currentDateTime().toString("HH:mm")))
        self._changed(info, "utkast")
        if self._closing:
            self._finish_close()
        elif then is not None:
            then(info)
        else:
            self.refresh_routing()

    def _changed(self, info, what: str = "decision") -> None:
        """"utkast" for a quiet autosave (lists need not reload), "decision" when its state changed."""
        self.saved.emit(info)
        self.app.data_changed.emit(what)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        closing, self._closing = self._closing, False
        if closing:
            self.write_draft()
            self.app.report_error(exc)
            super().done(QDialog.DialogCode.Rejected)
            self.closed.emit()
        elif isinstance(exc, ValidationError):
            self.error.setText(str(exc))
            self.error.show()
            self.fields.mark({exc.field} if exc.field else set())
            self.fields.focus_field(exc.field)
            self._say(self.tr("Inte sparat – det du skrivit finns kvar som utkast på datorn"))
        elif isinstance(exc, ConflictError) and self.info is not None:
            self._say(self.tr("Krock – någon annan har ändrat förslaget"))
            self.app.run(decisions.get_decision, self.info.id, owner=self, on_error=self.app.report_error,
                         on_done=lambda current: self._show_conflict(exc, current))
        else:
            self.error.setText(str(exc))
            self.error.show()
            self.app.report_error(exc)
        self.refresh_routing()

    def _show_conflict(self, exc: ConflictError, current) -> None:
        dialog = ConflictDialog(exc, self.fields.values(), self._server_values(current), self.fields.labels(), self)
        dialog.reload_chosen.connect(lambda: self._take_theirs(exc, current))
        dialog.keep_mine_chosen.connect(lambda: self._keep_mine(current))
        dialog.merged.connect(lambda values: self._take_merged(exc, current, values))
        self.conflict_dialog = dialog
        dialog.open()

    def _take_theirs(self, exc: ConflictError, current) -> None:
        self.app.drafts.keep_copy(self._draft_key(), f"krock-v{exc.your_version}")
        self._set_info(current)
        self._fill(current.fields)
        self._say(self.tr("Sparad version inläst; din text finns kvar som kopia på datorn"))
        self.refresh_routing()

    def _take_merged(self, exc: ConflictError, current, values: dict) -> None:
        """Field by field: the chosen texts become the proposal and are saved at once."""
        self.app.drafts.keep_copy(self._draft_key(), f"krock-v{exc.your_version}")
        self._set_info(current)
        self._fill(values, dirty=True)
        self.fields.set_editable(self._editable())
        self.save()

    def _keep_mine(self, current) -> None:
        self._set_info(current)
        self.dirty = True
        self.fields.set_editable(self._editable())
        self.save()

    # --- closing: what was typed is saved (or kept on disk when saving fails) ------------------

    def done(self, result: int) -> None:
        if self._closing:
            return
        self.write_draft()
        if self.busy or (self.dirty and self._editable()):
            self._closing = True
            self.hide()
            if not self.busy:
                self.save()
            return
        super().done(result)
        self.closed.emit()

    def _finish_close(self) -> None:
        self._closing = False
        super().done(QDialog.DialogCode.Rejected)
        self.app.data_changed.emit("decision")  # the lists of drafts show what was saved
        self.closed.emit()

