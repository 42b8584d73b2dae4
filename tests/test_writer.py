"""The writer against the real server: storage exactly as docs/architecture.md says.

Extractions come from a small gazetteer stub (tests/extraction_stub.py) so the
assertions are about storage, not about spaCy.
"""
from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from cypher.settings import Settings
from ingest.records import Article, Entity, Extraction, Mention, Relation
from ingest.rows import text_hash
from ingest.writer import GraphWriter
from tests.conftest import wipe
from tests.extraction_stub import DESIGNATION_ID, extract_one

pytestmark = pytest.mark.neo4j

DOC_A = Article(
    id="doc-a", title="Zawahiri leads al-Qaeda", source="Wire", publishedAt="2022-08-02", path="a.txt",
    text=("Ayman al-Zawahiri came to lead al-Qaeda after 2011. Zawahiri was killed in Kabul. "
          "Osama bin Laden founded al-Qaeda (AQ) in 1988. "
          "AQ carried out the 1998 US embassy bombings in Nairobi. "
          "The State Department designated al-Qaeda in 1999."),
)
DOC_B = Article(
    id="doc-b", title="Embassy bombings remembered", source="Times", publishedAt="2023-08-07", path="b.txt",
    text=("Zawahiri and al-Qaeda planned the embassy bombings, which were carried out by al-Qaeda. "
          "Zawahiri would later lead al-Qaeda. The embassy bombings hit Nairobi."),
)


def rows(driver: Driver, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, params, database_=Settings.from_env().database)
    return [r.data() for r in records]


def snapshot(driver: Driver, ignore: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """Every node and relationship with every property, sorted: equal snapshots mean an unchanged graph."""
    nodes = rows(driver, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = rows(driver, "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")

    def key(item: dict[str, Any]) -> str:
        props = {k: v for k, v in item.pop("props").items() if k not in ignore}
        return repr((sorted(item.items()), sorted(props.items())))

    return sorted(map(key, nodes)), sorted(map(key, rels))


def write(driver: Driver, *articles: Article, replace: tuple[str, ...] = ()) -> GraphWriter:
    writer = GraphWriter(driver)
    writer.ensure_schema()
    writer.write([extract_one(a) for a in articles], replace=replace)
    return writer


def entity(driver: Driver, entity_id: str) -> dict[str, Any]:
    found = rows(driver, "MATCH (e:Entity {id: $id}) RETURN e {.*, labels: labels(e)} AS e", id=entity_id)
    return found[0]["e"] if found else {}


def edge(driver: Driver, rel_type: str, source: str, target: str) -> dict[str, Any]:
    found = rows(driver, f"MATCH ({{id: $s}})-[r:{rel_type}]->({{id: $t}}) RETURN properties(r) AS p", s=source, t=target)
    assert len(found) <= 1, f"{rel_type} stored more than once"
    return found[0]["p"] if found else {}


def test_document_node_keeps_metadata_and_text_hash(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A)
    doc = rows(empty_graph, "MATCH (d:Document {id: 'doc-a'}) RETURN properties(d) AS d")[0]["d"]
    assert doc["title"] == "Zawahiri leads al-Qaeda" and doc["publishedAt"] == "2022-08-02" and doc["path"] == "a.txt"
    assert doc["textHash"] == text_hash(DOC_A.text) and doc["ingestedAt"]


def test_entities_have_entity_and_type_labels_aliases_and_counts(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A, DOC_B)
    zawahiri = entity(empty_graph, "person:ayman-al-zawahiri")
    assert sorted(zawahiri["labels"]) == ["Entity", "Person"]
    assert zawahiri["name"] == "Ayman al-Zawahiri" and zawahiri["aliases"] == ["Zawahiri"]
    assert zawahiri["aliasText"] == "Ayman al-Zawahiri | Zawahiri"
    assert zawahiri["mentionCount"] == 4 and zawahiri["docCount"] == 2
    mentions = rows(empty_graph, "MATCH (:Person)-[m:MENTIONED_IN]->(d:Document) RETURN d.id AS d, m.count AS c, "
                    "m.aliases AS a ORDER BY d")
    assert [(m["d"], m["c"]) for m in mentions if "Zawahiri" in m["a"]] == [("doc-a", 2), ("doc-b", 2)]
    assert entity(empty_graph, "organization:al-qaeda")["kind"] == "armed_group"


def test_incident_carries_date_killed_status_kind(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A)
    incident = entity(empty_graph, "incident:1998-us-embassy-bombings")
    assert sorted(incident["labels"]) == ["Entity", "Incident"]
    assert (incident["date"], incident["killed"], incident["status"], incident["kind"]) == (
        "1998-08-07", 224, "carried_out", "bombing")
    assert edge(empty_graph, "OCCURRED_IN", "incident:1998-us-embassy-bombings", "location:nairobi")


def test_designation_is_not_an_entity_and_links_authority_and_target(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A)
    found = rows(empty_graph, "MATCH (g:Designation {id: $id}) RETURN labels(g) AS l, properties(g) AS p", id=DESIGNATION_ID)
    assert found[0]["l"] == ["Designation"]
    props = found[0]["p"]
    assert props["kind"] == "terrorism" and props["date"] == "1999-10-08" and props["status"] == "active"
    assert props["authorityId"] == "organization:us-department-of-state"
    assert props["targetId"] == "organization:al-qaeda"
    assert edge(empty_graph, "ISSUED", "organization:us-department-of-state", DESIGNATION_ID)["docIds"] == ["doc-a"]
    assert edge(empty_graph, "TARGETS", DESIGNATION_ID, "organization:al-qaeda")["evidence"] == [
        "The State Department designated al-Qaeda in 1999."]
    assert rows(empty_graph, "MATCH (:Designation)-[m:MENTIONED_IN]->(:Document {id: 'doc-a'}) RETURN count(m) AS n")[0]["n"] == 1


def test_typed_edge_carries_provenance_and_role(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A)
    leads = edge(empty_graph, "LEADS", "person:osama-bin-laden", "organization:al-qaeda")
    assert leads["role"] == "founder" and leads["former"] is True
    assert leads["docIds"] == ["doc-a"] and leads["docCount"] == 1
    assert leads["evidence"] == ["Osama bin Laden founded al-Qaeda (AQ) in 1988."]
    assert leads["evidenceDocIds"] == ["doc-a"]
    assert leads["extractor"] == "stub-found" and leads["confidence"] == pytest.approx(0.8)


def test_second_document_appends_its_support_to_an_existing_edge(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A)
    write(empty_graph, DOC_B)
    leads = edge(empty_graph, "LEADS", "person:ayman-al-zawahiri", "organization:al-qaeda")
    assert leads["docIds"] == ["doc-a", "doc-b"] and leads["docCount"] == 2
    assert leads["evidenceDocIds"] == ["doc-a", "doc-b"]
    assert leads["evidence"][1] == "Zawahiri would later lead al-Qaeda."


def test_two_documents_in_one_batch_both_support_the_edge(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A, DOC_B)
    assert edge(empty_graph, "LEADS", "person:ayman-al-zawahiri", "organization:al-qaeda")["docIds"] == ["doc-a", "doc-b"]
    co = edge(empty_graph, "CO_MENTIONED", "organization:al-qaeda", "person:ayman-al-zawahiri")
    assert co["docIds"] == ["doc-a", "doc-b"] and co["weights"] == [1, 2] and co["weight"] == 3


def test_co_mentioned_is_stored_once_from_lower_to_higher_id(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A)
    pairs = rows(empty_graph, "MATCH (a)-[r:CO_MENTIONED]->(b) RETURN a.id AS a, b.id AS b, r.weight AS w")
    assert pairs and all(p["a"] < p["b"] for p in pairs)
    assert not rows(empty_graph, "MATCH (a)-[:CO_MENTIONED]->(b)-[:CO_MENTIONED]->(a) RETURN a")
    kabul = edge(empty_graph, "CO_MENTIONED", "location:kabul", "person:ayman-al-zawahiri")
    assert kabul == {"weight": 1, "weights": [1], "docIds": ["doc-a"]}


def test_evidence_is_capped_per_edge(empty_graph: Driver) -> None:
    sentences = [f"Zawahiri would lead al-Qaeda, report {i} said." for i in range(14)]
    write(empty_graph, Article(id="doc-many", text=" ".join(sentences)))
    leads = edge(empty_graph, "LEADS", "person:ayman-al-zawahiri", "organization:al-qaeda")
    assert len(leads["evidence"]) == 10 and len(leads["evidenceDocIds"]) == 10
    assert leads["docIds"] == ["doc-many"]


def test_rewriting_the_same_documents_changes_nothing(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A, DOC_B)
    before = snapshot(empty_graph)
    before_wo = snapshot(empty_graph, ignore=("ingestedAt",))
    write(empty_graph, DOC_A, DOC_B, replace=("doc-a", "doc-b"))
    after = snapshot(empty_graph)
    assert snapshot(empty_graph, ignore=("ingestedAt",)) == before_wo
    assert len(after[0]) == len(before[0]) and after[1] == before[1]


def test_retracting_a_document_removes_only_what_it_alone_supported(empty_graph: Driver) -> None:
    writer = write(empty_graph, DOC_A, DOC_B)
    writer.retract(["doc-a"])
    assert not rows(empty_graph, "MATCH (d:Document {id: 'doc-a'}) RETURN d")
    assert not entity(empty_graph, "person:osama-bin-laden")           # only doc-a named him
    assert not entity(empty_graph, "location:kabul")
    assert not rows(empty_graph, "MATCH (g:Designation) RETURN g")      # its designation went with it
    zawahiri = entity(empty_graph, "person:ayman-al-zawahiri")
    assert zawahiri["docCount"] == 1 and zawahiri["mentionCount"] == 2
    leads = edge(empty_graph, "LEADS", "person:ayman-al-zawahiri", "organization:al-qaeda")
    assert leads["docIds"] == ["doc-b"] and leads["evidenceDocIds"] == ["doc-b"] and leads["docCount"] == 1
    co = edge(empty_graph, "CO_MENTIONED", "organization:al-qaeda", "person:ayman-al-zawahiri")
    assert co == {"weight": 2, "weights": [2], "docIds": ["doc-b"]}
    assert not rows(empty_graph, "MATCH ()-[r]->() WHERE r.docIds = [] RETURN r")


def test_aliases_drop_forms_only_a_retracted_document_used(empty_graph: Driver) -> None:
    writer = write(empty_graph, DOC_A, DOC_B)
    assert entity(empty_graph, "organization:al-qaeda")["aliases"] == ["AQ"]
    writer.retract(["doc-a"])
    qaeda = entity(empty_graph, "organization:al-qaeda")
    assert qaeda["aliases"] == [] and qaeda["aliasText"] == "al-Qaeda"


def test_changed_document_replaces_its_contribution(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A, DOC_B)
    changed = Article(id="doc-a", title="Zawahiri", text="Zawahiri came to lead al-Qaeda.", path="a.txt")
    write(empty_graph, changed, replace=("doc-a",))
    assert not entity(empty_graph, "person:osama-bin-laden")
    assert not entity(empty_graph, "location:kabul")
    leads = edge(empty_graph, "LEADS", "person:ayman-al-zawahiri", "organization:al-qaeda")
    assert sorted(leads["docIds"]) == ["doc-a", "doc-b"]
    assert "Zawahiri came to lead al-Qaeda." in leads["evidence"]
    assert rows(empty_graph, "MATCH (d:Document {id: 'doc-a'}) RETURN d.textHash AS h")[0]["h"] == text_hash(changed.text)


def test_name_is_the_fullest_form_any_document_gave(empty_graph: Driver) -> None:
    s1, s2 = "Baghdadi spoke.", "Abu Bakr al-Baghdadi spoke again."
    short = Extraction(Article(id="d1", text=s1), [Entity("person:abu-bakr-al-baghdadi", "Person", "Baghdadi", [], {},
                                                          [Mention("Baghdadi", s1, 0, 8)])])
    full = Extraction(Article(id="d2", text=s2), [Entity("person:abu-bakr-al-baghdadi", "Person", "Abu Bakr al-Baghdadi",
                                                         ["Baghdadi"], {}, [Mention("Abu Bakr al-Baghdadi", s2, 0, 20)])])
    writer = GraphWriter(empty_graph)
    writer.ensure_schema()
    writer.write([short])
    writer.write([full])
    person = entity(empty_graph, "person:abu-bakr-al-baghdadi")
    assert person["name"] == "Abu Bakr al-Baghdadi" and person["aliases"] == ["Baghdadi"]
    writer.retract(["d2"])
    assert entity(empty_graph, "person:abu-bakr-al-baghdadi")["name"] == "Baghdadi"


def test_relations_outside_the_model_or_with_unknown_ends_are_dropped(empty_graph: Driver) -> None:
    s = "Zawahiri leads al-Qaeda."
    ents = [Entity("person:z", "Person", "Zawahiri", [], {}, [Mention("Zawahiri", s, 0, 8)]),
            Entity("organization:q", "Organization", "al-Qaeda", [], {}, [Mention("al-Qaeda", s, 15, 23)]),
            Entity("thing:x", "Thing", "X", [], {}, [])]
    rels = [Relation("LIKES", "person:z", "organization:q", {}, [s], "x", 0.5),
            Relation("LEADS", "person:z", "organization:missing", {}, [s], "x", 0.5),
            Relation("LEADS", "person:z", "organization:q", {"nested": {"no": 1}}, [s], "x", 0.5)]
    writer = GraphWriter(empty_graph)
    writer.ensure_schema()
    stored = writer.write([Extraction(Article(id="d", text=s), ents, rels)])
    assert stored.dropped == 3
    assert rows(empty_graph, "MATCH ()-[r]->() WHERE type(r) IN ['LEADS', 'LIKES'] RETURN type(r) AS t") == [{"t": "LEADS"}]
    assert "nested" not in edge(empty_graph, "LEADS", "person:z", "organization:q")


def test_small_batches_build_the_same_graph(empty_graph: Driver) -> None:
    write(empty_graph, DOC_A, DOC_B)
    expected = snapshot(empty_graph, ignore=("ingestedAt",))
    wipe(empty_graph)
    writer = GraphWriter(empty_graph, batch_size=1)
    writer.ensure_schema()
    writer.write([extract_one(DOC_A), extract_one(DOC_B)])
    assert snapshot(empty_graph, ignore=("ingestedAt",)) == expected


def test_co_mention_rows_count_sentences_per_pair_lower_id_first() -> None:
    from ingest.rows import co_mentions

    s1, s2 = "B met A and C.", "A met B."
    ents = [Entity("b", "Person", "B", [], {}, [Mention("B", s1, 0, 1), Mention("B", s2, 6, 7)]),
            Entity("a", "Person", "A", [], {}, [Mention("A", s1, 6, 7), Mention("A", s2, 0, 1)]),
            Entity("c", "Location", "C", [], {}, [Mention("C", s1, 12, 13)]),
            Entity("g", "Designation", "G", [], {}, [Mention("G", s1, 0, 1)])]
    pairs = co_mentions(Extraction(Article(id="d", text=s1 + " " + s2), ents), {"a", "b", "c", "g"})
    assert [(p["source"], p["target"], p["weight"]) for p in pairs] == [("a", "b", 2), ("a", "c", 1), ("b", "c", 1)]


def test_a_batch_folds_every_document_into_one_row_per_edge() -> None:
    from ingest.rows import Rows, add_extraction

    rows = Rows()
    for article in (DOC_A, DOC_B):
        add_extraction(rows, extract_one(article))
    leads = {(r["source"], r["target"]): r for r in rows.relation_rows()["LEADS"]}
    zawahiri = leads[("person:ayman-al-zawahiri", "organization:al-qaeda")]
    assert zawahiri["docIds"] == ["doc-a", "doc-b"] and zawahiri["evidenceDocIds"] == ["doc-a", "doc-b"]
    assert len({(r["source"], r["target"]) for r in rows.co_mention_rows()}) == len(rows.co_mention_rows())


def _leads_from(article: Article, confidence: float, extractor: str) -> Extraction:
    sentence = article.text
    people = [Entity("person:ayman-al-zawahiri", "Person", "Ayman al-Zawahiri", [], {},
                     [Mention("Ayman al-Zawahiri", sentence, 0, 17)]),
              Entity("organization:al-qaeda", "Organization", "al-Qaeda", [], {}, [Mention("al-Qaeda", sentence, 27, 35)])]
    rel = Relation("LEADS", people[0].id, people[1].id, {"role": "leader"}, [sentence], extractor, confidence)
    return Extraction(article, people, [rel])


def test_retraction_recomputes_confidence_from_the_documents_left(empty_graph: Driver) -> None:
    strong = Article(id="doc-strong", text="Ayman al-Zawahiri leads al-Qaeda.")
    weak = Article(id="doc-weak", text="Ayman al-Zawahiri, al-Qaeda's chief.")
    writer = GraphWriter(empty_graph)
    writer.ensure_schema()
    writer.write([_leads_from(weak, 0.6, "appositive")])
    writer.write([_leads_from(strong, 0.9, "verb")])
    leads = edge(empty_graph, "LEADS", "person:ayman-al-zawahiri", "organization:al-qaeda")
    assert (leads["confidence"], leads["extractor"]) == (pytest.approx(0.9), "verb")
    writer.retract(["doc-strong"])
    leads = edge(empty_graph, "LEADS", "person:ayman-al-zawahiri", "organization:al-qaeda")
    assert (leads["confidence"], leads["extractor"]) == (pytest.approx(0.6), "appositive")
    assert leads["docIds"] == ["doc-weak"] and leads["docConfidences"] == [pytest.approx(0.6)]

