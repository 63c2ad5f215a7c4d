"""Parter: who the decision goes to, shown read-only in the decision editor before anything is
sent, with a warning while a party's time to reply to kommunicering has not run out (only for a
decision that can go against the party: the template says so)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ifodesk.services import parties, party_events

from .. import theme


def parties_and_warning(ctx, case_id, template_id, decision_id=None):
    """One worker call: the parties (on the decision date, or today) and any kommunicering warning."""
    if decision_id is not None:
        preview = parties.parties_for_decision(ctx, decision_id)
    else:
        preview = parties.parties_preview(ctx, case_id, template_id)
    return preview, party_events.signing_warning(ctx, case_id, template_id=template_id)


class PartiesBox(QLabel):
    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.setObjectName("editor_parties")
        self.setAccessibleName(self.tr("Parter i beslutet"))
        self.setWordWrap(True)
        theme.style(self, lambda: theme.panel_css() + "padding:6px;")
        self.warning: str | None = None
        self.preview = None
        self.hide()

    def show_for(self, case_id, template_id, decision_id=None) -> None:
        if case_id is None or template_id is None:
            return
        self.app.run(parties_and_warning, case_id, template_id, decision_id, owner=self, on_done=self._show,
                     on_error=self.app.report_error)

    def _show(self, result) -> None:
        preview, warning = result
        self.preview, self.warning = preview, warning
        names = []
        for p in preview.parties:
            mark = " " + theme.escaped_span(self.tr("skyddad"), "danger", bold=True) if p.protected else ""
            names.append(f"{html.escape(p.name)} ({html.escape(p.capacity_label.lower())}){mark}")
        text = f"<b>{html.escape(self.tr('Parter'))}:</b> " + (", ".join(names) or "–")
        if preview.child_age is not None and preview.child_age < 15 and preview.parties:
            text += "<br>" + html.escape(self.tr("Barnet (%1 år) är inte part och får inget eget brev; "
                                                 "varje vårdnadshavare får ett eget brev.")
                                         .replace("%1", str(preview.child_age)))
        for problem in (preview.problem, warning):
            if problem:
                text += "<br>" + theme.escaped_span(problem, "danger", bold=True)
        self.setText(text)
        self.show()

    def confirm_sign(self, parent) -> bool:
        """Before signing while a party's reply time runs: say so, and let the user decide."""
        if not self.warning:
            return True
        answer = QMessageBox.question(parent, self.tr("Kommuniceringen pågår"),
                                      self.warning + "\n\n" + self.tr("Vill du ändå fatta beslutet nu?"),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
