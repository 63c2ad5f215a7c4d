"""ifodesk-admin init-db, db upgrade/status and demo, with bad input giving exit 2."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from ifodesk.cli import main
from ifodesk.db.engine import Database
from ifodesk.db.models import Case, Deadline, Person


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("IFODESK_CONFIG", str(empty))
    monkeypatch.delenv("IFODESK_DATABASE_URL", raising=False)


@pytest.mark.parametrize("fresh_db_url", ["sqlite", "postgresql"], indirect=True)
def test_init_db_then_demo_fills_three_years_with_some_overdue(fresh_db_url, capsys):
    assert main(["init-db", "--database", fresh_db_url]) == 0
    assert "Databasen är klar" in capsys.readouterr().out
    assert main(["db", "status", "--database", fresh_db_url]) == 0
    assert main(["demo", "--cases", "300", "--database", fresh_db_url]) == 0
    out = capsys.readouterr().out
    assert "300 ärenden" in out
    db = Database(fresh_db_url)
    with db.session() as s:
        # 300 children's cases; the demo's LVM case (issue 13) is in the adult unit, on top of them.
        assert s.scalar(select(func.count()).select_from(Case).where(Case.case_number.like("BU-%"))) == 300
        years = {c.opened_on.year for c in s.scalars(select(Case))}
        assert len(years) >= 3
        overdue = s.scalar(select(func.count()).select_from(Deadline).where(Deadline.met_on.is_(None)))
        assert overdue > 0
        pnrs = [p.personnummer for p in s.scalars(select(Person)) if p.personnummer]  # some have a reservnummer
        assert all(p[8:10] in ("98", "99") for p in pnrs)  # test series only
        siblings = s.execute(select(Person.last_name, func.count()).group_by(Person.last_name)).all()
        assert any(n > 1 for _, n in siblings)
    db.dispose()
    # Demo data only goes into an empty database.
    assert main(["demo", "--cases", "5", "--database", fresh_db_url]) == 2
    assert "tom databas" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["demo", "--cases", "noll"], "heltal"),
    (["demo", "--cases", "0"], "mellan 1"),
])
def test_bad_arguments_exit_2_with_swedish_message(args, message, capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(args + ["--database", f"sqlite:///{tmp_path / 'x.sqlite3'}"])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_unsupported_database_url_exit_2(capsys):
    assert main(["init-db", "--database", "mysql://x/y"]) == 2
    assert "stöds inte" in capsys.readouterr().err


def test_network_share_refused_exit_2(capsys):
    assert main(["init-db", "--database", r"sqlite:///\\server\share\ifo.sqlite3"]) == 2
    assert "PostgreSQL" in capsys.readouterr().err


def test_every_demo_decision_renders_with_its_template(tmp_path):
    from ifodesk.domain.catalog import load_catalog
    from ifodesk.domain.templates import render_decision_text
    from ifodesk.db.models import Decision

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["demo", "--cases", "200", "--database", url]) == 0
    db = Database(url)
    catalog = load_catalog()
    with db.session() as s:
        rows = s.scalars(select(Decision)).all()
        assert len({d.template_id for d in rows}) >= 4
        for d in rows:
            r = render_decision_text(catalog.template(d.template_id), d.fields, d.law_version)
            assert tuple(d.lagrum) == r.lagrum
    db.dispose()


def test_catalog_json_for_review(capsys):
    import json

    assert main(["catalog", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    fam = rows["vard_familjehem"]
    assert fam["utskott_only"] and fam["lowest_decider"] == "utskott"
    assert "22 kap. 2 § SoL" in fam["lagrum"]
    assert rows["lvu_omedelbart_omhandertagande"]["urgent_route"] == "ordforande"
    assert rows["inleda_utredning"]["appeal"] == "none"
    for r in rows.values():
        assert {"id", "title", "law_version", "lagrum", "lowest_decider", "utskott_only", "urgent_route",
                "appeal", "starts_deadlines"} <= set(r)


def test_delegation_check_explains_each_error(tmp_path, capsys):
    from ifodesk.resources import resource_path

    bad = resource_path("delegation", "default.toml").read_text(encoding="utf-8")
    bad = bad.replace('template = "vard_familjehem"\ndelegat = "utskott"', 'template = "vard_familjehem"\ndelegat = "enhetschef"')
    assert 'delegat = "enhetschef"' in bad
    f = tmp_path / "kommun.toml"
    f.write_text(bad, encoding="utf-8")
    assert main(["delegation", "check", str(f)]) == 1
    err = capsys.readouterr().err
    assert "vard_familjehem" in err and "30 kap. 6 § SoL" in err
    assert main(["delegation", "check", str(resource_path("delegation", "default.toml"))]) == 0
    assert main(["delegation", "check", str(tmp_path / "saknas.toml")]) == 1
    assert "finns inte" in capsys.readouterr().err


def test_render_letter_from_command_line(tmp_path, capsys):
    from ifodesk.db.models import Decision

    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["demo", "--cases", "50", "--database", url]) == 0
    db = Database(url)
    with db.session() as s:
        d = s.scalar(select(Decision).where(Decision.status == "beslutad").limit(1))
    db.dispose()
    out = tmp_path / "brev.pdf"
    assert main(["render", "letter", "--decision", str(d.id), "--out", str(out), "--database", url]) == 0
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert d.title in text and d.lagrum[0] in text
    assert main(["render", "letter", "--decision", "00000000-0000-0000-0000-000000000009",
                 "--out", str(out), "--database", url]) == 2
    assert "finns inte" in capsys.readouterr().err
    assert main(["render", "delegation-list", "--from", "2026-01-01", "--to", "2025-01-01",
                 "--out", str(tmp_path / "d.pdf"), "--database", url]) == 2


def test_adopt_a_municipal_delegationsordning_and_it_governs_decisions(tmp_path, capsys):
    """The kommun moves 'inte inleda utredning' to the enhetschef; a 1:e socialsekreterare then may not."""
    from ifodesk.resources import resource_path
    from ifodesk.services import decisions
    from ifodesk.services.admin import actor_for
    from ifodesk.services.context import ServiceContext

    url = f"sqlite:///{tmp_path / 'k.sqlite3'}"
    assert main(["demo", "--cases", "30", "--database", url]) == 0
    text = resource_path("delegation", "default.toml").read_text(encoding="utf-8")
    ours = text.replace('template = "inte_inleda_utredning"\ndelegat = "forste_socialsekreterare"',
                        'template = "inte_inleda_utredning"\ndelegat = "enhetschef"')
    assert ours != text
    f = tmp_path / "var.toml"
    f.write_text(ours, encoding="utf-8")
    assert main(["delegation", "adopt", str(f), "--adopted-on", "2026-02-01", "--database", url]) == 0
    db = Database(url)
    ctx = ServiceContext(db, actor_for(db, "karin.berg"))
    rule = decisions.delegation_order(ctx).rule_for("inte_inleda_utredning")
    assert rule.delegat == "enhetschef"
    bad = tmp_path / "olaglig.toml"
    bad.write_text(text.replace('template = "vard_familjehem"\ndelegat = "utskott"',
                                'template = "vard_familjehem"\ndelegat = "handlaggare"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["delegation", "adopt", str(bad), "--database", url]) == 2
    err = capsys.readouterr().err
    assert "30 kap. 6 § SoL" in err and "antogs inte" in err
    assert decisions.delegation_order(ctx).rule_for("inte_inleda_utredning").delegat == "enhetschef"
    db.dispose()


def test_add_and_list_users(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'u.sqlite3'}"
    assert main(["init-db", "--database", url]) == 0
    assert main(["user", "add", "--username", "sofia.ny", "--name", "Sofia Ny", "--role", "handlaggare",
                 "--level", "handlaggare", "--units", "BU", "--employed-since", "2026-10-01", "--database", url]) == 0
    assert main(["user", "list", "--database", url]) == 0
    assert "Sofia Ny" in capsys.readouterr().out
    assert main(["user", "add", "--username", "x", "--name", "X", "--role", "handlaggare", "--level", "kung",
                 "--units", "BU", "--database", url]) == 2
    assert "Okänd delegationsnivå" in capsys.readouterr().err
    assert main(["user", "add", "--username", "y", "--name", "Y", "--role", "handlaggare", "--level", "handlaggare",
                 "--units", "XX", "--database", url]) == 2
    assert "Okänd enhet" in capsys.readouterr().err
