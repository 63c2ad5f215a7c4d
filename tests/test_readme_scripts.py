"""The README's two commands: run-demo.sh names missing system packages before installing
anything; on a fresh copy (fresh venv) both scripts work (slow: .ci/run runs it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SLOW_ENV = "IFODESK_SLOW_TESTS"


def _fresh_copy(dest: Path) -> Path:
    """The files git would hand a new clone (tracked and new, not ignored): no .venv, no demo/."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=REPO, check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, files):
        src = REPO / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def _fake_ldconfig(tmp_path: Path, known: list[str]) -> Path:
    fake = tmp_path / "ldconfig"
    lines = "".join(f"\\t{lib} (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/{lib}\\n" for lib in known)
    fake.write_text(f'#!/bin/sh\nprintf "{len(known)} libs found in cache\\n{lines}"\n')
    fake.chmod(0o755)
    return fake


def _demo_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY", "WAYLAND", "IFODESK_"))}
    env.update(extra)
    return env


@pytest.mark.parametrize("display, missing, present", [
    ({"DISPLAY": ":0"}, ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"],
     ["libwayland-client0"]),
    ({"WAYLAND_DISPLAY": "wayland-0"}, ["libwayland-client0", "libwayland-cursor0"], ["libxcb-cursor0"]),
])
def test_run_demo_names_missing_display_packages_before_installing(tmp_path, display, missing, present):
    copy = _fresh_copy(tmp_path / "ifodesk")
    fake = _fake_ldconfig(tmp_path, ["libEGL.so.1", "libGL.so.1", "libfontconfig.so.1", "libdbus-1.so.3",
                                     "libglib-2.0.so.0", "libxkbcommon.so.0", "libxcb.so.1", "libX11.so.6"])
    r = subprocess.run(["bash", "scripts/run-demo.sh"], cwd=copy, capture_output=True, text=True, timeout=60,
                       env=_demo_env(tmp_path, LDCONFIG=str(fake), **display))
    assert r.returncode == 1
    assert "Qt behöver systempaket som saknas" in r.stderr and "sudo apt-get install" in r.stderr
    for pkg in missing:
        assert pkg in r.stderr
    for pkg in present + ["libxcb1", "libgl1"]:
        assert f" {pkg} " not in f" {r.stderr.split('saknas:')[1].splitlines()[0]} "
    assert not (copy / ".venv").exists()  # stopped before installing anything


def test_run_demo_offscreen_needs_no_display_packages(tmp_path):
    fake = _fake_ldconfig(tmp_path, ["libEGL.so.1", "libGL.so.1", "libfontconfig.so.1", "libdbus-1.so.3",
                                     "libglib-2.0.so.0", "libxkbcommon.so.0"])
    r = subprocess.run(["bash", "-c", ". scripts/system-libs.sh; ifodesk_missing_packages"], cwd=REPO,
                       capture_output=True, text=True, timeout=30,
                       env=_demo_env(tmp_path, LDCONFIG=str(fake), DISPLAY=":0", QT_QPA_PLATFORM="offscreen"))
    assert r.returncode == 0 and r.stdout == ""


@pytest.mark.skipif(not os.environ.get(SLOW_ENV), reason=f"långsamt (ny venv): körs av .ci/run med {SLOW_ENV}=1")
@pytest.mark.timeout(1900)  # two fresh venvs; each subprocess has its own 900 s limit
def test_readme_commands_on_a_fresh_copy(tmp_path):
    copy = _fresh_copy(tmp_path / "ifodesk")
    env = _demo_env(tmp_path, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"),
                    IFODESK_DEMO_CASES="60", PYTHON=sys.executable)
    r = subprocess.run(["bash", "scripts/run-demo.sh", "--user", "karin.berg", "--smoke-test"], cwd=copy,
                       capture_output=True, text=True, timeout=900, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "självtest klart" in r.stdout and (copy / "demo" / "ifodesk-demo.sqlite3").is_file()
    r = subprocess.run(["bash", "scripts/test.sh", "-q", "-p", "no:cacheprovider", "tests/test_personnummer.py",
                        "tests/test_config_and_schema.py", "-k", "not postgresql"], cwd=copy,
                       capture_output=True, text=True, timeout=900, env=env)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert " passed" in r.stdout


def test_powershell_scripts_mirror_the_bash_ones():
    """They cannot run here (the Windows workflow runs test.ps1): at least the same steps, and a
    byte order mark so that Windows PowerShell 5.1 reads å, ä and ö as UTF-8."""
    for ps1, sh in (("run-demo.ps1", "run-demo.sh"), ("test.ps1", "test.sh")):
        raw = (REPO / "scripts" / ps1).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), ps1
        text, bash = raw.decode("utf-8-sig"), (REPO / "scripts" / sh).read_text()
        for step in ("'-m', 'venv', '.venv'", "'install', '-q', '--upgrade', 'pip'"):
            assert step in text, (ps1, step)
        ps_install, sh_install = (("'-e', '.[test]'", '-e ".[test]"') if ps1 == "test.ps1" else ("'-e', '.'", "-e ."))
        assert ps_install in text and sh_install in bash
    demo = (REPO / "scripts" / "run-demo.ps1").read_text(encoding="utf-8-sig")
    assert "IFODESK_DEMO_CASES" in demo and "'--demo'" in demo and "$p.ExitCode" in demo
    test = (REPO / "scripts" / "test.ps1").read_text(encoding="utf-8-sig")
    assert "QT_QPA_PLATFORM = 'offscreen'" in test and "lint-imports.exe" in test and "-m pytest @args" in test
