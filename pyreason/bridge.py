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
        # Load messages (syntax errors are printed, not raised) are captured
        # while loading -- not printed -- and read back as hex.
        self.run("use_module(library(sha)), use_module(library(utf8))")
        self.run("dynamic(user:pyreason_load_message/2)")
        self.run("assertz((user:message_hook(_, K, Lines) :- "
                 "memberchk(K, [error, warning]), nb_current(pyreason_loading, true), "
                 "catch(with_output_to(codes(Cs), print_message_lines(current_output, '', Lines)), _, "
                 "Cs = []), assertz(user:pyreason_load_message(K, Cs))))")
        self.run("assertz((user:pyreason_messages_hex(K, Hex) :- "
                 "findall(C, (user:pyreason_load_message(K, Cs), append(Cs, [30], C)), L), "
                 "append(L, All), phrase(utf8:utf8_codes(All), Bytes), hex_bytes(Hex, Bytes)))")

    def run(self, goal: str) -> list[dict[str, Any]]:
        return list(self.prolog.query(goal, maxresult=1))

    def load(self, entry: Path) -> None:
        codes = ",".join(str(ord(c)) for c in str(entry))  # the path as data, never as text
        self.run("retractall(user:pyreason_load_message(_, _))")
        self.run("nb_setval(pyreason_loading, true)")
        try:
            self.run(f"atom_codes(F, [{codes}]), "
                     "catch(load_files(F, [if(true)]), Err, print_message(error, Err))")
        finally:
            self.run("nb_setval(pyreason_loading, false)")
        errors = self.messages("error")
        if errors:
            raise KBError(f"{entry}: cannot load the knowledge base: {errors[0]}")
        if not self.run("current_predicate(pyreason_kb:call_hex/2)"):
            raise KBError(f"{entry}: does not define pyreason_kb:call_hex/2")
        self.loaded = entry
        self.warnings = self.messages("warning")

    def messages(self, kind: str) -> list[str]:
        rows = self.run(f"user:pyreason_messages_hex({kind}, H)")
        text = bytes.fromhex(str(rows[0]["H"])).decode("utf-8") if rows else ""
        return [_one_line(m) for m in text.split("\x1e") if m.strip()]


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def engine_for(entry: Path) -> _Engine:
    """The process's engine, with the KB at ``entry`` loaded (once)."""
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            _ENGINE = _Engine()
        if _ENGINE.loaded is None:
            _ENGINE.load(entry)
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
