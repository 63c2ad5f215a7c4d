"""The packaging recipe's parts that can be checked on Linux: version resource, icon, MSI definition.
(The PyInstaller build itself is proven by packaging/ci-frozen.sh, which .ci/run calls.)"""

from __future__ import annotations

import ast
import struct
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WIX = "{http://wixtoolset.org/schemas/v4/wxs}"

sys.path.insert(0, str(REPO / "packaging"))
import version_info  # noqa: E402


def test_windows_version_file_carries_the_project_version():
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    text = version_info.version_text()
    calls = {}

    def record(name):
        def make(*args, **kwargs):
            calls.setdefault(name, []).append((args, kwargs))
            return name
        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]
    eval(compile(ast.parse(text, mode="eval"), "version_info", "eval"), {n: record(n) for n in names})
    strings = dict(args for args, _ in calls["StringStruct"])
    assert strings["ProductVersion"] == version and strings["FileVersion"] == version
    assert strings["OriginalFilename"] == "ifodesk.exe"
    assert calls["FixedFileInfo"][0][1]["filevers"] == version_info.numeric(version)
    assert version_info.numeric("1.2.3rc1") == (1, 2, 3, 0) and version_info.numeric("2.0") == (2, 0, 0, 0)


def test_icon_has_windows_sizes_and_the_spec_uses_it():
    data = (REPO / "resources" / "icons" / "ifodesk.ico").read_bytes()
    _, kind, count = struct.unpack("<HHH", data[:6])
    sizes = {struct.unpack("<B", data[6 + 16 * i:7 + 16 * i])[0] or 256 for i in range(count)}
    assert kind == 1 and {16, 32, 48, 256} <= sizes
    spec = (REPO / "packaging" / "ifodesk.spec").read_text()
    assert '"ifodesk.ico"' in spec and "version=VERSION_FILE" in spec


def test_msi_is_per_machine_and_writes_databaseurl_to_the_machine_config():
    root = ET.parse(REPO / "packaging" / "windows" / "ifodesk.wxs").getroot()
    package = root.find(f"{WIX}Package")
    assert package.get("Scope") == "perMachine"
    prop = next(p for p in package.iter(f"{WIX}Property") if p.get("Id") == "DATABASEURL")
    assert prop.get("Secure") == "yes"
    config_dir = next(d for d in root.iter(f"{WIX}StandardDirectory") if d.get("Id") == "CommonAppDataFolder")
    assert config_dir.find(f"{WIX}Directory").get("Name") == "ifodesk"  # %ProgramData%\ifodesk
    ini = next(root.iter(f"{WIX}IniFile"))
    assert (ini.get("Name"), ini.get("Section"), ini.get("Key")) == ("config.toml", "database", "url")
    assert ini.get("Value") == "'[DATABASEURL]'"  # a TOML literal string: see test_cli_it_admin
