"""Who may decide, and action buttons that say why they are disabled (tooltip and visible text)."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import theme

translate = QCoreApplication.translate

ROUTE_TEXT = {
    "sign": QT_TRANSLATE_NOOP("Routing", "Du får fatta beslutet själv"),
    "approval": QT_TRANSLATE_NOOP("Routing", "Beslutet fattas av %1"),
    "utskott": QT_TRANSLATE_NOOP("Routing", "Beslutet fattas av %1"),
    "urgent": QT_TRANSLATE_NOOP("Routing", "Brådskande beslut av %1"),
}


def routing_text(routing) -> str:
    """One line: who decides this proposal, and why (the delegation check's own words)."""
    head = translate("Routing", ROUTE_TEXT.get(routing.route, "%1")).replace("%1", routing.required_label)
    return f"{head}. {routing.reason}".strip()


def routing_html(routing) -> str:
    head = translate("Routing", ROUTE_TEXT.get(routing.route, "%1")).replace(
        "%1", f"<b>{html.escape(routing.required_label)}</b>")
    return translate("Routing", "<b>Vem får besluta?</b> %1. %2").replace("%1", head).replace(
        "%2", html.escape(routing.reason))


class ActionBar(QWidget):
    """A row of buttons; each disabled one shows its reason in a tooltip and in the text below."""

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.buttons: dict[str, QPushButton] = {}
        self._reasons: dict[str, str] = {}
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.reasons = QLabel(self)
        self.reasons.setObjectName(f"{object_name}_reasons")
        self.reasons.setWordWrap(True)
        theme.style(self.reasons, lambda: theme.text_css("note"))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.row)
        box.addWidget(self.reasons)

    def add(self, key: str, b: QPushButton, *, stretch_before: bool = False, new_row: bool = False) -> QPushButton:
        """new_row: the button starts a row of its own (a narrow window has no room for all in one)."""
        if new_row:
            self.row = QHBoxLayout()
            self.row.setContentsMargins(0, 0, 0, 0)
            self.layout().insertLayout(self.layout().count() - 1, self.row)  # above the reasons
        if stretch_before:
            self.row.addStretch(1)
        self.row.addWidget(b)
        self.buttons[key] = b
        return b

    def set_state(self, key: str, enabled: bool, reason: str = "", visible: bool = True) -> None:
        b = self.buttons[key]
        b.setVisible(visible)
        b.setEnabled(enabled and visible)
        b.setToolTip("" if enabled else reason)
        b.setAccessibleDescription("" if enabled else reason)
        if enabled or not visible or not reason:
            self._reasons.pop(key, None)
        else:
            self._reasons[key] = reason
        self._show_reasons()

    def disable_all(self, reason: str = "") -> None:
        for key in self.buttons:
            self.set_state(key, False, reason, self.buttons[key].isVisibleTo(self) or not self.isVisible())

    def _show_reasons(self) -> None:
        lines = [f"<b>{html.escape(b.text().replace('&', ''))}:</b> {html.escape(self._reasons[k])}"
                 for k, b in self.buttons.items() if k in self._reasons]
        self.reasons.setText("<br>".join(lines))
        self.reasons.setVisible(bool(lines))

    def reason(self, key: str) -> str:
        return self._reasons.get(key, "")
