"""Event dates: explicit ones at their precision, relative ones against the right anchor."""
import pytest

from ingest.dates import dates_in, first_date, year_list


@pytest.mark.parametrize("text,published,previous,expected", [
    ("In April 2015 the barrage was captured", "2016-01-01", None, ["2015-04"]),
    ("designated X as an FTO in 1997.", "2021-03-02", None, ["1997"]),
    ("On January 13, 2007, he was appointed", None, None, ["2007-01-13"]),
    ("on 2 March 2021", None, None, ["2021-03-02"]),
    ("designated in 2001, 2004 and 2008", None, None, ["2001", "2004", "2008"]),
    ("last year's terror attacks in Paris", "2016-03-03", None, ["2015"]),
    ("the attack on Tuesday", "2021-03-04", None, ["2021-03-02"]),
    ("the bombing in March", "2021-02-10", None, ["2020-03"]),
    ("two years later", "2021-02-10", "2013-09", ["2015-09"]),
    ("the following month", "2021-02-10", "2013-09", ["2013-10"]),
    ("the ceasefire announced on 29 December", "2017-01-03", None, ["2016-12-29"]),
    ("the Iran-Iraq War of 1980-88", None, None, ["1980"]),
    ("within days", None, "2002-10-12", ["2002-10"]),
    ("Saturday's attack", "2021-03-08", None, ["2021-03-06"]),
    ("five days after the strike", None, "2020-01-03", ["2020-01-08"]),
    ("last year", None, None, []),
    ("nothing dated here", "2020-01-01", None, []),
])
def test_dates_in(text, published, previous, expected):
    assert dates_in(text, published, previous) == expected


def test_publication_date_is_not_an_event_date():
    assert first_date("The group attacked the base.", "2021-03-02") is None


def test_year_list():
    assert year_list("in 2001, 2004 and 2008") == ["2001", "2004", "2008"]
