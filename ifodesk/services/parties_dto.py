"""Plain data for the people around a child, consent, kommunicering and notification."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RelatedInput:
    """A person to link to a child: an existing person, a personnummer, or a name + birth date."""

    role: str  # one of domain.parties.RELATION_ROLES
    person_id: uuid.UUID | None = None
    personnummer: str | None = None
    first_name: str = ""
    last_name: str = ""
    birth_date: date | None = None
    custody: str | None = None  # gemensam | ensam, for guardians
    address_street: str | None = None
    address_postal: str | None = None
    phone: str | None = None
    email: str | None = None
    language: str | None = None
    interpreter: bool = False
    protection: str = "none"
    address_hidden_from_id: uuid.UUID | None = None  # e.g. the other guardian
    note: str = ""
    birth_country: str | None = None  # födelseland, resources/countries.toml; None = not given


@dataclass(frozen=True)
class RelatedPerson:
    relation_id: uuid.UUID
    relation_version: int
    person_id: uuid.UUID
    display_id: str
    name: str
    role: str
    role_label: str
    custody: str | None
    protection: str
    # None when hidden: protected identity, or secret from the one the view is made for.
    address_street: str | None
    address_postal: str | None
    phone: str | None
    email: str | None
    language: str | None
    interpreter: bool
    address_hidden: bool
    hidden_from_id: uuid.UUID | None
    birth_country: str | None = None  # födelseland code; None = not registered

    @property
    def is_protected(self) -> bool:
        return self.protection != "none"

    @property
    def is_guardian(self) -> bool:
        return self.role in ("vardnadshavare", "sarskilt_forordnad")


@dataclass(frozen=True)
class SiblingCase:
    person_id: uuid.UUID
    name: str
    display_id: str
    protected: bool
    case_id: uuid.UUID | None
    case_number: str | None
    status: str | None


@dataclass(frozen=True)
class PartyView:
    """A party to a decision, as the decision editor shows it before anything is sent."""

    person_id: uuid.UUID
    name: str
    capacity: str  # vardnadshavare | barnet | den_enskilde
    capacity_label: str
    protected: bool
    gets_letter: bool


@dataclass(frozen=True)
class PartiesPreview:
    parties: tuple[PartyView, ...]
    child_age: int | None
    problem: str | None  # e.g. no guardian registered: nobody to send the decision to


@dataclass(frozen=True)
class ConsentInfo:
    id: uuid.UUID
    person_id: uuid.UUID
    person_name: str
    subject: str
    status: str
    status_label: str
    recorded_on: date
    note: str


@dataclass(frozen=True)
class ConsentState:
    """Consent to one insats: from everyone whose consent is needed, or not."""

    subject: str
    all_given: bool
    refused_by: tuple[str, ...]
    missing: tuple[str, ...]  # not asked or nothing recorded
    message: str


@dataclass(frozen=True)
class KommuniceringInfo:
    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str
    decision_id: uuid.UUID | None
    what: str
    method: str
    sent_on: date
    reply_due_on: date
    reply_on: date | None
    reply_text: str | None


@dataclass(frozen=True)
class NotificationInfo:
    """A party to a decided decision: notification, appeal time, legal force, appeal."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    name: str
    capacity: str
    notified_on: date | None
    notified_how: str | None
    appeal_last_day: date | None
    legal_force_on: date | None
    appeal_received_on: date | None
    appeal_in_time: bool | None
    appeal_forward_by: date | None
    appeal_forwarded_on: date | None
