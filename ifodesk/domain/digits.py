"""Digits typed by people: only ASCII 0–9 are read as numbers, everywhere in ifodesk.

Python's int() and regular expressions' \\d also read fullwidth (０–９) and Arabic-Indic (٠–٩)
digits. ifodesk refuses them with a message rather than guessing, the same for dates,
personnummer and numbers, so what is stored is always what a colleague can read back.
"""

from __future__ import annotations

FOREIGN_DIGITS_HINT = ("skriv siffrorna 0–9 (inte helbreddssiffror som ０–９ eller "
                       "arabisk-indiska siffror som ٠–٩)")


def has_foreign_digits(text: str) -> bool:
    """True if ``text`` has a digit other than ASCII 0–9."""
    return any(ch.isdigit() and not ch.isascii() for ch in text or "")


def ascii_int(text: str) -> int | None:
    """The integer written with ASCII digits (optional sign), else None."""
    raw = (text or "").strip()
    body = raw[1:] if raw[:1] in "+-" else raw
    if not body or not (body.isascii() and body.isdigit()):
        return None
    return int(raw)
