"""pyreason: answers, with citations, on a regulation encoded as a Prolog knowledge base.

The distribution is ``pyreason-law`` (``pip install pyreason-law``; extras ``[web]`` for
``pyreason serve`` and ``[pdf]`` for PDF reports); the import name and the command are ``pyreason``.
"""

__version__ = "0.1.0"

from .errors import InternalError, KBError, PyreasonError, ScenarioError  # noqa: E402


def __getattr__(name: str):
    """``KnowledgeBase`` is imported on first use, so that ``import pyreason`` (and the CLI's
    start) does not pay for the engine's modules before it needs them."""
    if name == "KnowledgeBase":
        from .kb import KnowledgeBase
        globals()["KnowledgeBase"] = KnowledgeBase
        return KnowledgeBase
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["KnowledgeBase", "PyreasonError", "ScenarioError", "KBError", "InternalError", "__version__"]
