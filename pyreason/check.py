"""``pyreason check``: rule-consistency checks of a knowledge base, for people and for CI.

The checks themselves are Prolog (``pyreason/prolog/check.pl``); this module
runs them, runs the KB's scenario cases for coverage and mutation testing,
and renders the findings as text, JSON or JUnit XML.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import yaml

from . import bridge
from .bridge import located
from .errors import InternalError, KBError
from .expectations import failures
from .kb import _question_part
from .resources import kb_fingerprint
from .scenario import QUESTION_FIELDS

CHECKS = ("load", "sandbox", "citations", "cross_references", "vocabulary", "reporting_cycle", "meetings",
          "matters", "readings", "coverage", "exhaustive_approver", "exhaustive_meeting",
          "exhaustive_substitution", "exhaustive_disagreement", "regulation_gap", "drift",
          "scenarios", "exercised", "mutation")


def default_scenarios(kb_dir: Path) -> Path | None:
    """``tests/scenarios`` beside the KB directory, where a KB repository keeps its cases."""
    candidate = kb_dir.resolve().parent / "tests" / "scenarios"
    return candidate if candidate.is_dir() else None


def load_cases(directory: Path) -> list[tuple[str, dict[str, Any]]]:
    """Every scenario case (a YAML file with an ``expect`` block) in ``directory``."""
    cases = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            case = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(case, dict) and isinstance(case.get("expect"), dict) \
                and case.get("question") in QUESTION_FIELDS:
            cases.append((str(path), case))
    return cases


def _finding(severity: str, check: str, zh: str, en: str, file: str | None = None,
             line: int | None = None, citations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"severity": severity, "check": check, "message": zh, "message_en": en,
            "citations": citations or [], "file": file, "line": line}


def run_check(kb_dir: Path, scenarios: Path | None = None, mutate: bool = False,
              progress: Any = None) -> dict[str, Any]:
    """Run every check on the KB in ``kb_dir``; with ``mutate`` also mutation testing."""
    kb_dir = kb_dir.resolve()
    entry = kb_dir / "pyreason.pl"
    if not entry.is_file():
        raise KBError(f"{kb_dir}: no pyreason.pl here, so this is not a pyreason knowledge base")
    result: dict[str, Any] = {"kb": {"dir": str(kb_dir), "fingerprint": kb_fingerprint(kb_dir)},
                              "coverage": [], "scenarios": None, "exercised": None, "mutation": None}
    # Nothing of the KB runs before it is vetted: its files are read for directives first ...
    bad = bridge.vet_sources(entry)
    if bad:
        return _finish(result, [_finding("error", "sandbox", f"加载时会执行指令 {d['directive']}",
                                         f"loading would run the directive {d['directive']}",
                                         d["file"], d["line"]) for d in bad])
    engine = bridge.check_engine(entry)
    # A load warning (a singleton, a clause out of place) is an error of the KB too.
    findings = [_finding("error", "load", located(m), located(m), m.get("file"), m.get("line"))
                for m in engine.load_messages]
    if any(f["severity"] == "error" for f in findings) or \
            not engine.run("current_predicate(pyreason_kb:call_json/2)"):
        if not findings:
            findings.append(_finding("error", "load", "知识库没有定义 pyreason_kb:call_json/2",
                                     "the KB does not define pyreason_kb:call_json/2", str(entry)))
        return _finish(result, findings)

    # ... and its rules run only if library(sandbox) accepts them.
    unsafe = json.loads(str(engine.run("pyreason_boot:vet_kb(J)")[0]["J"]))["unsafe"]
    if unsafe:
        return _finish(result, findings + [
            _finding("error", "sandbox", f"{u['predicate']} 不安全：{u['message']}",
                     f"{u['predicate']} is not safe: {u['message']}") for u in unsafe])
    reply = bridge.call_check({"op": "checks"})
    findings += reply["findings"]
    result["coverage"] = reply["coverage"]

    cases = load_cases(scenarios) if scenarios else []
    if cases:
        batch = {"op": "batch", "scenarios": [_question_part(c) for _, c in cases], "lang": "zh"}
        batch_json = json.dumps(batch, ensure_ascii=False)
        baseline = bridge.call(entry, batch)["results"]
        failing = [(path, failures(case["expect"], r)) for (path, case), r in zip(cases, baseline)]
        for path, fails in failing:
            if fails:
                findings.append(_finding("error", "scenarios", f"场景用例不成立：{'; '.join(fails)}",
                                         f"scenario case fails: {'; '.join(fails)}", path))
        result["scenarios"] = {"dir": str(scenarios), "cases": len(cases),
                               "failing": sum(1 for _, f in failing if f)}
        ex = bridge.call_check({"op": "exercised", "batch": batch_json})
        findings += ex["findings"]
        result["exercised"] = ex["exercised"]
        if mutate and not result["scenarios"]["failing"]:
            result["mutation"], survivors = _mutation_in_child(kb_dir, scenarios, progress)
            findings += survivors
    return _finish(result, findings)


def _mutation_in_child(kb_dir: Path, scenarios: Path, progress: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Mutation testing needs the rules loaded mutable: it runs in a process of its own."""
    proc = subprocess.Popen([sys.executable, "-m", "pyreason.check", str(kb_dir), str(scenarios)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:              # progress lines: "n/total"
        if progress and re.fullmatch(r"\d+/\d+", line.strip()):
            n, total = map(int, line.strip().split("/"))
            progress(n, total)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.wait() != 0:
        raise InternalError(f"mutation testing failed: {out.strip()[-300:]}")
    data = json.loads(out)
    return data["mutation"], data["survivors"]


def mutation(kb_dir: Path, scenarios: Path, progress: Any = None) -> dict[str, Any]:
    """Remove or weaken each rule in turn and run the cases; report the mutants no case kills."""
    bridge.check_engine((kb_dir / "pyreason.pl").resolve(), mutable=True)
    cases = load_cases(scenarios)
    batch = {"op": "batch", "scenarios": [_question_part(c) for _, c in cases], "lang": "zh"}
    table, survivors = _mutation(cases, json.dumps(batch, ensure_ascii=False), progress)
    return {"mutation": table, "survivors": survivors}


def _mutation(cases: list[tuple[str, dict[str, Any]]], batch_json: str, progress: Any
              ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    mutants = bridge.call_check({"op": "mutants"})["mutants"]
    per_article: dict[Any, Counter] = defaultdict(Counter)
    survivors = []
    for n, mutant in enumerate(mutants, 1):
        try:
            reply = json.loads(bridge.call_check({"op": "mutant", "index": mutant["index"],
                                                  "batch": batch_json})["reply"])
        except InternalError:            # the mutant broke the KB outright: that is detected
            reply = {}
        results = reply.get("results", [])
        killed = len(results) != len(cases) or any(
            failures(case["expect"], r) for (_, case), r in zip(cases, results))
        art = mutant["article"]
        per_article[art]["mutants"] += 1
        per_article[art]["killed" if killed else "survived"] += 1
        if not killed:
            survivors.append(_finding(
                "warning", "mutation", f"变异存活（没有用例守护这条规则）：{mutant['description']}",
                f"mutant survives (no case defends this rule): {mutant['description']}",
                mutant["file"], mutant["line"],
                [{"article": art, "paragraph": None, "item": None}] if art else []))
        if progress:
            progress(n, len(mutants))
    table = [{"article": a, **{k: c[k] for k in ("mutants", "killed", "survived")}}
             for a, c in sorted(per_article.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))]
    total = sum(c["mutants"] for c in per_article.values())
    killed = sum(c["killed"] for c in per_article.values())
    return {"mutants": total, "killed": killed, "survived": total - killed, "per_article": table}, survivors


def _finish(result: dict[str, Any], findings: list[dict[str, Any]]) -> dict[str, Any]:
    order = {"error": 0, "warning": 1}
    findings.sort(key=lambda f: (order.get(f["severity"], 2), CHECKS.index(f["check"])
                                 if f["check"] in CHECKS else 99, f.get("file") or "", f.get("line") or 0))
    counts = Counter(f["severity"] for f in findings)
    result["findings"] = findings
    result["summary"] = {"errors": counts.get("error", 0), "warnings": counts.get("warning", 0),
                         "by_check": dict(Counter(f["check"] for f in findings))}
    return result


def exit_code(result: dict[str, Any], strict: bool) -> int:
    """0 when there are no errors (warnings allowed unless ``strict``), else 1."""
    s = result["summary"]
    return 1 if s["errors"] or (strict and s["warnings"]) else 0


# -- rendering ---------------------------------------------------------------------

def _where(f: dict[str, Any], root: Path | None = None) -> str:
    if not f.get("file"):
        return ""
    path = Path(f["file"])
    if root:
        try:
            path = path.relative_to(root)
        except ValueError:
            pass
    return f"{path}:{f['line']}" if f.get("line") else str(path)


def render_text(result: dict[str, Any], lang: str = "zh", label: Any = None) -> str:
    """Findings, the coverage table and a summary line, for a terminal."""
    zh = lang == "zh"
    root = Path(result["kb"]["dir"]).parent
    out = [f"pyreason check: {result['kb']['dir']} ({result['kb']['fingerprint'][:19]}…)", ""]
    for sev, head in (("error", "错误" if zh else "Errors"), ("warning", "警告" if zh else "Warnings")):
        items = [f for f in result["findings"] if f["severity"] == sev]
        out.append(f"{head} ({len(items)})")
        for f in items:
            where = _where(f, root)
            cites = ""
            if f["citations"] and label:
                cites = "〔" + "；".join(label(c) for c in f["citations"][:6]) + \
                        ("…" if len(f["citations"]) > 6 else "") + "〕"
            msg = f["message"] if zh else f["message_en"]
            out.append(f"  [{f['check']}] {where + '  ' if where else ''}{msg}{cites}")
        out.append("")
    if result["coverage"]:
        out.append("条文覆盖" if zh else "Coverage per article")
        head = ("条", "款", "已编码", "有理由", "规则") if zh else ("art", "paras", "encoded", "reason", "rules")
        out.append("  " + "  ".join(f"{h:>7}" for h in head) + "  " + ("标题" if zh else "title"))
        for row in result["coverage"]:
            cells = (row["article"], row["paragraphs"], row["encoded"], row["recorded"], row["rules"])
            out.append("  " + "  ".join(f"{c:>7}" for c in cells) + f"  {row['title']}")
        out.append("")
    if result["scenarios"]:
        s, e = result["scenarios"], result["exercised"] or {}
        out.append((f"场景用例：{s['cases']} 个（不成立 {s['failing']} 个）；规则 {e.get('rules', 0)} 条，"
                    f"被用例用到 {e.get('exercised', 0)} 条") if zh else
                   (f"Scenario cases: {s['cases']} ({s['failing']} failing); rules: {e.get('rules', 0)}, "
                    f"exercised by a case: {e.get('exercised', 0)}"))
    if result["mutation"]:
        m = result["mutation"]
        out.append((f"变异测试：{m['mutants']} 个变异，杀死 {m['killed']} 个，存活 {m['survived']} 个") if zh else
                   (f"Mutation testing: {m['mutants']} mutants, {m['killed']} killed, {m['survived']} survived"))
        for row in m["per_article"]:
            art = row["article"] if row["article"] is not None else "-"
            out.append(f"    {'第' if zh else 'Art. '}{art}{'条' if zh else ''}: "
                       f"{row['mutants']} / {row['killed']} / {row['survived']}")
    s = result["summary"]
    out.append(("检查结论：" if zh else "Result: ") +
               (f"{s['errors']} 个错误，{s['warnings']} 个警告" if zh else f"{s['errors']} errors, {s['warnings']} warnings"))
    return "\n".join(out) + "\n"


def render_json(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def render_junit(result: dict[str, Any], strict: bool = False) -> str:
    """JUnit XML: one test case per check, failing with its errors (and, if strict, warnings)."""
    suite = ET.Element("testsuite", name="pyreason check")
    by_check: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in result["findings"]:
        by_check[f["check"]].append(f)
    failures_n = skipped_n = 0
    for check in [c for c in CHECKS if c in by_check or c not in ("scenarios", "exercised", "mutation")] + \
            [c for c in by_check if c not in CHECKS]:
        case = ET.SubElement(suite, "testcase", classname="pyreason.check", name=check)
        items = by_check.get(check, [])
        bad = [f for f in items if f["severity"] == "error" or strict]
        lines = "\n".join(f"{f['severity']}: " + (f["message_en"] if _where(f) in f["message_en"]
                                                   else f"{_where(f)} {f['message_en']}").strip()
                           for f in items)
        if bad:
            failures_n += 1
            node = ET.SubElement(case, "failure", message=f"{len(bad)} finding(s)", type=check)
            node.text = lines
        elif items:
            skipped_n += 1
            node = ET.SubElement(case, "skipped", message=f"{len(items)} warning(s)")
            ET.SubElement(case, "system-out").text = lines
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures_n))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped_n))
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


if __name__ == "__main__":   # the child process of run_check(mutate=True)
    def _progress(n: int, total: int) -> None:
        print(f"{n}/{total}", file=sys.stderr, flush=True)
    print(json.dumps(mutation(Path(sys.argv[1]), Path(sys.argv[2]), _progress), ensure_ascii=False))
