"""A decision read in full before deciding: status, who wrote it, who decides, and the letter text."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from ifodesk.domain.catalog import load_catalog

from .. import theme
from ..labels import level_label
from .actions import routing_html
from .preview import letter_html, render_preview

translate = QCoreApplication.translate


def person_colour(info):
    """Red for a protected person, as in every other list."""
    return theme.text("danger") if info.person_protected else None


def person_text(info) -> str:
    if info.person_protected:
        return translate("Decide", "%1 [SKYDDAD]").replace("%1", info.person_name)
    return info.person_name


def _rows(info) -> list[tuple[str, str]]:
    rows = [(translate("Decide", "Ärende"), info.case_number), (translate("Decide", "Person"), person_text(info)),
            (translate("Decide", "Status"), info.status_label),
            (translate("Decide", "Skrivet av"), info.drafted_by_name)]
    if info.approver_level:
        rows.append((translate("Decide", "Skickat till"), level_label(info.approver_level)))
    if info.approved_by_name:
        valid = translate("Decide", "gäller") if info.approval_valid else translate(
            "Decide", "upphävt – förslaget har ändrats")
        rows.append((translate("Decide", "Godkänt av"), f"{info.approved_by_name} ({valid})"))
    if info.rejection_reason:
        rows.append((translate("Decide", "Återvisat"), info.rejection_reason))
    if info.decided_by_name:
        rows.append((translate("Decide", "Beslutat"), f"{info.decided_on} – {info.decided_by_name}"))
    return rows


def summary_html(info, routing) -> str:
    table = "".join(f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td>"
                    f"<td>{html.escape(str(v))}</td></tr>" for k, v in _rows(info))
    parts = []
    if info.person_protected:
        marking = translate("Decide", "SKYDDADE PERSONUPPGIFTER")
        parts.append(f"<p style='{theme.css('protected')}padding:4px'><b>{marking}</b></p>")
    parts.append(f"<table>{table}</table>")
    if routing is not None:
        parts.append(f"<p style='{theme.css('info')}padding:4px'>{routing_html(routing)}</p>")
        if info.approver_level == "ordforande" and info.status == "for_godkannande":
            urgent = translate("Decide", "Brådskande – till ordföranden:")
            parts.append(f"<p style='{theme.css('urgent')}padding:4px'><b>{urgent}</b> "
                         f"{html.escape(routing.urgent_reason)}</p>")
    template = load_catalog().template(info.template_id)
    parts.append("<hr>" + letter_html(render_preview(template, info.fields, info.law_version)))
    return "".join(parts)
