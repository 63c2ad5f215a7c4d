"""ifodesk --smoke-test: what CI runs on the frozen bundle and IT runs after an installation."""

from __future__ import annotations

import shutil

import pytest

from ifodesk import app
from ifodesk.cli import main as admin


@pytest.fixture
def demo_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert admin(["demo", "--cases", "20", "--database", url]) == 0
    return url


def test_smoke_test_shows_the_window_and_exits_0(qapp, demo_url, capsys):
    assert app.main(["--smoke-test", "--demo", "--database", demo_url, "--user", "karin.berg"]) == 0
    assert "självtest klart (ifodesk – Karin Berg)" in capsys.readouterr().out
    assert not qapp.windowIcon().isNull()


def test_smoke_test_fails_without_the_translations(qapp, demo_url, tmp_path, monkeypatch, capsys):
    from ifodesk.resources import resources_dir

    broken = tmp_path / "resources"
    shutil.copytree(resources_dir(), broken)
    for qm in (broken / "translations").glob("*.qm"):
        qm.unlink()
    monkeypatch.setenv("IFODESK_RESOURCES", str(broken))
    assert app.main(["--smoke-test", "--demo", "--database", demo_url, "--user", "karin.berg"]) == 1
    assert "ifodesk_sv.qm saknas" in capsys.readouterr().err


def test_smoke_test_start_error_exits_2_without_a_dialog(qapp, demo_url, monkeypatch, capsys):
    monkeypatch.setattr(app, "_fail", lambda text: pytest.fail("a modal dialog in a self-test"))
    assert app.main(["--smoke-test", "--demo", "--database", demo_url, "--user", "finns.inte"]) == 2
    assert "'finns.inte' finns inte som aktiv användare" in capsys.readouterr().err
