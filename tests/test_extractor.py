"""The composed extractor: the ontology JSON for an article, offsets that point at the mention."""
from __future__ import annotations

from ingest.extractor import Extractor
from ingest.records import Article


def test_extract_gives_mentions_that_point_into_their_sentence_and_titles_do_not_leak() -> None:
    article = Article(id="doc-1", title="Zawahiri Killed In Kabul",
                      text="Ayman al-Zawahiri, the leader of al-Qaeda, was killed in Kabul. Zawahiri was 71.")
    [extraction] = list(Extractor().extract([article]))
    by_name = {e.name: e for e in extraction.entities}
    assert {"Ayman al-Zawahiri", "al-Qaeda", "Kabul"} <= set(by_name)
    zawahiri = by_name["Ayman al-Zawahiri"]
    assert zawahiri.id == "person:ayman-al-zawahiri" and "Zawahiri" in zawahiri.aliases
    for ent in extraction.entities:
        for m in ent.mentions:
            assert m.sentence[m.start:m.end] == m.text
    assert any(r.type == "LEADS" and r.source == zawahiri.id for r in extraction.relations)
    assert extraction.to_json()["document"]["id"] == "doc-1"
