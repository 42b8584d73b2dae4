"""Page furniture is recognised; news sentences that merely look similar are not."""
import pytest

from ingest.boilerplate import byline_author, is_boilerplate


@pytest.mark.parametrize("sentence", [
    "Please donate to support our journalism.",
    "Sign up for our daily newsletter.",
    "Photo: Getty Images",
    "Read more: Syria news",
    "© 2021 The Guardian",
    "All rights reserved.",
    "By Jane Doe",
    "By Reuters",
    "Subscribe now for full access.",
])
def test_furniture(sentence):
    assert is_boilerplate(sentence)


@pytest.mark.parametrize("sentence", [
    "The attack was carried out by ISIS militants.",
    "By Tuesday, the army had taken the town.",
    "By the end of the year, 12 people had died.",
    "The Treasury designated the group in 2019.",
])
def test_news(sentence):
    assert not is_boilerplate(sentence)


@pytest.mark.parametrize("text,author", [
    ("Headline\n\nBy Jane Doe, Reuters\nBAGHDAD - text", "Jane Doe"),
    ("By JANE DOE and Bob Smith", "JANE DOE"),
    ("Written by Ali al-Hassan", "Ali al-Hassan"),
    ("By Tuesday, the army had taken the town.", None),
    ("No byline here.\nJust text.", None),
])
def test_byline_author(text, author):
    assert byline_author(text) == author
