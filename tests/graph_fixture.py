"""The Explore tests' graph: the pages fixture (stored as docs/architecture.md says) plus hostile names.

The hostile part mirrors tests/fixtures/xss/xss.txt without needing spaCy: an
organisation named `The <img src=x onerror=alert(1)> Brigade`, a person named
`Ahmed </script><script>alert(1)</script> Khan` whose evidence carries an
`href` and markup, linked to each other, to Kandahar and to al-Qaeda.
"""
from __future__ import annotations

from typing import Any

from neo4j import Driver

from cypher.settings import Settings
from tests.pages_fixture import load_pages_fixture

XSS_DOC = {"id": "doc-xss", "title": "The <img src=x onerror=alert(1)> Brigade claims attack near Kandahar",
           "url": "https://example.org/news/xss", "source": "kg-explorer test fixtures", "author": "",
           "publishedAt": "2020-05-01", "ingestedAt": "2026-11-25T10:00:00Z", "textHash": "hx",
           "path": "tests/fixtures/xss/xss.txt"}
IMG = "The <img src=x onerror=alert(1)> Brigade"
SCRIPT = "Ahmed </script><script>alert(1)</script> Khan"
BRIGADE_ID = "organization:the-img-src-x-onerror-alert-1-brigade"
KHAN_ID = "person:ahmed-script-script-alert-1-script-khan"

# (type, id, name, extra)
XSS_ENTITIES: list[tuple[str, str, str, dict[str, Any]]] = [
    ("Organization", BRIGADE_ID, IMG, {"kind": "armed_group"}),
    ("Person", KHAN_ID, SCRIPT, {}),
    ("Location", "location:kandahar", "Kandahar", {"kind": "city"}),
]
# (type, source, target, evidence)
XSS_RELATIONS: list[tuple[str, str, str, str]] = [
    ("LEADS", KHAN_ID, BRIGADE_ID,
     f"{SCRIPT}, the commander of the Brigade, said <a href=\"javascript:alert(1)\">here</a>."),
    ("BASED_IN", BRIGADE_ID, "location:kandahar", f"{IMG} attacked a checkpoint near Kandahar."),
    ("SUPPORTS", BRIGADE_ID, "organization:al-qaeda", "The Brigade has links to al-Qaeda <b>bold</b> & \"quotes\"."),
]


def load_graph_fixture(driver: Driver) -> None:
    """Write the pages fixture and the hostile entities (the caller empties the database first)."""
    load_pages_fixture(driver)
    db = Settings.from_env().database
    driver.execute_query("CREATE (d:Document) SET d = $doc", doc=XSS_DOC, database_=db)
    for etype, eid, name, extra in XSS_ENTITIES:
        props = {"id": eid, "name": name, "aliases": [], "aliasText": name, "mentionCount": 2, "docCount": 1,
                 **extra}
        # labels come from the constant table above, never from input
        driver.execute_query(
            f"CREATE (e:Entity:{etype}) SET e = $props WITH e MATCH (d:Document {{id: 'doc-xss'}}) "
            "CREATE (e)-[:MENTIONED_IN {count: 2, aliases: []}]->(d)", props=props, database_=db)
    for rtype, src, dst, sentence in XSS_RELATIONS:
        props = {"docIds": ["doc-xss"], "evidence": [sentence], "evidenceDocIds": ["doc-xss"], "docCount": 1,
                 "extractor": "fixture", "confidence": 0.9}
        driver.execute_query(
            f"MATCH (a:Entity {{id: $src}}), (b:Entity {{id: $dst}}) CREATE (a)-[r:{rtype}]->(b) SET r = $props",
            src=src, dst=dst, props=props, database_=db)
    driver.execute_query("CALL db.awaitIndexes(60)", database_=db)
