"""No import cycles in ifodesk (issue 10, "How"): the catalog and the delegation rules, and the
Excel writer and the statistics services, never import each other in a circle — not even for type
hints. Checked on the import graph of the source (grimp, which import-linter already uses)."""

from __future__ import annotations

import grimp
import pytest

# db.models imports the model modules at its end so they register on one metadata; each of them
# imports Base from db.models. That registration is the one circle allowed.
ALLOWED = {frozenset({"ifodesk.db.models", "ifodesk.db.models_court", "ifodesk.db.models_handover",
                      "ifodesk.db.models_offline", "ifodesk.db.models_verkstallighet"})}


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.find_modules_directly_imported_by(w)))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        out.append(sorted(comp))
    return out


@pytest.fixture(scope="module")
def graphs():
    return (grimp.build_graph("ifodesk", exclude_type_checking_imports=True, cache_dir=None),
            grimp.build_graph("ifodesk", exclude_type_checking_imports=False, cache_dir=None))


def test_no_import_cycle_at_run_time(graphs):
    runtime, _ = graphs
    assert [c for c in _cycles(runtime) if frozenset(c) not in ALLOWED] == []


@pytest.mark.parametrize("a, b", [
    ("ifodesk.domain.catalog", "ifodesk.domain.delegation"),
    ("ifodesk.domain.catalog_models", "ifodesk.domain.delegation"),
    ("ifodesk.domain.catalog_templates", "ifodesk.domain.delegation"),
    ("ifodesk.documents.excel", "ifodesk.services.statistics"),
    ("ifodesk.documents.excel", "ifodesk.services.statistics_workbook"),
    ("ifodesk.documents.socialstyrelsen", "ifodesk.services.statistics_register"),
])
def test_named_pairs_have_no_cycle_even_through_type_hints(graphs, a, b):
    _, full = graphs
    there = full.chain_exists(importer=a, imported=b, as_packages=False)
    back = full.chain_exists(importer=b, imported=a, as_packages=False)
    assert not (there and back), f"{a} och {b} importerar varandra (direkt eller via andra moduler)"


def test_the_catalog_does_not_depend_on_the_delegation_rules(graphs):
    _, full = graphs
    for m in ("ifodesk.domain.catalog", "ifodesk.domain.catalog_models", "ifodesk.domain.catalog_templates",
              "ifodesk.domain.catalog_readers", "ifodesk.domain.catalog_fields"):
        assert not full.chain_exists(importer=m, imported="ifodesk.domain.delegation"), m
