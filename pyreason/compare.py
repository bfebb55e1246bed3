"""Two scenarios side by side: their answers and the facts that differ."""

from __future__ import annotations

from typing import Any

from .render import labels, answer_rows, citation_label
from .scenario import _META


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """A scenario as path -> leaf value (facts.absent[0] -> 局长), for a field-by-field diff."""
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            if k in _META:                    # metadata does not bear on the answer
                continue
            out.update(_flatten(v, f"{prefix}.{k}" if prefix else k))
    elif isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            # who is away is a set; a ladder's order is its meaning
            out[prefix] = sorted(map(str, value)) if prefix.endswith("absent") else value
        else:
            for i, v in enumerate(value):
                out.update(_flatten(v, f"{prefix}[{i}]"))
    else:
        out[prefix] = value
    return out


def compare_answers(a: dict[str, Any], answer_a: dict[str, Any],
                    b: dict[str, Any], answer_b: dict[str, Any]) -> dict[str, Any]:
    """The facts that differ between two scenarios, and their answers."""
    fa, fb = _flatten(a), _flatten(b)
    facts = [{"field": k, "a": fa.get(k), "b": fb.get(k)}
             for k in sorted(set(fa) | set(fb)) if fa.get(k) != fb.get(k)]
    fields = [{"field": k, "a": answer_a["answer"].get(k), "b": answer_b["answer"].get(k)}
              for k in answer_a["answer"] if answer_a["answer"].get(k) != answer_b["answer"].get(k)]
    if answer_a["status"] != answer_b["status"]:
        fields.insert(0, {"field": "status", "a": answer_a["status"], "b": answer_b["status"]})
    return {"a": answer_a, "b": answer_b, "facts": facts, "answer_differences": fields}


def render_compare(result: dict[str, Any], name_a: str, name_b: str, lang: str,
                   document: dict[str, Any]) -> str:
    """A side-by-side table for a terminal."""
    lab = labels(lang)
    cl = lab["compare"]
    out = [cl["title"], f"  A{lab['colon']}{name_a}", f"  B{lab['colon']}{name_b}", "", cl["facts"]]
    for d in result["facts"]:
        out.append(f"  {d['field']}{lab['colon']}A {_show(d['a'])} | B {_show(d['b'])}")
    if not result["facts"]:
        out.append(f"  {lab['none']}")
    out += ["", cl["answer"] + lab["colon"] + (cl["differs"] if result["answer_differences"] else cl["same"])]
    rows_a = dict(answer_rows(result["a"], lang))
    rows_b = dict(answer_rows(result["b"], lang))
    width = max((len(k) for k in rows_a), default=4)
    out.append(f"  {lab['status']:<{width}}  A {lab[result['a']['status']]} | B {lab[result['b']['status']]}")
    for label in dict.fromkeys([*rows_a, *rows_b]):
        va, vb = rows_a.get(label, "—"), rows_b.get(label, "—")
        mark = "  " if va == vb else "≠ "
        out.append(f"{mark}{label:<{width}}  A {va} | B {vb}")
    for side in ("a", "b"):
        cites = (lab["sep"]).join(citation_label(c, document, lang) for c in result[side]["citations"])
        out.append(f"  {lab['citations']} {side.upper()}{lab['colon']}{cites}")
    return "\n".join(out) + "\n"


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return "、".join(map(str, value)) or "—"
    return str(value)
