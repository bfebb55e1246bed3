"""Exceptions raised by pyreason; each renders as one line for the CLI."""

from __future__ import annotations


class PyreasonError(Exception):
    """Base class of every error pyreason raises on purpose."""

    def line(self, lang: str = "zh") -> str:
        """The error as one line of text."""
        return str(self)


class ScenarioError(PyreasonError):
    """A scenario is unreadable, malformed, or names unknown or contradictory things."""

    def __init__(self, source: str, field: str | None, message: dict[str, str] | str,
                 suggestions: list[str] | None = None, code: str = "invalid"):
        self.source = source
        self.field = field
        self.messages = message if isinstance(message, dict) else {"zh": message, "en": message}
        self.suggestions = list(suggestions or [])
        self.code = code
        super().__init__(self.line("en"))

    def line(self, lang: str = "zh") -> str:
        text = self.messages.get(lang) or self.messages.get("zh") or ""
        where = f"{self.source}: {self.field}" if self.field else self.source
        out = f"{where}: {text}"
        if self.suggestions:
            sep, label = ("、", "；最接近的：") if lang == "zh" else (", ", "; closest known: ")
            out += label + sep.join(self.suggestions)
        return out


class KBError(PyreasonError):
    """The knowledge base could not be found or loaded. ``message`` is one line, or the line in
    each language ({"zh": ..., "en": ...}); ``str()`` is the English."""

    def __init__(self, message: dict[str, str] | str):
        self.messages = message if isinstance(message, dict) else {"zh": message, "en": message}
        super().__init__(self.messages.get("en") or self.messages.get("zh") or "")

    def line(self, lang: str = "zh") -> str:
        return self.messages.get(lang) or self.messages.get("zh") or str(self)


def not_a_kb(directory: object) -> KBError:
    """The error for a directory that holds no knowledge base."""
    return KBError({"zh": f"{directory}: 这里没有 pyreason.pl，不是 pyreason 知识库"
                          "（用 pyreason new DIR --from TEXT 新建一个）",
                    "en": f"{directory}: no pyreason.pl here, so this is not a pyreason knowledge base "
                          "(pyreason new DIR --from TEXT starts one)"})


class InternalError(PyreasonError):
    """Something went wrong inside pyreason or the Prolog engine."""
