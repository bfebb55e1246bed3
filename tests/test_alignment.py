"""CJK columns line up by display width in every table the CLI prints (issue 12)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from wcwidth import wcswidth

from pyreason.cli import main
from pyreason.render import display_width, pad, table

EXAMPLES = "examples"


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def starts(line: str, gap: str = "  ") -> list[int]:
    """The display column where each cell after the first starts (cells split at two spaces)."""
    body = line.lstrip(" ")
    lead = len(line) - len(body)
    out, col = [], lead
    cells = re.split(r"( {2,})", body)
    for i, piece in enumerate(cells):
        if i % 2 == 0 and i > 0:
            out.append(col)
        col += wcswidth(piece)
    return out


def test_helpers():
    assert display_width("局长a") == 5 and display_width("e\u0301") == 1
    assert pad("局长", 6) == "局长  " and pad("7", 3, ">") == "  7"
    lines = table([["局长", "x"], ["分管副院长", "yy"]])
    assert [wcswidth(line[:line.index(c)]) for line, c in zip(lines, "xy")] == [14, 14]


def test_names_columns_line_up():
    out = run("names", "roles")
    rows = [line for line in out.splitlines() if line.startswith("  ")]
    firsts = {starts(line)[0] for line in rows if starts(line)}
    assert len(firsts) == 1, firsts


def test_org_counts_line_up():
    out = run("org", f"{EXAMPLES}/staff.yaml")
    rows = [line for line in out.splitlines() if line.startswith("  ")]
    assert len({wcswidth(line) for line in rows}) == 1, rows      # counts right-aligned


def test_compare_columns_line_up():
    out = run("compare", f"{EXAMPLES}/director_absent_unauthorised.yaml", f"{EXAMPLES}/director_absent_authorised.yaml")
    rows = [line for line in out.splitlines() if " | B " in line]
    bars = {wcswidth(line[:line.index(" | B ")]) for line in rows[2:]}    # the answer rows
    a_col = {wcswidth(line[:line.index(" A ")]) for line in rows[2:]}
    assert len(bars) == 1 and len(a_col) == 1, rows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_questions_columns_line_up(lang):
    out = run("questions", "--lang", lang)
    block = out.split("\n\n")[0].splitlines()
    inputs = [line for line in block if line.startswith("  ") and not line.startswith("    ") and ":" in line
              and not line.startswith("  facts") and not line.startswith("  答案") and not line.startswith("  answer")]
    facts = [line for line in block if line.startswith("    ")]
    for rows in (inputs, facts):
        if len(rows) > 1:
            assert len({starts(line)[0] for line in rows}) == 1, rows


def test_readings_ids_line_up():
    out = run("readings")
    rows = [line for line in out.splitlines() if line.startswith("  ") and "〔" in line and not line.startswith("    ")]
    assert len({wcswidth(line[:line.index("〔")]) for line in rows[:5]}) == 1
