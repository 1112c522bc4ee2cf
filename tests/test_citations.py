from generator.content.citations import CitationRef, closest, find_inline


def test_parse_citation_forms():
    assert CitationRef.parse("ten-standards-2018#10") == CitationRef("ten-standards-2018", "10")
    assert CitationRef.parse(" plan # 3.1.2 ") == CitationRef("plan", "3.1.2")
    assert CitationRef.parse("plan") == CitationRef("plan", None)
    assert str(CitationRef("plan", "3.1")) == "plan#3.1"


def test_find_inline_keeps_the_written_text():
    found = find_inline("见 [[a#1]] 和 [[b]]，不是 [链接](x) 也不是 [[\n]]")
    assert found == [(CitationRef("a", "1"), "[[a#1]]"), (CitationRef("b"), "[[b]]")]


def test_closest_anchor_prefers_similar_then_same_depth():
    anchors = ["1", "2", "3", "3.1", "3.1.1", "3.1.5", "3.2.6", "3.2.7", "guiding-ideology"]
    assert closest("guiding-idealogy", anchors) == ["guiding-ideology"]
    assert closest("3.2.9", anchors)[:2] == ["3.2.7", "3.2.6"]
