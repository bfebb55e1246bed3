"""The optional, heavy parts of pyreason (installed as extras of the distribution) and the one-line
error a feature gives when the extra it needs is not installed."""

from __future__ import annotations

import importlib.util

from .errors import PyreasonError

#: The distribution's name on PyPI ("pyreason" there is an unrelated project); the import name
#: and the command are ``pyreason``.
DISTRIBUTION = "pyreason-law"

#: extra -> the top-level modules it provides.
EXTRAS = {
    "web": ("fastapi", "uvicorn"),       # pyreason serve
    "pdf": ("weasyprint", "pypdf"),      # PDF reports, and verify of a PDF report
    "sign": ("cryptography",),           # signed reports
}


class MissingExtra(PyreasonError):
    """A feature needs an extra that is not installed."""

    def __init__(self, extra: str, feature: str | dict[str, str]):
        self.extra = extra
        self.feature = feature if isinstance(feature, dict) else {"zh": feature, "en": feature}
        super().__init__(self.line("en"))

    def line(self, lang: str = "zh") -> str:
        install = f"pip install '{DISTRIBUTION}[{self.extra}]'"
        if lang == "zh":
            return f"{self.feature['zh']}需要 {self.extra} 附加组件：{install}"
        return f"{self.feature['en']} needs the {self.extra} extra: {install}"


def require(extra: str, feature: str | dict[str, str], *modules: str) -> None:
    """Raise MissingExtra unless every module of ``extra`` (or just ``modules``) is importable."""
    for name in modules or EXTRAS[extra]:
        if importlib.util.find_spec(name) is None:
            raise MissingExtra(extra, feature)
