"""ifodesk — ärendehantering för individ- och familjeomsorgen."""

__version__ = "0.1.0"
