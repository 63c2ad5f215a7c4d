"""The two reason dialogs share one implementation (issue 8): the address dialog is the access
dialog with its own texts, and the plural message is extracted by pyside6-lupdate and found at
run time from either dialog."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from ifodesk.ui.access_dialog import AccessReasonDialog
from ifodesk.ui.case_view.header import AddressReasonDialog

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "ifodesk_sv.ts"
PLURAL = "Skriv ett verkligt skäl (minst %n bokstäver eller siffror)."


def test_the_plural_message_is_in_the_translations_once_as_a_plural():
    root = ET.parse(TS).getroot()
    found = [(ctx.findtext("name"), m) for ctx in root.iter("context") for m in ctx.iter("message")
             if m.findtext("source") == PLURAL]
    assert [name for name, _m in found] == ["ReasonRule"]
    message = found[0][1]
    assert message.get("numerus") == "yes"
    forms = message.find("translation").findall("numerusform")
    assert len(forms) == 2 and message.find("translation").get("type") is None


@pytest.fixture
def marked_translation(qapp, tmp_path):
    """A translation that differs from the source, to see which context each text is found in."""
    ts = tmp_path / "t.ts"
    ts.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="sv_SE">
<context><name>ReasonRule</name><message numerus="yes"><source>{PLURAL}</source><translation>
<numerusform>EN: minst %n tecken</numerusform><numerusform>FLERA: minst %n tecken</numerusform></translation></message>
</context>
<context><name>AccessReasonDialog</name><message><source>Skälet och din läsning loggas och granskas i loggkontrollen.</source>
<translation>LOGGAS</translation></message></context>
<context><name>AddressReasonDialog</name><message><source>Skyddad adress</source><translation>ADRESS</translation></message>
</context></TS>""", encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(tmp_path / "t.qm")], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "t.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("make", [lambda: AccessReasonDialog("Ärendet hör till en annan enhet."),
                                  lambda: AddressReasonDialog()], ids=["access", "address"])
def test_both_dialogs_find_the_shared_texts_in_their_own_context(qtbot, marked_translation, make):
    from PySide6.QtWidgets import QLabel

    dlg = make()
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.reason, "ok")
    qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.error.text().startswith("FLERA: minst ")  # the plural, translated
    assert any(lab.text() == "LOGGAS" for lab in dlg.findChildren(QLabel))  # the base class's text
    if isinstance(dlg, AddressReasonDialog):
        assert dlg.windowTitle() == "ADRESS" and dlg.objectName() == "address_reason_dialog"
        assert dlg.reason.objectName() == "address_reason"
    given = []
    dlg.reason_given.connect(given.append)
    qtbot.keyClicks(dlg.reason, " - hembesok enligt planen")
    qtbot.keyClick(dlg.reason, Qt.Key.Key_Return)
    assert given == ["ok - hembesok enligt planen"] and not dlg.isVisible()
