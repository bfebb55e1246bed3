"""``python -m pyreason`` and the ``pyreason`` command.

A command that will ask the engine starts Prolog on the engine's thread first
(``bridge.start_soon``), then imports the command line (click and the rest): starting Prolog
is mostly C code that gives up the GIL, so the two overlap (issue 13: a cold ``ask``). Where
the shipped KB must be consulted from its sources, the command lets the start's own Python
go first (``bridge.go_on_when_started``), so that consulting begins sooner.
"""

import sys

# The commands that load a knowledge base; the others (new, keygen, serve, --help, --version)
# never start Prolog in this process.
_ENGINE_COMMANDS = frozenset({"ask", "batch", "check", "compare", "diff", "org", "articles", "test",
                              "questions", "schema", "names", "readings", "report", "verify"})
_GLOBAL_OPTIONS_WITH_VALUE = frozenset({"--kb", "--time-limit", "--inference-limit"})


def _command(argv: list[str]) -> str | None:
    """The command named in ``argv`` (the global options skipped), or None: a help or version
    request anywhere, or no command."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_OPTIONS_WITH_VALUE:
            i += 2
        elif arg.startswith("-"):
            i += 1
        else:
            return arg
    return None


def entry() -> None:
    argv = sys.argv[1:]
    command = _command(argv)
    if command in _ENGINE_COMMANDS:
        import os
        # `check` loads the KB its own way (the checker first, every predicate dynamic for
        # mutants), in an engine where no KB is loaded yet: Prolog only.
        shipped = command != "check" and not os.environ.get("PYREASON_KB") and not any(
            a == "--kb" or a.startswith("--kb=") for a in argv)
        try:
            from . import bridge
            bridge.start_soon(shipped_kb=shipped)
            if shipped:
                bridge.go_on_when_started()
        except Exception:          # (never in the way: the command meets any trouble itself)
            pass
    from .cli import entry as cli_entry
    cli_entry()


if __name__ == "__main__":
    entry()
