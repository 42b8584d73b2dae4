"""Search against the real server with the pages fixture graph."""
from __future__ import annotations


import pytest
from neo4j import Driver

from dashboard.search import escape, lucene_query, parse, search


def ids(term: str, **kw: object) -> list[str]:
    return [h["id"] for h in search(term, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Ayman al-Zawahiri", "person:ayman-al-zawahiri"),
        ("zaw", "person:ayman-al-zawahiri"),
        ("Hezb", "organization:hezbollah"),
        ("AQ", "organization:al-qaeda"),
        ("UBL", "person:osama-bin-laden"),
        ("Hizballah", "organization:hezbollah"),
        ("party of god", "organization:hezbollah"),
        ("OFAC", "organization:us-department-of-the-treasury"),
        ("Zawahri", "person:ayman-al-zawahiri"),
        ("Nasralah", "person:hassan-nasrallah"),
        ("al-Qaida", "organization:al-qaeda"),
    ],
)
def test_search_finds_prefixes_acronyms_aliases_and_misspellings_first(
    pages_graph: Driver, term: str, expected: str
) -> None:
    assert ids(term)[0] == expected


def test_exact_name_ranks_above_longer_names_containing_it(pages_graph: Driver) -> None:
    found = ids("Kabul")
    assert found[0] == "location:kabul"
    assert "incident:2008-kabul-hotel-plot" in found


def test_typed_prefix_keeps_only_that_type(pages_graph: Driver) -> None:
    found = search("loc:kab")
    assert [h["id"] for h in found] == ["location:kabul"]
    assert {h["type"] for h in search("inc:kabul")} == {"Incident"}
    assert ids("org:hez") == ["organization:hezbollah"]
    assert ids("per:zaw")[0] == "person:ayman-al-zawahiri"
    assert {h["type"] for h in search("type:person al")} == {"Person"}


def test_types_argument_filters_results(pages_graph: Driver) -> None:
    assert {h["type"] for h in search("kabul", types=["Location"])} == {"Location"}
    assert search("per:kabul", types=["Location"]) == []


def test_results_carry_type_aliases_and_mentions(pages_graph: Driver) -> None:
    hit = search("zawahiri")[0]
    assert hit["type"] == "Person"
    assert "Zawahiri" in hit["aliases"]
    assert hit["mentionCount"] == 9


def test_limit_is_respected(pages_graph: Driver) -> None:
    assert len(search("a", limit=2)) <= 2


@pytest.mark.parametrize(
    "term",
    ['"', "(", ")", "~", "/", "\\", "al-Qaeda (AQ)", 'Zawahiri"~', "a/b", "*", "?", "AND", "OR NOT",
     "[1 TO 2]", "{x}", "^2", "&&", "||", "!", ":", "per:", "type:", "org:(", "  ", ""],
)
def test_special_characters_never_crash(pages_graph: Driver, term: str) -> None:
    assert isinstance(search(term), list)


def test_escape_backslashes_every_lucene_special_character() -> None:
    assert escape('a+b-c"d(e)~f/g\\h*i?j:k') == 'a\\+b\\-c\\"d\\(e\\)\\~f\\/g\\\\h\\*i\\?j\\:k'


def test_query_is_built_from_word_tokens_only() -> None:
    assert lucene_query('"(~/') == ""
    q = lucene_query("Zawahri")
    assert "zawahri^4" in q and "zawahri*" in q and "zawahri~2" in q


def test_parse_reads_typed_prefixes() -> None:
    assert parse("per:zaw").types == ("Person",)
    assert parse("org: hez").text == "hez"
    assert parse("type:location kab").types == ("Location",)
    assert parse("hezbollah: news").types is None
