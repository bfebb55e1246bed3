"""The one owner of the embedded SWI-Prolog engine.

Every request crosses the bridge as UTF-8 JSON put into a Prolog string term
through the C interface (``PL_put_chars``) and handed to one whitelisted
predicate of the engine (``pyreason_engine:call_json/2``, or the checker's
``check_json/2``) with ``PL_call_predicate``: nothing the user wrote is ever read
by the Prolog parser. The reply comes back the same way as JSON text. Knowledge
bases are loaded by a shipped boot module, each into a module named from its
fingerprint, with its path given as a list of character codes; a request names
the KB's module. Several KBs live in one process.

SWI-Prolog's engine belongs to the thread that started it: called from any other
thread it crashes. So one worker thread owns it, and every call from any thread
is handed to that worker (``on_engine``), which also serialises them: callers in
many threads are safe. The one exception is the hot path of a single question
(``call_ask``): a calling thread gets a Prolog engine of its own
(``PL_thread_attach_engine``) and asks on it, under the same lock as the worker's
calls, without a hand-off (issue 13).
"""

from __future__ import annotations

import atexit
import ctypes
import json
import os
import queue
import re
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import concurrent.futures

# shutil, subprocess, tempfile and concurrent.futures are imported where they are used: most
# runs (a cold `pyreason ask`) never need them.

from .errors import InternalError, KBError

_ENGINE: "_Engine | None" = None


class _Worker:
    """The one thread that owns the Prolog engine; a daemon, so it still runs during atexit.

    A call is handed over through a queue and its result comes back through the calling
    thread's own reply queue: two queue operations per call, the cheapest hand-off measured
    here (a concurrent.futures.Future costs three times as much).
    """

    def __init__(self) -> None:
        self.queue: queue.SimpleQueue = queue.SimpleQueue()
        self.thread = threading.Thread(target=self._loop, name="pyreason-prolog", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            fn, args, kwargs, reply = self.queue.get()
            try:
                with _ENGINE_LOCK:
                    value = fn(*args, **kwargs)
                reply.put((True, value))
            except BaseException as exc:          # handed back to the caller
                reply.put((False, exc))

    def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        reply = getattr(_REPLY, "queue", None)
        if reply is None:
            reply = _REPLY.queue = queue.SimpleQueue()
        self.queue.put((fn, args, kwargs, reply))
        ok, value = reply.get()
        if ok:
            return value
        raise value

    def submit(self, fn: Any, *args: Any, **kwargs: Any) -> concurrent.futures.Future:
        """``fn`` on the engine's thread, as a future (for a caller that must not wait forever)."""
        import concurrent.futures
        future: concurrent.futures.Future = concurrent.futures.Future()

        def run() -> None:
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args, **kwargs))
                except BaseException as exc:
                    future.set_exception(exc)
        self.queue.put((run, (), {}, queue.SimpleQueue()))
        return future


_REPLY = threading.local()
_WORKER_LOCK = threading.Lock()
# Held by whichever thread runs Prolog: the worker for each call it is handed, or a caller's
# thread asking on an engine of its own (call_ask). One Prolog call at a time, as before.
_ENGINE_LOCK = threading.Lock()
_WORKER_THREAD: _Worker | None = None


def on_engine(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run ``fn`` on the thread that owns the Prolog engine, and return its result (on the
    calling thread where it is already running Prolog on an engine of its own: ``on_caller``)."""
    global _WORKER_THREAD
    if _WORKER_THREAD is not None and threading.current_thread() is _WORKER_THREAD.thread:
        return fn(*args, **kwargs)
    if _HERE.__dict__.get("busy"):
        return fn(*args, **kwargs)
    with _WORKER_LOCK:
        if _WORKER_THREAD is None:
            _WORKER_THREAD = _Worker()
    return _WORKER_THREAD.call(fn, *args, **kwargs)


_FORGO_CLEANUP = False


def forgo_cleanup() -> None:
    """For a process about to end by ``os._exit`` once its exit handlers ran (a one-shot
    ``pyreason ask``): Prolog is not shut down (~6 ms; nothing of it outlives the process, and
    its output goes through Python), neither by this module's hook nor by pyswip's."""
    global _FORGO_CLEANUP
    _FORGO_CLEANUP = True
    core = sys.modules.get("pyswip.core")
    if core is not None:
        atexit.unregister(core.cleanupProlog)


def _cleanup_on_engine() -> None:
    """At exit, shut Prolog down on its own thread (pyswip's hook would do it from the main one),
    once the exiting thread's own engine, if it has one, is given back."""
    if _FORGO_CLEANUP:
        return
    from pyswip import core
    _detach_here()
    if _WORKER_THREAD is not None and core.PL_is_initialised(None, None):
        # Prolog started where pyswip was first imported: on the worker, or (a caller that imported
        # pyswip itself first) on this thread, Prolog's thread 1, where pyswip's own hook then
        # shuts it down, once the worker has given its engine back.
        started_here = core._lib.PL_thread_self() == 1
        done: queue.SimpleQueue = queue.SimpleQueue()     # (not submit: no concurrent.futures at exit)
        _WORKER_THREAD.queue.put((core._lib.PL_thread_destroy_engine if started_here else core.PL_cleanup,
                                  () if started_here else (0,), {}, done))
        try:
            done.get(timeout=10)
        except queue.Empty:
            pass


def _import_pyswip() -> Any:
    """``pyswip.Prolog``, imported (which starts Prolog on this thread) where SWI-Prolog was
    found before: pyswip finds libswipl by running ``swipl --dump-runtime-variables`` at every
    import (~15 ms of a cold ``ask``) unless LIBSWIPL_PATH and SWI_HOME_DIR are set. What it
    found is kept in the cache (swipl.json), keyed by the ``swipl`` on PATH (its real path,
    size and time) and the library's; the two variables are set only for the import, then
    restored. Set by the user, they are left alone."""
    known = _swipl_location()
    saved = {k: os.environ.get(k) for k in ("LIBSWIPL_PATH", "SWI_HOME_DIR")}
    use = known is not None and not any(saved.values())
    if use:
        os.environ["LIBSWIPL_PATH"], os.environ["SWI_HOME_DIR"] = known
    try:
        from pyswip import Prolog
    finally:
        if use:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    if known is None:
        _remember_swipl_location()
    return Prolog


def _swipl_stamp() -> list[Any] | None:
    import shutil
    exe = shutil.which("swipl")
    if exe is None:
        return None
    real = os.path.realpath(exe)
    st = os.stat(real)
    return [real, st.st_size, st.st_mtime_ns]


def _swipl_location() -> tuple[str, str] | None:
    base = _cache_base()
    if base is None or any(os.environ.get(k) for k in ("LIBSWIPL_PATH", "SWI_HOME_DIR")):
        return None
    try:
        known = json.loads((base / "swipl.json").read_text(encoding="utf-8"))
        lib, home = known["lib"], known["home"]
        st = os.stat(lib)
        if (known["swipl"] == _swipl_stamp() and known["lib_stamp"] == [st.st_size, st.st_mtime_ns]
                and os.path.isdir(home)):
            return lib, home
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def _remember_swipl_location() -> None:
    base = _cache_base()
    core = sys.modules.get("pyswip.core")
    if base is None or core is None:
        return
    try:
        lib, home = os.path.realpath(core._path), core.SWI_HOME_DIR
        if not (isinstance(home, str) and os.path.isabs(lib) and os.path.isdir(home)):
            return
        st = os.stat(lib)
        stamp = _swipl_stamp()
        if stamp is None:
            return
        base.mkdir(parents=True, exist_ok=True)
        tmp = base / f".swipl.json.{os.getpid()}"
        tmp.write_text(json.dumps({"swipl": stamp, "lib": lib, "lib_stamp": [st.st_size, st.st_mtime_ns],
                                   "home": home}), encoding="utf-8")
        os.replace(tmp, base / "swipl.json")          # whole or not at all
    except OSError:
        pass


class _Engine:
    def __init__(self) -> None:
        try:
            Prolog = _import_pyswip()
        except Exception as exc:  # pyswip missing, or libswipl not found
            why = ' '.join(str(exc).split()) or type(exc).__name__
            how = ("Debian/Ubuntu: apt-get install swi-prolog-nox; Fedora: dnf install pl; "
                   "macOS: brew install swi-prolog")
            raise KBError({"zh": f"无法通过 pyswip 启动 SWI-Prolog（{why}）；请安装 SWI-Prolog（{how}），"
                                 "或把 LIBSWIPL_PATH 设为其 libswipl",
                           "en": f"cannot start SWI-Prolog through pyswip ({why}); install SWI-Prolog "
                                 f"({how}), or set LIBSWIPL_PATH to its libswipl"}) from exc
        self.prolog = Prolog()
        self.loaded: dict[str, Path] = {}          # module -> entry file
        atexit.register(_cleanup_on_engine)   # after pyswip's, so it runs before it
        # An uncaught error must never open the interactive tracer.
        self.run("set_prolog_flag(debug_on_error, false)")
        self.run("set_prolog_flag(report_error, true)")
        _load_runtime(self)
        self.load_messages: list[dict[str, Any]] = []

    def run(self, goal: str) -> list[dict[str, Any]]:
        """A goal we wrote (never user text), on the engine's own thread."""
        return on_engine(lambda: list(self.prolog.query(goal, maxresult=1)))

    def load(self, entry: Path, module: str, strict: bool = True, cache_key: str | None = None) -> None:
        """Load the KB at ``entry`` into ``module``; with ``strict``, any load error is a KBError
        naming file and line.

        A KB other than the shipped one is vetted first (``vet_sources``: every term of every
        file read, never run, against a whitelist) and refused with file:line before anything
        of it is loaded; it is then loaded in SWI-Prolog's sandboxed mode, and with ``strict``
        refused unless library(sandbox) accepts every predicate it defines and every goal it
        declares (``vet``). Without ``strict`` (``pyreason check``) that last step is the
        caller's, which reports it as findings.

        With a ``cache_key`` (the KB's fingerprint), a compiled copy (.qlf) of the shipped KB
        that once loaded cleanly is loaded instead of the sources, three times faster; the first
        load builds it in the background. Any trouble with the cache falls back to the sources.
        """
        assert re.fullmatch(r"kb_[0-9a-z]+", module), module      # ours, from hex digits
        trusted = _trusted(entry, cache_key)
        if not trusted:
            _refuse_unsafe_sources(self, entry)
        if entry in self.loaded.values():
            # Another version of this KB (its files changed since) is loaded from the same files,
            # and a file loads into one module only: load this version from a snapshot copy.
            entry = _snapshot(entry)
            if not trusted:
                _refuse_unsafe_sources(self, entry)
        options = "[]" if trusted else "[sandboxed(true)]"
        cached = _cached_qlf(entry, cache_key, self) if strict and cache_key and trusted else None
        if cached is not None:
            try:
                rows = self.run(f"pyreason_boot:load_kb({_codes(cached)}, {module}, J)")
                messages = json.loads(str(rows[0]["J"]))["messages"] if rows else [{"kind": "error"}]
                if not messages and self.run(f"current_predicate({module}:question/5)"):
                    self.load_messages, self.loaded[module] = [], entry
                    return
            except Exception:                   # a damaged cache: the sources still load
                pass
            import shutil
            shutil.rmtree(cached.parent.parent, ignore_errors=True)   # ours; rebuilt next time
        try:
            rows = self.run(f"pyreason_boot:load_kb({_codes(entry)}, {module}, {options}, J)")
        except Exception as exc:
            raise _load_error(entry, _one_line(exc)) from None
        if not rows:                            # the loader itself failed: never half a KB
            raise _load_error(entry, "the loader failed")
        self.load_messages = json.loads(str(rows[0]["J"]))["messages"]
        errors = [m for m in self.load_messages if m["kind"] == "error"]
        if strict and errors:
            raise _load_error(entry, located(errors[0]))
        if strict and not self.run(f"current_predicate({module}:question/5)"):
            raise KBError({"zh": f"{entry}: 没有声明任何问题（question/5），因此无法回答；见 docs/kb-guide.md",
                           "en": f"{entry}: declares no question (question/5), so it answers nothing; "
                                 "see docs/kb-guide.md"})
        if strict and not trusted:
            unsafe = vet(module)
            if unsafe:
                raise refusal_error(unsafe[0], entry)
        self.loaded[module] = entry
        if strict and cache_key and trusted and not self.load_messages:
            _build_qlf_in_background(entry, module, cache_key, self)


def _load_error(entry: Path, why: str) -> KBError:
    return KBError({"zh": f"{entry}: 知识库无法加载：{why}",
                    "en": f"{entry}: cannot load the knowledge base: {why}"})


def _snapshot(entry: Path) -> Path:
    """A private copy of the KB's directory (removed at exit), so a second version of the same
    files can be loaded into a module of its own."""
    import shutil
    import tempfile
    tmp = Path(tempfile.mkdtemp(prefix="pyreason-kb-"))
    atexit.register(shutil.rmtree, tmp, True)
    shutil.copytree(entry.parent, tmp / "kb", ignore=shutil.ignore_patterns("*.qlf", "cases", "tests"))
    return tmp / "kb" / entry.name


def _cache_base() -> Path | None:
    """Where compiled copies are kept (~/.cache/pyreason), or None under PYREASON_NO_CACHE."""
    if os.environ.get("PYREASON_NO_CACHE"):
        return None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pyreason"


def _swipl_version(engine: _Engine) -> Any:
    if getattr(engine, "swipl_version", None) is None:
        engine.swipl_version = engine.run("current_prolog_flag(version, V)")[0]["V"]
    return engine.swipl_version


def _cache_dir(entry: Path, cache_key: str, engine: _Engine) -> Path | None:
    base = _cache_base()
    if base is None:
        return None
    return base / _cache_name(cache_key, _swipl_version(engine))


def _cache_name(cache_key: str, version: Any) -> str:
    """The name of a KB's compiled copy in the cache: its fingerprint's first digits and the
    SWI-Prolog version it was compiled by (``*`` for any, as a glob pattern)."""
    return f"{cache_key.split(':')[-1][:24]}-swipl{version}"


def _cached_qlf(entry: Path, cache_key: str, engine: _Engine) -> Path | None:
    """The compiled KB for this fingerprint and SWI-Prolog version, if one was built."""
    directory = _cache_dir(entry, cache_key, engine)
    qlf = directory / "kb" / "pyreason.qlf" if directory else None
    if qlf is None or not qlf.is_file():
        return None
    if _intact(qlf):
        return qlf
    import shutil
    shutil.rmtree(directory, ignore_errors=True)      # damaged, or built before digests: rebuilt
    return None


def _intact(qlf: Path) -> bool:
    """Whether a compiled copy is whole: the digest recorded when it was built (``_seal``)
    matches. SWI-Prolog aborts the whole process on a truncated .qlf, so none is loaded unchecked."""
    from .resources import sha256
    try:
        recorded = qlf.with_name(qlf.name + ".sha256").read_text(encoding="ascii").strip()
        return sha256(qlf.read_bytes()).hexdigest() == recorded
    except (OSError, ValueError):
        return False


def _seal(qlf: Path) -> None:
    """Record the digest of a compiled copy just built (before it is renamed into place)."""
    import hashlib
    qlf.with_name(qlf.name + ".sha256").write_text(hashlib.sha256(qlf.read_bytes()).hexdigest() + "\n",
                                                   encoding="ascii")


def _build_qlf_in_background(entry: Path, module: str, cache_key: str, engine: _Engine) -> None:
    """Copy the KB into the cache and compile it there, in a detached process (never waited for)."""
    directory = _cache_dir(entry, cache_key, engine)
    if directory is None or directory.exists():
        return
    try:
        import subprocess
        directory.parent.mkdir(parents=True, exist_ok=True)
        subprocess.Popen([sys.executable, "-m", "pyreason.bridge", str(entry.parent), str(directory), module],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    except OSError:
        pass                                  # no cache; the sources still load


def _compile_cache(kb_dir: Path, directory: Path, module: str) -> None:
    """Child process: compile a copy of ``kb_dir`` into ``directory`` (made whole, then renamed),
    for loading into ``module`` (a .qlf records the module it was compiled into)."""
    import shutil
    import subprocess
    import tempfile
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=directory.parent))
    try:
        shutil.copytree(kb_dir, tmp / "kb", ignore=shutil.ignore_patterns("tests", "cases", "*.qlf"))
        if not re.fullmatch(r"kb_[0-9a-z]+", module):
            return
        goal = (f"use_module(library(sandbox)), atom_codes(F, {_codes(_LIB)}), use_module(F), "
                f"add_import_module({module}, pyreason_lib, start), {module}:qcompile('pyreason.pl'), halt")
        done = subprocess.run(["swipl", "-q", "-g", goal, "-t", "halt(1)"],
                              cwd=tmp / "kb", stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        if done.returncode == 0 and not done.stderr and (tmp / "kb" / "pyreason.qlf").is_file():
            _seal(tmp / "kb" / "pyreason.qlf")
            os.rename(tmp, directory)         # atomic: a half-built cache is never seen
    except (OSError, subprocess.SubprocessError):
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


#: The engine's own Prolog files (boot.pl and what it loads): compiled together into one .qlf.
_RUNTIME_FILES = ("boot.pl", "engine.pl", "lib.pl", "numbers.pl", "jsonio.pl", "ruleset.pl")


def _runtime_qlf(engine: _Engine) -> Path | None:
    return runtime_qlf_path(_swipl_version(engine))


def runtime_qlf_path(swipl_version: Any) -> Path | None:
    """Where the compiled engine (boot.pl with the files of _RUNTIME_FILES) for these
    sources and SWI-Prolog version (its ``version`` flag) is kept, or None under
    PYREASON_NO_CACHE. Keyed by the files' paths (a .qlf records them) and contents."""
    base = _cache_base()
    if base is None:
        return None
    from .resources import sha256
    digest = sha256(b"runtime 2\0")          # the copy's layout (2: SWI-Prolog's libraries beside it)
    try:
        for name in _RUNTIME_FILES:
            path = _BOOT.parent / name
            digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return base / f"engine-{digest.hexdigest()[:24]}-swipl{swipl_version}" / "boot.qlf"


def _load_runtime(engine: _Engine) -> None:
    """Load boot.pl (and the engine it loads): from the compiled copy where one was built,
    else from the sources, building the copy in the background for the next run. The copy
    records the sources' own paths, so the engine's modules are the same either way (check.pl
    loads beside them as usual). Any trouble with the copy: the sources load."""
    qlf = _runtime_qlf(engine)
    if qlf is not None and qlf.is_file():
        try:
            # Quietly: a warning or error while loading it (a damaged or stale copy) is trouble,
            # and the sources load instead. SWI-Prolog's libraries the engine uses load first from
            # their own copies (_library_copies), with autoloading limited to explicit
            # declarations as engine.pl loads library(time).
            libraries = _library_copies(qlf.parent)
            loads = "".join(f"atom_codes(L{i}, {_codes(lib)}), load_files(L{i}, []), "
                            for i, lib in enumerate(libraries or []))
            if libraries:
                loads = ("current_prolog_flag(autoload, A), "
                         f"setup_call_cleanup(set_prolog_flag(autoload, explicit), ({loads}true), "
                         "set_prolog_flag(autoload, A)), ")
            goal = (f"atom_codes(F, {_codes(qlf)}), nb_setval(pyreason_qlf_trouble, false), "
                    "setup_call_cleanup(asserta((user:message_hook(_, K, _) :- "
                    "memberchk(K, [error, warning]), nb_setval(pyreason_qlf_trouble, true)), Ref), "
                    f"catch(({loads}load_files(F, [])), _, nb_setval(pyreason_qlf_trouble, true)), erase(Ref)), "
                    "nb_getval(pyreason_qlf_trouble, false), "
                    "current_predicate(pyreason_boot:load_kb/4), current_predicate(pyreason_engine:call_json/2)")
            if libraries is not None and _intact(qlf) and engine.run(goal):
                return
        except Exception:
            pass
        import shutil
        shutil.rmtree(qlf.parent, ignore_errors=True)          # ours; rebuilt next time
    engine.run(f"atom_codes(F, {_codes(_BOOT)}), load_files(F, [])")
    if qlf is not None and not qlf.parent.exists():
        try:
            import subprocess
            qlf.parent.parent.mkdir(parents=True, exist_ok=True)
            subprocess.Popen([sys.executable, "-m", "pyreason.bridge", "--engine", str(qlf.parent)],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
        except OSError:
            pass                                  # no compiled engine; the sources still load


def _library_copies(directory: Path) -> list[Path] | None:
    """The compiled copies of SWI-Prolog's libraries kept beside a compiled engine, in the
    order to load them (each after the libraries it loads), where every one is whole and its
    library file is the one it was compiled from (its size and time as then); [] where there
    are none (the libraries then load from their sources); None where one is damaged or stale
    (the whole copy is then made again)."""
    manifest = directory / "lib" / "manifest.json"
    if not manifest.is_file():
        return []
    from .resources import sha256
    try:
        out = []
        for entry in json.loads(manifest.read_text(encoding="utf-8")):
            st = os.stat(entry["source"])
            copy = directory / "lib" / entry["qlf"]
            if ([st.st_size, st.st_mtime_ns] != entry["stamp"] or "/" in entry["qlf"]
                    or sha256(copy.read_bytes()).hexdigest() != entry["sha256"]):
                return None
            out.append(copy)
        return out
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _compile_runtime(directory: Path) -> None:
    """Child process: compile boot.pl and the user files it loads into ``directory``/boot.qlf,
    as qcompile(File, [include(user)]) does but writing the .qlf outside the package, which may
    be read-only; then each SWI-Prolog library it loaded into lib/NN.qlf (a process of its own
    for each, so that it is compiled rather than found loaded), listed in lib/manifest.json in
    the order they finished loading (a library after those it loads) with what they were
    compiled from. Made whole, then renamed into place; a library that fails to compile leaves
    the libraries to load from their sources."""
    import shutil
    import subprocess
    import tempfile
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=directory.parent))
    try:
        listing = tmp / "libraries.txt"
        goal = (f"atom_codes(F, {_codes(_BOOT)}), atom_codes(Q, {_codes(tmp / 'boot.qlf')}), "
                f"atom_codes(L, {_codes(listing)}), "
                "asserta((user:message_hook(load_file(done(_, file(_, P), _, _, _, _)), _, _) :- "
                "assertz(user:pyreason_loaded(P)), fail)), "
                "setup_call_cleanup(asserta('$qlf':qinclude(user), Ref), "
                "load_files(user:F, ['$qlf'(Q)]), erase(Ref)), "
                "current_prolog_flag(home, H), "
                "setup_call_cleanup(open(L, write, S, [encoding(utf8)]), "
                "forall((user:pyreason_loaded(P), sub_atom(P, 0, _, _, H)), (writeq(S, P), nl(S))), close(S)), "
                "halt")
        done = subprocess.run(["swipl", "-q", "-g", goal, "-t", "halt(1)"], cwd=tmp,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        if done.returncode == 0 and not done.stderr and (tmp / "boot.qlf").is_file():
            _compile_libraries(tmp, listing)
            _seal(tmp / "boot.qlf")
            os.rename(tmp, directory)         # atomic: a half-built copy is never seen
    except (OSError, subprocess.SubprocessError):
        pass
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _compile_libraries(tmp: Path, listing: Path) -> None:
    """lib/ of _compile_runtime: each library of ``listing`` (one quoted path per line)
    compiled, or no lib/ at all."""
    import subprocess
    from .resources import sha256
    lib = tmp / "lib"
    try:
        sources = [line for line in listing.read_text(encoding="utf-8").splitlines() if line.strip()]
        lib.mkdir()
        entries = []
        for i, quoted in enumerate(sources, 1):
            source = quoted[1:-1].replace("\\'", "'") if quoted.startswith("'") else quoted
            name = f"{i:02d}.qlf"
            goal = (f"atom_codes(F, {_codes(source)}), atom_codes(Q, {_codes(lib / name)}), "
                    "set_prolog_flag(autoload, explicit), load_files(F, ['$qlf'(Q)]), halt")
            done = subprocess.run(["swipl", "-q", "-g", goal, "-t", "halt(1)"], cwd=tmp,
                                  stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
            st = os.stat(source)
            if done.returncode != 0 or done.stderr or not (lib / name).is_file():
                raise OSError(f"{source} did not compile")
            entries.append({"qlf": name, "source": source, "stamp": [st.st_size, st.st_mtime_ns],
                            "sha256": sha256((lib / name).read_bytes()).hexdigest()})
        (lib / "manifest.json").write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    except (OSError, ValueError, subprocess.SubprocessError):
        import shutil
        shutil.rmtree(lib, ignore_errors=True)


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
_LIB = Path(__file__).resolve().parent / "prolog" / "lib.pl"


def _one_line(text: Any) -> str:
    """One line, without the query text pyswip puts in its errors (it can be huge hex)."""
    line = " ".join(str(text).split())
    line = re.sub(r"Caused by: '.*?'\. Returned: ", "", line)
    return line if len(line) <= 400 else line[:400] + "…"


def module_for(fingerprint: str) -> str:
    """The Prolog module a KB with this fingerprint is loaded into (several KBs per process)."""
    return "kb_" + fingerprint.split(":")[-1][:24]


def engine_for(entry: Path, module: str, strict: bool = True, cache_key: str | None = None) -> _Engine:
    """The process's engine, with the KB at ``entry`` loaded into ``module`` (once)."""
    return on_engine(_engine_for, entry, module, strict, cache_key)


def start_soon(shipped_kb: bool = False) -> None:
    """Start Prolog on the worker now, without waiting for it, and with ``shipped_kb`` load the
    shipped KB too: a command that will need the engine (``pyreason ask``) starts it before
    importing the rest of itself, so that starting Prolog and loading (C code, which gives up
    the GIL) overlap the command's imports and the reading of its input (issue 13: a cold
    ``ask``). Only the shipped KB, which is trusted and loads cleanly: a KB of the user's is
    vetted and loaded when the command asks for it, so that its errors are reported once, in
    order. A failure here is left for the command's own call to meet and report."""
    global _WORKER_THREAD
    with _WORKER_LOCK:
        if _WORKER_THREAD is None:
            _WORKER_THREAD = _Worker()
    global _STARTED
    _STARTED = queue.SimpleQueue()
    _WORKER_THREAD.queue.put((_start, (shipped_kb,), {}, _STARTED))

    def settle() -> None:
        # (where the command's own wait_started did not run first: the hook _Engine registers
        # may come too late to run)
        wait_started()
        _cleanup_on_engine()
    atexit.register(settle)


_STARTED: "queue.SimpleQueue | None" = None


def wait_started(timeout: float = 30) -> None:
    """Wait for what ``start_soon`` started to finish. A command that ends before it asks (a
    usage error) calls it before it exits: an exit while Prolog is still starting on the worker
    would run pyswip's exit hook, which shuts Prolog down from the exiting thread while the
    worker is still in it ("Failed to stop Prolog threads", or worse)."""
    global _STARTED
    started, _STARTED = _STARTED, None
    if started is not None:
        try:
            started.get(timeout=timeout)
        except queue.Empty:
            pass


def _start(shipped_kb: bool) -> None:
    global _ENGINE
    try:
        if shipped_kb:
            from .resources import kb_fingerprint, resource_dir
            kb_dir = resource_dir("kb")
            fingerprint = kb_fingerprint(kb_dir)
        if not shipped_kb or _compiled_copy_likely(fingerprint):
            _GO_ON.set()
        if _ENGINE is None:
            _ENGINE = _Engine()
        if shipped_kb:
            _GO_ON.set()            # what is left is mostly consulting: C, without the GIL
            _engine_for(kb_dir / "pyreason.pl", module_for(fingerprint), True, fingerprint)
    finally:
        _GO_ON.set()


#: Set by the worker when the command that started it early (``start_soon``) may go on with
#: its own imports (``go_on_when_started``): at once where the shipped KB has a compiled copy
#: to load or no KB is loaded; else once the Python part of starting is done (importing pyswip,
#: loading the engine, the KB's fingerprint) and consulting the KB's sources, C code that
#: gives up the GIL, begins. Both threads' Python shares one GIL: run side by side, each
#: goes at half speed, and consulting (the longest part) starts late.
_GO_ON = threading.Event()


def go_on_when_started(timeout: float = 0.5) -> None:
    """Wait (at most ``timeout`` seconds) until the worker that ``start_soon`` started says the
    command may go on importing (``_GO_ON``). A cold ``pyreason ask``, without and with this
    wait, in turn over 20 rounds: 163 -> 143 ms without the KB's compiled copy, 145 -> 134 ms
    with it (issue 13; bench.py's cold figures)."""
    _GO_ON.wait(timeout)


def _compiled_copy_likely(fingerprint: str) -> bool:
    """Whether a compiled copy of the KB with this fingerprint is in the cache, for some
    SWI-Prolog version (which one is known once Prolog runs): only to choose the order of the
    start's work, never which copy loads."""
    base = _cache_base()
    if base is None:
        return False
    try:
        return any(base.glob(f"{_cache_name(fingerprint, '*')}/kb/pyreason.qlf"))
    except OSError:
        return False


def _engine_for(entry: Path, module: str, strict: bool, cache_key: str | None) -> _Engine:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = _Engine()
    if module not in _ENGINE.loaded:
        _ENGINE.load(entry, module, strict=strict, cache_key=cache_key)
    return _ENGINE


class _CInterface:
    """The few SWI-Prolog C functions the bridge needs, with their own ctypes signatures."""

    def __init__(self) -> None:
        from pyswip import core
        lib = core._lib
        self.core = core
        self.open_frame = lib.PL_open_foreign_frame
        self.open_frame.restype = ctypes.c_size_t
        self.discard_frame = lib.PL_discard_foreign_frame
        self.discard_frame.argtypes = [ctypes.c_size_t]
        self.new_term_refs = lib.PL_new_term_refs
        self.new_term_refs.argtypes = [ctypes.c_int]
        self.new_term_refs.restype = ctypes.c_size_t
        self.put_chars = lib.PL_put_chars
        self.put_chars.argtypes = [ctypes.c_size_t, ctypes.c_int, ctypes.c_size_t, ctypes.c_char_p]
        self.put_chars.restype = ctypes.c_int
        self.get_nchars = lib["PL_get_nchars"]
        self.get_nchars.argtypes = [ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t),
                                    ctypes.POINTER(ctypes.c_void_p), ctypes.c_uint]
        self.get_nchars.restype = ctypes.c_int
        self.mark_buffers = lib["PL_mark_string_buffers"]      # own function objects: pyswip types its own
        self.mark_buffers.argtypes = [ctypes.POINTER(ctypes.c_size_t)]
        self.mark_buffers.restype = None
        self.release_buffers = lib["PL_release_string_buffers_from_mark"]
        self.release_buffers.argtypes = [ctypes.c_size_t]
        self.release_buffers.restype = None
        self.predicate = lib.PL_predicate
        self.predicate.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
        self.predicate.restype = ctypes.c_void_p
        self.call_predicate = lib.PL_call_predicate
        self.call_predicate.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t]
        self.call_predicate.restype = ctypes.c_int
        self._preds: dict[tuple[str, str, int], int] = {}

    def call_json(self, module: str, name: str, data: bytes) -> bytes:
        """Call Module:Name(+String, -Reply) with ``data`` (UTF-8 JSON) as a string term."""
        return self.call(module, name, data)

    def call(self, module: str, name: str, *data: bytes, reply_bytes: bool = False) -> bytes:
        """Call Module:Name(+String, ..., -Reply) with each of ``data`` (UTF-8) as a string term,
        and return the reply's text (UTF-8). With ``reply_bytes`` the reply is already bytes, one
        per character (codes below 256), and is returned as it is.

        Converting the reply to UTF-8 takes SWI-Prolog string buffers that are released only
        back to a mark (PL_STRINGS_MARK/PL_STRINGS_RELEASE in C), which nothing sets when the
        engine is called from outside a foreign predicate: without the mark each call kept
        about twice the reply's size, for ever (~15 KB per ask). The reply is copied out
        before the buffers are released.
        """
        c = self.core
        arity = len(data) + 1
        key = (module, name, arity)
        if key not in self._preds:
            self._preds[key] = self.predicate(name.encode(), arity, module.encode())
        mark = ctypes.c_size_t()
        self.mark_buffers(ctypes.byref(mark))
        frame = self.open_frame()
        try:
            t = self.new_term_refs(arity)
            for i, chunk in enumerate(data):
                if not self.put_chars(t + i, c.PL_STRING | c.REP_UTF8, len(chunk), chunk):
                    raise InternalError("could not hand the request to Prolog")
            if not self.call_predicate(None, c.PL_Q_NODEBUG | c.PL_Q_CATCH_EXCEPTION, self._preds[key], t):
                raise InternalError(f"{module}:{name}/{arity} failed")
            size = ctypes.c_size_t()
            out = ctypes.c_void_p()
            if not self.get_nchars(t + len(data), ctypes.byref(size), ctypes.byref(out),
                                   c.CVT_STRING | c.CVT_ATOM | c.BUF_STACK
                                   | (0 if reply_bytes else c.REP_UTF8)):
                raise InternalError("the reply was not text")
            return ctypes.string_at(out.value, size.value) if out.value else b""
        finally:
            self.discard_frame(frame)
            self.release_buffers(mark)

    def ask(self, header: bytes, line: bytes) -> bytes:
        """``call("pyreason_engine", "call_ask", header, line, reply_bytes=True)``, the hot path
        of KnowledgeBase.ask, with the predicate and the out-parameters made once. Prolog calls
        are serialised (_ENGINE_LOCK), so one set of out-parameters serves every thread."""
        fast = self.__dict__.get("_ask")
        if fast is None:
            c = self.core
            mark, size, out = ctypes.c_size_t(), ctypes.c_size_t(), ctypes.c_void_p()
            fast = self._ask = (self.predicate(b"call_ask", 3, b"pyreason_engine"),
                                mark, ctypes.byref(mark), size, ctypes.byref(size), out, ctypes.byref(out),
                                c.PL_STRING | c.REP_UTF8, c.PL_Q_NODEBUG | c.PL_Q_CATCH_EXCEPTION,
                                c.CVT_STRING | c.CVT_ATOM | c.BUF_STACK)
        pred, mark, mark_ref, size, size_ref, out, out_ref, put_flags, call_flags, get_flags = fast
        self.mark_buffers(mark_ref)
        frame = self.open_frame()
        try:
            t = self.new_term_refs(3)
            if not (self.put_chars(t, put_flags, len(header), header)
                    and self.put_chars(t + 1, put_flags, len(line), line)):
                raise InternalError("could not hand the request to Prolog")
            if not self.call_predicate(None, call_flags, pred, t):
                raise InternalError("pyreason_engine:call_ask/3 failed")
            if not self.get_nchars(t + 2, size_ref, out_ref, get_flags):
                raise InternalError("the reply was not text")
            return ctypes.string_at(out.value, size.value) if out.value else b""
        finally:
            self.discard_frame(frame)
            self.release_buffers(mark.value)


_C: _CInterface | None = None


def _call_json(module: str, name: str, request: dict[str, Any], here: bool = False) -> dict[str, Any]:
    """``request`` to Module:Name/2 as JSON, its reply as Python values; on the worker, or
    with ``here`` on the caller's own engine (``on_caller``: a short call)."""
    data = json.dumps(request, ensure_ascii=False).encode("utf-8", "surrogatepass")
    raw = (on_caller if here else on_engine)(_call_json_on_engine, module, name, data)
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError as exc:
        raise InternalError(f"the knowledge base replied in an unexpected form: {exc}") from None


def _call_json_on_engine(module: str, name: str, data: bytes) -> bytes:
    global _C
    if _C is None:
        _C = _CInterface()
    return _C.call(module, name, data)


def call_batch(module: str, header: dict[str, Any], lines: bytes) -> bytes:
    """Answer a chunk of JSON Lines (``lines``, UTF-8) with the KB loaded into ``module``:
    ``pyreason_engine:call_batch/3``. The reply is raw output (see there): a line with the
    indexes of the lines left to the caller, then the answers as JSON Lines. Call it on the
    engine's thread (``on_engine``) or from any thread."""
    if _ENGINE is None or module not in _ENGINE.loaded:
        raise InternalError(f"knowledge base {module} is not loaded")
    data = json.dumps({**header, "kb": module}, ensure_ascii=False).encode("utf-8")
    return on_engine(_call_batch_on_engine, data, lines)


def _call_batch_on_engine(header: bytes, lines: bytes) -> bytes:
    global _C
    if _C is None:
        _C = _CInterface()
    return _C.call("pyreason_engine", "call_batch", header, lines, reply_bytes=True)


def call_ask(module: str, header: bytes, line: bytes) -> bytes:
    """One scenario (``line``: compact JSON, UTF-8) answered by ``pyreason_engine:call_ask/3``
    in the context of ``header`` (a batch header's JSON, naming ``module``, UTF-8): the
    answer's JSON, or ``{"error": ...}``, or b"" for a scenario to ask the long way.

    Asked on the calling thread's own Prolog engine, under the engine lock: no hand-off to
    the worker (two thread wake-ups, most of the time of a remembered answer). Each thread
    keeps its own memory of answers (pyreason_engine:answers_/1); the KB, its facts and the
    schemas are shared. Where a thread cannot have an engine, the worker answers."""
    if _ENGINE is None or module not in _ENGINE.loaded:
        raise InternalError(f"knowledge base {module} is not loaded")
    return on_caller(_call_ask_on_engine, header, line)


def on_caller(fn: Any, *args: Any) -> Any:
    """Run ``fn`` (a short Prolog call: one question, a date read) on the calling thread's own
    Prolog engine, under the engine lock, without a hand-off to the worker; on the worker where
    the thread cannot have an engine. Only for calls that end within a question's time limit:
    a thread running Prolog does not see Ctrl-C until the call returns (the worker's callers
    do), so long runs (a batch, a check, loading) stay on the worker."""
    here = _HERE.__dict__
    if here.get("busy") or not (here.get("engine") or _attach_here()):
        return on_engine(fn, *args)
    with _ENGINE_LOCK:
        here["busy"] = True
        try:
            return fn(*args)
        finally:
            here["busy"] = False


# .engine: this thread's Prolog engine (an _OwnEngine), or False where it cannot have one;
# .busy: running Prolog on it now (on_engine then runs there too, rather than wait for the
# worker, which waits for the lock).
_HERE = threading.local()


class _OwnEngine:
    """A Prolog engine of the calling thread's own (PL_thread_attach_engine), given back
    (PL_thread_destroy_engine) when the thread ends: CPython clears a thread's
    ``threading.local`` values on that thread as it finishes, and SWI-Prolog does not give
    back an engine whose thread ended (it would stay, and PL_cleanup would then warn at exit
    that it failed to stop it). The main thread's is given back by _cleanup_on_engine."""

    def __init__(self, core: Any) -> None:
        self.destroy = core._lib.PL_thread_destroy_engine
        self.destroy.restype = ctypes.c_int
        self.thread = threading.get_ident()
        self.live = True

    def close(self) -> None:
        if self.live and threading.get_ident() == self.thread:
            self.live = False
            # Bounded: at exit another thread may be stuck in Prolog, holding the lock for good;
            # the engine is then left as it is rather than the exit waiting for ever.
            if _ENGINE_LOCK.acquire(timeout=10):
                try:
                    self.destroy()
                finally:
                    _ENGINE_LOCK.release()

    __del__ = close


def _attach_here() -> bool:
    """Give the calling thread a Prolog engine of its own, once; False where it cannot have one
    (the worker's thread, or the engine refused) and must hand off."""
    if _ENGINE is None or _WORKER_THREAD is None or threading.current_thread() is _WORKER_THREAD.thread:
        return False                                  # (Prolog starts on the worker)
    if "engine" in _HERE.__dict__:
        return False                                  # refused before
    from pyswip import core
    core._lib.PL_thread_self.restype = ctypes.c_int
    if core._lib.PL_thread_self() >= 0:
        _HERE.engine = True               # it has one already (pyswip started Prolog here): not ours to give back
        return True
    attach = core._lib.PL_thread_attach_engine
    attach.argtypes = [ctypes.c_void_p]
    attach.restype = ctypes.c_int
    with _ENGINE_LOCK:
        ok = attach(None) >= 0
    _HERE.engine = _OwnEngine(core) if ok else False
    return ok


def _detach_here() -> None:
    engine = _HERE.__dict__.pop("engine", None)
    if isinstance(engine, _OwnEngine):
        engine.close()


def _call_ask_on_engine(header: bytes, line: bytes) -> bytes:
    global _C
    if _C is None:
        _C = _CInterface()
    return _C.ask(header, line)


def call(module: str, request: dict[str, Any], here: bool = False) -> dict[str, Any]:
    """Send one request to the engine about the KB loaded into ``module``, and return its
    reply as plain Python values; with ``here``, a short request (one question) asked on the
    caller's own engine (``on_caller``)."""
    if _ENGINE is None or module not in _ENGINE.loaded:
        raise InternalError(f"knowledge base {module} is not loaded")
    return _call_json("pyreason_engine", "call_json", {**request, "kb": module}, here)


def check_engine(entry: Path, module: str, mutable: bool = False) -> _Engine:
    """See _check_engine; on the engine's thread."""
    return on_engine(_check_engine, entry, module, mutable)


def _check_engine(entry: Path, module: str, mutable: bool = False) -> _Engine:
    """The engine with the checker loaded first and the KB at ``entry`` loaded into ``module``
    for checking.

    Load errors do not raise (they are findings).  With ``mutable`` every predicate the KB's
    files define loads as a dynamic predicate, so mutants can be applied and rolled back
    (clause coverage is not recorded for dynamic code, so the other checks load the KB as it is).
    """
    global _ENGINE
    assert re.fullmatch(r"kb_[0-9a-z]+", module), module
    if _ENGINE is not None and _ENGINE.loaded:
        raise KBError("checking needs its own process: a knowledge base is already loaded here")
    if _ENGINE is None:
        _ENGINE = _Engine()
    _ENGINE.run(f"atom_codes(F, {_codes(_CHECK)}), load_files(F, [])")
    _ENGINE.run(f"nb_setval(pyreason_check_dynamic, {module if mutable else 'false'})")
    try:
        _ENGINE.load(entry, module, strict=False)
    finally:
        _ENGINE.run("nb_setval(pyreason_check_dynamic, false)")
    return _ENGINE


def call_check(request: dict[str, Any]) -> dict[str, Any]:
    """Send one request to the checker (pyreason_check:check_json/2)."""
    if _ENGINE is None:
        raise InternalError("the checker is not loaded")
    reply = _call_json("pyreason_check", "check_json", request)
    if "error" in reply and len(reply) == 1:
        raise InternalError(f"check failed: {reply['error']}")
    return reply


if __name__ == "__main__":   # the detached child of _build_qlf_in_background or _load_runtime
    if sys.argv[1] == "--engine":
        _compile_runtime(Path(sys.argv[2]))
    else:
        _compile_cache(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])


def vet(module: str) -> list[dict[str, Any]]:
    """What of the KB loaded into ``module`` library(sandbox) does not accept: each predicate it
    defines, question goal, check_violation goal or message format that could reach anything
    but reasoning, as {predicate, kind, message, zh, en, file, line}."""
    if _ENGINE is None:
        raise InternalError("no engine")
    rows = _ENGINE.run(f"pyreason_boot:vet_kb({module}, J)")
    if not rows:
        return [{"predicate": "?", "kind": "pred", "message": "vetting failed", "file": None, "line": None,
                 "zh": "无法审查知识库", "en": "the knowledge base could not be vetted"}]
    return json.loads(str(rows[0]["J"]))["unsafe"]


def vet_sources(entry: Path) -> list[dict[str, Any]]:
    """What loading the KB at ``entry`` would run or reach outside it, found by reading every
    term of every file it includes (never running any): [{file, line, key, zh, en}], in the
    order loading would meet them; empty if nothing."""
    def run() -> list[dict[str, Any]]:
        global _ENGINE
        if _ENGINE is None:
            _ENGINE = _Engine()
        return _vet_sources_on_engine(_ENGINE, entry)
    return on_engine(run)


def _vet_sources_on_engine(engine: _Engine, entry: Path) -> list[dict[str, Any]]:
    rows = engine.run(f"pyreason_boot:vet_sources({_codes(entry)}, J)")
    if not rows:
        return [{"file": str(entry), "line": 0, "key": "vet_unreadable",
                 "zh": "无法审查知识库", "en": "the knowledge base could not be vetted"}]
    return json.loads(str(rows[0]["J"]))["refusals"]


def _refuse_unsafe_sources(engine: _Engine, entry: Path) -> None:
    refusals = _vet_sources_on_engine(engine, entry)
    if refusals:
        raise refusal_error(refusals[0], entry)


def refusal_error(item: dict[str, Any], entry: Path | None = None) -> KBError:
    """One refusal of vetting as the one line the user sees, in both languages, led by the
    file and line it concerns (else the KB's entry)."""
    where = f"{item['file']}:{item['line']}" if item.get("file") else str(entry or "")
    return KBError({lang: f"{where}: {_one_line(item[lang])}" for lang in ("zh", "en")})


def _trusted(entry: Path, cache_key: str | None) -> bool:
    """The shipped KB (its own files, or a copy with its fingerprint) is not vetted."""
    from .resources import resource_dir
    try:
        shipped = resource_dir("kb")
    except FileNotFoundError:
        return False
    if Path(entry).resolve() == (shipped / "pyreason.pl").resolve():
        return True
    return cache_key is not None and cache_key == _shipped_fingerprint(shipped)


_SHIPPED_FINGERPRINT: dict[Path, str] = {}


def _shipped_fingerprint(shipped: Path) -> str:
    if shipped not in _SHIPPED_FINGERPRINT:
        from .resources import kb_fingerprint
        _SHIPPED_FINGERPRINT[shipped] = kb_fingerprint(shipped)
    return _SHIPPED_FINGERPRINT[shipped]
