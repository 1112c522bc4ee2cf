"""Web-page junk: which lines are not part of the document, and why.

Pages copied from the web carry breadcrumbs, publishing lines, share/download prompts,
footers and "related articles" lists. Each rule names its reason so the author sees what was
dropped. Publishing lines (发布时间, 来源, 发布者 …) are dropped from the text but handed on,
because they are the best evidence for the issue date and the issuer of a web copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer import numbering
from generator.importer.chars import fold, has_han
from generator.importer.lines import Dropped, Line
from generator.importer.patterns import is_title_like

META_KEYS = (
    "发布时间|发布日期|发文日期|成文日期|印发日期|更新时间|发表时间|发布者|发布人|发布单位|发布机构|"
    "发文机关|发文单位|来源|信息来源|文章来源|稿件来源|作者|编辑|责任编辑|审核|审稿|校对|栏目|所属栏目|"
    "发文字号|文号|索引号|主题分类|主题词|公开方式|公开范围|有效性|信息分类|浏览次数|点击次数|阅读次数"
)
_META = re.compile(rf"^[【\[]?({META_KEYS})\s*[】\]]?\s*[:：]")
_COUNTER = re.compile(
    r"(浏览|点击|阅读|访问)(次数|量|数)\s*[:：]?\s*\d*|\d+\s*次(浏览|阅读|点击)|(浏览|阅读|点击)\s*[:：]\s*\d+"
)

# (pattern, reason, maximum line length the rule applies to: long lines are running text)
_RULES: list[tuple[re.Pattern[str], str, int]] = [
    (re.compile(r"^(您|你)?(现在|当前)?的?(所在)?位置\s*[:：]"), "面包屑导航", 200),
    (re.compile(r"^首页\s*(>|>>|»|›|/|＞)"), "面包屑导航", 200),
    (re.compile(r"(>>|»|＞＞|›).*(>>|»|＞＞|›)|(>|＞)\s*正文\s*$"), "面包屑导航", 200),
    (
        re.compile(
            r"^(分享|分享到|分享至|一键分享|打印|打印本页|关闭|关闭窗口|收藏|收藏本页|加入收藏|返回|返回顶部|返回首页|"
            r"收起|展开|展开全文|阅读全文|查看全文|更多|下载|下载文档|下载全文|立即下载|全文下载|下载附件|附件下载|"
            r"点击下载|文档下载|相关下载|纠错|我要纠错|字号|默认|大|中|小)[:：]?$"
        ),
        "页面按钮",
        20,
    ),
    (
        re.compile(
            r"(分享到|分享至|微信扫一扫|扫一扫|扫描二维码|扫码|二维码(无法|查看|访问|下载)|打印本页|关闭窗口|"
            r"【\s*(打印|关闭|大|字号)|字号\s*[:：]?\s*[【\[]?\s*大\s*中\s*小|【\s*大\s*中\s*小\s*】)"
        ),
        "分享、打印等页面按钮",
        80,
    ),
    (re.compile(r"^(上一篇|下一篇|上一条|下一条|上篇|下篇|上一页|下一页)"), "上一篇/下一篇", 200),
    (re.compile(r"(版权所有|版权归属|版权声明|copyright|©|all rights reserved)", re.IGNORECASE), "版权信息", 120),
    (re.compile(r"(icp\s*备|icp\s*证|公网安备|网安备|网站标识码|网站识别码)", re.IGNORECASE), "备案信息", 120),
    (
        re.compile(
            r"^(技术支持|主办单位|承办单位|主办|承办|维护单位|网站维护|联系电话|联系我们|联系方式|网站地图|网站声明|"
            r"电话|传真|e-?mail|邮箱)\s*[:：]?|邮政编码\s*[:：]?\s*\d{6}|邮编\s*[:：]?\s*\d{6}",
            re.IGNORECASE,
        ),
        "页脚信息",
        120,
    ),
    (re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE), "网址", 400),
    (re.compile(r"^(?!附件).*\.(docx?|pdf|wps|xlsx?|pptx?|txt|zip|rar)$", re.IGNORECASE), "文件名", 200),
    (
        re.compile(
            r"(下载收益|由用户上传|用户上传|本站不|本站仅|如有侵权|侵权请|联系客服|网站客服|客服\s*[:：]|免费提供原文|"
            r"收集整理.{0,12}(权利|版权)|相关权利归属|原文链接)"
        ),
        "网站声明",
        120,
    ),
    (re.compile(r"^(温馨提示|特别提示|免责声明|友情提示)\s*[:：]?$"), "网站声明", 20),
    (re.compile(r"^[\s\-=*_—·|.~#]+$"), "分隔线", 200),
]
# Site notices are written as sentences too (如二维码无法正常访问，请联系客服……。).
_PROSE_REASONS = {"分享、打印等页面按钮", "网站声明"}
_TIPS_HEADER = re.compile(r"^(温馨提示|特别提示|免责声明|友情提示)\s*[:：]?$")
_TIP_WORDS = re.compile(r"下载|文档|版权|本站|客服|网站|预览|上传|付费|侵权")
# Everything from these on is the page around the document, not the document.
_TAIL_MARKERS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"^(相关(文章|文档|阅读|新闻|链接|信息|附件)|推荐(阅读|文章|文档)|热门(文章|推荐|文档)|猜你喜欢|延伸阅读|"
            r"你可能(关注|感兴趣|喜欢)的?(文档|文章|内容)?|您可能(关注|感兴趣|喜欢)的?(文档|文章|内容)?|"
            r"上一篇|下一篇|上一条|下一条)"
        ),
        "尾部无关内容",
    ),
    (
        re.compile(r"(版权所有|版权归属|icp\s*备|公网安备|技术支持\s*[:：]|主办单位\s*[:：])", re.IGNORECASE),
        "页脚及其后的内容",
    ),
]


@dataclass
class JunkResult:
    kept: list[Line] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    meta: list[Line] = field(default_factory=list)  # publishing lines, for the metadata


def _keyword_line(text: str) -> bool:
    """A search-keyword line: many short space-separated words, no punctuation (2023 XX 教育系统 20 作风 …)."""
    words = text.split()
    return (
        len(words) >= 5
        and all(len(w) <= 6 for w in words)
        and has_han(text)
        and not re.search(r"[，。；：、！？,.;:]", text)
    )


def line_reason(text: str) -> str | None:
    """Why a single line is junk, or None."""
    folded = fold(text)
    if len(folded) <= 120 and (_META.match(folded) or _COUNTER.search(folded)):
        return "发布信息"
    prose = "，" in folded and folded.endswith("。")
    for pattern, reason, longest in _RULES:
        if prose and reason not in _PROSE_REASONS:
            continue  # a sentence that mentions 版权所有 is text, a footer is not a sentence
        if len(folded) <= longest and pattern.search(folded):
            return reason
    if _keyword_line(folded):
        return "关键词行"
    return None


def _tail_reason(text: str) -> str | None:
    folded = fold(text)
    if len(folded) > 120:
        return None
    for pattern, reason in _TAIL_MARKERS:
        if pattern.search(folded):
            return reason
    return None


def _duplicate_of_following(index: int, lines: list[Line]) -> bool:
    """A run-on copy of the next few paragraphs (a page that prints the text twice), give or take a stray character."""
    own = re.sub(r"\s", "", lines[index].text)
    if len(own) < 30 and not is_title_like(lines[index].text):
        return False  # short repeated lines are real (a roster: XXX（副科干部） twice)
    joined = ""
    for following in lines[index + 1 : index + 6]:
        joined += re.sub(r"\s", "", following.text)
        if len(joined) >= 10 and own.startswith(joined) and len(own) - len(joined) <= 3:
            return True
        if len(joined) > len(own):
            break
    return False


def filter_lines(lines: list[Line]) -> JunkResult:
    result = JunkResult()
    seen_text = False  # tail markers count only after some of the document itself
    in_tips = False
    for position, line in enumerate(lines):
        if line.row is not None:  # a row of a task table is the document, whatever its words
            if line.row.header:
                result.dropped.append(Dropped(line, "表格的表头"))
            else:
                result.kept.append(line)
                seen_text = True
            continue
        text = line.text
        folded = fold(text)
        if in_tips and numbering.parse(text, folded) and _TIP_WORDS.search(folded):
            result.dropped.append(Dropped(line, "网站声明"))
            continue
        in_tips = bool(_TIPS_HEADER.match(folded))
        tail = _tail_reason(text) if seen_text else None
        if tail:
            result.dropped += [Dropped(rest, tail) for rest in lines[position:]]
            break
        reason = line_reason(text)
        if reason == "发布信息":
            result.meta.append(line)
        if reason:
            result.dropped.append(Dropped(line, reason))
            continue
        seen_text = seen_text or "。" in text
        result.kept.append(line)
    kept = []
    for index, line in enumerate(result.kept):
        if line.row is None and _duplicate_of_following(index, result.kept):
            result.dropped.append(Dropped(line, "与后文重复"))
        else:
            kept.append(line)
    result.kept = kept
    result.dropped.sort(key=lambda d: d.line.no)
    return result
