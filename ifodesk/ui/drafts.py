"""Local drafts: everything typed is on disk within a second, so a crash or a conflict loses nothing.

One file per record and user in the user data directory, encrypted (Fernet: AES-128-CBC with an
HMAC-SHA256, so a changed file is detected, not misread). A draft remembers the record version
it was typed against, so a reopened form can tell "my unsaved text" from "changed by someone
else since".

The key is kept by the operating system's keyring (Windows Credential Manager/DPAPI, macOS
Keychain, the Secret Service on Linux desktops), see draft_keys.py. Drafts of older versions
(plain JSON) are encrypted and the plain files removed the first time the store is opened.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import platformdirs
from cryptography.fernet import Fernet, InvalidToken

from ifodesk.fileio import make_private_dir, write_bytes

from .draft_keys import draft_key

ENV_DRAFTS_DIR = "IFODESK_DRAFTS_DIR"
SUFFIX = ".utkast"  # encrypted; the old plain drafts were ".json"
DAMAGED_SUFFIX = ".skadad"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Draft:
    key: str
    base_version: int | None
    values: dict[str, str]
    saved_at: datetime


class DraftStore:
    """``on_problem`` receives a Swedish message when a draft cannot be read (shown in the status bar)."""

    def __init__(self, root: Path, key: bytes | None = None, *, warning: str | None = None):
        self.root = root
        self._fernet = Fernet(key or Fernet.generate_key())  # no key: drafts live as long as the store
        self.warning = warning  # Swedish, when the key is not kept by the OS keyring
        self.on_problem: Callable[[str], None] | None = None

    @classmethod
    def for_user(cls, username: str) -> "DraftStore":
        base = os.environ.get(ENV_DRAFTS_DIR) or platformdirs.user_data_dir("ifodesk", appauthor=False)
        key, warning = draft_key(username)
        store = cls(Path(base) / "utkast" / _safe(username), key, warning=warning)
        store.encrypt_plain_drafts()
        return store

    def _path(self, key: str) -> Path:
        return self.root / f"{_safe(key)}{SUFFIX}"

    def save(self, key: str, base_version: int | None, values: dict[str, str]) -> None:
        """Atomic write: a crash mid-write leaves the previous draft intact."""
        make_private_dir(self.root)
        data = {"key": key, "base_version": base_version, "values": values,
                "saved_at": datetime.now(timezone.utc).isoformat()}
        write_bytes(self._path(key), self._fernet.encrypt(json.dumps(data, ensure_ascii=False).encode("utf-8")))

    def load(self, key: str) -> Draft | None:
        path = self._path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        try:
            data = json.loads(self._fernet.decrypt(blob).decode("utf-8"))
            return Draft(data["key"], data.get("base_version"), dict(data.get("values", {})),
                         datetime.fromisoformat(data["saved_at"]))
        except (InvalidToken, ValueError, KeyError, TypeError):
            self._set_aside(path)
            return None

    def _set_aside(self, path: Path) -> None:
        """A changed or damaged file (or one made with another key) is kept aside, not read."""
        try:
            os.replace(path, path.with_name(path.name + DAMAGED_SUFFIX))
        except OSError:
            pass
        log.warning("Ett lokalt utkast kunde inte läsas och har lagts åt sidan.")
        if self.on_problem is not None:
            self.on_problem("Ett lokalt utkast kunde inte läsas (filen är ändrad eller skadad) och har lagts "
                            "åt sidan. Det som är sparat i ärendet visas.")

    def discard(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def keep_copy(self, key: str, suffix: str) -> None:
        """Set a draft aside (e.g. before reloading after a conflict) instead of deleting it."""
        path = self._path(key)
        if path.exists():
            os.replace(path, self._path(f"{key}.{suffix}"))

    def encrypt_plain_drafts(self) -> int:
        """Drafts written by older versions as plain JSON: encrypt them, remove the plain file."""
        if not self.root.is_dir():
            return 0
        done = 0
        for plain in sorted(self.root.glob("*.json")):
            try:
                data = json.loads(plain.read_text(encoding="utf-8"))
                target = self.root / f"{plain.stem}{SUFFIX}"
                if not target.exists():
                    write_bytes(target, self._fernet.encrypt(json.dumps(data, ensure_ascii=False).encode("utf-8")))
            except (OSError, ValueError):
                pass  # unreadable: nothing worth keeping, but it must not stay in plain text
            plain.unlink(missing_ok=True)
            done += 1
        for tmp in self.root.glob("*.tmp"):  # left by an interrupted plain-text save
            tmp.unlink(missing_ok=True)
        return done


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)
