"""Which service calls may be made offline, what each changes, and what is refused (issue 12).

An allowed call is recorded as an intent and replayed at check-in; any other call that would
write is refused with a Swedish message, so nothing is done offline that the server never hears of.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ifodesk.db.models import Decision, Forhandsbedomning, JournalNote, Utredning, UtredningSection


@dataclass(frozen=True)
class Spec:
    kind: str  # record kind, as in the audit log
    model: type
    id_arg: str | None = None  # None: the call creates the record
    fields: dict[str, str] = field(default_factory=dict)  # attribute -> Swedish label
    dict_field: str | None = None  # the record keeps its values in one dict (decision.fields)


SPECS: dict[str, Spec] = {
    "journal.add_note": Spec("journal_note", JournalNote),
    "journal.update_draft": Spec("journal_note", JournalNote, "note_id", {"text": "Anteckning", "heading": "Rubrik"}),
    "cases.update_utredning": Spec("utredning", Utredning, "utredning_id", {
        "plan": "Utredningsplan", "child_view": "Barnets syn", "guardian_view": "Vårdnadshavarnas syn",
        "analysis": "Analys och bedömning"}),
    "cases.save_section": Spec("utredning_section", UtredningSection, "section_id", {"text": "Avsnittets text"}),
    "cases.save_forhandsbedomning_notes": Spec("forhandsbedomning", Forhandsbedomning, "fb_id",
                                               {"notes": "Förhandsbedömningens anteckningar"}),
    "decisions.draft_decision": Spec("decision", Decision),
    "decisions.update_fields": Spec("decision", Decision, "decision_id", dict_field="fields"),
}

# What kind of change an intent is, in words without its content (the review of held changes).
CHANGE_LABELS: dict[str, str] = {
    "journal.add_note": "ny journalanteckning",
    "journal.update_draft": "ändrad journalanteckning",
    "cases.update_utredning": "utredningstext",
    "cases.save_section": "utredningsavsnitt",
    "cases.save_forhandsbedomning_notes": "förhandsbedömningens anteckningar",
    "decisions.draft_decision": "nytt beslutsförslag",
    "decisions.update_fields": "ändrat beslutsförslag",
}

SERVER_ONLY = "Det här kräver servern och kan inte göras offline. Gör det efter incheckningen."
REFUSED: dict[str, str] = {
    "decisions.sign": "Beslut fattas inte offline: det kräver serverns tid och gällande delegation. "
                      "Fatta beslutet efter incheckningen.",
    "decisions.approve": "Godkännande görs inte offline. Det görs efter incheckningen.",
    "decisions.reject": "Godkännande och avslag görs inte offline. Det görs efter incheckningen.",
    "decisions.send_for_approval": "Förslaget skickas för godkännande efter incheckningen.",
    "decisions.discard_draft": "Utkast makuleras efter incheckningen.",
    "journal.sign_note": "Journalanteckningar signeras efter incheckningen (signering kräver serverns tid).",
    "cases.register_anmalan": "Nya anmälningar och ärendenummer kan bara registreras mot servern.",
    "meetings": "Utskottets föredragningslista och sammanträden hanteras bara mot servern, inte offline.",
}


def call_name(fn) -> str:
    return f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"


def refusal(name: str) -> str:
    return REFUSED.get(name) or REFUSED.get(name.split(".", 1)[0]) or SERVER_ONLY


def field_values(spec: Spec, obj) -> dict[str, Any]:
    """The current values of what the spec changes, keyed as intents key them."""
    if spec.dict_field:
        return {f"{spec.dict_field}.{k}": v for k, v in (getattr(obj, spec.dict_field) or {}).items()}
    return {name: getattr(obj, name) for name in spec.fields}


def mine_values(spec: Spec, args: dict[str, Any]) -> dict[str, Any]:
    """The values a call sets (None arguments leave a field as it is)."""
    if spec.dict_field:
        return {f"{spec.dict_field}.{k}": v for k, v in (args.get(spec.dict_field) or {}).items()}
    return {name: args[name] for name in spec.fields if args.get(name) is not None}


def labels(spec: Spec, values: dict[str, Any]) -> dict[str, str]:
    if spec.dict_field:
        return {k: "Beslutsförslagets fält ”" + k.split(".", 1)[1] + "”" for k in values}
    return dict(spec.fields)
