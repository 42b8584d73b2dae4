"""Entity cleanup and one-node-per-thing merging: strings and hand-built Docs, no model needed."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.util import filter_spans

from ingest.aliases import canonical
from ingest.entities import EntityTable
from ingest.names import acronym_of, clean, is_acronym, surname_keys

VOCAB = spacy.blank("en").vocab


def make_doc(text: str, ents: dict[str, str]) -> Doc:
    """A Doc from whitespace tokens, sentences split after '.', entities given as {surface: label} (every occurrence)."""
    words = text.split()
    doc = Doc(VOCAB, words=words, sent_starts=[i == 0 or words[i - 1] == "." for i in range(len(words))])
    spans = []
    for surface, label in ents.items():
        parts = surface.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts:
                spans.append(doc.char_span(doc[i].idx, doc[i + len(parts) - 1].idx + len(parts[-1]), label=label))
    doc.ents = filter_spans(spans)
    return doc


@pytest.mark.parametrize("raw, kind, expected", [
    ("President Barack Obama", "Person", "Barack Obama"),
    ("Lt. Col. John Smith", "Person", "John Smith"),
    ("Foreign Office Minister Tobias Ellwood", "Person", "Tobias Ellwood"),
    ("Sheikh Abu Bakr", "Person", "Abu Bakr"),
    ("the Islamic State", "Organization", "Islamic State"),
    ("Daesh’s", "Organization", "Daesh"),
    ("Bashar al-Assad,[1]", "Person", "Bashar al-Assad"),
    ("Kataib Hezbollah militia", "Organization", "Kataib Hezbollah"),
    ("Syria\n\nAttribution", "Location", "Syria"),
])
def test_clean_strips_titles_articles_possessives_and_swallowed_punctuation(raw: str, kind: str, expected: str) -> None:
    assert clean(raw, kind) == expected


def test_titles_are_kept_on_organisations() -> None:
    assert clean("President's Office", "Organization") == "President's Office"


def test_acronyms_match_initials_with_or_without_small_words() -> None:
    assert is_acronym("ISIL") and is_acronym("U.N.") and not is_acronym("Iraq")
    assert acronym_of("ISIL", "Islamic State of Iraq and the Levant")
    assert acronym_of("FCO", "Foreign and Commonwealth Office")
    assert not acronym_of("UN", "Iraq")


def test_surname_keys_drop_arabic_particles() -> None:
    assert {"zawahiri", "al zawahiri"} <= surname_keys("Ayman al-Zawahiri")
    assert "bin laden" in surname_keys("Osama bin Laden")


def test_alias_table_maps_transliterations_to_one_canonical_name() -> None:
    assert canonical("Usama bin Laden").name == canonical("Osama bin Laden").name == "Osama bin Laden"
    assert canonical("ISIS").name == canonical("Daesh").name == canonical("ISIL").name


def test_acronym_in_brackets_merges_with_its_expansion() -> None:
    doc = make_doc("The National Liberation Front ( NLF ) attacked . NLF fighters left .",
                   {"National Liberation Front": "ORG", "NLF": "ORG"})
    table = EntityTable(doc)
    assert len(table.entities) == 1
    ent = table.entities[0]
    assert ent.name == "National Liberation Front" and "NLF" in ent.aliases and len(ent.mentions) == 3


def test_lone_surname_joins_the_earlier_full_name_even_when_mislabelled() -> None:
    doc = make_doc("John Smith spoke . Smith left . Smith returned .",
                   {"John Smith": "PERSON", "Smith": "ORG"})
    table = EntityTable(doc)
    assert [(e.type, e.name, e.aliases) for e in table.entities] == [("Person", "John Smith", ["Smith"])]


def test_alias_table_gives_the_canonical_id() -> None:
    doc = make_doc("Usama bin Laden hid .", {"Usama bin Laden": "PERSON"})
    ent = EntityTable(doc).entities[0]
    assert ent.id == "person:osama-bin-laden" and "Usama bin Laden" in ent.aliases


def test_nationality_words_are_not_organisations() -> None:
    doc = make_doc("Syrian forces shelled Aleppo .", {"Syrian": "NORP", "Aleppo": "GPE"})
    assert [e.name for e in EntityTable(doc).entities] == ["Aleppo"]


def test_type_is_the_majority_of_mentions() -> None:
    doc = make_doc("Zorba met Kell . Zorba left . Zorba won .", {"Zorba": "GPE", "Kell": "PERSON"})
    doc.ents = [doc.char_span(0, 5, "GPE"), doc.char_span(10, 14, "PERSON"),
                doc.char_span(17, 22, "PERSON"), doc.char_span(30, 35, "PERSON")]
    zorba = next(e for e in EntityTable(doc).entities if e.name == "Zorba")
    assert zorba.type == "Person"


def test_headline_names_count_only_when_the_body_has_them() -> None:
    doc = make_doc("Robert Returns to Kabul . Robert Ford visited Kabul .",
                   {"Robert Returns": "PERSON", "Kabul": "GPE", "Robert Ford": "PERSON"})
    table = EntityTable(doc, body_start=doc.text.index("Robert Ford"))
    assert sorted(e.name for e in table.entities) == ["Kabul", "Robert Ford"]


def test_lookup_get_find_and_add_share_one_entity() -> None:
    doc = make_doc("Hamas fired rockets at Sderot .", {"Hamas": "ORG", "Sderot": "GPE"})
    table = EntityTable(doc)
    hamas = table.lookup(doc[0:1])
    assert hamas is not None and table.get(hamas.id) is hamas
    assert table.lookup((0, 3)) is hamas and table.lookup(doc[2]) is None
    assert table.find("Organization", "HAMAS") is hamas
    assert table.add("Organization", "Hamas", doc[0:1]) is hamas
    attack = table.add("Incident", "Sderot rocket attack", doc[1:5])
    assert table.lookup(doc[2]) is attack and attack.id == "incident:sderot-rocket-attack"


def test_lookup_takes_the_largest_overlap_then_the_tighter_mention_then_the_first_recorded() -> None:
    doc = make_doc("Hamas fired rockets at Sderot .", {"Hamas": "ORG", "Sderot": "GPE"})
    table = EntityTable(doc)
    wide = table.add("Incident", "Hamas rocket fire", doc[0:3])
    first = table.add("Organization", "Rocket Unit", doc[2:3])
    table.add("Organization", "Rocket Brigade", doc[2:3])
    assert table.lookup(doc[0:3]) is wide and table.lookup(doc[0:1]).name == "Hamas"
    assert table.lookup(doc[2]) is first and table.lookup(doc[4]).name == "Sderot"


def test_also_known_as_makes_an_alias_not_a_second_person() -> None:
    doc = make_doc("Riduan Isamuddin , better known as Hambali , was captured . Hambali denied it .",
                   {"Riduan Isamuddin": "PERSON", "Hambali": "PERSON"})
    assert [(e.name, e.aliases) for e in EntityTable(doc).entities] == [("Riduan Isamuddin", ["Hambali"])]


def test_an_acronym_defined_in_brackets_is_found_where_the_model_missed_it() -> None:
    doc = make_doc("The Baghdad Operational Command ( BOC ) grew . BOC troops left .",
                   {"Baghdad Operational Command": "ORG"})
    [ent] = EntityTable(doc).entities
    assert ent.aliases == ["BOC"] and [m.text for m in ent.mentions] == ["Baghdad Operational Command", "BOC", "BOC"]


def test_an_appositive_role_noun_makes_a_mislabelled_name_a_person() -> None:
    doc = make_doc("Ibrahim al-Asiri , the group 's chief bombmaker , fled .", {"Ibrahim al-Asiri": "ORG"})
    for tok, pos in zip(doc, ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PART", "ADJ", "NOUN", "PUNCT", "VERB", "PUNCT"]):
        tok.pos_ = pos
    assert [(e.type, e.name) for e in EntityTable(doc).entities] == [("Person", "Ibrahim al-Asiri")]
