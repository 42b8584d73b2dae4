"""The per-Doc sentence listing answers as spaCy does: hand-built Docs, no model."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from ingest.sentences import ents_in, is_boilerplate_sentence, sentence_text, sentences

VOCAB = spacy.blank("en").vocab


def make_doc() -> Doc:
    words = ["ISIL", "attacked", "Mosul", ".", "Photo", "credit", ":", "Reuters", "New", "York", "said", "so", "."]
    starts = [w in ("ISIL", "Photo", "New") for w in words]
    spaces = [w not in (".", ":") and nxt not in (".", ":") for w, nxt in zip(words, words[1:] + [""])]
    doc = Doc(VOCAB, words=words, spaces=spaces, sent_starts=starts)
    # "Reuters New" runs across the boundary between the second and third sentence
    doc.ents = [Span(doc, 0, 1, "ORG"), Span(doc, 2, 3, "GPE"), Span(doc, 7, 9, "ORG"), Span(doc, 9, 10, "GPE")]
    return doc


def test_sentences_and_their_entities_are_spacys() -> None:
    doc = make_doc()
    assert [s.text for s in sentences(doc)] == [s.text for s in doc.sents]
    for sent in sentences(doc):
        assert ents_in(sent) == list(sent.ents)
        assert sentence_text(sent) == sent.text


def test_an_entity_across_a_sentence_boundary_belongs_to_neither() -> None:
    second, third = sentences(make_doc())[1:]
    assert ents_in(second) == [] and [e.text for e in ents_in(third)] == ["York"]


def test_furniture_sentences_are_skipped() -> None:
    assert [is_boilerplate_sentence(s) for s in sentences(make_doc())] == [False, True, False]
