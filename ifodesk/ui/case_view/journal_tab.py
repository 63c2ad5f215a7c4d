"""Journal: dated notes; a signed note is never changed, a correction is a new note pointing at it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from ifodesk.services import caseview, journal
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import CaseDetail, JournalNoteInfo

from ..forms import VersionedForm
from ..models.record_table import Column, RecordTableModel
from ..widgets.inputs import add_row, button, error_label, line_edit, name, set_read_only, text_edit
from ..widgets.tables import make_table

translate = QCoreApplication.translate
FIELDS = ("event_date", "heading", "text")


def _status(n: JournalNoteInfo) -> str:
    if n.signed_at is None:
        return translate("Journal", "Utkast (osignerad)")
    text = translate("Journal", "Signerad %1").replace("%1", n.signed_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M"))
    if n.corrected_by_ids:
        text += translate("Journal", " – rättad")
    if n.corrects_id:
        text += translate("Journal", " – rättelse")
    return text


def note_columns() -> list[Column]:
    return [Column(translate("Journal", "Datum"), lambda n: n.event_date),
            Column(translate("Journal", "Rubrik"), lambda n: n.heading),
            Column(translate("Journal", "Författare"), lambda n: n.author_name),
            Column(translate("Journal", "Status"), _status)]


def _values(v: dict[str, str]) -> dict:
    return {"event_date": date.fromisoformat(v["event_date"]), "heading": v["heading"], "text": v["text"]}


class JournalTab(QWidget):
    saved = Signal()

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.case_id = None
        self.mode: tuple = ("new", None)
        self.form: VersionedForm | None = None
        self.model = RecordTableModel(note_columns(), self)
        self.view = make_table("journal_table", self.tr("Journalanteckningar"), self.model, self, (95, 220, 140))
        self.view.selectionModel().currentRowChanged.connect(self._selected)
        self.reader = name(QPlainTextEdit(self), "journal_reader", self.tr("Vald anteckning"))
        set_read_only(self.reader)
        self.editor = QWidget(self)
        self._build_editor()
        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QSplitter(self)
        top.addWidget(self.view)
        top.addWidget(self.reader)
        split.addWidget(top)
        split.addWidget(self.editor)
        split.setSizes([220, 300])
        QVBoxLayout(self).addWidget(split)

    def _build_editor(self) -> None:
        self.heading_label = QLabel(self.editor)
        self.heading_label.setObjectName("journal_mode")
        self.event_date = name(QDateEdit(self.editor), "journal_event_date", self.tr("Händelsedatum"))
        self.event_date.setDisplayFormat("yyyy-MM-dd")
        self.event_date.setCalendarPopup(True)
        self.heading = line_edit(self.editor, "journal_heading", self.tr("Rubrik"))
        self.text = text_edit(self.editor, "journal_text", self.tr("Anteckning"), 80)
        self.error = error_label(self.editor, "journal_error")
        self.state = QLabel(self.editor)
        self.state.setObjectName("journal_state")
        self.save_button = button(self.editor, "journal_save_draft", self.tr("&Spara utkast"))
        self.sign_button = button(self.editor, "journal_sign", self.tr("Si&gnera"))
        self.new_button = button(self.editor, "journal_new", self.tr("&Ny anteckning"))
        self.correct_button = button(self.editor, "journal_correct", self.tr("Skriv &rättelse"))
        self.save_button.clicked.connect(lambda: self.form.save(self._after_save))
        self.sign_button.clicked.connect(self._sign)
        self.new_button.clicked.connect(lambda: self._set_mode(("new", None)))
        self.correct_button.clicked.connect(self._correct)
        form = QFormLayout(self.editor)
        form.addRow(self.heading_label)
        add_row(form, self.tr("&Datum:"), self.event_date)
        add_row(form, self.tr("Ru&brik:"), self.heading)
        add_row(form, self.tr("Ante&ckning:"), self.text)
        form.addRow(self.error)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        for b in (self.new_button, self.correct_button, self.save_button, self.sign_button):
            row.addWidget(b)
        form.addRow(row)

    # --- showing -----------------------------------------------------------------------------

    def show_case(self, detail: CaseDetail) -> None:
        new_case = detail.summary.id != self.case_id
        self.case_id = detail.summary.id
        self.model.set_records(sorted(detail.journal, key=lambda n: (n.event_date, n.signed_at is None), reverse=True))
        self.correct_button.setEnabled(False)
        if new_case or self.form is None:
            self._set_mode(("new", None))

    def _selected(self, current, _previous) -> None:
        n = self.model.record(current.row())
        if n is None:
            return
        self.reader.setPlainText(f"{n.event_date} {n.heading}\n{n.author_name} · {_status(n)}\n\n{n.text}")
        self.correct_button.setEnabled(n.signed_at is not None)
        if n.signed_at is None and n.author_name == self.app.actor.full_name:
            self._set_mode(("draft", n))

    def _set_mode(self, mode: tuple) -> None:
        kind, ref = mode
        self.mode = mode
        if self.form is not None:
            self.form.detach()
        key = {"new": f"journal-ny-{self.case_id}", "draft": f"journal-{getattr(ref, 'id', '')}",
               "correct": f"journal-rattelse-{getattr(ref, 'id', '')}"}[kind]
        self.form = VersionedForm(self.app, key, {"event_date": self.event_date, "heading": self.heading,
                                                  "text": self.text},
                                  {"text": self.tr("Anteckning"), "heading": self.tr("Rubrik")},
                                  save=self._save_fn(), reload=self._reload_fn(), error_label=self.error,
                                  values_of=self._values_of, owner=self)
        self.form.state_changed.connect(self.state.setText)
        self.form.load(ref if kind == "draft" else None)
        if kind != "draft":
            self.form.preset({"event_date": self.app.services.today().isoformat()})
        self.heading_label.setText(self._mode_text())

    def _mode_text(self) -> str:
        kind, ref = self.mode
        if kind == "draft":
            return self.tr("<b>Ditt utkast</b> – signera när det är klart")
        if kind == "correct":
            return self.tr("<b>Rättelse</b> av anteckningen från %1 (den ursprungliga ändras aldrig)").replace(
                "%1", ref.event_date.isoformat())
        return self.tr("<b>Ny anteckning</b>")

    @staticmethod
    def _values_of(n) -> dict[str, str]:
        return {"event_date": n.event_date.isoformat(), "heading": n.heading, "text": n.text}

    # --- saving ------------------------------------------------------------------------------

    def _save_fn(self, sign: bool = False):
        kind, ref = self.mode
        case_id = self.case_id
        if kind == "draft":
            def save_draft(ctx, version, v):
                n = journal.update_draft(ctx, ref.id, version, **_values(v))
                return journal.sign_note(ctx, n.id, n.version) if sign else n
            return save_draft
        corrects = ref.id if kind == "correct" else None
        return lambda ctx, _version, v: journal.add_note(ctx, case_id, sign=sign, corrects_id=corrects, **_values(v))

    def _reload_fn(self):
        kind, ref = self.mode
        case_id = self.case_id
        if kind != "draft":
            return lambda ctx: None
        return lambda ctx: next(n for n in caseview.get_case(ctx, case_id).journal if n.id == ref.id)

    def _after_save(self, note: JournalNoteInfo) -> None:
        if note.signed_at is None:
            self._set_mode(("draft", note))
        else:
            self.app.status_message.emit(self.tr("Anteckningen är signerad."))
            self._set_mode(("new", None))
        self.saved.emit()

    def _sign(self) -> None:
        self.form.save(self._after_save, fn=self._save_fn(sign=True))

    def _correct(self) -> None:
        n = self.model.record(self.view.currentIndex().row())
        if n is not None and n.signed_at is not None:
            self._set_mode(("correct", n))
            self.text.setFocus()

    def flush(self) -> None:
        if self.form is not None:
            self.form.write_draft()
