"""The case list's fast paths give exactly the rows of the plain query (SQLite and PostgreSQL).

A list's first page may be found another way than the whole list — a walk of the first cases in
list order for a common name part, an index range for a narrow case number — but never other rows.
"""

from __future__ import annotations

from datetime import date

import pytest

from ifodesk.services import caseview
from ifodesk.services.caseview import CaseQuery

TEXTS = ("", "a", "an", "son", "sson", "ö", "berg", "zzz", "BU-20", "BU-2025-00", "BU-2025-0012", "2015",
         "201503", "Ebba")
SORTS = (("opened_on", True), ("opened_on", False), ("case_number", True), ("case_number", False),
         ("name", False), ("name", True), ("status", False))


@pytest.fixture
def listed(db, org, ctx_for):
    from ifodesk.config import Municipality
    from ifodesk.services.demo import generate_demo

    generate_demo(db, Municipality(), cases=400, seed=5, today=date(2026, 3, 1))
    return ctx_for("karin.berg"), org.unit.id


@pytest.mark.parametrize("limit", [3, 25])
def test_the_first_page_is_the_start_of_the_whole_list(listed, monkeypatch, limit):
    ctx, unit_id = listed
    monkeypatch.setattr(caseview, "HEAD_ROWS", 40)  # small lists reach the walk's end, too
    monkeypatch.setattr(caseview, "NARROW_NUMBERS", 50)  # both ways of finding a case number prefix
    for text in TEXTS:
        for sort, descending in SORTS:
            for unit in (unit_id, None):
                q = CaseQuery(unit_id=unit, text=text, sort=sort, descending=descending)
                whole = caseview.case_ids(ctx, q)
                assert caseview.case_ids(ctx, q, limit=limit) == whole[:limit], (text, sort, descending, unit)


def test_common_name_parts_take_the_walk_and_rare_ones_the_index(listed, monkeypatch, db):
    ctx, unit_id = listed
    walked = []
    real = caseview._head_matches
    monkeypatch.setattr(caseview, "_head_matches", lambda *a: walked.append(a[3]) or real(*a))
    for text in ("a", "son", "zzz", "Ebba"):
        caseview.case_ids(ctx, CaseQuery(unit_id=unit_id, text=text), limit=10)
    if db.engine.dialect.name == "sqlite":
        assert "a" in walked and "zzz" not in walked and "ebba" not in walked
    else:
        assert walked == []  # PostgreSQL's planner weighs this itself


def test_case_number_search_and_order_by_range_and_index(listed):
    ctx, unit_id = listed
    everything = caseview.case_rows(ctx, caseview.case_ids(ctx, CaseQuery(unit_id=unit_id, sort="case_number",
                                                                          descending=False)))
    numbers = [r.case_number for r in everything]
    assert numbers == sorted(numbers) and len(numbers) >= 400
    prefix = numbers[len(numbers) // 2][:-1]
    found = caseview.case_rows(ctx, caseview.case_ids(ctx, CaseQuery(unit_id=unit_id, text=prefix.lower())))
    assert sorted(r.case_number for r in found) == [n for n in numbers if n.startswith(prefix)]
