"""Delegationsordning: who may decide what, under the municipality's rules and the law's limits.

The municipality's delegationsordning is data (``resources/delegation/default.toml`` or its own
file). This module loads it, refuses one that breaks the law's prohibitions (utskott-only
matters, urgent routes), and answers the question the UI asks for every proposal: may this person
decide it, and if not, where does it go?

The legal limits come from the catalog (template ``utskott_only``/``utskott_basis``,
``urgent_route``/``urgent_basis``, ``lowest_decider``); no paragraph number is spelled here.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ifodesk.domain.deadlines import add_months
from ifodesk.domain.levels import LEVEL_LABELS, LEVELS

if TYPE_CHECKING:  # the catalog never imports this module (LEVELS live in domain.levels)
    from ifodesk.domain.catalog_models import Catalog, DecisionTemplate

__all__ = [
    "LEVELS",
    "LEVEL_LABELS",
    "EMPLOYEE_LEVELS",
    "UTSKOTT_LEVELS",
    "OPTION_DEFAULTS",
    "level_index",
    "level_label",
    "DelegationOptions",
    "DelegationRule",
    "DelegationOrder",
    "DelegationIssue",
    "DelegationError",
    "Decider",
    "Verdict",
    "DelegationTableRow",
    "load_delegation_order",
    "validate_delegation_order",
    "load_and_validate",
    "check_delegation_file",
    "may_decide",
    "route_for",
    "may_approve",
    "delegation_table",
    "probation_end",
    "URGENT_VALUES",
    "competence_problem",
    "required_level",
]

# Employees (anställda) never cross the utskott line.
EMPLOYEE_LEVELS = LEVELS[: LEVELS.index("ordforande")]
# Those who may take a decision reserved for an utskott.
UTSKOTT_LEVELS = ("utskott", "namnd")
# Who may take urgent decisions where the law gives an urgent route: the ordförande only, or
# also another ledamot the nämnd has appointed (LVU 6 §, 11 §, 27 §; LVM 13 §; KL 6:39).
URGENT_VALUES = ("ordforande", "ordforande_eller_ledamot")

OPTION_DEFAULTS: Mapping[str, Any] = {
    "higher_may_decide": True,
    "refusal_same_level": True,
    "probation_months": 3,
    "self_approval_allowed": False,
    # Who prepares (approves) a proposal before it goes on an utskott agenda.
    "utskott_beredning_level": "forste_socialsekreterare",
    # Members an utskott needs to decide ([I] in law.md: at least three).
    "utskott_min_members": 3,
}


def level_index(level: str) -> int:
    try:
        return LEVELS.index(level)
    except ValueError:
        raise ValueError(f"Okänd beslutsnivå '{level}' (kända: {', '.join(LEVELS)})") from None


def level_label(level: str | None) -> str:
    if level is None:
        return ""
    return LEVEL_LABELS.get(level, level)


def _lower_label(level: str) -> str:
    """Label for use inside a sentence ("Kräver lägst enhetschef")."""
    label = level_label(level)
    return label if label[:1].isdigit() else label[:1].lower() + label[1:]


# --- Data -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DelegationOptions:
    higher_may_decide: bool = True
    refusal_same_level: bool = True
    probation_months: int = 3
    self_approval_allowed: bool = False
    utskott_beredning_level: str = "forste_socialsekreterare"
    utskott_min_members: int = 3


@dataclass(frozen=True)
class DelegationRule:
    """One row of the delegationsordning: decision type → lowest delegate."""

    punkt: str  # the row number, e.g. "1.2"
    template: str  # decision template id
    delegat: str  # level id as written in the file (validated separately)
    ersattare: str | None = None
    urgent: str | None = None  # one of URGENT_VALUES where the template has an urgent route
    anmals: bool = True  # reported to the nämnd (anmälan av delegationsbeslut)
    note: str = ""
    extra_keys: tuple[str, ...] = ()

    @property
    def regular_level(self) -> str:
        """The level for ordinary (non-urgent) decisions.

        A row that names the ordförande for an utskott matter is read as "utskott; the
        ordförande in urgent cases" (validation accepts that only where an urgent route exists).
        """
        if self.delegat == "ordforande" and self.urgent in URGENT_VALUES:
            return "utskott"
        return self.delegat


@dataclass(frozen=True)
class DelegationOrder:
    rules: tuple[DelegationRule, ...]
    options: DelegationOptions = field(default_factory=DelegationOptions)
    name: str = ""
    source: str = "<text>"
    unknown_option_keys: tuple[str, ...] = ()
    unknown_top_keys: tuple[str, ...] = ()
    raw_options: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def rule_for(self, template_id: str) -> DelegationRule | None:
        for r in self.rules:
            if r.template == template_id:
                return r
        return None


@dataclass(frozen=True)
class DelegationIssue:
    """A problem in a delegationsordning. ``severity`` is "error" (refused) or "warning"."""

    entry: str
    message: str  # Swedish
    lagrum: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "Fel" if self.severity == "error" else "Varning"
        return f"{prefix}: {self.entry}: {self.message}"


class DelegationError(ValueError):
    """The delegationsordning cannot be used. ``issues`` lists what is wrong (Swedish)."""

    def __init__(self, message: str, issues: tuple[DelegationIssue, ...] = ()):
        self.issues = tuple(issues)
        super().__init__(message)


@dataclass(frozen=True)
class Decider:
    """A person who may take decisions. ``level`` is one of LEVELS.

    ``employed_since`` drives the probation rule (None: no probation, e.g. politicians).
    ``may_decide_children``: has a socionom degree or equivalent; ``experienced``: the nämnd
    has judged the experience enough. Both are needed to *do* the child work a template marks
    (förhandsbedömning, utredning, uppföljning), not to sign the decision.
    ``urgent_appointed``: a ledamot the nämnd has appointed to take urgent decisions.
    """

    user_id: str
    name: str
    level: str
    employed_since: date | None = None
    may_decide_children: bool = True
    experienced: bool = True
    urgent_appointed: bool = False


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str  # Swedish; shown in the UI
    required_level: str | None
    route: str  # "sign" | "approval" | "utskott" | "urgent"
    lagrum: str | None = None  # the legal rule that decided, if any
    punkt: str | None = None  # the delegationsordning row that decided, if any


# --- Loading --------------------------------------------------------------------------------

_TOP_KEYS = {"meta", "options", "rule"}
_RULE_KEYS = {"punkt", "template", "delegat", "ersattare", "urgent", "anmals", "note"}


def load_delegation_order(path_or_text: str | Path) -> DelegationOrder:
    """Parse a delegationsordning from a file path or TOML text.

    Raises DelegationError (Swedish message) for a missing/unreadable file, broken TOML or a
    structure that cannot be read. Unknown templates, levels and option keys are kept and
    reported by :func:`validate_delegation_order`.
    """
    text, source = _read_source(path_or_text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DelegationError(f"{source}: ogiltig TOML: {exc}") from None

    problems: list[str] = []
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        problems.append("[meta] måste vara en tabell")
        meta = {}
    raw_options = data.get("options", {})
    if not isinstance(raw_options, dict):
        problems.append("[options] måste vara en tabell")
        raw_options = {}
    options, option_problems = _parse_options(raw_options)
    problems.extend(option_problems)

    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        problems.append("[[rule]] måste vara en lista med tabeller")
        raw_rules = []
    rules: list[DelegationRule] = []
    for i, rr in enumerate(raw_rules):
        where = f"rule[{i}]"
        if not isinstance(rr, dict):
            problems.append(f"{where}: måste vara en tabell")
            continue
        if isinstance(rr.get("punkt"), str):
            where = f"punkt {rr['punkt']}"
        missing = [k for k in ("punkt", "template", "delegat") if not isinstance(rr.get(k), str)]
        if missing:
            problems.append(f"{where}: saknar {', '.join(missing)} (text)")
            continue
        for key in ("ersattare", "urgent", "note"):
            if key in rr and not isinstance(rr[key], str):
                problems.append(f"{where}: '{key}' måste vara en text")
        anmals = rr.get("anmals", True)
        if not isinstance(anmals, bool):
            problems.append(f"{where}: 'anmals' måste vara true eller false")
            anmals = True
        rules.append(
            DelegationRule(
                punkt=rr["punkt"],
                template=rr["template"],
                delegat=rr["delegat"],
                ersattare=rr.get("ersattare") if isinstance(rr.get("ersattare"), str) else None,
                urgent=rr.get("urgent") if isinstance(rr.get("urgent"), str) else None,
                anmals=anmals,
                note=rr.get("note", "") if isinstance(rr.get("note"), str) else "",
                extra_keys=tuple(sorted(k for k in rr if k not in _RULE_KEYS)),
            )
        )
    if problems:
        raise DelegationError(
            f"{source}: delegationsordningen kan inte läsas:\n" + "\n".join(f"- {p}" for p in problems),
            tuple(DelegationIssue(source, p) for p in problems),
        )
    return DelegationOrder(
        rules=tuple(rules),
        options=options,
        name=str(meta.get("name", "")),
        source=source,
        unknown_option_keys=tuple(sorted(k for k in raw_options if k not in OPTION_DEFAULTS)),
        unknown_top_keys=tuple(sorted(k for k in data if k not in _TOP_KEYS)),
        raw_options=dict(raw_options),
    )


def _read_source(path_or_text: str | Path) -> tuple[str, str]:
    if isinstance(path_or_text, Path) or (
        isinstance(path_or_text, str) and "\n" not in path_or_text and "=" not in path_or_text
    ):
        path = Path(path_or_text)
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except FileNotFoundError:
            raise DelegationError(f"Filen {path} finns inte") from None
        except IsADirectoryError:
            raise DelegationError(f"{path} är en mapp, inte en fil") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise DelegationError(f"Filen {path} kan inte läsas: {exc}") from None
    return str(path_or_text), "<text>"


def _parse_options(raw: Mapping[str, Any]) -> tuple[DelegationOptions, list[str]]:
    problems: list[str] = []
    values = dict(OPTION_DEFAULTS)
    for key, default in OPTION_DEFAULTS.items():
        if key not in raw:
            continue
        value = raw[key]
        if isinstance(default, bool):
            if not isinstance(value, bool):
                problems.append(f"options.{key}: måste vara true eller false")
                continue
        elif isinstance(default, int):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                problems.append(f"options.{key}: måste vara ett heltal (0 eller mer)")
                continue
        elif not isinstance(value, str):
            problems.append(f"options.{key}: måste vara en text")
            continue
        values[key] = value
    return DelegationOptions(**values), problems


# --- Validation -----------------------------------------------------------------------------


def validate_delegation_order(order: DelegationOrder, catalog: Catalog) -> list[DelegationIssue]:
    """Everything wrong with ``order`` given the law (catalog). Errors mean: refuse the file."""
    issues: list[DelegationIssue] = []

    def err(entry: str, message: str, lagrum: str | None = None) -> None:
        issues.append(DelegationIssue(entry, message, lagrum, "error"))

    def warn(entry: str, message: str, lagrum: str | None = None) -> None:
        issues.append(DelegationIssue(entry, message, lagrum, "warning"))

    for key in order.unknown_top_keys:
        err(key, f"okänd tabell eller nyckel '{key}' (tillåtna: {', '.join(sorted(_TOP_KEYS))})")
    for key in order.unknown_option_keys:
        err(
            f"options.{key}",
            f"okänt alternativ '{key}' (tillåtna: {', '.join(OPTION_DEFAULTS)})",
        )
    if order.options.utskott_beredning_level not in EMPLOYEE_LEVELS:
        err(
            "options.utskott_beredning_level",
            f"'{order.options.utskott_beredning_level}' är ingen tjänstemannanivå "
            f"({', '.join(EMPLOYEE_LEVELS)})",
        )

    seen_templates: dict[str, str] = {}
    seen_punkt: set[str] = set()
    for rule in order.rules:
        entry = f"punkt {rule.punkt}"
        if rule.punkt in seen_punkt:
            warn(entry, "punktnumret används mer än en gång")
        seen_punkt.add(rule.punkt)
        for key in rule.extra_keys:
            err(entry, f"okänd nyckel '{key}' (tillåtna: {', '.join(sorted(_RULE_KEYS))})")
        template = catalog.templates.get(rule.template)
        if template is None:
            err(entry, f"okänd beslutsmall '{rule.template}'")
            continue
        if rule.template in seen_templates:
            err(entry, f"Mall {rule.template} finns redan i punkt {seen_templates[rule.template]}")
            continue
        seen_templates[rule.template] = rule.punkt
        issues.extend(_check_rule(rule, template))

    for tid in sorted(catalog.templates):
        if tid not in seen_templates:
            warn(
                f"mall {tid}",
                f"Mall {tid} saknas i delegationsordningen – beslutet fattas då av nämnden",
            )

    if order.options.refusal_same_level:
        for rule in order.rules:
            t = catalog.templates.get(rule.template)
            if t is None or t.kind != "refusal" or rule.delegat not in LEVELS:
                continue
            pair_rule = order.rule_for(t.approval_pair or "")
            if pair_rule and pair_rule.regular_level in LEVELS and level_index(
                pair_rule.regular_level
            ) > level_index(rule.regular_level):
                warn(
                    f"punkt {rule.punkt}",
                    f"Mall {t.id}: avslag har lägre delegat än bifall (punkt {pair_rule.punkt}); "
                    f"enligt refusal_same_level krävs ändå lägst {_lower_label(pair_rule.regular_level)}",
                )
    return issues


def _check_rule(rule: DelegationRule, t: DecisionTemplate) -> list[DelegationIssue]:
    issues: list[DelegationIssue] = []
    entry = f"punkt {rule.punkt}"
    for key, level in (("delegat", rule.delegat), ("ersattare", rule.ersattare)):
        if level is None:
            continue
        if level not in LEVELS:
            issues.append(
                DelegationIssue(
                    entry,
                    f"Mall {t.id}: {key} '{level}' är ingen känd beslutsnivå "
                    f"({', '.join(LEVELS)})",
                )
            )
            continue
        problem = _level_problem(t, level, rule.urgent, key)
        if problem:
            issues.append(DelegationIssue(entry, *problem))
    if (
        rule.ersattare in LEVELS
        and rule.delegat in LEVELS
        and level_index(rule.ersattare) < level_index(rule.regular_level)
    ):
        issues.append(
            DelegationIssue(
                entry,
                f"Mall {t.id}: ersättaren '{rule.ersattare}' har lägre nivå än delegaten "
                f"'{rule.regular_level}' och får inte besluta i ifodesk",
                None,
                "warning",
            )
        )
    if rule.urgent is not None:
        if rule.urgent not in URGENT_VALUES:
            issues.append(
                DelegationIssue(
                    entry,
                    f"Mall {t.id}: urgent måste vara {' eller '.join(repr(v) for v in URGENT_VALUES)} "
                    f"(fick '{rule.urgent}')",
                )
            )
        elif t.urgent_route is None:
            issues.append(
                DelegationIssue(
                    entry,
                    f"Mall {t.id}: brådskande beslut av ordföranden är inte tillåtet – mallen har "
                    "ingen brådskande beslutsväg"
                    + (
                        f"; beslutet får enligt {t.utskott_basis} endast fattas av utskott eller nämnd"
                        if t.utskott_only
                        else ""
                    ),
                    t.utskott_basis,
                )
            )
    if rule.delegat == "ordforande" and t.urgent_route and rule.urgent is None:
        # The ordförande has no ordinary power here; only the urgent route of the special law.
        issues.append(
            DelegationIssue(
                entry,
                f"Mall {t.id}: ordföranden får besluta bara när nämndens beslut inte kan avvaktas "
                f"({t.urgent_basis}); ordinarie beslut fattas av utskottet. Skriv delegat = \"utskott\" och "
                "urgent = \"ordforande\" (eller \"ordforande_eller_ledamot\").",
                t.urgent_basis,
            )
        )
    return issues


def _level_problem(
    t: DecisionTemplate, level: str, urgent: str | None, key: str
) -> tuple[str, str | None] | None:
    """(message, lagrum) if ``level`` may not be the delegat/ersättare for ``t``."""
    if t.utskott_only and level not in UTSKOTT_LEVELS:
        if level == "ordforande" and t.urgent_route == "ordforande" and urgent in URGENT_VALUES:
            return None  # read as: urgent decisions by the ordförande
        extra = (
            ", och mallen har ingen brådskande beslutsväg för ordföranden"
            if level == "ordforande"
            else ""
        )
        return (
            f"Mall {t.id}: {key} '{level}' är inte tillåten – beslutet får enligt "
            f"{t.utskott_basis} endast fattas av utskott eller nämnd{extra}",
            t.utskott_basis,
        )
    if level_index(level) < level_index(t.lowest_decider):
        return (
            f"Mall {t.id}: {key} '{level}' är lägre än mallens lägsta beslutsnivå "
            f"'{t.lowest_decider}' ({_lower_label(t.lowest_decider)})",
            None,
        )
    return None


def load_and_validate(path_or_text: str | Path, catalog: Catalog) -> DelegationOrder:
    """Load and validate; raise DelegationError listing every error (warnings are allowed)."""
    order = load_delegation_order(path_or_text)
    issues = validate_delegation_order(order, catalog)
    errors = tuple(i for i in issues if i.severity == "error")
    if errors:
        raise DelegationError(
            f"{order.source}: delegationsordningen är inte tillåten:\n"
            + "\n".join(f"- {i.entry}: {i.message}" for i in errors),
            errors,
        )
    return order


def check_delegation_file(path: str | Path, catalog: Catalog) -> list[DelegationIssue]:
    """For ``ifodesk-admin delegation check FILE``: all issues, including unreadable files."""
    try:
        order = load_delegation_order(Path(path))
    except DelegationError as exc:
        return list(exc.issues) or [DelegationIssue(str(path), str(exc))]
    return validate_delegation_order(order, catalog)


# --- Deciding -------------------------------------------------------------------------------


def probation_end(order: DelegationOrder, decider: Decider) -> date | None:
    """First day a new employee may decide (None: no probation applies)."""
    if decider.employed_since is None or decider.level not in EMPLOYEE_LEVELS:
        return None
    if order.options.probation_months <= 0:
        return None
    return add_months(decider.employed_since, order.options.probation_months)


def _effective_rule(order: DelegationOrder, t: DecisionTemplate) -> DelegationRule:
    rule = order.rule_for(t.id)
    if rule is None or rule.regular_level not in LEVELS:
        # Without delegation the nämnd decides itself.
        return DelegationRule(punkt="", template=t.id, delegat="namnd")
    return rule


def _required(
    order: DelegationOrder, catalog: Catalog, t: DecisionTemplate
) -> tuple[str, DelegationRule, bool]:
    """(lowest level, the rule that set it, whether it came from the refusal's approval pair)."""
    rule = _effective_rule(order, t)
    level = rule.regular_level
    if t.utskott_only and level not in UTSKOTT_LEVELS:
        level = "utskott"  # the law wins over a broken order
    if level_index(level) < level_index(t.lowest_decider):
        level = t.lowest_decider
    if order.options.refusal_same_level and t.kind == "refusal" and t.approval_pair:
        pair = catalog.templates.get(t.approval_pair)
        if pair is not None:
            pair_level, pair_rule, _ = _required(order, catalog, pair)
            if level_index(pair_level) > level_index(level):
                return pair_level, pair_rule, True
    return level, rule, False


def required_level(order: DelegationOrder, catalog: Catalog, template_id: str) -> str:
    """The lowest level that decides ``template_id`` under ``order`` and the law (refusals
    follow their approval where the order says so)."""
    return _required(order, catalog, catalog.template(template_id))[0]


def _punkt_text(rule: DelegationRule) -> str:
    return f" (punkt {rule.punkt})" if rule.punkt else " (ingen punkt – nämnden beslutar)"


def _urgent_allowed(order: DelegationOrder, t: DecisionTemplate) -> bool:
    if t.urgent_route is None:
        return False
    if not t.urgent_needs_authorisation:
        return True
    rule = order.rule_for(t.id)
    return rule is not None and rule.urgent in URGENT_VALUES


def competence_problem(t: DecisionTemplate, worker: Decider) -> str | None:
    """Why ``worker`` may not do the child work ``t`` rests on (None: they may).

    The socionom rule is about doing the förhandsbedömning, utredning, assessment of need and
    follow-up, not about signing; a chef without the degree may still decide under delegation.
    """
    if not t.requires_socionom:
        return None
    if not worker.may_decide_children:
        return (f"Arbetet kräver socionomexamen eller annan relevant examen ({t.socionom_basis}); "
                "det är inte registrerat för handläggaren.")
    if not worker.experienced:
        return (f"Arbetet kräver tillräcklig erfarenhet ({t.socionom_basis}); nämnden har inte "
                "bedömt handläggarens erfarenhet som tillräcklig.")
    return None


def may_decide(
    order: DelegationOrder,
    catalog: Catalog,
    template_id: str,
    decider: Decider,
    on_date: date,
    urgent: bool = False,
) -> Verdict:
    """May ``decider`` take a decision of ``template_id`` on ``on_date``?"""
    t = catalog.template(template_id)
    level_index(decider.level)  # unknown level → ValueError
    if urgent:
        return _may_decide_urgent(order, t, decider)

    required, rule, from_pair = _required(order, catalog, t)
    punkt = rule.punkt or None
    is_employee = decider.level in EMPLOYEE_LEVELS

    # 1. The law: utskott-only matters (and matters the order gives to an utskott).
    if required in UTSKOTT_LEVELS:
        ok = decider.level in UTSKOTT_LEVELS and level_index(decider.level) >= level_index(required)
        if t.utskott_only:
            reason = f"Beslutet är förbehållet utskottet enligt {t.utskott_basis}"
            lagrum = t.utskott_basis
        else:
            reason = f"Kräver beslut av {_lower_label(required)} enligt delegationsordningen{_punkt_text(rule)}"
            lagrum = None
        if required == "namnd" and t.utskott_only:
            reason += "; delegationsordningen förbehåller det nämnden"
        if ok:
            return Verdict(True, f"{level_label(decider.level)} får fatta beslutet", required,
                           "utskott", lagrum, punkt)
        if decider.level == "ordforande" and t.urgent_route:
            reason += f" – ordföranden får besluta endast i brådskande fall ({t.urgent_basis})"
        return Verdict(False, reason, required, "utskott", lagrum, punkt)

    # 2. The level the order requires.
    if not _level_reaches(order, decider.level, required, rule):
        prefix = "Avslag kräver samma nivå som bifall, lägst" if from_pair else "Kräver lägst"
        return Verdict(
            False,
            f"{prefix} {_lower_label(required)} enligt delegationsordningen{_punkt_text(rule)}",
            required,
            "approval",
            None,
            punkt,
        )

    # 3. New staff (probation) and the socionom requirement apply to employees only.
    if is_employee:
        end = probation_end(order, decider)
        if end is not None and on_date < end:
            return Verdict(
                False,
                f"Nyanställd: beslutanderätt först från {end.isoformat()}",
                required,
                "approval",
                None,
                punkt,
            )
    route = "utskott" if decider.level in UTSKOTT_LEVELS else "sign"
    return Verdict(
        True,
        f"{level_label(decider.level)} får fatta beslutet enligt delegationsordningen{_punkt_text(rule)}",
        required,
        route,
        None,
        punkt,
    )


def _level_reaches(order: DelegationOrder, level: str, required: str, rule: DelegationRule) -> bool:
    if level == required or level == "namnd":
        return True  # the nämnd keeps the power it delegated
    if rule.ersattare == level and level_index(level) >= level_index(required):
        return True  # the named ersättare (when higher_may_decide is off)
    if level == "ordforande":
        # The ordförande is no link in the employees' chain: only where the order names them.
        return False
    return order.options.higher_may_decide and level_index(level) >= level_index(required)


def _may_decide_urgent(order: DelegationOrder, t: DecisionTemplate, decider: Decider) -> Verdict:
    rule = order.rule_for(t.id)
    punkt = rule.punkt if rule else None
    if t.urgent_route is None:
        return Verdict(
            False,
            f"{t.title}: det finns ingen brådskande beslutsväg – beslutet måste fattas i "
            "ordinarie ordning",
            None,
            "urgent",
            t.utskott_basis,
            punkt,
        )
    if not _urgent_allowed(order, t):
        return Verdict(
            False,
            f"Nämnden har inte förordnat ordföranden att fatta brådskande beslut om {t.title.lower()} "
            f"({t.urgent_basis})",
            "ordforande",
            "urgent",
            t.urgent_basis,
            punkt,
        )
    rule_value = rule.urgent if rule is not None and rule.urgent else "ordforande"
    appointed = (decider.urgent_appointed and decider.level not in EMPLOYEE_LEVELS
                 and rule_value == "ordforande_eller_ledamot")
    if decider.level == "ordforande" or appointed:
        return Verdict(
            True,
            f"Brådskande beslut enligt {t.urgent_basis}; beslutet ska anmälas vid nämndens nästa "
            "sammanträde",
            "ordforande",
            "urgent",
            t.urgent_basis,
            punkt,
        )
    if decider.level in UTSKOTT_LEVELS:
        return Verdict(
            True, f"{level_label(decider.level)} får fatta beslutet", "ordforande", "utskott",
            t.utskott_basis, punkt,
        )
    return Verdict(
        False,
        f"Brådskande beslut får endast fattas av ordföranden eller en ledamot som nämnden har "
        f"förordnat ({t.urgent_basis})",
        "ordforande",
        "urgent",
        t.urgent_basis,
        punkt,
    )


def route_for(
    order: DelegationOrder,
    catalog: Catalog,
    template_id: str,
    drafter: Decider,
    on_date: date,
    urgent: bool = False,
) -> Verdict:
    """What happens with a proposal drafted by ``drafter``.

    "sign": the drafter may decide; "approval": goes to ``required_level``; "utskott": goes on
    an utskott agenda (after beredning); "urgent": goes to the ordförande.
    """
    verdict = may_decide(order, catalog, template_id, drafter, on_date, urgent)
    if verdict.allowed or verdict.route != "urgent" or verdict.required_level is None:
        # allowed; or goes for approval / to the utskott; or there is no urgent route at all
        return verdict
    return Verdict(
        False,
        f"Förslaget går till ordföranden för brådskande beslut ({verdict.lagrum}); "
        "beslutet anmäls vid nämndens nästa sammanträde",
        "ordforande",
        "urgent",
        verdict.lagrum,
        verdict.punkt,
    )


def may_approve(
    order: DelegationOrder,
    catalog: Catalog,
    template_id: str,
    drafter: Decider,
    approver: Decider,
    on_date: date,
) -> Verdict:
    """May ``approver`` approve (attest) ``drafter``'s proposal?

    For utskott matters approval is the beredning before the agenda (lowest level
    ``utskott_beredning_level``); otherwise approving is deciding, so :func:`may_decide` applies.
    The drafter may not approve their own proposal unless ``self_approval_allowed``.
    """
    t = catalog.template(template_id)
    if approver.user_id == drafter.user_id and not order.options.self_approval_allowed:
        return Verdict(
            False,
            "Du kan inte godkänna ditt eget förslag; en annan behörig person måste godkänna det",
            None,
            "approval",
        )
    required, rule, _ = _required(order, catalog, t)
    if required in UTSKOTT_LEVELS:
        need = order.options.utskott_beredning_level
        if approver.level in EMPLOYEE_LEVELS and level_index(approver.level) >= level_index(need):
            end = probation_end(order, approver)
            if end is not None and on_date < end:
                return Verdict(False, f"Nyanställd: beslutanderätt först från {end.isoformat()}",
                               need, "utskott", None, rule.punkt or None)
            return Verdict(
                True,
                f"Förslaget kan godkännas för utskottets föredragningslista av {_lower_label(approver.level)}",
                need,
                "utskott",
                t.utskott_basis,
                rule.punkt or None,
            )
        return Verdict(
            False,
            f"Förslag till utskottet godkänns av lägst {_lower_label(need)} innan det tas upp på "
            "föredragningslistan",
            need,
            "utskott",
            t.utskott_basis,
            rule.punkt or None,
        )
    return may_decide(order, catalog, template_id, approver, on_date)


# --- Table for the admin view / PDF ---------------------------------------------------------


@dataclass(frozen=True)
class DelegationTableRow:
    nr: str
    arende: str
    lagrum: str
    delegat: str
    ersattare: str
    anmals: bool
    anmarkning: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "nr": self.nr,
            "arende": self.arende,
            "lagrum": self.lagrum,
            "delegat": self.delegat,
            "ersattare": self.ersattare,
            "anmals": self.anmals,
            "anmarkning": self.anmarkning,
        }


def _punkt_key(punkt: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\s]+", punkt) if p)


def delegation_table(order: DelegationOrder, catalog: Catalog) -> list[DelegationTableRow]:
    """The rows of the delegationsordning as a reader expects them (Nr | Ärende | Lagrum | ...)."""
    rows = []
    for rule in sorted(order.rules, key=lambda r: _punkt_key(r.punkt)):
        t = catalog.templates.get(rule.template)
        if t is None:
            continue
        delegat = level_label(rule.regular_level)
        if rule.urgent == "ordforande" and t.urgent_route:
            delegat += f"; ordföranden i brådskande fall ({t.urgent_basis})"
        elif rule.urgent == "ordforande_eller_ledamot" and t.urgent_route:
            delegat += (f"; ordföranden eller förordnad ledamot i brådskande fall ({t.urgent_basis}), "
                        "anmäls vid nämndens nästa sammanträde")
        notes = [rule.note] if rule.note else []
        if t.utskott_only:
            notes.append(f"Får inte delegeras till tjänsteman ({t.utskott_basis})")
        rows.append(
            DelegationTableRow(
                nr=rule.punkt,
                arende=t.title,
                lagrum=", ".join(t.lagrum),
                delegat=delegat,
                ersattare=level_label(rule.ersattare),
                anmals=rule.anmals,
                anmarkning=" ".join(notes),
            )
        )
    return rows
