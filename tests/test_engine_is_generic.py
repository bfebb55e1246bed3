"""The engine knows no regulation: nothing of the shipped KB's law may appear in pyreason/ or in
the engine's templates and labels (reports/). A second court's KB must work by writing only its
law, so every role, matter, meeting, article number and legal term lives in kb/ alone."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENGINE_FILES = sorted(
    p for base in (ROOT / "pyreason", ROOT / "reports")
    for p in base.rglob("*")
    if p.is_file() and p.suffix in {".py", ".pl", ".plt", ".j2", ".yaml", ".yml", ".html", ".css", ".js"}
    and "__pycache__" not in p.parts
)

#: Terms of the shipped regulation that are not names in its vocabulary.
LEGAL_TERMS = ["过程审批", "一岗双责", "若干规定", "宛法", "执行管理层级", "指挥管理", "局务会", "联席会议",
               "执行团队", "执行组", "不在岗", "代为履行", "报请", "分管"]
#: Plain Chinese words the engine needs for its own concepts (org chart units, readings), which
#: the shipped KB also happens to use as names.
GENERIC_WORDS = {"解释", "部门", "团队"}
_CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
       "十一", "十二", "十三", "十四", "十五"]
#: The shipped regulation's article numbers (1-15) as it writes them, or any citation term.
ARTICLE_NUMBER = re.compile(r"(?<![一二三四五六七八九十百千])第(?:" + "|".join(sorted(_CN, key=len, reverse=True)) +
                            r")条|\bc\(\d+,\s*(?:\d+|null),\s*(?:\d+|null)\)")


#: These read and write any document's article numbers (第一条 is the first article of every
#: document), so only names and terms are held against them.
NUMBERS_ARE_DATA = {"textparse.py", "newkb.py"}


@pytest.fixture(scope="module")
def shipped_terms(kb):
    """Every name of the shipped KB's vocabulary (two characters or more), and its legal terms."""
    names = set()
    for entries in kb.vocabulary["kinds"].values():
        for e in entries:
            for n in [e["name"], *e["aliases"]]:
                if isinstance(n, str) and len(n) >= 2 and not n.isascii():
                    names.add(n)
    return sorted((names | set(LEGAL_TERMS)) - GENERIC_WORDS, key=len, reverse=True)


def test_the_engine_files_are_scanned():
    names = {p.name for p in ENGINE_FILES}
    assert {"engine.pl", "kb.py", "render.py", "labels.yaml", "answer.text.j2"} <= names


@pytest.mark.parametrize("path", ENGINE_FILES, ids=[str(p.relative_to(ROOT)) for p in ENGINE_FILES])
def test_no_word_of_the_shipped_regulation_in_the_engine(path, shipped_terms):
    text = path.read_text(encoding="utf-8")
    found = [t for t in shipped_terms if t in text]
    numbers = [] if path.name in NUMBERS_ARE_DATA else [m.group(0) for m in ARTICLE_NUMBER.finditer(text)]
    assert not found and not numbers, (
        f"{path.relative_to(ROOT)} names the shipped regulation's {found or numbers}: "
        "that belongs in kb/ (the engine must serve any court's KB)")
