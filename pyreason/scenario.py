"""Reading scenario files and checking their shape.

The shape is a JSON Schema (``SCENARIO_SCHEMA``); names (roles, matters,
meetings) are checked against the knowledge base itself, not here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import ScenarioError
from .fileio import FileError, read_input

# fastjsonschema (with the code it generates), PyYAML and difflib are imported where they are
# used: a valid scenario is accepted by a small check of its own (``_surely_valid``), a JSON
# file needs no YAML parser, and suggestions are made only for errors (issue 13: cold start).

#: Files larger than this are refused before parsing.
MAX_FILE_BYTES = 1_000_000
#: A JSON Lines batch may be larger.
MAX_BATCH_BYTES = 200_000_000

_NAME = {"type": "string", "minLength": 1, "maxLength": 200}
_TEXT = {"type": "string", "minLength": 1, "maxLength": 10000}
_VOTE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["role", "opinion"],
    "properties": {
        "role": _NAME,
        "opinion": {"type": "string", "minLength": 1, "maxLength": 10000},
        "name": {"type": "string", "maxLength": 200},
    },
}
#: Fields every question may carry that do not change the answer.
META = {
    "title": {"type": "string"},
    "description": {"type": "string"},
    "notes": {},
    "expect": {},
    "case_number": {"type": "string"},
    "rests_on": {"type": "string"},
    "date": {},          # the day asked about: checked and used by pyreason.ruleset, never sent to Prolog
}
_META = META       # the name other modules used


def type_schema(t: dict[str, Any], options: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON Schema of a value of a declared type (the engine's ``type_json_``)."""
    options = options or {}
    kind = t["type"]
    if kind in ("name", "person", "name_or_person"):
        return dict(_NAME)
    if kind == "text":
        return dict(_TEXT)
    if kind == "boolean":
        return {"type": "boolean"}
    if kind == "integer":
        return {"type": "integer"}
    if kind == "amount":
        return {"type": ["string", "number"], "maxLength": 100, "minimum": 0}
    if kind == "duration":
        return {"anyOf": [{"type": "string", "minLength": 1, "maxLength": 100},
                          {"type": "integer", "minimum": 0},
                          {"type": "object", "required": ["value", "unit"], "additionalProperties": False,
                           "properties": {"value": {"type": "integer", "minimum": 0},
                                          "unit": {"enum": ["day", "workday", "month", "week"]}}}]}
    if kind == "date":
        return {"type": "string", "minLength": 8, "maxLength": 40}
    if kind in ("list", "set"):
        opts = {**t.get("options", {}), **options}
        out: dict[str, Any] = {"type": "array", "items": type_schema(t["of"]),
                               "maxItems": opts.get("max", 100)}
        if "min" in opts:
            out["minItems"] = opts["min"]
        if opts.get("whole"):
            out["minItems"] = max(out.get("minItems", 0), 1)
        return out
    if kind == "record":
        return {"type": "object", "additionalProperties": False,
                "required": [f["name"] for f in t["fields"]],
                "properties": {f["name"]: type_schema(f["type"]) for f in t["fields"]}}
    if kind == "votes":
        return {"type": "array", "items": _VOTE, "minItems": 1, "maxItems": 500}
    return {}


class ScenarioSchema:
    """The shape of a scenario for one knowledge base, derived from what it declares
    (its question kinds, their inputs, and the kinds of scenario facts)."""

    def __init__(self, declarations: dict[str, Any]):
        self.declarations = declarations
        self.questions: tuple[str, ...] = tuple(q["kind"] for q in declarations["questions"])
        def facts_for(kind: str) -> dict[str, Any]:      # a fact declared for(Kinds) belongs to those
            return {"type": "object", "additionalProperties": False,
                    "properties": {f["name"]: type_schema(f["type"], f["options"]) for f in declarations["facts"]
                                   if "for" not in f["options"] or kind in f["options"]["for"]}}
        self.facts_schema = {q["kind"]: facts_for(q["kind"]) for q in declarations["questions"]}
        #: The fields of each question kind: (required, optional), as JSON Schemas.
        self.fields: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        for q in declarations["questions"]:
            required, optional = {}, {}
            for inp in q["inputs"]:
                opts = inp["options"]
                target = required if opts.get("required") and not opts.get("chart_scope") else optional
                target[inp["field"]] = type_schema(inp["type"])
            self.fields[q["kind"]] = (required, optional)
        self._fast: dict[str, Any] = {}
        self._schemas: dict[str, dict[str, Any]] = {}

    def question_schema(self, question: str) -> dict[str, Any]:
        if question in self._schemas:
            return self._schemas[question]
        self._schemas[question] = schema = self._question_schema(question)
        return schema

    def _question_schema(self, question: str) -> dict[str, Any]:
        required, optional = self.fields[question]
        return {
            "type": "object",
            "additionalProperties": False,
            "required": ["question", *required],
            "properties": {"question": {"const": question}, "facts": self.facts_schema[question],
                           **required, **optional, **META},
        }

    def json_schema(self) -> dict[str, Any]:
        """One JSON Schema for every scenario this KB answers."""
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"pyreason scenario ({self.declarations['kb'].get('name')})",
            "type": "object",
            "required": ["question"],
            "properties": {"question": {"enum": list(self.questions)}},
            "allOf": [
                {"if": {"properties": {"question": {"const": q}}, "required": ["question"]},
                 "then": self.question_schema(q)}
                for q in self.questions
            ],
        }

    def _fast_validator(self, question: str) -> Any:
        """The schema of one question kind compiled to Python (fastjsonschema): the common, valid case."""
        if question not in self._fast:
            self._fast[question] = _compiled_validator(self.question_schema(question))
        return self._fast[question]

    def _first_error(self, question: str, data: dict[str, Any]) -> Any:
        """The error to report for an invalid scenario, worded from jsonschema's detailed errors."""
        from jsonschema import Draft202012Validator   # only imported when something is wrong
        errors = sorted(Draft202012Validator(self.question_schema(question)).iter_errors(data),
                        key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
        return errors[0] if errors else None

    def validate(self, data: Any, source: str = "<scenario>") -> dict[str, Any]:
        """Check a scenario's shape; raise ScenarioError naming the first bad field."""
        if not isinstance(data, dict):
            raise ScenarioError(source, None, {"zh": "场景应为映射（键: 值）", "en": "a scenario must be a mapping"})
        question = data.get("question")
        if question is None:
            raise ScenarioError(source, "question", {"zh": "缺少字段 question", "en": "missing field 'question'"},
                                list(self.questions))
        if not isinstance(question, str) or question not in self.questions:
            raise ScenarioError(source, "question",
                                {"zh": f"未知的问题类型：{question!r}", "en": f"unknown question kind: {question!r}"},
                                closest(str(question), self.questions) or list(self.questions))
        self._text_is_unicode(data, source, [])
        if _surely_valid(self.question_schema(question), data):
            return data
        import fastjsonschema      # the authority: what the check above does not vouch for
        try:
            self._fast_validator(question)(data)
        except fastjsonschema.JsonSchemaException:
            error = self._first_error(question, data)
            if error is not None:
                raise self._schema_error(source, question, error) from None
            raise ScenarioError(source, None, {"zh": "场景格式不正确", "en": "the scenario is malformed"}) from None
        return data

    def _text_is_unicode(self, data: Any, source: str, path: list[Any]) -> None:
        """A string holding a lone surrogate (JSON "\\ud800") is no text: refuse it, naming the field."""
        if isinstance(data, str):
            try:
                data.encode("utf-8")
            except UnicodeEncodeError:
                raise ScenarioError(source, field_path(path) or None,
                                    {"zh": "含有无效字符（孤立的代理项，不是 Unicode 文本）",
                                     "en": "holds an invalid character (a lone surrogate, not Unicode text)"}) from None
        elif isinstance(data, dict):
            for k, v in data.items():
                self._text_is_unicode(k, source, path)
                self._text_is_unicode(v, source, [*path, k])
        elif isinstance(data, list):
            for i, v in enumerate(data):
                self._text_is_unicode(v, source, [*path, i])

    def question_part(self, scenario: dict[str, Any]) -> dict[str, Any]:
        """The fields that bear on the answer (metadata such as ``expect`` stays in Python)."""
        required, optional = self.fields[scenario["question"]]
        keep = {"question", "facts", *required, *optional}
        return {k: v for k, v in scenario.items() if k in keep}

    def _schema_error(self, source: str, question: str, err: Any) -> ScenarioError:
        return _schema_error(source, question, err, self.fields)


_TYPE_WORDS = {
    "string": ("文本", "text"), "array": ("列表", "a list"), "object": ("映射（键: 值）", "a mapping"),
    "boolean": ("true 或 false", "true or false"), "integer": ("整数", "an integer"),
    "number": ("数字", "a number"), "null": ("空值", "null"),
}


def _surely_valid(schema: dict[str, Any], value: Any) -> bool:
    """Whether ``value`` is valid against ``schema`` by a check that knows only the keywords
    the scenario schemas use, and only Python's plain types: True only where fastjsonschema
    would accept ``value`` too; on any doubt (another keyword, a float for an integer, a bool
    for a number, a key that is not a string, nesting too deep) False, and fastjsonschema
    decides. So the usual, valid scenario is accepted without generating (or loading) the
    validator's code, and an invalid one is refused exactly as before."""
    try:
        return _valid(schema, value)
    except RecursionError:
        return False


def _valid(schema: dict[str, Any], value: Any) -> bool:
    for key, want in schema.items():
        check = _KEYWORDS.get(key)
        if check is None or not check(want, value, schema):
            return False
    return True


def _is_type(name: str, value: Any) -> bool:
    t = type(value)
    if name == "string":
        return t is str
    if name == "integer":
        return t is int
    if name == "number":
        return t is int or t is float
    if name == "boolean":
        return t is bool
    if name == "object":
        return t is dict
    if name == "array":
        return t is list
    if name == "null":
        return value is None
    return False


def _kw_type(want: Any, value: Any, _schema: Any) -> bool:
    if isinstance(want, str):
        return _is_type(want, value)
    return isinstance(want, list) and any(isinstance(w, str) and _is_type(w, value) for w in want)


def _kw_properties(props: Any, value: Any, _schema: Any) -> bool:
    if type(value) is not dict:
        return not isinstance(value, dict)          # (a dict subclass: let fastjsonschema judge)
    if not all(type(k) is str for k in value):
        return False
    return all(k not in props or _valid(props[k], v) for k, v in value.items())


def _kw_additional(want: Any, value: Any, schema: dict[str, Any]) -> bool:
    if want is not False:
        return False
    if type(value) is not dict:
        return not isinstance(value, dict)
    props = schema.get("properties", {})
    return all(type(k) is str and k in props for k in value)


def _kw_required(keys: Any, value: Any, _schema: Any) -> bool:
    if type(value) is not dict:
        return not isinstance(value, dict)
    return all(k in value for k in keys)


def _kw_str_len(compare: Any) -> Any:
    def check(n: Any, value: Any, _schema: Any) -> bool:
        if type(value) is str:
            return compare(len(value), n)
        return not isinstance(value, str)
    return check


def _kw_minimum(n: Any, value: Any, _schema: Any) -> bool:
    if type(value) is int or type(value) is float:
        return value >= n
    return not isinstance(value, (int, float))     # (a bool is an int to Python: let it judge)


def _kw_items_len(compare: Any) -> Any:
    def check(n: Any, value: Any, _schema: Any) -> bool:
        if type(value) is list:
            return compare(len(value), n)
        return not isinstance(value, (list, tuple))
    return check


def _kw_items(item: Any, value: Any, _schema: Any) -> bool:
    if type(value) is list:
        return isinstance(item, dict) and all(_valid(item, v) for v in value)
    return not isinstance(value, (list, tuple))


def _kw_const(want: Any, value: Any, _schema: Any) -> bool:
    return type(want) is str and type(value) is str and value == want


def _kw_enum(wants: Any, value: Any, _schema: Any) -> bool:
    return type(value) is str and any(type(w) is str and w == value for w in wants)


def _kw_any_of(schemas: Any, value: Any, _schema: Any) -> bool:
    return any(_valid(s, value) for s in schemas)


_KEYWORDS = {
    "type": _kw_type, "properties": _kw_properties, "additionalProperties": _kw_additional,
    "required": _kw_required, "minLength": _kw_str_len(lambda a, b: a >= b),
    "maxLength": _kw_str_len(lambda a, b: a <= b), "minimum": _kw_minimum,
    "minItems": _kw_items_len(lambda a, b: a >= b), "maxItems": _kw_items_len(lambda a, b: a <= b),
    "items": _kw_items, "const": _kw_const, "enum": _kw_enum, "anyOf": _kw_any_of,
}


def _compiled_validator(schema: dict[str, Any]) -> Any:
    """fastjsonschema's validator for ``schema``. Generating its code costs more than a cold
    answer's reasoning, so the code is kept in the cache (~/.cache/pyreason/schemas, keyed by
    the schema and fastjsonschema's version; off under PYREASON_NO_CACHE, as the compiled KB
    is); any trouble with a kept copy: generated afresh."""
    import fastjsonschema
    from .bridge import _cache_base
    base = _cache_base()
    if base is None:
        return fastjsonschema.compile(schema)
    from .resources import sha256
    text = json.dumps(schema, sort_keys=True, ensure_ascii=False)
    key = sha256(f"{fastjsonschema.VERSION}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    path = base / "schemas" / f"{key[:32]}.py"
    try:
        code = path.read_text(encoding="utf-8")
        scope: dict[str, Any] = {}
        exec(compile(code, str(path), "exec"), scope)
        return scope["validate"]
    except FileNotFoundError:
        pass
    except Exception:          # a damaged copy: removed, and made again below
        path.unlink(missing_ok=True)
    validate = fastjsonschema.compile(schema)
    try:
        import os
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_text(fastjsonschema.compile_to_code(schema), encoding="utf-8")
        os.replace(tmp, path)                   # atomic: a half-written copy is never read
    except OSError:
        pass
    return validate


def field_path(path: Iterable[Any]) -> str:
    """A JSON path as the contract writes it: ``facts.absent[0]``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_scenario_file(path: str) -> dict[str, Any]:
    """Read one scenario from a YAML or JSON file ('-' for standard input)."""
    data = _parse(path, _read(path))
    if not isinstance(data, dict):
        raise ScenarioError(path, None, {"zh": "文件内容应为一个场景（键: 值 的映射）",
                                         "en": "the file must hold one scenario (a mapping of fields)"})
    return data


def _read(path: str, limit: int = MAX_FILE_BYTES) -> str:
    try:
        raw = read_input(path, limit)
    except FileError as exc:       # missing, a directory, a pipe, a device, too large: one line
        raise ScenarioError(path, None, exc.messages, code=exc.code) from None
    if not raw.strip():
        raise ScenarioError(path, None, {"zh": "文件为空", "en": "the file is empty"})
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError(path, None, {"zh": f"文件不是 UTF-8 编码（第 {exc.start} 字节）",
                                         "en": f"the file is not UTF-8 (byte {exc.start})"}) from None


def _parse(path: str, text: str) -> Any:
    if Path(path).suffix.lower() == ".json":
        try:
            return json.loads(text, object_pairs_hook=_no_duplicate_keys)
        except _DuplicateKey as exc:
            raise ScenarioError(path, exc.key, {"zh": f"键 {exc.key} 重复", "en": f"duplicate key '{exc.key}'"},
                                code="syntax") from None
        except json.JSONDecodeError as exc:
            raise ScenarioError(path, f"line {exc.lineno}", {
                "zh": f"JSON 语法错误（第 {exc.colno} 列）：{exc.msg}",
                "en": f"JSON syntax error (column {exc.colno}): {exc.msg}"}) from None
        except RecursionError:
            raise ScenarioError(path, None, {"zh": "嵌套过深", "en": "nested too deeply"}) from None
    import yaml

    from . import safeyaml
    try:
        docs = safeyaml.load_all(text)
    except safeyaml.YamlInputError as exc:      # a duplicate key, aliases expanding too far
        raise ScenarioError(path, f"line {exc.line}" if exc.line else None, exc.messages, code="syntax") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ScenarioError(path, where, {"zh": f"YAML 语法错误：{problem}",
                                          "en": f"YAML syntax error: {problem}"}) from None
    except RecursionError:
        raise ScenarioError(path, None, {"zh": "嵌套过深", "en": "nested too deeply"}) from None
    docs = [d for d in docs if d is not None]
    if not docs:
        raise ScenarioError(path, None, {"zh": "文件中没有场景（只有注释或空文档）；应为一个场景，如 question: approver",
                                         "en": "the file holds no scenario (only comments or empty documents); "
                                               "expected one scenario, e.g. question: approver"})
    if len(docs) != 1:
        raise ScenarioError(path, None, {"zh": "一个文件只能有一个场景（JSON Lines 请用 batch）",
                                         "en": "a file holds one scenario (use batch for JSON Lines)"})
    return docs[0]


class _DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (json.loads would keep the last silently)."""
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _DuplicateKey(k)
        out[k] = v
    return out


def _schema_error(source: str, question: str, err: Any,
                  question_fields: dict[str, tuple[dict[str, Any], dict[str, Any]]]) -> ScenarioError:
    path = list(err.absolute_path)
    field = field_path(path) or None
    kind = err.validator
    if kind == "required":
        missing = [k for k in err.validator_value if k not in err.instance]
        name = missing[0] if missing else "?"
        full = field_path([*path, name])
        return ScenarioError(source, full, {"zh": f"缺少字段 {name}", "en": f"missing field '{name}'"})
    if kind == "additionalProperties":
        allowed = list(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(allowed))
        name = extra[0] if extra else "?"
        full = field_path([*path, name])
        if not path and name in {f for q in question_fields.values() for part in q for f in part}:
            return ScenarioError(source, full, {"zh": f"字段 {name} 不适用于 {question} 问题",
                                                "en": f"field '{name}' does not apply to a {question} question"})
        return ScenarioError(source, full, {"zh": f"未知字段 {name}", "en": f"unknown field '{name}'"},
                             closest(name, allowed))
    if kind == "type":
        wants = [err.validator_value] if isinstance(err.validator_value, str) else list(err.validator_value)
        zh = "或".join(_TYPE_WORDS.get(w, (w, w))[0] for w in wants)
        en = " or ".join(_TYPE_WORDS.get(w, (w, w))[1] for w in wants)
        got = type(err.instance).__name__
        if wants == ["array"] and isinstance(err.instance, dict):
            return ScenarioError(source, field, {
                "zh": "应为列表（每项一行，以“- ”开头），实为映射（键: 值）",
                "en": "must be a list (one item per line, each starting with '- '), not a mapping (key: value)"})
        quote = wants == ["string"]
        return ScenarioError(source, field, {"zh": f"应为{zh}，实为 {got}（文字请加引号）" if quote else f"应为{zh}",
                                             "en": f"must be {en}, not {got}" + (" (quote it)" if quote else "")})
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        zh_op = {"minimum": "不小于", "maximum": "不大于", "exclusiveMinimum": "大于", "exclusiveMaximum": "小于"}[kind]
        en_op = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "more than",
                 "exclusiveMaximum": "less than"}[kind]
        return ScenarioError(source, field, {"zh": f"应{zh_op} {err.validator_value}",
                                             "en": f"must be {en_op} {err.validator_value}"})
    if kind in ("enum", "const"):
        allowed = err.validator_value if kind == "enum" else [err.validator_value]
        return ScenarioError(source, field, {"zh": f"应为以下之一：{'、'.join(map(str, allowed))}",
                                             "en": f"must be one of: {', '.join(map(str, allowed))}"})
    if kind in ("minItems", "maxItems"):
        return ScenarioError(source, field, {"zh": f"条目数应{'至少' if kind == 'minItems' else '至多'}为 {err.validator_value}",
                                             "en": f"must have {'at least' if kind == 'minItems' else 'at most'} {err.validator_value} entries"})
    if kind in ("minLength", "maxLength"):
        if kind == "minLength":
            return ScenarioError(source, field, {"zh": "不能为空", "en": "must not be empty"})
        return ScenarioError(source, field, {"zh": f"超过 {err.validator_value} 个字符的上限",
                                             "en": f"longer than the limit of {err.validator_value} characters"})
    return ScenarioError(source, field, {"zh": err.message, "en": err.message})


def closest(value: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The known names nearest to ``value`` (by characters; works for Chinese)."""
    cands = list(dict.fromkeys(c for c in candidates if c))
    if not value:
        return []
    import difflib
    low = value.lower()

    def score(c: str) -> float:
        ratio = difflib.SequenceMatcher(None, low, c.lower()).ratio()
        return max(ratio, 0.5) if (low in c.lower() or c.lower() in low) else ratio
    ranked = [c for c in sorted(cands, key=lambda c: -score(c)) if score(c) >= 0.3]
    return ranked[:n]


def load_jsonl(path: str) -> list[tuple[int, Any]]:
    """(line number, scenario) for each non-blank line of a JSON Lines file; a line that is not
    a JSON object becomes a ScenarioError in its place, so the other lines still go on."""
    text = _read(path, MAX_BATCH_BYTES)
    out: list[tuple[int, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = getattr(exc, "msg", "nested too deeply")
            value = ScenarioError(where, None, {"zh": f"JSON 语法错误：{msg}", "en": f"JSON syntax error: {msg}"},
                                  code="syntax")
        if not isinstance(value, (dict, ScenarioError)):
            value = ScenarioError(where, None, {"zh": "每行应为一个场景（JSON 对象）",
                                                "en": "each line must be one scenario (a JSON object)"})
        out.append((n, value))
    return out
