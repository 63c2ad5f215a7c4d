"""Render resources/icons/ifodesk.svg to ifodesk.png (256 px) and a multi-size ifodesk.ico.

Run after changing the SVG:  .venv/bin/python scripts/make_icon.py
The .ico holds PNG images (16–256 px), which Windows Vista and later read.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs.items():
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "ifodesk.svg"))
    if not renderer.isValid():
        print("ifodesk.svg kunde inte läsas", file=sys.stderr)
        return 1
    pngs = {s: render(renderer, s) for s in SIZES}
    (ICONS / "ifodesk.png").write_bytes(pngs[256])
    (ICONS / "ifodesk.ico").write_bytes(ico(pngs))
    print(f"Skrev {ICONS / 'ifodesk.png'} och {ICONS / 'ifodesk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
