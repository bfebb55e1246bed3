"""pyreason verify DIR: a case-file archive of reports written under the shipped KB (宛法〔2023〕123号,
2023年试行文本) and under its amendment tests/kbs/wanfa_amended (宛法〔2024〕210号, in force from
2025-01-01), with one report tampered with, one damaged and one file that is no report.

Expected by hand from the texts:
- 党支部书记 covering 党支部书记 (posts of one rank): the 2023 text's Art 12(1) allows only 顺向 cover of a
  higher post and forbids 逆向; it says nothing of posts of one rank (a gap). The amended 12(1) adds
  "同级岗位之间经局长批准可以平级替补": allowed, 平级, decided by the 局长. A report written in 2023
  still holds for the 2023 text; the version in force answers differently.
- The director away, having authorised the deputy: 执行案款的发放 (7(1)(3)) by the deputy acting for
  him (8(5)); the amendment leaves 7(1)(3) and 8(5) as they were for a release without an amount:
  the version in force answers the same.
- 执行案款的发放 of 6,000,000元 under the amendment: 7(2), the 分管副院长 at the 局长's request.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AMENDED = ROOT / "tests" / "kbs" / "wanfa_amended"
RULESET = ROOT / "tests" / "kbs" / "wanfa_ruleset"

pytestmark = pytest.mark.skipif(not (AMENDED / "pyreason.pl").is_file(), reason="tests/kbs/wanfa_amended is missing")


def pyreason(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pyreason", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def _scenario(tmp: Path, name: str, text: str) -> str:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("archive")
    root = tmp / "案卷"
    (root / "2023").mkdir(parents=True)
    (root / "2025" / "sub").mkdir(parents=True)
    lateral = _scenario(tmp, "lateral.yaml", "question: substitution\nsubstitute: 党支部书记\nfor: 党支部书记\n")
    funds = _scenario(tmp, "funds.yaml", "question: approver\nmatter: 执行案款的发放\nfacts: {amount: 6000000}\n")
    absent = str(ROOT / "examples" / "director_absent_authorised.yaml")
    for args in (("report", lateral, "--format", "txt", "-o", str(root / "2023" / "lateral.txt")),
                 ("report", absent, "--format", "md", "-o", str(root / "2023" / "absent.md")),
                 ("report", absent, "--format", "html", "-o", str(root / "2023" / "absent.html")),
                 ("--kb", str(AMENDED), "report", funds, "--format", "html", "-o", str(root / "2025" / "funds.html")),
                 ("--kb", str(AMENDED), "report", lateral, "--format", "md", "-o", str(root / "2025" / "sub" / "lateral.md"))):
        done = pyreason(*args)
        assert done.returncode == 0, done.stderr
    # Tampered: the conclusion of a copy edited after it was written.
    text = (root / "2023" / "absent.md").read_text(encoding="utf-8")
    assert "副局长（代局长行使）" in text
    (root / "2025" / "tampered.md").write_text(text.replace("副局长（代局长行使）", "局长", 1), encoding="utf-8")
    # Damaged: the embedded data of a text report cut short.
    raw = (root / "2023" / "lateral.txt").read_text(encoding="utf-8")
    begin = raw.index("-----BEGIN PYREASON REPORT DATA-----")
    (root / "2025" / "damaged.txt").write_text(raw[:begin + 60] + "!!!" + raw[begin + 63:], encoding="utf-8")
    # Not a report at all.
    (root / "说明.txt").write_text("案卷目录\n", encoding="utf-8")
    return root


def _by_path(result: dict) -> dict[str, dict]:
    return {r["path"]: r for r in result["reports"]}


def test_an_archive_of_both_versions_with_a_tampered_and_a_damaged_report(archive):
    done = pyreason("verify", str(archive), "--kb", "kb", "--kb", str(AMENDED), "--format", "json", "--jobs", "2")
    assert done.returncode == 1, done.stderr                         # one report cannot be read
    result = json.loads(done.stdout)
    s = result["summary"]
    assert (s["reports"], s["holds"], s["changed"], s["tampered"], s["unreadable"], s["skipped"]) == (8, 5, 0, 1, 1, 1)
    assert s["workers"] == 2
    r = _by_path(result)
    assert r["2025/tampered.md"]["status"] == "tampered"
    assert r["2025/damaged.txt"]["status"] == "unreadable"
    assert r["说明.txt"]["status"] == "skipped"

    old = r["2023/lateral.txt"]
    assert old["status"] == "holds" and old["match"] == "fingerprint"
    assert old["checked_with"]["name"] == "wanfa-2023-123"
    assert old["in_force"]["kb"]["name"] == "wanfa-2023-123-am2024"       # in force since 2025-01-01
    assert old["in_force"]["differs"] is True
    changed = {d["field"]: (d["recorded"], d["now"]) for d in old["in_force"]["differences"]}
    assert changed["status"] == ("gap", "answered")
    assert changed["answer.allowed"] == (None, True)
    assert changed["answer.direction"] == (None, "平级")
    assert changed["answer.decided_by"] == (None, "局长")

    for path in ("2023/absent.md", "2023/absent.html"):
        assert r[path]["status"] == "holds"
        assert r[path]["in_force"] is not None and r[path]["in_force"]["differs"] is False

    new = r["2025/funds.html"]
    assert new["status"] == "holds" and new["checked_with"]["name"] == "wanfa-2023-123-am2024"
    assert new["in_force"] is None                                        # it is the version in force
    assert r["2025/sub/lateral.md"]["status"] == "holds"
    assert s["in_force_differs"] == 1


def test_exit_codes_tampered_then_all_hold(archive, tmp_path):
    copy = tmp_path / "a"
    shutil.copytree(archive, copy)
    (copy / "2025" / "damaged.txt").unlink()
    done = pyreason("verify", str(copy), "--kb", str(RULESET), "--jobs", "1")   # a rule set stands for its KBs
    assert done.returncode == 3, done.stderr
    assert "被改动" in done.stdout and "2025/tampered.md" in done.stdout
    assert "现行有效版本 wanfa-2023-123-am2024 1.0.0 的答案不同" in done.stdout
    (copy / "2025" / "tampered.md").unlink()
    done = pyreason("verify", str(copy), "--kb", "kb", "--kb", str(AMENDED), "--lang", "en")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Every report holds." in done.stdout


def test_a_report_whose_kb_is_not_given_is_unverifiable(archive, tmp_path):
    copy = tmp_path / "b"
    (copy).mkdir()
    shutil.copy(archive / "2025" / "funds.html", copy / "funds.html")
    done = pyreason("verify", str(copy), "--format", "json")             # only the shipped KB
    assert done.returncode == 1
    entry = json.loads(done.stdout)["reports"][0]
    assert entry["status"] == "unreadable" and "wanfa-2023-123-am2024" in entry["reason"]["zh"]


def test_an_empty_folder_is_bad_input(tmp_path):
    done = pyreason("verify", str(tmp_path))
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1


def test_single_file_verify_keeps_its_behaviour(archive):
    done = pyreason("verify", str(archive / "2023" / "absent.md"))
    assert done.returncode == 0 and "结论仍然成立" in done.stdout
    done = pyreason("verify", str(archive / "2025" / "tampered.md"))
    assert done.returncode == 3


def test_a_rule_set_given_to_verify_dir_is_read_with_the_manifests_own_checks(tmp_path):
    """A rule set's manifest is read as everywhere else: an alias bomb in it is refused before it
    expands, a key given twice is named; one line, exit 1."""
    from click.testing import CliRunner
    from pyreason.cli import main
    rs = tmp_path / "rs"
    rs.mkdir()
    bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text("not a report\n", encoding="utf-8")
    for text, words in (("\n".join(bomb) + "\ndocuments: *i\n", "aliases"),
                        ("documents: [a]\ndocuments: [b]\n", "duplicate key 'documents'")):
        (rs / "ruleset.yaml").write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["verify", str(reports), "--kb", str(rs), "--lang", "en"])
        assert result.exit_code == 1 and words in result.output, result.output
        assert "Traceback" not in result.output
