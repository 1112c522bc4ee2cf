from generator.content.citations import CitationRef, closest_anchors, find_inline, replace_inline


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
    assert closest_anchors("guiding-idealogy", anchors) == ["guiding-ideology"]
    assert closest_anchors("3.2.9", anchors)[:2] == ["3.2.7", "3.2.6"]


def test_one_grammar_for_finding_and_replacing_citations():
    from generator.text.markup import markdown_to_text, plain_excerpt

    text = "见[[a#1]]与[[b]]；[[a[b]]、[[x\ny]]和[[]]都不是引用"
    assert [raw for _, raw in find_inline(text)] == ["[[a#1]]", "[[b]]"]
    assert replace_inline(text, str.upper) == "见A#1与B；[[a[b]]、[[x\ny]]和[[]]都不是引用"
    assert markdown_to_text(text, str.upper) == "见A#1与B；[[a[b]]、[[x\ny]]和[[]]都不是引用"
    # The hover excerpt reads a citation the way the page does: what is not one keeps its brackets.
    assert plain_excerpt(text) == "见a1与b；[[a[b]]、[[x y]]和[[]]都不是引用"


def test_the_citation_pattern_is_written_once():
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[1] / "generator"
    owner = root / "content" / "citations.py"
    found = [
        str(p.relative_to(root))
        for p in sorted(root.rglob("*.py"))
        if p != owner and "\\[\\[" in p.read_text(encoding="utf-8")
    ]
    assert found == []
