"""Case-file reports: the answer, its reasoning and the quoted document, in four formats.

Everything a report shows of the scenario and the answer is derived from the knowledge base's
declarations (its question kinds, their inputs, its kinds of scenario facts, its answer fields)
and worded by its labels, so a report works for any KB. Every report embeds its scenario, the
answer it gave and the KB's identity (name, version, fingerprint; never a path), so ``verify``
can re-run it later on the KB of that name and say whether the answer still holds. Every
report also ends with its seal (the sha256 digest of everything before it, optionally signed
with Ed25519), so ``verify`` can tell whether its text was changed after it was written.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import __version__
from .errors import ScenarioError
from .fileio import FileError, read_input, write_atomic  # noqa: F401  (write_atomic: re-exported)
from .kb import KnowledgeBase
from .render import _environment, answer_rows, citation_label, labels, question_label, zh_number

FORMATS = ("html", "md", "txt", "pdf")
#: Reports larger than this are not read (a PDF of the longest scenario is far smaller).
MAX_REPORT_BYTES = 200_000_000
EMBED_VERSION = 1
_MD_MARK = "pyreason-report:"
_TXT_BEGIN, _TXT_END = "-----BEGIN PYREASON REPORT DATA-----", "-----END PYREASON REPORT DATA-----"


class ReportError(FileError):
    """A report cannot be written or read."""

    def __init__(self, path: str, message: dict[str, str], code: str = "report"):
        super().__init__(path, message, code)


# -- building ---------------------------------------------------------------------

def generated_at() -> str:
    """Now, or SOURCE_DATE_EPOCH for reproducible reports, as ISO 8601 with the offset."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit() \
        else datetime.now(timezone.utc).astimezone()
    return when.isoformat(timespec="seconds")


def build_context(kb: KnowledgeBase, scenario: dict[str, Any], answer: dict[str, Any], lang: str,
                  case_number: str | None = None, ruleset: Any = None) -> dict[str, Any]:
    """Everything a report template shows, as plain values. ``kb`` is the KB whose text the
    answer cites; with ``ruleset`` (the rule set that answered), the embedded data also records
    the set's documents and the date it answered on (``ruleset``), so ``verify`` re-runs the
    scenario on a rule set of those documents."""
    doc = kb.document
    lab = labels(lang, kb)
    all_cites = list(answer["citations"])
    for part in ("explanation", "gaps", "interpretations"):
        for entry in answer[part]:
            all_cites.extend(entry["citations"])
    provisions = _provisions(all_cites, doc, lang)
    identity = dict(kb.identity)
    embedded = {
        "pyreason_report": EMBED_VERSION,
        "scenario": kb.question_part(scenario),
        "lang": lang,
        "case_number": case_number,
        "generated_at": generated_at(),
        "tool_version": __version__,
        "kb": identity,
        "answer": core(answer),
    }
    if ruleset is not None:
        embedded["scenario"] = ruleset.question_part(scenario)
        embedded["ruleset"] = ruleset.record(answer)
    document = dict(doc["document"])
    return {
        "lang": lang, "lab": lab, "rl": lab["report"],
        "a": answer, "rows": answer_rows(answer, lang, kb),
        "qlabel": question_label(kb, answer["question"], lang),
        "facts": scenario_rows(kb, scenario, lang),
        "steps": [dict(s, labels=[citation_label(c, doc, lang) for c in s["citations"]])
                  for s in answer["explanation"]],
        "gaps": [dict(g, labels=[citation_label(c, doc, lang) for c in g["citations"]]) for g in answer["gaps"]],
        "interpretations": [dict(i, labels=[citation_label(c, doc, lang) for c in i["citations"]])
                            for i in answer["interpretations"]],
        "citations": [citation_label(c, doc, lang) for c in answer["citations"]],
        "provisions": provisions,
        "document": document,
        "document_line": document_line(document, lang),
        "kb": identity,
        "case_number": case_number,
        "generated_at": embedded["generated_at"],
        "version": __version__,
        "embedded": embedded,
    }


def document_line(document: dict[str, Any], lang: str) -> str:
    """The document as it names itself: its number and its title (in English, the unofficial
    English title beside it where the KB gives one)."""
    parts = [document.get("number") or ""]
    if document.get("title"):
        parts.append(f"《{document['title']}》")
    if lang == "en" and document.get("title_en"):
        parts.append(f"({document['title_en']})")
    return " ".join(p for p in parts if p)


def core(answer: dict[str, Any]) -> dict[str, Any]:
    """The part of an answer that verify compares: status, fields, citations, gaps."""
    return {"status": answer["status"], "answer": answer["answer"], "citations": answer["citations"],
            "gaps": [g["id"] for g in answer["gaps"]]}


# -- the scenario as rows, by the declared types ----------------------------------------

def scenario_rows(kb: KnowledgeBase, scenario: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """The scenario as labelled rows: the question's declared inputs, then the declared facts,
    each shown by its type and labelled by the KB's labels (``inputs.<field>``,
    ``facts.<fact>``), else by its name.

    A fact the scenario does not give is still shown where its absence says something: a set or
    list as none, a boolean as no. A vote is a row of its own."""
    lab = labels(lang, kb)
    show = _Shower(kb, lab, lang)
    rows: list[tuple[str, str]] = []
    decl = next((q for q in kb.declarations["questions"] if q["kind"] == scenario.get("question")), None)
    for inp in (decl or {}).get("inputs", []):
        name, t, opts = inp["field"], inp["type"], inp["options"]
        label = lab.get("inputs", {}).get(name, name)
        if name in scenario:
            value = scenario[name]
        elif "default" in opts:
            value = show.default(t, opts["default"])
            if value is None:
                continue
        else:
            continue
        if t["type"] == "votes":
            for i, vote in enumerate(value or [], 1):
                rows.append((f"{label} {i}", show.vote(t, vote)))
            if not value:
                rows.append((label, lab["report"]["nobody"]))
            continue
        rows.append((label, show.value(t, value, name)))
    given = scenario.get("facts") or {}
    for fact in kb.declarations["facts"]:
        name, t, opts = fact["name"], fact["type"], fact["options"]
        if "for" in opts and scenario.get("question") not in opts["for"]:
            continue                          # a fact of other question kinds
        label = lab.get("facts", {}).get(name, name)
        if name in given and given[name] not in (None, [], ""):
            if t["type"] == "votes":
                for i, vote in enumerate(given[name], 1):
                    rows.append((f"{label} {i}", show.vote(t, vote)))
                continue
            ordered = t["type"] == "list" and opts.get("whole")
            rows.append((label, show.value(t, given[name], name, ordered=ordered)))
        elif t["type"] == "boolean":
            rows.append((label, lab["report"]["no"]))
        elif t["type"] in ("list", "set") and not opts.get("whole"):
            rows.append((label, lab["report"]["nobody"]))
    return rows


class _Shower:
    """Values of a scenario in words, by their declared types."""

    def __init__(self, kb: KnowledgeBase, lab: dict[str, Any], lang: str):
        self.kb, self.lab, self.lang = kb, lab, lang
        self.sep = "、" if lang == "zh" else ", "
        self._index: dict[str, dict[str, dict[str, Any]]] = {}

    def entry(self, kind: str | None, given: Any) -> dict[str, Any] | None:
        """The vocabulary entry a name refers to (by its name, id or an alias), if any."""
        if not kind or not isinstance(given, str):
            return None
        if kind not in self._index:
            index: dict[str, dict[str, Any]] = {}
            for e in self.kb.vocabulary["kinds"].get(kind, []):
                for key in [e["name"], e.get("id"), *e.get("aliases", [])]:
                    if isinstance(key, str) and key:
                        index.setdefault(key, e)
                        index.setdefault(key.casefold(), e)
            self._index[kind] = index
        key = given.strip()
        return self._index[kind].get(key) or self._index[kind].get(key.casefold())

    def name(self, kind: str | None, given: Any) -> str:
        """A name as the text writes it (or as the KB's labels word it), and as given when that
        differs; a person of an org chart is shown as given."""
        e = self.entry(kind, given)
        if e is None:
            return str(given)
        words = self.lab.get("values", {}).get(kind, {})
        shown = str(words.get(e["value"], e["name"]))
        given = str(given).strip()
        return shown if shown == given else f"{shown}{self.lab['lp']}{given}{self.lab['rp']}"

    def default(self, t: dict[str, Any], value: Any) -> str | None:
        """A declared default (already a value the rules receive), in words."""
        if t["type"] in ("name", "person"):
            for e in self.kb.vocabulary["kinds"].get(t.get("kind"), []):
                if e["value"] == value:
                    return str(self.lab.get("values", {}).get(t["kind"], {}).get(value, e["name"]))
        if value is None:
            return None
        return self.value(t, value, "")

    def value(self, t: dict[str, Any], value: Any, name: str, ordered: bool = False) -> str:
        kind = t["type"]
        rl = self.lab["report"]
        if kind in ("name", "person"):
            return self.name(t.get("kind"), value)
        if kind == "boolean":
            return rl["yes"] if value is True else rl["no"] if value is False else str(value)
        if kind == "duration":
            return self.duration(value)
        if kind in ("list", "set"):
            if not isinstance(value, list):
                return str(value)
            if not value:
                return rl["nobody"]
            parts = [self.value(t["of"], v, name) for v in value]
            return (" > " if ordered else self.sep).join(parts)
        if kind == "record":
            return self.record(t, value, name)
        if kind == "votes":
            return self.lab["sep"].join(self.vote(t, v) for v in value or [])
        return str(value)

    def duration(self, value: Any) -> str:
        if isinstance(value, dict):
            unit = self.lab.get("units", {}).get(value.get("unit"), value.get("unit"))
            return f"{value.get('value')}{'' if self.lang == 'zh' else ' '}{unit}"
        return str(value)

    def record(self, t: dict[str, Any], value: Any, name: str) -> str:
        """A record by the KB's template for it (``templates.<name>``), else its fields labelled
        (``inputs.<name>.<field>``, else the field's name)."""
        if not isinstance(value, dict):
            return str(value)
        shown = {f["name"]: self.value(f["type"], value.get(f["name"]), f"{name}.{f['name']}")
                 for f in t["fields"]}
        template = self.lab.get("templates", {}).get(name)
        if template:
            try:
                return template.format(**shown)
            except (KeyError, IndexError, ValueError):
                pass
        words = self.lab.get("inputs", {})
        return self.lab["sep"].join(f"{words.get(f'{name}.{k}', k)}{self.lab['colon']}{v}" for k, v in shown.items())

    def vote(self, t: dict[str, Any], vote: Any) -> str:
        if not isinstance(vote, dict):
            return str(vote)
        who = self.name(t.get("kind"), vote.get("role"))
        if vote.get("name"):
            who += f"{self.lab['lp']}{vote['name']}{self.lab['rp']}"
        return f"{who}{self.lab['colon']}{self.opinion(vote.get('opinion'))}"

    def opinion(self, given: Any) -> str:
        """An opinion as given; where the KB declares vote values, the canonical one first."""
        for vv in self.kb.declarations.get("vote_values") or []:
            if given == vv["value"]:
                break
            if given in (vv.get("aliases") or []):
                return f"{vv['value']}{self.lab['lp']}{given}{self.lab['rp']}"
        return str(given)


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

def render(context: dict[str, Any], fmt: str, signer: "Signer | None" = None) -> bytes:
    """The report as bytes in ``fmt`` (html, md, txt or pdf), sealed: its last line records the
    sha256 digest of every byte before it (the rendered report and the data it embeds), and,
    with a ``signer``, an Ed25519 signature of that digest (see :func:`seal`)."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    data = json.dumps(context["embedded"], ensure_ascii=False, sort_keys=True)
    b64 = base64.b64encode(data.encode("utf-8")).decode("ascii")
    if fmt in ("html", "pdf"):
        html = _environment().get_template("report.html.j2").render(
            **context, embedded_json=_script_safe(data), for_pdf=(fmt == "pdf"), css_string=_css_string)
        if fmt == "html":
            return seal(_end_line(html).encode("utf-8"), fmt, signer)
        return seal(_pdf(html, data), fmt, signer)
    wrapped = "\n".join(b64[i:i + 76] for i in range(0, len(b64), 76))
    text = _environment().get_template(f"report.{fmt}.j2").render(**context, embedded_b64=wrapped,
                                                                  md_mark=_MD_MARK, txt_begin=_TXT_BEGIN,
                                                                  txt_end=_TXT_END)
    # The data block is the template's last; any marker before it came from the user's text
    # (a case number, an opinion) and is escaped so that it cannot pass for the report's own.
    mark = f"<!-- {_MD_MARK}" if fmt == "md" else _TXT_BEGIN
    head, _, tail = text.rpartition(mark)
    return seal(_end_line(_escape_markers(head, fmt) + mark + tail).encode("utf-8"), fmt, signer)


def _escape_markers(text: str, fmt: str) -> str:
    """User text that spells a marker of a report's own, shown as text that does not: in
    Markdown the comment's ``<`` as ``&lt;`` (which renders as ``<``), in plain text a
    backslash before the dashes."""
    if fmt == "md":
        return text.replace("<!-- pyreason-", "&lt;!-- pyreason-")
    return re.sub(r"-----(?=(?:BEGIN |END )?PYREASON REPORT)", r"\\-----", text)


def _end_line(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _css_string(text: str) -> Any:
    """A CSS string literal of ``text`` that cannot end its string, rule or <style> element."""
    from markupsafe import Markup
    out = "".join(c if c.isalnum() or c in " -_.,:;/()〔〕（）《》" or ord(c) > 0x2000 else f"\\{ord(c):x} "
                  for c in str(text))
    return Markup(f'"{out}"')


def _script_safe(data: str) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    return data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _pdf(html: str, data: str) -> bytes:
    from .extras import require
    require("pdf", {"zh": "生成 PDF 报告", "en": "a PDF report"}, "weasyprint")
    try:
        from weasyprint import HTML, Attachment
    except Exception as exc:  # pragma: no cover - depends on the system's pango
        raise ReportError("pdf", {"zh": f"无法生成 PDF（WeasyPrint 不可用：{exc}）",
                                  "en": f"cannot make a PDF (WeasyPrint is unavailable: {exc})"}) from None
    attachment = Attachment(string=data, name="pyreason-report.json",
                            description="pyreason scenario and answer, for pyreason verify")
    out = HTML(string=html).write_pdf(attachments=[attachment])
    return out if out.endswith(b"\n") else out + b"\n"


# -- the seal: a digest of the report, optionally signed ----------------------------------
#
# Every report ends with one line, its seal, which records the sha256 digest of every byte of
# the report before that line: for html, md and txt the rendered text with its embedded data;
# for pdf the whole file as WeasyPrint wrote it (page content, text layer and the attached
# scenario data), the seal being a PDF comment line after %%EOF, which PDF readers ignore.
# Any edit -- of the visible conclusion or of the data, and for a PDF an incremental update
# appended after the seal -- changes the digest or moves the seal from the end. With --sign
# the seal also carries an Ed25519 signature of the digest and the signing key's id (the first
# 16 hex digits of the sha256 of its raw public key), so that whoever holds the court's public
# key can tell the report was sealed by it.

SEAL_CONTEXT = b"pyreason-report-seal-v1 "
_SEAL_OPEN = {"html": "<!-- pyreason-seal: ", "md": "<!-- pyreason-seal: ",
              "txt": "-----PYREASON REPORT SEAL: ", "pdf": "%pyreason-seal: "}
_SEAL_CLOSE = {"html": " -->", "md": " -->", "txt": " -----", "pdf": ""}
_SEAL = re.compile(
    rb"(?P<open><!-- pyreason-seal: |-----PYREASON REPORT SEAL: |%pyreason-seal: )"
    rb"sha256:(?P<digest>[0-9a-f]{64})"
    rb"(?: ed25519:(?P<sig>[A-Za-z0-9+/]{86}==) key:(?P<key>[0-9a-f]{16}))?"
    rb"(?P<close> -->| -----|)\n?\Z")
#: Each opening of a seal line with the closing it is written with (the line is exact).
_SEAL_PAIRS = {b"<!-- pyreason-seal: ": b" -->", b"-----PYREASON REPORT SEAL: ": b" -----", b"%pyreason-seal: ": b""}
_SEAL_ANY = re.compile(rb"\n(?:<!-- pyreason-seal: |-----PYREASON REPORT SEAL: |%pyreason-seal: )sha256:")


class Signer:
    """An Ed25519 private key (PEM, unencrypted PKCS#8) that signs reports' digests."""

    def __init__(self, path: str):
        self.path = path
        key = _load_key(path, private=True)
        self._key = key
        self.key_id = key_id(key.public_key())

    def sign(self, digest: str) -> str:
        return base64.b64encode(self._key.sign(SEAL_CONTEXT + digest.encode("ascii"))).decode("ascii")


def key_id(public_key: Any) -> str:
    from cryptography.hazmat.primitives import serialization
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _crypto(path: str) -> None:
    try:
        import cryptography  # noqa: F401
    except ImportError:
        raise ReportError(path, {"zh": "签名需要 cryptography 库（pip install 'pyreason-law[sign]'）",
                                 "en": "signing needs the cryptography library (pip install 'pyreason-law[sign]')"}) from None


def _load_key(path: str, private: bool) -> Any:
    _crypto(path)
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
    try:
        raw = read_input(path, 100_000)
    except FileError as exc:
        raise ReportError(path, exc.messages, exc.code) from None
    try:
        key = (serialization.load_pem_private_key(raw, password=None) if private
               else serialization.load_pem_public_key(raw))
    except (ValueError, TypeError, Exception):
        key = None
    want = Ed25519PrivateKey if private else Ed25519PublicKey
    if not isinstance(key, want):
        what = ("Ed25519 私钥（PEM，未加密）", "an Ed25519 private key (PEM, unencrypted)") if private else \
            ("Ed25519 公钥（PEM）", "an Ed25519 public key (PEM)")
        raise ReportError(path, {"zh": f"不是{what[0]}（可用 pyreason keygen 生成）",
                                 "en": f"not {what[1]} (pyreason keygen makes one)"})
    return key


def keygen(directory: str) -> tuple[Path, Path]:
    """Write a new Ed25519 key pair into ``directory``: the private key (mode 0600) and the
    public key, both PEM; never replaces an existing file."""
    _crypto(directory)
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    where = Path(directory)
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(directory, {"zh": f"无法创建目录：{exc.strerror}",
                                      "en": f"cannot create the directory: {exc.strerror}"}) from None
    private, public = where / "pyreason-signing-key.pem", where / "pyreason-signing-key.pub.pem"
    for p in (private, public):
        if p.exists():
            raise ReportError(str(p), {"zh": "文件已存在，未覆盖", "en": "already exists and was not overwritten"})
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    pub = key.public_key().public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo)
    fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    write_atomic(str(public), pub)
    return private, public


def seal(body: bytes, fmt: str, signer: Signer | None = None) -> bytes:
    """``body`` (ending in a newline) with its seal line appended."""
    digest = "sha256:" + hashlib.sha256(body).hexdigest()
    line = digest
    if signer is not None:
        line += f" ed25519:{signer.sign(digest)} key:{signer.key_id}"
    return body + (_SEAL_OPEN[fmt] + line + _SEAL_CLOSE[fmt] + "\n").encode("ascii")


@dataclass
class SealCheck:
    """What a report's seal says: ``problem`` is None when the digest matches, else why not
    ("missing": no seal; "appended": something after it; "digest": the bytes differ)."""

    problem: str | None
    recorded: str | None = None
    actual: str | None = None
    signature: bytes | None = None
    key_id: str | None = None
    body: bytes = b""

    def signature_ok(self, public_key_path: str) -> bool:
        from cryptography.exceptions import InvalidSignature
        key = _load_key(public_key_path, private=False)
        if self.signature is None or self.recorded is None:
            return False
        try:
            key.verify(self.signature, SEAL_CONTEXT + self.recorded.encode("ascii"))
        except InvalidSignature:
            return False
        return True


def check_seal(raw: bytes) -> SealCheck:
    """Read a report's seal and recompute its digest."""
    m = _SEAL.search(raw, max(0, len(raw) - 400))
    if m is not None and _SEAL_PAIRS[m.group("open")] != m.group("close"):
        m = None                                   # the seal line itself was altered
    if m is None or (m.start() > 0 and raw[m.start() - 1:m.start()] != b"\n"):
        found = list(_SEAL_ANY.finditer(raw))
        if found:       # a seal, but not at the end: something was added after it
            body = raw[:found[-1].start() + 1]
            return SealCheck("appended", actual="sha256:" + hashlib.sha256(body).hexdigest(), body=body)
        return SealCheck("missing", body=raw)
    body = raw[:m.start()]
    actual = "sha256:" + hashlib.sha256(body).hexdigest()
    recorded = "sha256:" + m.group("digest").decode("ascii")
    sig = base64.b64decode(m.group("sig")) if m.group("sig") else None
    key = m.group("key").decode("ascii") if m.group("key") else None
    return SealCheck(None if actual == recorded else "digest", recorded, actual, sig, key, body)


# -- writing ----------------------------------------------------------------------

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
    kb: dict[str, Any] = field(default_factory=dict)      # the identity of the KB it was re-run on


def read_embedded(path: str) -> dict[str, Any]:
    """The scenario and answer a report carries."""
    return read_report(path)[0]


_NOT_REPORT = {"zh": "不是 pyreason 报告（找不到内嵌的场景数据）",
               "en": "not a pyreason report (no embedded scenario data)"}
_DAMAGED = {"zh": "内嵌的场景数据已损坏", "en": "the embedded scenario data is damaged"}
_HTML_OPEN = '<script type="application/json" id="pyreason-report">'
_MD_TRAILER = re.compile(r"<!-- " + re.escape(_MD_MARK) + r"\n([A-Za-z0-9+/=\n]+?)\n-->\s*\Z")
_TXT_TRAILER = re.compile(r"(?:\A|\n)" + re.escape(_TXT_BEGIN) + r"\n([A-Za-z0-9+/=\n]+?)\n"
                          + re.escape(_TXT_END) + r"\s*\Z")
_HTML_TRAILER = re.compile(r"</script>\s*</body>\s*</html>\s*\Z")


def read_report(path: str) -> tuple[dict[str, Any], SealCheck]:
    """The data a report embeds, found only where the report puts it (the end of its text, or
    the PDF's attachment), checked to have the shape pyreason writes, and its seal."""
    try:
        raw = read_input(path, MAX_REPORT_BYTES)
    except FileError as exc:        # missing, a directory, a pipe, a device, too large
        raise ReportError(path, exc.messages, exc.code) from None
    sealed = check_seal(raw)
    data: str | None = None
    if raw.startswith(b"%PDF"):
        data = _pdf_attachment(path, raw)
    else:
        try:
            text = sealed.body.decode("utf-8")
        except UnicodeDecodeError:
            raise ReportError(path, {"zh": "不是 pyreason 报告（不是 UTF-8 文本）",
                                     "en": "not a pyreason report (not UTF-8 text)"}) from None
        start = text.rfind(_HTML_OPEN)
        if start >= 0 and (end := _HTML_TRAILER.search(text, start + len(_HTML_OPEN))) is not None:
            data = text[start + len(_HTML_OPEN):end.start()]
        elif m := (_MD_TRAILER.search(text) or _TXT_TRAILER.search(text)):
            try:
                data = base64.b64decode("".join(m.group(1).split()), validate=True).decode("utf-8")
            except ValueError:
                raise ReportError(path, _DAMAGED) from None
    if data is None:
        raise ReportError(path, _NOT_REPORT)
    try:
        embedded = json.loads(data)
    except (ValueError, RecursionError):
        raise ReportError(path, _DAMAGED) from None
    if not isinstance(embedded, dict) or embedded.get("pyreason_report") != EMBED_VERSION:
        raise ReportError(path, {"zh": "内嵌数据的版本无法识别", "en": "unknown version of embedded data"})
    if not _well_formed(embedded):
        raise ReportError(path, _DAMAGED)
    return embedded, sealed


def _well_formed(e: dict[str, Any]) -> bool:
    """The embedded data has the shape pyreason writes (so that nothing reading it fails)."""
    answer = e.get("answer")
    kb = e.get("kb", {})
    return (isinstance(e.get("scenario"), dict) and isinstance(answer, dict)
            and isinstance(answer.get("answer"), dict) and isinstance(answer.get("status"), str)
            and isinstance(answer.get("citations"), list) and isinstance(answer.get("gaps"), list)
            and isinstance(kb, dict) and all(isinstance(kb.get(k), (str, type(None)))
                                             for k in ("name", "version", "fingerprint"))
            and e.get("lang", "zh") in ("zh", "en") and _ruleset_well_formed(e))


def _ruleset_well_formed(e: dict[str, Any]) -> bool:
    if "ruleset" not in e:
        return True
    rs = e["ruleset"]
    docs = rs.get("documents") if isinstance(rs, dict) else None
    return (isinstance(docs, list) and bool(docs)
            and all(isinstance(rs.get(k), (str, type(None))) for k in ("name", "date"))
            and all(isinstance(d, dict) and isinstance(d.get("name"), str)
                    and all(isinstance(d.get(k), (str, type(None))) for k in ("version", "fingerprint", "label"))
                    for d in docs))


def _pdf_attachment(path: str, raw: bytes) -> str | None:
    import io
    import logging

    from .extras import require
    require("pdf", {"zh": "读取 PDF 报告", "en": "reading a PDF report"}, "pypdf")
    from pypdf import PdfReader
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        files = PdfReader(io.BytesIO(raw)).attachments
        content = files.get("pyreason-report.json")
        return content[0].decode("utf-8") if content else None
    except (Exception, RecursionError):
        raise ReportError(path, {"zh": "PDF 文件无法读取", "en": "the PDF cannot be read"}) from None


def report_kb(embedded: dict[str, Any]) -> dict[str, Any]:
    """The identity of the KB a report was made with: name, version, fingerprint (a report made
    before KBs had names records only the fingerprint)."""
    kb = embedded.get("kb") if isinstance(embedded.get("kb"), dict) else {}
    return {"name": kb.get("name"), "version": kb.get("version"), "fingerprint": kb.get("fingerprint")}


def choose_kb(path: str, embedded: dict[str, Any], candidates: Any) -> KnowledgeBase:
    """The KB to verify a report on: among ``candidates`` (an iterable of KnowledgeBase, loaded
    as it is consumed, so the ones not needed are not loaded), the one with the report's
    fingerprint, else the first with its name. A report without a KB name is verified on the
    first candidate. When no candidate has the report's name: a ReportError saying which KB
    (name, version) is needed and how to pass it."""
    want = report_kb(embedded)
    seen: list[KnowledgeBase] = []
    same_name: KnowledgeBase | None = None
    for kb in candidates:
        seen.append(kb)
        if not want["name"]:
            return kb
        if kb.name == want["name"]:
            if kb.fingerprint == want["fingerprint"]:
                return kb
            same_name = same_name or kb
    if same_name is not None:
        return same_name
    if not want["name"] and seen:
        return seen[0]
    version = want["version"] or "?"
    loaded = "、".join(f"{k.name} {k.version or ''}".strip() for k in seen)
    loaded_en = ", ".join(f"{k.name} {k.version or ''}".strip() for k in seen)
    raise ReportError(path, {
        "zh": f"本报告由知识库 {want['name']}（版本 {version}）生成，当前未加载该知识库"
              f"（已加载：{loaded or '无'}）；请用 pyreason verify {path} --kb 该知识库的目录 指定它",
        "en": f"this report was made with the knowledge base {want['name']} (version {version}), which "
              f"is not loaded (loaded: {loaded_en or 'none'}); pass its directory: "
              f"pyreason verify {path} --kb DIR"})


def _doc_words(d: dict[str, Any], lang: str) -> str:
    label = d.get("label")
    return f"{d['name']}" + (f" {d['version']}" if d.get("version") else "") + (
        (f"（{label}）" if lang == "zh" else f" ({label})") if label else "")


def recorded_ruleset(embedded: dict[str, Any]) -> dict[str, Any] | None:
    """What a report made with a rule set records of it (name, date, documents), else None."""
    rs = embedded.get("ruleset")
    return rs if isinstance(rs, dict) else None


def match_documents(recorded: dict[str, Any], kbs: list[KnowledgeBase]) -> tuple[list[KnowledgeBase], list[dict[str, Any]]]:
    """For each document a rule-set report records, the KB among ``kbs`` it was (the same
    fingerprint, else name and version, else name): (the KBs found, in the recorded order; the
    recorded documents not found)."""
    found, missing = [], []
    for d in recorded["documents"]:
        kb = (next((k for k in kbs if d.get("fingerprint") and k.fingerprint == d["fingerprint"]), None)
              or next((k for k in kbs if k.name == d["name"] and k.version == d.get("version")), None)
              or next((k for k in kbs if k.name == d["name"]), None))
        if kb is None or kb in found:
            missing.append(d)
        else:
            found.append(kb)
    return found, missing


def missing_words(recorded: dict[str, Any], missing: list[dict[str, Any]]) -> dict[str, str]:
    """The line saying which documents of a rule-set report are needed, in both languages."""
    from .ruleset import words
    out = {}
    for lang in ("zh", "en"):
        sep = "、" if lang == "zh" else ", "
        name = recorded.get("name") or ""
        out[lang] = words()[lang]["ruleset_report_missing"].format(
            name=(f"“{name}”" if lang == "zh" else f'"{name}"') if name else "",
            missing=sep.join(_doc_words(d, lang) for d in missing),
            documents=sep.join(_doc_words(d, lang) for d in recorded["documents"]))
    return out


def choose_ruleset(path: str, embedded: dict[str, Any], candidates: Any) -> Any:
    """The rule set to verify a rule-set report on: its recorded documents, found among
    ``candidates`` (KnowledgeBase objects; each is loaded), rebuilt in the recorded order; a
    ReportError naming the documents none of them is."""
    from .ruleset import RuleSet
    recorded = recorded_ruleset(embedded)
    found, missing = match_documents(recorded, list(candidates))
    if missing:
        raise ReportError(path, missing_words(recorded, missing), code="missing_documents")
    return RuleSet.from_kbs(found, recorded.get("name"))


def verify(kb: KnowledgeBase, path: str, embedded: dict[str, Any] | None = None) -> Verification:
    """Re-run a report's scenario on ``kb`` and compare with the answer it records. ``kb`` may be
    a rule set (a report made with one: :func:`choose_ruleset`); an undated scenario is then
    asked on the date the report answered on, so the report is held to the texts in force then."""
    embedded = embedded if embedded is not None else read_embedded(path)
    scenario = embedded.get("scenario")
    recorded_rs = recorded_ruleset(embedded)
    if recorded_rs is not None and hasattr(kb, "kb_for") and isinstance(scenario, dict) \
            and scenario.get("date") is None and recorded_rs.get("date"):
        scenario = {**scenario, "date": recorded_rs["date"]}
    old_fp = report_kb(embedded)["fingerprint"] or ""
    try:
        answer = kb.ask(scenario, lang=embedded.get("lang") or "zh", source=f"{path} (embedded scenario)")
    except ScenarioError as exc:
        return Verification(path, False, old_fp != kb.fingerprint, old_fp, kb.fingerprint,
                            [("scenario", None, exc.line("en"))], embedded, kb.identity)
    if hasattr(kb, "kb_for"):                 # a rule set: the document that answered
        kb = kb.kb_for(answer)
    old, new = embedded.get("answer") or {}, core(answer)
    diffs: list[tuple[str, Any, Any]] = []
    for key in ("status", "gaps", "citations"):
        if old.get(key) != new[key]:
            diffs.append((key, old.get(key), new[key]))
    for name in sorted(set(old.get("answer", {})) | set(new["answer"])):
        if old.get("answer", {}).get(name) != new["answer"].get(name):
            diffs.append((f"answer.{name}", old.get("answer", {}).get(name), new["answer"].get(name)))
    return Verification(path, not diffs, old_fp != kb.fingerprint, old_fp, kb.fingerprint, diffs, embedded,
                        kb.identity)
