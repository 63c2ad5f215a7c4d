"""Validating a template's fields: kinds, options, required_when, deadline start fields and
the wording's placeholders."""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any

from ifodesk.domain.catalog_models import (  # noqa: F401
    ChoiceOption,
    FIELD_KINDS,
    LAGRUM_PLACEHOLDER,
    RequiredWhen,
    TemplateField,
    _ID_RE,
    _Problems,
)
from ifodesk.domain.catalog_schema import FieldModel, OptionModel, RequiredWhenModel, keys
from ifodesk.domain.catalog_readers import (  # noqa: F401
    _bool,
    _str,
    _str_list,
)

# The allowed keys are the typed models' (catalog_schema), checked before these rules run.
_FIELD_KEYS = keys(FieldModel)
_OPTION_KEYS = keys(OptionModel)
_REQUIRED_WHEN_KEYS = keys(RequiredWhenModel)


def _parse_fields(raw: Any, file: str, entry: str, check_lagrum, problems: _Problems):
    if not isinstance(raw, list) or not raw:
        problems.add(file, entry, "minst ett fält ([[fields]]) krävs")
        return None
    fields: list[TemplateField] = []
    seen: set[str] = set()
    ok = True
    for i, rf in enumerate(raw):
        fentry = f"{entry}, fields[{i}]"
        if not isinstance(rf, dict):
            problems.add(file, fentry, "måste vara en tabell")
            ok = False
            continue
        name = _str(rf, "name", file, fentry, problems)
        if name is not None:
            fentry = f"{entry}, fält '{name}'"
        label = _str(rf, "label", file, fentry, problems)
        required = _bool(rf, "required", file, fentry, problems, default=True)
        multiline = _bool(rf, "multiline", file, fentry, problems)
        kind = rf.get("kind", "text")
        if kind not in FIELD_KINDS:
            problems.add(file, fentry, f"kind måste vara en av {', '.join(FIELD_KINDS)} (fick {kind!r})")
            ok = False
        if name is not None:
            if not _ID_RE.match(name):
                problems.add(file, fentry, "namnet får bara innehålla a–z, 0–9 och _")
                ok = False
            elif name == LAGRUM_PLACEHOLDER:
                problems.add(file, fentry, f"'{LAGRUM_PLACEHOLDER}' är reserverat och fylls i av systemet")
                ok = False
            elif name in seen:
                problems.add(file, fentry, "fältet finns två gånger")
                ok = False
            seen.add(name)
        options: list[ChoiceOption] = []
        raw_opts = rf.get("options")
        if kind == "choice":
            if not isinstance(raw_opts, list) or not raw_opts:
                problems.add(file, fentry, "ett valfält (kind = choice) måste ha options")
                ok = False
                raw_opts = []
            values: set[str] = set()
            for j, ro in enumerate(raw_opts):
                oentry = f"{fentry}, options[{j}]"
                if isinstance(ro, str):
                    ro = {"value": ro, "label": ro}
                if not isinstance(ro, dict):
                    problems.add(file, oentry, "måste vara en text eller en tabell")
                    ok = False
                    continue
                value = _str(ro, "value", file, oentry, problems)
                olabel = _str(ro, "label", file, oentry, problems)
                otext = ro.get("text", olabel)
                olagrum = _str_list(ro, "lagrum", file, oentry, problems)
                check_lagrum(olagrum, f"fält '{name}', options[{j}].lagrum")
                orefuse = _str(ro, "refuse", file, oentry, problems, required=False) or ""
                ostarts = _str_list(ro, "starts_deadlines", file, oentry, problems)
                if value is None or olabel is None or not isinstance(otext, str):
                    ok = False
                    continue
                if value in values:
                    problems.add(file, oentry, f"värdet '{value}' finns två gånger")
                    ok = False
                values.add(value)
                options.append(ChoiceOption(value, olabel, otext, olagrum, orefuse, ostarts))
        elif raw_opts is not None:
            problems.add(file, fentry, "options får bara anges för kind = choice")
            ok = False
        when = _required_when(rf.get("required_when"), file, fentry, problems)
        if rf.get("required_when") is not None and when is None:
            ok = False
        if when is not None and required:
            problems.add(file, fentry, "required_when kräver required = false")
            ok = False
        not_after = _bool(rf, "not_after_decision", file, fentry, problems)
        if not_after and kind != "date":
            problems.add(file, fentry, "not_after_decision gäller bara datumfält")
            ok = False
        if name is None or label is None:
            ok = False
            continue
        fields.append(TemplateField(name, label, required, kind, tuple(options), multiline, when, not_after))
    return tuple(fields) if ok else None


def _required_when(raw: Any, file: str, fentry: str, problems: _Problems) -> RequiredWhen | None:
    if raw is None:
        return None
    where = f"{fentry}, required_when"
    if not isinstance(raw, dict):
        problems.add(file, where, "måste vara en tabell")
        return None
    urgent = raw.get("urgent", False)
    fld, values = raw.get("field"), raw.get("values", [])
    late, from_field = raw.get("late"), raw.get("from_field")
    chosen = [bool(urgent), fld is not None, late is not None]
    if sum(chosen) != 1 or urgent not in (True, False):
        problems.add(file, where, "ange exakt ett villkor: urgent = true, field/values eller late/from_field")
        return None
    if fld is not None and (not isinstance(fld, str) or not isinstance(values, list) or not values
                            or not all(isinstance(v, str) for v in values)):
        problems.add(file, where, "field ska vara ett fältnamn och values en lista med val som inte är tom")
        return None
    if late is not None and (not isinstance(late, str) or not isinstance(from_field, str)):
        problems.add(file, where, "late (fristens id) kräver from_field (datumfältet fristen räknas från)")
        return None
    return RequiredWhen(bool(urgent), fld, tuple(values), late, from_field)


def _check_field_rules(fields, deadline_ids, file: str, entry: str, problems: _Problems) -> None:
    """required_when and option deadlines refer to fields, values and deadlines that exist."""
    by_name = {f.name: f for f in fields}
    for f in fields:
        w = f.required_when
        fentry = f"{entry}, fält '{f.name}', required_when"
        if w is not None and w.field is not None:
            other = by_name.get(w.field)
            if other is None or other.kind != "choice":
                problems.add(file, fentry, f"'{w.field}' är inget valfält i mallen")
            else:
                for v in w.values:
                    if other.option(v) is None:
                        problems.add(file, fentry, f"'{v}' är inget val i fältet '{w.field}'")
        if w is not None and w.late is not None:
            if w.late not in deadline_ids:
                problems.add(file, fentry, f"okänd frist '{w.late}' (finns inte i deadlines.toml)")
            src = by_name.get(w.from_field or "")
            if src is None or src.kind != "date":
                problems.add(file, fentry, f"'{w.from_field}' är inget datumfält i mallen")
        for o in f.options:
            for d in o.starts_deadlines:
                if d not in deadline_ids:
                    problems.add(file, f"{entry}, fält '{f.name}', val '{o.value}'",
                                 f"okänd frist '{d}' (finns inte i deadlines.toml)")


def _deadline_start_fields(data, fields, deadline_ids, file: str, entry: str, problems: _Problems) -> dict:
    raw = data.get("deadline_start_fields", {})
    if not isinstance(raw, dict):
        problems.add(file, entry, "deadline_start_fields måste vara en tabell: frist = \"datumfält\"")
        return {}
    by_name = {f.name: f for f in fields}
    out = {}
    for did, fname in raw.items():
        where = f"{entry}, deadline_start_fields['{did}']"
        if did not in deadline_ids:
            problems.add(file, where, f"okänd frist '{did}' (finns inte i deadlines.toml)")
        elif not isinstance(fname, str) or fname not in by_name or by_name[fname].kind != "date":
            problems.add(file, where, f"'{fname}' är inget datumfält i mallen")
        else:
            out[did] = fname
    return out


def _check_wording(
    wording: str, fields: Sequence[TemplateField], file: str, entry: str, problems: _Problems
) -> None:
    declared = {f.name for f in fields}
    used: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(wording))
    except ValueError as exc:
        problems.add(file, f"{entry}, wording", f"ogiltig klammer i formuleringen: {exc}")
        return
    for _literal, name, spec, conv in parsed:
        if name is None:
            continue
        if spec or conv or not _ID_RE.match(name):
            problems.add(file, f"{entry}, wording", f"ogiltigt fält {{{name}}} i formuleringen")
            continue
        used.add(name)
        if name != LAGRUM_PLACEHOLDER and name not in declared:
            problems.add(file, f"{entry}, wording", f"fältet {{{name}}} är inte deklarerat i [[fields]]")
    for name in sorted(declared - used):
        problems.add(file, f"{entry}, fält '{name}'", "fältet används inte i formuleringen")
