"""A small graph stored exactly as docs/architecture.md describes, for the search and page tests.

Three documents, people, organizations, places, two incidents and three designations.
`Kabul` is reachable from the rest only through a CO_MENTIONED edge, and `Atlantis`
from nothing at all, so the path finder has a "no typed path" and a "no path" case.
"""
from __future__ import annotations

from typing import Any

from neo4j import Driver

from tests.graph_writes import (
    await_all_indexes, create_schema, provenance, write_co_mentions, write_designation, write_documents, write_entity,
    write_mentions, write_relations,
)

DOCS: list[dict[str, Any]] = [
    {"id": "doc-zawahiri-2022", "title": "US strike kills al-Qaeda leader Zawahiri in Kabul",
     "url": "https://example.org/news/zawahiri-2022", "source": "Example Wire", "author": "A. Writer",
     "publishedAt": "2022-08-02", "ingestedAt": "2026-11-25T10:00:00Z", "textHash": "h1", "path": "examples/a.txt"},
    {"id": "doc-hezbollah-2019", "title": "Treasury targets Hezbollah financiers <b>bold</b>",
     "url": "https://example.org/news/hezbollah-2019", "source": "Example Times", "author": "B. Writer",
     "publishedAt": "2019-07-09", "ingestedAt": "2026-11-25T10:00:00Z", "textHash": "h2", "path": "examples/b.txt"},
    {"id": "doc-embassy-2023", "title": "Looking back at the 1998 embassy bombings",
     "url": "https://example.org/news/embassy-2023", "source": "Example Wire", "author": "C. Writer",
     "publishedAt": "2023-08-07", "ingestedAt": "2026-11-25T10:00:00Z", "textHash": "h3", "path": "examples/c.txt"},
]

# (type, id, name, aliases, mentionCount, docCount, extra properties)
ENTITIES: list[tuple[str, str, str, list[str], int, int, dict[str, Any]]] = [
    ("Person", "person:ayman-al-zawahiri", "Ayman al-Zawahiri", ["Zawahiri", "al-Zawahiri"], 9, 2, {}),
    ("Person", "person:osama-bin-laden", "Osama bin Laden", ["bin Laden", "UBL"], 4, 1, {}),
    ("Person", "person:hassan-nasrallah", "Hassan Nasrallah", ["Nasrallah"], 3, 1, {}),
    ("Organization", "organization:al-qaeda", "al-Qaeda", ["AQ", "al-Qaida"], 12, 2, {"kind": "armed_group"}),
    ("Organization", "organization:hezbollah", "Hezbollah", ["Hizballah", "Party of God"], 6, 1,
     {"kind": "armed_group"}),
    ("Organization", "organization:us-department-of-the-treasury", "US Department of the Treasury",
     ["Treasury", "OFAC"], 5, 2, {"kind": "government"}),
    ("Organization", "organization:united-nations-security-council", "United Nations Security Council",
     ["UNSC", "Security Council"], 2, 1, {"kind": "government"}),
    ("Location", "location:afghanistan", "Afghanistan", [], 3, 2, {"kind": "country"}),
    ("Location", "location:kabul", "Kabul", [], 2, 1, {"kind": "city"}),
    ("Location", "location:lebanon", "Lebanon", [], 2, 1, {"kind": "country"}),
    ("Location", "location:nairobi", "Nairobi", [], 2, 1, {"kind": "city"}),
    ("Location", "location:atlantis", "Atlantis", [], 1, 1, {"kind": "city"}),
    ("Incident", "incident:1998-us-embassy-bombings", "1998 US embassy bombings", ["embassy bombings"], 5, 2,
     {"kind": "bombing", "date": "1998-08-07", "killed": 224, "status": "carried_out"}),
    ("Incident", "incident:2008-kabul-hotel-plot", "2008 Kabul hotel plot", [], 1, 1,
     {"kind": "plot", "date": "2008-01", "killed": 0, "status": "foiled"}),
]

# (id, authority, target, kind, date, reason, status, doc)
DESIGNATIONS: list[tuple[str, str, str, str, str, str, str, str]] = [
    ("designation:treasury-zawahiri", "organization:us-department-of-the-treasury", "person:ayman-al-zawahiri",
     "terrorism", "2001-10-12", "leader of al-Qaeda", "active", "doc-zawahiri-2022"),
    ("designation:unsc-zawahiri", "organization:united-nations-security-council", "person:ayman-al-zawahiri",
     "sanctions", "2001-01-25", "associated with al-Qaeda", "active", "doc-zawahiri-2022"),
    ("designation:treasury-hezbollah", "organization:us-department-of-the-treasury", "organization:hezbollah",
     "terrorism", "1997-10-08", "terrorist organization", "active", "doc-hezbollah-2019"),
]

# (type, source, target, docIds, evidence, evidenceDocIds, extra)
RELATIONS: list[tuple[str, str, str, list[str], list[str], list[str], dict[str, Any]]] = [
    ("LEADS", "person:ayman-al-zawahiri", "organization:al-qaeda", ["doc-zawahiri-2022", "doc-embassy-2023"],
     ["Zawahiri, the leader of al-Qaeda, was killed on Sunday.", "al-Qaeda's current leader, Zawahiri, <script>x"],
     ["doc-zawahiri-2022", "doc-embassy-2023"], {"role": "leader", "former": False}),
    ("LEADS", "person:osama-bin-laden", "organization:al-qaeda", ["doc-embassy-2023"],
     ["Osama bin Laden founded and led al-Qaeda."], ["doc-embassy-2023"], {"role": "founder", "former": True}),
    ("LEADS", "person:hassan-nasrallah", "organization:hezbollah", ["doc-hezbollah-2019"],
     ["Hezbollah leader Hassan Nasrallah said..."], ["doc-hezbollah-2019"], {"role": "secretary-general", "former": False}),
    ("BASED_IN", "organization:al-qaeda", "location:afghanistan", ["doc-zawahiri-2022"],
     ["al-Qaeda has long been based in Afghanistan."], ["doc-zawahiri-2022"], {}),
    ("BASED_IN", "organization:hezbollah", "location:lebanon", ["doc-hezbollah-2019"],
     ["The Lebanon-based Hezbollah..."], ["doc-hezbollah-2019"], {}),
    ("INVOLVED_IN", "person:ayman-al-zawahiri", "incident:1998-us-embassy-bombings", ["doc-embassy-2023"],
     ["Zawahiri helped plan the 1998 embassy bombings."], ["doc-embassy-2023"], {"role": "perpetrator"}),
    ("INVOLVED_IN", "organization:al-qaeda", "incident:1998-us-embassy-bombings", ["doc-embassy-2023"],
     ["al-Qaeda carried out the bombings of the US embassies."], ["doc-embassy-2023"], {"role": "perpetrator"}),
    ("INVOLVED_IN", "person:ayman-al-zawahiri", "incident:2008-kabul-hotel-plot", ["doc-zawahiri-2022"],
     ["Zawahiri was linked to a foiled 2008 hotel plot."], ["doc-zawahiri-2022"], {"role": "linked"}),
    ("OCCURRED_IN", "incident:1998-us-embassy-bombings", "location:nairobi", ["doc-embassy-2023"],
     ["The bombing in Nairobi killed over 200 people."], ["doc-embassy-2023"], {}),
    ("SUPPORTS", "organization:hezbollah", "organization:al-qaeda", ["doc-hezbollah-2019"],
     ["Officials said Hezbollah provided training to al-Qaeda operatives."], ["doc-hezbollah-2019"],
     {"how": "training"}),
]

# (lower id, higher id, docIds, weights)
CO_MENTIONS: list[tuple[str, str, list[str], list[int]]] = [
    ("location:kabul", "person:ayman-al-zawahiri", ["doc-zawahiri-2022"], [3]),
    ("organization:al-qaeda", "person:ayman-al-zawahiri", ["doc-zawahiri-2022", "doc-embassy-2023"], [4, 2]),
]

# (entity or designation id, doc id, count, aliases seen)
MENTIONS: list[tuple[str, str, int, list[str]]] = [
    ("person:ayman-al-zawahiri", "doc-zawahiri-2022", 6, ["Zawahiri"]),
    ("person:ayman-al-zawahiri", "doc-embassy-2023", 3, ["al-Zawahiri"]),
    ("person:osama-bin-laden", "doc-embassy-2023", 4, ["bin Laden"]),
    ("person:hassan-nasrallah", "doc-hezbollah-2019", 3, ["Nasrallah"]),
    ("organization:al-qaeda", "doc-zawahiri-2022", 7, ["AQ"]),
    ("organization:al-qaeda", "doc-embassy-2023", 5, ["al-Qaida"]),
    ("organization:hezbollah", "doc-hezbollah-2019", 6, ["Hizballah"]),
    ("organization:us-department-of-the-treasury", "doc-zawahiri-2022", 2, ["Treasury"]),
    ("organization:us-department-of-the-treasury", "doc-hezbollah-2019", 3, ["OFAC"]),
    ("organization:united-nations-security-council", "doc-zawahiri-2022", 2, ["UNSC"]),
    ("location:afghanistan", "doc-zawahiri-2022", 2, []),
    ("location:afghanistan", "doc-embassy-2023", 1, []),
    ("location:kabul", "doc-zawahiri-2022", 2, []),
    ("location:lebanon", "doc-hezbollah-2019", 2, []),
    ("location:nairobi", "doc-embassy-2023", 2, []),
    ("location:atlantis", "doc-embassy-2023", 1, []),
    ("incident:1998-us-embassy-bombings", "doc-embassy-2023", 4, ["embassy bombings"]),
    ("incident:1998-us-embassy-bombings", "doc-zawahiri-2022", 1, []),
    ("incident:2008-kabul-hotel-plot", "doc-zawahiri-2022", 1, []),
    ("designation:treasury-zawahiri", "doc-zawahiri-2022", 1, []),
    ("designation:unsc-zawahiri", "doc-zawahiri-2022", 1, []),
    ("designation:treasury-hezbollah", "doc-hezbollah-2019", 1, []),
]


def load_pages_fixture(driver: Driver) -> None:
    """Create the schema and write the fixture graph (the caller empties the database first)."""
    create_schema(driver, await_indexes=True)
    write_documents(driver, DOCS)
    for etype, eid, name, aliases, mentions, docs, extra in ENTITIES:
        write_entity(driver, etype, eid, name, aliases, mentions, docs, extra)
    for gid, auth, target, kind, date, reason, status, doc in DESIGNATIONS:
        prov = provenance([doc], [f"The authority designated the target on {date}."], [doc])
        write_designation(driver, gid, auth, target, kind, date, reason, status, prov, prov)
    write_relations(driver, [(rtype, src, dst, {**provenance(doc_ids, evidence, ev_docs), **extra})
                             for rtype, src, dst, doc_ids, evidence, ev_docs, extra in RELATIONS])
    write_co_mentions(driver, CO_MENTIONS)
    write_mentions(driver, MENTIONS)
    await_all_indexes(driver)
