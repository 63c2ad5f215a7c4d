"""What the data marks as not read in the statute text: [I] inferred, [U] not verified (law.md).

The list the jurist reviews (docs/ej-verifierat.md) is generated from the data by
scripts/list-unverified.py, so a new template or deadline marked I or U shows up there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ifodesk.domain.catalog_models import Catalog

MARK_WORDS = {"I": "slutsats", "U": "ej verifierat"}


@dataclass(frozen=True)
class Unverified:
    kind: str  # lagversion | paragraf | mall | frist
    key: str  # the id a reviewer searches for in resources/
    mark: str  # I | U
    where: str  # file under resources/
    what: str  # the entry's own note or text


def unverified(catalog: Catalog, deadline_rules: Mapping) -> list[Unverified]:
    out: list[Unverified] = []
    for law in catalog.laws.values():
        for v in law.versions:
            if v.mark in MARK_WORDS:
                out.append(Unverified("lagversion", v.id, v.mark, f"catalog/laws ({law.id})", v.note or v.title))
            for p in v.paragraphs:
                if p.mark in MARK_WORDS:
                    out.append(Unverified("paragraf", f"{p.citation} ({v.id})", p.mark, f"catalog/laws ({law.id})",
                                          p.note or p.text))
    for t in sorted(catalog.templates.values(), key=lambda t: t.id):
        if t.mark in MARK_WORDS:
            out.append(Unverified("mall", t.id, t.mark, t.source, t.note))
    for rid, r in sorted(deadline_rules.items()):
        if getattr(r, "mark", "V") in MARK_WORDS:
            out.append(Unverified("frist", rid, r.mark, "deadlines.toml", r.description))
    return out


def markdown_rows(items: list[Unverified]) -> str:
    lines = ["| slag | id | märkning | fil | vad som inte är läst i lagtexten |", "|---|---|---|---|---|"]
    for u in items:
        text = " ".join(u.what.split()).replace("|", "\\|")
        lines.append(f"| {u.kind} | `{u.key}` | [{u.mark}] {MARK_WORDS[u.mark]} | {u.where} | {text} |")
    return "\n".join(lines) + "\n"
