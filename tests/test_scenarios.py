"""Every file in tests/scenarios/ is a case of the law: ask it, check its `expect` block."""

from pathlib import Path

import pytest
import yaml

from pyreason import ScenarioError
from pyreason.expectations import failures

SCENARIOS = sorted((Path(__file__).parent.parent / "kb" / "cases").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(kb, path):
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


def test_every_recorded_reading_has_a_case(kb):
    """Each gap and interpretation the KB records is shown by at least one case."""
    seen = set()
    for path in SCENARIOS:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "error" in case["expect"]:
            continue
        answer = kb.ask(case, source=str(path))
        seen |= {g["id"] for g in answer["gaps"]} | {i["id"] for i in answer["interpretations"]}
    readings = kb.readings()
    recorded = {r["id"] for part in readings.values() for r in part}
    assert recorded - seen == set()
