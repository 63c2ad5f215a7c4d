"""The key of one laptop copy, and crypto-erase when the copy is done with (issue 12).

Each check-out gets a new random key, kept by the OS keyring (Windows Credential Manager/DPAPI,
macOS Keychain, Secret Service) and never beside the copy. When the copy's changes are on the
server (checked in, or held after a revocation) the key is deleted: every version of the file
that ever reached the disk, including blocks an SSD keeps after an overwrite and backups of the
folder, was encrypted with it and is unreadable from then on.

Without a usable keyring (a Linux machine without a desktop keyring) the key is kept in an
owner-only file in the configuration folder, like the drafts' key; destroying it then is an
overwrite and unlink, which an SSD does not guarantee (say so to IT: use full-disk encryption).
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


def _entry(username: str) -> str:
    return f"offlinenyckel:{username}"


def _keyring():
    """The keyring module when a real backend is there, else None."""
    try:
        import keyring
    except ImportError:  # pragma: no cover - a dependency, but never a reason not to start
        return None
    backend = keyring.get_keyring()
    if getattr(backend, "priority", 0) <= 0:  # the "fail" and "null" backends keep nothing
        return None
    return keyring


def key_file_path(username: str) -> Path:
    from ifodesk.config import config_file_path

    return config_file_path().parent / f"offlinenyckel-{re.sub(r'[^A-Za-z0-9_.-]', '_', username)}.key"


def new_key(username: str) -> bytes:
    """A new key for a new copy (replaces any earlier one: that copy is then unreadable)."""
    key = Fernet.generate_key()
    kr = _keyring()
    if kr is not None:
        try:
            kr.set_password(KEYRING_SERVICE, _entry(username), key.decode("ascii"))
            if kr.get_password(KEYRING_SERVICE, _entry(username)) == key.decode("ascii"):
                _erase_file(key_file_path(username))  # an earlier fallback key is not needed any more
                return key
        except Exception as exc:  # noqa: BLE001 - a locked or absent Secret Service: the file instead
            log.warning("Nyckelringen kunde inte användas (%s); offlinenyckeln hålls i en fil.", type(exc).__name__)
    path = key_file_path(username)
    make_private_dir(path.parent)
    _erase_file(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
        fh.flush()
        os.fsync(fh.fileno())
    return key


def get_key(username: str) -> bytes | None:
    """The key of the user's copy on this computer, or None (destroyed, or never made here)."""
    kr = _keyring()
    if kr is not None:
        try:
            text = kr.get_password(KEYRING_SERVICE, _entry(username))
        except Exception:  # noqa: BLE001 - see new_key
            text = None
        if text:
            return text.encode("ascii")
    try:
        return key_file_path(username).read_bytes().strip() or None
    except OSError:
        return None


def destroy_key(username: str) -> None:
    """Crypto-erase: the key leaves the keyring (and any fallback file is overwritten and removed)."""
    kr = _keyring()
    if kr is not None:
        try:
            kr.delete_password(KEYRING_SERVICE, _entry(username))
        except Exception:  # noqa: BLE001 - PasswordDeleteError: there was none
            pass
    _erase_file(key_file_path(username))


def _erase_file(path: Path) -> None:
    from .store import overwrite_and_unlink

    overwrite_and_unlink(path)


def erase_copy(path: Path, username: str) -> None:
    """Nothing readable left: the file overwritten and removed, and its key destroyed (crypto-erase).
    Only once its changes are on the server (checked in, or held there after a revocation)."""
    from .store import wipe

    wipe(path)
    destroy_key(username)
