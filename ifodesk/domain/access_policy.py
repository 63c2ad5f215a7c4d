"""The access matrix (role × action × scope) read from resources/access.toml and validated."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ifodesk.resources import resource_path

SCOPES = ("own", "unit", "municipality", "agenda")
RANK = {"own": 1, "unit": 2, "municipality": 3}  # agenda stands apart: it is not a case scope


class AccessPolicyError(ValueError):
    pass


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    record: bool
    always_reason: bool = False
    read: bool = False  # a read: a stated reason can open it; a change never needs one, it is refused


@dataclass(frozen=True)
class Grant:
    scope: str
    with_reason: str | None = None


@dataclass(frozen=True)
class Policy:
    actions: dict[str, Action]
    roles: dict[str, dict[str, Grant]]
    role_labels: dict[str, str]
    reason_min_chars: int
    reason_min_distinct: int
    protected_roles: tuple[str, ...]

    def grant(self, role: str, action: str) -> Grant | None:
        if action not in self.actions:
            raise KeyError(f"Okänd behörighet: {action}")
        return self.roles.get(role, {}).get(action)

    def reason_ok(self, reason: str | None) -> bool:
        """A real reason: enough letters or digits, not one repeated ("..........", "aaaaaaaaaa")."""
        chars = [c for c in (reason or "").lower() if c.isalnum()]
        return len(chars) >= self.reason_min_chars and len(set(chars)) >= self.reason_min_distinct


def _err(path: Path, where: str, msg: str) -> AccessPolicyError:
    return AccessPolicyError(f"{path.name}: {where}: {msg}")


def parse_policy(data: dict, path: Path) -> Policy:
    actions: dict[str, Action] = {}
    raw_actions = data.get("actions")
    if not isinstance(raw_actions, dict) or not raw_actions:
        raise _err(path, "[actions]", "saknas eller är tom")
    for name, raw in raw_actions.items():
        where = f'[actions] "{name}"'
        if not isinstance(raw, dict) or not isinstance(raw.get("label"), str) or not raw["label"].strip():
            raise _err(path, where, "saknar label (text som visas när behörighet saknas)")
        unknown = set(raw) - {"label", "record", "always_reason", "read"}
        if unknown:
            raise _err(path, where, f"okänd nyckel {', '.join(sorted(unknown))}")
        if not all(isinstance(raw.get(k, False), bool) for k in ("record", "always_reason", "read")):
            raise _err(path, where, "record, always_reason och read ska vara true eller false")
        actions[name] = Action(name, raw["label"], raw.get("record", False), raw.get("always_reason", False),
                               raw.get("read", False))

    roles: dict[str, dict[str, Grant]] = {}
    labels: dict[str, str] = {}
    raw_roles = data.get("roles")
    if not isinstance(raw_roles, dict) or not raw_roles:
        raise _err(path, "[roles]", "saknas eller är tom")
    for role, entries in raw_roles.items():
        if not isinstance(entries, dict):
            raise _err(path, f"[roles.{role}]", "ska vara en tabell")
        labels[role] = str(entries.get("label", role))
        grants: dict[str, Grant] = {}
        for action, raw in entries.items():
            if action == "label":
                continue
            where = f'[roles.{role}] "{action}"'
            if action not in actions:
                raise _err(path, where, "okänd behörighet (finns inte under [actions])")
            if isinstance(raw, str):
                raw = {"scope": raw}
            if not isinstance(raw, dict):
                raise _err(path, where, "ska vara en omfattning eller en tabell med scope")
            unknown = set(raw) - {"scope", "with_reason"}
            if unknown:
                raise _err(path, where, f"okänd nyckel {', '.join(sorted(unknown))}")
            scope, wider = raw.get("scope"), raw.get("with_reason")
            if scope not in SCOPES:
                raise _err(path, where, f"okänd omfattning {scope!r}; tillåtna: {', '.join(SCOPES)}")
            if wider is not None:
                if wider not in RANK or scope not in RANK:
                    raise _err(path, where, "with_reason gäller bara own, unit och municipality")
                if RANK[wider] <= RANK[scope]:
                    raise _err(path, where, f"with_reason {wider!r} måste vara vidare än scope {scope!r}")
            if wider is not None and not actions[action].read:
                raise _err(path, where, "with_reason gäller bara läsning (read = true under [actions])")
            grants[action] = Grant(scope, wider)
        roles[role] = grants

    reason = data.get("reason", {})
    min_chars, min_distinct = reason.get("min_chars"), reason.get("min_distinct", 1)
    if not isinstance(min_chars, int) or min_chars < 5 or not isinstance(min_distinct, int) or min_distinct < 1:
        raise _err(path, "[reason]", "min_chars ska vara ett heltal minst 5, min_distinct minst 1")
    protected = data.get("protected", {}).get("roles")
    if not isinstance(protected, list) or any(r not in roles for r in protected):
        raise _err(path, "[protected] roles", "ska vara en lista med roller som finns under [roles]")
    return Policy(actions, roles, labels, min_chars, min_distinct, tuple(protected))


@lru_cache(maxsize=4)
def load_policy(path: Path | None = None) -> Policy:
    path = path or resource_path("access.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise AccessPolicyError(f"{path.name}: kan inte läsas: {exc}") from exc
    return parse_policy(data, path)
