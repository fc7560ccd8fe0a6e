"""``commapper report``: the real command in a subprocess, its PDF read back with poppler."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from commapper.analysis.analyse import analyse
from commapper.io import load_map, save_map
from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.panels.analysis_figures import BREADTH, BROKERAGE, figure_text
from tests.ui.export.reading import (
    needs_poppler,
    pdf_fonts,
    pdf_info,
    pdf_pages,
    pdf_text,
    words,
)

pytestmark = needs_poppler


def report(*args: str) -> subprocess.CompletedProcess[str]:
    # No display and no platform chosen: the command must draw offscreen by itself.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "commapper.cli", "report", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,  # a busy machine: the command itself takes 2-4 s
    )


@pytest.fixture(scope="module")
def a4(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.pdf"
    run = report(str(DEFAULT_EXAMPLE), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert "report written to" in run.stdout
    return out


def test_the_report_holds_the_title_labels_figures_and_findings_as_text(a4):
    doc = load_map(DEFAULT_EXAMPLE)
    result = analyse(doc)
    text = pdf_text(a4)
    assert doc.title in text
    assert words(doc.description) in text
    for node in doc.nodes:  # on the map
        assert node.label in text
    for figure in (*BREADTH, *BROKERAGE):
        assert figure.name in text
        assert words(figure.meaning) in text
        assert words(figure_text(figure.value(result, "all_levels"))) in text
    assert result.findings
    for finding in result.findings:
        assert words(finding.text) in text
    top = max(result.brokerage.nodes.items(), key=lambda item: item[1].betweenness)
    assert f"{doc.node(top[0]).label} me {top[1].betweenness:.3f}" in text
    assert "Wenger, E. (2000). Communities of practice and social learning systems." in text
    assert "Burt, R. S. (1992)" in text


def test_the_report_is_a4_with_its_fonts_embedded(a4):
    info = pdf_info(a4)
    assert "(A4)" in info["Page size"]
    assert int(info["Pages"]) >= 2
    fonts = pdf_fonts(a4)
    assert fonts and all(fonts.values())


def test_the_report_on_letter_paper(tmp_path):
    out = tmp_path / "letter.pdf"
    run = report(str(DEFAULT_EXAMPLE), "-o", str(out), "--page", "letter")
    assert run.returncode == 0, run.stderr
    assert "612 x 792 pts (letter)" in pdf_info(out)["Page size"]


def test_a_map_without_me_says_there_are_no_personal_figures(tmp_path):
    data = json.loads(DEFAULT_EXAMPLE.read_text())
    data["nodes"] = [node for node in data["nodes"] if node["kind"] != "me"]
    ids = {node["id"] for node in data["nodes"]}
    data["edges"] = [e for e in data["edges"] if e["source"] in ids and e["target"] in ids]
    for edge in data["edges"]:
        if "via" in edge:
            edge["via"] = [i for i in edge["via"] if i in ids]
    data["views"] = []
    source = tmp_path / "no-me.commap"
    source.write_text(json.dumps(data))
    out = tmp_path / "no-me.pdf"
    run = report(str(source), "-o", str(out))
    assert run.returncode == 0, run.stderr
    text = pdf_text(out)
    assert 'This map has no "me" node' in text
    assert BREADTH[0].meaning not in text
    for finding in analyse(load_map(source)).findings:
        assert words(finding.text) in text


def test_a_broken_map_or_unwritable_output_is_one_clear_line(tmp_path):
    broken = tmp_path / "broken.commap"
    broken.write_text("{not json")
    run = report(str(broken), "-o", str(tmp_path / "out.pdf"))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "broken.commap" in run.stderr
    blocker = tmp_path / "file.txt"
    blocker.write_text("")
    run = report(str(DEFAULT_EXAMPLE), "-o", str(blocker / "out.pdf"))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().endswith("file.txt/out.pdf: Not a directory")
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_bad_page_size_is_a_usage_error(tmp_path):
    run = report(str(DEFAULT_EXAMPLE), "-o", str(tmp_path / "out.pdf"), "--page", "a3")
    assert run.returncode == 2
    assert "invalid choice: 'a3'" in run.stderr


def test_user_text_is_shown_as_typed_and_a_long_description_flows_over_pages(tmp_path):
    data = json.loads(DEFAULT_EXAMPLE.read_text())
    data["title"] = '<b>Bold</b> & "quoted"'
    data["nodes"][1]["label"] = "<i>Nurse</i> & educators"
    paragraph = "A description that goes on and on. " * 40
    data["description"] = "\n\n".join(f"{n}. {paragraph}" for n in range(40))
    source = tmp_path / "typed.commap"
    source.write_text(json.dumps(data))
    out = tmp_path / "typed.pdf"
    run = report(str(source), "-o", str(out))
    assert run.returncode == 0, run.stderr
    text = pdf_text(out)
    assert '<b>Bold</b> & "quoted"' in text  # markup as typed, never read as markup
    assert "<i>Nurse</i> & educators" in text
    assert int(pdf_info(out)["Pages"]) > 8
    first_page = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True
    ).stdout
    assert "0. A description that goes on" in first_page  # right under the title
    assert "39. A description that goes on" in text


def test_what_stands_out_is_on_one_page_with_its_heading(a4):
    findings = analyse(load_map(DEFAULT_EXAMPLE)).findings
    pages = [page for page in pdf_pages(a4) if "What stands out" in page]
    assert len(pages) == 1
    assert all(words(finding.text) in pages[0] for finding in findings)
    # The map has me: its cut-points are those once I am left out.
    assert "nodes whose removal cuts the map apart, once I am left out" in pdf_text(a4)


def test_a_map_without_me_has_no_words_about_me_in_the_whole_map(tmp_path):
    doc = load_map(DEFAULT_EXAMPLE)
    doc.nodes = [node for node in doc.nodes if node.kind != "me"]
    ids = {node.id for node in doc.nodes}
    doc.edges = [e for e in doc.edges if e.source in ids and e.target in ids]
    doc.edges = [
        dataclasses.replace(e, via=tuple(i for i in e.via if i in ids)) if hasattr(e, "via") else e
        for e in doc.edges
    ]
    doc.views = []
    doc.reindex()
    source = tmp_path / "no-me.commap"
    save_map(doc, source)
    out = tmp_path / "no-me.pdf"
    assert report(str(source), "-o", str(out)).returncode == 0
    text = pdf_text(out)
    assert "nodes whose removal cuts the map apart" in text
    assert "I am left out" not in text


def test_a_room_map_report_has_the_room_and_hides_names_unless_told(tmp_path):
    from commapper.io.safe_copy import names_in
    from commapper.workshop.room_analysis import analyse_room
    from tests.io.test_safe_copy import room_map

    room = room_map()
    source = tmp_path / "room.commap"
    save_map(room, source)
    hidden = tmp_path / "hidden.pdf"
    run = report(str(source), "-o", str(hidden))
    assert run.returncode == 0, run.stderr
    text = pdf_text(hidden)
    assert names_in(room, text.encode()) == []
    assert "The room: 3 participants" in text and "People's names are hidden" in text
    for heading in ("Communities most shared", "Only bridges", "Silos",
                    "Communities spanned together", "Each participant's breadth"):  # fmt: skip
        assert heading in text
    assert "Person 1" in text and "Person 3" in text
    assert "2 / 2 Open data" in text and "Open data – Health" in text
    shown = tmp_path / "shown.pdf"
    assert report(str(source), "-o", str(shown), "--names", "shown").returncode == 0
    text = pdf_text(shown)
    assert "The room: 3 participants" in text and "People's names are hidden" not in text
    # The breadth table, broadest first, as commapper analyse lists it.
    analysis = analyse_room(room)
    broadest = max(analysis.breadth, key=lambda p: analysis.breadth[p].n_communities)
    assert f"{room.node(broadest).label} 2 0 0 2" in text
    assert "José García" in text
