"""No colour or font size hard-coded in widgets (issue 8, item 13): one theme module, following
the palette, with readable contrast in the normal, a dark and the high-contrast palette."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ifodesk.services import cases, people
from ifodesk.ui import theme
from ui_support import MAJA, child, drafts, make_app, make_window, open_case, report, wait_idle  # noqa: F401

UI = Path(__file__).resolve().parents[1] / "ifodesk" / "ui"
NAMED = r"(?:white|black|red|green|blue|yellow|orange|gray|grey|silver|maroon|navy|purple|teal|lime|pink|brown|gold)"
IN_STRINGS = [
    (re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b"), "colour #rgb"),
    (re.compile(r"\brgba?\s*\("), "rgb()"),
    (re.compile(rf"(?:color|background(?:-color)?|border(?:-color)?)\s*:[^;'\"]*\b{NAMED}\b", re.I), "named colour"),
    (re.compile(r"font-size\s*:\s*\d", re.I), "font-size"),
    (re.compile(r"<font\b", re.I), "<font>"),
]
IN_CODE = [
    (re.compile(r"\bQColor\s*\(\s*['\"\d]"), "QColor(literal)"),
    (re.compile(r"\bQColor\.from(?:Rgb|Hsv|Hsl|Cmyk)\w*\s*\(\s*\d"), "QColor.fromRgb(literal)"),
    (re.compile(rf"\bQt\.(?:GlobalColor\.)?(?:{NAMED}|dark\w+|light\w+)\b"), "Qt colour constant"),
    (re.compile(r"\bset(?:PointSize|PointSizeF|PixelSize)\s*\(\s*[\d.]+\s*\)"), "literal font size"),
]


def _offences(path: Path) -> list[str]:
    found: list[tuple[int, str]] = []
    code_lines: dict[int, list[str]] = {}
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for tok in tokens:
        if tok.type == tokenize.COMMENT:
            continue
        if tok.type == tokenize.STRING or tok.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            for rx, what in IN_STRINGS:
                if rx.search(tok.string):
                    found.append((tok.start[0], f"{what}: {tok.string[:60]}"))
            code_lines.setdefault(tok.start[0], []).append('""')  # QColor("…") is still a literal
        else:
            code_lines.setdefault(tok.start[0], []).append(tok.string)
    for line, parts in code_lines.items():
        code = "".join(parts)
        for rx, what in IN_CODE:
            if rx.search(code):
                found.append((line, f"{what}: {code[:60]}"))
    return [f"{path.relative_to(UI.parent.parent)}:{line}: {text}" for line, text in sorted(found, key=lambda x: x[0])]


def test_no_colour_or_font_size_literal_in_the_ui_outside_the_theme_module():
    files = [p for p in UI.rglob("*.py") if p.name != "theme.py"]
    assert len(files) > 50
    offences = [o for p in files for o in _offences(p)]
    assert offences == [], "\n".join(offences)


def test_the_scan_would_see_the_colours_that_were_there(tmp_path):
    """The scanner itself: each form the widgets used before issue 8 is caught."""
    sample = tmp_path / "ui" / "sample.py"
    sample.parent.mkdir()
    sample.write_text('\n'.join([
        'a.setStyleSheet("background: #b00020; color: white; font-size: 15pt;")',
        'b = QColor("#ffd54f")',
        'c.setLabelColor(Qt.black)',
        'd = f"<span style=\'color:{x}\'>"  # #123456 in a comment is fine',
        'e.setPointSize(14)',
        "f.setStyleSheet('border: 2px solid red;')",
    ]) + "\n", encoding="utf-8")
    global UI
    saved, UI = UI, tmp_path / "ui"
    try:
        kinds = [o.split(": ")[1] for o in _offences(sample)]
    finally:
        UI = saved
    assert kinds == ["colour #rgb", "named colour", "font-size", "colour #rgb", "QColor(literal)",
                     "Qt colour constant", "literal font size", "named colour"]


def _dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.AlternateBase, "#353535"), (QPalette.ColorRole.WindowText, "#f0f0f0"),
                         (QPalette.ColorRole.Text, "#f0f0f0"), (QPalette.ColorRole.Button, "#353535"),
                         (QPalette.ColorRole.ButtonText, "#f0f0f0")):
        p.setColor(role, QColor(colour))
    return p


def _light_palette() -> QPalette:
    return QApplication.style().standardPalette()


PALETTES = {theme.LIGHT: _light_palette, theme.DARK: _dark_palette, theme.HIGH_CONTRAST: theme.high_contrast_palette}


@pytest.mark.parametrize("mode", list(PALETTES))
def test_every_theme_colour_is_readable_on_its_palette(qapp, mode):
    palette = PALETTES[mode]()
    assert theme.mode(palette) == mode
    need = 7.0 if mode == theme.HIGH_CONTRAST else 4.5  # WCAG AAA for high contrast, AA otherwise
    weak = []
    for role, (bg, fg) in theme.PAIRS[mode].items():
        if theme.contrast(QColor(bg), QColor(fg)) < need:
            weak.append(f"{role}: {fg} on {bg}")
    for role, fg in theme.TEXTS[mode].items():
        for ground in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
            if theme.contrast(QColor(fg), palette.color(ground)) < need:
                weak.append(f"{role}: {fg} on {ground.name} {palette.color(ground).name()}")
    assert weak == []
    assert set(theme.PAIRS[mode]) == set(theme.PAIRS[theme.LIGHT])  # every meaning in every mode
    assert set(theme.TEXTS[mode]) == set(theme.TEXTS[theme.LIGHT])


def _pixel(widget) -> str:
    image = widget.grab().toImage()
    return image.pixelColor(3, image.height() // 2).name()


def test_banner_and_deadline_colours_follow_the_high_contrast_palette(qtbot, make_window, ctx_for, org, clock):
    from ifodesk.ui.appearance import Appearance

    res = cases.register_anmalan(ctx_for("anna.lind"), report(org, child(MAJA, "Maja")))
    maja = res.children[0]
    ctx = ctx_for()
    p = people.get_person(ctx, maja.person.id)
    people.update_person(ctx, maja.person.id, p.version, protection="skyddad_folkbokforing")
    clock.set(2026, 3, 9)  # the skyddsbedömning is overdue
    w = make_window()
    view = open_case(qtbot, w, maja.case_id)
    banner, deadline = view.header.banner, view.header.next_deadline
    model = view.deadline_model
    overdue = next(r for r in range(model.rowCount()) if model.record(r).status == "overdue")
    status = model.index(overdue, 0)
    look = Appearance.of()
    assert not look.high_contrast

    def seen():
        return (_pixel(banner), status.data(Qt.ItemDataRole.BackgroundRole).name(),
                status.data(Qt.ItemDataRole.ForegroundRole).name(), deadline.text())

    before = seen()
    assert before[:3] == ("#b00020", "#b00020", "#ffffff") and "color:#b00020" in before[3]
    try:
        qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert look.high_contrast and theme.mode() == theme.HIGH_CONTRAST
        bg, fg = theme.PAIRS[theme.HIGH_CONTRAST]["overdue"]
        after = seen()
        assert after[:3] == (theme.PAIRS[theme.HIGH_CONTRAST]["protected"][0], bg, fg)
        assert f"color:{theme.TEXTS[theme.HIGH_CONTRAST]['danger']}" in after[3]
        black = QColor("#000000")
        assert theme.contrast(QColor(after[0]), black) >= 7  # the banner stands out from the black window
        # Larger than the text around it, and it grows with zoom.
        size = banner.font().pointSizeF()
        assert size > QApplication.font().pointSizeF() * 1.2
        look.zoom_in()
        assert banner.font().pointSizeF() > size
    finally:
        look.zoom_reset()
        if look.high_contrast:
            look.toggle_high_contrast()
    assert seen() == before
    wait_idle(qtbot, w.app)
