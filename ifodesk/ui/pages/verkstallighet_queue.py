"""Statistik: the queue to insatser today, per insats type (decisions granted, not yet carried out)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ifodesk.domain.verkstallighet import default_config
from ifodesk.services import verkstallighet

from ..widgets.inputs import button, name


class QueueBox(QGroupBox):
    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(self.tr("Kö till insatser (beviljade, ej verkställda)"), parent)
        self.setObjectName("verkstallighet_ko")
        self.app = app
        self.table = name(QTableWidget(0, 6, self), "verkstallighet_ko_tabell", self.tr("Kö per insatstyp"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Insatstyp"), self.tr("I kö"), self.tr("Nära gränsen"), self.tr("Över gränsen"),
            self.tr("Median (dagar)"), self.tr("Längst (dagar)")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # never scrolls sideways
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setToolTip(self.tr("Gränsen är tre månader från beslutet (eller avbrottet); nära gränsen = "
                                      "inom %1 dagar.").replace("%1", str(default_config().warn_days)))
        self.table.setMaximumHeight(160)
        self.note = QLabel(self.tr("Beslut som inte verkställts inom tre månader rapporteras till IVO varje "
                                   "kvartal (ifodesk-admin ivo-rapport)."), self)
        self.note.setWordWrap(True)
        self.refresh_button = button(self, "verkstallighet_ko_uppdatera", self.tr("Uppdatera kön"))
        self.refresh_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.refresh_button)
        box = QVBoxLayout(self)
        box.addLayout(row)
        box.addWidget(self.table)

    def refresh(self) -> None:
        self.app.run(verkstallighet.queue_figures, owner=self, on_done=self.show_figures,
                     on_error=lambda exc: self.note.setText(str(exc)))

    def show_figures(self, figures) -> None:
        cfg = default_config()
        self.table.setRowCount(len(figures))
        for r, f in enumerate(figures):
            values = (cfg.insats_label(f.insats_type), f.in_queue, f.approaching, f.over_limit,
                      f"{f.median_days:.0f}", f.max_days)
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setToolTip(str(value))
                self.table.setItem(r, c, item)
        if not figures:
            self.note.setText(self.tr("Ingen beviljad insats väntar på att verkställas."))
