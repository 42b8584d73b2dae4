"""The Explore tests' graph: the pages fixture (stored as docs/architecture.md says) plus hostile names.

The hostile part mirrors tests/fixtures/xss/xss.txt without needing spaCy: an
organisation named `The <img src=x onerror=alert(1)> Brigade`, a person named
`Ahmed </script><script>alert(1)</script> Khan` whose evidence carries an
`href` and markup, linked to each other, to Kandahar and to al-Qaeda.
"""
from __future__ import annotations

from typing import Any

from neo4j import Driver

from tests.graph_writes import await_all_indexes, provenance, write_documents, write_entity, write_mentions, write_relations
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
    write_documents(driver, [XSS_DOC])
    for etype, eid, name, extra in XSS_ENTITIES:
        write_entity(driver, etype, eid, name, [], 2, 1, extra)
    write_mentions(driver, [(eid, "doc-xss", 2, []) for _, eid, _, _ in XSS_ENTITIES])
    write_relations(driver, [(rtype, src, dst, provenance(["doc-xss"], [sentence], ["doc-xss"]))
                             for rtype, src, dst, sentence in XSS_RELATIONS])
    await_all_indexes(driver)
