"""A probe that watches Commapper from inside its GUI process, for the benchmarks beside this
folder; Python loads it at start-up when this folder is on PYTHONPATH.

It does nothing unless COMMAPPER_PROBE_OUT names a file, and it takes the variable out of the
environment so that the analysis process (and any other child) runs without it. It appends one
JSON object a line to that file, each with ``t``, a ``time.monotonic()`` reading (the same clock
in every process on Linux, so the benchmark's own readings compare):

- ``start``: Python has run site (before the app's imports);
- ``qapp``: the QApplication exists; a 5 ms timer starts ticking on the GUI thread, in every
  event loop (the app's nested ones too), and from then on
- ``gap``: two ticks at least GAP_MIN apart: the GUI thread answered no event from ``t0`` to ``t``;
  a gap of BUSY_GAP_MIN or longer also lists, in ``others``, the process's other Python threads
  that used at least BUSY_MIN of CPU meanwhile (name, CPU ms, innermost functions at its end):
  they share Python's lock with the GUI thread, and make its work slower;
- ``expose``, ``paint``: the first window shown, the first widget painted (any window);
- ``map_paint``: a map view's viewport receives a Paint event while its scene holds an item for
  every node of the map (``nodes``), and ``drawn`` when that paint ends (the view's
  drawForeground, the last step of its paintEvent, has returned); only the first per view;
  ``complete`` at the end of the first paint after that which shows the map finished: its
  labels placed and its pictures of edges and nodes drawn (they come in slices on a large map);
- ``analysis``: a runner (``runner``, numbered in order of making) ``started``, ``delivered`` a
  result (its ``finished`` signal, before the window's own slots run), ``shown`` (after those
  slots), ``failed`` (with the end of its ``message``), or went ``busy``/``idle``;
- ``peak``: the resident memory (``mib``) passed its highest yet by PEAK_STEP (looked at every
  20 ms);
- ``gc``: Python's collector ran for ``GC_MIN`` or longer (``gen``, the generation collected,
  from ``t0`` to ``t``), on any thread;
- ``undo``: a map's undo stack moved to ``index`` of ``count``, the step there named ``text``;
- ``state``: the answer to a request (a file ``OUT.req`` holding its id, and ``near`` or
  ``empty`` if wanted): the map views' viewports on screen, zoom, selected nodes and where they
  are on screen, the undo stack, the focused widget; if wanted the nodes nearest the middle of the
  view, and a spot of empty canvas beside the map; if wanted (``garbage``) the garbage frozen
  with what was alive (see frozen_garbage); and ``took``, the probe's own time for it (a
  pass over the nodes: a few ms on 10,000), which the benchmarks take off the gap it falls in.

What it changes in the app: a 5 ms timer, an event filter on each map view's viewport and (until
the first paint) on the application, and slots on the analysis runner's signals and the undo
stack's; every hook is wrapped so that a failure of the probe is logged, never raised.
"""

import contextlib
import json
import os
import sys
import time

GAP_MIN = 0.008  # seconds; the timer ticks every 5 ms, so shorter gaps are the timer's own jitter
GC_MIN = 0.005  # seconds: collections at least this long are noted
BUSY_GAP_MIN = 0.03  # seconds: gaps this long say which other threads were busy meanwhile
BUSY_MIN = 0.002  # seconds of a thread's CPU in a gap that count as busy
PEAK_STEP = 1.0  # MiB: a new peak of resident memory is noted once it passes the last by this
POLL_EVERY = 4  # ticks between looks for a request (20 ms)

_out = os.environ.pop("COMMAPPER_PROBE_OUT", None)
# Milliseconds: when set, the GUI thread runs under cProfile, and each gap at least this long
# gets its profile written to OUT.profiles (cProfile's cost makes the gaps themselves longer).
_profile_gaps_ms = os.environ.pop("COMMAPPER_PROBE_PROFILE", None)


def _install(out: str) -> None:
    import importlib.abc
    import importlib.machinery
    import itertools

    log = open(out, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 (open for the process)
    request_path = out + ".req"
    keep: list[object] = []  # Qt objects the probe made, kept from the collector
    views: list[object] = []
    painting: dict[int, dict] = {}  # id(view): its first whole-map paint, under way
    finishing: dict[int, dict] = {}  # id(view): drawn, its pictures and labels still coming
    runner_numbers = itertools.count(1)

    def write(event: str, **fields: object) -> None:
        fields["t"] = time.monotonic()
        fields["ev"] = event
        log.write(json.dumps(fields) + "\n")

    def guarded(function):
        def run(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:  # the probe must never break the app
                with contextlib.suppress(Exception):
                    write("probe_error", where=function.__name__, error=repr(error))
                return None

        run.__name__ = function.__name__
        return run

    write("start", pid=os.getpid())

    # -- the event-loop ticks ---------------------------------------------------------------

    def profiling_gaps():
        """A function for each tick that writes the profile of a long gap, and starts the next
        one; None unless COMMAPPER_PROBE_PROFILE asks for it."""
        if not _profile_gaps_ms:
            return None
        import cProfile
        import io
        import pstats

        longest_quiet = float(_profile_gaps_ms) / 1000
        profiles = open(out + ".profiles", "a", encoding="utf-8")  # noqa: SIM115
        keep.append(profiles)
        running = [cProfile.Profile()]
        running[0].enable()

        def profile_gap(gap: float) -> None:
            running[0].disable()
            if gap >= longest_quiet:
                text = io.StringIO()
                stats = pstats.Stats(running[0], stream=text)
                stats.sort_stats("cumulative").print_stats(40)
                profiles.write(f"=== gap of {gap * 1000:.0f} ms ending at {time.monotonic()!r}\n")
                profiles.write(text.getvalue())
                profiles.flush()
            running[0] = cProfile.Profile()
            running[0].enable()

        return profile_gap

    import threading

    gui_thread = threading.get_ident()
    thread_clocks: dict[int, float] = {}  # each other Python thread's CPU seconds at the last tick

    def other_threads_busy() -> list:
        """The other Python threads that used BUSY_MIN of CPU since the last call: [name, CPU ms,
        its innermost three functions]. A thread first seen meanwhile counts from its start."""
        busy = []
        frames = sys._current_frames()
        # This function's own frame: left in, it and the dict would be garbage in a cycle, and
        # a large map's window freezes what is alive now and then (gc.freeze), garbage too.
        del frames[gui_thread]
        for ident, frame in frames.items():
            try:
                clock = time.clock_gettime(time.pthread_getcpuclockid(ident))
            except (OSError, OverflowError):
                continue
            used = clock - thread_clocks.get(ident, 0.0)
            thread_clocks[ident] = clock
            if used >= BUSY_MIN:
                thread = threading._active.get(ident)
                functions = []
                while frame is not None and len(functions) < 3:
                    functions.append(frame.f_code.co_name)
                    frame = frame.f_back
                name = thread.name if thread is not None else str(ident)
                busy.append([name, round(used * 1000, 1), functions])
        return busy

    page_mib = os.sysconf("SC_PAGE_SIZE") / 2**20
    peak = {"mib": 0.0}

    def note_new_peak() -> None:
        """A ``peak`` event when the resident memory passes its highest yet by PEAK_STEP."""
        with open("/proc/self/statm", encoding="ascii") as statm:
            resident = int(statm.read().split()[1]) * page_mib
        if resident >= peak["mib"] + PEAK_STEP:
            peak["mib"] = resident
            log.write(f'{{"ev": "peak", "mib": {resident:.1f}, "t": {time.monotonic()!r}}}\n')

    def start_ticking(app) -> None:
        from PySide6.QtCore import QEvent, QObject, Qt, QTimer

        tick_state = {"last": time.monotonic(), "n": 0}
        profile_gap = profiling_gaps()
        collecting = {"since": 0.0}
        # Written by the next tick: a collection may start inside a write to the log.
        collections: list[tuple[int, float, float]] = []

        def note_collection(phase: str, info: dict) -> None:
            if phase == "start":
                collecting["since"] = time.monotonic()
            elif (now := time.monotonic()) - collecting["since"] >= GC_MIN:
                collections.append((info["generation"], collecting["since"], now))

        import gc

        gc.callbacks.append(note_collection)

        def tick() -> None:
            now = time.monotonic()
            gap = now - tick_state["last"]
            tick_state["last"] = now
            if gap >= BUSY_GAP_MIN:
                others = json.dumps(other_threads_busy())
                log.write(f'{{"ev": "gap", "t0": {now - gap!r}, "t": {now!r}, '
                          f'"others": {others}}}\n')  # fmt: skip
            elif gap >= GAP_MIN:
                log.write(f'{{"ev": "gap", "t0": {now - gap!r}, "t": {now!r}}}\n')
            else:
                other_threads_busy()  # only to read the clocks for the next gap
            while collections:
                generation, t0, t = collections.pop(0)
                log.write(f'{{"ev": "gc", "gen": {generation}, "t0": {t0!r}, "t": {t!r}}}\n')
            if profile_gap is not None:
                profile_gap(gap)
            tick_state["n"] += 1
            if tick_state["n"] % POLL_EVERY == 0:
                answer_request()
                note_new_peak()

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()

        class FirstPaint(QObject):
            """Notes the first window exposed and the first widget painted, then leaves."""

            seen_expose = False

            def eventFilter(self, watched, event):
                kind = event.type()
                if kind == QEvent.Type.Expose and not self.seen_expose:
                    self.seen_expose = True
                    write("expose", what=type(watched).__name__)
                elif kind == QEvent.Type.Paint:
                    write("paint", what=type(watched).__name__)
                    app.removeEventFilter(self)
                return False

        first_paint = FirstPaint()
        app.installEventFilter(first_paint)
        keep.extend((timer, first_paint))
        write("qapp")

    @guarded
    def answer_request() -> None:
        try:
            with open(request_path, encoding="utf-8") as request:
                ident, *wanted = request.read().split()
            os.remove(request_path)
        except (OSError, ValueError):
            return
        began = time.monotonic()
        answer = gui_state(set(wanted))
        # Its own time, which the benchmark takes off the gap it falls in.
        write("state", id=ident, took=time.monotonic() - began, **answer)

    def gui_state(wanted: set[str]) -> dict:
        """What the window shows; ``near`` and ``empty`` (see the probe's docstring) cost a
        pass over the map's nodes, so they come only when asked for."""
        import shiboken6
        from PySide6.QtCore import QPoint, QPointF
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        focus = app.focusWidget()
        answer: dict = {
            "focus": type(focus).__name__ if focus is not None else None,
            "views": [],
        }
        views[:] = [view for view in views if shiboken6.isValid(view)]
        for view in views:
            if not view.isVisible():
                continue
            scene, viewport = view.scene(), view.viewport()
            origin = viewport.mapToGlobal(QPoint(0, 0))
            width, height = viewport.width(), viewport.height()

            selected_items = [item for item in scene.selectedItems() if hasattr(item, "node_id")]
            stack = scene.session.undo_stack
            state = {
                "viewport": [origin.x(), origin.y(), width, height],
                "zoom": view.transform().m11(),
                "nodes": len(scene.node_items),
                "n_selected": len(selected_items),
                "selected": [
                    {"id": item.node_id, "at": on_screen(view, item.scenePos())}
                    for item in selected_items[:10]
                ],
                "undo": [stack.index(), stack.count()],
            }
            if wanted & {"near", "empty"}:
                placed = [
                    (node.x, node.y, node.id) for node in scene.doc.nodes if node.x is not None
                ]
            if "near" in wanted and placed:
                # The nodes within 60 pixels of the middle of the view, nearest first.
                middle = view.mapToScene(QPoint(width // 2, height // 2))
                reach = 60 / state["zoom"]
                near = sorted(
                    (abs(x - middle.x()) + abs(y - middle.y()), node_id, x, y)
                    for x, y, node_id in placed
                    if abs(x - middle.x()) < reach and abs(y - middle.y()) < reach
                )
                state["near_centre"] = [
                    {"id": node_id, "at": on_screen(view, QPointF(x, y))}
                    for _, node_id, x, y in near[:5]
                ]
            if "empty" in wanted and placed:
                state["empty_spot"] = empty_spot(view, placed)
            answer["views"].append(state)
        if "garbage" in wanted:
            answer["garbage"] = frozen_garbage()
        return answer

    def frozen_garbage() -> dict:
        """Garbage the collector will never see: cycles that were alive when the window froze
        what was (gc.freeze, on a large map). Counted by collecting everything (a second or
        so on a room map), then frozen again: ``objects``, ``frozen`` (all objects frozen), and
        the commonest ``kinds``."""
        import collections
        import gc
        import types

        gc.collect()  # the garbage the collector would have found anyway
        frozen = gc.get_freeze_count()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            gc.unfreeze()
            gc.collect()
            kinds = collections.Counter(
                # A function or generator by its name: which code made the cycle.
                f"{type(thing).__qualname__} {getattr(thing, '__qualname__', '')}".strip()
                if isinstance(thing, types.FunctionType | types.GeneratorType | types.MethodType)
                else type(thing).__qualname__
                for thing in gc.garbage
            )
            found = len(gc.garbage)
        finally:
            gc.garbage.clear()
            gc.set_debug(0)
            gc.freeze()
        return {"objects": found, "frozen": frozen, "kinds": kinds.most_common(12)}

    def on_screen(view, point) -> list[int]:
        """Where the scene point ``point`` of ``view`` is on the screen."""
        global_point = view.viewport().mapToGlobal(view.mapFromScene(point))
        return [global_point.x(), global_point.y()]

    def empty_spot(view, placed: list) -> list[int] | None:
        """A spot of the view, on screen, beside the map's nodes (beyond their bounding box and
        30 pixels more), where a click selects nothing; None when the map fills the view."""
        from PySide6.QtCore import QPoint, QRect, QRectF, QSize
        from PySide6.QtWidgets import QApplication, QGraphicsItem

        viewport = view.viewport()
        xs, ys = [x for x, _, _ in placed], [y for _, y, _ in placed]
        box = view.mapFromScene(QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
        nodes = box.boundingRect().adjusted(-30, -30, 30, 30)
        width, height = viewport.width(), viewport.height()
        middle_x = (nodes.left() + nodes.right()) // 2
        middle_y = (nodes.top() + nodes.bottom()) // 2
        candidates = [
            QPoint((nodes.left() + 0) // 2, middle_y),  # left of the map, then right, above, below
            QPoint((nodes.right() + width) // 2, middle_y),
            QPoint(middle_x, (nodes.top() + 0) // 2),
            QPoint(middle_x, (nodes.bottom() + height) // 2),
        ]
        selectable = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        for point in candidates:
            if nodes.contains(point) or not QRect(10, 10, width - 20, height - 20).contains(point):
                continue
            if QApplication.widgetAt(viewport.mapToGlobal(point)) is not viewport:
                continue  # an overlay (the legend) or a scroll bar
            around = QRect(point - QPoint(4, 4), QSize(9, 9))
            if any(item.flags() & selectable for item in view.items(around)):
                continue
            spot = viewport.mapToGlobal(point)
            return [spot.x(), spot.y()]
        return None

    # -- hooks on the app's classes, made as their modules load ------------------------------

    def patch_qapplication(module) -> None:
        original = module.QApplication.__init__

        def __init__(self, *args, **kwargs):
            original(self, *args, **kwargs)
            guarded(start_ticking)(self)

        module.QApplication.__init__ = __init__

    def patch_view(module) -> None:
        original = module.MapView.__init__
        draw_foreground = module.MapView.drawForeground

        def __init__(self, *args, **kwargs):
            original(self, *args, **kwargs)
            guarded(watch_view)(self)

        def drawForeground(self, *args):
            draw_foreground(self, *args)
            if painting and id(self) in painting:
                drawn = painting.pop(id(self))
                write("drawn", **drawn)
                finishing[id(self)] = drawn
            if finishing and id(self) in finishing and guarded(is_complete)(self.scene()):
                write("complete", **finishing.pop(id(self)))

        module.MapView.__init__ = __init__
        module.MapView.drawForeground = drawForeground

    def is_complete(scene) -> bool:
        """Whether the labels are placed and the pictures of the edges and nodes drawn."""
        layers = [getattr(scene, name, None) for name in ("edge_layer", "node_layer")]
        pictures = all(getattr(layer, "settled", True) for layer in layers)
        return bool(pictures and getattr(scene, "labels_placed", True))

    def watch_view(view) -> None:
        from PySide6.QtCore import QEvent, QObject

        views.append(view)
        number = len(views)

        class MapPaint(QObject):
            """Notes the first paint of the viewport that shows every node of the map."""

            @guarded
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Paint:
                    scene = view.scene()
                    nodes = len(scene.node_items)
                    if nodes and nodes == len(scene.doc.nodes):
                        write("map_paint", view=number, nodes=nodes)
                        watched.removeEventFilter(self)
                        painting[id(view)] = {"view": number, "nodes": nodes}
                return False

        map_paint = MapPaint()
        view.viewport().installEventFilter(map_paint)
        keep.append(map_paint)
        stack = view.scene().session.undo_stack

        def undo_moved(index: int) -> None:
            text = stack.text(index - 1) if index > 0 else ""
            write("undo", view=number, index=index, count=stack.count(), text=text)

        stack.indexChanged.connect(guarded(undo_moved))

    def patch_runner(module) -> None:
        original = module.AnalysisRunner.__init__

        def __init__(self, *args, **kwargs):
            original(self, *args, **kwargs)
            guarded(watch_runner)(self)

        module.AnalysisRunner.__init__ = __init__

    def watch_runner(runner) -> None:
        from PySide6.QtCore import QTimer

        number = next(runner_numbers)

        def nodes() -> int:
            return len(runner.session.doc.nodes)

        def delivered(*_args) -> None:
            write("analysis", runner=number, what="delivered", nodes=nodes())
            QTimer.singleShot(0, lambda: write("analysis", runner=number, what="shown"))

        runner.started.connect(
            guarded(lambda: write("analysis", runner=number, what="started", nodes=nodes()))
        )
        # Connected before the window's own slots (made after the runner), so it runs first.
        runner.finished.connect(guarded(delivered))

        def failed(message: str) -> None:
            write("analysis", runner=number, what="failed", message=str(message)[-300:])

        runner.failed.connect(guarded(failed))
        runner.busy_changed.connect(
            guarded(lambda busy: write("analysis", runner=number, what="busy" if busy else "idle"))
        )

    patches = {
        "PySide6.QtWidgets": patch_qapplication,
        "commapper.ui.canvas.view": patch_view,
        "commapper.ui.panels.analysis_worker": patch_runner,
    }

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            patch = patches.get(name)
            if patch is None:
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None:
                return None
            load = spec.loader.exec_module

            def exec_module(module):
                load(module)
                guarded(patch)(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Finder())


if _out:
    _install(_out)
