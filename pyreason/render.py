"""Rendering answers for people (the templates live in ``reports/``)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any



from .resources import resource_dir

_ZH_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """1..99 in Chinese numerals, as the regulation writes article numbers."""
    if n < 10:
        return _ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[ones] if ones else "")


def citation_label(cite: dict[str, Any], document: dict[str, Any], lang: str = "zh") -> str:
    """A citation in the regulation's own form, e.g. 第七条第（三）项 or 第十二条第二款.

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
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when the wheel has it
    with open(resource_dir("reports") / "labels.yaml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


def labels(lang: str) -> dict[str, Any]:
    """The words of rendered output in ``lang`` (reports/labels.yaml, read once when first needed)."""
    return _all_labels()[lang]


#: The fields that carry the answer itself; null there means the regulation gives none.
ESSENTIAL = {
    "approver": ["matter", "approver", "approver_person", "process_approver", "requested_by"],
    "superior": ["superior", "superior_person", "chain", "chain_persons", "acting_superior"],
    "substitution": ["allowed", "direction", "scope", "decided_by", "decided_by_person"],
    "meeting": ["resolution", "basis", "binding", "chair", "escalation", "tally"],
    "disagreement": ["decided_by", "decided_by_person", "prevails", "requested_by"],
    "duties": ["role", "duties", "decides", "process_approval", "command", "chairs", "attends",
               "dual_responsibility"],
}
_ALWAYS_SHOWN = {"approver", "process_approver", "superior", "chain", "allowed", "direction",
                 "decided_by", "resolution", "basis", "binding"}


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined   # only for text output
    env = Environment(loader=FileSystemLoader(str(resource_dir("reports"))),
                      undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True, lstrip_blocks=True,
                      autoescape=lambda name: bool(name) and ".html" in name)
    return env


def answer_rows(answer: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """The answer's fields as (label, value) rows, in a fixed order."""
    lab = labels(lang)
    fields = answer["answer"]
    rows = []
    for name in ESSENTIAL[answer["question"]]:
        value = fields.get(name)
        if value in (None, []) and name not in _ALWAYS_SHOWN:
            continue
        rows.append((lab["fields"][name], _value(name, value, fields, answer, lab)))
    return rows


def _value(name: str, value: Any, fields: dict[str, Any], answer: dict[str, Any], lab: dict[str, Any]) -> str:
    if value is None:
        return lab["unanswered"] if answer["status"] == "gap" and name in _ALWAYS_SHOWN else lab["none"]
    if isinstance(value, bool):
        return lab["yes"] if value else lab["no"]
    if name == "scope":
        return lab.get("scopes", {}).get(value, str(value))
    if name in ("chain", "chain_persons"):
        return " → ".join(value)
    if name == "escalation":
        return lab["sep"].join(f"{e['by']}{lab['colon']}{e['action']}" for e in value) if value else lab["none"]
    if name == "tally":
        return lab["sep"].join(f"“{t['opinion']}” " + (lab["votes"].format(t["members"], t["invitees"]) if t["invitees"]
                         else lab["votes_plain"].format(t["members"])) for t in value)
    if name in ("duties", "decides", "process_approval", "chairs", "attends"):
        key = {"duties": "text", "chairs": "meeting", "attends": "meeting"}.get(name, "matter")
        return lab["sep"].join(str(v[key]) for v in value) if value else lab["none"]
    if name == "command":
        return lab["sep"].join(f"{c['level']}{lab['colon']}{c['mode']}" for c in value) if value else lab["none"]
    if name in ("approver", "decided_by") and fields.get("acting_for"):
        return f"{value}{lab['lp']}{lab['acting'].format(fields['acting_for'])}{lab['rp']}"
    return str(value)


def render_answer(answer: dict[str, Any], fmt: str, lang: str, document: dict[str, Any]) -> str:
    """An answer as ``json`` (the contract) or ``text`` (for a terminal)."""
    if fmt == "json":
        return json.dumps(answer, ensure_ascii=False, indent=2) + "\n"
    if "flips" in answer:   # each flip's changed fields, as rows like the answer's own
        answer = dict(answer, flips=[
            dict(f, rows=[r for r in answer_rows({"question": answer["question"], "status": f["status"],
                                                  "answer": f["answer"]}, lang)
                          if r not in answer_rows(answer, lang)])
            for f in answer["flips"]])
    template = _environment().get_template(f"answer.{fmt}.j2")
    return template.render(a=answer, lab=labels(lang), rows=answer_rows(answer, lang),
                           cite=lambda c: citation_label(c, document, lang),
                           cites=lambda cs: ("；" if lang == "zh" else "; ").join(citation_label(c, document, lang) for c in cs))
