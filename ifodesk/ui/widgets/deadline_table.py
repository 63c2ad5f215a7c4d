"""Deadlines as a table: status in words and symbol as well as colour (works without colour vision)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ifodesk.services.dto import DeadlineInfo

from ..labels import deadline_background, deadline_foreground, deadline_status_text, person_name, protected_colour
from ..models.record_table import Column, RecordTableModel
from .tables import make_table


translate = QCoreApplication.translate
# Status ("⚠ Försenad 821 dagar"), Frist ("Återkoppling till anmälaren"), Förfaller, Ärende, Person
DEADLINE_WIDTHS = (148, 172, 84, 112, 180)
FRIST = 1


def _tooltip(d: DeadlineInfo) -> str:
    return f"{d.title} ({', '.join(d.lagrum)})" if d.lagrum else d.title


def deadline_columns(with_case: bool = True) -> list[Column]:
    status = Column(translate("DeadlineTable", "Status"), deadline_status_text, deadline_background, deadline_foreground, _tooltip)
    cols = [status, Column(translate("DeadlineTable", "Frist"), lambda d: d.title, tooltip=_tooltip),
            Column(translate("DeadlineTable", "Förfaller"), lambda d: d.due_on)]
    if with_case:
        cols += [Column(translate("DeadlineTable", "Ärende"), lambda d: d.case_number),
                 Column(translate("DeadlineTable", "Person"), lambda d: person_name(d.person),
                        foreground=lambda d: protected_colour(d.person)),
                 Column(translate("DeadlineTable", "Handläggare"), lambda d: d.assigned_name or translate("DeadlineTable", "Ofördelad"))]
    else:
        cols += [Column(translate("DeadlineTable", "Startdatum"), lambda d: d.start_on), Column(translate("DeadlineTable", "Klar"), lambda d: d.met_on)]
    return cols


def make_deadline_table(name: str, accessible: str, parent=None, with_case: bool = True):
    model = RecordTableModel(deadline_columns(with_case), parent)
    view = make_table(name, accessible, model, parent, DEADLINE_WIDTHS)
    return model, view
