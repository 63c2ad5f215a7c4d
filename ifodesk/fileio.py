"""Files on the workstation: written whole or not at all, and readable by their owner only.

An output file is written to a temporary name in the same folder and renamed when complete, so
a full disk or a crash never leaves a half-written or 0-byte document under the real name.

On POSIX, files holding personal data get mode 0600 (folders 0700). On Windows the files live
in the user's profile, whose ACL already admits only the user (and administrators); we do not
change ACLs there.
"""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
POSIX = os.name == "posix"


def make_private_dir(path: Path) -> None:
    """Create a folder (and parents) that only the owner may enter; an existing one is left as is."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)


def make_private(path: Path) -> None:
    """Tighten an existing file to owner read/write (no-op on Windows or for another owner's file)."""
    if not POSIX:
        return
    try:
        st = path.stat()
        if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) & 0o077:
            os.chmod(path, stat.S_IMODE(st.st_mode) & 0o700)
    except FileNotFoundError:
        pass


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 (fails if it exists)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)


def temp_path_beside(path: Path) -> Path:
    """A new, private (0600) temporary file in the same folder as ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=f"{path.suffix}.tmp")
    os.close(fd)  # mkstemp creates it 0600
    return Path(tmp)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it is synced and renamed to ``path``.

    On any error the temporary file is removed and ``path`` is untouched.
    """
    path = Path(path)
    tmp = temp_path_beside(path)
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> None:
    """The whole of ``data`` under ``path``, or nothing (see atomic_output)."""
    with atomic_output(path) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
