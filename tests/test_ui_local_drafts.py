"""The main window tells the user about the drafts' key and about a draft it could not read."""

from __future__ import annotations

import pytest

from ui_support import make_app, make_window  # noqa: F401


@pytest.fixture
def drafts(tmp_path):
    from ifodesk.ui.drafts import DraftStore

    return DraftStore(tmp_path / "utkast", warning="Datorn har ingen nyckelring: nyckeln ligger i en fil.")


def test_the_key_file_fallback_is_shown_in_the_status_bar(qtbot, make_window):
    w = make_window()
    assert "ingen nyckelring" in w.statusBar().currentMessage()


def test_an_unreadable_draft_is_told_in_the_status_bar_not_raised(qtbot, make_window, drafts):
    w = make_window()
    drafts.save("journal:1", 1, {"text": "hemligt"})
    path = next(drafts.root.iterdir())
    path.write_bytes(path.read_bytes()[:-10])  # changed on disk
    assert w.app.drafts.load("journal:1") is None
    assert "utkast kunde inte läsas" in w.statusBar().currentMessage()
