"""Database work off the GUI thread; results come back by signal (the Anki pattern).

A task runs on a small thread pool. Its result is handed to the runner by a queued signal, so
callbacks always run on the GUI thread, and only while their owner widget still exists.

A worker never drops the last reference to anything the GUI gave it (a bound method of a widget, a
progress callback): the runner keeps the call until the result has been handled on the GUI thread,
and the worker lets go of it before it reports, because a QObject destroyed on a worker can
deadlock the application (issue 8, item 1).
"""

from __future__ import annotations

import itertools
import logging
import time
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, QThreadPool, Signal, Slot

from ifodesk.public_errors import sanitise

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; a worker emits into it and Qt queues the call."""

    finished = Signal(int, bool, object)


class _Task(QRunnable):
    def __init__(self, task_id: int, relay: _Relay, fn: Callable[..., Any], args: tuple, kwargs: dict):
        super().__init__()
        self.task_id, self.relay = task_id, relay
        self.fn, self.args, self.kwargs = fn, args, kwargs

    @Slot()
    def run(self) -> None:
        fn, args, kwargs = self.fn, self.args, self.kwargs
        self.fn = self.args = self.kwargs = None
        try:
            result = fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - every error reaches the user
            # A raw (e.g. database) error is logged without its text and replaced by a Swedish
            # message with a reference, so no callback can show SQL parameters or personal data.
            payload = sanitise(exc, log, "Bakgrundsuppgift misslyckades")
            exc.__traceback__ = None  # its frames hold the call's arguments
            ok = False
        else:
            ok, payload = True, result
        del fn, args, kwargs  # before the GUI thread may release its copy of the call
        self.relay.finished.emit(self.task_id, ok, payload)


class TaskRunner(QObject):
    """Runs service calls on a small pool; callbacks run on the GUI thread.

    An error without an on_error callback is emitted as `failed`, so none is lost silently.
    """

    busy_changed = Signal(bool)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finish)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple] = {}

    def run(self, fn: Callable[..., Any], *args, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception], None] | None = None, owner: QObject | None = None,
            **kwargs) -> int:
        task_id = next(self._ids)
        # The call stays referenced here until _finish: released on the GUI thread, not the worker.
        self._callbacks[task_id] = (on_done, on_error, owner, (fn, args, kwargs))
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self.pool.start(_Task(task_id, self._relay, fn, args, kwargs))
        return task_id

    @Slot(int, bool, object)
    def _finish(self, task_id: int, ok: bool, payload: object) -> None:
        on_done, on_error, owner, _call = self._callbacks.pop(task_id, (None, None, None, None))
        try:
            if owner is not None and not shiboken6.isValid(owner):
                return  # the widget that asked is gone: drop the result
            if ok:
                if on_done:
                    on_done(payload)
            elif on_error:
                on_error(payload)
            else:
                self.failed.emit(payload)  # already logged (without its text) if it was unexpected
        finally:
            if not self._callbacks:
                self.busy_changed.emit(False)

    def wait(self, msecs: int = 10000) -> bool:
        """Wait for the threads; queued callbacks still need the event loop to run."""
        return self.pool.waitForDone(msecs)

    def drain(self, msecs: int = 5000, until=None) -> bool:
        """Run the event loop until no task is pending (and until() holds), at most msecs.

        For closing: work started by callbacks (a save, then its follow-up) is waited for too.
        """
        end = time.monotonic() + msecs / 1000
        while self._callbacks or (until is not None and not until()):
            if time.monotonic() > end:
                return False
            self.pool.waitForDone(20)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return True

    @property
    def pending(self) -> int:
        return len(self._callbacks)
