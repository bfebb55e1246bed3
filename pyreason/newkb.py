"""``pyreason new DIR --from REGULATION.txt``: the skeleton of a knowledge base from a text.

:func:`create_kb` parses the regulation (:mod:`pyreason.textparse`) and writes a KB
directory as docs/kb-guide.md describes it: the entry ``pyreason.pl``, ``document.pl``,
one ``articles/artNN.pl`` per article holding its verbatim text, empty (but loadable)
``vocabulary.pl``, ``readings.pl``, ``messages.pl`` and ``questions.pl``, ``labels.yaml``,
``cases/README.md`` and ``source/regulation.txt`` (the input, byte for byte).  A legal
engineer then writes the rules.
"""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
from pathlib import Path
from typing import Any

import click

from .textparse import Article, Document, ParseError, parse

__all__ = ["NewKBError", "build_kb", "create_kb", "new_command", "pl_string", "self_names"]

KB_VERSION = "0.1.0"

#  How a document names itself, by the last word of its title.
_SELF_NAMES = {
    "规定": "this regulation",
    "办法": "these measures",
    "规则": "these rules",
    "细则": "these detailed rules",
    "制度": "these rules",
    "意见": "these opinions",
    "通知": "this notice",
}


class NewKBError(Exception):
    """A KB cannot be written; the message in Chinese and in English."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en

    def line(self) -> str:
        return f"错误：{self.zh} / error: {self.en}"


# ---------------------------------------------------------------------------------------
# Prolog text

def pl_string(s: str) -> str:
    """``s`` as a Prolog double-quoted string literal."""
    out = []
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20 or ord(c) == 0x7f:
            out.append(f"\\x{ord(c):x}\\")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _comment(s: str) -> str:
    """``s`` safe inside a /* */ comment."""
    return s.replace("*/", "* /")


def self_names(title: str) -> tuple[str, str, bool]:
    """How the document names itself (zh, en), and whether that was derived from its title
    (else the engine's default, 本规定)."""
    bare = re.sub(r"[（(][^（）()]*[）)]$", "", title).strip()
    for word, en in _SELF_NAMES.items():
        if bare.endswith(word):
            return "本" + word, en, True
    return "本规定", "this regulation", False


def kb_id(name: str) -> str:
    """A stable id from a directory name: lower case, runs of other characters as ``-``."""
    slug = re.sub(r"[^\w.]+", "-", name, flags=re.UNICODE).strip("-.").lower()
    return slug or "kb"


# ---------------------------------------------------------------------------------------
# The files

def _entry(doc: Document, name: str, files: list[tuple[int, str]]) -> str:
    chapters = {c.first_article: c for c in doc.chapters if c.first_article is not None}
    out = [":- encoding(utf8).",
           f"/*  《{_comment(doc.title)}》{(' ' + _comment(doc.number)) if doc.number else ''}",
           "",
           f"    The entry of the knowledge base {_comment(name)}.",
           "",
           "    A plain Prolog file, not a module: the engine loads it into a module of",
           "    its own naming, so several KBs live in one process.  It declares, then",
           "    includes the other files; a KB never prints, reads files or runs code",
           "    while loading (see docs/kb-guide.md).",
           "",
           "    articles/artNN.pl  one file per article: its verbatim text (article/2,",
           "                       paragraph/3, item/4) beside the rules encoding it",
           "    vocabulary.pl      the names a scenario may use",
           "    readings.pl        gaps and interpretations of the text",
           "    messages.pl        the words of explanation steps and input errors",
           "    questions.pl       the question predicates and their inputs and fields",
           "",
           "    Written by `pyreason new` from source/regulation.txt.",
           "*/",
           "",
           ":- discontiguous article/2, paragraph/3, item/4.",
           "",
           ":- include(document).",
           ":- include(vocabulary)."]
    for number, stem in files:
        ch = chapters.get(number)
        if ch is not None:
            out.append(f"%   {ch.label}　{ch.title}".rstrip("　"))
        out.append(f":- include(articles/{stem}).")
    out += [":- include(readings).",
            ":- include(messages).",
            ":- include(questions).",
            ""]
    return "\n".join(out)


def _document(doc: Document, name: str) -> str:
    zh, en, derived = self_names(doc.title)
    out = [":- encoding(utf8).",
           "/*  The identity of the knowledge base and of the document it encodes.",
           "",
           "    The text is the source's (source/regulation.txt), with the line breaks",
           "    and page numbers of its extraction removed.  kb_version is the version",
           "    of the encoding, not of the text."]
    if doc.letterhead:
        out += ["", "    Before the number the source has (not part of the document's identity):"]
        out += [f"        {_comment(line)}" for line in doc.letterhead]
    if doc.closing:
        out += ["", "    After the last article the source has (not part of any article):"]
        out += [f"        {_comment(line)}" for line in doc.closing]
    out += ["*/", "",
            f"kb_name({pl_string(name)}).",
            f"kb_version({pl_string(KB_VERSION)}).",
            ""]
    if doc.number:
        out.append(f"document_number({pl_string(doc.number)}).")
    else:
        out.append("%   The document gives no number (document_number/1).")
    out += [f"document_title({pl_string(doc.title)}).",
            f"document_status({pl_string(doc.status)})."]
    if doc.preamble:
        out.append(f"preamble({pl_string(doc.preamble)}).")
    else:
        out.append("%   The document has no preamble (preamble/1).")
    out.append("")
    if not derived:
        out.append("%   The title does not say what kind of document this is: check these.")
    out += [f"document_self(zh, {pl_string(zh)}).",
            f"document_self(en, {pl_string(en)}).",
            ""]
    return "\n".join(out)


def _article(art: Article) -> str:
    head = art.label + (f"【{art.title}】" if art.title else "")
    out = [":- encoding(utf8).",
           f"/*  {_comment(head)}  */",
           "",
           f"article({art.number}, {pl_string(art.title)})."]
    for p, para in enumerate(art.paragraphs, 1):
        out.append(f"paragraph({art.number}, {p}, {pl_string(para.text)}).")
        for item in para.items:
            out.append(f"item({art.number}, {p}, {item.number}, {pl_string(item.text)}).")
    out += ["",
            "%   Rules encoding this article go here, each citing c(Article, Paragraph, Item).",
            ""]
    return "\n".join(out)


_VOCABULARY = """\
:- encoding(utf8).
/*  The names a scenario may use.

    known(Kind, Value, Name, Id, Label)
        Value (an atom) is what the rules receive; Name is the canonical name
        shown (the text's own wording); Id an English id accepted as input;
        Label an English label (a string).  Kind is a name kind: role,
        matter, meeting, scope, or any the KB invents (body, unit, fund, ...).
    known_alias(Kind, Alias, Value)
        another accepted name: an abbreviation, another wording of the text.

    Optional: known_group(Kind, Value, Group), alias_reading(Alias, ReadingId),
    impersonal(Value), unique_holder(Value), holders(Value, N); see
    docs/kb-guide.md, "Names".

    Example:
        known(role, '负责人', '负责人', head, "head").
        known_alias(role, '主要负责人', '负责人').
*/

:- dynamic known/5, known_alias/3.
"""

_READINGS = """\
:- encoding(utf8).
/*  Where the text is silent (gaps) or unclear (interpretations).

    reading(Id, Kind, Citations, Zh, En)
        Kind = gap: the text gives no answer for these facts; an answer that
               needs it has the status "gap".
        Kind = interpretation: a reading of unclear text that the KB applies,
               with its reason in the text; every answer that relies on it
               lists it.
        Citations are c(Article, Paragraph, Item) terms, null where a level
        does not apply.

    Example:
        reading(g_example, gap, [c(3,1,null)],
                "……时由谁决定，本规定未作规定。",
                "The text does not say who decides when ...").
*/

:- dynamic reading/5.
"""

_MESSAGES = """\
:- encoding(utf8).
/*  The words of explanation steps and of the KB's own input errors.

    msg(Key, Lang, Format)
        Format is a format/2 string whose ~w take the arguments of the step
        step(Key, Args, Citations); an input error input_error(Code, Field,
        Value) is worded by msg(err_<Code>, Lang, Format).  Lang is zh or en.
    why_not(Key)
        the steps that say why a rule did not apply.

    Optional: word(Atom, Lang, Text) and arg_text(Term, Lang, Format, Args)
    for how arguments are rendered; see docs/kb-guide.md, "Words".

    Example:
        msg(decides, zh, "~w由~w决定。").
        msg(decides, en, "~w is decided by ~w.").
*/

:- dynamic msg/3, why_not/1.
"""

_QUESTIONS = """\
:- encoding(utf8).
/*  The question predicates, their inputs, their answer fields, and the facts a
    scenario may state.

    question(Kind, Inputs, Goal, Fields, Trace)
        Inputs binds the variables of Goal to the scenario's converted fields;
        Goal, called in the KB's module, binds Fields to a dict of the answer
        fields (null where the text gives no answer) and Trace to the list of
        step/3, gap/1, interp/1 and note/3 terms.
    input(Kind, Field, Type, Options)
        an input of the question (types and options: docs/kb-guide.md).
    answer_field(Kind, Field, Type, Options)
        a field of the answer, in display order.
    fact(Name, Type, Options)
        a scenario fact, reaching the rules as scenario_fact(Fact).

    Example:
        question(approver, [matter=M], q_approver(M, Fields, Trace), Fields, Trace).
        input(approver, matter, name(matter), [required]).
        answer_field(approver, approver, name(role), [essential]).
        fact(absent, set(person(role)), []).
*/

:- dynamic question/5, input/4, answer_field/4, fact/3.
"""

_LABELS = """\
# Words of rendered answers and reports, merged over the engine's defaults.
#
# Under zh: and en: each may hold
#   questions.<kind>    the name of a question kind
#   fields.<field>      the label of an answer field
#   inputs.<field>      the label of an input
#   facts.<fact>        the label of a scenario fact
#   values.<value>      a value shown as a word
#   templates.<name>    e.g. acting: 代{0}行使
#
# Example:
#   zh:
#     questions:
#       approver: 审批人
#     fields:
#       approver: 审批人
zh: {}
en: {}
"""

_CASES_README = """\
# Cases of the law

One YAML file per case. Each is an ordinary scenario (`pyreason ask --kb DIR FILE` answers it)
plus a `title`, `rests_on` (the provisions the expectation rests on) and an `expect` block that
`pyreason check --kb DIR` verifies. Expected answers are derived from the regulation's text by
the person writing the case, never copied from the tool's output.

```yaml
title: 负责人不在场并授权副职时，由副职代为审批
rests_on: 第五条第一款；第八条第（二）项       # the provisions the expectation rests on
question: approver                          # a question kind of questions.pl
matter: 合同的审批                            # the question's inputs (input/4)
facts:                                      # scenario facts (fact/3)
  absent: [负责人]
  authorized: [{from: 负责人, to: 副职}]
expect:
  status: answered               # answered | gap
  answer:                        # the fields to check (others are not checked)
    approver: 副职
    acting_for: 负责人
  citations:                     # each must be among the answer's citations
    - {article: 5, paragraph: 1, item: null}
    - {article: 8, paragraph: 1, item: 2}
  gaps: []                       # the exact set of recorded gap ids (omit to not check)
  interpretations: []            # each must be among those applied
  rules: [acting]                # each must be the rule of some explanation step
```

`pyreason check` runs every case with clause coverage (every rule should be reached by some
case) and, with `--mutate`, once per mutant of the rules: a mutant that no case notices is a
rule no case defends.

`expect.error` instead of `status` expects the scenario to be refused: `{code: unknown_role,
field: facts.absent[0]}`.
"""


# ---------------------------------------------------------------------------------------
# Writing

def read_source(source: Path) -> tuple[bytes, str]:
    """The bytes of the source and its text; :class:`NewKBError` when it is missing, not a
    file or not UTF-8."""
    if not source.exists():
        raise NewKBError(f"找不到文件 {source}", f"no such file: {source}")
    if not source.is_file():
        raise NewKBError(f"{source} 不是文件", f"{source} is not a file")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise NewKBError(f"无法读取 {source}：{exc.strerror}",
                         f"cannot read {source}: {exc.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NewKBError(f"{source} 不是 UTF-8 编码的文本（第 {exc.start} 字节）",
                         f"{source} is not UTF-8 text (byte {exc.start})") from None
    return data, text


def _check_dest(dest: Path) -> None:
    if dest.exists() or dest.is_symlink():
        if not dest.is_dir():
            raise NewKBError(f"{dest} 已存在且不是目录，未写入任何文件",
                             f"{dest} exists and is not a directory; nothing written")
        if any(dest.iterdir()):
            raise NewKBError(f"{dest} 已存在且不是空目录，未写入任何文件",
                             f"{dest} exists and is not empty; nothing written")


def render_kb(doc: Document, name: str) -> dict[str, str]:
    """The files of the KB (relative path -> text), but for source/regulation.txt."""
    top = max((a.number for a in doc.articles), default=1)
    digits = max(2, len(str(top)))
    stems = [(a.number, f"art{a.number:0{digits}d}") for a in doc.articles]
    files = {"pyreason.pl": _entry(doc, name, stems),
             "document.pl": _document(doc, name)}
    for art, (_, stem) in zip(doc.articles, stems):
        files[f"articles/{stem}.pl"] = _article(art)
    files.update({"vocabulary.pl": _VOCABULARY, "readings.pl": _READINGS,
                  "messages.pl": _MESSAGES, "questions.pl": _QUESTIONS,
                  "labels.yaml": _LABELS, "cases/README.md": _CASES_README})
    return files


def create_kb(dest: Path, source: Path, name: str | None = None) -> list[Path]:
    """Write a new KB into ``dest`` (absent or an empty directory) from the regulation's
    text in ``source``; returns the paths written.

    Nothing is written unless all is: the KB is built in a fresh directory beside ``dest``
    and renamed into place.  Raises :class:`NewKBError` (nothing written) when the source is
    missing, not UTF-8 or holds no article, or ``dest`` is not empty.
    """
    return build_kb(dest, source, name)[1]


def build_kb(dest: Path, source: Path, name: str | None = None) -> tuple[Document, list[Path]]:
    """:func:`create_kb`, also returning the parsed document."""
    dest, source = Path(dest), Path(source)
    data, text = read_source(source)
    try:
        doc = parse(text)
    except ParseError:
        raise NewKBError(f"{source} 中找不到任何条文（第X条）",
                         f"no article (第X条) found in {source}") from None
    if name is not None and not name.strip():
        raise NewKBError("--name 不能为空", "--name must not be blank")
    _check_dest(dest)
    kb_name = name.strip() if name is not None else kb_id(dest.resolve().name)
    files = render_kb(doc, kb_name)

    parent = dest.resolve().parent
    tmp = parent / f".{dest.name}.new-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp.mkdir()
        for rel, body in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8", newline="\n")
        (tmp / "source").mkdir()
        (tmp / "source" / "regulation.txt").write_bytes(data)
        _check_dest(dest)                      # still absent or empty
        if dest.is_dir():
            dest.rmdir()
        os.rename(tmp, dest)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise NewKBError(f"无法写入 {dest}：{exc.strerror or exc}",
                         f"cannot write {dest}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return doc, [dest / rel for rel in files] + [dest / "source" / "regulation.txt"]


# ---------------------------------------------------------------------------------------
# The command

class _CommandError(click.ClickException):
    """One line on stderr, exit code 1 (as pyreason.cli.CLIError)."""

    def show(self, file: Any = None) -> None:
        click.echo(self.message, err=True)


@click.command("new")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--from", "source", metavar="FILE", required=True, type=click.Path(path_type=Path),
              help="The regulation's text (UTF-8), e.g. as extracted from its PDF.")
@click.option("--name", help="The KB's id (kb_name/1; default: from DIR's name).")
def new_command(directory: Path, source: Path, name: str | None) -> None:
    """Write a new knowledge base DIR from the text of a regulation.

    \b
    The text is split into its number, title, preamble and articles (第X条,
    their paragraphs and items); the line breaks and page numbers of a PDF
    extraction are undone, the wording is kept as it is.  DIR gets
      pyreason.pl            the entry
      document.pl            the document's number, title, status, preamble
      articles/artNN.pl      each article's verbatim text, where its rules go
      vocabulary.pl, readings.pl, messages.pl, questions.pl   (empty)
      labels.yaml, cases/README.md
      source/regulation.txt  FILE, as received
    DIR must not exist or be empty.  Then write the rules (docs/kb-guide.md).

    \b
    Example:
      pyreason new mykb --from regulation.txt
      pyreason check --kb mykb
    """
    try:
        doc, written = build_kb(directory, source, name)
    except NewKBError as exc:
        raise _CommandError(exc.line()) from None
    n_art, n_par, n_item = len(doc.articles), doc.paragraph_count, doc.item_count
    arts = [p for p in written if p.parent.name == "articles"]
    click.echo(f"已写入知识库 {directory}：{n_art} 条、{n_par} 款、{n_item} 项，{len(written)} 个文件。")
    click.echo(f"wrote the knowledge base {directory}: {n_art} articles, {n_par} paragraphs, "
               f"{n_item} items, {len(written)} files.")
    number = f" {doc.number}" if doc.number else ""
    click.echo(f"  《{doc.title}》{number}")
    for p in written:
        if p.parent.name != "articles":
            click.echo(f"  {p.relative_to(directory)}")
    if arts:
        click.echo(f"  articles/{arts[0].name} … {arts[-1].name}" if len(arts) > 1
                   else f"  articles/{arts[0].name}")
    if doc.dropped:
        lines = ", ".join(str(no) for no, _ in doc.dropped)
        click.echo(f"已删除的页码行 / page numbers dropped: line {lines}")
    for w in doc.warnings:
        click.echo(f"注意 / note: {w}", err=True)
    click.echo(f"下一步 / next: pyreason check --kb {shlex.quote(str(directory))}")
