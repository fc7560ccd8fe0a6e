"""Translations: the committed .ts files hold every text the windows show, the texts really go
through Qt's translators when shown, and the app loads a translation for the user's language."""

from __future__ import annotations

import shutil

import PySide6
import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QLabel, QMenu

from commapper.model import NodeKind
from commapper.resources import TRANSLATIONS_DIR
from commapper.ui.translations import install_translations, remove_translations
from tools.update_translations import (
    ENGLISH,
    TEMPLATE,
    lrelease,
    lupdate,
    messages,
    tool,
    untranslated,
)

REGENERATE = "run: python3 -m uv run python tools/update_translations.py"


def _has(name: str) -> bool:
    try:
        tool(name)
    except FileNotFoundError:
        return False
    return True


# The template is made with the lupdate of PySide6 6.9 or newer; older ones (the 6.7 floor, in
# CI's lowest-versions run) extract some texts differently, so the comparison would only
# measure the tool.
_LUPDATE_AS_COMMITTED = tuple(int(part) for part in PySide6.__version__.split(".")[:2]) >= (6, 9)
needs_lupdate = pytest.mark.skipif(
    not (_has("lupdate") and _LUPDATE_AS_COMMITTED),
    reason="pyside6-lupdate 6.9 or newer is not installed",
)
needs_lrelease = pytest.mark.skipif(
    not _has("lrelease"), reason="pyside6-lrelease is not installed"
)


class MarkingTranslator(QTranslator):
    """Shows every text the committed template holds as «text»; any other stays as it is.

    A text shown unmarked did not go through tr(), or went through it under a context (or with
    a disambiguation) the template does not have, where a real translation would not be found
    either."""

    def __init__(self) -> None:
        super().__init__()
        self.known = {(m.context, m.source, m.comment) for m in messages(TEMPLATE)}

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        if (context, source, disambiguation or "") in self.known:
            return f"«{source}»"
        return None


@pytest.fixture
def marking(qapp):
    translator = MarkingTranslator()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def own_translations(qapp):
    """The app's translators are taken away for the test and put back after it."""
    remove_translations(qapp)
    yield
    remove_translations(qapp)
    install_translations(qapp)


# -- the committed files ---------------------------------------------------------------------


@needs_lupdate
def test_the_committed_template_holds_every_text_the_windows_show(tmp_path):
    fresh = tmp_path / "commapper.ts"
    lupdate([fresh])
    extracted, committed = messages(fresh), messages(TEMPLATE)
    assert extracted, "lupdate found no texts"
    assert not extracted - committed, f"texts missing from {TEMPLATE.name}: {REGENERATE}"
    assert not committed - extracted, f"texts no longer used in {TEMPLATE.name}: {REGENERATE}"


def test_english_gives_both_forms_of_every_plural():
    plurals = {m for m in messages(TEMPLATE) if m.plural}
    assert plurals, "no text of the template has a plural"
    assert messages(ENGLISH) == plurals, REGENERATE
    assert untranslated(ENGLISH) == [], f"fill in the English forms in {ENGLISH.name}"


@needs_lrelease
def test_the_committed_english_plurals_are_compiled(tmp_path):
    compiled = tmp_path / "commapper_en.qm"
    lrelease(ENGLISH, compiled)
    assert compiled.read_bytes() == ENGLISH.with_suffix(".qm").read_bytes(), REGENERATE


def test_english_plurals_are_loaded_with_the_app(make_window):
    window = make_window()
    communities = [node.id for node in window.session.doc.nodes if node.kind == NodeKind.COMMUNITY]
    window.session.selection.set(communities[:1])
    window.actions_.set_pinned(True)
    assert window.session.undo_stack.undoText() == "Pin 1 node"  # not "1 nodes"
    window.session.selection.set(communities[:2])
    window.actions_.set_pinned(False)
    assert window.session.undo_stack.undoText() == "Unpin 1 node"  # one of them was pinned
    assert window.inspector.heading.text() == "2 communities selected"


# -- texts go through tr() when shown --------------------------------------------------------


def _marked(text: str) -> bool:
    return text.startswith("«") and text.endswith("»")


def test_the_main_window_shows_its_texts_through_tr(marking, make_window):
    window = make_window()
    # The menus as the window's children: some PySide6 releases before 6.11.3 hand back a
    # wrapper from QAction.menu() that is already deleted.
    bar = window.menuBar()
    menus = [
        menu
        for menu in bar.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if menu.menuAction() in bar.actions()  # not the bar's own overflow menu
    ]
    titles = [menu.title() for menu in menus]
    assert titles and all(_marked(title) for title in titles), titles
    assert "«&File»" in titles
    # Every entry, submenus and dock toggles included; Undo and Redo are named by Qt itself
    # ("Undo %1", in Qt's own translations).
    entries = [
        action
        for menu in menus
        for action in menu.actions()
        if not action.isSeparator() and action not in (window.undo_action, window.redo_action)
    ]
    assert [action.text() for action in entries if not _marked(action.text())] == []
    tips = [action.statusTip() for action in entries if action.statusTip()]
    assert tips and all(_marked(tip) for tip in tips), tips
    for action in window.toolbar.actions():
        assert action.isSeparator() or _marked(action.text()), action.text()
        assert action.isSeparator() or not action.statusTip() or _marked(action.statusTip())
    for dock in (window.inspector_dock, window.history_dock, window.analysis_dock,
                 window.tables_dock):  # fmt: skip
        assert _marked(dock.windowTitle())
    # A plural: "%n communities" with n given, in the status bar.
    assert window.counts_label.text().startswith("«12 communities» · «")
    assert window.windowTitle().startswith("«")


def test_the_panels_show_their_texts_through_tr(marking, make_window):
    window = make_window()
    assert window.inspector.heading.text() == "«Map»"
    model = window.tables.node_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert all(_marked(header) for header in headers), headers
    assert _marked(window.tables.tabs.tabText(0))
    assert _marked(window.analysis.findings.parentWidget().title())
    names = [label.text() for label in window.analysis.breadth.findChildren(QLabel)]
    assert "«Communities»" in names and "«Sectors»" in names  # figure names, from a table
    window.session.selection.set(["c1"])
    # "{kind}: {name}", its kind's name translated from a table too.
    assert window.inspector.heading.text().startswith("««Community»: ")


def test_an_edit_names_its_undo_step_through_tr(marking, make_window):
    window = make_window()
    window.session.selection.set(["c1", "c2"])
    window.actions_.delete_selection()
    assert window.session.undo_stack.undoText() == "«Delete 2 items»"


# -- the user's language ---------------------------------------------------------------------


FRENCH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message numerus="yes">
        <source>%n communities</source>
        <translation>
            <numerusform>%n communauté</numerusform>
            <numerusform>%n communautés</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


@needs_lrelease
def test_the_translation_of_the_users_language_is_loaded(qapp, own_translations, tmp_path,
                                                         make_window):  # fmt: skip
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(TRANSLATIONS_DIR / "commapper_en.qm", folder)
    (folder / "commapper_fr.ts").write_text(FRENCH_TS, encoding="utf-8")
    lrelease(folder / "commapper_fr.ts", folder / "commapper_fr.qm")

    loaded = install_translations(qapp, QLocale(QLocale.Language.French, QLocale.Country.France),
                                  folder)  # fmt: skip
    assert loaded == [folder / "commapper_en.qm", folder / "commapper_fr.qm"]
    window = make_window()
    menus = [action.menu().title() for action in window.menuBar().actions()]
    assert menus[:2] == ["&Fichier", "&Edit"]  # what is not translated yet stays English
    assert window.counts_label.text().startswith("12 communautés · ")


def test_no_translation_is_loaded_for_a_language_without_one(qapp, own_translations, tmp_path):
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(TRANSLATIONS_DIR / "commapper_en.qm", folder)
    loaded = install_translations(qapp, QLocale(QLocale.Language.Japanese), folder)
    assert loaded == [folder / "commapper_en.qm"]
    # Installed once: making the application again does not add them twice.
    assert install_translations(qapp, QLocale(QLocale.Language.Japanese), folder) == []


def test_the_what_if_names_every_headline_figure(session):
    from commapper.analysis.analyse import analyse
    from commapper.analysis.whatif import headline_figures
    from commapper.ui.panels.whatif_view import FIGURE_NAMES

    assert set(headline_figures(analyse(session.doc))) == set(FIGURE_NAMES)
