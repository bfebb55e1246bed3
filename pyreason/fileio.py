"""Reading inputs and writing outputs safely.

* :func:`read_input` reads a regular file (or standard input) with a bound on its size: a
  directory, a named pipe, a device or a socket is refused with one line, so that a read never
  blocks and never runs unbounded.
* :func:`open_output` streams an output: over a regular file atomically (a temporary file in
  the same directory, renamed into place, the old file's permissions kept), never replacing an
  existing file without ``force``; onto a named pipe, a character device (``/dev/null``) or the
  process's own standard output in place, never replacing the special file itself.
* :func:`write_atomic` is ``open_output`` for bytes already in hand.

Temporaries are named ``.<name>.pyreason-<pid>-<random>.tmp``: one left behind by a process
that was killed (``kill -9``) carries the id of a process that no longer runs and is removed
by the next write into that directory.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .errors import PyreasonError


class FileError(PyreasonError):
    """A file that cannot be read or written as asked: one line naming it. ``code`` tells the
    kind: ``exists`` (an output that was not overwritten), ``unreadable``, ``unwritable``,
    ``not_file`` (a directory, pipe or device where a file was expected), ``too_large``."""

    def __init__(self, path: str, message: dict[str, str], code: str = "unreadable"):
        self.path, self.messages, self.code = str(path), message, code
        super().__init__(self.line("en"))

    def line(self, lang: str = "zh") -> str:
        return f"{self.path}: {self.messages.get(lang) or self.messages['zh']}"


_EXISTS = {"zh": "文件已存在，未覆盖（需要覆盖请加 --force）",
           "en": "already exists and was not overwritten (use --force to replace it)"}


def _os_error(path: str, exc: OSError, reading: bool) -> FileError:
    """An OSError as one line (a name too long, a missing folder, no permission, a full disk)."""
    if exc.errno == errno.ENAMETOOLONG:
        return FileError(path, {"zh": "文件名过长", "en": "the file name is too long"},
                         "unreadable" if reading else "unwritable")
    reason = exc.strerror or type(exc).__name__
    if reading:
        return FileError(path, {"zh": f"无法读取：{reason}", "en": f"cannot read: {reason}"}, "unreadable")
    return FileError(path, {"zh": f"无法写入：{reason}", "en": f"cannot write: {reason}"}, "unwritable")


def _kind(mode: int) -> tuple[str, str] | None:
    """What a non-regular file is, in words (zh, en); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return ("是一个目录", "is a directory")
    if stat.S_ISFIFO(mode):
        return ("是一个命名管道", "is a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return ("是一个设备", "is a device")
    if stat.S_ISSOCK(mode):
        return ("是一个套接字", "is a socket")
    return ("不是普通文件", "is not a regular file")


# -- reading ---------------------------------------------------------------------------

def _same_file(st: os.stat_result, fd: int) -> bool:
    try:
        other = os.fstat(fd)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == (other.st_dev, other.st_ino)


def read_input(path: str, max_bytes: int) -> bytes:
    """The bytes of ``path`` ('-': standard input), at most ``max_bytes`` of them.

    Only a regular file is read (or the process's own standard input, named ``-`` or by a path
    to it): a directory, a named pipe, a device or a socket is a :class:`FileError`, as is a
    file larger than ``max_bytes``. Nothing is read past the bound."""
    too_large = FileError(path, {"zh": f"文件超过 {max_bytes} 字节的上限",
                                 "en": f"the file is larger than the limit of {max_bytes} bytes"}, "too_large")
    if path == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise too_large
        return raw
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise FileError(path, {"zh": "文件不存在", "en": "no such file"}, "unreadable") from None
        raise _os_error(path, exc, reading=True) from None
    if not stat.S_ISREG(st.st_mode):
        if stat.S_ISFIFO(st.st_mode) and _same_file(st, 0):
            raw = sys.stdin.buffer.read(max_bytes + 1)      # /dev/stdin, a pipe: as '-'
            if len(raw) > max_bytes:
                raise too_large
            return raw
        zh, en = _kind(st.st_mode) or ("不是普通文件", "is not a regular file")
        raise FileError(path, {"zh": f"{zh}，不是文件", "en": f"{en}, not a file"}, "not_file")
    if st.st_size > max_bytes:
        raise too_large
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _os_error(path, exc, reading=True) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):       # replaced since it was looked at
            raise FileError(path, {"zh": "不是文件", "en": "is not a regular file"}, "not_file")
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _os_error(path, exc, reading=True) from None
    finally:
        os.close(fd)
    if size > max_bytes:
        raise too_large
    return b"".join(chunks)


# -- writing ---------------------------------------------------------------------------

_TMP = re.compile(r"\A\..*\.pyreason-(\d+)-[0-9a-f]{12}\.tmp\Z")


def _tmp_name(name: str) -> str:
    """A temporary's name for ``name``: short enough for any file system (255 bytes), and
    carrying this process's id."""
    base = name
    while len(base.encode("utf-8", "surrogateescape")) > 80:
        base = base[:-1]
    import secrets                  # (here: its import costs a cold `ask`, which writes no file, 3 ms)
    return f".{base}.pyreason-{os.getpid()}-{secrets.token_hex(6)}.tmp"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True                 # someone else's process: leave its file alone
    return True


def clean_stale(directory: str | Path) -> int:
    """Remove the temporaries of processes that no longer run from ``directory``; how many."""
    removed = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        m = _TMP.match(entry.name)
        if m and not _alive(int(m.group(1))):
            try:
                if entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                pass
    return removed


class _InPlace:
    """A binary stream over a file descriptor that stays open (standard output)."""

    def __init__(self, stream: IO[bytes]):
        self._stream = stream

    def write(self, data: bytes) -> int:
        return self._stream.write(data)

    def flush(self) -> None:
        self._stream.flush()


def _stdout_binary() -> IO[bytes]:
    sys.stdout.flush()
    return sys.stdout.buffer


@contextlib.contextmanager
def open_output(path: str, force: bool = False) -> Iterator[IO[bytes]]:
    """A binary file to write ``path`` through ('-': standard output).

    * A regular file that does not exist is created atomically: it appears whole when the block
      ends without an error, never half-written, and not at all if the block raises. One that
      exists is replaced only with ``force`` (else a :class:`FileError`, code ``exists``), by
      the real file a symbolic link points to, keeping its permissions.
    * The process's own standard output (``/dev/stdout``, a link to it), a named pipe or a
      character device (``/dev/null``) is written in place; it is never replaced, with or
      without ``force``. A pipe with no reader is refused rather than waited on.
    * A directory, a block device or a socket is refused."""
    if path == "-":
        out = _stdout_binary()
        yield _InPlace(out)      # type: ignore[misc]
        out.flush()
        return
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _os_error(path, exc, reading=False) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if _same_file(st, 1):
            out = _stdout_binary()
            yield _InPlace(out)  # type: ignore[misc]
            out.flush()
            return
        if stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
            with _in_place(path, st) as fh:
                yield fh
            return
        zh, en = _kind(st.st_mode) or ("不是普通文件", "is not a regular file")
        raise FileError(path, {"zh": f"{zh}，不能写入报告", "en": f"{en}: cannot write the output there"},
                        "not_file")
    if st is not None and not force:
        raise FileError(path, _EXISTS, "exists")
    # A link to a regular file: write the file it points to, keep the link.
    target = Path(os.path.realpath(path)) if st is not None else Path(path)
    with _atomic(path, target, st, force) as fh:
        yield fh


@contextlib.contextmanager
def _in_place(path: str, st: os.stat_result) -> Iterator[IO[bytes]]:
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    if stat.S_ISFIFO(st.st_mode):
        flags |= os.O_NONBLOCK       # a pipe nobody reads: ENXIO at once, not a wait forever
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise FileError(path, {"zh": "命名管道没有读取方，未写入", "en": "the named pipe has no reader; nothing written"},
                            "unwritable") from None
        raise _os_error(path, exc, reading=False) from None
    if flags & os.O_NONBLOCK:
        os.set_blocking(fd, True)
    try:
        fh = os.fdopen(fd, "wb")
    except OSError as exc:  # pragma: no cover
        os.close(fd)
        raise _os_error(path, exc, reading=False) from None
    with fh:
        try:
            yield fh
            fh.flush()
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise
            raise _os_error(path, exc, reading=False) from None


@contextlib.contextmanager
def _atomic(path: str, target: Path, st: os.stat_result | None, force: bool) -> Iterator[IO[bytes]]:
    parent = target.parent if str(target.parent) else Path(".")
    clean_stale(parent)
    tmp = parent / _tmp_name(target.name)
    try:   # 0o666 less the umask, like any file the user creates
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise _os_error(path, exc, reading=False) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            try:
                yield fh
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise _os_error(path, exc, reading=False) from None
        if st is not None:                       # keep the replaced file's permissions (and owner)
            try:
                os.chmod(tmp, stat.S_IMODE(st.st_mode))
                if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                    os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
        try:
            if st is not None and force:
                os.replace(tmp, target)
            else:
                try:
                    os.link(tmp, target)          # fails if the target appeared meanwhile
                except FileExistsError:
                    if not force:
                        raise FileError(path, _EXISTS, "exists") from None
                    os.replace(tmp, target)
                except OSError as exc:
                    if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                        raise
                    if target.exists() and not force:   # no hard links on this file system
                        raise FileError(path, _EXISTS, "exists") from None
                    os.replace(tmp, target)
        except OSError as exc:
            raise _os_error(path, exc, reading=False) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def write_atomic(path: str, data: bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` (see :func:`open_output`); never replace an existing file
    unless ``force``."""
    with open_output(path, force) as fh:
        fh.write(data)
