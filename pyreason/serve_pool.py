"""The engine side of ``pyreason serve``: worker processes, each with its own Prolog engine.

SWI-Prolog allows one engine per process (through pyswip), so the server scales with cores by
running several worker processes, each loading the knowledge bases served. The front process
(uvicorn, one event loop) parses HTTP and never runs Prolog at request time: it hands each
request's raw body to a free worker over a socket pair and writes back the bytes the worker
replies. A worker validates the scenario, asks the engine and serialises the answer itself.

The :class:`Pool` gives every request a total time budget (counted from its arrival, waiting
included) and cancels it when its client leaves: a request still waiting is dropped, one running
is stopped by killing its worker, which is then replaced (a Prolog call cannot be interrupted
from outside, a process can). Past a bound of waiting requests the pool refuses at once
(:class:`Overloaded`: the server answers 503 with Retry-After) rather than queueing for seconds.
Batches run as chunks of lines at a lower priority than single questions, and never on every
worker at once, so a large batch does not delay ``/api/ask``.

:class:`Inline` runs the same jobs in the front process (for :func:`pyreason.web.create_app`
used from Python and in tests): budgets are kept by the engine's own limits, not by killing.

Frames on the socket: two unsigned 32-bit lengths (meta, body), the meta as UTF-8 JSON, the body
as bytes. Nothing a client sends is ever Prolog code: the body reaches the engine as a scenario
through :class:`pyreason.KnowledgeBase`, as it does from the CLI.
"""

from __future__ import annotations

import asyncio
import collections
import functools
import json
import os
import signal
import socket
import struct
import sys
import time
from typing import Any

from .errors import PyreasonError, ScenarioError
from .scenario import field_path

_FRAME = struct.Struct("!II")

#: A request body (one scenario), and one line of a batch, may hold at most this many bytes.
MAX_BODY_BYTES = 1_000_000
#: Any text of a scenario sent to the server (an opinion, a name) may hold at most this many
#: characters: a PDF report lays out long text in superlinear time (two opinions of 500
#: characters took 4 s, of 2,000 characters 30 s).
MAX_TEXT_CHARS = 500
#: A scenario nests at most this deep (a scenario of the contract nests four levels).
MAX_DEPTH = 16
#: Seconds a running request whose client left may still take before its worker is killed.
DISCONNECT_GRACE = 0.5
#: Lines of a batch handed to a worker at once: small, so a single question never waits long.
CHUNK_LINES = 64


class Overloaded(Exception):
    """Every worker is busy and the bound of waiting requests is reached (503, Retry-After)."""


class OverBudget(Exception):
    """The request's time budget ran out, while it waited (``running`` False) or ran."""

    def __init__(self, running: bool):
        super().__init__("running" if running else "waiting")
        self.running = running


class WorkerLost(Exception):
    """The worker running the request stopped (it crashed, or ran out of memory)."""


# -- words and errors ----------------------------------------------------------------------------

@functools.lru_cache(maxsize=64)
def words(lang: str, kb: Any = None) -> dict[str, str]:
    """The server's words in ``lang`` (reports/labels.yaml, ``api``; a KB's labels.yaml may override),
    read once: a 503 must cost less than an answer."""
    from .render import labels
    return labels(lang if lang in ("zh", "en") else "zh", kb)["api"]


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def error_json(code: str, field: str | None, message: str, suggestions: list[str] | None = None) -> bytes:
    """The contract's error object, as bytes."""
    return dumps({"error": {"code": code, "field": field, "message": message, "suggestions": list(suggestions or [])}})


def _scenario_error(exc: ScenarioError, lang: str) -> bytes:
    return error_json(exc.code, exc.field, exc.messages.get(lang) or exc.messages.get("zh") or "", exc.suggestions)


def _said(key: str, lang: str, kb: Any, *args: Any) -> dict[str, str]:
    """One message of the server's words in both languages, formatted (for a ScenarioError)."""
    return {lg: words(lg, kb)[key].format(*args) for lg in ("zh", "en")}


def check_caps(value: Any, kb: Any, source: str = "request") -> None:
    """Refuse a scenario with a text longer than MAX_TEXT_CHARS or nested deeper than MAX_DEPTH,
    naming the field (the server's caps; docs/questions.md)."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise ScenarioError(source, field_path(path) or None, _said("too_deep", "zh", kb, MAX_DEPTH),
                                code="too_deep")
        if isinstance(item, str):
            if len(item) > MAX_TEXT_CHARS:
                raise ScenarioError(source, field_path(path) or None,
                                    _said("too_long", "zh", kb, MAX_TEXT_CHARS), code="too_long")
        elif isinstance(item, dict):
            stack.extend((v, (*path, str(k))) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(item))


def parse_scenario(body: bytes, kb: Any, source: str = "request") -> Any:
    """The scenario in a request body: JSON text holding one object, within the caps."""
    try:
        value = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise ScenarioError(source, None, _said("not_utf8", "zh", kb), code="syntax") from None
    except ValueError as exc:
        raise ScenarioError(source, None, _said("syntax", "zh", kb, getattr(exc, "lineno", 1),
                                                getattr(exc, "colno", 1)), code="syntax") from None
    if not isinstance(value, dict):
        raise ScenarioError(source, None, _said("not_an_object", "zh", kb), code="invalid")
    check_caps(value, kb, source)
    return value


# -- the jobs a worker runs ------------------------------------------------------------------------

class Jobs:
    """What a worker does for a request, over the knowledge bases it loaded (in the served order).

    Each job returns ``(meta, body)``: meta has the HTTP ``status`` and, for a file, its ``type`` and
    ``filename``; the body is the reply's bytes (JSON unless ``type`` says otherwise)."""

    def __init__(self, kbs: list[Any]):
        self.kbs = kbs

    def run(self, meta: dict[str, Any], body: bytes) -> tuple[dict[str, Any], bytes]:
        lang = meta.get("lang") if meta.get("lang") in ("zh", "en") else "zh"
        kb = self.kbs[int(meta.get("kb") or 0)]
        try:
            op = meta.get("op")
            if op == "ask":
                return self._ask(kb, meta, body, lang)
            if op == "batch":
                return self._batch(kb, meta, body, lang)
            if op == "report":
                return self._report(kb, meta, body, lang)
            raise ValueError(f"unknown op {op!r}")
        except ScenarioError as exc:
            return {"status": 422}, _scenario_error(exc, lang)
        except PyreasonError as exc:
            from .extras import MissingExtra
            if isinstance(exc, MissingExtra):     # e.g. a PDF without the pdf extra: say which
                return {"status": 501}, error_json("missing_extra", "format", exc.line(lang))
            return {"status": 500}, error_json("internal", None, words(lang, kb)["internal"].format(_one_line(exc)))
        except Exception as exc:                  # never a traceback to the client
            return {"status": 500}, error_json("internal", None, words(lang, kb)["internal"].format(
                f"{type(exc).__name__}: {_one_line(exc)}"))

    def _ask(self, kb: Any, meta: dict[str, Any], body: bytes, lang: str) -> tuple[dict[str, Any], bytes]:
        source = meta.get("source") or "request"
        scenario = parse_scenario(body, kb, source)
        if meta.get("flips"):
            answer = kb.ask_with_flips(scenario, lang=lang, source=source)
        else:
            answer = kb.ask(scenario, lang=lang, source=source)
        return {"status": 200}, dumps(answer)

    def _batch(self, kb: Any, meta: dict[str, Any], body: bytes, lang: str) -> tuple[dict[str, Any], bytes]:
        """Lines ``meta["lines"]`` (their numbers) in ``body``, one per text line; ``meta["long"]``:
        numbers of lines longer than MAX_BODY_BYTES (not sent). JSON Lines out, in line order."""
        texts = body.decode("utf-8", errors="replace").split("\n") if meta["lines"] else []
        numbered: list[tuple[int, Any]] = []
        for n, line in zip(meta["lines"], texts):
            try:
                numbered.append((n, parse_scenario(line.encode("utf-8", "surrogatepass"), kb, f"line {n}")))
            except ScenarioError as exc:
                numbered.append((n, exc))
        for n in meta.get("long", []):
            numbered.append((n, ScenarioError(f"line {n}", None, _said("line_too_large", "zh", kb, MAX_BODY_BYTES),
                                              code="too_large")))
        numbered.sort(key=lambda x: x[0])
        results = kb.ask_many([v for _, v in numbered], lang=lang, source="request",
                              lines=[n for n, _ in numbered]) if numbered else []
        return {"status": 200}, b"".join(dumps(r) + b"\n" for r in results)

    def _report(self, kb: Any, meta: dict[str, Any], body: bytes, lang: str) -> tuple[dict[str, Any], bytes]:
        from .report import build_context, render
        scenario = parse_scenario(body, kb, "form")
        answer = kb.ask(scenario, lang=lang, source="form")
        fmt = meta.get("format") or "html"
        data = render(build_context(kb, scenario, answer, lang, meta.get("case_number") or None), fmt)
        media = "application/pdf" if fmt == "pdf" else "text/html; charset=utf-8"
        return {"status": 200, "type": media, "filename": f"pyreason-{answer['question']}.{fmt}"}, data


def _one_line(exc: Any) -> str:
    line = " ".join(str(exc).split())
    return line if len(line) <= 300 else line[:300] + "…"


# -- frames ------------------------------------------------------------------------------------------

def pack(meta: dict[str, Any], body: bytes = b"") -> bytes:
    m = json.dumps(meta, ensure_ascii=False).encode("utf-8")
    return _FRAME.pack(len(m), len(body)) + m + body


async def read_frame(reader: asyncio.StreamReader) -> tuple[dict[str, Any], bytes]:
    mlen, blen = _FRAME.unpack(await reader.readexactly(_FRAME.size))
    meta = json.loads(await reader.readexactly(mlen)) if mlen else {}
    return meta, (await reader.readexactly(blen) if blen else b"")


# -- the front's side: the pool --------------------------------------------------------------------

class _Job:
    __slots__ = ("meta", "body", "bulk", "future", "worker", "sent", "quick")

    def __init__(self, meta: dict[str, Any], body: bytes, bulk: bool, future: asyncio.Future):
        self.meta, self.body, self.bulk, self.future = meta, body, bulk, future
        self.worker: _Worker | None = None
        self.sent = 0.0
        #: A plain question, which takes a millisecond or so: another may be sent behind it.
        self.quick = meta.get("op") == "ask" and not meta.get("flips")


class _Worker:
    def __init__(self, number: int):
        self.number = number
        self.proc: asyncio.subprocess.Process | None = None
        self.writer: asyncio.StreamWriter | None = None
        #: The jobs sent, in order: the first runs, the next waits in the socket (pipelined, so
        #: that the worker never idles while the event loop is busy elsewhere).
        self.inflight: collections.deque[_Job] = collections.deque()

    @property
    def ready(self) -> bool:
        return self.writer is not None

    def takes(self, job: _Job, now: float) -> bool:
        """May ``job`` be sent now? To a free worker; or, a plain question, behind one plain
        question sent less than PIPELINE_AGE ago (a job sent cannot be taken back: it must not
        wait behind a slow one)."""
        if not self.ready:
            return False
        if not self.inflight:
            return True
        return (job.quick and len(self.inflight) < PIPELINE and all(j.quick for j in self.inflight)
                and now - self.inflight[0].sent < PIPELINE_AGE)


#: Jobs sent to one worker at once: one running, the next waiting in its socket, so that the
#: worker never idles while the event loop is busy with other connections.
PIPELINE = 2
#: Seconds a plain question may have been running for another to be sent behind it.
PIPELINE_AGE = 0.005


class Pool:
    """``workers`` worker processes over the KBs in ``kb_dirs`` (in the served order).

    ``queue_bound``: how many single requests may wait for a worker before the next is refused
    (:class:`Overloaded`). ``max_batches``: batches running at once (more are refused). ``limits``:
    the KnowledgeBase time and inference limits of one question, as the CLI gives them."""

    def __init__(self, kb_dirs: list[str], *, workers: int, queue_bound: int = 64,
                 limits: dict[str, Any] | None = None, max_batches: int | None = None):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.kb_dirs = [str(d) for d in kb_dirs]
        self.limits = limits or {}
        self.size = workers
        self.queue_bound = max(0, queue_bound)
        self.max_batches = max_batches if max_batches is not None else workers
        self.workers = [_Worker(i) for i in range(workers)]
        self.waiting: collections.deque[_Job] = collections.deque()
        self.bulk_waiting: collections.deque[_Job] = collections.deque()
        self.batches = 0
        self.restarts = 0
        self.started = False
        self._start_lock: asyncio.Lock | None = None
        self._tasks: set[asyncio.Task] = set()
        self._closing = False

    # lifecycle

    async def start(self) -> None:
        """Start every worker and wait until each has loaded its KBs; KBError if none could."""
        if self.started:
            return
        if self._start_lock is None:
            self._start_lock = asyncio.Lock()
        async with self._start_lock:
            if self.started:
                return
            errors = await asyncio.gather(*(self._spawn(w) for w in self.workers))
            if not any(w.ready for w in self.workers):
                from .errors import KBError
                raise KBError(next((e for e in errors if e), "no worker started"))
            self.started = True
            self._dispatch()

    async def stop(self) -> None:
        self._closing = True
        for w in self.workers:
            if w.writer is not None:
                w.writer.close()
            if w.proc is not None and w.proc.returncode is None:
                w.proc.kill()
        for w in self.workers:
            if w.proc is not None:
                try:
                    await asyncio.wait_for(w.proc.wait(), 10)
                except (asyncio.TimeoutError, ProcessLookupError):
                    pass
        for t in list(self._tasks):
            t.cancel()

    def _task(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _spawn(self, w: _Worker) -> str | None:
        """(Re)start worker ``w``; the error line if it could not load its KBs."""
        parent, child = socket.socketpair()
        args = [sys.executable, "-m", "pyreason.serve_pool", str(child.fileno()), "--parent", str(os.getpid())]
        for d in self.kb_dirs:
            args += ["--kb", d]
        if "time_limit" in self.limits:
            args += ["--time-limit", str(self.limits["time_limit"])]
        if "inference_limit" in self.limits:
            args += ["--inference-limit", str(self.limits["inference_limit"])]
        try:
            proc = await asyncio.create_subprocess_exec(*args, pass_fds=(child.fileno(),),
                                                        stdin=asyncio.subprocess.DEVNULL,
                                                        stdout=asyncio.subprocess.DEVNULL)
        finally:
            child.close()
        reader, writer = await asyncio.open_unix_connection(sock=parent, limit=2 ** 20)
        try:
            meta, _ = await read_frame(reader)
        except (asyncio.IncompleteReadError, ConnectionError):
            meta = {"error": "the worker stopped while loading"}
        if "error" in meta:
            writer.close()
            if proc.returncode is None:
                proc.kill()
            await proc.wait()
            return str(meta["error"])
        w.proc, w.writer = proc, writer
        w.inflight.clear()
        self._task(self._read(w, reader))
        if self.started:
            self._dispatch()
        return None

    async def _read(self, w: _Worker, reader: asyncio.StreamReader) -> None:
        """Worker ``w``'s replies, in the order its jobs were sent; at its end, replace it."""
        try:
            while True:
                reply = await read_frame(reader)
                job = w.inflight.popleft()
                job.worker = None
                if not job.future.done():
                    job.future.set_result(reply)
                self._dispatch()
        except (asyncio.IncompleteReadError, ConnectionError, OSError, IndexError):
            pass
        if w.inflight:                          # the running job is lost; the ones behind it wait again
            running = w.inflight.popleft()
            running.worker = None
            if not running.future.done():
                running.future.set_exception(WorkerLost())
            for job in reversed(w.inflight):
                job.worker = None
                (self.bulk_waiting if job.bulk else self.waiting).appendleft(job)
            w.inflight.clear()
        await self._replace(w)

    async def _replace(self, w: _Worker) -> None:
        """Worker ``w`` stopped (killed on purpose, or crashed): start another in its place."""
        if w.writer is not None:
            w.writer.close()
        w.writer = None
        if w.proc is not None:
            if w.proc.returncode is None:
                w.proc.kill()
            await w.proc.wait()
        w.proc = None
        if self._closing:
            return
        self.restarts += 1
        delay = 0.0
        while not self._closing:
            error = await self._spawn(w)
            if error is None:
                return
            print(f"pyreason: a worker could not start: {error}", file=sys.stderr)
            delay = min(30.0, delay * 2 or 0.5)
            await asyncio.sleep(delay)

    # scheduling

    def _dispatch(self) -> None:
        """Send waiting jobs to workers that take them: questions first, free workers first; batch
        chunks never on every worker at once."""
        now = time.monotonic()
        while self.waiting:
            job = self.waiting[0]
            w = min((w for w in self.workers if w.takes(job, now)), key=lambda w: len(w.inflight), default=None)
            if w is None:
                break
            self._send(w, self.waiting.popleft())
        while self.bulk_waiting:
            if sum(1 for w in self.workers if any(j.bulk for j in w.inflight)) >= max(1, self.size - 1):
                break
            job = self.bulk_waiting[0]
            w = next((w for w in self.workers if w.takes(job, now)), None)
            if w is None:
                break
            self._send(w, self.bulk_waiting.popleft())

    def _send(self, w: _Worker, job: _Job) -> None:
        assert w.writer is not None
        job.worker, job.sent = w, time.monotonic()
        w.inflight.append(job)
        w.writer.write(pack(job.meta, job.body))

    def _abandon(self, job: _Job, grace: float = 0.0) -> bool:
        """Drop a job whose budget ran out or whose client left; True if it was running. A running
        job's worker is killed (and replaced), after ``grace`` seconds if it has not finished by
        then: a question of a millisecond whose client left is not worth a new worker. A job
        sent behind another runs, and its reply is dropped."""
        w = job.worker
        if w is None:
            for queue in (self.waiting, self.bulk_waiting):
                try:
                    queue.remove(job)
                except ValueError:
                    pass
            return False
        if not w.inflight or w.inflight[0] is not job:
            return False

        def kill() -> None:
            if w.inflight and w.inflight[0] is job and w.proc is not None and w.proc.returncode is None:
                w.proc.kill()                  # _read sees the end of its socket and replaces it
        if grace > 0:
            asyncio.get_running_loop().call_later(grace, kill)
        else:
            kill()
        return True

    def saturated(self) -> bool:
        """Would a single request be refused now (no worker takes it, the waiting bound reached)?"""
        return self.started and len(self.waiting) >= self.queue_bound and not any(
            w.ready and not w.inflight for w in self.workers)

    async def run(self, meta: dict[str, Any], body: bytes, *, budget: float, bulk: bool = False
                  ) -> tuple[dict[str, Any], bytes]:
        """Run one job within ``budget`` seconds (waiting included); raise Overloaded, OverBudget
        or WorkerLost. Cancelled (the client left), the job is dropped or its worker killed."""
        if not self.started:
            await self.start()
        if not bulk and self.saturated():
            raise Overloaded()
        job = _Job(meta, body, bulk, asyncio.get_running_loop().create_future())
        (self.bulk_waiting if bulk else self.waiting).append(job)
        self._dispatch()
        try:
            return await asyncio.wait_for(job.future, max(0.0, budget))
        except asyncio.TimeoutError:
            raise OverBudget(self._abandon(job)) from None
        except asyncio.CancelledError:
            self._abandon(job, grace=DISCONNECT_GRACE)
            raise

    def status(self) -> dict[str, Any]:
        return {"mode": "processes", "workers": self.size,
                "ready": sum(1 for w in self.workers if w.ready),
                "busy": sum(1 for w in self.workers if w.inflight),
                "waiting": len(self.waiting), "batch_chunks_waiting": len(self.bulk_waiting),
                "batches": self.batches, "queue_bound": self.queue_bound, "restarts": self.restarts}


class Inline:
    """The jobs run in this process, on the engine's thread (no worker process to kill): a
    budget that runs out answers at once, while the engine finishes the question within its own
    time limit. For create_app() from Python and tests; ``pyreason serve`` uses a :class:`Pool`."""

    size = 1

    def __init__(self, kbs: list[Any], queue_bound: int = 64, max_batches: int = 1):
        self.jobs = Jobs(kbs)
        self.queue_bound = max(0, queue_bound)
        self.max_batches = max_batches
        self.in_flight = 0
        self.batches = 0

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass

    def saturated(self) -> bool:
        return self.in_flight > self.queue_bound

    async def run(self, meta: dict[str, Any], body: bytes, *, budget: float, bulk: bool = False
                  ) -> tuple[dict[str, Any], bytes]:
        if not bulk and self.saturated():
            raise Overloaded()
        self.in_flight += 1
        try:
            work = asyncio.ensure_future(asyncio.to_thread(self.jobs.run, meta, body))
            try:
                return await asyncio.wait_for(asyncio.shield(work), max(0.0, budget))
            except asyncio.TimeoutError:
                raise OverBudget(True) from None
        finally:
            self.in_flight -= 1

    def status(self) -> dict[str, Any]:
        return {"mode": "inline", "workers": 1, "ready": 1, "busy": min(1, self.in_flight),
                "waiting": max(0, self.in_flight - 1), "batch_chunks_waiting": 0, "batches": self.batches,
                "queue_bound": self.queue_bound, "restarts": 0}


# -- a worker process ---------------------------------------------------------------------------------

def _die_with_parent(parent: int) -> None:
    """A worker busy in a long Prolog call reads no socket, so it would outlive a front that was
    killed: on Linux the kernel kills it with its parent (PR_SET_PDEATHSIG); elsewhere, and as a
    second guard, a thread notices that the parent is gone (Prolog calls release the GIL)."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if parent and os.getppid() != parent:
        os._exit(0)                                     # it died before the line above

    def watch() -> None:
        while os.getppid() == parent or not parent:
            time.sleep(1.0)
        os._exit(0)
    if parent:
        import threading
        threading.Thread(target=watch, name="pyreason-parent-watch", daemon=True).start()


def _worker(argv: list[str]) -> int:
    import argparse
    parser = argparse.ArgumentParser(prog="pyreason.serve_pool")
    parser.add_argument("fd", type=int)
    parser.add_argument("--kb", action="append", default=[])
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--inference-limit", type=int, default=50_000_000)
    parser.add_argument("--parent", type=int, default=0, help="the front's pid: exit when it is gone")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)         # Ctrl-C is the front's to handle
    _die_with_parent(args.parent)
    sock = socket.socket(fileno=args.fd)
    inbox = sock.makefile("rb")

    def send(meta: dict[str, Any], body: bytes = b"") -> None:
        sock.sendall(pack(meta, body))

    try:
        from .kb import KnowledgeBase
        kbs = [KnowledgeBase(d, time_limit=args.time_limit, inference_limit=args.inference_limit)
               for d in args.kb]
        for kb in kbs:                            # what the first request would otherwise compute
            kb.labels("zh"), kb.labels("en"), kb.vocabulary, kb.document
    except Exception as exc:
        send({"error": _one_line(exc)})
        return 1
    jobs = Jobs(kbs)

    def loop() -> None:
        while True:
            head = inbox.read(_FRAME.size)
            if len(head) < _FRAME.size:
                return                            # the front closed the socket, or went away
            mlen, blen = _FRAME.unpack(head)
            meta = json.loads(inbox.read(mlen)) if mlen else {}
            body = inbox.read(blen) if blen else b""
            send(*jobs.run(meta, body))

    send({"ready": os.getpid()})
    try:
        from .bridge import on_engine              # on the engine's own thread: no hand-off per call
    except ImportError:
        loop()
    else:
        on_engine(loop)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(_worker(sys.argv[1:]))
    except (BrokenPipeError, ConnectionError):
        sys.exit(0)
