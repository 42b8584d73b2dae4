"""Relation rules on short English sentences, parsed by the small model (one construction per test)."""
from __future__ import annotations

from spacy.language import Language

from ingest.entities import EntityTable
from ingest.relations import find_relations
from tests.parsing import triples


def relation(nlp: Language, text: str, rel_type: str):
    doc = nlp(text)
    table = EntityTable(doc)
    found = [r for r in find_relations(doc, table) if r.type == rel_type]
    assert found, f"no {rel_type} in {text!r}"
    return found[0]


def test_appositive_role_leads(nlp: Language) -> None:
    assert ("LEADS", "Ayman al-Zawahiri", "al-Qaeda") in triples(nlp, "Ayman al-Zawahiri, the leader of al-Qaeda, was killed.")


def test_role_before_the_name_leads(nlp: Language) -> None:
    rel = relation(nlp, "Al-Qaeda leader Ayman al-Zawahiri was killed.", "LEADS")
    assert rel.properties == {"role": "leader", "former": False} and rel.extractor == "role-prefix"


def test_former_role_is_marked(nlp: Language) -> None:
    rel = relation(nlp, "Iraq held elections. Former Iraqi Prime Minister Nouri al-Maliki spoke.", "LEADS")
    assert rel.properties == {"role": "prime minister", "former": True}


def test_relative_clause_with_lead_verb(nlp: Language) -> None:
    assert ("LEADS", "Abu Bakr al-Baghdadi", "Islamic State") in triples(
        nlp, "Abu Bakr al-Baghdadi, who led the Islamic State, died.")


def test_member_of_appositive(nlp: Language) -> None:
    rel = relation(nlp, "Omar Khan, a member of al-Shabaab, was arrested.", "MEMBER_OF")
    assert rel.properties["role"] == "member"


def test_department_chief_is_a_member(nlp: Language) -> None:
    rel = relation(nlp, "Riduan Isamuddin, the Jemaah Islamiyah operations chief, was captured.", "MEMBER_OF")
    assert rel.properties["role"] == "operations chief"


def test_passive_founder(nlp: Language) -> None:
    assert ("LEADS", "Hafiz Muhammad Saeed", "Lashkar-e-Tayyiba") in triples(
        nlp, "Lashkar-e-Taiba was founded around 1990 by Hafiz Muhammad Saeed.")


def test_wing_of_is_part_of(nlp: Language) -> None:
    assert ("PART_OF", "Izz ad-Din al-Qassam Brigades", "Hamas") in triples(
        nlp, "The Izz ad-Din al-Qassam Brigades, Hamas's military wing, fired rockets.")


def test_branch_of_after_an_acronym_is_part_of(nlp: Language) -> None:
    assert ("PART_OF", "al-Qaeda in the Arabian Peninsula", "al-Qaeda") in triples(
        nlp, "Al-Qaeda in the Arabian Peninsula (AQAP), the Yemen-based branch of al-Qaeda, claimed the plot.")


def test_support_verb_reaches_every_listed_recipient(nlp: Language) -> None:
    found = triples(nlp, "Iran funds and arms Hezbollah, Hamas and the Houthis.")
    assert {("SUPPORTS", "Iran", name) for name in ("Hizballah", "Hamas", "Ansar Allah")} <= found


def test_provide_weapons_to_says_how(nlp: Language) -> None:
    rel = relation(nlp, "Saudi Arabia provided weapons to the Free Syrian Army.", "SUPPORTS")
    assert rel.properties == {"how": "weapons"}


def test_backed_by(nlp: Language) -> None:
    assert ("SUPPORTS", "Iran", "Hizballah") in triples(nlp, "Hezbollah, the Lebanese movement backed by Iran, denied it.")
    assert ("SUPPORTS", "Iran", "Ansar Allah") in triples(nlp, "The Iran-backed Houthis attacked ships.")


def test_based_in_forms(nlp: Language) -> None:
    assert ("BASED_IN", "Lashkar-e-Tayyiba", "Pakistan") in triples(nlp, "Lashkar-e-Taiba is a Pakistan-based group.")
    assert ("BASED_IN", "Hizballah", "Beirut") in triples(nlp, "Hezbollah, based in Beirut, denied it.")


def test_every_relation_carries_its_sentence_rule_and_confidence(nlp: Language) -> None:
    rel = relation(nlp, "Hezbollah, based in Beirut, denied it. Nothing else happened.", "BASED_IN")
    assert rel.evidence == ["Hezbollah, based in Beirut, denied it."]
    assert rel.extractor == "based-in" and 0 < rel.confidence <= 1


def test_no_relation_between_names_that_merely_share_a_sentence(nlp: Language) -> None:
    assert triples(nlp, "Hamas and Hezbollah both issued statements on Monday.") == set()


def test_support_noun_with_giver_and_recipient(nlp: Language) -> None:
    rel = relation(nlp, "Minister Tobias Ellwood reiterates UK support for Iraq.", "SUPPORTS")
    assert rel.extractor == "supports-noun" and rel.properties == {"how": "support"}


def test_group_in_a_place_is_based_there(nlp: Language) -> None:
    assert ("BASED_IN", "Syrian Computer Society", "Syria") in triples(
        nlp, "The Syrian Computer Society is an organization in Syria.")


def test_the_group_points_back_to_the_last_armed_group(nlp: Language) -> None:
    assert ("LEADS", "Ahmed Abdi Godane", "al-Shabaab") in triples(
        nlp, "The UN Security Council met. Al-Shabaab was formed in 2006. The group was then led by Ahmed Abdi Godane.")


def test_receiving_support_from_reverses_the_roles(nlp: Language) -> None:
    rel = relation(nlp, "Hezbollah receives funding and weapons from Iran.", "SUPPORTS")
    assert rel.extractor == "supports-received" and rel.properties == {"how": "funding"}


def test_affiliated_with_is_part_of(nlp: Language) -> None:
    assert ("PART_OF", "Ansar Bayt al-Maqdis", "Islamic State") in triples(
        nlp, "Ansar Bayt al-Maqdis, which is affiliated with the Islamic State, attacked troops.")


def test_headquarters_in_is_based_in(nlp: Language) -> None:
    assert ("BASED_IN", "Hamas", "Gaza") in triples(nlp, "Hamas's headquarters in Gaza was hit.")


def test_a_spokesman_for_a_wing_is_a_member_of_the_group(nlp: Language) -> None:
    rel = relation(nlp, "Abu Obeida, the spokesman for Hamas's armed wing, released a video.", "MEMBER_OF")
    assert rel.properties["role"] == "spokesman"


def test_what_was_supplied_says_how(nlp: Language) -> None:
    assert relation(nlp, "Iran supplies the Houthis with missiles and drones.", "SUPPORTS").properties == {"how": "weapons"}


def test_hyphenated_roles_and_the_as_phrase(nlp: Language) -> None:
    rel = relation(nlp, "Hezbollah is strong. Hassan Nasrallah led the group as secretary-general from 1992.", "LEADS")
    assert rel.properties == {"role": "secretary-general", "former": True}
    assert relation(nlp, "Abdullah Azzam, a co-founder of al-Qaeda, was killed.", "LEADS").properties["role"] == "co-founder"
