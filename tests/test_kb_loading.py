"""Another court's KB directory: a broken one gives one clear line, never a traceback or the tracer."""

import shutil
import subprocess
import sys
from pathlib import Path

KB = Path(__file__).resolve().parent.parent / "kb"
EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "director_absent_authorised.yaml")


def pyreason(*args):
    return subprocess.run([sys.executable, "-m", "pyreason", *args], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


def test_a_copy_of_the_kb_answers(tmp_path):
    shutil.copytree(KB, tmp_path / "kb")
    result = pyreason("--kb", str(tmp_path / "kb"), "ask", EXAMPLE, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert '"approver": "副局长"' in result.stdout


def test_a_syntax_error_is_reported_with_its_file(tmp_path):
    shutil.copytree(KB, tmp_path / "kb")
    art = tmp_path / "kb" / "articles" / "art07.pl"
    art.write_text(art.read_text(encoding="utf-8") + "\ndecides(broken, '局长' '批准', c(7,1,1)).\n",
                   encoding="utf-8")
    result = pyreason("--kb", str(tmp_path / "kb"), "ask", EXAMPLE)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "art07.pl:" in lines[0] and "Syntax error" in lines[0], lines[0]


def test_not_a_kb(tmp_path):
    result = pyreason("--kb", str(tmp_path), "ask", EXAMPLE)
    assert result.returncode == 1
    assert "pyreason.pl" in result.stderr and "Traceback" not in result.stderr
