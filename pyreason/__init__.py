"""pyreason: answers, with citations, on the enforcement bureau's management regulation."""

__version__ = "0.1.0"

from .errors import InternalError, KBError, PyreasonError, ScenarioError  # noqa: E402
from .kb import KnowledgeBase  # noqa: E402

__all__ = ["KnowledgeBase", "PyreasonError", "ScenarioError", "KBError", "InternalError", "__version__"]
