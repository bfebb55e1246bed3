"""A cold ``pyreason ask`` (issue 13): Prolog starts on the engine's thread while the command
line imports itself and reads its input, where SWI-Prolog was found before, and the command's
answers, errors and exit codes stay what the contract says."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pyreason.__main__ import _command

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "director_absent_authorised.yaml"


@pytest.mark.parametrize("argv, command", [
    (["ask", "x.yaml"], "ask"),
    (["--kb", "kb", "ask", "x.yaml"], "ask"),
    (["--kb=kb", "--debug", "batch", "-"], "batch"),
    (["--time-limit", "5", "--inference-limit", "9000", "check"], "check"),
    (["ask", "--help"], None),
    (["--version"], None),
    (["-h"], None),
    ([], None),
    (["--debug"], None),
])
def test_the_command_is_found_past_the_global_options(argv, command):
    assert _command(argv) == command


def run(*args, env=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "pyreason", *map(str, args)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120, env={**os.environ, **(env or {})}, cwd=cwd)


def test_a_cold_ask_answers_from_a_cache_it_makes_and_remakes(tmp_path):
    # Art. 7(1)(3), Art. 8(1)(5): the director away, having authorised the deputy: the deputy
    # releases the enforcement funds, acting for the director. The same answer with an empty
    # cache, with the cache the first run made, with a damaged record of where SWI-Prolog is,
    # and with one naming a library that is not there.
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    record = tmp_path / "pyreason" / "swipl.json"
    answers = []
    for damage in (None, None, "{not json", json.dumps({"swipl": None, "lib": "/nonexistent/libswipl.so",
                                                         "lib_stamp": [0, 0], "home": "/"})):
        if damage is not None:
            record.write_text(damage, encoding="utf-8")
        done = run("ask", EXAMPLE, "--format", "json", env=env)
        assert done.returncode == 0 and done.stderr == "", done.stderr
        answers.append(json.loads(done.stdout))
        known = json.loads(record.read_text(encoding="utf-8"))
        assert Path(known["lib"]).is_file() and Path(known["home"]).is_dir()
    assert all(a == answers[0] for a in answers)
    assert answers[0]["answer"]["approver"] == "副局长" and answers[0]["answer"]["acting_for"] == "局长"


def test_the_variables_that_name_swi_prolog_are_left_as_they_were(tmp_path):
    # Set only for pyswip's import, then restored: a child process of the caller sees none.
    script = ("import os; from pyreason import KnowledgeBase; KnowledgeBase(); "
              "print(os.environ.get('LIBSWIPL_PATH'), os.environ.get('SWI_HOME_DIR'))")
    env = {k: v for k, v in os.environ.items() if k not in ("LIBSWIPL_PATH", "SWI_HOME_DIR")}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    for _ in range(2):                                 # without the record, then with it
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                              stdin=subprocess.DEVNULL, timeout=120)
        assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "None None", "")
    assert (tmp_path / "pyreason" / "swipl.json").is_file()


def test_commands_that_end_before_asking_end_cleanly():
    # Prolog is starting on its thread when these end: a usage error (2), a missing file (1),
    # a scenario that is not one (1), a foreign KB directory that is not a KB (1); each one line
    # or click's usage text, never a crash at exit.
    for _ in range(6):      # (an exit while Prolog was starting once warned "Failed to stop Prolog threads")
        done = run("ask")
        assert done.returncode == 2 and "FILE" in done.stderr and "Traceback" not in done.stderr
        assert "WARNING" not in done.stderr and done.stderr.splitlines()[-1].startswith("Error:"), done.stderr
        done = run("ask", EXAMPLE, "--org")
        assert done.returncode == 2 and done.stderr.splitlines()[-1] == "Error: Option '--org' requires an argument."
    done = run("ask", "no-such-file.yaml", "--lang", "en")
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "no-such-file.yaml" in done.stderr
    done = run("--kb", ROOT / "examples", "ask", EXAMPLE, "--lang", "en")
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    done = run("ask", "--help")
    assert done.returncode == 0 and "FILE" in done.stdout and done.stderr == ""


def test_words_are_kept_checked_and_follow_their_file(tmp_path, monkeypatch):
    # A words file is read from the cache while its text stays the same; a new text is read
    # anew, a damaged copy is read past, and a file that fails its checks is never kept.
    from pyreason.errors import KBError
    from pyreason.render import _read_yaml
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PYREASON_NO_CACHE", raising=False)
    words = tmp_path / "words.yaml"
    words.write_text("zh:\n  in_force: 自{date}起施行\nen:\n  in_force: in force from {date}\n", encoding="utf-8")
    first = _read_yaml(words)
    kept = list((tmp_path / "cache" / "pyreason" / "words").glob("*.json"))
    assert first == {"zh": {"in_force": "自{date}起施行"}, "en": {"in_force": "in force from {date}"}}
    assert len(kept) == 1 and json.loads(kept[0].read_text(encoding="utf-8")) == first
    assert _read_yaml(words) == first
    kept[0].write_text("{damaged", encoding="utf-8")
    assert _read_yaml(words) == first and json.loads(kept[0].read_text(encoding="utf-8")) == first
    words.write_text("zh:\n  in_force: 自{date}起生效\n", encoding="utf-8")
    assert _read_yaml(words) == {"zh": {"in_force": "自{date}起生效"}}
    words.write_text("zh:\n  in_force: '{date.__class__}'\n", encoding="utf-8")
    with pytest.raises(KBError):
        _read_yaml(words)
    with pytest.raises(KBError):                      # (refused again: nothing of it was kept)
        _read_yaml(words)
    assert len(list((tmp_path / "cache" / "pyreason" / "words").glob("*.json"))) == 2


def test_a_words_file_that_cannot_be_read_is_named(tmp_path, monkeypatch):
    # Not UTF-8, or not a file: one line naming the file, never an internal error.
    from pyreason.errors import KBError
    from pyreason.render import _read_yaml
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    words = tmp_path / "labels.yaml"
    words.write_bytes(b"zh:\n  x: \xff\xfe\n")
    with pytest.raises(KBError) as err:
        _read_yaml(words)
    assert str(err.value) == f"{words}: not UTF-8 text (byte 9)"
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(KBError) as err:
        _read_yaml(folder)
    assert str(err.value).startswith(f"{folder}: cannot be read")


def test_check_of_the_shipped_kb_runs_in_a_process_that_started_prolog_early():
    # `pyreason check` loads the KB its own way, in an engine with no KB loaded yet: the early
    # start gives it Prolog only (it once loaded the shipped KB, and check refused to run).
    done = run("check", "--format", "json", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["errors"] == 0


def test_whether_the_kb_has_a_compiled_copy_is_read_from_the_cache(tmp_path, monkeypatch):
    # The early start lets its own Python go first unless the KB has a compiled copy to load
    # (bridge._compiled_copy_likely): any SWI-Prolog version's, only to order the work.
    from pyreason import bridge
    fingerprint = "sha256:" + "ab" * 32
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("PYREASON_NO_CACHE", raising=False)
    assert not bridge._compiled_copy_likely(fingerprint)
    copy = tmp_path / "pyreason" / f"{'ab' * 12}-swipl90004" / "kb"
    copy.mkdir(parents=True)
    assert not bridge._compiled_copy_likely(fingerprint)          # a directory with no copy in it
    (copy / "pyreason.qlf").write_bytes(b"")
    assert bridge._compiled_copy_likely(fingerprint)
    assert not bridge._compiled_copy_likely("sha256:" + "cd" * 32)
    monkeypatch.setenv("PYREASON_NO_CACHE", "1")
    assert not bridge._compiled_copy_likely(fingerprint)


def test_a_start_that_fails_still_lets_the_command_go_on(monkeypatch):
    # The command waits for the early start's word (bridge.go_on_when_started) at most half a
    # second, and a start that fails gives it at once: the command then meets the trouble itself.
    from pyreason import bridge

    class Broken:
        def __init__(self):
            raise RuntimeError("no Prolog here")
    monkeypatch.setattr(bridge, "_GO_ON", bridge.threading.Event())
    monkeypatch.setattr(bridge, "_ENGINE", None)
    monkeypatch.setattr(bridge, "_Engine", Broken)
    monkeypatch.setattr(bridge, "_compiled_copy_likely", lambda fingerprint: False)
    with pytest.raises(RuntimeError):
        bridge._start(True)
    assert bridge._GO_ON.is_set()
    monkeypatch.setattr(bridge, "_GO_ON", bridge.threading.Event())
    bridge.go_on_when_started(timeout=0.05)                         # never set: it goes on anyway
    assert not bridge._GO_ON.is_set()


def test_a_one_shot_ask_does_not_import_what_only_later_questions_use():
    # The first question goes the long way (making the fast path's header costs more than one
    # answer), so orjson, which writes and reads the fast path's lines, is never imported by it.
    # Art. 7(1)(3): the director approves the release of enforcement funds.
    code = ("import sys; from pyreason import KnowledgeBase; "
            "a = KnowledgeBase().ask({'question': 'approver', 'matter': '执行案款的发放'}); "
            "print(a['answer']['approver'], 'orjson' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["局长", "False"]
