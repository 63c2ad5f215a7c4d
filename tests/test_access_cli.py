"""The command line prints a protected person's decision letter only with a stated reason (issue 9, item 2)."""

from __future__ import annotations

from sqlalchemy import select, update

from ifodesk.cli import main
from ifodesk.db.engine import Database
from ifodesk.db.models import AuditLog, Decision, Person


def test_render_letter_of_a_protected_person_needs_a_reason(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["demo", "--cases", "50", "--database", url]) == 0
    db = Database(url)
    with db.session(write=True) as s:
        d = s.scalar(select(Decision).where(Decision.status == "beslutad").limit(1))
        s.execute(update(Person).where(Person.id == d.person_id).values(protection="skyddad_folkbokforing"))
    out = tmp_path / "brev.pdf"
    args = ["render", "letter", "--decision", str(d.id), "--out", str(out), "--database", url]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "skäl" in err and "Traceback" not in err
    assert not out.exists()
    assert main([*args, "--skal", "."]) == 2
    assert main([*args, "--skal", "Beslutet ska delges via ombudet"]) == 0
    assert out.exists()
    with db.session() as s:
        row = s.scalar(select(AuditLog).where(AuditLog.action == "print").order_by(AuditLog.id.desc()).limit(1))
    assert row.reason == "Beslutet ska delges via ombudet" and row.username == "ifodesk-admin"
    db.dispose()
