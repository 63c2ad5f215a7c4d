"""Shared by the offline tests: a case with an open utredning, checked out to a laptop copy."""

from __future__ import annotations

from cryptography.fernet import Fernet

from ifodesk.services import caseview, decisions
from ifodesk.services import cases as case_svc
from ifodesk.services.dto import ChildInput
from ifodesk.services.offline import check_out
from ifodesk.services.offline_local import offline_context, save_package

from test_case_path import anmalan

INLEDA = {"barnets_namn": "Maja Öberg", "anmalan_datum": "2026-03-02", "fakta": "Skolan oroas för omsorgen.",
          "motivering": "Oron gäller omsorgssvikt."}


def case_with_utredning(ctx, org, pnr: str = "20150312-9809", first: str = "Maja", last: str = "Öberg"):
    res = case_svc.register_anmalan(ctx, anmalan(org, ChildInput(pnr, first, last)))
    case_id = res.children[0].case_id
    d = decisions.draft_decision(ctx, case_id, "inleda_utredning", dict(INLEDA, barnets_namn=f"{first} {last}"))
    decisions.sign(ctx, d.id, d.version)
    detail = caseview.get_case(ctx, case_id)
    return case_id, detail.utredningar[0]


def laptop_copy(ctx, case_ids, path, key=None, reason="Hembesök hos familjen nästa vecka"):
    key = key or Fernet.generate_key()
    pkg = check_out(ctx, list(case_ids), laptop="BÄRBAR-7", reason=reason)
    copy = save_package(pkg, path, key, server="test")
    return copy, offline_context(copy, ctx.municipality, ctx.clock), key
