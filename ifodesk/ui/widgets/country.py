"""Födelseland as a choice from the code list in resources/countries.toml (Swedish names,
"Okänt" its own choice); the first entry is "not registered"."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from ifodesk.domain.countries import load_countries

from .inputs import name


@lru_cache(maxsize=1)
def country_codes() -> tuple[str, ...]:
    """The codes in the order of the list; index 0 is "" (not registered)."""
    return ("", *(code for code, _ in load_countries().ordered()))


def country_index(code: str | None) -> int:
    codes = country_codes()
    return codes.index(code) if code in codes else 0


def country_combo(parent: QWidget, object_name: str, accessible: str) -> QComboBox:
    """Typing the first letters of a country selects it (the list has some 250 entries)."""
    c = name(QComboBox(parent), object_name, accessible)
    c.addItem(QCoreApplication.translate("CountryCombo", "(inte angivet)"), "")
    for code, country in load_countries().ordered():
        c.addItem(country, code)
    c.setMaxVisibleItems(20)
    return c
