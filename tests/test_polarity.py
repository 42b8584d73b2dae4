"""Negation, denial and refusal take a statement back; object control gives an infinitive its subject.

Short English sentences parsed by the small model, one construction per test (no database).
"""
from __future__ import annotations

import pytest
from spacy.language import Language

from ingest.designations import find_designations
from ingest.entities import EntityTable
from ingest.events import find_events
from ingest.polarity import asserted
from ingest.records import Article
from ingest.relations import find_relations
from tests.parsing import triples


def kinds(nlp: Language, text: str) -> set[str]:
    return {t[0] for t in triples(nlp, text)}


def former(nlp: Language, text: str) -> set[bool]:
    """The `former` flags of the LEADS relations found in `text` (empty when there are none)."""
    doc = nlp(text)
    return {r.properties["former"] for r in find_relations(doc, EntityTable(doc)) if r.type == "LEADS"}


def involvement(nlp: Language, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    table = EntityTable(doc)
    _, rels = find_events(doc, table, Article(id="t", text=text, publishedAt="2016-01-01"))
    names = {e.id: e.name for e in table.entities}
    return {(names[r.source], r.properties["role"]) for r in rels if r.type == "INVOLVED_IN"}


def designations(nlp: Language, text: str) -> list[tuple[str | None, str]]:
    doc = nlp(text)
    table = EntityTable(doc)
    ents, _ = find_designations(doc, table, Article(id="t", text=text, publishedAt="2021-01-01"))
    return [(e.properties.get("date"), e.properties["status"]) for e in ents]


def test_the_affirmative_sentence_still_relates(nlp: Language) -> None:
    assert ("SUPPORTS", "Iran", "Hamas") in triples(nlp, "Iran funds Hamas.")


@pytest.mark.parametrize("text", [
    "Iran does not fund Hamas.",
    "Iran does not fund or arm Hamas.",
    "The Houthis are not backed by Iran.",
    "Abu Bakr al-Baghdadi never led the Islamic State.",
    "Hamas is not part of the Muslim Brotherhood.",
    "Hamas is not based in Gaza.",
])
def test_a_negated_trigger_relates_nothing(nlp: Language, text: str) -> None:
    assert not triples(nlp, text)


@pytest.mark.parametrize("text", [
    "Iran denies that it arms the Houthis.",
    "Iran denies arming the Houthis.",
    "Iran has denied that it provides weapons to Hamas.",
    "Iran has rejected claims that it supports Hezbollah.",
    "Iran dismissed reports it had funded Hamas.",
    "Iran refutes allegations of funding Hamas.",
    "Iran denied its support for Hamas.",
    "Ayman al-Zawahiri denied being the leader of al-Qaeda.",
])
def test_what_a_verb_of_denial_governs_is_not_asserted(nlp: Language, text: str) -> None:
    assert not triples(nlp, text)


def test_no_evidence_that_takes_the_clause_back_but_evidence_that_does_not(nlp: Language) -> None:
    assert not triples(nlp, "There is no evidence that Iran funded Hamas.")
    assert ("SUPPORTS", "Iran", "Hamas") in triples(nlp, "There is evidence that Iran funded Hamas.")


def test_a_clause_coordinated_with_a_denial_is_asserted(nlp: Language) -> None:
    assert ("SUPPORTS", "Iran", "Hamas") in triples(nlp, "Iran denied the claims and said it funds Hamas.")


def test_a_description_inside_a_denial_is_presupposed(nlp: Language) -> None:
    assert ("LEADS", "Ayman al-Zawahiri", "al-Qaeda") in triples(
        nlp, "Israel denied killing Ayman al-Zawahiri, the leader of al-Qaeda.")


@pytest.mark.parametrize("text", [
    "Iran has not stopped funding Hamas.",
    "Iran has never hidden its support for Hamas.",
    "Iran has never hidden that it funds Hamas.",
])
def test_negating_a_verb_of_stopping_or_hiding_asserts(nlp: Language, text: str) -> None:
    assert "SUPPORTS" in kinds(nlp, text)


def test_not_any_more_is_a_former_state_not_a_denial(nlp: Language) -> None:
    assert "LEADS" in kinds(nlp, "Abu Bakr al-Baghdadi does not lead the Islamic State any more.")
    assert "LEADS" in kinds(nlp, "Abu Bakr al-Baghdadi no longer leads the Islamic State.")


@pytest.mark.parametrize("text", [
    "Abu Bakr al-Baghdadi no longer leads the Islamic State.",
    "Abu Bakr al-Baghdadi is no longer the leader of the Islamic State.",
    "Abu Bakr al-Baghdadi does not lead the Islamic State any more.",
])
def test_no_longer_leading_is_a_former_role(nlp: Language, text: str) -> None:
    assert former(nlp, text) == {True}


@pytest.mark.parametrize("verb", ["named", "told", "asked"])
def test_the_object_of_the_governing_verb_is_the_subject_of_the_infinitive(nlp: Language, verb: str) -> None:
    found = triples(nlp, f"Khamenei {verb} Esmail Qaani to lead the Quds Force.")
    assert ("LEADS", "Esmail Qaani", "IRGC-Quds Force") in found
    assert not any(t[1] == "Khamenei" for t in found)


def test_without_an_object_the_infinitive_keeps_the_subject(nlp: Language) -> None:
    assert ("LEADS", "Khamenei", "IRGC-Quds Force") in triples(nlp, "Khamenei decided to lead the Quds Force.")
    assert ("LEADS", "Esmail Qaani", "IRGC-Quds Force") in triples(
        nlp, "Esmail Qaani was appointed to head the Quds Force.")


def test_a_denied_or_negated_deed_names_no_perpetrator(nlp: Language) -> None:
    first = "Al-Shabaab stormed the Westgate mall in Nairobi in 2013. "
    assert ("al-Shabaab", "perpetrator") in involvement(nlp, first + "Hezbollah denied carrying out the attack.")
    assert ("Hizballah", "perpetrator") not in involvement(nlp, first + "Hezbollah denied carrying out the attack.")
    assert ("Hizballah", "perpetrator") not in involvement(nlp, first + "Hezbollah did not carry out the attack.")


def test_an_unclaimed_or_unlinked_bombing_involves_no_one(nlp: Language) -> None:
    first = "A bomb exploded at the Marriott hotel in Jakarta in 2003. "
    assert involvement(nlp, first + "Jemaah Islamiyah claimed the bombing.") == {("Jemaah Islamiyah", "perpetrator")}
    assert not involvement(nlp, first + "Jemaah Islamiyah never claimed the bombing.")
    assert not involvement(nlp, first + "Police have not linked the bombing to Jemaah Islamiyah.")


def test_a_negated_lifting_leaves_the_designation_active(nlp: Language) -> None:
    listed = "The US designated Hamas as a Foreign Terrorist Organization in 1997. "
    assert designations(nlp, listed + "Hamas was removed from the list in 2020.") == [("1997", "lifted")]
    assert designations(nlp, listed + "Hamas has not been removed from the list.") == [("1997", "active")]
    banned = "The EU imposed a ban on Hezbollah in 2013. "
    assert designations(nlp, banned + "The ban was not lifted.") == [("2013", "active")]


def test_a_negated_designating_verb_lists_no_one(nlp: Language) -> None:
    assert designations(nlp, "Britain proscribed the Muslim Brotherhood in 2014.") == [("2014", "active")]
    assert designations(nlp, "Britain has not proscribed the Muslim Brotherhood.") == []


@pytest.mark.parametrize("text", [
    "Iran refused to fund Hamas.",
    "Iran has refused to arm the Houthis.",
    "Abu Bakr al-Baghdadi declined to lead the Islamic State.",
    "Iran avoided arming the Houthis.",
])
def test_what_a_verb_of_refusal_governs_is_not_asserted(nlp: Language, text: str) -> None:
    assert not triples(nlp, text)


def test_refraining_from_a_deed_is_a_refusal(nlp: Language) -> None:
    doc = nlp("Iran refrained from funding Hamas.")
    assert not asserted(doc[3]) and asserted(nlp("Iran did not refrain from funding Hamas.")[5])


def test_refusing_to_talk_about_a_statement_leaves_it_asserted(nlp: Language) -> None:
    assert ("SUPPORTS", "Iran", "Hamas") in triples(nlp, "Iran declined to comment on reports that it funds Hamas.")


def test_a_failed_attempt_relates_nothing(nlp: Language) -> None:
    assert not triples(nlp, "Iran failed to fund Hamas.")


def test_a_failed_attack_is_still_an_attempted_incident(nlp: Language) -> None:
    text = "Al-Shabaab failed to bomb the US embassy in Nairobi in 2010."
    doc = nlp(text)
    ents, _ = find_events(doc, EntityTable(doc), Article(id="t", text=text, publishedAt="2016-01-01"))
    assert [e.properties["status"] for e in ents if e.type == "Incident"] == ["attempted"]
    assert ("al-Shabaab", "perpetrator") in involvement(nlp, text)


@pytest.mark.parametrize("text", [
    "Iran did not refuse to fund Hamas.",
    "Iran has not declined to arm the Houthis.",
    "Iran never failed to fund Hamas.",
])
def test_negating_a_verb_of_refusal_or_failure_asserts(nlp: Language, text: str) -> None:
    assert "SUPPORTS" in kinds(nlp, text)


@pytest.mark.parametrize("text", [
    "Iran never denied arming the Houthis.",
    "Iran has never denied that it arms the Houthis.",
])
def test_never_denying_asserts(nlp: Language, text: str) -> None:
    assert ("SUPPORTS", "Iran", "Ansar Allah") in triples(nlp, text)


def test_refusing_to_stop_asserts_a_current_state(nlp: Language) -> None:
    assert ("SUPPORTS", "Iran", "Hamas") in triples(nlp, "Iran refused to stop funding Hamas.")
    assert former(nlp, "Abu Bakr al-Baghdadi refused to stop leading the Islamic State.") == {False}


@pytest.mark.parametrize("text", [
    "Abu Bakr al-Baghdadi stopped leading the Islamic State.",
    "Abu Bakr al-Baghdadi ceased to be the leader of the Islamic State.",
    "Abu Bakr al-Baghdadi gave up leading the Islamic State.",
])
def test_stopping_a_role_makes_it_former(nlp: Language, text: str) -> None:
    assert former(nlp, text) == {True}


def test_ending_up_in_a_role_is_no_stopping(nlp: Language) -> None:
    assert former(nlp, "Abu Bakr al-Baghdadi ended up leading the Islamic State.") == {False}


@pytest.mark.parametrize("text", [
    "Iran stopped funding Hamas.",
    "Iran ceased to support Hamas.",
    "Iran no longer funds Hamas.",
])
def test_stopped_support_keeps_its_edge_as_the_past_tense_does(nlp: Language, text: str) -> None:
    assert ("SUPPORTS", "Iran", "Hamas") in triples(nlp, text)


def test_a_tensed_verb_after_a_refused_infinitive_is_asserted(nlp: Language) -> None:
    found = triples(nlp, "Iran declined to fund Hamas but armed the Houthis.")
    assert ("SUPPORTS", "Iran", "Ansar Allah") in found
    assert ("SUPPORTS", "Iran", "Hamas") not in found


@pytest.mark.parametrize("text", [
    "Iran said it does not fund Hamas.",
    "Iran refused to say whether it funds Hamas.",
])
def test_a_statement_taken_back_below_a_verb_of_saying_stays_back(nlp: Language, text: str) -> None:
    assert not triples(nlp, text)
