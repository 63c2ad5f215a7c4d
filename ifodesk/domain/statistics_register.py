"""Socialstyrelsen's register över insatser för barn och unga: child → insats → placering,
and the validation rules run before a file is written."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping, Sequence

from ifodesk.resources import resource_path


# --- Layout and codes (resources/register/barn_unga.toml) -----------------------------------

class RegisterLayoutError(ValueError):
    pass


@dataclass(frozen=True)
class Specification:
    code: str
    label: str
    law: str
    all_of: tuple[str, ...]


@dataclass(frozen=True)
class RegisterLayout:
    """Field order, codes and encoding of the file, as data the systemansvarig can correct."""

    source: Mapping[str, str]
    encoding: str
    separator: str
    line_end: str
    records: Mapping[str, tuple[str, ...]]
    missing: Mapping[str, str]  # field -> why ifodesk leaves it empty
    placement_forms: Mapping[str, str]  # insats kind -> code
    placement_labels: Mapping[str, str]  # code -> label
    specifications: tuple[Specification, ...]
    guardian: Mapping[str, str]
    country_codes: Mapping[str, str] = field(default_factory=dict)  # ifodesk code -> register code
    mother_roles: tuple[str, ...] = ("vardnadshavare", "forelder")
    father_roles: tuple[str, ...] = ("vardnadshavare", "forelder")
    unaccompanied: Mapping[str, str] = field(default_factory=lambda: {"yes": "J", "no": "N"})
    id_types: Mapping[str, str] = field(
        default_factory=lambda: {"personnummer": "P", "samordningsnummer": "S", "temporary": "T"})

    def id_type(self, identity: str | None) -> str:
        """id_typ for a stored 12-digit number (day 61–91: samordningsnummer), else temporary."""
        if not identity or len(identity) != 12 or not identity.isdigit():
            return self.id_types["temporary"]
        return self.id_types["samordningsnummer" if int(identity[6:8]) > 60 else "personnummer"]

    def country(self, code: str | None) -> str | None:
        """The register's code for an ifodesk födelseland code (resources/countries.toml)."""
        return self.country_codes.get(code, code) if code else None

    def unaccompanied_code(self, value: bool | None) -> str | None:
        return None if value is None else self.unaccompanied["yes" if value else "no"]

    def placement_form(self, kind: str) -> str | None:
        return self.placement_forms.get(kind)

    def specification(self, legal_basis: str, lagrum: Sequence[str]) -> str | None:
        """The first rule whose law matches and whose every lagrum the decision cites."""
        cited = {_bare(x) for x in lagrum}
        for spec in self.specifications:
            if spec.law == legal_basis and all(x in cited for x in spec.all_of):
                return spec.code
        return None


def _bare(citation: str) -> str:
    """'6 § LVU (1990:52)' -> '6 § LVU': rules name paragraphs without the law version."""
    return re.sub(r"\s*\(\d{4}:\d+\)$", "", citation.strip())


@lru_cache(maxsize=4)
def load_register_layout(path: Path | None = None) -> RegisterLayout:
    path = path or resource_path("register/barn_unga.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        f = data["file"]
        records = {k: tuple(v) for k, v in data["records"].items()}
        for kind, fields in records.items():
            if not fields or fields[0] != "post":
                raise RegisterLayoutError(f"{path}: posten {kind} ska börja med fältet post")
        forms, labels = {}, {}
        for raw in data.get("placement_form", []):
            labels[raw["code"]] = raw["label"]
            for kind in raw["kinds"]:
                forms[kind] = raw["code"]
        specs = tuple(Specification(s["code"], s["label"], s["law"], tuple(s.get("all_of", [])))
                      for s in data.get("specification", []))
        country = data.get("country", {})
        return RegisterLayout(dict(data.get("source", {})), f["encoding"], f["separator"], f["line_end"],
                              records, dict(data.get("missing", {})), forms, labels, specs,
                              dict(data["guardian"]), dict(country.get("codes", {})),
                              tuple(country.get("mother", ("vardnadshavare", "forelder"))),
                              tuple(country.get("father", ("vardnadshavare", "forelder"))),
                              {k: data["unaccompanied"][k] for k in ("yes", "no")},
                              {k: data.get("id_type", {}).get(k, d) for k, d in
                               (("personnummer", "P"), ("samordningsnummer", "S"), ("temporary", "T"))})
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise RegisterLayoutError(f"{path}: registerlayouten kan inte läsas: {exc}") from exc


@dataclass(frozen=True)
class OppenvardCategory:
    code: str
    label: str
    kinds: tuple[str, ...]


@lru_cache(maxsize=4)
def load_oppenvard(path: Path | None = None) -> tuple[OppenvardCategory, ...]:
    """Socialstyrelsen's split of öppenvård (resources/register/oppenvard.toml)."""
    path = path or resource_path("register/oppenvard.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return tuple(OppenvardCategory(c["code"], c["label"], tuple(c["kinds"])) for c in data["category"])
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise RegisterLayoutError(f"{path}: öppenvårdens indelning kan inte läsas: {exc}") from exc


def clip_to_year(d: date | None, year: int) -> date | None:
    """Nothing after 31 December of the report year: a later end date means 'still going on'."""
    return None if d is None or d > date(year, 12, 31) else d


@dataclass(frozen=True)
class Guardian:
    role: str  # vardnadshavare | sarskilt_forordnad
    gender: str | None


def guardian_code(layout: RegisterLayout, guardians: Sequence[Guardian], age: int | None) -> str:
    """Vårdnadshavare as a code: two guardians, one (by gender), särskilt förordnad, none."""
    g = layout.guardian
    if any(x.role == "sarskilt_forordnad" for x in guardians):
        return g["appointed"]
    if len(guardians) >= 2:
        return g["both"]
    if len(guardians) == 1:
        return {"K": g["mother"], "M": g["father"]}.get(guardians[0].gender or "", g["one_unknown"])
    if age is not None and age >= 18:
        return g["adult"]
    return g["unknown"]


def versioned_lagrum(citation: str, on: date | None, sfs_for: Callable[[str, date], str | None],
                     decision_version: str = "") -> str:
    """'11 kap. 1 § SoL' -> '11 kap. 1 § SoL (2025:400)': the same number means different things in
    2001:453 and 2025:400. The decision's own law version wins when it names the cited law;
    otherwise the version in force on the decision day."""
    m = re.search(r"§\s+(\w+)$", citation.strip())
    if not m or re.search(r"\(\d{4}:\d+\)$", citation):
        return citation
    law = m.group(1)
    own = re.fullmatch(rf"{re.escape(law)}\s+(\d{{4}}:\d+)", decision_version.strip())
    sfs = own.group(1) if own else (sfs_for(law, on) if on else None)
    return f"{citation} ({sfs})" if sfs else citation


@dataclass(frozen=True)
class RegisterPlacement:
    number: int
    form: str | None  # placeringsform code from the layout (FH, JH, HVB, SIS …); None if unknown
    kind: str  # ifodesk's insats kind, as registered
    start_on: date | None
    end_on: date | None
    source_id: str  # the insats row, for tracing a problem back


@dataclass(frozen=True)
class RegisterInsats:
    number: int
    legal_basis: str  # SoL | LVU
    lagrum: tuple[str, ...]  # as cited in the decision, each with its law version: "6 § LVU (1990:52)"
    decision_id: str | None
    decision_template: str | None
    decision_status: str | None
    decided_on: date | None  # the court's judgment where recorded, else the nämnd's decision
    placements: tuple[RegisterPlacement, ...]
    specification: str | None = None  # SoL/LVU specification code; None if no rule matched
    law_version: str = ""  # the decision's law version, e.g. "SoL 2025:400"
    decided_by_court: bool = False  # decided_on is the court's judgment (F), else the nämnd's (N)

    @property
    def start_on(self) -> date | None:
        starts = [p.start_on for p in self.placements if p.start_on]
        return min(starts) if starts else None

    @property
    def end_on(self) -> date | None:
        """The last placement's end; None while any placement is still going on."""
        if any(p.end_on is None for p in self.placements):
            return None
        return max(p.end_on for p in self.placements)  # type: ignore[type-var]


@dataclass(frozen=True)
class RegisterChild:
    child_id: str  # 12-digit personnummer or samordningsnummer, or the temporary id
    id_kind: str  # layout [id_type]: P personnummer, S samordningsnummer, T tillfälligt id
    gender: str | None
    birth_date: date | None
    case_numbers: tuple[str, ...]  # for the validation report only, never in the file
    insatser: tuple[RegisterInsats, ...]
    guardian: str = ""  # vårdnadshavare code (layout [guardian])
    birth_country: str | None = None  # register code (layout [country]); None = not registered
    mother_birth_country: str | None = None
    father_birth_country: str | None = None
    unaccompanied: str | None = None  # ensamkommande, layout [unaccompanied] code; None = not registered


@dataclass(frozen=True)
class RegisterIssue:
    severity: str  # fel | varning
    code: str
    message: str
    case_number: str

    def __str__(self) -> str:
        return f"{self.severity.upper()}: {self.case_number}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    year: int
    children: int
    insatser: int
    placements: int
    issues: tuple[RegisterIssue, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[RegisterIssue, ...]:
        return tuple(i for i in self.issues if i.severity == "fel")

    @property
    def warnings(self) -> tuple[RegisterIssue, ...]:
        return tuple(i for i in self.issues if i.severity == "varning")

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    def lines(self) -> list[str]:
        head = (f"Valideringsrapport för registret över insatser för barn och unga {self.year}: "
                f"{self.children} barn, {self.insatser} insatser, {self.placements} placeringar; "
                f"{len(self.errors)} fel, {len(self.warnings)} varningar.")
        out = [head]
        counts: dict[tuple[str, str], int] = {}
        for i in self.issues:
            counts[(i.severity, i.code)] = counts.get((i.severity, i.code), 0) + 1
        if counts:
            out.append("Per slag: " + "; ".join(f"{n} × {ISSUE_LABELS.get(code, code)} ({sev})"
                                                for (sev, code), n in counts.items()) + ".")
        out += [str(i) for i in self.errors]
        out += [str(i) for i in self.warnings]
        if not self.issues:
            out.append("Inga fel eller varningar.")
        elif self.has_errors:
            out.append("Filen skapas inte förrän felen är rättade (eller med --force / ”Exportera ändå”).")
        return out


ISSUE_LABELS = {
    "saknar_kon": "kön saknas",
    "saknar_datum": "datum saknas",
    "slut_fore_start": "slutdatum före startdatum",
    "utan_beslut": "placering utan fattat beslut",
    "tillfalligt_id": "tillfälligt id (personnummer saknas)",
    "samordningsnummer": "samordningsnummer i stället för personnummer",
    "saknar_fodelsedatum": "födelsedatum saknas",
    "okand_placeringsform": "placeringsform framgår inte",
    "start_fore_beslut": "placering före beslut",
    "okand_specifikation": "lagrummets specifikation framgår inte",
    "namndens_datum": "LVU-vård utan registrerad dom: nämndens beslutsdatum används",
    "uppgift_saknas": "uppgift som saknas",
}

# LVU care decided by the court on the nämnd's application: the register wants the judgment's date.
COURT_DECIDED_TEMPLATES = ("lvu_ansokan_vard",)


def temporary_id(person_key: str) -> str:
    """A stable id for a child without personnummer, unique within the municipality.

    Derived from the person's internal id, so the same child keeps it from year to year.
    """
    return "T" + person_key.replace("-", "")[:11].upper()


def validate_register(year: int, children: Sequence[RegisterChild],
                      layout: RegisterLayout | None = None) -> ValidationReport:
    """Check what Socialstyrelsen will reject or question; 'fel' blocks the export."""
    layout = layout or load_register_layout()
    issues: list[RegisterIssue] = []
    if children:
        for name, why in layout.missing.items():
            issues.append(RegisterIssue("varning", "uppgift_saknas",
                                        f"Fältet {name} lämnas tomt för alla barn: {why}", "(hela filen)"))

    # Born-in and ensamkommande: one line for the whole file, so a missing value is seen without
    # a warning per child (the fields are optional in the person's details).
    for attr, what in (("birth_country", "barnets födelseland"), ("mother_birth_country", "moderns födelseland"),
                       ("father_birth_country", "faderns födelseland"), ("unaccompanied", "ensamkommande")):
        lacking = sum(1 for c in children if getattr(c, attr) is None)
        if lacking:
            issues.append(RegisterIssue(
                "varning", "uppgift_saknas",
                f"Uppgiften {what} saknas för {lacking} av {len(children)} barn; fältet lämnas tomt. "
                "Registrera den i personuppgifterna (fliken Parter/Nätverk för föräldrarna).", "(hela filen)"))

    def add(sev: str, code: str, msg: str, child: RegisterChild) -> None:
        issues.append(RegisterIssue(sev, code, msg, ", ".join(child.case_numbers) or "(inget ärende)"))

    n_ins = n_pl = 0
    for c in children:
        if c.gender is None:
            add("fel", "saknar_kon", "Personen saknar kön: inget personnummer och inget registrerat kön.", c)
        if c.id_kind == layout.id_types["temporary"]:
            add("varning", "tillfalligt_id",
                f"Barnet saknar personnummer; det tillfälliga id:t {c.child_id} används.", c)
        elif c.id_kind == layout.id_types["samordningsnummer"]:
            add("varning", "samordningsnummer",
                "Barnet har samordningsnummer, inte personnummer; det skrivs som id (id_typ "
                f"{c.id_kind}). Kontrollera mot den tekniska beskrivningen.", c)
        if c.birth_date is None:
            add("varning", "saknar_fodelsedatum", "Födelsedatum saknas.", c)
        for ins in c.insatser:
            n_ins += 1
            label = f"Insats {ins.number} ({ins.legal_basis})"
            if ins.decision_id is None:
                add("fel", "utan_beslut", f"{label}: placeringen saknar beslut.", c)
            elif ins.decision_status != "beslutad":
                add("fel", "utan_beslut",
                    f"{label}: beslutet är inte fattat (status {ins.decision_status}).", c)
            elif ins.decided_on is None:
                add("fel", "saknar_datum", f"{label}: beslutsdatum saknas.", c)
            if ins.specification is None:
                add("varning", "okand_specifikation",
                    f"{label}: lagrummet ({', '.join(ins.lagrum) or 'inget'}) ger ingen specifikation.", c)
            if (ins.legal_basis == "LVU" and ins.decision_template in COURT_DECIDED_TEMPLATES
                    and not ins.decided_by_court and ins.decided_on is not None):
                add("varning", "namndens_datum",
                    f"{label}: rättens dom är inte registrerad; nämndens beslutsdatum "
                    f"{ins.decided_on.isoformat()} skrivs.", c)
            for p in ins.placements:
                n_pl += 1
                plabel = f"{label}, placering {p.number}"
                if p.start_on is None:
                    add("fel", "saknar_datum", f"{plabel}: startdatum saknas.", c)
                if p.start_on and p.end_on and p.end_on < p.start_on:
                    add("fel", "slut_fore_start",
                        f"{plabel}: slutdatum {p.end_on.isoformat()} ligger före startdatum "
                        f"{p.start_on.isoformat()}.", c)
                if p.form is None:
                    add("varning", "okand_placeringsform",
                        f"{plabel}: placeringsformen framgår inte (insatstyp {p.kind}).", c)
                if p.start_on and ins.decided_on and p.start_on < ins.decided_on and not ins.decided_by_court:
                    add("varning", "start_fore_beslut",
                        f"{plabel}: placeringen började {p.start_on.isoformat()}, före beslutet "
                        f"{ins.decided_on.isoformat()}.", c)
    issues.sort(key=lambda i: (i.severity != "fel", i.case_number, i.code))
    return ValidationReport(year, len(children), n_ins, n_pl, tuple(issues))


__all__ = ["OppenvardCategory", "load_oppenvard", "RegisterLayout", "RegisterLayoutError", "Specification", "load_register_layout", "clip_to_year",
           "Guardian", "guardian_code", "versioned_lagrum", "COURT_DECIDED_TEMPLATES", "RegisterPlacement", "RegisterInsats", "RegisterChild", "RegisterIssue", "ValidationReport",
           "validate_register", "temporary_id", "ISSUE_LABELS"]
