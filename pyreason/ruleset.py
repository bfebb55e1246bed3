"""Versions by date, and precedence between the documents of a rule set (issue 15, parts 1-2).

Knows no regulation. What a KB declares about its document (docs/kb-guide.md, "Versions and
rule sets": ``document_id/1``, ``version_label/2``, ``issued/1``, ``in_force/2``,
``version_reading/1``, ``issuer/1``, ``level/1``, ``level_above/2``, ``amends/2``,
``prevails/2``) is read through ``pyreason/prolog/ruleset.pl``; this module

* chooses the version in force on a scenario's ``date`` (default: today, or ``PYREASON_TODAY``)
  and stamps the answer with it (``version``), or answers a gap for a date outside it;
* loads a **rule set** (``ruleset.yaml``: KB directories, relative to the file), asks every
  document in force on the date, and where two answer differently applies the documents' own
  precedence rules (``precedence``), or answers a gap naming both answers;
* lists, for ``pyreason check``, every conflict between documents over the declared scenarios.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from time import time as _time
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from . import bridge
from .errors import KBError, ScenarioError

_PROLOG = Path(__file__).resolve().parent / "prolog" / "ruleset.pl"
_loaded = False
_VERSIONS: dict[str, dict[str, Any]] = {}

RULESET_FILE = "ruleset.yaml"


# -- the Prolog side ---------------------------------------------------------------------------

def _call(request: dict[str, Any]) -> dict[str, Any]:
    """One request to pyreason_ruleset:ruleset_json/2 (JSON text through the C interface)."""
    global _loaded
    if not _loaded:
        def load() -> None:
            engine = bridge._ENGINE
            if engine is None:
                raise KBError("no knowledge base is loaded")
            engine.run(f"atom_codes(F, {bridge._codes(_PROLOG)}), load_files(F, [if(not_loaded)])")
        bridge.on_engine(load)
        _loaded = True
    return bridge._call_json("pyreason_ruleset", "ruleset_json", request, here=True)   # (short)


def version_info(kb: Any) -> dict[str, Any]:
    """What ``kb`` declares about its version and document, as plain data:
    ``{document_id, labels: {zh, en}, issued, in_force: [{from, until}], readings: [{id, zh, en,
    citations}], issuer, level, level_above: [[hi, lo]], amends: {previous, changes} | None,
    prevails: [{which, whose, citation}]}``; dates as ISO strings, ``until`` None for open.
    ``document_id`` falls back to the KB's name."""
    key = kb.fingerprint
    if key not in _VERSIONS:
        info = _call({"op": "versions", "kb": kb.module})
        if "error" in info:
            raise KBError(f"{kb.kb_dir}: its version declarations cannot be read: {info['error']}")
        info["document_id"] = info.get("document_id") or kb.name
        _VERSIONS[key] = info
    return _VERSIONS[key]


def declares_versions(kb: Any) -> bool:
    """Whether ``kb`` says when it is in force (else it is in force on every date)."""
    return bool(version_info(kb)["in_force"])


# -- dates -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """The engine's words for versions and precedence (reports/versions.yaml)."""
    from .render import _read_yaml
    from .resources import resource_dir
    return _read_yaml(resource_dir("reports") / "versions.yaml")


def _w(lang: str, key: str, **kw: Any) -> str:
    text = words()[lang][key]
    return text.format(**kw) if kw else text


def today() -> _dt.date:
    """Today, or ``PYREASON_TODAY`` (ISO) where set (for reproducible runs)."""
    fixed = os.environ.get("PYREASON_TODAY")
    if fixed:
        try:
            return _dt.date.fromisoformat(fixed.strip())
        except ValueError:
            raise KBError(f"PYREASON_TODAY: {fixed!r} is not an ISO date (2024-03-01)") from None
    global _TODAY
    day, since, until = _TODAY
    now = _time()
    if not since <= now < until:            # (read once a day, not at every ask: ~1 µs of ~20)
        day = _dt.date.today()
        until = _dt.datetime.combine(day + _dt.timedelta(days=1), _dt.time()).timestamp()
        _TODAY = (day, now, until)
    return day


#: Today, read at ``since`` and good until local midnight (time.time() values); read again
#: when the clock is outside that span, set back included.
_TODAY: tuple[Any, float, float] = (None, 0.0, 0.0)


def parse_date(value: Any, source: str, field: str = "date") -> _dt.date:
    """A scenario's date: ISO (``2024-03-01``), as Chinese legal text writes it
    (``2024年3月1日``, ``二〇二四年三月一日``: the engine's own parser), or a YAML date."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str) or not value.strip() or len(value) > 40:
        raise ScenarioError(source, field, {lang: _w(lang, "date_type") for lang in ("zh", "en")},
                            code="invalid_date")
    text = value.strip()
    when = _DATES.get(text)
    if when is None:
        reply = _call({"op": "date", "value": text})
        when = (_dt.date(reply["year"], reply["month"], reply["day"])
                if not reply.get("invalid") and "year" in reply else False)
        if len(_DATES) >= 4096:            # bounded: a stream of distinct dates reads them afresh
            _DATES.clear()
        _DATES[text] = when
    if when is False:
        raise ScenarioError(source, field, {lang: _w(lang, "date_invalid") for lang in ("zh", "en")},
                            code="invalid_date")
    return when


#: The dates read from text (the engine's parser, a function of the text alone): text -> date,
#: or False for a text that is no date.
_DATES: dict[str, _dt.date | bool] = {}


def scenario_date(scenario: dict[str, Any], source: str) -> tuple[_dt.date, bool]:
    """The date a scenario asks about and whether it gave one. The scenario's ``date`` is
    normalised in place to its ISO form (so that it can be embedded as JSON)."""
    if scenario.get("date") is None:
        return today(), False
    when = parse_date(scenario["date"], source)
    scenario["date"] = when.isoformat()
    return when, True


def _iso(d: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(d) if d else None


def _fmt_date(d: str | _dt.date, lang: str) -> str:
    d = _dt.date.fromisoformat(d) if isinstance(d, str) else d
    return f"{d.year}年{d.month}月{d.day}日" if lang == "zh" else d.isoformat()


def _periods(info: dict[str, Any]) -> list[tuple[_dt.date, _dt.date | None]]:
    return [(_iso(p["from"]), _iso(p["until"])) for p in info["in_force"]]


def _within(periods: list[tuple[_dt.date, _dt.date | None]], when: _dt.date) -> bool:
    return any(start <= when and (until is None or when <= until) for start, until in periods)


def _period_text(info: dict[str, Any], lang: str) -> str:
    parts = []
    for p in info["in_force"]:
        if p["until"]:
            parts.append(_w(lang, "in_force_period", **{"from": _fmt_date(p["from"], lang),
                                                        "until": _fmt_date(p["until"], lang)}))
        else:
            parts.append(_w(lang, "in_force_from", **{"from": _fmt_date(p["from"], lang)}))
    return ("；" if lang == "zh" else "; ").join(parts)


def _doc_name(kb: Any, lang: str, label: str | None = None) -> str:
    """A document as an answer names it: 《title》（number，version label）."""
    doc = kb.document["document"]
    title, number = doc.get("title") or kb.name, doc.get("number")
    extra = [x for x in (number, label) if x]
    if lang == "zh":
        return f"《{title}》" + (f"（{'，'.join(extra)}）" if extra else "")
    return f"\u300a{title}\u300b" + (f" ({', '.join(extra)})" if extra else "")


def version_object(kb: Any, when: _dt.date, given: bool, lang: str) -> dict[str, Any]:
    """The ``version`` object of an answer: which version of which document answered, and why."""
    info = version_info(kb)
    doc = kb.document["document"]
    label = info["labels"].get(lang) or info["labels"].get("zh")
    period = _period_text(info, lang)
    chosen = _w(lang, "date_given" if given else "date_today", date=_fmt_date(when, lang))
    sep = "，" if lang == "zh" else "; "
    text = f"{doc.get('number') or doc.get('title') or kb.name} {label or ''}{sep if label else ''}{period}{sep}{chosen}"
    return {"document": info["document_id"], "kb": kb.name, "number": doc.get("number"),
            "title": doc.get("title"), "label": label,
            "in_force": [{"from": p["from"], "until": p["until"]} for p in info["in_force"]],
            "date": when.isoformat(), "date_given": given,
            "heading": _w(lang, "version"), "text": text}


# -- one KB: its own in-force period ------------------------------------------------------------

def single_version(kb: Any, scenario: dict[str, Any], lang: str, source: str
                   ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """For one KB: (the ``version`` object to stamp the answer with, or None where the KB
    declares no version; a gap answer where the date lies outside its in-force period, else
    None)."""
    given = scenario.get("date") is not None
    if not given and not declares_versions(kb):
        return None, None
    when, given = scenario_date(scenario, source)
    if not declares_versions(kb):
        return None, None
    version = version_object(kb, when, given, lang)
    if _within(_periods(version_info(kb)), when):
        return version, None
    return version, not_in_force_answer(kb, scenario["question"], version, lang)


def stamp(answer: dict[str, Any], version: dict[str, Any] | None, kb: Any, lang: str) -> dict[str, Any]:
    """The answer with its ``version``; where the scenario gave the date, the readings the
    version's dates rest on join its interpretations."""
    if version is None:
        return answer
    answer["version"] = version
    if version["date_given"]:
        have = {i.get("id") for i in answer.get("interpretations", [])}
        for r in version_info(kb)["readings"]:
            if r["id"] not in have and r.get("zh"):
                answer.setdefault("interpretations", []).append(
                    {"id": r["id"], "text": r["en"] if lang == "en" else r["zh"],
                     "citations": r["citations"]})
    return answer


def _empty_answer(kb: Any, question: str) -> dict[str, Any]:
    for q in kb.declarations["questions"]:
        if q["kind"] == question:
            return {f["field"]: None for f in q["answer"]}
    return {}


def not_in_force_answer(kb: Any, question: str, version: dict[str, Any], lang: str) -> dict[str, Any]:
    """The gap answer of a KB asked about a date outside its in-force period."""
    text = _w(lang, "not_in_force", document=_doc_name(kb, lang, version["label"]),
              period=_period_text(version_info(kb), lang), date=_fmt_date(version["date"], lang))
    return {"question": question, "status": "gap", "answer": _empty_answer(kb, question),
            "citations": [], "explanation": [{"text": text, "citations": [], "kind": "why_not",
                                              "rule": "not_in_force"}],
            "gaps": [{"id": "not_in_force", "text": text, "citations": []}],
            "interpretations": [], "kb": kb.identity, "version": version}


# -- rule sets ---------------------------------------------------------------------------------

def is_ruleset(path: str | Path | None) -> bool:
    """Whether ``path`` is a rule set: a ruleset.yaml, or a directory holding one."""
    if path is None:
        return False
    p = Path(path)
    return (p.is_dir() and (p / RULESET_FILE).is_file()) or (p.is_file() and p.name == RULESET_FILE)


def read_manifest(path: str | Path) -> tuple[str | None, list[Path]]:
    """The rule set's name and its KB directories, from ruleset.yaml: YAML's safe loader, no
    aliases, no key twice; every problem one line naming the file and the field."""
    import yaml
    p = Path(path)
    file = p / RULESET_FILE if p.is_dir() else p
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KBError(f"{file}: cannot be read ({exc})") from None
    from . import safeyaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=loader)):
            raise KBError(f"{file}: uses YAML aliases (*name); write the paths out")
        data = safeyaml.load(text)        # a key given twice is an error, not the last one winning
    except safeyaml.YamlInputError as exc:
        where = f"{file}: line {exc.line}" if exc.line else str(file)
        raise KBError({"zh": f"{where}: {exc.messages['zh']}", "en": f"{where}: {exc.messages['en']}"}) from None
    except yaml.YAMLError as exc:
        raise KBError(f"{file}: not valid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise KBError(f"{file}: must be a mapping with documents: [KB directories]")
    unknown = sorted(set(data) - {"name", "documents"})
    if unknown:
        raise KBError(f"{file}: {unknown[0]}: unknown field (known: name, documents)")
    docs = data.get("documents")
    if not isinstance(docs, list) or not docs or not all(isinstance(d, str) and d.strip() for d in docs):
        raise KBError(f"{file}: documents: must be a non-empty list of KB directories, relative to the file")
    name = data.get("name")
    if name is not None and not isinstance(name, str):
        raise KBError(f"{file}: name: must be text")
    dirs = []
    for i, d in enumerate(docs):
        where = (file.parent / d).resolve()
        if not (where / "pyreason.pl").is_file():
            raise KBError(f"{file}: documents[{i}]: {d} is not a knowledge base directory (no pyreason.pl)")
        if where in dirs:
            raise KBError(f"{file}: documents[{i}]: {d} is listed twice")
        dirs.append(where)
    return name, dirs


class RuleSet:
    """Several KBs loaded together: the documents of one court, each in its versions.

    Answers as :class:`KnowledgeBase` does (``ask``, ``ask_file``, ``ask_many``), on the
    scenario's ``date``, by the document in force on that date; where several documents in
    force answer differently, by their declared precedence. ``kb_for(answer)`` is the KB whose
    text an answer cites (for rendering and reports)."""

    def __init__(self, path: str | Path, time_limit: float = 10.0, inference_limit: int = 50_000_000):
        from .kb import KnowledgeBase
        self.path = Path(path).resolve()
        self.manifest = self.path / RULESET_FILE if self.path.is_dir() else self.path
        set_name, dirs = read_manifest(self.path)
        self._setup(set_name, [KnowledgeBase(d, time_limit=time_limit, inference_limit=inference_limit)
                               for d in dirs], time_limit, inference_limit)

    @classmethod
    def from_kbs(cls, kbs: list[Any], name: str | None = None) -> "RuleSet":
        """A rule set of KBs already loaded, in the order given (the order a manifest lists them
        in: it breaks ties of rank): what ``verify`` rebuilds from the documents a report records."""
        rs = cls.__new__(cls)
        rs.path = rs.manifest = Path(name or "ruleset")
        rs._setup(name, list(kbs), kbs[0].time_limit, kbs[0].inference_limit)
        return rs

    def _setup(self, set_name: str | None, kbs: list[Any], time_limit: float, inference_limit: int) -> None:
        self.set_name, self.kbs = set_name, kbs
        names = [k.name for k in self.kbs]
        for k in self.kbs:
            if names.count(k.name) > 1:
                raise KBError(f"{self.manifest}: two documents are the knowledge base {k.name}; "
                              "each version needs a kb_name of its own")
        self.infos = {k.name: version_info(k) for k in self.kbs}
        self._levels = self._level_order()
        self.time_limit, self.inference_limit = time_limit, inference_limit

    # -- what the rule set is, for the CLI and reports (its latest, highest document) --

    @property
    def principal(self) -> Any:
        """The document that speaks for the set where one must: the highest level, then the
        latest issued, then the first listed."""
        return sorted(self.kbs, key=self._rank_key)[0]

    def _rank_key(self, kb: Any) -> tuple[Any, ...]:
        info = self.infos[kb.name]
        issued = info.get("issued") or (info["in_force"][0]["from"] if info["in_force"] else "0000-00-00")
        return (-self._level_rank(info.get("level")), _neg_date(issued), self.kbs.index(kb))

    def __getattr__(self, name: str) -> Any:       # document, declarations, labels, name, ...
        if name in ("kbs", "infos", "_levels"):
            raise AttributeError(name)
        return getattr(self.principal, name)

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q for k in self.kbs for q in k.questions))

    def question_part(self, scenario: dict[str, Any]) -> dict[str, Any]:
        """The fields of a scenario that bear on the answer of any document of the set (a
        report embeds them all: a fact only an overridden document declares still counts)."""
        out: dict[str, Any] = {}
        for k in self.kbs:
            if scenario.get("question") in k.questions:
                part = k.question_part(scenario)
                facts = {**(out.get("facts") or {}), **(part.get("facts") or {})}
                out.update(part)
                if facts:
                    out["facts"] = facts
        if "date" in scenario:
            out["date"] = scenario["date"]
        return out or dict(scenario)

    def record(self, answer: dict[str, Any]) -> dict[str, Any]:
        """What a report made with this rule set records of it (``ruleset`` in its embedded
        data): the set's name, the date it answered on, and every document of the set, in the
        manifest's order, by identity (never a path), so ``verify`` can rebuild it."""
        prec = answer.get("precedence") or {}
        return {"name": self.set_name, "date": prec.get("date"),
                "documents": [{**k.identity, "document": self.infos[k.name]["document_id"],
                               "label": self.infos[k.name]["labels"].get("zh")} for k in self.kbs]}

    def kb_for(self, answer: dict[str, Any]) -> Any:
        """The KB that gave ``answer`` (its citations are that document's)."""
        name = (answer.get("kb") or {}).get("name")
        return next((k for k in self.kbs if k.name == name), self.principal)

    # -- levels and precedence --

    def _level_order(self) -> dict[str, set[str]]:
        """Each level and the levels below it (the closure of every level_above/2 of the set)."""
        below: dict[str, set[str]] = {}
        for info in self.infos.values():
            for hi, lo in info["level_above"]:
                below.setdefault(hi, set()).add(lo)
        changed = True
        while changed:
            changed = False
            for hi in list(below):
                more = set().union(*(below.get(lo, set()) for lo in below[hi])) - below[hi]
                if more:
                    below[hi] |= more
                    changed = True
        for hi, los in below.items():
            if hi in los:
                raise KBError(f"{self.manifest}: the levels' order (level_above/2) has a cycle through {hi}")
        return below

    def _level_rank(self, level: str | None) -> int:
        return len(self._levels.get(level, ())) if level else 0

    def _above(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        return bool(a.get("level")) and b.get("level") in self._levels.get(a["level"], set())

    def rule_over(self, winner: Any, other: Any) -> dict[str, Any] | None:
        """The first precedence rule ``winner`` declares that covers ``other``, or None."""
        w, o = self.infos[winner.name], self.infos[other.name]
        for rule in w["prevails"]:
            which, whose = rule["which"], rule["whose"]
            if whose == "same_issuer" and not (w.get("issuer") and w["issuer"] == o.get("issuer")):
                continue
            if whose not in ("same_issuer", "any_issuer"):
                continue
            if which == "earlier":
                if not (w.get("issued") and o.get("issued") and o["issued"] < w["issued"]):
                    continue
            elif which == "lower_level":
                if not self._above(w, o):
                    continue
            elif which != "any":
                continue
            return rule
        return None

    def beats(self, a: Any, b: Any) -> dict[str, Any] | None:
        """The rule by which ``a``'s answer stands against ``b``'s, or None: a rule of ``a``
        covering ``b``, unless ``b`` has one covering ``a`` too and ``a`` is not of a higher level."""
        rule = self.rule_over(a, b)
        if rule is None:
            return None
        if self.rule_over(b, a) is not None and not self._above(self.infos[a.name], self.infos[b.name]):
            return None
        return rule

    # -- which versions are in force --

    def in_force(self, when: _dt.date) -> list[Any]:
        """One KB per document in force on ``when``: the version whose period holds the date and
        that no later version (of the same document_id, in force by then) has superseded."""
        by_doc: dict[str, list[Any]] = {}
        for k in self.kbs:
            by_doc.setdefault(self.infos[k.name]["document_id"], []).append(k)
        out = []
        for versions in by_doc.values():
            started = []
            for k in versions:
                periods = _periods(self.infos[k.name])
                first = min((start for start, _ in periods), default=_dt.date.min)
                if first <= when:
                    started.append((first, -versions.index(k), k))
            if started:
                latest = max(started, key=lambda t: (t[0], t[1]))[2]
                periods = _periods(self.infos[latest.name])
                if not periods or _within(periods, when):
                    out.append(latest)
        return sorted(out, key=self._rank_key)

    # -- asking --

    def validate(self, scenario: Any, source: str = "<scenario>") -> dict[str, Any]:
        """The scenario's shape, as one of the set's documents takes it (question kinds and
        facts of every document of the set)."""
        if not isinstance(scenario, dict):
            return self.principal.validate(scenario, source)
        question = scenario.get("question")
        owners = [k for k in self.kbs if question in k.questions]
        if not owners:
            from .scenario import closest
            raise ScenarioError(source, "question",
                                {lang: _w(lang, "ruleset_question_unknown") + f": {question!r}" for lang in ("zh", "en")},
                                closest(str(question), self.questions) or list(self.questions))
        facts = scenario.get("facts")
        if isinstance(facts, dict):
            for name in facts:
                if not any(_declares_fact(k, question, name) for k in owners):
                    raise ScenarioError(source, f"facts.{name}",
                                        {lang: _w(lang, "ruleset_fact_unknown") for lang in ("zh", "en")},
                                        code="unknown_fact")
        return scenario

    def ask_file(self, path: str, lang: str = "zh") -> dict[str, Any]:
        from .scenario import load_scenario_file
        return self.ask(load_scenario_file(path), lang=lang, source=path)

    def ask_many(self, scenarios: list[Any], lang: str = "zh", source: str = "<batch>",
                 chunk: int = 1000, progress: Any = None, lines: list[int] | None = None) -> list[dict[str, Any]]:
        from .kb import _error_object
        numbers = lines or list(range(1, len(scenarios) + 1))
        out = []
        for i, scenario in enumerate(scenarios):
            try:
                if isinstance(scenario, ScenarioError):
                    raise scenario
                out.append(self.ask(scenario, lang, f"{source}:{numbers[i]}"))
            except ScenarioError as exc:
                out.append(_error_object(numbers[i], exc, lang))
            if progress:
                progress(i + 1, len(scenarios))
        return out

    def answer_jsonl(self, lines: Iterable[bytes | None], write: Any, lang: str = "zh", source: str = "<batch>",
                     chunk: int = 1000, progress: Any = None) -> Any:
        """``batch`` on a rule set: each JSON line answered by :meth:`ask` (one scenario at a time:
        each line may name its own date), written as it is made; the counts of answered, gap and
        error lines (as ``KnowledgeBase.answer_jsonl``)."""
        from types import SimpleNamespace
        from .kb import _error_object
        count = SimpleNamespace(lines=0, answered=0, gaps=0, errors=0)
        for number, raw in enumerate(lines, 1):
            count.lines = number
            if raw is not None and not raw.strip():
                continue
            try:
                if raw is None:
                    raise ScenarioError(f"{source}:{number}", None, {"zh": "行过长", "en": "the line is too long"})
                try:
                    scenario = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
                    raise ScenarioError(f"{source}:{number}", None, {"zh": f"JSON 语法错误：{exc}",
                                                                     "en": f"JSON syntax error: {exc}"},
                                        code="syntax") from None
                answer = self.ask(scenario, lang, f"{source}:{number}")
                count.answered += 1
                count.gaps += answer["status"] == "gap"
                out = answer
            except ScenarioError as exc:
                count.errors += 1
                out = _error_object(number, exc, lang)
            write((json.dumps(out, ensure_ascii=False) + "\n").encode("utf-8"))
            if progress and number % chunk == 0:
                progress(count)
        if progress:
            progress(count)
        return count

    def ask_with_flips(self, scenario: dict[str, Any], lang: str = "zh", source: str = "<scenario>") -> dict[str, Any]:
        """The answer; the flips are the prevailing document's own (none where no document
        prevails: a conflict no rule decides, or no document in force)."""
        answer = self.ask(scenario, lang, source)
        kb = self.kb_for(answer)
        if (answer.get("precedence") or {}).get("prevailed"):
            try:
                sub = _only_declared(kb, scenario)[0]
                answer["flips"] = kb.ask_with_flips(sub, lang, source).get("flips", [])
            except ScenarioError:
                answer["flips"] = []
        else:
            answer["flips"] = []
        return answer

    def ask(self, scenario: dict[str, Any], lang: str = "zh", source: str = "<scenario>") -> dict[str, Any]:
        """Answer one scenario by the documents in force on its date (default today)."""
        self.validate(scenario, source)
        when, given = scenario_date(scenario, source)
        question = scenario["question"]
        docs = [k for k in self.in_force(when) if question in k.questions]
        if not docs:
            return self._none_in_force(question, when, given, lang)
        answers: list[tuple[Any, dict[str, Any], list[str]]] = []
        silent: list[tuple[Any, ScenarioError]] = []
        for k in docs:
            sub, dropped = _only_declared(k, scenario)
            try:
                answers.append((k, k.ask(sub, lang, source), dropped))
            except ScenarioError as exc:
                silent.append((k, exc))
        if not answers:
            raise silent[0][1]
        return self._decide(question, answers, silent, lang)

    def _none_in_force(self, question: str, when: _dt.date, given: bool, lang: str) -> dict[str, Any]:
        kb = next((k for k in sorted(self.kbs, key=self._rank_key) if question in k.questions), self.principal)
        listed = ("；" if lang == "zh" else "; ").join(
            f"{_doc_name(k, lang, self.infos[k.name]['labels'].get(lang))}{_period_text(self.infos[k.name], lang)}"
            if lang == "zh" else
            f"{_doc_name(k, lang, self.infos[k.name]['labels'].get(lang))}, {_period_text(self.infos[k.name], lang)}"
            for k in self.kbs)
        text = _w(lang, "none_in_force", date=_fmt_date(when, lang), documents=listed)
        answer = {"question": question, "status": "gap", "answer": _empty_answer(kb, question),
                  "citations": [], "explanation": [{"text": text, "citations": [], "kind": "why_not",
                                                    "rule": "no_version_in_force"}],
                  "gaps": [{"id": "no_version_in_force", "text": text, "citations": []}],
                  "interpretations": [], "kb": kb.identity,
                  "version": None,
                  "precedence": {"date": when.isoformat(), "date_given": given, "documents": [],
                                 "conflict": False, "prevailed": None, "rules": [], "overridden": [],
                                 "not_answering": []}}
        return answer

    def _decide(self, question: str, answers: list[tuple[Any, dict[str, Any], list[str]]],
                silent: list[tuple[Any, ScenarioError]], lang: str) -> dict[str, Any]:
        """One answer from the documents' answers: the agreeing one, the prevailing one, or a gap."""
        from .render import answer_rows
        def entry(k: Any, a: dict[str, Any], dropped: list[str]) -> dict[str, Any]:
            return {"document": self.infos[k.name]["document_id"], "kb": k.name,
                    "number": k.document["document"].get("number"), "title": k.document["document"].get("title"),
                    "label": self.infos[k.name]["labels"].get(lang) or self.infos[k.name]["labels"].get("zh"),
                    "status": a["status"], "answer": a["answer"], "citations": a["citations"],
                    "facts_left_out": dropped, "summary": summary(k, a)}
        def summary(k: Any, a: dict[str, Any]) -> str:
            if a["status"] == "gap" and not any(v not in (None, []) for v in a["answer"].values()):
                return _w(lang, "gap_status")
            rows = answer_rows(a, lang, k)
            sep = "，" if lang == "zh" else ", "
            colon = "：" if lang == "zh" else ": "
            return sep.join(f"{label}{colon}{value}" for label, value in rows) or _w(lang, "gap_status")
        def name(k: Any) -> str:
            return _doc_name(k, lang, self.infos[k.name]["labels"].get(lang) or k.name)

        docs = [k for k, _, _ in answers]
        by = {k.name: (a, d) for k, a, d in answers}
        conflicts = {(x.name, y.name) for x in docs for y in docs
                     if x is not y and _differ(x, by[x.name][0], y, by[y.name][0])}
        precedence: dict[str, Any] = {
            "date": None, "date_given": None,
            "documents": [entry(k, by[k.name][0], by[k.name][1]) for k in docs],
            "conflict": bool(conflicts), "prevailed": None, "rules": [], "overridden": [],
            "not_answering": [{"document": self.infos[k.name]["document_id"], "kb": k.name,
                               "reason": exc.messages.get(lang) or exc.messages.get("zh"),
                               "field": exc.field} for k, exc in silent]}
        notes = [_w(lang, "not_answering", document=name(k), reason=exc.line(lang)) for k, exc in silent]
        for k, _, dropped in answers:
            if dropped:
                notes.append(_w(lang, "facts_dropped", document=name(k),
                                facts=("、" if lang == "zh" else ", ").join(f"facts.{f}" for f in dropped)))
        if not conflicts:
            k = docs[0]                                     # the highest-ranked speaks for all
            out = dict(by[k.name][0])
            others = [name(o) for o in docs[1:]]
            if others:
                notes.append(_w(lang, "agreeing", documents=("、" if lang == "zh" else ", ").join(others)))
            precedence["prevailed"] = {"document": self.infos[k.name]["document_id"], "kb": k.name}
            return self._finish(out, precedence, notes)
        winners = []
        for w in docs:
            rules = {}
            for o in docs:
                if (w.name, o.name) in conflicts:
                    rule = self.beats(w, o)
                    if rule is None:
                        break
                    rules[o.name] = rule
            else:
                winners.append((w, rules))
        if winners:
            w, rules = winners[0]
            out = dict(by[w.name][0])
            steps = []
            for o in docs:
                if o.name not in rules:
                    continue
                rule = rules[o.name]
                cite = rule["citation"]
                text = _provision_text(w, cite).rstrip("。；.")
                from .render import citation_label
                label = citation_label(cite, w.document, lang)
                steps.append({"text": _w(lang, "prevailed", other=name(o), answer=summary(o, by[o.name][0]),
                                         cite=label, text=text, winner=name(w)),
                              "citations": [cite], "kind": "because", "rule": "precedence"})
                precedence["rules"].append({"document": self.infos[w.name]["document_id"], "kb": w.name,
                                            "which": rule["which"], "whose": rule["whose"],
                                            "citation": cite, "text": text, "over": o.name})
                precedence["overridden"].append(entry(o, by[o.name][0], by[o.name][1]) |
                                                {"explanation": by[o.name][0]["explanation"],
                                                 "version": by[o.name][0].get("version")})
            precedence["prevailed"] = {"document": self.infos[w.name]["document_id"], "kb": w.name}
            out["explanation"] = list(out["explanation"]) + steps
            cites = list(out["citations"])
            for s in steps:
                for c in s["citations"]:
                    if c not in cites:
                        cites.append(c)
            out["citations"] = cites
            return self._finish(out, precedence, notes)
        # No declared rule decides: a gap naming every answer.
        k = docs[0]
        base = by[k.name][0]
        names = ("、" if lang == "zh" else ", ").join(name(d) for d in docs)
        listed = ("；" if lang == "zh" else "; ").join(
            f"{name(d)}{'：' if lang == 'zh' else ': '}{summary(d, by[d.name][0])}" for d in docs)
        text = _w(lang, "unresolved", documents=names, answers=listed)
        out = {"question": question, "status": "gap", "answer": {f: None for f in base["answer"]},
               "citations": [], "explanation": [{"text": text, "citations": [], "kind": "why_not",
                                                 "rule": "unresolved_conflict"}],
               "gaps": [{"id": "unresolved_conflict", "text": text, "citations": []}],
               "interpretations": [], "kb": base["kb"], "version": base.get("version")}
        precedence["overridden"] = []
        return self._finish(out, precedence, notes)

    def _finish(self, out: dict[str, Any], precedence: dict[str, Any], notes: list[str]) -> dict[str, Any]:
        version = out.get("version") or {}
        precedence["date"], precedence["date_given"] = version.get("date"), version.get("date_given")
        for n in notes:
            out["explanation"] = list(out["explanation"]) + [{"text": n, "citations": [], "kind": "note",
                                                              "rule": "ruleset_note"}]
        out["precedence"] = precedence
        return out


def _neg_date(iso: str) -> tuple[int, ...]:
    y, m, d = (int(x) for x in iso.split("-"))
    return (-y, -m, -d)


def _declares_fact(kb: Any, question: str, name: str) -> bool:
    for f in kb.declarations["facts"]:
        if f["name"] == name and ("for" not in f["options"] or question in f["options"]["for"]):
            return True
    return False


def _only_declared(kb: Any, scenario: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The scenario without the facts ``kb`` does not declare (and which they were)."""
    facts = scenario.get("facts")
    if not isinstance(facts, dict):
        return scenario, []
    dropped = [n for n in facts if not _declares_fact(kb, scenario["question"], n)]
    if not dropped:
        return scenario, []
    return {**scenario, "facts": {n: v for n, v in facts.items() if n not in dropped}}, dropped


def _differ(ka: Any, a: dict[str, Any], kb_: Any, b: dict[str, Any]) -> bool:
    """Two documents' answers conflict: their status differs, or a field both declare holds a
    value in both, and the values differ."""
    if a["status"] != b["status"]:
        return True
    common = set(a["answer"]) & set(b["answer"])
    return any(a["answer"][f] is not None and b["answer"][f] is not None and a["answer"][f] != b["answer"][f]
               for f in common)


def _provision_text(kb: Any, cite: dict[str, Any]) -> str:
    """The verbatim text of a provision of ``kb``'s document."""
    for art in kb.document["articles"]:
        if art["number"] != cite["article"]:
            continue
        paras = art["paragraphs"] if cite.get("paragraph") is None else \
            [p for p in art["paragraphs"] if p["number"] == cite["paragraph"]]
        texts = []
        for p in paras:
            if cite.get("item") is None:
                texts.append(p["text"] + "".join(i["text"] for i in p["items"]))
            else:
                texts.extend(i["text"] for i in p["items"] if i["number"] == cite["item"])
        return "".join(texts)
    return ""


# -- rendering ---------------------------------------------------------------------------------

def version_suffix(answer: dict[str, Any]) -> str:
    """What follows each citation of a versioned answer: （2023年试行文本）."""
    version = answer.get("version") or {}
    label = version.get("label")
    if not label or not (version.get("date_given") or "precedence" in answer):
        return ""
    return f"（{label}）" if any("\u4e00" <= ch <= "\u9fff" for ch in label) else f" ({label})"


def render_text(answer: dict[str, Any], lang: str) -> str:
    """The version and precedence block of a text answer ('' when the answer has neither)."""
    lines = []
    version = answer.get("version")
    prec = answer.get("precedence")
    if version:
        head = _w(lang, "date_given" if version["date_given"] else "date_today",
                  date=_fmt_date(version["date"], lang))
        doc = f"《{version['title']}》" + (f"（{version['number']}）" if version.get("number") else "") if lang == "zh" \
            else f"\u300a{version['title']}\u300b" + (f" ({version['number']})" if version.get("number") else "")
        period = ("；" if lang == "zh" else "; ").join(
            _w(lang, "in_force_period", **{"from": _fmt_date(p["from"], lang), "until": _fmt_date(p["until"], lang)})
            if p["until"] else _w(lang, "in_force_from", **{"from": _fmt_date(p["from"], lang)})
            for p in version["in_force"])
        sep = "：" if lang == "zh" else ": "
        lines.append(f"{_w(lang, 'version')}{sep}{doc} {version['label'] or ''}（{period}）".rstrip()
                     if lang == "zh" else f"{_w(lang, 'version')}{sep}{doc} {version['label'] or ''} ({period})")
        lines.append(f"  {head}")
    if prec and (prec.get("conflict") or len(prec.get("documents", [])) > 1):
        sep = "：" if lang == "zh" else ": "
        lines.append(f"{_w(lang, 'precedence')}{sep}".rstrip())
        won = (prec.get("prevailed") or {}).get("kb")
        for d in prec["documents"]:
            mark = _w(lang, "mark_kept") if d["kb"] == won else \
                _w(lang, "mark_overridden") if won and prec.get("conflict") else \
                _w(lang, "mark_agrees") if won else _w(lang, "mark_unresolved")
            name = f"{d['number'] or d['title']}（{d['label']}）" if lang == "zh" else f"{d['number'] or d['title']} ({d['label']})"
            lines.append(f"  {mark}{sep}{name}{sep}{d['summary']}")
    return ("\n" + "\n".join(lines) + "\n") if lines else ""


def _answer_brief(d: dict[str, Any], lang: str) -> str:
    return d.get("summary") or _w(lang, "answer_none")


# -- check: conflicts between documents ---------------------------------------------------------

def conflict_scenarios(rs: RuleSet, budget: int = 1000) -> list[dict[str, Any]]:
    """The scenarios a rule set's conflict check tries, for the question kinds two documents
    (not two versions of one) both answer: each document's declared scenario space and its
    cases (``pyreason.diff.scenario_space``, the exhaustive space of ``check``, at most
    ``budget`` per question kind), else its cases and every value of its one required name
    input."""
    import json as _json
    owners: dict[str, set[str]] = {}
    for k in rs.kbs:
        for q in k.questions:
            owners.setdefault(q, set()).add(rs.infos[k.name]["document_id"])
    shared = {q for q, docs in owners.items() if len(docs) > 1}
    out: list[dict[str, Any]] = []
    seen: set[str] = set()

    def add(s: dict[str, Any]) -> None:
        if s.get("question") not in shared:
            return
        s = {k: v for k, v in s.items() if k not in _NOT_ASKED}
        key = _json.dumps(s, sort_keys=True, ensure_ascii=False, default=str)
        if key not in seen:
            seen.add(key)
            out.append(_json.loads(key))
    for k in rs.kbs:
        if not shared & set(k.questions):
            continue
        try:
            from .diff import scenario_space
            for q in scenario_space(k, budget=budget):
                for s in q["scenarios"]:
                    add(s)
            continue
        except (ImportError, AttributeError, KeyError, TypeError):
            pass
        from .scenario import load_scenario_file
        for path in sorted((k.kb_dir / "cases").glob("*.yaml")):
            try:
                case = load_scenario_file(str(path))
            except ScenarioError:
                continue
            if isinstance(case, dict) and "error" not in (case.get("expect") or {}):
                add(case)
        for q in k.declarations["questions"]:
            required = [i for i in q["inputs"] if i["options"].get("required")]
            if len(required) == 1 and required[0]["type"]["type"] == "name":
                for entry in k.vocabulary["kinds"].get(required[0]["type"]["kind"], []):
                    add({"question": q["kind"], required[0]["field"]: entry["name"]})
    return out


_NOT_ASKED = ("title", "rests_on", "expect", "description", "notes", "case_number", "date")


def change_dates(rs: RuleSet) -> list[_dt.date]:
    """One date in each stretch of time over which the same documents are in force: each day a
    version comes into force (and the day after one ends)."""
    days = set()
    for info in rs.infos.values():
        for p in info["in_force"]:
            days.add(_iso(p["from"]))
            if p["until"]:
                days.add(_iso(p["until"]) + _dt.timedelta(days=1))
    return sorted(days)


def find_conflicts(rs: RuleSet, lang: str = "zh") -> dict[str, Any]:
    """Every conflict between documents of the rule set over the declared scenarios, on each
    stretch of dates with its own documents in force: {dates, scenarios, conflicts: [{date,
    scenario, documents: [{kb, status, answer}], prevailed, rules}]}."""
    scenarios = conflict_scenarios(rs)
    conflicts = []
    dates = change_dates(rs)
    asked = 0
    for when in dates:
        if len(rs.in_force(when)) < 2:
            continue
        for s in scenarios:
            scenario = dict(s, date=when.isoformat())
            try:
                a = rs.ask(scenario, lang, "<check>")
            except ScenarioError:
                continue
            asked += 1
            prec = a.get("precedence") or {}
            if prec.get("conflict"):
                conflicts.append({"date": when.isoformat(), "scenario": s,
                                  "documents": [{"kb": d["kb"], "number": d["number"], "label": d["label"],
                                                 "status": d["status"], "answer": d["answer"],
                                                 "summary": d["summary"]}
                                                for d in prec["documents"]],
                                  "prevailed": (prec.get("prevailed") or {}).get("kb"),
                                  "rules": [{"kb": r["kb"], "citation": r["citation"], "over": r["over"]}
                                            for r in prec["rules"]],
                                  "status": a["status"]})
    return {"ruleset": str(rs.manifest), "documents": [k.name for k in rs.kbs],
            "dates": [d.isoformat() for d in dates], "scenarios": len(scenarios), "asked": asked,
            "conflicts": conflicts}


def render_conflicts(result: dict[str, Any], lang: str, rs: RuleSet) -> str:
    from .render import citation_label
    lines = [f"{_w(lang, 'conflicts_title')}（{result['ruleset']}）" if lang == "zh"
             else f"{_w(lang, 'conflicts_title')} ({result['ruleset']})"]
    if not result["conflicts"]:
        lines.append("  " + _w(lang, "conflicts_none"))
    for c in result["conflicts"]:
        scen = json.dumps(c["scenario"], ensure_ascii=False)
        docs = ("；" if lang == "zh" else "; ").join(
            f"{d['number'] or d['kb']}→{_answer_brief(d, lang)}" for d in c["documents"])
        lines.append("  " + _w(lang, "conflict_line", date=c["date"], scenario=scen, documents=docs))
        if c["rules"]:
            r = c["rules"][0]
            kb = next(k for k in rs.kbs if k.name == r["kb"])
            lines.append("    " + _w(lang, "resolved_by", cite=citation_label(r["citation"], kb.document, lang),
                                     winner=kb.document["document"].get("number") or kb.name))
        else:
            lines.append("    " + _w(lang, "unresolved_short"))
    n = len(result["conflicts"])
    lines.append((f"共 {n} 处冲突；{result['scenarios']} 个情形，{len(result['dates'])} 个日期段，问答 {result['asked']} 次。"
                  if lang == "zh" else
                  f"{n} conflicts; {result['scenarios']} scenarios, {len(result['dates'])} stretches of dates, {result['asked']} answers."))
    return "\n".join(lines) + "\n"


def check_ruleset(directory: str | Path, fmt: str, lang: str, strict: bool, output: str | None,
                  force: bool, limits: dict[str, Any]) -> int:
    """``pyreason check`` on a rule set: every conflict between its documents over the declared
    scenarios, on each stretch of dates. Exit 1 where a conflict is left to no precedence rule
    (with ``strict``, where there is any conflict), else 0."""
    import json as _json
    import click
    rs = RuleSet(directory, **limits)
    result = find_conflicts(rs, lang)
    unresolved = [c for c in result["conflicts"] if not c["rules"]]
    if fmt == "json":
        text = _json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "junit":
        from xml.sax.saxutils import escape, quoteattr
        cases = []
        for c in result["conflicts"]:
            name = quoteattr(f"{c['date']} {_json.dumps(c['scenario'], ensure_ascii=False)}")
            body = "" if c["rules"] and not strict else \
                f"<failure message={quoteattr(_w(lang, 'unresolved_short') if not c['rules'] else 'conflict')}>" \
                f"{escape(_json.dumps(c, ensure_ascii=False))}</failure>"
            cases.append(f'  <testcase classname="ruleset.conflicts" name={name}>{body}</testcase>')
        failures = len(result["conflicts"]) if strict else len(unresolved)
        text = (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="pyreason-ruleset" '
                f'tests="{len(cases)}" failures="{failures}">\n' + "\n".join(cases) + "\n</testsuite>\n")
    else:
        text = render_conflicts(result, lang, rs)
    if output:
        from .report import write_atomic
        write_atomic(output, text.encode("utf-8"), force=force)
    else:
        click.echo(text, nl=False)
    return 1 if unresolved or (strict and result["conflicts"]) else 0
