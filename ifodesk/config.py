"""Where the database lives and who the municipality is.

Precedence for the database: --database URL, then IFODESK_DATABASE_URL, then the user's config
file, then the machine-wide config file (written by the MSI installer), else an SQLite file in
the user's data directory. A key in the user's file wins over the same key in the machine-wide one.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "ifodesk"
ENV_DATABASE_URL = "IFODESK_DATABASE_URL"
ENV_CONFIG_FILE = "IFODESK_CONFIG"
ENV_MACHINE_CONFIG_FILE = "IFODESK_MACHINE_CONFIG"  # tests and unusual installs only
DEFAULT_SOURCE = "standard (lokal datakatalog)"  # Config.source when no database was named
DEFAULT_BACKUPS_KEPT = 5

# File systems on which SQLite's locking and WAL are unreliable.
NETWORK_FS_TYPES = {
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "sshfs", "9p", "afs",
    "ncpfs", "fuse.s3fs", "glusterfs", "ceph", "fuse.rclone", "davfs", "fuse.davfs2",
}


class ConfigError(Exception):
    """A configuration problem, with a Swedish message meant for the user."""


@dataclass(frozen=True)
class Municipality:
    name: str = "Demokommun"
    code: str = "9999"
    board_name: str = "Socialnämnden"
    unit_name: str = "Individ- och familjeomsorgen"
    address_lines: tuple[str, ...] = ("Box 1", "123 45 Demostad")
    phone: str = "0123-45 67 89"
    email: str = "socialtjansten@demokommun.se"
    org_number: str = "212000-0000"


@dataclass(frozen=True)
class Config:
    database_url: str
    source: str  # where the URL came from, for messages
    municipality: Municipality = field(default_factory=Municipality)
    config_file: Path | None = None
    backups_kept: int = DEFAULT_BACKUPS_KEPT  # SQLite backups kept beside the database file
    offline_max_days: int = 14  # an offline copy older than this locks itself (issue 12)

    @property
    def is_default_database(self) -> bool:
        """The per-user SQLite file nobody named: the app may create it on first start."""
        return self.source == DEFAULT_SOURCE


def config_file_path() -> Path:
    if os.environ.get(ENV_CONFIG_FILE):
        return Path(os.environ[ENV_CONFIG_FILE])
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def machine_config_path() -> Path:
    """The machine-wide file IT deploys: %PROGRAMDATA%\\ifodesk\\config.toml on Windows,
    /etc/xdg/ifodesk/config.toml on Linux."""
    if os.environ.get(ENV_MACHINE_CONFIG_FILE):
        return Path(os.environ[ENV_MACHINE_CONFIG_FILE])
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / APP_NAME / "config.toml"
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_sqlite_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "ifodesk.sqlite3"


def _read_config_file(path: Path, *, required: bool = False) -> dict:
    if not path.exists():
        if required:
            raise ConfigError(f"Konfigurationsfilen {path} som {ENV_CONFIG_FILE} pekar ut finns inte.")
        return {}
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Konfigurationsfilen {path} kunde inte läsas: {exc}") from exc


def _municipality(data: dict, path: Path) -> Municipality:
    raw = data.get("municipality", {})
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: [municipality] måste vara en tabell")
    known = set(Municipality.__dataclass_fields__)
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"{path}: okänd nyckel i [municipality]: {', '.join(sorted(unknown))}")
    values = dict(raw)
    if "address_lines" in values:
        values["address_lines"] = tuple(values["address_lines"])
    code = str(values.get("code", Municipality.code))
    if not (len(code) == 4 and code.isdigit()):
        raise ConfigError(f"{path}: kommunkoden måste vara fyra siffror, inte {code!r}")
    return Municipality(**values)


def _file_database_url(data: dict, path: Path) -> str | None:
    """database_url = "…" at the top, or [database] url = '…' (the form the MSI's IniFile writes)."""
    section = data.get("database", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [database] måste vara en tabell")
    url = data.get("database_url") or section.get("url")
    return str(url) if url else None


def load_config(cli_url: str | None = None) -> Config:
    path = config_file_path()
    user_data = _read_config_file(path, required=bool(os.environ.get(ENV_CONFIG_FILE)))
    machine_path = machine_config_path()
    machine_data = _read_config_file(machine_path)
    if "municipality" in user_data:
        municipality = _municipality(user_data, path)
    else:
        municipality = _municipality(machine_data, machine_path)
    user_url = _file_database_url(user_data, path)
    machine_url = _file_database_url(machine_data, machine_path)
    if cli_url:
        url, source = cli_url, "--database"
    elif os.environ.get(ENV_DATABASE_URL):
        url, source = os.environ[ENV_DATABASE_URL], ENV_DATABASE_URL
    elif user_url:
        url, source = user_url, str(path)
    elif machine_url:
        url, source = machine_url, str(machine_path)
    else:
        p = default_sqlite_path()
        url, source = f"sqlite:///{p}", DEFAULT_SOURCE
    url = normalize_url(url)
    check_database_url(url)
    used = path if path.exists() else (machine_path if machine_path.exists() else None)
    return Config(database_url=url, source=source, municipality=municipality, config_file=used,
                  backups_kept=_backups_kept(user_data, path), offline_max_days=_offline_days(user_data, machine_data, path))


def _backups_kept(data: dict, path: Path) -> int:
    value = data.get("backups_kept", DEFAULT_BACKUPS_KEPT)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
        raise ConfigError(f"{path}: backups_kept ska vara ett heltal 1–1000 (antal säkerhetskopior som sparas).")
    return value


def _offline_days(data: dict, machine: dict, path: Path) -> int:
    value = data.get("offline_max_days", machine.get("offline_max_days", 14))
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 90:
        raise ConfigError(f"{path}: offline_max_days ska vara ett heltal 1–90 (dagar innan en utcheckad kopia låses).")
    return value


def normalize_url(url: str) -> str:
    """Accept a bare file path for SQLite and plain postgresql:// for psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def sqlite_path_from_url(url: str) -> Path | None:
    if not url.startswith("sqlite"):
        return None
    rest = url.split(":///", 1)[1] if ":///" in url else ""
    rest = rest.split("?", 1)[0]
    if rest in ("", ":memory:"):
        return None
    return Path(rest)


NETWORK_SHARE_MESSAGE = (
    "Databasfilen {path} ligger på en nätverksenhet. Den inbyggda SQLite-databasen får bara "
    "ligga på datorns egen disk: på en nätverksdelning kan samtidiga sparningar förstöra filen. "
    "Ska flera arbetsstationer dela databasen behövs PostgreSQL – be IT-avdelningen om en "
    "PostgreSQL-adress och ange den med --database eller i konfigurationsfilen."
)


def check_database_url(url: str) -> None:
    if not (url.startswith("sqlite") or url.startswith("postgresql")):
        raise ConfigError(
            f"Databasadressen {url!r} stöds inte. Använd sqlite:///SÖKVÄG eller "
            "postgresql://användare@värd/databas."
        )
    path = sqlite_path_from_url(url)
    if path is not None and is_network_path(path):
        raise ConfigError(NETWORK_SHARE_MESSAGE.format(path=path))


def is_network_path(path: Path) -> bool:
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True  # UNC path
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    return _mount_fs_type(path) in NETWORK_FS_TYPES


def _mount_fs_type(path: Path, mounts_file: str = "/proc/mounts") -> str | None:
    try:
        lines = Path(mounts_file).read_text().splitlines()
    except OSError:
        return None
    target = os.path.abspath(path)
    best, best_type = "", None
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) >= len(best):
            best, best_type = mount_point, parts[2]
    return best_type
