"""Plain data that services return and take. No ORM object ever leaves a service."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class UnitInfo:
    id: uuid.UUID
    name: str
    kind: str
    case_prefix: str


@dataclass(frozen=True)
class UserInfo:
    id: uuid.UUID
    username: str
    full_name: str
    title: str
    role: str
    delegate_level: str
    employed_since: date | None
    unit_ids: tuple[uuid.UUID, ...]
    active: bool = True
    socionom: bool = True
    experienced: bool = True  # "tillräcklig erfarenhet" for child investigations (SoL 25:1)
    urgent_appointed: bool = False  # a ledamot appointed to take urgent decisions (KL 6:39)


@dataclass(frozen=True)
class PersonSummary:
    id: uuid.UUID
    display_id: str  # formatted personnummer or reserve number
    first_name: str
    last_name: str
    birth_date: date | None
    legal_gender: str | None
    protection: str  # none | sekretessmarkering | skyddad_folkbokforing

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_protected(self) -> bool:
        return self.protection != "none"


@dataclass(frozen=True)
class PersonDetail:
    summary: PersonSummary
    version: int
    # None when the person is protected and no reason was given: the address is never
    # handed out without a logged reason.
    address_street: str | None
    address_postal: str | None
    phone: str | None
    address_hidden: bool
    # Födelseland (code from resources/countries.toml, "XX" = okänt) and ensamkommande; None = not
    # registered. Not secret like the address: Socialstyrelsen's register asks for them.
    birth_country: str | None = None
    unaccompanied: bool | None = None


@dataclass(frozen=True)
class ChildInput:
    """A child named in an anmälan: by personnummer, reserve identity, or existing person."""

    personnummer: str | None = None
    first_name: str = ""
    last_name: str = ""
    birth_date: date | None = None
    person_id: uuid.UUID | None = None


@dataclass(frozen=True)
class AnmalanInput:
    unit_id: uuid.UUID
    received_at: datetime
    channel: str
    reporter_category: str
    children: tuple[ChildInput, ...]
    reasons: tuple[str, ...] = ()
    text: str = ""
    reporter_name: str | None = None
    reporter_organisation: str | None = None
    reporter_contact: str | None = None
    reporter_anonymous: bool = False
    reporter_wants_feedback: bool = False


@dataclass(frozen=True)
class EarlierReport:
    anmalan_id: uuid.UUID
    received_at: datetime
    reporter_category: str
    reasons: tuple[str, ...]
    case_number: str
    outcome: str | None  # förhandsbedömning outcome, None while open
    led_to_utredning: bool


@dataclass(frozen=True)
class RegisteredChild:
    person: PersonSummary
    case_id: uuid.UUID
    case_number: str
    anmalan_child_id: uuid.UUID
    forhandsbedomning_id: uuid.UUID
    new_case: bool
    earlier_reports: tuple[EarlierReport, ...]


@dataclass(frozen=True)
class AnmalanResult:
    anmalan_id: uuid.UUID
    children: tuple[RegisteredChild, ...]


@dataclass(frozen=True)
class CaseSummary:
    id: uuid.UUID
    case_number: str
    person: PersonSummary
    unit_id: uuid.UUID
    status: str
    opened_on: date
    assigned_to: uuid.UUID | None
    assigned_name: str | None
    next_due_on: date | None = None


@dataclass(frozen=True)
class SkyddsbedomningInfo:
    id: uuid.UUID
    assessed_at: datetime
    assessed_by_name: str
    immediate_need: bool
    assessment: str
    measures: str


@dataclass(frozen=True)
class ForhandsbedomningInfo:
    id: uuid.UUID
    version: int
    anmalan_id: uuid.UUID
    anmalan_child_id: uuid.UUID
    received_at: datetime
    started_on: date
    due_on: date
    notes: str
    outcome: str | None
    outcome_reason: str | None
    decided_on: date | None
    decided_by_name: str | None
    reporter_wants_feedback: bool
    reporter_informed_on: date | None
    skyddsbedomning: SkyddsbedomningInfo | None


@dataclass(frozen=True)
class ExtensionInfo:
    id: uuid.UUID
    decided_on: date
    decided_by_name: str
    reason: str
    previous_due_on: date
    new_due_on: date


@dataclass(frozen=True)
class SectionInfo:
    id: uuid.UUID
    version: int
    heading_key: str
    heading: str
    position: int
    text: str


@dataclass(frozen=True)
class UtredningInfo:
    id: uuid.UUID
    version: int
    case_id: uuid.UUID
    opened_on: date
    due_on: date
    plan: str
    child_view: str
    guardian_view: str
    analysis: str
    closed_on: date | None
    closing_outcome: str | None
    sections: tuple[SectionInfo, ...]
    extensions: tuple[ExtensionInfo, ...]


@dataclass(frozen=True)
class JournalNoteInfo:
    id: uuid.UUID
    version: int
    case_id: uuid.UUID
    author_name: str
    event_date: date
    heading: str
    text: str
    signed_at: datetime | None
    corrects_id: uuid.UUID | None
    corrected_by_ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True)
class DeadlineInfo:
    id: uuid.UUID
    kind: str
    title: str
    lagrum: tuple[str, ...]
    case_id: uuid.UUID
    case_number: str
    person: PersonSummary
    unit_id: uuid.UUID
    assigned_to: uuid.UUID | None
    assigned_name: str | None
    start_on: date
    due_on: date
    met_on: date | None
    status: str  # overdue | due_soon | ok | met | met_late
    days_left: int  # to the strict due date
    # Last day still in time: the next working day where lag 1930:173 applies, else due_on.
    in_time_until: date | None = None


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    kind: str
    title: str
    text: str
    by: str | None
    ref_id: uuid.UUID | None = None
    # Known only by its date (a förhandsbedömning decided on a day, a journal note's date): `at` is
    # the end of that day, so it sorts after the same day's timed events and shows without a time.
    date_only: bool = False


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    version: int
    unit_name: str
    anmalningar: tuple[ForhandsbedomningInfo, ...]
    utredningar: tuple[UtredningInfo, ...]
    journal: tuple[JournalNoteInfo, ...]
    deadlines: tuple[DeadlineInfo, ...]
    timeline: tuple[TimelineEvent, ...]
    earlier_reports: tuple[EarlierReport, ...] = field(default=())
    person: "PersonDetail | None" = None  # read in the same transaction (address hidden when protected)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: str | None
    person_id: uuid.UUID | None
    reason: str | None
    detail: str | None
