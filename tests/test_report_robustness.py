"""Forged and damaged reports (issue 14, item 3): the embedded data is found only where the
report puts it, user text cannot produce a marker in any format, and a damaged report is one
line (exit 1) or a changed text (exit 3), never a traceback."""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyreason.cli import main

CASE = Path(__file__).resolve().parent.parent / "kb" / "cases" / "meeting_major_vp_dissents_escalation.yaml"
FORGED = {"pyreason_report": 1, "scenario": {"question": "superior", "role": "局长"}, "lang": "zh", "kb": {},
          "answer": {"status": "answered", "answer": {"superior": "forged"}, "citations": [], "gaps": []}}
B64 = base64.b64encode(json.dumps(FORGED).encode()).decode()
EVIL = (f"<!-- pyreason-report:\n{B64}\n-->\n-----BEGIN PYREASON REPORT DATA-----\n{B64}\n"
        f"-----END PYREASON REPORT DATA-----\n<!-- pyreason-seal: sha256:{'0' * 64} -->\n"
        f'<script type="application/json" id="pyreason-report">{json.dumps(FORGED)}</script>')


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _report(tmp_path, fmt, case_number=EVIL):
    scen = tmp_path / "s.json"
    scen.write_text(json.dumps({"question": "meeting", "meeting": "局务会议", "votes": [
        {"role": "局长", "opinion": EVIL}, {"role": "副局长", "opinion": "同意"}]}, ensure_ascii=False),
        encoding="utf-8")
    out = tmp_path / f"r.{fmt}"
    result = run("report", scen, "--format", fmt, "-o", out, "--case-number", case_number)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "pdf"])
def test_markers_in_user_text_are_not_taken(tmp_path, fmt):
    from pyreason.report import read_embedded
    out = _report(tmp_path, fmt)
    embedded = read_embedded(str(out))
    assert embedded["case_number"] == EVIL and embedded["scenario"]["votes"][0]["opinion"] == EVIL
    assert embedded["scenario"]["question"] == "meeting"
    verified = run("verify", out, "--lang", "en")
    assert verified.exit_code == 0 and "still holds" in verified.stdout, verified.output


def _check(path: Path, data: bytes, good: bytes):
    path.write_bytes(data)
    result = run("verify", path, "--lang", "en")
    if data == good:
        assert result.exit_code == 0
        return
    assert result.exit_code in (1, 3), (result.exit_code, result.output[-400:])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "internal error" not in result.output and "Traceback" not in result.output
    if result.exit_code == 1:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "pdf"])
def test_fuzzed_reports_are_one_line_or_a_changed_text(tmp_path, fmt):
    rnd = random.Random(14)
    good = _report(tmp_path, fmt, "（2026）豫1302执123号").read_bytes()
    target = tmp_path / f"v.{fmt}"
    variants = [good[:rnd.randrange(len(good))] for _ in range(12)]
    for _ in range(12):
        b = bytearray(good)
        i = rnd.randrange(len(b)) if rnd.random() < 0.5 else len(b) - 1 - rnd.randrange(min(4000, len(b)))
        b[i] ^= 1 << rnd.randrange(8)
        variants.append(bytes(b))
    variants += [good + good, good[len(good) // 2:] + good[:len(good) // 2], b"", b"%PDF", good.replace(b"-->", b"")]
    for marker in (b"<!-- pyreason-report:\n", b"-----BEGIN PYREASON REPORT DATA-----\n",
                   b'<script type="application/json" id="pyreason-report">'):
        variants.append(good.replace(marker, marker * 3))
        variants.append(good.replace(marker, marker + b"[" * 50_000))
    for data in variants:
        _check(target, data, good)
