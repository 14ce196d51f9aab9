"""Renders the project's own example assessments from YAML sources and derives their labels.

The YAML under `corpora/src/` is the truth: it says what each document contains (blocks of
text, characteristic rows with a judgement and a reason, engagement with what was reported).
The renderers turn one source into one file in its family's format, and `labels` reads the same
source to say what a careful reviewer would find, so labels never depend on the parser under test.
"""
