"""Every public service function taking a ServiceContext declares its permission (issue 9, item 2)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import ifodesk.services as services_pkg
from ifodesk.services.context import ServiceContext

# Functions that take a ServiceContext but read or write no person data; each reviewed.
ALLOWLIST = {
    "decision_docs.letterhead": "the municipality's own letterhead from the configuration",
    "decisions.delegation_order": "the adopted delegationsordning (a public document)",
    "decisions.preview_routing": "who may decide a template, for a proposal not saved; no record read",
    "statistics.list_units": "names of the municipality's units",
    "statistics.find_unit": "finds a unit by name or prefix",
    "common.touch": "stamps who changed a record, inside a service function that checked it",
    "retry.run_write": "runs a service function's own checked unit of work again after a lost race",
}
ENFORCEMENT = "access"  # the policy module itself: its functions are the checks


def _takes_ctx(fn) -> bool:
    params = list(inspect.signature(fn).parameters.values())
    if not params:
        return False
    first = params[0]
    # (s: Session, ctx, ...) helpers run inside a service function's own checked transaction;
    # the UI cannot call them (it never imports sqlalchemy, see the import contracts).
    if first.name == "s":
        return False
    return any(p.name == "ctx" or p.annotation in (ServiceContext, "ServiceContext") for p in params)


def service_functions():
    out = []
    for info in pkgutil.iter_modules(services_pkg.__path__):
        if info.name == ENFORCEMENT:
            continue
        mod = importlib.import_module(f"ifodesk.services.{info.name}")
        for name, fn in vars(mod).items():
            if name.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != mod.__name__:
                continue
            if _takes_ctx(fn):
                out.append((f"{info.name}.{name}", fn))
    return out


def test_enumeration_finds_the_service_functions():
    names = {n for n, _ in service_functions()}
    for expected in ("caseview.get_case", "people.get_person", "journal.add_note", "decisions.get_decision",
                     "decision_docs.decision_letter", "cases.get_utredning", "people.update_person"):
        assert expected in names


def test_every_service_function_declares_a_permission():
    from ifodesk.domain.access_policy import load_policy

    actions = load_policy().actions
    missing = [n for n, fn in service_functions() if not hasattr(fn, "__access__") and n not in ALLOWLIST]
    assert not missing, "Tjänstefunktioner utan behörighetskontroll: " + ", ".join(sorted(missing))
    for n, fn in service_functions():
        if hasattr(fn, "__access__"):
            assert fn.__access__ in actions, n


def test_allowlist_is_not_stale():
    names = dict(service_functions())
    for n in ALLOWLIST:
        assert n in names, f"{n} finns inte längre; ta bort den ur listan"
        assert not hasattr(names[n], "__access__"), f"{n} har nu en behörighet; ta bort den ur listan"


def test_a_forgotten_record_check_refuses_and_changes_nothing(ctx, org):
    """The guard behind @requires: a function that never checks its record cannot commit or return."""
    from sqlalchemy import func, select

    from ifodesk.db.models import AuditLog
    from ifodesk.services import access, audit
    from ifodesk.services.errors import PermissionDenied

    @access.requires("case.read")
    def careless(ctx):
        with ctx.write() as s:
            audit.record(s, ctx, "read", "case", None, None)
            return "data"

    with pytest.raises(PermissionDenied):
        careless(ctx)
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog)) == 0
