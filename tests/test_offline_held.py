"""The held changes of a revoked offline copy (issue 12): listed without content, handed back to the
handläggare to check in through the normal merge, or discarded with a reason kept in the log."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from ifodesk.db.models import AuditLog, JournalNote, Utredning
from ifodesk.db.models_offline import OfflineHeldIntent
from ifodesk.services import cases as case_svc
from ifodesk.services import journal, offline, offline_held
from ifodesk.services.errors import NotFound, PermissionDenied, ValidationError

from offline_support import case_with_utredning, laptop_copy
from test_offline import NOTE, _system_ctx

ANALYSIS = "Min analys efter hembesöket"


def revoked_copy(ctx, org, db, tmp_path):
    """Anna's copy with a note and an analysis, revoked by IT, its changes held on the server."""
    case_id, ut = case_with_utredning(ctx, org)
    copy, octx, _ = laptop_copy(ctx, [case_id], tmp_path / "k")
    journal.add_note(octx, case_id, event_date=date(2026, 3, 2), text=NOTE)
    case_svc.update_utredning(octx, ut.id, ut.version, analysis=ANALYSIS)
    admin = _system_ctx(ctx, db)
    offline.revoke(admin, "anna.lind")
    with pytest.raises(offline.CopyRevoked):
        offline.check_in(ctx, copy.header.copy_id, copy.intents(), offline_log=copy.audit_rows())
    return case_id, ut, copy, admin


def test_held_changes_are_listed_by_case_number_and_kind_only(ctx, org, db, tmp_path):
    case_id, _ut, copy, admin = revoked_copy(ctx, org, db, tmp_path)
    [held] = offline_held.list_held(admin)
    assert (held.copy_id, held.username, held.status) == (copy.header.copy_id, "anna.lind", "held")
    assert held.case_numbers == ("BU-2026-00001",) and held.laptop == "BÄRBAR-7"
    assert held.changes == (("ny journalanteckning", 1), ("utredningstext", 1))
    assert NOTE not in repr(held) and ANALYSIS not in repr(held) and "Öberg" not in repr(held)
    assert offline_held.list_held(admin, "anna.lind") == [held]
    assert offline_held.list_held(admin, "erik.sjoberg") == []
    with pytest.raises(NotFound):
        offline_held.list_held(admin, "nisse.finns.inte")
    with db.session() as s:  # what was read offline reached the server's log although the copy was refused
        assert s.scalars(select(AuditLog).where(AuditLog.detail.like("offline %"))).first() is not None
    with pytest.raises(PermissionDenied):  # a handläggare does not review IT's list
        offline_held.list_held(ctx)


def test_released_changes_are_checked_in_by_their_author_through_the_merge(ctx, ctx_for, org, db, tmp_path):
    case_id, ut, copy, admin = revoked_copy(ctx, org, db, tmp_path)
    fresh = case_svc.get_utredning(ctx, ut.id)  # meanwhile a colleague wrote the same field
    case_svc.update_utredning(ctx_for("erik.sjoberg"), ut.id, fresh.version, analysis="Eriks analys")
    assert offline_held.released_copies(ctx) == []
    with pytest.raises(ValidationError, match="arbetsledningen"):  # a handläggare cannot decide it
        offline_held.release(admin, copy.header.copy_id, decided_by="erik.sjoberg")
    released = offline_held.release(admin, copy.header.copy_id[:8], decided_by="admin")
    assert (released.status, released.decided_by) == ("released", "admin")
    with pytest.raises(ValidationError, match="redan återlämnad"):
        offline_held.discard(admin, copy.header.copy_id, reason="Dubbelarbete, redan inskrivet",
                             decided_by="karin.berg")
    with pytest.raises(NotFound):  # only the author brings them in
        offline_held.released_intents(ctx_for("erik.sjoberg"), copy.header.copy_id)

    [mine] = offline_held.released_copies(ctx)
    intents = offline_held.released_intents(ctx, mine.copy_id)
    first = offline.check_in(ctx, mine.copy_id, intents)
    [c] = first.conflicts  # the normal per-field merge, not a silent overwrite
    assert (c.field, c.mine, c.theirs) == ("analysis", ANALYSIS, "Eriks analys")
    done = offline.check_in(ctx, mine.copy_id, intents, {f"{c.intent_id}:analysis": "Eriks analys\n" + ANALYSIS})
    assert done.done
    with db.session() as s:
        assert s.get(Utredning, ut.id).analysis == "Eriks analys\n" + ANALYSIS
        assert [n.text for n in s.scalars(select(JournalNote).where(JournalNote.case_id == case_id))] == [NOTE]
        assert {h.status for h in s.scalars(select(OfflineHeldIntent))} == {"checked_in"}
        logged = s.scalars(select(AuditLog).where(AuditLog.action == "offline_held_release")).all()
        assert [r.entity_id for r in logged] == [str(case_id)]
    assert offline_held.released_copies(ctx) == []
    assert [h.status for h in offline_held.list_held(admin)] == ["checked_in"]


def test_discard_needs_a_reason_and_a_responsible_person_and_keeps_only_the_decision(ctx, org, db, tmp_path):
    case_id, _ut, copy, admin = revoked_copy(ctx, org, db, tmp_path)
    cid = copy.header.copy_id
    for kwargs, message in ((dict(reason="kort", decided_by="karin.berg"), "minst 10 tecken"),
                            (dict(reason="..........", decided_by="karin.berg"), "minst 10 tecken"),
                            (dict(reason="Skrivet på fel ärende", decided_by="admin"), "arbetsledningen"),
                            (dict(reason="Skrivet på fel ärende", decided_by="nisse.finns.inte"), "ingen aktiv")):
        with pytest.raises(ValidationError, match=message):
            offline_held.discard(admin, cid, **kwargs)
    with pytest.raises(ValidationError, match="Ogiltigt kopie-id"):
        offline_held.discard(admin, "inte-ett-id; drop", reason="Skrivet på fel ärende", decided_by="karin.berg")
    with pytest.raises(NotFound):
        offline_held.discard(admin, str(uuid.uuid4()), reason="Skrivet på fel ärende", decided_by="karin.berg")
    with db.session() as s:
        assert {h.status for h in s.scalars(select(OfflineHeldIntent))} == {"held"}  # nothing changed by those

    gone = offline_held.discard(admin, cid, reason="Skrivet på fel ärende,  finns redan i journalen",
                                decided_by="karin.berg")
    assert (gone.status, gone.decided_by) == ("discarded", "karin.berg")
    assert gone.changes == (("ny journalanteckning", 1), ("utredningstext", 1))  # what it was stays known
    with db.session() as s:
        held = s.scalars(select(OfflineHeldIntent)).all()
        assert all(h.payload == {} for h in held) and NOTE not in str([h.payload for h in held])
        assert {h.decision_reason for h in held} == {"Skrivet på fel ärende, finns redan i journalen"}
        [row] = s.scalars(select(AuditLog).where(AuditLog.action == "offline_held_discard")).all()
        assert row.entity_id == str(case_id) and row.reason == "Skrivet på fel ärende, finns redan i journalen"
        assert "karin.berg" in row.detail and "1 ny journalanteckning" in row.detail and NOTE not in row.detail
    with pytest.raises(ValidationError, match="redan kasserad"):
        offline_held.release(admin, cid, decided_by="karin.berg")
    # The laptop, never told, tries again: still refused, nothing applied.
    with pytest.raises(offline.CopyRevoked):
        offline.check_in(ctx, cid, copy.intents())
    with db.session() as s:
        assert s.scalars(select(JournalNote).where(JournalNote.text == NOTE)).first() is None


def test_admin_cli_held_release_discard(ctx, org, db, tmp_path, capsys, monkeypatch):
    from ifodesk.cli import main

    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("IFODESK_CONFIG", str(empty))
    monkeypatch.delenv("IFODESK_DATABASE_URL", raising=False)
    url = ["--database", db.url]
    assert main(["offline", "held", *url]) == 0
    assert "Inga ändringar" in capsys.readouterr().out
    _case_id, _ut, copy, _admin = revoked_copy(ctx, org, db, tmp_path)
    cid = copy.header.copy_id

    assert main(["offline", "held", *url]) == 0
    out = capsys.readouterr().out
    assert cid in out and "BU-2026-00001" in out and "1 ny journalanteckning" in out and "anna.lind" in out
    assert NOTE not in out and ANALYSIS not in out and "Öberg" not in out
    assert main(["offline", "held", *url, "--user", "nisse.finns.inte"]) == 2
    assert "finns inte" in capsys.readouterr().err
    assert main(["offline", "held", *url, "--user", "fel namn"]) == 2
    assert "Ogiltigt användarnamn" in capsys.readouterr().err

    for argv, message in ((["release", "--copy", "xyz", "--decided-by", "karin.berg"], "Ogiltigt kopie-id"),
                          (["release", "--copy", str(uuid.uuid4()), "--decided-by", "karin.berg"], "inga sparade"),
                          (["release", "--copy", cid, "--decided-by", "erik.sjoberg"], "arbetsledningen"),
                          (["discard", "--copy", cid, "--reason", "nej", "--decided-by", "karin.berg"], "minst 10"),
                          (["discard", "--copy", cid, "--reason", "Skrivet på fel ärende", "--decided-by", "admin"],
                           "arbetsledningen")):
        assert main(["offline", *argv, *url]) == 2, argv
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err, (argv, err)
    assert main(["offline", "discard", "--copy", cid[:8], "--reason", "Skrivet på fel ärende, finns i journalen",
                 "--decided-by", "karin.berg", *url]) == 0
    out = capsys.readouterr().out
    assert "kasserad (karin.berg)" in out and "loggen" in out
    assert main(["offline", "held", *url]) == 0
    assert "Inga ändringar" in capsys.readouterr().out
    assert main(["offline", "held", "--all", *url]) == 0
    assert "kasserad" in capsys.readouterr().out
    assert main(["offline", "release", "--copy", cid, "--decided-by", "karin.berg", *url]) == 2
    assert "redan kasserad" in capsys.readouterr().err
