"""Where each generated page lives in the site (Markdown paths; the engine turns .md into .html)."""

HOME = "index.md"
POLICY_INDEX = "policies/index.md"
CASE_INDEX = "cases/index.md"
LESSON_INDEX = "lessons/index.md"
RESPONSIBILITIES = "responsibilities.md"
GLOSSARY = "glossary.md"
ASSET_DIR = "assets/qinglian"
QUIZ_SCRIPT = f"{ASSET_DIR}/quiz.js"  # loaded by quiz pages only


def policy_page(policy_id: str) -> str:
    return f"policies/{policy_id}.md"


def case_page(case_id: str) -> str:
    return f"cases/{case_id}.md"


def lesson_page(lesson_id: str) -> str:
    return f"lessons/{lesson_id}.md"


def lesson_sign_in(lesson_id: str) -> str:
    return f"lessons/{lesson_id}/sign-in.md"


def lesson_commitment(lesson_id: str) -> str:
    return f"lessons/{lesson_id}/commitment.md"


QUIZ_INDEX = "quizzes/index.md"


def quiz_page(quiz_id: str) -> str:
    return f"quizzes/{quiz_id}.md"


def quiz_paper(quiz_id: str) -> str:
    return f"quizzes/{quiz_id}/paper.md"


def quiz_key(quiz_id: str) -> str:
    return f"quizzes/{quiz_id}/key.md"


def unit_page(slug: str) -> str:
    """A responsible unit's own page, when the 责任清单 is split (see pages.units)."""
    return f"responsibilities/{slug}.md"
