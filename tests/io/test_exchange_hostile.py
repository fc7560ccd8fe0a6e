"""Hostile and broken files of every exchange format: a clear MapFileError, never a traceback,
and nothing expanded or fetched (benchmarks/bench_exchange.py times the refusal of a bomb)."""

import json

import pytest

from commapper.io import MapFileError
from commapper.io.exchange import read_exchange

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{level} "{("&lol" + (str(level - 1) if level > 1 else "") + ";") * 10}">\n'
        for level in range(1, 10)
    )
    + "]>\n<{root}>&lol9;</{root}>\n"
)
EXTERNAL = (
    '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    '<{root}><graph><node id="&secret;"/></graph></{root}>\n'
)
PARAMETER = (
    '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd">'
    " %remote;]>\n<{root}/>\n"
)
XML_ROOTS = {"graphml": "graphml", "gexf": "gexf"}


def refused(tmp_path, name: str, content: str | bytes, fmt: str | None = None) -> str:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    with pytest.raises(MapFileError) as caught:
        read_exchange(path, fmt)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize("fmt", list(XML_ROOTS))
def test_entity_bomb_is_refused_unexpanded(tmp_path, fmt):
    bomb = BILLION_LAUGHS.format(root=XML_ROOTS[fmt])
    assert "entity bomb" in refused(tmp_path, f"bomb.{fmt}", bomb)


@pytest.mark.parametrize("fmt", list(XML_ROOTS))
def test_external_entity_is_refused_unread(tmp_path, fmt):
    message = refused(tmp_path, f"external.{fmt}", EXTERNAL.format(root=XML_ROOTS[fmt]))
    assert "external entity" in message and "root:" not in message


@pytest.mark.parametrize("fmt", list(XML_ROOTS))
def test_external_dtd_is_refused(tmp_path, fmt):
    refused(tmp_path, f"dtd.{fmt}", PARAMETER.format(root=XML_ROOTS[fmt]))


def graphml(body: str, keys: str = "") -> str:
    return (
        f'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">{keys}'
        f'<graph edgedefault="undirected">{body}</graph></graphml>'
    )


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "empty"),
        ("<graphml><graph><node id='a'></graph>", "not well-formed XML (line 1"),
        ("\x00\x01binary", "not well-formed"),
        ("<svg/>", "not a GraphML file"),
        ("<graphml/>", "no <graph>"),
        (graphml("<node/>"), "a node has no id"),
        (graphml("<node id='a'/><edge source='a'/>"), "source and a target"),
        (graphml("<node id='a'/><edge source='a' target='zz'/>"), '"zz", which is no node'),
        (graphml("<node id='a'/><node id='a'/>"), 'two nodes have the id "a"'),
        (
            graphml(
                "<node id='a'><data key='n'>" + "x" * 100_001 + "</data></node>",
                "<key id='n' for='node' attr.name='notes' attr.type='string'/>",
            ),
            "node 'a'.notes: is too long: at most 100,000 characters",
        ),
        (graphml("<node id='a'/><node id='b'/><edge source='a' target='a'/>"), None),
    ],
)
def test_broken_graphml(tmp_path, content, words):
    if words is None:  # only loops: not broken, the loops are left out
        assert read_exchange(_written(tmp_path, "loops.graphml", content)) is not None
        return
    message = refused(tmp_path, "broken.graphml", content)
    assert words in message


def _written(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_duplicate_ids_in_graphml_say_so(tmp_path):
    message = refused(
        tmp_path, "dup.graphml", graphml("<node id='a'/><node id='b'/><node id='a'/>")
    )
    assert "node 'a'" in message


def test_too_many_nodes_are_refused_before_any_is_built(tmp_path):
    message = refused(tmp_path, "huge.graphml", graphml("<node id='a'/>" * 200_001))
    assert "200,001 nodes" in message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("<gexf/>", "no <graph>"),
        ("<gexf><graph><nodes><node/></nodes></graph></gexf>", "a node has no id"),
        (
            "<gexf><graph><nodes><node id='a'/></nodes><edges><edge source='a' target='b'/>"
            "</edges></graph></gexf>",
            '"b", which is no node',
        ),
        ("<graphml/>", "not a GEXF file"),
        ("<gexf><graph", "ends too early" if False else "not well-formed"),
    ],
)
def test_broken_gexf(tmp_path, content, words):
    assert words in refused(tmp_path, "broken.gexf", content)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"\xff\xfe{", "not UTF-8"),
        (b"{", "not valid JSON"),
        (b"[]", "not Kumu JSON"),
        (b'{"title": "x"}', "neither"),
        (b'{"elements": {}}', "not Kumu JSON"),
        (b'{"elements": [], "connections": 3}', "must be a list"),
        (b'{"elements": [3]}', "must be an object"),
        (b'{"elements": [{}]}', "an id or a label"),
        (b'{"elements": [{"label": "a"}], "connections": [{"from": "a"}]}', '"to"'),
        (b'{"elements": [{"label": NaN}]}', "NaN"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"elements": [{"label": "a", "x": 1e999}]}', None),
    ],
)
def test_broken_kumu(tmp_path, content, words):
    if words is None:  # an infinite x is no position: it is kept as text
        path = tmp_path / "big.json"
        path.write_bytes(content)
        assert read_exchange(path).nodes[0].attributes == {"x": "inf"}
        return
    assert words in refused(tmp_path, "broken.json", content)


@pytest.mark.parametrize(
    ("nodes", "edges", "words"),
    [
        (b"\xffId\n", None, "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", None, "not UTF-8"),
        (b"Name,Age\nAna,3\n", None, "an Id or a Label column"),
        (b"Id,Label\n,\n", None, "neither an id nor a label"),
        (b"Id\na\n", b"Source,Weight\na,1\n", "Source and Target"),
        (b"Id\na\n", b"Source,Target\na,\n", "no target"),
        (b'Id,Notes\na,"' + b"x" * 100_002 + b'"\n', None, "more than 100,000 characters"),
        # An unclosed quote would make the rest of the file one cell: refused, by its line.
        (b'Id,Label\na,"unclosed\n', None, 'line 2: a quote (") opened in this row is never'),
        (b'Id,Label\na,A\nb,"B\nc,C\nd,D\n', None, "line 3: a quote"),
        (b"Id\na\n", b'Source,Target\r\na,"b\r\n', "line 2: a quote"),
        (b'Id,Label\na,"A\n""two"" lines"\nb,"B"""\n', None, None),  # closed: read
    ],
)
def test_broken_tables(tmp_path, nodes, edges, words):
    (tmp_path / "m.nodes.csv").write_bytes(nodes)
    if edges is not None:
        (tmp_path / "m.edges.csv").write_bytes(edges)
    if words is None:  # quotes that close, around lines and quotes, are read as cells
        doc = read_exchange(tmp_path / "m.csv")
        assert [node.label for node in doc.nodes] == ['A\n"two" lines', 'B"']
        return
    with pytest.raises(MapFileError) as caught:
        read_exchange(tmp_path / "m.csv")
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_missing_tables_say_which_files_were_looked_for(tmp_path):
    with pytest.raises(MapFileError, match=r"m\.nodes\.csv nor m\.edges\.csv"):
        read_exchange(tmp_path / "m.csv")


@pytest.mark.parametrize("name", ["a.graphml", "a.gexf", "a.json", "a.commap"])
def test_a_folder_or_a_missing_file_is_said_plainly(tmp_path, name):
    with pytest.raises(MapFileError, match="does not exist"):
        read_exchange(tmp_path / name)
    (tmp_path / "folder.graphml").mkdir()
    with pytest.raises(MapFileError, match="folder"):
        read_exchange(tmp_path / "folder.graphml")


def test_our_own_file_with_a_broken_value_keeps_it_as_an_attribute(tmp_path):
    """A value a map does not allow (a date that is no date) is kept, not lost, and said."""
    from commapper.io.exchange import import_exchange

    path = _written(
        tmp_path,
        "m.json",
        json.dumps({"elements": [{"id": "a", "type": "me"}, {"id": "c", "type": "community"}],
                    "connections": [{"from": "a", "to": "c", "type": "membership",
                                     "level": "core", "since": "last spring"}]}),
    )  # fmt: skip
    imported = import_exchange(path)
    (membership,) = imported.document.edges
    assert membership.since is None and membership.attributes == {"since": "last spring"}
    assert any('"since"' in note for note in imported.notes)


def test_half_a_surrogate_pair_never_reaches_the_map(tmp_path):
    """JSON can escape half of a surrogate pair, which no file can hold; the title is left out
    and said, a label refused. A forged escape in XML stays as it was written."""
    from commapper.io.exchange import import_exchange

    path = _written(
        tmp_path, "m.json", '{"elements": [{"id": "a"}], "commapper": {"title": "\\ud800"}}'
    )
    imported = import_exchange(path)
    assert imported.document.title == "" and any("title" in note for note in imported.notes)
    refused(tmp_path, "label.json", '{"elements": [{"id": "a", "label": "x\\udfff"}]}')
    forged = graphml(
        "<node id='a'><data key='l'>\ue000d800</data></node>",
        "<key id='l' for='node' attr.name='label' attr.type='string'/>",
    )
    assert read_exchange(_written(tmp_path, "f.graphml", forged)).nodes[0].label == "\ue000d800"
