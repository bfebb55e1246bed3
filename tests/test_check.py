"""``pyreason check``: the shipped KB passes, and each kind of defect injected into a copy is caught.

The checker needs a Prolog engine of its own (and this test session already
loads the KB), so every test runs the command in a subprocess on a copy of
kb/ in tmp_path; the shipped kb/ is never touched.  The checker knows no
regulation: what it checks of the shipped KB beyond the generic checks is
declared in kb/checks.pl (check_violation/4, explore/2).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

ROOT = Path(__file__).resolve().parents[1]
KB_SRC = ROOT / "kb"
CASES_SRC = KB_SRC / "cases"
OTHER_KBS = ROOT / "tests" / "kbs"

#: The generic checks, the shipped KB's own (kb/checks.pl), one exhaustive run per
#: question kind: the JUnit test cases of a run without cases.
GENERIC_CHECKS = {"load", "sandbox", "citations", "quotes", "cross_references", "readings", "vocabulary",
                  "coverage", "regulation_gap", "drift"}
KB_CHECKS = {"reporting_cycle", "meetings", "matters", "vocabulary", "reverse_substitution"}
QUESTIONS = {"approver", "superior", "substitution", "meeting", "disagreement", "duties"}
EXHAUSTIVE = {f"exhaustive_{q}" for q in QUESTIONS}

#: The shipped regulation's words and numbers: none may appear in the engine.
REGULATION_TERMS = ["局长", "副局长", "团队长", "分管副院长", "分管院长", "局务会议", "联席会议", "过程审批",
                    "一岗双责", "本规定第", "执行局", "宛法"]


# -- helpers --------------------------------------------------------------------------

def copy_kb(dest: Path, cases: bool = False) -> Path:
    """A copy of the shipped kb/ under ``dest``; its cases/ only if asked for."""
    kb = dest / "kb"
    ignore = ["__pycache__", "*.qlf"] + ([] if cases else ["cases"])
    shutil.copytree(KB_SRC, kb, ignore=shutil.ignore_patterns(*ignore))
    return kb


def copy_cases(dest: Path, names: list[str]) -> Path:
    """Some of the shipped KB's cases, in ``dest``."""
    dest.mkdir(parents=True)
    for name in names:
        shutil.copy(CASES_SRC / name, dest / name)
    return dest


def run(kb: Path | None, *args: str) -> subprocess.CompletedProcess:
    """``pyreason check`` in its own process; never a traceback, never a prompt (stdin is closed)."""
    cmd = [sys.executable, "-m", "pyreason", "check"]
    if kb is not None:
        cmd += ["--kb", str(kb)]
    proc = subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL, cwd=str(kb.parent if kb else ROOT))
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def run_json(kb: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    proc = run(kb, "--format", "json", *args)
    assert proc.stdout, proc.stderr
    return proc, json.loads(proc.stdout)


def quick(kb: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    """A JSON run without the exhaustive run, for defects the other checks find."""
    return run_json(kb, "--budget", "0", *args)


def append(kb: Path, rel: str, clause: str) -> int:
    """Append ``clause`` to kb/``rel``; return the line it starts on."""
    path = kb / rel
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    line = text.count("\n") + 2          # after one blank line
    path.write_text(text + "\n" + clause + "\n", encoding="utf-8")
    return line


def insert_after(kb: Path, rel: str, line: int, clauses: list[str]) -> list[int]:
    """Insert ``clauses`` into kb/``rel`` after its line ``line``; return the lines they are on."""
    path = kb / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line:line] = [c + "\n" for c in clauses]
    path.write_text("".join(lines), encoding="utf-8")
    return list(range(line + 1, line + 1 + len(clauses)))


def replace(kb: Path, rel: str, old: str, new: str) -> None:
    path = kb / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(kb: Path, rel: str, start: str) -> int:
    """The (1-based) line of kb/``rel`` that starts with ``start``."""
    lines = (kb / rel).read_text(encoding="utf-8").splitlines()
    hits = [n for n, text in enumerate(lines, 1) if text.startswith(start)]
    assert len(hits) == 1, (rel, start, hits)
    return hits[0]


def found(result: dict, check: str, severity: str = "error") -> list[dict]:
    return [f for f in result["findings"] if f["check"] == check and f["severity"] == severity]


def at(findings: list[dict], rel: str) -> list[dict]:
    """The findings located in kb/``rel``."""
    return [f for f in findings if f["file"] and Path(f["file"]).as_posix().endswith("kb/" + rel)]


# -- the shipped KB -------------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> tuple[subprocess.CompletedProcess, dict, Path]:
    """One JSON run on a copy of kb/ with its cases (the default case location)."""
    root = tmp_path_factory.mktemp("shipped")
    kb = copy_kb(root, cases=True)
    proc, result = run_json(kb)
    return proc, result, kb


def test_shipped_kb_passes(shipped):
    # No defect: the shipped KB passes with zero errors, every paragraph accounted
    # for, every case holding.
    proc, result, kb = shipped
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert result["summary"]["errors"] == 0, [f for f in result["findings"] if f["severity"] == "error"]
    assert result["summary"]["warnings"] == len(result["findings"])
    assert [row["article"] for row in result["coverage"]] == list(range(1, 16))
    for row in result["coverage"]:
        assert row["paragraphs"] == row["encoded"] + row["recorded"], row
    cases = len(list((kb / "cases").glob("*.yaml")))
    assert result["scenarios"]["cases"] == cases > 0
    assert result["scenarios"]["failing"] == 0
    assert 0 < result["exercised"]["exercised"] <= result["exercised"]["rules"]
    assert result["mutation"] is None
    assert set(result["checks"]) >= GENERIC_CHECKS | KB_CHECKS | EXHAUSTIVE | {"scenarios", "exercised"}


def test_shipped_kb_exhaustive_run(shipped):
    # Every question kind is asked over the scenarios its declarations span: how many,
    # within the budget, and quickly; a recorded gap shows with its smallest scenario.
    _, result, _ = shipped
    rows = {row["question"]: row for row in result["exhaustive"]}
    assert set(rows) == QUESTIONS
    for row in rows.values():
        assert 0 < row["tried"] <= 10000 and row["errors"] == 0, row
        assert row["tried"] == row["answered"] + row["gaps"] + row["refused"] + row["errors"]
    assert sum(row["seconds"] for row in rows.values()) < 20
    gaps = found(result, "exhaustive_approver", "warning")
    absent = [f for f in gaps if "g_director_absent_unauthorised" in f["message_en"]]
    assert absent and absent[0]["citations"], gaps
    smallest = json.loads(re.search(r"the smallest: (\{.*\})$", absent[0]["message_en"]).group(1))
    assert smallest["question"] == "approver" and smallest["facts"] == {"absent": ["局长"]}
    # A boolean fact is also tried as false: major declares if_false(not_major), and a
    # matter said not to be major is a recorded gap of 6(3)/7(1).
    not_major = [f for f in gaps if "g_matter_not_major" in f["message_en"]]
    assert not_major, gaps
    smallest = json.loads(re.search(r"the smallest: (\{.*\})$", not_major[0]["message_en"]).group(1))
    assert smallest["facts"] == {"major": False}


def test_shipped_kb_reports_each_regulation_gap(shipped):
    # The regulation's own silences are warnings, one per gap reading, located at
    # the reading/5 clause that records it in readings.pl.
    _, result, kb = shipped
    lines = (kb / "readings.pl").read_text(encoding="utf-8").splitlines()
    gaps = {m.group(1): n for n, text in enumerate(lines, 1)
            if (m := re.match(r"reading\((\w+), gap,", text))}
    assert len(gaps) >= 10
    reported = {}
    for f in found(result, "regulation_gap", "warning"):
        m = re.search(r"\((\w+)\)", f["message_en"])
        assert m and m.group(1) not in reported, f
        assert Path(f["file"]).name == "readings.pl" and f["citations"], f
        reported[m.group(1)] = f["line"]
    assert reported == gaps


def test_shipped_kb_reports_drift(shipped):
    # The text writes one thing several ways (分管院长/分管副院长, 执行组/执行团队):
    # check lists where each form occurs, as drift warnings at the drift_terms clause.
    _, result, _ = shipped
    drift = found(result, "drift", "warning")
    assert any("分管院长" in f["message"] and "分管副院长" in f["message"] for f in drift), drift
    assert any("执行组" in f["message"] and "执行团队" in f["message"] for f in drift), drift
    assert all(Path(f["file"]).name == "readings.pl" for f in drift)


def test_checker_knows_no_regulation():
    # The checker reads everything from the KB: no word or number of the shipped
    # regulation appears in it (nor in its own tests).
    files = [ROOT / "pyreason" / "check.py", ROOT / "pyreason" / "prolog" / "check.pl",
             *sorted((ROOT / "pyreason" / "prolog" / "tests").iterdir())]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for term in REGULATION_TERMS:
            assert term not in text, (path, term)
        assert not re.search(r"c\(\d+,\s*\d+,", text), path


# -- defects injected into a copy -------------------------------------------------------

def test_load_syntax_error(tmp_path):
    # A syntax error in an article file: the KB cannot be trusted, so check must
    # report it with the file and line of the broken clause -- without hanging or
    # dropping into the tracer (stdin is closed).
    kb = copy_kb(tmp_path)
    line = append(kb, "articles/art07.pl", "decides(enforcement_plan, '局长', '批准' c(7,1,1)).")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = at(found(result, "load"), "articles/art07.pl")
    assert errors, result["findings"]
    assert errors[0]["line"] == line
    assert "art07.pl" in errors[0]["message"]


def test_citation_to_missing_item(tmp_path):
    # A clause cites 第七条第一款第（九）项, which does not exist: an answer would
    # quote a provision the regulation does not have.
    kb = copy_kb(tmp_path)
    line = append(kb, "articles/art07.pl", "decides(other_approval, '局长', '批准', c(7,1,9)).")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = at(found(result, "citations"), "articles/art07.pl")
    assert [f["line"] for f in errors] == [line], result["findings"]
    assert errors[0]["citations"] == [{"article": 7, "paragraph": 1, "item": 9}]


def test_misquotation(tmp_path):
    # A message quotes 5(1) without its "内" (局务会议是执行局内最高决策机构), in Chinese
    # quotation marks and, in its English twin, in ASCII ones around Chinese: an answer
    # would put words in the regulation's mouth.  Each is an error at its own clause.
    kb = copy_kb(tmp_path)
    after = line_of(kb, "messages.pl", "msg(not_major, en,")          # among the other msg/3 clauses
    zh, en, ok = insert_after(kb, "messages.pl", after, [
        'msg(probe_quote, zh, "依照第五条第一款，“局务会议是执行局最高决策机构”。").',
        'msg(probe_quote, en, "Art. 5(1) calls it \\"局务会议是执行局最高决策机构\\".").',
        'msg(probe_quote_ok, zh, "第五条第一款称局务会议为“执行局内~w决策机构”。").'])
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = at(found(result, "quotes"), "messages.pl")
    assert sorted(f["line"] for f in errors) == [zh, en], result["findings"]
    assert all("局务会议是执行局最高决策机构" in f["message"] for f in errors)
    assert ok not in [f["line"] for f in errors]      # ~w stands for the words between


def test_misquotation_shown_by_an_answer(tmp_path):
    # A duty quoted with a word the text does not have (应当尊重 for 应尊重): no quotation
    # marks in the clause, but the answer to "what are the duties of 分管副院长" shows the
    # string in them.  The exhaustive run finds it, at the duty's clause.
    kb = copy_kb(tmp_path)
    replace(kb, "articles/art05.pl", 'duty(\'分管副院长\', "分管副院长、局长应尊重局务会议多数意见"',
            'duty(\'分管副院长\', "分管副院长、局长应当尊重局务会议多数意见"')
    proc, result = run_json(kb, "--budget", "300")
    assert proc.returncode == 1
    errors = found(result, "quotes")
    assert [(Path(f["file"]).name, f["line"]) for f in errors] == \
        [("art05.pl", line_of(kb, "articles/art05.pl", "duty('分管副院长', \"分管副院长、局长应当"))], result["findings"]
    assert "应当尊重" in errors[0]["message"] and "duties" in errors[0]["message_en"]
    assert errors[0]["citations"] == [{"article": 5, "paragraph": 1, "item": None}]


def test_cross_reference_disagrees_with_text(tmp_path):
    # 9(1) says "本规定第七条第一、第二、第三、第五项"; the encoding drops item 5,
    # so the deputy's process approval of relief would silently disappear.
    kb = copy_kb(tmp_path)
    replace(kb, "articles/art09.pl", "c(7,1,3), c(7,1,5)])", "c(7,1,3)])")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = at(found(result, "cross_references"), "articles/art09.pl")
    assert errors, result["findings"]
    assert errors[0]["line"] == line_of(kb, "articles/art09.pl", "cross_reference(c(9,1,1)")
    assert {"article": 9, "paragraph": 1, "item": 1} in errors[0]["citations"]
    assert {"article": 7, "paragraph": 1, "item": 5} in errors[0]["citations"]


def test_cross_reference_does_not_resolve(tmp_path):
    # The encoded cross-reference of 9(1) also points to 第七条第二款第（一）项,
    # which does not exist.
    kb = copy_kb(tmp_path)
    replace(kb, "articles/art09.pl", "c(7,1,3), c(7,1,5)])", "c(7,1,3), c(7,1,5), c(7,2,1)])")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = [f for f in at(found(result, "cross_references"), "articles/art09.pl")
              if "does not resolve" in f["message_en"]]
    assert errors, result["findings"]
    assert errors[0]["line"] == line_of(kb, "articles/art09.pl", "cross_reference(c(9,1,1)")
    assert {"article": 7, "paragraph": 2, "item": 1} in errors[0]["citations"]


def test_cross_reference_missing(tmp_path):
    # Without a cross_reference/2 for 9(1)(1) (the KB's one now names 9(1)(2)), the
    # text's own reference (found by the KB's citation prefix, 本规定第) is a warning at
    # the item that makes it.
    kb = copy_kb(tmp_path)
    replace(kb, "articles/art09.pl", "cross_reference(c(9,1,1), [", "cross_reference(c(9,1,2), [")
    proc, result = quick(kb)
    warnings = at(found(result, "cross_references", "warning"), "articles/art09.pl")
    assert [f["line"] for f in warnings] == [line_of(kb, "articles/art09.pl", "item(9, 1, 1,")]
    assert [c["item"] for c in warnings[0]["citations"]] == [1, 1, 2, 3, 5]


def test_undeclared_role(tmp_path):
    # 处座 is declared nowhere in the vocabulary: a scenario could never name it,
    # and a typo in a role name would go unnoticed (the KB's own check, kb/checks.pl).
    kb = copy_kb(tmp_path)
    line = append(kb, "articles/art01.pl", "reports_to('处座', '局长', [c(1,4,null)], []).")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = at(found(result, "vocabulary"), "articles/art01.pl")
    assert [f["line"] for f in errors] == [line], result["findings"]
    assert "处座" in errors[0]["message"]
    assert errors[0]["citations"] == [{"article": 1, "paragraph": 4, "item": None}]


def test_reporting_cycle(tmp_path):
    # 局长 answering to 团队长 while 团队长 answers to 局长: "who is X's superior"
    # would have no top.  The finding is located at an edge of the cycle.
    kb = copy_kb(tmp_path)
    line = append(kb, "articles/art01.pl", "reports_to('局长', '团队长', [c(1,5,null)], []).")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = found(result, "reporting_cycle")
    assert len(errors) == 1, result["findings"]
    assert "局长" in errors[0]["message"] and "团队长" in errors[0]["message"]
    edges = {line, line_of(kb, "articles/art01.pl", "reports_to('团队长', '局长'")}
    assert Path(errors[0]["file"]).name == "art01.pl" and errors[0]["line"] in edges
    assert errors[0]["citations"]


def test_meeting_without_chair(tmp_path):
    # The chair of 团队长联席会议 is removed: nobody would preside.  Located at
    # the meeting's declaration.
    kb = copy_kb(tmp_path)
    replace(kb, "articles/art04.pl", "meeting_chair('团队长联席会议', '局长', [c(6,1,2)]).\n", "")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = at(found(result, "meetings"), "articles/art04.pl")
    assert [f["line"] for f in errors] == [line_of(kb, "articles/art04.pl", "meeting('团队长联席会议'")]
    assert "团队长联席会议" in errors[0]["message"] and "chair" in errors[0]["message_en"]
    assert errors[0]["citations"] == [{"article": 4, "paragraph": 1, "item": None}]


def test_matter_with_two_approvers(tmp_path):
    # A second decides/4 for 执行案款的发放: two people would approve the same
    # release of funds.  Located at the matter's declaration, naming both.
    kb = copy_kb(tmp_path)
    append(kb, "articles/art07.pl", "decides(release_funds, '副局长', '批准', c(7,1,3)).")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = at(found(result, "matters"), "articles/art07.pl")
    assert [f["line"] for f in errors] == [line_of(kb, "articles/art07.pl", "matter(release_funds,")]
    assert "副局长" in errors[0]["message"] and "局长" in errors[0]["message"]


def test_matter_nobody_decides(tmp_path):
    # A matter/3 no decides/4 covers: asking who approves it would have no answer --
    # which the exhaustive run finds too.
    kb = copy_kb(tmp_path)
    line = append(kb, "articles/art15.pl", "matter(orphan_matter, '无人决定的事项', c(15,1,null)).")
    proc, result = run_json(kb, "--budget", "300")
    assert proc.returncode == 1
    errors = at(found(result, "matters"), "articles/art15.pl")
    assert [f["line"] for f in errors] == [line], result["findings"]
    assert "无人决定的事项" in errors[0]["message"]
    exhaustive = found(result, "exhaustive_approver")
    assert any("no answer" in f["message_en"] and "orphan_matter" in f["message_en"] for f in exhaustive), exhaustive


def test_unrecorded_gap(tmp_path):
    # A rule answers "gap" with an id readings.pl does not record: the answer
    # would claim the regulation is silent without saying why.
    kb = copy_kb(tmp_path)
    line = append(kb, "articles/art07.pl",
                  "gap_probe(M, [gap(g_not_recorded)]) :- matter(M, _, c(7,1,3)).")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = at(found(result, "readings"), "articles/art07.pl")
    assert [f["line"] for f in errors] == [line], result["findings"]
    assert "g_not_recorded" in errors[0]["message"]


def test_paragraph_not_encoded(tmp_path):
    # A new paragraph 15(2) with no rule and no not_encoded/2 reason: part of the
    # regulation the KB ignores.  A warning: exit 0, but 1 under --strict.
    kb = copy_kb(tmp_path)
    line = append(kb, "articles/art15.pl", 'paragraph(15, 2, "本规定的解释以书面形式作出。").')
    proc, result = quick(kb)
    assert proc.returncode == 0
    warnings = found(result, "coverage", "warning")
    assert [f["citations"] for f in warnings] == [[{"article": 15, "paragraph": 2, "item": None}]]
    assert warnings[0]["line"] == line
    row = next(r for r in result["coverage"] if r["article"] == 15)
    assert row["paragraphs"] == 2 and row["encoded"] + row["recorded"] == 1
    strict, strict_result = quick(kb, "--strict")
    assert strict.returncode == 1
    assert found(strict_result, "coverage", "warning")


def test_reverse_substitution(tmp_path):
    # questions.pl lets a higher post cover a lower one (逆向替补 allowed), against
    # 12(1): the KB's own check over every pair of posts catches it.
    kb = copy_kb(tmp_path)
    replace(kb, "questions.pl", "substitution_(higher, Sub, For, _, false, '逆向'",
            "substitution_(higher, Sub, For, _, true, '逆向'")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = found(result, "reverse_substitution")
    assert errors, result["findings"]
    assert all(f["citations"] == [{"article": 12, "paragraph": 1, "item": None}] for f in errors)
    assert any(f["message"].startswith("局长可以替补副局长") for f in errors), errors


def test_question_without_answer(tmp_path):
    # A question predicate that fails for some input (here: a matter whose decider
    # rule is gone) is an error of the exhaustive run, naming the smallest scenario.
    kb = copy_kb(tmp_path)
    replace(kb, "articles/art13.pl", "decides(external_coordination, '分管院长', '决定', c(13,1,null)).",
            "")
    proc, result = run_json(kb, "--budget", "300")
    assert proc.returncode == 1
    errors = found(result, "exhaustive_approver")
    assert errors and "external_coordination" in errors[0]["message_en"], result["findings"]
    smallest = json.loads(re.search(r"the smallest: (\{.*\})$", errors[0]["message_en"]).group(1))
    assert smallest == {"matter": "external_coordination", "question": "approver"}


def test_wrong_scenario_expectation(tmp_path):
    # A case expects the deputy to approve the release of funds (7(1)(3) says the
    # director): check must fail and name that case's file.
    kb = copy_kb(tmp_path, cases=True)
    case = kb / "cases" / "approver_funds_release_item3.yaml"
    text = case.read_text(encoding="utf-8")
    assert text.count("approver: 局长,") == 1
    case.write_text(text.replace("approver: 局长,", "approver: 副局长,"), encoding="utf-8")
    proc, result = quick(kb)
    assert proc.returncode == 1
    errors = found(result, "scenarios")
    assert [Path(f["file"]).name for f in errors] == [case.name], errors
    assert "approver" in errors[0]["message_en"]
    assert result["scenarios"]["failing"] == 1


MUTATION_CASES = ["approver_funds_release_item3.yaml", "meeting_bureau_majority.yaml",
                  "substitution_reverse_judge_for_clerk.yaml", "superior_director.yaml",
                  "disagreement_major_vp_decides.yaml"]


def test_mutation_with_few_cases(tmp_path):
    # Only five cases defend the rules, so most mutants survive: each survivor is
    # a warning at the mutated clause (in any file of the KB), with its article,
    # and the counts add up.
    kb = copy_kb(tmp_path)
    cases = copy_cases(tmp_path / "few", MUTATION_CASES)
    proc, result = quick(kb, "--mutate", "--scenarios", str(cases))
    assert proc.returncode == 0, proc.stderr
    m = result["mutation"]
    assert result["scenarios"]["cases"] == len(MUTATION_CASES) == m["cases"]
    assert m["mutants"] == m["killed"] + m["survived"] and m["killed"] > 0 and m["survived"] > 0
    for key in ("mutants", "killed", "survived"):
        assert sum(row[key] for row in m["per_article"]) == m[key]
    for row in m["per_article"]:
        assert row["mutants"] == row["killed"] + row["survived"]
    survivors = found(result, "mutation", "warning")
    assert len(survivors) == m["survived"] == result["summary"]["by_check"]["mutation"]
    per_article = {row["article"]: row["survived"] for row in m["per_article"]}
    counted: dict = {}
    files = set()
    for f in survivors:
        art = f["citations"][0]["article"] if f["citations"] else None
        counted[art] = counted.get(art, 0) + 1
        path = Path(f["file"])
        assert path.is_relative_to(kb), f
        files.add(path.relative_to(kb).parts[0])
        lines = path.read_text(encoding="utf-8").splitlines()
        clause = lines[f["line"] - 1]
        name = re.search(r"(?:remove (\w+)\(|from (\w+)/\d+$)", f["message_en"])
        assert name and clause.startswith(name.group(1) or name.group(2)), (f, clause)
        # the article: the first one the clause cites, else the article of its file
        whole = "\n".join(lines[f["line"] - 1:f["line"] + 40])
        whole = whole[:whole.find(".\n") + 1] if ".\n" in whole else whole
        file_art = re.fullmatch(r"art(\d+)\.pl", path.name)
        assert art is None or f"c({art}," in whole or (file_art and int(file_art.group(1)) == art), (f, whole)
    assert counted == {a: n for a, n in per_article.items() if n}
    assert {"articles", "questions.pl"} <= files          # rules of every file are mutated
    # text, words, readings and declarations are never mutated
    assert not any(re.search(r"remove (article|paragraph|item|msg|word|reading|question|input|known|fact)\(",
                             f["message_en"]) for f in survivors)


EVERY_CASE = """
import json, sys
from pathlib import Path
from pyreason import check
if sys.argv[3] == "every":       # each mutant asked every case, none left out
    def every(module, index, valid, parts, order):
        results = check._mutant_results(module, index, parts)
        bad = [i for i, (v, r) in enumerate(zip(valid, results)) if check.failures(v[1]["expect"], r)]
        return bad[0] if bad else (None if len(results) == len(parts) else len(results))
    check._killer = every
print(json.dumps(check.mutation(Path(sys.argv[1]), Path(sys.argv[2])), ensure_ascii=False))
"""


def test_mutation_stops_at_the_first_killing_case(tmp_path):
    # A mutant is killed by its first failing case, the cases that killed the mutants
    # before it tried first: the same mutants survive, in the same table, as when every
    # mutant is asked every case (five cases: of 494 mutants some 150 die, the rest survive).
    kb = copy_kb(tmp_path)
    cases = copy_cases(tmp_path / "few", MUTATION_CASES)
    runs = {}
    for how in ("first", "every"):
        proc = subprocess.run([sys.executable, "-c", EVERY_CASE, str(kb), str(cases), how],
                              capture_output=True, text=True, encoding="utf-8", cwd=ROOT)
        assert proc.returncode == 0, proc.stderr[-2000:]
        runs[how] = json.loads(proc.stdout)
    assert runs["first"] == runs["every"]
    assert runs["first"]["mutation"]["killed"] > 0 and runs["first"]["mutation"]["survived"] > 0


# -- output formats, exit codes, errors ------------------------------------------------

def test_junit_output(tmp_path):
    # JUnit for CI: well-formed XML, one test case per check that ran (the KB's own
    # checks and one exhaustive run per question kind included), a <failure> for the
    # check with errors (here an undeclared role), nothing for the checks that pass.
    kb = copy_kb(tmp_path)
    line = append(kb, "articles/art01.pl", "reports_to('处座', '局长', [c(1,4,null)], []).")
    proc = run(kb, "--format", "junit", "--budget", "50")
    assert proc.returncode == 1
    suite = ET.fromstring(proc.stdout)
    assert suite.tag == "testsuite"
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert len(cases) == len(suite) == int(suite.get("tests"))
    assert set(cases) == GENERIC_CHECKS | KB_CHECKS | EXHAUSTIVE
    failing = {name for name, case in cases.items() if case.find("failure") is not None}
    assert failing == {"vocabulary"} and int(suite.get("failures")) == 1
    text = cases["vocabulary"].find("failure").text
    assert "处座" in text and f"art01.pl:{line}" in text
    assert len(cases["citations"]) == 0            # passed: no children
    assert cases["regulation_gap"].find("skipped") is not None  # warnings only


def test_text_output_ends_with_summary(shipped):
    # People read the last line: it must state the same counts as the JSON.
    _, result, kb = shipped
    proc = run(kb)
    assert proc.returncode == 0
    s = result["summary"]
    assert proc.stdout.endswith("\n")
    assert proc.stdout.splitlines()[-1] == f"检查结论：{s['errors']} 个错误，{s['warnings']} 个警告"
    assert "条文覆盖" in proc.stdout and "穷举情形" in proc.stdout


def test_strict_fails_on_warnings(shipped):
    # --strict: the shipped KB has warnings (the regulation's gaps), so exit 1.
    _, result, kb = shipped
    assert result["summary"]["warnings"] > 0
    proc = run(kb, "--strict", "--lang", "en")
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[-1] == \
        f"Result: 0 errors, {result['summary']['warnings']} warnings"


def test_output_file_written_atomically_and_never_overwritten(tmp_path):
    # -o writes the whole report (no stray temporary file); an existing file is
    # never replaced without --force: exit 1, one line on stderr, file unchanged.
    kb = copy_kb(tmp_path)
    out = tmp_path / "out" / "check.json"
    out.parent.mkdir()
    proc = run(kb, "--format", "json", "--budget", "0", "-o", str(out))
    assert proc.returncode == 0 and proc.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] == 0
    assert [p.name for p in out.parent.iterdir()] == ["check.json"]

    out.write_text("precious\n", encoding="utf-8")
    proc = run(kb, "--format", "json", "--budget", "0", "-o", str(out))
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and "--force" in proc.stderr
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert [p.name for p in out.parent.iterdir()] == ["check.json"]

    proc = run(kb, "--format", "json", "--budget", "0", "-o", str(out), "--force")
    assert proc.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] == 0
    assert [p.name for p in out.parent.iterdir()] == ["check.json"]


def test_not_a_kb_directory(tmp_path):
    # A directory with no pyreason.pl: one line on stderr, exit 1, no traceback.
    (tmp_path / "empty").mkdir()
    proc = run(tmp_path / "empty", "--format", "json")
    assert proc.returncode == 1 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "pyreason.pl" in proc.stderr


def test_scenarios_that_are_not_a_directory(tmp_path):
    # --scenarios naming a pipe or a device (click's file_okay=False lets them by): one line
    # naming it, exit 1, no traceback, with or without --mutate.
    import os
    fifo = tmp_path / "cases.fifo"
    os.mkfifo(fifo)
    kb = copy_kb(tmp_path / "kb")
    for where, extra in ((fifo, ()), (Path("/dev/null"), ("--mutate",))):
        proc = run(kb, "--scenarios", str(where), "--lang", "en", *extra)
        assert proc.returncode == 1 and proc.stdout == ""
        assert proc.stderr.strip() == f"error: {where}: is not a directory", proc.stderr


# -- other knowledge bases ---------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(p.name for p in OTHER_KBS.iterdir() if (p / "pyreason.pl").is_file())
                         if OTHER_KBS.is_dir() else [])
def test_other_kbs(tmp_path, name):
    # The same checker on another court's KB: its cases hold, its questions are
    # asked over the scenarios its declarations span, and nothing fails to load.
    kb = tmp_path / name
    shutil.copytree(OTHER_KBS / name, kb, ignore=shutil.ignore_patterns("__pycache__", "*.qlf"))
    proc, result = run_json(kb, "--budget", "2000")
    assert not found(result, "load") and not found(result, "sandbox"), result["findings"]
    assert result["scenarios"] is None or result["scenarios"]["failing"] == 0, found(result, "scenarios")
    assert result["exhaustive"] and all(row["tried"] > 0 for row in result["exhaustive"])
    assert proc.returncode == (1 if result["summary"]["errors"] else 0)


# -- case files that cannot be run are errors, never dropped ----------------------------

def test_unreadable_case_files_are_errors_naming_the_file(tmp_path):
    kb = copy_kb(tmp_path)
    cases = copy_cases(kb / "cases", ["superior_director.yaml"])
    good = (cases / "superior_director.yaml").read_text(encoding="utf-8")
    (cases / "broken.yaml").write_text("question: superior\nrole: [局长\nexpect: {status: answered}\n",
                                       encoding="utf-8")
    (cases / "misspelled.yaml").write_text(good.replace("expect:", "expcet:"), encoding="utf-8")
    (cases / "unknown_key.yaml").write_text(good.replace("expect:", "expect:\n  answr: {}"), encoding="utf-8")
    (cases / "short.yml").write_text(good, encoding="utf-8")
    (cases / "latin.yaml").write_bytes("question: superior\nrole: caf\xe9\n".encode("latin-1"))
    proc, result = quick(kb, "--scenarios", str(cases))
    assert proc.returncode == 1
    errors = {Path(f["file"]).name: f for f in found(result, "scenarios")}
    assert set(errors) == {"broken.yaml", "misspelled.yaml", "unknown_key.yaml", "short.yml", "latin.yaml"}, errors
    assert errors["broken.yaml"]["line"] == 3 and "YAML" in errors["broken.yaml"]["message_en"]
    assert "expcet" in errors["misspelled.yaml"]["message_en"]
    assert "answr" in errors["unknown_key.yaml"]["message_en"] and "answer" in errors["unknown_key.yaml"]["message_en"]
    assert errors["unknown_key.yaml"]["line"] is not None
    assert ".yaml" in errors["short.yml"]["message_en"]
    assert errors["latin.yaml"]["line"] == 2 and "UTF-8" in errors["latin.yaml"]["message_en"]
    assert result["scenarios"]["cases"] == 1 and result["scenarios"]["failing"] == 0
    text = run(kb, "--budget", "0", "--scenarios", str(cases), "--lang", "en")
    assert text.returncode == 1 and "latin.yaml" in text.stdout and "Traceback" not in text.stderr
