"""Verkställighet and the IVO report of decisions not carried out (SoL 34 kap.; issue 13, item 10).

Domain rules without a database, then the services, the Tidsbevakning and the command line on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from ifodesk.domain import verkstallighet as v
from ifodesk.domain.personnummer import synthetic_personnummer

D = date.fromisoformat
Q3 = v.parse_quarter("2026Q3")  # 2026-07-01 – 2026-09-30


def ev(kind, on, reason=None):
    return v.Event(kind, D(on), reason)


def rows_for(decided, events=(), q=Q3, template="bistand_oppenvard"):
    return v.report_rows(q, [{"decision_ref": "x", "person_code": "c", "gender": "Kvinna", "protected": False,
                              "decided_on": D(decided), "template_id": template, "events": list(events)}])


# --- domain ----------------------------------------------------------------------------------

def test_three_months_minus_and_plus_one_day():
    # At the quarter's end (30 Sep) a decision of 1 July has waited three months minus one day: not yet.
    assert rows_for("2026-07-01") == []
    # A decision of 29 June passed its limit (29 Sep) unexecuted: reported, new this quarter.
    (r,) = rows_for("2026-06-29")
    assert (r.outcome, r.days_waited, r.due, r.new_this_quarter) == ("ej_verkstallt", 93, D("2026-09-29"), True)
    # Exactly on the limit day: carried out on 30 Sep is in time; still waiting at the end of it is late.
    assert rows_for("2026-06-30", [ev("verkstallt", "2026-09-30")]) == []
    assert rows_for("2026-06-30")[0].due == D("2026-09-30")
    # 31 March + 3 months = 30 June (calendar months, clamped).
    assert v.default_config().due(D("2026-03-31")) == D("2026-06-30")


def test_carried_out_late_is_reported_once_more_then_gone():
    events = [ev("verkstallt", "2026-08-10")]
    (r,) = rows_for("2026-04-01", events)  # limit 1 July passed, carried out in Q3
    assert (r.outcome, r.outcome_on, r.days_waited, r.new_this_quarter) == ("verkstallt", D("2026-08-10"), 131, True)
    assert rows_for("2026-04-01", events, v.parse_quarter("2026Q4")) == []
    # Carried out within three months: never reported.
    assert rows_for("2026-05-01", [ev("verkstallt", "2026-07-20")]) == []


def test_declined_offer_keeps_the_decision_waiting_and_later_carried_out():
    events = [ev("avbrutet", "2026-05-10", "tackat_nej"), ev("verkstallt", "2026-10-05")]
    (r,) = rows_for("2026-05-01", events)
    assert r.outcome == "ej_verkstallt" and "tackade nej" in r.reason and r.days_waited == 152
    (r4,) = rows_for("2026-05-01", events, v.parse_quarter("2026Q4"))
    assert (r4.outcome, r4.outcome_on, r4.new_this_quarter) == ("verkstallt", D("2026-10-05"), False)
    st = v.status_on(D("2026-05-01"), [v.Event(e.kind, e.on, e.reason_id) for e in events], D("2026-09-30"))
    assert st.state == "ko" and st.waiting_since == D("2026-05-01")


def test_avbrott_after_verkstallt_starts_a_new_clock_and_resuming_ends_it():
    events = [ev("verkstallt", "2026-03-01"), ev("avbrutet", "2026-05-15", "utforare_saknas")]
    (r,) = rows_for("2026-02-01", events)  # avbrott 15 May, limit 15 Aug, still not resumed
    assert (r.episode_kind, r.waiting_since, r.due, r.outcome) == ("avbrott", D("2026-05-15"), D("2026-08-15"),
                                                                    "ej_verkstallt")
    assert rows_for("2026-02-01", [*events, ev("verkstallt", "2026-08-01")]) == []  # resumed in time
    (r2,) = rows_for("2026-02-01", [*events, ev("verkstallt", "2026-09-01")])
    assert (r2.outcome, r2.outcome_on) == ("verkstallt", D("2026-09-01"))


def test_closing_reason_ends_reporting():
    events = [ev("avbrutet", "2026-08-20", "behov_upphort")]
    (r,) = rows_for("2026-04-01", events)
    assert (r.outcome, r.outcome_on) == ("avslutat", D("2026-08-20"))
    assert rows_for("2026-04-01", events, v.parse_quarter("2026Q4")) == []
    assert v.status_on(D("2026-04-01"), events, D("2026-09-01")).state == "avslutad"


def test_a_past_quarter_reads_the_same_whenever_it_is_made():
    later = [ev("verkstallt", "2026-11-01")]
    assert rows_for("2026-05-01", later) == rows_for("2026-05-01")


def test_only_templates_of_the_list_are_reported():
    assert rows_for("2026-01-01", template="inleda_utredning") == []
    cfg = v.default_config()
    assert cfg.templates["bistand_oppenvard"].lagrum == "11 kap. 1 § SoL"


def test_every_listed_template_starts_the_deadline_and_the_reverse():
    """resources/ivo.toml and the templates agree on which decisions are reportable."""
    from ifodesk.domain.catalog import load_catalog

    cat = load_catalog()
    cfg = v.default_config()
    starting = {t.id for t in cat.templates.values() if cfg.deadline_kind in t.starts_deadlines}
    assert starting == set(cfg.templates)


@pytest.mark.parametrize("text, words", [
    ("2026Q5", "kvartalet ska vara 1–4"), ("2026Q0", "kvartalet ska vara 1–4"), ("26Q3", "ÅÅÅÅQ1"),
    ("2026-Q3", "ÅÅÅÅQ1"), ("２０２６Q3", "ÅÅÅÅQ1"), ("1999Q1", "mellan 2000 och 2100"),
])
def test_bad_quarters(text, words):
    with pytest.raises(v.QuarterError) as err:
        v.parse_quarter(text)
    assert words in str(err.value)


def test_ivo_identity_is_birth_date_and_a_gender_digit_never_the_personnummer():
    born = D("2015-05-01")
    woman, man = v.ivo_person_code(born, "K", "p1"), v.ivo_person_code(born, "M", "p1")
    assert woman.startswith("20150501-T") and len(woman) == 13
    assert int(woman[11]) % 2 == 0 and int(man[11]) % 2 == 1
    assert v.ivo_person_code(born, "K", "p1") == woman  # stable quarter after quarter


def test_check_event_refuses_impossible_histories():
    decided = D("2026-05-01")
    today = D("2026-09-01")
    with pytest.raises(v.EventError, match="före beslutsdagen"):
        v.check_event(decided, [], ev("verkstallt", "2026-04-01"), today)
    with pytest.raises(v.EventError, match="i framtiden"):
        v.check_event(decided, [], ev("verkstallt", "2026-09-02"), today)
    with pytest.raises(v.EventError, match="redan verkställd"):
        v.check_event(decided, [ev("verkstallt", "2026-06-01")], ev("verkstallt", "2026-07-01"), today)
    with pytest.raises(v.EventError, match="avslutat"):
        v.check_event(decided, [ev("avbrutet", "2026-06-01", "flyttat")], ev("verkstallt", "2026-07-01"), today)
    with pytest.raises(v.EventError, match="externa utförarens namn"):
        v.check_event(decided, [], v.Event("uppdrag", D("2026-06-01"), utforare_kind="extern"), today)


# --- services on both back ends ----------------------------------------------------------------

@pytest.fixture
def planted(db, org, ctx_for, clock):
    """Decisions granted on chosen dates, with their Tidsbevakning deadline as signing makes it."""
    from ifodesk.db.models import Case, Decision, Person
    from ifodesk.services.deadlines import set_deadline

    clock.set(2026, 10, 2)
    ctx = ctx_for("anna.lind")
    user = ctx.actor.user_id
    out = {}
    with db.session(write=True) as s:
        for i, (key, decided, template, gender) in enumerate([
                ("minus", "2026-07-01", "bistand_oppenvard", "K"), ("plus", "2026-06-29", "bistand_oppenvard", "M"),
                ("declined", "2026-05-04", "kontaktperson_kontaktfamilj", "K"),
                ("closed", "2026-04-01", "bistand_oppenvard", "M"),
                ("utredning", "2026-01-05", "inleda_utredning", "K")], 1):
            pnr = synthetic_personnummer(date(2014, 3, i), gender, i).replace("-", "")
            p = Person(municipality_id=org.municipality_id, personnummer=pnr, first_name=f"Barn{i}",
                       last_name="Testsson", sort_key=f"testsson barn{i}", search_name=f"barn{i} testsson",
                       birth_date=date(2014, 3, i), legal_gender=gender)
            s.add(p)
            s.flush()
            c = Case(municipality_id=org.municipality_id, unit_id=org.unit.id, person_id=p.id,
                     case_number=f"BU-2026-{i:05d}", status="insats", opened_on=D("2026-01-01"), assigned_to=user)
            s.add(c)
            s.flush()
            d = Decision(municipality_id=org.municipality_id, unit_id=org.unit.id, case_id=c.id, person_id=p.id,
                         template_id=template, law_version="SoL 2025:400", title=f"Beslut {key}", lagrum=[],
                         fields={}, status="beslutad", drafted_by=user, content_hash="x", decided_on=D(decided))
            s.add(d)
            s.flush()
            if template != "inleda_utredning":
                set_deadline(s, ctx, c, "ivo_rapport_ej_verkstallt", "decision", d.id, D(decided))
            out[key] = d.id
    return out


def test_box_queue_and_events(planted, ctx_for, clock):
    from ifodesk.services import verkstallighet as svc
    from ifodesk.services.errors import ValidationError

    ctx = ctx_for("anna.lind")
    info = svc.get_verkstallighet(ctx, planted["plus"])
    assert info.applicable and info.state == "ko" and info.insats_type == "oppenvard"
    # Queue per insats type, longest waiting first: closed (1 Apr), plus (29 Jun), minus (1 Jul).
    assert (info.queue_position, info.queue_length) == (2, 3)
    assert not svc.get_verkstallighet(ctx, planted["utredning"]).applicable
    info = svc.assign_utforare(ctx, planted["plus"], "extern", "Familjeteamet AB", D("2026-07-02"), info.version)
    assert info.utforare_name == "Familjeteamet AB" and info.version > 0
    with pytest.raises(ValidationError, match="ändrat"):
        svc.mark_verkstallt(ctx, planted["plus"], D("2026-10-01"), expected_version=0)
    with pytest.raises(ValidationError, match="ingen beviljad insats"):
        svc.mark_verkstallt(ctx, planted["utredning"], D("2026-10-01"))
    svc.mark_avbrutet(ctx, planted["closed"], D("2026-08-20"), "ansokan_aterkallad", "Familjen flyttar.")
    info = svc.get_verkstallighet(ctx, planted["plus"])
    assert (info.queue_position, info.queue_length) == (1, 2)
    figures = {f.insats_type: f for f in svc.queue_figures(ctx_for("karin.berg"))}
    assert figures["oppenvard"].in_queue == 2 and figures["oppenvard"].over_limit == 2  # 1 Jul: limit 1 Oct
    assert figures["oppenvard"].max_days == (D("2026-10-02") - D("2026-06-29")).days


def test_tidsbevakning_follows_the_verkstallighet(planted, ctx_for):
    from ifodesk.services import deadlines, verkstallighet as svc

    ctx = ctx_for("anna.lind")

    def ivo_deadlines():
        return {(x.case_number, x.kind) for x in deadlines.overview(ctx, within_days=120)
                if x.kind.startswith("ivo_")}

    before = ivo_deadlines()
    assert ("BU-2026-00002", "ivo_rapport_ej_verkstallt") in before
    svc.mark_verkstallt(ctx, planted["plus"], D("2026-09-15"))
    assert ("BU-2026-00002", "ivo_rapport_ej_verkstallt") not in ivo_deadlines()
    svc.mark_avbrutet(ctx, planted["plus"], D("2026-10-01"), "pausat")
    assert ("BU-2026-00002", "ivo_rapport_avbrott") in ivo_deadlines()  # a new three months from the avbrott
    svc.mark_verkstallt(ctx, planted["plus"], D("2026-10-02"))
    assert ("BU-2026-00002", "ivo_rapport_avbrott") not in ivo_deadlines()


def test_report_rows_and_summary(planted, ctx_for, db, org, clock):
    from ifodesk.services import verkstallighet as svc
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext

    ctx = ctx_for("anna.lind")
    svc.mark_avbrutet(ctx, planted["declined"], D("2026-06-01"), "tackat_nej")
    svc.mark_avbrutet(ctx, planted["closed"], D("2026-08-20"), "behov_upphort")
    admin = ServiceContext(db, system_actor(db, org.municipality_id), clock=clock)
    report = svc.ivo_report(admin, Q3)
    by = {r.decision_ref.split("/")[0]: r for r in report.rows}
    assert set(by) == {"BU-2026-00002", "BU-2026-00003", "BU-2026-00004"}  # not "minus", not the utredning
    assert by["BU-2026-00003"].outcome == "ej_verkstallt" and "tackade nej" in by["BU-2026-00003"].reason
    assert (by["BU-2026-00004"].outcome, by["BU-2026-00004"].outcome_on) == ("avslutat", D("2026-08-20"))
    assert all("Testsson" not in str(r) and "Barn" not in r.ivo_person_code for r in report.rows)
    summary = {x.insats_type: x for x in report.summary}
    assert summary["oppenvard"].not_carried_out == 1 and summary["oppenvard"].closed == 1
    # A handläggare may not take out the individual report.
    from ifodesk.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        svc.ivo_report(ctx, Q3)


def cli(argv, capsys):
    from ifodesk.cli import main

    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_cli_report_is_parsed_back(planted, db, capsys, tmp_path):
    out = tmp_path / "ivo.xlsx"
    rc, stdout, err = cli(["ivo-rapport", "--database", db.url, "--quarter", "2026Q3", "--out", str(out)], capsys)
    assert rc == 0, err
    assert "3 rader" in stdout and "3 beslut ej verkställda" in stdout
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Individrapport", "Sammanställning", "Om rapporten"]
    ws = wb["Individrapport"]
    (ref,) = ws.tables.values()
    rows = [[c.value for c in row] for row in ws[ref.ref]]
    header, data = rows[0], rows[1:]
    assert header[:5] == ["Referens (ärende/beslut)", "Identitet för IVO", "Kön", "Skyddade personuppgifter",
                          "Beslutsdatum"]
    got = {r[0].split("/")[0]: dict(zip(header, r)) for r in data}
    assert set(got) == {"BU-2026-00002", "BU-2026-00003", "BU-2026-00004"}
    plus = got["BU-2026-00002"]
    assert plus["Beslutsdatum"].date() == D("2026-06-29") and plus["Dagar"] == 93
    assert plus["Läge vid kvartalets slut"] == "Ej verkställt" and plus["Kön"] == "Man"
    assert plus["Identitet för IVO"].startswith("20140302-T")
    text = " ".join(str(c.value) for s in wb for row in s.iter_rows() for c in row if c.value is not None)
    assert "Testsson" not in text and "Barn2" not in text
    assert synthetic_personnummer(date(2014, 3, 2), "M", 2)[-4:] not in text  # the real last four digits
    summ = wb["Sammanställning"]
    (sref,) = summ.tables.values()
    srows = [[c.value for c in row] for row in summ[sref.ref]]
    assert srows[-1][0] == "Totalt" and srows[-1][1] == 3
    assert summ.oddFooter.right.text == "Sida &P av &N"


@pytest.mark.parametrize("args, message", [
    (["--quarter", "2026Q5"], "Ogiltigt kvartal ”2026Q5”"),
    (["--quarter", "2026"], "ÅÅÅÅQ1–ÅÅÅÅQ4"),
])
def test_cli_bad_quarter(args, message, db, capsys, tmp_path):
    rc, _, err = cli(["ivo-rapport", "--database", db.url, *args, "--out", str(tmp_path / "x.xlsx")], capsys)
    assert rc == 2 and err.startswith("ifodesk-admin: fel: ") and message in err
    assert "Traceback" not in err and not (tmp_path / "x.xlsx").exists()


def test_cli_bad_output(db, capsys, tmp_path):
    rc, _, err = cli(["ivo-rapport", "--database", db.url, "--quarter", "2026Q3",
                      "--out", str(tmp_path / "saknas" / "x.xlsx")], capsys)
    assert rc == 2 and "finns inte" in err
    rc, _, err = cli(["ivo-rapport", "--database", db.url, "--quarter", "2026Q3", "--out", str(tmp_path / "x.csv")],
                     capsys)
    assert rc == 2 and "ska sluta på .xlsx" in err


def test_demo_has_a_queue_a_late_decision_and_a_broken_off_one(db, org, clock):
    from ifodesk.config import Municipality
    from ifodesk.db.models_verkstallighet import VerkstallighetEvent
    from ifodesk.services import verkstallighet as svc
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext
    from ifodesk.services.demo import generate_demo

    with db.engine.begin() as conn:  # generate_demo wants an empty database
        from ifodesk.db.models import Base

        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
    generate_demo(db, Municipality(), cases=300, seed=7, today=date(2026, 3, 1))
    clock.set(2026, 3, 1)
    with db.session() as s:
        mid = s.scalar(select(__import__("ifodesk.db.models", fromlist=["Municipality"]).Municipality.id))
        reasons = set(s.scalars(select(VerkstallighetEvent.reason_id).where(VerkstallighetEvent.kind == "avbrutet")))
    assert {"tackat_nej", "utforare_saknas"} <= reasons
    admin = ServiceContext(db, system_actor(db, mid), clock=clock)
    figures = svc.queue_figures(admin)
    assert sum(f.in_queue for f in figures) >= 6 and sum(f.over_limit for f in figures) >= 2
    rows = svc.ivo_report(admin, v.parse_quarter("2025Q4")).rows + svc.ivo_report(admin, v.parse_quarter("2026Q1")).rows
    assert {r.episode_kind for r in rows} == {"beslut", "avbrott"}


def test_a_running_quarter_is_shown_so_far_and_a_future_one_refused(planted, db, org, clock, capsys, tmp_path):
    from ifodesk.services import verkstallighet as svc
    from ifodesk.services.admin import system_actor
    from ifodesk.services.context import ServiceContext
    from ifodesk.services.errors import ValidationError

    clock.set(2026, 9, 29)  # the day "plus" reaches its limit: not late until the day is over
    admin = ServiceContext(db, system_actor(db, org.municipality_id), clock=clock)
    report = svc.ivo_report(admin, Q3)
    assert report.as_of == D("2026-09-29")
    assert "BU-2026-00002" not in {r.decision_ref.split("/")[0] for r in report.rows}
    assert all(r.days_waited == (D("2026-09-29") - r.waiting_since).days for r in report.rows
               if r.outcome == "ej_verkstallt")
    with pytest.raises(ValidationError, match="har inte börjat"):
        svc.ivo_report(admin, v.parse_quarter("2026Q4"))
