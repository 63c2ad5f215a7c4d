"""Putting the keyboard focus where the user's eyes go after switching page or tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def focus_first_in(container: QWidget) -> bool:
    """Focus the first widget in container that Tab would reach; False if there is none."""
    w = container.nextInFocusChain()
    for _ in range(2000):  # the chain is a ring: stop after one round
        if w is None or w is container:
            break
        if (container.isAncestorOf(w) and w.isVisible() and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            w.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        w = w.nextInFocusChain()
    return False
