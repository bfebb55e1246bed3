"""Reading inputs and writing outputs: bounded reads that never block, outputs that never
replace a special file or an existing file without --force, no stale temporaries (issue 14,
items 4 and 11)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyreason.cli import main
from pyreason.fileio import FileError, clean_stale, open_output, read_input, write_atomic

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "director_absent_authorised.yaml")


# -- open_output ---------------------------------------------------------------------------

def test_new_file_appears_whole(tmp_path):
    out = tmp_path / "r.txt"
    with open_output(str(out)) as fh:
        fh.write(b"one ")
        assert not out.exists()           # nothing under the name before the block ends
        fh.write(b"two")
    assert out.read_bytes() == b"one two"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_error_in_block_leaves_nothing(tmp_path):
    out = tmp_path / "r.txt"
    out.write_bytes(b"saved")
    with pytest.raises(RuntimeError):
        with open_output(str(out), force=True) as fh:
            fh.write(b"half")
            raise RuntimeError
    assert out.read_bytes() == b"saved"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_existing_file_kept_without_force(tmp_path):
    out = tmp_path / "r.txt"
    out.write_bytes(b"saved")
    with pytest.raises(FileError) as info:
        write_atomic(str(out), b"new")
    assert info.value.code == "exists" and "--force" in info.value.line("en")
    assert out.read_bytes() == b"saved"


def test_force_keeps_mode(tmp_path):
    out = tmp_path / "r.txt"
    out.write_bytes(b"saved")
    out.chmod(0o600)
    write_atomic(str(out), b"new", force=True)
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_force_through_symlink_keeps_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"saved")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(str(link), b"new", force=True)
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_dev_null_is_written_in_place():
    before = os.stat("/dev/null")
    write_atomic("/dev/null", b"data", force=True)
    write_atomic("/dev/null", b"data")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_fifo_without_reader_refused_at_once(tmp_path):
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    t = time.monotonic()
    with pytest.raises(FileError) as info:
        write_atomic(str(fifo), b"x", force=True)
    assert time.monotonic() - t < 2
    assert "reader" in info.value.line("en")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_fifo_with_reader_written_in_place(tmp_path):
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    for _ in range(100):          # wait until the reader has opened its end
        try:
            write_atomic(str(fifo), b"through the pipe", force=True)
            break
        except FileError:
            time.sleep(0.05)
    reader.join(5)
    assert got == [b"through the pipe"] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_own_stdout_written_in_place(tmp_path):
    """-o /dev/stdout (a link to the process's own standard output) is written in place, even
    with --force, when standard output is a regular file."""
    sink = tmp_path / "stdout.txt"
    code = "from pyreason.fileio import write_atomic; write_atomic('/dev/stdout', b'hello', force=True)"
    with open(sink, "wb") as fh:
        subprocess.run([sys.executable, "-c", code], stdout=fh, check=True, cwd=ROOT)
    assert sink.read_bytes() == b"hello"
    assert [p.name for p in tmp_path.iterdir()] == ["stdout.txt"]


def test_directory_refused(tmp_path):
    with pytest.raises(FileError) as info:
        write_atomic(str(tmp_path), b"x", force=True)
    assert "directory" in info.value.line("en")


def test_long_name_is_one_line(tmp_path):
    with pytest.raises(FileError) as info:
        write_atomic(str(tmp_path / ("x" * 300)), b"x")
    assert "too long" in info.value.line("en")
    # a name just under the limit still works: its temporary's name is shortened
    long = tmp_path / ("报" * 80 + ".txt")      # 244 bytes
    write_atomic(str(long), b"x")
    assert long.read_bytes() == b"x"


def test_stale_temporary_after_kill_is_removed(tmp_path):
    """A writer killed with SIGKILL leaves its temporary; the next write into that directory
    removes it (it names a process that no longer runs)."""
    code = textwrap.dedent(f"""
        import os, sys
        from pyreason.fileio import open_output
        with open_output({str(tmp_path / 'big.txt')!r}) as fh:
            fh.write(b"x" * 100000); fh.flush()
            print("ready", flush=True)
            sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout.readline().strip() == b"ready"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stale = [p.name for p in tmp_path.iterdir()]
    assert len(stale) == 1 and f"pyreason-{proc.pid}-" in stale[0] and not (tmp_path / "big.txt").exists()
    write_atomic(str(tmp_path / "other.txt"), b"y")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt"]


def test_live_writers_temporary_kept(tmp_path):
    mine = tmp_path / f".x.pyreason-{os.getpid()}-0123456789ab.tmp"
    mine.write_bytes(b"busy")
    assert clean_stale(tmp_path) == 0 and mine.exists()


# -- read_input ------------------------------------------------------------------------------

def test_read_bounded(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_bytes(b"x" * 10)
    assert read_input(str(f), 10) == b"x" * 10
    with pytest.raises(FileError) as info:
        read_input(str(f), 9)
    assert info.value.code == "too_large"


@pytest.mark.parametrize("path,word", [("/dev/zero", "device"), ("/dev/null", "device"), ("/", "directory")])
def test_read_refuses_special(path, word):
    with pytest.raises(FileError) as info:
        read_input(path, 1000)
    assert word in info.value.line("en")


def test_read_fifo_never_blocks(tmp_path):
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    t = time.monotonic()
    with pytest.raises(FileError) as info:
        read_input(str(fifo), 1000)
    assert time.monotonic() - t < 2 and "pipe" in info.value.line("en")


def test_read_missing(tmp_path):
    with pytest.raises(FileError) as info:
        read_input(str(tmp_path / "nope"), 10)
    assert "no such file" in info.value.line("en")


# -- the CLI ---------------------------------------------------------------------------------

def _run(args):
    return CliRunner().invoke(main, args)


@pytest.mark.parametrize("cmd", [["ask"], ["report"], ["verify"], ["org"], ["compare", EXAMPLE],
                                 ["ask", "--org", "{p}", EXAMPLE]])
def test_cli_fifo_input_one_line(tmp_path, cmd):
    fifo = tmp_path / "p"
    os.mkfifo(fifo)
    args = [a.replace("{p}", str(fifo)) for a in cmd]
    if "{p}" not in " ".join(cmd):
        args.append(str(fifo))
    t = time.monotonic()
    r = _run([*args, "--lang", "en"])
    assert time.monotonic() - t < 20
    assert r.exit_code == 1, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and str(fifo) in lines[0] and "pipe" in lines[0], r.stderr


@pytest.mark.parametrize("cmd", [["ask"], ["verify"], ["org"]])
def test_cli_device_input_one_line(cmd):
    r = _run([*cmd, "/dev/zero", "--lang", "en"])
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines() == [r.stderr.strip()] and "device" in r.stderr


def test_cli_report_onto_dev_null_with_force():
    r = _run(["report", EXAMPLE, "--format", "txt", "-o", "/dev/null", "--force"])
    assert r.exit_code == 0, r.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_cli_report_long_output_name(tmp_path):
    r = _run(["report", EXAMPLE, "--format", "md", "-o", str(tmp_path / ("r" * 300)), "--lang", "en"])
    assert r.exit_code == 1 and "too long" in r.stderr and "Traceback" not in r.output
    assert len(r.stderr.strip().splitlines()) == 1


def test_cli_report_keeps_mode_and_refuses_without_force(tmp_path):
    out = tmp_path / "r.md"
    out.write_text("saved")
    out.chmod(0o640)
    r = _run(["report", EXAMPLE, "--format", "md", "-o", str(out)])
    assert r.exit_code == 1 and out.read_text() == "saved"
    r = _run(["report", EXAMPLE, "--format", "md", "-o", str(out), "--force"])
    assert r.exit_code == 0 and out.read_text() != "saved"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
