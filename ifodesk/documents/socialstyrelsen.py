"""Socialstyrelsen's register över insatser för barn och unga as a semicolon-separated text file.

Socialstyrelsen's portal (Filip) takes semicolon-separated text files. The field order, codes and
encoding are data in ``resources/register/barn_unga.toml`` (with their source and version): the
technical description of HSLF-FS 2016:3 (amended 2016:22) was not reachable when this was written,
so the systemansvarig checks that file against it and corrects it there, without code.

One record per line, no header line. No line may end with a semicolon (Filip's rule for other
collections), so each record ends with a field that is always filled. The first field says the
level: B (barn), I (insats), P (placering). Dates are ÅÅÅÅ-MM-DD; nothing after 31 December of
the report year is written (an empty end date = still going on at the end of the year).

- barn-id: 12-digit personnummer, or a temporary id (T + 11 characters, stable for the child and
  unique within the municipality) when the child has no personnummer; id_typ from the layout
  ([id_type]: P personnummer, S samordningsnummer, T tillfälligt id).
- kon K or M; vardnadshavare, specifikation and placeringsform are codes from the layout file.
- lagrum: the decision's lagrum, each with the law version in force on the decision day,
  "11 kap. 1 § SoL (2025:400)"; lagversion: the decision's law version.
- beslutsdatum: for LVU care the court's judgment where recorded (beslutsdatum_kalla F),
  otherwise the nämnd's decision (N).
- födelseland (child, mother, father) and ensamkommande come from the person's details (schema
  0013), coded as the layout's [country] and [unaccompanied] say (unchecked against
  Socialstyrelsen's technical description); empty where not registered, counted in the validation.

No names or addresses are written: the register identifies children only by personnummer or
temporary id, and a protected person (skyddade personuppgifter) appears exactly like anyone else.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Sequence

from ifodesk.domain.statistics_register import (
    RegisterChild,
    RegisterLayout,
    ValidationReport,
    load_register_layout,
)

__all__ = ["FIELDS", "ENCODING", "register_lines", "write_register", "read_register",
           "format_validation_report"]

_LAYOUT = load_register_layout()
ENCODING = _LAYOUT.encoding
SEPARATOR = _LAYOUT.separator
FIELDS = _LAYOUT.records


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def _clean(value: object, separator: str) -> str:
    # A field never contains the separator or a line break, whatever was typed into a case.
    return str(value if value is not None else "").replace(separator, ",").replace("\r", " ").replace("\n", " ")


def register_lines(municipality_code: str, year: int, children: Sequence[RegisterChild],
                   layout: RegisterLayout | None = None) -> list[str]:
    layout = layout or load_register_layout()
    out = []

    def line(post: str, values: dict[str, object]) -> None:
        values = {"post": post, "kommunkod": municipality_code, "ar": year, **values}
        out.append(layout.separator.join(_clean(values.get(name, ""), layout.separator)
                                         for name in layout.records[post]))

    for c in children:
        head = {"barn_id": c.child_id}
        line("B", {**head, "kon": c.gender or "", "fodelsedatum": _d(c.birth_date), "id_typ": c.id_kind,
                   "fodelseland": c.birth_country or "", "fodelseland_mor": c.mother_birth_country or "",
                   "fodelseland_far": c.father_birth_country or "", "vardnadshavare": c.guardian,
                   "ensamkommande": c.unaccompanied or ""})
        for ins in c.insatser:
            line("I", {**head, "lag": ins.legal_basis, "specifikation": ins.specification or "",
                       "lagrum": ", ".join(ins.lagrum), "lagversion": ins.law_version,
                       "beslutsmall": ins.decision_template or "", "beslutsdatum": _d(ins.decided_on),
                       "beslutsdatum_kalla": ("F" if ins.decided_by_court else "N") if ins.decided_on else "",
                       "startdatum": _d(ins.start_on), "slutdatum": _d(ins.end_on), "insatsnr": ins.number})
            for p in ins.placements:
                line("P", {**head, "placeringsform": p.form or "", "startdatum": _d(p.start_on),
                           "slutdatum": _d(p.end_on), "insatsnr": ins.number, "placeringsnr": p.number})
    return out


def write_register(municipality_code: str, year: int, children: Sequence[RegisterChild], path: str | Path,
                   encoding: str | None = None, layout: RegisterLayout | None = None) -> Path:
    layout = layout or load_register_layout()
    path = Path(path)
    text = "".join(line + layout.line_end for line in register_lines(municipality_code, year, children, layout))
    path.write_bytes(text.encode(encoding or layout.encoding))
    return path


def read_register(path: str | Path, encoding: str | None = None,
                  layout: RegisterLayout | None = None) -> list[dict[str, str]]:
    """Parse a register file back into one dict per record (for checks and tests)."""
    layout = layout or load_register_layout()
    records = []
    text = Path(path).read_bytes().decode(encoding or layout.encoding)
    for n, line in enumerate(text.splitlines(), 1):
        if not line:
            continue
        values = line.split(layout.separator)
        names = layout.records.get(values[0])
        if names is None or len(values) != len(names):
            raise ValueError(f"Rad {n}: okänd post eller fel antal fält: {line!r}")
        records.append(dict(zip(names, values)))
    return records


def format_validation_report(report: ValidationReport) -> str:
    return "\n".join(report.lines()) + "\n"
