"""``pyreason check``: the checks of a knowledge base, for people and for CI.

The checks themselves are Prolog (``pyreason/prolog/check.pl``) and know no
regulation: they read the KB's text, declarations, readings, the invariants it
declares (``check_violation/4``) and the scenario space it declares
(``explore/2``).  This module runs them, runs the KB's cases for clause
coverage and mutation testing, and renders the findings as text, JSON or
JUnit XML.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import yaml

from . import bridge, safeyaml
from .fileio import FileError, read_input
from .scenario import MAX_FILE_BYTES
from .bridge import located
from .errors import InternalError, KBError, PyreasonError, not_a_kb
from .expectations import failures
from .resources import kb_fingerprint

#: The checks that always run, in the order findings are listed; the KB adds its own
#: (check_violation/4) and one exhaustive_<kind> per question kind after ``coverage``.
HEAD_CHECKS = ("load", "sandbox", "citations", "quotes", "cross_references", "readings", "vocabulary",
               "coverage")
TAIL_CHECKS = ("regulation_gap", "drift")
CASE_CHECKS = ("scenarios", "exercised", "mutation")

#: The exhaustive run: at most this many scenarios and seconds per question kind.
BUDGET = 10000
SECONDS = 8.0


def default_scenarios(kb_dir: Path) -> Path | None:
    """``cases/`` inside the KB directory, where a KB keeps its cases of the law."""
    candidate = Path(kb_dir).resolve() / "cases"
    return candidate if candidate.is_dir() else None


#: The keys an ``expect`` block may have (pyreason/expectations.py).
EXPECT_KEYS = ("status", "answer", "citations", "gaps", "rules", "not_rules", "interpretations",
               "not_interpretations", "error")


def load_cases(directory: Path) -> list[tuple[str, dict[str, Any]]]:
    """Every scenario case (a YAML file with a question and an ``expect`` block) in ``directory``."""
    return read_cases(directory)[0]


def read_cases(directory: Path) -> tuple[list[tuple[str, dict[str, Any]]], list[dict[str, Any]]]:
    """The cases in ``directory`` and, for every file there that cannot be run as one, an error
    finding naming it (and the line, where known): a ``.yml`` file, a file that is not UTF-8 or
    not YAML, one that is not a mapping with a question, or one whose ``expect`` block is
    missing, misspelled or has a key ``expect`` does not know. None is skipped silently."""
    from difflib import get_close_matches
    cases: list[tuple[str, dict[str, Any]]] = []
    problems: list[dict[str, Any]] = []

    def bad(path: Path, zh: str, en: str, line: int | None = None) -> None:
        problems.append(_finding("error", "scenarios", zh, en, str(path), line))

    if not Path(directory).is_dir():        # (a pipe or a device passes click's file_okay=False)
        raise FileError(str(directory), {"zh": "不是目录", "en": "is not a directory"})
    for path in sorted(Path(directory).iterdir()):
        if path.suffix.lower() == ".yml" or (path.suffix.lower() == ".yaml" and path.suffix != ".yaml"):
            bad(path, f"用例文件须以 .yaml 结尾，未运行（改名为 {path.stem}.yaml）",
                f"case files must end in .yaml; not run (rename it {path.stem}.yaml)")
            continue
        if path.suffix != ".yaml" or not path.is_file():
            continue
        try:
            raw = read_input(str(path), MAX_FILE_BYTES)       # bounded; never a pipe or device
        except FileError as exc:
            bad(path, exc.messages["zh"], exc.messages["en"])
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[:exc.start].count(b"\n") + 1
            bad(path, f"不是 UTF-8 编码（第 {line} 行）", f"not UTF-8 (line {line})", line)
            continue
        try:
            case = safeyaml.load(text)
        except safeyaml.YamlInputError as exc:      # a duplicate key, aliases expanding too far
            bad(path, f"YAML 有误：{exc.messages['zh']}", f"not valid YAML: {exc.messages['en']}", exc.line)
            continue
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            bad(path, f"YAML 有误：{problem}", f"not valid YAML: {problem}", line)
            continue
        except RecursionError:
            bad(path, "YAML 嵌套过深", "YAML nested too deeply")
            continue
        if not isinstance(case, dict) or not isinstance(case.get("question"), str):
            bad(path, "用例应为含 question 的映射", "a case must be a mapping with a question")
            continue
        expect = case.get("expect")
        if not isinstance(expect, dict):
            near = get_close_matches("expect", [k for k in case if isinstance(k, str) and k != "expect"], 1, 0.6)
            hint = (f"（是否把 expect 写成了 {near[0]}？）", f" (is {near[0]} a misspelling of expect?)") if near \
                else ("", "")
            bad(path, f"缺少 expect 块（映射）{hint[0]}", f"no expect block (a mapping){hint[1]}")
            continue
        unknown = [k for k in expect if k not in EXPECT_KEYS]
        if unknown or not ("status" in expect or "error" in expect):
            if unknown:
                near = get_close_matches(str(unknown[0]), EXPECT_KEYS, 1, 0.5)
                sug = (f"（最接近的：{near[0]}）", f" (closest: {near[0]})") if near else ("", "")
                bad(path, f"expect 中有未知的键 {unknown[0]}{sug[0]}",
                    f"expect has an unknown key {unknown[0]}{sug[1]}", _line_of(text, str(unknown[0])))
            else:
                bad(path, "expect 须给出 status 或 error", "expect must give a status or an error")
            continue
        cases.append((str(path), case))
    return cases, problems


def _line_of(text: str, key: str) -> int | None:
    """The first line of ``text`` where ``key`` is a mapping key."""
    for n, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*:", line):
            return n
    return None


def _finding(severity: str, check: str, zh: str, en: str, file: str | None = None,
             line: int | None = None, citations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"severity": severity, "check": check, "message": zh, "message_en": en,
            "citations": citations or [], "file": file, "line": line}


def run_check(kb_dir: Path, scenarios: Path | None = None, mutate: bool = False,
              progress: Any = None, budget: int = BUDGET, seconds: float = SECONDS) -> dict[str, Any]:
    """Run every check on the KB in ``kb_dir``; with ``mutate`` also mutation testing.

    Needs a process of its own: the KB is loaded for checking (load errors are findings).
    """
    kb_dir = Path(kb_dir).resolve()
    entry = kb_dir / "pyreason.pl"
    if not entry.is_file():
        raise not_a_kb(kb_dir)
    fingerprint = kb_fingerprint(kb_dir)
    module = bridge.module_for(fingerprint)
    result: dict[str, Any] = {"kb": {"dir": str(kb_dir), "fingerprint": fingerprint, "module": module},
                              "checks": list(HEAD_CHECKS), "coverage": [], "exhaustive": [],
                              "scenarios": None, "exercised": None, "mutation": None}
    # Nothing of the KB runs before it is vetted: every term of its files is read first ...
    bad = bridge.vet_sources(entry)
    if bad:
        return _finish(result, [_finding("error", "load" if d["key"] == "vet_syntax" else "sandbox",
                                         bridge.refusal_error(d).line("zh"), bridge.refusal_error(d).line("en"),
                                         d["file"], d["line"]) for d in bad])
    engine = bridge.check_engine(entry, module)
    # A load warning (a singleton, a clause out of place) is an error of the KB too.
    findings = [_finding("error", "load", located(m), located(m), m.get("file"), m.get("line"))
                for m in engine.load_messages]
    if any(f["severity"] == "error" for f in findings) or \
            not engine.run(f"current_predicate({module}:question/5)"):
        if not findings:
            findings.append(_finding("error", "load", "知识库没有声明任何问题（question/5）",
                                     "the KB declares no question (question/5)", str(entry)))
        return _finish(result, findings)

    # ... and its questions run only if library(sandbox) accepts them.
    unsafe = bridge.vet(module)
    if unsafe:
        return _finish(result, findings + [
            _finding("error", "sandbox", bridge.refusal_error(u, entry).line("zh"),
                     bridge.refusal_error(u, entry).line("en"), u.get("file"), u.get("line")) for u in unsafe])
    reply = bridge.call_check({"op": "checks", "kb": module, "budget": budget, "seconds": seconds})
    findings += reply["findings"]
    result["coverage"] = reply["coverage"]
    result["exhaustive"] = reply["exhaustive"]
    result["checks"] = reply["checks"]

    cases, unreadable = read_cases(scenarios) if scenarios else ([], [])
    findings += unreadable
    if unreadable and "scenarios" not in result["checks"]:
        result["checks"].append("scenarios")
    if cases:
        kb = _knowledge_base(kb_dir)
        answers = kb.ask_many([case for _, case in cases], lang="zh", source="cases")
        failing = [(path, failures(case["expect"], answer)) for (path, case), answer in zip(cases, answers)]
        for path, fails in failing:
            if fails:
                findings.append(_finding("error", "scenarios", f"用例不成立：{'; '.join(fails)}",
                                         f"the case fails: {'; '.join(fails)}", path))
        result["scenarios"] = {"dir": str(scenarios), "cases": len(cases),
                               "failing": sum(1 for _, f in failing if f)}
        parts = [part for _, _, part in _question_parts(kb, cases)]
        ex = bridge.call_check({"op": "exercised", "kb": module, "scenarios": parts})
        findings += ex["findings"]
        result["exercised"] = ex["exercised"]
        result["checks"] += ["scenarios", "exercised"]
        if mutate and not result["scenarios"]["failing"]:
            result["mutation"], survivors = _mutation_in_child(kb_dir, Path(scenarios), progress)
            findings += survivors
            result["checks"].append("mutation")
    return _finish(result, findings)


def _knowledge_base(kb_dir: Path) -> Any:
    """The API over the KB already loaded for checking (it is not loaded again)."""
    from .kb import KnowledgeBase
    return KnowledgeBase(kb_dir)


def _question_parts(kb: Any, cases: list[tuple[str, dict[str, Any]]]
                    ) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(path, case, the part the engine answers) of each case whose shape is valid; a case
    refused before it reaches the engine is answered alike by every mutant."""
    out = []
    for path, case in cases:
        try:
            kb.validate(case, path)
        except PyreasonError:
            continue
        out.append((path, case, kb.question_part(case)))
    return out


def _mutation_in_child(kb_dir: Path, scenarios: Path, progress: Any
                       ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Mutation testing needs the rules loaded mutable: it runs in a process of its own, which
    reports progress on stderr ("n/total") and its result on stdout (a file: it may be large)."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "pyreason.check", str(kb_dir), str(scenarios)],
                                stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        assert proc.stderr is not None
        other = []
        for line in proc.stderr:
            if re.fullmatch(r"\d+/\d+", line.strip()):
                if progress:
                    n, total = map(int, line.strip().split("/"))
                    progress(n, total)
            else:
                other.append(line)
        code = proc.wait()
        out.seek(0)
        text = out.read()
    if code != 0:
        raise InternalError(f"mutation testing failed: {(text + ''.join(other)).strip()[-300:]}")
    data = json.loads(text)
    return data["mutation"], data["survivors"]


def mutation(kb_dir: Path, scenarios: Path, progress: Any = None) -> dict[str, Any]:
    """Remove or weaken each rule in turn, ask every case, and report the mutants no case kills."""
    kb_dir = Path(kb_dir).resolve()
    module = bridge.module_for(kb_fingerprint(kb_dir))
    engine = bridge.check_engine(kb_dir / "pyreason.pl", module, mutable=True)
    if any(m["kind"] == "error" for m in engine.load_messages):
        raise KBError(f"{kb_dir}: the knowledge base does not load")
    kb = _knowledge_base(kb_dir)
    valid = _question_parts(kb, load_cases(scenarios))
    parts = [part for _, _, part in valid]
    # The unmutated KB through the same path: a case it fails could not tell a mutant apart.
    baseline = _mutant_results(module, 0, parts)
    keep = [i for i, ((_, case, _), r) in enumerate(zip(valid, baseline)) if not failures(case["expect"], r)]
    valid = [valid[i] for i in keep]
    parts = [parts[i] for i in keep]
    table, survivors = _mutation(module, valid, parts, progress)
    return {"mutation": table, "survivors": survivors}


def _mutant_results(module: str, index: int, parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answers under mutant ``index`` (0: none); fewer than asked when one met a limit or an
    internal error (the mutant is killed)."""
    try:
        reply = bridge.call_check({"op": "mutant", "kb": module, "index": index, "scenarios": parts})
        return reply.get("results", [])
    except InternalError:                 # the mutant broke the KB outright: that is detected
        return []


def _mutation(module: str, valid: list[tuple[str, dict[str, Any], dict[str, Any]]],
              parts: list[dict[str, Any]], progress: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    mutants = bridge.call_check({"op": "mutants", "kb": module})["mutants"]
    per_article: dict[Any, Counter] = defaultdict(Counter)
    survivors = []
    # The cases in the order they are tried: the one that killed the last mutant first (a
    # neighbouring mutant, of the same rule, mostly falls to the same case).
    order = list(range(len(valid)))
    for n, mutant in enumerate(mutants, 1):
        killer = _killer(module, mutant["index"], valid, parts, order)
        if killer is not None:
            order.remove(killer)
            order.insert(0, killer)
        art = mutant["article"]
        per_article[art]["mutants"] += 1
        per_article[art]["killed" if killer is not None else "survived"] += 1
        if killer is None:
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
    return {"mutants": total, "killed": killed, "survived": total - killed, "cases": len(valid),
            "per_article": table}, survivors


def _killer(module: str, index: int, valid: list[tuple[str, dict[str, Any], dict[str, Any]]],
            parts: list[dict[str, Any]], order: list[int]) -> int | None:
    """The first case, in ``order``, whose answer under mutant ``index`` contradicts its
    expectations (or that meets a limit or breaks the KB), or None when every case holds: the
    mutant survives. The cases go over in growing rounds (1, 4, 16, ... at a time), so a mutant
    the first cases kill costs one short request and a survivor a few more than one."""
    start, size = 0, 1
    while start < len(order):
        chunk = order[start:start + size]
        results = _mutant_results(module, index, [parts[i] for i in chunk])
        for i, r in zip(chunk, results):
            if failures(valid[i][1]["expect"], r):
                return i
        if len(results) != len(chunk):      # a limit or an internal error: the mutant is detected
            return chunk[len(results) - 1] if results else chunk[0]
        start, size = start + size, size * 4
    return None


def _finish(result: dict[str, Any], findings: list[dict[str, Any]]) -> dict[str, Any]:
    order = {"error": 0, "warning": 1}
    checks = list(dict.fromkeys([*result["checks"], *(f["check"] for f in findings)]))
    result["checks"] = checks
    findings.sort(key=lambda f: (order.get(f["severity"], 2), checks.index(f["check"]),
                                 f.get("file") or "", f.get("line") or 0))
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
    """Findings, the coverage table, the exhaustive run and a summary line, for a terminal."""
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
        from .render import table                # columns aligned by display width
        rows = [[*head, "标题" if zh else "title"]]
        rows += [[row["article"], row["paragraphs"], row["encoded"], row["recorded"], row["rules"], row["title"]]
                 for row in result["coverage"]]
        out += table(rows, align=">>>>><")
        out.append("")
    if result.get("exhaustive"):
        out.append("穷举情形（每类问题）" if zh else "Exhaustive scenarios per question kind")
        for row in result["exhaustive"]:
            cut = row["truncated"]
            note = (("（已达上限）" if zh else " (budget reached)") if cut.get("budget") else "") + \
                   (("（已达时限）" if zh else " (time limit reached)") if cut.get("time") else "")
            out.append((f"  {row['question']}: {row['tried']} 个情形{note}，回答 {row['answered']}，缺口 {row['gaps']}，"
                        f"拒绝 {row['refused']}，错误 {row['errors']}，{row['seconds']} 秒") if zh else
                       (f"  {row['question']}: {row['tried']} scenarios{note}; answered {row['answered']}, "
                        f"gap {row['gaps']}, refused {row['refused']}, errors {row['errors']}; {row['seconds']} s"))
        out.append("")
    if result["scenarios"]:
        s, e = result["scenarios"], result["exercised"] or {}
        out.append((f"用例：{s['cases']} 个（不成立 {s['failing']} 个）；规则子句 {e.get('rules', 0)} 条，"
                    f"被用例用到 {e.get('exercised', 0)} 条") if zh else
                   (f"Cases: {s['cases']} ({s['failing']} failing); rule clauses: {e.get('rules', 0)}, "
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
    """JUnit XML: one test case per check that ran, failing with its errors (and, if strict, warnings)."""
    suite = ET.Element("testsuite", name="pyreason check")
    by_check: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in result["findings"]:
        by_check[f["check"]].append(f)
    failures_n = skipped_n = 0
    for check in dict.fromkeys([*result.get("checks", []), *by_check]):
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
