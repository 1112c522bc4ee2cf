"""Any content mistake gives located problems, never a traceback (property-based)."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.loader import load_course
from generator.pages.site import generate

from .conftest import MINIMAL_COURSE, MINIMAL_POLICY, write_course

KEYS = [
    "id",
    "title",
    "short_title",
    "issuers",
    "issued",
    "effective",
    "status",
    "level",
    "based_on",
    "source",
    "summary",
    "provisions",
    "number",
    "text",
    "anchor",
    "responsible",
    "deadline",
    "url",
    "x",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.sampled_from(
        [
            "一",
            "（二）",
            "3.",
            "第十二条",
            "①",
            "2021-02-30",
            "2021-09-24",
            "yes",
            "in_force",
            "a-b",
            "[[ten-standards-2018#10]]",
            "[[nope#1]]",
            "<script>",
            "",
            "甲",
        ]
    ),
    st.text(max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=st.dictionaries(st.sampled_from(KEYS), values, max_size=10))
def test_random_policy_documents_never_crash(tmp_path_factory, document):
    root = write_course(
        tmp_path_factory.mktemp("fuzz"),
        {
            "course.yml": MINIMAL_COURSE,
            "policies/ten.yml": MINIMAL_POLICY,
            "policies/random.yml": yaml.safe_dump(document, allow_unicode=True),
        },
    )
    result = load_course(root)
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message
    if result.ok:
        generate(result.course)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(0, 400), junk=st.sampled_from(["\t", ":", "- ", '"', "[", "{", "&a", "*a", "\x00", "? ", "!!x "])
)
def test_damaged_yaml_never_crashes(tmp_path_factory, cut, junk):
    text = MINIMAL_POLICY.lstrip()
    cut = min(cut, len(text))
    root = write_course(
        tmp_path_factory.mktemp("damaged"),
        {"course.yml": MINIMAL_COURSE, "policies/ten.yml": text[:cut] + junk + text[cut:]},
    )
    result = load_course(root)
    assert all(p.line >= 1 for p in result.problems)
