"""Socialstyrelsen's register över insatser för barn och unga: child → insats → placering,
and the validation rules run before a file is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Sequence


@dataclass(frozen=True)
class RegisterPlacement:
    number: int
    form: str | None  # placeringsform (familjehem, jourhem, hvb, stodboende …); None if unknown
    kind: str  # ifodesk's insats kind, as registered
    start_on: date | None
    end_on: date | None
    source_id: str  # the insats row, for tracing a problem back


@dataclass(frozen=True)
class RegisterInsats:
    number: int
    legal_basis: str  # SoL | LVU
    lagrum: tuple[str, ...]  # as cited in the decision
    decision_id: str | None
    decision_template: str | None
    decision_status: str | None
    decided_on: date | None
    placements: tuple[RegisterPlacement, ...]

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
    child_id: str  # 12-digit personnummer, or the temporary id
    id_kind: str  # P = personnummer, T = tillfälligt id
    gender: str | None
    birth_date: date | None
    case_numbers: tuple[str, ...]  # for the validation report only, never in the file
    insatser: tuple[RegisterInsats, ...]


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
    "saknar_fodelsedatum": "födelsedatum saknas",
    "okand_placeringsform": "placeringsform framgår inte",
    "start_fore_beslut": "placering före beslut",
}


def temporary_id(person_key: str) -> str:
    """A stable id for a child without personnummer, unique within the municipality.

    Derived from the person's internal id, so the same child keeps it from year to year.
    """
    return "T" + person_key.replace("-", "")[:11].upper()


def validate_register(year: int, children: Sequence[RegisterChild]) -> ValidationReport:
    """Check what Socialstyrelsen will reject or question; 'fel' blocks the export."""
    issues: list[RegisterIssue] = []

    def add(sev: str, code: str, msg: str, child: RegisterChild) -> None:
        issues.append(RegisterIssue(sev, code, msg, ", ".join(child.case_numbers) or "(inget ärende)"))

    n_ins = n_pl = 0
    for c in children:
        if c.gender is None:
            add("fel", "saknar_kon", "Personen saknar kön: inget personnummer och inget registrerat kön.", c)
        if c.id_kind == "T":
            add("varning", "tillfalligt_id",
                f"Barnet saknar personnummer; det tillfälliga id:t {c.child_id} används.", c)
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
                if p.start_on and ins.decided_on and p.start_on < ins.decided_on:
                    add("varning", "start_fore_beslut",
                        f"{plabel}: placeringen började {p.start_on.isoformat()}, före beslutet "
                        f"{ins.decided_on.isoformat()}.", c)
    issues.sort(key=lambda i: (i.severity != "fel", i.case_number, i.code))
    return ValidationReport(year, len(children), n_ins, n_pl, tuple(issues))


__all__ = ["RegisterPlacement", "RegisterInsats", "RegisterChild", "RegisterIssue", "ValidationReport",
           "validate_register", "temporary_id", "ISSUE_LABELS"]
