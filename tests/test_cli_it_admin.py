"""The command line an IT person expects: --database everywhere, headed tables, the adopted
delegationsordning, 'redan senaste version', decisions by case number, config-file errors."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from ifodesk.cli import build_parser, main
from ifodesk.db.engine import Database

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def empty_user_config(tmp_path, monkeypatch):
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("IFODESK_CONFIG", str(empty))
    monkeypatch.delenv("IFODESK_DATABASE_URL", raising=False)


def _leaf_parsers(parser: argparse.ArgumentParser, path=()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, child in subs[0].choices.items():
        yield from _leaf_parsers(child, path + (name,))


def test_every_command_takes_database():
    leaves = dict(_leaf_parsers(build_parser()))
    assert ("catalog",) in leaves and ("delegation", "show") in leaves and ("decisions",) in leaves
    missing = [" ".join(p) for p, parser in leaves.items()
               if "--database" not in {s for a in parser._actions for s in a.option_strings}]
    assert missing == []


def _adopted_file(tmp_path) -> Path:
    """The default ordning with 1.1 (inleda utredning) raised to the 1:e socialsekreterare."""
    text = (REPO / "resources" / "delegation" / "default.toml").read_text(encoding="utf-8")
    own = text.replace('template = "inleda_utredning"\ndelegat = "handlaggare"',
                       'template = "inleda_utredning"\ndelegat = "forste_socialsekreterare"', 1)
    assert own != text
    path = tmp_path / "kommun.toml"
    path.write_text(own, encoding="utf-8")
    return path


def _row(out: str, start: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(start))


@pytest.mark.parametrize("fresh_db_url", ["sqlite", "postgresql"], indirect=True)
def test_delegation_show_and_check_and_catalog_use_the_adopted_ordning(fresh_db_url, tmp_path, capsys):
    assert main(["init-db", "--database", fresh_db_url]) == 0
    capsys.readouterr()
    assert main(["delegation", "show", "--database", fresh_db_url]) == 0
    out = capsys.readouterr().out
    assert "Standarddelegationsordningen" in out and "inte antagit någon egen" in out
    assert "Socialsekreterare" in _row(out, "1.1 ")

    assert main(["delegation", "adopt", str(_adopted_file(tmp_path)), "--adopted-on", "2026-02-01",
                 "--database", fresh_db_url]) == 0
    capsys.readouterr()
    assert main(["delegation", "show", "--database", fresh_db_url]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Delegationsordningen för Demokommun, antagen 2026-02-01:"
    assert re.match(r"Nr\s+Ärende\s+Lagrum\s+Delegat$", lines[1])
    assert set(lines[2].replace(" ", "")) == {"-"}
    assert "1:e socialsekreterare" in _row(out, "1.1 ")

    assert main(["delegation", "check", "--database", fresh_db_url]) == 0
    assert "antagen 2026-02-01: delegationsordningen följer lagens delegationsförbud" in capsys.readouterr().out

    assert main(["catalog", "--database", fresh_db_url]) == 0
    out = capsys.readouterr().out
    assert re.match(r"Mall\s+Lagrum\s+Lägst enligt lag\s+Delegat\s+Utskott$", out.splitlines()[1])
    assert "1:e socialsekreterare" in _row(out, "inleda_utredning ")


def test_delegation_show_without_database_shows_default_and_creates_nothing(tmp_path, monkeypatch, capsys):
    from ifodesk import config

    monkeypatch.setattr(config.platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    assert main(["delegation", "show"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Standarddelegationsordningen (ingen databas angiven):")
    assert not (tmp_path / "data").exists()


def test_user_list_has_column_headers(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'u.sqlite3'}"
    assert main(["init-db", "--database", url]) == 0
    assert main(["user", "add", "--username", "sofia.ny", "--name", "Sofia Ny", "--role", "handlaggare",
                 "--level", "handlaggare", "--units", "BU", "--database", url]) == 0
    capsys.readouterr()
    assert main(["user", "list", "--database", url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert re.match(r"Användarnamn\s+Namn\s+Titel\s+Delegationsnivå\s+Anställd sedan$", lines[0])
    assert lines[2].startswith("sofia.ny ")


@pytest.mark.parametrize("fresh_db_url", ["sqlite", "postgresql"], indirect=True)
def test_db_upgrade_says_already_latest_when_nothing_changed(fresh_db_url, capsys):
    if fresh_db_url.startswith("sqlite:///"):  # an empty file: upgrade never creates a mistyped path
        Path(fresh_db_url.removeprefix("sqlite:///")).touch()
    assert main(["db", "upgrade", "--database", fresh_db_url]) == 0
    assert "uppgraderat från tomt" in capsys.readouterr().out
    assert main(["db", "upgrade", "--database", fresh_db_url]) == 0
    out = capsys.readouterr().out
    assert "redan senaste version" in out and "uppgraderat" not in out


@pytest.mark.parametrize("fresh_db_url", ["sqlite", "postgresql"], indirect=True)
def test_decisions_by_case_number_lists_id_date_template_status_decider(fresh_db_url, capsys):
    from ifodesk.db.models import Case, Decision

    assert main(["demo", "--cases", "40", "--database", fresh_db_url]) == 0
    db = Database(fresh_db_url)
    with db.session() as s:
        case = s.scalar(select(Case).where(Case.id.in_(select(Decision.case_id).where(
            Decision.status == "beslutad"))).order_by(Case.case_number))
        decisions = s.scalars(select(Decision).where(Decision.case_id == case.id)).all()
        number = case.case_number
    db.dispose()
    capsys.readouterr()
    assert main(["decisions", "--case", number.lower(), "--database", fresh_db_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert re.match(r"Id\s+Datum\s+Mall\s+Status\s+Beslutsfattare$", lines[0])
    assert len(lines) == 2 + len(decisions)
    decided = next(d for d in decisions if d.status == "beslutad")
    row = next(line for line in lines if line.startswith(str(decided.id)))
    assert decided.decided_on.isoformat() in row and decided.template_id in row
    assert "Beslutat" in row and decided.decided_by_name in row


def test_decisions_for_unknown_case_exit_2(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    assert main(["init-db", "--database", url]) == 0
    assert main(["decisions", "--case", "BU-1999-9999", "--database", url]) == 2
    assert "Ärendet BU-1999-9999 finns inte" in capsys.readouterr().err


def test_decisions_service_refuses_a_case_outside_the_actors_units(ctx, ctx_for, org):
    from ifodesk.services import cases as case_svc
    from ifodesk.services.decision_lookup import decisions_by_case_number
    from ifodesk.services.dto import ChildInput
    from ifodesk.services.errors import PermissionDenied

    from test_case_path import MAJA, anmalan

    child = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(MAJA, "Maja", "Öberg"))).children[0]
    assert decisions_by_case_number(ctx_for("anna.lind"), child.case_number) == []
    with pytest.raises(PermissionDenied):
        decisions_by_case_number(ctx_for("petra.vuxen"), child.case_number)  # Vuxen, not Barn och unga
    reason = "Samverkan kring familjen med vuxenenheten"
    assert decisions_by_case_number(ctx_for("petra.vuxen"), child.case_number, reason=reason) == []
    from sqlalchemy import select

    from ifodesk.db.models import AuditLog

    with ctx.db.session() as s:
        logged = s.scalars(select(AuditLog).where(AuditLog.username == "petra.vuxen")).all()
    assert [a.reason for a in logged] == [reason]


def test_missing_config_file_named_by_ifodesk_config_is_an_error(tmp_path, monkeypatch, capsys):
    missing = tmp_path / "saknas.toml"
    monkeypatch.setenv("IFODESK_CONFIG", str(missing))
    assert main(["db", "status", "--database", f"sqlite:///{tmp_path / 'x.sqlite3'}"]) == 2
    err = capsys.readouterr().err
    assert f"Konfigurationsfilen {missing} som IFODESK_CONFIG pekar ut finns inte" in err
    assert "Traceback" not in err


def test_machine_wide_config_is_read_after_the_users(tmp_path, monkeypatch):
    from ifodesk.config import load_config

    machine = tmp_path / "ProgramData" / "ifodesk" / "config.toml"
    machine.parent.mkdir(parents=True)
    # The form the MSI writes (WiX IniFile: a [database] section with a literal string).
    machine.write_text("[database]\nurl='postgresql://ifodesk@dbserver.kommun.se/ifodesk?sslmode=verify-full'\n\n"
                       '[municipality]\nname = "Småby kommun"\ncode = "0999"\n', encoding="utf-8")
    monkeypatch.setenv("IFODESK_MACHINE_CONFIG", str(machine))
    cfg = load_config()
    assert cfg.database_url == "postgresql+psycopg://ifodesk@dbserver.kommun.se/ifodesk?sslmode=verify-full"
    assert cfg.source == str(machine) and cfg.municipality.name == "Småby kommun"
    user = tmp_path / "user.toml"
    user.write_text('database_url = "postgresql://anna@testserver/ifodesk"\n', encoding="utf-8")
    monkeypatch.setenv("IFODESK_CONFIG", str(user))
    cfg = load_config()
    assert cfg.database_url == "postgresql+psycopg://anna@testserver/ifodesk" and cfg.source == str(user)
    assert cfg.municipality.code == "0999"  # still from the machine-wide file


def test_machine_config_location_is_programdata_on_windows(monkeypatch):
    from ifodesk import config

    monkeypatch.delenv("IFODESK_MACHINE_CONFIG", raising=False)
    monkeypatch.setattr(config.sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"C:\ProgramData")
    assert str(config.machine_config_path()).replace("/", "\\") == r"C:\ProgramData\ifodesk\config.toml"


ABSOLUTE = re.compile(r"(?<![\w.:/])(/(?:home|work|tmp|root|usr|opt|var|mnt|Users)/[\w./-]*|[A-Za-z]:\\[\w\\ .-]+)")


def test_resources_hold_no_path_outside_the_repository():
    resources = REPO / "resources"
    problems = []
    for f in sorted(resources.rglob("*")):
        if f.is_symlink() and not f.resolve().is_relative_to(REPO):
            problems.append(f"{f.relative_to(REPO)} -> {f.resolve()}")
        if not f.is_file() or f.suffix in (".qm", ".ttf", ".png", ".ico"):
            continue
        text = f.read_text(encoding="utf-8")
        for m in ABSOLUTE.finditer(text):
            problems.append(f"{f.relative_to(REPO)}: {m.group(0)}")
        for rel in re.findall(r'filename="([^"]+)"', text):  # Qt .ts source references
            if not (f.parent / rel).resolve().is_relative_to(REPO):
                problems.append(f"{f.relative_to(REPO)}: {rel}")
    assert problems == []
