"""Layouts of large maps worked out off the GUI thread, with a progress dialog and Cancel.

The layout runs in a process of its own (``start_in_process`` in ``analysis/process.py``), not
in a thread: igraph's simulation holds Python's global lock throughout, and the placement is a
pure-Python loop. Measured in a window on 10,000 nodes, a thread left the event loop without a
tick for 320 ms during a force layout (360 ms on 2,000 nodes); the process, 37 ms. The process
reports how many nodes it has placed (a ``ProgressLine``), which the dialog shows once the layout
takes longer than a moment, as when opening a large file.
Only the newest request counts: a new one, or Cancel, stops the one under way.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton, QWidget

from commapper import APP_NAME
from commapper.analysis.process import ProgressLine, start_in_process
from commapper.layout import force_layout, landscape_layout
from commapper.model import MapDocument
from commapper.ui.files.opening import SHOW_PROGRESS_AFTER

LAYOUTS = {"landscape": landscape_layout, "force": force_layout}
# How often the dialog looks at the layout's process, in ms.
_POLL_MS = 40


@dataclass(frozen=True)
class LayoutRequest:
    """A layout the user asked for: which one, and where every node was then.

    A node whose position differs from ``positions`` when the layout lands was moved meanwhile
    (by the user, or an undo), and stays where it is.
    """

    name: str
    positions: dict[str, tuple[float | None, float | None]] = field(repr=False)

    @classmethod
    def of(cls, name: str, doc: MapDocument) -> LayoutRequest:
        return cls(name, {node.id: (node.x, node.y) for node in doc.nodes})


@dataclass
class _Run:
    request: LayoutRequest
    future: Future[object]
    line: ProgressLine
    started: float
    nodes: int


class LayoutRunner(QObject):
    """One window's layouts of large maps, worked out in the layout process.

    :meth:`start` hands a snapshot of the map to the process; ``finished`` brings the request
    and the positions back on the GUI thread. After ``show_after`` seconds a progress dialog
    shows the nodes placed so far, with Cancel. Editing goes on meanwhile: the dialog is not
    modal and does not take the keyboard.
    """

    finished = Signal(object, object)  # LayoutRequest, dict of node id -> (x, y)
    failed = Signal(str)

    def __init__(self, parent: QWidget, show_after: float = SHOW_PROGRESS_AFTER) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # the dialog goes over its window
        self.show_after = show_after
        self.dialog: QProgressDialog | None = None
        self._run: _Run | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(_POLL_MS)
        self._poll.timeout.connect(self._look)

    @property
    def running(self) -> bool:
        """Whether a layout is being worked out."""
        return self._run is not None

    def start(self, request: LayoutRequest, doc: MapDocument, pinned: Collection[str]) -> None:
        """Work out ``request``'s layout of ``doc`` (a snapshot: it goes to another process),
        keeping ``pinned`` nodes where they are; the run under way, if any, is dropped."""
        self._drop_run()
        line = ProgressLine()
        work = partial(LAYOUTS[request.name], doc, pinned=frozenset(pinned), progress=line.report)
        future = start_in_process(work, pool="layout", wanted=line.listening)
        self._run = _Run(request, future, line, time.monotonic(), len(doc.nodes))
        if self.dialog is not None:  # replacing a run the user is watching: the dialog stays
            self._describe(self.dialog, self._run)
        self._poll.start()

    def cancel(self) -> None:
        """Drop the layout under way, if any: the map is left as it is."""
        self._drop_run()
        self._close_dialog()

    def _drop_run(self) -> None:
        if self._run is not None:
            # Its process stops at its next report; the result, if it comes, is not wanted.
            self._run.line.close()
            self._run = None
        self._poll.stop()

    def _look(self) -> None:
        run = self._run
        if run is None:
            return
        progress = run.line.latest()
        if run.future.done():
            self._run = None
            self._poll.stop()
            run.line.close()
            self._close_dialog()
            self._deliver(run)
            return
        if self.dialog is None and time.monotonic() - run.started >= self.show_after:
            self.dialog = self._new_dialog(run)
        if self.dialog is not None and progress is not None:
            done, total = progress
            self.dialog.setRange(0, max(total, 1))
            self.dialog.setValue(done)

    def _deliver(self, run: _Run) -> None:
        try:
            positions = run.future.result()
        except BrokenProcessPool:
            self.failed.emit(
                self.tr("The layout stopped: the process working it out ended. Try again.")
            )
            return
        # Any other error is a bug: it goes to the app's error report, as it would inline.
        self.finished.emit(run.request, positions)

    def _new_dialog(self, run: _Run) -> QProgressDialog:
        dialog = QProgressDialog(self.parent_widget.window())
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # two lines, each kept whole
        dialog.setLabel(label)
        cancel = QPushButton(self.tr("Cancel"))
        dialog.setCancelButton(cancel)
        dialog.setWindowTitle(APP_NAME)
        # The user may go on editing while the layout is worked out (nodes they move keep their
        # place): the dialog neither blocks the window nor takes the keyboard from it.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        dialog.setMinimumDuration(0)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        self._describe(dialog, run)
        dialog.canceled.connect(self.cancel)
        dialog.show()
        return dialog

    def _describe(self, dialog: QProgressDialog, run: _Run) -> None:
        count = QLocale().toString(run.nodes)
        if run.request.name == "landscape":
            text = self.tr("Working out the landscape layout of {count} nodes…")
        else:
            text = self.tr("Working out the force-directed layout of {count} nodes…")
        dialog.setLabelText(
            text.format(count=count)
            + "\n"
            + self.tr("You can go on editing: nodes you move meanwhile stay where you put them.")
        )
        dialog.setRange(0, 0)  # busy until the process says how far it has got

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
