"""Checking an answer against a scenario case's ``expect`` block (tests/scenarios/README.md).

Shared by the pytest suite and by ``pyreason check``'s coverage and mutation runs.
"""

from __future__ import annotations

from typing import Any


def _cite(c: dict[str, Any]) -> tuple[Any, Any, Any]:
    return (c["article"], c.get("paragraph"), c.get("item"))


def failures(expect: dict[str, Any], reply: dict[str, Any]) -> list[str]:
    """What in ``reply`` (an answer, or ``{"error": {...}}``) contradicts ``expect``; empty if nothing."""
    out: list[str] = []
    if "error" in expect:
        err = reply.get("error")
        if not isinstance(err, dict):
            return ["expected an error, got an answer"]
        for key, want in expect["error"].items():
            if err.get(key) != want:
                out.append(f"error.{key}: expected {want!r}, got {err.get(key)!r}")
        return out
    if "error" in reply:
        return [f"expected an answer, got error {reply['error']!r}"]
    if reply.get("status") != expect["status"]:
        out.append(f"status: expected {expect['status']!r}, got {reply.get('status')!r}")
    fields = reply.get("answer", {})
    for name, want in expect.get("answer", {}).items():
        if fields.get(name) != want:
            out.append(f"answer.{name}: expected {want!r}, got {fields.get(name)!r}")
    got = {_cite(c) for c in reply.get("citations", [])}
    for c in expect.get("citations", []):
        if _cite(c) not in got:
            out.append(f"citation {_cite(c)} missing")
    gaps = {g["id"] for g in reply.get("gaps", [])}
    if "gaps" in expect and gaps != set(expect["gaps"]):
        out.append(f"gaps: expected {sorted(expect['gaps'])}, got {sorted(gaps)}")
    rules = {step["rule"] for step in reply.get("explanation", [])}
    for r in expect.get("rules", []):
        if r not in rules:
            out.append(f"explanation step {r} missing")
    for r in expect.get("not_rules", []):          # a step that must not be taken
        if r in rules:
            out.append(f"explanation step {r} should not be there")
    interps = {i["id"] for i in reply.get("interpretations", [])}
    for i in expect.get("interpretations", []):
        if i not in interps:
            out.append(f"interpretation {i} missing")
    for i in expect.get("not_interpretations", []):
        if i in interps:
            out.append(f"interpretation {i} should not be relied on")
    return out
