"""The legal catalog's typed models: laws, versions, paragraphs, decision templates and the
errors that name file, entry and field (Swedish). Pure data; the loader fills them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType


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
    # Issue 13: the kinds Socialstyrelsen counts (öppenvård split, placeringsformer SiS and eget hem).
    "oppenvard_program",
    "oppenvard_personligt_stod",
    "kvalificerad_kontaktperson",  # insats.kind is at most 30 characters
    "natverkshem",
    "sis",
    "eget_hem",
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
    lowest_decider: str  # one of levels.LEVELS
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
    # What the court rules on: "understallning" (fastställer/upphäver, LVU 6 §, LVM 13 §) or
    # "ansokan" (bifall/avslag/delvis, LVU 4 §); None: the decision never goes to the court.
    court_ruling: str | None = None
    # Deadlines counted from the day vård under the judgment began (verkställighet, LVU 13 §).
    court_care_starts_deadlines: tuple[str, ...] = ()
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
