"""The one owner of the embedded SWI-Prolog engine.

Every request crosses the bridge as the hex of its UTF-8 JSON, handed to the
single entry point ``pyreason_kb:call_hex/2``: the query string holds nothing
but ``[0-9a-f]``, so no user text can ever be read as Prolog code. The reply
comes back as JSON text (data, never parsed as code). One lock serialises all
calls (pyswip is not thread-safe).
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

from .errors import InternalError, KBError

_HEX = re.compile(r"\A[0-9a-f]*\Z")
_LOCK = threading.RLock()
_ENGINE: "_Engine | None" = None


class _Engine:
    def __init__(self) -> None:
        try:
            from pyswip import Prolog
        except Exception as exc:  # pyswip missing, or libswipl not found
            raise KBError(f"cannot start SWI-Prolog through pyswip: {exc}") from exc
        self.prolog = Prolog()
        self.loaded: Path | None = None
        # An uncaught error must never open the interactive tracer.
        self.run("set_prolog_flag(debug_on_error, false)")
        self.run("set_prolog_flag(report_error, true)")
        self.run(f"atom_codes(F, {_codes(_BOOT)}), load_files(F, [])")
        self.load_messages: list[dict[str, Any]] = []

    def run(self, goal: str) -> list[dict[str, Any]]:
        return list(self.prolog.query(goal, maxresult=1))

    def load(self, entry: Path, strict: bool = True) -> None:
        """Load the KB; with ``strict``, any load error is a KBError naming file and line."""
        rows = self.run(f"pyreason_boot:load_kb({_codes(entry)}, J)")
        self.load_messages = json.loads(str(rows[0]["J"]))["messages"] if rows else []
        errors = [m for m in self.load_messages if m["kind"] == "error"]
        self.loaded = entry
        if strict and errors:
            raise KBError(f"{entry}: cannot load the knowledge base: {located(errors[0])}")
        if strict and not self.run("current_predicate(pyreason_kb:call_hex/2)"):
            raise KBError(f"{entry}: does not define pyreason_kb:call_hex/2")


def located(message: dict[str, Any]) -> str:
    """A load message as one line, led by file:line where known."""
    text = _one_line(message["text"])
    where = f"{message['file']}:{message['line']}" if message.get("file") else ""
    return text if not where or where in text else f"{where}: {text}"


def _codes(path: Path | str) -> str:
    """A path as a Prolog list of character codes: data that cannot be read as code."""
    return "[" + ",".join(str(ord(c)) for c in str(path)) + "]"


_BOOT = Path(__file__).resolve().parent / "prolog" / "boot.pl"
_CHECK = Path(__file__).resolve().parent / "prolog" / "check.pl"


def _one_line(text: Any) -> str:
    """One line, without the query text pyswip puts in its errors (it can be huge hex)."""
    line = " ".join(str(text).split())
    line = re.sub(r"Caused by: '.*?'\. Returned: ", "", line)
    return line if len(line) <= 400 else line[:400] + "…"


def engine_for(entry: Path, strict: bool = True) -> _Engine:
    """The process's engine, with the KB at ``entry`` loaded (once)."""
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            _ENGINE = _Engine()
        if _ENGINE.loaded is None:
            _ENGINE.load(entry, strict=strict)
        elif _ENGINE.loaded != entry:
            raise KBError(f"this process already loaded {_ENGINE.loaded}; "
                          f"one knowledge base per process (asked for {entry})")
        return _ENGINE


def call(entry: Path, request: dict[str, Any]) -> dict[str, Any]:
    """Send one request to the KB and return its reply, as plain Python values."""
    payload = json.dumps(request, ensure_ascii=False).encode("utf-8").hex()
    assert _HEX.match(payload)
    with _LOCK:
        engine = engine_for(entry)
        try:
            rows = engine.run(f'pyreason_kb:call_hex("{payload}", R)')
        except Exception as exc:
            raise InternalError(f"Prolog query failed: {_one_line(exc)}") from exc
    if not rows:
        raise InternalError("the knowledge base gave no reply")
    try:
        return json.loads(str(rows[0]["R"]))
    except ValueError as exc:
        raise InternalError(f"the knowledge base replied in an unexpected form: {exc}") from None


def check_engine(entry: Path, mutable: bool = False) -> _Engine:
    """The engine with the checker loaded first and the KB at ``entry`` loaded for checking.

    Load errors do not raise (they are findings).  With ``mutable`` the rules of
    the articles files load as dynamic predicates, so mutants can be applied and
    rolled back (clause coverage is not recorded for dynamic code, so the other
    checks load the KB as it is).
    """
    global _ENGINE
    with _LOCK:
        if _ENGINE is not None and _ENGINE.loaded is not None:
            raise KBError("checking needs its own process: a knowledge base is already loaded here")
        if _ENGINE is None:
            _ENGINE = _Engine()
        _ENGINE.run(f"atom_codes(F, {_codes(_CHECK)}), load_files(F, [])")
        _ENGINE.run(f"nb_setval(pyreason_check_dynamic, {'true' if mutable else 'false'})")
        try:
            _ENGINE.load(entry, strict=False)
        finally:
            _ENGINE.run("nb_setval(pyreason_check_dynamic, false)")
        return _ENGINE


def call_check(request: dict[str, Any]) -> dict[str, Any]:
    """Send one request to the checker (pyreason_check:check_hex/2)."""
    payload = json.dumps(request, ensure_ascii=False).encode("utf-8").hex()
    with _LOCK:
        if _ENGINE is None:
            raise InternalError("the checker is not loaded")
        try:
            rows = _ENGINE.run(f'pyreason_check:check_hex("{payload}", R)')
        except Exception as exc:
            raise InternalError(f"check query failed: {_one_line(exc)}") from exc
    reply = json.loads(str(rows[0]["R"])) if rows else {"error": "no reply"}
    if "error" in reply and len(reply) == 1:
        raise InternalError(f"check failed: {reply['error']}")
    return reply
