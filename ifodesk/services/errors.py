"""Errors services raise; each carries a Swedish message fit to show the user."""

from __future__ import annotations

from datetime import datetime


class ServiceError(Exception):
    """Base: str(error) is the Swedish message."""


class ValidationError(ServiceError):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(ServiceError):
    pass


class PermissionDenied(ServiceError):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field  # the input the refusal concerns, when there is one


class ConflictError(ServiceError):
    """Someone else saved the record after it was read: nothing was overwritten."""

    def __init__(self, entity: str, changed_by: str, changed_at: datetime | None,
                 your_version: int, current_version: int):
        when = changed_at.astimezone(_stockholm()).strftime("%Y-%m-%d %H:%M") if changed_at else "okänd tid"
        super().__init__(
            f"{entity} har ändrats av {changed_by} {when} sedan du öppnade den "
            f"(din version {your_version}, sparad version {current_version}). "
            "Inget har skrivits över – läs in på nytt eller jämför innan du sparar."
        )
        self.entity = entity
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.your_version = your_version
        self.current_version = current_version


def _stockholm():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Stockholm")


class RetryableError(ServiceError):
    """The database refused a write because of a concurrent one; trying again normally works."""


class RaceError(RetryableError):
    def __init__(self):
        super().__init__("Någon annan sparade samma uppgift samtidigt, så ingenting sparades. "
                         "Försök igen – uppgifterna finns kvar i formuläret.")


class BusyError(RetryableError):
    def __init__(self):
        super().__init__("Databasen är upptagen av en annan användare just nu, så ingenting sparades. "
                         "Vänta ett ögonblick och försök igen.")
