"""Every template, deadline, law version and paragraph the data marks [I] or [U] is listed in
docs/ej-verifierat.md, where the jurist reads them (issue 10)."""

from __future__ import annotations

from pathlib import Path

from ifodesk.domain.catalog import load_catalog
from ifodesk.domain.deadlines import load_deadline_rules
from ifodesk.domain.unverified import unverified

DOC = Path(__file__).resolve().parent.parent / "docs" / "ej-verifierat.md"


def test_every_entry_marked_i_or_u_is_in_the_document():
    text = DOC.read_text(encoding="utf-8")
    items = unverified(load_catalog(), load_deadline_rules())
    assert {u.kind for u in items} >= {"mall", "frist", "paragraf"}
    missing = [f"{u.kind} {u.key}" for u in items if f"`{u.key}`" not in text]
    assert missing == [], ("saknas i docs/ej-verifierat.md; kör .venv/bin/python scripts/list-unverified.py: "
                           + ", ".join(missing))


def test_the_court_judgment_inference_is_marked_in_the_data():
    rules = load_deadline_rules()
    assert rules["overvagande_lvu"].mark == "I" and "[I]" in rules["overvagande_lvu"].description
    assert "[I]" in load_catalog().template("lvu_ansokan_vard").note
    assert all(rules[k].mark == "I" for k in ("lvu_understallning", "lvu_ansokan_efter_6", "lvm_understallning", "lvm_ansokan"))
