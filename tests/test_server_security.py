"""The database itself enforces the rules on a shared PostgreSQL (issue 9, item 3).

Set up with 'ifodesk-admin server init', then raw SQL as a handläggare's own login role: other
units' case contents and other municipalities' rows are invisible, the audit log and signed
journal notes cannot be changed. Roles are named after the throwaway database and dropped with it.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, ProgrammingError

from ifodesk.cli import main
from ifodesk.config import Municipality
from ifodesk.db.engine import Database
from ifodesk.services import admin, cases, journal
from ifodesk.services.context import STOCKHOLM, ServiceContext
from ifodesk.services.dto import AnmalanInput, ChildInput

pytestmark = pytest.mark.parametrize("fresh_db_url", ["postgresql"], indirect=True)

OTHER = Municipality(name="Grannkommun", code="8888")


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    (tmp_path / "none.toml").write_text("", encoding="utf-8")  # an empty config file: no settings
    monkeypatch.setenv("IFODESK_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.delenv("IFODESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("IFODESK_NEW_PASSWORD", "ett långt lösenord")


def _anmalan(unit_id, pnr, first) -> AnmalanInput:
    return AnmalanInput(unit_id=unit_id, received_at=datetime(2026, 3, 2, 8, tzinfo=STOCKHOLM), channel="telefon",
                        reporter_category="skola", children=(ChildInput(pnr, first, "Test"),),
                        reasons=("omsorgssvikt",), text="Hemligt", reporter_name="Lena Rektor")


def _case_with_signed_note(db, username, unit_prefix, pnr, first):
    actor = admin.actor_for(db, username)
    unit = next(u for u in admin.list_units(db, actor.municipality_id) if u.case_prefix == unit_prefix)
    ctx = ServiceContext(db, actor)
    case_id = cases.register_anmalan(ctx, _anmalan(unit.id, pnr, first)).children[0].case_id
    note = journal.add_note(ctx, case_id, event_date=date(2026, 3, 2), text=f"Samtal med {first}", sign=True)
    return case_id, note.id


@pytest.fixture
def server(fresh_db_url, capsys):
    """server init, staff of two units and a second municipality, each with a case and a signed note."""
    assert main(["server", "init", "--database", fresh_db_url]) == 0
    assert "ägarrollen" in capsys.readouterr().out
    name = make_url(fresh_db_url).database
    db = Database(fresh_db_url)
    logins = {}
    for user, units in (("anna.lind", "BU"), ("petra.vuxen", "VU,EB")):
        logins[user] = f"{name}_{user}"
        assert main(["user", "add", "--username", user, "--name", user.title(), "--role", "handlaggare",
                     "--level", "handlaggare", "--units", units, "--login", logins[user],
                     "--database", fresh_db_url]) == 0
    other_mid = admin.ensure_municipality(db, OTHER)
    admin.create_user(db, other_mid, admin.UserSpec("olle.granne", "Olle Granne", "handlaggare", "handlaggare",
                                                    ("BU",), login_name=f"{name}_olle"))
    data = {
        "bu": _case_with_signed_note(db, "anna.lind", "BU", "20150312-9809", "Maja"),
        "vu": _case_with_signed_note(db, "petra.vuxen", "VU", "19800101-9812", "Vera"),
        "other": _case_with_signed_note(db, "olle.granne", "BU", "20160101-9803", "Otto"),
    }

    class Server:
        url = fresh_db_url
        login = logins
        ids = data
        database = db

        def connect_as(self, user):
            engine = create_engine(make_url(fresh_db_url).set(username=self.login[user]))
            self.engines.append(engine)
            return engine.connect()

        engines: list = []

    s = Server()
    yield s
    for e in s.engines:
        e.dispose()
    db.dispose()


def _ids(conn, table):
    return {str(r[0]) for r in conn.execute(text(f"SELECT id FROM {table}"))}


def test_handlaggare_sees_own_unit_contents_only_and_nothing_of_another_municipality(server):
    bu_case, bu_note = server.ids["bu"]
    vu_case, vu_note = server.ids["vu"]
    other_case, other_note = server.ids["other"]
    with server.connect_as("anna.lind") as conn:
        assert conn.execute(text("SELECT session_user")).scalar() == server.login["anna.lind"]
        # The case register of the municipality is visible (the app decides about reasons) ...
        assert _ids(conn, "case_file") == {str(bu_case), str(vu_case)}
        # ... the contents of another unit's case are not, nor anything of another municipality.
        assert _ids(conn, "journal_note") == {str(bu_note)}
        assert conn.execute(text("SELECT count(*) FROM anmalan")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM forhandsbedomning")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM person WHERE first_name = 'Otto'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM app_user WHERE username = 'olle.granne'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM municipality")).scalar() == 1
        assert str(other_note) not in _ids(conn, "journal_note")
        assert str(other_case) not in _ids(conn, "case_file")


def test_a_stated_reason_opens_another_units_contents_for_one_transaction_and_is_kept(server):
    _vu_case, vu_note = server.ids["vu"]
    with server.connect_as("anna.lind") as conn:
        with conn.begin():
            conn.execute(text("SELECT ifodesk_state_reason('Begäran om yttrande från IVO')"))
            assert str(vu_note) in _ids(conn, "journal_note")
        assert str(vu_note) not in _ids(conn, "journal_note")  # the next transaction: closed again
        conn.rollback()
        with pytest.raises(ProgrammingError):  # staff cannot read or forge the record of reasons
            conn.execute(text("SELECT * FROM access_reason"))
        conn.rollback()
        with pytest.raises(DBAPIError, match="skäl"):
            conn.execute(text("SELECT ifodesk_state_reason('.')"))
    with server.database.engine.connect() as su:
        reasons = su.execute(text("SELECT login_name, reason FROM access_reason")).all()
    assert reasons == [(server.login["anna.lind"], "Begäran om yttrande från IVO")]


def test_audit_log_is_insert_only_and_rows_are_written_in_ones_own_name(server):
    me = admin.actor_for(server.database, "anna.lind")
    petra = admin.actor_for(server.database, "petra.vuxen")
    with server.connect_as("anna.lind") as conn:
        n = conn.execute(text("SELECT count(*) FROM audit_log")).scalar()
        assert n > 0  # the hash chain reads the newest rows
        for sql in ("UPDATE audit_log SET reason = 'ändrad'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log"):
            with pytest.raises(ProgrammingError, match="permission denied"):
                conn.execute(text(sql))
            conn.rollback()
        # Raw SQL, so the chain columns are filled by hand: this is about who may insert.
        insert = text("INSERT INTO audit_log (at, user_id, username, action, entity, seq, prev_hash, hash) "
                      "VALUES (now(), :u, 'x', 'read', 'case', (SELECT max(seq) + 1 FROM audit_log), "
                      "repeat('0', 64), repeat('0', 64))")
        with pytest.raises(ProgrammingError, match="row-level security"):
            conn.execute(insert, {"u": petra.user_id})
        conn.rollback()
        conn.execute(insert, {"u": me.user_id})
        conn.commit()
    with server.database.engine.connect() as su:
        assert su.execute(text("SELECT count(*) FROM audit_log")).scalar() == n + 1


def test_signed_note_cannot_be_changed_or_deleted_and_users_cannot_be_promoted(server):
    _case, note = server.ids["bu"]
    with server.connect_as("anna.lind") as conn:
        with pytest.raises(DBAPIError, match="signerad journalanteckning"):
            conn.execute(text("UPDATE journal_note SET text = 'ändrad' WHERE id = :i"), {"i": note})
        conn.rollback()
        with pytest.raises(ProgrammingError, match="permission denied"):
            conn.execute(text("DELETE FROM journal_note WHERE id = :i"), {"i": note})
        conn.rollback()
        with pytest.raises(ProgrammingError, match="permission denied"):
            conn.execute(text("UPDATE app_user SET role = 'ifo_chef'"))
        conn.rollback()
        with pytest.raises(ProgrammingError, match="permission denied"):
            conn.execute(text("INSERT INTO user_unit SELECT id, id FROM app_user"))
        conn.rollback()
    with server.database.engine.connect() as su:  # not even the superuser edits a signed note
        with pytest.raises(DBAPIError, match="signerad journalanteckning"):
            su.execute(text("UPDATE journal_note SET text = 'ändrad' WHERE id = :i"), {"i": note})


def test_the_app_works_as_the_login_role_under_row_level_security(server):
    """Services run unchanged on a connection as the person's own role."""
    url = make_url(server.url).set(username=server.login["anna.lind"]).render_as_string(hide_password=False)
    db = Database(url)
    try:
        actor = admin.actor_for(db, "anna.lind")
        ctx = ServiceContext(db, actor)
        bu = next(u for u in admin.list_units(db, actor.municipality_id) if u.case_prefix == "BU")
        res = cases.register_anmalan(ctx, _anmalan(bu.id, "20180704-9810", "Nils"))
        assert res.children[0].case_number == "BU-2026-00002"
        n = journal.add_note(ctx, res.children[0].case_id, event_date=date(2026, 3, 2), text="Utkast")
        journal.update_draft(ctx, n.id, n.version, text="Utkast, ändrat")
        journal.sign_note(ctx, n.id, n.version + 1)
    finally:
        db.dispose()


def test_staff_may_delete_a_derived_deadline_of_their_unit_but_no_record(server):
    """A corrected court ruling removes the deadlines it started (services/court.py); case
    records themselves are never deleted by staff."""
    bu_case, _ = server.ids["bu"]
    vu_case, _ = server.ids["vu"]
    with server.connect_as("anna.lind") as conn:
        with conn.begin():
            mine = conn.execute(text("DELETE FROM deadline WHERE case_id = :c"), {"c": bu_case}).rowcount
            other = conn.execute(text("DELETE FROM deadline WHERE case_id = :c"), {"c": vu_case}).rowcount
        assert (mine > 0, other) == (True, 0)  # another unit's rows are not even visible
        with pytest.raises(ProgrammingError), conn.begin():
            conn.execute(text("DELETE FROM anmalan"))


def test_name_search_as_a_login_role_goes_through_the_checked_match_and_finds_the_same(server):
    """LIKE cannot use its index under row-level security; the search then asks the checked
    function (0017), which returns only what the policy shows: the same persons as before."""
    from sqlalchemy import event

    from ifodesk.services import caseview, people, text_search

    url = make_url(server.url).set(username=server.login["anna.lind"]).render_as_string(hide_password=False)
    db = Database(url)
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda _c, _cur, stmt, *_: seen.append(stmt))
    try:
        ctx = ServiceContext(db, admin.actor_for(db, "anna.lind"))
        assert [p.first_name for p in people.search_persons(ctx, "test")] == ["Maja", "Vera"]  # not Otto
        assert [p.first_name for p in people.search_persons(ctx, "test", limit=1)] == ["Maja"]
        assert any("ifodesk_person_name_match" in stmt for stmt in seen)
        # The case list's name filter too, without a person join.
        seen.clear()
        bu = ctx.actor.unit_ids[0]
        assert caseview.case_ids(ctx, caseview.CaseQuery(unit_id=bu, text="maj")) == [server.ids["bu"][0].hex]
        assert any("ifodesk_person_name_match" in stmt for stmt in seen)
        # Text search likewise: Maja's note (own unit) is found, Vera's (another unit) is not.
        found = text_search.search_text(ctx, "samtal")
        assert [h.person.first_name for h in found.hits] == ["Maja"]
        assert any("ifodesk_text_match" in stmt for stmt in seen)
    finally:
        db.dispose()
    with server.connect_as("anna.lind") as conn:
        # Called directly, the function gives nothing the policy hides (Otto is another municipality's).
        otto = conn.execute(text("SELECT count(*) FROM ifodesk_person_name_match('%otto%')")).scalar()
        mine = conn.execute(text("SELECT count(*) FROM ifodesk_person_name_match('%test%')")).scalar()
        assert (otto, mine) == (0, 2)
        # Text: Vera's note is in another unit, Otto's in another municipality; only Maja's is returned.
        notes = {str(r[0]) for r in conn.execute(text("SELECT ifodesk_text_match('journal', 'samtal')"))}
        assert notes == {str(server.ids["bu"][1])}
        with pytest.raises(DBAPIError):
            conn.execute(text("SELECT ifodesk_text_match('app_user', 'x')"))


def test_owner_migrates_and_user_disable_revokes_login(server, capsys):
    from ifodesk.cli.server import owner_database, server_roles
    from ifodesk.db.migrate import downgrade, schema_state

    roles = server_roles(server.database)
    owner_db = owner_database(server.url, roles)
    downgrade(owner_db, "0005")
    owner_db.dispose()
    assert main(["db", "upgrade", "--database", server.url]) == 0
    assert schema_state(server.database).up_to_date
    with server.database.engine.connect() as su:
        owners = set(su.execute(text("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")).scalars())
        assert owners == {roles.owner}
        verifier = su.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"),
                              {"r": server.login["anna.lind"]}).scalar()
        assert verifier.startswith("SCRAM-SHA-256$")
    for user, login in server.login.items():  # downgrading past 0007 dropped the login names
        admin.set_login_name(server.database, user, login)
    with server.connect_as("anna.lind") as conn:  # policies are back after the upgrade
        assert _ids(conn, "journal_note") == {str(server.ids["bu"][1])}
    assert main(["user", "disable", "--username", "petra.vuxen", "--database", server.url]) == 0
    assert "kan inte logga in" in capsys.readouterr().out
    with server.database.engine.connect() as su:
        assert su.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"),
                          {"r": server.login["petra.vuxen"]}).scalar() is False


def test_demo_on_postgresql_creates_login_roles_for_the_staff(fresh_db_url, capsys):
    assert main(["demo", "--cases", "3", "--database", fresh_db_url]) == 0
    assert "ifodesk-demo" in capsys.readouterr().out
    name = make_url(fresh_db_url).database
    db = Database(fresh_db_url)
    try:
        with db.engine.connect() as su:
            login = su.execute(text("SELECT login_name FROM app_user WHERE username = 'anna.lind'")).scalar()
            assert login == f"{name}_anna.lind"
            member = su.execute(text("SELECT pg_has_role(:r, :g, 'MEMBER')"),
                                {"r": login, "g": f"{name}_staff"}).scalar()
            assert member is True
            # tables the superuser created (init-db before server init) were handed to the owner
            owners = set(su.execute(text("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")).scalars())
            assert owners == {f"{name}_owner"}
    finally:
        db.dispose()


def test_session_user_decides_who_is_signed_in_and_an_unmapped_role_is_logged(server):
    from ifodesk.cli.server import create_login
    from ifodesk.services.identity import SignInError, signed_in_actor

    as_anna = Database(make_url(server.url).set(username=server.login["anna.lind"])
                       .render_as_string(hide_password=False))
    try:
        assert signed_in_actor(as_anna).username == "anna.lind"
    finally:
        as_anna.dispose()
    stranger = f"{make_url(server.url).database}_stranger"
    create_login(server.database, stranger, None)  # a Kerberos-only role nobody mapped to a user
    as_stranger = Database(make_url(server.url).set(username=stranger).render_as_string(hide_password=False))
    try:
        with pytest.raises(SignInError, match="inte kopplad till någon aktiv användare"):
            signed_in_actor(as_stranger)
    finally:
        as_stranger.dispose()
    with server.database.engine.connect() as su:
        row = su.execute(text("SELECT username, detail FROM audit_log WHERE action = 'sign_in_failed'")).one()
    assert tuple(row) == (stranger, "okänd inloggning")


def test_the_access_policy_opens_another_units_contents_only_with_an_accepted_reason(server):
    from sqlalchemy import func, select

    from ifodesk.db.models import Case, JournalNote
    from ifodesk.services import access

    vu_case, _note = server.ids["vu"]
    db = Database(make_url(server.url).set(username=server.login["anna.lind"]).render_as_string(hide_password=False))
    ctx = ServiceContext(db, admin.actor_for(db, "anna.lind"))
    notes = select(func.count()).select_from(JournalNote).where(JournalNote.case_id == vu_case)
    try:
        with db.session(write=True) as s:
            case = s.get(Case, vu_case)  # the register row is visible: the policy can ask for a reason
            with pytest.raises(access.ReasonRequired):
                access.check_case(ctx, case, "case.read")
            assert s.scalar(notes) == 0
            access.check_case(ctx, case, "case.read", reason="Begäran om yttrande från IVO")
            assert s.scalar(notes) == 1
        with db.session() as s:
            assert s.scalar(notes) == 0
    finally:
        db.dispose()
