"""Long documents: a text past spaCy's million-character `max_length` is structured like any
other (a 1,000-page combined pack must not crash), and a document's Doc has the same tokens
whatever its length."""
from __future__ import annotations

import spacy

from eia_rules.readers import read_document
from eia_rules.structure import nlp, structure

SPACY_MAX_LENGTH = 1_000_000  # spaCy's Language.max_length, past which make_doc refuses a text
# Long words keep the token count (and so the test's time) small while the text passes 1M characters.
_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis"


def _long_text(paragraphs: int) -> str:
    body = "\n\n".join(f"Paragraph {i} " + " ".join([_WORD] * 12) for i in range(paragraphs))
    return "Equality impact assessment\n\nAge: older people will find the new booking line easier to use.\n\n" + body


def test_a_document_over_a_million_characters_is_structured() -> None:
    text = _long_text(2000)
    assert len(text) > SPACY_MAX_LENGTH
    doc = read_document("long-pack.txt", text.encode())
    record = structure(doc)
    assert record.characteristics["age"].status != "absent"
    assert len(doc.blocks) > 2000


def test_long_doc_segments_cover_each_text() -> None:
    texts = [f"Block {i}: " + " ".join([_WORD] * 12) for i in range(2000)]
    doc, segments = nlp.segmented_doc(texts)
    assert len(doc.text) > SPACY_MAX_LENGTH
    assert [doc[s.start:s.end].text for s in segments[::397]] == texts[::397]


def test_tokeniser_gives_the_blank_english_pipelines_tokens() -> None:
    text = ("Age: (older people) - we consulted 12 groups, e.g. the forum's members, at https://example.org.\n\n"
            "Rhyw: dim effaith; see p.4 \u2013 'yes'. It isn't ten; they're TWENTY-ONE.")

    def view(doc):
        return [(t.text, t.whitespace_, t.is_stop, t.like_num, t.lower_, t.is_alpha, t.is_title) for t in doc]

    assert view(nlp.tokenise(text)) == view(spacy.blank("en").make_doc(text))
