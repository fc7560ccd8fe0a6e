"""The window gives the map most of its room, keeps the map fitted while it changes size, and
comes back as the user left it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _area(widget):
    return widget.width() * widget.height()


def test_the_map_has_most_of_a_1280_by_820_window(make_window, qtbot):
    window = make_window()
    window.resize(1280, 820)
    qtbot.waitUntil(lambda: window.width() == 1280)
    QApplication.processEvents()
    assert _area(window.view.viewport()) >= 0.5 * _area(window)
    assert window.tables_dock.isHidden()  # one click away, on the toolbar
    assert window.tables_dock.toggleViewAction() in window.toolbar.actions()
    # The panels are all still there: Inspector in front, Analysis and History a tab away.
    tabs = {dock.windowTitle() for dock in window.tabifiedDockWidgets(window.inspector_dock)}
    assert {"Analysis", "History"} <= tabs | {window.analysis_dock.windowTitle()}
    assert not window.inspector_dock.visibleRegion().isEmpty()


def test_the_map_stays_fitted_as_the_window_changes_until_the_user_zooms(make_window, qtbot):
    window = make_window()
    view = window.view
    qtbot.waitUntil(lambda: view.keeps_fitting)
    window.resize(900, 600)
    qtbot.waitUntil(lambda: view.viewport().width() < 700)
    small = view.zoom
    window.tables_dock.show()  # the dock takes room from the map: fitted again
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: view.zoom > small)
    assert (
        view.mapToScene(view.viewport().rect()).boundingRect().contains(window.scene.nodes_rect())
    )
    view.zoom_in()
    zoomed = view.zoom
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: window.width() == 1000)
    QApplication.processEvents()
    assert view.zoom == zoomed  # the user's zoom is kept
    view.fit_to_window()  # until they fit again
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: view.zoom != zoomed)


def test_size_docks_and_their_places_are_remembered_between_runs(make_window, qtbot):
    window = make_window()
    # Smaller than the test screen (800 by 600): a remembered size is fitted to the screen.
    window.resize(760, 560)
    window.tables_dock.show()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.history_dock)
    qtbot.waitUntil(lambda: window.width() == 760)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # pytest-qt closes it too
    window.close()  # saves the layout

    again = make_window()
    qtbot.waitUntil(lambda: again.width() == 760)
    assert again.height() == 560
    assert not again.tables_dock.isHidden()
    assert again.dockWidgetArea(again.history_dock) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_the_welcome_screen_does_not_open_the_closed_table(make_window, qtbot):
    window = make_window(None, show_welcome=True)
    assert window.inspector_dock.isHidden()
    assert not window.tables_dock.toggleViewAction().isEnabled()  # no map, no table of one
    window.show_map()
    assert not window.inspector_dock.isHidden()
    assert window.tables_dock.toggleViewAction().isEnabled()
    assert window.tables_dock.isHidden()


def test_a_what_if_brings_the_analysis_tab_to_the_front(make_window, qtbot):
    window = make_window()
    window.inspector_dock.raise_()
    qtbot.waitUntil(lambda: window.analysis_dock.visibleRegion().isEmpty())
    menu = window.actions_.context_menu(window.view.mapToScene(0, 0), "c1")
    what_if = next(a for a in menu.actions() if a.text() == "Where would I be without this?")
    what_if.trigger()
    qtbot.waitUntil(lambda: not window.analysis_dock.visibleRegion().isEmpty())
    assert window.analysis.what_if_node == "c1"


def test_fitting_shows_the_landscape_guides_whole(make_window, qtbot):
    window = make_window()
    window.actions_.landscape.trigger()
    window.actions_.finish_animation()
    qtbot.waitUntil(lambda: window.guides.shown and not window.guides.item.boundingRect().isEmpty())
    window.view.fit_to_window()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.guides.item.sceneBoundingRect())


def test_a_new_window_fits_a_screen_smaller_than_1280_by_820(commapper_app, qtbot):
    """The test screen is 800 by 600: a window taller than a 1280x720 laptop's screen hid its
    status bar and the panels' lower buttons."""
    from PySide6.QtGui import QGuiApplication

    room = QGuiApplication.primaryScreen().availableGeometry()
    assert room.width() < 1280 or room.height() < 820
    window = commapper_app.new_window()
    qtbot.addWidget(window)
    assert window.width() <= room.width() and window.height() <= room.height()
