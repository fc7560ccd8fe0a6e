"""What `commapper` prints, run in-process: user text never reaches the terminal as control
codes, and --without finds a node by its label."""

from __future__ import annotations

import json

import pytest

from commapper import cli
from commapper.io import load_map, save_map
from commapper.model import CommunityNode, MapDocument, MembershipEdge, MeNode, PersonNode

# What a hostile label might hold: an escape that clears the screen and retitles the terminal,
# a forged report line, a C1 control sequence introducer and a right-to-left override.
HOSTILE = "Ana\x1b[2J\x1b]0;owned\x07\r\n  - You are fired.\x9b31m\u202eevil"
UNSAFE = ("\x1b", "\x07", "\r", "\x9b", "\u202e")


def hostile_map(tmp_path, label: str = HOSTILE):
    doc = MapDocument.new(f"Title {HOSTILE}")
    doc.nodes = [
        MeNode(id="me", label="Me"),
        CommunityNode(id="c1", label=f"Nurses {HOSTILE}"),
        CommunityNode(id="c2", label="IT"),
        PersonNode(id="p1", label=label),
    ]
    doc.edges = [
        MembershipEdge(id="m1", source="me", target="c1", level="core"),
        MembershipEdge(id="m2", source="p1", target="c1", level="core"),
        MembershipEdge(id="m3", source="p1", target="c2", level="core"),
    ]
    doc.reindex()
    path = tmp_path / "hostile.commap"
    save_map(doc, path)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("extra", [[], ["--without", "p1"]])
def test_the_report_escapes_control_and_bidi_characters(tmp_path, capsys, extra):
    status, out, _ = run(capsys, "analyse", str(hostile_map(tmp_path)), *extra)
    assert status == 0
    assert not any(char in out for char in UNSAFE)
    assert "\\x1b[2J" in out  # shown, harmlessly
    # The forged line stays inside the line of the label that holds it.
    assert not any(line.startswith("  - You are fired") for line in out.splitlines())


def test_json_output_escapes_what_json_leaves_raw_and_reads_back_the_same(tmp_path, capsys):
    path = hostile_map(tmp_path)
    status, out, _ = run(capsys, "analyse", str(path), "--json")
    assert status == 0 and not any(char in out for char in UNSAFE)
    assert json.loads(out)["map"]["title"] == f"Title {HOSTILE}"


def test_a_file_name_cannot_reach_the_terminal_as_control_codes(tmp_path, capsys):
    path = tmp_path / "evil\x1b]0;owned\x07.commap"
    path.write_text("{}")
    status, out, err = run(capsys, "validate", str(path))
    assert status == 1 and out and not any(char in out + err for char in UNSAFE)
    status, out, err = run(capsys, "analyse", str(path))
    assert status == 1 and err and not any(char in out + err for char in UNSAFE)


def test_without_takes_a_label(tmp_path, capsys):
    status, out, _ = run(capsys, "analyse", str(hostile_map(tmp_path, "Ana")), "--without", "Ana")
    assert status == 0 and "Where would you be without Ana?" in out


def test_without_asks_which_when_a_label_is_shared(tmp_path, capsys):
    path = hostile_map(tmp_path, "Ana")
    doc = load_map(path)
    doc.nodes.append(PersonNode(id="p2", label="Ana"))
    doc.reindex()
    save_map(doc, path)
    status, out, err = run(capsys, "analyse", str(path), "--without", "Ana")
    assert status == 2 and not out
    assert '2 nodes are called "Ana": p1 (person), p2 (person)' in err
    status, _, err = run(capsys, "analyse", str(path), "--without", "Nobody")
    assert status == 2 and 'no node has the id or label "Nobody"' in err


def test_python_m_commapper_prints_the_version():
    import subprocess
    import sys

    from commapper import __version__

    result = subprocess.run(
        [sys.executable, "-m", "commapper", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.strip() == f"Commapper {__version__}"
