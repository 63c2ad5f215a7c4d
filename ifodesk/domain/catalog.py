"""The legal catalog: laws, their versions, the paragraphs cited, and the fixed decision templates.

Everything legal is data under ``resources/`` (reviewed by a jurist):

* ``catalog/laws/*.toml``  one file per law (SoL, LVU, LVM, KL, FL), its versions with
  valid_from/valid_to and the paragraphs ifodesk cites (citation, short text, certainty mark);
* ``catalog/appeals.toml`` the standard appeal texts (förvaltningsbesvär, laglighetsprövning, none);
* ``templates/<id>.toml``  one decision template (beslutsmall) per file;
* ``deadlines.toml``       the deadline ids a template may start (owned by the deadline module).

The loader validates everything at start and raises :class:`CatalogError` naming the file, the
entry and what is wrong. No paragraph number is spelled in this module.
"""

from __future__ import annotations

import functools
import re
import string
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ifodesk.domain.deadlines import DeadlineConfigError, load_deadline_rules
from ifodesk.domain.delegation import LEVELS
from ifodesk.resources import resources_dir

__all__ = [
    "APPEAL_ROUTES",
    "CATEGORIES",
    "KINDS",
    "FIELD_KINDS",
    "MARKS",
    "Paragraph",
    "LawVersion",
    "Law",
    "ChoiceOption",
    "TemplateField",
    "Appeal",
    "StatisticsHint",
    "DecisionTemplate",
    "Catalog",
    "CatalogProblem",
    "CatalogError",
    "load_catalog",
    "clear_catalog_cache",
    "catalog_as_json",
    "lagrum_pattern",
]

APPEAL_ROUTES = ("forvaltningsbesvar", "laglighetsprovning", "none")
CATEGORIES = ("barn", "vuxen", "ekonomi")
KINDS = ("approval", "refusal", "other")
FIELD_KINDS = ("text", "date", "choice")
MARKS = ("V", "I", "U")
URGENT_ROUTES = ("ordforande",)
INSATS_TYPES = (
    "oppenvard",
    "kontaktfamilj",
    "hvb",
    "stodboende",
    "familjehem",
    "jourhem",
    "ekonomiskt_bistand",
)
STATISTICS_LEGAL_BASES = ("SoL", "LVU", "LVM")
# Placeholder filled by the system with the template's lagrum for the decision's law version.
LAGRUM_PLACEHOLDER = "lagrum"

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_LAW_ID_RE = re.compile(r"^[A-Za-z]+$")


def lagrum_pattern(law_id: str | None = None) -> re.Pattern[str]:
    """The exact citation form: ``<chapter> kap. <paragraph> § <law>`` or ``<paragraph> § <law>``,
    a paragraph optionally with a letter (``<n> a §``)."""
    law = re.escape(law_id) if law_id else r"[A-Za-z]+"
    return re.compile(rf"^(?:[1-9]\d* kap\. )?[1-9]\d*(?: [a-z])? § (?P<law>{law})$")


_ANY_LAGRUM = lagrum_pattern()


# --- Data classes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """One cited paragraph in its exact citation form (mark V/I/U as in domain/law.md)."""

    citation: str
    text: str
    mark: str
    note: str = ""


@dataclass(frozen=True)
class LawVersion:
    """One version of a law (``<law> <SFS number>``) with the days it is in force."""

    id: str
    law_id: str
    sfs: str
    title: str
    valid_from: date
    valid_to: date | None  # last day in force; None while in force
    mark: str
    note: str
    paragraphs: tuple[Paragraph, ...]

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def paragraph(self, citation: str) -> Paragraph | None:
        for p in self.paragraphs:
            if p.citation == citation:
                return p
        return None


@dataclass(frozen=True)
class Law:
    id: str  # "SoL", "LVU", ...
    name: str
    versions: tuple[LawVersion, ...]

    def version_on(self, day: date) -> LawVersion | None:
        for v in self.versions:
            if v.valid_on(day):
                return v
        return None


@dataclass(frozen=True)
class ChoiceOption:
    """An option of a choice field. ``text`` is what the decision says; ``lagrum`` is added to
    the decision's lagrum when chosen (e.g. the ground for vård under LVU)."""

    value: str
    label: str
    text: str
    lagrum: tuple[str, ...] = ()
    # A choice the law does not allow to grant (e.g. a SoL placement without consent): the
    # decision is refused with this Swedish message.
    refuse: str = ""
    starts_deadlines: tuple[str, ...] = ()  # deadlines this choice starts (e.g. LVU follow-up)


@dataclass(frozen=True)
class RequiredWhen:
    """A field that is optional in general but required in a situation.

    urgent: only for an urgent (brådskande) decision; field/values: when another choice field has
    one of these values; late/from_field: when the decision is taken after deadline ``late``
    counted from the date in ``from_field`` (e.g. synnerliga skäl after day 14).
    """

    urgent: bool = False
    field: str | None = None
    values: tuple[str, ...] = ()
    late: str | None = None
    from_field: str | None = None


@dataclass(frozen=True)
class TemplateField:
    """A fact the caseworker fills in (``{name}`` in the wording)."""

    name: str
    label: str  # Swedish
    required: bool
    kind: str  # "text" | "date" | "choice"
    options: tuple[ChoiceOption, ...] = ()
    multiline: bool = False
    required_when: RequiredWhen | None = None
    not_after_decision: bool = False  # a date that must lie on or before the decision date

    def option(self, value: str) -> ChoiceOption | None:
        for o in self.options:
            if o.value == value:
                return o
        return None


@dataclass(frozen=True)
class Appeal:
    """How the decision may be challenged (förvaltningslagen: appeal information)."""

    route: str  # forvaltningsbesvar | laglighetsprovning | none
    basis: str | None  # the paragraph that opens (or closes) the appeal route
    title: str
    text: str


@dataclass(frozen=True)
class StatisticsHint:
    insats_type: str | None  # oppenvard, kontaktfamilj, hvb, stodboende, familjehem, jourhem, ...
    legal_basis: str | None  # SoL | LVU | LVM

    # Read like a dict too (``hint.get("insats_type")``), as callers written against a mapping do.
    def __getitem__(self, key: str) -> str | None:
        if key not in ("insats_type", "legal_basis"):
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: str | None = None) -> str | None:
        try:
            value = self[key]
        except KeyError:
            return default
        return default if value is None else value


@dataclass(frozen=True)
class DecisionTemplate:
    """A fixed decision template (beslutsmall)."""

    id: str
    title: str
    category: str  # barn | vuxen | ekonomi
    kind: str  # approval | refusal | other
    approval_pair: str | None  # for refusals: the approval whose level applies
    law_version: str  # the version new decisions cite
    valid_from: date
    lagrum: tuple[str, ...]
    lowest_decider: str  # one of delegation.LEVELS
    utskott_only: bool
    utskott_basis: str | None
    urgent_route: str | None  # None or "ordforande"
    urgent_basis: str | None
    urgent_needs_authorisation: bool  # the nämnd must first appoint the ordförande
    appeal: Appeal
    starts_deadlines: tuple[str, ...]
    optional_deadlines: tuple[str, ...]
    extends_deadlines: tuple[str, ...]
    urgent_starts_deadlines: tuple[str, ...]
    requires_socionom: bool
    socionom_basis: str | None
    statistics: StatisticsHint | None
    fields: tuple[TemplateField, ...]
    wording: str
    mark: str
    note: str
    source: str  # file, relative to resources/
    legacy_lagrum: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    # Deadline id -> date field it counts from (default: the decision date).
    deadline_start_fields: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    # Deadlines that start when the running utredning is closed (jourhem), not at the decision.
    deadlines_after_utredning: tuple[str, ...] = ()
    closes_utredning: bool = True  # an insats decision closes the running utredning
    # Deadlines counted from the court's ruling on this decision (e.g. LVM 18 §), started when
    # the ruling is recorded.
    court_starts_deadlines: tuple[str, ...] = ()
    # The decision can go against a party (a refusal, a decision not fully granting what was
    # applied for, a compulsory measure): kommunicering (FL 25 §) must come first.
    against_party: bool = False

    @property
    def appeal_route(self) -> str:
        return self.appeal.route

    def field(self, name: str) -> TemplateField | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None

    @property
    def law_versions(self) -> tuple[str, ...]:
        """The law versions this template can render: its own first, then legacy ones."""
        return (self.law_version, *self.legacy_lagrum.keys())

    def lagrum_for(
        self, law_version: str | None = None, fields: Mapping[str, str] | None = None
    ) -> tuple[str, ...]:
        """The lagrum of a decision under ``law_version`` (default: the template's own).

        For the template's own version, lagrum attached to chosen options are added. Legacy
        versions render exactly the paragraphs listed in ``legacy_lagrum``.
        """
        if law_version is None or law_version == self.law_version:
            result = list(self.lagrum)
            for f in self.fields:
                if f.kind != "choice" or not fields:
                    continue
                opt = f.option(str(fields.get(f.name, "")).strip())
                if opt is not None:
                    result.extend(c for c in opt.lagrum if c not in result)
            return tuple(result)
        if law_version in self.legacy_lagrum:
            return self.legacy_lagrum[law_version]
        raise ValueError(
            f"Mallen {self.id} har inga lagrum för lagversionen '{law_version}' "
            f"(kända: {', '.join(self.law_versions)})"
        )


@dataclass(frozen=True)
class Catalog:
    laws: Mapping[str, Law]
    templates: Mapping[str, DecisionTemplate]
    deadline_ids: frozenset[str]
    root: Path | None = None

    @property
    def law_versions(self) -> Mapping[str, LawVersion]:
        return MappingProxyType({v.id: v for law in self.laws.values() for v in law.versions})

    def template(self, template_id: str) -> DecisionTemplate:
        try:
            return self.templates[template_id]
        except KeyError:
            raise KeyError(f"Okänd beslutsmall '{template_id}'") from None

    def law_version(self, version_id: str) -> LawVersion:
        try:
            return self.law_versions[version_id]
        except KeyError:
            raise KeyError(f"Okänd lagversion '{version_id}'") from None

    def version_in_force(self, law_id: str, on: date) -> LawVersion | None:
        law = self.laws.get(law_id)
        return law.version_on(on) if law else None

    def paragraph(self, citation: str, law_version: str) -> Paragraph | None:
        """The paragraph ``citation`` in ``law_version`` (None if not in the catalog)."""
        v = self.law_versions.get(law_version)
        return v.paragraph(citation) if v else None

    def lagrum_for(
        self,
        template_id: str,
        law_version: str | None = None,
        fields: Mapping[str, str] | None = None,
    ) -> tuple[str, ...]:
        return self.template(template_id).lagrum_for(law_version, fields)

    def law_version_for_decision(self, template_id: str, decided_on: date) -> str:
        """The law version a decision of this template dated ``decided_on`` cites.

        A decision dated before the template's own version came into force cites the legacy version in force that day, if the template maps one.
        """
        t = self.template(template_id)
        own = self.law_versions[t.law_version]
        if own.valid_on(decided_on) and decided_on >= t.valid_from:
            return t.law_version
        for vid in t.legacy_lagrum:
            if self.law_versions[vid].valid_on(decided_on):
                return vid
        return t.law_version


# --- Errors --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogProblem:
    file: str
    entry: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.what}"


class CatalogError(ValueError):
    """The catalog files are wrong. The message (Swedish) names file, entry and what is wrong."""

    def __init__(self, problems: Sequence[CatalogProblem]):
        self.problems = tuple(problems)
        lines = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(f"Fel i beslutskatalogen ({len(self.problems)}):\n{lines}")


class _Problems:
    def __init__(self) -> None:
        self.items: list[CatalogProblem] = []

    def add(self, file: str, entry: str, what: str) -> None:
        self.items.append(CatalogProblem(file, entry, what))

    def raise_if_any(self) -> None:
        if self.items:
            raise CatalogError(self.items)


# --- Loading -------------------------------------------------------------------------------


def load_catalog(root: Path | None = None) -> Catalog:
    """Load and validate the catalog from ``root`` (a resources/ folder; default: the app's).

    The default catalog is cached; pass ``root`` to load another tree (tests, admin checks).
    """
    if root is None:
        return _load_default()
    return _load(Path(root))


@functools.lru_cache(maxsize=1)
def _load_default() -> Catalog:
    return _load(resources_dir())


def clear_catalog_cache() -> None:
    _load_default.cache_clear()


def _load(root: Path) -> Catalog:
    problems = _Problems()
    laws = _load_laws(root, problems)
    problems.raise_if_any()
    appeal_texts = _load_appeal_texts(root, problems)
    deadline_ids = _load_deadline_ids(root, problems)
    problems.raise_if_any()
    templates = _load_templates(root, laws, appeal_texts, deadline_ids, problems)
    problems.raise_if_any()
    return Catalog(
        laws=MappingProxyType(laws),
        templates=MappingProxyType(templates),
        deadline_ids=deadline_ids,
        root=root,
    )


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _read_toml(root: Path, path: Path, problems: _Problems) -> dict[str, Any] | None:
    name = _rel(root, path)
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        problems.add(name, "filen", "filen saknas")
    except tomllib.TOMLDecodeError as exc:
        problems.add(name, "filen", f"ogiltig TOML: {exc}")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(name, "filen", f"kan inte läsas: {exc}")
    return None


def _check_keys(
    data: Mapping[str, Any], allowed: Iterable[str], file: str, entry: str, problems: _Problems
) -> None:
    allowed = set(allowed)
    for key in data:
        if key not in allowed:
            problems.add(file, entry, f"okänd nyckel '{key}' (tillåtna: {', '.join(sorted(allowed))})")


def _str(
    data: Mapping[str, Any], key: str, file: str, entry: str, problems: _Problems,
    required: bool = True,
) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            problems.add(file, entry, f"'{key}' saknas")
        return None
    if not isinstance(value, str) or not value.strip():
        problems.add(file, entry, f"'{key}' måste vara en text som inte är tom")
        return None
    return value


def _bool(
    data: Mapping[str, Any], key: str, file: str, entry: str, problems: _Problems,
    default: bool = False,
) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        problems.add(file, entry, f"'{key}' måste vara true eller false")
        return default
    return value


def _date(
    data: Mapping[str, Any], key: str, file: str, entry: str, problems: _Problems,
    required: bool = True,
) -> date | None:
    value = data.get(key)
    if value is None:
        if required:
            problems.add(file, entry, f"'{key}' saknas")
        return None
    if not isinstance(value, date) or hasattr(value, "hour"):
        problems.add(file, entry, f"'{key}' måste vara ett datum (ÅÅÅÅ-MM-DD)")
        return None
    return value


def _str_list(
    data: Mapping[str, Any], key: str, file: str, entry: str, problems: _Problems,
) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.add(file, entry, f"'{key}' måste vara en lista med texter")
        return ()
    return tuple(value)


def _mark(data: Mapping[str, Any], file: str, entry: str, problems: _Problems) -> str:
    mark = data.get("mark")
    if mark not in MARKS:
        problems.add(file, entry, f"'mark' måste vara en av {', '.join(MARKS)} (fick {mark!r})")
        return "U"
    return mark


_LAW_KEYS = {"law", "versions"}
_VERSION_KEYS = {"id", "sfs", "title", "valid_from", "valid_to", "mark", "note", "paragraphs"}
_PARAGRAPH_KEYS = {"citation", "text", "mark", "note"}


def _load_laws(root: Path, problems: _Problems) -> dict[str, Law]:
    folder = root / "catalog" / "laws"
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not files:
        problems.add(_rel(root, folder), "mappen", "inga lagfiler (*.toml) hittades")
        return {}
    laws: dict[str, Law] = {}
    version_owner: dict[str, str] = {}
    for path in files:
        file = _rel(root, path)
        data = _read_toml(root, path, problems)
        if data is None:
            continue
        _check_keys(data, _LAW_KEYS, file, "filen", problems)
        head = data.get("law")
        if not isinstance(head, dict):
            problems.add(file, "[law]", "tabellen [law] med id och name saknas")
            continue
        _check_keys(head, {"id", "name"}, file, "[law]", problems)
        law_id = _str(head, "id", file, "[law]", problems)
        name = _str(head, "name", file, "[law]", problems)
        if law_id is None or name is None:
            continue
        if not _LAW_ID_RE.match(law_id):
            problems.add(file, "[law]", f"id '{law_id}' får bara innehålla bokstäver")
            continue
        if law_id in laws:
            problems.add(file, "[law]", f"lagen '{law_id}' finns redan i en annan fil")
            continue
        raw_versions = data.get("versions")
        if not isinstance(raw_versions, list) or not raw_versions:
            problems.add(file, "[[versions]]", "minst en version krävs")
            continue
        versions = []
        for i, raw in enumerate(raw_versions):
            v = _parse_version(raw, law_id, file, i, problems)
            if v is None:
                continue
            if v.id in version_owner:
                problems.add(file, f"versions[{v.id}]", f"versionen finns redan i {version_owner[v.id]}")
                continue
            version_owner[v.id] = file
            versions.append(v)
        versions.sort(key=lambda v: v.valid_from)
        for a, b in zip(versions, versions[1:]):
            if a.valid_to is None or a.valid_to >= b.valid_from:
                problems.add(
                    file,
                    f"versions[{a.id}]",
                    f"giltighetstiden överlappar {b.id} (valid_to måste vara före {b.valid_from})",
                )
        laws[law_id] = Law(id=law_id, name=name, versions=tuple(versions))
    return laws


def _parse_version(
    raw: Any, law_id: str, file: str, index: int, problems: _Problems
) -> LawVersion | None:
    entry = f"versions[{index}]"
    if not isinstance(raw, dict):
        problems.add(file, entry, "måste vara en tabell")
        return None
    vid = _str(raw, "id", file, entry, problems)
    if vid is not None:
        entry = f"versions[{vid}]"
        if not vid.startswith(law_id + " "):
            problems.add(file, entry, f"id måste börja med '{law_id} ' (t.ex. '{law_id} <SFS-nummer>')")
    _check_keys(raw, _VERSION_KEYS, file, entry, problems)
    sfs = _str(raw, "sfs", file, entry, problems)
    title = _str(raw, "title", file, entry, problems)
    valid_from = _date(raw, "valid_from", file, entry, problems)
    valid_to = _date(raw, "valid_to", file, entry, problems, required=False)
    mark = _mark(raw, file, entry, problems)
    note = raw.get("note", "")
    if valid_from and valid_to and valid_to < valid_from:
        problems.add(file, entry, "valid_to ligger före valid_from")
    pattern = lagrum_pattern(law_id)
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    raw_pars = raw.get("paragraphs", [])
    if not isinstance(raw_pars, list) or not raw_pars:
        problems.add(file, entry, "'paragraphs' måste vara en lista som inte är tom")
        raw_pars = []
    for j, rp in enumerate(raw_pars):
        pentry = f"{entry}.paragraphs[{j}]"
        if not isinstance(rp, dict):
            problems.add(file, pentry, "måste vara en tabell")
            continue
        citation = _str(rp, "citation", file, pentry, problems)
        if citation is not None:
            pentry = f"{entry}.paragraphs['{citation}']"
        _check_keys(rp, _PARAGRAPH_KEYS, file, pentry, problems)
        text = _str(rp, "text", file, pentry, problems)
        pmark = _mark(rp, file, pentry, problems)
        if citation is None or text is None:
            continue
        if not pattern.match(citation):
            problems.add(
                file, pentry,
                f"citeringen '{citation}' har fel form (ska vara '<kapitel> kap. <paragraf> § "
                f"{law_id}' eller '<paragraf> § {law_id}')",
            )
            continue
        if citation in seen:
            problems.add(file, pentry, "paragrafen finns två gånger")
            continue
        seen.add(citation)
        paragraphs.append(Paragraph(citation, text, pmark, str(rp.get("note", ""))))
    if vid is None or sfs is None or title is None or valid_from is None:
        return None
    return LawVersion(
        id=vid, law_id=law_id, sfs=sfs, title=title, valid_from=valid_from, valid_to=valid_to,
        mark=mark, note=str(note), paragraphs=tuple(paragraphs),
    )


def _load_appeal_texts(root: Path, problems: _Problems) -> dict[str, tuple[str, str]]:
    path = root / "catalog" / "appeals.toml"
    file = _rel(root, path)
    data = _read_toml(root, path, problems)
    if data is None:
        return {}
    _check_keys(data, APPEAL_ROUTES, file, "filen", problems)
    result: dict[str, tuple[str, str]] = {}
    for route in APPEAL_ROUTES:
        raw = data.get(route)
        if not isinstance(raw, dict):
            problems.add(file, f"[{route}]", "tabellen saknas")
            continue
        _check_keys(raw, {"title", "text"}, file, f"[{route}]", problems)
        title = _str(raw, "title", file, f"[{route}]", problems)
        text = _str(raw, "text", file, f"[{route}]", problems)
        if title and text:
            result[route] = (title, text.strip())
    return result


def _load_deadline_ids(root: Path, problems: _Problems) -> frozenset[str]:
    """The deadline ids a template may start: those resources/deadlines.toml defines."""
    path = root / "deadlines.toml"
    try:
        return frozenset(load_deadline_rules(path))
    except (DeadlineConfigError, OSError) as exc:
        problems.add(_rel(root, path), "[[deadline]]", str(exc))
        return frozenset()


_TEMPLATE_KEYS = {
    "id", "title", "category", "kind", "approval_pair", "law_version", "valid_from", "lagrum",
    "legacy_lagrum", "lowest_decider", "utskott_only", "utskott_basis", "urgent_route",
    "urgent_basis", "urgent_needs_authorisation", "urgent_starts_deadlines", "starts_deadlines",
    "optional_deadlines", "extends_deadlines", "requires_socionom", "socionom_basis", "mark",
    "note", "wording", "appeal", "statistics", "fields", "deadline_start_fields",
    "deadlines_after_utredning", "closes_utredning", "court_starts_deadlines", "against_party",
}
_FIELD_KEYS = {"name", "label", "required", "kind", "options", "multiline", "required_when",
               "not_after_decision"}
_OPTION_KEYS = {"value", "label", "text", "lagrum", "refuse", "starts_deadlines"}
_REQUIRED_WHEN_KEYS = {"urgent", "field", "values", "late", "from_field"}


class _Resolver:
    """Checks that a citation names a paragraph in the catalog, in the right law version."""

    def __init__(self, laws: Mapping[str, Law]):
        self.laws = laws
        self.versions = {v.id: v for law in laws.values() for v in law.versions}

    def check(self, citation: str, context: LawVersion, on: date) -> str | None:
        """None if ``citation`` is valid; otherwise a Swedish explanation.

        A citation of the context version's own law is looked up in that version; a citation of
        another law is looked up in that law's version in force on ``on``.
        """
        m = _ANY_LAGRUM.match(citation) if isinstance(citation, str) else None
        if m is None:
            return (
                f"lagrummet {citation!r} har fel form (ska vara '<kapitel> kap. <paragraf> § "
                "<lag>' eller '<paragraf> § <lag>')"
            )
        law_id = m.group("law")
        if law_id not in self.laws:
            return f"lagrummet '{citation}' avser en okänd lag '{law_id}'"
        if law_id == context.law_id:
            version = context
        else:
            version = self.laws[law_id].version_on(on)
            if version is None:
                return f"ingen version av {law_id} gällde {on} (lagrummet '{citation}')"
        if version.paragraph(citation) is None:
            return f"lagrummet '{citation}' finns inte i {version.id} i katalogen"
        return None


def _load_templates(
    root: Path,
    laws: Mapping[str, Law],
    appeal_texts: Mapping[str, tuple[str, str]],
    deadline_ids: frozenset[str],
    problems: _Problems,
) -> dict[str, DecisionTemplate]:
    folder = root / "templates"
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not files:
        problems.add(_rel(root, folder), "mappen", "inga beslutsmallar (*.toml) hittades")
        return {}
    resolver = _Resolver(laws)
    templates: dict[str, DecisionTemplate] = {}
    for path in files:
        file = _rel(root, path)
        data = _read_toml(root, path, problems)
        if data is None:
            continue
        t = _parse_template(data, path.stem, file, resolver, appeal_texts, deadline_ids, problems)
        if t is None:
            continue
        if t.id in templates:
            problems.add(file, f"mall {t.id}", f"id finns redan i {templates[t.id].source}")
            continue
        templates[t.id] = t
    # Cross-template rules: refusal → approval pair.
    for t in templates.values():
        entry = f"mall {t.id}"
        if t.kind == "refusal":
            pair = templates.get(t.approval_pair or "")
            if pair is None:
                problems.add(t.source, entry, f"approval_pair '{t.approval_pair}' är ingen känd mall")
            elif pair.kind != "approval":
                problems.add(t.source, entry, f"approval_pair '{pair.id}' är inte ett bifallsbeslut")
            elif pair.utskott_only and not t.utskott_only:
                # An avslag on a reserved matter is as reserved as the bifall.
                problems.add(t.source, entry,
                             f"approval_pair '{pair.id}' är förbehållet utskott ({pair.utskott_basis}); "
                             "avslaget måste också vara det (utskott_only = true)")
            elif pair.category != t.category:
                problems.add(t.source, entry, f"approval_pair '{pair.id}' gäller en annan kategori")
    return templates


def _parse_template(
    data: Mapping[str, Any],
    stem: str,
    file: str,
    resolver: _Resolver,
    appeal_texts: Mapping[str, tuple[str, str]],
    deadline_ids: frozenset[str],
    problems: _Problems,
) -> DecisionTemplate | None:
    tid = _str(data, "id", file, "mallen", problems)
    entry = f"mall {tid or stem}"
    n_before = len(problems.items)
    if tid is not None:
        if not _ID_RE.match(tid):
            problems.add(file, entry, "id får bara innehålla a–z, 0–9 och _")
        elif tid != stem:
            problems.add(file, entry, f"id '{tid}' ska vara samma som filnamnet '{stem}.toml'")
    _check_keys(data, _TEMPLATE_KEYS, file, entry, problems)
    title = _str(data, "title", file, entry, problems)
    category = data.get("category")
    if category not in CATEGORIES:
        problems.add(file, entry, f"category måste vara en av {', '.join(CATEGORIES)} (fick {category!r})")
    kind = data.get("kind")
    if kind not in KINDS:
        problems.add(file, entry, f"kind måste vara en av {', '.join(KINDS)} (fick {kind!r})")
    approval_pair = data.get("approval_pair")
    if kind == "refusal" and not isinstance(approval_pair, str):
        problems.add(file, entry, "ett avslagsbeslut (kind = refusal) måste ange approval_pair")
    if kind != "refusal" and approval_pair is not None:
        problems.add(file, entry, "approval_pair får bara anges för kind = refusal")

    law_version_id = _str(data, "law_version", file, entry, problems)
    context = resolver.versions.get(law_version_id or "")
    if law_version_id is not None and context is None:
        problems.add(file, entry, f"okänd lagversion '{law_version_id}'")
    valid_from = _date(data, "valid_from", file, entry, problems)
    if context and valid_from and not context.valid_on(valid_from):
        problems.add(file, entry, f"{context.id} gällde inte {valid_from} (valid_from)")

    def check_lagrum(citations: Iterable[str], where: str, ctx=context, on=valid_from) -> None:
        if ctx is None or on is None:
            return
        for c in citations:
            err = resolver.check(c, ctx, on)
            if err:
                problems.add(file, f"{entry}, {where}", err)

    lagrum = _str_list(data, "lagrum", file, entry, problems)
    if not lagrum:
        problems.add(file, entry, "'lagrum' får inte vara tom")
    for i, c in enumerate(lagrum):
        check_lagrum([c], f"lagrum[{i}]")

    legacy: dict[str, tuple[str, ...]] = {}
    raw_legacy = data.get("legacy_lagrum", {})
    if not isinstance(raw_legacy, dict):
        problems.add(file, entry, "legacy_lagrum måste vara en tabell: lagversion = [lagrum]")
        raw_legacy = {}
    for vid, cites in raw_legacy.items():
        v = resolver.versions.get(vid)
        where = f"legacy_lagrum['{vid}']"
        if v is None:
            problems.add(file, f"{entry}, {where}", f"okänd lagversion '{vid}'")
            continue
        if vid == law_version_id:
            problems.add(file, f"{entry}, {where}", "är mallens egen lagversion")
            continue
        if not isinstance(cites, list) or not cites or not all(isinstance(c, str) for c in cites):
            problems.add(file, f"{entry}, {where}", "måste vara en lista med lagrum som inte är tom")
            continue
        check_lagrum(cites, where, ctx=v, on=v.valid_to or v.valid_from)
        legacy[vid] = tuple(cites)

    lowest = data.get("lowest_decider")
    if lowest not in LEVELS:
        problems.add(
            file, entry,
            f"lowest_decider '{lowest}' är ingen känd beslutsnivå ({', '.join(LEVELS)})",
        )
    utskott_only = _bool(data, "utskott_only", file, entry, problems)
    utskott_basis = _str(data, "utskott_basis", file, entry, problems, required=False)
    if utskott_only:
        if lowest != "utskott":
            problems.add(file, entry, "utskott_only kräver lowest_decider = \"utskott\"")
        if utskott_basis is None:
            problems.add(file, entry, "utskott_only kräver utskott_basis (lagrummet som förbehåller beslutet utskott)")
        else:
            check_lagrum([utskott_basis], "utskott_basis")
    elif utskott_basis is not None:
        problems.add(file, entry, "utskott_basis får bara anges när utskott_only = true")

    urgent_route = data.get("urgent_route")
    urgent_basis = _str(data, "urgent_basis", file, entry, problems, required=False)
    urgent_auth = _bool(data, "urgent_needs_authorisation", file, entry, problems)
    urgent_deadlines = _str_list(data, "urgent_starts_deadlines", file, entry, problems)
    if urgent_route is not None:
        if urgent_route not in URGENT_ROUTES:
            problems.add(file, entry, f"urgent_route måste vara 'ordforande' (fick {urgent_route!r})")
        if urgent_basis is None:
            problems.add(file, entry, "urgent_route kräver urgent_basis (lagrummet som ger ordföranden rätt att besluta)")
        else:
            check_lagrum([urgent_basis], "urgent_basis")
    else:
        for key in ("urgent_basis", "urgent_needs_authorisation", "urgent_starts_deadlines"):
            if key in data:
                problems.add(file, entry, f"{key} får bara anges tillsammans med urgent_route")

    raw_appeal = data.get("appeal")
    appeal: Appeal | None = None
    if not isinstance(raw_appeal, dict):
        problems.add(file, entry, "tabellen [appeal] med route saknas")
    else:
        _check_keys(raw_appeal, {"route", "basis", "title", "text"}, file, f"{entry}, [appeal]", problems)
        route = raw_appeal.get("route")
        basis = _str(raw_appeal, "basis", file, f"{entry}, [appeal]", problems, required=False)
        if route not in APPEAL_ROUTES:
            problems.add(
                file, f"{entry}, [appeal]",
                f"route måste vara en av {', '.join(APPEAL_ROUTES)} (fick {route!r})",
            )
        else:
            if route != "none" and basis is None:
                problems.add(file, f"{entry}, [appeal]", f"route = {route} kräver basis (lagrum)")
            if basis is not None:
                check_lagrum([basis], "[appeal].basis")
            default_title, default_text = appeal_texts.get(route, ("", ""))
            text = raw_appeal.get("text", default_text)
            if not isinstance(text, str) or not text.strip():
                problems.add(file, f"{entry}, [appeal]", "text måste vara en text som inte är tom")
                text = ""
            appeal = Appeal(
                route=route, basis=basis, title=str(raw_appeal.get("title", default_title)),
                text=text.strip(),
            )

    deadlines = {}
    for key in ("starts_deadlines", "optional_deadlines", "extends_deadlines"):
        deadlines[key] = _str_list(data, key, file, entry, problems)
    deadlines["urgent_starts_deadlines"] = urgent_deadlines
    deadlines["deadlines_after_utredning"] = _str_list(data, "deadlines_after_utredning", file, entry, problems)
    deadlines["court_starts_deadlines"] = _str_list(data, "court_starts_deadlines", file, entry, problems)
    for key, ids in deadlines.items():
        for d in ids:
            if d not in deadline_ids:
                problems.add(file, f"{entry}, {key}", f"okänd frist '{d}' (finns inte i deadlines.toml)")

    requires_socionom = _bool(data, "requires_socionom", file, entry, problems)
    socionom_basis = _str(data, "socionom_basis", file, entry, problems, required=False)
    if requires_socionom and socionom_basis is None:
        problems.add(file, entry, "requires_socionom kräver socionom_basis")
    if socionom_basis is not None:
        check_lagrum([socionom_basis], "socionom_basis")

    statistics = None
    raw_stats = data.get("statistics")
    if raw_stats is not None:
        if not isinstance(raw_stats, dict):
            problems.add(file, entry, "[statistics] måste vara en tabell")
        else:
            _check_keys(raw_stats, {"insats_type", "legal_basis"}, file, f"{entry}, [statistics]", problems)
            it, lb = raw_stats.get("insats_type"), raw_stats.get("legal_basis")
            if it is not None and it not in INSATS_TYPES:
                problems.add(file, f"{entry}, [statistics]", f"okänd insats_type {it!r} ({', '.join(INSATS_TYPES)})")
            if lb is not None and lb not in STATISTICS_LEGAL_BASES:
                problems.add(file, f"{entry}, [statistics]", f"legal_basis måste vara en av {', '.join(STATISTICS_LEGAL_BASES)}")
            if it is None and lb is None:
                problems.add(file, f"{entry}, [statistics]", "tom tabell; ta bort den eller ange insats_type/legal_basis")
            statistics = StatisticsHint(insats_type=it, legal_basis=lb)

    fields = _parse_fields(data.get("fields"), file, entry, check_lagrum, problems)
    wording = _str(data, "wording", file, entry, problems)
    if wording is not None and fields is not None:
        _check_wording(wording, fields, file, entry, problems)
    mark = _mark(data, file, entry, problems)
    closes_utredning = _bool(data, "closes_utredning", file, entry, problems, default=True)
    against_party = _bool(data, "against_party", file, entry, problems)
    if kind == "refusal" and not against_party:
        problems.add(file, entry, "ett avslag går parten emot: ange against_party = true (kommunicering, FL 25 §)")
    start_fields = _deadline_start_fields(data, fields or (), deadline_ids, file, entry, problems)
    if fields:
        _check_field_rules(fields, deadline_ids, file, entry, problems)

    if len(problems.items) > n_before or tid is None or appeal is None or fields is None:
        return None
    return DecisionTemplate(
        id=tid, title=title or "", category=category, kind=kind, approval_pair=approval_pair,
        law_version=law_version_id or "", valid_from=valid_from or date.min, lagrum=lagrum,
        lowest_decider=lowest, utskott_only=utskott_only, utskott_basis=utskott_basis,
        urgent_route=urgent_route, urgent_basis=urgent_basis,
        urgent_needs_authorisation=urgent_auth, appeal=appeal,
        starts_deadlines=deadlines["starts_deadlines"],
        optional_deadlines=deadlines["optional_deadlines"],
        extends_deadlines=deadlines["extends_deadlines"],
        urgent_starts_deadlines=urgent_deadlines,
        requires_socionom=requires_socionom, socionom_basis=socionom_basis,
        statistics=statistics, fields=fields, wording=(wording or "").strip(), mark=mark,
        note=str(data.get("note", "")), source=file,
        legacy_lagrum=MappingProxyType(legacy),
        deadline_start_fields=MappingProxyType(start_fields),
        deadlines_after_utredning=deadlines["deadlines_after_utredning"],
        court_starts_deadlines=deadlines["court_starts_deadlines"],
        closes_utredning=closes_utredning, against_party=against_party,
    )


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
        _check_keys(rf, _FIELD_KEYS, file, fentry, problems)
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
                _check_keys(ro, _OPTION_KEYS, file, oentry, problems)
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
    _check_keys(raw, _REQUIRED_WHEN_KEYS, file, where, problems)
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


# --- Admin JSON -----------------------------------------------------------------------------


def catalog_as_json(catalog: Catalog, on: date | None = None) -> list[dict[str, Any]]:
    """The templates as plain JSON-able dicts, for ``ifodesk-admin catalog --json``.

    With ``on``: the catalog as it applied that day (each template's law version and lagrum in
    force on that date; templates with no version that day are left out).
    """
    rows = []
    for t in sorted(catalog.templates.values(), key=lambda t: t.id):
        law_version, lagrum = t.law_version, list(t.lagrum)
        if on is not None:
            law_version = catalog.law_version_for_decision(t.id, on)
            if not catalog.law_versions[law_version].valid_on(on):
                continue
            lagrum = list(t.lagrum_for(law_version))
        rows.append(
            {
                "id": t.id,
                "title": t.title,
                "category": t.category,
                "kind": t.kind,
                "approval_pair": t.approval_pair,
                "law_version": law_version,
                "lagrum": lagrum,
                "legacy_lagrum": {k: list(v) for k, v in t.legacy_lagrum.items()},
                "lowest_decider": t.lowest_decider,
                "utskott_only": t.utskott_only,
                "utskott_basis": t.utskott_basis,
                "urgent_route": t.urgent_route,
                "urgent_basis": t.urgent_basis,
                "appeal": t.appeal.route,
                "appeal_basis": t.appeal.basis,
                "starts_deadlines": list(t.starts_deadlines),
                "optional_deadlines": list(t.optional_deadlines),
                "extends_deadlines": list(t.extends_deadlines),
                "urgent_starts_deadlines": list(t.urgent_starts_deadlines),
                "requires_socionom": t.requires_socionom,
                "socionom_basis": t.socionom_basis,
                "deadlines_after_utredning": list(t.deadlines_after_utredning),
                "deadline_start_fields": dict(t.deadline_start_fields),
                "statistics": (
                    {"insats_type": t.statistics.insats_type, "legal_basis": t.statistics.legal_basis}
                    if t.statistics
                    else None
                ),
                "fields": [
                    {
                        "name": f.name,
                        "label": f.label,
                        "required": f.required,
                        "kind": f.kind,
                        **({"options": [o.value for o in f.options]} if f.kind == "choice" else {}),
                    }
                    for f in t.fields
                ],
                "mark": t.mark,
                "source": t.source,
            }
        )
    return rows
