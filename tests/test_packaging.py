"""The package a stranger installs: its name, what the wheel ships, the one line a missing extra
or a missing SWI-Prolog gives, and the environment variables."""

import fnmatch
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyreason.cli import main
from pyreason.extras import DISTRIBUTION, MissingExtra

tomllib = pytest.importorskip("tomllib")      # Python 3.11+

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_distribution_name_is_not_the_taken_one():
    assert PYPROJECT["project"]["name"] == DISTRIBUTION == "pyreason-law"
    assert PYPROJECT["project"]["scripts"] == {"pyreason": "pyreason.__main__:entry"}
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert (ROOT / "pyreason" / "py.typed").exists()


def test_every_tracked_data_file_is_package_data():
    """Every file git tracks under kb/, reports/ and pyreason/prolog/ is in a listed package and
    matched by its package-data globs (setuptools ships nothing else)."""
    tool = PYPROJECT["tool"]["setuptools"]
    dirs = {pkg: Path(tool["package-dir"].get(pkg, pkg.replace(".", "/"))) for pkg in tool["packages"]}
    for pkg in tool["packages"]:                      # a sub-package of a mapped one
        for parent, where in tool["package-dir"].items():
            if pkg.startswith(parent + "."):
                dirs[pkg] = Path(where, *pkg[len(parent) + 1:].split("."))
    by_dir = {d.as_posix(): pkg for pkg, d in dirs.items()}
    files = subprocess.run(["git", "ls-files", "-z", "kb", "reports", "pyreason/prolog"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    missing = []
    for name in filter(None, files):
        path = Path(name)
        pkg = by_dir.get(path.parent.as_posix())
        globs = tool["package-data"].get(pkg, []) if pkg else []
        if not any(fnmatch.fnmatch(path.name, g) for g in globs):
            missing.append(name)
    assert not missing


def test_serve_without_the_web_extra_is_one_line(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "fastapi" else real(name, *a))
    result = CliRunner().invoke(main, ["serve"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr.strip() == "错误：pyreason serve 需要 web 附加组件：pip install 'pyreason-law[web]'"


def test_missing_extra_line():
    exc = MissingExtra("pdf", {"zh": "生成 PDF 报告", "en": "a PDF report"})
    assert exc.line("en") == "a PDF report needs the pdf extra: pip install 'pyreason-law[pdf]'"
    assert "\n" not in exc.line("zh")


def test_pdf_report_without_the_pdf_extra_is_one_line(monkeypatch, tmp_path):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "weasyprint" else real(name, *a))
    result = CliRunner().invoke(main, ["report", "examples/director_absent_authorised.yaml", "--format", "pdf",
                                       "-o", str(tmp_path / "r.pdf"), "--lang", "en"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: a PDF report needs the pdf extra: pip install 'pyreason-law[pdf]'"


def test_pyreason_lang_sets_the_default_language(monkeypatch):
    monkeypatch.setenv("PYREASON_LANG", "en")
    result = CliRunner().invoke(main, ["ask", "examples/director_absent_authorised.yaml"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.startswith("Question:")
    result = CliRunner().invoke(main, ["ask", "examples/director_absent_authorised.yaml", "--lang", "zh"])
    assert result.output.startswith("问题：")


def test_no_swi_prolog_says_how_to_install_it():
    code = ("import sys; sys.modules['pyswip'] = None\n"
            "from pyreason.cli import main; main(['ask', 'examples/director_absent_authorised.yaml'])")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "apt-get install swi-prolog-nox" in lines[0] and "brew install swi-prolog" in lines[0]
