"""A court's staff list (org chart): read, shape-checked here, validated and loaded by the KB."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path
from typing import Any

from . import safeyaml
from .errors import ScenarioError
from .scenario import MAX_BATCH_BYTES, _read

COLUMNS = ("name", "post", "team", "department", "reports_to")
#: The most persons a staff list may hold (checking is O(n log n); beyond this the engine's
#: memory would not suffice).
MAX_STAFF = 200_000


class OrgError(ScenarioError):
    """A staff list with errors; ``errors`` holds every one, the line shows the first."""

    def __init__(self, source: str, errors: list[dict[str, Any]], more: int = 0):
        first = errors[0]
        self.more = more                     # errors found beyond those listed
        more = len(errors) - 1 + more
        zh = first["message"] + (f"（另有 {more} 处错误）" if more else "")
        en = first.get("message_en", first["message"]) + (f" (and {more} more errors)" if more else "")
        super().__init__(source, first.get("field"), {"zh": zh, "en": en}, first.get("suggestions") or [],
                         code=first.get("code", "invalid"))
        self.errors = errors


def _error(source: str, field: str | None, zh: str, en: str) -> OrgError:
    return OrgError(source, [{"code": "invalid", "field": field, "message": zh, "message_en": en}])


def read_chart(path: str) -> list[dict[str, Any]]:
    """The rows of a staff list in YAML, JSON or CSV, each with its index as ``row``."""
    text = _read(path, MAX_BATCH_BYTES)
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        missing = [c for c in ("name", "post") if c not in (reader.fieldnames or [])]
        if missing:
            raise _error(path, "line 1", f"CSV 表头缺少列：{', '.join(missing)}",
                         f"the CSV header lacks the column(s): {', '.join(missing)}")
        rows: list[Any] = list(itertools.islice(reader, MAX_STAFF + 1))
    else:
        try:
            if suffix == ".json":
                data = json.loads(text)
            else:
                data = safeyaml.load(text)
        except safeyaml.YamlInputError as exc:      # a duplicate key, aliases expanding too far
            raise _error(path, f"line {exc.line}" if exc.line else None, exc.messages["zh"], exc.messages["en"]) from None
        except RecursionError:
            raise _error(path, None, "嵌套过深", "nested too deeply") from None
        except Exception as exc:  # YAML or JSON syntax
            raise _error(path, None, f"无法解析：{str(exc).splitlines()[0]}",
                         f"cannot parse: {str(exc).splitlines()[0]}") from None
        rows = data.get("staff") if isinstance(data, dict) else data
        if not isinstance(rows, list):
            raise _error(path, "staff", "应为人员列表", "must be a list of staff")
    if len(rows) > MAX_STAFF:          # a court's staff is thousands: beyond this, one line
        raise _error(path, None, f"名册超过 {MAX_STAFF} 人的上限", f"the staff list has more than {MAX_STAFF} persons (the limit)")
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise _error(path, f"staff[{i}]", "每个人员应为映射（name、post、team、department）",
                         "each person must be a mapping (name, post, team, department)")
        extra = [k for k in row if k not in COLUMNS and row[k] not in (None, "")]
        if extra:
            raise _error(path, f"staff[{i}].{extra[0]}", f"未知字段 {extra[0]}", f"unknown field '{extra[0]}'")
        clean = {"row": i}
        for key in COLUMNS:
            value = row.get(key)
            if value in (None, ""):
                if key in ("name", "post"):
                    raise _error(path, f"staff[{i}].{key}", f"缺少字段 {key}", f"missing field '{key}'")
                continue
            if isinstance(value, (dict, list, bool)):
                raise _error(path, f"staff[{i}].{key}", "应为文本（名字请加引号，如 \"true\"）",
                             "must be text (quote a name, e.g. \"true\")")
            clean[key] = str(value).strip()
        out.append(clean)
    return out
