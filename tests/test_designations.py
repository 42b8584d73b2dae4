"""Designations from real English sentence shapes: voice, noun phrases, date lists, lifting, several acts."""
import pytest

from ingest.designations import find_designations
from ingest.entities import EntityTable
from ingest.pipeline import load_nlp
from ingest.records import Article


def acts(text, published="2024-01-01"):
    doc = load_nlp()(text)
    table = EntityTable(doc)
    ents, rels = find_designations(doc, table, Article(id="t", text=text, publishedAt=published))
    names = {e.id: e.name for e in table.entities + ents}
    out = []
    for e in ents:
        issuers = sorted(names[r.source] for r in rels if r.type == "ISSUED" and r.target == e.id)
        targets = [names[r.target] for r in rels if r.type == "TARGETS" and r.source == e.id]
        out.append((targets[0], issuers, e.properties.get("date"), e.properties["kind"], e.properties["status"]))
    return out


def test_active_voice_with_reason_and_month():
    [(target, issuers, date, kind, status)] = acts(
        "The State Department designated Lashkar-e-Taiba as a Foreign Terrorist Organization in December 2001.")
    assert issuers == ["State Department"] and date == "2001-12" and kind == "terrorism" and status == "active"
    assert target.startswith("Lashkar")


def test_passive_voice_with_coordinated_targets():
    found = acts("Boko Haram and Ansaru were listed by the UN Security Council in May 2014.")
    assert sorted(t for t, *_ in found) == ["Ansaru", "Boko Haram"]
    assert all(d == "2014-05" for _, _, d, _, _ in found)


def test_date_list_gives_one_act_per_date():
    found = acts("Al-Shabaab was designated in 2001, 2004 and 2008.")
    assert sorted(d for _, _, d, _, _ in found) == ["2001", "2004", "2008"]


def test_noun_phrase_with_possessive_authority():
    [(target, issuers, date, kind, _)] = acts("The EU imposed an asset freeze on Hamas in 2003.")
    assert target == "Hamas" and date == "2003" and kind == "asset_freeze" and issuers


def test_red_notice():
    [(target, issuers, _, kind, _)] = acts("Interpol issued a red notice for Dawood Ibrahim.")
    assert target == "Dawood Ibrahim" and issuers == ["Interpol"] and kind == "red_notice"


def test_lifted_designation_is_marked_not_duplicated():
    found = acts("Secretary of State Mike Pompeo designated the Houthis as a Foreign Terrorist Organization in "
                 "January 2021. The Biden administration revoked the designation in February 2021.")
    assert len(found) == 1 and found[0][4] == "lifted" and found[0][2] == "2021-01"


def test_two_categories_are_two_acts():
    found = acts("Secretary of State Mike Pompeo designated the Houthis as a Foreign Terrorist Organization and "
                 "as a Specially Designated Global Terrorist entity in January 2021.")
    assert len(found) == 2


@pytest.mark.parametrize("text", [
    "The ban on smoking in restaurants began in 2007.",
    "He listed his favourite books in an interview.",
])
def test_no_designation_without_a_target(text):
    assert acts(text) == []


def test_lifting_without_an_earlier_listing_dates_the_lifting():
    [(target, issuers, date, kind, status)] = acts("The UN Security Council lifted sanctions on Iran in 2016.")
    assert target == "Iran" and status == "lifted" and date is None


@pytest.mark.parametrize("text,target,year", [
    ("The 2019 listing of Hezbollah by the United Kingdom followed years of debate.", "Hizballah", "2019"),
    ("Hezbollah's designation as a terrorist organization by the European Union came in July 2013.",
     "Hizballah", "2013"),
    ("The EU's asset freeze on Hamas took effect in 2003.", "Hamas", "2003"),
])
def test_noun_phrase_designations(text, target, year):
    found = acts(text)
    same = {target, "Hezbollah"} if target == "Hizballah" else {target}  # the alias table picks the spelling
    assert len(found) == 1 and found[0][0] in same and found[0][2][:4] == year
    assert found[0][1]


def test_coordinated_measures_are_separate_acts_sharing_the_date():
    found = acts("Japan froze the assets of Viktor Bout and banned him from entering the country in 2022.")
    assert sorted((k, d) for _, _, d, k, _ in found) == [("asset_freeze", "2022"), ("travel_ban", "2022")]


def test_reward_for_information_on_someone():
    found = acts("The US has offered a reward of $25 million for information leading to the capture of "
                 "Ayman al-Zawahiri.")
    assert [(t, k) for t, _, _, k, _ in found] == [("Ayman al-Zawahiri", "reward")]
