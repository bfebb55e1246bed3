"""The regulation parser (pyreason.textparse): the shipped source against the shipped KB's
clean text, and synthetic texts of other shapes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pyreason.textparse import ParseError, chinese_number, parse

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "kb" / "source" / "regulation.txt"


# ---------------------------------------------------------------------------------------
# A small reader of the shipped KB's text facts (ground facts, one per line)

_FACT_RE = re.compile(r"^(article|paragraph|item|document_number|document_title|document_status"
                      r"|preamble)\(", re.M)
_ARG_RE = re.compile(r"""\s*(?:(?P<int>-?\d+)|"(?P<str>(?:[^"\\]|\\.)*)"|'(?P<atom>(?:[^'\\]|\\.)*)'"""
                     r"""|(?P<bare>[a-z]\w*))\s*(?P<sep>[,)])""", re.S)
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}


def _unescape(s: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), s)


def read_facts(*paths: Path) -> dict[str, list[tuple]]:
    """name -> argument tuples (integers as int, strings and atoms as str); strings and
    quoted atoms alike, so document_status('试行') and document_status("试行") read the same."""
    facts: dict[str, list[tuple]] = {}
    for path in paths:
        src = path.read_text(encoding="utf-8")
        for m in _FACT_RE.finditer(src):
            pos, args = m.end(), []
            while True:
                a = _ARG_RE.match(src, pos)
                assert a, f"{path.name}: cannot read the fact at {src[m.start():m.start() + 60]!r}"
                if a.group("int") is not None:
                    args.append(int(a.group("int")))
                elif a.group("str") is not None:
                    args.append(_unescape(a.group("str")))
                elif a.group("atom") is not None:
                    args.append(_unescape(a.group("atom")))
                else:
                    args.append(a.group("bare"))
                pos = a.end()
                if a.group("sep") == ")":
                    break
            if src[pos:pos + 1] != ".":          # a rule's head, not a fact
                continue
            facts.setdefault(m.group(1), []).append(tuple(args))
    return facts


@pytest.fixture(scope="module")
def shipped() -> dict[str, list[tuple]]:
    return read_facts(ROOT / "kb" / "document.pl", *sorted((ROOT / "kb" / "articles").glob("art*.pl")))


@pytest.fixture(scope="module")
def parsed():
    return parse(SOURCE.read_text(encoding="utf-8"))


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


# ---------------------------------------------------------------------------------------
# The shipped source reproduces the shipped text

def test_source_is_in_the_repository():
    assert SOURCE.is_file()
    assert "第一条" in SOURCE.read_text(encoding="utf-8")


def test_document_identity(parsed, shipped):
    assert [(parsed.number,)] == shipped["document_number"]
    assert [(parsed.title,)] == shipped["document_title"]
    assert [(parsed.status,)] == shipped["document_status"]
    assert [(parsed.preamble,)] == shipped["preamble"]


def test_articles(parsed, shipped):
    assert [(a.number, a.title) for a in parsed.articles] == sorted(shipped["article"])
    assert [a.label for a in parsed.articles][:3] == ["第一条", "第二条", "第三条"]


def test_paragraphs(parsed, shipped):
    mine = [(a.number, p, para.text) for a in parsed.articles
            for p, para in enumerate(a.paragraphs, 1)]
    assert mine == sorted(shipped["paragraph"])


def test_article_1_has_six_paragraphs_from_line_widths(parsed):
    assert len(parsed.articles[0].paragraphs) == 6


def test_items(parsed, shipped):
    mine = [(a.number, p, i.number, i.text) for a in parsed.articles
            for p, para in enumerate(a.paragraphs, 1) for i in para.items]
    assert mine == sorted(shipped["item"])


def test_page_number_dropped(parsed):
    assert parsed.dropped == [(165, "6")]
    assert parsed.warnings == []
    assert parsed.closing == []


def test_nothing_but_layout_is_changed(parsed):
    """Every character of the source but spaces, line breaks and page numbers is in the
    structure, in order, and nothing else is."""
    dropped = {no for no, _ in parsed.dropped}
    source = "".join(line for no, line in enumerate(SOURCE.read_text(encoding="utf-8").split("\n"), 1)
                     if no not in dropped)
    out = [parsed.number or "", parsed.title, parsed.preamble]
    for a in parsed.articles:
        out.append(a.label + (f"【{a.title}】" if a.title else ""))
        for para in a.paragraphs:
            out.append(para.text)
            out.extend(f"（{_cn(i.number)}）{i.text}" for i in para.items)
    assert re.sub(r"\s", "", "".join(out)) == re.sub(r"\s", "", source)


# ---------------------------------------------------------------------------------------
# Synthetic texts

def test_indented_text_arabic_numbers_no_titles_no_number():
    text = "\n".join([
        "某某公司合同管理办法",
        "",
        "　　第1条　为了规范合同管理，根据有关规定，",
        "制定本办法。",
        "　　第2条　合同的审批按照下列权限办理：",
        "　　（一）金额不满十万元的，由部门负",
        "责人审批；",
        "",
        "- 3 -",
        "",
        "　　（二）金额十万元以上的，由总经理审",
        "批；",
        "　　（三）其他合同由办公会议审批。",
        "　　前款规定的金额，以合同总价计算。",
        "　　第3条　本办法由办公室负责解释。",
        "本办法自发布之日起施行。",
        "",
    ])
    doc = parse(text)
    assert doc.number is None
    assert doc.title == "某某公司合同管理办法"
    assert doc.status == "" and doc.preamble == ""
    assert [(a.number, a.label, a.title) for a in doc.articles] == [
        (1, "第1条", ""), (2, "第2条", ""), (3, "第3条", "")]
    assert [p.text for p in doc.articles[0].paragraphs] == ["为了规范合同管理，根据有关规定，制定本办法。"]
    a2 = doc.articles[1].paragraphs
    assert [p.text for p in a2] == ["合同的审批按照下列权限办理：", "前款规定的金额，以合同总价计算。"]
    assert [(i.number, i.text) for i in a2[0].items] == [
        (1, "金额不满十万元的，由部门负责人审批；"),
        (2, "金额十万元以上的，由总经理审批；"),
        (3, "其他合同由办公会议审批。")]
    assert a2[1].items == []
    #  no indent before the second sentence: the same paragraph
    assert [p.text for p in doc.articles[2].paragraphs] == ["本办法由办公室负责解释。本办法自发布之日起施行。"]
    assert doc.dropped == [(9, "- 3 -")]


def _wrap(paragraphs: list[str], width: int) -> list[str]:
    """Lines as a PDF sets them: the first line of a paragraph indented by two characters
    (the indent lost in extraction), punctuation hanging past the margin."""
    lines = []
    for text in paragraphs:
        cap = width - 2
        while text:
            take, text = text[:cap], text[cap:]
            if text and text[0] in "，。；：、？！”）":
                take, text = take + text[0], text[1:]
            lines.append(take)
            cap = width
    return lines


WRAPPED_PARAS = [
    "为了加强某某中心的档案管理工作，保障档案的完整与安全，根据《某某法》等有关规定，结合本中心实际，制定本细则。",
    "第一条【适用范围】 本细则适用于本中心各部门形成的各类档案的收集、整理、保管和利用。",
    "本细则所称档案，是指本中心在工作中直接形成的，对国家和社会具有保存价值的各种文字、图表、声像等不同形式的历史记录。",
    "第二条【职责分工】 档案工作由办公室统一管理，各部门应当指定兼职档案员，负责本部门文件材料的收集和移交。",
    "第三条【借阅审批】 借阅档案应当按照下列规定审批：",
    "（一）本部门形成的档案，由本部门负责人审批；",
    "（二）其他部门形成的档案，由办公室主任审批，必要时报分管领导审批；",
    "（三）涉密档案，由分管领导审批。",
    "借阅人应当在规定期限内归还所借档案，不得转借、拆封、涂改或者损毁。",
    "第四条【解释】 本细则由办公室负责解释。",
    "第五条【施行】 本细则自印发之日起施行。",
]


@pytest.mark.parametrize("width", [20, 24, 26, 30])
def test_wrapped_text_paragraphs_from_line_widths(width):
    body = _wrap(WRAPPED_PARAS, width)
    body.insert(9, "第 2 页")
    lines = ["某中法〔2024〕 5 号", "某某中心档案管理实施细", "则（试", "行）"] + body
    doc = parse("\n\n".join(lines) + "\n")
    assert doc.number == "某中法〔2024〕5号"
    assert doc.title == "某某中心档案管理实施细则（试行）"
    assert doc.status == "试行"
    assert doc.preamble == WRAPPED_PARAS[0]
    got = [(a.number, a.title, [p.text for p in a.paragraphs],
            [[i.text for i in p.items] for p in a.paragraphs]) for a in doc.articles]
    assert got == [
        (1, "适用范围", [WRAPPED_PARAS[1].split(" ", 1)[1], WRAPPED_PARAS[2]], [[], []]),
        (2, "职责分工", [WRAPPED_PARAS[3].split(" ", 1)[1]], [[]]),
        (3, "借阅审批", ["借阅档案应当按照下列规定审批：", WRAPPED_PARAS[8]],
         [[p[3:] for p in WRAPPED_PARAS[5:8]], []]),
        (4, "解释", ["本细则由办公室负责解释。"], [[]]),
        (5, "施行", ["本细则自印发之日起施行。"], [[]]),
    ]
    assert [t for _, t in doc.dropped] == ["第 2 页"]


def test_wrapped_text_without_blank_lines_and_a_signature_set_apart():
    """A right-aligned signature after blank lines is neither an indent nor a blank-line
    signal for the text above it."""
    body = _wrap(WRAPPED_PARAS, 26)
    text = "\n".join(["某某中心档案管理实施细则"] + body) + \
        "\n\n\n　　　　　　　　　　　　　　某某中心\n　　　　　　　　　　　　2024年1月1日\n"
    doc = parse(text)
    assert doc.preamble == WRAPPED_PARAS[0]
    assert [p.text for p in doc.articles[0].paragraphs] == [WRAPPED_PARAS[1].split(" ", 1)[1],
                                                            WRAPPED_PARAS[2]]
    assert [len(a.paragraphs) for a in doc.articles] == [2, 1, 2, 1, 1]
    assert doc.closing == ["某某中心", "2024年1月1日"]


def test_blank_lines_separate_paragraphs():
    text = "\n".join([
        "某某协会会员管理规则",
        "第一条　会员应当遵守本会章程，",
        "按时缴纳会费。",
        "",
        "会员有权参加本会活动。",
        "第二条　会员退会应当书面通知本会。",
        "第 2 页 共 3 页",
        "会员两年不缴纳会费的，视为自动退会。",
        "",
        "退会会员的会费不予退还。",
    ])
    doc = parse(text)
    assert doc.title == "某某协会会员管理规则"
    assert [[p.text for p in a.paragraphs] for a in doc.articles] == [
        ["会员应当遵守本会章程，按时缴纳会费。", "会员有权参加本会活动。"],
        ["会员退会应当书面通知本会。会员两年不缴纳会费的，视为自动退会。", "退会会员的会费不予退还。"],
    ]


def test_one_line_per_paragraph_with_chapters_and_closing():
    text = "\n".join([
        "某某区人民政府",
        "某政发[2022]7号",
        "某某区公共资源交易管理办法",
        "第一章　总则",
        "第一条　为规范公共资源交易活动，制定本办法。",
        "第二条　本办法适用于本区的公共资源交易。",
        "交易应当遵循公开、公平、公正的原则。",
        "第二章　附则",
        "第三条　本办法自2022年1月1日起施行。",
        "某某区人民政府",
        "2021年12月20日",
    ])
    doc = parse(text)
    assert doc.letterhead == ["某某区人民政府"]
    assert doc.number == "某政发[2022]7号"
    assert doc.title == "某某区公共资源交易管理办法"
    assert [(c.label, c.title, c.first_article) for c in doc.chapters] == [
        ("第一章", "总则", 1), ("第二章", "附则", 3)]
    assert [[p.text for p in a.paragraphs] for a in doc.articles] == [
        ["为规范公共资源交易活动，制定本办法。"],
        ["本办法适用于本区的公共资源交易。", "交易应当遵循公开、公平、公正的原则。"],
        ["本办法自2022年1月1日起施行。"],
    ]
    assert doc.closing == ["某某区人民政府", "2021年12月20日"]


def test_a_cross_reference_at_the_start_of_a_line_is_text():
    text = "\n".join([
        "某某规定",
        "第一条　本规定适用于全体人员。",
        "第二条　违反本规定",
        "第一条的，予以通报。",
        "第三条　本规定自发布之日起施行。",
    ])
    doc = parse(text)
    assert [a.number for a in doc.articles] == [1, 2, 3]
    assert doc.articles[1].paragraphs[0].text == "违反本规定第一条的，予以通报。"
    assert any("line 4" in w for w in doc.warnings)


def test_a_heading_with_a_title_after_an_unfinished_sentence():
    doc = parse("某某规定\n第一条【目的】 为规范管理，制定本规定\n第二条【施行】 本规定自发布之日起施行。\n")
    assert [(a.number, a.title, a.paragraphs[0].text) for a in doc.articles] == [
        (1, "目的", "为规范管理，制定本规定"), (2, "施行", "本规定自发布之日起施行。")]


def test_title_letter_spacing_and_a_series_number_is_no_status():
    doc = parse("某某单位考勤管理  办  法\n第一条　为规范考勤，制定本办法。\n")
    assert doc.title == "某某单位考勤管理办法" and doc.status == ""
    doc = parse("关于某某事项的若干规定（二）\n第一条　本规定适用于全体人员。\n")
    assert doc.title == "关于某某事项的若干规定（二）" and doc.status == ""
    doc = parse("某某条例（2023年修订）\n第一条　为了规范管理，制定本条例。\n")
    assert doc.status == "2023年修订"


def test_no_article_is_an_error():
    with pytest.raises(ParseError):
        parse("某某规定\n\n为了规范管理，制定本规定。\n")


def test_latin_words_broken_over_lines_keep_their_space():
    doc = parse("某某规定\n第一条　数据应当以\nJSON\nformat 报送。\n")
    assert doc.articles[0].paragraphs[0].text == "数据应当以JSON format 报送。"


@pytest.mark.parametrize("numeral, value", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("九十九", 99), ("一百", 100),
    ("一百零一", 101), ("一百二十三", 123), ("12", 12), ("１２", 12), ("一二", None), ("甲", None),
])
def test_chinese_number(numeral, value):
    assert chinese_number(numeral) == value
