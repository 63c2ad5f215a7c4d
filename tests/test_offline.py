"""Offline (issue 12): check out, work offline, check in with per-field merges, nothing lost,
nothing applied twice; encrypted at rest; expired copies refused; revoke keeps the changes."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import func, select

from ifodesk.db.models import AuditLog, Decision, JournalNote, Utredning, UtredningSection
from ifodesk.db.models_offline import CheckinApplied, OfflineHeldIntent
from ifodesk.offline import store
from ifodesk.services import cases as case_svc
from ifodesk.services import decisions, journal, offline
from ifodesk.services.dto import ChildInput
from ifodesk.services.errors import PermissionDenied
from ifodesk.services.offline_local import OfflineRefused, open_copy

from offline_support import INLEDA, case_with_utredning, laptop_copy
from test_case_path import anmalan

NOTE = "Hembesök: pappan berättade om oron kring skolan"


def offline_work(octx, case_id, ut):
    """A note, utredning text (analysis twice, a section), a decision draft edited afterwards."""
    journal.add_note(octx, case_id, event_date=date(2026, 3, 2), text=NOTE, heading="Hembesök")
    u = case_svc.update_utredning(octx, ut.id, ut.version, analysis="Min analys, första utkast")
    case_svc.update_utredning(octx, ut.id, u.version, analysis="Min analys efter hembesöket", plan=None)
    sec = ut.sections[0]
    case_svc.save_section(octx, sec.id, sec.version, "Avsnitt skrivet på tåget")
    d = decisions.draft_decision(octx, case_id, "inleda_utredning", dict(INLEDA, fakta="Offline fakta"))
    decisions.update_fields(octx, d.id, d.version, dict(d.fields, motivering="Offline motivering"))
    return d


def test_check_out_work_offline_and_check_in_with_per_field_merge(ctx, org, db, tmp_path):
    case_id, ut = case_with_utredning(ctx, org)
    copy, octx, _key = laptop_copy(ctx, [case_id], tmp_path / "kopia.ifodesk-offline")
    assert "Utcheckad till bärbar dator av Anna Lind" in offline.checkout_note(ctx, case_id)
    d = offline_work(octx, case_id, ut)
    routing = decisions.routing(octx, d.id)  # who may decide is shown offline, from the copied delegationsordning
    assert routing.route == "sign" and routing.required_label
    with pytest.raises(OfflineRefused, match="efter incheckningen"):
        decisions.sign(octx, d.id, 2)
    with pytest.raises(OfflineRefused, match="servern"):
        case_svc.register_anmalan(octx, anmalan(org, ChildInput("20180704-9810", "Nils", "Öberg")))
    with pytest.raises(OfflineRefused):
        journal.add_note(octx, case_id, event_date=date(2026, 3, 2), text="signerad", sign=True)
    # Meanwhile on the server: the same analysis field and another field are changed.
    fresh = case_svc.get_utredning(ctx, ut.id)
    case_svc.update_utredning(ctx, ut.id, fresh.version, analysis="Kollegans analys", plan="Kollegans plan")

    intents = copy.intents()
    assert [i.call for i in intents] == ["journal.add_note", "cases.update_utredning", "cases.update_utredning",
                                         "cases.save_section", "decisions.draft_decision", "decisions.update_fields"]
    log = copy.audit_rows()
    assert {"create", "update"} <= {r["action"] for r in log}
    first = offline.check_in(ctx, copy.header.copy_id, intents, offline_log=log)
    assert not first.done and first.refused == []
    [c] = first.conflicts
    assert (c.field, c.base, c.mine, c.theirs) == ("analysis", "", "Min analys efter hembesöket", "Kollegans analys")
    # Nothing on that record was applied yet; everything else arrived.
    with db.session() as s:
        assert s.get(Utredning, ut.id).analysis == "Kollegans analys"
        assert s.scalar(select(func.count()).select_from(JournalNote).where(JournalNote.text == NOTE)) == 1
        assert s.get(UtredningSection, ut.sections[0].id).text == "Avsnitt skrivet på tåget"
        assert s.get(Decision, d.id).fields["motivering"] == "Offline motivering"
    merged = "Kollegans analys\n\nMin analys efter hembesöket"
    second = offline.check_in(ctx, copy.header.copy_id, intents, {f"{c.intent_id}:analysis": merged},
                              offline_log=log)
    assert second.done and second.conflicts == []
    third = offline.check_in(ctx, copy.header.copy_id, intents)  # a repeat does nothing
    assert third.done and third.applied == 0 and third.already == len(intents)
    with db.session() as s:
        u = s.get(Utredning, ut.id)
        assert (u.analysis, u.plan) == (merged, "Kollegans plan")
        assert s.scalar(select(func.count()).select_from(JournalNote).where(JournalNote.text == NOTE)) == 1
        assert s.scalar(select(func.count()).select_from(CheckinApplied)) == len(intents) + 1  # + the log
        offline_rows = s.scalars(select(AuditLog).where(AuditLog.detail.like("offline %"))).all()
        assert len(offline_rows) == len(log)  # copied once, not at each resume
        assert any(r.action == "offline_checkin" for r in s.scalars(select(AuditLog)))
    assert offline.checkout_note(ctx, case_id) is None


def _state(db, case_id, ut_id, sec_id):
    with db.session() as s:
        u = s.get(Utredning, ut_id)
        notes = sorted(n.text for n in s.scalars(select(JournalNote).where(JournalNote.case_id == case_id)))
        drafts = sorted(str(sorted(d.fields.items())) for d in s.scalars(
            select(Decision).where(Decision.case_id == case_id, Decision.status == "utkast")))
        return (u.analysis, u.plan, s.get(UtredningSection, sec_id).text, tuple(notes), tuple(drafts))


def test_check_in_killed_at_random_points_resumes_to_the_same_end_state(ctx, org, db, tmp_path):
    rng = random.Random(12)
    people = [("20150312-9809", "Maja", "Öberg"), ("20180704-9810", "Nils", "Öberg"),
              ("20120101-9807", "Alva", "Ek"), ("20130202-9804", "Elsa", "Åberg"),
              ("20140303-9801", "Ida", "Ström"), ("20160404-9807", "Ebba", "Lund")]
    reference, kills = None, 0
    for round_no, person in enumerate(people):
        case_id, ut = case_with_utredning(ctx, org, *person)
        copy, octx, _ = laptop_copy(ctx, [case_id], tmp_path / f"k{round_no}")
        offline_work(octx, case_id, ut)
        intents = copy.intents()
        if round_no == 0:
            result = offline.check_in(ctx, copy.header.copy_id, intents)
            assert result.done
            reference = _state(db, case_id, ut.id, ut.sections[0].id)
            continue
        round_kills = 0
        while True:
            armed = round_kills < 10  # up to ten kills per round, each at a random point, then it finishes

            def interrupt(seq, stage):
                if armed and rng.random() < 0.35:
                    raise KeyboardInterrupt("killed")
            try:
                result = offline.check_in(ctx, copy.header.copy_id, intents, interrupt=interrupt)
            except KeyboardInterrupt:
                kills += 1
                round_kills += 1
                continue
            if result.done:
                break
        assert _state(db, case_id, ut.id, ut.sections[0].id) == reference
        with db.session() as s:
            applied = s.scalar(select(func.count()).select_from(CheckinApplied)
                               .where(CheckinApplied.copy_id == __import__("uuid").UUID(copy.header.copy_id)))
        assert applied == len(intents)
    assert kills >= 40  # five rounds of (up to) ten kills each


def test_offline_file_is_encrypted_and_owner_only(ctx, org, tmp_path):
    case_id, ut = case_with_utredning(ctx, org)
    path = tmp_path / "kopia.ifodesk-offline"
    copy, octx, key = laptop_copy(ctx, [case_id], path)
    journal.add_note(octx, case_id, event_date=date(2026, 3, 2), text=NOTE)
    blob = path.read_bytes()
    # The file is base64 text (Fernet): a four-letter ASCII name like "Maja" turns up in it by chance
    # (about one run in three), so short ASCII words are not searched; the surname, personnummer,
    # case number and note are.
    for secret in ("Öberg", "201503129809", "20150312", "hembesök", "Hembesök", "BU-2026", NOTE[:20]):
        assert secret.encode("utf-8") not in blob and secret.lower().encode("utf-8") not in blob
    assert b"SQLite format" not in blob
    assert (path.stat().st_mode & 0o077) == 0
    again = open_copy(path, key, now=copy.header.checked_out_at)
    assert [i.call for i in again.intents()] == ["journal.add_note"]
    with pytest.raises(store.OfflineFileError):
        open_copy(path, Fernet.generate_key(), now=copy.header.checked_out_at)


def test_expired_copy_refuses_to_open(ctx, org, tmp_path, clock):
    case_id, _ = case_with_utredning(ctx, org)
    path = tmp_path / "kopia"
    copy, _octx, key = laptop_copy(ctx, [case_id], path)
    open_copy(path, key, now=copy.header.checked_out_at + timedelta(days=13))
    with pytest.raises(store.OfflineFileError, match="äldre än 14 dagar"):
        open_copy(path, key, now=copy.header.checked_out_at + timedelta(days=15))
    with pytest.raises(store.OfflineFileError, match="äldre än 3 dagar"):
        open_copy(path, key, now=copy.header.checked_out_at + timedelta(days=4), max_age_days=3)


def test_revoked_copy_is_refused_and_its_changes_kept_for_review(ctx, ctx_for, org, db, tmp_path):
    case_id, ut = case_with_utredning(ctx, org)
    copy, octx, _ = laptop_copy(ctx, [case_id], tmp_path / "k")
    journal.add_note(octx, case_id, event_date=date(2026, 3, 2), text=NOTE)
    admin = ctx_for("ida.it") if _has_user(db, "ida.it") else _system_ctx(ctx, db)
    rows = offline.list_checkouts(admin)
    assert [(r.username, r.revoked) for r in rows] == [("anna.lind", False)]
    assert offline.revoke(admin, "anna.lind") == 1
    with pytest.raises(PermissionDenied, match="återkallats"):
        offline.check_in(ctx, copy.header.copy_id, copy.intents())
    with db.session() as s:
        held = s.scalars(select(OfflineHeldIntent)).all()
        assert [h.call for h in held] == ["journal.add_note"] and NOTE in str(held[0].payload)
        assert s.scalar(select(func.count()).select_from(JournalNote).where(JournalNote.text == NOTE)) == 0


def test_checkout_of_someone_elses_case_needs_a_reason(ctx, ctx_for, org, tmp_path):
    case_id, _ = case_with_utredning(ctx, org)
    other = ctx_for("petra.vuxen")
    with pytest.raises(PermissionDenied):
        offline.check_out(other, [case_id], laptop="X")


def _has_user(db, username):
    from ifodesk.db.models import User

    with db.session() as s:
        return s.scalar(select(User).where(User.username == username)) is not None


def _system_ctx(ctx, db):
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext

    return ServiceContext(db, system_actor(db, ctx.actor.municipality_id), ctx.municipality, ctx.clock)


def test_admin_cli_lists_overdue_and_revokes(ctx, org, db, tmp_path, capsys, clock, monkeypatch):
    from ifodesk.cli import main

    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("IFODESK_CONFIG", str(empty))
    monkeypatch.delenv("IFODESK_DATABASE_URL", raising=False)
    case_id, _ = case_with_utredning(ctx, org)
    laptop_copy(ctx, [case_id], tmp_path / "k")
    assert main(["offline", "list", "--database", db.url]) == 0
    out = capsys.readouterr().out
    assert "anna.lind" in out and "BU-2026-00001" in out and "BÄRBAR-7" in out
    assert "FÖRSENAD" in out  # checked out 2026-03-02 (the test clock), long ago by the real clock
    assert main(["offline", "revoke", "--database", db.url, "--user", "okänd användare"]) == 2
    assert "Ogiltigt användarnamn" in capsys.readouterr().err
    assert main(["offline", "revoke", "--database", db.url, "--user", "nisse.finns.inte"]) == 2
    assert "finns inte" in capsys.readouterr().err
    assert main(["offline", "revoke", "--database", db.url, "--user", "anna.lind"]) == 0
    assert "1 utcheckade ärenden för anna.lind återkallade" in capsys.readouterr().out
    assert main(["offline", "list", "--database", db.url]) == 0
    assert "återkallad" in capsys.readouterr().out
