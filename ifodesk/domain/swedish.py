"""Swedish names: a collation key for plain binary ORDER BY, search folding, name display.

Why a key column: SQLite sorts TEXT with BINARY and the app must give the same order on
PostgreSQL, so the order is computed here once and stored, and both databases compare it
bytewise (SQLite BINARY, PostgreSQL ``COLLATE "C"``).
"""

from __future__ import annotations

import unicodedata

__all__ = ["SORT_KEY_MAX_LENGTH", "sort_key", "search_fold", "full_name", "display_name_sorted"]

# Keys are cut here so they fit a VARCHAR(200) column; keys that differ only after this
# many characters tie, so ORDER BY should add a stable column (e.g. id).
SORT_KEY_MAX_LENGTH = 200

# Primary weights, all printable ASCII above the level separator " " (0x20):
#   "!" word break (space or hyphen) < "0"–"9" < "a"–"z" < "{" å < "|" ä < "}" ö < "~" other.
_WORD_BREAK = "!"
_LEVEL_SEP = " "
_SWEDISH = {"å": "{", "ä": "|", "ö": "}"}
# Letters Swedish dictionaries file with å/ä/ö or y, and letters NFKD does not decompose.
_SORT_SPECIAL = {
    "æ": "ä", "ø": "ö", "ü": "y", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
    "œ": "oe", "ı": "i",
}
_SEARCH_SPECIAL = {
    "æ": "ä", "ø": "ö", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "œ": "oe", "ı": "i",
}
_BREAKS = {"-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014"}


def _base_letters(ch: str) -> str:
    """``ch`` without accents (é → e), keeping å ä ö; empty if nothing letter-like is left."""
    if ch in "åäö":
        return ch
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _primary(text: str) -> str:
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text).casefold():
        if ch.isspace() or ch in _BREAKS:
            if out and out[-1] != _WORD_BREAK:
                out.append(_WORD_BREAK)
            continue
        mapped = _SORT_SPECIAL.get(ch)
        if mapped is None:
            mapped = "".join(_SORT_SPECIAL.get(c, c) for c in _base_letters(ch))
        for c in mapped:
            if c in _SWEDISH:
                out.append(_SWEDISH[c])
            elif "a" <= c <= "z" or "0" <= c <= "9":
                out.append(c)
            elif c.isalnum():
                # Non-Latin letters: after ö, in code point order, fixed width.
                out.append(f"~{ord(c):06x}")
            # Punctuation (apostrophe, period, comma …) carries no weight.
    while out and out[-1] == _WORD_BREAK:
        out.pop()
    return "".join(out)


def _tiebreak(text: str) -> str:
    # Keeps the order total when primaries tie (e < é, "Ek-Ås" vs "Ek Ås"); ASCII too.
    return "".join(
        c if " " <= c <= "}" else f"~{ord(c):06x}" for c in unicodedata.normalize("NFC", text)
    )


def sort_key(text: str) -> str:
    """A key whose plain binary order is Swedish alphabetical order.

    The key is pure printable ASCII, so its UTF-8 bytes are its characters and SQLite BINARY,
    PostgreSQL ``COLLATE "C"`` and Python ``<`` all agree. Rules: case-insensitive; a–z, then
    å, ä, ö (æ sorts as ä, ø as ö, ü as y, as Swedish dictionaries do); other accented Latin
    letters as their base letter (é, è → e); digits before letters; a space or hyphen is a word
    break that sorts before any letter ("Ek Anna" before "Ekberg"); other punctuation is
    ignored; w is its own letter (SAOL since 2006). Non-Latin letters follow ö. Ties are broken
    by the exact text so the order is total. At most ``SORT_KEY_MAX_LENGTH`` characters.
    """
    stripped = " ".join((text or "").split())
    return (_primary(stripped) + _LEVEL_SEP + _tiebreak(stripped))[:SORT_KEY_MAX_LENGTH]


def search_fold(text: str) -> str:
    """Lower-case form for "contains" search: é → e, but å, ä, ö stay distinct letters.

    Both the stored value and the user's query go through this. Whitespace runs become one
    space. ü folds to u here (what a user types on a Swedish keyboard), unlike in sort_key.
    """
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", " ".join((text or "").split())).casefold():
        special = _SEARCH_SPECIAL.get(ch)
        out.append(special if special is not None else _base_letters(ch) or ch)
    return "".join(out)


def _clean(part: str | None) -> str:
    return " ".join((part or "").split())


def full_name(first: str | None, last: str | None) -> str:
    """"Förnamn Efternamn", tolerating missing parts and stray whitespace."""
    return " ".join(p for p in (_clean(first), _clean(last)) if p)


def display_name_sorted(first: str | None, last: str | None) -> str:
    """"Efternamn, Förnamn" for lists; just the part that exists when one is missing."""
    first_c, last_c = _clean(first), _clean(last)
    if first_c and last_c:
        return f"{last_c}, {first_c}"
    return last_c or first_c
