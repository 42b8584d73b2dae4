"""Readers: every format, every way of naming files, and one clear line per bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cypher.errors import InputSkipped
from ingest.formats import normalize_date, parse_html, parse_markdown, parse_text
from ingest.readers import read_articles
from ingest.records import Article
from tests.conftest import ROOT, SAMPLE_CORPUS

BAD = ROOT / "tests" / "fixtures" / "bad"


def split(items: list[Article | InputSkipped]) -> tuple[list[Article], list[InputSkipped]]:
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputSkipped)]


def test_txt_reads_title_metadata_line_and_body(tmp_path: Path) -> None:
    f = tmp_path / "westgate-2013.txt"
    f.write_text("Attack on Westgate\nPublished: 2013-09-22 | Source: Example Wire\n\nGunmen stormed the mall.\n\nMore.\n")
    article = parse_text(f.read_text(), f)
    assert (article.id, article.title, article.publishedAt, article.source) == (
        "westgate-2013", "Attack on Westgate", "2013-09-22", "Example Wire")
    assert article.text == "Gunmen stormed the mall.\n\nMore." and article.path == str(f)


def test_txt_without_metadata_line_is_title_then_body(tmp_path: Path) -> None:
    f = tmp_path / "plain.txt"
    article = parse_text("A title\n\nPublished reports say the group grew.\n", f)
    assert article.title == "A title" and article.text == "Published reports say the group grew." and not article.publishedAt


def test_a_leading_byline_becomes_the_author_not_text(tmp_path: Path) -> None:
    article = parse_text("Title\nPublished: 2018-11-26\n\nBy Jane Doe\n\nTen gunmen landed in Mumbai.", tmp_path / "x.txt")
    assert article.author == "Jane Doe" and article.text == "Ten gunmen landed in Mumbai."


def test_markdown_front_matter_and_heading(tmp_path: Path) -> None:
    text = ("---\ndate: 2025-03-06\nsource: Desk\nurl: https://example.org/h\nauthor: \"A. Writer\"\n---\n\n"
            "# The Houthis\n\nThe *Houthi* movement, known as [Ansar Allah](https://x), was listed.\n\n---\n\nEnd.\n")
    article = parse_markdown(text, tmp_path / "houthis.md")
    assert (article.id, article.title, article.publishedAt, article.source, article.url, article.author) == (
        "houthis", "The Houthis", "2025-03-06", "Desk", "https://example.org/h", "A. Writer")
    assert article.text.startswith("The Houthi movement, known as Ansar Allah, was listed.")


def test_markdown_title_in_front_matter_wins(tmp_path: Path) -> None:
    article = parse_markdown("---\ntitle: Listed\n---\n# Heading\n\nBody text.", tmp_path / "m.md")
    assert article.title == "Listed" and article.text == "Body text."


def test_jsonl_id_fields_and_optional_author(tmp_path: Path) -> None:
    f = tmp_path / "wire.jsonl"
    rows = [{"id": "w-1", "title": "T1", "url": "https://e/1", "source": "S", "publishedAt": "2010-02-23T09:00:00Z",
             "text": "Zazi pleaded guilty."},
            {"id": "w-2", "title": "T2", "url": "", "source": "S", "publishedAt": "2010", "text": "Second.", "author": "B"}]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    articles, skipped = split(list(read_articles([str(f)])))
    assert not skipped
    assert [(a.id, a.publishedAt, a.author) for a in articles] == [("w-1", "2010-02-23", ""), ("w-2", "2010", "B")]
    assert articles[0].url == "https://e/1" and articles[0].text == "Zazi pleaded guilty."


def test_html_keeps_article_text_and_drops_page_chrome(tmp_path: Path) -> None:
    html = """<html><head><title>Strike in Baghdad</title><meta name="author" content="John Roe">
    <link rel="canonical" href="https://example.org/s"><style>p {color: red}</style></head>
    <body><nav>Home | World</nav><header>Brand</header>
    <article><h1>Strike in Baghdad</h1><p class="byline">By John Roe <time datetime="2020-01-03">Jan 3</time></p>
    <p>Qassem <b>Soleimani</b> was killed.</p><p>The Quds Force &amp; the IRGC.</p>
    <script>var x = 1;</script></article><aside>Related</aside><footer>Subscribe now</footer></body></html>"""
    article = parse_html(html, tmp_path / "soleimani.html")
    assert (article.id, article.title, article.publishedAt, article.author, article.url) == (
        "soleimani", "Strike in Baghdad", "2020-01-03", "John Roe", "https://example.org/s")
    assert article.text == "Qassem Soleimani was killed.\n\nThe Quds Force & the IRGC."


@pytest.mark.parametrize(("raw", "iso"), [
    ("2021-03-02", "2021-03-02"), ("2021-03-02T10:00:00Z", "2021-03-02"), ("2013-09", "2013-09"),
    ("2 March 2021", "2021-03-02"), ("March 2, 2021", "2021-03-02"), ("1998", "1998"), ("soon", "soon"),
])
def test_dates_are_normalised_to_iso(raw: str, iso: str) -> None:
    assert normalize_date(raw) == iso


def test_folder_is_read_recursively_and_readme_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "README.md").write_text("# Not an article\n\nAbout this folder.")
    (tmp_path / "a.txt").write_text("A\n\nText a.")
    (tmp_path / "sub" / "deeper" / "b.md").write_text("# B\n\nText b.")
    (tmp_path / "sub" / "notes.csv").write_text("x,y")
    (tmp_path / ".hidden.txt").write_text("H\n\nhidden")
    articles, skipped = split(list(read_articles([str(tmp_path)])))
    assert sorted(a.id for a in articles) == ["a", "b"] and not skipped


def test_glob_expands_and_each_file_is_read_once(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.md"):
        (tmp_path / name).write_text(f"T\n\nBody of {name}.")
    articles, skipped = split(list(read_articles([str(tmp_path / "x*.txt"), str(tmp_path / "x1.txt")])))
    assert [a.id for a in articles] == ["x1", "x2"] and not skipped


def test_the_sample_corpus_reads_without_skips() -> None:
    articles, skipped = split(list(read_articles([str(SAMPLE_CORPUS)])))
    assert not skipped
    ids = {a.id for a in articles}
    assert {"al-qaeda-leaders", "hamas-listings", "quds-force-soleimani", "foiled-2009-new-york-subway-plot"} <= ids
    assert all(a.text.strip() and a.title for a in articles)


@pytest.mark.parametrize(("name", "where", "reason"), [
    ("empty.txt", "empty.txt", "empty file"),
    ("binary.txt", "binary.txt", "binary file"),
    ("latin1.txt", "latin1.txt:1", "not valid UTF-8"),
    ("does-not-exist.txt", "does-not-exist.txt", "no such file"),
])
def test_each_bad_file_is_one_skip_naming_the_file(name: str, where: str, reason: str) -> None:
    articles, skipped = split(list(read_articles([str(BAD / name)])))
    assert not articles and len(skipped) == 1
    assert str(skipped[0]).startswith(f"{BAD / where}: ") and reason in str(skipped[0])


def test_bad_jsonl_lines_are_skipped_one_line_each_and_good_lines_load() -> None:
    articles, skipped = split(list(read_articles([str(BAD / "broken.jsonl")])))
    assert [a.id for a in articles] == ["good-1", "good-4"]
    assert [(s.line, s.path) for s in skipped] == [(2, str(BAD / "broken.jsonl")), (3, str(BAD / "broken.jsonl"))]
    assert "malformed JSON" in str(skipped[0]) and '"text"' in str(skipped[1])


def test_unknown_extension_named_explicitly_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "notes.csv"
    f.write_text("a,b\n")
    articles, skipped = split(list(read_articles([str(f)])))
    assert not articles and "unknown file type '.csv'" in str(skipped[0])


def test_same_document_id_twice_is_reported_not_loaded_twice(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "same.txt").write_text("T\n\nFirst.")
    (tmp_path / "two" / "same.txt").write_text("T\n\nSecond.")
    articles, skipped = split(list(read_articles([str(tmp_path)])))
    assert [a.text for a in articles] == ["First."] and "already read" in str(skipped[0])
