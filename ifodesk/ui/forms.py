"""A form saved against one record version: local drafts, Swedish errors at the field, conflicts.

Every keystroke reaches the local draft store within DRAFT_DELAY_MS (unless the form holds what
must not lie on the workstation's disk, such as a protected address: local_drafts=False). Saving
runs on the worker; a ValidationError or a PermissionDenied is shown next to its field, a
ConflictError opens the conflict dialog, which names who saved in between. Nothing typed is ever
dropped without the user choosing to.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QDateTime, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ifodesk.services.errors import ConflictError, PermissionDenied, ValidationError

from .conflict_dialog import ConflictDialog
from .fields import changed_signal, get_value, mark_invalid, set_value

DRAFT_DELAY_MS = 600

SaveFn = Callable[[Any, int | None, dict[str, str]], Any]  # (ctx, version, values) -> info
ReloadFn = Callable[[Any], Any]  # (ctx) -> info


class VersionedForm(QObject):
    saved = Signal(object)
    state_changed = Signal(str)

    def __init__(self, app, key: str, fields: dict[str, QWidget], labels: dict[str, str], *,
                 save: SaveFn, reload: ReloadFn, values_of: Callable[[Any], dict[str, str]],
                 error_label: QLabel, owner: QWidget, local_drafts: bool = True):
        super().__init__(owner)
        self.local_drafts = local_drafts
        self.app, self.key, self.fields, self.labels = app, key, fields, labels
        self._save_fn, self._reload_fn, self._values_of = save, reload, values_of
        self.error_label, self.owner = error_label, owner
        self.version: int | None = None
        self.server: dict[str, str] = {}
        self.dirty = False
        self.saving = False
        self.conflict_dialog: ConflictDialog | None = None
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.write_draft)
        for w in fields.values():
            changed_signal(w).connect(self._changed)

    # --- loading and drafts ------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return {name: get_value(w) for name, w in self.fields.items()}

    def _fill(self, values: dict[str, str]) -> None:
        self._loading = True
        for name, w in self.fields.items():
            set_value(w, values.get(name, ""))
        self._loading = False

    def load(self, info: Any, *, use_draft: bool = True) -> None:
        """Show the saved record; an unsaved local draft of it wins and is never dropped."""
        self.server = self._values_of(info) if info is not None else {}
        self.version = getattr(info, "version", None)
        draft = self.app.drafts.load(self.key) if use_draft and self.local_drafts else None
        if draft is not None and draft.values != self.server:
            self._fill({**self.server, **draft.values})
            # Typed against an older version: saving must go through the conflict check.
            self.version = draft.base_version if draft.base_version is not None else self.version
            self.dirty = True
            self.state_changed.emit(self.tr("Osparat utkast från %1 återställt")
                                    .replace("%1", draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")))
            return
        if draft is not None:
            self.app.drafts.discard(self.key)
        self._fill(self.server)
        self.dirty = False
        self.state_changed.emit(self.tr("Sparat") if info is not None else "")

    def preset(self, values: dict[str, str]) -> None:
        """Defaults for a new record (today's date …): shown, but not a change to save or keep."""
        if not self.dirty:
            self._fill({**self.values(), **values})

    def refresh(self, info: Any) -> None:
        """A newer read of the record: shown unless the user is typing (then saving checks it)."""
        if not self.dirty and (info is None or getattr(info, "version", None) != self.version):
            self.load(info)

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        self.dirty = True
        if not self.local_drafts:
            self.state_changed.emit(self.tr("Ändrat – inte sparat än"))
            return
        self._timer.start()
        self.state_changed.emit(self.tr("Ändrat – utkastet sparas på datorn"))

    def write_draft(self) -> None:
        self._timer.stop()
        if self.dirty and self.local_drafts:
            self.app.drafts.save(self.key, self.version, self.values())
            self.state_changed.emit(self.tr("Utkast sparat på datorn %1, inte i ärendet än")
                                    .replace("%1", QDateTime.currentDateTime().toString("HH:mm:ss")))

    def detach(self) -> None:
        """Before the fields are reused for another record: keep what was typed, then let go."""
        self.write_draft()
        for w in self.fields.values():
            changed_signal(w).disconnect(self._changed)
        self.deleteLater()

    def set_key(self, key: str) -> None:
        self.app.drafts.discard(self.key)
        self.key = key

    # --- saving ------------------------------------------------------------------------------

    def save(self, then: Callable[[Any], None] | None = None, fn: SaveFn | None = None) -> None:
        """Save with the form's save function, or another one (e.g. save and sign)."""
        self.write_draft()
        self._clear_errors()
        self.saving = True
        self.state_changed.emit(self.tr("Sparar …"))
        self.app.run(fn or self._save_fn, self.version, self.values(), owner=self.owner,
                     on_done=lambda info: self._saved(info, then), on_error=self._failed)

    def _saved(self, info: Any, then) -> None:
        self.saving = False
        self.app.drafts.discard(self.key)
        self.load(info, use_draft=False)
        self.saved.emit(info)
        if then:
            then(info)

    def _failed(self, exc: Exception) -> None:
        self.saving = False
        if isinstance(exc, (ValidationError, PermissionDenied)):
            self.show_error(str(exc), exc.field)
        elif isinstance(exc, ConflictError):
            self.state_changed.emit(self.tr("Krock – någon annan har sparat"))
            self.app.run(self._reload_fn, owner=self.owner, on_error=self.app.report_error,
                         on_done=lambda info: self._show_conflict(exc, info))
        else:
            self.state_changed.emit(self.tr("Inte sparat – utkastet finns kvar"))
            self.app.report_error(exc)

    def show_error(self, text: str, field: str | None = None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.state_changed.emit(self.tr("Inte sparat"))
        w = self.fields.get(field or "")
        if w is not None:
            mark_invalid(w, True)
            w.setFocus()

    def _clear_errors(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
        for w in self.fields.values():
            mark_invalid(w, False)

    # --- conflicts ---------------------------------------------------------------------------

    def _show_conflict(self, exc: ConflictError, current: Any) -> None:
        dialog = ConflictDialog(exc, self.values(), self._values_of(current), self.labels, self.owner)
        dialog.reload_chosen.connect(lambda: self._take_theirs(exc, current))
        dialog.keep_mine_chosen.connect(lambda: self._keep_mine(current))
        dialog.merged.connect(lambda values: self._take_merged(exc, current, values))
        self.conflict_dialog = dialog
        dialog.open()

    def _take_theirs(self, exc: ConflictError, current: Any) -> None:
        self.load(current, use_draft=False)
        if not self.local_drafts:
            self.state_changed.emit(self.tr("Sparad version inläst"))
            return
        self.app.drafts.keep_copy(self.key, f"krock-v{exc.your_version}")  # mine stays on disk
        self.state_changed.emit(self.tr("Sparad version inläst; din text finns kvar som kopia på datorn"))

    def _take_merged(self, exc: ConflictError, current: Any, values: dict[str, str]) -> None:
        """Some fields mine, some theirs: filled in, saved only when the user saves."""
        if self.local_drafts:
            self.app.drafts.keep_copy(self.key, f"krock-v{exc.your_version}")  # all I wrote stays on disk
        self.server = self._values_of(current)
        self.version = getattr(current, "version", None)
        self._fill(values)
        self.dirty = True
        self.write_draft()
        self.state_changed.emit(self.tr("Dina val är ifyllda – spara för att de ska gälla"))

    def _keep_mine(self, current: Any) -> None:
        self.version = getattr(current, "version", None)
        self.dirty = True
        self.write_draft()
        self.state_changed.emit(self.tr("Din text behölls – spara igen för att ersätta den sparade"))
