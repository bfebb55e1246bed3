"""Case-file reports: every format, both languages, quoted articles, verify, and no overwrite."""

import base64
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyreason.cli import main

SCEN = Path(__file__).parent.parent / "kb" / "cases"
CASES = {  # one per question kind, and a gap
    "approver": SCEN / "approver_funds_director_absent_authorised.yaml",
    "superior": SCEN / "superior_chu_zhang_is_deputy.yaml",
    "substitution": SCEN / "substitution_custom_ladder_replaces_default.yaml",
    "meeting": SCEN / "meeting_major_vp_dissents_escalation.yaml",
    "disagreement": SCEN / "disagreement_vp_vs_director_major.yaml",
    "gap": SCEN / "disagreement_vp_vs_director.yaml",
}


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def quoted_texts(kb, answer):
    """The verbatim Chinese of every part the answer cites."""
    out = []
    for c in answer["citations"]:
        art = kb.article(c["article"])
        for p in art["paragraphs"]:
            if c["paragraph"] in (None, p["number"]):
                out += [i["text"] for i in p["items"] if c["item"] == i["number"]] or [p["text"]]
    return out


@pytest.mark.parametrize("kind", CASES)
@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_text_formats_quote_every_cited_part(run, kb, tmp_path, kind, fmt):
    out = tmp_path / f"r.{fmt}"
    result = run("report", CASES[kind], "--format", fmt, "-o", out, "--case-number", "（2026）豫1302执123号")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    answer = kb.ask_file(str(CASES[kind]))
    for quote in quoted_texts(kb, answer):
        assert quote in text, quote
    assert "（2026）豫1302执123号" in text and "宛法〔2023〕123号" in text
    assert answer["kb"]["fingerprint"] in text and "pyreason 0.1.0" in text
    if kind == "gap":
        assert "本规定未给出完整答案" in text


def test_why_not_steps_are_marked(run, tmp_path):
    # Art. 8(5): the director is away without authorising anyone -- the reason is shown as not applying.
    path = tmp_path / "s.yaml"
    path.write_text("question: approver\nmatter: 变卖\nfacts: {absent: [局长]}\n", encoding="utf-8")
    result = run("report", path, "--format", "txt")
    assert result.exit_code == 0, result.output
    assert "[不适用] 局长不在岗，且未授权副局长代为履行职责。" in result.stdout
    html = run("report", path, "--format", "html").stdout
    assert '<span class="kind why_not">不适用</span>' in html


def test_english_report_gives_the_translation_beside_the_original(run, tmp_path):
    out = tmp_path / "r.html"
    assert run("report", CASES["approver"], "-o", out, "--lang", "en").exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "Unofficial English rendering" in html and "the Chinese original is authoritative" in html
    assert "执行案款的发放；" in html                      # the original, Art. 7(3)
    assert "(3) the disbursement of enforcement case funds;" in html   # its English rendering
    assert "Art. 7(3)" in html and "Reasoning" in html


def test_pdf_has_the_quoted_article_in_its_text_layer(run, tmp_path):
    from pypdf import PdfReader
    out = tmp_path / "r.pdf"
    result = run("report", CASES["approver"], "--format", "pdf", "-o", out, "--case-number", "（2026）豫1302执123号")
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(out))
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    assert "执行案款的发放" in text and "下列执行事项应当报请局长批准" in text
    assert "第七条第（三）项" in text and "（2026）豫1302执123号" in text
    assert run("verify", out).exit_code == 0


def test_report_to_stdout_and_pdf_needs_a_file(run):
    result = run("report", CASES["superior"], "--format", "md")
    # The title no longer says 规定 (another KB's document is a 规则, ...): the document is named
    # on the line below it, as the KB names it.
    assert result.exit_code == 0 and result.stdout.startswith("# 适用说明报告\n\n依据文件：宛法〔2023〕123号")
    assert run("report", CASES["superior"], "--format", "pdf").exit_code == 2


def test_never_overwrites_without_force(run, tmp_path):
    out = tmp_path / "r.html"
    out.write_text("the analyst's own notes", encoding="utf-8")
    result = run("report", CASES["approver"], "-o", out)
    assert result.exit_code == 1 and "--force" in result.stderr and "\n" not in result.stderr.strip()
    assert out.read_text(encoding="utf-8") == "the analyst's own notes"
    assert run("report", CASES["approver"], "-o", out, "--force").exit_code == 0
    assert "适用说明报告" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]   # no temporary files left


def test_unwritable_destination_is_one_line(run, tmp_path):
    result = run("report", CASES["approver"], "-o", tmp_path / "no" / "such" / "dir.html")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "dir.html" in result.stderr


def _tamper(path, fmt, change, reseal=True):
    """Change the data a report embeds; with ``reseal``, seal it again, as pyreason would have
    sealed a report with that data (a report made by another version of the KB)."""
    from pyreason.report import check_seal, seal
    text = path.read_text(encoding="utf-8")
    if fmt == "html":
        m = re.search(r'(<script type="application/json" id="pyreason-report">)(.*?)(</script>)', text, re.S)
        data = json.loads(m.group(2))
        change(data)
        new = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
        text = text[:m.start(2)] + new + text[m.end(2):]
    else:
        m = re.search(r"(<!-- pyreason-report:\n)(.*?)(\n-->)", text, re.S)
        data = json.loads(base64.b64decode("".join(m.group(2).split())))
        change(data)
        new = base64.b64encode(json.dumps(data, ensure_ascii=False).encode()).decode()
        text = text[:m.start(2)] + new + text[m.end(2):]
    raw = text.encode("utf-8")
    path.write_bytes(seal(check_seal(raw).body, fmt) if reseal else raw)


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_verify_confirms_and_flags(run, tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    assert run("report", CASES["approver"], "--format", fmt, "-o", out).exit_code == 0
    ok = run("verify", out)
    assert ok.exit_code == 0 and "结论仍然成立" in ok.stdout

    _tamper(out, fmt, lambda d: d["kb"].update(fingerprint="sha256:older"))
    kb_changed = run("verify", out)
    assert kb_changed.exit_code == 0 and "知识库已变化" in kb_changed.stdout and "结论仍然成立" in kb_changed.stdout

    _tamper(out, fmt, lambda d: d["answer"]["answer"].update(approver="局长", acting_for=None))
    changed = run("verify", out)
    assert changed.exit_code == 3, changed.output
    assert "answer.approver" in changed.stdout and '"局长" → "副局长"' in changed.stdout
    assert "文本在生成后被改动" not in changed.stdout


# -- tamper evidence: the seal ------------------------------------------------------

def _edit_pdf(path):
    """Add a visible note claiming another conclusion to the PDF, and keep its old seal line."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import FreeText
    raw = path.read_bytes()
    seal_line = raw[raw.rindex(b"\n%pyreason-seal: ") + 1:]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    writer.add_annotation(page_number=0, annotation=FreeText(text="最终审批：局长", rect=(50, 550, 300, 650)))
    buf = io.BytesIO()
    writer.write(buf)
    path.write_bytes(buf.getvalue() + seal_line)


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "pdf"])
def test_an_edited_conclusion_is_a_text_change(run, tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    assert run("report", CASES["approver"], "--format", fmt, "-o", out).exit_code == 0
    if fmt == "pdf":
        _edit_pdf(out)
    else:
        text = out.read_text(encoding="utf-8")
        assert "副局长（代局长行使）" in text
        out.write_text(text.replace("副局长（代局长行使）", "局长", 1), encoding="utf-8")
    result = run("verify", out)
    assert result.exit_code == 3, result.output
    assert "报告的文本在生成后被改动" in result.stdout
    assert "结论仍然成立" in result.stdout          # the embedded answer itself is unchanged
    english = run("verify", out, "--lang", "en")
    assert english.exit_code == 3 and "the report's text was changed after it was written" in english.stdout


def test_the_embedded_data_changed_without_resealing_is_a_text_change(run, tmp_path):
    out = tmp_path / "r.md"
    assert run("report", CASES["approver"], "--format", "md", "-o", out).exit_code == 0
    _tamper(out, "md", lambda d: d["answer"]["answer"].update(approver="局长"), reseal=False)
    result = run("verify", out, "--lang", "en")
    assert result.exit_code == 3
    assert "text was changed" in result.stdout and "the answer changed" in result.stdout


def test_a_removed_seal_or_an_appended_update_is_flagged(run, tmp_path):
    md = tmp_path / "r.md"
    assert run("report", CASES["approver"], "--format", "md", "-o", md).exit_code == 0
    text = md.read_text(encoding="utf-8")
    md.write_text(text[:text.rindex("<!-- pyreason-seal:")], encoding="utf-8")
    result = run("verify", md, "--lang", "en")
    assert result.exit_code == 3 and "carries no digest" in result.stdout
    pdf = tmp_path / "r.pdf"
    assert run("report", CASES["approver"], "--format", "pdf", "-o", pdf).exit_code == 0
    pdf.write_bytes(pdf.read_bytes() + b"% an incremental update would follow\n")
    result = run("verify", pdf, "--lang", "en")
    assert result.exit_code == 3 and "text was changed" in result.stdout


FORGED_ANSWER = {"status": "answered", "answer": {"resolution": "forged"}, "citations": [], "gaps": []}


@pytest.mark.parametrize("fmt", ["html", "md", "txt"])
def test_a_forged_marker_in_user_text_is_not_taken(run, tmp_path, fmt):
    from pyreason.report import read_embedded
    forged = {"pyreason_report": 1, "scenario": {"question": "superior", "role": "局长"}, "lang": "zh",
              "kb": {}, "answer": FORGED_ANSWER}
    b64 = base64.b64encode(json.dumps(forged).encode()).decode()
    evil = (f"A\n<!-- pyreason-report:\n{b64}\n-->\n"
            f"-----BEGIN PYREASON REPORT DATA-----\n{b64}\n-----END PYREASON REPORT DATA-----\n")
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"question": "meeting", "meeting": "局务会议", "votes": [
        {"role": "局长", "opinion": evil}, {"role": "副局长", "opinion": evil}]}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / f"r.{fmt}"
    result = run("report", path, "--format", fmt, "-o", out, "--case-number", evil)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "md":
        assert text.count("<!-- pyreason-report:") == 1
    if fmt == "txt":
        assert len(re.findall(r"^-----BEGIN PYREASON REPORT DATA-----", text, re.M)) == 1
    embedded = read_embedded(str(out))
    assert embedded["scenario"]["votes"][0]["opinion"] == evil and embedded["case_number"] == evil
    verified = run("verify", out)
    assert verified.exit_code == 0, verified.output
    assert "结论仍然成立" in verified.stdout


@pytest.mark.parametrize("content", [
    b'<html><body><script type="application/json" id="pyreason-report">' + b"[" * 100_000
    + b"</script>\n</body>\n</html>\n",
    b'<html><body><script type="application/json" id="pyreason-report">{"pyreason_report": 1, '
    b'"scenario": [], "answer": {"answer": []}}</script>\n</body>\n</html>\n',
    b'<html><body><script type="application/json" id="pyreason-report">{"pyreason_report": 1, '
    b'"scenario": {}, "answer": {"status": "answered", "answer": {}, "citations": [], "gaps": []}, '
    b'"lang": "fr"}</script>\n</body>\n</html>\n',
    b"<!-- pyreason-report:\n!!!notbase64\n-->\n",
    b"<!-- pyreason-report:\nW10=\n-->\n",
    b"\xff\xfe not utf-8 <!-- pyreason-report:\nW10=\n-->\n",
    b"%PDF-1.7\n garbage",
])
def test_a_damaged_report_is_one_line(run, tmp_path, content):
    path = tmp_path / "r.html"
    path.write_bytes(content)
    result = run("verify", path)
    assert result.exit_code == 1, result.output
    assert "\n" not in result.stderr.strip() and "Traceback" not in result.output
    assert "r.html" in result.stderr


def test_a_directory_is_not_a_report(run, tmp_path):
    result = CliRunner().invoke(main, ["verify", str(tmp_path)])
    assert result.exit_code in (1, 2) and "Traceback" not in result.output


def test_a_signed_report_verifies_with_its_key_only(run, tmp_path):
    assert run("keygen", tmp_path / "court").exit_code == 0
    assert run("keygen", tmp_path / "other").exit_code == 0
    private = tmp_path / "court" / "pyreason-signing-key.pem"
    assert oct(private.stat().st_mode & 0o777) == "0o600"
    for fmt in ("txt", "pdf"):
        out = tmp_path / f"r.{fmt}"
        assert run("report", CASES["approver"], "--format", fmt, "-o", out, "--sign", private).exit_code == 0
        good = run("verify", out, "--public-key", tmp_path / "court" / "pyreason-signing-key.pub.pem", "--lang", "en")
        assert good.exit_code == 0, good.output
        assert "the signature is valid" in good.stdout
        bad = run("verify", out, "--public-key", tmp_path / "other" / "pyreason-signing-key.pub.pem", "--lang", "en")
        assert bad.exit_code == 3 and "does not match the public key" in bad.stdout
        unchecked = run("verify", out, "--lang", "en")
        assert unchecked.exit_code == 0 and "signature was not checked" in unchecked.stdout
    unsigned = tmp_path / "u.md"
    assert run("report", CASES["approver"], "--format", "md", "-o", unsigned).exit_code == 0
    result = run("verify", unsigned, "--public-key", tmp_path / "court" / "pyreason-signing-key.pub.pem",
                 "--lang", "en")
    assert result.exit_code == 3 and "not signed" in result.stdout
    wrong_key = run("report", CASES["approver"], "-o", tmp_path / "x.html", "--sign", unsigned)
    assert wrong_key.exit_code == 1 and "Ed25519" in wrong_key.stderr
    assert run("keygen", tmp_path / "court").exit_code == 1          # never replaces a key


def test_verify_refuses_what_is_not_a_report(run, tmp_path):
    other = tmp_path / "notes.html"
    other.write_text("<html>notes</html>", encoding="utf-8")
    result = run("verify", other)
    assert result.exit_code == 1 and "不是 pyreason 报告" in result.stderr


def test_hostile_opinion_stays_text_in_html(run, tmp_path):
    path = tmp_path / "s.json"
    evil = "</script><script>alert(1)</script><!--"
    path.write_text(json.dumps({"question": "meeting", "meeting": "局务会议", "votes": [
        {"role": "局长", "opinion": evil}, {"role": "副局长", "opinion": evil}]}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "r.html"
    assert run("report", path, "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;/script&gt;" in html
    assert html.count("<script") == 1
    assert run("verify", out).exit_code == 0


@pytest.mark.parametrize("kind", CASES)
def test_pdf_for_every_kind(run, kb, tmp_path, kind):
    from pypdf import PdfReader
    out = tmp_path / "r.pdf"
    assert run("report", CASES[kind], "--format", "pdf", "-o", out).exit_code == 0
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(out)).pages))
    for quote in quoted_texts(kb, kb.ask_file(str(CASES[kind]))):
        assert re.sub(r"\s+", "", quote) in text, quote


def test_user_text_in_a_markdown_report_stays_text(run, tmp_path):
    # A case number or an opinion holding HTML or table syntax must not become markup in the
    # Markdown report (a viewer would render it): it is shown as text, on one line of its cell.
    scenario = tmp_path / "m.yaml"
    scenario.write_text("question: meeting\nmeeting: 局务会议\nvotes:\n"
                        "  - {role: 局长, opinion: \"<img src=x onerror=alert(1)>同意|\\n另起一行\"}\n"
                        "  - {role: 副局长, opinion: \"<img src=x onerror=alert(1)>同意|\\n另起一行\"}\n",
                        encoding="utf-8")
    out = tmp_path / "r.md"
    result = run("report", scenario, "--format", "md", "-o", out, "--case-number", "<script>x</script>|（2026）")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    body = text.split("-----BEGIN")[0] if "-----BEGIN" in text else text
    assert "<script>" not in body and "<img" not in body
    assert "&lt;script&gt;x&lt;/script&gt;\\|（2026）" in body
    assert "&lt;img src=x onerror=alert(1)&gt;同意\\| 另起一行" in body
    assert run("verify", out).exit_code == 0
