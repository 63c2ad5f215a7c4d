"""Verkställighet of gynnande decisions and the IVO report of decisions not carried out (SoL 34 kap.).

Pure rules, no database. What counts as reportable, the reasons and the time limit are data in
resources/ivo.toml. A decision's history is a list of dated events (uppdrag, verkställt, avbrutet);
from it come the waiting episodes: one from the decision date, and one from every avbrott of an
insats that had been carried out. An episode still open when its three months have run out is
reported, every quarter, until it is carried out or the decision is closed.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .deadlines import add_months

__all__ = [
    "IvoConfigError", "IvoConfig", "TemplateRule", "Reason", "load_config", "default_config",
    "QuarterError", "Quarter", "parse_quarter", "Event", "Episode", "episodes", "Status", "status_on",
    "ReportRow", "report_rows", "ivo_person_code", "TypeSummary", "summarise", "QueueFigures",
    "queue_figures", "EventError", "check_event",
]


class IvoConfigError(ValueError):
    """resources/ivo.toml is missing or wrong; the message (Swedish) names the entry."""


@dataclass(frozen=True)
class TemplateRule:
    id: str
    insats_type: str
    ivo_type: str
    lagrum: str
    mark: str = "V"


@dataclass(frozen=True)
class Reason:
    id: str
    label: str
    ends: bool  # the decision is closed: no further reporting


@dataclass(frozen=True)
class IvoConfig:
    law_version: str
    lagrum: tuple[str, ...]
    limit_months: int
    deadline_kind: str
    avbrott_deadline_kind: str
    warn_days: int
    templates: Mapping[str, TemplateRule]
    utforare: Mapping[str, str]
    reasons: Mapping[str, Reason]
    about: tuple[tuple[str, str], ...] = ()  # (heading, text) for the workbook's "Om rapporten"
    insats_labels: Mapping[str, str] = field(default_factory=dict)

    def insats_label(self, insats_type: str) -> str:
        return self.insats_labels.get(insats_type, insats_type)

    def reportable(self, template_id: str) -> bool:
        return template_id in self.templates

    def due(self, start: date) -> date:
        """The last day of the three months: carried out on this day is still in time."""
        return add_months(start, self.limit_months)


def _need(entry: Mapping, key: str, where: str, kind=str):
    value = entry.get(key)
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()) or isinstance(value, bool) \
            and kind is not bool:
        raise IvoConfigError(f"Fel i ivo.toml, {where}: {key} saknas eller har fel typ.")
    return value


def load_config(path: str | Path | None = None) -> IvoConfig:
    if path is None:
        from ifodesk.resources import resource_path

        path = resource_path("ivo.toml")
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IvoConfigError(f"Filen {path} finns inte.") from None
    except tomllib.TOMLDecodeError as exc:
        raise IvoConfigError(f"Filen {path} kan inte läsas: {exc}") from None
    templates, utforare, reasons = {}, {}, {}
    for i, t in enumerate(data.get("template", []), 1):
        where = f"mall {i}"
        rule = TemplateRule(_need(t, "id", where), _need(t, "insats_type", where), _need(t, "ivo_type", where),
                            _need(t, "lagrum", where), t.get("mark", "V"))
        if rule.id in templates:
            raise IvoConfigError(f"Fel i ivo.toml, {where}: mallen {rule.id} finns två gånger.")
        templates[rule.id] = rule
    for i, u in enumerate(data.get("utforare", []), 1):
        utforare[_need(u, "id", f"utförare {i}")] = _need(u, "label", f"utförare {i}")
    for i, r in enumerate(data.get("reason", []), 1):
        where = f"skäl {i}"
        reason = Reason(_need(r, "id", where), _need(r, "label", where), _need(r, "ends", where, bool))
        reasons[reason.id] = reason
    if not templates or not utforare or not reasons:
        raise IvoConfigError("Fel i ivo.toml: template, utforare och reason måste ha minst en post var.")
    months = _need(data, "limit_months", "huvuddelen", int)
    if months < 1:
        raise IvoConfigError("Fel i ivo.toml: limit_months ska vara minst 1.")
    return IvoConfig(_need(data, "law_version", "huvuddelen"), tuple(_need(data, "lagrum", "huvuddelen", list)),
                     months, _need(data, "deadline_kind", "huvuddelen"),
                     _need(data, "avbrott_deadline_kind", "huvuddelen"), _need(data, "warn_days", "huvuddelen", int),
                     templates, utforare, reasons,
                     tuple((_need(a, "heading", f"about {i}"), _need(a, "text", f"about {i}"))
                           for i, a in enumerate(data.get("about", []), 1)),
                     {str(k): str(val) for k, val in data.get("insats_labels", {}).items()})


@functools.lru_cache(maxsize=1)
def default_config() -> IvoConfig:
    return load_config()


# --- quarters --------------------------------------------------------------------------------

class QuarterError(ValueError):
    """A quarter that cannot be read; the message is Swedish."""


_QUARTER_RE = re.compile(r"^([0-9]{4})[Qq]([0-9])$")


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        return add_months(self.start, 3) - timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{self.year} kvartal {self.number}"

    @property
    def code(self) -> str:
        return f"{self.year}Q{self.number}"


def parse_quarter(text: str) -> Quarter:
    """'2026Q3' → the third quarter of 2026. ASCII digits only."""
    m = _QUARTER_RE.match(text.strip()) if text else None
    if m is None or not text.isascii():
        raise QuarterError(f"Ogiltigt kvartal ”{text}”: skriv år och kvartal som ÅÅÅÅQ1–ÅÅÅÅQ4, t.ex. 2026Q3.")
    year, number = int(m.group(1)), int(m.group(2))
    if not 1 <= number <= 4:
        raise QuarterError(f"Ogiltigt kvartal ”{text}”: kvartalet ska vara 1–4 (Q1–Q4).")
    if not 2000 <= year <= 2100:
        raise QuarterError(f"Ogiltigt kvartal ”{text}”: året ska ligga mellan 2000 och 2100.")
    return Quarter(year, number)


# --- events and episodes ---------------------------------------------------------------------

UPPDRAG, VERKSTALLT, AVBRUTET = "uppdrag", "verkstallt", "avbrutet"


@dataclass(frozen=True)
class Event:
    kind: str  # uppdrag | verkstallt | avbrutet
    on: date
    reason_id: str | None = None
    note: str = ""
    utforare_kind: str | None = None
    utforare_name: str = ""


@dataclass(frozen=True)
class Episode:
    """A stretch of waiting: from the decision (``beslut``) or from an avbrott (``avbrott``)."""

    kind: str
    start: date
    due: date
    end: date | None = None
    end_kind: str | None = None  # verkstallt | avslutat
    reasons: tuple[tuple[date, str], ...] = ()  # (date, label) of avbrott / declined offers

    def late(self) -> bool:
        """Not carried out (or closed) within the limit: reportable once the limit has passed."""
        return self.end is None or self.end > self.due


def _sorted(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: e.on)  # stable: same-day events keep their recorded order


def episodes(decided_on: date, events: Iterable[Event], cfg: IvoConfig | None = None) -> list[Episode]:
    cfg = cfg or default_config()
    out: list[Episode] = []
    cur = Episode("beslut", decided_on, cfg.due(decided_on))
    closed = False
    for e in _sorted(events):
        if closed:
            break
        if e.kind == VERKSTALLT and cur is not None:
            out.append(_end(cur, e.on, "verkstallt"))
            cur = None
        elif e.kind == AVBRUTET:
            reason = cfg.reasons.get(e.reason_id or "")
            label = (reason.label if reason else (e.reason_id or "")) + (f": {e.note}" if e.note else "")
            if reason is not None and reason.ends:
                if cur is not None:
                    out.append(_end(cur, e.on, "avslutat", label))
                    cur = None
                closed = True
            elif cur is None:  # an insats that was carried out is interrupted: a new clock runs
                cur = Episode("avbrott", e.on, cfg.due(e.on), reasons=((e.on, label),))
            else:  # not yet carried out (e.g. the family declined): the decision still waits
                cur = Episode(cur.kind, cur.start, cur.due, reasons=cur.reasons + ((e.on, label),))
    if cur is not None:
        out.append(cur)
    return out


def _end(ep: Episode, on: date, kind: str, label: str | None = None) -> Episode:
    reasons = ep.reasons + (((on, label),) if label else ())
    return Episode(ep.kind, ep.start, ep.due, on, kind, reasons)


class EventError(ValueError):
    """An event that does not fit the decision's history; Swedish message."""


def check_event(decided_on: date, events: Sequence[Event], new: Event, today: date,
                cfg: IvoConfig | None = None) -> None:
    """Refuse what cannot be: a date before the decision or in the future, a second verkställighet
    while the insats runs, an avbrott of nothing, anything after the decision was closed."""
    cfg = cfg or default_config()
    if new.on < decided_on:
        raise EventError(f"Datumet {new.on.isoformat()} ligger före beslutsdagen {decided_on.isoformat()}.")
    if new.on > today:
        raise EventError(f"Datumet {new.on.isoformat()} ligger i framtiden.")
    if new.kind == UPPDRAG:
        if new.utforare_kind not in cfg.utforare:
            raise EventError("Välj vem som utför insatsen.")
        if new.utforare_kind != "egen" and not new.utforare_name.strip():
            raise EventError("Skriv den externa utförarens namn.")
        return
    if new.kind == AVBRUTET and new.reason_id not in cfg.reasons:
        raise EventError("Välj ett skäl till avbrottet.")
    later = [e for e in events if e.on > new.on and e.kind != UPPDRAG]
    if later:
        raise EventError(f"Det finns redan en senare händelse ({later[-1].on.isoformat()}); "
                         "händelser registreras i datumordning.")
    st = status_on(decided_on, events, new.on, cfg)
    if st.state == "avslutad":
        raise EventError("Beslutet är avslutat; inget mer kan registreras.")
    if new.kind == VERKSTALLT and st.state == "verkstalld":
        raise EventError("Insatsen är redan verkställd.")
    if new.kind not in (VERKSTALLT, AVBRUTET):
        raise EventError(f"Okänd händelse {new.kind!r}.")


@dataclass(frozen=True)
class Status:
    state: str  # ko | verkstalld | avbruten | avslutad
    waiting_since: date | None  # start of the open waiting episode
    due: date | None
    verkstallt_on: date | None  # the latest carrying out
    closed_on: date | None
    reason: str = ""

    @property
    def waiting(self) -> bool:
        return self.state in ("ko", "avbruten")


def status_on(decided_on: date, events: Iterable[Event], day: date, cfg: IvoConfig | None = None) -> Status:
    """Where the decision stands at the end of ``day`` (events after it are ignored)."""
    cfg = cfg or default_config()
    evs = [e for e in events if e.on <= day]
    eps = episodes(decided_on, evs, cfg)
    last = eps[-1]
    reason = last.reasons[-1][1] if last.reasons else ""
    verk = max((e.on for e in evs if e.kind == VERKSTALLT), default=None)
    if last.end_kind == "avslutat":
        return Status("avslutad", None, None, verk, last.end, reason)
    if last.end is None:
        return Status("ko" if last.kind == "beslut" else "avbruten", last.start, last.due, verk, None, reason)
    return Status("verkstalld", None, None, verk, None, reason)


# --- the quarterly report --------------------------------------------------------------------

@dataclass(frozen=True)
class ReportRow:
    """One decision (or avbrott) in the quarter's report. No name, no personnummer."""

    decision_ref: str  # the decision's own key, for the nämnd's follow-up
    ivo_person_code: str
    gender: str  # "Kvinna" | "Man" | ""
    protected: bool
    decided_on: date
    template_id: str
    insats_type: str
    ivo_type: str
    lagrum: str
    episode_kind: str  # beslut | avbrott
    waiting_since: date
    due: date
    days_waited: int  # to the end of the quarter, or to the day it was carried out / closed
    outcome: str  # ej_verkstallt | verkstallt | avslutat (as at the end of the quarter)
    outcome_on: date | None
    new_this_quarter: bool  # the limit ran out in this quarter
    reason: str
    utforare: str


def _reportable(ep: Episode, q: Quarter, as_of: date) -> bool:
    if not ep.late():
        return False
    # At the quarter's end the last day has passed; in a quarter still running, today has not.
    if ep.due > as_of or (ep.due == as_of and as_of < q.end):
        return False
    return ep.end is None or ep.end >= q.start


def report_rows(q: Quarter, decisions: Iterable[Mapping], cfg: IvoConfig | None = None,
                as_of: date | None = None) -> list[ReportRow]:
    """``decisions``: mappings with decision_ref, person_code, gender, protected, decided_on,
    template_id, events (list of Event), utforare. Only events up to the quarter's end count, so a
    report of a past quarter reads the same whenever it is made. ``as_of`` (a day inside the
    quarter) gives the state so far of a quarter that has not ended."""
    cfg = cfg or default_config()
    as_of = min(as_of or q.end, q.end)
    rows = []
    for d in decisions:
        rule = cfg.templates.get(d["template_id"])
        if rule is None:
            continue
        evs = [e for e in d["events"] if e.on <= as_of]
        for ep in episodes(d["decided_on"], evs, cfg):
            if not _reportable(ep, q, as_of):
                continue
            outcome = "ej_verkstallt" if ep.end is None else ep.end_kind
            stop = ep.end or as_of
            rows.append(ReportRow(
                d["decision_ref"], d["person_code"], d["gender"], d["protected"], d["decided_on"], rule.id,
                rule.insats_type, rule.ivo_type, rule.lagrum, ep.kind, ep.start, ep.due, (stop - ep.start).days,
                outcome, ep.end, q.start <= ep.due, "; ".join(label for _, label in ep.reasons),
                d.get("utforare", "")))
    rows.sort(key=lambda r: (r.insats_type, r.waiting_since, r.decision_ref))
    return rows


def ivo_person_code(birth_date: date | None, gender: str | None, key: str) -> str:
    """IVO's identifier: ÅÅÅÅMMDD-T and three digits, the middle one even for a woman, odd for a
    man, the same for the person every quarter, never the real personnummer (IVO's instructions).
    ``key`` is a stable internal key (the person's id)."""
    h = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16)
    first, third, middle = h % 10, (h // 10) % 10, (h // 100) % 5 * 2  # middle: 0,2,4,6,8
    if gender == "M":
        middle += 1
    born = birth_date.strftime("%Y%m%d") if birth_date else "00000000"
    return f"{born}-T{first}{middle}{third}"


@dataclass(frozen=True)
class TypeSummary:
    """Per insats type: the nämnd's statistikrapport (no individual data)."""

    insats_type: str
    ivo_type: str
    not_carried_out: int  # still not carried out at the end of the quarter
    women: int
    men: int
    carried_out_late: int  # carried out in the quarter, after the limit
    closed: int  # closed without verkställighet in the quarter
    new: int  # the limit ran out in this quarter
    max_days: int
    median_days: float


def summarise(rows: Sequence[ReportRow]) -> list[TypeSummary]:
    by: dict[str, list[ReportRow]] = {}
    for r in rows:
        by.setdefault(r.ivo_type, []).append(r)
    out = []
    for ivo_type, rs in sorted(by.items()):
        waiting = [r for r in rs if r.outcome == "ej_verkstallt"]
        days = sorted(r.days_waited for r in rs)
        n = len(days)
        median = float(days[n // 2]) if n % 2 else (days[n // 2 - 1] + days[n // 2]) / 2
        out.append(TypeSummary(rs[0].insats_type, ivo_type, len(waiting),
                               sum(r.gender == "Kvinna" for r in waiting), sum(r.gender == "Man" for r in waiting),
                               sum(r.outcome == "verkstallt" for r in rs), sum(r.outcome == "avslutat" for r in rs),
                               sum(r.new_this_quarter for r in rs), days[-1], median))
    return out


@dataclass(frozen=True)
class QueueFigures:
    """The queue today for one insats type (Statistik page)."""

    insats_type: str
    in_queue: int
    approaching: int  # within warn_days of the limit
    over_limit: int
    median_days: float
    max_days: int
    waited: tuple[int, ...] = field(default=(), repr=False)


def queue_figures(items: Iterable[tuple[str, date, date]], today: date,
                  cfg: IvoConfig | None = None) -> list[QueueFigures]:
    """``items``: (insats_type, waiting_since, due) of every waiting decision."""
    cfg = cfg or default_config()
    by: dict[str, list[tuple[date, date]]] = {}
    for kind, since, due in items:
        by.setdefault(kind, []).append((since, due))
    out = []
    for kind, xs in sorted(by.items()):
        days = sorted((today - since).days for since, _ in xs)
        n = len(days)
        median = float(days[n // 2]) if n % 2 else (days[n // 2 - 1] + days[n // 2]) / 2
        over = sum(due < today for _, due in xs)
        near = sum(today <= due and (due - today).days <= cfg.warn_days for _, due in xs)
        out.append(QueueFigures(kind, n, near, over, median, days[-1], tuple(days)))
    return out
