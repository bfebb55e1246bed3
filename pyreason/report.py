"""Case-file reports: the answer, its reasoning and the quoted regulation, in four formats.

Every report embeds its scenario and the answer it gave, so ``verify`` can
re-run it on the current knowledge base and say whether the answer still holds.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import __version__
from .errors import PyreasonError, ScenarioError
from .kb import KnowledgeBase, _question_part
from .render import labels, _environment, answer_rows, citation_label, zh_number

FORMATS = ("html", "md", "txt", "pdf")
EMBED_VERSION = 1
_MD_MARK = "pyreason-report:"
_TXT_BEGIN, _TXT_END = "-----BEGIN PYREASON REPORT DATA-----", "-----END PYREASON REPORT DATA-----"
_HTML_DATA = re.compile(r'<script type="application/json" id="pyreason-report">(.*?)</script>', re.S)
_MD_DATA = re.compile(r"<!-- " + re.escape(_MD_MARK) + r"\s*([A-Za-z0-9+/=\s]+?)\s*-->")
_TXT_DATA = re.compile(re.escape(_TXT_BEGIN) + r"\s*([A-Za-z0-9+/=\s]+?)\s*" + re.escape(_TXT_END))


class ReportError(PyreasonError):
    """A report cannot be written or read."""

    def __init__(self, path: str, message: dict[str, str]):
        self.path, self.messages = path, message
        super().__init__(self.line("en"))

    def line(self, lang: str = "zh") -> str:
        return f"{self.path}: {self.messages.get(lang) or self.messages['zh']}"


# -- building ---------------------------------------------------------------------

def generated_at() -> str:
    """Now, or SOURCE_DATE_EPOCH for reproducible reports, as ISO 8601 with the offset."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit() \
        else datetime.now(timezone.utc).astimezone()
    return when.isoformat(timespec="seconds")


def build_context(kb: KnowledgeBase, scenario: dict[str, Any], answer: dict[str, Any], lang: str,
                  case_number: str | None = None) -> dict[str, Any]:
    """Everything a report template shows, as plain values."""
    doc = kb.document
    lab = labels(lang)
    all_cites = list(answer["citations"])
    for part in ("explanation", "gaps", "interpretations"):
        for entry in answer[part]:
            all_cites.extend(entry["citations"])
    provisions = _provisions(all_cites, doc, lang)
    embedded = {
        "pyreason_report": EMBED_VERSION,
        "scenario": _question_part(scenario),
        "lang": lang,
        "case_number": case_number,
        "generated_at": generated_at(),
        "tool_version": __version__,
        "kb": answer["kb"],
        "answer": core(answer),
    }
    return {
        "lang": lang, "lab": lab, "rl": lab["report"],
        "a": answer, "rows": answer_rows(answer, lang),
        "facts": fact_rows(scenario, lang),
        "steps": [dict(s, labels=[citation_label(c, doc, lang) for c in s["citations"]])
                  for s in answer["explanation"]],
        "gaps": [dict(g, labels=[citation_label(c, doc, lang) for c in g["citations"]]) for g in answer["gaps"]],
        "interpretations": [dict(i, labels=[citation_label(c, doc, lang) for c in i["citations"]])
                            for i in answer["interpretations"]],
        "citations": [citation_label(c, doc, lang) for c in answer["citations"]],
        "provisions": provisions,
        "document": doc["document"],
        "case_number": case_number,
        "generated_at": embedded["generated_at"],
        "version": __version__,
        "embedded": embedded,
    }


def core(answer: dict[str, Any]) -> dict[str, Any]:
    """The part of an answer that verify compares: status, fields, citations, gaps."""
    return {"status": answer["status"], "answer": answer["answer"], "citations": answer["citations"],
            "gaps": [g["id"] for g in answer["gaps"]]}


def fact_rows(scenario: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """The scenario (question fields and what-if facts) as labelled rows."""
    rl = labels(lang)["report"]
    sep = "、" if lang == "zh" else ", "
    rows: list[tuple[str, str]] = []
    q = scenario["question"]
    if q == "approver":
        rows.append((rl["matter"], scenario["matter"]))
    elif q in ("superior", "duties"):
        rows.append((rl["role"], scenario["role"]))
    elif q == "substitution":
        rows += [(rl["substitute"], scenario["substitute"]), (rl["for"], scenario["for"]),
                 (rl["scope"], scenario.get("scope", "team"))]
    elif q == "disagreement":
        rows += [(rl["between"], sep.join(scenario["between"])), (rl["scope"], scenario["scope"])]
    elif q == "meeting":
        rows.append((rl["meeting"], scenario["meeting"]))
        for i, vote in enumerate(scenario["votes"], 1):
            who = vote["role"] + (f"（{vote['name']}）" if vote.get("name") else "")
            rows.append((f"{rl['vote']} {i}", f"{who}：{vote['opinion']}"))
    facts = scenario.get("facts") or {}
    rows.append((rl["absent"], sep.join(facts.get("absent") or []) or rl["nobody"]))
    auth = facts.get("authorized") or []
    rows.append((rl["authorized"], sep.join(f"{x['from']} → {x['to']}" for x in auth) or rl["nobody"]))
    rows.append((rl["major"], rl["yes"] if facts.get("major") else rl["no"]))
    if facts.get("ladder"):
        rows.append((rl["ladder"], " > ".join(facts["ladder"])))
    return rows


def _provisions(cites: list[dict[str, Any]], doc: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """Each cited part of the regulation once, in the regulation's order, with its verbatim text."""
    seen, out = set(), []
    for c in sorted(cites, key=lambda c: (c["article"], c["paragraph"] or 0, c["item"] or 0)):
        key = (c["article"], c["paragraph"], c["item"])
        if key in seen:
            continue
        seen.add(key)
        art = next(a for a in doc["articles"] if a["number"] == c["article"])
        zh, en = _quote(art, c["paragraph"], c["item"])
        out.append({"label": citation_label(c, doc, "zh"), "label_en": citation_label(c, doc, "en"),
                    "heading": f"第{zh_number(art['number'])}条【{art['title']}】",
                    "heading_en": f"Article {art['number']}" + (f" ({art['title_en']})" if art.get("title_en") else ""),
                    "zh": zh, "en": en if lang == "en" else None})
    return out


def _quote(art: dict[str, Any], para: int | None, item: int | None) -> tuple[list[str], list[str] | None]:
    """The verbatim lines of a citation (an item keeps its paragraph's lead-in), Chinese and English."""
    paras = [p for p in art["paragraphs"] if para is None or p["number"] == para]
    zh: list[str] = []
    en: list[str] = []
    for p in paras:
        items = [i for i in p["items"] if item is None or i["number"] == item]
        zh.append(p["text"] + ("……" if item is not None and len(p["items"]) > 1 else ""))
        en.append(p.get("en") or "")
        for i in items:
            zh.append(f"（{zh_number(i['number'])}）{i['text']}")
            en.append(f"({i['number']}) {i['en']}" if i.get("en") else "")
    return zh, (en if all(en) else None)


# -- rendering --------------------------------------------------------------------

def render(context: dict[str, Any], fmt: str) -> bytes:
    """The report as bytes in ``fmt`` (html, md, txt or pdf)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    data = json.dumps(context["embedded"], ensure_ascii=False, sort_keys=True)
    b64 = base64.b64encode(data.encode("utf-8")).decode("ascii")
    if fmt in ("html", "pdf"):
        html = _environment().get_template("report.html.j2").render(
            **context, embedded_json=_script_safe(data), for_pdf=(fmt == "pdf"))
        if fmt == "html":
            return html.encode("utf-8")
        return _pdf(html, data)
    wrapped = "\n".join(b64[i:i + 76] for i in range(0, len(b64), 76))
    text = _environment().get_template(f"report.{fmt}.j2").render(**context, embedded_b64=wrapped,
                                                                  md_mark=_MD_MARK, txt_begin=_TXT_BEGIN,
                                                                  txt_end=_TXT_END)
    return text.encode("utf-8")


def _script_safe(data: str) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    return data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _pdf(html: str, data: str) -> bytes:
    try:
        from weasyprint import HTML, Attachment
    except Exception as exc:  # pragma: no cover - depends on the system's pango
        raise ReportError("pdf", {"zh": f"无法生成 PDF（WeasyPrint 不可用：{exc}）",
                                  "en": f"cannot make a PDF (WeasyPrint is unavailable: {exc})"}) from None
    attachment = Attachment(string=data, name="pyreason-report.json",
                            description="pyreason scenario and answer, for pyreason verify")
    return HTML(string=html).write_pdf(attachments=[attachment])


# -- writing ----------------------------------------------------------------------

def write_atomic(path: str, data: bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; never replace an existing file unless ``force``."""
    target = Path(path)
    if target.is_dir():
        raise ReportError(path, {"zh": "这是一个目录", "en": "is a directory"})
    if target.exists() and not force:
        raise ReportError(path, {"zh": "文件已存在，未覆盖（需要覆盖请加 --force）",
                                 "en": "already exists and was not overwritten (use --force to replace it)"})
    parent = target.parent if str(target.parent) else Path(".")
    tmp = str(parent / f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:   # 0o666 less the umask, like any file the user creates
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ReportError(path, {"zh": f"无法写入：{exc.strerror}", "en": f"cannot write: {exc.strerror}"}) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)          # fails if the target appeared meanwhile
            except FileExistsError:
                raise ReportError(path, {"zh": "文件已存在，未覆盖（需要覆盖请加 --force）",
                                         "en": "already exists and was not overwritten (use --force to replace it)"}) from None
            except OSError:
                os.replace(tmp, target)       # no hard links on this file system
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# -- verifying --------------------------------------------------------------------

@dataclass
class Verification:
    """What re-running a report's scenario on the current KB showed."""

    path: str
    holds: bool
    kb_changed: bool
    old_fingerprint: str
    new_fingerprint: str
    differences: list[tuple[str, Any, Any]] = field(default_factory=list)
    embedded: dict[str, Any] = field(default_factory=dict)


def read_embedded(path: str) -> dict[str, Any]:
    """The scenario and answer a report carries."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ReportError(path, {"zh": f"无法读取：{exc.strerror}", "en": f"cannot read: {exc.strerror}"}) from None
    data: str | None = None
    if raw.startswith(b"%PDF"):
        data = _pdf_attachment(path, raw)
    else:
        text = raw.decode("utf-8", errors="replace")
        if m := _HTML_DATA.search(text):
            data = m.group(1)
        elif m := (_MD_DATA.search(text) or _TXT_DATA.search(text)):
            try:
                data = base64.b64decode("".join(m.group(1).split()), validate=True).decode("utf-8")
            except ValueError:
                data = None
    if data is None:
        raise ReportError(path, {"zh": "不是 pyreason 报告（找不到内嵌的场景数据）",
                                 "en": "not a pyreason report (no embedded scenario data)"})
    try:
        embedded = json.loads(data)
    except ValueError:
        raise ReportError(path, {"zh": "内嵌的场景数据已损坏", "en": "the embedded scenario data is damaged"}) from None
    if not isinstance(embedded, dict) or embedded.get("pyreason_report") != EMBED_VERSION:
        raise ReportError(path, {"zh": "内嵌数据的版本无法识别", "en": "unknown version of embedded data"})
    return embedded


def _pdf_attachment(path: str, raw: bytes) -> str | None:
    import io

    from pypdf import PdfReader
    try:
        files = PdfReader(io.BytesIO(raw)).attachments
    except Exception:
        raise ReportError(path, {"zh": "PDF 文件无法读取", "en": "the PDF cannot be read"}) from None
    content = files.get("pyreason-report.json")
    return content[0].decode("utf-8") if content else None


def verify(kb: KnowledgeBase, path: str) -> Verification:
    """Re-run a report's scenario on ``kb`` and compare with the answer it records."""
    embedded = read_embedded(path)
    scenario = embedded.get("scenario")
    try:
        answer = kb.ask(scenario, lang=embedded.get("lang") or "zh", source=f"{path} (embedded scenario)")
    except ScenarioError as exc:
        return Verification(path, False, True, embedded["kb"]["fingerprint"], kb.fingerprint,
                            [("scenario", None, exc.line("en"))], embedded)
    old, new = embedded["answer"], core(answer)
    diffs: list[tuple[str, Any, Any]] = []
    for key in ("status", "gaps", "citations"):
        if old.get(key) != new[key]:
            diffs.append((key, old.get(key), new[key]))
    for name in sorted(set(old.get("answer", {})) | set(new["answer"])):
        if old.get("answer", {}).get(name) != new["answer"].get(name):
            diffs.append((f"answer.{name}", old.get("answer", {}).get(name), new["answer"].get(name)))
    old_fp = embedded["kb"]["fingerprint"]
    return Verification(path, not diffs, old_fp != kb.fingerprint, old_fp, kb.fingerprint, diffs, embedded)
