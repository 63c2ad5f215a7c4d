"""The Statistik page driven as a person would: pick the period and unit, export, read the charts."""

from __future__ import annotations

import openpyxl
import pytest

from test_statistics import admin_ctx, data, table  # noqa: F401 - the hand-built data set

pytestmark = pytest.mark.ui


@pytest.fixture
def page(qtbot, data, admin_ctx):  # noqa: F811
    from ifodesk.ui.appctx import AppContext
    from ifodesk.ui.pages.statistics import StatisticsPage

    app = AppContext(admin_ctx)
    p = StatisticsPage(app)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    p.activate()
    qtbot.waitUntil(lambda: p.unit.count() == 4, timeout=5000)  # Alla enheter + BU, VU, EB
    yield p
    app.tasks.wait()


def choose_year(qtbot, p, year: int) -> None:
    p.kind.setCurrentIndex(p.kind.findData("ar"))
    p.year.lineEdit().selectAll()
    qtbot.keyClicks(p.year, str(year))
    assert p.year.value() == year


def choose_unit(p, text: str) -> None:
    p.unit.setCurrentIndex(p.unit.findText(text))
    assert p.unit.currentText() == text


def bar_values(view) -> list[float]:
    series = view.chart().series()
    assert len(series) == 1
    bars = series[0].barSets()[0]
    return [bars.at(i) for i in range(bars.count())]


def bar_labels(view) -> list[str]:
    from PySide6.QtCharts import QBarCategoryAxis

    axis = next(a for a in view.chart().axes() if isinstance(a, QBarCategoryAxis))
    return list(axis.categories())


def test_every_input_is_named_for_tests_and_screen_readers(page):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QDateEdit, QScrollArea

    body = page.findChild(QScrollArea, "statistik_scroll").widget()  # the page's content scrolls on a small screen
    inputs = [w for t in (QComboBox, QAbstractSpinBox, QAbstractButton, QDateEdit) for w in page.findChildren(t)
              if w.parent() is body]
    assert len(inputs) >= 10
    for w in inputs:
        assert w.objectName().startswith("stats_"), w
        assert w.accessibleName(), w.objectName()
    assert page.page_id == "statistik" and page.nav_title() == "Statistik"


def test_export_workbook_for_a_unit_and_read_the_charts(qtbot, page, tmp_path, monkeypatch, admin_ctx):  # noqa: F811
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "bu_2025.xlsx"
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (asked.append(a[2]) or str(out), "")))
    choose_year(qtbot, page, 2025)
    choose_unit(page, "Barn och unga (BU)")
    page.suppress.lineEdit().selectAll()
    qtbot.keyClicks(page.suppress, "2")
    with qtbot.waitSignal(page.finished, timeout=30000) as done:
        qtbot.mouseClick(page.excel_btn, Qt.LeftButton)
        assert page.progress.isVisible() and not page.excel_btn.isEnabled()
    assert done.args == ["excel"]
    assert asked == ["statistik_2025.xlsx"]
    assert not page.progress.isVisible() and page.excel_btn.isEnabled()
    assert "Arbetsboken är sparad" in page.status.text() and str(out) in page.status.text()

    wb = openpyxl.load_workbook(out)
    assert {r[0]: r[1] for r in table(wb, "Anmälningar", "Anm_Totalt")[1:]} == {
        "Anmälningar": 6, "Anmälningar räknade per barn": 7, "Unika barn": 6}
    assert "under 2" in wb["Anmälningar"]["A3"].value

    # Barn och unga 2025: A1, A5 in January, A2 in March, A3 in June, A9 in August, A4 in December.
    # Every bar carries its number under its name, the empty months too (issue 8, item 12).
    months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    counts = [2, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1]
    assert bar_labels(page.chart_months) == [f"{m}<br><b>{n}</b>" for m, n in zip(months, counts)]
    assert bar_values(page.chart_months) == counts
    assert bar_labels(page.chart_reporters) == ["Förälder/vårdnadshavare: <b>1</b>", "Anonym: <b>1</b>",
                                                "Polis: <b>2</b>", "Skola/elevhälsa: <b>2</b>"]
    assert bar_values(page.chart_reporters) == [1, 1, 2, 2]
    # 2 of 3 utredningar within 4 months; 6 of 7 förhandsbedömningar within 14 days.
    assert bar_labels(page.chart_deadlines) == ["Utredning<br>inom 4 månader: <b>66,7 %</b>",
                                                "Förhandsbedömning<br>inom 14 dagar: <b>85,7 %</b>"]
    assert bar_values(page.chart_deadlines) == [pytest.approx(66.7), pytest.approx(85.7)]
    assert page.figures.item(0, 0).text() == "Anmälningar" and page.figures.item(0, 1).text() == "6"

    from ifodesk.services.audit import audit_trail

    assert [a.action for a in audit_trail(admin_ctx) if a.entity == "statistik"] == ["export"]


def test_show_figures_for_all_units(qtbot, page):
    from PySide6.QtCore import Qt

    choose_year(qtbot, page, 2025)
    with qtbot.waitSignal(page.finished, timeout=30000):
        qtbot.mouseClick(page.show_btn, Qt.LeftButton)
    assert bar_values(page.chart_months) == [2, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 1]
    assert bar_values(page.chart_deadlines) == [75.0, 75.0]
    assert "alla enheter" in page.status.text()


def test_reversed_dates_give_a_swedish_message_and_run_nothing(qtbot, page):
    from PySide6.QtCore import QDate, Qt

    page.kind.setCurrentIndex(page.kind.findData("datum"))
    assert page.date_from.isEnabled() and not page.year.isEnabled()
    page.date_from.setDate(QDate(2025, 12, 31))
    page.date_to.setDate(QDate(2025, 1, 1))
    qtbot.mouseClick(page.show_btn, Qt.LeftButton)
    assert "Perioden är omvänd" in page.status.text()
    assert page.app.tasks.pending == 0 and page.report is None


def test_register_validation_dialog_then_forced_export(qtbot, page, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QFileDialog, QPlainTextEdit, QPushButton

    from ifodesk.documents.socialstyrelsen import read_register

    out = tmp_path / "register.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    choose_year(qtbot, page, 2025)
    with qtbot.waitSignal(page.finished, timeout=30000) as shown:
        qtbot.mouseClick(page.register_btn, Qt.LeftButton)
    assert shown.args == ["validering"]
    dlg = page.findChild(QDialog, "stats_validation_dialog")
    assert dlg is not None and dlg.isVisible()
    report = dlg.findChild(QPlainTextEdit, "stats_validation_text").toPlainText()
    assert "4 fel, 7 varningar" in report and "FEL:" in report
    export = dlg.findChild(QPushButton, "stats_validation_export")
    assert export.text() == "Exportera ändå…"
    assert dlg.findChild(QPushButton, "stats_validation_cancel").isDefault()
    with qtbot.waitSignal(page.finished, timeout=30000) as saved:
        qtbot.mouseClick(export, Qt.LeftButton)
    assert saved.args == ["socialstyrelsen"]
    records = read_register(out)
    assert sum(r["post"] == "B" for r in records) == 6 and sum(r["post"] == "P" for r in records) == 7
    assert "Registerfilen är sparad" in page.status.text()


def test_register_validation_can_be_cancelled(qtbot, page, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: pytest.fail("ingen fil ska väljas")))
    choose_year(qtbot, page, 2025)
    with qtbot.waitSignal(page.finished, timeout=30000):
        qtbot.mouseClick(page.register_btn, Qt.LeftButton)
    dlg = page.findChild(QDialog, "stats_validation_dialog")
    qtbot.mouseClick(dlg.findChild(QPushButton, "stats_validation_cancel"), Qt.LeftButton)
    assert not dlg.isVisible()
    assert not list(tmp_path.iterdir())


def test_period_picker_builds_each_kind_of_period(qtbot, page):
    choose_year(qtbot, page, 2025)
    page.kind.setCurrentIndex(page.kind.findData("kvartal"))
    page.part.setCurrentIndex(page.part.findData("Q3"))
    assert page.part.isVisible() and page.part.currentText() == "Kvartal 3"
    p = page.period()
    assert (p.start.isoformat(), p.end.isoformat(), p.label) == ("2025-07-01", "2025-09-30", "2025 kvartal 3")
    page.kind.setCurrentIndex(page.kind.findData("manad"))
    page.part.setCurrentIndex(page.part.findText("februari"))
    assert page.period().label == "februari 2025" and page.period().end.day == 28
    page.kind.setCurrentIndex(page.kind.findData("halvar"))
    assert page.period().label == "2025 första halvåret"
    page.kind.setCurrentIndex(page.kind.findData("ar"))
    assert not page.part.isVisible() and page.period().label == "2025"
