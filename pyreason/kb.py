"""The Python API: a knowledge base that answers scenarios as plain values."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from . import bridge
from .errors import InternalError, KBError, ScenarioError, not_a_kb
from .resources import kb_fingerprint, resource_dir
from .scenario import ScenarioSchema, closest, load_scenario_file

LANGS = ("zh", "en")

_LOADS: Callable[[bytes], Any] | None = None


def _read_reply(raw: bytes) -> Any:
    """An answer's JSON (UTF-8) as Python values: orjson reads it in a third of the time of
    json (~5 µs against ~14 for an answer: a third of a remembered ``ask``), imported at the
    first answer read (the first question goes the long way: a one-shot ``ask`` never
    imports it). Where orjson is missing, or refuses what json reads, json reads it."""
    global _LOADS
    if _LOADS is None:
        try:
            from orjson import loads
        except ImportError:
            loads = json.loads
        _LOADS = loads
    try:
        return _LOADS(raw)
    except ValueError:
        return json.loads(raw.decode("utf-8"))


_DUMPS: Callable[[Any], bytes] | None = None


def _scenario_line(scenario: dict[str, Any]) -> bytes | None:
    """The scenario as one line of compact JSON (UTF-8), or None where it is not plain JSON (a
    key that is not text, a lone surrogate, a number JSON cannot hold, nesting beyond 254):
    orjson writes it in a tenth of json's time. orjson writes NaN and infinities as null,
    which json refuses: a line with a null is written again by json, which refuses them."""
    global _DUMPS
    if _DUMPS is None:
        try:
            from orjson import dumps
        except ImportError:
            dumps = None
        _DUMPS = dumps or _json_line
    try:
        line = _DUMPS(scenario)
        return _json_line(scenario) if b"null" in line else line
    except (TypeError, ValueError, RecursionError, OverflowError):   # (orjson.JSONEncodeError: a TypeError)
        return None


def _json_line(scenario: Any) -> bytes:
    return json.dumps(scenario, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def _today() -> Any:
    from .ruleset import today
    global _today
    _today = today            # (imported once: the import statement costs a remembered ask 5 %)
    return today()


class KnowledgeBase:
    """A loaded knowledge base: the shipped one, or another court's, in a directory built as
    docs/kb-guide.md describes. Several may be loaded in one process.

    >>> kb = KnowledgeBase()                 # or KnowledgeBase("path/to/kb")
    >>> kb.questions                         # the question kinds it declares
    >>> kb.ask({"question": ..., ...})       # the contract's answer: status, answer, citations, ...
    """

    def __init__(self, kb_dir: str | Path | None = None, time_limit: float = 10.0,
                 inference_limit: int = 50_000_000):
        """Load the KB in ``kb_dir`` (default: the shipped one). One question may take
        ``time_limit`` seconds and ``inference_limit`` Prolog inferences; beyond either it is refused."""
        self.time_limit = time_limit
        self.inference_limit = inference_limit
        self.kb_dir = Path(kb_dir).resolve() if kb_dir else resource_dir("kb")
        self.entry = self.kb_dir / "pyreason.pl"
        if not self.entry.is_file():
            raise not_a_kb(self.kb_dir)
        self.fingerprint = kb_fingerprint(self.kb_dir)
        self.module = bridge.module_for(self.fingerprint)
        # A KB other than the shipped one is vetted by the bridge: its files read, never run,
        # before anything of it is loaded, and its predicates before any of them is called.
        bridge.engine_for(self.entry, self.module, cache_key=self.fingerprint)
        self.declarations: dict[str, Any] = bridge.call(self.module, {"op": "declarations"})
        if "error" in self.declarations:
            why = self.declarations["error"].get("message")
            raise KBError({"zh": f"{self.kb_dir}: 其声明无法读取：{why}",
                           "en": f"{self.kb_dir}: its declarations cannot be read: {why}"})
        self.schema = ScenarioSchema(self.declarations)
        self.name: str = self.declarations["kb"].get("name") or self.kb_dir.name
        self.version: str | None = self.declarations["kb"].get("version")
        self._field_order = {q["kind"]: [f["field"] for f in q["answer"]] for q in self.declarations["questions"]}

    @property
    def questions(self) -> tuple[str, ...]:
        """The question kinds this KB answers."""
        return self.schema.questions

    @property
    def identity(self) -> dict[str, Any]:
        """What an answer or a report records of the KB that made it (no filesystem path)."""
        return {"fingerprint": self.fingerprint, "name": self.name, "version": self.version}

    def validate(self, scenario: Any, source: str = "<scenario>") -> dict[str, Any]:
        """Check a scenario's shape against this KB's declarations; raise ScenarioError."""
        return self.schema.validate(scenario, source)

    def question_part(self, scenario: dict[str, Any]) -> dict[str, Any]:
        """The fields of a scenario that bear on the answer."""
        return self.schema.question_part(scenario)

    # -- questions ---------------------------------------------------------

    def ask(self, scenario: dict[str, Any], lang: str = "zh", source: str = "<scenario>",
            deadline: float | None = None) -> dict[str, Any]:
        """Answer one scenario (a dict in the contract's shape); raise ScenarioError if it is invalid.

        ``deadline`` (a ``time.time()`` value) is the caller's whole budget: the engine stops at
        it, or at ``time_limit``, whichever comes first (a ScenarioError with code time_limit)."""
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}")
        answer = self._ask_once(scenario, lang, source, deadline)
        if answer is not None:
            return answer
        self.validate(scenario, source)
        from .ruleset import single_version, stamp     # the version in force on the scenario's date
        version, outside = single_version(self, scenario, lang, source)
        if outside is not None:
            return self._contract_order(outside)
        request = {"op": "ask", "scenario": self.question_part(scenario), "lang": lang,
                   "seconds": self.time_limit, "inferences": self.inference_limit}
        if deadline is not None:
            request["deadline"] = deadline
        reply = bridge.call(self.module, request, here=True)
        if "error" in reply:
            raise self._error(reply["error"], source)
        reply["kb"] = self.identity
        return stamp(self._contract_order(reply), version, self, lang)

    def _ask_once(self, scenario: Any, lang: str, source: str, deadline: float | None
                  ) -> dict[str, Any] | None:
        """The answer the engine gives in one hand-off (``call_ask``, as a batch answers the
        scenario's line: same validation, same answer, answers already given remembered), or
        None where the long way must answer: no date in force today, a scenario the engine
        leaves to the caller (invalid, dated, not plain JSON), a deadline nearer than the time
        limit.

        A scenario that gives a date is asked without it (the date never reaches the rules: it
        chooses the version, pyreason.ruleset), and the answer stamped as the long way stamps
        it: the date read (its errors first, as the long way checks it before asking), a date
        outside the in-force period answered by its gap, the version of that date with the
        readings its dates rest on."""
        if type(scenario) is not dict:
            return None
        if deadline is not None and deadline - time.time() < self.time_limit:
            return None
        header = self._ask_header(lang, source)
        if header is None:                  # (before the line: a one-shot ask never imports orjson,
            return None                     # whose import costs it ~5 ms: it imports uuid)
        dated = "date" in scenario
        line = _scenario_line({k: v for k, v in scenario.items() if k != "date"} if dated else scenario)
        if line is None or b"\\" in line:                  # escapes: the engine leaves them to us
            return None
        reply = bridge.call_ask(self.module, header, line)
        if not reply:
            return None
        if dated:
            from .ruleset import single_version, stamp
            version, outside = single_version(self, scenario, lang, source)
            if outside is not None:
                return self._contract_order(outside)
        answer = _read_reply(reply)
        if "error" in answer:
            raise self._error(answer["error"], source)
        return stamp(answer, version, self, lang) if dated else answer

    def _ask_header(self, lang: str, source: str) -> bytes | None:
        """The batch header (as JSON for the engine) that ``_ask_once`` answers under, made
        once per language, day and limits, from the second question on; None where no version
        is in force today, or for the first question."""
        key = (lang, _today(), self.time_limit, self.inference_limit)
        cache = self.__dict__.setdefault("_ask_headers", {})
        if key not in cache:
            if not self.__dict__.get("_asked"):
                self._asked = True          # a first question goes the long way: making the header
                return None                 # costs more than one answer (a one-shot `ask` starts faster)
            header = self._batch_header(lang, source)
            cache.clear()
            cache[key] = (json.dumps({**header, "kb": self.module}, ensure_ascii=False).encode("utf-8")
                          if header else None)
        return cache[key]

    def ask_with_flips(self, scenario: dict[str, Any], lang: str = "zh",
                       source: str = "<scenario>", deadline: float | None = None) -> dict[str, Any]:
        """The answer plus ``flips``: each single change of facts (one absence, one authorisation,
        ``major``, one vote) that would change it, with the new answer and its citations.

        The search for flips takes at most ten times ``time_limit``, and never runs past
        ``deadline`` (a ``time.time()`` value): cut short, it says so, ``flips_complete`` being
        false and ``flips_note`` saying what was not tried (else ``flips_complete`` is true)."""
        self.validate(scenario, source)
        from .ruleset import single_version, stamp     # the version in force on the scenario's date
        version, outside = single_version(self, scenario, lang, source)
        if outside is not None:
            return self._contract_order(outside) | {"flips": []}
        facts = self.labels(lang).get("facts", {})
        request = {"op": "flips", "scenario": self.question_part(scenario),
                   "fact_labels": {k: v for k, v in facts.items() if isinstance(v, str)},
                   "lang": lang, "seconds": self.time_limit * 10, "inferences": self.inference_limit * 20}
        if deadline is not None:
            request["deadline"] = deadline
        reply = bridge.call(self.module, request)
        if "error" in reply:
            raise self._error(reply["error"], source)
        answer = reply["answer"]
        answer["kb"] = self.identity
        answer = stamp(self._contract_order(answer), version, self, lang)
        answer["flips"] = [
            {"change": f["change"], "description": f["description"], "status": f["status"],
             "answer": self._contract_order({"question": answer["question"], "status": f["status"],
                                        "answer": f["answer"], "citations": f["citations"],
                                        "explanation": [], "gaps": [], "interpretations": []})["answer"],
             "citations": _cite_order(f["citations"])}
            for f in reply["flips"]]
        answer["flips_complete"] = reply.get("complete", True)
        if not answer["flips_complete"]:
            answer["flips_note"] = reply.get("note")
        return answer

    def ask_file(self, path: str, lang: str = "zh") -> dict[str, Any]:
        """Answer the scenario in a YAML or JSON file."""
        return self.ask(load_scenario_file(path), lang=lang, source=path)

    def ask_many(self, scenarios: list[Any], lang: str = "zh", source: str = "<batch>",
                 chunk: int = 1000, progress: Any = None, lines: list[int] | None = None
                 ) -> list[dict[str, Any]]:
        """Answer many scenarios in input order; one Prolog call per ``chunk``, not per scenario.

        Each result is the answer ``ask`` gives, or ``{"line": n, "status": "error", "error": {...}}``
        for a scenario that is invalid (n is ``lines[i]``, else its position from 1); the others go on.
        """
        from .ruleset import single_version, stamp     # as ask: the version in force on the date
        numbers = lines or list(range(1, len(scenarios) + 1))
        results: list[dict[str, Any] | None] = [None] * len(scenarios)
        valid: list[tuple[int, dict[str, Any]]] = []
        versions: dict[Any, tuple[Any, Any]] = {}    # by the date given (None: today), computed once
        stamps: dict[int, Any] = {}
        for i, scenario in enumerate(scenarios):
            if isinstance(scenario, ScenarioError):
                results[i] = _error_object(numbers[i], scenario, lang)
                continue
            try:
                where = f"{source}:{numbers[i]}"
                self.validate(scenario, where)
                date = scenario.get("date")
                key = (str(date), scenario["question"]) if date is not None else None
                if key not in versions:
                    versions[key] = single_version(self, scenario, lang, where)
                version, outside = versions[key]
                if outside is not None:            # not in force on that date: a gap, as ask gives
                    results[i] = self._contract_order(dict(outside))
                    continue
                stamps[i] = version
                valid.append((i, self.question_part(scenario)))
            except ScenarioError as exc:
                results[i] = _error_object(numbers[i], exc, lang)
        done = 0
        for start in range(0, len(valid), chunk):
            part = valid[start:start + chunk]
            reply = bridge.call(self.module, {"op": "batch", "scenarios": [s for _, s in part],
                                             "lang": lang, "seconds": self.time_limit,
                                             "inferences": self.inference_limit})
            for (i, _), answer in zip(part, reply["results"]):
                if "error" in answer:
                    exc = self._error(answer["error"], f"{source}:{numbers[i]}")
                    results[i] = _error_object(numbers[i], exc, lang)
                else:
                    answer["kb"] = self.identity
                    results[i] = stamp(self._contract_order(answer), stamps.get(i), self, lang)
            done += len(part)
            if progress:
                progress(done, len(valid))
        return [r for r in results if r is not None]

    def answer_jsonl(self, lines: Iterable[bytes | None], write: Callable[[bytes], Any], lang: str = "zh",
                     source: str = "<batch>", chunk: int = 1000,
                     progress: Callable[["BatchCount"], Any] | None = None) -> "BatchCount":
        """Answer a stream of JSON Lines, writing the output lines as they are made: in constant
        memory, one crossing of the bridge per ``chunk`` lines, and JSON made once, by the engine.

        ``lines`` yields each input line as bytes (without its line break; None for a line too
        long to read), line 1 first: a blank line gives no output but keeps its number. Each
        output line (bytes, passed to ``write``) is exactly what ``ask --format json`` prints
        for the line's scenario (compact), or ``{"line": n, "status": "error", "error": {...}}``
        for a line that cannot be answered (bad UTF-8, bad JSON, an invalid scenario). Returns
        the counts of answered, gap and error lines."""
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}")
        header = self._batch_header(lang, source)
        count = BatchCount()
        number = 0
        pending: list[tuple[int, bytes | None]] = []
        size = 0
        for raw in lines:
            number += 1
            count.lines = number
            if raw is not None and raw.endswith(b"\r"):
                raw = raw[:-1]
            pending.append((number, raw))
            size += len(raw or b"")
            if len(pending) >= chunk or size >= (1 << 22):
                self._answer_chunk(pending, header, write, lang, source, count)
                pending, size = [], 0
                if progress:
                    progress(count)
        if pending:
            self._answer_chunk(pending, header, write, lang, source, count)
            if progress:
                progress(count)
        return count

    def _batch_header(self, lang: str, source: str) -> dict[str, Any]:
        """What the engine needs to answer lines as ``ask`` answers them (call_batch/3), or {}
        where no version of the KB is in force today (every line is then answered as ask
        answers it)."""
        self._batch_schema()
        header = {"lang": lang, "seconds": self.time_limit, "inferences": self.inference_limit,
                  "identity": json.dumps(self.identity, ensure_ascii=False), "defer_keys": ["date"]}
        # The version in force today stamps every answer whose scenario gives no date (as ask
        # does); a line that gives a date is answered as ask answers it.
        from .ruleset import single_version
        version, outside = single_version(self, {"question": self.questions[0]}, lang, source)
        if outside is not None:
            return {}
        if version is not None:
            header["version"] = json.dumps(version, ensure_ascii=False)
        return header

    def _batch_schema(self) -> None:
        """Hand the engine each question kind's scenario schema, once (call_batch validates with it)."""
        if getattr(self, "_batch_ready", False):
            return
        questions = {}
        for kind in self.questions:
            required, optional = self.schema.fields[kind]
            questions[kind] = {"schema": self.schema.question_schema(kind),
                               "fields": ["question", "facts", *required, *optional]}
        reply = bridge.call(self.module, {"op": "batch_schema", "questions": questions})
        if "error" in reply:
            raise InternalError(f"batch: {reply['error'].get('message')}")
        self._batch_ready = True

    def _answer_chunk(self, pending: list[tuple[int, bytes | None]], header: dict[str, Any],
                      write: Callable[[bytes], Any], lang: str, source: str, count: "BatchCount") -> None:
        texts: list[str | None] = []
        for _, raw in pending:
            if raw is None:
                texts.append(None)
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                texts.append(None)
                continue
            texts.append("" if not text.strip() else text)
        # A line the engine must not see as is (not UTF-8, too long) goes as a lone backslash,
        # which it always leaves to us.
        data = "\n".join("\\" if t is None else t for t in texts).encode("utf-8", "surrogatepass")
        reply = bridge.call_batch(self.module, header, data) if header else b"*\n"
        head, _, body = reply.partition(b"\n")
        parts = head.split()
        if parts[:1] == [b"*"]:
            deferred, gaps = set(range(len(pending))), 0
        else:
            gaps = int(parts[0]) if parts else 0
            deferred = {int(x) for x in parts[1:]}
        answered = sum(1 for t in texts if t != "") - len(deferred)
        count.answered += answered
        count.gaps += gaps
        if not deferred:
            write(body)
            return
        answers = iter(body.split(b"\n"))
        out: list[bytes] = []
        for i, ((n, raw), text) in enumerate(zip(pending, texts)):
            if text == "":
                continue
            if i not in deferred:
                out.append(next(answers) + b"\n")
                continue
            result = self._answer_line(n, raw, text, lang, source)
            if result.get("status") == "error":
                count.errors += 1
            else:
                count.answered += 1
                count.gaps += result.get("status") == "gap"
            out.append(json.dumps(result, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
        write(b"".join(out))

    def _answer_line(self, n: int, raw: bytes | None, text: str | None, lang: str, source: str) -> dict[str, Any]:
        """One line the engine left to us: answered as ``ask`` answers, or its error object."""
        where = f"{source}:{n}"
        if raw is None:
            return _error_object(n, ScenarioError(where, None, {
                "zh": "该行超过长度上限，未读取", "en": "the line is longer than the limit and was not read"},
                code="too_large"), lang)
        if text is None:
            return _error_object(n, ScenarioError(where, None, {
                "zh": "该行不是 UTF-8 编码", "en": "the line is not UTF-8"}, code="syntax"), lang)
        try:
            value = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = getattr(exc, "msg", "nested too deeply")
            return _error_object(n, ScenarioError(where, None, {"zh": f"JSON 语法错误：{msg}",
                                                                "en": f"JSON syntax error: {msg}"}, code="syntax"), lang)
        if not isinstance(value, dict):
            return _error_object(n, ScenarioError(where, None, {"zh": "每行应为一个场景（JSON 对象）",
                                                                "en": "each line must be one scenario (a JSON object)"}), lang)
        try:
            return self.ask(value, lang=lang, source=where)
        except (ScenarioError, InternalError) as exc:
            return _error_object(n, exc, lang)

    def load_org(self, path: str) -> dict[str, Any]:
        """Load a staff list (YAML, JSON or CSV) so questions may name persons; raise OrgError
        listing every error (unknown post, a person in two teams, two holders of one post, a cycle)."""
        from .org import OrgError, read_chart
        rows = read_chart(path)
        reply = bridge.call(self.module, {"op": "org", "rows": rows})
        if "error" in reply:
            raise self._error(reply["error"], path)
        if reply["errors"]:
            for e in reply["errors"]:
                if e.get("category") and str(e.get("code", "")).startswith("unknown") and isinstance(e.get("value"), str):
                    e["suggestions"] = closest(e["value"], self.names(e["category"]))
            raise OrgError(path, reply["errors"], reply.get("more", 0))
        return reply["summary"]

    # -- reference data ----------------------------------------------------

    @cached_property
    def vocabulary(self) -> dict[str, Any]:
        """Every name the KB knows, per name kind: ``{"kinds": {kind: [{value, name, id, label,
        aliases, groups}]}}``."""
        return bridge.call(self.module, {"op": "vocabulary"})

    @cached_property
    def document(self) -> dict[str, Any]:
        """The document's metadata and the clean text of every article."""
        return bridge.call(self.module, {"op": "articles"})

    def readings(self, lang: str = "zh") -> dict[str, Any]:
        """Every recorded gap and interpretation of the document, with reasons and citations."""
        return bridge.call(self.module, {"op": "readings", "lang": lang})

    def article(self, number: int) -> dict[str, Any]:
        """One article's title, paragraphs and items."""
        for art in self.document["articles"]:
            if art["number"] == number:
                return art
        raise KeyError(number)

    def names(self, kind: str) -> list[str]:
        """Known names of a name kind: canonical names first, then ids and aliases."""
        entries = self.vocabulary["kinds"].get(kind, [])
        return list(dict.fromkeys([e["name"] for e in entries] +
                                  [a for e in entries for a in [e["id"], *e["aliases"]] if a]))

    def labels(self, lang: str) -> dict[str, Any]:
        """The words of rendered output in ``lang``: the engine's, with this KB's labels.yaml over them."""
        from .render import merged_labels
        return merged_labels(self.kb_dir, lang, self.declarations["kb"]["self"].get(lang) or "")

    def _contract_order(self, reply: dict[str, Any]) -> dict[str, Any]:
        """The answer with keys in the order the contract shows them and the answer fields in the
        order the KB declares them (JSON is unordered; people are not)."""
        out = {k: reply[k] for k in _TOP_ORDER if k in reply}
        out.update({k: v for k, v in reply.items() if k not in out})
        fields = out["answer"]
        order = self._field_order.get(out["question"], [])
        out["answer"] = {k: fields[k] for k in order if k in fields} | {
            k: v for k, v in fields.items() if k not in order}
        out["citations"] = _cite_order(out["citations"])
        for part in ("explanation", "gaps", "interpretations"):
            for entry in out[part]:
                entry["citations"] = _cite_order(entry["citations"])
        return out

    def _error(self, err: dict[str, Any], source: str) -> Exception:
        if err.get("code") in ("internal", "unrecorded_reading", "undeclared_input", "unknown_type"):
            return InternalError(f"{source}: {err.get('message')}")
        value = err.get("value")
        suggestions = []
        if err.get("category") and isinstance(value, str) and err["code"].startswith("unknown"):
            suggestions = closest(value, self.names(err["category"]))
        message = err.get("message") or err.get("code")
        return ScenarioError(source, err.get("field"), message, suggestions, code=err.get("code", "invalid"))


def _shipped_fingerprint() -> str | None:
    try:
        return kb_fingerprint(resource_dir("kb"))
    except FileNotFoundError:
        return None


def _error_object(line: int, exc: Exception, lang: str) -> dict[str, Any]:
    """A batch line that could not be answered, as data."""
    if isinstance(exc, ScenarioError):
        return {"line": line, "status": "error",
                "error": {"code": exc.code, "field": exc.field,
                          "message": exc.messages.get(lang) or exc.messages.get("zh"),
                          "suggestions": exc.suggestions}}
    return {"line": line, "status": "error", "error": {"code": "internal", "field": None,
                                                       "message": str(exc), "suggestions": []}}


@dataclass
class BatchCount:
    """What a batch did so far: input lines read, answers (of them gaps), lines in error."""
    lines: int = 0
    answered: int = 0
    gaps: int = 0
    errors: int = 0


_TOP_ORDER = ("question", "status", "answer", "citations", "explanation", "gaps", "interpretations", "kb")


def _cite_order(cites: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"article": c["article"], "paragraph": c["paragraph"], "item": c["item"]} for c in cites]
