"""Every colour the UI uses beyond the palette, in one place (issue 8, item 13).

Widgets name a meaning ("protected", "overdue", "danger" …), never a colour. The colours follow
the application palette in three modes -- the normal light palette, a dark system palette and
the high-contrast palette (Ctrl+Shift+K) -- and each pair reaches at least WCAG AA contrast
(4.5:1; 7:1 in high contrast), which tests/test_ui_theme.py checks. Colour is never the only
signal: the words and symbols beside it carry the meaning too.

Font sizes are relative to the application font, so zoom (Ctrl+plus/minus) reaches them.
Style sheets set through style() are computed again when the palette or the zoom changes.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

LIGHT, DARK, HIGH_CONTRAST = "light", "dark", "high_contrast"

# Background and text of a marked area: banners, table cells, highlighted words.
PAIRS: dict[str, dict[str, tuple[str, str]]] = {
    LIGHT: {
        "protected": ("#b00020", "#ffffff"),  # skyddade personuppgifter: never overlooked
        "overdue": ("#b00020", "#ffffff"),
        "due_soon": ("#ffd54f", "#000000"),
        "ok": ("#e8f5e9", "#000000"),
        "met": ("#eeeeee", "#000000"),
        "info": ("#e3f2fd", "#000000"),  # who decides, routing
        "notice": ("#fff3cd", "#000000"),  # something to look at: an anmälan on the agenda, unfinished text
        "urgent": ("#ffd54f", "#000000"),
        "changed": ("#ffe082", "#000000"),  # what differs between two versions
        "offline": ("#ffcc00", "#000000"),  # working in an offline copy
        "identity": ("#37474f", "#ffffff"),  # who is signed in, above the navigation
    },
    DARK: {
        "protected": ("#b00020", "#ffffff"),
        "overdue": ("#b00020", "#ffffff"),
        "due_soon": ("#ffd54f", "#000000"),
        "ok": ("#1b5e20", "#ffffff"),
        "met": ("#424242", "#ffffff"),
        "info": ("#0d47a1", "#ffffff"),
        "notice": ("#5d4037", "#ffffff"),
        "urgent": ("#ffd54f", "#000000"),
        "changed": ("#ffe082", "#000000"),
        "offline": ("#ffcc00", "#000000"),
        "identity": ("#37474f", "#ffffff"),
    },
    HIGH_CONTRAST: {  # the Windows high-contrast scheme's strong colours on black
        "protected": ("#ff8080", "#000000"),
        "overdue": ("#ff8080", "#000000"),
        "due_soon": ("#ffff00", "#000000"),
        "ok": ("#000000", "#80ff80"),
        "met": ("#000000", "#ffffff"),
        "info": ("#000000", "#00ffff"),
        "notice": ("#000000", "#ffff00"),
        "urgent": ("#ffff00", "#000000"),
        "changed": ("#ffff00", "#000000"),
        "offline": ("#ffff00", "#000000"),
        "identity": ("#00ffff", "#000000"),
    },
}

# Text on the window's own background.
TEXTS: dict[str, dict[str, str]] = {
    LIGHT: {"danger": "#b00020", "note": "#5d4037", "heading_note": "#455a64", "warning": "#7a4b00"},
    DARK: {"danger": "#ff8a80", "note": "#ffcc80", "heading_note": "#b0bec5", "warning": "#ffcc80"},
    HIGH_CONTRAST: {"danger": "#ff8080", "note": "#ffff00", "heading_note": "#00ffff", "warning": "#ffff00"},
}

# Fusion draws input frames and check boxes a shade darker than the window: on black, nothing. The
# Windows style draws them from the palette's edge roles, which the high-contrast palette makes white.
HIGH_CONTRAST_STYLE = "Windows"

BANNER_SCALE = 1.35  # the protection and offline banners: larger than the text around them


def high_contrast_palette() -> QPalette:
    """White on black, yellow selection (the Windows high-contrast scheme's colours)."""
    p = QPalette()
    black, white, yellow, cyan = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00"), QColor("#00ffff")
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase,
                 QPalette.ColorRole.Button, QPalette.ColorRole.ToolTipBase):
        p.setColor(role, black)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.ToolTipText, QPalette.ColorRole.BrightText):
        p.setColor(role, white)
    p.setColor(QPalette.ColorRole.Highlight, yellow)
    p.setColor(QPalette.ColorRole.HighlightedText, black)
    p.setColor(QPalette.ColorRole.Link, cyan)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0"))
    # Frames and check boxes are drawn from these by the high-contrast style (HIGH_CONTRAST_STYLE):
    # white edges on black, never the window colour's own shade, which on black is invisible.
    for role in (QPalette.ColorRole.Light, QPalette.ColorRole.Midlight, QPalette.ColorRole.Dark,
                 QPalette.ColorRole.Shadow):
        p.setColor(role, white)
    p.setColor(QPalette.ColorRole.Mid, QColor("#c0c0c0"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#a0a0a0"))
    return p


def mode(palette: QPalette | None = None) -> str:
    """light, dark or high_contrast, read from the palette in use."""
    p = palette if palette is not None else QApplication.palette()
    window, text = p.color(QPalette.ColorRole.Window), p.color(QPalette.ColorRole.WindowText)
    if window.name() == "#000000" and text.name() == "#ffffff":
        return HIGH_CONTRAST
    return DARK if window.lightness() < 128 else LIGHT


def background(role: str) -> QColor:
    return QColor(PAIRS[mode()][role][0])


def foreground(role: str) -> QColor:
    return QColor(PAIRS[mode()][role][1])


def text(role: str) -> QColor:
    """A text colour for the window's background."""
    return QColor(TEXTS[mode()][role])


def css(role: str) -> str:
    """background and color of a marked area, for a style sheet or an HTML style attribute."""
    bg, fg = PAIRS[mode()][role]
    return f"background:{bg};color:{fg};"


def panel_css() -> str:
    """A box set off from the window: the palette's alternate base with its text colour."""
    p = QApplication.palette()
    return (f"background:{p.color(QPalette.ColorRole.AlternateBase).name()};"
            f"color:{p.color(QPalette.ColorRole.Text).name()};")


def text_css(role: str) -> str:
    return f"color:{TEXTS[mode()][role]};"


def span(content: str, role: str, *, bold: bool = False, area: bool = False) -> str:
    """Rich text already escaped, in a meaning's colour (area: with its background)."""
    style = css(role) if area else text_css(role)
    inner = f"<b>{content}</b>" if bold else content
    return f"<span style='{style}'>{inner}</span>"


def escaped_span(content: str, role: str, *, bold: bool = False, area: bool = False) -> str:
    return span(html.escape(content), role, bold=bold, area=area)


def chart_theme():
    """The QtCharts theme for the palette in use (the chart draws its own background)."""
    from PySide6.QtCharts import QChart

    return {LIGHT: QChart.ChartTheme.ChartThemeLight, DARK: QChart.ChartTheme.ChartThemeDark,
            HIGH_CONTRAST: QChart.ChartTheme.ChartThemeHighContrast}[mode()]


def font_css(scale: float) -> str:
    """A font size relative to the application font (zoom included)."""
    f = QApplication.font()
    if f.pointSizeF() > 0:
        return f"font-size:{f.pointSizeF() * scale:.1f}pt;"
    return f"font-size:{max(6, round(f.pixelSize() * scale))}px;"


_STYLED = "_ifodesk_theme_style"


def style(widget: QWidget, make: Callable[[], str]) -> None:
    """Set a style sheet computed from the theme, and compute it again on restyle_all()."""
    setattr(widget, _STYLED, make)
    widget.setStyleSheet(make())


_READ_ONLY = "_ifodesk_read_only"


def read_only_look(widget: QWidget, read_only: bool = True) -> None:
    """Text that cannot be changed has the window's background, not an input's (kept on palette
    changes by restyle_all); editable again means the inherited palette again."""
    setattr(widget, _READ_ONLY, read_only)
    if read_only:
        look = QPalette()
        look.setColor(QPalette.ColorRole.Base, QApplication.palette().color(QPalette.ColorRole.Window))
        widget.setPalette(look)
    else:
        widget.setPalette(QPalette())


def restyle_all() -> None:
    """After the palette or zoom changed: every themed style sheet anew."""
    for w in QApplication.allWidgets():
        if getattr(w, _READ_ONLY, False):
            read_only_look(w)
        make = getattr(w, _STYLED, None)
        if make is not None:
            w.setStyleSheet(make())
        elif w.styleSheet():
            # A widget with a style sheet keeps the font it was polished with: polish it again.
            w.setStyleSheet(w.styleSheet())


def danger_label(label: QWidget, bold: bool = True) -> None:
    """An error or refusal beside a field: the danger colour of the palette in use."""
    style(label, lambda: text_css("danger") + ("font-weight:bold;" if bold else ""))


def invalid_border(widget: QWidget, invalid: bool) -> None:
    """A field whose value is refused: a border in the danger colour (and a message beside it)."""
    if invalid:
        style(widget, lambda: f"border:2px solid {TEXTS[mode()]['danger']};")
    else:
        setattr(widget, _STYLED, None)
        widget.setStyleSheet("")


def banner(label: QWidget, role: str) -> None:
    """A banner that must not be overlooked (protected person, offline copy): larger bold text."""
    style(label, lambda: css(role) + "font-weight:bold;padding:6px;" + font_css(BANNER_SCALE))


def luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
