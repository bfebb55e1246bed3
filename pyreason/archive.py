"""``pyreason verify DIR``: re-verify every report in a case-file archive.

Each report (html, md, txt or pdf, anywhere under DIR) is checked as ``pyreason verify FILE``
checks one: its seal first, then its scenario re-run on the knowledge base it names. Reports
are shared out among worker processes, each with its own Prolog engine and the KBs given.

A report is checked against the version it was written under (the KB with its fingerprint,
else with its name and version, else with its name), and, where another version of the same
document is in force today among the KBs given, against that one too: the answer still holds
for the text it cites, and the clerk learns whether the text in force would answer otherwise.

Statuses: ``holds``, ``changed`` (the answer differs on its own version), ``tampered`` (the
report's bytes changed after it was written, or its signature does not match), ``unreadable``
(a damaged report, a file that cannot be read, or a report whose KB was not given) and
``skipped`` (a file with a report's extension that pyreason did not write). Exit codes: 0 all
hold; 3 some changed or tampered; 1 some unreadable, or bad input (none of them found, a KB
that does not load).
"""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from .errors import PyreasonError

#: The files looked at: what ``pyreason report`` writes.
SUFFIXES = (".html", ".htm", ".md", ".txt", ".pdf")
ARCHIVE_VERSION = 1
STATUSES = ("holds", "changed", "tampered", "unreadable", "skipped")


class ArchiveError(PyreasonError):
    """Bad input for ``verify DIR``: one line naming the path."""

    def __init__(self, path: str, messages: dict[str, str]):
        self.path, self.messages = path, messages
        super().__init__(self.line("en"))

    def line(self, lang: str = "zh") -> str:
        return f"{self.path}: {self.messages.get(lang) or self.messages['zh']}"


def find_reports(root: str | Path) -> list[Path]:
    """Every file under ``root`` with a report's extension, in path order (hidden files and
    directories, and the temporaries of an interrupted write, are left out)."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                out.append(Path(dirpath) / name)
    return out


def expand_kb_dirs(dirs: list[str]) -> list[str]:
    """KB directories; a directory holding a rule set (``ruleset.yaml``: ``documents:``, paths
    relative to the file) stands for its documents."""
    out: list[str] = []
    for d in dirs:
        from .ruleset import is_ruleset, read_manifest
        if not (Path(d) / "pyreason.pl").is_file() and is_ruleset(d):
            out += [str(p) for p in read_manifest(d)[1]]   # the manifest's own checks, one line each
        else:
            out.append(str(Path(d).resolve()))
    return list(dict.fromkeys(out))


# -- the KBs and the versions in force ----------------------------------------------------

def load_kbs(kb_dirs: list[str], limits: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:
    """Each KB loaded, with what it says of its version (document, label, dates in force)."""
    from . import bridge
    from .diff import _load_checker
    from .kb import KnowledgeBase
    out = []
    for d in kb_dirs:
        kb = KnowledgeBase(d, **limits)
        _load_checker(kb)
        info = bridge.call_check({"op": "version", "kb": kb.module})
        out.append((kb, info))
    return out


def in_force(kbs: list[tuple[Any, dict[str, Any]]], document: str | None, today: str) -> Any:
    """The version of ``document`` in force on ``today`` among ``kbs``: of those in force then
    (from ≤ today ≤ until), the one in force latest; without dates, the highest version."""
    same = [(kb, info) for kb, info in kbs if info.get("document_id") == document and document]
    if not same:
        return None
    dated = [(kb, info) for kb, info in same if info.get("in_force_from")]
    if dated:
        now = [(kb, info) for kb, info in dated if info["in_force_from"] <= today
               and (not info.get("in_force_until") or today <= info["in_force_until"])]
        if not now:
            return None
        return max(now, key=lambda p: p[1]["in_force_from"])[0]
    return max(same, key=lambda p: _version_key(p[0].version))[0]


def _version_key(v: str | None) -> tuple:
    parts = []
    for x in (v or "").replace("-", ".").split("."):
        parts.append((0, int(x), "") if x.isdigit() else (1, 0, x))
    return tuple(parts)


def own_kb(kbs: list[tuple[Any, dict[str, Any]]], recorded: dict[str, Any]) -> tuple[Any, str] | None:
    """The KB a report was written with: (kb, "fingerprint" | "version" | "name"), by how
    closely it matches what the report records; None when no KB given has its name."""
    for kb, _ in kbs:
        if recorded.get("fingerprint") and kb.fingerprint == recorded["fingerprint"]:
            return kb, "fingerprint"
    for kb, _ in kbs:
        if kb.name == recorded.get("name") and kb.version == recorded.get("version"):
            return kb, "version"
    for kb, _ in kbs:
        if kb.name == recorded.get("name"):
            return kb, "name"
    if not recorded.get("name") and kbs:
        return kbs[0][0], "name"
    return None


# -- one worker ---------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _init(kb_dirs: list[str], limits: dict[str, Any], public_key: str | None, today: str, lang: str) -> None:
    _STATE.update(kb_dirs=kb_dirs, limits=limits, public_key=public_key, today=today, lang=lang, kbs=None)


def _kbs() -> list[tuple[Any, dict[str, Any]]]:
    if _STATE.get("kbs") is None:
        _STATE["kbs"] = load_kbs(_STATE["kb_dirs"], _STATE["limits"])
    return _STATE["kbs"]


def _verify_chunk(paths: list[str]) -> list[dict[str, Any]]:
    return [check_report(p, _kbs(), _STATE["public_key"], _STATE["today"]) for p in paths]


def _diffs(result: Any) -> list[dict[str, Any]]:
    return [{"field": f, "recorded": a, "now": b} for f, a, b in result.differences]


def check_report(path: str, kbs: list[tuple[Any, dict[str, Any]]], public_key: str | None,
                 today: str) -> dict[str, Any]:
    """One report's verification, as data (the ``reports[]`` entry of the JSON output)."""
    from .report import ReportError, read_report, recorded_ruleset, report_kb, verify
    out: dict[str, Any] = {"path": path, "status": None, "reason": None, "kb": None, "checked_with": None,
                           "match": None, "differences": [], "in_force": None}
    try:
        embedded, sealed = read_report(path)
    except ReportError as exc:
        try:
            raw = Path(path).read_bytes()
            ours = b"pyreason" in raw
        except OSError:
            ours = True
        out["status"] = "unreadable" if ours else "skipped"
        out["reason"] = exc.messages
        return out
    except PyreasonError as exc:       # e.g. a PDF without the pdf extra
        out["status"], out["reason"] = "unreadable", {"zh": exc.line("zh") if hasattr(exc, "line") else str(exc),
                                                      "en": exc.line("en") if hasattr(exc, "line") else str(exc)}
        return out
    recorded = report_kb(embedded)
    out["kb"] = recorded
    out["case_number"] = embedded.get("case_number")
    if sealed.problem is not None:
        out["status"] = "tampered"
        out["reason"] = _SEAL_WORDS[sealed.problem]
        return out
    if public_key:
        if sealed.signature is None or not sealed.signature_ok(public_key):
            out["status"] = "tampered"
            out["reason"] = ({"zh": "报告未签名", "en": "the report is not signed"} if sealed.signature is None else
                             {"zh": f"签名与公钥不符（报告由密钥 {sealed.key_id} 签名）",
                              "en": f"the signature does not match the public key (signed with key {sealed.key_id})"})
            return out
    if recorded_ruleset(embedded) is not None:       # made with a rule set: re-run on a set of its documents
        return _check_ruleset_report(out, path, embedded, kbs)
    found = own_kb(kbs, recorded)
    if found is None:
        out["status"] = "unreadable"
        version = recorded.get("version") or "?"
        out["reason"] = {"zh": f"报告由知识库 {recorded.get('name')}（版本 {version}）生成，所给知识库中没有它（用 --kb 指定其目录）",
                         "en": f"the report was made with the knowledge base {recorded.get('name')} (version {version}), "
                               f"which is not among those given (pass its directory with --kb)"}
        return out
    kb, match = found
    result = verify(kb, path, embedded)
    out["checked_with"], out["match"] = kb.identity, match
    out["differences"] = _diffs(result)
    out["status"] = "holds" if result.holds else "changed"
    info = next(i for k, i in kbs if k is kb)
    current = in_force(kbs, info.get("document_id"), today)
    if current is not None and current is not kb:
        now = verify(current, path, embedded)
        out["in_force"] = {"kb": current.identity, "differs": not now.holds, "differences": _diffs(now)}
    return out


_RULESETS: dict[tuple[int, ...], Any] = {}


def _check_ruleset_report(out: dict[str, Any], path: str, embedded: dict[str, Any],
                          kbs: list[tuple[Any, dict[str, Any]]]) -> dict[str, Any]:
    """A report made with a rule set: re-run on the rule set of the documents it records, found
    among the KBs given (unreadable, naming the documents missing, where some are not)."""
    from .report import match_documents, missing_words, recorded_ruleset, verify
    from .ruleset import RuleSet
    recorded = recorded_ruleset(embedded)
    found, missing = match_documents(recorded, [kb for kb, _ in kbs])
    if missing:
        out["status"], out["reason"] = "unreadable", missing_words(recorded, missing)
        return out
    key = tuple(id(k) for k in found)
    if key not in _RULESETS:
        _RULESETS[key] = RuleSet.from_kbs(found, recorded.get("name"))
    result = verify(_RULESETS[key], path, embedded)
    out["checked_with"], out["match"] = result.kb, "ruleset"
    out["ruleset"] = {"name": recorded.get("name"), "documents": [k.identity for k in found]}
    out["differences"] = _diffs(result)
    out["status"] = "holds" if result.holds else "changed"
    return out


_SEAL_WORDS = {
    "missing": {"zh": "报告没有摘要（已被删除，或报告生成于摘要功能之前），无法确认其文本未被改动",
                "en": "the report carries no digest (removed, or the report predates digests): its text "
                      "cannot be shown unchanged"},
    "appended": {"zh": "报告的文本在生成后被改动：摘要行之后有新增内容或摘要行被改动",
                 "en": "the report's text was changed after it was written: something follows its digest "
                       "line, or that line was altered"},
    "digest": {"zh": "报告的文本在生成后被改动（摘要不符）",
               "en": "the report's text was changed after it was written (the digest does not match)"},
}


# -- the whole archive -----------------------------------------------------------------------

def verify_dir(root: str, kb_dirs: list[str], limits: dict[str, Any], public_key: str | None = None,
               jobs: int | None = None, lang: str = "zh", progress: Any = None,
               today: str | None = None) -> dict[str, Any]:
    """Verify every report under ``root`` with ``jobs`` worker processes; the JSON shape of
    docs/questions.md ("Archive verification")."""
    started = time.monotonic()
    today = today or date.today().isoformat()
    if not Path(root).is_dir():
        raise ArchiveError(root, {"zh": "不是目录", "en": "is not a directory"})
    kb_dirs = expand_kb_dirs(kb_dirs)
    kbs = load_kbs(kb_dirs, limits)                  # bad KBs fail here, once, before any worker
    files = [str(p) for p in find_reports(root)]
    if not files:
        raise ArchiveError(root, {"zh": "其中没有报告文件（.html、.md、.txt、.pdf）",
                                  "en": "holds no report files (.html, .md, .txt, .pdf)"})
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    size = max(1, min(16, len(files) // (jobs * 4) or 1))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    results: list[dict[str, Any]] = []
    context = multiprocessing.get_context("spawn")    # never fork a process that runs Prolog
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init,
                                                initargs=(kb_dirs, limits, public_key, today, lang)) as pool:
        futures = [pool.submit(_verify_chunk, c) for c in chunks]
        for future in concurrent.futures.as_completed(futures):
            results += future.result()
            if progress:
                progress(len(results), len(files))
    results.sort(key=lambda r: r["path"])
    for r in results:
        r["path"] = os.path.relpath(r["path"], root)
    summary = {s: sum(1 for r in results if r["status"] == s) for s in STATUSES}
    summary["reports"] = len(results)
    summary["in_force_differs"] = sum(1 for r in results if r["in_force"] and r["in_force"]["differs"])
    summary["workers"] = jobs
    summary["seconds"] = round(time.monotonic() - started, 2)
    return {"pyreason_verify": ARCHIVE_VERSION, "root": str(root), "date": today,
            "kbs": [{**kb.identity, "document_id": info.get("document_id"), "label": info.get("label"),
                     "in_force_from": info.get("in_force_from"), "in_force_until": info.get("in_force_until")}
                    for kb, info in kbs],
            "summary": summary, "reports": results}


def exit_code(result: dict[str, Any]) -> int:
    """1 when a report could not be read or verified; else 3 when one changed or was tampered
    with; else 0."""
    s = result["summary"]
    if s["unreadable"]:
        return 1
    return 3 if s["changed"] or s["tampered"] else 0


def render_text(result: dict[str, Any], lang: str = "zh") -> str:
    """The summary table, then one line per report that does not simply hold."""
    from .render import labels
    w = labels(lang)["archive"]
    s = result["summary"]
    colon = "：" if lang == "zh" else ": "
    out = [w["title"].format(root=result["root"], n=s["reports"], workers=s["workers"], seconds=s["seconds"]), ""]
    width = max(_width(w[k]) for k in STATUSES) + 2
    for k in STATUSES:
        out.append(f"  {w[k]}{' ' * (width - _width(w[k]))}{s[k]:>6}")
    out.append(f"  {w['in_force_differs'].format(n=s['in_force_differs'])}")
    out.append("")
    for r in result["reports"]:
        if r["status"] == "holds" and not (r["in_force"] and r["in_force"]["differs"]):
            continue
        if r["status"] == "skipped":
            continue
        line = f"{r['path']}{colon}{w[r['status']]}"
        if r["reason"]:
            line += f"{colon}{r['reason'].get(lang) or r['reason']['zh']}"
        out.append(line)
        if r["checked_with"]:
            kb = r["checked_with"]
            out.append("  " + w["checked_with"].format(name=kb["name"], version=kb.get("version") or "?",
                                                       match=w["match"][r["match"]]))
        for d in r["differences"]:
            out.append(f"    {d['field']}{colon}{_j(d['recorded'])} → {_j(d['now'])}")
        if r["in_force"] and r["in_force"]["differs"]:
            kb = r["in_force"]["kb"]
            out.append("  " + w["in_force"].format(name=kb["name"], version=kb.get("version") or "?"))
            for d in r["in_force"]["differences"]:
                out.append(f"    {d['field']}{colon}{_j(d['recorded'])} → {_j(d['now'])}")
    code = exit_code(result)
    out.append("")
    out.append(w["exit"][str(code)])
    return "\n".join(out) + "\n"


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _j(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False)


def render_json(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def terminal_progress(lang: str) -> Any:
    """A progress line on stderr when it is a terminal (else nothing)."""
    if not sys.stderr.isatty():
        return None
    word = "已核对" if lang == "zh" else "verified"

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r{word} {done}/{total}")
        if done == total:
            sys.stderr.write("\r" + " " * (len(word) + 2 * len(str(total)) + 3) + "\r")
        sys.stderr.flush()
    return show


def cli_verify_dir(root: str, kb_dirs: list[str], public_key: str | None, fmt: str, jobs: int | None,
                   lang: str, limits: dict[str, Any]) -> int:
    """``pyreason verify DIR``: progress on a terminal, the summary (text or JSON) on stdout,
    and the exit code."""
    import click
    if public_key:
        from .report import _load_key
        _load_key(public_key, private=False)      # an unreadable key: one line, exit 1, first
    result = verify_dir(root, kb_dirs, limits, public_key=public_key, jobs=jobs, lang=lang,
                        progress=terminal_progress(lang))
    click.echo(render_json(result) if fmt == "json" else render_text(result, lang), nl=False)
    return exit_code(result)
