"""Papers a trainer hands out: drawn across types, options shuffled with the key following, 分值 that
add up, a 考试时间, no links into Markdown sources, and the same paper for the same seed."""

import re
from collections import Counter

import pytest

from generator.cli import main
from generator.content.loader import load_course
from generator.content.model import Judge, Quiz, SingleChoice
from generator.exports.quizkey import (
    draw_counts,
    paper_minutes,
    paper_points,
    shuffle_options,
)
from generator.pages.context import PageContext
from generator.pages.quiz import draw, key_sheet, paper_sheet
from generator.pages.site import generate
from generator.pages.templating import render

from .conftest import write_course
from .fixtures import quiz_course


def _single(i: int, options=("甲", "乙", "丙", "丁"), answer="B") -> str:
    return f"""
  - id: s{i}
    type: single
    stem: 单选第{i}题
    options: [{", ".join(options)}]
    answer: {answer}"""


BIG = (
    "id: quiz-big\ntitle: 大题库\npass_score: 60\nquestions:"
    + "".join(_single(i) for i in range(1, 7))
    + "".join(
        f"""
  - id: m{i}
    type: multiple
    stem: 多选第{i}题
    options: [子, 丑, 寅, 卯, 辰]
    answer: [A, C]
    cites: [ten-standards-2018#10]"""
        for i in range(1, 4)
    )
    + """
  - id: j1
    type: judge
    stem: 判断题
    answer: true
    explanation: 见 [[ten-standards-2018#10]]。
  - id: f1
    type: fill
    stem: 填空____题
    answer: [一]
  - id: f2
    type: fill
    stem: 又一道____填空
    answer: [[二, 贰]]
"""
)


@pytest.fixture(scope="module")
def course_root(tmp_path_factory):
    files = quiz_course()
    files["quizzes/big.yml"] = BIG
    return write_course(tmp_path_factory.mktemp("paper") / "course", files)


@pytest.fixture(scope="module")
def course(course_root):
    result = load_course(course_root)
    assert result.ok, result.problems
    return result.course


@pytest.fixture(scope="module")
def big(course):
    return course.quizzes["quiz-big"].item


def test_draw_takes_types_in_proportion_by_largest_remainder(big):
    # 6 single, 3 multiple, 1 judge, 2 fill.
    assert draw_counts(list(big.questions), 6) == {"single": 3, "multiple": 1, "judge": 1, "fill": 1}
    assert draw_counts(list(big.questions), 4) == {"single": 1, "multiple": 1, "judge": 1, "fill": 1}
    assert draw_counts(list(big.questions), 3) == {"single": 2, "multiple": 1, "judge": 0, "fill": 0}
    assert draw_counts(list(big.questions), 12) == {"single": 6, "multiple": 3, "judge": 1, "fill": 2}
    for seed in range(25):
        drawn = draw(big, 6, seed)
        assert Counter(q.type for q in drawn) == Counter({"single": 3, "multiple": 1, "judge": 1, "fill": 1}), seed
        assert [q.id for q in drawn] == [q.id for q in big.questions if q.id in {d.id for d in drawn}]
    assert len({tuple(q.id for q in draw(big, 6, seed)) for seed in range(25)}) > 1


def test_every_type_appears_once_there_is_room(big):
    for count in range(4, 13):
        assert all(draw_counts(list(big.questions), count).values()), count


def test_options_are_shuffled_by_the_seed_and_the_key_follows(big):
    originals = {q.id: q for q in big.questions}
    orders = set()
    for seed in range(12):
        for question in draw(big, None, seed):
            original = originals[question.id]
            assert sorted(question.options) == sorted(original.options)
            if question.type == "single":
                assert (
                    question.options["ABCD".index(question.answer)] == original.options["ABCD".index(original.answer)]
                )
            if question.type == "multiple":
                assert sorted(question.options["ABCDE".index(a)] for a in question.answer) == ["子", "寅"]
                assert question.answer == sorted(question.answer)
                orders.add(tuple(question.options))
    assert len(orders) > 3
    assert draw(big, None, 5) == draw(big, None, 5)
    assert [q.options for q in draw(big, None, None)] == [q.options for q in big.questions]


def test_options_that_point_at_others_stay_put():
    base = {"id": "x", "type": "single", "stem": "题", "answer": "D"}
    last = SingleChoice(options=["甲", "乙", "丙", "以上都对"], **base)
    for seed in range(10):
        shuffled = shuffle_options(last, seed)
        assert shuffled.options[3] == "以上都对" and shuffled.answer == "D"
    letters = SingleChoice(options=["甲", "乙", "丙", "A和B"], **base)
    assert all(shuffle_options(letters, seed) == letters for seed in range(10))


def test_points_add_up_to_100_unless_authors_say_otherwise():
    def q(i, points=None):
        return Judge(id=f"q{i}", type="judge", stem="题", answer=True, points=points)

    assert paper_points([q(i) for i in range(12)]) == [9] * 4 + [8] * 8
    assert sum(paper_points([q(i) for i in range(7)])) == 100
    assert paper_points([q(0, 40), q(1), q(2)]) == [40, 30, 30]
    assert paper_points([q(0, 30), q(1, 57)]) == [30, 57]
    assert paper_points([q(0, 100), q(1)]) == [100, 1]
    assert paper_minutes([q(i) for i in range(3)]) == 10 and paper_minutes([q(i) for i in range(23)]) == 25


def _marks(markdown: str) -> list[int]:
    return [int(m) for m in re.findall(r"\*\*\d+\.\*\*（(\d+) 分）", markdown)]


def test_site_paper_and_key_pages_show_the_same_marks(course):
    site = generate(course)
    paper, key = site.pages["quizzes/quiz-big/paper.md"], site.pages["quizzes/quiz-big/key.md"]
    assert _marks(paper) == _marks(key) == [9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]
    assert "本卷共 12 题，满分 100 分，60 分及格。考试时间：20 分钟。" in paper
    assert "本卷共 12 题，满分 100 分，60 分及格。" in key
    assert "## 一、单选题（共 6 题，52 分）" in paper and "## 二、多选题（3 题" not in paper


def test_authors_points_that_miss_100_give_the_real_total(course):
    quiz = Quiz(
        id="own",
        title="自定分值",
        pass_score=60,
        questions=[
            Judge(id="a", type="judge", stem="甲", answer=True, points=30),
            Judge(id="b", type="judge", stem="乙", answer=False, points=57),
        ],
    )
    ctx = PageContext(course, "quizzes/own/paper.md")
    paper = render("paper.md.j2", view=paper_sheet(quiz, ctx, list(quiz.questions), minutes=20))
    key = render("key.md.j2", view=key_sheet(quiz, ctx, list(quiz.questions)))
    assert "本卷共 2 题，满分 87 分（各题分值合计），53 分及格（60%）。考试时间：20 分钟。" in paper
    assert "本卷共 2 题，满分 87 分（各题分值合计），53 分及格（60%）。" in key
    assert _marks(paper) == _marks(key) == [30, 57]


def _paper(course_root, tmp_path, *args) -> str:
    out = tmp_path / f"paper-{len(list(tmp_path.iterdir()))}.html"
    assert main(["paper", "quiz-big", *args, "--course", str(course_root), "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_cli_paper_is_reproducible_timed_and_without_links(course_root, tmp_path, capsys):
    first = _paper(course_root, tmp_path, "--count", "6", "--seed", "9", "--minutes", "45")
    again = _paper(course_root, tmp_path, "--count", "6", "--seed", "9", "--minutes", "45")
    assert first == again
    assert "考试时间：45 分钟" in first and "满分 100 分" in first
    marks = [int(m) for m in re.findall(r"<strong>\d+\.</strong>（(\d+) 分）", first)]
    assert marks[:6] == [17, 17, 17, 17, 16, 16] and marks[6:] == marks[:6] and sum(marks[:6]) == 100
    # Citations keep their text, never a link (least of all to a .md source).
    assert "<a " not in first and ".md" not in first
    assert '相关条款：<span class="ql-ref">《十项准则》第十项 规范从教行为</span>' in first
    # The key prints the letters of the shuffled options.
    drawn = draw(load_course(course_root).course.quizzes["quiz-big"].item, 6, 9)
    keyed = re.findall(r"答案：<strong>([^<]*)</strong>", first)
    assert keyed == [
        q.answer
        if q.type == "single"
        else "".join(q.answer)
        if q.type == "multiple"
        else "正确"
        if q.type == "judge"
        else q.answer[0]
        if isinstance(q.answer[0], str)
        else "／".join(q.answer[0])
        for q in sorted(drawn, key=lambda q: ["single", "multiple", "judge", "fill"].index(q.type))
    ]
    for question in drawn:
        if question.type in ("single", "multiple"):
            options = "　".join(f"{letter}. {text}" for letter, text in zip("ABCDE", question.options, strict=False))
            assert options in first
    assert "考试时间：20 分钟" in _paper(course_root, tmp_path)
    capsys.readouterr()
    assert main(["paper", "quiz-big", "--minutes", "0", "--course", str(course_root)]) == 1
    assert "--minutes 应在 1 到 600 之间（分钟），现在是 0" in capsys.readouterr().err


def _body(document: str) -> str:
    return document.split("<body>\n", 1)[1].rsplit("\n</body>", 1)[0]


def test_standalone_paper_is_the_site_pages_written_as_html(course):
    # Without drawing or shuffling, the file is the site's paper and key pages themselves: what a
    # Markdown engine makes of them, links reduced to their text.
    import markdown

    from generator.exports.paper import paper_html

    pages = generate(course).pages

    def as_html(page: str) -> str:
        html = markdown.markdown(pages[page], extensions=["attr_list", "md_in_html", "tables", "def_list"])
        return re.sub(r"</a>", "</span>", re.sub(r"<a\b[^>]*>", '<span class="ql-ref">', html))

    paper, key = as_html("quizzes/quiz-big/paper.md"), as_html("quizzes/quiz-big/key.md")
    whole = paper_html(course, "quiz-big", count=None, seed=None)
    assert _body(whole) == f'{paper}\n<section class="ql-key">{key}</section>'
    assert _body(paper_html(course, "quiz-big", count=None, seed=None, with_key=False)) == paper
    assert "<title>大题库 试卷</title>" in whole and '<span class="ql-ref">返回自测</span>' in whole


def test_a_stem_of_several_paragraphs_keeps_its_answer_brackets(course, tmp_path):
    files = quiz_course()
    files["quizzes/long.yml"] = """
id: quiz-long
title: 长题干
questions:
  - id: a
    type: judge
    stem: "第一段，见[[ten-standards-2018#10]]。\\n\\n- 甲\\n- 乙"
    answer: true
"""
    root = write_course(tmp_path / "course", files)
    out = tmp_path / "long.html"
    assert main(["paper", "quiz-long", "--no-key", "--course", str(root), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    # The question, its stem and its （　　） stay one paragraph of one question.
    assert re.search(
        r'<div class="ql-paper-q">\n<p><strong>1\.</strong>（100 分）<div class="ql-md"><p>第一段，见'
        r'<span class="ql-ref">[^<]*</span>。</p>.*</ul></div>（　　）</p>\n</div>',
        text,
    )
    assert "<a " not in text
