"""The shape of the catalog files as typed models, validated by pydantic.

Each TOML file is first checked against these models: every key known, every value of the right
type (text, true/false, date, list, table). All type errors of a file are reported at once, in
Swedish, naming the file, the entry (mall, fält, val, version, paragraf) and the key. What the
models cannot say — a lagrum that exists in the law version, a deadline id that exists, a field
used in the wording — is checked afterwards on the validated data (catalog_templates,
catalog_fields, catalog_readers).

Keys are optional here on purpose: a missing key gets its own message from the rule that needs it
("'title' saknas", "tabellen [appeal] med route saknas"), as before. The file formats are
unchanged; a file that loaded before loads now.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, StrictBool, StrictStr, ValidationError
from pydantic.functional_validators import AfterValidator

from ifodesk.domain.catalog_models import _Problems


def _not_datetime(v: date) -> date:
    if isinstance(v, datetime):
        raise ValueError("datetime")
    return v


# TOML gives dates as dates; a text "2025-07-01" or a date with a time is refused.
TomlDate = Annotated[date, AfterValidator(_not_datetime)]
Texts = list[StrictStr]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class OptionModel(_Model):
    value: Optional[StrictStr] = None
    label: Optional[StrictStr] = None
    text: Optional[StrictStr] = None
    lagrum: Optional[Texts] = None
    refuse: Optional[StrictStr] = None
    starts_deadlines: Optional[Texts] = None


def _option_shorthand(v: Any) -> Any:
    # options = ["ja", "nej"] is short for [{ value = "ja", label = "ja" }, ...]
    if isinstance(v, list):
        return [{"value": x, "label": x} if isinstance(x, str) else x for x in v]
    return v


class RequiredWhenModel(_Model):
    urgent: Optional[StrictBool] = None
    field: Optional[StrictStr] = None
    values: Optional[Texts] = None
    late: Optional[StrictStr] = None
    from_field: Optional[StrictStr] = None


class FieldModel(_Model):
    name: Optional[StrictStr] = None
    label: Optional[StrictStr] = None
    required: Optional[StrictBool] = None
    kind: Optional[StrictStr] = None
    options: Annotated[Optional[list[OptionModel]], BeforeValidator(_option_shorthand)] = None
    multiline: Optional[StrictBool] = None
    required_when: Optional[RequiredWhenModel] = None
    not_after_decision: Optional[StrictBool] = None


class AppealModel(_Model):
    route: Optional[StrictStr] = None
    basis: Optional[StrictStr] = None
    title: Optional[StrictStr] = None
    text: Optional[StrictStr] = None


class StatisticsModel(_Model):
    insats_type: Optional[StrictStr] = None
    legal_basis: Optional[StrictStr] = None


class TemplateModel(_Model):
    """One file in resources/templates/ (beslutsmall)."""

    id: Optional[StrictStr] = None
    title: Optional[StrictStr] = None
    category: Optional[StrictStr] = None
    kind: Optional[StrictStr] = None
    approval_pair: Optional[StrictStr] = None
    law_version: Optional[StrictStr] = None
    valid_from: Optional[TomlDate] = None
    lagrum: Optional[Texts] = None
    legacy_lagrum: Optional[dict[StrictStr, Texts]] = None
    lowest_decider: Optional[StrictStr] = None
    utskott_only: Optional[StrictBool] = None
    utskott_basis: Optional[StrictStr] = None
    urgent_route: Optional[StrictStr] = None
    urgent_basis: Optional[StrictStr] = None
    urgent_needs_authorisation: Optional[StrictBool] = None
    urgent_starts_deadlines: Optional[Texts] = None
    starts_deadlines: Optional[Texts] = None
    optional_deadlines: Optional[Texts] = None
    extends_deadlines: Optional[Texts] = None
    requires_socionom: Optional[StrictBool] = None
    socionom_basis: Optional[StrictStr] = None
    mark: Optional[StrictStr] = None
    note: Optional[StrictStr] = None
    wording: Optional[StrictStr] = None
    appeal: Optional[AppealModel] = None
    statistics: Optional[StatisticsModel] = None
    fields: Optional[list[FieldModel]] = None
    deadline_start_fields: Optional[dict[StrictStr, StrictStr]] = None
    deadlines_after_utredning: Optional[Texts] = None
    closes_utredning: Optional[StrictBool] = None
    court_starts_deadlines: Optional[Texts] = None
    against_party: Optional[StrictBool] = None
    court_ruling: Optional[StrictStr] = None
    court_care_starts_deadlines: Optional[Texts] = None


class ParagraphModel(_Model):
    citation: Optional[StrictStr] = None
    text: Optional[StrictStr] = None
    mark: Optional[StrictStr] = None
    note: Optional[StrictStr] = None


class VersionModel(_Model):
    id: Optional[StrictStr] = None
    sfs: Optional[StrictStr] = None
    title: Optional[StrictStr] = None
    valid_from: Optional[TomlDate] = None
    valid_to: Optional[TomlDate] = None
    mark: Optional[StrictStr] = None
    note: Optional[StrictStr] = None
    paragraphs: Optional[list[ParagraphModel]] = None


class LawHeadModel(_Model):
    id: Optional[StrictStr] = None
    name: Optional[StrictStr] = None


class LawFileModel(_Model):
    """One file in resources/catalog/laws/."""

    law: Optional[LawHeadModel] = None
    versions: Optional[list[VersionModel]] = None


class AppealTextModel(_Model):
    title: Optional[StrictStr] = None
    text: Optional[StrictStr] = None


class AppealsFileModel(_Model):
    """resources/catalog/appeals.toml: the default appeal texts per route."""

    forvaltningsbesvar: Optional[AppealTextModel] = None
    laglighetsprovning: Optional[AppealTextModel] = None
    none: Optional[AppealTextModel] = None


def keys(model: type[BaseModel]) -> frozenset[str]:
    return frozenset(model.model_fields)


# --- Swedish messages ----------------------------------------------------------------------------

_MESSAGES = {
    "bool_type": "'{key}' måste vara true eller false",
    "string_type": "'{key}' måste vara en text som inte är tom",
    "list_type": "'{key}' måste vara en lista",
    "dict_type": "'{key}' måste vara en tabell",
    "model_type": "'{key}' måste vara en tabell",
    "model_attributes_type": "'{key}' måste vara en tabell",
    "date_type": "'{key}' måste vara ett datum (ÅÅÅÅ-MM-DD)",
    "value_error": "'{key}' måste vara ett datum (ÅÅÅÅ-MM-DD)",  # a date with a time
}


def _model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model that holds the last key of ``loc`` (for the list of allowed keys)."""
    model: Any = root
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or part not in model.model_fields:
            return None
        model = _inner_model(model.model_fields[part].annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    stack = [annotation]
    while stack:
        a = stack.pop()
        if isinstance(a, type) and issubclass(a, BaseModel):
            return a
        stack.extend(typing.get_args(a))
    return None


def _where(entry: str, loc: tuple, data: Mapping[str, Any]) -> tuple[str, str]:
    """(entry as the catalog's other messages name it, the key) for an error location."""
    where, node, key = entry, data, ""
    i = 0
    while i < len(loc):
        part = loc[i]
        nxt = loc[i + 1] if i + 1 < len(loc) else None
        if isinstance(part, str) and isinstance(nxt, int) and part in ("fields", "options", "versions", "paragraphs"):
            item = node.get(part)[nxt] if isinstance(node, Mapping) and isinstance(node.get(part), list) \
                and nxt < len(node.get(part)) else None
            name = item.get("name") or item.get("value") or item.get("id") or item.get("citation") \
                if isinstance(item, Mapping) else None
            if part == "fields":
                where += f", fält '{name}'" if isinstance(name, str) else f", fields[{nxt}]"
            else:
                where += f", {part}[{nxt}]"
            node = item if isinstance(item, Mapping) else {}
            i += 2
            continue
        if i < len(loc) - 1 and isinstance(part, str) and isinstance(node, Mapping) \
                and isinstance(node.get(part), Mapping) and part not in ("legacy_lagrum", "deadline_start_fields"):
            where += f", [{part}]" if part in ("appeal", "statistics", "law") else f", {part}"
            node = node.get(part)
            i += 1
            continue
        key = ".".join(str(p) for p in loc[i:] if not isinstance(p, int)) or str(part)
        break
    return where, key


def validate(model: type[BaseModel], data: Mapping[str, Any], file: str, entry: str,
             problems: _Problems) -> BaseModel | None:
    """The file as its typed model, or None after adding every type problem in Swedish."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            where, key = _where(entry, loc, data)
            kind = err["type"]
            if kind == "extra_forbidden":
                owner = _model_at(model, loc)
                allowed = f" (tillåtna: {', '.join(sorted(owner.model_fields))})" if owner else ""
                problems.add(file, where, f"okänd nyckel '{loc[-1]}'{allowed}")
            elif kind == "string_type" and loc and isinstance(loc[-1], int):
                problems.add(file, where, f"'{key}' måste vara en lista med texter")
            else:
                problems.add(file, where, _MESSAGES.get(kind, "'{key}' har fel typ").format(key=key))
        return None
