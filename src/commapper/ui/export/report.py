"""The PDF report of a map: its title and description, the map, the breadth and brokerage
figures with what each means, the charts, the top brokers, what stands out, the room (on a
room map, as ``commapper analyse`` gives it), and the references.

A room map's report hides people's names unless told otherwise, as the presentation does: it
is the report of the map's pseudonymised safe copy (:mod:`commapper.io.safe_copy`), so that no
name is in its picture, tables or findings.

Every sentence about the map is the analysis's own: the figures come from the same
:data:`~commapper.ui.panels.analysis_figures.BREADTH` and ``BROKERAGE`` tables as the analysis
panel (their names, values and meanings), the findings are the findings' own text, and the
analysis is worked out afresh from the map being reported, never taken from an older run.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSizeF, Qt
from PySide6.QtGui import QPainter, QPdfWriter

from commapper import APP_NAME, __version__
from commapper.analysis.analyse import analyse
from commapper.analysis.report import counted
from commapper.analysis.result import Analysis
from commapper.io.errors import MapFileError
from commapper.io.safe_copy import safe_copy
from commapper.model import MapDocument
from commapper.ui.export.choices import ExportError, OverlayChoice
from commapper.ui.export.pages import PAGE_SIZES, Pages
from commapper.ui.export.picture import MapPicture, write_file
from commapper.ui.panels.analysis_figures import BREADTH, BROKERAGE, Figure, figure_text
from commapper.ui.panels.charts import (
    KIND_COLOURS,
    KIND_NAMES,
    BrokerChart,
    Chart,
    RolesChart,
    SectorLevelChart,
    sector_levels,
)
from commapper.ui.shell.theme import LIGHT
from commapper.ui.translations import QT_TRANSLATE_NOOP
from commapper.workshop.room_analysis import RoomAnalysis, analyse_room, is_room_map

CHART_WIDTH = 600  # pixels a chart is laid out at before it is placed on the page
MAP_SHARE = 0.62  # of a page's height the map may take on the first page
TOP_BROKERS = 10
TOP_ROOM = 10  # entries of each list of the room section, as commapper analyse gives
# The sources docs/analysis.md cites for the figures, Wenger first.
REFERENCES = (
    "Wenger, E. (2000). Communities of practice and social learning systems. "
    "<i>Organization</i> 7(2), 225–246.",
    "Burt, R. S. (1992). <i>Structural Holes: The Social Structure of Competition</i>. "
    "Harvard University Press.",
    "Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal approach to "
    "brokerage in transaction networks. <i>Sociological Methodology</i> 19, 89–126.",
    "Krackhardt, D. and Stern, R. N. (1988). Informal networks and organizational crises: an "
    "experimental simulation. <i>Social Psychology Quarterly</i> 51(2), 123–140.",
    "Brandes, U. (2001). A faster algorithm for betweenness centrality. <i>Journal of "
    "Mathematical Sociology</i> 25(2), 163–177.",
    "Brandes, U. and Pich, C. (2007). Centrality estimation in large networks. <i>International "
    "Journal of Bifurcation and Chaos</i> 17(7), 2303–2318.",
    "Hopcroft, J. and Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph "
    "manipulation. <i>Communications of the ACM</i> 16(6), 372–378.",
    "Blau, P. M. (1977). <i>Inequality and Heterogeneity</i>. Free Press.",
)


# The report's own words, translated where used (context "Report").
WORDS: dict[str, str] = {
    "untitled": QT_TRANSLATE_NOOP("Report", "Untitled map"),
    "footer": QT_TRANSLATE_NOOP("Report", "{title} · page {page}"),
    "made": QT_TRANSLATE_NOOP(
        "Report", "A map of communities of practice, reported by {app} on {day}."
    ),
    "breadth": QT_TRANSLATE_NOOP("Report", "Breadth: how far my participation reaches"),
    "breadth_intro": QT_TRANSLATE_NOOP(
        "Report", "The figures are about {me} and count every membership, transactional ones too."
    ),
    "brokerage": QT_TRANSLATE_NOOP("Report", "Brokerage: where I carry practice across boundaries"),
    "brokerage_intro": QT_TRANSLATE_NOOP(
        "Report",
        "Burt's measures on the communities of {me}, and the Gould and Fernandez roles with the "
        "organisation's boundary as the groups.",
    ),
    "no_me": QT_TRANSLATE_NOOP(
        "Report",
        'This map has no "me" node, so it has no personal breadth and brokerage figures: they '
        "measure the mapper's own participation. The top brokers and the findings below are for "
        "the whole map.",
    ),
    "brokers": QT_TRANSLATE_NOOP("Report", "Top brokers (betweenness on the whole map)"),
    "brokers_meaning": QT_TRANSLATE_NOOP(
        "Report",
        "How often a node lies on the shortest paths between two others, from 0 (never) to 1 "
        "(on every one); the nodes that hold the landscape together.",
    ),
    "no_brokers": QT_TRANSLATE_NOOP(
        "Report", "No node lies between two others: nothing brokers on this map."
    ),
    "person": QT_TRANSLATE_NOOP("Report", "person"),
    "community": QT_TRANSLATE_NOOP("Report", "community"),
    "me": QT_TRANSLATE_NOOP("Report", "me"),
    "boundary_object": QT_TRANSLATE_NOOP("Report", "boundary object"),
    "charts": QT_TRANSLATE_NOOP("Report", "Charts"),
    "findings": QT_TRANSLATE_NOOP("Report", "What stands out"),
    "no_findings": QT_TRANSLATE_NOOP("Report", "The analysis found nothing that stands out."),
    "whole_map": QT_TRANSLATE_NOOP("Report", "The whole map"),
    "silos_name": QT_TRANSLATE_NOOP("Report", "Silos"),
    "silos_but_me": QT_TRANSLATE_NOOP(
        "Report", "communities with no connection to any other once I am left out"
    ),
    "silos": QT_TRANSLATE_NOOP("Report", "communities with no connection to any other"),
    "cut_name": QT_TRANSLATE_NOOP("Report", "Holding it together"),
    "cut": QT_TRANSLATE_NOOP(
        "Report", "nodes whose removal cuts the map apart, once I am left out"
    ),
    "cut_no_me": QT_TRANSLATE_NOOP("Report", "nodes whose removal cuts the map apart"),
    "room": QT_TRANSLATE_NOOP("Report", "The room: {n} participants"),
    "room_one": QT_TRANSLATE_NOOP("Report", "The room: 1 participant"),
    "room_intro": QT_TRANSLATE_NOOP(
        "Report",
        "This is a room map, merged from the participants' own maps. People's names are "
        "hidden: everyone is Person 1, 2… as in a pseudonymised copy.",
    ),
    "room_intro_names": QT_TRANSLATE_NOOP(
        "Report", "This is a room map, merged from the participants' own maps."
    ),
    "shared": QT_TRANSLATE_NOOP("Report", "Communities most shared"),
    "shared_columns": QT_TRANSLATE_NOOP("Report", "named by / members among the participants"),
    "bridges": QT_TRANSLATE_NOOP("Report", "Only bridges"),
    "bridges_meaning": QT_TRANSLATE_NOOP(
        "Report", "each is the one link in the room between these communities"
    ),
    "no_bridges": QT_TRANSLATE_NOOP(
        "Report", "No participant is the only bridge between two communities."
    ),
    "room_silos": QT_TRANSLATE_NOOP(
        "Report", "Silos: communities nothing in the room links to the rest"
    ),
    "room_no_silos": QT_TRANSLATE_NOOP(
        "Report", "No silos: every community is linked to the rest of the room."
    ),
    "belonging": QT_TRANSLATE_NOOP("Report", "belonging: {who}"),
    "no_participant": QT_TRANSLATE_NOOP("Report", "no participant"),
    "span": QT_TRANSLATE_NOOP("Report", "Communities spanned together (participants in both)"),
    "room_breadth": QT_TRANSLATE_NOOP("Report", "Each participant's breadth, broadest first"),
    "breadth_columns": QT_TRANSLATE_NOOP(
        "Report", "participant|communities|domains|sectors|within two steps"
    ),
    "and_more": QT_TRANSLATE_NOOP("Report", "and {n} more"),
    "none": QT_TRANSLATE_NOOP("Report", "none"),
    "references": QT_TRANSLATE_NOOP("Report", "References"),
    "about": QT_TRANSLATE_NOOP(
        "Report",
        "The figures and how they are worked out are described in Commapper's documentation, "
        "“What the analysis tells you” (docs/analysis.md).",
    ),
}


def _tr(key: str) -> str:
    """The report's word ``key`` (see :data:`WORDS`) in the user's language."""
    return QCoreApplication.translate("Report", WORDS[key])


def _e(text: str) -> str:
    """User text for the report's rich text: escaped, its line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def write_report(
    doc: MapDocument,
    path: str | Path,
    *,
    page: str = "a4",
    overlays: OverlayChoice | None = None,
    hide_names: bool | None = None,
) -> Path:
    """Analyse ``doc`` and write its report to ``path`` as a PDF on ``page`` paper ("a4" or
    "letter"); the map is drawn in the light theme, with ``overlays`` if given. People's names
    are hidden if ``hide_names`` says so, by default on a room map (see the module's
    docstring). Needs a ``QApplication`` (offscreen is enough). Returns the path written.

    Raises
    ------
    ExportError
        If the page size is unknown, the file cannot be written (then nothing was written), or
        names could not be hidden.
    """
    if page not in PAGE_SIZES:
        raise ExportError(f'"{page}" is not a page size; choose one of ' + ", ".join(PAGE_SIZES))
    if hide_names is None:
        hide_names = is_room_map(doc)
    if hide_names:
        try:
            doc = safe_copy(doc, "pseudonymised")[0]
        except MapFileError as error:
            raise ExportError("; ".join(error.lines())) from None
    result = analyse(doc.snapshot())
    data = report_bytes(doc, result, page, overlays, hidden=hide_names)
    path = Path(path)
    write_file(path, data)
    return path


def report_bytes(
    doc: MapDocument,
    result: Analysis,
    page: str,
    overlays: OverlayChoice | None = None,
    *,
    hidden: bool = False,
) -> bytes:
    """The report of ``doc`` (whose analysis is ``result``) as the bytes of a PDF; ``hidden``
    says that ``doc``'s people are pseudonyms (the room section says so)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    title = doc.title.strip() or _tr("untitled")
    writer.setTitle(title)
    writer.setCreator(f"{APP_NAME} {__version__}")
    footer = _tr("footer")
    pages = Pages(writer, page, lambda n: footer.format(title=title, page=n))
    try:
        _write(pages, doc, result, title, overlays, hidden)
    finally:
        pages.finish()  # a painter left open on the writer would crash Qt at exit
    buffer.close()
    return bytes(data.data())


def _write(
    pages: Pages,
    doc: MapDocument,
    result: Analysis,
    title: str,
    overlays: OverlayChoice | None,
    hidden: bool,
) -> None:
    counts = result.map.by_kind
    made = _tr("made").format(app=APP_NAME, day=date.today().isoformat())
    sizes = (
        f"{counted(result.map.n_nodes, 'node', 'nodes')} "
        f"({counted(counts['community'], 'community', 'communities')}, "
        f"{counted(counts['person'], 'person', 'people')}, "
        f"{counted(counts['boundary_object'], 'boundary object', 'boundary objects')}"
        f"{', and me' if counts.get('me') else ''}), "
        f"{counted(result.map.n_edges, 'connection', 'connections')}."
    )
    pages.text(f"<h1>{_e(title)}</h1><p class='small'>{_e(made)} {_e(sizes)}</p>")
    # A paragraph a block: a long description flows on from under the title, page by page.
    for paragraph in re.split(r"\n\s*\n", doc.description.strip()):
        if paragraph.strip():
            pages.text(f"<p>{_e(paragraph.strip())}</p>")

    picture = MapPicture(doc, theme="light", overlays=overlays, result=result)
    # Labels sized and placed for the page: a large map's labels grow, and those that would
    # then cover others are left out, as on the canvas zoomed out.
    picture.measure(max(pages.width, pages.area.height() * MAP_SHARE))
    size = picture.size()
    room = pages.area.height() * MAP_SHARE
    if size.height() * min(1.0, pages.width / size.width()) > room:
        size = size * (room / (size.height() * min(1.0, pages.width / size.width())))
    pages.picture(size, picture.paint)

    labels = {node.id: node.label or node.id for node in doc.nodes}
    ego = result.brokerage.ego
    if result.breadth is not None and ego is not None:
        me = labels.get(result.ego or "", "me")
        _figures(
            pages,
            _tr("breadth"),
            _tr("breadth_intro").format(me=me),
            BREADTH,
            result,
        )
        _figures(
            pages,
            _tr('brokerage'),
            _tr('brokerage_intro').format(me=me),
            BROKERAGE,
            result,
        )  # fmt: skip
    else:
        pages.text(f"<p>{_e(_tr('no_me'))}</p>")

    _brokers(pages, result, labels)
    _charts(pages, doc, result, labels)
    _findings(pages, result)
    _whole_map(pages, result, labels)
    if is_room_map(doc):
        _room(pages, doc, analyse_room(doc), labels, hidden)
    references = "".join(f"<li>{reference}</li>" for reference in REFERENCES)
    about = _tr("about")
    pages.text(
        f"<h2>{_e(_tr('references'))}</h2><p class='small'>{_e(about)}</p>"
        f"<ul class='small'>{references}</ul>"
    )


def _figures(
    pages: Pages, heading: str, intro: str, figures: Iterable[Figure], result: Analysis
) -> None:
    # Name and value on one row, what the figure means under the value: as in the panel.
    rows = "".join(
        f"<tr><td width='38%'><b>{_e(QCoreApplication.translate('Figures', figure.name))}</b></td>"
        f"<td>{_e(figure_text(figure.value(result, 'all_levels')))}</td></tr>"
        f"<tr><td></td><td class='meaning'>"
        f"{_e(QCoreApplication.translate('Figures', figure.meaning))}</td></tr>"
        for figure in figures
    )
    pages.text(
        f"<h2>{_e(heading)}</h2><p class='small'>{_e(intro)}</p>"
        f"<table width='100%' cellspacing='0'>{rows}</table>"
    )


def _brokers(pages: Pages, result: Analysis, labels: dict[str, str]) -> None:
    nodes = result.brokerage.nodes
    ranked = sorted(
        (node_id for node_id in nodes if nodes[node_id].betweenness > 0),
        key=lambda node_id: (-nodes[node_id].betweenness, node_id),
    )[:TOP_BROKERS]
    heading = _tr("brokers")
    meaning = _tr("brokers_meaning")
    if not ranked:
        body = f"<p>{_e(_tr('no_brokers'))}</p>"
    else:
        rows = "".join(
            f"<tr><td width='60%'>{_e(labels.get(node_id, node_id))}</td>"
            f"<td width='22%'>{_e(_kind_name(nodes[node_id].kind))}</td>"
            f"<td>{nodes[node_id].betweenness:.3f}</td></tr>"
            for node_id in ranked
        )
        body = f"<table width='100%' cellspacing='0'>{rows}</table>"
    pages.text(f"<h2>{_e(heading)}</h2><p class='small'>{_e(meaning)}</p>{body}")


def _kind_name(kind: str) -> str:
    return {"person": _tr('person'), "community": _tr('community'), "me": _tr('me'),
            "boundary_object": _tr('boundary_object')}.get(kind, kind)  # fmt: skip


def _charts(pages: Pages, doc: MapDocument, result: Analysis, labels: dict[str, str]) -> None:
    # (heading as rich text, chart): the panel's charts, each under the panel's own title.
    charts: list[tuple[str, Chart]] = []
    if result.ego is not None:
        sectors = SectorLevelChart()
        sectors.show_counts(sector_levels(doc))
        charts.append((_e(sectors.heading.text()), sectors))
    brokers = BrokerChart()
    if shown := brokers.show_result(result, labels):
        kinds = {result.brokerage.nodes[node_id].kind for node_id in shown}
        key = " ".join(
            f"<span style='color:{colour}'>■</span> "
            f"{_e(QCoreApplication.translate('BrokerChart', KIND_NAMES[kind]))}"
            for kind, colour in KIND_COLOURS.items()
            if kind in kinds
        )
        title = _e(QCoreApplication.translate("BrokerChart", BrokerChart.TITLE))
        charts.append((f"{title}<br><span class='small'>{key}</span>", brokers))
    if result.brokerage.ego is not None:
        roles = RolesChart()
        roles.show_roles(result.brokerage.ego.gould_fernandez, _tr("me"))
        charts.append((_e(roles.heading.text()), roles))
    for index, (heading, chart) in enumerate(charts):
        _light(chart)
        chart.resize(CHART_WIDTH, chart.minimumHeight())
        top = f"<h2>{_e(_tr('charts'))}</h2>" if index == 0 else ""
        height = chart.minimumHeight() * min(1.0, pages.width / CHART_WIDTH)
        pages.text(f"{top}<h3>{heading}</h3>", keep_with=height)
        pages.picture(QSizeF(CHART_WIDTH, chart.minimumHeight()), _chart_drawer(chart))
        chart.deleteLater()


def _light(chart: Chart) -> None:
    """The chart in the print theme, whatever the app's theme is."""
    chart.setBackground(LIGHT.background)
    plot = chart.getPlotItem()
    for name in ("left", "bottom"):
        plot.getAxis(name).setTextPen(LIGHT.text)
        plot.getAxis(name).setPen(LIGHT.edge)


def _chart_drawer(chart: Chart) -> Callable[[QPainter, QRectF], None]:
    # Laid out as though shown (pyqtgraph sizes its axes and bars on the resize), then drawn
    # through the painter: vector, its names selectable.
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    chart.show()
    chart.hide()

    def draw(painter: QPainter, target: QRectF) -> None:
        chart.render(painter, target, chart.viewport().rect())

    return draw


def _findings(pages: Pages, result: Analysis) -> None:
    heading = f"<h2>{_e(_tr('findings'))}</h2>"
    if not result.findings:
        pages.text(heading + f"<p>{_e(_tr('no_findings'))}</p>")
        return
    pages.listed(heading, [_e(finding.text) for finding in result.findings])


def _whole_map(pages: Pages, result: Analysis, labels: dict[str, str]) -> None:
    brokerage = result.brokerage
    silos = brokerage.silos_excluding_ego if result.ego else brokerage.silos_strict
    cut = brokerage.articulation_points_without_ego

    def names(ids: Iterable[str]) -> str:
        return _e(", ".join(labels.get(i, i) for i in ids)) or _e(_tr("none"))

    silo_meaning = _tr("silos_but_me") if result.ego else _tr("silos")
    # Without me, no one is left out: the cut-points of the map as it is.
    cut_meaning = _tr("cut") if result.ego else _tr("cut_no_me")
    pages.text(
        f"<h2>{_e(_tr('whole_map'))}</h2><table width='100%' cellspacing='0'>"
        f"<tr><td width='34%'><b>{_e(_tr('silos_name'))}</b></td><td>{names(silos)}</td></tr>"
        f"<tr><td></td><td class='meaning'>{_e(silo_meaning)}</td></tr>"
        f"<tr><td><b>{_e(_tr('cut_name'))}</b></td><td>{names(cut)}</td></tr>"
        f"<tr><td></td><td class='meaning'>"
        f"{_e(cut_meaning)}</td></tr></table>"
    )


def _room(
    pages: Pages, doc: MapDocument, room: RoomAnalysis, labels: dict[str, str], hidden: bool
) -> None:
    """The room section of a room map: what ``commapper analyse`` says of the room
    (:func:`~commapper.workshop.room_analysis.room_report`), as headed lists and tables."""

    def label(node_id: str) -> str:
        return _e(labels.get(node_id, node_id))

    def listed(ids: Sequence[str]) -> str:
        shown = ", ".join(label(node_id) for node_id in ids[:TOP_ROOM])
        more = len(ids) - TOP_ROOM
        return shown + (" " + _e(_tr("and_more").format(n=more)) if more > 0 else "")

    n = len(room.participants)
    heading = _tr("room").format(n=n) if n != 1 else _tr("room_one")
    intro = _tr("room_intro") if hidden else _tr("room_intro_names")
    rows = "".join(
        f"<tr><td width='18%'>{entry.named_by} / {entry.members}</td>"
        f"<td>{label(entry.community)}</td></tr>"
        for entry in room.communities_most_shared[:TOP_ROOM]
    )
    pages.text(
        f"<h2>{_e(heading)}</h2><p class='small'>{_e(intro)}</p>"
        f"<h3>{_e(_tr('shared'))}</h3><p class='small'>{_e(_tr('shared_columns'))}</p>"
        f"<table width='100%' cellspacing='0'>{rows}</table>"
    )
    if room.sole_bridges:
        items = []
        for bridge in room.sole_bridges[:TOP_ROOM]:
            pairs = "; ".join(f"{label(a)} – {label(b)}" for a, b in bridge.pairs[:3])
            rest = len(bridge.pairs) - 3
            more = " " + _e(_tr("and_more").format(n=rest)) if rest > 0 else ""
            items.append(f"<b>{label(bridge.participant)}</b>: {pairs}{more}")
        pages.listed(
            f"<h3>{_e(_tr('bridges'))}</h3><p class='small'>{_e(_tr('bridges_meaning'))}</p>",
            items,
        )
    else:
        pages.text(f"<h3>{_e(_tr('bridges'))}</h3><p>{_e(_tr('no_bridges'))}</p>")
    if room.silos:
        items = [
            f"{listed(silo.communities)} <span class='meaning'>("
            + _e(_tr("belonging")).format(
                who=listed(silo.participants) if silo.participants else _e(_tr("no_participant"))
            )
            + ")</span>"
            for silo in room.silos[:TOP_ROOM]
        ]
        pages.listed(f"<h3>{_e(_tr('room_silos'))}</h3>", items)
    else:
        pages.text(f"<h3>{_e(_tr('silos_name'))}</h3><p>{_e(_tr('room_no_silos'))}</p>")
    if room.span.pairs:
        rows = "".join(
            f"<tr><td width='18%'>{pair.participants}</td>"
            f"<td>{label(pair.first)} – {label(pair.second)}</td></tr>"
            for pair in room.span.pairs[:TOP_ROOM]
        )
        pages.text(f"<h3>{_e(_tr('span'))}</h3><table width='100%' cellspacing='0'>{rows}</table>")
    order = {participant: index for index, participant in enumerate(room.participants)}
    ranked = sorted(room.breadth.items(), key=lambda item: (-item[1].n_communities, order[item[0]]))
    columns = "".join(f"<td><b>{_e(name)}</b></td>" for name in _tr("breadth_columns").split("|"))
    rows = "".join(
        f"<tr><td width='40%'>{label(participant)}</td><td>{figures.n_communities}</td>"
        f"<td>{figures.n_domains}</td><td>{figures.n_sectors}</td>"
        f"<td>{figures.reach2_communities}</td></tr>"
        for participant, figures in ranked
    )
    pages.text(
        f"<h3>{_e(_tr('room_breadth'))}</h3>"
        f"<table width='100%' cellspacing='0'><tr>{columns}</tr>{rows}</table>"
    )
