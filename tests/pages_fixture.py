"""A small graph stored exactly as docs/architecture.md describes, for the search and page tests.

Three documents, people, organizations, places, two incidents and three designations.
`Kabul` is reachable from the rest only through a CO_MENTIONED edge, and `Atlantis`
from nothing at all, so the path finder has a "no typed path" and a "no path" case.
"""
from __future__ import annotations

from typing import Any

from neo4j import Driver

from cypher.settings import Settings
from cypher.statements import schema_statements

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


def _provenance(doc_ids: list[str], evidence: list[str], evidence_doc_ids: list[str]) -> dict[str, Any]:
    return {"docIds": doc_ids, "evidence": evidence, "evidenceDocIds": evidence_doc_ids,
            "docCount": len(doc_ids), "extractor": "fixture", "confidence": 0.9}


def load_pages_fixture(driver: Driver) -> None:
    """Create the schema and write the fixture graph (the caller empties the database first)."""
    db = Settings.from_env().database
    for stmt in schema_statements():
        driver.execute_query(stmt, database_=db)
    driver.execute_query("CALL db.awaitIndexes(60)", database_=db)
    driver.execute_query("UNWIND $rows AS row CREATE (d:Document) SET d = row", rows=DOCS, database_=db)
    for etype, eid, name, aliases, mentions, docs, extra in ENTITIES:
        props = {"id": eid, "name": name, "aliases": aliases, "aliasText": " | ".join([name, *aliases]),
                 "mentionCount": mentions, "docCount": docs, **extra}
        # the label comes from the fixture's own constant table, never from input
        driver.execute_query(f"CREATE (e:Entity:{etype}) SET e = $props", props=props, database_=db)
    for gid, auth, target, kind, date, reason, status, doc in DESIGNATIONS:
        props = {"id": gid, "name": f"{kind} designation ({date})", "kind": kind, "reason": reason,
                 "date": date, "status": status, "authorityId": auth, "targetId": target}
        prov = _provenance([doc], [f"The authority designated the target on {date}."], [doc])
        driver.execute_query(
            "MATCH (a:Entity {id: $auth}), (t:Entity {id: $target}) "
            "CREATE (g:Designation) SET g = $props "
            "CREATE (a)-[r1:ISSUED]->(g) SET r1 = $prov CREATE (g)-[r2:TARGETS]->(t) SET r2 = $prov",
            auth=auth, target=target, props=props, prov=prov, database_=db)
    for rtype, src, dst, doc_ids, evidence, ev_docs, extra in RELATIONS:
        props = {**_provenance(doc_ids, evidence, ev_docs), **extra}
        driver.execute_query(
            f"MATCH (a:Entity {{id: $src}}), (b:Entity {{id: $dst}}) CREATE (a)-[r:{rtype}]->(b) SET r = $props",
            src=src, dst=dst, props=props, database_=db)
    for low, high, doc_ids, weights in CO_MENTIONS:
        driver.execute_query(
            "MATCH (a:Entity {id: $low}), (b:Entity {id: $high}) "
            "CREATE (a)-[:CO_MENTIONED {weight: $weight, docIds: $docIds, weights: $weights}]->(b)",
            low=low, high=high, weight=sum(weights), docIds=doc_ids, weights=weights, database_=db)
    driver.execute_query(
        "UNWIND $rows AS row MATCH (n {id: row[0]}) WHERE n:Entity OR n:Designation "
        "MATCH (d:Document {id: row[1]}) CREATE (n)-[:MENTIONED_IN {count: row[2], aliases: row[3]}]->(d)",
        rows=[list(m) for m in MENTIONS], database_=db)
    driver.execute_query("CALL db.awaitIndexes(60)", database_=db)
