"""Plain data fed to the PDF writers in :mod:`ifodesk.documents.pdf`.

The services layer maps database rows into these frozen dataclasses; the writers never see ORM
objects. All strings are printed literally (markup is escaped by the writer). Every field that
ends up on paper is typed here, so a reviewer can see exactly what a document may contain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

APPEAL_KINDS = ("forvaltningsbesvar", "laglighetsprovning", "none")
AGENDA_KINDS = ("beslut", "anmalan")
AUDIENCES = ("self", "guardian", "youth")


@dataclass(frozen=True, kw_only=True)
class Letterhead:
    """The sender printed in the header and footer of every page."""

    municipality_name: str
    board_name: str  # the nämnd, e.g. "Socialnämnden"
    unit_name: str
    address_lines: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    org_number: str = ""


@dataclass(frozen=True, kw_only=True)
class PartyInfo:
    """The person a document concerns.

    When ``protected`` is True (skyddade personuppgifter) the writers never print
    ``address_lines``, whatever it holds, and show the protection phrase instead.
    """

    name: str
    personnummer_display: str
    address_lines: tuple[str, ...] | None = None
    protected: bool = False


@dataclass(frozen=True, kw_only=True)
class DecisionLetter:
    """A decision (beslut) with everything FL 31-33 §§ require."""

    letterhead: Letterhead
    case_number: str
    decision_date: date
    party: PartyInfo
    title: str
    decision_text: str
    lagrum: tuple[str, ...]
    motivering: str  # the reasons, including the decisive facts
    decided_by_name: str
    decided_by_title: str
    foredragande_name: str | None = None
    participants: tuple[str, ...] = ()  # took part without deciding
    delegation_note: str | None = None
    appeal: str = "none"  # one of APPEAL_KINDS
    appeal_text: str = ""
    urgent_note: str | None = None
    law_version: str = ""
    # Per-recipient letters (one per party). ``recipient`` gets the address block; None means
    # ``party`` itself (an adult's own matter). ``for_file`` is the copy for the akt: no address
    # block, the send list instead. ``audience`` sets the wording: self | guardian | youth.
    recipient: PartyInfo | None = None
    for_file: bool = False
    audience: str = "self"
    child_first_name: str = ""
    send_list: tuple[str, ...] = ()  # names and capacities, never addresses
    delegated: bool = False  # taken under delegation: no meeting, nobody "present"
    contact: str = ""  # who to ask, for the letter to a young person

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES:
            raise ValueError(f"audience must be one of {AUDIENCES}, got {self.audience!r}")
        if self.appeal not in APPEAL_KINDS:
            raise ValueError(f"appeal must be one of {APPEAL_KINDS}, got {self.appeal!r}")
        if self.appeal != "none" and not self.appeal_text.strip():
            # FL 33 §: an appealable decision must say how to appeal; refuse to print without it.
            raise ValueError("appeal_text is required when the decision can be appealed")


@dataclass(frozen=True, kw_only=True)
class AgendaItem:
    """One row of a föredragningslista.

    ``party_display`` must not expose full identity (initials + birth year); the caller supplies it.
    """

    paragraph_no: int | None
    case_number: str
    title: str
    party_display: str
    foredragande: str
    kind: str = "beslut"  # one of AGENDA_KINDS
    protected: bool = False  # skyddade personuppgifter: the row shows the marking

    def __post_init__(self) -> None:
        if self.kind not in AGENDA_KINDS:
            raise ValueError(f"kind must be one of {AGENDA_KINDS}, got {self.kind!r}")


@dataclass(frozen=True, kw_only=True)
class MeetingAgenda:
    letterhead: Letterhead
    committee_name: str = "Individutskottet"
    meeting_date: date
    time_place: str
    members: tuple[str, ...]
    chair: str
    secretary: str
    items: tuple[AgendaItem, ...]


@dataclass(frozen=True, kw_only=True)
class ProtocolExtract:
    """A protokollsutdrag for one paragraph, with utdragsbestyrkande."""

    letterhead: Letterhead
    committee_name: str
    meeting_date: date
    paragraph_no: int
    case_number: str
    party: PartyInfo
    title: str
    decision_text: str
    lagrum: tuple[str, ...]
    motivering: str
    present_members: tuple[str, ...]
    chair: str
    secretary: str
    justerare: str | None = None
    appeal_text: str = ""
    extract_certified_by: str


@dataclass(frozen=True, kw_only=True)
class DelegationListRow:
    decision_date: date
    case_number: str
    title: str
    lagrum: tuple[str, ...]
    decided_by: str
    level_label: str
    party_initials: str
    protected: bool = False  # skyddade personuppgifter: the row shows the marking


@dataclass(frozen=True, kw_only=True)
class DelegationList:
    """Anmälan av delegationsbeslut to the nämnd (KL 6:40, 7:8)."""

    letterhead: Letterhead
    period_from: date
    period_to: date
    rows: tuple[DelegationListRow, ...]
