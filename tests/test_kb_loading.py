"""Another court's KB directory: a broken one gives one clear line, never a traceback or the tracer."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KB = Path(__file__).resolve().parent.parent / "kb"
EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "director_absent_authorised.yaml")


def pyreason(*args):
    return subprocess.run([sys.executable, "-m", "pyreason", *args], capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


def test_a_copy_of_the_kb_answers(tmp_path):
    shutil.copytree(KB, tmp_path / "kb")
    result = pyreason("--kb", str(tmp_path / "kb"), "ask", EXAMPLE, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert '"approver": "副局长"' in result.stdout


def test_a_syntax_error_is_reported_with_its_file(tmp_path):
    shutil.copytree(KB, tmp_path / "kb")
    art = tmp_path / "kb" / "articles" / "art07.pl"
    art.write_text(art.read_text(encoding="utf-8") + "\ndecides(broken, '局长' '批准', c(7,1,1)).\n",
                   encoding="utf-8")
    result = pyreason("--kb", str(tmp_path / "kb"), "ask", EXAMPLE)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "art07.pl:" in lines[0] and "Syntax error" in lines[0], lines[0]


def test_not_a_kb(tmp_path):
    result = pyreason("--kb", str(tmp_path), "ask", EXAMPLE)
    assert result.returncode == 1
    assert "pyreason.pl" in result.stderr and "Traceback" not in result.stderr


def _batch(env_extra, tmp_path):
    import json
    import os
    cases = [json.dumps({"question": "approver", "matter": m}, ensure_ascii=False)
             for m in ("变卖", "警力调配", "宣传", "任务分配", "本规定的解释")]
    cases.append(json.dumps({"question": "meeting", "meeting": "局务会议", "votes": [
        {"role": "局长", "opinion": "A"}, {"role": "副局长", "opinion": "B"}]}, ensure_ascii=False))
    src = tmp_path / "b.jsonl"
    src.write_text("\n".join(cases), encoding="utf-8")
    env = {**os.environ, **env_extra}
    done = subprocess.run([sys.executable, "-m", "pyreason", "batch", str(src)], capture_output=True,
                          text=True, timeout=60, env=env, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_compiled_cache_answers_as_the_sources_do(tmp_path):
    import time
    cache = tmp_path / "cache"
    from_source = _batch({"PYREASON_NO_CACHE": "1"}, tmp_path)
    first = _batch({"XDG_CACHE_HOME": str(cache)}, tmp_path)          # builds the cache
    for _ in range(100):
        if list(cache.glob("pyreason/*/kb/pyreason.qlf")):
            break
        time.sleep(0.1)
    assert list(cache.glob("pyreason/*/kb/pyreason.qlf")), "the cache was built"
    assert _batch({"XDG_CACHE_HOME": str(cache)}, tmp_path) == first == from_source


def test_a_damaged_cache_falls_back_to_the_sources(tmp_path):
    cache = tmp_path / "cache"
    _batch({"XDG_CACHE_HOME": str(cache)}, tmp_path)
    import time
    for _ in range(100):
        found = list(cache.glob("pyreason/*/kb/pyreason.qlf"))
        if found:
            break
        time.sleep(0.1)
    found[0].write_bytes(b"not a qlf file")
    assert _batch({"XDG_CACHE_HOME": str(cache)}, tmp_path) == _batch({"PYREASON_NO_CACHE": "1"}, tmp_path)


@pytest.mark.parametrize("copy", ["*/kb/pyreason.qlf", "engine-*/boot.qlf", "engine-*/lib/02.qlf"])
def test_a_truncated_compiled_copy_is_never_loaded(tmp_path, copy):
    # SWI-Prolog aborts the process on a truncated .qlf: a copy whose digest does not match the
    # one recorded when it was built (the KB's, the engine's, or one of SWI-Prolog's libraries
    # kept beside the engine's) is removed unread, and the sources answer.
    import time
    cache = tmp_path / "cache"
    _batch({"XDG_CACHE_HOME": str(cache)}, tmp_path)
    for _ in range(150):
        found = list(cache.glob(f"pyreason/{copy}"))
        if found and (found[0].with_name(found[0].name + ".sha256").exists() or "/lib/" in copy):
            break
        time.sleep(0.1)
    assert found, "the compiled copy was built"
    found[0].write_bytes(found[0].read_bytes()[:3000])
    assert _batch({"XDG_CACHE_HOME": str(cache)}, tmp_path) == _batch({"PYREASON_NO_CACHE": "1"}, tmp_path)
    assert not found[0].exists() or found[0].stat().st_size > 3000     # removed, or built again whole


def test_a_kb_whose_loading_would_run_code_is_refused_unread(tmp_path):
    # Another court's KB is read before it is loaded: a directive that would run is refused.
    sentinel = tmp_path / "ran"
    shutil.copytree(KB, tmp_path / "kb")
    art = tmp_path / "kb" / "articles" / "art03.pl"
    art.write_text(art.read_text(encoding="utf-8") + f"\n:- initialization(shell('touch {sentinel}')).\n",
                   encoding="utf-8")
    result = pyreason("--kb", str(tmp_path / "kb"), "ask", EXAMPLE)
    assert result.returncode == 1 and not sentinel.exists()
    assert "art03.pl:" in result.stderr and "initialization" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_kb_whose_rules_could_run_code_is_vetted_by_the_sandbox(tmp_path):
    # A rule reaching shell/1 fails library(sandbox)'s safe_goal: refused before answering, and
    # `pyreason check` reports it.
    sentinel = tmp_path / "ran"
    shutil.copytree(KB, tmp_path / "kb")
    art = tmp_path / "kb" / "articles" / "art07.pl"
    text = art.read_text(encoding="utf-8").replace(
        "decides(M, '局长', '批准', c(7,1,I)) :- matter(M, _, c(7,1,I)).",
        f"decides(M, '局长', '批准', c(7,1,I)) :- matter(M, _, c(7,1,I)), shell('touch {sentinel}').")
    assert "shell(" in text
    art.write_text(text, encoding="utf-8")
    result = pyreason("--kb", str(tmp_path / "kb"), "ask", EXAMPLE)
    assert result.returncode == 1 and not sentinel.exists()
    # Every predicate of the KB is vetted, not only the question goals: the line names the rule.
    assert "art07.pl:" in result.stderr and "decides/4" in result.stderr and "shell" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    check = pyreason("check", "--kb", str(tmp_path / "kb"), "--format", "json")
    assert check.returncode == 1 and not sentinel.exists()
    import json
    assert any(f["check"] == "sandbox" for f in json.loads(check.stdout)["findings"])


def test_several_knowledge_bases_answer_in_one_process(tmp_path):
    # A court keeps many regulations: two KBs loaded side by side, each in its own module, answer
    # independently. The second is an amendment of the shipped one: Art. 7(3) release of funds
    # goes to 分管副院长 (written for this test only).
    from pyreason import KnowledgeBase
    amended = tmp_path / "amended"
    shutil.copytree(KB, amended)
    art = amended / "articles" / "art07.pl"
    text = art.read_text(encoding="utf-8").replace(
        "decides(M, '局长', '批准', c(7,1,I)) :- matter(M, _, c(7,1,I)).",
        "decides(M, '局长', '批准', c(7,1,I)) :- matter(M, _, c(7,1,I)), I =\\= 3.\n"
        "decides(release_funds, '分管副院长', '批准', c(7,1,3)).")
    assert "'分管副院长', '批准'" in text
    art.write_text(text, encoding="utf-8")
    doc = amended / "document.pl"
    doc.write_text(doc.read_text(encoding="utf-8").replace('kb_version("2.0.0")', 'kb_version("2.1.0-test")'),
                   encoding="utf-8")
    shipped, other = KnowledgeBase(), KnowledgeBase(amended)
    assert shipped.module != other.module
    question = {"question": "approver", "matter": "执行案款的发放"}
    assert shipped.ask(question)["answer"]["approver"] == "局长"
    assert other.ask(question)["answer"]["approver"] == "分管副院长"
    assert shipped.ask(question)["answer"]["approver"] == "局长"      # the first is untouched
    assert other.ask(question)["kb"]["version"] == "2.1.0-test"
    assert shipped.ask(question)["kb"]["name"] == other.ask(question)["kb"]["name"] == "wanfa-2023-123"
    assert KnowledgeBase(amended).module == other.module                 # loaded once, shared


def test_a_kb_that_declares_a_module_is_refused(tmp_path):
    # The engine names a KB's module; a KB that is a module would escape that.
    shutil.copytree(KB, tmp_path / "kb")
    entry = tmp_path / "kb" / "pyreason.pl"
    entry.write_text(":- module(mine, []).\n" + entry.read_text(encoding="utf-8"), encoding="utf-8")
    result = pyreason("--kb", str(tmp_path / "kb"), "ask", EXAMPLE)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "pyreason.pl:1" in result.stderr and "module" in result.stderr, result.stderr


def test_a_kb_edited_while_the_process_runs_loads_its_new_version(tmp_path):
    # A long-running process (the server, a notebook) keeps the version it loaded; the edited
    # files load as a version of their own, side by side.
    from pyreason import KnowledgeBase
    shutil.copytree(KB, tmp_path / "kb")
    question = {"question": "approver", "matter": "执行案款的发放"}
    before = KnowledgeBase(tmp_path / "kb")
    assert before.ask(question)["answer"]["approver"] == "局长"
    art = tmp_path / "kb" / "articles" / "art07.pl"
    art.write_text(art.read_text(encoding="utf-8").replace(
        "decides(M, '局长', '批准', c(7,1,I)) :- matter(M, _, c(7,1,I)).",
        "decides(M, '局长', '批准', c(7,1,I)) :- matter(M, _, c(7,1,I)), I =\\= 3.\n"
        "decides(release_funds, '分管副院长', '批准', c(7,1,3))."), encoding="utf-8")
    after = KnowledgeBase(tmp_path / "kb")
    assert after.fingerprint != before.fingerprint
    assert after.ask(question)["answer"]["approver"] == "分管副院长"
    assert before.ask(question)["answer"]["approver"] == "局长"


def test_a_kb_clause_for_a_hook_or_another_module_is_refused_before_it_runs(tmp_path):
    # A clause is not a directive, yet user:message_hook/3 or term_expansion/2 in a KB file would
    # run code while loading: read, never run, and refused with file:line.
    for clause in ("user:message_hook(_, _, _) :- shell('touch {s}'), fail.",
                   "term_expansion(X, X) :- shell('touch {s}').",
                   "prolog:message(x) --> {{ shell('touch {s}') }}."):
        sentinel = tmp_path / "ran"
        kb = tmp_path / "kb"
        shutil.rmtree(kb, ignore_errors=True)
        shutil.copytree(KB, kb)
        vocab = kb / "vocabulary.pl"
        lines = vocab.read_text(encoding="utf-8").count("\n")
        vocab.write_text(vocab.read_text(encoding="utf-8") + clause.format(s=sentinel) + "\n", encoding="utf-8")
        result = pyreason("--kb", str(kb), "ask", EXAMPLE)
        assert result.returncode == 1 and not sentinel.exists(), result.stderr
        assert f"vocabulary.pl:{lines + 1}:" in result.stderr and "Traceback" not in result.stderr


def test_a_kbs_labels_that_are_not_words_are_one_line(tmp_path):
    shutil.copytree(KB, tmp_path / "kb")
    labels = tmp_path / "kb" / "labels.yaml"
    bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    for text, needle in (("\n".join(bomb) + "\nzh: {questions: *i}\n", "aliases"),
                         ("zh:\n  questions: [a, b]\n", "zh.questions must be a mapping")):
        labels.write_text(text, encoding="utf-8")
        result = pyreason("--kb", str(tmp_path / "kb"), "ask", EXAMPLE)
        assert result.returncode == 1 and needle in result.stderr and "Traceback" not in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("template", ["{role.__class__.__mro__}", "{0[0]}", "{role!r}", "{role:>999999999}"])
def test_a_kbs_words_may_hold_only_plain_placeholders(tmp_path, template):
    """A KB's words are filled with str.format: a placeholder reaching into an object, or one that
    would pad to a billion characters, is refused when the labels are read, naming the key."""
    shutil.copytree(KB, tmp_path / "kb")
    labels = tmp_path / "kb" / "labels.yaml"
    labels.write_text(f"zh:\n  templates:\n    escalation: '{template}'\n", encoding="utf-8")
    result = pyreason("--kb", str(tmp_path / "kb"), "ask", EXAMPLE)
    assert result.returncode == 1, result.stdout
    assert "zh.templates.escalation" in result.stderr and "plain placeholder" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_directory_that_is_no_kb_is_one_line_in_the_language_asked(tmp_path):
    (tmp_path / "x.pl").write_text("a.\n", encoding="utf-8")
    for lang, words in (("zh", "不是 pyreason 知识库"), ("en", "not a pyreason knowledge base")):
        result = pyreason("--kb", str(tmp_path), "ask", EXAMPLE, "--lang", lang)
        assert result.returncode == 1 and words in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_kb_that_asks_nothing_says_so_in_the_language_asked(tmp_path):
    (tmp_path / "pyreason.pl").write_text("kb_name(\"empty\").\n", encoding="utf-8")
    for lang, words in (("zh", "没有声明任何问题"), ("en", "declares no question")):
        result = pyreason("--kb", str(tmp_path), "ask", EXAMPLE, "--lang", lang)
        assert result.returncode == 1 and words in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_the_engine_loads_swi_prologs_libraries_from_their_copies_while_they_match(tmp_path):
    # The libraries the engine uses are compiled beside it, each with the size and time of the
    # library file it was compiled from: loaded while those match, and made again once one of them
    # differs (a library updated in place); the answers stay those of the sources.
    import json
    import time
    cache = tmp_path / "cache"
    expected = _batch({"PYREASON_NO_CACHE": "1"}, tmp_path)
    assert _batch({"XDG_CACHE_HOME": str(cache)}, tmp_path) == expected
    for _ in range(200):
        manifests = list(cache.glob("pyreason/engine-*/lib/manifest.json"))
        if manifests:
            break
        time.sleep(0.1)
    assert manifests, "the libraries were compiled"
    entries = json.loads(manifests[0].read_text(encoding="utf-8"))
    assert any(e["source"].endswith("/library/lists.pl") for e in entries)
    assert _batch({"XDG_CACHE_HOME": str(cache)}, tmp_path) == expected
    assert manifests[0].exists()                                    # loaded, kept
    entries[0]["stamp"][1] += 1                                     # as if the library had changed
    manifests[0].write_text(json.dumps(entries), encoding="utf-8")
    assert _batch({"XDG_CACHE_HOME": str(cache)}, tmp_path) == expected
    for _ in range(200):                                            # removed, and made again
        if manifests[0].exists() and json.loads(manifests[0].read_text(encoding="utf-8"))[0]["stamp"] != entries[0]["stamp"]:
            break
        time.sleep(0.1)
    assert json.loads(manifests[0].read_text(encoding="utf-8"))[0]["stamp"] != entries[0]["stamp"]
