"""Turn the decoded text of one file into Articles, one parser per format.

Kept apart from readers.py (which finds files and decodes bytes) so each
format is a small pure function that tests can feed strings.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from cypher.errors import InputSkipped
from ingest.records import Article

_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])")
_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y", "%b %d, %Y", "%b. %d, %Y", "%Y/%m/%d", "%B %Y")
_HEADER_LINE = re.compile(r"^\s*(published|date|source|url|author|by)\s*:\s*(.+)$", re.IGNORECASE)
_HEADER_KEYS = {"published": "publishedAt", "date": "publishedAt", "source": "source",
                "url": "url", "author": "author", "by": "author"}


def normalize_date(value: str) -> str:
    """ISO 8601 as precise as given ('2021-03-02T10:00Z' -> '2021-03-02', '2 March 2021' -> '2021-03-02')."""
    value = value.strip()
    m = _ISO_PREFIX.match(value)
    if m:
        return "-".join(p for p in m.groups() if p)
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m" if fmt == "%B %Y" else "%Y-%m-%d")
    return value


_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w.'\-]*(?:\s+(?:[A-Z][\w.'\-]*|and|de|van|von|al|bin))*)\s*$")


def split_byline(body: str) -> tuple[str, str]:
    """A leading 'By Jane Doe' line is the author, not article text: (author, rest)."""
    first, _, rest = body.partition("\n")
    m = _BYLINE.match(first)
    if m and len(first) < 80:
        return m.group(1).strip(), rest.strip()
    return "", body


def _metadata(pairs: dict[str, str]) -> dict[str, str]:
    """Keep the Article fields we know; dates normalised."""
    out: dict[str, str] = {}
    for key, value in pairs.items():
        field = _HEADER_KEYS.get(key.lower(), key)
        if field in ("title", "url", "source", "author", "publishedAt") and value.strip():
            out[field] = normalize_date(value) if field == "publishedAt" else value.strip()
    return out


def parse_text(text: str, path: Path) -> Article:
    """A .txt article: a title line, optional `Published: ... | Source: ...` lines, a blank line, the body."""
    lines = text.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines.pop(0).strip() if lines else ""
    meta: dict[str, str] = {}
    while lines and lines[0].strip():
        parts = [p for p in lines[0].split("|")]
        found = [_HEADER_LINE.match(p) for p in parts]
        if not all(found):
            break
        meta.update({m.group(1): m.group(2) for m in found if m})
        lines.pop(0)
    byline, body = split_byline("\n".join(lines).strip())
    if not body:
        raise InputSkipped(str(path), "no article text after the title line, skipped")
    fields = _metadata(meta)
    if byline:
        fields.setdefault("author", byline)
    return Article(id=path.stem, text=body, title=title, path=str(path), **fields)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split `---` front matter (simple `key: value` lines) from the body."""
    if not text.startswith("---"):
        return {}, text
    end = re.search(r"^---\s*$", text[3:], re.MULTILINE)
    if end is None:
        return {}, text
    head, body = text[3 : 3 + end.start()], text[3 + end.end() :]
    meta: dict[str, str] = {}
    for line in head.splitlines():
        if ":" in line and not line.startswith((" ", "\t", "#")):
            key, value = line.split(":", 1)
            meta[key.strip()] = value.strip().strip("'\"")
    return meta, body


def _plain_markdown(body: str) -> tuple[str, str]:
    """Markdown to plain paragraphs; returns (first heading, text)."""
    heading = ""
    out: list[str] = []
    for line in body.splitlines():
        m = re.match(r"^\s{0,3}#{1,6}\s+(.*)$", line)
        if m:
            if not heading:
                heading = m.group(1).strip()
                continue
            line = m.group(1)
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)            # images
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)        # links -> their text
        line = re.sub(r"(\*\*|__|\*|`)", "", line)                  # emphasis, code
        line = re.sub(r"^\s*(?:[-+*]|>)\s+", "", line)              # bullets, quotes
        out.append(line.rstrip())
    return heading, re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def parse_markdown(text: str, path: Path) -> Article:
    """A .md article: optional front matter (title, date, source, url, author), then Markdown."""
    meta, body = _front_matter(text)
    heading, plain = _plain_markdown(body)
    byline, plain = split_byline(plain)
    if not plain:
        raise InputSkipped(str(path), "no article text, skipped")
    fields = _metadata(meta)
    if byline:
        fields.setdefault("author", byline)
    fields.setdefault("title", heading)
    if "publishedAt" not in fields:
        for key in ("publishedAt", "published_at", "published"):
            if meta.get(key):
                fields["publishedAt"] = normalize_date(meta[key])
                break
    return Article(id=path.stem, text=plain, path=str(path), **fields)


def parse_jsonl(text: str, path: Path) -> Iterator[Article | InputSkipped]:
    """A .jsonl file: one article object per line; a bad line is reported and the rest still load."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputSkipped(str(path), f"malformed JSON ({exc.msg} at column {exc.colno}), line skipped", number)
            continue
        if not isinstance(obj, dict):
            yield InputSkipped(str(path), "not a JSON object, line skipped", number)
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputSkipped(str(path), "no \"text\" field, line skipped", number)
            continue
        meta = {k: str(obj[k]) for k in ("title", "url", "source", "author") if obj.get(k) is not None}
        published = obj.get("publishedAt") or obj.get("published") or obj.get("date")
        if published:
            meta["publishedAt"] = str(published)
        doc_id = str(obj["id"]) if obj.get("id") not in (None, "") else f"{path.stem}-{number}"
        yield Article(id=doc_id, text=body.strip(), path=str(path), **_metadata(meta))


_DROP_TAGS = ("script", "style", "nav", "footer", "header", "aside", "form", "noscript", "iframe", "svg", "figure")
_BLOCK_TAGS = ("p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
               "br", "tr", "pre", "ul", "ol", "table")


def _meta_content(soup: BeautifulSoup, *names: str) -> str:
    for name in names:
        tag = soup.find("meta", attrs={"name": name}) or soup.find("meta", attrs={"property": name})
        if tag and tag.get("content"):
            return str(tag["content"]).strip()
    return ""


def parse_html(text: str, path: Path) -> Article:
    """An .html article: title, <time datetime>, meta author/date, the article text without page chrome."""
    soup = BeautifulSoup(text, "html.parser")
    h1 = soup.find("h1")
    title = (
        _meta_content(soup, "og:title")
        or (h1.get_text(" ", strip=True) if h1 else "")
        or (soup.title.get_text(" ", strip=True) if soup.title else "")
    )
    time_tag = soup.find("time", attrs={"datetime": True})
    published = (str(time_tag["datetime"]) if time_tag else "") or _meta_content(
        soup, "article:published_time", "date", "pubdate", "publishdate", "DC.date", "dc.date"
    )
    author = _meta_content(soup, "author", "article:author", "byl")
    canonical = soup.find("link", attrs={"rel": "canonical"})
    url = (str(canonical["href"]) if canonical and canonical.get("href") else "") or _meta_content(soup, "og:url")
    source = _meta_content(soup, "og:site_name", "source")
    for tag in soup.find_all(class_=re.compile(r"byline|author", re.IGNORECASE)):
        if not author:
            for t in tag.find_all("time"):
                t.decompose()
            author = split_byline(re.split(r"[·|,\u2022]", tag.get_text(" ", strip=True))[0].strip())[0]
        tag.decompose()  # a byline is the author, not article text
    if h1 is not None:
        h1.decompose()  # the title is kept apart, as for the other formats
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    raw = root.get_text()
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", raw)]
    body = "\n\n".join(p for p in paragraphs if p)
    if not body:
        raise InputSkipped(str(path), "no article text in the page, skipped")
    meta = {"title": title, "publishedAt": published, "author": author, "url": url, "source": source}
    return Article(id=path.stem, text=body, path=str(path), **_metadata(meta))
