"""Legal deadlines as a caseworker or IVO would count them on a calendar."""

from datetime import date, timedelta

import pytest

from ifodesk.domain.deadlines import (
    Deadline,
    DeadlineConfigError,
    DeadlineStatus,
    add_days,
    add_months,
    compute,
    days_left,
    default_rules,
    load_deadline_rules,
    status,
    utredning_due,
)

REQUIRED_KINDS = {
    "skyddsbedomning",
    "forhandsbedomning",
    "aterkoppling_anmalare",
    "utredning",
    "overvagande_sol",
    "jourhem",
    "uppfoljning",
    "lvu_understallning",
    "lvu_ansokan_efter_6",
    "overvagande_lvu",
    "lvu_14_omprovning",
    "lvm_understallning",
    "lvm_ansokan",
    "ordforandebeslut_anmalan",
    "ivo_rapport_ej_verkstallt",
}


# --- calendar arithmetic ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (date(2026, 1, 31), 4, date(2026, 5, 31)),  # law.md's own example
        (date(2025, 10, 31), 4, date(2026, 2, 28)),  # end of February
        (date(2027, 10, 31), 4, date(2028, 2, 29)),  # leap year
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2026, 8, 30), 6, date(2027, 2, 28)),
        (date(2027, 8, 30), 6, date(2028, 2, 29)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 3, 15), 4, date(2026, 7, 15)),
        (date(2026, 9, 15), 4, date(2027, 1, 15)),  # over the new year
        (date(2026, 10, 31), 2, date(2026, 12, 31)),
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 5, 31), 1, date(2026, 6, 30)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 1, 15), 0, date(2026, 1, 15)),
    ],
)
def test_add_months_clamps_to_month_end(start, months, due):
    assert add_months(start, months) == due


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2026, 1, 20), 14, date(2026, 2, 3)),  # month boundary
        (date(2025, 12, 25), 14, date(2026, 1, 8)),  # year boundary
        (date(2027, 2, 20), 14, date(2027, 3, 6)),  # February, common year
        (date(2028, 2, 20), 14, date(2028, 3, 5)),  # February, leap year
        (date(2026, 12, 31), 1, date(2027, 1, 1)),
        (date(2026, 3, 1), -1, date(2026, 2, 28)),
    ],
)
def test_add_days_is_calendar_days(start, days, due):
    assert add_days(start, days) == due


# --- the shipped rules --------------------------------------------------------------------


def test_shipped_rules_load_and_cover_every_kind():
    rules = load_deadline_rules()
    assert REQUIRED_KINDS <= set(rules)
    for kind, rule in rules.items():
        assert rule.id == kind
        assert rule.title.strip()
        assert rule.lagrum and all(x.strip() for x in rule.lagrum)
        assert rule.law_version.strip()
        assert rule.description.strip()
        assert rule.kind in {"days", "months", "same_day", "next_meeting"}
        if rule.kind in {"days", "months"}:
            assert rule.amount > 0


@pytest.mark.parametrize(
    ("kind", "rule_kind", "amount", "lagrum", "law_version"),
    [
        ("skyddsbedomning", "same_day", 0, "20 kap. 1 § SoL", "SoL 2025:400"),
        ("forhandsbedomning", "days", 14, "20 kap. 2 § SoL", "SoL 2025:400"),
        ("aterkoppling_anmalare", "days", 7, "19 kap. 6 § SoL", "SoL 2025:400"),
        ("utredning", "months", 4, "20 kap. 3 § SoL", "SoL 2025:400"),
        ("overvagande_sol", "months", 6, "22 kap. 13 § SoL", "SoL 2025:400"),
        ("jourhem", "months", 2, "22 kap. 4 § SoL", "SoL 2025:400"),
        ("uppfoljning", "months", 6, "23 kap. 5 § SoL", "SoL 2025:400"),
        ("lvu_understallning", "days", 7, "7 § LVU", "LVU 1990:52"),
        ("lvu_ansokan_efter_6", "days", 28, "8 § LVU", "LVU 1990:52"),
        ("overvagande_lvu", "months", 6, "13 § LVU", "LVU 1990:52"),
        ("lvu_14_omprovning", "months", 3, "14 § LVU", "LVU 1990:52"),
        ("lvm_understallning", "days", 1, "15 § LVM", "LVM 1988:870"),
        ("lvm_ansokan", "days", 7, "18 § LVM", "LVM 1988:870"),
        ("ordforandebeslut_anmalan", "next_meeting", 0, "6 kap. 39 § KL", "KL 2017:725"),
        ("ivo_rapport_ej_verkstallt", "months", 3, "34 kap. 1 § SoL", "SoL 2025:400"),
    ],
)
def test_shipped_rule_matches_law_md(kind, rule_kind, amount, lagrum, law_version):
    rule = default_rules()[kind]
    assert (rule.kind, rule.amount) == (rule_kind, amount)
    assert lagrum in rule.lagrum
    assert law_version in rule.law_version


# --- computing deadlines ------------------------------------------------------------------


def test_skyddsbedomning_is_due_the_day_the_report_arrives():
    d = compute("skyddsbedomning", date(2026, 3, 6))
    assert d.due == date(2026, 3, 6)
    assert d.title == "Skyddsbedömning"


def test_forhandsbedomning_14_days_over_new_year():
    d = compute("forhandsbedomning", date(2025, 12, 25))
    assert d == Deadline(
        kind="forhandsbedomning",
        title=d.title,
        lagrum=("20 kap. 2 § SoL",),
        start=date(2025, 12, 25),
        due=date(2026, 1, 8),
        law_version="SoL 2025:400",
        in_time_until=date(2026, 1, 8),  # 20 kap. 2 § SoL binds the nämnd: no 1930:173 shift
    )


@pytest.mark.parametrize(
    ("kind", "start", "due"),
    [
        ("aterkoppling_anmalare", date(2026, 1, 8), date(2026, 1, 15)),
        ("utredning", date(2025, 10, 31), date(2026, 2, 28)),
        ("overvagande_sol", date(2026, 8, 30), date(2027, 2, 28)),
        ("jourhem", date(2026, 12, 31), date(2027, 2, 28)),
        ("uppfoljning", date(2026, 3, 31), date(2026, 9, 30)),
        ("lvu_understallning", date(2026, 12, 28), date(2027, 1, 4)),
        ("lvu_ansokan_efter_6", date(2026, 2, 10), date(2026, 3, 10)),  # 4 weeks
        ("overvagande_lvu", date(2027, 8, 31), date(2028, 2, 29)),
        ("lvu_14_omprovning", date(2026, 11, 30), date(2027, 2, 28)),
        ("lvm_understallning", date(2026, 2, 28), date(2026, 3, 1)),  # the day after
        ("lvm_ansokan", date(2026, 3, 30), date(2026, 4, 6)),
        ("ivo_rapport_ej_verkstallt", date(2026, 1, 31), date(2026, 4, 30)),
    ],
)
def test_compute_each_kind(kind, start, due):
    d = compute(kind, start)
    assert (d.kind, d.start, d.due) == (kind, start, due)
    assert d.lagrum


def test_ordforandebeslut_is_due_at_the_next_meeting():
    d = compute("ordforandebeslut_anmalan", date(2026, 3, 2), next_meeting=date(2026, 3, 19))
    assert d.due == date(2026, 3, 19)
    # Issue 10, item 7: the reporting deadline exists before the next meeting is planned.
    assert compute("ordforandebeslut_anmalan", date(2026, 3, 2)).due == date(2026, 4, 2)
    with pytest.raises(ValueError, match="före"):
        compute("ordforandebeslut_anmalan", date(2026, 3, 2), next_meeting=date(2026, 3, 1))


def test_unknown_kind_is_a_swedish_error():
    with pytest.raises(ValueError, match="Okänd fristtyp"):
        compute("utredningg", date(2026, 1, 1))


# --- utredning and extensions -------------------------------------------------------------


def test_utredning_without_extension_is_four_months():
    assert utredning_due(date(2026, 1, 31), []) == date(2026, 5, 31)
    assert utredning_due(date(2027, 10, 31), ()) == date(2028, 2, 29)


def test_utredning_extension_moves_the_end_date():
    opened = date(2026, 1, 31)  # due 31 May
    assert utredning_due(opened, [date(2026, 6, 30)]) == date(2026, 6, 30)
    assert utredning_due(opened, [date(2026, 6, 1)]) == date(2026, 6, 1)
    assert utredning_due(opened, [date(2026, 6, 30), date(2026, 7, 31)]) == date(2026, 7, 31)


@pytest.mark.parametrize(
    "extensions",
    [
        [date(2026, 5, 31)],  # same day as the 4-month date
        [date(2026, 5, 1)],  # earlier
        [date(2026, 6, 30), date(2026, 6, 30)],  # second one not after the first
        [date(2026, 6, 30), date(2026, 6, 15)],
    ],
)
def test_extension_not_after_the_current_due_date_is_refused(extensions):
    with pytest.raises(ValueError, match="måste ligga efter nuvarande slutdatum"):
        utredning_due(date(2026, 1, 31), extensions)


# --- status -------------------------------------------------------------------------------

DUE = date(2026, 3, 16)


@pytest.mark.parametrize(
    ("met_on", "today", "expected"),
    [
        (date(2026, 3, 10), date(2026, 3, 20), "met"),
        (date(2026, 3, 16), date(2026, 3, 20), "met"),  # on the due day is in time
        (date(2026, 3, 17), date(2026, 3, 20), "met_late"),
        (None, date(2026, 3, 17), "overdue"),
        (None, date(2026, 3, 16), "due_soon"),  # due today
        (None, date(2026, 3, 13), "due_soon"),  # 3 days left
        (None, date(2026, 3, 12), "ok"),  # 4 days left
        (None, date(2026, 1, 1), "ok"),
    ],
)
def test_status(met_on, today, expected):
    result = status(DUE, met_on, today)
    assert result == expected
    assert isinstance(result, DeadlineStatus)


def test_status_warn_days_is_configurable():
    assert status(DUE, None, date(2026, 3, 9), warn_days=7) == DeadlineStatus.DUE_SOON
    assert status(DUE, None, date(2026, 3, 15), warn_days=0) == DeadlineStatus.OK
    assert status(DUE, None, date(2026, 3, 16), warn_days=0) == DeadlineStatus.DUE_SOON


@pytest.mark.parametrize(
    ("today", "left"),
    [(date(2026, 3, 1), 15), (date(2026, 3, 16), 0), (date(2026, 3, 20), -4)],
)
def test_days_left(today, left):
    assert days_left(DUE, today) == left
    assert compute("forhandsbedomning", date(2026, 3, 2)).days_left(today) == left


def test_deadline_status_shortcut():
    d = compute("forhandsbedomning", date(2026, 3, 2))  # due 16 March
    assert d.status(date(2026, 3, 17)) == "overdue"
    assert d.status(date(2026, 3, 17), met_on=date(2026, 3, 16)) == "met"


# --- broken rules file --------------------------------------------------------------------

GOOD_ENTRY = """
[[deadline]]
id = "forhandsbedomning"
title = "Förhandsbedömning"
lagrum = ["20 kap. 2 § SoL"]
law_version = "SoL 2025:400"
rule = { days = 14 }
description = "Beslut inom 14 dagar."
"""


def _write(tmp_path, text):
    path = tmp_path / "deadlines.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_custom_file_loads(tmp_path):
    rules = load_deadline_rules(_write(tmp_path, GOOD_ENTRY))
    assert list(rules) == ["forhandsbedomning"]
    assert compute("forhandsbedomning", date(2026, 1, 1), rules=rules).due == date(2026, 1, 15)


@pytest.mark.parametrize(
    ("change", "in_message"),
    [
        (("rule = { days = 14 }", ""), "rule saknas"),
        (("rule = { days = 14 }", "rule = { days = 0 }"), "positivt heltal"),
        (("rule = { days = 14 }", "rule = { days = true }"), "positivt heltal"),
        (("rule = { days = 14 }", 'rule = { days = "14" }'), "positivt heltal"),
        (("rule = { days = 14 }", "rule = { month = 4 }"), "okänd regel"),
        (("rule = { days = 14 }", "rule = { days = 14, months = 1 }"), "exakt en nyckel"),
        (("rule = { days = 14 }", "rule = { same_day = false }"), "same_day ska vara true"),
        (('lagrum = ["20 kap. 2 § SoL"]', "lagrum = []"), "lagrum"),
        (('lagrum = ["20 kap. 2 § SoL"]', 'lagrum = "20 kap. 2 § SoL"'), "lagrum"),
        (('title = "Förhandsbedömning"', 'title = ""'), "title"),
        (('law_version = "SoL 2025:400"', ""), "law_version"),
        (('description = "Beslut inom 14 dagar."', 'descripton = "x"'), "okända fält"),
    ],
)
def test_broken_entry_names_file_and_entry(tmp_path, change, in_message):
    old, new = change
    path = _write(tmp_path, GOOD_ENTRY.replace(old, new))
    with pytest.raises(DeadlineConfigError) as err:
        load_deadline_rules(path)
    message = str(err.value)
    assert str(path) in message
    assert "post 1 (forhandsbedomning)" in message
    assert in_message in message


def test_entry_number_points_at_the_right_entry(tmp_path):
    second = GOOD_ENTRY.replace('"forhandsbedomning"', '"utredning"').replace(
        "days = 14", "months = -4"
    )
    path = _write(tmp_path, GOOD_ENTRY + second)
    with pytest.raises(DeadlineConfigError, match=r"post 2 \(utredning\)"):
        load_deadline_rules(path)


def test_duplicate_id_is_refused(tmp_path):
    path = _write(tmp_path, GOOD_ENTRY + GOOD_ENTRY)
    with pytest.raises(DeadlineConfigError, match=r"post 2 \(forhandsbedomning\).*samma id"):
        load_deadline_rules(path)


@pytest.mark.parametrize("bad_id", ['"Förhands bedömning"', '""', "14"])
def test_bad_id_is_refused(tmp_path, bad_id):
    path = _write(tmp_path, GOOD_ENTRY.replace('"forhandsbedomning"', bad_id))
    with pytest.raises(DeadlineConfigError, match=r"post 1.*id saknas eller är ogiltigt"):
        load_deadline_rules(path)


def test_toml_syntax_error_names_the_file(tmp_path):
    path = _write(tmp_path, GOOD_ENTRY.replace("rule = { days = 14 }", "rule = { days = 14"))
    with pytest.raises(DeadlineConfigError) as err:
        load_deadline_rules(path)
    assert str(path) in str(err.value)
    assert "kan inte läsas" in str(err.value)


def test_missing_file_and_empty_file(tmp_path):
    with pytest.raises(DeadlineConfigError, match="finns inte"):
        load_deadline_rules(tmp_path / "saknas.toml")
    with pytest.raises(DeadlineConfigError, match="inga frister"):
        load_deadline_rules(_write(tmp_path, "# tom\n"))


# --- lag (1930:173): next working day where it applies (issue 10, item 10) ---------------------


@pytest.mark.parametrize(
    ("kind", "decided", "strict", "in_time_until"),
    [
        # LVU 7 §: one week; decided Friday 18 Dec 2026 -> strict Christmas Day, in time Monday 28 Dec.
        ("lvu_understallning", date(2026, 12, 18), date(2026, 12, 25), date(2026, 12, 28)),
        # Julafton counts like a holiday under 1930:173.
        ("lvu_understallning", date(2026, 12, 17), date(2026, 12, 24), date(2026, 12, 28)),
        # LVM 15 §: the day after; decided Maundy Thursday 2026 -> Good Friday, in time Tuesday after Easter.
        ("lvm_understallning", date(2026, 4, 2), date(2026, 4, 3), date(2026, 4, 7)),
        # LVM 18 §: one week from the court's ruling; a Saturday -> Monday.
        ("lvm_ansokan", date(2026, 3, 7), date(2026, 3, 14), date(2026, 3, 16)),
        # A working day stays as it is.
        ("lvu_understallning", date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 9)),
        # LVU 8 §: 28 days from verkställighet, landing on midsommarafton 2026 (Fri 19 June).
        ("lvu_ansokan_efter_6", date(2026, 5, 22), date(2026, 6, 19), date(2026, 6, 22)),
    ],
)
def test_next_working_day_for_court_submissions(kind, decided, strict, in_time_until):
    d = compute(kind, decided)
    assert d.due == strict  # the strict date is what is shown
    assert d.in_time_until == in_time_until
    assert d.status(today=in_time_until, met_on=in_time_until) == DeadlineStatus.MET
    if in_time_until != strict:
        assert d.status(today=in_time_until, met_on=in_time_until + timedelta(days=1)) == DeadlineStatus.MET_LATE


def test_nämnd_deadlines_are_not_moved():
    # SoL 20 kap. 2 §: 14 days ending on a Saturday is still that Saturday.
    d = compute("forhandsbedomning", date(2026, 2, 14))
    assert d.due == d.in_time_until == date(2026, 2, 28)


def test_working_days_from_the_maintained_calendar():
    from ifodesk.domain.deadlines import is_working_day, next_working_day

    assert not is_working_day(date(2027, 3, 26))  # Good Friday 2027
    assert not is_working_day(date(2027, 3, 29))  # Easter Monday 2027
    assert not is_working_day(date(2027, 6, 25))  # midsommarafton 2027
    assert not is_working_day(date(2026, 12, 31))  # nyårsafton
    assert not is_working_day(date(2027, 1, 6))  # trettondedag jul
    assert is_working_day(date(2026, 12, 23))
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 28)
