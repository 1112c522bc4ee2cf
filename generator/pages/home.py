"""The home page: the course's own title, publisher and introduction, and what the site contains."""

from __future__ import annotations

from markupsafe import Markup

from generator.text.markup import inline_text
from generator.pages.paths import CASE_INDEX, GLOSSARY, LESSON_INDEX, POLICY_INDEX, QUIZ_INDEX, RESPONSIBILITIES
from generator.pages.context import PageContext

HOME_FILE = "home.md"  # beside course.yml: the home page's text, instead of course.yml's home field


def home_text(ctx: PageContext) -> str | None:
    """The course's own words for its home page: home.md, else course.yml's home, else its description."""
    settings = ctx.course.settings
    path = ctx.course.root / HOME_FILE
    if path.is_file():
        return path.read_text(encoding="utf-8-sig")
    return settings.home or settings.description


def render_home(ctx: PageContext) -> str:
    course, settings = ctx.course, ctx.course.settings
    parts = [f"# {inline_text(settings.title)}", "", f'<p class="ql-home-org">{inline_text(settings.organization)}</p>', ""]
    text = home_text(ctx)
    if text:
        parts += [ctx.block(text), ""]
    provisions = sum(len(entry.anchors) for entry in course.policies.values())
    questions = sum(len(entry.item.questions) for entry in course.quizzes.values())
    units = {unit for entry in course.policies.values() for node in entry.walk() for unit in node.provision.responsible}
    rows = [(POLICY_INDEX, "政策法规", f"{len(course.policies)} 份政策文件，共 {provisions} 个条款，每一条款都可以复制链接或引用")]
    if course.cases:
        rows.append((CASE_INDEX, "典型案例", f"{len(course.cases)} 个案例，可按类别、学段和年份筛选"))
    if course.lessons:
        rows.append((LESSON_INDEX, "警示教育", f"{len(course.lessons)} 节课，含议程、案例、讨论题、对照查摆，可打印讲义、签到表和承诺书"))
    if course.quizzes:
        rows.append((QUIZ_INDEX, "自测", f"{len(course.quizzes)} 套自测，共 {questions} 题，在线判分，也可打印试卷"))
    if units:
        rows.append((RESPONSIBILITIES, "责任清单", f"{len(units)} 个责任单位的任务和时限"))
    if settings.glossary:
        rows.append((GLOSSARY, "术语表", f"{len(settings.glossary)} 个术语"))
    parts += ["## 本站内容 {#contents}", ""]
    parts += [f"- [{name}]({ctx.url(page)})：{summary}" for page, name, summary in rows] + [""]
    parts += ["## 使用方法 {#how-to}", "",
              "- 右上角的搜索框可以搜索全部内容：输入词语的一部分、繁体字或不同写法的文号都能找到。",
              "- 本站不需要联网：可以放在 U 盘上双击打开，也可以放在学校内网的任意位置。",
              "- 自测的答题进度和对照查摆的勾选只保存在本机浏览器中，不会上传。", ""]
    return "\n".join(parts)


# Transitional: the page's Markdown as one value, until its template holds the markup.
def view(_item: object, ctx: PageContext) -> Markup:
    return Markup(render_home(ctx))
