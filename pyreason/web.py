"""The local web page for analysts and the HTTP API for case-management systems.

A thin layer over :class:`pyreason.KnowledgeBase` (FastAPI: the API's OpenAPI description is
derived from the typed endpoints). One server may serve several knowledge bases; each request
chooses one by name (``?kb=<name>``; default: the first). The page is server-rendered with the
project's jinja2 templates (reports/web/), its forms generated from each KB's declarations
(pyreason/forms.py); it needs no JavaScript. All Prolog work goes through the one engine thread
of the bridge, so concurrent requests are safe; nothing a client sends is ever evaluated as code.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.middleware.base import BaseHTTPMiddleware

from . import __version__
from .errors import InternalError, KBError, PyreasonError, ScenarioError
from .forms import FormBuilder, scenario_from_form
from .kb import KnowledgeBase
from .render import _environment, answer_rows, citation_label, labels, question_label, zh_number

#: Requests larger than this are refused (413) before they are read.
MAX_BODY_BYTES = 1_000_000
LANGS = ("zh", "en")


class _BodyLimit(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: Any) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_BODY_BYTES:
            return _error(413, "too_large", None, f"request larger than {MAX_BODY_BYTES} bytes")
        if request.method in ("POST", "PUT") and not length:
            body = await request.body()
            if len(body) > MAX_BODY_BYTES:
                return _error(413, "too_large", None, f"request larger than {MAX_BODY_BYTES} bytes")
        return await call_next(request)


def _error(status: int, code: str, field: str | None, message: str,
           suggestions: list[str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "field": field, "message": message,
                                   "suggestions": suggestions or []}}, status_code=status)


def _scenario_error(exc: ScenarioError, lang: str) -> JSONResponse:
    return _error(422, exc.code, exc.field, exc.messages.get(lang) or exc.messages.get("zh", ""),
                  exc.suggestions)


class UnknownKB(Exception):
    """A request named a knowledge base this server does not serve."""

    def __init__(self, name: str, known: list[str]):
        self.name, self.known = name, known
        super().__init__(name)


class KBs:
    """The knowledge bases one server serves, by name; the first is the default."""

    def __init__(self, kbs: Sequence[KnowledgeBase]):
        self.all: list[KnowledgeBase] = []
        for kb in kbs:
            if any(k.fingerprint == kb.fingerprint for k in self.all):
                continue                      # the same KB twice
            other = next((k for k in self.all if k.name == kb.name), None)
            if other is not None:
                raise KBError(f"two knowledge bases are named {kb.name} (versions {other.version} and "
                              f"{kb.version}); serve one of them, or give one another kb_name/1")
            self.all.append(kb)
        if not self.all:
            raise KBError("no knowledge base to serve")

    def pick(self, name: str | None) -> KnowledgeBase:
        if not name:
            return self.all[0]
        for kb in self.all:
            if kb.name == name:
                return kb
        raise UnknownKB(name, [k.name for k in self.all])

    def listing(self) -> list[dict[str, Any]]:
        return [{**kb.identity, "title": kb.document["document"].get("title"),
                 "number": kb.document["document"].get("number")} for kb in self.all]


def _example(kb: KnowledgeBase) -> dict[str, Any]:
    """A scenario of the KB's first question kind, its required inputs filled with known names:
    the example the OpenAPI description shows (made from the KB, so right for any KB)."""
    if not kb.declarations["questions"]:
        return {}
    q = kb.declarations["questions"][0]
    out: dict[str, Any] = {"question": q["kind"]}
    for inp in q["inputs"]:
        t = inp["type"]
        if not inp["options"].get("required"):
            continue
        if t["type"] in ("name", "person"):
            names = [e["name"] for e in kb.vocabulary["kinds"].get(t.get("kind"), [])]
            if names:
                out[inp["field"]] = names[0]
    return out


def create_app(kb: KnowledgeBase | Sequence[KnowledgeBase] | None = None) -> FastAPI:
    """The app over ``kb``: one knowledge base or several (default: the shipped one)."""
    if kb is None:
        kbs = KBs([KnowledgeBase()])
    elif isinstance(kb, KnowledgeBase):
        kbs = KBs([kb])
    else:
        kbs = KBs(list(kb))
    served = "; ".join(f"{d['number'] or ''}《{d['title'] or d['name']}》({d['name']})" for d in kbs.listing())
    app = FastAPI(title="pyreason", version=__version__,
                  description=f"Answers, with citations, on the documents of the knowledge bases served: {served}. "
                              "Every endpoint takes ?kb=<name> (GET /api/kbs lists them; default: the first). "
                              "Scenarios and answers follow the contract of shared/spec/questions.md.",
                  docs_url=None, redoc_url=None)        # the Swagger page would load scripts from a CDN
    app.add_middleware(_BodyLimit)
    check_cache: dict[str, Any] = {}
    check_lock = threading.Lock()

    def check_result(kb: KnowledgeBase) -> dict[str, Any]:
        """`pyreason check` of a served KB (it needs its own process), run once per KB."""
        with check_lock:
            if kb.fingerprint not in check_cache:
                done = subprocess.run([sys.executable, "-m", "pyreason", "check", "--kb", str(kb.kb_dir),
                                       "--format", "json"], capture_output=True, text=True, timeout=300,
                                      stdin=subprocess.DEVNULL)
                try:
                    result = json.loads(done.stdout)
                except ValueError:
                    result = None
                if not isinstance(result, dict) or "summary" not in result:
                    last = (done.stderr.strip().splitlines() or ["no output"])[-1]
                    raise InternalError(f"check failed: {last[-300:]}")
                check_cache[kb.fingerprint] = result
            return check_cache[kb.fingerprint]

    KB_QUERY = Query(None, max_length=200, description="The knowledge base, by name (GET /api/kbs); default: the first")

    # -- the API ---------------------------------------------------------------

    @app.get("/api/kbs", summary="The knowledge bases this server serves (the first is the default)")
    def api_kbs() -> Any:
        """Each as ``{name, version, fingerprint, title, number}``."""
        return kbs.listing()

    @app.post("/api/ask", summary="Answer one scenario",
              responses={422: {"description": "The scenario is invalid: names unknown things or contradicts itself"},
                         413: {"description": "The request is too large"}})
    def api_ask(scenario: dict[str, Any] = Body(..., examples=[_example(kbs.all[0])]),
                lang: str = Query("zh", pattern="^(zh|en)$"),
                flips: bool = Query(False, description="Also the single changes of facts that change the answer"),
                kb: str | None = KB_QUERY) -> Any:
        """The contract's answer object; with ``flips=true`` also ``flips``."""
        chosen = kbs.pick(kb)
        try:
            return chosen.ask_with_flips(scenario, lang=lang, source="request") if flips else \
                chosen.ask(scenario, lang=lang, source="request")
        except ScenarioError as exc:
            return _scenario_error(exc, lang)

    @app.post("/api/batch", summary="Answer JSON Lines, one scenario a line",
              response_class=PlainTextResponse, openapi_extra={
                  "requestBody": {"content": {"application/x-ndjson": {"schema": {"type": "string"}}},
                                  "required": True}})
    async def api_batch(request: Request, lang: str = Query("zh", pattern="^(zh|en)$"),
                        kb: str | None = KB_QUERY) -> Response:
        """JSON Lines in, JSON Lines out, in input order; a bad line gives an error object."""
        chosen = kbs.pick(kb)
        body = (await request.body()).decode("utf-8", errors="replace")
        numbered: list[tuple[int, Any]] = []
        for n, line in enumerate(body.splitlines(), 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
                if not isinstance(value, dict):
                    raise ValueError("not an object")
            except ValueError as exc:
                value = ScenarioError(f"line {n}", None, {"zh": f"JSON 语法错误：{exc}",
                                                          "en": f"JSON syntax error: {exc}"}, code="syntax")
            numbered.append((n, value))
        results = chosen.ask_many([v for _, v in numbered], lang=lang, source="request",
                                  lines=[n for n, _ in numbered])
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
        return PlainTextResponse(text, media_type="application/x-ndjson")

    @app.get("/api/articles", summary="The document's metadata and the clean text of every article")
    def api_articles(kb: str | None = KB_QUERY) -> Any:
        return kbs.pick(kb).document

    @app.get("/api/check", summary="The findings of `pyreason check` on a served knowledge base")
    def api_check(kb: str | None = KB_QUERY) -> Any:
        return check_result(kbs.pick(kb))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        """Bad query parameters or a body that is not JSON: the contract's error shape."""
        first = exc.errors()[0] if exc.errors() else {}
        field = ".".join(str(x) for x in first.get("loc", ()) if x not in ("body", "query")) or None
        code = "syntax" if first.get("type") == "json_invalid" else "invalid"
        if code == "syntax":
            field = None                      # the location is a character offset, not a field
        return _error(422, code, field, first.get("msg", "invalid request"))

    @app.exception_handler(UnknownKB)
    async def unknown_kb(request: Request, exc: UnknownKB) -> Response:
        return _error(422, "unknown_kb", "kb", f"no knowledge base named {exc.name!r} is served here "
                      f"(served: {', '.join(exc.known)})", exc.known)

    @app.exception_handler(PyreasonError)
    async def pyreason_error(request: Request, exc: PyreasonError) -> Response:
        return _error(500, "internal", None, str(exc))

    # -- the page ----------------------------------------------------------------

    def page(name: str, lang: str, kb: KnowledgeBase, **context: Any) -> HTMLResponse:
        lab = labels(lang, kb)
        context.setdefault("error", None)
        form = context.pop("form", None)                   # the fields sent, to show them again
        context["fv"] = lambda k: (form.get(k) or "") if form is not None else ""
        context["fl"] = lambda k: form.getlist(k) if form is not None and hasattr(form, "getlist") else []
        several = len(kbs.all) > 1
        template = _environment().get_template(f"web/{name}.html.j2")
        html = template.render(lang=lang, lab=lab, wl=lab["web"], document=kb.document["document"],
                               version=__version__, kb=kb.identity, kbs=kbs.listing(), several=several,
                               kbq=("&" + urlencode({"kb": kb.name})) if several else "",
                               questions=kb.questions, qlabel=lambda q: question_label(kb, q, lang),
                               other_lang="en" if lang == "zh" else "zh", **context)
        return HTMLResponse(html)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(lang: str = Query("zh", pattern="^(zh|en)$"), q: str | None = Query(None, max_length=100),
              kb: str | None = KB_QUERY) -> HTMLResponse:
        chosen = kbs.pick(kb)
        active = q if q in chosen.questions else chosen.questions[0]
        builder = FormBuilder(chosen, labels(lang, chosen), lang)
        return page("index", lang, chosen, active=active, controls=builder.question(active))

    @app.get("/answer", response_class=HTMLResponse, include_in_schema=False)
    def answer_page(request: Request, lang: str = Query("zh", pattern="^(zh|en)$"),
                    kb: str | None = KB_QUERY) -> HTMLResponse:
        chosen = kbs.pick(kb)
        params = request.query_params
        builder = FormBuilder(chosen, labels(lang, chosen), lang)
        scenario = scenario_from_form(params, builder, chosen.questions)
        try:
            answer = chosen.ask_with_flips(scenario, lang=lang, source="form")
        except ScenarioError as exc:
            active = scenario["question"] if scenario["question"] in chosen.questions else chosen.questions[0]
            return page("index", lang, chosen, active=active, controls=builder.question(active), form=params,
                        error=exc.line(lang).removeprefix("form: "))
        doc = chosen.document
        cite = lambda c: citation_label(c, doc, lang)     # noqa: E731
        hidden = [(k, v) for k, v in params.multi_items() if k not in ("case_number", "format")]
        rows = answer_rows(answer, lang, chosen)
        from .report import scenario_rows
        return page("answer", lang, chosen, a=answer, rows=rows, scenario=scenario, hidden=hidden,
                    facts=scenario_rows(chosen, scenario, lang),
                    quote=lambda c: quote(c, doc, lang, chosen), cite=cite, query=str(params),
                    scenario_json=json.dumps(scenario, ensure_ascii=False, indent=2),
                    flip_rows=[[r for r in answer_rows({"question": answer["question"], "status": f["status"],
                                                        "answer": f["answer"]}, lang, chosen) if r not in rows]
                               for f in answer.get("flips", [])])

    @app.get("/report", include_in_schema=False)
    def report(request: Request, format: str = Query("html", pattern="^(html|pdf)$"),
               case_number: str = Query("", max_length=200),
               lang: str = Query("zh", pattern="^(zh|en)$"), kb: str | None = KB_QUERY) -> Response:
        from .report import build_context, render
        chosen = kbs.pick(kb)
        builder = FormBuilder(chosen, labels(lang, chosen), lang)
        scenario = scenario_from_form(request.query_params, builder, chosen.questions)
        try:
            answer = chosen.ask(scenario, lang=lang, source="form")
        except ScenarioError as exc:
            return _scenario_error(exc, lang)
        data = render(build_context(chosen, scenario, answer, lang, case_number or None), format)
        name = f"pyreason-{answer['question']}.{format}"
        media = "application/pdf" if format == "pdf" else "text/html; charset=utf-8"
        return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles(lang: str = Query("zh", pattern="^(zh|en)$"), n: int | None = Query(None, ge=1, le=999),
                 kb: str | None = KB_QUERY) -> HTMLResponse:
        chosen = kbs.pick(kb)
        arts = [a for a in chosen.document["articles"] if n is None or a["number"] == n]
        return page("articles", lang, chosen, articles=arts, zh_number=zh_number)

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_page(lang: str = Query("zh", pattern="^(zh|en)$"), kb: str | None = KB_QUERY) -> HTMLResponse:
        chosen = kbs.pick(kb)
        result = check_result(chosen)
        doc = chosen.document
        return page("check", lang, chosen, result=result, cite=lambda c: citation_label(c, doc, lang))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app

def quote(cite: dict[str, Any], document: dict[str, Any], lang: str, kb: KnowledgeBase | None = None) -> list[str]:
    """The verbatim lines of a citation (an item keeps its paragraph's lead-in)."""
    from .report import _quote
    art = next(a for a in document["articles"] if a["number"] == cite["article"])
    zh, en = _quote(art, cite["paragraph"], cite["item"])
    return zh + ([f"[{labels(lang, kb)['report']['translation']}] {line}" for line in en] if lang == "en" and en else [])


def serve(host: str, port: int, kb: KnowledgeBase | Sequence[KnowledgeBase]) -> None:
    """Run the page and the API (uvicorn) over one knowledge base or several."""
    import uvicorn
    uvicorn.run(create_app(kb), host=host, port=port, log_level="warning")
