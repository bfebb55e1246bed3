"""``pyreason diff OLD NEW``: what an amendment changes, answered from the rules themselves.

Both knowledge bases are loaded into one engine. The checker (``pyreason/prolog/check.pl``)
enumerates each KB's declared scenario space (the exhaustive run of ``pyreason check``: names,
explored facts, thresholds and their neighbours, vote patterns as counts per opinion), adds the
cases of both KBs, and answers the union under both KBs, all inside Prolog in one call; only the
answers that differ cross back. This module finds the provisions whose verbatim text differs,
groups the changed answers by the amended provisions they cite, and renders the result as text,
JSON (the shape documented in docs/questions.md) or a self-contained HTML impact report.

Chinese has no spaces between words, so the text is compared token by token where a token is a
run of Latin letters or digits or one other character (each Chinese character, each
punctuation mark): exact, with no dictionary segmenter whose guesses about legal terms would
shift the boundaries. A short run left unchanged between two edits (one character, such as 的 or
、) is folded into the edit, so a rewritten phrase reads as one replacement.
"""

from __future__ import annotations

import difflib
import json
import re
import time
from pathlib import Path
from typing import Any

from . import __version__, bridge
from .errors import PyreasonError
from .kb import KnowledgeBase
from .render import _environment, answer_rows, citation_label, labels, question_label

#: The shape of the JSON output (docs/questions.md, "Amendment impact").
DIFF_VERSION = 1
#: At most this many scenarios per question kind and KB, as for ``pyreason check``.
BUDGET = 10000
#: Keys of a case file that are not part of its scenario.
_CASE_META = ("title", "rests_on", "expect", "org", "note")
_CHECKER = Path(__file__).resolve().parent / "prolog" / "check.pl"


# -- running -------------------------------------------------------------------------

def _codes(path: Path) -> str:
    return "[" + ",".join(str(ord(c)) for c in str(path)) + "]"


def _load_checker(kb: KnowledgeBase) -> None:
    """The checker's ops (space, diff) in the engine that holds the KBs. It is loaded after
    them: its rule-mutation hook acts only while ``check`` loads a KB for mutation."""
    engine = bridge.engine_for(kb.entry, kb.module, cache_key=kb.fingerprint)
    if not engine.run("current_predicate(pyreason_check:check_json/2)"):
        engine.run(f"atom_codes(F, {_codes(_CHECKER)}), load_files(F, [])")


def case_scenarios(kb_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    """The cases of the KB in ``kb_dir`` (its ``cases/``) as (path, scenario); files that are not
    cases are left out here (``pyreason check`` names them)."""
    from .check import default_scenarios, read_cases
    directory = default_scenarios(kb_dir)
    if directory is None:
        return []
    out = []
    for path, case in read_cases(directory)[0]:
        scenario = {k: v for k, v in case.items() if k not in _CASE_META}
        out.append((path, json.loads(json.dumps(scenario, ensure_ascii=False, default=str))))
    return out


def scenario_space(kb: KnowledgeBase, budget: int = BUDGET, cases: bool = True) -> list[dict[str, Any]]:
    """The KB's declared scenario space (and its cases) as JSON scenarios, per question kind:
    ``[{question, scenarios, generated, truncated}]``. One call into Prolog."""
    _load_checker(kb)
    given = [s for _, s in case_scenarios(kb.kb_dir)] if cases else []
    return bridge.call_check({"op": "space", "kb": kb.module, "budget": budget, "cases": given})["questions"]


def _key(scenario: Any) -> str:
    return json.dumps(scenario, sort_keys=True, ensure_ascii=False)


def run_diff(old_dir: str | Path, new_dir: str | Path, budget: int = BUDGET, lang: str = "zh",
             limits: dict[str, Any] | None = None) -> dict[str, Any]:
    """Answer the union of both KBs' scenario spaces and cases under both, and say what changed
    (the JSON shape of docs/questions.md)."""
    started = time.monotonic()
    old = KnowledgeBase(old_dir, **(limits or {}))
    new = KnowledgeBase(new_dir, **(limits or {}))
    _load_checker(old)
    cases: dict[str, list[str]] = {}
    given: list[dict[str, Any]] = []
    for kb in (old, new):
        for path, scenario in case_scenarios(kb.kb_dir):
            k = _key(scenario)
            if k not in cases:
                given.append(scenario)
            cases.setdefault(k, []).append(_relative(path, kb.kb_dir))
    reply = bridge.call_check({"op": "diff", "kb": old.module, "other": new.module, "budget": budget,
                               "cases": given, "lang": lang})
    amended = amended_provisions(old.document, new.document)
    changes = []
    for c in reply["changes"]:
        changes.append({"question": c["question"], "scenario": c["scenario"],
                        "cases": cases.get(_key(c["scenario"]), []), "changed": c["changed"],
                        "ignored": c.get("ignored", {"old": [], "new": []}),
                        "old": _compact(c["old"]), "new": _compact(c["new"])})
    groups = _group(changes, amended, old.document, new.document)
    questions = reply["questions"]
    summary = {k: sum(q[k] for q in questions) for k in ("scenarios", "same", "changed", "refused_both", "errors")}
    summary["one_side"] = sum(q["one_side_old"] + q["one_side_new"] for q in questions)
    summary["questions_only"] = len(reply["questions_only"])
    summary["amended"] = len(amended)
    summary["seconds"] = round(time.monotonic() - started, 2)
    return {
        "pyreason_diff": DIFF_VERSION,
        "old": _identity(old), "new": _identity(new),
        "budget": budget, "lang": lang,
        "summary": summary,
        "questions": questions,
        "amended": amended,
        "groups": groups,
        "changes": changes,
        "one_side": reply["one_side"],
        "questions_only": reply["questions_only"],
        "fields_only": reply["fields_only"],
        "facts_only": reply["facts_only"],
        "errors": reply["errors"],
        "_kbs": (old, new),
    }


def public(result: dict[str, Any]) -> dict[str, Any]:
    """The result as the documented JSON object (without the loaded KBs)."""
    return {k: v for k, v in result.items() if not k.startswith("_")}


def exit_code(result: dict[str, Any]) -> int:
    """0 nothing changes; 3 an answer changes, or a scenario only one KB answers."""
    s = result["summary"]
    return 3 if s["changed"] or s["one_side"] or s["questions_only"] else 0


def _relative(path: str, kb_dir: Path) -> str:
    try:
        return f"{Path(kb_dir).name}/{Path(path).resolve().relative_to(Path(kb_dir).resolve())}"
    except ValueError:
        return Path(path).name


def _identity(kb: KnowledgeBase) -> dict[str, Any]:
    doc = kb.document["document"]
    return {**kb.identity, "number": doc.get("number"), "title": doc.get("title")}


def _compact(a: dict[str, Any]) -> dict[str, Any]:
    return {"status": a["status"], "answer": a["answer"], "citations": _cites(a["citations"]),
            "explanation": [{"kind": e.get("kind"), "text": e["text"], "citations": _cites(e["citations"])}
                            for e in a["explanation"]],
            "gaps": [{"id": g["id"], "text": g["text"]} for g in a["gaps"]]}


def _cites(cites: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"article": c["article"], "paragraph": c["paragraph"], "item": c["item"]} for c in cites]


# -- the text: which provisions differ, and how --------------------------------------

def provisions(document: dict[str, Any]) -> dict[tuple[int, int | None, int | None], str]:
    """Every provision's verbatim text by (article, paragraph, item); (article, None, None) is
    the article's title."""
    out: dict[tuple[int, int | None, int | None], str] = {}
    for art in document["articles"]:
        out[(art["number"], None, None)] = art.get("title") or ""
        for para in art["paragraphs"]:
            out[(art["number"], para["number"], None)] = para.get("text") or ""
            for item in para.get("items", []):
                out[(art["number"], para["number"], item["number"])] = item.get("text") or ""
    return out


def amended_provisions(old_doc: dict[str, Any], new_doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The provisions whose verbatim text differs (changed, added, removed), in document order,
    each with a token diff of its text."""
    old, new = provisions(old_doc), provisions(new_doc)
    out = []
    for key in sorted(set(old) | set(new), key=lambda k: (k[0], k[1] or 0, k[2] or 0)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        kind = "added" if a is None else "removed" if b is None else "title" if key[1] is None else "changed"
        cite = {"article": key[0], "paragraph": key[1], "item": key[2]}
        doc = new_doc if b is not None else old_doc
        out.append({"provision": cite, "label": _label(cite, doc, "zh"), "label_en": _label(cite, doc, "en"),
                    "kind": kind, "old_text": a, "new_text": b, "diff": token_diff(a or "", b or "")})
    return out


def _label(cite: dict[str, Any], doc: dict[str, Any], lang: str) -> str:
    label = citation_label(cite, doc, lang)
    if cite["paragraph"] is None:
        return label + ("（条标题）" if lang == "zh" else " (title)")
    return label


_TOKEN = re.compile(r"[A-Za-z0-9]+|\s+|.", re.S)


def token_diff(a: str, b: str) -> list[dict[str, str]]:
    """``a`` to ``b`` as segments ``{"op": "equal"|"delete"|"insert", "text"}``: by token (a run of
    Latin letters or digits, a run of spaces, or one other character), with an unchanged run of
    one token between two edits folded into them."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    ops: list[list[str]] = []                       # [op, old text, new text]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(["equal", "".join(ta[i1:i2]), "".join(tb[j1:j2]), str(i2 - i1)])
        else:
            ops.append(["edit", "".join(ta[i1:i2]), "".join(tb[j1:j2]), "0"])
    merged: list[list[str]] = []
    for i, op in enumerate(ops):
        short = op[0] == "equal" and int(op[3]) <= 1 and 0 < i < len(ops) - 1
        if short:
            op = ["edit", op[1], op[2], "0"]
        if merged and merged[-1][0] == "edit" and op[0] == "edit":
            merged[-1][1] += op[1]
            merged[-1][2] += op[2]
        else:
            merged.append(list(op))
    out: list[dict[str, str]] = []
    for op, x, y, _ in merged:
        if op == "equal":
            out.append({"op": "equal", "text": x})
        else:
            if x:
                out.append({"op": "delete", "text": x})
            if y:
                out.append({"op": "insert", "text": y})
    return out


def _overlaps(cite: dict[str, Any], prov: dict[str, Any]) -> bool:
    """A citation rests on a provision: the same article, and paragraph and item equal where
    both name one (a citation of a whole article or paragraph covers what it contains; an
    amended title belongs to the whole article)."""
    if cite["article"] != prov["article"]:
        return False
    if prov["paragraph"] is None or cite["paragraph"] is None:
        return True
    if cite["paragraph"] != prov["paragraph"]:
        return False
    return prov["item"] is None or cite["item"] is None or cite["item"] == prov["item"]


def _group(changes: list[dict[str, Any]], amended: list[dict[str, Any]], old_doc: dict[str, Any],
           new_doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The changed answers grouped by the amended provisions they cite (the old or the new
    answer's citations; where these name none, those of their reasoning and gaps), each change
    in exactly one group; changed answers citing no amended provision form a last group without
    provisions (the rules changed where the text did not)."""
    by_key: dict[tuple[int, ...], list[int]] = {}
    for n, change in enumerate(changes):
        top = change["old"]["citations"] + change["new"]["citations"]
        hits = [i for i, a in enumerate(amended) if any(_overlaps(c, a["provision"]) for c in top)]
        if not hits:
            deep = [c for side in ("old", "new") for e in change[side]["explanation"] + change[side]["gaps"]
                    for c in e.get("citations", [])]
            hits = [i for i, a in enumerate(amended) if any(_overlaps(c, a["provision"]) for c in deep)]
        change["provisions"] = [amended[i]["provision"] for i in hits]
        by_key.setdefault(tuple(hits), []).append(n)
    groups = []
    for key in sorted(by_key, key=lambda k: (not k, k)):
        ids = by_key[key]
        groups.append({"provisions": [amended[i]["provision"] for i in key],
                       "label": "、".join(amended[i]["label"] for i in key) or None,
                       "label_en": ", ".join(amended[i]["label_en"] for i in key) or None,
                       "changes": ids, "transitions": _transitions(changes, ids)})
    return groups


def _transitions(changes: list[dict[str, Any]], ids: list[int]) -> list[dict[str, Any]]:
    """The distinct changes of answer (question, old answer, new answer) among ``ids``, each with
    the scenarios showing it, smallest first."""
    seen: dict[str, dict[str, Any]] = {}
    for n in ids:
        c = changes[n]
        core = {side: {"status": c[side]["status"], "answer": c[side]["answer"],
                       "citations": c[side]["citations"]} for side in ("old", "new")}
        key = json.dumps([c["question"], core], sort_keys=True, ensure_ascii=False)
        if key not in seen:
            seen[key] = {"question": c["question"], "old": core["old"], "new": core["new"],
                         "changed": c["changed"], "changes": []}
        seen[key]["changes"].append(n)
    return list(seen.values())


# -- rendering ------------------------------------------------------------------------

def _words(lang: str) -> dict[str, Any]:
    return labels(lang)["diff"]


def _scenario_text(kb: KnowledgeBase, scenario: dict[str, Any], lang: str) -> str:
    from .report import scenario_rows
    lab = labels(lang, kb)
    try:
        rows = scenario_rows(kb, scenario, lang)
    except (PyreasonError, KeyError, TypeError, ValueError):
        rows = []
    # Only what the scenario states: a fact left out is not shown as "none" or "no", so a
    # scenario stating major: false reads apart from one that leaves it out.
    stated = scenario.get("facts") or {}
    unstated = {str(lab.get("facts", {}).get(f["name"], f["name"])) for f in kb.declarations["facts"]
                if f["name"] not in stated}
    given = [f"{k}{lab['colon']}{v}" for k, v in rows if k not in unstated]
    return lab["sep"].join(given) if given else json.dumps(scenario, ensure_ascii=False)


def _answer_text(kb: KnowledgeBase, question: str, core: dict[str, Any], lang: str) -> str:
    lab = labels(lang, kb)
    answer = {"question": question, "status": core["status"], "answer": core["answer"]}
    rows = answer_rows(answer, lang, kb)
    status = lab["answered"] if core["status"] == "answered" else lab["gap"]
    body = lab["sep"].join(f"{k} {v}" for k, v in rows) if rows else lab["none"]
    return f"{status}{lab['sep']}{body}"


def _cite_text(kb: KnowledgeBase, cites: list[dict[str, Any]], lang: str) -> str:
    lab = labels(lang, kb)
    doc = kb.document
    return lab["lb"] + "、".join(citation_label(c, doc, lang) for c in cites) + lab["rb"] if cites else ""


def _inline(diff: list[dict[str, str]]) -> str:
    return "".join(s["text"] if s["op"] == "equal" else
                   f"[-{s['text']}-]" if s["op"] == "delete" else f"{{+{s['text']}+}}" for s in diff)


def render_text(result: dict[str, Any], lang: str = "zh", every: bool = False, examples: int = 3) -> str:
    """The impact for a terminal: per amended provision, its text old and new with the edits
    marked ([-deleted-]{+inserted+}), each distinct change of answer with both answers, their
    citations and how many scenarios show it (the first ``examples``, or all with ``every``)."""
    w = _words(lang)
    old, new = result["_kbs"]
    colon = "：" if lang == "zh" else ": "
    out = [w["title"],
           f"  {_cap(w['old'])}{colon}{_doc_line(result['old'])}",
           f"  {_cap(w['new'])}{colon}{_doc_line(result['new'])}", ""]
    s = result["summary"]
    out.append(w["summary"].format(**s))
    out.append("")
    if not result["amended"]:
        out.append(w["no_text_change"])
    label_key = "label" if lang == "zh" else "label_en"
    for prov in result["amended"]:
        out.append(f"{w['amended']}{colon}{prov[label_key]}（{w['kinds'][prov['kind']]}）" if lang == "zh" else
                   f"{w['amended']}{colon}{prov[label_key]} ({w['kinds'][prov['kind']]})")
        out.append(f"  {w['old_text']}{colon}{prov['old_text'] if prov['old_text'] is not None else w['none']}")
        out.append(f"  {w['new_text']}{colon}{prov['new_text'] if prov['new_text'] is not None else w['none']}")
        out.append(f"  {w['edits']}{colon}{_inline(prov['diff'])}")
    out.append("")
    if not result["changes"]:
        out.append(w["no_change"])
    for group in result["groups"]:
        head = group[label_key] or w["unattributed"]
        out.append(w["group"].format(provision=head, n=len(group["changes"])))
        for i, t in enumerate(group["transitions"], 1):
            q = question_label(new, t["question"], lang)
            out.append(f"  {i}. {q}{colon}{w['scenarios'].format(n=len(t['changes']))}")
            out.append(f"     {w['before']}{colon}{_answer_text(old, t['question'], t['old'], lang)}"
                       f"{_cite_text(old, t['old']['citations'], lang)}")
            out.append(f"     {w['after']}{colon}{_answer_text(new, t['question'], t['new'], lang)}"
                       f"{_cite_text(new, t['new']['citations'], lang)}")
            shown = t["changes"] if every else t["changes"][:examples]
            for n in shown:
                c = result["changes"][n]
                case = f" [{', '.join(c['cases'])}]" if c["cases"] else ""
                out.append(f"       - {_scenario_text(new, c['scenario'], lang)}{case}")
            if len(shown) < len(t["changes"]):
                out.append(f"       {w['more'].format(n=len(t['changes']) - len(shown))}")
        out.append("")
    if result["one_side"] or result["questions_only"] or result["fields_only"] or result["facts_only"]:
        out.append(w["one_side_title"])
        for q in result["questions_only"]:
            out.append("  " + w["question_only"].format(question=q["question"], side=w[q["side"]], n=q["scenarios"]))
        for f in result["facts_only"]:
            out.append("  " + w["facts_only"].format(question=f["question"], side=w[f["side"]],
                                                     facts=", ".join(f["facts"]), other=w["new" if f["side"] == "old" else "old"]))
        for f in result["fields_only"]:
            out.append("  " + w["fields_only"].format(question=f["question"], side=w[f["side"]],
                                                      fields=", ".join(f["fields"])))
        for g in result["one_side"]:
            reason = w["undeclared"] if g["reason"] == "undeclared" else w["refused"].format(code=g["reason"])
            out.append("  " + w["one_side"].format(question=g["question"], side=w[g["side"]], field=g["field"],
                                                   reason=reason, n=g["count"]))
            kb = old if g["side"] == "old" else new
            out.append(f"       - {_scenario_text(kb, g['example'], lang)}")
        out.append("")
    if result["errors"]:
        out.append(w["errors_title"])
        for e in result["errors"][:20]:
            out.append(f"  {e['question']} {w[e['side']]}{colon}{e['problem'][lang]}{colon}"
                       f"{json.dumps(e['scenario'], ensure_ascii=False)}")
        out.append("")
    out.append(w["exit_changed"] if exit_code(result) else w["exit_same"])
    return "\n".join(out) + "\n"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _doc_line(ident: dict[str, Any]) -> str:
    title = f"《{ident['title']}》" if ident.get("title") else ""
    return f"{ident.get('number') or ''}{title} {ident['name']} {ident.get('version') or ''} {ident['fingerprint'][:19]}…"


def render_json(result: dict[str, Any]) -> str:
    return json.dumps(public(result), ensure_ascii=False, indent=2) + "\n"


def render_html(result: dict[str, Any], lang: str = "zh", examples: int = 10) -> str:
    """The impact report: one self-contained, printable HTML page (no script, no external file)."""
    from .report import generated_at
    old, new = result["_kbs"]
    w = _words(lang)
    label_key = "label" if lang == "zh" else "label_en"
    amended = []
    for prov in result["amended"]:
        amended.append({**prov, "shown_label": prov[label_key], "kind_word": w["kinds"][prov["kind"]]})
    groups = []
    for group in result["groups"]:
        provs = [a for a in amended if a["provision"] in group["provisions"]]
        transitions = []
        for t in group["transitions"]:
            scen = []
            for n in t["changes"][:examples]:
                c = result["changes"][n]
                scen.append({"text": _scenario_text(new, c["scenario"], lang), "cases": c["cases"]})
            transitions.append({
                "question": question_label(new, t["question"], lang),
                "old_rows": answer_rows({"question": t["question"], **t["old"]}, lang, old),
                "new_rows": answer_rows({"question": t["question"], **t["new"]}, lang, new),
                "old_status": t["old"]["status"], "new_status": t["new"]["status"],
                "old_cites": [citation_label(c, old.document, lang) for c in t["old"]["citations"]],
                "new_cites": [citation_label(c, new.document, lang) for c in t["new"]["citations"]],
                "old_steps": _steps(result["changes"][t["changes"][0]]["old"], old, lang),
                "new_steps": _steps(result["changes"][t["changes"][0]]["new"], new, lang),
                "count": len(t["changes"]), "scenarios": scen, "more": max(0, len(t["changes"]) - examples),
                "changed": t["changed"],
            })
        groups.append({"label": group[label_key] or w["unattributed"], "provisions": provs,
                       "count": len(group["changes"]), "transitions": transitions})
    one_side = []
    for g in result["one_side"]:
        kb = old if g["side"] == "old" else new
        reason = w["undeclared"] if g["reason"] == "undeclared" else w["refused"].format(code=g["reason"])
        one_side.append({**g, "side_word": w[g["side"]], "reason_word": reason,
                         "example_text": _scenario_text(kb, g["example"], lang)})
    lab = labels(lang, new)
    context = {
        "lang": lang, "w": w, "lab": lab, "version": __version__, "generated_at": generated_at(),
        "old": result["old"], "new": result["new"], "summary": result["summary"],
        "questions": [{**q, "label": question_label(new, q["question"], lang)} for q in result["questions"]],
        "amended": amended, "groups": groups, "one_side": one_side,
        "questions_only": [{**q, "side_word": w[q["side"]]} for q in result["questions_only"]],
        "fields_only": [{**f, "side_word": w[f["side"]]} for f in result["fields_only"]],
        "facts_only": [{**f, "side_word": w[f["side"]], "other_word": w["new" if f["side"] == "old" else "old"]}
                       for f in result["facts_only"]],
        "errors": result["errors"][:50], "changed": bool(exit_code(result)),
    }
    return _environment().get_template("diff.html.j2").render(**context)


def _steps(answer: dict[str, Any], kb: KnowledgeBase, lang: str) -> list[dict[str, Any]]:
    return [{"kind": e.get("kind"), "text": e["text"],
             "labels": [citation_label(c, kb.document, lang) for c in e["citations"]]}
            for e in answer["explanation"]]


def cli_diff(old: str, new: str, fmt: str, output: str | None, force: bool, budget: int, every: bool,
             lang: str, limits: dict[str, Any]) -> int:
    """``pyreason diff``: run, render, write (``-o``: atomically, never replacing without
    ``force``), and return the exit code."""
    result = run_diff(old, new, budget=budget, lang=lang, limits=limits)
    if fmt == "json":
        text = render_json(result)
    elif fmt == "html":
        text = render_html(result, lang)
    else:
        text = render_text(result, lang, every=every)
    if output and output != "-":
        from .fileio import open_output
        with open_output(output, force=force) as fh:
            fh.write(text.encode("utf-8"))
    else:
        import click
        click.echo(text, nl=False)
    return exit_code(result)
