"""Delegationsordning: who may decide, checked against the law's prohibitions (domain/law.md)."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from ifodesk.domain.catalog import load_catalog
from ifodesk.domain.delegation import (
    competence_problem,
    LEVELS,
    Decider,
    DelegationError,
    check_delegation_file,
    delegation_table,
    load_and_validate,
    load_delegation_order,
    may_approve,
    may_decide,
    probation_end,
    route_for,
    validate_delegation_order,
)
from ifodesk.resources import resource_path

# The ladder in law.md, lowest first. Employees are the first five.
LADDER = (
    "handlaggare",
    "forste_socialsekreterare",
    "enhetschef",
    "ifo_chef",
    "socialchef",
    "ordforande",
    "utskott",
    "namnd",
)
EMPLOYEES = LADDER[:5]
DAY = date(2026, 12, 1)
DEFAULT_FILE = resource_path("delegation", "default.toml")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def order(catalog):
    return load_and_validate(DEFAULT_FILE, catalog)


@pytest.fixture(scope="module")
def raw_default() -> dict:
    return tomllib.loads(DEFAULT_FILE.read_text(encoding="utf-8"))


def person(level: str, **kw) -> Decider:
    return Decider(user_id=kw.pop("user_id", f"u-{level}"), name=level.title(), level=level, **kw)


def toml_text(options: dict, rules: list[dict]) -> str:
    """A minimal TOML writer for the test orders (strings, bools, ints)."""

    def val(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        return '"' + str(v) + '"'

    lines = ["[options]"] + [f"{k} = {val(v)}" for k, v in options.items()]
    for r in rules:
        lines.append("")
        lines.append("[[rule]]")
        lines += [f"{k} = {val(v)}" for k, v in r.items()]
    return "\n".join(lines) + "\n"


def variant(raw_default: dict, options: dict | None = None, **rule_changes: dict) -> str:
    """The default order as text, with some options and rules changed (template id → changes)."""
    opts = dict(raw_default["options"]) | (options or {})
    rules = []
    for r in raw_default["rule"]:
        r = dict(r)
        r.update(rule_changes.get(r["template"], {}))
        rules.append({k: v for k, v in r.items() if v is not None})
    return toml_text(opts, rules)


def errors(issues):
    return [i for i in issues if i.severity == "error"]


# --- The default ---------------------------------------------------------------------------


def test_levels_are_the_ladder_of_law_md():
    assert LEVELS == LADDER


def test_default_order_validates_cleanly(catalog):
    order = load_delegation_order(DEFAULT_FILE)
    assert validate_delegation_order(order, catalog) == []
    assert check_delegation_file(DEFAULT_FILE, catalog) == []
    assert {r.template for r in order.rules} == set(catalog.templates)
    opts = order.options
    assert (opts.higher_may_decide, opts.refusal_same_level, opts.probation_months,
            opts.self_approval_allowed) == (True, True, 3, False)


def test_default_never_gives_utskott_matters_to_employees(catalog, order):
    for rule in order.rules:
        t = catalog.template(rule.template)
        if t.utskott_only:
            assert rule.delegat in ("utskott", "namnd")
            assert rule.ersattare in (None, "utskott", "namnd")


# --- The matrix: every level × every template ------------------------------------------------


def expected_allowed(level: str, t, rules: dict, urgent: bool = False) -> bool:
    """Independent statement of the rules (law.md + the default's options)."""
    rule = rules[t.id]
    if urgent:
        if t.urgent_route != "ordforande":
            return False  # no urgent route: nobody decides "urgently"
        if t.urgent_needs_authorisation and rule.get("urgent") not in ("ordforande", "ordforande_eller_ledamot"):
            return False
        return level in ("ordforande", "utskott", "namnd")
    if t.utskott_only:
        # SoL 30:6–9: only an utskott or the nämnd; never an employee; ordförande only urgently.
        return level in ("utskott", "namnd")
    required = rule["delegat"]
    if t.kind == "refusal":  # refusal_same_level = true in the default
        pair_level = rules[t.approval_pair]["delegat"]
        if LADDER.index(pair_level) > LADDER.index(required):
            required = pair_level
    if required in ("utskott", "namnd"):
        return level in ("utskott", "namnd") and LADDER.index(level) >= LADDER.index(required)
    if level == "namnd":
        return True
    if level == "ordforande":
        return required == "ordforande"  # the ordförande decides urgent matters, not employees' ones
    return LADDER.index(level) >= LADDER.index(required)  # higher_may_decide = true


def _matrix_ids():
    return [(lv, tid) for lv in LADDER for tid in sorted(load_catalog().templates)]


@pytest.mark.parametrize(("level", "template_id"), _matrix_ids())
def test_matrix(catalog, order, raw_default, level, template_id):
    rules = {r["template"]: r for r in raw_default["rule"]}
    t = catalog.template(template_id)
    v = may_decide(order, catalog, template_id, person(level), DAY)
    assert v.allowed is expected_allowed(level, t, rules), v.reason
    assert v.reason
    if t.utskott_only:
        assert v.route == "utskott" and v.lagrum == t.utskott_basis
        if not v.allowed:
            assert t.utskott_basis in v.reason
    elif v.allowed:
        assert v.route == ("utskott" if level in ("utskott", "namnd") else "sign")
    if level in EMPLOYEES and (t.utskott_only or rules[t.id]["delegat"] in ("utskott", "namnd")):
        assert not v.allowed  # employees never cross the utskott line


@pytest.mark.parametrize(("level", "template_id"), _matrix_ids())
def test_matrix_urgent(catalog, order, raw_default, level, template_id):
    rules = {r["template"]: r for r in raw_default["rule"]}
    t = catalog.template(template_id)
    v = may_decide(order, catalog, template_id, person(level), DAY, urgent=True)
    assert v.allowed is expected_allowed(level, t, rules, urgent=True), v.reason
    if level == "ordforande" and v.allowed:
        assert v.route == "urgent" and v.lagrum == t.urgent_basis
        assert "nästa sammanträde" in v.reason


def test_reason_names_level_and_punkt(catalog, order):
    v = may_decide(order, catalog, "inte_inleda_utredning", person("handlaggare"), DAY)
    assert not v.allowed
    assert v.reason == "Kräver lägst 1:e socialsekreterare enligt delegationsordningen (punkt 1.2)"
    assert (v.required_level, v.route, v.punkt) == ("forste_socialsekreterare", "approval", "1.2")
    v = may_decide(order, catalog, "lvu_omedelbart_omhandertagande", person("socialchef"), DAY)
    assert v.reason == "Beslutet är förbehållet utskottet enligt 30 kap. 7 § SoL"


def test_ordforande_without_urgency_is_told_why(catalog, order):
    v = may_decide(order, catalog, "lvu_omedelbart_omhandertagande", person("ordforande"), DAY)
    assert not v.allowed
    assert "brådskande" in v.reason and "6 § LVU" in v.reason


# --- Urgent decisions ----------------------------------------------------------------------


def test_urgent_without_urgent_route_is_refused_for_everyone(catalog, order):
    for level in LADDER:
        v = may_decide(order, catalog, "lvu_ansokan_vard", person(level), DAY, urgent=True)
        assert not v.allowed
        assert "ingen brådskande beslutsväg" in v.reason


def test_urgent_lvu_6_by_ordforande(catalog, order):
    v = may_decide(order, catalog, "lvu_omedelbart_omhandertagande", person("ordforande"), DAY, urgent=True)
    assert v.allowed and v.route == "urgent" and v.lagrum == "6 § LVU"
    v = may_decide(order, catalog, "lvu_omedelbart_omhandertagande", person("socialchef"), DAY, urgent=True)
    assert not v.allowed and "ordföranden" in v.reason


def test_urgent_route_needing_authorisation(catalog, raw_default):
    # KL 6:39: the nämnd must appoint the ordförande; LVU 6 § gives the power directly.
    text = variant(raw_default, vard_jourhem={"urgent": None},
                   lvu_omedelbart_omhandertagande={"urgent": None})
    order = load_and_validate(text, catalog)
    v = may_decide(order, catalog, "vard_jourhem", person("ordforande"), DAY, urgent=True)
    assert not v.allowed and "inte förordnat" in v.reason and v.lagrum == "6 kap. 39 § KL"
    v = may_decide(order, catalog, "lvu_omedelbart_omhandertagande", person("ordforande"), DAY, urgent=True)
    assert v.allowed


# --- Forbidden delegationsordningar ----------------------------------------------------------


def test_familjehem_to_enhetschef_is_refused(catalog, raw_default):
    text = variant(raw_default, vard_familjehem={"delegat": "enhetschef"})
    issues = errors(validate_delegation_order(load_delegation_order(text), catalog))
    assert [(i.entry, i.lagrum) for i in issues] == [("punkt 2.5", "30 kap. 6 § SoL")]
    assert issues[0].message == (
        "Mall vard_familjehem: delegat 'enhetschef' är inte tillåten – beslutet får enligt "
        "30 kap. 6 § SoL endast fattas av utskott eller nämnd"
    )
    with pytest.raises(DelegationError) as exc:
        load_and_validate(text, catalog)
    assert "30 kap. 6 § SoL" in str(exc.value)


def test_lvu_6_to_handlaggare_is_refused(catalog, raw_default):
    text = variant(raw_default, lvu_omedelbart_omhandertagande={"delegat": "handlaggare"})
    issues = errors(validate_delegation_order(load_delegation_order(text), catalog))
    assert len(issues) == 1 and issues[0].lagrum == "30 kap. 7 § SoL"
    assert "delegat 'handlaggare' är inte tillåten" in issues[0].message


def test_lvu_4_to_ordforande_is_refused(catalog, raw_default):
    text = variant(raw_default, lvu_ansokan_vard={"delegat": "ordforande"})
    issues = errors(validate_delegation_order(load_delegation_order(text), catalog))
    assert len(issues) == 1 and issues[0].lagrum == "30 kap. 7 § SoL"
    assert "ingen brådskande beslutsväg" in issues[0].message


@pytest.mark.parametrize("template_id", ["lvu_omedelbart_omhandertagande", "lvm_omedelbart_omhandertagande"])
def test_ordforande_as_delegat_without_urgent_route_is_an_error(catalog, raw_default, template_id):
    # Issue 10, item 6: LVU 6 § / LVM 13 § to the ordförande without the urgent route is refused.
    text = variant(raw_default, **{template_id: {"delegat": "ordforande", "urgent": None}})
    issues = errors(validate_delegation_order(load_delegation_order(text), catalog))
    assert issues and any("inte kan avvaktas" in i.message for i in issues)
    with pytest.raises(DelegationError):
        load_and_validate(text, catalog)


def test_ordforande_as_delegat_with_urgent_route_reads_as_utskott(catalog, raw_default):
    text = variant(raw_default, lvu_omedelbart_omhandertagande={"delegat": "ordforande", "urgent": "ordforande"})
    order = load_and_validate(text, catalog)
    assert not may_decide(order, catalog, "lvu_omedelbart_omhandertagande", person("ordforande"), DAY).allowed
    assert may_decide(order, catalog, "lvu_omedelbart_omhandertagande", person("utskott"), DAY).allowed
    assert may_decide(order, catalog, "lvu_omedelbart_omhandertagande", person("ordforande"), DAY, urgent=True).allowed


def test_appointed_ledamot_may_take_urgent_decisions(catalog, order, raw_default):
    # LVU 6 § 2 st.: "ordföranden eller någon annan ledamot som nämnden har förordnat".
    appointed = person("utskott", urgent_appointed=True)
    v = may_decide(order, catalog, "lvu_omedelbart_omhandertagande", appointed, DAY, urgent=True)
    assert v.allowed and v.route == "urgent" and v.lagrum == "6 § LVU"
    assert may_decide(order, catalog, "lvm_omedelbart_omhandertagande", appointed, DAY, urgent=True).route == "urgent"
    # An employee is never an urgent decider, whatever the flag says.
    clerk = person("handlaggare", urgent_appointed=True)
    assert not may_decide(order, catalog, "lvu_omedelbart_omhandertagande", clerk, DAY, urgent=True).allowed
    # A row that names only the ordförande leaves the appointed ledamot out of the urgent route.
    only_chair = load_and_validate(
        variant(raw_default, lvu_omedelbart_omhandertagande={"urgent": "ordforande"}), catalog)
    assert may_decide(only_chair, catalog, "lvu_omedelbart_omhandertagande", appointed, DAY,
                      urgent=True).route != "urgent"


def test_urgent_key_where_no_urgent_route(catalog, raw_default):
    text = variant(raw_default, lvu_ansokan_vard={"urgent": "ordforande"})
    issues = errors(validate_delegation_order(load_delegation_order(text), catalog))
    assert len(issues) == 1 and "ingen brådskande beslutsväg" in issues[0].message


def test_employee_as_ersattare_for_utskott_matter(catalog, raw_default):
    text = variant(raw_default, overvagande_sol={"ersattare": "socialchef"})
    issues = errors(validate_delegation_order(load_delegation_order(text), catalog))
    assert len(issues) == 1 and "ersattare 'socialchef'" in issues[0].message
    assert issues[0].lagrum == "30 kap. 6 § SoL"


def test_lower_than_template_lowest_level_is_refused(catalog, raw_default):
    text = variant(raw_default, placering_hvb={"delegat": "forste_socialsekreterare"})
    issues = errors(validate_delegation_order(load_delegation_order(text), catalog))
    assert len(issues) == 1
    assert "lägre än mallens lägsta beslutsnivå 'enhetschef'" in issues[0].message


def test_unknown_option_key_template_and_level(catalog, raw_default):
    text = variant(raw_default, options={"higher_may_decid": True},
                   bistand_oppenvard={"template": "bistand_oppenvrd"},
                   kontaktperson_kontaktfamilj={"delegat": "chef"})
    issues = errors(validate_delegation_order(load_delegation_order(text), catalog))
    entries = {i.entry: i.message for i in issues}
    assert "okänt alternativ 'higher_may_decid'" in entries["options.higher_may_decid"]
    assert "okänd beslutsmall 'bistand_oppenvrd'" in entries["punkt 2.1"]
    assert "delegat 'chef' är ingen känd beslutsnivå" in entries["punkt 2.2"]


def test_check_file_missing_and_broken(tmp_path, catalog):
    issues = check_delegation_file(tmp_path / "finns_inte.toml", catalog)
    assert len(issues) == 1 and "finns inte" in issues[0].message
    broken = tmp_path / "trasig.toml"
    broken.write_text("[options\nhigher_may_decide = true\n", encoding="utf-8")
    issues = check_delegation_file(broken, catalog)
    assert len(issues) == 1 and "ogiltig TOML" in issues[0].message
    typed = tmp_path / "fel_typ.toml"
    typed.write_text('[options]\nprobation_months = "tre"\n', encoding="utf-8")
    issues = check_delegation_file(typed, catalog)
    assert any("probation_months" in i.message and "heltal" in i.message for i in issues)


def test_missing_rule_means_the_namnd_decides(catalog, raw_default):
    rules = [r for r in raw_default["rule"] if r["template"] != "bistand_oppenvard"]
    order = load_delegation_order(toml_text(raw_default["options"], rules))
    issues = validate_delegation_order(order, catalog)
    assert [(i.severity, i.entry) for i in issues] == [("warning", "mall bistand_oppenvard")]
    assert not may_decide(order, catalog, "bistand_oppenvard", person("socialchef"), DAY).allowed
    assert may_decide(order, catalog, "bistand_oppenvard", person("namnd"), DAY).allowed


# --- Options -------------------------------------------------------------------------------


def test_probation(catalog, order):
    new = person("handlaggare", employed_since=date(2026, 10, 5))
    v = may_decide(order, catalog, "inleda_utredning", new, date(2027, 1, 4))
    assert not v.allowed and v.reason == "Nyanställd: beslutanderätt först från 2027-01-05"
    assert may_decide(order, catalog, "inleda_utredning", new, date(2027, 1, 5)).allowed
    # Calendar months, clamped to the month's end.
    assert probation_end(order, person("handlaggare", employed_since=date(2026, 11, 30))) == date(2027, 2, 28)
    # Politicians are not on probation.
    assert probation_end(order, person("ordforande", employed_since=date(2026, 11, 30))) is None


def test_probation_months_option(catalog, raw_default):
    order = load_and_validate(variant(raw_default, options={"probation_months": 0}), catalog)
    new = person("handlaggare", employed_since=DAY)
    assert may_decide(order, catalog, "inleda_utredning", new, DAY).allowed
    order = load_and_validate(variant(raw_default, options={"probation_months": 6}), catalog)
    v = may_decide(order, catalog, "inleda_utredning", new, date(2027, 5, 31))
    assert v.reason == "Nyanställd: beslutanderätt först från 2027-06-01"


def test_refusal_same_level(catalog, raw_default):
    changes = {"ekonomiskt_bistand_bifall": {"delegat": "forste_socialsekreterare"}}
    on = load_delegation_order(variant(raw_default, **changes))
    issues = validate_delegation_order(on, catalog)
    assert [(i.severity, i.entry) for i in issues] == [("warning", "punkt 5.2")]
    v = may_decide(on, catalog, "ekonomiskt_bistand_avslag", person("handlaggare"), DAY)
    assert not v.allowed and v.required_level == "forste_socialsekreterare"
    assert v.reason.startswith("Avslag kräver samma nivå som bifall")
    assert may_decide(on, catalog, "ekonomiskt_bistand_avslag", person("forste_socialsekreterare"), DAY).allowed

    off = load_delegation_order(variant(raw_default, options={"refusal_same_level": False}, **changes))
    assert validate_delegation_order(off, catalog) == []
    assert may_decide(off, catalog, "ekonomiskt_bistand_avslag", person("handlaggare"), DAY).allowed


def test_higher_may_decide_off(catalog, raw_default):
    order = load_and_validate(variant(raw_default, options={"higher_may_decide": False}), catalog)
    tid = "bistand_oppenvard"  # delegat 1:e socialsekreterare, ersättare enhetschef
    assert may_decide(order, catalog, tid, person("forste_socialsekreterare"), DAY).allowed
    assert may_decide(order, catalog, tid, person("enhetschef"), DAY).allowed  # the ersättare
    assert not may_decide(order, catalog, tid, person("ifo_chef"), DAY).allowed
    assert not may_decide(order, catalog, tid, person("utskott"), DAY).allowed
    assert may_decide(order, catalog, tid, person("namnd"), DAY).allowed  # keeps its own power


def test_socionom_requirement_is_about_the_work_not_signing(catalog, order):
    # Issue 10, item 4: the chef without the degree may sign; the worker needs degree AND experience.
    no_degree = person("handlaggare", may_decide_children=False)
    assert may_decide(order, catalog, "inleda_utredning", no_degree, DAY).allowed
    assert "socionomexamen" in competence_problem(catalog.template("inleda_utredning"), no_degree)
    green = person("handlaggare", experienced=False)
    assert "tillräcklig erfarenhet" in competence_problem(catalog.template("uppfoljning_start"), green)
    assert competence_problem(catalog.template("ekonomiskt_bistand_bifall"), no_degree) is None
    assert competence_problem(catalog.template("inleda_utredning"), person("handlaggare")) is None


def test_every_child_template_needs_the_socionom_competence(catalog):
    exempt = {"overflyttning_begaran"}  # an administrative transfer, not assessment or follow-up
    for t in catalog.templates.values():
        if t.category == "barn" and t.id not in exempt:
            assert t.requires_socionom and t.socionom_basis == "25 kap. 1 § SoL", t.id


# --- Routing and approval ------------------------------------------------------------------


def test_route_for(catalog, order):
    v = route_for(order, catalog, "bistand_oppenvard", person("handlaggare"), DAY)
    assert (v.route, v.required_level) == ("approval", "forste_socialsekreterare")
    assert route_for(order, catalog, "bistand_oppenvard", person("forste_socialsekreterare"), DAY).route == "sign"
    v = route_for(order, catalog, "vard_familjehem", person("enhetschef"), DAY)
    assert (v.route, v.required_level, v.lagrum) == ("utskott", "utskott", "30 kap. 6 § SoL")
    v = route_for(order, catalog, "placering_hvb", person("socialchef"), DAY)
    assert (v.route, v.lagrum) == ("utskott", None)  # the municipality's choice, not the law's
    v = route_for(order, catalog, "lvu_omedelbart_omhandertagande", person("handlaggare"), DAY, urgent=True)
    assert (v.route, v.required_level, v.lagrum) == ("urgent", "ordforande", "6 § LVU")
    new = person("forste_socialsekreterare", employed_since=date(2026, 11, 1))
    v = route_for(order, catalog, "bistand_oppenvard", new, DAY)
    assert (v.allowed, v.route) == (False, "approval")


def test_may_approve(catalog, order):
    drafter = person("forste_socialsekreterare", user_id="a")
    other = person("forste_socialsekreterare", user_id="b")
    v = may_approve(order, catalog, "vard_familjehem", drafter, drafter, DAY)
    assert not v.allowed and "eget förslag" in v.reason
    assert may_approve(order, catalog, "vard_familjehem", drafter, other, DAY).allowed
    assert not may_approve(order, catalog, "vard_familjehem", drafter, person("handlaggare"), DAY).allowed
    assert may_approve(order, catalog, "bistand_oppenvard", person("handlaggare"), other, DAY).allowed
    order_self = load_and_validate(
        DEFAULT_FILE.read_text(encoding="utf-8").replace(
            "self_approval_allowed = false", "self_approval_allowed = true"
        ),
        catalog,
    )
    assert may_approve(order_self, catalog, "vard_familjehem", drafter, drafter, DAY).allowed


# --- Table ---------------------------------------------------------------------------------


def test_delegation_table(catalog, order):
    rows = delegation_table(order, catalog)
    assert [r.nr for r in rows][:3] == ["1.1", "1.2", "1.3"]
    assert len(rows) == len(order.rules)
    by_nr = {r.nr: r for r in rows}
    lvu6 = by_nr["3.2"]
    assert lvu6.arende == "Omedelbart omhändertagande enligt LVU"
    assert lvu6.lagrum == "6 § LVU"
    assert lvu6.delegat.startswith("Individutskottet") and "förordnad ledamot i brådskande fall" in lvu6.delegat
    assert "30 kap. 7 § SoL" in lvu6.anmarkning
    first = by_nr["1.1"]
    assert (first.delegat, first.ersattare, first.anmals) == (
        "Socialsekreterare (handläggare)", "1:e socialsekreterare", False,
    )
    assert set(first.as_dict()) == {"nr", "arende", "lagrum", "delegat", "ersattare", "anmals", "anmarkning"}
