"""Swedish columns and labels for meetings, agenda items and proposals approved for the utskott."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..decision.summary import person_colour, person_text
from .. import theme
from ..models.record_table import Column

translate = QCoreApplication.translate

OUTCOME_LABELS = {
    "bifall": QT_TRANSLATE_NOOP("Meetings", "Bifall till förslaget"),
    "avslag": QT_TRANSLATE_NOOP("Meetings", "Avslag"),
    "bordlagd": QT_TRANSLATE_NOOP("Meetings", "Bordläggs"),
    "anmald": QT_TRANSLATE_NOOP("Meetings", "Anmäld – läggs till handlingarna"),
}
OUTCOMES_FOR_KIND = {"beslut": ("bifall", "avslag", "bordlagd"), "anmalan": ("anmald",)}
KIND_LABELS = {
    "beslut": QT_TRANSLATE_NOOP("Meetings", "Beslut"),
    "anmalan": QT_TRANSLATE_NOOP("Meetings", "Anmälan av ordförandebeslut"),
}
STATUS_LABELS = {
    "planerad": QT_TRANSLATE_NOOP("Meetings", "Planerat"),
    "genomford": QT_TRANSLATE_NOOP("Meetings", "Genomfört"),
}


def label(table: dict, key: str | None) -> str:
    return translate("Meetings", table[key]) if key in table else (key or "")


def meeting_columns() -> list[Column]:
    return [Column(translate("Meetings", "Datum"), lambda m: m.meeting_date),
            Column(translate("Meetings", "Status"), lambda m: label(STATUS_LABELS, m.status)),
            Column(translate("Meetings", "Ärenden"), lambda m: len(m.items), tooltip=lambda m: m.time_place)]


def _outcome(i) -> str:
    if i.outcome is None:
        return translate("Meetings", "Ej behandlad")
    text = label(OUTCOME_LABELS, i.outcome)
    return f"{text} – {i.outcome_note}" if i.outcome_note else text


def _party(i) -> str:
    if i.party_protected:
        return translate("Meetings", "%1 [SKYDDAD]").replace("%1", i.party_display)
    return i.party_display


def agenda_columns() -> list[Column]:
    return [Column(translate("Meetings", "§"), lambda i: f"§ {i.paragraph_no}"),
            Column(translate("Meetings", "Typ"), lambda i: label(KIND_LABELS, i.kind),
                   lambda i: theme.background("notice") if i.kind == "anmalan" else None,
                   lambda i: theme.foreground("notice") if i.kind == "anmalan" else None),
            Column(translate("Meetings", "Ärende"), lambda i: i.case_number),
            Column(translate("Meetings", "Part"), _party,
                   foreground=lambda i: theme.text("danger") if i.party_protected else None),
            Column(translate("Meetings", "Ärendet gäller"), lambda i: i.title),
            Column(translate("Meetings", "Föredragande"), lambda i: i.foredragande or ""),
            Column(translate("Meetings", "Utfall"), _outcome,
                   lambda i: theme.background("ok") if i.outcome else None,
                   lambda i: theme.foreground("ok") if i.outcome else None)]


def approved_columns() -> list[Column]:
    return [Column(translate("Meetings", "Ärende"), lambda d: d.case_number),
            Column(translate("Meetings", "Person"), person_text, foreground=person_colour),
            Column(translate("Meetings", "Beslut"), lambda d: d.title),
            Column(translate("Meetings", "Skrivet av"), lambda d: d.drafted_by_name),
            Column(translate("Meetings", "Godkänt av"), lambda d: d.approved_by_name or "")]
