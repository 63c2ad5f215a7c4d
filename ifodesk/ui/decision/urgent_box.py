"""Brådskande beslut (LVU 6 §, 11 §, 27 §; LVM 13 §; KL 6:39): who may decide when the nämnd's
decision cannot be awaited, and what the proposal must say before it is sent urgently — why
the nämnd could not wait (never a sentence filled in automatically) and which ground applies."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QWidget

from ifodesk.domain.templates import is_required
from ifodesk.services import decisions

from .. import theme


def urgent_fields(template) -> list:
    """The fields an urgent decision needs beyond the ordinary ones: its own (required only when
    urgent) and the choice of ground (a choice whose options carry their lagrum)."""
    return [f for f in template.fields
            if (f.required_when is not None and f.required_when.urgent)
            or (f.kind == "choice" and any(o.lagrum for o in f.options))]


def urgent_missing(template, values: dict) -> list[str]:
    """Labels of the fields still empty that an urgent decision requires."""
    return [f.label for f in template.fields
            if not str(values.get(f.name) or "").strip() and is_required(template, f, values, urgent=True)]


class UrgentBox(QLabel):
    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.setObjectName("editor_urgent")
        self.setAccessibleName(self.tr("Brådskande beslut"))
        self.setWordWrap(True)
        theme.style(self, lambda: theme.css("notice") + "padding:6px;")
        self.deciders: list | None = None
        self._seq = 0
        self.hide()

    def show_for(self, case_id, template) -> None:
        self._seq += 1
        self.deciders = None
        if case_id is None or template is None or template.urgent_route is None:
            self.hide()
            return
        seq = self._seq
        self.app.run(decisions.urgent_deciders, case_id, template.id, owner=self,
                     on_done=lambda people: self._show(seq, template, people), on_error=self.app.report_error)

    def _show(self, seq: int, template, people) -> None:
        if seq != self._seq:
            return  # another template was chosen meanwhile
        self.deciders = people
        head = self.tr("<b>Brådskande beslut (%1):</b> om nämndens beslut inte kan avvaktas får ordföranden eller "
                       "en ledamot som nämnden förordnat besluta. Beslutet anmäls vid nämndens nästa sammanträde.") \
            .replace("%1", html.escape(template.urgent_basis or ""))
        if people:
            names = ", ".join(
                f"{html.escape(p.name)} ({html.escape(self.tr('förordnad ledamot') if p.appointed else p.title.lower())})"
                for p in people)
            who = self.tr("Får besluta brådskande: %1.").replace("%1", names)
        else:
            who = theme.span(self.tr("Ingen får i dag fatta beslutet brådskande"), "danger", bold=True) + " " + \
                self.tr("(ingen ordförande eller förordnad ledamot finns upplagd).")
        asked = urgent_fields(template)
        ask = ""
        if asked:
            ask = self.tr("Skickas förslaget brådskande ska det ange: %1. Ingen text fylls i automatiskt.").replace(
                "%1", ", ".join(f"<i>{html.escape(f.label)}</i>" for f in asked))
        self.setText("<br>".join(x for x in (head, who, ask) if x))
        self.show()
