"""The graph page is self-contained and shows article text as text."""
from __future__ import annotations

import json
import re

from dashboard import export
from dashboard.graph import graph_html, plain
from dashboard.links import ViewState, click_templates

HOSTILE = [
    {"id": "organization:brigade", "label": "The <img src=x onerror=alert(1)> Brigade", "type": "Organization"},
    {"id": "person:khan", "label": "Ahmed </script><script>alert(1)</script> Khan", "type": "Person",
     "title": 'see <a href="javascript:alert(1)">HREF</a>'},
    {"id": "location:kandahar", "label": "Kandahar", "type": "Location", "mentionCount": 3},
]
EDGES = [
    {"source": "person:khan", "target": "organization:brigade", "type": "LEADS", "docCount": 1,
     "evidence": ['Khan </script><script>alert(2)</script> leads <a href="x">it</a>'], "evidenceDocIds": ["d1"]},
    {"source": "organization:brigade", "target": "location:kandahar", "type": "BASED_IN", "docCount": 3,
     "evidence": ["based near Kandahar"], "evidenceDocIds": ["d2"]},
    {"source": "organization:brigade", "target": "location:kandahar", "type": "CO_MENTIONED", "docCount": 2},
]


def _data(html: str, name: str) -> list[dict]:
    m = re.search(name + r" = new vis\.DataSet\((.*?)\);\n", html)
    assert m, name
    return json.loads(m.group(1))


def test_no_tag_loads_anything_from_outside() -> None:
    html = graph_html(HOSTILE, EDGES)
    assert not re.search(r"<(script|link)\b[^>]*https?://", html, re.IGNORECASE)
    assert "bootstrap" not in html.lower()
    assert "vis.Network" in html  # vis-network is inlined


def test_hostile_names_never_appear_as_markup() -> None:
    html = graph_html(HOSTILE, EDGES)
    assert "<img src=x" not in html
    assert html.count("</script><script>alert") == 0


def test_labels_reach_vis_as_plain_text_not_escaped_twice() -> None:
    labels = {n["id"]: n["label"] for n in _data(graph_html(HOSTILE, EDGES), "nodes")}
    assert labels["organization:brigade"] == "The <img src=x onerror=alert(1)> Brigade"
    assert "&lt;" not in labels["person:khan"]


def test_href_never_reaches_a_tooltip() -> None:
    html = graph_html(HOSTILE, EDGES)
    titles = [n["title"] for n in _data(html, "nodes")] + [e["title"] for e in _data(html, "edges")]
    assert all("href" not in t.lower() for t in titles)
    assert "popup.innerHTML" not in html  # pyvis's HTML popup stays off
    assert "href" not in plain("HREF and href and hReF").lower()


def test_edges_show_support_width_dashes_and_evidence() -> None:
    edges = {e["title"].split(" ")[0]: e for e in _data(graph_html(HOSTILE, EDGES), "edges")}
    assert edges["LEADS"]["dashes"] is True and edges["BASED_IN"]["dashes"] is False
    assert edges["BASED_IN"]["width"] > edges["LEADS"]["width"]
    assert "based near Kandahar" in edges["BASED_IN"]["title"]
    assert "CO_MENTIONED" in edges  # parallel edges of different types are kept


def test_nodes_get_their_type_style_and_a_fixed_layout_seed() -> None:
    html = graph_html(HOSTILE, EDGES)
    nodes = {n["id"]: n for n in _data(html, "nodes")}
    assert nodes["location:kandahar"]["shape"] == "triangle"
    assert nodes["organization:brigade"]["shape"] == "diamond"
    assert '"randomSeed": 7' in html
    assert graph_html(list(reversed(HOSTILE)), EDGES) == html  # same view, same page


def test_click_bridge_is_added_only_when_asked() -> None:
    assert "pushState" in graph_html(HOSTILE, EDGES, click=click_templates(ViewState(focus="person:khan")))
    assert "parent.history.pushState" not in export.standalone_html(HOSTILE, EDGES).decode()


def test_clicks_navigate_only_from_entity_nodes() -> None:
    html = graph_html(HOSTILE, EDGES, click=click_templates(ViewState(focus="person:khan")))
    assert '"only": ["person:", "organization:", "location:", "incident:"]' in html


def test_exports_hold_the_view() -> None:
    assert export.nodes_csv(HOSTILE).decode().splitlines()[0] == "id,label,type,mentionCount,degree"
    assert "based near Kandahar" in export.edges_csv(EDGES).decode()
    doc = json.loads(export.view_json(HOSTILE, EDGES, "explore?focus=person:khan"))
    assert doc["view"] == "explore?focus=person:khan" and len(doc["edges"]) == 3
    gml = export.graphml(HOSTILE, EDGES).decode()
    assert "<graphml" in gml and "&lt;img src=x" in gml and "<img src=x" not in gml


def test_csv_cells_cannot_become_spreadsheet_formulas() -> None:
    out = export.nodes_csv([{"id": "x", "label": "=HYPERLINK(\"http://e\")", "type": "Person"}]).decode()
    assert ',"\'=HYPERLINK' in out
