"""Two scenarios side by side: their answers and the facts that differ.

Generic: the answer rows, their labels and the citations come from the knowledge base (its
declarations and labels), so any KB's answers compare the same way.
"""

from __future__ import annotations

from typing import Any

from .render import answer_rows, citation_label, labels, table
from .scenario import META


def _unordered(kb: Any) -> set[str]:
    """The scenario paths whose value is a set (order carries no meaning): declared set facts
    and set inputs. A list keeps its order (an order may be what it means)."""
    if kb is None:
        return set()
    out = {f"facts.{f['name']}" for f in kb.declarations["facts"] if f["type"]["type"] == "set"}
    for q in kb.declarations["questions"]:
        out |= {i["field"] for i in q["inputs"] if i["type"]["type"] == "set"}
    return out


def _flatten(value: Any, prefix: str = "", unordered: set[str] | frozenset[str] = frozenset()) -> dict[str, Any]:
    """A scenario as path -> leaf value (facts.<fact>[0] -> a name), for a field-by-field diff."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            if not prefix and k in META:      # metadata does not bear on the answer
                continue
            out.update(_flatten(v, f"{prefix}.{k}" if prefix else k, unordered))
    elif isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            out[prefix] = sorted(map(str, value)) if prefix in unordered else value
        else:
            for i, v in enumerate(value):
                out.update(_flatten(v, f"{prefix}[{i}]", unordered))
    else:
        out[prefix] = value
    return out


def compare_answers(a: dict[str, Any], answer_a: dict[str, Any],
                    b: dict[str, Any], answer_b: dict[str, Any], kb: Any = None) -> dict[str, Any]:
    """The facts that differ between two scenarios, and their answers (with ``kb``, a set is
    compared as a set)."""
    unordered = _unordered(kb)
    fa, fb = _flatten(a, unordered=unordered), _flatten(b, unordered=unordered)
    facts = [{"field": k, "a": fa.get(k), "b": fb.get(k)}
             for k in sorted(set(fa) | set(fb)) if fa.get(k) != fb.get(k)]
    names = list(dict.fromkeys([*answer_a["answer"], *answer_b["answer"]]))
    fields = [{"field": k, "a": answer_a["answer"].get(k), "b": answer_b["answer"].get(k)}
              for k in names if answer_a["answer"].get(k) != answer_b["answer"].get(k)]
    if answer_a["status"] != answer_b["status"]:
        fields.insert(0, {"field": "status", "a": answer_a["status"], "b": answer_b["status"]})
    return {"a": answer_a, "b": answer_b, "facts": facts, "answer_differences": fields}


def render_compare(result: dict[str, Any], name_a: str, name_b: str, lang: str, kb: Any) -> str:
    """A side-by-side table for a terminal, in the KB's words."""
    lab = labels(lang, kb)
    cl = lab["compare"]
    document = kb.document
    out = [cl["title"], f"  A{lab['colon']}{name_a}", f"  B{lab['colon']}{name_b}", "", cl["facts"]]
    out += table([[f"{d['field']}{lab['colon']}", f"A {_show(d['a'], lang)}", "|", f"B {_show(d['b'], lang)}"]
                  for d in result["facts"]], gap=" ")
    if not result["facts"]:
        out.append(f"  {lab['none']}")
    out += ["", cl["answer"] + lab["colon"] + (cl["differs"] if result["answer_differences"] else cl["same"])]
    rows_a = dict(answer_rows(result["a"], lang, kb))
    rows_b = dict(answer_rows(result["b"], lang, kb))
    rows = [["  " + lab["status"], f"A {lab[result['a']['status']]}", "|", f"B {lab[result['b']['status']]}"]]
    for label in dict.fromkeys([*rows_a, *rows_b]):
        va, vb = rows_a.get(label, "—"), rows_b.get(label, "—")
        rows.append([("  " if va == vb else "≠ ") + label, f"A {va}", "|", f"B {vb}"])
    out += table(rows, indent="", gap=" ")       # columns aligned by display width (CJK included)
    for side in ("a", "b"):
        cites = (lab["sep"]).join(citation_label(c, document, lang) for c in result[side]["citations"])
        out.append(f"  {lab['citations']} {side.upper()}{lab['colon']}{cites}")
    return "\n".join(out) + "\n"


def _show(value: Any, lang: str = "zh") -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return ("、" if lang == "zh" else ", ").join(map(str, value)) or "—"
    return str(value)
