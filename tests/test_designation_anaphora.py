"""Designation targets and authorities named by "he", "it", "him" or "the group", parsed by the small model."""
from __future__ import annotations

from spacy.language import Language

from ingest.designations import find_designations
from ingest.entities import EntityTable
from ingest.records import Article, Relation


def edges(nlp: Language, text: str) -> dict[tuple[str, str, str], Relation]:
    """(edge type, authority or target name, designation name) -> its ISSUED or TARGETS relation."""
    doc = nlp(text)
    table = EntityTable(doc)
    ents, rels = find_designations(doc, table, Article(id="t", text=text, publishedAt="2024-01-01"))
    names = {e.id: e.name for e in table.entities + ents}
    out = {}
    for r in rels:
        end, act = (r.source, r.target) if r.type == "ISSUED" else (r.target, r.source)
        out[(r.type, names[end], names[act])] = r
    return out


def ends(found: dict[tuple[str, str, str], Relation], kind: str) -> set[str]:
    return {name for (edge, name, _), _r in found.items() if edge == kind}


def test_it_designated_by_a_named_authority_is_the_group_named_before(nlp: Language) -> None:
    found = edges(nlp, "Jemaah Islamiyah is a militant network in Indonesia. "
                       "The State Department designated it a Foreign Terrorist Organization in 2002.")
    assert ends(found, "TARGETS") == {"Jemaah Islamiyah"} and "State Department" in ends(found, "ISSUED")


def test_it_as_the_subject_of_a_passive_listing_is_the_group_named_before(nlp: Language) -> None:
    found = edges(nlp, "Jemaah Islamiyah is a militant network in Indonesia. "
                       "It was added to the UN sanctions list in 2002.")
    assert ends(found, "TARGETS") == {"Jemaah Islamiyah"}


def test_the_group_proscribed_is_the_group_named_before(nlp: Language) -> None:
    found = edges(nlp, "Al-Shabaab is a militant group in Somalia. Britain proscribed the group in 2010.")
    assert ends(found, "TARGETS") == {"al-Shabaab"} and ends(found, "ISSUED") == {"United Kingdom"}


def test_he_and_him_listed_are_the_person_named_before(nlp: Language) -> None:
    for second in ("He was listed by the Treasury in 2012.", "The Treasury sanctioned him in 2012."):
        found = edges(nlp, f"Hasan Izz-al-Din is a senior member of Hezbollah. {second}")
        assert ends(found, "TARGETS") == {"Hasan Izz-al-Din"}, second


def test_its_leader_named_beside_it_is_the_target_not_the_group(nlp: Language) -> None:
    found = edges(nlp, "Al-Shabaab is a militant group in Somalia. "
                       "Its leader, Ahmed Diriye, was sanctioned by the Treasury in 2015.")
    assert ends(found, "TARGETS") == {"Ahmed Diriye"}


def test_a_group_given_its_name_by_a_participle_is_what_it_stands_for(nlp: Language) -> None:
    found = edges(nlp, "The group, known as Ansaru, emerged in 2012 in northern Nigeria. "
                       "Britain proscribed it in 2012.")
    assert ends(found, "TARGETS") == {"Ansaru"}


def test_it_listed_by_a_second_authority_is_the_group_the_first_listed_not_that_authority(nlp: Language) -> None:
    found = edges(nlp, "In October 2002 the State Department designated Jemaah Islamiyah a Foreign Terrorist "
                       "Organization, and on October 25, 2002 the UN Security Council added it to its sanctions list.")
    assert ends(found, "TARGETS") == {"Jemaah Islamiyah"}


def test_an_anaphor_grammar_leaves_open_makes_no_designation(nlp: Language) -> None:
    # "he" could be the unnamed commander: not al-Shabaab's anybody
    text = "A commander of Al-Shabaab said he would fight on. He was sanctioned by the Treasury in 2015."
    assert edges(nlp, text) == {}


def test_edges_through_an_anaphor_say_so_and_show_the_naming_sentence_first(nlp: Language) -> None:
    text = "Jemaah Islamiyah is a militant network in Indonesia. " \
           "The State Department designated it a Foreign Terrorist Organization in 2002."
    for rel in edges(nlp, text).values():
        assert rel.extractor.endswith("+anaphora") and rel.confidence == 0.56
        assert rel.evidence == [text]


def test_a_target_the_text_also_names_gets_the_plain_edges(nlp: Language) -> None:
    found = edges(nlp, "Al-Shabaab is a militant group in Somalia. The State Department designated it a Foreign "
                       "Terrorist Organization in March 2008. Al-Shabaab was designated a Foreign Terrorist "
                       "Organization by the State Department in March 2008.")
    assert ends(found, "TARGETS") == {"al-Shabaab"}
    assert {r.extractor for r in found.values()} == {"designation-authority", "designation-target"}


def test_only_the_edges_resting_on_an_anaphor_are_marked(nlp: Language) -> None:
    # the target is named; the authority is "it": ISSUED rests on the resolution, TARGETS does not
    found = edges(nlp, "The European Union has long debated Hezbollah. "
                       "In 2013 it placed Hezbollah's military wing on its terrorist list.")
    assert {r.type: r.extractor for r in found.values()} == {
        "ISSUED": "designation-authority+anaphora", "TARGETS": "designation-target"}


def test_a_reward_for_him_after_a_reported_killing_targets_the_one_killed_not_the_reporter(nlp: Language) -> None:
    found = edges(nlp, "Ayman al-Zawahiri was killed in a drone strike in Kabul, President Joe Biden announced. "
                       "The US had offered a reward of $25 million for him.")
    assert ends(found, "TARGETS") == {"Ayman al-Zawahiri"}
