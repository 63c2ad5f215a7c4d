"""Every count the workbook shows, under one key, and the sums that tie them together.

The suppression plan (domain/statistics_suppression.py) reads these: a figure shown on two
sheets has one key, so it is hidden on both or on neither, and every total shown beside its parts
is a relation, so no hidden cell can be worked back from the workbook.
"""

from __future__ import annotations

from ifodesk.domain.statistics_report import GenderCount, StatisticsReport
from ifodesk.domain.statistics_suppression import Relation

__all__ = ["workbook_cells", "GENDER_KEYS"]

GENDER_KEYS = ("T", "K", "M", "U")


def _gender(values: dict, relations: list, key: tuple, g: GenderCount) -> None:
    for code, n in zip(GENDER_KEYS, (g.total, g.k, g.m, g.unknown)):
        values[(*key, code)] = n
    relations.append(Relation((*key, "T"), tuple((*key, c) for c in GENDER_KEYS[1:])))


def workbook_cells(r: StatisticsReport) -> tuple[dict[tuple, int], list[Relation]]:
    v: dict[tuple, int] = {}
    rel: list[Relation] = []

    def part_of(total: tuple, parts: list[tuple]) -> None:
        rel.append(Relation(total, tuple(parts)))

    a = r.anmalningar
    v[("anm", "reports")], v[("anm", "child")], v[("anm", "unique")] = a.reports, a.child_reports.total, a.unique_children
    for x in a.by_reporter:
        v[("anm", "rep", x.code)] = x.count
    part_of(("anm", "reports"), [("anm", "rep", x.code) for x in a.by_reporter])
    for x in a.by_reason:  # a report may name several reasons: no sum
        v[("anm", "reason", x.code)] = x.count
    for x in a.by_reason_group:
        v[("anm", "group", x.code)] = x.count
    for x in a.by_age_gender:
        for code, n in zip(GENDER_KEYS, (x.total, x.k, x.m, x.unknown)):
            v[("anm", "age", x.band, code)] = n
        part_of(("anm", "age", x.band, "T"), [("anm", "age", x.band, c) for c in GENDER_KEYS[1:]])
    part_of(("anm", "child"), [("anm", "age", x.band, "T") for x in a.by_age_gender])
    for m in a.per_month:
        v[("anm", "month", m.code)] = m.count
    part_of(("anm", "reports"), [("anm", "month", m.code) for m in a.per_month])

    f = r.forhandsbedomningar
    v[("fb", "decided")], v[("fb", "within")], v[("fb", "syn")] = f.decided, f.days.within, f.synnerliga_skal
    v[("fb", "started")], v[("fb", "open")] = f.started, f.open_at_end
    for x in f.by_outcome:
        v[("fb", "out", x.code)] = x.count
    part_of(("fb", "decided"), [("fb", "out", x.code) for x in f.by_outcome])
    # Not shown, but closed minus within gives it: a small remainder must hide its complement.
    v[("fb", "late")] = f.decided - f.days.within
    part_of(("fb", "decided"), [("fb", "within"), ("fb", "late")])

    u = r.utredningar
    _gender(v, rel, ("ut", "opened"), u.opened)
    _gender(v, rel, ("ut", "closed"), u.closed)
    v[("ut", "within")], v[("ut", "extended")] = u.days.within, u.extended
    v[("ut", "extdec")], v[("ut", "open")] = u.extension_decisions, u.open_at_end
    for x in u.by_outcome:
        v[("ut", "out", x.code)] = x.count
    part_of(("ut", "closed", "T"), [("ut", "out", x.code) for x in u.by_outcome])
    v[("ut", "late")], v[("ut", "not_extended")] = u.closed.total - u.days.within, u.closed.total - u.extended
    part_of(("ut", "closed", "T"), [("ut", "within"), ("ut", "late")])
    part_of(("ut", "closed", "T"), [("ut", "extended"), ("ut", "not_extended")])

    b = r.beslut
    v[("besl", "total")] = b.total
    for name, rows in (("route", b.by_route), ("level", b.by_level), ("tmpl", b.by_template)):
        for x in rows:
            v[("besl", name, x.code)] = x.count
        part_of(("besl", "total"), [("besl", name, x.code) for x in rows])
    for x in b.by_lagrum:  # a decision may cite several: no sum
        v[("besl", "lagrum", x.code)] = x.count

    i = r.insatser
    for x in i.rows:
        k = ("ins", x.kind, x.legal_basis)
        v[(*k, "started")], v[(*k, "ended")], v[(*k, "ongoing")], v[(*k, "persons")] = (
            x.started, x.ended, x.ongoing, x.persons)
    v[("ins", "started")] = sum(x.started for x in i.rows)
    part_of(("ins", "started"), [("ins", x.kind, x.legal_basis, "started") for x in i.rows])
    _gender(v, rel, ("ins", "placed", "during"), i.placed_children)
    _gender(v, rel, ("ins", "placed", "end"), i.placed_at_end)
    for x in r.oppenvard:  # a child may have several kinds: no sum
        v[("ov", x.code)] = x.count
    for x in r.aterakt:
        v[("rka", x.band, "base")], v[("rka", x.band, "not")] = x.base, x.not_reactualised
        v[("rka", x.band, "re")] = x.base - x.not_reactualised
        part_of(("rka", x.band, "base"), [("rka", x.band, "not"), ("rka", x.band, "re")])

    for law in (r.lvu, r.lvm):
        k = ("lag", law.law)
        v[(*k, "decisions")], v[(*k, "urgent")] = law.decisions, law.urgent
        v[(*k, "persons")], v[(*k, "end")] = law.persons.total, law.persons_at_end
        for t in law.by_template:
            v[(*k, "tmpl", t.template_id, "decisions")], v[(*k, "tmpl", t.template_id, "urgent")] = t.decisions, t.urgent
        for what in ("decisions", "urgent"):
            part_of((*k, what), [(*k, "tmpl", t.template_id, what) for t in law.by_template])
        for x in law.persons_by_age:
            for code, n in zip(GENDER_KEYS, (x.total, x.k, x.m, x.unknown)):
                v[(*k, "age", x.band, code)] = n
            part_of((*k, "age", x.band, "T"), [(*k, "age", x.band, c) for c in GENDER_KEYS[1:]])
        part_of((*k, "persons"), [(*k, "age", x.band, "T") for x in law.persons_by_age])

    kept = judged = 0
    for x in r.tidsbevakning:
        k = ("tid", x.unit, x.kind)
        v[(*k, "due")], v[(*k, "kept")], v[(*k, "missed")], v[(*k, "pending")] = x.due, x.kept, x.missed, x.pending
        v[(*k, "judged")] = x.kept + x.missed  # the share's base
        part_of((*k, "due"), [(*k, "kept"), (*k, "missed"), (*k, "pending")])
        part_of((*k, "judged"), [(*k, "kept"), (*k, "missed")])
        kept, judged = kept + x.kept, judged + x.kept + x.missed
    v[("tid", "kept")], v[("tid", "judged")] = kept, judged
    part_of(("tid", "kept"), [("tid", x.unit, x.kind, "kept") for x in r.tidsbevakning])
    part_of(("tid", "judged"), [("tid", x.unit, x.kind, "judged") for x in r.tidsbevakning])

    for measure, genders in r.kolada_values.items():
        for g, n in genders.items():
            if isinstance(n, int):
                v[("kol", measure, g)] = n
        if {"T", "K", "M"} <= set(genders):
            # T = K + M + unknown gender, which Kolada does not show: taken as 0, which hides more, not less.
            part_of(("kol", measure, "T"), [("kol", measure, "K"), ("kol", measure, "M")])
    return v, rel
