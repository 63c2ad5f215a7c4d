"""Rendering a decision from its fixed template, and the content hash that approval binds to."""

from __future__ import annotations

import hashlib
import json
import re
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ifodesk.domain import deadlines as _deadlines
from ifodesk.domain.catalog import LAGRUM_PLACEHOLDER, DecisionTemplate, TemplateField

__all__ = [
    "RenderedDecision",
    "MissingFieldError",
    "InvalidFieldError",
    "render_decision_text",
    "content_hash",
    "join_lagrum",
    "HASH_VERSION",
    "is_required",
    "refused_choice",
]

HASH_VERSION = 1
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class RenderedDecision:
    template_id: str
    law_version: str
    title: str
    text: str  # the decision with the facts and motivering filled in
    lagrum: tuple[str, ...]
    appeal_route: str  # forvaltningsbesvar | laglighetsprovning | none
    appeal_title: str
    appeal_text: str


class MissingFieldError(ValueError):
    """Required fields are empty. ``missing`` holds the fields; the message is Swedish."""

    def __init__(self, template: DecisionTemplate, missing: tuple[TemplateField, ...]):
        self.template_id = template.id
        self.missing = missing
        labels = ", ".join(f.label for f in missing)
        word = "Obligatoriskt fält saknas" if len(missing) == 1 else "Obligatoriska fält saknas"
        super().__init__(f"{word} i {template.title.lower()}: {labels}")


class InvalidFieldError(ValueError):
    """A field has a value the template does not accept (bad date, unknown choice)."""

    def __init__(self, template: DecisionTemplate, fld: TemplateField, message: str):
        self.template_id = template.id
        self.field = fld
        super().__init__(f"{fld.label}: {message}")


def join_lagrum(lagrum: tuple[str, ...] | list[str]) -> str:
    """``a``, ``a och b``, ``a, b och c``."""
    items = list(lagrum)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def _value(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw).strip()


# A value typed as a sentence ("Sex månader") read inside the template's sentence ("Beslutet
# gäller {giltighet}.") is lower-cased when its first word is an ordinary word like these; names
# and abbreviations are never touched.
_INLINE_WORDS = frozenset(
    "en ett två tre fyra fem sex sju åtta nio tio elva tolv arton tjugofyra sexton "
    "till tills från fram under högst minst längst varannan varje var varannat "
    "samtal familjebehandling behandling stöd kontaktperson kontaktfamilj öppenvård "
    "tillsvidare tills vidare omedelbart".split())
_SENTENCE_START = re.compile(r"(^|[.!?:]\s*|\n\s*)$")


def _inline_case(wording: str, name: str, value: str) -> str:
    at = wording.find("{" + name + "}")
    if at < 0 or _SENTENCE_START.search(wording[:at]):
        return value
    first = value.split(maxsplit=1)[0] if value.split() else ""
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first.lower() in _INLINE_WORDS:
        return value[0].lower() + value[1:]
    return value


def _check_date(template: DecisionTemplate, fld: TemplateField, value: str) -> None:
    if not _ISO_DATE.match(value):
        raise InvalidFieldError(template, fld, f"'{value}' är inget datum (skriv ÅÅÅÅ-MM-DD)")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise InvalidFieldError(template, fld, f"'{value}' är inget giltigt datum") from None


def is_required(
    template: DecisionTemplate, fld: TemplateField, fields: Mapping[str, object], *,
    urgent: bool = False, decided_on: date | None = None,
) -> bool:
    """Whether ``fld`` must be filled in for this decision (``required`` or its required_when)."""
    if fld.required:
        return True
    w = fld.required_when
    if w is None:
        return False
    if w.urgent:
        return urgent
    if w.field is not None:
        return _value(fields.get(w.field)) in w.values
    if w.late is not None:
        start = _value(fields.get(w.from_field or ""))
        try:
            start_day = date.fromisoformat(start)
        except ValueError:
            return False
        if decided_on is None:
            return False  # no decision date yet (a draft's preview): checked when it is decided
        return decided_on > _deadlines.compute(w.late, start_day).due
    return False


def refused_choice(template: DecisionTemplate, fields: Mapping[str, object]) -> str | None:
    """The Swedish reason the law refuses this decision (a chosen option with ``refuse``)."""
    for fld in template.fields:
        if fld.kind == "choice":
            opt = fld.option(_value(fields.get(fld.name)))
            if opt is not None and opt.refuse:
                return f"{fld.label}: {opt.refuse}"
    return None


def _drop_empty_optional_lines(wording: str, values: Mapping[str, str]) -> str:
    """Leave out a line whose every field is empty (an optional fact not given)."""
    kept = []
    for line in wording.splitlines():
        names = [n for _lit, n, _spec, _conv in string.Formatter().parse(line) if n]
        names = [n for n in names if n != LAGRUM_PLACEHOLDER]
        if names and all(not values.get(n) for n in names):
            continue
        kept.append(line)
    return "\n".join(kept)


def render_decision_text(
    template: DecisionTemplate,
    fields: Mapping[str, object],
    law_version: str | None = None,
    *,
    urgent: bool = False,
    decided_on: date | None = None,
) -> RenderedDecision:
    """Fill the template's wording with ``fields``; lagrum and appeal text as the template fixes.

    ``law_version`` defaults to the template's own; a legacy version (e.g. the SoL in force before 2025-07-01)
    renders the paragraphs the decision was taken under. Raises MissingFieldError when required
    fields are empty and InvalidFieldError for a bad date or an unknown choice.
    """
    version = law_version or template.law_version
    values: dict[str, str] = {}
    missing: list[TemplateField] = []
    for fld in template.fields:
        value = _value(fields.get(fld.name))
        if not value:
            if is_required(template, fld, fields, urgent=urgent, decided_on=decided_on):
                missing.append(fld)
            values[fld.name] = ""
            continue
        if fld.kind == "date":
            _check_date(template, fld, value)
            if fld.not_after_decision and decided_on is not None and value > decided_on.isoformat():
                raise InvalidFieldError(template, fld, "datumet måste ligga före eller på beslutsdagen")
            values[fld.name] = value
        elif fld.kind == "choice":
            opt = fld.option(value)
            if opt is None:
                allowed = ", ".join(o.value for o in fld.options)
                raise InvalidFieldError(template, fld, f"'{value}' är inget tillåtet val ({allowed})")
            values[fld.name] = opt.text
        else:
            values[fld.name] = _inline_case(template.wording, fld.name, value)
    if missing:
        raise MissingFieldError(template, tuple(missing))
    refusal = refused_choice(template, fields)
    if refusal:
        raise InvalidFieldError(template, _refusing_field(template, fields), refusal.split(": ", 1)[1])

    lagrum = template.lagrum_for(version, {k: _value(v) for k, v in fields.items()})
    values[LAGRUM_PLACEHOLDER] = join_lagrum(lagrum)
    text = _drop_empty_optional_lines(template.wording, values).format_map(values)
    text = "\n".join(line.rstrip() for line in text.splitlines())
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return RenderedDecision(
        template_id=template.id,
        law_version=version,
        title=template.title,
        text=text,
        lagrum=lagrum,
        appeal_route=template.appeal.route,
        appeal_title=template.appeal.title,
        appeal_text=template.appeal.text,
    )


def _refusing_field(template: DecisionTemplate, fields: Mapping[str, object]) -> TemplateField:
    for fld in template.fields:
        opt = fld.option(_value(fields.get(fld.name))) if fld.kind == "choice" else None
        if opt is not None and opt.refuse:
            return fld
    raise LookupError("no refusing choice")


def content_hash(template_id: str, law_version: str | None, fields: Mapping[str, object]) -> str:
    """sha256 (hex) over a canonical JSON of the decision's content.

    Stable across dict order and Unicode normalisation (NFC); any change of a value, a field
    name, the template or the law version gives another hash, so an approval binds exactly one
    version of the proposal.
    """

    def norm(v: object) -> object:
        if v is None:
            return None
        if isinstance(v, date):
            v = v.isoformat()
        if isinstance(v, (bool, int)):
            return v
        return unicodedata.normalize("NFC", str(v))

    payload = {
        "hash_version": HASH_VERSION,
        "template_id": template_id,
        "law_version": law_version,
        "fields": {unicodedata.normalize("NFC", str(k)): norm(v) for k, v in fields.items()},
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
