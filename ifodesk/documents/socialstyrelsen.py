"""Socialstyrelsen's register över insatser för barn och unga as a semicolon-separated text file.

Socialstyrelsen's portal (Filip) takes semicolon-separated text files. The exact field list of
the annex to HSLF-FS 2016:3 (amended 2016:22) has not been verified (shared/reference/stats.md
§ 2.2, marked [U]), so this is ifodesk's own documented layout of the three levels the
register is built on — barn → insats → placering — ready to be mapped to the annex once read.

One record per line, no header line, CRLF line ends. No line may end with a semicolon
(Filip's rule for other collections), so each record ends with a field that is always filled.
The first field says the level:

    B;kommunkod;år;barn-id;kön;födelsedatum;id-typ
    I;kommunkod;år;barn-id;lag;lagrum;beslutsmall;beslutsdatum;startdatum;slutdatum;insatsnr
    P;kommunkod;år;barn-id;placeringsform;startdatum;slutdatum;insatsnr;placeringsnr

- barn-id: 12-digit personnummer (ÅÅÅÅMMDDNNNN), or a temporary id (T + 11 characters, stable
  for the child and unique within the municipality) when the child has no personnummer;
  id-typ P or T.
- kön: K or M (from the personnummer); empty if unknown (a validation error).
- lag: SoL or LVU; lagrum: the decision's lagrum as cited, separated by ", ".
- Dates ÅÅÅÅ-MM-DD; an empty end date means still going on at the end of the year.
- insatsnr numbers the child's insatser (one per decision), placeringsnr the placements
  within an insats, both from 1 in start-date order.

Encoding: UTF-8 without byte-order mark. Everything but the lagrum field is ASCII; the lagrum
field carries '§', which UTF-8 keeps unambiguous. Should Filip require ISO-8859-1, pass
``encoding="iso-8859-1"``: every character written here exists in it.

No names or addresses are written: the register identifies children only by personnummer or
temporary id, and a protected person (skyddade personuppgifter) appears exactly like anyone else.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Sequence

from ifodesk.domain.statistics_register import RegisterChild, ValidationReport

__all__ = ["FIELDS", "ENCODING", "register_lines", "write_register", "read_register",
           "format_validation_report"]

ENCODING = "utf-8"
SEPARATOR = ";"
FIELDS = {
    "B": ("post", "kommunkod", "ar", "barn_id", "kon", "fodelsedatum", "id_typ"),
    "I": ("post", "kommunkod", "ar", "barn_id", "lag", "lagrum", "beslutsmall", "beslutsdatum", "startdatum",
          "slutdatum", "insatsnr"),
    "P": ("post", "kommunkod", "ar", "barn_id", "placeringsform", "startdatum", "slutdatum", "insatsnr",
          "placeringsnr"),
}


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def _clean(value: object) -> str:
    # A field never contains the separator or a line break, whatever was typed into a case.
    return str(value if value is not None else "").replace(SEPARATOR, ",").replace("\r", " ").replace("\n", " ")


def register_lines(municipality_code: str, year: int, children: Sequence[RegisterChild]) -> list[str]:
    out = []
    for c in children:
        head = (municipality_code, year, c.child_id)
        out.append(_line("B", *head, c.gender or "", _d(c.birth_date), c.id_kind))
        for ins in c.insatser:
            out.append(_line("I", *head, ins.legal_basis, ", ".join(ins.lagrum), ins.decision_template or "",
                             _d(ins.decided_on), _d(ins.start_on), _d(ins.end_on), ins.number))
            for p in ins.placements:
                out.append(_line("P", *head, p.form or "", _d(p.start_on), _d(p.end_on), ins.number, p.number))
    return out


def _line(*fields: object) -> str:
    return SEPARATOR.join(_clean(f) for f in fields)


def write_register(municipality_code: str, year: int, children: Sequence[RegisterChild], path: str | Path,
                   encoding: str = ENCODING) -> Path:
    path = Path(path)
    text = "".join(line + "\r\n" for line in register_lines(municipality_code, year, children))
    path.write_bytes(text.encode(encoding))
    return path


def read_register(path: str | Path, encoding: str = ENCODING) -> list[dict[str, str]]:
    """Parse a register file back into one dict per record (for checks and tests)."""
    records = []
    for n, line in enumerate(Path(path).read_bytes().decode(encoding).splitlines(), 1):
        if not line:
            continue
        values = line.split(SEPARATOR)
        names = FIELDS.get(values[0])
        if names is None or len(values) != len(names):
            raise ValueError(f"Rad {n}: okänd post eller fel antal fält: {line!r}")
        records.append(dict(zip(names, values)))
    return records


def format_validation_report(report: ValidationReport) -> str:
    return "\n".join(report.lines()) + "\n"
