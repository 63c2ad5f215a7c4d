"""The offline copy on disk: one Fernet-encrypted file (AES-128-CBC + HMAC-SHA256), owner-only,
written under a temporary name and renamed. The SQLite database inside is only ever decrypted
into memory."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from ifodesk.fileio import make_private_dir, write_bytes

MAGIC = b"IFODESK-OFFLINE-1\n"
DEFAULT_MAX_AGE_DAYS = 14
ENV_OFFLINE_DIR = "IFODESK_OFFLINE_DIR"


class OfflineFileError(Exception):
    """Why the offline copy cannot be opened (Swedish)."""


@dataclass(frozen=True)
class CopyHeader:
    copy_id: str
    username: str
    checked_out_at: datetime
    case_numbers: tuple[str, ...]
    server: str  # where to check in (no password)


def default_path(username: str) -> Path:
    import platformdirs

    base = os.environ.get(ENV_OFFLINE_DIR) or platformdirs.user_data_dir("ifodesk", appauthor=False)
    safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in username)
    return Path(base) / "offline" / f"{safe}.ifodesk-offline"


def save(path: Path, key: bytes, header: CopyHeader, database: bytes) -> None:
    head = json.dumps({"copy_id": header.copy_id, "username": header.username,
                       "checked_out_at": header.checked_out_at.isoformat(),
                       "case_numbers": list(header.case_numbers), "server": header.server},
                      ensure_ascii=False).encode("utf-8")
    plain = len(head).to_bytes(4, "big") + head + database
    make_private_dir(path.parent)
    write_bytes(path, MAGIC + Fernet(key).encrypt(plain))


def load(path: Path, key: bytes, *, now: datetime | None = None,
         max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> tuple[CopyHeader, bytes]:
    """(header, SQLite bytes); refuses a changed file, another key, or a copy older than allowed."""
    try:
        blob = path.read_bytes()
    except OSError:
        raise OfflineFileError("Det finns ingen utcheckad kopia på den här datorn.") from None
    if not blob.startswith(MAGIC):
        raise OfflineFileError("Filen är inte en utcheckad ifodesk-kopia.")
    try:
        plain = Fernet(key).decrypt(blob[len(MAGIC):])
    except InvalidToken:
        raise OfflineFileError("Den utcheckade kopian kunde inte öppnas: filen är ändrad eller hör till "
                               "en annan användare.") from None
    size = int.from_bytes(plain[:4], "big")
    raw = json.loads(plain[4:4 + size].decode("utf-8"))
    header = CopyHeader(raw["copy_id"], raw["username"], datetime.fromisoformat(raw["checked_out_at"]),
                        tuple(raw["case_numbers"]), raw.get("server", ""))
    check_age(header, now or datetime.now(timezone.utc), max_age_days)
    return header, plain[4 + size:]


def check_age(header: CopyHeader, now: datetime, max_age_days: int) -> None:
    if now - header.checked_out_at > timedelta(days=max_age_days):
        raise OfflineFileError(
            f"Den utcheckade kopian är äldre än {max_age_days} dagar och har låsts. Anslut till servern "
            "och checka in den, eller be IT återkalla den (ifodesk-admin offline revoke).")


def overwrite_and_unlink(path: Path) -> None:
    """Random bytes over the whole file, synced, then removed. On an SSD or a copy-on-write file
    system the old blocks may survive this: destroying the key (keys.destroy_key) is what counts."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    try:
        with open(path, "r+b", buffering=0) as fh:
            left = size
            while left > 0:
                chunk = min(left, 1 << 20)
                fh.write(os.urandom(chunk))
                left -= chunk
            os.fsync(fh.fileno())
    except OSError:
        pass  # unlink all the same; the key's destruction makes the content unreadable
    path.unlink(missing_ok=True)


def wipe(path: Path) -> None:
    """The copy and any temporary file a crashed save left beside it."""
    overwrite_and_unlink(path)
    if path.parent.is_dir():
        for tmp in path.parent.glob(f".{path.stem}-*{path.suffix}.tmp"):
            overwrite_and_unlink(tmp)
