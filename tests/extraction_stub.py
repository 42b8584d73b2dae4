"""A tiny gazetteer extractor for storage tests: the writer is tested without spaCy.

It finds known surface forms in each sentence and emits the ontology JSON shape
(entities with mentions; relations whose two ends share a sentence), so what the
writer stores can be asserted exactly.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ingest.records import Article, Entity, Extraction, Mention, Relation

# id -> (type, canonical name, other surface forms, properties)
GAZETTEER: dict[str, tuple[str, str, list[str], dict[str, Any]]] = {
    "person:ayman-al-zawahiri": ("Person", "Ayman al-Zawahiri", ["Zawahiri"], {}),
    "person:osama-bin-laden": ("Person", "Osama bin Laden", ["bin Laden"], {}),
    "organization:al-qaeda": ("Organization", "al-Qaeda", ["AQ"], {"kind": "armed_group"}),
    "organization:islamic-state-of-iraq-and-the-levant": (
        "Organization", "Islamic State of Iraq and the Levant", ["ISIL"], {"kind": "armed_group"}),
    "organization:us-department-of-state": ("Organization", "US Department of State", ["State Department"],
                                            {"kind": "government"}),
    "location:kabul": ("Location", "Kabul", [], {"kind": "city"}),
    "location:nairobi": ("Location", "Nairobi", [], {"kind": "city"}),
    "incident:1998-us-embassy-bombings": ("Incident", "1998 US embassy bombings", ["embassy bombings"],
                                          {"kind": "bombing", "date": "1998-08-07", "killed": 224,
                                           "status": "carried_out"}),
}
# (type, source, target, properties, cue word that must be in the sentence)
RULES: list[tuple[str, str, str, dict[str, Any], str]] = [
    ("LEADS", "person:ayman-al-zawahiri", "organization:al-qaeda", {"role": "leader", "former": False}, "lead"),
    ("LEADS", "person:osama-bin-laden", "organization:al-qaeda", {"role": "founder", "former": True}, "found"),
    ("INVOLVED_IN", "organization:al-qaeda", "incident:1998-us-embassy-bombings", {"role": "perpetrator"}, "carried"),
    ("OCCURRED_IN", "incident:1998-us-embassy-bombings", "location:nairobi", {}, "bombings"),
]
DESIGNATION_ID = "designation:state-al-qaeda-1999"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def extract_one(article: Article) -> Extraction:
    found: dict[str, Entity] = {}
    for sentence in _sentences(article.text):
        taken: list[range] = []  # a short form inside a longer one already found is not a second mention
        for ent_id, (etype, name, aliases, props) in GAZETTEER.items():
            for form in [name, *aliases]:
                for m in re.finditer(rf"\b{re.escape(form)}\b", sentence):
                    if any(m.start() in r for r in taken):
                        continue
                    taken.append(range(m.start(), m.end()))
                    ent = found.setdefault(ent_id, Entity(ent_id, etype, name, [], dict(props)))
                    if form != name and form not in ent.aliases:
                        ent.aliases.append(form)
                    ent.mentions.append(Mention(form, sentence, m.start(), m.end()))
    relations: list[Relation] = []
    for sentence in _sentences(article.text):
        for rtype, src, dst, props, cue in RULES:
            if src in found and dst in found and cue in sentence.lower() and any(
                m.sentence == sentence for m in found[src].mentions
            ) and any(m.sentence == sentence for m in found[dst].mentions):
                relations.append(Relation(rtype, src, dst, dict(props), [sentence], f"stub-{cue}", 0.8))
        if "designated" in sentence and "organization:us-department-of-state" in found and "organization:al-qaeda" in found:
            found.setdefault(DESIGNATION_ID, Entity(
                DESIGNATION_ID, "Designation", "State Department designation of al-Qaeda", [],
                {"kind": "terrorism", "date": "1999-10-08", "reason": "attacks on US embassies"}))
            relations.append(Relation("ISSUED", "organization:us-department-of-state", DESIGNATION_ID, {}, [sentence],
                                      "stub-designation", 0.9))
            relations.append(Relation("TARGETS", DESIGNATION_ID, "organization:al-qaeda", {}, [sentence],
                                      "stub-designation", 0.9))
    return Extraction(article, list(found.values()), relations)


class StubExtractor:
    """Same interface as ingest.extractor.Extractor."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for article in articles:
            yield extract_one(article)
