"""Every case file of every knowledge base in the repository is a case of the law: ask it, check
its `expect` block. The shipped KB's cases are in kb/cases; a second court's in tests/kbs/*/cases."""

from pathlib import Path

import pytest
import yaml

from pyreason import KnowledgeBase, ScenarioError
from pyreason.expectations import failures

ROOT = Path(__file__).resolve().parent.parent
KB_DIRS = [ROOT / "kb", *sorted(p.parent for p in (ROOT / "tests" / "kbs").glob("*/pyreason.pl"))]
CASES = [(d, p) for d in KB_DIRS for p in sorted((d / "cases").glob("*.yaml"))]
_KBS: dict[Path, KnowledgeBase] = {}


def kb_of(directory: Path) -> KnowledgeBase:
    if directory not in _KBS:
        _KBS[directory] = KnowledgeBase(None if directory == ROOT / "kb" else directory)
    return _KBS[directory]


@pytest.mark.parametrize("kb_dir,path", CASES, ids=[f"{d.name}/{p.stem}" for d, p in CASES])
def test_scenario(kb_dir, path):
    kb = kb_of(kb_dir)
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    expect = case["expect"]
    assert case.get("title"), "every case says in words what it shows"
    assert case.get("rests_on"), "every case names the articles its expectation rests on"
    if "error" in expect:
        with pytest.raises(ScenarioError) as info:
            kb.ask(case, source=str(path))
        reply = {"error": {"code": info.value.code, "field": info.value.field}}
        assert failures(expect, reply) == [], info.value.line("en")
        return
    answer = kb.ask(case, source=str(path))
    assert failures(expect, answer) == []
    # The contract holds for every answer.
    assert (answer["status"] == "gap") == bool(answer["gaps"])
    assert answer["citations"], "every answer rests on some article"
    assert all(step["citations"] or step["rule"] in ("chain_top", "superior_absent") for step in answer["explanation"])
    assert answer["kb"]["fingerprint"].startswith("sha256:")
    assert answer["kb"]["name"] == kb.name


def test_every_kb_in_the_repository_has_cases():
    assert len(KB_DIRS) >= 2
    for d in KB_DIRS:
        assert list((d / "cases").glob("*.yaml")), d


@pytest.mark.parametrize("kb_dir", KB_DIRS, ids=[d.name for d in KB_DIRS])
def test_every_recorded_reading_has_a_case(kb_dir):
    """Each gap and interpretation a KB records is shown by at least one of its cases."""
    kb = kb_of(kb_dir)
    seen = set()
    for d, path in CASES:
        if d != kb_dir:
            continue
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "error" in case["expect"]:
            continue
        answer = kb.ask(case, source=str(path))
        seen |= {g["id"] for g in answer["gaps"]} | {i["id"] for i in answer["interpretations"]}
    readings = kb.readings()
    recorded = {r["id"] for part in readings.values() for r in part}
    assert recorded - seen == set()
