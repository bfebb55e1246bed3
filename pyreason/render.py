"""Rendering answers for people (the templates live in ``reports/``)."""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any



from .resources import resource_dir

_ZH_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """1..99 in Chinese numerals, as the regulation writes article numbers."""
    if n < 10:
        return _ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[ones] if ones else "")


def display_width(text: Any) -> int:
    """The columns a terminal gives ``text``: a CJK character takes two, a combining mark
    none (wcwidth); a control character counts as one."""
    from wcwidth import wcswidth, wcwidth
    text = str(text)
    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(c), 1) for c in text)


def pad(text: Any, width: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``width`` columns (``>``: on the left)."""
    fill = " " * max(0, width - display_width(text))
    return fill + str(text) if align == ">" else str(text) + fill


def table(rows: list[list[Any]], indent: str = "  ", gap: str = "  ", align: str = "") -> list[str]:
    """Rows as lines whose columns line up by display width (CJK text included); ``align`` gives
    each column's alignment (``<`` or ``>``, default ``<``). Empty trailing cells leave no
    trailing spaces."""
    if not rows:
        return []
    n = max(len(r) for r in rows)
    cells = [[str(c) for c in r] + [""] * (n - len(r)) for r in rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(n)]
    out = []
    for r in cells:
        last = max((i for i, c in enumerate(r) if c), default=-1)
        parts = [pad(c, widths[i], align[i] if i < len(align) else "<") if i < last or
                 (i == last and i < len(align) and align[i] == ">") else c
                 for i, c in enumerate(r[:last + 1])]
        out.append((indent + gap.join(parts)).rstrip())
    return out


def citation_label(cite: dict[str, Any], document: dict[str, Any], lang: str = "zh") -> str:
    """A citation in the document's own form, e.g. 第二十条第（三）项 or 第十六条第二款.

    The paragraph (款) is named only where the article has more than one.
    """
    art, para, item = cite["article"], cite.get("paragraph"), cite.get("item")
    paras = next((len(a["paragraphs"]) for a in document["articles"] if a["number"] == art), 1)
    if lang == "en":
        out = f"Art. {art}"
        if para is not None and paras > 1:
            out += f"({para})"
        if item is not None:
            out += f"({item})"
        return out
    out = f"第{zh_number(art)}条"
    if para is not None and paras > 1:
        out += f"第{zh_number(para)}款"
    if item is not None:
        out += f"第（{zh_number(item)}）项"
    return out


@lru_cache(maxsize=1)
def _all_labels() -> dict[str, Any]:
    return _read_yaml(resource_dir("reports") / "labels.yaml")


def _read_yaml(path: Path) -> dict[str, Any]:
    """A file of words (labels.yaml, versions.yaml, a KB's words), checked. Once checked, its
    words are kept in the cache as JSON under the digest of its path and text, and read from
    there while the text stays the same (a cold ``ask`` reads versions.yaml: ~6 ms of YAML)."""
    from .errors import KBError
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read(1_000_001)
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError as exc:
        raise KBError({"zh": f"{path}: 不是 UTF-8 文本（第 {exc.start} 字节）",
                       "en": f"{path}: not UTF-8 text (byte {exc.start})"}) from None
    except OSError as exc:                              # a directory, no permission, ...
        raise KBError({"zh": f"{path}: 无法读取（{exc.strerror or exc}）",
                       "en": f"{path}: cannot be read ({exc.strerror or exc})"}) from None
    if len(text) > 1_000_000:
        raise KBError(f"{path}: larger than the limit of 1,000,000 characters")
    kept = _kept_words(path, text)
    try:
        data = json.loads(kept.read_text(encoding="utf-8")) if kept is not None else None
    except (OSError, ValueError):
        data = None
    if isinstance(data, dict):
        return data
    data = _parse_words(path, text)
    if kept is not None and _plain_words(data):
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            tmp = kept.with_name(f".{kept.name}.{os.getpid()}")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, kept)                           # whole or not at all
        except OSError:
            pass
    return data


def _kept_words(path: Path, text: str) -> Path | None:
    from .bridge import _cache_base
    from .resources import sha256
    base = _cache_base()
    if base is None:
        return None
    key = sha256(f"{path}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    return base / "words" / f"{key[:32]}.json"


def _plain_words(data: Any) -> bool:
    """Words JSON keeps as they are: text keys, text (or no) leaves."""
    if isinstance(data, dict):
        return all(isinstance(k, str) and _plain_words(v) for k, v in data.items())
    return data is None or isinstance(data, str)


def _parse_words(path: Path, text: str) -> dict[str, Any]:
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when the wheel has it
    try:
        events = yaml.parse(text, Loader=loader)
        if any(isinstance(e, yaml.AliasEvent) for e in events):  # words need no aliases (and a bomb is one)
            from .errors import KBError
            raise KBError(f"{path}: uses YAML aliases (*name); write the words out")
        from . import safeyaml             # a key given twice is an error, not the last one winning
        data = safeyaml.load(text)
    except yaml.YAMLError as exc:
        from .errors import KBError
        raise KBError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    _check_words(path, data, "")
    return data if isinstance(data, dict) else {}


def _check_words(path: Path, data: Any, where: str) -> None:
    """Labels are words: mappings whose leaves are text. Anything else (a list, a number, an alias
    that expands into structure) is a defect of the file, named by its key."""
    from .errors import KBError
    if data is None:
        return
    if isinstance(data, str):
        bad = _unsafe_field(data)
        if bad is not None:
            raise KBError(f"{path}: {where or 'the file'}: {{{bad}}} is not a plain placeholder; "
                          "write {name} (no attribute, index, conversion or format spec)")
        return
    if not isinstance(data, dict):
        raise KBError(f"{path}: {where or 'the file'} must be a mapping of words (key: text), "
                      f"not {type(data).__name__}")
    for key, value in data.items():
        _check_words(path, value, f"{where}.{key}" if where else str(key))


def _unsafe_field(text: str) -> str | None:
    """The first replacement field of ``text`` that is more than a plain name or position
    (``{0.__class__}``, ``{x[0]}``, ``{x!r}``, ``{x:>99999999}``), else None. Words are filled with
    str.format, so a field like that would reach into objects or build huge strings."""
    import string
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:               # a lone brace: str.format would fail, the caller shows it as is
        return None
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if spec or conversion or not re.fullmatch(r"\w*", field):
            return field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
    return None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _fill_self(value: Any, self_name: str) -> Any:
    if isinstance(value, str):
        return value.replace("{self}", self_name)
    if isinstance(value, dict):
        return {k: _fill_self(v, self_name) for k, v in value.items()}
    return value


@lru_cache(maxsize=32)
def merged_labels(kb_dir: Path, lang: str, self_name: str) -> dict[str, Any]:
    """The words of rendered output in ``lang``: the engine's (reports/labels.yaml) with the KB's
    labels.yaml merged over them, ``{self}`` replaced by how the document names itself."""
    kb_labels = _read_yaml(Path(kb_dir) / "labels.yaml").get(lang) or {}
    return _fill_self(_merge(_all_labels()[lang], kb_labels), self_name)


def labels(lang: str, kb: Any = None) -> dict[str, Any]:
    """The words of rendered output in ``lang``: the KB's over the engine's when ``kb`` is given."""
    if kb is None:
        return _fill_self(_all_labels()[lang], "本规定" if lang == "zh" else "the regulation")
    return kb.labels(lang)


def _declared_fields(kb: Any, question: str) -> list[dict[str, Any]]:
    for q in kb.declarations["questions"]:
        if q["kind"] == question:
            return q["answer"]
    return []


def md_text(value: Any) -> str:
    """Text for a Markdown report: HTML markup shown as text (never rendered), table pipes escaped,
    line breaks as spaces, so user text (a case number, an opinion) stays text."""
    text = str(value)
    for a, b in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|")):
        text = text.replace(a, b)
    return " ".join(text.splitlines())


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined   # only for text output
    env = Environment(loader=FileSystemLoader(str(resource_dir("reports"))),
                      undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True,
                      autoescape=lambda name: bool(name) and ".html" in name)
    env.filters["md"] = md_text
    return env


def question_label(kb: Any, question: str, lang: str) -> str:
    """The question kind in words (the KB's labels), else its id."""
    return labels(lang, kb).get("questions", {}).get(question, question)


def answer_rows(answer: dict[str, Any], lang: str, kb: Any) -> list[tuple[str, str]]:
    """The answer's fields as (label, value) rows, in the order and with the types the KB
    declares (answer_field/4): essential fields only; an empty one only where declared ``shown``."""
    lab = labels(lang, kb)
    fields = answer["answer"]
    rows = []
    for decl in _declared_fields(kb, answer["question"]):
        name, opts = decl["field"], decl["options"]
        if not opts.get("essential") or opts.get("hidden"):
            continue
        value = fields.get(name)
        if value in (None, []) and not opts.get("shown"):
            continue
        label = lab.get("fields", {}).get(name, name)
        rows.append((label, _value(decl, value, fields, answer, lab)))
    return rows


def _value(decl: dict[str, Any], value: Any, fields: dict[str, Any], answer: dict[str, Any],
           lab: dict[str, Any]) -> str:
    name, opts, kind = decl["field"], decl["options"], decl["type"]
    templates = lab.get("templates", {})
    if value is None:
        return lab["unanswered"] if answer["status"] == "gap" and opts.get("shown") else lab["none"]
    if isinstance(value, bool):
        return lab["yes"] if value else lab["no"]
    if kind["type"] == "chain":
        return " → ".join(map(str, value))
    if kind["type"] == "records" or str(kind["type"]).startswith("records("):   # records([f, ...])
        if not value:
            return lab["none"]
        return lab["sep"].join(_record_text(name, r, templates) for r in value)
    if kind["type"] == "name":
        words = lab.get("values", {}).get(kind.get("kind"), {})
        value = words.get(value, value)
    annotate = opts.get("annotate")
    if annotate and fields.get(annotate["field"]) and annotate["template"] in templates:
        return f"{value}{lab['lp']}{templates[annotate['template']].format(fields[annotate['field']])}{lab['rp']}"
    return str(value)


def _record_text(name: str, record: Any, templates: dict[str, str]) -> str:
    """One record of a composite field, by the KB's template for it: ``templates.<field>``, or
    ``templates.<field>_when_<key>`` where that key of the record is set."""
    if not isinstance(record, dict):
        return str(record)
    template = templates.get(name)
    for key, val in record.items():
        if val and f"{name}_when_{key}" in templates:
            template = templates[f"{name}_when_{key}"]
    if template is None:
        shown = [str(v) for k, v in record.items() if k != "citation" and not isinstance(v, (dict, list))]
        return " ".join(shown)
    try:
        return template.format(**record)
    except (KeyError, IndexError, ValueError):
        return str(record)


def render_answer(answer: dict[str, Any], fmt: str, lang: str, kb: Any) -> str:
    """An answer as ``json`` (the contract) or ``text`` (for a terminal)."""
    if fmt == "json":
        return json.dumps(answer, ensure_ascii=False, indent=2) + "\n"
    from .ruleset import render_text, version_suffix      # versions by date, precedence (issue 15)
    kb = kb.kb_for(answer) if hasattr(kb, "kb_for") else kb   # a rule set: the KB that answered
    suffix = version_suffix(answer)
    document = kb.document
    rows = answer_rows(answer, lang, kb)
    if "flips" in answer:   # each flip's changed fields, as rows like the answer's own
        answer = dict(answer, flips=[
            dict(f, rows=[r for r in answer_rows({"question": answer["question"], "status": f["status"],
                                                  "answer": f["answer"]}, lang, kb)
                          if r not in rows])
            for f in answer["flips"]])
    template = _environment().get_template(f"answer.{fmt}.j2")
    return template.render(a=answer, lab=labels(lang, kb), rows=rows,
                           qlabel=question_label(kb, answer["question"], lang),
                           cite=lambda c: citation_label(c, document, lang) + suffix,
                           cites=lambda cs: ("；" if lang == "zh" else "; ").join(
                               citation_label(c, document, lang) for c in cs) + (suffix if cs else "")
                           ) + render_text(answer, lang)
