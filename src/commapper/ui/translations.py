"""The app in the user's language: Qt translators for Commapper's own texts and for Qt's dialogs.

Every text the windows show goes through Qt's ``tr()`` (or ``QCoreApplication.translate``), so a
translator installed here changes them all. ``resources/translations/commapper.ts`` lists those
texts; ``tools/update_translations.py`` regenerates it and compiles each ``commapper_<lang>.ts``
into the ``.qm`` file loaded here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from commapper.resources import TRANSLATIONS_DIR

TRANSLATION_NAME = "commapper"
# English is the language of the source texts. Its translation holds only their plural forms
# ("%n communities" is "1 community" or "2 communities"), which every other language falls back
# on for a text it does not translate.
SOURCE_LANGUAGE = "en"
_OWN = "commapper-translator"  # the objectName of the translators installed here


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    """Mark ``source_text`` for lupdate (which finds this name) in ``context``; it is returned
    as it is, to be translated where it is shown. Qt's own is typed as taking and returning any
    object, which hides a text from the type checker."""
    return source_text


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path = TRANSLATIONS_DIR
) -> list[Path]:
    """Install the translations for ``locale`` (the user's by default) on ``app``, once.

    The English plural forms always; then, when ``folder`` holds ``commapper_<lang>.qm`` for one
    of the locale's languages, that and Qt's own translation of its dialogs (buttons such as
    Cancel). Returns the files of Commapper's that were loaded.
    """
    if app.findChild(QTranslator, _OWN) is not None:
        return []
    locale = locale if locale is not None else QLocale()
    loaded: list[Path] = []
    english = folder / f"{TRANSLATION_NAME}_{SOURCE_LANGUAGE}.qm"
    if _install(app, english):
        loaded.append(english)
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return loaded
    # Installed last, searched first: the user's language wins over the English plurals.
    translator = QTranslator(app)
    if translator.load(locale, TRANSLATION_NAME, "_", str(folder)):
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_translator = QTranslator(app)
        if qt_translator.load(locale, "qtbase", "_", qt_folder):
            qt_translator.setObjectName(_OWN)
            app.installTranslator(qt_translator)
        translator.setObjectName(_OWN)
        app.installTranslator(translator)
        loaded.append(Path(translator.filePath()))
    else:
        translator.deleteLater()
    return loaded


def remove_translations(app: QCoreApplication) -> None:
    """Remove what :func:`install_translations` installed (tests, a change of language)."""
    for translator in app.findChildren(QTranslator, _OWN):
        app.removeTranslator(translator)
        translator.setParent(None)  # then Python frees it


def _install(app: QCoreApplication, path: Path) -> bool:
    translator = QTranslator(app)
    if not translator.load(str(path)):
        translator.deleteLater()
        return False
    translator.setObjectName(_OWN)
    app.installTranslator(translator)
    return True
