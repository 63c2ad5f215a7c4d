"""The audit log as a hash chain: `ifodesk-admin audit verify` finds edits and deletions; list reads
record the persons shown; concurrent writers keep the chain whole."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import select, text

from ifodesk.cli import main
from ifodesk.db.audit_chain import unpack_persons
from ifodesk.db.models import AuditLog
from ifodesk.services import caseview, cases, decisions, deadlines, inbox, meetings
from ifodesk.services.context import STOCKHOLM
from ifodesk.services.dto import AnmalanInput, ChildInput

MAJA = "20150312-9809"
NILS = "20180704-9810"


def _report(org, *children):
    return AnmalanInput(unit_id=org.unit.id, received_at=datetime(2026, 3, 2, 8, 15, tzinfo=STOCKHOLM),
                        channel="telefon", reporter_category="skola", children=tuple(children),
                        reasons=("omsorgssvikt",), text="Orolig.", reporter_name="Lena Rektor")


@pytest.fixture
def logged(ctx, org):
    """Two children's cases, opened and listed: a dozen audit rows, some with person lists."""
    res = cases.register_anmalan(ctx, _report(org, ChildInput(MAJA, "Maja", "Öberg"), ChildInput(NILS, "Nils", "Öberg")))
    ids = [c.case_id for c in res.children]
    for cid in ids:
        caseview.get_case(ctx, cid)
    caseview.case_rows(ctx, ids)
    inbox.new_reports(ctx)
    return res


def _verify(db, capsys) -> tuple[int, str]:
    code = main(["audit", "verify", "--database", db.url])
    out = capsys.readouterr()
    return code, out.out + out.err


def _rows(db) -> list:
    with db.session() as s:
        return s.execute(select(AuditLog.id, AuditLog.seq, AuditLog.at).order_by(AuditLog.seq)).all()


def test_an_intact_chain_is_reported_whole_with_its_length(db, logged, capsys):
    n = len(_rows(db))
    assert n >= 6
    code, out = _verify(db, capsys)
    assert code == 0
    assert f"Loggkedjan är hel ({n} rader)" in out


def test_an_edited_row_is_named_and_the_exit_code_is_non_zero(db, logged, capsys):
    rows = _rows(db)
    target = rows[3]
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET username = 'någon.annan' WHERE id = :i"), {"i": target.id})
    code, out = _verify(db, capsys)
    assert code == 1
    assert f"rad id {target.id} " in out and "innehåll" in out
    assert target.at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M") in out
    assert "Maja" not in out and "9809" not in out  # no personal data in the message


def test_a_row_rewritten_with_a_fresh_hash_breaks_the_next_link(db, logged, capsys):
    from ifodesk.db.audit_chain import row_hash

    rows = _rows(db)
    with db.session(write=True) as s:
        r = s.get(AuditLog, rows[2].id)
        r.detail = "ändrad i efterhand"
        r.hash = row_hash(r.seq, r.at, r.user_id, r.username, r.action, r.entity, r.entity_id, r.person_id,
                          r.reason, r.detail, r.shown_persons, r.prev_hash)
    code, out = _verify(db, capsys)
    assert code == 1
    assert f"rad id {rows[3].id} " in out and "länken" in out


def test_a_deleted_row_is_named_as_a_missing_link(db, logged, capsys):
    rows = _rows(db)
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": rows[4].id})
    code, out = _verify(db, capsys)
    assert code == 1
    assert f"rad id {rows[5].id} " in out and "saknas" in out and f"position {rows[4].seq}" in out


def test_deleting_the_newest_rows_is_noticed(db, logged, capsys):
    rows = _rows(db)
    with db.engine.begin() as c:
        for r in rows[-2:]:
            c.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": r.id})
    code, out = _verify(db, capsys)
    assert code == 1 and "i slutet" in out and f"rad id {rows[-3].id} " in out


def test_removing_a_person_from_a_list_row_is_noticed(db, logged, capsys):
    with db.session() as s:
        rid, shown = s.execute(select(AuditLog.id, AuditLog.shown_persons)
                               .where(AuditLog.shown_persons.is_not(None)).limit(1)).one()
    assert len(shown.split()) == 2
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET shown_persons = :p WHERE id = :i"), {"p": shown.split()[0], "i": rid})
    code, out = _verify(db, capsys)
    assert code == 1 and f"rad id {rid} " in out


def test_verify_on_a_database_that_does_not_exist_is_a_usage_error(tmp_path, capsys):
    code = main(["audit", "verify", "--database", f"sqlite:///{tmp_path / 'nej' / 'x.sqlite3'}"])
    assert code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_only_reviewers_may_verify(ctx):
    from ifodesk.services.audit_review import verify_chain
    from ifodesk.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        verify_chain(ctx)


def test_list_reads_record_the_persons_shown_and_reads_without_rows_are_logged(db, ctx, org, logged, ctx_for):
    ids = {c.person.id for c in logged.children}
    before = len(_rows(db))
    deadlines.overview(ctx, unit_id=org.unit.id, within_days=30)
    meetings.list_meetings(ctx)
    decisions.suggest_fields(ctx, logged.children[0].case_id, "inleda_utredning")
    with db.session() as s:
        new = s.execute(select(AuditLog.seq, AuditLog.action, AuditLog.entity, AuditLog.person_id,
                               AuditLog.shown_persons).order_by(AuditLog.seq).offset(before)).all()
        shown = {r.entity: set(unpack_persons(r.shown_persons)) for r in new}
        in_inbox = set(unpack_persons(s.scalar(select(AuditLog.shown_persons).where(
            AuditLog.entity == "anmalan", AuditLog.action == "list").order_by(AuditLog.seq.desc()).limit(1))))
    assert [(r.action, r.entity) for r in new] == [("list", "deadline"), ("list", "meeting"), ("read", "case_facts")]
    assert shown["deadline"] == ids  # both children have a förhandsbedömning deadline
    assert new[2].person_id == logged.children[0].person.id
    assert in_inbox == ids


@pytest.mark.parametrize("fresh_db_url", ["sqlite", "postgresql"], indirect=True)
def test_rows_already_in_the_log_are_chained_at_upgrade(fresh_db_url, capsys):
    from ifodesk.db.engine import Database
    from ifodesk.db.migrate import downgrade, upgrade

    db = Database(fresh_db_url)
    upgrade(db, "0005")
    with db.engine.begin() as c:
        for i in range(7):
            c.execute(text("INSERT INTO audit_log (at, username, action, entity, detail) "
                           "VALUES (:at, 'anna.lind', 'read', 'case', :d)"),
                      {"at": datetime(2026, 1, 5, 9, i, 0, 123456), "d": f"rad {i}"})
    upgrade(db)
    code, out = _verify(db, capsys)
    assert code == 0 and "(7 rader)" in out
    downgrade(db, "0005")
    upgrade(db)
    db.dispose()


def _concurrent_appends(db, org, clock, workers: int = 8, each: int = 15) -> int:
    from ifodesk.services.context import ServiceContext

    res = cases.register_anmalan(ServiceContext(db, org.actor("anna.lind"), clock=clock),
                                 _report(org, ChildInput(MAJA, "Maja", "Öberg")))
    cid = res.children[0].case_id
    names = ["anna.lind", "erik.sjoberg", "maria.ostlund", "johan.aberg", "sara.hakansson", "lina.nystrom",
             "omar.hassan", "karin.berg"]
    errors: list[BaseException] = []
    start = threading.Barrier(workers)

    def work(username: str) -> None:
        c = ServiceContext(db, org.actor(username), clock=lambda: datetime.now(timezone.utc))
        try:
            start.wait()
            for i in range(each):
                if i % 2:
                    caseview.get_case(c, cid)
                else:
                    caseview.case_rows(c, [cid])
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(names[i % len(names)],)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors[:1]
    return workers * each


def test_eight_concurrent_writers_keep_the_chain_whole(db, org, clock, capsys):
    """On PostgreSQL the chain head's row lock orders them; on SQLite the database's write lock."""
    before = len(_rows(db))
    added = _concurrent_appends(db, org, clock)
    rows = _rows(db)
    assert len(rows) >= before + added
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    code, out = _verify(db, capsys)
    assert code == 0, out
    assert f"({len(rows)} rader)" in out


def test_a_failed_change_adds_no_row_and_leaves_the_chain_whole(db, ctx, logged, capsys):
    n = len(_rows(db))
    with pytest.raises(RuntimeError):
        with db.session(write=True) as s:
            from ifodesk.services import audit

            audit.record(s, ctx, "read", "case", uuid.uuid4(), None)
            raise RuntimeError("avbruten")
    caseview.get_case(ctx, logged.children[0].case_id)
    code, out = _verify(db, capsys)
    assert code == 0 and f"({n + 1} rader)" in out
