"""Incidents from English sentence shapes: kinds, places, dates, tolls, status, roles, one node per incident."""
from ingest.entities import EntityTable
from ingest.events import find_events
from ingest.pipeline import load_nlp
from ingest.records import Article


def incidents(text, published="2016-03-05"):
    doc = load_nlp()(text)
    table = EntityTable(doc)
    ents, rels = find_events(doc, table, Article(id="t", text=text, publishedAt=published))
    names = {e.id: e.name for e in table.entities + ents}
    out = {}
    for e in ents:
        if e.type != "Incident":
            continue
        out[e.id] = {
            "props": e.properties, "aliases": [a.lower() for a in [e.name, *e.aliases]],
            "places": [names[r.target] for r in rels if r.type == "OCCURRED_IN" and r.source == e.id],
            "roles": {names[r.source]: r.properties["role"] for r in rels
                      if r.type == "INVOLVED_IN" and r.target == e.id},
        }
    return list(out.values())


def test_attack_with_place_date_toll_and_perpetrator():
    [inc] = incidents("Gunmen from al-Shabaab stormed the Westgate shopping mall in Nairobi on September 21, 2013. "
                      "Kenyan officials said 67 people were killed. The group claimed the attack.")
    assert inc["props"]["date"] == "2013-09-21" and inc["props"]["kind"] == "attack"
    assert "Nairobi" in inc["places"] and inc["props"]["killed"] == 67
    assert inc["roles"].get("al-Shabaab") == "perpetrator"
    assert "nairobi attack" in inc["aliases"]


def test_coordinated_victims_add_up():
    [inc] = incidents("In June 2014 Mosul was captured by the Islamic State after fighting that "
                      "saw 120 Iraqi soldiers and a senior Iraqi general killed.")
    assert inc["props"]["killed"] == 121 and inc["props"]["date"] == "2014-06"


def test_plot_is_not_carried_out():
    [inc] = incidents("Police in London foiled a plot to bomb transatlantic airliners in August 2006.")
    assert inc["props"]["kind"] == "plot" and inc["props"]["status"] == "foiled"


def test_definite_anaphor_joins_its_antecedent():
    found = incidents("A car bomb exploded outside the Marriott hotel in Jakarta on August 5, 2003. "
                      "Jemaah Islamiyah was blamed for the bombing.")
    assert len(found) == 1
    assert found[0]["roles"].get("Jemaah Islamiyah") == "suspect"


def test_two_places_two_incidents():
    found = incidents("The 2002 bombing in Bali killed 202 people. The 2003 bombing in Jakarta killed 12.")
    assert len(found) == 2


def test_generic_mention_is_no_incident():
    assert incidents("Attacks on civilians must stop, the minister said.") == []


def test_state_before_a_strike_is_its_perpetrator():
    [inc] = incidents("Ayman al-Zawahiri was killed in a US drone strike in Kabul on July 31, 2022.")
    assert inc["roles"].get("Ayman al-Zawahiri") == "victim"
    assert "Kabul" in inc["places"] and inc["props"]["date"] == "2022-07-31"


def test_a_regime_named_after_its_leader_is_an_organisation():
    [inc] = incidents("President Bashar al-Asad rules Syria. Civilians face ongoing shelling in Wadi Barada "
                      "by the Asad regime and militias like Hezbollah.")
    assert inc["roles"].get("Asad regime") == "perpetrator"
    assert "Wadi Barada" in inc["places"]
