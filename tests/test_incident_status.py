"""Incident status from the verb above the deed: tried, failed, planned, prevented, refused."""
from ingest.entities import EntityTable
from ingest.events import find_events
from ingest.records import Article


def statuses(nlp, text):
    """(kind, status) of each incident in the text."""
    doc = nlp(text)
    ents, _ = find_events(doc, EntityTable(doc), Article(id="t", text=text, publishedAt="2016-03-05"))
    return [(e.properties["kind"], e.properties["status"]) for e in ents if e.type == "Incident"]


def test_failing_to_carry_out_an_attack_is_an_attempt(nlp):
    assert statuses(nlp, "The group failed to carry out the attack on the embassy in Nairobi in 2012.") \
        == [("attack", "attempted")]


def test_trying_or_attempting_the_deed_itself_is_an_attempt(nlp):
    assert [s for _, s in statuses(nlp, "Al-Shabaab tried to bomb the embassy in Nairobi in 2012.")] == ["attempted"]
    assert [s for _, s in statuses(nlp, "The militants attempted to attack the base in Kabul in 2012.")] \
        == ["attempted"]
    assert [s for _, s in statuses(nlp, "The cell sought to carry out an attack in Nairobi in 2012.")] == ["attempted"]


def test_planning_to_carry_out_an_attack_is_a_plot_not_a_deed(nlp):
    assert statuses(nlp, "The group planned to carry out an attack in Nairobi in 2012.") == [("plot", "foiled")]


def test_prevented_from_carrying_out_is_foiled(nlp):
    assert [s for _, s in statuses(nlp, "Police stopped the men from carrying out the attack in Nairobi in 2012.")] \
        == ["foiled"]


def test_failing_to_prevent_an_attack_leaves_it_carried_out(nlp):
    assert statuses(nlp, "Intelligence agencies failed to prevent the attack on the embassy in Nairobi in 2012.") \
        == [("attack", "carried_out")]


def test_trying_to_claim_an_attack_says_nothing_of_the_attack(nlp):
    assert statuses(nlp, "ISIS tried to claim the attack in Nairobi in 2012.") == [("attack", "carried_out")]


def test_a_refused_deed_is_no_incident(nlp):
    assert statuses(nlp, "Hezbollah refused to carry out the bombing in Beirut in 2012.") == []
    assert statuses(nlp, "Hezbollah declined to launch an attack on Israel in 2012.") == []


def test_a_denied_deed_still_happened(nlp):
    assert statuses(nlp, "Hezbollah denied carrying out the attack in Beirut in 2012.") == [("attack", "carried_out")]
    assert statuses(nlp, "Hezbollah did not refuse to carry out the bombing in Beirut in 2012.") \
        == [("bombing", "carried_out")]


def test_carrying_out_an_attack_is_carried_out(nlp):
    assert statuses(nlp, "Al-Qaeda carried out the attack on the embassy in Nairobi in 2012.") \
        == [("attack", "carried_out")]


def test_an_attempt_to_do_it_is_attempted_and_a_thwarted_one_foiled(nlp):
    assert statuses(nlp, "The group made an attempt to assassinate the president in Nairobi in 2012.") \
        == [("assassination", "attempted")]
    assert statuses(nlp, "Police foiled an attempt to attack the embassy in Nairobi in 2012.") == [("attack", "foiled")]
