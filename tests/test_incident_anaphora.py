"""Incident parties named by "he", "it", "they", "the group" or "its fighters", parsed by the small model."""
from __future__ import annotations

from spacy.language import Language

from ingest.entities import EntityTable
from ingest.events import find_events
from ingest.records import Article, Relation


def involved(nlp: Language, text: str) -> dict[tuple[str, str], Relation]:
    """(party name, role) -> its INVOLVED_IN relation, for every incident found in `text`."""
    doc = nlp(text)
    table = EntityTable(doc)
    ents, rels = find_events(doc, table, Article(id="t", text=text, publishedAt="2016-03-05"))
    names = {e.id: e.name for e in table.entities + ents}
    return {(names[r.source], r.properties["role"]): r for r in rels if r.type == "INVOLVED_IN"}


def test_it_claiming_an_attack_makes_the_group_named_before_its_perpetrator(nlp: Language) -> None:
    found = involved(nlp, "A car bomb exploded outside the Marriott hotel in Jakarta on August 5, 2003. "
                          "Jemaah Islamiyah is a militant network based in Indonesia. It claimed the bombing.")
    assert ("Jemaah Islamiyah", "perpetrator") in found


def test_the_group_that_says_it_carried_out_the_attack_is_the_group_named_before(nlp: Language) -> None:
    found = involved(nlp, "Al-Shabaab is a militant group in Somalia. The group said it carried out the attack "
                          "on the Westgate mall in Nairobi on September 21, 2013.")
    assert ("al-Shabaab", "perpetrator") in found


def test_its_fighters_make_their_group_the_perpetrator(nlp: Language) -> None:
    found = involved(nlp, "Al-Shabaab is a militant group in Somalia. "
                          "In September 2013 its fighters stormed the Westgate mall in Nairobi.")
    assert ("al-Shabaab", "perpetrator") in found


def test_they_stand_for_a_group(nlp: Language) -> None:
    found = involved(nlp, "Boko Haram is a jihadist group in Nigeria. "
                          "They claimed the attack on a school in Chibok in April 2014.")
    assert ("Boko Haram", "perpetrator") in found


def test_he_killed_in_a_strike_is_the_person_the_sentence_names(nlp: Language) -> None:
    found = involved(nlp, "Hassan Nasrallah led Hezbollah from 1992 until he was killed in an Israeli airstrike "
                          "in Beirut in September 2024.")
    assert ("Hassan Nasrallah", "victim") in found


def test_an_edge_through_an_anaphor_says_so_and_shows_the_naming_sentence_first(nlp: Language) -> None:
    text = "Boko Haram is a jihadist group in Nigeria. They claimed the attack on a school in Chibok in April 2014."
    rel = involved(nlp, text)[("Boko Haram", "perpetrator")]
    assert rel.extractor == "incident-perpetrator+anaphora" and rel.confidence == 0.48
    assert rel.evidence == [text]


def test_a_party_the_text_also_names_gets_the_plain_edge(nlp: Language) -> None:
    found = involved(nlp, "Al-Shabaab is a militant group in Somalia. It stormed the Westgate mall in Nairobi "
                          "on September 21, 2013. Al-Shabaab claimed the attack.")
    rel = found[("al-Shabaab", "perpetrator")]
    assert rel.extractor == "incident-perpetrator" and rel.evidence == ["Al-Shabaab claimed the attack."]


def test_an_anaphor_grammar_leaves_open_involves_nobody(nlp: Language) -> None:
    # "it" is the branch, which names no entity: not the Taliban named before
    found = involved(nlp, "The Taliban took Kabul in August 2021. The branch has since shown that it can strike far "
                          "from Afghanistan, and it carried out the attack on Crocus City Hall in Moscow on March 22, 2024.")
    assert found == {}


def test_the_description_repeating_a_name_is_that_group_not_the_last_one_named(nlp: Language) -> None:
    found = involved(nlp, "Sirajuddin Haqqani leads the Haqqani network, which is allied with the Taliban. "
                          "The Taliban took Kabul in August 2021. "
                          "The network was blamed for the attack on the US embassy in Kabul on September 13, 2011.")
    assert ("Haqqani Network", "suspect") in found and ("Taliban", "suspect") not in found


def test_the_possessive_in_an_urged_infinitive_is_the_object_of_urging(nlp: Language) -> None:
    found = involved(nlp, "Hezbollah is based in Lebanon. "
                          "The United States urged Hezbollah to end its attacks on Haifa in 2024.")
    assert ("Hizballah", "perpetrator") in found and ("United States", "perpetrator") not in found


def test_an_urged_object_that_names_nobody_leaves_the_possessive_open(nlp: Language) -> None:
    found = involved(nlp, "Russia backs the Asad regime. "
                          "The US urged Russia to press the regime to end its attacks on Aleppo in 2016.")
    assert not any(role == "perpetrator" for _, role in found)


def test_he_opening_a_paragraph_is_the_subject_the_last_one_ended_with(nlp: Language) -> None:
    found = involved(nlp, "Abboud Qanbar is an Iraqi general. Qanbar was later decorated by Saddam Hussein for his bravery.\n"
                          "He was appointed by Prime Minister Nouri al-Maliki to lead the 2007 Baghdad crackdown "
                          "in February 2007.")
    assert ("Abboud Qanbar", "perpetrator") in found and ("Saddam Hussein", "perpetrator") not in found
