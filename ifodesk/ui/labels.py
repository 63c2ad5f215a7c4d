"""Swedish labels for codes the services return: roles, delegation levels, deadline states."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from ifodesk.services.admin import ROLES
from ifodesk.services.dto import DeadlineInfo, PersonSummary

from . import theme

DELEGATE_LEVELS = {
    "handlaggare": QT_TRANSLATE_NOOP("Labels", "handläggare"),
    "forste_socialsekreterare": QT_TRANSLATE_NOOP("Labels", "1:e socialsekreterare"),
    "enhetschef": QT_TRANSLATE_NOOP("Labels", "enhetschef"),
    "ifo_chef": QT_TRANSLATE_NOOP("Labels", "IFO-chef"),
    "socialchef": QT_TRANSLATE_NOOP("Labels", "socialchef"),
    "ordforande": QT_TRANSLATE_NOOP("Labels", "ordförande"),
    "utskott": QT_TRANSLATE_NOOP("Labels", "individutskottet"),
    "namnd": QT_TRANSLATE_NOOP("Labels", "nämnden"),
}
PROTECTION = {
    "sekretessmarkering": QT_TRANSLATE_NOOP("Labels", "SEKRETESSMARKERING"),
    "skyddad_folkbokforing": QT_TRANSLATE_NOOP("Labels", "SKYDDAD FOLKBOKFÖRING"),
}
translate = QCoreApplication.translate


def role_label(role: str) -> str:
    return ROLES.get(role, role)


def level_label(level: str) -> str:
    return translate("Labels", DELEGATE_LEVELS[level]) if level in DELEGATE_LEVELS else level


def protection_label(protection: str) -> str:
    return translate("Labels", PROTECTION[protection]) if protection in PROTECTION else ""


def protected_colour(p: PersonSummary) -> QColor | None:
    """The name of a protected person is red in every list (with "[SKYDDAD]" in the text too)."""
    return theme.text("danger") if p.is_protected else None


def person_name(p: PersonSummary) -> str:
    """A protected person's name carries the marking wherever it is listed."""
    if p.is_protected:
        return translate("Labels", "%1 [SKYDDAD]").replace("%1", p.name)
    return p.name


def deadline_status_text(d: DeadlineInfo) -> str:
    n = abs(d.days_left)
    if d.status == "met":
        return translate("Labels", "✓ Klar i tid")
    if d.status == "met_late":
        return translate("Labels", "✓ Klar för sent")
    if d.status == "overdue":
        return translate("Labels", "⚠ Försenad 1 dag") if n == 1 else translate("Labels", "⚠ Försenad %1 dagar").replace("%1", str(n))
    if d.days_left == 0:
        return translate("Labels", "● Förfaller i dag")
    if d.status == "due_soon":
        return translate("Labels", "● Förfaller i morgon") if n == 1 else translate("Labels", "● Förfaller om %1 dagar").replace("%1", str(n))
    return translate("Labels", "Om %1 dagar").replace("%1", str(n))


def _deadline_role(d: DeadlineInfo) -> str | None:
    """Colour is never the only signal: each state also has its own words and symbol."""
    return {"overdue": "overdue", "due_soon": "due_soon", "ok": "ok", "met": "met", "met_late": "met"}.get(d.status)


def deadline_background(d: DeadlineInfo) -> QColor | None:
    role = _deadline_role(d)
    return theme.background(role) if role else None


def deadline_foreground(d: DeadlineInfo) -> QColor | None:
    role = _deadline_role(d)
    return theme.foreground(role) if role else None


def deadline_css(d: DeadlineInfo) -> str:
    """The state's colours for rich text (empty for a state without)."""
    role = _deadline_role(d)
    return theme.css(role) if role else ""
