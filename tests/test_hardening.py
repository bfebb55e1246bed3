"""Hardening: hostile input through every field, fuzzing, properties of what-ifs, threads.

Counts are kept in COUNTS and checked at the end: inputs tried, executed (must be 0),
tracebacks (must be 0).
"""

import json
import random
import threading
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyreason import InternalError, ScenarioError

COUNTS: Counter = Counter()
SCEN = Path(__file__).parent.parent / "kb" / "cases"


def hostile(sentinel: Path) -> list[str]:
    """Strings that would run code if any reached the Prolog parser as text."""
    s = str(sentinel)
    return [
        f"x'), shell('touch {s}'), ('",
        f'x"), shell("touch {s}"), ("',
        f":- initialization(shell('touch {s}')).",
        f"'), assertz(ran), shell('touch {s}'), atom('",
        "halt.", "halt(0)", "abort", "0'\\\\", "\\x41\\", "'\\'", "`", "[]", "{}", "_", "X",
        "a :- b", "(a, b)", "'", "\"", ")", "%", "/*", "*/", ".", "\\", "|",
        "\x00", "a\x00b", "局长\x00'), halt, ('", "\u202e\u202d", "\ufeff局长", "\U0001F600",
        "x" * 5000, "局" * 2000, "\n".join(["a"] * 50),
    ]


def valid_cases() -> list[dict]:
    out = []
    for p in sorted(SCEN.glob("*.yaml")):
        c = yaml.safe_load(p.read_text(encoding="utf-8"))
        if "error" not in c["expect"]:
            out.append({k: v for k, v in c.items() if k not in ("expect", "title", "rests_on")})
    return out


def answer_ok(answer: dict) -> None:
    assert answer["status"] in ("answered", "gap")
    assert answer["citations"], "every answered result carries citations"


def try_ask(kb, scenario) -> dict | None:
    COUNTS["tried"] += 1
    try:
        answer = kb.ask(scenario)
    except ScenarioError:
        return None
    except InternalError:        # a limit; never a crash
        return None
    except Exception:            # anything else would be a traceback for a user
        COUNTS["tracebacks"] += 1
        raise
    answer_ok(answer)
    return answer


# -- hostile strings through every field --------------------------------------------

FIELDS = {
    "matter": lambda v: {"question": "approver", "matter": v},
    "role": lambda v: {"question": "superior", "role": v},
    "substitute": lambda v: {"question": "substitution", "substitute": v, "for": "局长"},
    "for": lambda v: {"question": "substitution", "substitute": "书记员", "for": v},
    "scope": lambda v: {"question": "substitution", "substitute": "书记员", "for": "法官助理", "scope": v},
    "between": lambda v: {"question": "disagreement", "between": [v, "局长"], "scope": "bureau"},
    "meeting": lambda v: {"question": "meeting", "meeting": v, "votes": [{"role": "局长", "opinion": "A"}]},
    "votes.role": lambda v: {"question": "meeting", "meeting": "局务会议", "votes": [{"role": v, "opinion": "A"}]},
    "facts.absent": lambda v: {"question": "approver", "matter": "变卖", "facts": {"absent": [v]}},
    "facts.authorized.from": lambda v: {"question": "approver", "matter": "变卖",
                                        "facts": {"authorized": [{"from": v, "to": "副局长"}]}},
    "facts.authorized.to": lambda v: {"question": "approver", "matter": "变卖",
                                      "facts": {"authorized": [{"from": "局长", "to": v}]}},
    "facts.ladder": lambda v: {"question": "substitution", "substitute": "书记员", "for": "法官助理",
                               "facts": {"ladder": [v]}},
}


@pytest.mark.parametrize("field", FIELDS)
def test_hostile_names_are_refused_and_nothing_runs(kb, tmp_path, field):
    sentinel = tmp_path / "ran"
    for text in hostile(sentinel):
        answer = try_ask(kb, FIELDS[field](text))
        assert answer is None, f"{field}: {text[:40]!r} was taken as a name"   # refused, never run
    assert not sentinel.exists()
    COUNTS["executed"] += int(sentinel.exists())


@pytest.mark.parametrize("field", ["opinion", "name"])
def test_hostile_free_text_is_kept_verbatim(kb, tmp_path, field):
    sentinel = tmp_path / "ran"
    for text in hostile(sentinel):
        vote = {"role": "局长", "opinion": "同意"}
        vote[field] = text
        scenario = {"question": "meeting", "meeting": "局务会议",
                    "votes": [vote, {"role": "副局长", "opinion": vote["opinion"]}]}
        answer = try_ask(kb, scenario)
        if text.strip() and len(text) <= 200 or field == "opinion" and text.strip():
            assert answer is not None, repr(text[:40])
            tally = answer["answer"]["tally"][0]
            if field == "opinion":
                assert answer["answer"]["resolution"] == text      # byte for byte
            else:
                assert tally["by"][0]["name"] == text
    assert not sentinel.exists()


def test_hostile_org_charts(kb, tmp_path):
    from pyreason.org import OrgError
    sentinel = tmp_path / "ran"
    try:
        for text in hostile(sentinel):
            for key in ("name", "post", "team", "department", "reports_to"):
                row = {"name": "甲", "post": "书记员", "team": "T", "department": "D"}
                row[key] = text
                chart = tmp_path / "staff.json"
                chart.write_text(json.dumps({"staff": [row]}, ensure_ascii=False), encoding="utf-8")
                COUNTS["tried"] += 1
                try:
                    kb.load_org(str(chart))
                except OrgError:
                    pass
                except ScenarioError:
                    pass
    finally:
        empty = tmp_path / "empty.json"
        empty.write_text('{"staff": []}', encoding="utf-8")
        kb.load_org(str(empty))          # no chart left behind for other tests
    assert not sentinel.exists()


# -- fuzzing ---------------------------------------------------------------------------

NAMES = ["局长", "副局长", "团队长", "书记员", "法官助理", "执行法官", "分管副院长", "院长", "院党组",
         "执行案款的发放", "变卖", "局务会议", "团队长联席会议", "team", "bureau", "department"]
TEXT = st.one_of(st.sampled_from(NAMES), st.text(max_size=30))
VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), TEXT),
                     lambda inner: st.one_of(st.lists(inner, max_size=4),
                                             st.dictionaries(st.sampled_from(["role", "opinion", "from", "to", "name"]),
                                                             inner, max_size=3)), max_leaves=8)
SCENARIO = st.fixed_dictionaries(
    {"question": st.sampled_from(["approver", "superior", "substitution", "meeting", "disagreement", "duties", "x"])},
    optional={k: VALUE for k in ("matter", "role", "substitute", "for", "scope", "meeting", "votes", "between")}
    | {"facts": st.fixed_dictionaries({}, optional={"absent": st.lists(TEXT, max_size=3),
                                                   "authorized": st.lists(st.fixed_dictionaries({"from": TEXT, "to": TEXT}), max_size=2),
                                                   "major": st.booleans(), "ladder": st.lists(TEXT, max_size=4)})})


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(SCENARIO)
def test_fuzz_the_api(kb, scenario):
    try_ask(kb, scenario)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=300), st.sampled_from([".yaml", ".json", ".jsonl"]))
def test_fuzz_files_on_the_cli(tmp_path_factory, data, suffix):
    from click.testing import CliRunner
    from pyreason.cli import main
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(data)
    COUNTS["tried"] += 1
    result = CliRunner().invoke(main, ["batch" if suffix == ".jsonl" else "ask", str(path)])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output + (result.stderr or "")
    if result.exception and not isinstance(result.exception, SystemExit):
        COUNTS["tracebacks"] += 1
        raise result.exception


# -- properties -------------------------------------------------------------------------

def what_if(rng: random.Random, case: dict) -> dict:
    roles = ["局长", "副局长", "团队长", "分管院长", "分管副院长", "书记员"]
    facts = {"absent": rng.sample(roles, rng.randint(0, 3)),
             "authorized": [{"from": "局长", "to": rng.choice(["副局长", "团队长"])}] if rng.random() < .5 else [],
             "major": rng.random() < .5}
    return {**case, "facts": facts}


def test_ten_thousand_what_ifs_leave_the_base_unchanged(kb):
    cases = valid_cases()
    plain = [{k: v for k, v in c.items() if k != "facts"} for c in cases]
    before = kb.ask_many(plain)
    rng = random.Random(7)
    scenarios = [what_if(rng, rng.choice(plain)) for _ in range(10_000)]
    results = kb.ask_many(scenarios)
    COUNTS["tried"] += len(scenarios)
    assert all(r.get("status") in ("answered", "gap") or r.get("status") == "error" for r in results)
    assert kb.ask_many(plain) == before                     # the base never moved
    again = kb.ask_many(scenarios[:500])
    assert again == results[:500]                           # deterministic


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(min_value=0, max_value=10_000))
def test_yaml_and_json_give_the_same_answer(kb, tmp_path_factory, seed):
    rng = random.Random(seed)
    scenario = what_if(rng, rng.choice(valid_cases()))
    d = tmp_path_factory.mktemp("yj")
    (d / "s.yaml").write_text(yaml.safe_dump(scenario, allow_unicode=True), encoding="utf-8")
    (d / "s.json").write_text(json.dumps(scenario, ensure_ascii=False), encoding="utf-8")
    try:
        a = kb.ask_file(str(d / "s.yaml"))
    except ScenarioError as exc:
        with pytest.raises(ScenarioError) as other:
            kb.ask_file(str(d / "s.json"))
        assert (other.value.code, other.value.field) == (exc.code, exc.field)
        return
    assert kb.ask_file(str(d / "s.json")) == a


# -- threads ------------------------------------------------------------------------------

def test_eight_threads_a_thousand_questions_each(kb):
    cases = valid_cases()
    rng = random.Random(3)
    work = [[rng.choice(cases) for _ in range(1000)] for _ in range(8)]
    expected = {json.dumps(c, sort_keys=True, ensure_ascii=False): kb.ask(c) for c in cases}
    errors: list[str] = []

    def run(items):
        try:
            for c in items:
                if kb.ask(c) != expected[json.dumps(c, sort_keys=True, ensure_ascii=False)]:
                    errors.append("different answer")
        except Exception as exc:   # collected, then asserted
            errors.append(repr(exc))
    threads = [threading.Thread(target=run, args=(w,)) for w in work]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    COUNTS["tried"] += 8000
    assert errors == []


ROW = st.fixed_dictionaries({"name": TEXT, "post": st.one_of(st.sampled_from(NAMES), TEXT)},
                            optional={k: st.one_of(TEXT, st.integers(), st.none())
                                      for k in ("team", "department", "reports_to")})


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.lists(ROW, max_size=12), st.lists(VALUE, max_size=4), VALUE))
def test_fuzz_org_charts(kb, tmp_path_factory, staff):
    d = tmp_path_factory.mktemp("org")
    chart = d / "staff.json"
    chart.write_text(json.dumps({"staff": staff}, ensure_ascii=False), encoding="utf-8")
    COUNTS["tried"] += 1
    try:
        summary = kb.load_org(str(chart))
        assert summary["staff"] == len(staff)
    except ScenarioError:          # OrgError included: every error names the file and a field
        pass
    except Exception:
        COUNTS["tracebacks"] += 1
        raise
    finally:
        empty = d / "empty.json"
        empty.write_text('{"staff": []}', encoding="utf-8")
        kb.load_org(str(empty))


def test_an_internal_error_is_one_line_with_a_hint_and_debug_shows_it(monkeypatch, tmp_path):
    from click.testing import CliRunner
    from pyreason import kb as kb_module
    from pyreason.cli import main

    def broken(self, *a, **k):
        raise RuntimeError("simulated fault")
    monkeypatch.setattr(kb_module.KnowledgeBase, "ask", broken)
    example = str(Path(__file__).parent.parent / "examples" / "director_absent_authorised.yaml")
    result = CliRunner().invoke(main, ["ask", example])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "--debug" in result.stderr
    assert "Traceback" not in result.stderr
    debug = CliRunner().invoke(main, ["--debug", "ask", example])
    assert debug.exit_code == 1 and "Traceback" in debug.stderr and "simulated fault" in debug.stderr


def test_a_hostile_case_number_is_text_in_every_report(tmp_path):
    from click.testing import CliRunner
    from pyreason.cli import main
    evil = "</title><script>alert(1)</script><!-- \x00 '), halt, ('"
    example = str(Path(__file__).parent.parent / "examples" / "director_absent_authorised.yaml")
    for fmt in ("html", "md", "txt"):
        out = tmp_path / f"r.{fmt}"
        result = CliRunner().invoke(main, ["report", example, "--format", fmt, "-o", str(out),
                                           "--case-number", evil])
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        if fmt == "html":
            assert "<script>alert(1)</script>" not in text and text.count("<script") == 1
        assert CliRunner().invoke(main, ["verify", str(out)]).exit_code == 0


def test_zzz_counts():
    """The summary the note quotes: inputs tried, executed (0), tracebacks (0)."""
    print(f"\nhardening: {COUNTS['tried']} inputs tried, {COUNTS['executed']} executed, "
          f"{COUNTS['tracebacks']} tracebacks")
    assert COUNTS["executed"] == 0 and COUNTS["tracebacks"] == 0
