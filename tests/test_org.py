"""Org charts: persons in questions, scope from the chart (Art. 12(2)), and chart errors.

Each test that loads a chart runs the CLI in a subprocess: a chart is process-wide state.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STAFF = ROOT / "examples" / "staff.yaml"


def pyreason(*args, input=None):
    return subprocess.run([sys.executable, "-m", "pyreason", *map(str, args)], capture_output=True,
                          text=True, timeout=60, input=input, stdin=None if input else subprocess.DEVNULL)


def ask(tmp_path, scenario, chart=STAFF):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(scenario, ensure_ascii=False), encoding="utf-8")
    done = pyreason("ask", "--org", chart, path, "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_example_chart_is_valid():
    done = pyreason("org", STAFF, "--format", "json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["staff"], summary["teams"], summary["departments"]) == (11, 3, 2)


@pytest.mark.parametrize("sub, for_, scope, person", [
    ("赵五", "李四", "team", "张三"),        # one team: its team leader decides (12(2))
    ("钱六", "周九", "department", "陈副"),  # two teams of 执行一处: that department's deputy
    ("郑十", "周九", "bureau", "王局"),      # two departments: the director
])
def test_substitution_scope_and_decider_come_from_the_chart(tmp_path, sub, for_, scope, person):
    answer = ask(tmp_path, {"question": "substitution", "substitute": sub, "for": for_})
    fields = answer["answer"]
    if (sub, for_) == ("赵五", "李四"):      # 书记员 below 法官助理: forward, allowed
        assert fields["allowed"] is True and fields["direction"] == "顺向"
    assert fields["scope"] == scope and fields["decided_by_person"] == person or fields["allowed"] is not True
    assert {"article": 12, "paragraph": 2, "item": None} in answer["citations"]
    assert fields["persons"][sub]["post"]


def test_reverse_cover_between_persons_is_refused(tmp_path):
    # 李四 (法官助理) may not cover 赵五 (书记员): the higher post covering the lower (12(1)).
    fields = ask(tmp_path, {"question": "substitution", "substitute": "李四", "for": "赵五"})["answer"]
    assert fields["allowed"] is False and fields["direction"] == "逆向" and fields["decided_by_person"] is None


def test_superior_chain_of_persons(tmp_path):
    fields = ask(tmp_path, {"question": "superior", "role": "赵五"})["answer"]
    assert fields["superior"] == "团队长" and fields["superior_person"] == "张三"
    assert fields["chain_persons"] == ["赵五", "张三", "王局"]


def test_disagreement_between_persons_of_one_team(tmp_path):
    fields = ask(tmp_path, {"question": "disagreement", "between": ["李四", "张三"]})["answer"]
    assert fields["decided_by"] == "团队长" and fields["decided_by_person"] == "张三"


def test_meeting_votes_by_persons(tmp_path):
    answer = ask(tmp_path, {"question": "meeting", "meeting": "团队长联席会议",
                            "votes": [{"role": "王局", "opinion": "同意"}, {"role": "张三", "opinion": "同意"}]})
    assert answer["answer"]["resolution"] == "同意"
    names = [b["name"] for t in answer["answer"]["tally"] for b in t["by"]]
    assert names == ["王局", "张三"]


def test_absence_is_per_person_when_persons_are_known(tmp_path):
    # Art. 4(2): the team leaders take part in the joint meeting. 孙七, one 团队长, is away: that
    # makes his own vote impossible, not that of 张三, another 团队长.
    votes = [{"role": "王局", "opinion": "同意"}, {"role": "张三", "opinion": "同意"}]
    answer = ask(tmp_path, {"question": "meeting", "meeting": "团队长联席会议",
                            "facts": {"absent": ["孙七"]}, "votes": votes})
    assert answer["answer"]["resolution"] == "同意"
    assert [b["name"] for t in answer["answer"]["tally"] for b in t["by"]] == ["王局", "张三"]
    # A vote by post name: another holder of the post may be the one voting.
    answer = ask(tmp_path, {"question": "meeting", "meeting": "团队长联席会议", "facts": {"absent": ["孙七"]},
                            "votes": [{"role": "局长", "opinion": "同意"}, {"role": "团队长", "opinion": "同意"}]})
    assert answer["answer"]["resolution"] == "同意"


@pytest.mark.parametrize("absent, decider, person", [
    (["孙七"], "团队长", "张三"),   # another team's leader is away: 赵五's own team leader decides
    (["张三"], "副局长", "陈副"),   # their own team leader is away: the decision passes up (12(2))
    (["林副"], "团队长", "张三"),   # another department's deputy is away: nothing changes
])
def test_an_absent_person_is_absent_only_in_their_own_unit(tmp_path, absent, decider, person):
    fields = ask(tmp_path, {"question": "substitution", "substitute": "赵五", "for": "李四",
                            "facts": {"absent": absent}})["answer"]
    assert fields["allowed"] is True and fields["scope"] == "team"
    assert (fields["decided_by"], fields["decided_by_person"]) == (decider, person)


@pytest.mark.parametrize("absent, votes, refused", [
    (["张三"], [{"role": "王局", "opinion": "同意"}, {"role": "张三", "opinion": "同意"}], "张三"),       # the person
    (["团队长"], [{"role": "王局", "opinion": "同意"}, {"role": "张三", "opinion": "同意"}], "张三"),     # the post
    (["王局"], [{"role": "局长", "opinion": "同意"}, {"role": "张三", "opinion": "同意"}], "局长"),       # sole holder
])
def test_an_absent_persons_vote_is_still_refused(tmp_path, absent, votes, refused):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"question": "meeting", "meeting": "团队长联席会议", "facts": {"absent": absent},
                                "votes": votes}, ensure_ascii=False), encoding="utf-8")
    done = pyreason("ask", "--org", STAFF, path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert refused in done.stderr and "不在岗" in done.stderr, done.stderr


def test_batch_with_a_chart(tmp_path):
    lines = [{"question": "substitution", "substitute": "赵五", "for": "李四"},
             {"question": "superior", "role": "孙七"}]
    src = tmp_path / "b.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    done = pyreason("batch", "--org", STAFF, src)
    assert done.returncode == 0, done.stderr
    out = [json.loads(x) for x in done.stdout.splitlines()]
    assert out[0]["answer"]["decided_by_person"] == "张三" and out[1]["answer"]["superior_person"] == "王局"


BAD = [
    ("- {name: 甲, post: 局长}\n- {name: 乙, post: 处座}\n", "staff[1].post", "处长"),
    ("- {name: 甲, post: 团队长, team: T1}\n- {name: 甲, post: 团队长, team: T2}\n", "staff[1].name", "两个团队"),
    ("- {name: 甲, post: 书记员, team: T1}\n- {name: 甲, post: 书记员, team: T1}\n", "staff[1].name", "重复"),
    ("- {name: 甲, post: 书记员, team: T1, department: D1}\n- {name: 乙, post: 书记员, team: T1, department: D2}\n",
     "department", "两个部门"),
    ("- {name: 甲, post: 团队长, team: T1}\n- {name: 乙, post: 团队长, team: T1}\n", "staff[1].post", "两人"),
    ("- {name: 甲, post: 书记员, reports_to: 丙}\n", "staff[0].reports_to", "不在名册"),
    ("- {name: 甲, post: 书记员, reports_to: 乙}\n- {name: 乙, post: 法官助理, reports_to: 甲}\n", "reports_to", "成环"),
    ("- {name: 局长, post: 局长}\n", "staff[0].name", "岗位"),
    ("- {name: 甲}\n", "staff[0].post", "缺少"),
    ("- {name: 甲, post: 局长, office: 301}\n", "staff[0].office", "未知字段"),
    ("staff: 3\n", "staff", "列表"),
]


@pytest.mark.parametrize("text, field, needle", BAD)
def test_chart_errors_are_one_line_with_the_row(tmp_path, text, field, needle):
    chart = tmp_path / "bad.yaml"
    chart.write_text(text, encoding="utf-8")
    scen = tmp_path / "s.yaml"
    scen.write_text("question: superior\nrole: 局长\n", encoding="utf-8")
    done = pyreason("ask", "--org", chart, scen)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    line = done.stderr.strip()
    assert "\n" not in line and str(chart) in line and field in line and needle in line, line
    assert pyreason("org", chart).returncode == 1


def test_csv_chart_and_hostile_names_stay_data(tmp_path):
    sentinel = tmp_path / "ran"
    evil = f"x'), shell('touch {sentinel}'), ('"
    chart = tmp_path / "staff.csv"
    chart.write_text(f"name,post,team,department\n王局,局长,,\n张三,团队长,T1,D1\n\"{evil}\",书记员,T1,D1\n",
                     encoding="utf-8")
    scen = tmp_path / "s.json"
    scen.write_text(json.dumps({"question": "superior", "role": evil}, ensure_ascii=False), encoding="utf-8")
    done = pyreason("ask", "--org", chart, scen, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["answer"]["superior_person"] == "张三"
    assert not sentinel.exists()
