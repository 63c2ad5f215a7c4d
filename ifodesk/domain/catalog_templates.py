"""Validating the decision templates: keys, levels, lagrum in the right law version, appeal,
deadlines, urgent routes and refusal pairs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ifodesk.domain.catalog_schema import TemplateModel, keys, validate
from ifodesk.domain.levels import LEVELS
from ifodesk.domain.catalog_models import (  # noqa: F401
    APPEAL_ROUTES,
    Appeal,
    CATEGORIES,
    DecisionTemplate,
    INSATS_TYPES,
    KINDS,
    Law,
    LawVersion,
    STATISTICS_LEGAL_BASES,
    StatisticsHint,
    URGENT_ROUTES,
    _ANY_LAGRUM,
    _ID_RE,
    _Problems,
)
from ifodesk.domain.catalog_readers import (  # noqa: F401
    _bool,
    _date,
    _mark,
    _read_toml,
    _rel,
    _str,
    _str_list,
)
from ifodesk.domain.catalog_fields import (  # noqa: F401
    _check_field_rules,
    _check_wording,
    _deadline_start_fields,
    _parse_fields,
)

_TEMPLATE_KEYS = keys(TemplateModel)  # the typed model (catalog_schema) is the one list
COURT_RULINGS = ("understallning", "ansokan")


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
    typed = validate(TemplateModel, data, file, entry, problems)
    if typed is None:
        return None  # every type problem of the file is reported; the rules below need typed data
    data = typed.model_dump(exclude_none=True)
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
    deadlines["court_care_starts_deadlines"] = _str_list(data, "court_care_starts_deadlines", file, entry, problems)
    court_ruling = data.get("court_ruling")
    if court_ruling is None and (deadlines["court_starts_deadlines"] or deadlines["court_care_starts_deadlines"]):
        court_ruling = "understallning"  # files written before court_ruling existed
    if court_ruling is not None and court_ruling not in COURT_RULINGS:
        problems.add(file, entry, f"court_ruling måste vara en av {', '.join(COURT_RULINGS)}")
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
        court_ruling=court_ruling,
        court_care_starts_deadlines=deadlines["court_care_starts_deadlines"],
        closes_utredning=closes_utredning, against_party=against_party,
    )
