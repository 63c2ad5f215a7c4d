"""Swedish through Qt's translation system: our .qm and Qt's own qtbase_sv for standard buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ifodesk.resources import resource_path

LANGUAGE = "sv"


def install_translators(app: QCoreApplication, language: str = LANGUAGE) -> list[QTranslator]:
    """Returns the translators, which must stay alive as long as the app (kept on the app too)."""
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    found = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for file_name, directory in ((f"qtbase_{language}", qt_dir),
                                 (f"ifodesk_{language}", str(resource_path("translations")))):
        tr = QTranslator(app)
        if tr.load(file_name, directory):
            app.installTranslator(tr)
            found.append(tr)
    app.setProperty("ifodesk_translators", len(found))
    return found
