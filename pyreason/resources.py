"""Where the shipped knowledge base and report templates are."""

from __future__ import annotations

from pathlib import Path

try:                                  # CPython's own SHA-256: imports in a third of hashlib's time
    from _sha256 import sha256        # (which loads OpenSSL, ~3 ms of a cold `ask`); same digests
except ImportError:                   # pragma: no cover (another Python, or a newer CPython)
    from hashlib import sha256

_HERE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """``kb`` or ``reports``: inside an installed wheel, else beside the package."""
    for candidate in (_HERE / "_data" / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"pyreason's {name}/ directory is missing (looked beside {_HERE})")


def kb_fingerprint(kb_dir: Path) -> str:
    """sha256 over every Prolog source of the KB (path and content), tests excluded."""
    digest = sha256()
    for path in sorted(p for p in kb_dir.rglob("*.pl") if "tests" not in p.relative_to(kb_dir).parts):
        digest.update(path.relative_to(kb_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return "sha256:" + digest.hexdigest()
