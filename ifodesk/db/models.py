"""SQLAlchemy 2 typed models. Only services and db code import this module."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
    text as sql_text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from .types import JSONType, SortKey, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSONType, list[Any]: JSONType}


def new_id() -> uuid.UUID:
    return uuid.uuid4()


class Tracked:
    """Mutable record: UUID key, optimistic version, who and when."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # Every ORM UPDATE carries "AND version = ?": a stale write fails instead of overwriting.
        return {"version_id_col": cls.__table__.c.version}


class Municipality(Tracked, Base):
    __tablename__ = "municipality"
    code: Mapped[str] = mapped_column(String(4), unique=True)
    name: Mapped[str] = mapped_column(String(100))


class Unit(Tracked, Base):
    __tablename__ = "unit"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))  # barn_unga | vuxen | ekonomi
    case_prefix: Mapped[str] = mapped_column(String(6))


class User(Tracked, Base):
    __tablename__ = "app_user"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    username: Mapped[str] = mapped_column(String(60), unique=True)
    # The PostgreSQL login role (or, on SQLite, the OS account) this person signs in as.
    login_name: Mapped[str | None] = mapped_column(String(63), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(30))  # handlaggare, forste, chef, ordforande, ledamot, sekreterare, systemansvarig
    delegate_level: Mapped[str] = mapped_column(String(30))
    employed_since: Mapped[date | None] = mapped_column(Date)
    # Socionom or equivalent with enough experience (SoL's competence rule for child matters).
    socionom: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # "Tillräcklig erfarenhet": the nämnd's own judgement, a separate fact from the degree.
    experienced: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # A ledamot the nämnd has appointed to take urgent decisions (beside the ordförande).
    urgent_appointed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    units: Mapped[list[Unit]] = relationship(secondary="user_unit", lazy="selectin")


class UserUnit(Base):
    __tablename__ = "user_unit"
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"), primary_key=True)


class Person(Tracked, Base):
    __tablename__ = "person"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    personnummer: Mapped[str | None] = mapped_column(String(12), index=True)  # 12 digits
    reserve_number: Mapped[str | None] = mapped_column(String(20), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    sort_key: Mapped[str] = mapped_column(SortKey())
    search_name: Mapped[str] = mapped_column(String(210))
    birth_date: Mapped[date | None] = mapped_column(Date)
    legal_gender: Mapped[str | None] = mapped_column(String(1))  # K | M, from personnummer
    # none | sekretessmarkering | skyddad_folkbokforing
    protection: Mapped[str] = mapped_column(String(30), default="none")
    address_street: Mapped[str | None] = mapped_column(String(200))
    address_postal: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(60))
    interpreter: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Födelseland, ISO 3166-1 alpha-2 from resources/countries.toml ("XX" = okänt); None = not registered.
    birth_country: Mapped[str | None] = mapped_column(String(2))
    # Ensamkommande barn (came to Sweden without a guardian); None = not registered.
    unaccompanied: Mapped[bool | None] = mapped_column(Boolean)

    __table_args__ = (
        CheckConstraint("protection in ('none','sekretessmarkering','skyddad_folkbokforing')", name="protection"),
        UniqueConstraint("municipality_id", "personnummer", name="uq_person_pnr"),
        # Name lists in Swedish order stop after the first page instead of sorting everyone.
        Index("ix_person_muni_sort", "municipality_id", "sort_key", "id"),
        # "Contains" search on names: a trigram GIN index on PostgreSQL (migration 0002).
        Index("ix_person_search_trgm", "search_name", postgresql_using="gin",
              postgresql_ops={"search_name": "gin_trgm_ops"}),
    )


class CaseNumberSeq(Base):
    __tablename__ = "case_number_seq"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(6), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Case(Tracked, Base):
    """Ärende: one per child (or adult) and matter."""

    __tablename__ = "case_file"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    case_number: Mapped[str] = mapped_column(String(30))
    # The child's name sort key, copied from person so a 100 000-case list sorts by an index.
    sort_name: Mapped[str] = mapped_column(SortKey(), default="")
    assigned_to: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    # aktualiserad | forhandsbedomning | utredning | insats | avslutad
    status: Mapped[str] = mapped_column(String(30), default="forhandsbedomning")
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    person: Mapped[Person] = relationship(lazy="joined")

    __table_args__ = (
        UniqueConstraint("municipality_id", "case_number", name="uq_case_number"),
        Index("ix_case_unit_status", "unit_id", "status"),
        Index("ix_case_assigned", "assigned_to", "status"),
        Index("ix_case_opened", "opened_on"),
        Index("ix_case_unit_sort", "unit_id", "sort_name", "id"),
        Index("ix_case_unit_opened", "unit_id", "opened_on", "id"),
        # One open case per child and unit: a database rule, so concurrent anmälningar share it.
        Index("uq_case_one_open", "person_id", "unit_id", unique=True,
              sqlite_where=sql_text("status <> 'avslutad'"), postgresql_where=sql_text("status <> 'avslutad'")),
    )


class Anmalan(Tracked, Base):
    """Orosanmälan or other aktualisering."""

    __tablename__ = "anmalan"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    received_at: Mapped[datetime] = mapped_column(index=True)
    channel: Mapped[str] = mapped_column(String(30))  # telefon, brev, e-post, besok, e-tjanst
    reporter_category: Mapped[str] = mapped_column(String(40))
    reporter_name: Mapped[str | None] = mapped_column(String(200))
    reporter_organisation: Mapped[str | None] = mapped_column(String(200))
    reporter_contact: Mapped[str | None] = mapped_column(String(200))
    reporter_anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    reporter_wants_feedback: Mapped[bool] = mapped_column(Boolean, default=False)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    text: Mapped[str] = mapped_column(Text, default="")
    registered_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    children: Mapped[list[AnmalanChild]] = relationship(back_populates="anmalan", lazy="selectin")


class AnmalanChild(Tracked, Base):
    """One child in an anmälan: each child gets its own skyddsbedömning and förhandsbedömning."""

    __tablename__ = "anmalan_child"
    anmalan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("anmalan.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    anmalan: Mapped[Anmalan] = relationship(back_populates="children")


class Skyddsbedomning(Tracked, Base):
    __tablename__ = "skyddsbedomning"
    anmalan_child_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("anmalan_child.id"), unique=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    assessed_at: Mapped[datetime] = mapped_column()
    assessed_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    immediate_need: Mapped[bool] = mapped_column(Boolean)
    assessment: Mapped[str] = mapped_column(Text)
    measures: Mapped[str] = mapped_column(Text, default="")


class Forhandsbedomning(Tracked, Base):
    __tablename__ = "forhandsbedomning"
    anmalan_child_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("anmalan_child.id"), unique=True)
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    started_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # None while open; inleda | inte_inleda | pagaende_utredning
    outcome: Mapped[str | None] = mapped_column(String(30))
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))
    synnerliga_skal: Mapped[str | None] = mapped_column(Text)
    reporter_informed_on: Mapped[date | None] = mapped_column(Date)


class Utredning(Tracked, Base):
    __tablename__ = "utredning"
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    opened_on: Mapped[date] = mapped_column(Date)
    opened_decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))
    due_on: Mapped[date] = mapped_column(Date)  # derived from opened_on and extensions
    plan: Mapped[str] = mapped_column(Text, default="")
    child_view: Mapped[str] = mapped_column(Text, default="")
    guardian_view: Mapped[str] = mapped_column(Text, default="")
    analysis: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None] = mapped_column(Date)
    # insats | utan_insats | ansokan_lvu | overflyttad | nedlagd
    closing_outcome: Mapped[str | None] = mapped_column(String(30))
    closing_decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)


class UtredningSection(Tracked, Base):
    __tablename__ = "utredning_section"
    utredning_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("utredning.id"), index=True)
    heading_key: Mapped[str] = mapped_column(String(60))
    heading: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (UniqueConstraint("utredning_id", "heading_key", name="uq_section_key"),)


class UtredningExtension(Tracked, Base):
    """Förlängd utredningstid: each is a decision with särskilda skäl and a new end date."""

    __tablename__ = "utredning_extension"
    utredning_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("utredning.id"), index=True)
    decided_on: Mapped[date] = mapped_column(Date)
    decided_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    reason: Mapped[str] = mapped_column(Text)
    previous_due_on: Mapped[date] = mapped_column(Date)
    new_due_on: Mapped[date] = mapped_column(Date)
    decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))


class Decision(Tracked, Base):
    """Beslut or beslutsförslag, filled from a fixed template."""

    __tablename__ = "decision"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    template_id: Mapped[str] = mapped_column(String(60), index=True)
    law_version: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    lagrum: Mapped[list[Any]] = mapped_column(default=list)
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # utkast | for_godkannande | godkand | avslagen | pa_dagordning | beslutad | makulerad
    status: Mapped[str] = mapped_column(String(20), default="utkast", index=True)
    drafted_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    content_hash: Mapped[str] = mapped_column(String(64))
    approver_level: Mapped[str | None] = mapped_column(String(30))
    approved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    approved_hash: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None] = mapped_column()
    rejected_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    decided_by_name: Mapped[str | None] = mapped_column(String(200))
    decider_level: Mapped[str | None] = mapped_column(String(30))
    decided_on: Mapped[date | None] = mapped_column(Date, index=True)
    decided_at: Mapped[datetime | None] = mapped_column()
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    delegated: Mapped[bool] = mapped_column(Boolean, default=False)
    meeting_item_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # MeetingItem.decision_id holds the FK
    __table_args__ = (Index("ix_decision_status_decided", "status", "decided_on"),)


class Insats(Tracked, Base):
    """An insats or placering that a decision granted, with its legal basis (SoL/LVU/LVM)."""

    __tablename__ = "insats"
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))
    kind: Mapped[str] = mapped_column(String(30))  # oppenvard, kontaktfamilj, hvb, familjehem ...
    legal_basis: Mapped[str] = mapped_column(String(10))  # SoL | LVU | LVM
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(100))


class Deadline(Tracked, Base):
    """Tidsbevakning: a due date derived by the domain rules from a dated event."""

    __tablename__ = "deadline"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("unit.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    assigned_to: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    kind: Mapped[str] = mapped_column(String(40))
    source_type: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    start_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    met_on: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (
        UniqueConstraint("source_type", "source_id", "kind", name="uq_deadline_source"),
        Index("ix_deadline_unit_open", "unit_id", "met_on", "due_on"),
        Index("ix_deadline_user_open", "assigned_to", "met_on", "due_on"),
    )


class JournalNote(Tracked, Base):
    """Journalanteckning: append-only once signed; a correction points at the note it corrects."""

    __tablename__ = "journal_note"
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    author_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    event_date: Mapped[date] = mapped_column(Date)
    heading: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    signed_at: Mapped[datetime | None] = mapped_column()
    corrects_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("journal_note.id"))


class Meeting(Tracked, Base):
    """IU-sammanträde."""

    __tablename__ = "meeting"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    committee_name: Mapped[str] = mapped_column(String(100), default="Individutskottet")
    meeting_date: Mapped[date] = mapped_column(Date, index=True)
    time_place: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    secretary_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    member_ids: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default="planerad")  # planerad | genomford
    first_paragraph: Mapped[int] = mapped_column(Integer, default=1)
    body: Mapped[str] = mapped_column(String(10), default="utskott", server_default="utskott")  # utskott | namnd
    justerare_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id", name="fk_meeting_justerare"))
    justerad_on: Mapped[date | None] = mapped_column(Date)  # protocol justerat (within 14 days)
    anslag_on: Mapped[date | None] = mapped_column(Date)  # justering announced (laglighetsprövning runs from here)


class MeetingItem(Tracked, Base):
    __tablename__ = "meeting_item"
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decision.id"))
    kind: Mapped[str] = mapped_column(String(20))  # beslut | anmalan (urgent decision reported)
    position: Mapped[int] = mapped_column(Integer)
    paragraph_no: Mapped[int | None] = mapped_column(Integer)
    foredragande_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    outcome: Mapped[str | None] = mapped_column(String(30))  # bifall | avslag | bordlagd | anmald
    outcome_note: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("meeting_id", "decision_id", name="uq_item_decision"),)


class DelegationOrdning(Tracked, Base):
    """The municipality's adopted delegationsordning, stored as its reviewed TOML text."""

    __tablename__ = "delegation_ordning"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    adopted_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PersonRelation(Tracked, Base):
    """A person around a child: vårdnadshavare, parent without custody, familjehem, network."""

    __tablename__ = "person_relation"
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    child_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    # vardnadshavare | sarskilt_forordnad | forelder | familjehem | kontaktperson | god_man | annan
    role: Mapped[str] = mapped_column(String(30))
    custody: Mapped[str | None] = mapped_column(String(20))  # gemensam | ensam (guardians only)
    # This person's address is secret from that person (e.g. from the other guardian).
    address_hidden_from_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    __table_args__ = (
        UniqueConstraint("child_id", "person_id", "role", name="uq_person_relation_child"),
        CheckConstraint("role in ('vardnadshavare','sarskilt_forordnad','forelder','familjehem','kontaktperson',"
                        "'god_man','annan')", name="role"),
    )


class Consent(Tracked, Base):
    """Samtycke per guardian (and per child from 15); the latest row per person and subject counts."""

    __tablename__ = "consent"
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    subject: Mapped[str] = mapped_column(String(60))  # a template id or an insats kind
    status: Mapped[str] = mapped_column(String(20))  # given | refused | not_asked | withdrawn
    recorded_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    __table_args__ = (
        CheckConstraint("status in ('given','refused','not_asked','withdrawn')", name="status"),
    )


class Kommunicering(Tracked, Base):
    """Material sent to a party for comment before a decision (FL 25 §)."""

    __tablename__ = "kommunicering"
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case_file.id"), index=True)
    decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    what: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(30))
    sent_on: Mapped[date] = mapped_column(Date)
    reply_due_on: Mapped[date] = mapped_column(Date)
    reply_on: Mapped[date | None] = mapped_column(Date)
    reply_text: Mapped[str | None] = mapped_column(Text)


class DecisionParty(Tracked, Base):
    """A party to a decision: how and when notified, and any appeal."""

    __tablename__ = "decision_party"
    decision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("decision.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    capacity: Mapped[str] = mapped_column(String(30))  # vardnadshavare | barnet | den_enskilde
    notified_on: Mapped[date | None] = mapped_column(Date)
    notified_how: Mapped[str | None] = mapped_column(String(30))  # brev | delgivning | personligen
    appeal_received_on: Mapped[date | None] = mapped_column(Date)
    appeal_forwarded_on: Mapped[date | None] = mapped_column(Date)
    __table_args__ = (UniqueConstraint("decision_id", "person_id", name="uq_decision_party_decision_id"),)


class AuditLog(Base):
    """SoLPuL 10 §: every read and change of a person's data, written in the same transaction."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    username: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(40))
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    # The hash chain (db/audit_chain.py): position, the previous row's hash and this row's hash.
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # The persons a list or search showed: their ids as 32 hex digits, space-separated (see
    # db/audit_chain.py). One value, not one row per person: a 100-row list stays one insert.
    shown_persons: Mapped[str | None] = mapped_column(Text)


class AuditChainHead(Base):
    """One row: the last position and hash of the chain; locked while a row is appended."""

    __tablename__ = "audit_chain_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    hash: Mapped[str] = mapped_column(String(64))


class AuditReviewMark(Base):
    """A log-review finding the systemansvarig has checked, with a note (SoLPuL 10 §)."""

    __tablename__ = "audit_review_mark"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    municipality_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("municipality.id"))
    rule: Mapped[str] = mapped_column(String(40))
    finding_key: Mapped[str] = mapped_column(String(200))
    checked_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"))
    checked_at: Mapped[datetime] = mapped_column()
    note: Mapped[str] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("municipality_id", "rule", "finding_key", name="uq_review_mark"),)


class AccessReason(Base):
    """PostgreSQL: a stated reason that opens another unit's case contents for one transaction.

    Written only by the database function ifodesk_state_reason (staff have no grant on it)."""

    __tablename__ = "access_reason"
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    pid: Mapped[int] = mapped_column(Integer)
    xact: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    login_name: Mapped[str] = mapped_column(String(63))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column()
    __table_args__ = (Index("ix_access_reason_pid_xact", "pid", "xact"),)


# Models kept in their own modules register on the same metadata when models is imported.
from . import models_offline  # noqa: E402,F401  (offline copies, issue 12)
from . import models_handover  # noqa: E402,F401  (absence cover, issue 8)
from . import models_verkstallighet  # noqa: E402,F401  (verkställighet, issue 13)
from . import models_court  # noqa: E402,F401  (the court's ruling, issue 10)
