"""Web-page junk: dropped, reported with a reason, and never in the YAML."""

from __future__ import annotations

import pytest

from generator.importer.junk import line_reason

from .conftest import anchors, data

PAGE = """
首页 > 政务公开 > 政策文件
当前位置：首页>>通知公告>>正文
关于进一步规范办学行为的通知
发布时间：2022-03-01 浏览次数：356
来源：XX县教育局
【字体：大 中 小】 【打印】 【关闭】
分享到：
各中小学：
为规范办学行为，现就有关事项通知如下。
一、严禁有偿补课。
二、严禁收受礼品礼金。
XX县教育局
2022年3月1日
本网站由信息中心维护
扫一扫在手机打开当前页
上一篇：关于做好春季开学工作的通知
下一篇：关于开展安全检查的通知
相关文章
关于印发2022年工作要点的通知
版权所有：XX县教育局 京ICP备12345678号-1
"""

JUNK = [
    "首页 > 政务公开",
    "当前位置",
    "浏览次数",
    "来源",
    "字体",
    "分享到",
    "本网站",
    "扫一扫",
    "上一篇",
    "下一篇",
    "相关文章",
    "工作要点",
    "版权所有",
    "ICP",
]


def test_page_junk_is_dropped_and_reported(import_text, validates):
    result = import_text(PAGE)
    validates(result)
    for junk in JUNK:
        assert junk not in result.yaml_text, junk
    reasons = {d.line.text: d.reason for d in result.dropped}
    assert reasons["首页 > 政务公开 > 政策文件"] == "面包屑导航"
    assert reasons["当前位置：首页>>通知公告>>正文"] == "面包屑导航"
    assert reasons["发布时间：2022-03-01 浏览次数：356"] == "发布信息"
    assert reasons["分享到："] == "页面按钮"
    assert reasons["本网站由信息中心维护"] == "落款后的无关内容"
    assert reasons["上一篇：关于做好春季开学工作的通知"] == "尾部无关内容"
    assert reasons["关于印发2022年工作要点的通知"] == "尾部无关内容"
    assert len(result.dropped) == 13
    meta = data(result)
    assert meta["title"] == "关于进一步规范办学行为的通知"
    assert (meta["issuers"], meta["issued"]) == (["XX县教育局"], "2022-03-01")
    assert meta["preamble"] == "各中小学：\n\n为规范办学行为，现就有关事项通知如下。"
    assert [p["text"] for p in anchors(result).values()] == ["严禁有偿补课。", "严禁收受礼品礼金。"]


@pytest.mark.parametrize(
    "line, reason",
    [
        ("您的位置：首页 > 文件通知", "面包屑导航"),
        ("首页>>新闻中心>>通知公告", "面包屑导航"),
        ("发布时间：2021-09-24  点击：128次", "发布信息"),
        ("阅读次数：1024", "发布信息"),
        ("作者：办公室  来源：本站", "发布信息"),
        ("分享", "页面按钮"),
        ("下载文档", "页面按钮"),
        ("扫描二维码查看原文", "分享、打印等页面按钮"),
        ("微信扫一扫，分享到朋友圈", "分享、打印等页面按钮"),
        ("上一篇：没有了", "上一篇/下一篇"),
        ("下一篇：关于开展安全检查的通知", "上一篇/下一篇"),
        ("Copyright © 2021 XX县教育局 All Rights Reserved", "版权信息"),
        ("版权所有：XX县人民政府办公室", "版权信息"),
        ("鄂ICP备05012345号-1", "备案信息"),
        ("京公网安备 11010502030000号", "备案信息"),
        ("技术支持：XX科技有限公司", "页脚信息"),
        ("地址：XX县XX路1号 邮编：443500", "页脚信息"),
        ("http://www.example.cn/uploads/1.jpg", "网址"),
        ("2023年XX区作风整顿实施方案.docx", "文件名"),
        ("此文档下载收益归作者所有", "网站声明"),
        ("侦策百科收集整理，相关权利归属源作者", "网站声明"),
        ("2023 XX 教育系统 20 作风 素质 体系 奖惩", "关键词行"),
        ("————————", "分隔线"),
    ],
)
def test_junk_lines(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "一、严禁有偿补课。",
        "各学校要把师德师风建设摆在首要位置。",
        "县纪委机关 县教育局党组关于印发《长阳土家族自治县清廉学校建设实施方案》的通知",
        "通过举报电话、网站等形式开设作风问题投诉平台，发动师生家长投诉举报，版权所有人和出版单位的权益依法受到保护，各校不得侵犯。",
        "附件：清廉学校建设任务清单.docx",
        "组长：XXX（教科局党组书记、局长）",
    ],
)
def test_document_lines_are_kept(line):
    assert line_reason(line) is None


def test_tips_block_of_a_sharing_site(import_text):
    result = import_text("""
        温馨提示：
        1. 部分文件查看预览时可能会显示错乱，文件下载后无此问题。
        2. 本文档由用户上传，版权归属用户。
        关于加强作风建设的实施方案
        一、目标要求
        1.提升素质能力。干部素质明显提升。
        """)
    assert list(anchors(result)) == ["1", "1.1"]
    assert "预览" not in result.yaml_text and "用户上传" not in result.yaml_text
