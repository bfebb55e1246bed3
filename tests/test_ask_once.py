"""KnowledgeBase.ask in one hand-off to the engine (issue 13).

A plain, undated scenario is answered by the engine's ``call_ask`` exactly as the long way
answers it (Python's validation, the ``ask`` request, the version stamp), from memory when the
same scenario was answered before in the same context. These tests hold the two ways to the same
answers, errors included, and check that the remembered answers never outlive what they depend
on (a new org chart).
"""

import copy
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from pyreason import KnowledgeBase, bridge
from pyreason.errors import ScenarioError

ROOT = Path(__file__).resolve().parent.parent


def shipped_cases():
    out = []
    for p in sorted((ROOT / "kb" / "cases").glob("*.yaml")):
        case = yaml.safe_load(p.read_text(encoding="utf-8"))
        out.append((p.stem, {k: v for k, v in case.items() if k not in ("expect", "title", "rests_on")}))
    return out


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase()


def the_long_way(kb, scenario, lang="zh"):
    """The answer (or the error) of ``ask`` without the one-hand-off path."""
    saved = kb._ask_once
    kb._ask_once = lambda *args: None
    try:
        return kb.ask(copy.deepcopy(scenario), lang=lang)
    except ScenarioError as exc:
        return ("error", exc.code, exc.field, exc.messages)
    finally:
        kb._ask_once = saved


def one_hand_off(kb, scenario, lang="zh"):
    try:
        return kb.ask(copy.deepcopy(scenario), lang=lang)
    except ScenarioError as exc:
        return ("error", exc.code, exc.field, exc.messages)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_shipped_case_gets_the_same_answer_both_ways(kb, lang):
    # Every case of kb/cases (Arts 1-15 between them), answered, gaps and refusals alike; asked
    # twice, so the second answer comes from the engine's memory of answers given.
    for name, scenario in shipped_cases():
        expected = the_long_way(kb, scenario, lang)
        for _ in range(2):
            got = one_hand_off(kb, scenario, lang)
            assert json.dumps(got, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False), name


def test_an_undated_question_crosses_to_the_engine_once(kb, monkeypatch):
    # Art. 7(1)(2): the disposal of enforced property, 变卖 among it, is the director's to
    # approve (the deputy approving in process, Art. 9(1)(1)); one crossing, made on the
    # caller's own thread: no hand-off to the engine's worker.
    scenario = {"question": "approver", "matter": "变卖"}
    kb.ask(scenario)
    calls, hand_offs = [], []
    real_call, real_hand_off = bridge._call_ask_on_engine, bridge.on_engine
    monkeypatch.setattr(bridge, "_call_ask_on_engine", lambda *a: calls.append(a) or real_call(*a))
    monkeypatch.setattr(bridge, "on_engine", lambda fn, *a, **k: hand_offs.append(fn) or real_hand_off(fn, *a, **k))
    answer = kb.ask(scenario)
    assert len(calls) == 1 and hand_offs == []
    assert answer["answer"]["approver"] == "局长" and answer["answer"]["process_approver"] == "副局长"
    assert {"article": 7, "paragraph": 1, "item": 2} in answer["citations"]
    assert answer["status"] == "answered" and "kb" in answer and list(answer)[0] == "question"


def test_an_unknown_matter_is_refused_the_same_way(kb):
    # Not a matter of the regulation: the same error, code, field and message, both ways.
    scenario = {"question": "approver", "matter": "不存在的事项"}
    assert one_hand_off(kb, scenario) == the_long_way(kb, scenario)
    assert one_hand_off(kb, scenario)[1:3] == ("unknown_matter", "matter")


def test_an_invalid_scenario_still_gets_pythons_words(kb):
    # A field the question does not take: the engine leaves it to the long way, whose error
    # names the field and the closest known ones.
    with pytest.raises(ScenarioError) as exc:
        kb.ask({"question": "approver", "mater": "变卖"})
    assert exc.value.field == "mater" and "matter" in exc.value.suggestions


def test_near_deadlines_and_escapes_take_the_long_way(kb):
    scenario = {"question": "approver", "matter": "变卖"}
    assert kb._ask_once(scenario, "zh", "<s>", time.time() + kb.time_limit / 2) is None
    assert kb._ask_once(scenario, "zh", "<s>", time.time() + kb.time_limit * 2) is not None
    assert kb._ask_once({"question": "approver", "matter": "变\\u5356"}, "zh", "<s>", None) is None
    answer = kb.ask(scenario, deadline=time.time() + kb.time_limit / 2)
    assert answer == kb.ask(scenario)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("date", ["2024-03-01", "2024年3月1日", "二〇二三年一月一日", "2022-12-31", None,
                                  "2024-13-45", "明天", 20240301])
def test_a_dated_scenario_gets_the_long_ways_answer(kb, lang, date):
    # The date chooses the version and never reaches the rules: asked without it and stamped
    # with the version of that day (the readings its dates rest on among the interpretations).
    # The text in force from 2023-01-01 (宛法〔2023〕123号): 2022-12-31 is before it (a gap, no
    # rule applied); a date that is none is refused before anything is asked, as the long way
    # refuses it; the scenario's date is normalised in place either way.
    for name, case in shipped_cases():
        scenario = dict(case, date=date)
        long_scenario, fast_scenario = copy.deepcopy(scenario), copy.deepcopy(scenario)
        expected = the_long_way_on(kb, long_scenario, lang)
        for _ in range(2):                                  # (the second from the engine's memory)
            got = one_hand_off_on(kb, fast_scenario, lang)
            assert json.dumps(got, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False), (name, date)
        assert fast_scenario == long_scenario, name


def test_a_dated_scenario_crosses_to_the_engine_once(kb, monkeypatch):
    # Art. 7(1)(2): 变卖 is the director's to approve, on 2024-03-01 as today.
    scenario = {"question": "approver", "matter": "变卖", "date": "2024-03-01"}
    kb.ask(dict(scenario))
    calls = []
    real = bridge._call_ask_on_engine
    monkeypatch.setattr(bridge, "_call_ask_on_engine", lambda *a: calls.append(a) or real(*a))
    answer = kb.ask(dict(scenario))
    assert len(calls) == 1 and b"date" not in calls[0][1]
    assert answer["answer"]["approver"] == "局长"
    assert answer["version"]["date"] == "2024-03-01" and answer["version"]["date_given"] is True


def the_long_way_on(kb, scenario, lang):
    saved = kb._ask_once
    kb._ask_once = lambda *args: None
    try:
        return kb.ask(scenario, lang=lang)
    except ScenarioError as exc:
        return ("error", exc.code, exc.field, exc.messages)
    finally:
        kb._ask_once = saved


def one_hand_off_on(kb, scenario, lang):
    try:
        return kb.ask(scenario, lang=lang)
    except ScenarioError as exc:
        return ("error", exc.code, exc.field, exc.messages)


SCRIPT = r"""
import json, sys
from pyreason import KnowledgeBase
kb = KnowledgeBase()
q = {"question": "superior", "role": "赵五"}
out = []
for chart in sys.argv[1:]:
    kb.load_org(chart)
    out.append(kb.ask(q)["answer"]["superior_person"])
    out.append(kb.ask(q)["answer"]["superior_person"])
print(json.dumps(out, ensure_ascii=False))
"""


def second_chart(tmp_path):
    """examples/staff.yaml with 赵五 (书记员) moved to 孙七's team (执行二团队)."""
    second = tmp_path / "staff2.yaml"
    second.write_text("staff:\n"
                      "  - {name: 王局, post: 局长}\n"
                      "  - {name: 陈副, post: 副局长, department: 执行一处}\n"
                      "  - {name: 张三, post: 团队长, team: 执行一团队, department: 执行一处}\n"
                      "  - {name: 孙七, post: 团队长, team: 执行二团队, department: 执行一处}\n"
                      "  - {name: 赵五, post: 书记员, team: 执行二团队, department: 执行一处}\n",
                      encoding="utf-8")
    return second


def test_a_new_chart_forgets_the_answers_given(tmp_path):
    # Art. 1(2)-(3), Art. 10: 赵五 (书记员) answers to the leader of their team. Moved to another
    # team by a second chart, the same question names the new team leader, not the remembered one.
    second = second_chart(tmp_path)
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "examples" / "staff.yaml"), str(second)],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["张三", "张三", "孙七", "孙七"]


FULL_SCRIPT = r"""
import json, sys
from pyreason import KnowledgeBase
kb = KnowledgeBase()
base = {"question": "approver", "matter": "变卖"}
line = json.dumps(base, ensure_ascii=False)
# More distinct lines than the engine remembers (4,096 lines or 4M characters): the same
# scenario, each line its own text (spaces after the first colon).
lines = [line.replace('": ', '":' + " " * (1 + i), 1).encode() for i in range(int(sys.argv[1]))]
out = []
for _ in range(3):
    count = kb.answer_jsonl(iter(lines), out.append)
    assert count.answered == len(lines) and count.errors == 0, count
    kb.ask(base)
answers = {x for chunk in out for x in chunk.splitlines()}
print(len(answers), kb.ask(base)["answer"]["approver"])
"""


def test_a_full_memory_starts_again_and_answers_stay_the_same():
    # Art. 7(1)(2): every line is the same question; past the memory's bound the engine starts
    # its memory again (a trie destroyed, never emptied entry by entry: SWI-Prolog 9.0.4 crashes
    # listing a trie whose entries were deleted) and every answer is still the one answer.
    done = subprocess.run([sys.executable, "-c", FULL_SCRIPT, "4500"], capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "局长"]


ALTERNATE_SCRIPT = r"""
import json, sys
from pathlib import Path
from pyreason import KnowledgeBase, bridge
shipped, court_b = KnowledgeBase(), KnowledgeBase(Path(sys.argv[1]))
asks = [(shipped, {"question": "approver", "matter": "变卖"}),
        (court_b, json.loads(sys.argv[2]))]
out = []
for _ in range(3):
    for kb, scenario in asks:
        for lang in ("zh", "en"):
            out.append(kb.ask(dict(scenario), lang=lang))
engine = bridge.engine_for(shipped.entry, shipped.module, cache_key=shipped.fingerprint)
# The asking thread's memory of answers (each thread keeps its own): read on this thread.
with bridge._ENGINE_LOCK:
    row = list(engine.prolog.query("nb_getval(pyreason_answers, S), arg(4, S, Cs), length(Cs, N), "
                                   "aggregate_all(sum(C), (member(_-Ctx, Cs), arg(6, Ctx, T), "
                                   "trie_property(T, value_count(C))), Answers)"))[0]
print(json.dumps({"contexts": row["N"], "remembered": row["Answers"],
                  "same": all(json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
                              for a, b in zip(out, out[4:])),
                  "first": [a.get("answer") for a in out[:4]]}, ensure_ascii=False))
"""


def test_two_kbs_asked_in_turn_keep_their_answers_apart():
    # A rule set's KBs, or two courts' KBs in one process, asked in turn and in both languages:
    # each (KB, language) keeps its own remembered answers; none is answered from another's.
    # The shipped KB: Art. 7(1)(2), 变卖 is the director's to approve.
    court_b = ROOT / "tests" / "kbs" / "court_b"
    case = next(c for p in sorted((court_b / "cases").glob("*.yaml"))
                if "error" not in (c := yaml.safe_load(p.read_text(encoding="utf-8")))["expect"])
    scenario = {k: v for k, v in case.items() if k not in ("expect", "title", "rests_on")}
    done = subprocess.run([sys.executable, "-c", ALTERNATE_SCRIPT, str(court_b),
                           json.dumps(scenario, ensure_ascii=False)],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["contexts"] == 4 and got["remembered"] == 4 and got["same"], got
    assert got["first"][0]["approver"] == "局长"
    assert got["first"][0] != got["first"][2]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_kind_of_character_comes_out_as_the_long_way_writes_it(kb, lang):
    # Art. 5(1): the bureau meeting decides by majority; the opinions are the voters' own words,
    # echoed in the tally: Latin-1 letters (é, ñ: one byte each in Latin-1, two in UTF-8), a
    # sign outside Latin-1 (€), a character outside the BMP (𠀀), a control character the
    # engine writes escaped (U+007F, DEL, is written as it is). The engine writes its answers
    # as UTF-8 bytes piece by piece: each must come out as Python writes the long way's answer.
    opinions = ["vente aux enchères", "niño € 𠀀", "ÿ\x7f变卖"]
    scenario = {"question": "meeting", "meeting": "局务会议",
                "votes": [{"role": "局长", "opinion": opinions[0]},
                          {"role": "副局长", "opinion": opinions[1]},
                          {"role": "分管副院长", "opinion": opinions[2]},
                          {"role": "党支部书记", "opinion": opinions[0]},
                          {"role": "相关事项负责人员", "opinion": opinions[0]}]}
    expected = the_long_way(kb, scenario, lang)
    assert kb._ask_once(scenario, lang, "<s>", None) is not None      # the engine answers it
    assert expected["answer"]["resolution"] == opinions[0]
    assert [t["opinion"] for t in expected["answer"]["tally"]] == opinions
    for _ in range(2):                     # answered, then remembered
        assert json.dumps(one_hand_off(kb, scenario, lang), ensure_ascii=False) == \
            json.dumps(expected, ensure_ascii=False)
    out = []
    line = json.dumps(scenario, ensure_ascii=False).encode()
    count = kb.answer_jsonl(iter([line, line.replace(b'": ', b'":  ', 1)]), out.append, lang=lang)
    assert count.answered == 2 and count.errors == 0
    got = b"".join(x if isinstance(x, bytes) else x.encode() for x in out).decode("utf-8").splitlines()
    assert got == [json.dumps(expected, ensure_ascii=False)] * 2


THREADS_SCRIPT = r"""
import json, sys, threading
from concurrent.futures import ThreadPoolExecutor
from pyreason import KnowledgeBase, bridge
from pyreason.errors import ScenarioError
kb = KnowledgeBase()
cases = json.loads(sys.argv[1])
def ask(s):
    try:
        return kb.ask(dict(s))
    except ScenarioError as exc:                      # a refusal (e.g. 局长 authorising 局长)
        return [exc.code, exc.field, exc.messages]
expected = [ask(s) for s in cases]                    # the main thread's own engine
def ask_all(_):
    return [ask(s) for s in cases + cases]
with ThreadPoolExecutor(4) as pool:                  # four threads asking at once
    rounds = list(pool.map(ask_all, range(8)))
same = all(r == expected + expected for r in rounds)
# One thread keeps its memory of answers; a chart loaded meanwhile (by the main thread, on the
# engine's worker) is seen there at its next question.
q = {"question": "superior", "role": "赵五"}
seen = []
with ThreadPoolExecutor(1) as one:
    for chart in sys.argv[2:]:
        kb.load_org(chart)
        seen += one.submit(lambda: [kb.ask(q)["answer"]["superior_person"] for _ in range(2)]).result()
def threads():
    return bridge.engine_for(kb.entry, kb.module).run(
        "aggregate_all(count, thread_property(_, status(_)), N)")[0]["N"]
before = threads()
for _ in range(50):                                   # threads that ask once and end
    t = threading.Thread(target=ask, args=(cases[0],))
    t.start(); t.join()
print(json.dumps({"same": same, "seen": seen, "engines_left": threads() - before}, ensure_ascii=False))
"""


def test_threads_ask_on_engines_of_their_own_with_the_same_answers(tmp_path):
    # Every shipped case asked by four threads at once, each on a Prolog engine of its own (no
    # hand-off), gets the main thread's answers. Art. 1(2)-(3), Art. 10: 赵五 (书记员) answers
    # to the leader of their team; a thread that remembered 张三 names 孙七 once a new chart moves
    # 赵五 to 孙七's team. Threads that end give their engines back; the process exits quietly.
    second = second_chart(tmp_path)
    cases = [s for _, s in shipped_cases()]
    done = subprocess.run([sys.executable, "-c", THREADS_SCRIPT, json.dumps(cases, ensure_ascii=False),
                           str(ROOT / "examples" / "staff.yaml"), str(second)],
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    out = json.loads(done.stdout)
    assert out["same"] is True
    assert out["seen"] == ["张三", "张三", "孙七", "孙七"]
    assert out["engines_left"] <= 1


def test_a_time_limit_stops_prolog_on_the_callers_own_engine(kb):
    # The time limit of a question (call_with_time_limit/2, library(time)'s alarms) must stop a
    # goal running on the caller's own engine as it does on the worker's: a goal that never ends,
    # limited to 0.2 s, is stopped within a second.
    kb.ask({"question": "approver", "matter": "变卖"})
    kb.ask({"question": "approver", "matter": "变卖"})      # (this thread now has its engine)
    assert bridge._HERE.__dict__.get("engine")
    prolog = bridge.engine_for(kb.entry, kb.module).prolog
    start = time.monotonic()
    rows = bridge.on_caller(lambda: list(prolog.query(
        "catch(call_with_time_limit(0.2, (repeat, fail)), E, true)", maxresult=1)))
    assert time.monotonic() - start < 1
    assert rows and rows[0]["E"] == "time_limit_exceeded"


PYSWIP_FIRST_SCRIPT = r"""
import pyswip                      # Prolog starts here, on the main thread (pyswip starts it at import)
from pyreason import KnowledgeBase
kb = KnowledgeBase()
q = {"question": "approver", "matter": "变卖"}
print(kb.ask(q)["answer"]["approver"], kb.ask(q)["answer"]["approver"])
"""


def test_a_caller_that_started_prolog_itself_asks_and_exits_quietly():
    # A script that imported pyswip before pyreason: Prolog's first thread is the script's main
    # thread, whose engine pyreason uses but must not give back; the process still exits cleanly.
    # Art. 7(1)(2): 变卖 is the director's to approve. Six at once, so each runs on a busy
    # machine: an alarm left pending at exit hung one such process in four there (PL_cleanup
    # waiting on library(time)'s lock), on an idle one none.
    procs = [subprocess.Popen([sys.executable, "-c", PYSWIP_FIRST_SCRIPT], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL) for _ in range(6)]
    try:
        results = [(p.wait(timeout=60), *p.communicate()) for p in procs]
    finally:
        for p in procs:
            p.kill()
    for code, out, err in results:
        assert (code, err, out.split()) == (0, "", ["局长", "局长"])
