"""resources/access.toml is validated when read; a bad entry is named in a Swedish message."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ifodesk.domain.access_policy import AccessPolicyError, load_policy, parse_policy
from ifodesk.resources import resource_path


def _data():
    return tomllib.loads(resource_path("access.toml").read_text(encoding="utf-8"))


def test_shipped_policy_loads():
    pol = load_policy()
    assert pol.grant("handlaggare", "case.read").with_reason == "municipality"
    assert pol.grant("sekreterare", "case.read") is None  # agendas and decisions, not journals
    assert pol.grant("ledamot", "decision.read").scope == "agenda"


@pytest.mark.parametrize("mutate, words", [
    (lambda d: d["roles"]["handlaggare"].__setitem__("case.read", "hela_landet"), ["handlaggare", "case.read", "omfattning"]),
    (lambda d: d["roles"]["forste"].__setitem__("case.fly", "unit"), ["forste", "case.fly", "okänd behörighet"]),
    (lambda d: d["roles"]["chef"].__setitem__("case.read", {"scope": "municipality", "with_reason": "unit"}),
     ["chef", "case.read", "vidare"]),
    (lambda d: d["actions"]["case.read"].pop("label"), ["case.read", "label"]),
    (lambda d: d["roles"]["handlaggare"].__setitem__("journal.write", {"scope": "unit", "with_reason": "municipality"}),
     ["handlaggare", "journal.write", "bara läsning"]),
    (lambda d: d["reason"].__setitem__("min_chars", 1), ["[reason]"]),
    (lambda d: d["protected"].__setitem__("roles", ["kung"]), ["[protected]"]),
])
def test_bad_entries_are_named(mutate, words):
    data = _data()
    mutate(data)
    with pytest.raises(AccessPolicyError) as err:
        parse_policy(data, Path("access.toml"))
    for w in words:
        assert w in str(err.value)


def test_reason_must_be_real():
    pol = load_policy()
    for bad in (None, "", ".", "..........", "aaaaaaaaaaaa", "kolla", "1 2 3 4"):
        assert not pol.reason_ok(bad), bad
    assert pol.reason_ok("Jouren: barnet placerat akut i natt")
