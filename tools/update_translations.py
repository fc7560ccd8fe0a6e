"""Extract the texts the windows show into resources/translations/commapper.ts, and compile the
translations Commapper loads.

    python3 -m uv run python tools/update_translations.py

Qt's lupdate reads every ``tr()``, ``QCoreApplication.translate()`` and ``QT_TRANSLATE_NOOP()``
in src/commapper/ui into ``commapper.ts`` (the template a translator starts from) and into each
``commapper_<lang>.ts`` beside it, keeping their translations; lrelease then compiles each of
those into the ``commapper_<lang>.qm`` the app loads (``commapper.ui.translations``).

English is the source language, so ``commapper_en.ts`` holds only the plural forms ("%n nodes" is
"1 node" or "2 nodes"). When a new text has a plural, this script lists it and exits with 1 until
its English forms are filled in (in Qt Linguist, or by hand in the file).

To add a language: copy ``commapper.ts`` to ``commapper_<lang>.ts`` (``de``, ``pt_BR``...),
translate it in Qt Linguist, and run this script again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "commapper" / "ui"
FOLDER = ROOT / "resources" / "translations"
TEMPLATE = FOLDER / "commapper.ts"
ENGLISH = FOLDER / "commapper_en.ts"
# Without source locations a moved line does not change the files; the texts say enough.
LUPDATE_OPTIONS = ("-extensions", "py", "-source-language", "en", "-locations", "none")


class Message(NamedTuple):
    """One text to translate, as a .ts file identifies it."""

    context: str
    source: str
    comment: str
    plural: bool


def tool(name: str) -> str:
    """The path of ``pyside6-<name>`` (lupdate, lrelease), which PySide6 installs.

    Raises
    ------
    FileNotFoundError
        If it is not installed beside this Python (or on the PATH).
    """
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or (
        shutil.which(f"pyside6-{name}")
    )
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} was not found: is PySide6 installed?")
    return found


def sources() -> list[Path]:
    """The Python files whose texts are extracted, in a fixed order."""
    return sorted(SOURCES.rglob("*.py"))


def lupdate(ts_files: list[Path], *options: str) -> None:
    """Extract the texts of :func:`sources` into ``ts_files``, dropping texts no longer used."""
    command = [tool("lupdate"), *map(str, sources()), *LUPDATE_OPTIONS, "-no-obsolete", *options]
    subprocess.run([*command, "-ts", *map(str, ts_files)], check=True, capture_output=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into ``qm_file``."""
    command = [tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, capture_output=True)


def messages(ts_file: Path) -> set[Message]:
    """Every text a .ts file holds."""
    found = set()
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.add(
                Message(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    message.get("numerus") == "yes",
                )
            )
    return found


def untranslated(ts_file: Path) -> list[Message]:
    """The texts of a .ts file still without a finished translation (each plural form given)."""
    missing = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                done = False
            elif message.get("numerus") == "yes":
                done = bool(forms) and all((form.text or "").strip() for form in forms)
            else:
                done = bool((translation.text or "").strip())
            if not done:
                missing.append(
                    Message(
                        context.findtext("name") or "",
                        message.findtext("source") or "",
                        message.findtext("comment") or "",
                        message.get("numerus") == "yes",
                    )
                )
    return missing


def languages() -> list[Path]:
    """The translations into other languages than the source's, ``commapper_<lang>.ts``."""
    return sorted(path for path in FOLDER.glob("commapper_*.ts") if path != ENGLISH)


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    lupdate([TEMPLATE, *languages()])
    lupdate([ENGLISH], "-pluralonly", "-target-language", "en")
    for ts_file in [ENGLISH, *languages()]:
        lrelease(ts_file, ts_file.with_suffix(".qm"))
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(messages(TEMPLATE))} texts")
    for ts_file in [ENGLISH, *languages()]:
        missing = untranslated(ts_file)
        print(f"{ts_file.relative_to(ROOT)}: {len(missing)} untranslated")
    missing_english = untranslated(ENGLISH)
    for message in missing_english:
        print(f"  English plural forms needed: {message.context}: {message.source!r}")
    return 1 if missing_english else 0


if __name__ == "__main__":
    sys.exit(main())
