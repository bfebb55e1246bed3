"""Parse the text of a Chinese regulation, as extracted from a PDF, into its structure.

The parser knows the *form* of a regulation and nothing of any one regulation:

* a header: an optional document number (``某法〔2024〕8号``), the title (its status
  when it ends with a parenthesis such as ``（试行）``), an optional preamble;
* articles ``第X条`` (Chinese numerals or Arabic digits), each with an optional title in
  ``【】``, made of paragraphs (款), a paragraph holding items (项) ``（一）（二）…``;
* optionally chapters and sections (``第X章``, ``第X节``) between articles and, after
  the last article, a closing (issuer and date) that is not part of any article.

It undoes the artefacts of PDF extraction: lines broken inside a sentence are joined
(with no space between Chinese characters), blank lines and page numbers (``6``,
``- 6 -``, ``第 6 页``) are dropped, a title split over lines is joined, spaces at the
joins are removed.  Everything else is kept verbatim: no character of the text is changed.

Where a paragraph (款) begins is the hard part, for the extraction keeps no paragraph
marks.  A paragraph ends with a sentence (``。；：？！``, possibly followed by a closing
quote or bracket), so only a line after such a line can begin one; which of those do is
read from the first signal the text offers, in this order:

1. indentation: when some lines keep a leading indent (two full-width spaces, two or more
   ASCII spaces), an indented line begins a paragraph and an unindented one continues;
2. blank lines: when blank lines are rare (not between every two lines), a blank line
   after the end of a sentence separates paragraphs;
3. line widths: when the text is wrapped at a fixed width, the first line of a paragraph
   is indented by two characters, so it is shorter than a full line.  A line ending a
   sentence short of the right margin ends its paragraph; one that reaches the margin is
   followed by a new paragraph unless the next line is itself full width;
4. otherwise (one line per paragraph) every end of a sentence at the end of a line ends
   the paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

__all__ = [
    "Article", "Chapter", "Document", "Item", "Paragraph", "ParseError",
    "chinese_number", "parse", "parse_file",
]


class ParseError(ValueError):
    """The text is not a regulation of the expected form (e.g. it has no article)."""


# ---------------------------------------------------------------------------------------
# The structure

@dataclass
class Item:
    """An item (项) of a paragraph: ``（一）…``; ``text`` without its marker."""
    number: int
    text: str
    line: int = 0                      # where it begins in the source (1-based)


@dataclass
class Paragraph:
    """A paragraph (款): its own text (the lead-in when it has items) and its items."""
    text: str
    items: list[Item] = field(default_factory=list)
    line: int = 0


@dataclass
class Article:
    """An article (条): ``label`` is its heading as written (``第一条``)."""
    number: int
    label: str
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    line: int = 0


@dataclass
class Chapter:
    """A chapter or section heading (``第一章　总则``), before ``first_article``."""
    label: str                         # 第一章
    kind: str                          # 章, 节, 编 or 分编
    number: int
    title: str
    first_article: int | None = None
    line: int = 0


@dataclass
class Document:
    title: str
    number: str | None                 # the document number, None when the text has none
    status: str                        # 试行 when the title ends with （试行）, else ""
    preamble: str                      # its paragraphs joined by "\n"; "" when none
    articles: list[Article]
    chapters: list[Chapter] = field(default_factory=list)
    letterhead: list[str] = field(default_factory=list)   # header lines before the number
    closing: list[str] = field(default_factory=list)      # issuer, date, ... after the text
    dropped: list[tuple[int, str]] = field(default_factory=list)  # page numbers removed
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraph_count(self) -> int:
        return sum(len(a.paragraphs) for a in self.articles)

    @property
    def item_count(self) -> int:
        return sum(len(p.items) for a in self.articles for p in a.paragraphs)


# ---------------------------------------------------------------------------------------
# Numbers

_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUM = r"[0-9０-９零〇○一二两三四五六七八九十百千]+"


def chinese_number(s: str) -> int | None:
    """The integer a numeral names: ``十二`` 12, ``一百零一`` 101, ``12``/``１２`` 12; None
    when ``s`` is not a numeral."""
    s = s.strip()
    if not s:
        return None
    if all(unicodedata.digit(c, None) is not None for c in s):
        return int("".join(str(unicodedata.digit(c)) for c in s))
    total, digit = 0, None
    for c in s:
        if c in _CN_DIGITS:
            if digit is not None and digit != 0:   # 一二 is not a numeral
                return None
            digit = _CN_DIGITS[c]
        elif c in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[c]
            digit = None
        else:
            return None
    return total + (digit or 0)


# ---------------------------------------------------------------------------------------
# Lines

_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
_TERMINATORS = "。；：？！;:?!"
_CLOSERS = "”’」』）)》"
_SENTENCE_PUNCT = "。；：？！，、;:?!,"

_ARTICLE_RE = re.compile(rf"^第[ \u3000]*({_NUM})[ \u3000]*条(?![款项])[ \u3000]*"
                         rf"(?:【([^】]*)】)?[ \u3000]*(.*)$")
_CHAPTER_RE = re.compile(rf"^第[ \u3000]*({_NUM})[ \u3000]*(分编|编|章|节)[ \u3000]*(.*)$")
_ITEM_RE = re.compile(r"^[（(]([零〇一二三四五六七八九十百]+)[）)][ \u3000]*(.*)$")
_NUMBER_RE = re.compile(r"^\S{1,16}[〔\[［（(【][0-9０-９]{4}[〕\]］）)】]第?[0-9０-９]+号$")
_PAGE_RES = (
    re.compile(r"^[-－—–‐_~·•\s]*[0-9０-９]{1,3}[-－—–‐_~·•\s]*$"),      # 6, - 6 -, —6—
    re.compile(r"^第\s*[0-9０-９]{1,4}\s*页(?:\s*[，,/／]?\s*共\s*[0-9０-９]{1,4}\s*页)?$"),
    re.compile(r"^[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}$"),          # 6/12
    re.compile(r"^(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"),
)
_DATE_RE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*"
                      r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
                      r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$")
#  How a title ends: the kind of document, then possibly a parenthesis (（试行）).
_TITLE_END_RE = re.compile(
    r"(?:规定|办法|规则|细则|制度|意见|通知|条例|决定|方案|规程|准则|守则|章程|规范|"
    r"纲要|指引|指南|须知|要点|标准|公告|通告|批复|解释|法|典)"
    r"(?:[（(][^（）()]{1,12}[）)])?$")
_LETTER_SPACING_RE = re.compile(r"(?<=[\u3400-\u9fff])[ \u3000]+(?=[\u3400-\u9fff（(])")
_STATUS_RE = re.compile(r"[（(]([^（）()]{1,12})[）)]$")


@dataclass
class _Line:
    no: int                            # 1-based line number in the source
    text: str                          # without leading/trailing spaces
    indented: bool                     # a leading indent of two characters or more
    blank_before: bool                 # a blank line separates it from the previous line
    width: float                       # in full-width characters

    @property
    def terminated(self) -> bool:
        return _terminated(self.text)


def _terminated(text: str) -> bool:
    """Whether ``text`` ends a sentence (。；：？！, possibly followed by closing quotes)."""
    t = text.rstrip(_CLOSERS)        # “…。” ends a sentence, a bare “）” does not
    return bool(t) and t[-1] in _TERMINATORS


def _width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def _indent(raw: str) -> int:
    """The leading indent in half-width columns."""
    n = 0
    for c in raw:
        if c in "\u3000":
            n += 2
        elif c == "\t":
            n += 4
        elif c in " \u00a0\u2002\u2003\u2009":
            n += 1
        else:
            break
    return n


def _is_page_number(text: str) -> bool:
    return any(r.match(text) for r in _PAGE_RES)


def _join(a: str, b: str) -> str:
    """Join two pieces of one sentence broken over lines: no space, except between two
    Latin words or numbers."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def _lines(text: str, dropped: list[tuple[int, str]]) -> list[_Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    out: list[_Line] = []
    blank = False
    after_page = False
    for no, raw in enumerate(text.split("\n"), 1):
        s = raw.strip(_SPACE)
        if not s:
            blank = True
            continue
        if _is_page_number(s):
            dropped.append((no, s))
            after_page, blank = True, False
            continue
        out.append(_Line(no, s, _indent(raw) >= 2, blank and not after_page and bool(out), _width(s)))
        blank = after_page = False
    return out


# ---------------------------------------------------------------------------------------
# The signals of paragraph boundaries

class _Layout:
    """Which signal tells where a paragraph begins (see the module's docstring)."""

    def __init__(self, lines: list[_Line]):
        self.mode = "lines"
        self.full: float | None = None
        if len(lines) < 2:
            return
        #  The lines that may begin a paragraph (running text after the end of a
        #  sentence): an indent or a blank line is a signal only when many of them carry
        #  it, not a centred title or a signature set apart.
        starts = [b for a, b in zip(lines, lines[1:]) if a.terminated and _running(b)]
        indented = sum(1 for b in starts if b.indented)
        if indented >= 2 and indented >= 0.3 * len(starts) and \
                sum(1 for line in lines if line.indented) <= 0.9 * len(lines):
            self.mode = "indent"
            return
        blanks = sum(1 for b in starts if b.blank_before)
        if blanks >= 2 and blanks >= 0.3 * len(starts) and \
                sum(1 for line in lines[1:] if line.blank_before) < 0.5 * (len(lines) - 1):
            self.mode = "blank"
            return
        #  Pairs of lines of running text, the second one no heading or item: the first
        #  one ends without a sentence's end only when the text is wrapped.
        pairs = [(a, b) for a, b in zip(lines, lines[1:]) if _running(a) and _running(b)
                 and _heading(b) is None and not _ITEM_RE.match(b.text)]
        wrapped = [(a, b) for a, b in pairs if not a.terminated]
        if len(wrapped) >= 2 and len(wrapped) >= 0.2 * len(pairs):
            self.full = self._full_width(wrapped)
            self.mode = "width"

    @staticmethod
    def _full_width(wrapped: list[tuple[_Line, _Line]]) -> float:
        """The width of a full line: the commonest width of the lines that continue a
        sentence from the line before and carry it on to the next (neither the first nor
        the last line of a paragraph).  Without such lines every paragraph has at most
        two lines, so the lines that carry a sentence on are first lines, indented: the
        widest of them and its indent."""
        targets = {id(b) for _, b in wrapped}
        middle = [a.width for a, _ in wrapped if id(a) in targets]
        if not middle:
            return max(a.width for a, _ in wrapped) + 2
        top = max(middle)
        counts = Counter(w for w in middle if w >= 0.75 * top)
        best = max(counts.values())
        return max(w for w, c in counts.items() if c == best)

    def new_paragraph(self, prev: _Line, prev_first: bool, line: _Line) -> bool:
        """Whether ``line`` begins a paragraph, ``prev`` being the line before it (which
        began its paragraph when ``prev_first``)."""
        if not prev.terminated:
            return False
        if self.mode == "indent":
            return line.indented
        if self.mode == "blank":
            return line.blank_before
        if self.mode == "width":
            assert self.full is not None
            reach = prev.width + (2 if prev_first else 0)
            if reach < self.full - 0.5:          # the sentence ended short of the margin
                return True
            return line.width < self.full - 0.5  # a full line cannot be indented
        return True


# ---------------------------------------------------------------------------------------
# The parser

def parse_file(path: str, encoding: str = "utf-8") -> Document:
    with open(path, encoding=encoding) as f:
        return parse(f.read())


def parse(text: str) -> Document:
    """Parse the text of a regulation; raises :class:`ParseError` when it has no article."""
    dropped: list[tuple[int, str]] = []
    lines = _lines(text.lstrip("\ufeff"), dropped)
    start = _first_heading(lines)
    if start is None:
        raise ParseError("no article (第X条) found")
    header, body = lines[:start], lines[start:]

    letterhead, number, title_lines, pre_lines = _split_header(header)
    title = _title(title_lines)
    status = ""
    m = _STATUS_RE.search(title)
    if m and chinese_number(m.group(1)) is None:      # （试行）, not （一） of a series
        status = m.group(1)

    layout = _Layout(pre_lines + body)
    doc = Document(title=title, number=number, status=status, preamble="", articles=[],
                   letterhead=[line.text for line in letterhead], dropped=dropped)
    _Builder(doc, layout).run(pre_lines, body)
    return doc


def _heading(line: _Line) -> tuple[str, int, re.Match[str]] | None:
    """``("article"|"chapter", number, match)`` when the line begins like a heading."""
    m = _ARTICLE_RE.match(line.text)
    if m:
        n = chinese_number(m.group(1))
        if n is not None:
            return "article", n, m
    m = _CHAPTER_RE.match(line.text)
    if m and _chapter_title_ok(m.group(3)):
        n = chinese_number(m.group(1))
        if n is not None:
            return "chapter", n, m
    return None


def _chapter_title_ok(rest: str) -> bool:
    return len(rest) <= 30 and not any(c in _SENTENCE_PUNCT for c in rest)


def _running(line: _Line) -> bool:
    """Whether the line is running text: not a chapter heading nor a date."""
    h = _heading(line)
    return not (h is not None and h[0] == "chapter") and not _DATE_RE.match(line.text)


def _first_heading(lines: list[_Line]) -> int | None:
    """Where the body begins: the first 第一条 (or 第一章/第一编 before it), else the
    first article heading of any number."""
    first_any = None
    for i, line in enumerate(lines):
        h = _heading(line)
        if h is None:
            continue
        kind, n, _ = h
        if n == 1:
            return i
        if kind == "article" and first_any is None:
            first_any = i
    return first_any


def _title(lines: list[_Line]) -> str:
    """The title's lines joined, without the letter-spacing of a centred title
    (``规  定``): spaces between two Chinese characters go."""
    title = ""
    for line in lines:
        title = _join(title, line.text)
    return _LETTER_SPACING_RE.sub("", title)


def _split_header(header: list[_Line]) -> tuple[list[_Line], str | None, list[_Line], list[_Line]]:
    """Letterhead (before the number), the number, the title's lines, the preamble's."""
    number, at = None, None
    for i, line in enumerate(header):
        compact = re.sub(rf"[{_SPACE}]", "", line.text)
        if _NUMBER_RE.match(compact):
            number, at = compact, i
            break
    if at is None:
        letterhead, rest = [], list(header)
    elif at + 1 < len(header):                 # the title follows the number
        letterhead, rest = header[:at], header[at + 1:]
    else:                                      # the number under the title
        letterhead, rest = [], header[:at]
    title_end = 0
    for k, line in enumerate(rest[:4], 1):
        if _TITLE_END_RE.search(_title(rest[:k])):
            title_end = k
            break
        if line.terminated:
            break
    if not title_end and rest:
        title_end = 1
    return letterhead, number, rest[:title_end], rest[title_end:]


class _Builder:
    """Walks the lines once, opening articles, paragraphs and items."""

    def __init__(self, doc: Document, layout: _Layout):
        self.doc, self.layout = doc, layout
        self.article: Article | None = None
        self.para: Paragraph | None = None
        self.item: Item | None = None
        self.preamble: list[Paragraph] = []
        self.prev: _Line | None = None
        self.prev_first = False                 # prev began an article, paragraph or item
        self.after_heading = False              # prev was a chapter heading
        self.chapter_no: dict[str, int] = {}

    # -- boundaries -----------------------------------------------------------------------

    def _boundary(self) -> bool:
        """Whether the line now read may begin a heading or an item: at the start, after a
        heading, or after the end of a sentence."""
        return self.prev is None or self.after_heading or self.prev.terminated

    def _advance(self, line: _Line, first: bool, heading: bool = False) -> None:
        self.prev, self.prev_first, self.after_heading = line, first, heading

    # -- the walk -------------------------------------------------------------------------

    def run(self, pre_lines: list[_Line], body: list[_Line]) -> None:
        for line in pre_lines:
            self._text(line, self.preamble)
        self.prev, self.prev_first, self.after_heading = None, False, False
        closing = False
        for line in body:
            if closing:
                self.doc.closing.append(line.text)
                continue
            if self.article is not None and _DATE_RE.match(line.text):
                self._close_with(line)
                closing = True
                continue
            h = _heading(line)
            #  A heading begins after the end of a sentence (else 第七条 may be a reference
            #  broken onto a new line), unless its 【title】 says it is one.
            if h is not None and (self._boundary() or (h[0] == "article" and h[2].group(2) is not None)):
                kind, n, m = h
                if kind == "article" and (self.article is None or n == self.article.number + 1):
                    self._article(line, n, m)
                    continue
                if kind == "chapter" and self._chapter(line, n, m):
                    continue
            if h is not None and h[0] == "article":
                self.doc.warnings.append(
                    f"line {line.no}: {h[2].group(0)[:12]}… looks like an article heading but "
                    "is out of sequence or inside a sentence; kept as text")
            m = _ITEM_RE.match(line.text)
            if m and self._boundary() and self.para is not None:
                n = chinese_number(m.group(1))
                expected = len(self.para.items) + 1
                if n == expected:
                    self.item = Item(n, m.group(2), line.no)
                    self.para.items.append(self.item)
                    self._advance(line, True)
                    continue
            self._text(line, self.article.paragraphs if self.article else self.preamble)
        self.doc.preamble = "\n".join(p.text for p in self.preamble)
        for a in self.doc.articles:
            if not a.paragraphs:
                self.doc.warnings.append(f"line {a.line}: {a.label} has no text")

    def _text(self, line: _Line, paragraphs: list[Paragraph]) -> None:
        """A line of running text: it begins a paragraph or continues the current one."""
        if self.para is None or self.prev is None or self.after_heading or \
                self.layout.new_paragraph(self.prev, self.prev_first, line):
            self.para, self.item = Paragraph(line.text, line=line.no), None
            paragraphs.append(self.para)
            self._advance(line, True)
            return
        if self.item is not None:
            self.item.text = _join(self.item.text, line.text)
        else:
            self.para.text = _join(self.para.text, line.text)
        self._advance(line, False)

    def _article(self, line: _Line, n: int, m: re.Match[str]) -> None:
        end = m.start(2) - 1 if m.group(2) is not None else m.start(3)   # before 【 or the text
        label = re.sub(rf"[{_SPACE}]", "", line.text[:end])
        self.article = Article(n, label, (m.group(2) or "").strip(_SPACE), line=line.no)
        self.doc.articles.append(self.article)
        for ch in self.doc.chapters:
            if ch.first_article is None:
                ch.first_article = n
        self.para = self.item = None
        rest = m.group(3)
        if rest:
            self.para = Paragraph(rest, line=line.no)
            self.article.paragraphs.append(self.para)
            self._advance(line, True)
        else:
            self._advance(line, True, heading=True)

    def _chapter(self, line: _Line, n: int, m: re.Match[str]) -> bool:
        kind = m.group(2)
        if n != self.chapter_no.get(kind, 0) + 1:
            return False
        self.chapter_no[kind] = n
        if kind in ("编", "分编", "章"):          # a new chapter numbers its sections anew
            self.chapter_no.pop("节", None)
        label = re.sub(rf"[{_SPACE}]", "", line.text[:m.start(3)])
        self.doc.chapters.append(Chapter(label, kind, n, m.group(3).strip(_SPACE), line=line.no))
        self.para = self.item = None
        self._advance(line, False, heading=True)
        return True

    def _close_with(self, date: _Line) -> None:
        """A date after the articles: the signature block.  The paragraphs before it that
        read as no sentence at all (the issuer) belong to it too."""
        assert self.article is not None
        moved: list[str] = []
        paras = self.article.paragraphs
        while len(paras) > 1 and not paras[-1].items and len(paras[-1].text) <= 40 and \
                not any(c in _SENTENCE_PUNCT for c in paras[-1].text):
            moved.insert(0, paras.pop().text)
        self.doc.closing.extend(moved + [date.text])
        self.para = self.item = None
