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


def test_trying_is_an_attempt_at_the_deed_not_a_plot(nlp):
    assert statuses(nlp, "Militants tried to storm the army base in Kabul in 2012.") == [("attack", "attempted")]


def test_a_toll_outranks_an_attempt_whichever_comes_first(nlp):
    assert statuses(nlp, "Militants tried to storm the army base in Kabul on May 2, 2012. "
                         "The attack killed five soldiers.") == [("attack", "carried_out")]
    assert statuses(nlp, "The attack on the army base in Kabul on May 2, 2012 killed five soldiers. "
                         "Militants had tried to storm the base.") == [("attack", "carried_out")]


def test_a_deed_stated_as_done_outranks_an_attempt(nlp):
    assert statuses(nlp, "Militants tried to storm the army base in Kabul on May 2, 2012. "
                         "Hours later they stormed the base.") == [("attack", "carried_out")]


def test_a_generic_attack_with_a_toll_leaves_a_specific_deed_attempted(nlp):
    assert statuses(nlp, "Gunmen tried to assassinate the president of Kenya in Nairobi on May 2, 2012. "
                         "Two bodyguards were killed in the attack.") == [("assassination", "attempted")]


def test_a_foiling_verb_outranks_a_toll(nlp):
    assert statuses(nlp, "Police foiled the attack on the embassy in Nairobi in 2012. Two attackers were killed.") \
        == [("attack", "foiled")]


def test_a_plan_noun_with_an_infinitive_makes_a_plot(nlp):
    assert statuses(nlp, "Police arrested three men over a plan to attack the US embassy in Nairobi in 2012.") \
        == [("plot", "foiled")]
    assert statuses(nlp, "Officials said the group had plans to carry out attacks in Nairobi in 2012.") \
        == [("plot", "foiled")]
    assert statuses(nlp, "Prosecutors described a scheme to kidnap the governor of Michigan in 2020.") \
        == [("plot", "foiled")]
    assert statuses(nlp, "Police thwarted a plan to bomb the embassy in Nairobi in 2012.") == [("plot", "foiled")]


def test_a_planned_military_operation_is_no_plot(nlp):
    assert [k for k, _ in statuses(nlp, "Iraqi forces announced plans to retake Mosul from the Islamic State in 2016.")] \
        == ["military_operation"]
