"""Who is a party to a decision about a child, and the appeal clock per party. Pure rules.

The age limits and which laws they follow are data (resources/parties.toml); the law a decision
falls under comes from its template's law version (catalog data), never from code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Mapping, Sequence

# Capacities in which someone is a party (stored in decision_party.capacity).
GUARDIAN = "vardnadshavare"
CHILD = "barnet"
SELF = "den_enskilde"

# Relation roles that hold custody (vårdnad) and so are parties for a child.
GUARDIAN_ROLES = ("vardnadshavare", "sarskilt_forordnad")
RELATION_ROLES = ("vardnadshavare", "sarskilt_forordnad", "forelder", "familjehem", "kontaktperson",
                  "god_man", "annan")
CONSENT_STATUSES = ("given", "refused", "not_asked", "withdrawn")
NOTIFY_METHODS = ("brev", "delgivning", "personligen")


@dataclass(frozen=True)
class PartyRule:
    child_party_from_age: int
    adult_age: int
    guardians: bool


@dataclass(frozen=True)
class PartyRules:
    by_law: Mapping[str, PartyRule]
    self_only_categories: frozenset[str]
    appeal_days: int
    forward_days: int
    default_reply_days: int
    consent_required_for: frozenset[str] = frozenset()  # template ids

    def rule_for(self, law_id: str, category: str) -> PartyRule | None:
        """None: the decision concerns an adult, who alone is the party."""
        if category in self.self_only_categories:
            return None
        return self.by_law.get(law_id) or self.by_law.get("SoL")


@dataclass(frozen=True)
class Party:
    person_id: object
    capacity: str  # GUARDIAN | CHILD | SELF


class PartyRulesError(ValueError):
    pass


def load_party_rules(path: Path) -> PartyRules:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        laws = {k: PartyRule(int(v["child_party_from_age"]), int(v["adult_age"]), bool(v["guardians"]))
                for k, v in data["law"].items()}
        return PartyRules(laws, frozenset(data.get("self_only_categories", ())),
                          int(data["appeal"]["appeal_days"]), int(data["appeal"]["forward_days"]),
                          int(data["kommunicering"]["default_reply_days"]),
                          frozenset(data.get("consent", {}).get("required_for", ())))
    except (OSError, KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise PartyRulesError(f"{path.name}: ogiltig partsregel ({exc.__class__.__name__}: {exc})") from exc


def age_on(birth: date, day: date) -> int:
    """Completed years on ``day`` (a child born 29 February turns a year older on 1 March)."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def decision_parties(rule: PartyRule | None, subject_id, birth: date | None, decided_on: date,
                     guardian_ids: Sequence) -> tuple[Party, ...]:
    """The parties to a decision about ``subject_id`` taken on ``decided_on``.

    Under ``child_party_from_age``: the guardians only (never the child). From that age: the child
    too. From ``adult_age`` (or for an adult matter): the person alone. Unknown birth date counts
    as a young child, so a letter never goes to a child by mistake.
    """
    if rule is None:
        return (Party(subject_id, SELF),)
    age = age_on(birth, decided_on) if birth else 0
    if age >= rule.adult_age:
        return (Party(subject_id, SELF),)
    parties = [Party(g, GUARDIAN) for g in dict.fromkeys(guardian_ids)] if rule.guardians else []
    if age >= rule.child_party_from_age:
        parties.append(Party(subject_id, CHILD))
    return tuple(parties)


def consent_outcome(needed: Sequence, latest: Mapping) -> tuple[list, list]:
    """(refused, missing) among ``needed`` person ids, given each one's latest consent status."""
    refused = [p for p in needed if latest.get(p) in ("refused", "withdrawn")]
    missing = [p for p in needed if latest.get(p) in (None, "not_asked")]
    return refused, missing


# --- Working days (lag 1930:173): a time limit ending on a weekend or holiday moves forward. ---

def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def swedish_holidays(year: int) -> frozenset[date]:
    """Public holidays, plus midsommar-, jul- and nyårsafton which the law treats alike."""
    easter = _easter(year)
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    return frozenset({
        date(year, 1, 1), date(year, 1, 6), easter - timedelta(days=2), easter, easter + timedelta(days=1),
        date(year, 5, 1), easter + timedelta(days=39), easter + timedelta(days=49), date(year, 6, 6),
        midsummer_eve, midsummer_eve + timedelta(days=1),
        next(date(year, 10, 31) + timedelta(days=i) for i in range(7)
             if (date(year, 10, 31) + timedelta(days=i)).weekday() == 5),
        date(year, 12, 24), date(year, 12, 25), date(year, 12, 26), date(year, 12, 31),
    })


def is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in swedish_holidays(d.year)


def next_working_day(d: date) -> date:
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


@dataclass(frozen=True)
class AppealClock:
    last_day: date  # the strict date, three weeks after notification
    last_day_accepted: date  # moved to the next working day when the strict date is not one
    legal_force_on: date  # laga kraft: the day after the accepted last day, if no appeal came


def appeal_clock(notified_on: date, appeal_days: int) -> AppealClock:
    strict = notified_on + timedelta(days=appeal_days)
    accepted = next_working_day(strict)
    return AppealClock(strict, accepted, accepted + timedelta(days=1))


def appeal_in_time(notified_on: date, received_on: date, appeal_days: int) -> bool:
    return received_on <= appeal_clock(notified_on, appeal_days).last_day_accepted
