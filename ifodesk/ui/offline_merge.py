"""The check-in merge view (issue 12): per field, mine / theirs / base with differences marked;
the user chooses one or writes a merged text. Nothing is applied until every field is decided."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QLabel, QPlainTextEdit, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from ifodesk.offline.merge import changed_spans

from . import theme
from .widgets.inputs import name, set_read_only
from .dialogs import fit_to_screen



def _text(value) -> str:
    return "" if value is None else str(value)


def _marked(parent, object_name: str, accessible: str, text: str, base: str) -> QPlainTextEdit:
    """A read-only text with what differs from the base marked."""
    edit = name(QPlainTextEdit(parent), object_name, accessible)
    edit.setPlainText(text)
    edit.setPlaceholderText(edit.tr("(tomt)"))
    set_read_only(edit)
    fmt = QTextCharFormat()
    fmt.setBackground(theme.background("changed"))
    fmt.setForeground(theme.foreground("changed"))
    for start, end in changed_spans(base, text):
        cur = QTextCursor(edit.document())
        cur.setPosition(start)
        cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cur.mergeCharFormat(fmt)
    edit.setMinimumHeight(70)
    return edit


class FieldMerge(QGroupBox):
    """One conflicting field."""

    def __init__(self, index: int, conflict, parent: QWidget | None = None):
        super().__init__(conflict.label, parent)
        self.conflict = conflict
        base, mine, theirs = _text(conflict.base), _text(conflict.mine), _text(conflict.theirs)
        self.setObjectName(f"merge_{index}")
        grid = QGridLayout(self)
        for col, (title, key, text) in enumerate(((self.tr("Mitt (offline)"), "mine", mine),
                                                   (self.tr("Deras (på servern)"), "theirs", theirs),
                                                   (self.tr("Före utcheckningen"), "base", base))):
            grid.addWidget(QLabel(f"<b>{title}</b>", self), 0, col)
            grid.addWidget(_marked(self, f"merge_{index}_{key}", title, text, base), 1, col)
        self.result = name(QPlainTextEdit(self), f"merge_{index}_result", self.tr("Sammanfogad text"))
        self.result.setPlaceholderText(self.tr("Välj en version ovan eller skriv den sammanfogade texten här."))
        self.use_mine = QPushButton(self.tr("Använd mitt"), self)
        self.use_mine.setObjectName(f"merge_{index}_use_mine")
        self.use_theirs = QPushButton(self.tr("Använd deras"), self)
        self.use_theirs.setObjectName(f"merge_{index}_use_theirs")
        self.use_mine.clicked.connect(lambda: self.result.setPlainText(mine))
        self.use_theirs.clicked.connect(lambda: self.result.setPlainText(theirs))
        self.result.textChanged.connect(lambda: setattr(self, "decided", True))
        self.decided = False
        grid.addWidget(QLabel(self.tr("Resultat:"), self), 2, 0)
        grid.addWidget(self.use_mine, 2, 1)
        grid.addWidget(self.use_theirs, 2, 2)
        grid.addWidget(self.result, 3, 0, 1, 3)

    def value(self) -> str:
        return self.result.toPlainText()


class MergeDialog(QDialog):
    """resolutions(): "intent id:field" -> the chosen or merged value, for check_in."""

    def __init__(self, conflicts, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("offline_merge")
        self.setWindowTitle(self.tr("Checka in – välj per fält"))
        fit_to_screen(self, 1000, 640)
        intro = QLabel(self.tr("Någon har ändrat samma uppgifter på servern medan du arbetade offline. "
                               "Välj för varje fält vilken text som ska gälla, eller skriv en sammanfogad text. "
                               "Det som skiljer sig från texten före utcheckningen är markerat med gult."), self)
        intro.setWordWrap(True)
        inner = QWidget(self)
        col = QVBoxLayout(inner)
        self.fields = [FieldMerge(i, c, inner) for i, c in enumerate(conflicts)]
        for f in self.fields:
            col.addWidget(f)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.error = QLabel(self)
        self.error.setObjectName("merge_error")
        theme.danger_label(self.error, bold=False)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("Checka in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("merge_ok")
        buttons.addButton(self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(scroll, 1)
        box.addWidget(self.error)
        box.addWidget(buttons)

    def _accept(self) -> None:
        if not all(f.decided for f in self.fields):
            self.error.setText(self.tr("Välj eller skriv en text för varje fält innan du checkar in."))
            return
        self.accept()

    def resolutions(self) -> dict[str, str]:
        return {f"{f.conflict.intent_id}:{f.conflict.field}": f.value() for f in self.fields}
