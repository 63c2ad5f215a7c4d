"""A save conflict: who else saved, and for each field that differs, which text is to apply.

Only the fields that differ are shown, side by side, with the differing words marked (underlined
and highlighted: colour is never the only signal). The caseworker picks "min text" or the saved
text per field; nothing is overwritten before that choice. Quick choices take everything from
one side. The words are the caseworker's: who saved and when, never record versions.
"""

from __future__ import annotations

import difflib
import html
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ifodesk.services.context import STOCKHOLM
from ifodesk.services.errors import ConflictError

from . import theme
from .dialogs import fit_to_screen

MINE, THEIRS = 1, 2


def marked_html(text: str, other: str) -> str:
    """text as HTML, its words that are not in other underlined and highlighted."""
    words, others = re.split(r"(\s+)", text), re.split(r"(\s+)", other)
    out = []
    for op, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, words, others, autojunk=False).get_opcodes():
        chunk = html.escape("".join(words[i1:i2]))
        if op == "equal" or not chunk.strip():
            out.append(chunk)
        else:
            out.append(f'<span style="{theme.css("changed")}text-decoration:underline">{chunk}</span>')
    return "".join(out).replace("\n", "<br>") or "<i>(tomt)</i>"


class ConflictDialog(QDialog):
    reload_chosen = Signal()  # every field: the saved text
    keep_mine_chosen = Signal()  # every field: what I wrote
    merged = Signal(object)  # dict field -> value: a mix, chosen field by field

    def __init__(self, err: ConflictError, mine: dict[str, str], theirs: dict[str, str],
                 labels: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Någon annan har sparat"))
        self.err, self.mine, self.theirs, self.labels = err, mine, theirs, labels
        self.differing = [k for k in mine if (mine.get(k) or "") != (theirs.get(k) or "")]
        self.choices: dict[str, QButtonGroup] = {}
        self.message = QLabel(self._message(), self)
        self.message.setObjectName("conflict_message")
        self.message.setWordWrap(True)
        self.compare_area = self._build_fields()
        self.apply_button = self._button("conflict_apply", self.tr("&Använd valen"))
        self.apply_button.setDefault(True)
        self.reload_button = self._button("conflict_reload", self.tr("Ta &den sparade texten i allt"))
        self.keep_button = self._button("conflict_keep_mine", self.tr("&Behåll min text i allt"))
        cancel = self._button("conflict_cancel", self.tr("Avbryt"))
        self.apply_button.clicked.connect(self._apply)
        self.reload_button.clicked.connect(self._reload)
        self.keep_button.clicked.connect(self._keep)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.reload_button, self.keep_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(cancel)
        box = QVBoxLayout(self)
        box.addWidget(self.message)
        box.addWidget(self.compare_area, 1)
        box.addLayout(buttons)
        self._update_apply()
        fit_to_screen(self, 940, 560)

    # --- building ----------------------------------------------------------------------------

    def _button(self, name: str, text: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setAccessibleName(text.replace("&", ""))
        return b

    def _when(self) -> str:
        at = self.err.changed_at
        return at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M") if at else self.tr("nyss")

    def _message(self) -> str:
        e = self.err
        text = self.tr("<b>%1 sparade %2 %3</b> medan du skrev. Inget har skrivits över: det du skrev finns kvar "
                       "tills du har valt.").replace("%1", html.escape(e.changed_by)) \
            .replace("%2", html.escape(e.entity[:1].lower() + e.entity[1:])).replace("%3", self._when())
        n = len(self.differing)
        if n:
            text += "<br>" + (self.tr("Ett fält skiljer sig. Välj vilken text som ska gälla.") if n == 1 else
                              self.tr("%1 fält skiljer sig. Välj för varje fält vilken text som ska gälla.")
                              .replace("%1", str(n)))
        same = len(self.mine) - n
        if same:
            text += " " + self.tr("Övriga fält (%1) är lika.").replace("%1", str(same))
        return text

    def _build_fields(self) -> QScrollArea:
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(QLabel(self.tr("<b>Det du skrev (inte sparat)</b>"), page), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Det %1 sparade %2</b>").replace("%1", html.escape(self.err.changed_by))
                              .replace("%2", self._when()), page), 0, 2)
        for row, key in enumerate(self.differing, start=1):
            label = self.labels.get(key, key)
            title = QLabel(f"<b>{html.escape(label)}</b>", page)
            title.setWordWrap(True)
            grid.addWidget(title, row * 2 - 1, 0)
            mine = self._text(page, f"conflict_mine_{key}", self.tr("Din text: %1").replace("%1", label),
                              self.mine.get(key) or "", self.theirs.get(key) or "")
            theirs = self._text(page, f"conflict_theirs_{key}", self.tr("Sparad text: %1").replace("%1", label),
                                self.theirs.get(key) or "", self.mine.get(key) or "")
            grid.addWidget(mine, row * 2 - 1, 1)
            grid.addWidget(theirs, row * 2 - 1, 2)
            pick_mine = QRadioButton(self.tr("Behåll min text"), page)
            pick_mine.setObjectName(f"conflict_pick_mine_{key}")
            pick_theirs = QRadioButton(self.tr("Använd texten som %1 sparade").replace("%1", self.err.changed_by),
                                       page)
            pick_theirs.setObjectName(f"conflict_pick_theirs_{key}")
            group = QButtonGroup(self)
            group.addButton(pick_mine, MINE)
            group.addButton(pick_theirs, THEIRS)
            group.idClicked.connect(self._update_apply)
            for b in (pick_mine, pick_theirs):
                b.setAccessibleName(f"{label}: {b.text()}")
            self.choices[key] = group
            grid.addWidget(pick_mine, row * 2, 1)
            grid.addWidget(pick_theirs, row * 2, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.differing) * 2 + 1, 1)  # rows at the top, room below
        scroll = QScrollArea(self)
        scroll.setObjectName("conflict_compare_area")
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _text(self, parent: QWidget, name: str, accessible: str, text: str, other: str) -> QTextEdit:
        w = QTextEdit(parent)
        w.setObjectName(name)
        w.setAccessibleName(accessible)
        w.setAccessibleDescription(self.tr("Det som skiljer sig är understruket."))
        w.setReadOnly(True)
        w.setHtml(marked_html(text, other))
        lines = max(text.count("\n"), other.count("\n"), max(len(text), len(other)) // 60) + 1
        w.setFixedHeight(min(lines, 8) * w.fontMetrics().lineSpacing() + 16)  # as tall as the longer text
        return w

    # --- choosing ----------------------------------------------------------------------------

    def choose(self, key: str, side: int) -> None:
        self.choices[key].button(side).setChecked(True)
        self._update_apply()

    def _update_apply(self, *_args) -> None:
        missing = [k for k, g in self.choices.items() if g.checkedId() not in (MINE, THEIRS)]
        self.apply_button.setEnabled(not missing)
        self.apply_button.setToolTip(self.tr("Välj först för varje fält vilken text som ska gälla.")
                                     if missing else "")

    def chosen_values(self) -> dict[str, str]:
        values = dict(self.mine)
        for key, group in self.choices.items():
            if group.checkedId() == THEIRS:
                values[key] = self.theirs.get(key) or ""
        return values

    def _apply(self) -> None:
        picks = {g.checkedId() for g in self.choices.values()}
        if picks <= {THEIRS}:
            self._reload()
        elif picks == {MINE}:
            self._keep()
        else:
            self.merged.emit(self.chosen_values())
            self.accept()

    def _reload(self) -> None:
        self.reload_chosen.emit()
        self.accept()

    def _keep(self) -> None:
        self.keep_mine_chosen.emit()
        self.accept()
