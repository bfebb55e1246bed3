"""Org charts under hostile input (issue 14, item 10): names are text everywhere (a person
called null or true, a team called null), charts are checked in near-linear time, errors are
bounded in size, and a chart too large for the engine is one line.

Each test that loads a chart runs the CLI in a subprocess: a chart is process-wide state."""

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pyreason(*args):
    return subprocess.run([sys.executable, "-m", "pyreason", *map(str, args)], capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL, cwd=ROOT)


def _chart(tmp_path, rows, name="staff.csv"):
    path = tmp_path / name
    lines = ["name,post,team,department,reports_to"] + [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_persons_named_null_and_true_are_text(tmp_path):
    chart = _chart(tmp_path, [("王局", "局长", "", "", ""),
                              ("null", "团队长", "null", "D1", ""),
                              ("true", "书记员", "null", "D1", "null")])
    scen = tmp_path / "s.json"
    scen.write_text(json.dumps({"question": "superior", "role": "true"}), encoding="utf-8")
    done = pyreason("ask", "--org", chart, scen, "--format", "json")
    assert done.returncode == 0, done.stderr
    fields = json.loads(done.stdout)["answer"]
    assert fields["superior_person"] == "null"
    assert fields["chain_persons"] == ["true", "null", "王局"]
    persons = fields["persons"]
    assert persons["true"]["team"] == "null" and persons["true"]["department"] == "D1"


def test_a_team_named_null_is_a_team(tmp_path):
    """Two team leaders in the team "null" are two holders of one post in one team, not two
    persons in no team."""
    chart = _chart(tmp_path, [("甲", "团队长", "null", "", ""), ("乙", "团队长", "null", "", "")])
    done = pyreason("org", chart, "--lang", "en")
    assert done.returncode == 1 and "staff[1].post" in done.stderr, done.stderr
    chart = _chart(tmp_path, [("甲", "书记员", "null", "", ""), ("乙", "书记员", "", "", "")], "ok.csv")
    summary = json.loads(pyreason("org", chart, "--format", "json").stdout)
    assert summary["teams"] == 1


def test_reports_to_a_person_named_null(tmp_path):
    chart = _chart(tmp_path, [("null", "书记员", "", "", "甲"), ("甲", "书记员", "", "", "null")])
    done = pyreason("org", chart, "--lang", "en")
    assert done.returncode == 1 and "cycle" in done.stderr and "null → 甲 → null" in done.stderr, done.stderr


def test_a_long_cycle_is_found_fast_and_said_briefly(tmp_path):
    n = 50_000
    chart = _chart(tmp_path, [(f"p{i}", "书记员", "", "", f"p{(i + 1) % n}") for i in range(n)])
    t = time.monotonic()
    done = pyreason("org", chart, "--lang", "en")
    took = time.monotonic() - t
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and len(lines[0]) < 400, lines[0][:500]
    assert "p0 → p1" in lines[0] and "p49999 → p0" in lines[0] and "49994" in lines[0]
    assert took < 60, took


def test_a_long_chain_is_checked_and_answered_fast(tmp_path):
    n = 50_000
    chart = _chart(tmp_path, [(f"p{i}", "书记员", "", "", f"p{i + 1}" if i + 1 < n else "") for i in range(n)])
    t = time.monotonic()
    done = pyreason("org", chart, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["staff"] == n
    assert time.monotonic() - t < 60


def test_many_errors_are_bounded(tmp_path):
    n = 20_000
    chart = _chart(tmp_path, [(f"p{i}", "书记员", "", "", f"x{i}") for i in range(n)])
    done = pyreason("org", chart, "--lang", "en")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) <= 60 and f"and {n - 50} more errors" in lines[-1], lines[-3:]
    js = json.loads(pyreason("org", chart, "--format", "json").stdout)
    assert len(js["errors"]) == 50 and js["more"] == n - 50
    scen = tmp_path / "s.yaml"
    scen.write_text("question: superior\nrole: 局长\n", encoding="utf-8")
    ask = pyreason("ask", "--org", chart, scen, "--lang", "en")
    assert ask.returncode == 1 and len(ask.stderr.strip().splitlines()) == 1
    assert f"(and {n - 1} more errors)" in ask.stderr


def test_a_chart_beyond_the_limit_is_one_line(tmp_path):
    from pyreason.org import MAX_STAFF
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("name,post\n")
        for i in range(MAX_STAFF + 5):
            fh.write(f"p{i},书记员\n")
    done = pyreason("org", path, "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"{path}: the staff list has more than {MAX_STAFF} persons (the limit)"]


def test_org_given_a_directory_is_one_line(tmp_path):
    done = pyreason("org", tmp_path, "--lang", "en")
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "directory" in done.stderr


def test_a_persons_name_without_a_chart_says_pass_org(tmp_path):
    scen = tmp_path / "s.yaml"
    scen.write_text("question: substitution\nsubstitute: 赵五\nfor: 李四\n", encoding="utf-8")
    done = pyreason("ask", scen, "--lang", "en")
    assert done.returncode == 1 and "pass --org STAFF" in done.stderr, done.stderr
    assert "--org" in pyreason("ask", scen).stderr
    other = tmp_path / "o.yaml"
    other.write_text("question: superior\nrole: 张五\n", encoding="utf-8")
    with_chart = pyreason("ask", "--org", ROOT / "examples" / "staff.yaml", other, "--lang", "en")
    assert with_chart.returncode == 1 and "nor a person on the staff list" in with_chart.stderr
    chart = tmp_path / "bad.yaml"
    chart.write_text("- {name: 甲, post: 处座}\n", encoding="utf-8")
    assert "--org" not in pyreason("org", chart, "--lang", "en").stderr


def test_an_unquoted_yaml_true_name_says_quote_it(tmp_path):
    chart = tmp_path / "staff.yaml"
    chart.write_text("staff:\n  - {name: true, post: 局长}\n", encoding="utf-8")
    done = pyreason("org", chart, "--lang", "en")
    assert done.returncode == 1 and "staff[0].name" in done.stderr and "quote" in done.stderr
    chart.write_text('staff:\n  - {name: "true", post: 局长}\n', encoding="utf-8")
    assert pyreason("org", chart).returncode == 0
