"""The key that encrypts local drafts, kept by the operating system.

First choice: the OS keyring through the ``keyring`` package (Windows Credential Manager, which
protects it with DPAPI under the user's login; the macOS Keychain; the Secret Service of a Linux
desktop). The key never lies beside the drafts.

Where no keyring exists (a Linux machine without a desktop keyring), the key is kept in a file
readable by the owner only (0600, folder 0700) in the user's configuration folder, apart from
the drafts in the data folder, and the user is told so in the status bar. We keep drafts rather
than refuse them: they are the only copy of text typed since the last save after a crash, and a
key file protects them as well as the SQLite database file itself is protected (owner-only on
the same disk), while copies of the drafts folder (backups, profile sync) stay unreadable.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from cryptography.fernet import Fernet

from ifodesk.fileio import PRIVATE_FILE, make_private_dir

KEYRING_SERVICE = "ifodesk"
log = logging.getLogger(__name__)

FALLBACK_WARNING = ("Datorn har ingen nyckelring: nyckeln till dina lokala utkast ligger i en fil som bara "
                    "du kan läsa ({path}).")


def _entry(username: str) -> str:
    return f"utkastnyckel:{username}"


def _from_keyring(username: str) -> bytes | None:
    """The key from the OS keyring (made on first use); None if there is no usable keyring."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - a dependency, but never a reason not to start
        return None
    backend = keyring.get_keyring()
    if getattr(backend, "priority", 0) <= 0:  # the "fail" and "null" backends: nothing is kept
        return None
    try:
        text = keyring.get_password(KEYRING_SERVICE, _entry(username))
        if text is None:
            keyring.set_password(KEYRING_SERVICE, _entry(username), Fernet.generate_key().decode("ascii"))
            text = keyring.get_password(KEYRING_SERVICE, _entry(username))
    except (KeyringError, RuntimeError, OSError) as exc:  # e.g. a locked or absent Secret Service
        log.warning("Nyckelringen kunde inte användas (%s); utkastnyckeln hålls i en fil.", type(exc).__name__)
        return None
    return text.encode("ascii") if text else None


def key_file_path(username: str) -> Path:
    from ifodesk.config import config_file_path

    return config_file_path().parent / f"utkastnyckel-{re.sub(r'[^A-Za-z0-9_.-]', '_', username)}.key"


def _from_file(path: Path) -> bytes:
    make_private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as fh:
        fh.write(Fernet.generate_key())
    return path.read_bytes().strip()


def draft_key(username: str) -> tuple[bytes, str | None]:
    """(key, warning): the warning (Swedish) says when the key is in a file, not the keyring."""
    key = _from_keyring(username)
    if key is not None:
        return key, None
    path = key_file_path(username)
    return _from_file(path), FALLBACK_WARNING.format(path=path)
