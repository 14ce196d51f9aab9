"""Long documents: a text past spaCy's million-character `max_length` is structured like any
other (a 1,000-page combined pack must not crash), and a document's Doc has the same tokens
whatever its length."""
from __future__ import annotations

from eia_rules.readers import read_document
from eia_rules.structure import nlp, structure

# Long words keep the token count (and so the test's time) small while the text passes 1M characters.
_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis"


def _long_text(paragraphs: int) -> str:
    body = "\n\n".join(f"Paragraph {i} " + " ".join([_WORD] * 12) for i in range(paragraphs))
    return "Equality impact assessment\n\nAge: older people will find the new booking line easier to use.\n\n" + body


def test_a_document_over_a_million_characters_is_structured() -> None:
    text = _long_text(2000)
    assert len(text) > nlp.nlp().max_length
    doc = read_document("long-pack.txt", text.encode())
    record = structure(doc)
    assert record.characteristics["age"].status != "absent"
    assert len(doc.blocks) > 2000


def test_long_doc_segments_cover_each_text() -> None:
    texts = [f"Block {i}: " + " ".join([_WORD] * 12) for i in range(2000)]
    doc, segments = nlp.segmented_doc(texts)
    assert len(doc.text) > nlp.nlp().max_length
    assert [doc[s.start:s.end].text for s in segments[::397]] == texts[::397]


def test_tokenise_gives_make_doc_tokens() -> None:
    text = "Age: (older people) - we consulted 12 groups.\n\nRhyw: dim effaith; see p.4 \u2013 'yes'."
    assert [t.text for t in nlp.tokenise(text)] == [t.text for t in nlp.nlp().make_doc(text)]
