"""The ``pyreason`` command: a thin layer over :class:`pyreason.KnowledgeBase`."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import click

from . import __version__
from .errors import InternalError, PyreasonError, ScenarioError
from .kb import KnowledgeBase
from .render import citation_label, render_answer, zh_number
from .scenario import closest

ORG = click.option("--org", "org_file", type=click.Path(),
                   help="A staff list (YAML, JSON or CSV: name, post, team, department) so names of persons may be used.")
def _set_kb(ctx: click.Context, _param: Any, value: str | None) -> None:
    if value is not None:
        ctx.find_object(_Context).kb_dir = value


#: --kb on a command, the same as before it: `pyreason ask --kb DIR FILE` = `pyreason --kb DIR ask FILE`.
KB_OPTION = click.option("--kb", "kb_here", type=click.Path(file_okay=False, exists=True), expose_value=False,
                         callback=_set_kb, help="A knowledge base directory (default: the shipped kb/, or PYREASON_KB).")
LANG = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, envvar="PYREASON_LANG", show_envvar=True,
                    help="Language of the output (roles, matters and article text stay Chinese).")


class CLIError(click.ClickException):
    """A pyreason error shown as one line on stderr, exit code 1."""

    def __init__(self, line: str):
        super().__init__(line)

    def show(self, file: Any = None) -> None:
        click.echo(self.message, err=True)


def _fail(exc: PyreasonError, lang: str) -> CLIError:
    prefix = "错误：" if lang == "zh" else "error: "
    return CLIError(prefix + exc.line(lang))


class _Context:
    def __init__(self, kb_dir: str | None, debug: bool, time_limit: float = 10.0,
                 inference_limit: int = 50_000_000):
        self.kb_dir, self.debug = kb_dir, debug
        self.limits = {"time_limit": time_limit, "inference_limit": inference_limit}
        self._kb: KnowledgeBase | None = None

    def kb(self, lang: str, org: str | None = None) -> KnowledgeBase:
        if self._kb is None:
            try:
                from .ruleset import RuleSet, is_ruleset     # --kb DIR holding a ruleset.yaml: a rule set
                self._kb = (RuleSet(self.kb_dir, **self.limits) if is_ruleset(self.kb_dir)
                            else KnowledgeBase(self.kb_dir, **self.limits))
            except PyreasonError as exc:
                raise _fail(exc, lang) from None
        if org:
            self._kb.load_org(org)
        return self._kb


class _Group(click.Group):
    """The command group; a command whose module is large (``new``: the regulation-text parser)
    is imported only when it is run or listed, so that other commands start without it."""

    _LAZY = {"new": ("pyreason.newkb", "new_command")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._LAZY})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._LAZY and cmd_name not in self.commands:
            import importlib
            module, attr = self._LAZY[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--kb", "kb_dir", type=click.Path(file_okay=False, exists=True), envvar="PYREASON_KB",
              help="A knowledge base directory (default: the shipped kb/).")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
@click.option("--time-limit", type=click.FloatRange(min=0.001), default=10.0, show_default=True,
              help="Seconds one question may take.")
@click.option("--inference-limit", type=click.IntRange(min=1000), default=50_000_000, show_default=True,
              help="Prolog inferences one question may take.")
@click.version_option(__version__, prog_name="pyreason")
@click.pass_context
def main(ctx: click.Context, kb_dir: str | None, debug: bool, time_limit: float, inference_limit: int) -> None:
    """Answers questions, with citations, on a regulation encoded as a knowledge base: the
    shipped one (kb/), or any other built as docs/kb-guide.md describes (--kb DIR).

    \b
    Example:
      pyreason ask examples/director_absent_authorised.yaml
      pyreason ask examples/director_absent_authorised.yaml --format json
      pyreason articles 7
    """
    ctx.obj = _Context(kb_dir, debug, time_limit, inference_limit)


#: Set by a command whose whole output is on stdout and stderr (``ask``): the console command
#: then ends without the interpreter's teardown (see ``entry``).
_QUICK_EXIT = False


def entry() -> None:
    """The ``pyreason`` command (and ``python -m pyreason``): ``main``, and where the command
    allows it, an exit without the interpreter's teardown of every module and object (~10 ms
    of a one-shot ``ask``, issue 13): the output flushed and the exit handlers run first (the
    engine shut down), nothing left open that a teardown would close."""
    from . import bridge
    try:
        main()
        code: Any = 0
    except SystemExit as exc:
        code = exc.code
    finally:
        bridge.wait_started()    # (a command that ended before Prolog had started: see there)
    if not _QUICK_EXIT:
        sys.exit(code)
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):       # a closed pipe: nothing more to say
            pass
    import atexit
    from . import bridge
    bridge.forgo_cleanup()
    atexit._run_exitfuncs()
    os._exit(code)


def error_object(exc: PyreasonError, lang: str) -> dict[str, Any]:
    """An error as the contract's error object: {"error": {code, field, message, suggestions}}."""
    if isinstance(exc, ScenarioError):
        return {"error": {"code": exc.code, "field": exc.field,
                          "message": exc.messages.get(lang) or exc.messages.get("zh"),
                          "suggestions": exc.suggestions, "source": exc.source}}
    code = "internal" if isinstance(exc, InternalError) else getattr(exc, "code", None) or "kb_error"
    return {"error": {"code": code, "field": None, "message": exc.line(lang) if hasattr(exc, "line") else str(exc),
                      "suggestions": []}}


def _guard(ctx: click.Context, lang: str, action, json_errors: bool = False):
    """Run a command's action; every error becomes one line on stderr (exit 1), and with
    ``json_errors`` (--format json) also the contract's error object on stdout, for scripts."""
    try:
        return action()
    except (click.ClickException, click.exceptions.Exit):
        raise
    except BrokenPipeError:  # e.g. `pyreason readings | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except PyreasonError as exc:
        if isinstance(exc, InternalError) and ctx.obj.debug:
            import traceback
            traceback.print_exc()
        if json_errors:
            click.echo(json.dumps(error_object(exc, lang), ensure_ascii=False, indent=2))
        raise _fail(exc, lang) from None
    except Exception as exc:  # never a traceback unless asked for
        if ctx.obj.debug:
            import traceback
            traceback.print_exc()
        hint = "（加 --debug 重新运行可查看详情）" if lang == "zh" else " (rerun with --debug for details)"
        raise CLIError(("内部错误：" if lang == "zh" else "internal error: ")
                       + f"{type(exc).__name__}: {exc}" + hint) from None


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for scripts (the contract's answer object).")
@click.option("--flips", is_flag=True, help="Also list the single changes of facts that would change the answer.")
@ORG
@LANG
@KB_OPTION
@click.pass_context
def ask(ctx: click.Context, file: str, fmt: str, flips: bool, lang: str, org_file: str | None) -> None:
    """Answer the scenario in FILE (YAML or JSON; '-' reads standard input). `pyreason questions`
    lists what the knowledge base may be asked and the fields each question takes.

    \b
    Example:
      pyreason ask examples/director_absent_authorised.yaml --format json
    Exit codes: 0 answered or gap, 1 invalid input, 2 usage error.
    """
    def run() -> None:
        global _QUICK_EXIT
        _QUICK_EXIT = True
        from .scenario import load_scenario_file
        # The scenario is read while the engine starts (bridge.start_soon); an org chart, an
        # option, is read and checked first, as before.
        kb = ctx.obj.kb(lang, org_file) if org_file else None
        scenario = load_scenario_file(file)
        kb = kb if kb is not None else ctx.obj.kb(lang)
        if flips:
            answer = kb.ask_with_flips(scenario, lang=lang, source=file)
        else:
            answer = kb.ask(scenario, lang=lang, source=file)
        click.echo(render_answer(answer, fmt, lang, kb), nl=False)
    _guard(ctx, lang, run, json_errors=fmt == "json")


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the JSON Lines here (default stdout).")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@ORG
@LANG
@KB_OPTION
@click.pass_context
def batch(ctx: click.Context, file: str, output: str | None, force: bool, lang: str, org_file: str | None) -> None:
    """Answer every scenario of a JSON Lines FILE ('-' reads standard input), one per line, in
    input order, streaming: any number of lines in constant memory.

    \b
    Each output line is the answer object `ask --format json` gives, or for a line
    that cannot be answered {"line": N, "status": "error", "error": {...}} (N counts
    every line, blank ones too); the other lines go on. On a terminal, progress and
    a summary are shown on stderr.
    Exit codes: 0 every line answered (or a gap), 1 some line could not be answered,
    2 usage error, 4 OUTPUT exists and was not replaced (nothing was answered; --force).
    Example:
      pyreason batch cases.jsonl -o answers.jsonl
    """
    def run() -> int:
        from .fileio import FileError, open_output
        kb = ctx.obj.kb(lang, org_file)
        source = _batch_input(file)
        progress = _BatchProgress(lang, source) if sys.stderr.isatty() else None
        try:
            with open_output(output or "-", force=force) as out:
                count = kb.answer_jsonl(_batch_lines(source.stream), out.write, lang=lang, source=file,
                                        progress=progress)
        except FileError as exc:
            if exc.code == "exists":
                click.echo(("错误：" if lang == "zh" else "error: ") + exc.line(lang), err=True)
                return EXIT_NOT_OVERWRITTEN
            raise
        finally:
            source.close()
        if progress:
            progress.summary(count)
        return 1 if count.errors else 0
    ctx.exit(_guard(ctx, lang, run))


#: `batch -o OUT` where OUT exists, without --force: nothing was answered or written.
EXIT_NOT_OVERWRITTEN = 4
#: The longest line batch reads (the limit of one scenario file); a longer one is that line's error.
_MAX_LINE = 1_000_000


class _BatchSource:
    """The JSON Lines input: a binary stream, and its size when it is a regular file."""

    def __init__(self, stream: Any, size: int | None, own: bool):
        self.stream, self.size, self._own = stream, size, own

    def position(self) -> int | None:
        try:
            return self.stream.tell() if self.size else None
        except (OSError, ValueError):
            return None

    def close(self) -> None:
        if self._own:
            self.stream.close()


def _batch_input(file: str) -> _BatchSource:
    """Standard input, or a regular file or a pipe (a directory, device or socket is one line,
    never a read that blocks or runs unbounded)."""
    import stat
    from .fileio import FileError, _kind
    if file == "-":
        return _BatchSource(sys.stdin.buffer, None, False)
    try:
        st = os.stat(file)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            zh, en = _kind(st.st_mode) or ("不是普通文件", "is not a regular file")
            raise FileError(file, {"zh": f"{zh}，不是文件", "en": f"{en}, not a file"}, "not_file")
        stream = open(file, "rb")
    except FileNotFoundError:
        raise FileError(file, {"zh": "文件不存在", "en": "no such file"}) from None
    except OSError as exc:
        raise FileError(file, {"zh": f"无法读取：{exc.strerror}", "en": f"cannot read: {exc.strerror}"}) from None
    return _BatchSource(stream, st.st_size if stat.S_ISREG(st.st_mode) else None, True)


def _batch_lines(stream: Any) -> Any:
    """Each line of ``stream`` as bytes without its line break (a UTF-8 BOM dropped from the
    first); None for a line longer than the limit (the rest of it is skipped, never held)."""
    first = True
    while True:
        line = stream.readline(_MAX_LINE + 1)
        if not line:
            return
        if first and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        first = False
        if len(line) > _MAX_LINE and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):       # skip the rest of the long line
                line = stream.readline(1 << 20)
            yield None
            continue
        yield line[:-1] if line.endswith(b"\n") else line


class _BatchProgress:
    """Progress on stderr (a terminal): lines done, rate, time left; then a summary."""

    WORDS = {"zh": ("已处理 {n} 行，{rate:.0f} 行/秒", "，预计剩余 {left}",
                    "完成：已回答 {answered} 行（其中未给出完整答案 {gaps} 行），错误 {errors} 行，用时 {time}"),
             "en": ("{n} lines, {rate:.0f} lines/s", ", {left} left",
                    "done: {answered} answered ({gaps} of them gaps), {errors} errors, in {time}")}

    def __init__(self, lang: str, source: _BatchSource):
        import time
        self.lang, self.source = lang, source
        self.start = self.last = time.monotonic()

    def __call__(self, count: Any) -> None:
        import time
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        done, left, _ = self.WORDS[self.lang]
        text = done.format(n=count.lines, rate=count.lines / max(now - self.start, 1e-9))
        pos = self.source.position()
        if self.source.size and pos:
            text += left.format(left=_duration((now - self.start) * (self.source.size - pos) / pos))
        click.echo("\r" + text + "\033[K", err=True, nl=False)

    def summary(self, count: Any) -> None:
        import time
        took = _duration(time.monotonic() - self.start)
        click.echo("\r\033[K" + self.WORDS[self.lang][2].format(
            answered=count.answered, gaps=count.gaps, errors=count.errors, time=took), err=True)


def _duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


@main.command()
@click.argument("file_a", metavar="A", type=click.Path())
@click.argument("file_b", metavar="B", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@ORG
@LANG
@click.pass_context
def compare(ctx: click.Context, file_a: str, file_b: str, fmt: str, lang: str, org_file: str | None) -> None:
    """Answer two scenarios and show them side by side, with the facts that differ.

    \b
    Example:
      pyreason compare examples/director_absent_unauthorised.yaml examples/director_absent_authorised.yaml
    """
    from .compare import compare_answers, render_compare
    from .scenario import load_scenario_file

    def run() -> None:
        kb = ctx.obj.kb(lang, org_file)
        a, b = load_scenario_file(file_a), load_scenario_file(file_b)
        result = compare_answers(a, kb.ask(a, lang, file_a), b, kb.ask(b, lang, file_b), kb)
        if fmt == "json":
            click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            click.echo(render_compare(result, file_a, file_b, lang, kb), nl=False)
    _guard(ctx, lang, run, json_errors=fmt == "json")


@main.command("diff")
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here instead of stdout (never replaces a file without --force).")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@click.option("--budget", type=click.IntRange(min=1), default=10000, show_default=True,
              help="At most this many generated scenarios per question kind and KB.")
@click.option("--all", "every", is_flag=True, help="Text: list every scenario of each change, not the first three.")
@LANG
@click.pass_context
def diff_command(ctx: click.Context, old: str, new: str, fmt: str, output: str | None, force: bool, budget: int,
                 every: bool, lang: str) -> None:
    """What an amendment changes: answer the declared scenario space of two KBs (two versions
    of one document, or two documents with question kinds in common) and their cases under both,
    and list every answer that changes, grouped by the amended provision, with the text diff.

    \b
    Example:
      pyreason diff kb tests/kbs/wanfa_amended
      pyreason diff kb tests/kbs/wanfa_amended --format html -o impact.html
    Exit codes: 0 nothing changes; 3 answers change (or a scenario only one KB answers);
    1 bad input (a directory that is not a KB).
    """
    from .diff import cli_diff
    _guard(ctx, lang, lambda: ctx.exit(cli_diff(old, new, fmt, output, force, budget, every, lang,
                                                ctx.obj.limits)), json_errors=fmt == "json")


@main.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@LANG
@KB_OPTION
@click.pass_context
def org(ctx: click.Context, file: str, fmt: str, lang: str) -> None:
    """Check a staff list (org chart) and summarise it; every error is listed.

    \b
    Columns: name, post, team, department, reports_to (optional).
    Errors: an unknown post, a person in two teams or listed twice, a team in two
    departments, two holders of one post in one unit, reports_to a stranger or in a cycle.
    Example:
      pyreason org examples/staff.yaml
      pyreason ask --org examples/staff.yaml examples/clerk_covers_assistant.yaml
    Exit codes: 0 valid, 1 errors.
    """
    from .org import OrgError

    def run() -> int:
        kb = ctx.obj.kb(lang)
        try:
            summary = kb.load_org(file)
        except OrgError as exc:
            if fmt == "json":
                click.echo(json.dumps({"errors": exc.errors, "more": exc.more}, ensure_ascii=False, indent=2))
            else:
                for e in exc.errors:
                    sug = (("；最接近的：" if lang == "zh" else "; closest known: ")
                           + ("、" if lang == "zh" else ", ").join(e["suggestions"])) if e.get("suggestions") else ""
                    message = (e.get("message_en") or e["message"]) if lang == "en" else e["message"]
                    where = f"{file}: {e['field']}" if e.get("field") else file
                    click.echo(f"{where}: {message}{sug}", err=True)
                if exc.more:
                    click.echo(f"{file}: " + (f"……另有 {exc.more} 处错误" if lang == "zh" else
                                              f"... and {exc.more} more errors"), err=True)
            return 1
        if fmt == "json":
            click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        else:
            zh = lang == "zh"
            click.echo((f"{file}：{summary['staff']} 人，{summary['teams']} 个团队，{summary['departments']} 个部门" if zh else
                        f"{file}: {summary['staff']} staff, {summary['teams']} teams, {summary['departments']} departments"))
            from .render import table
            for line in table([[f"{p['post']}:", p["count"]] for p in summary["posts"]], align="<>"):
                click.echo(line)
        return 0
    ctx.exit(_guard(ctx, lang, run, json_errors=fmt == "json"))


@main.command()
@click.argument("number", type=int, required=False)
@LANG
@KB_OPTION
@click.pass_context
def articles(ctx: click.Context, number: int | None, lang: str) -> None:
    """Print the clean text of article NUMBER, or of the whole regulation.

    \b
    Example:
      pyreason articles 9
    """
    def run() -> None:
        kb = ctx.obj.kb(lang)
        _ruleset_note(kb, lang)              # a rule set: only its highest-ranked document is shown
        doc = kb.document
        arts = doc["articles"]
        if number is not None:
            arts = [a for a in arts if a["number"] == number]
            if not arts:
                first, last = doc["articles"][0]["number"], doc["articles"][-1]["number"]
                raise CLIError(("错误：" if lang == "zh" else "error: ")
                               + (f"没有第 {number} 条：本规定只有第 {first}–{last} 条" if lang == "zh" else
                                  f"no article {number}: the regulation has articles {first}-{last}"))
        else:
            meta = doc["document"]
            click.echo(f"{meta['number'] or ''}\n{meta['title']}\n\n{meta['preamble'] or ''}\n".lstrip("\n"))
            if lang == "en" and meta.get("title_en"):
                click.echo(f"[unofficial English] {meta['title_en']}\n")
        english = lang == "en"          # the unofficial English rendering beside the original
        for art in arts:
            click.echo(f"第{zh_number(art['number'])}条【{art['title']}】")
            if english and art.get("title_en"):
                click.echo(f"Article {art['number']} ({art['title_en']})")
            for para in art["paragraphs"]:
                click.echo(f"  {para['text']}")
                if english and para.get("en"):
                    click.echo(f"  > {para['en']}")
                for item in para["items"]:
                    click.echo(f"    （{zh_number(item['number'])}）{item['text']}")
                    if english and item.get("en"):
                        click.echo(f"    > ({item['number']}) {item['en']}")
            click.echo("")
        if english:
            click.echo("The English is an unofficial rendering, for reference only; the Chinese original is authoritative."
                       if any(p.get("en") for a in arts for p in a["paragraphs"]) else
                       "This knowledge base has no English rendering of its text.")
    _guard(ctx, lang, run)


@main.command("test")
@KB_OPTION
@LANG
@click.pass_context
def test_kb(ctx: click.Context, lang: str) -> None:
    """Run a knowledge base's own tests: its cases (cases/*.yaml, each answer against its
    `expect` block) and its plunit tests (tests/*.plt, in SWI-Prolog). The plunit tests are
    the KB's own code and run as such: use this on KBs you trust.

    \b
    Example:
      pyreason test --kb mykb
    """
    def run() -> None:
        import subprocess
        from pathlib import Path

        import yaml

        from .expectations import failures
        from .scenario import load_scenario_file
        kb = ctx.obj.kb(lang)
        passed = failed = 0
        for path in sorted((kb.kb_dir / "cases").glob("*.yaml")):
            try:
                case = load_scenario_file(str(path))
                expect = case.get("expect")
                if not isinstance(expect, dict):
                    raise ValueError("no expect block" if lang == "en" else "缺少 expect")
                try:
                    reply = kb.ask(case, lang=lang, source=str(path))
                except PyreasonError as exc:
                    if "error" not in expect:
                        raise
                    reply = {"error": {"code": getattr(exc, "code", None), "field": getattr(exc, "field", None)}}
                problems = failures(expect, reply)
            except (PyreasonError, ValueError, KeyError, TypeError, yaml.YAMLError) as exc:
                problems = [exc.line(lang) if isinstance(exc, PyreasonError) else str(exc)]
            if problems:
                failed += 1
                click.echo(f"FAIL {path.name}: {'; '.join(problems)}")
            else:
                passed += 1
        click.echo(f"cases: {passed} passed, {failed} failed")
        runner = Path(__file__).resolve().parent / "prolog" / "test_kb.pl"
        plunit_ok = True
        if list((kb.kb_dir / "tests").glob("*.plt")):
            done = subprocess.run(["swipl", str(runner), str(kb.kb_dir)], capture_output=True, text=True,
                                  stdin=subprocess.DEVNULL, timeout=900)
            tail = [line for line in done.stderr.splitlines() + done.stdout.splitlines()
                    if "tests passed" in line or "tests failed" in line or "ERROR" in line]
            for line in tail[-20:]:
                click.echo(f"plunit: {line.lstrip('% ')}")
            plunit_ok = done.returncode == 0
        total_failed = failed + (0 if plunit_ok else 1)
        click.echo(f"{passed} passed, {total_failed} failed")
        if total_failed:
            raise click.exceptions.Exit(1)
    _guard(ctx, lang, run)


def _ruleset_note(kb: Any, lang: str) -> None:
    """On a rule set, the commands that show one document's declarations or text show its
    highest-ranked document (the highest level, then the latest issued): one
    line on stderr says which, and how to see the others (--kb on a member's directory)."""
    members = getattr(kb, "kbs", None)
    if not members:
        return
    from .ruleset import words as ruleset_words
    shown = kb.principal
    label = kb.infos[shown.name]["labels"].get(lang) or kb.infos[shown.name]["labels"].get("zh")

    def named(k: Any) -> str:
        number = k.document["document"].get("number") or k.name
        return f"{number}（{label}）" if lang == "zh" and label else f"{number} ({label})" if label else number
    sep = "、" if lang == "zh" else ", "
    others = sep.join(f"--kb {os.path.relpath(k.kb_dir)}" for k in members if k is not shown)
    name = kb.set_name or os.path.relpath(kb.path)
    click.echo(ruleset_words()[lang]["ruleset_shows_one"].format(
        name=f"“{name}”" if lang == "zh" else f'"{name}"', n=len(members), shown=named(shown), others=others),
        err=True)


def _type_words(t: dict[str, Any], lang: str) -> str:
    """A declared type in words: name(role) → a role name, list(person(role)) → a list of ..."""
    zh = lang == "zh"
    kind = t["type"]
    if kind in ("list", "set"):
        inner = _type_words(t["of"], lang)
        return f"{inner}的列表" if zh else f"a list of {inner}"
    if kind == "record":
        fields = ", ".join(f"{f['name']}: {_type_words(f['type'], lang)}" for f in t["fields"])
        return f"{{{fields}}}"
    if kind in ("name", "person", "name_or_person"):
        extra = {"name": ("", ""), "person": ("或名册中的人员", " or a person of the staff list"),
                 "name_or_person": ("或名册中的人员", " or a person of the staff list")}[kind]
        return (f"{t['kind']} 名称{extra[0]}" if zh else f"a {t['kind']} name{extra[1]}")
    if kind == "votes":
        return ("意见列表 [{role, opinion, name?}]" if zh else "a list of votes [{role, opinion, name?}]")
    if kind == "duration":
        return f"期限（{t['kind']}）" if zh else f"a duration ({t['kind']})"
    words = {"text": ("文本", "text"), "boolean": ("true 或 false", "true or false"),
             "integer": ("整数", "an integer"), "amount": ("金额（如 300万元）", "an amount (e.g. 300万元)"),
             "date": ("日期（如 2024-03-01）", "a date (e.g. 2024-03-01)")}
    return words.get(kind, (kind, kind))[0 if zh else 1]


@main.command()
@KB_OPTION
@LANG
@click.pass_context
def questions(ctx: click.Context, lang: str) -> None:
    """List what the knowledge base can be asked: each question kind with its fields, the facts
    a scenario may state, and the fields of the answer (all as the KB declares them).

    \b
    Example:
      pyreason questions --kb tests/kbs/court_b
    """
    from .render import table

    def run() -> None:
        kb = ctx.obj.kb(lang)
        _ruleset_note(kb, lang)              # a rule set: only its highest-ranked document is shown
        lab = kb.labels(lang)
        zh = lang == "zh"
        for q in kb.declarations["questions"]:
            click.echo(f"question: {q['kind']}  {lab.get('questions', {}).get(q['kind'], '')}".rstrip())
            rows = []
            for inp in q["inputs"]:
                opts = inp["options"]
                need = ("必填" if zh else "required") if opts.get("required") and not opts.get("chart_scope") else (
                    "可选" if zh else "optional")
                if "default" in opts:
                    need += f", {'默认' if zh else 'default'} {opts['default']}"
                label = lab.get("inputs", {}).get(inp["field"])
                label = label if isinstance(label, str) else ""
                rows.append([f"{inp['field']}:", _type_words(inp["type"], lang), f"({need})", label])
            for line in table(rows):
                click.echo(line)
            facts = [f for f in kb.declarations["facts"]
                     if "for" not in f["options"] or q["kind"] in f["options"]["for"]]
            if facts:
                click.echo("  facts:")
                rows = []
                for f in facts:
                    label = lab.get("facts", {}).get(f["name"])
                    label = label if isinstance(label, str) else ""
                    rows.append([f"{f['name']}:", _type_words(f["type"], lang), label])
                for line in table(rows, indent="    "):
                    click.echo(line)
            fields = ", ".join(a["field"] for a in q["answer"])
            click.echo(f"  {'答案字段' if zh else 'answer'}: {fields}\n")
    _guard(ctx, lang, run)


@main.command()
@KB_OPTION
@LANG
@click.pass_context
def schema(ctx: click.Context, lang: str) -> None:
    """Print the JSON Schema of a scenario for the knowledge base, derived from its declarations
    (for editors, forms and case-management systems).

    \b
    Example:
      pyreason schema > scenario.schema.json
    """
    def run() -> None:
        kb = ctx.obj.kb(lang)
        _ruleset_note(kb, lang)
        click.echo(json.dumps(kb.schema.json_schema(), ensure_ascii=False, indent=2))
    _guard(ctx, lang, run)


@main.command()
@click.argument("kind", required=False)
@LANG
@KB_OPTION
@click.pass_context
def names(ctx: click.Context, kind: str | None, lang: str) -> None:
    """List the names a scenario may use, per kind the knowledge base declares
    (for the shipped one: roles, matters, meetings, scopes).

    \b
    Example:
      pyreason names matters
    """
    def run() -> None:
        kb = ctx.obj.kb(lang)
        _ruleset_note(kb, lang)              # a rule set: only its highest-ranked document is shown
        kinds = kb.vocabulary["kinds"]
        if kind:
            wanted = kind[:-1] if kind not in kinds and kind.endswith("s") else kind
            if wanted not in kinds:
                hint = "、".join(closest(kind, [f"{k}s" for k in kinds]) or [f"{k}s" for k in kinds])
                raise click.ClickException(f"未知的名称类别：{kind}（可用：{hint}）" if lang == "zh" else
                                           f"unknown kind of name: {kind} (known: {hint})")
            selected = [wanted]
        else:
            selected = list(kinds)
        from .render import table
        for k in selected:
            click.echo(f"[{k}s]")
            rows = []
            for entry in kinds[k]:
                also = [a for a in [entry.get("id") or "", *entry.get("aliases", [])] if a and a != entry["name"]]
                also = list(dict.fromkeys(also))
                where = f"〔{citation_label(entry['citation'], kb.document, lang)}〕" if entry.get("citation") else ""
                rows.append([entry["name"], entry.get("label") or "", where, "、".join(also)])
            for line in table(rows):             # columns aligned by display width
                click.echo(line)
            click.echo("")
    _guard(ctx, lang, run)


@main.command()
@LANG
@KB_OPTION
@click.pass_context
def readings(ctx: click.Context, lang: str) -> None:
    """List where the regulation is silent (gaps) and how unclear text is read (interpretations).

    \b
    Example:
      pyreason readings --lang en
    """
    def run() -> None:
        kb = ctx.obj.kb(lang)
        _ruleset_note(kb, lang)              # a rule set: only its highest-ranked document is shown
        data = kb.readings(lang)
        heads = {"gaps": ("本规定未作规定之处（答案标为 gap）", "Gaps: where the regulation gives no answer"),
                 "interpretations": ("所采用的解释", "Interpretations the knowledge base applies")}
        for part in ("gaps", "interpretations"):
            click.echo(heads[part][0 if lang == "zh" else 1])
            from .render import pad, display_width
            width = max((display_width(e["id"]) for e in data[part]), default=0)
            for entry in data[part]:
                where = ("；" if lang == "zh" else "; ").join(
                    citation_label(c, kb.document, lang) for c in entry["citations"])
                click.echo(f"  {pad(entry['id'], width)}  〔{where}〕\n    {entry['text']}")
            click.echo("")
    _guard(ctx, lang, run)


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["html", "md", "txt", "pdf"]), default="html",
              show_default=True, help="html (printable), md, txt, or pdf for the case file.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write the report ('-' or none: standard output; required for pdf).")
@click.option("--case-number", help="The case number (案号) to print on the report.")
@click.option("--sign", "sign_key", type=click.Path(dir_okay=False),
              help="Sign the report's digest with this Ed25519 private key (PEM; `pyreason keygen` makes one).")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists (never done without this).")
@ORG
@LANG
@click.pass_context
def report(ctx: click.Context, file: str, fmt: str, output: str | None, case_number: str | None,
           sign_key: str | None, force: bool, lang: str, org_file: str | None) -> None:
    """Write a case-file report for the scenario in FILE: the answer, its reasoning, the quoted articles.

    \b
    Example:
      pyreason report examples/director_absent_authorised.yaml --format pdf \\
          -o report.pdf --case-number "（2026）豫1302执123号"
      pyreason report examples/director_absent_authorised.yaml -o r.html --sign court.pem
    The report embeds its scenario and ends with its digest (signed with --sign):
    `pyreason verify report.html` re-checks both later.
    """
    from .fileio import open_output
    from .report import Signer, build_context, render

    def run() -> None:
        if fmt == "pdf" and output in (None, "-"):
            raise click.UsageError("a PDF report needs -o FILE")
        signer = Signer(sign_key) if sign_key else None
        kb = ctx.obj.kb(lang, org_file)
        from .scenario import load_scenario_file
        scenario = load_scenario_file(file)
        answer = kb.ask(scenario, lang=lang, source=file)
        ruleset = kb if hasattr(kb, "kb_for") else None       # a rule set: the document cited, and the set recorded
        answering = ruleset.kb_for(answer) if ruleset is not None else kb
        data = render(build_context(answering, scenario, answer, lang, case_number, ruleset=ruleset), fmt, signer)
        if output in (None, "-"):
            click.echo(data.decode("utf-8"), nl=False)
        else:
            with open_output(output, force) as fh:
                fh.write(data)
            click.echo(("已写入 " if lang == "zh" else "written: ") + output, err=True)
    _guard(ctx, lang, run)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@LANG
@click.pass_context
def keygen(ctx: click.Context, directory: str, lang: str) -> None:
    """Write a new Ed25519 key pair for signing reports into DIRECTORY:
    pyreason-signing-key.pem (private, mode 0600: keep it to the court) and
    pyreason-signing-key.pub.pem (public: give it to whoever verifies).

    \b
    Example:
      pyreason keygen keys/
      pyreason report case.yaml -o r.html --sign keys/pyreason-signing-key.pem
      pyreason verify r.html --public-key keys/pyreason-signing-key.pub.pem
    """
    from .report import key_id, keygen as make_keys, _load_key

    def run() -> None:
        private, public = make_keys(directory)
        kid = key_id(_load_key(str(public), private=False))
        click.echo((f"已写入 {private}（私钥）和 {public}（公钥），密钥标识 {kid}" if lang == "zh" else
                    f"written: {private} (private) and {public} (public), key id {kid}"))
    _guard(ctx, lang, run)


@main.command()
@click.argument("report_file", metavar="REPORT", type=click.Path())
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="A knowledge base the report may have been made with (repeatable); the report "
                   "names its KB, which is looked for among these, the one given to pyreason and the shipped kb/.")
@click.option("--public-key", "public_key", type=click.Path(dir_okay=False),
              help="Check that the report is signed with the private key of this Ed25519 public key (PEM).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="For a directory: the summary as text or as JSON (docs/questions.md).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="For a directory: worker processes (default: one per core).")
@LANG
@click.pass_context
def verify(ctx: click.Context, report_file: str, kb_dirs: tuple[str, ...], public_key: str | None,
           fmt: str, jobs: int | None, lang: str) -> None:
    """Check REPORT's digest (and with --public-key its signature), then re-run the scenario it
    embeds on the knowledge base it names, and compare.

    \b
    Example:
      pyreason verify report.html
      pyreason verify report.pdf --kb ../our-court/kb
      pyreason verify report.html --public-key court.pub.pem
    Exit codes: 0 the report is as written and its answer still holds (a changed knowledge
    base is noted), 3 the report's text was changed after it was written, its signature does
    not match, or the answer changed; 1 not a readable pyreason report, or its knowledge base
    is not loaded.

    REPORT may be a directory (a case-file archive): every report under it is verified, across
    worker processes, against the version of its KB it was written under and the version in
    force today (--kb repeated, or a rule set directory); a summary table or --format json.
    Exit 0 all hold, 3 some changed or tampered, 1 some unreadable or unverifiable.
    """
    from pathlib import Path

    if Path(report_file).is_dir():
        from .archive import cli_verify_dir
        from .resources import resource_dir
        dirs = [*kb_dirs, *([ctx.obj.kb_dir] if ctx.obj.kb_dir else []), str(resource_dir("kb"))]
        _guard(ctx, lang, lambda: ctx.exit(cli_verify_dir(report_file, dirs, public_key, fmt, jobs, lang,
                                                          ctx.obj.limits)), json_errors=fmt == "json")
        return

    from .report import _load_key, choose_kb, choose_ruleset, read_report, recorded_ruleset, report_kb
    from .ruleset import words as ruleset_words
    from .report import verify as verify_report

    def candidates():
        """The KBs to look in, loaded one at a time as needed: --kb of verify, then of pyreason,
        then the shipped one; a rule set stands for its documents."""
        seen: set[Path] = set()
        yielded: set[Path] = set()

        def each(kb: Any):
            for k in getattr(kb, "kbs", None) or [kb]:
                if Path(k.kb_dir).resolve() not in yielded:
                    yielded.add(Path(k.kb_dir).resolve())
                    yield k
        from .ruleset import RuleSet, is_ruleset
        for d in kb_dirs:
            if Path(d).resolve() not in seen:
                seen.add(Path(d).resolve())
                try:
                    loaded = RuleSet(d, **ctx.obj.limits) if is_ruleset(d) else KnowledgeBase(d, **ctx.obj.limits)
                except PyreasonError as exc:
                    raise _fail(exc, lang) from None
                yield from each(loaded)
        from .resources import resource_dir
        for d in (ctx.obj.kb_dir, None):
            where = Path(d).resolve() if d else resource_dir("kb").resolve()
            if where in seen or where in yielded:
                continue
            seen.add(where)
            if d == ctx.obj.kb_dir:
                yield from each(ctx.obj.kb(lang))
            else:
                try:
                    yield from each(KnowledgeBase(None, **ctx.obj.limits))
                except PyreasonError as exc:
                    raise _fail(exc, lang) from None

    def run() -> None:
        zh = lang == "zh"
        if public_key:
            _load_key(public_key, private=False)          # an unreadable key: one line, exit 1, first
        embedded, sealed = read_report(report_file)
        failed = False
        if sealed.problem is not None:
            failed = True
            if sealed.problem == "missing":
                why = ("报告没有摘要（已被删除，或报告生成于摘要功能之前），无法确认其文本未被改动"
                       if zh else "the report carries no digest (it was removed, or the report predates "
                                  "digests): its text cannot be shown unchanged")
            elif sealed.problem == "appended":
                why = ("报告的文本在生成后被改动：摘要行之后有新增内容或摘要行被改动" if zh else
                       "the report's text was changed after it was written: something follows its "
                       "digest line, or that line was altered")
            else:
                why = (f"报告的文本在生成后被改动（记录的摘要 {sealed.recorded}，现在的 {sealed.actual}）" if zh else
                       f"the report's text was changed after it was written (digest recorded "
                       f"{sealed.recorded}, now {sealed.actual})")
            click.echo(f"{report_file}: {why}")
        if public_key:
            if sealed.signature is None:
                failed = True
                click.echo(f"{report_file}: " + ("报告未签名" if zh else "the report is not signed"))
            elif not sealed.signature_ok(public_key):
                failed = True
                click.echo(f"{report_file}: " + (
                    f"签名与公钥 {public_key} 不符（报告由密钥 {sealed.key_id} 签名）" if zh else
                    f"the signature does not match the public key {public_key} "
                    f"(the report was signed with key {sealed.key_id})"))
            elif sealed.problem is None:
                click.echo(f"{report_file}: " + (f"签名有效（密钥 {sealed.key_id}）" if zh else
                                                 f"the signature is valid (key {sealed.key_id})"))
        elif sealed.signature is not None:
            click.echo((f"注意：报告由密钥 {sealed.key_id} 签名，未核对签名（加 --public-key 公钥文件）" if zh else
                        f"note: the report is signed with key {sealed.key_id}; the signature was not "
                        f"checked (pass --public-key PUB.pem)"))
        if recorded_ruleset(embedded) is not None:      # made with a rule set: re-run on one of its documents
            kb = choose_ruleset(report_file, embedded, candidates())
            click.echo(ruleset_words()[lang]["ruleset_report_checked"].format(
                name=f"“{kb.set_name}”" if zh and kb.set_name else f'"{kb.set_name}"' if kb.set_name else "",
                documents=("、" if zh else ", ").join(f"{k.name} {k.version or ''}".strip() for k in kb.kbs)))
        else:
            kb = choose_kb(report_file, embedded, candidates())
        result = verify_report(kb, report_file, embedded)
        if hasattr(kb, "kb_for"):
            kb = next((k for k in kb.kbs if k.fingerprint == result.new_fingerprint), kb.principal)
        if result.kb_changed:
            was = report_kb(embedded)
            old = f"{was['version'] or '?'} {result.old_fingerprint}" if was["name"] else result.old_fingerprint
            new = f"{kb.version or '?'} {result.new_fingerprint}" if was["name"] else result.new_fingerprint
            click.echo((f"注意：知识库已变化：{kb.name}（{old} → {new}）"
                        if zh else f"note: the knowledge base changed: {kb.name} ({old} -> {new})"))
        if result.holds:
            click.echo(f"{report_file}: " + ("结论仍然成立。" if zh else "the answer still holds."))
        else:
            failed = True
            click.echo(f"{report_file}: " + ("结论已变化：" if zh else "the answer changed:"))
            for name, old, new in result.differences:
                click.echo(f"  {name}: {json.dumps(old, ensure_ascii=False)} → {json.dumps(new, ensure_ascii=False)}")
        if failed:
            ctx.exit(3)
    _guard(ctx, lang, run)


@main.command()
@click.option("--kb", "kb_dir", type=click.Path(file_okay=False, exists=True),
              help="The knowledge base to check (default: the one given to pyreason, else the shipped kb/).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option("--mutate", is_flag=True, help="Also remove or weaken each rule in turn and report mutants no case kills.")
@click.option("--scenarios", type=click.Path(file_okay=False, exists=True),
              help="The cases to run (default: the KB's own cases/).")
@click.option("--budget", type=click.IntRange(min=0), default=10000, show_default=True,
              help="Scenarios tried per question kind in the exhaustive run (0: none).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here instead of stdout.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@LANG
@click.pass_context
def check(ctx: click.Context, kb_dir: str | None, fmt: str, strict: bool, mutate: bool,
          scenarios: str | None, budget: int, output: str | None, force: bool, lang: str) -> None:
    """Check a knowledge base (for CI): what it declares, from its own declarations.

    \b
    Loading errors with file:line, unsafe goals, citations, cross-references
    (against the text), readings, names, coverage per article and paragraph,
    the invariants the KB declares (check_violation/4), every question over the
    scenarios the declarations span (explore/2), the text's own gaps and
    drift; the KB's cases, with clause coverage; with --mutate, mutation testing.
    \b
    Example:
      pyreason check --format junit -o check.xml
      pyreason check --kb ../our-court/kb --strict
    Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors.
    """
    from pathlib import Path

    from .check import default_scenarios, exit_code, render_json, render_junit, render_text, run_check
    from .render import citation_label
    from .report import write_atomic
    from .resources import resource_dir

    def run() -> int:
        directory = Path(kb_dir or ctx.obj.kb_dir or resource_dir("kb"))
        from .ruleset import check_ruleset, is_ruleset
        if is_ruleset(directory):            # a rule set: every conflict between its documents
            return check_ruleset(directory, fmt, lang, strict, output, force, ctx.obj.limits)
        cases = Path(scenarios) if scenarios else default_scenarios(directory)
        tty = sys.stderr.isatty()

        def progress(n: int, total: int) -> None:
            if tty:
                click.echo(f"\rmutants {n}/{total}", err=True, nl=(n == total))
        result = run_check(directory, cases, mutate=mutate, progress=progress, budget=budget)
        if fmt == "json":
            text = render_json(result)
        elif fmt == "junit":
            text = render_junit(result, strict)
        else:
            document = None
            if result["coverage"]:
                from . import bridge
                document = bridge.call(result["kb"]["module"], {"op": "articles"})
            text = render_text(result, lang, (lambda c: citation_label(c, document, lang)) if document else None)
        if output:
            write_atomic(output, text.encode("utf-8"), force=force)
        else:
            click.echo(text, nl=False)
        return exit_code(result, strict)
    ctx.exit(_guard(ctx, lang, run))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--kb", "kb_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="A knowledge base directory to serve (repeatable: several are served at once, the "
                   "first by default; default: the one given to pyreason, else the shipped kb/).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host header is NAME (repeatable). On loopback only "
                   "localhost, 127.0.0.1 and [::1] are answered otherwise (against DNS rebinding).")
@click.option("--access-log/--no-access-log", default=True, show_default=True,
              help="One line on stderr per request.")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Worker processes answering questions, each with its own Prolog engine (default: one per core).")
@click.option("--budget", type=click.FloatRange(0.1, 3600), default=10.0, show_default=True,
              help="Seconds one request may take in all, waiting included; past it the request is stopped.")
@click.option("--batch-budget", type=click.FloatRange(0.1, 86400), default=600.0, show_default=True,
              help="Seconds one POST /api/batch may take in all.")
@click.option("--queue", "queue_bound", type=click.IntRange(0, 100000), default=None,
              help="Requests that may wait for a busy worker before the next is refused with 503 "
                   "and Retry-After (default: 32 per worker).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, kb_dirs: tuple[str, ...], allow_hosts: tuple[str, ...],
          access_log: bool, workers: int | None, budget: float, batch_budget: float,
          queue_bound: int | None) -> None:
    """Serve the page for analysts and the HTTP API (POST /api/ask, /api/batch; GET /api/articles,
    /api/check, /api/kbs; the OpenAPI description at /openapi.json).

    \b
    With several --kb, each request chooses one by name: the selector on the page,
    ?kb=NAME on the API (GET /api/kbs lists them); the first is the default.
    Example:
      pyreason serve            # then open http://127.0.0.1:8000/
      pyreason serve --kb kb --kb ../our-court/kb
      pyreason serve --allow-host pyreason.internal    # reached through a proxy under that name
      pyreason serve --workers 4 --budget 5            # four engines; no request over 5 s
    """
    from .extras import require
    try:
        require("web", {"zh": "pyreason serve ", "en": "pyreason serve"})
    except PyreasonError as exc:
        raise _fail(exc, "zh") from None
    from .web import KBs, bind, is_loopback
    from .web import serve as run_server

    def run() -> None:
        from .ruleset import is_ruleset, words as ruleset_words
        for d in (kb_dirs or ([ctx.obj.kb_dir] if ctx.obj.kb_dir else [])):
            if is_ruleset(d):                  # not served yet: one line, before anything is loaded
                raise CLIError("错误：" + ruleset_words()["zh"]["ruleset_not_served"].format(path=d) + " / error: "
                               + ruleset_words()["en"]["ruleset_not_served"].format(path=d))
        if kb_dirs:
            kbs = []
            for d in kb_dirs:
                try:
                    kbs.append(KnowledgeBase(d, **ctx.obj.limits))
                except PyreasonError as exc:
                    raise _fail(exc, "zh") from None
        else:
            kbs = [ctx.obj.kb("zh")]
        KBs(kbs)                               # two KBs of one name: refused here, before listening
        try:
            sock = bind(host, port)            # a busy port: one line, before the URL is announced
        except OSError as exc:
            raise CLIError(f"错误：无法在 {host}:{port} 上监听（{exc.strerror or exc}）/ "
                           f"error: cannot listen on {host}:{port} ({exc.strerror or exc})") from None
        if not is_loopback(host):
            click.echo(f"警告：在 {host} 上监听，本机以外的计算机也能访问。/ warning: listening on {host}, "
                       "reachable from other machines.", err=True)
        names = ", ".join(f"{k.name} {k.version or ''}".strip() for k in kbs)
        shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
        click.echo(f"pyreason: http://{shown}:{port}/  ({names}; Ctrl-C stops)", err=True)
        run_server(host, port, kbs, allow_hosts=allow_hosts, access_log=access_log, sock=sock,
                   workers=workers, budget=budget, batch_budget=batch_budget, queue_bound=queue_bound)
    _guard(ctx, "zh", run)

# `pyreason new` is added on first use (_Group), from pyreason.newkb.


if __name__ == "__main__":  # pragma: no cover
    entry()
