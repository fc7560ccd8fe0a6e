"""The longest event-loop gaps of a scripted editing session in Commapper, in a real X server.

    python3 -m uv run python benchmarks/bench_session.py [--sizes 2000 10000]

For each size, ``python -m commapper MAP`` is launched on a generated map, on an Xvfb started here
(or ``--display``), with the probe in ``benchmarks/probe`` loaded at Python's start-up. Once the
map is drawn and its first analysis result has arrived, a facilitator's session is played with
real key presses, typing, clicks, drags and wheel turns sent from outside by ``xdotool``:

- select: a click on empty canvas beside the map, a rubber band from there into the map (with
  the whole map in view), Tab to the next node, a click on a node;
- zoom: wheel turns over the selected node (up to about 100%, a few notches an action) and back
  out, and Ctrl+0 (fit);
- add a person (Ctrl+2) and type its name, Enter; rename a node (F2), type, Enter;
- nudge with the arrow keys (the rubber band's group, then a node);
- drag a node with the mouse (press on it, ten moves, release);
- connect a node to another picked by name (C, type, Enter);
- copy (Ctrl+C) and paste (Ctrl+V); delete (Delete); undo (Ctrl+Z); redo (Ctrl+Shift+Z);
- Landscape Layout (Ctrl+Shift+L), undo it, Force-Directed Layout (Ctrl+Shift+F).

After each action the script waits ``--pause`` s (0.7), then for the edit to land (an undo step;
a layout may take long, and may run in the background), then until the window's analysis is no
longer busy (its result for the edit has arrived) but at most ``--result-wait`` s (8) from the
action, then 0.35 s more, then until the window answers (the probe's answer comes from its event
loop); only then comes the next action. An analysis that takes longer (10,000
nodes on a busy machine) is superseded by the next edit's and its result never arrives: the
table says how many did; the session's last result is waited for, however long it takes.
A 5 ms timer on the GUI thread (the probe) notes every gap of 8 ms or more between its ticks,
in every event loop the app runs.

The figures, per size:

- per kind of action: how often it was sent, whether it took effect each time (an undo step, a
  change of selection or zoom, seen through the probe; "?" where nothing shows: copy), the
  longest gap that began between sending it and sending the next action (all of its time and the
  analysis result it caused), the median over its repeats of that, and the median time from
  sending it to its analysis result arriving;
- overall: the longest gap after the map was drawn (its first analysis result included); the
  longest gap that began within 0.3 s of an analysis result arriving (the probe's mark is when
  the runner's ``finished`` signal is emitted), and the longest time from that mark until the
  window's slots for it had run (the next event-loop pass); how many results arrived; the
  longest gap that began within 0.3 s of an analysis run being asked for (the runner copies the
  map then); and the GUI process's resident memory (VmRSS, peak VmHWM) at the end against
  issue 13's bar (150 MiB + 15 MiB per 1,000 nodes), and the analysis process's.

What is not driven: connecting by Shift-drag (the picker covers connecting, by keyboard), the
inspector's fields and the tables (the rename covers renaming), right-click menus. A gap is
timed as the GUI thread felt it; the clock starts before xdotool is run, so each action's window
also holds xdotool's own start (a few ms, not a gap of the app's).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from probe.launching import (
    LaunchedApp,
    longest_gap,
    maps_on_a_display,
    median,
    memory_bar,
)

SHARED_GAP_MIN = 0.05  # seconds: longer gaps say which other threads ran meanwhile
NEAR_RESULT = 0.3  # s either side of an analysis result arriving, or a run asked for
AFTER_IDLE = 0.35  # s left after a result, before the next action
ZOOM_NOTCHES = 5  # wheel notches in one zoom action
WHEEL_STEP = 1.2  # the view's zoom factor per notch (commapper.ui.canvas.view.ZOOM_STEP)


@dataclass
class Action:
    """One thing the user did: its kind (a row of the table) and what came of it."""

    kind: str
    sent: float
    took_effect: bool | None = None  # None: nothing to see it by
    result_after: float | None = None  # s from sending to the analysis result
    note: str = ""


@dataclass
class Session:
    """The app under test and the actions sent to it."""

    app: LaunchedApp
    display: str
    pause: float
    layout_timeout: float
    result_wait: float
    runner: int = 0  # the map window's analysis runner (the probe numbers them)
    actions: list[Action] = field(default_factory=list)

    # -- sending ---------------------------------------------------------------------------------

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], check=True,
                       env={**os.environ, "DISPLAY": self.display})  # fmt: skip

    def act(self, kind: str, *commands: tuple[str, ...], expect: str = "edit",
            gap_between: float = 0.0) -> Action:  # fmt: skip
        """Send ``commands`` (xdotool argument lists), then wait as the module says.

        ``expect``: "edit" (an undo step must follow), "undo", "redo", "selection", "zoom" or
        "" (nothing to check).
        """
        # The window answers again (the probe answers from its event loop) before the next
        # action is sent, so that each gap falls in the window of the action that caused it.
        before = self.view_state()
        undo_before = self.undo_index()
        action = Action(kind, time.monotonic())
        for index, command in enumerate(commands):
            if index and gap_between:
                time.sleep(gap_between)
            self.xdotool(*command)
        self.settle(action, expect, before, undo_before)
        self.actions.append(action)
        return action

    def settle(self, action: Action, expect: str, before: dict | None, undo_before: int) -> None:
        app = self.app
        time.sleep(max(0.0, action.sent + self.pause - time.monotonic()))
        if expect in ("edit", "undo", "redo"):
            timeout = self.layout_timeout if action.kind.startswith("layout") else 20.0
            step = app.wait_for("undo", timeout, since=action.sent)
            if step is None:
                action.took_effect = False
            else:
                index = self.undo_index()
                text = step.get("text", "")
                action.note = f"undone to: {text}" if expect == "undo" else f"step: {text}"
                if expect == "undo":
                    action.took_effect = index < undo_before
                elif expect == "redo":
                    action.took_effect = index > undo_before
                else:
                    action.took_effect = True
        self.wait_idle(action, self.result_wait)
        if expect in ("selection", "zoom"):
            after = self.view_state()
            keys = ("n_selected", "selected") if expect == "selection" else ("zoom",)
            action.took_effect = any(after[key] != before[key] for key in keys)  # type: ignore[index]
            if expect == "selection":
                action.note = f"{after['n_selected']} selected"
            else:
                action.note = f"zoom {after['zoom']:.3f}"
        time.sleep(AFTER_IDLE)

    def wait_idle(self, action: Action, timeout: float) -> None:
        """Until the map's analysis is no longer busy (its latest result has arrived), for at
        most ``timeout`` s."""
        app = self.app

        def idle() -> dict | None:
            busy = [
                event for event in app.poll()
                if event["ev"] == "analysis" and event.get("runner") == self.runner
                and event["what"] in ("busy", "idle")
            ]  # fmt: skip
            if busy and busy[-1]["what"] == "idle":
                return busy[-1]
            return None

        if app.wait_until(idle, max(0.0, action.sent + timeout - time.monotonic())) is None:
            action.note += f" (went on before its analysis result, after {timeout:.0f} s)"
        result = app.first("analysis", since=action.sent, runner=self.runner, what="delivered")
        if result is not None:
            action.result_after = result["t"] - action.sent
        failed = app.first("analysis", since=action.sent, runner=self.runner, what="failed")
        if failed is not None:
            action.note += " (the analysis failed)"

    # -- reading -----------------------------------------------------------------------------------

    def view_state(self, *wanted: str) -> dict:
        answer = self.app.state(*wanted, timeout=self.layout_timeout)
        views = [view for view in answer["views"] if view["nodes"]]
        if not views:
            raise SystemExit("no map view is showing")
        return views[-1]

    def undo_index(self) -> int:
        steps = [event for event in self.app.poll() if event["ev"] == "undo"]
        return steps[-1]["index"] if steps else 0

    def selected_at(self) -> tuple[int, int]:
        """Where the (first) selected node is on screen."""
        state = self.view_state()
        if not state["selected"]:
            raise SystemExit("no node is selected")
        x, y = state["selected"][0]["at"]
        return x, y

    def zoom_notches(self, target: float) -> int:
        zoom = self.view_state()["zoom"]
        return max(0, math.ceil(math.log(target / zoom) / math.log(WHEEL_STEP)))


def play(session: Session) -> None:
    """The facilitator's session (see the module's docstring)."""
    act = session.act

    # With the whole map in view: focus the canvas with a click beside the map, draw a rubber
    # band from there into the map, and nudge what it caught.
    state = session.view_state("empty")
    if state.get("empty_spot") is not None:
        x, y = state["empty_spot"]
        act("select (click empty canvas)", ("mousemove", str(x), str(y)), ("click", "1"),
            expect="")  # fmt: skip
        x0, y0, width, height = state["viewport"]
        towards_x = 1 if x < x0 + width // 2 else -1
        towards_y = 1 if y < y0 + height // 2 else -1
        band = [
            ("mousemove", str(x + towards_x * width * step // 40),
             str(y + towards_y * height * step // 40))
            for step in range(1, 9)
        ]  # fmt: skip
        act("select (rubber band)", ("mousemove", str(x), str(y)), ("mousedown", "1"), *band,
            ("mouseup", "1"), gap_between=0.03, expect="selection")  # fmt: skip
        if session.view_state()["n_selected"]:
            act("nudge (arrow, group)", ("key", "Right"))
    else:
        print("  (no empty canvas beside the map: no rubber band; the canvas is clicked on)")
        x0, y0, width, height = state["viewport"]
        act("select (click canvas)", ("mousemove", str(x0 + width // 2), str(y0 + height // 2)),
            ("click", "1"), expect="")  # fmt: skip
    act("select (Tab)", ("key", "Tab"), expect="selection")
    act("select (Tab)", ("key", "Tab"), expect="selection")

    # Zoom in over the selected node, to about 100%, a few notches at a time.
    notches = session.zoom_notches(0.9)
    zoomed_in = 0
    while zoomed_in < notches:
        x, y = session.selected_at()
        turn = min(ZOOM_NOTCHES, notches - zoomed_in)
        act("zoom in (wheel)", ("mousemove", str(x), str(y)),
            ("click", "--repeat", str(turn), "--delay", "40", "4"), expect="zoom")  # fmt: skip
        zoomed_in += turn

    # Click another node near the middle of the view.
    state = session.view_state("near")
    selected = {node["id"] for node in state["selected"]}
    others = [node for node in state.get("near_centre", []) if node["id"] not in selected]
    if others:
        x, y = others[0]["at"]
        act("select (click a node)", ("mousemove", str(x), str(y)), ("click", "1"),
            expect="selection")  # fmt: skip
    else:
        print("  (no other node near the middle of the view to click)")

    act("add person + type name", ("key", "ctrl+2"), ("type", "--delay", "60", "Ada Lovelace"),
        ("key", "Return"), gap_between=0.15)  # fmt: skip
    act("select (Tab)", ("key", "Tab"), expect="selection")
    act("rename (F2, type, Enter)", ("key", "F2"), ("type", "--delay", "60", "Grace Hopper"),
        ("key", "Return"), gap_between=0.15)  # fmt: skip
    act("nudge (arrow)", ("key", "Right"))
    act("nudge (arrow)", ("key", "Down"))
    act("nudge (arrow)", ("key", "shift+Left"))

    x, y = session.selected_at()
    moves = [("mousemove", str(x + 6 * step), str(y + 3 * step)) for step in range(1, 11)]
    act("drag (mouse)", ("mousemove", str(x), str(y)), ("mousedown", "1"), *moves,
        ("mouseup", "1"), gap_between=0.03)  # fmt: skip

    act("connect (C, type name, Enter)", ("key", "c"), ("type", "--delay", "60", "Person 7"),
        ("key", "Return"), gap_between=0.2)  # fmt: skip
    act("copy (Ctrl+C)", ("key", "ctrl+c"), expect="")
    act("paste (Ctrl+V)", ("key", "ctrl+v"))
    act("delete (Delete)", ("key", "Delete"))
    act("undo (Ctrl+Z)", ("key", "ctrl+z"), expect="undo")
    act("undo (Ctrl+Z)", ("key", "ctrl+z"), expect="undo")
    act("redo (Ctrl+Shift+Z)", ("key", "ctrl+shift+z"), expect="redo")

    # Back out to the whole map, a few notches at a time, then fit.
    state = session.view_state()
    x0, y0, width, height = state["viewport"]
    for turned in range(0, zoomed_in, ZOOM_NOTCHES):
        turn = min(ZOOM_NOTCHES, zoomed_in - turned)
        act("zoom out (wheel)", ("mousemove", str(x0 + width // 2), str(y0 + height // 2)),
            ("click", "--repeat", str(turn), "--delay", "40", "5"), expect="zoom")  # fmt: skip
    act("fit (Ctrl+0)", ("key", "ctrl+0"), expect="")

    act("layout (landscape)", ("key", "ctrl+shift+l"))
    act("undo the layout (Ctrl+Z)", ("key", "ctrl+z"), expect="undo")
    act("layout (force-directed)", ("key", "ctrl+shift+f"))


def report(session: Session, n_nodes: int, drawn: float, end: float, memory: dict,
           verbose: bool) -> None:  # fmt: skip
    app = session.app
    gaps = app.gaps()
    actions = session.actions
    windows = [
        (action, action.sent, actions[index + 1].sent if index + 1 < len(actions) else end)
        for index, action in enumerate(actions)
    ]
    per_action = {id(action): longest_gap(gaps, start, stop) for action, start, stop in windows}
    print(f"\n{n_nodes:,} nodes")
    print(f"  {'action':<34} {'times':>5} {'worked':>7} {'longest gap ms':>15} "
          f"{'median ms':>10} {'analysis s':>11}")  # fmt: skip
    for kind in dict.fromkeys(action.kind for action in actions):
        mine = [action for action in actions if action.kind == kind]
        worked = [action.took_effect for action in mine]
        if all(value is None for value in worked):
            worked_text = "?"
        else:
            worked_text = f"{sum(1 for value in worked if value)}/{len(mine)}"
        longest = [per_action[id(action)] for action in mine]
        results = [action.result_after for action in mine if action.result_after is not None]
        print(f"  {kind:<34} {len(mine):>5} {worked_text:>7} {max(longest) * 1000:>15.0f} "
              f"{statistics.median(longest) * 1000:>10.0f} "
              f"{(f'{median(results):.2f}' if results else '-'):>11}")  # fmt: skip
        if verbose:
            for action in mine:
                print(f"      at {action.sent - drawn:7.2f} s: gap "
                      f"{per_action[id(action)] * 1000:.0f} ms, {action.note}")  # fmt: skip

    def runner_events(what: str) -> list[dict]:
        return [
            event for event in app.poll()
            if event["ev"] == "analysis" and event.get("runner") == session.runner
            and event["what"] == what and event["t"] >= drawn
        ]  # fmt: skip

    delivered, shown = runner_events("delivered"), runner_events("shown")
    requested = runner_events("started")
    near_result = max(
        (longest_gap(gaps, e["t"] - NEAR_RESULT, e["t"] + NEAR_RESULT) for e in delivered),
        default=0.0,
    )
    showing = max(
        (
            min((s["t"] for s in shown if s["t"] >= e["t"]), default=e["t"]) - e["t"]
            for e in delivered
        ),
        default=0.0,
    )
    near_request = max(
        (longest_gap(gaps, e["t"] - NEAR_RESULT, e["t"] + NEAR_RESULT) for e in requested),
        default=0.0,
    )
    failures = runner_events("failed")
    if failures:
        print(f"  THE ANALYSIS FAILED {len(failures)} times: {failures[-1]['message']}")
    print(f"  longest gap after the map was drawn: {longest_gap(gaps, drawn, end) * 1000:.0f} ms"
          f" (session {end - actions[0].sent:.0f} s, {len(actions)} actions)")  # fmt: skip
    print(f"  longest gap beginning within {NEAR_RESULT} s of an analysis result arriving: "
          f"{near_result * 1000:.0f} ms; showing a result took at most {showing * 1000:.0f} ms "
          f"({len(delivered)} results arrived after the map was drawn, of {len(requested)} runs "
          "asked for)")  # fmt: skip
    print(f"  longest gap beginning within {NEAR_RESULT} s of an analysis run being asked for "
          f"(the map is copied for it): {near_request * 1000:.0f} ms")  # fmt: skip
    shared = [
        e for e in app.poll()
        if e["ev"] == "gap" and e.get("others") and drawn <= e["t0"] < end
        and e["t"] - e["t0"] >= SHARED_GAP_MIN
    ]  # fmt: skip
    if shared:
        print(f"  gaps of {SHARED_GAP_MIN * 1000:.0f} ms or more while another thread of the "
              "window's process ran (it shares Python's lock):")  # fmt: skip
        for gap in shared:
            others = "; ".join(
                f"{name} {cpu:.0f} ms CPU ({' < '.join(functions)})"
                for name, cpu, functions in gap["others"]
            )
            print(f"      at {gap['t0'] - drawn:7.2f} s: {(gap['t'] - gap['t0']) * 1000:.0f} ms,"
                  f" {others}")  # fmt: skip
    collections = [e for e in app.poll() if e["ev"] == "gc" and e["t"] >= drawn]
    if collections:
        worst = max(collections, key=lambda e: e["t"] - e["t0"])
        print(f"  Python's collector: {len(collections)} collections of 5 ms or more after the map "
              f"was drawn, the longest {(worst['t'] - worst['t0']) * 1000:.0f} ms (generation "
              f"{worst['gen']})")  # fmt: skip
    print(f"  GUI memory at the end: {memory['rss']:.0f} MiB resident, peak {memory['hwm']:.0f}"
          f" MiB (bar {memory_bar(n_nodes):.0f} MiB); analysis process "
          f"{memory['children']:.0f} MiB")  # fmt: skip
    peaks = [event for event in app.poll() if event["ev"] == "peak"]
    if peaks:
        during = [action.kind for action, start, _ in windows if start <= peaks[-1]["t"]]
        print(f"  its highest seen by the probe: {peaks[-1]['mib']:.0f} MiB, "
              f"{f'during {during[-1]!r}' if during else 'before the session'}")  # fmt: skip
    failed = [action.kind for action in actions if action.took_effect is False]
    if failed:
        print(f"  DID NOT TAKE EFFECT: {', '.join(failed)}")


def run_size(map_path: Path, n_nodes: int, display: str, work: Path, options) -> None:
    app = LaunchedApp(map_path, display, work)
    try:
        drawn = app.wait_for("drawn", options.timeout)
        if drawn is None or drawn["nodes"] != n_nodes:
            raise SystemExit(f"{map_path.name}: not drawn whole within {options.timeout:.0f} s")
        first = app.wait_until(
            lambda: (
                app.first("analysis", what="delivered", nodes=n_nodes)
                or app.first("analysis", what="failed")
            ),
            options.timeout,
        )
        if first is None:
            raise SystemExit(f"{map_path.name}: no analysis within {options.timeout:.0f} s")
        if first["what"] == "failed":
            print(f"  THE ANALYSIS FAILED: {first['message']}")
        print(f"{n_nodes:,} nodes: drawn {drawn['t'] - app.spawned:.2f} s after launch, first "
              f"analysis result {first['t'] - app.spawned:.2f} s", flush=True)  # fmt: skip
        session = Session(app, display, options.pause, options.timeout, options.result_wait,
                          runner=first["runner"])  # fmt: skip
        time.sleep(1.0)
        play(session)
        # The last edit's analysis result is waited for, whatever it takes.
        session.wait_idle(session.actions[-1], options.timeout)
        time.sleep(AFTER_IDLE)
        end = time.monotonic()
        memory = app.memory()
        report(session, n_nodes, drawn["t"], end, memory, options.verbose)
        garbage = app.state("garbage", timeout=options.timeout)["garbage"]
        if garbage["objects"]:
            kinds = ", ".join(f"{count} {kind}" for kind, count in garbage["kinds"])
            print(
                f"  garbage frozen with what was alive (gc.freeze), never collected: "
                f"{garbage['objects']:,} objects of {garbage['frozen']:,} frozen ({kinds})"
            )
        else:
            print(f"  garbage frozen with what was alive: none ({garbage['frozen']:,} frozen)")
        errors = [event for event in app.poll() if event["ev"] == "probe_error"]
        if errors:
            print(f"  probe errors: {errors[:3]}")
    finally:
        app.stop(keep=options.keep)
        if options.keep:
            print(f"  the probe's log: {app.probe_path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--folder", type=Path, help="where to keep the generated maps")
    parser.add_argument("--display", help="an X display to use instead of a new Xvfb")
    parser.add_argument("--pause", type=float, default=0.7, help="s at least after an action")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="s to wait for the map, its analysis or a layout")  # fmt: skip
    parser.add_argument("--result-wait", type=float, default=8.0,
                        help="s at most to wait for an edit's analysis result")  # fmt: skip
    parser.add_argument("--verbose", action="store_true", help="print every action")
    parser.add_argument("--keep", action="store_true", help="keep the probe's log")
    options = parser.parse_args()

    with maps_on_a_display(
        options.sizes, options.folder, options.display, "editing session", options.keep
    ) as (maps, display, work):
        for n_nodes, map_path in maps.items():
            run_size(map_path, n_nodes, display, work, options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
