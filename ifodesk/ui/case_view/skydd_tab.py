"""Skyddsbedömning: the same-day assessment of whether each reported child needs immediate protection."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ifodesk.services import cases
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import CaseDetail, ForhandsbedomningInfo
from ifodesk.services.errors import ValidationError

from ..fields import DATETIME_FORMAT, from_wall_clock, wall_clock
from ..forms import VersionedForm
from ..widgets.inputs import add_row, button, error_label, name, text_edit

translate = QCoreApplication.translate


def _record(anmalan_child_id):
    def save(ctx, _version, v: dict[str, str]):
        if v["immediate_need"] not in ("0", "1"):
            raise ValidationError(translate("SkyddTab", "Ange om barnet har ett omedelbart skyddsbehov."),
                                  "immediate_need")
        return cases.record_skyddsbedomning(ctx, anmalan_child_id, assessed_at=from_wall_clock(v["assessed_at"]),
                                            immediate_need=v["immediate_need"] == "1",
                                            assessment=v["assessment"], measures=v["measures"])
    return save


class SkyddTab(QWidget):
    saved = Signal()

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.items: list[ForhandsbedomningInfo] = []
        self.form: VersionedForm | None = None
        self.choice = name(QComboBox(self), "skydd_anmalan", self.tr("Anmälan som bedöms"))
        self.choice.currentIndexChanged.connect(self._show_selected)
        self.done_text = QLabel(self)
        self.done_text.setObjectName("skydd_done")
        self.done_text.setWordWrap(True)
        self.editor = QWidget(self)
        self._build_editor()
        self.editor_scroll = QScrollArea(self)  # a small screen scrolls the form; the window stays on it
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.editor_scroll.setWidget(self.editor)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<b>Skyddsbedömning</b> ska göras samma dag som anmälan kom in."), self))
        box.addWidget(self.choice)
        box.addWidget(self.done_text)
        box.addWidget(self.editor_scroll, 1)
        box.addStretch(0)  # takes the room when the editor is hidden (assessment done)

    def _build_editor(self) -> None:
        self.assessed_at = name(QDateTimeEdit(self.editor), "skydd_assessed_at", self.tr("Tidpunkt för bedömningen"))
        self.assessed_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.need = name(QComboBox(self.editor), "skydd_immediate_need", self.tr("Omedelbart skyddsbehov"))
        self.need.addItems([self.tr("Nej – inget omedelbart skyddsbehov"), self.tr("Ja – barnet behöver omedelbart skydd")])
        self.need.setPlaceholderText(self.tr("– välj: nej eller ja –"))  # no answer is given for the user
        self.need.setCurrentIndex(-1)
        self.assessment = text_edit(self.editor, "skydd_assessment", self.tr("Bedömning"), 110)
        self.measures = text_edit(self.editor, "skydd_measures", self.tr("Skyddsåtgärder"))
        self.error = error_label(self.editor, "skydd_error")
        self.state = QLabel(self.editor)
        self.save_button = button(self.editor, "skydd_save", self.tr("&Spara skyddsbedömning"))
        self.save_button.clicked.connect(lambda: self.form and self.form.save(lambda _i: self.saved.emit()))
        form = QFormLayout(self.editor)
        add_row(form, self.tr("Ti&dpunkt:"), self.assessed_at)
        add_row(form, self.tr("O&medelbart skyddsbehov:"), self.need)
        add_row(form, self.tr("&Bedömning:"), self.assessment)
        add_row(form, self.tr("Skydds&åtgärder:"), self.measures)
        form.addRow(self.error)
        form.addRow(self.state, self.save_button)

    def show_case(self, detail: CaseDetail) -> None:
        self.items = list(detail.anmalningar)
        self.choice.blockSignals(True)
        self.choice.clear()
        for fb in self.items:
            done = self.tr("gjord") if fb.skyddsbedomning else self.tr("SAKNAS")
            self.choice.addItem(self.tr("Anmälan %1 – skyddsbedömning %2")
                                .replace("%1", fb.received_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M"))
                                .replace("%2", done))
        missing = next((i for i, fb in enumerate(self.items) if fb.skyddsbedomning is None), len(self.items) - 1)
        self.choice.setCurrentIndex(max(missing, 0))
        self.choice.blockSignals(False)
        self._show_selected(self.choice.currentIndex())

    def _show_selected(self, row: int) -> None:
        fb = self.items[row] if 0 <= row < len(self.items) else None
        sb = fb.skyddsbedomning if fb else None
        focused = QApplication.focusWidget()
        if sb is not None and focused is not None and self.editor.isAncestorOf(focused):
            self.choice.setFocus()  # before the editor hides: focus stays in the case, not the navigation
        self.editor.setVisible(fb is not None and sb is None)
        self.editor_scroll.setVisible(fb is not None and sb is None)
        self.done_text.setVisible(sb is not None)
        if sb is not None:
            need = self.tr("Omedelbart skyddsbehov") if sb.immediate_need else self.tr("Inget omedelbart skyddsbehov")
            self.done_text.setText(self.tr("<b>%1</b> – bedömd %2 av %3<br><br>%4<br><br>Åtgärder: %5")
                                   .replace("%1", need)
                                   .replace("%2", sb.assessed_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M"))
                                   .replace("%3", sb.assessed_by_name).replace("%4", sb.assessment)
                                   .replace("%5", sb.measures or "–"))
        elif fb is not None:
            self._edit(fb)

    def _edit(self, fb: ForhandsbedomningInfo) -> None:
        fields = {"assessed_at": self.assessed_at, "immediate_need": self.need,
                  "assessment": self.assessment, "measures": self.measures}
        labels = {"assessed_at": self.tr("Tidpunkt"), "assessment": self.tr("Bedömning"),
                  "measures": self.tr("Skyddsåtgärder")}
        if self.form is not None:
            self.form.detach()
        now = wall_clock(self.app.services.now())
        self.assessed_at.setDateTime(now)
        self.form = VersionedForm(self.app, f"skydd-{fb.anmalan_child_id}", fields, labels,
                                  save=_record(fb.anmalan_child_id), reload=lambda ctx: None,
                                  values_of=lambda _i: {}, error_label=self.error, owner=self)
        self.form.state_changed.connect(self.state.setText)
        self.form.load(None)
        self.form.preset({"assessed_at": now.toString(DATETIME_FORMAT)})

    def flush(self) -> None:
        if self.form is not None:
            self.form.write_draft()

