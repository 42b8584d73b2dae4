"""A small graph stored exactly as docs/architecture.md describes, for the query library tests.

Three documents; al-Qaeda, Hezbollah and the IRGC with leaders and supporters; two
incidents with places; four designations by two authorities. Each library query's
expected rows on this graph are written out in tests/test_library.py.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from cypher.settings import Settings
from tests.graph_writes import (
    create_schema, provenance, write_co_mentions, write_designation, write_documents, write_entity, write_mentions,
    write_relations,
)

D1, D2, D3 = "doc-hezbollah-2019", "doc-zawahiri-2022", "doc-embassy-2023"
DOCS: list[dict[str, Any]] = [
    {"id": D1, "title": "Treasury targets Hezbollah financiers", "url": "https://example.org/1", "source": "Example Times",
     "author": "B. Writer", "publishedAt": "2019-07-09", "ingestedAt": "2026-11-25T10:00:00Z", "textHash": "h1",
     "path": "examples/1.txt"},
    {"id": D2, "title": "US strike kills al-Qaeda leader Zawahiri", "url": "https://example.org/2", "source": "Example Wire",
     "author": "A. Writer", "publishedAt": "2022-08-02", "ingestedAt": "2026-11-25T10:00:00Z", "textHash": "h2",
     "path": "examples/2.txt"},
    {"id": D3, "title": "Looking back at the 1998 embassy bombings", "url": "https://example.org/3",
     "source": "Example Wire", "author": "C. Writer", "publishedAt": "2023-08-07", "ingestedAt": "2026-11-25T10:00:00Z",
     "textHash": "h3", "path": "examples/3.txt"},
]

ZAWAHIRI, BIN_LADEN, NASRALLAH = "person:ayman-al-zawahiri", "person:osama-bin-laden", "person:hassan-nasrallah"
AQ, HEZ, IRGC = "organization:al-qaeda", "organization:hezbollah", "organization:islamic-revolutionary-guard-corps"
TREASURY, UNSC = "organization:us-department-of-the-treasury", "organization:united-nations-security-council"
EMBASSY, PLOT = "incident:1998-us-embassy-bombings", "incident:2008-kabul-hotel-plot"

# (type, id, name, aliases, extra properties, documents mentioning it)
ENTITIES: list[tuple[str, str, str, list[str], dict[str, Any], list[str]]] = [
    ("Person", ZAWAHIRI, "Ayman al-Zawahiri", ["Zawahiri"], {}, [D2, D3]),
    ("Person", BIN_LADEN, "Osama bin Laden", ["bin Laden"], {}, [D3]),
    ("Person", NASRALLAH, "Hassan Nasrallah", ["Nasrallah"], {}, [D1]),
    ("Organization", AQ, "al-Qaeda", ["AQ", "al-Qaida"], {"kind": "armed_group"}, [D1, D2, D3]),
    ("Organization", HEZ, "Hezbollah", ["Hizballah"], {"kind": "armed_group"}, [D1, D2]),
    ("Organization", IRGC, "Islamic Revolutionary Guard Corps", ["IRGC"], {"kind": "armed_group"}, [D1, D2]),
    ("Organization", TREASURY, "US Department of the Treasury", ["Treasury"], {"kind": "government"}, [D1, D2, D3]),
    ("Organization", UNSC, "United Nations Security Council", ["UNSC"], {"kind": "government"}, [D2]),
    ("Location", "location:afghanistan", "Afghanistan", [], {"kind": "country"}, [D2]),
    ("Location", "location:lebanon", "Lebanon", [], {"kind": "country"}, [D1]),
    ("Location", "location:nairobi", "Nairobi", [], {"kind": "city"}, [D3]),
    ("Location", "location:kabul", "Kabul", [], {"kind": "city"}, [D2]),
    ("Incident", EMBASSY, "1998 US embassy bombings", [], {"kind": "bombing", "date": "1998-08-07", "killed": 224,
                                                           "status": "carried_out"}, [D3]),
    ("Incident", PLOT, "2008 Kabul hotel plot", [], {"kind": "plot", "date": "2008-01", "killed": 0,
                                                     "status": "foiled"}, [D2]),
]

# (id, authority, target, kind, date, reason, status, doc)
DESIGNATIONS: list[tuple[str, str, str, str, str, str, str, str]] = [
    ("designation:treasury-hezbollah", TREASURY, HEZ, "terrorism", "1997-10-08", "terrorist organization", "active", D1),
    ("designation:unsc-al-qaeda", UNSC, AQ, "sanctions", "1999-10-15", "Resolution 1267", "active", D2),
    ("designation:treasury-al-qaeda", TREASURY, AQ, "terrorism", "2001-09-23", "Executive Order 13224", "active", D3),
    ("designation:treasury-zawahiri", TREASURY, ZAWAHIRI, "terrorism", "2001-10-12", "leader of al-Qaeda", "active", D2),
]

# (type, source, target, docIds, extra)
RELATIONS: list[tuple[str, str, str, list[str], dict[str, Any]]] = [
    ("LEADS", ZAWAHIRI, AQ, [D2, D3], {"role": "leader", "former": False}),
    ("LEADS", BIN_LADEN, AQ, [D3], {"role": "founder", "former": True}),
    ("LEADS", NASRALLAH, HEZ, [D1], {"role": "secretary-general", "former": False}),
    ("SUPPORTS", IRGC, HEZ, [D1, D2], {"how": "weapons"}),
    ("SUPPORTS", HEZ, AQ, [D1], {"how": "training"}),
    ("BASED_IN", AQ, "location:afghanistan", [D2], {}),
    ("BASED_IN", HEZ, "location:lebanon", [D1], {}),
    ("INVOLVED_IN", AQ, EMBASSY, [D3], {"role": "perpetrator"}),
    ("INVOLVED_IN", ZAWAHIRI, EMBASSY, [D3], {"role": "perpetrator"}),
    ("INVOLVED_IN", ZAWAHIRI, PLOT, [D2], {"role": "linked"}),
    ("OCCURRED_IN", EMBASSY, "location:nairobi", [D3], {}),
    ("OCCURRED_IN", PLOT, "location:kabul", [D2], {}),
]

# (lower id, higher id, docIds, weights): stored once per pair, lower id first
CO_MENTIONS: list[tuple[str, str, list[str], list[int]]] = [
    ("location:kabul", ZAWAHIRI, [D2], [2]),
    ("organization:hezbollah", "person:osama-bin-laden", [D3], [1]),
]


def counts(driver: Driver) -> tuple[int, int]:
    """(nodes, relationships): compared before and after a refused write."""
    db = Settings.from_env().database
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=db).records[0]["c"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c", database_=db).records[0]["c"]
    return nodes, rels


def _provenance(rtype: str, src: str, dst: str, doc_ids: list[str]) -> dict[str, Any]:
    return provenance(doc_ids, [f"{src} {rtype} {dst} (from {d})." for d in doc_ids], doc_ids)


def load_queries_fixture(driver: Driver) -> None:
    """Create the schema and write the fixture graph (the caller empties the database first)."""
    create_schema(driver)
    write_documents(driver, DOCS)
    mentions: list[list[Any]] = []
    for etype, eid, name, aliases, extra, docs in ENTITIES:
        write_entity(driver, etype, eid, name, aliases, 2 * len(docs), len(docs), extra)
        mentions += [[eid, d, 2, []] for d in docs]
    for gid, auth, target, kind, date, reason, status, doc in DESIGNATIONS:
        write_designation(driver, gid, auth, target, kind, date, reason, status,
                          _provenance("ISSUED", auth, gid, [doc]), _provenance("TARGETS", gid, target, [doc]))
        mentions.append([gid, doc, 1, []])
    write_relations(driver, [(rtype, src, dst, {**_provenance(rtype, src, dst, doc_ids), **extra})
                             for rtype, src, dst, doc_ids, extra in RELATIONS])
    write_co_mentions(driver, CO_MENTIONS)
    write_mentions(driver, mentions)


@pytest.fixture(scope="module")
def queries_graph(driver: Driver) -> Iterator[Driver]:
    """The fixture graph for a test module, emptied again afterwards."""
    from tests.conftest import loaded_graph

    yield from loaded_graph(driver, load_queries_fixture)
