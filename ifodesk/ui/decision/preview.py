"""The decision as it will be printed: rendered live from the template while the caseworker types.

Missing facts show as highlighted gaps rather than an error, so the letter can be read at once.
The lagrum and appeal text come from the template and are shown, never edited.
"""

from __future__ import annotations

import dataclasses
import html

from PySide6.QtCore import QCoreApplication

from ifodesk.domain.catalog import DecisionTemplate
from ifodesk.domain.templates import InvalidFieldError, MissingFieldError, RenderedDecision, render_decision_text

from .. import theme

translate = QCoreApplication.translate
GAP = "\u27e6{}\u27e7"  # ⟦label⟧ marks a gap until it is turned into HTML


@dataclasses.dataclass(frozen=True)
class Preview:
    rendered: RenderedDecision
    problem: str | None  # what render_decision_text refuses (missing or invalid fields), in Swedish
    missing: tuple[str, ...]  # field names still to fill in


def render_preview(template: DecisionTemplate, values: dict[str, str], law_version: str | None = None) -> Preview:
    problem, missing = None, []
    try:
        rendered = render_decision_text(template, values, law_version)
        return Preview(rendered, None, ())
    except (MissingFieldError, InvalidFieldError) as exc:
        problem = str(exc)
    patched, filled = [], dict(values)
    for f in template.fields:
        value = str(values.get(f.name) or "").strip()
        bad = (f.kind == "choice" and value and f.option(value) is None)
        if (f.required and not value) or bad:
            missing.append(f.name)
            patched.append(dataclasses.replace(f, kind="text", options=(), required=False))
            filled[f.name] = GAP.format(f.label)
        else:
            patched.append(f)
    rendered = render_decision_text(dataclasses.replace(template, fields=tuple(patched)), filled, law_version)
    return Preview(rendered, problem, tuple(missing))


def _text_html(text: str) -> str:
    out = html.escape(text).replace("\n", "<br>")
    while "\u27e6" in out:
        start, end = out.index("\u27e6"), out.index("\u27e7")
        label = out[start + 1:end]
        gap = translate("Preview", "[%1 saknas]").replace("%1", label)
        out = out[:start] + theme.span(gap, "due_soon", area=True) + out[end + 1:]
    return out


def letter_html(p: Preview, *, heading: str = "", decided_by: str = "", decided_on: str = "",
                routing_text: str = "", protected: bool = False) -> str:
    """The letter's sections in the order the printed letter has them; a protected person's marking
    at the top, as on the printed letter (which never shows the address)."""
    r = p.rendered
    h = {"unfinished": translate("Preview", "Inte klart:"), "decision": translate("Preview", "Beslut"),
         "lagrum": translate("Preview", "Lagrum"), "decider": translate("Preview", "Beslutsfattare"),
         "appeal": translate("Preview", "Hur man överklagar"),
         "version": translate("Preview", "Tillämpad lydelse: %1").replace("%1", html.escape(r.law_version))}
    parts = [f"<h3 style='margin-bottom:2px'>{html.escape(r.title)}</h3>"]
    if heading:
        parts.append(f"<p style='{theme.text_css('heading_note')}margin-top:0'>{html.escape(heading)}</p>")
    if protected:
        mark = translate("Preview", "SKYDDADE PERSONUPPGIFTER – adress lämnas ej ut")
        parts.append(f"<p id='protection_marking' style='{theme.text_css('danger')}'><b>{html.escape(mark)}</b></p>")
    if p.problem:
        parts.append(f"<p style='{theme.css('notice')}padding:4px'><b>{h['unfinished']}</b> "
                     f"{html.escape(p.problem)}</p>")
    parts.append(f"<h4>{h['decision']}</h4><p>{_text_html(r.text)}</p>")
    parts.append(f"<h4>{h['lagrum']}</h4><p>{html.escape(', '.join(r.lagrum))}<br><small>{h['version']}</small></p>")
    who = decided_by or routing_text
    if who:
        when = f" – {html.escape(decided_on)}" if decided_on else ""
        parts.append(f"<h4>{h['decider']}</h4><p>{html.escape(who)}{when}</p>")
    parts.append(f"<h4>{html.escape(r.appeal_title) or h['appeal']}</h4><p>{_text_html(r.appeal_text)}</p>")
    return "".join(parts)
