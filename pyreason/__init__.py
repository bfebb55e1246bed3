"""pyreason: answers, with citations, on a regulation encoded as a Prolog knowledge base.

The distribution is ``pyreason-law`` (``pip install pyreason-law``; extras ``[web]`` for
``pyreason serve`` and ``[pdf]`` for PDF reports); the import name and the command are ``pyreason``.
"""

__version__ = "0.1.0"

from .errors import InternalError, KBError, PyreasonError, ScenarioError  # noqa: E402
from .kb import KnowledgeBase  # noqa: E402

__all__ = ["KnowledgeBase", "PyreasonError", "ScenarioError", "KBError", "InternalError", "__version__"]
