"""Local drafts: everything typed is on disk within a second, so a crash or a conflict loses nothing.

One JSON file per record and user in the user data directory. A draft remembers the record
version it was typed against, so a reopened form can tell "my unsaved text" from "changed by
someone else since".
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import platformdirs

ENV_DRAFTS_DIR = "IFODESK_DRAFTS_DIR"


@dataclass(frozen=True)
class Draft:
    key: str
    base_version: int | None
    values: dict[str, str]
    saved_at: datetime


class DraftStore:
    def __init__(self, root: Path):
        self.root = root

    @classmethod
    def for_user(cls, username: str) -> "DraftStore":
        base = os.environ.get(ENV_DRAFTS_DIR) or platformdirs.user_data_dir("ifodesk", appauthor=False)
        return cls(Path(base) / "utkast" / _safe(username))

    def _path(self, key: str) -> Path:
        return self.root / f"{_safe(key)}.json"

    def save(self, key: str, base_version: int | None, values: dict[str, str]) -> None:
        """Atomic write: a crash mid-write leaves the previous draft intact."""
        self.root.mkdir(parents=True, exist_ok=True)
        data = {"key": key, "base_version": base_version, "values": values,
                "saved_at": datetime.now(timezone.utc).isoformat()}
        fd, tmp = tempfile.mkstemp(dir=self.root, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(tmp, self._path(key))

    def load(self, key: str) -> Draft | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return Draft(data["key"], data.get("base_version"), dict(data.get("values", {})),
                     datetime.fromisoformat(data["saved_at"]))

    def discard(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def keep_copy(self, key: str, suffix: str) -> None:
        """Set a draft aside (e.g. before reloading after a conflict) instead of deleting it."""
        path = self._path(key)
        if path.exists():
            os.replace(path, self._path(f"{key}.{suffix}"))


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)
