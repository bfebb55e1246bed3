"""The local web page for analysts and the HTTP API for case-management systems.

A thin layer over :class:`pyreason.KnowledgeBase` (FastAPI: the API's OpenAPI description is
derived from the typed endpoints). The page is server-rendered with the project's jinja2
templates (reports/web/); it needs no JavaScript. All Prolog work goes through the one
engine thread of the bridge, so concurrent requests are safe; nothing a client sends is
ever evaluated as code.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections import defaultdict
from typing import Any

from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.middleware.base import BaseHTTPMiddleware

from . import __version__
from .errors import InternalError, PyreasonError, ScenarioError
from .kb import KnowledgeBase
from .render import _environment, answer_rows, citation_label, labels, zh_number

#: Requests larger than this are refused (413) before they are read.
MAX_BODY_BYTES = 1_000_000
LANGS = ("zh", "en")
QUESTIONS = ("approver", "superior", "substitution", "disagreement", "meeting", "duties")
VOTE_ROWS = 6


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


def create_app(kb: KnowledgeBase | None = None) -> FastAPI:
    """The app over ``kb`` (default: the shipped knowledge base)."""
    kb = kb or KnowledgeBase()
    app = FastAPI(title="pyreason", version=__version__,
                  description="Answers, with citations, on 《关于落实执行管理层级负责制的若干规定（试行）》. "
                              "Scenarios and answers follow the contract of shared/spec/questions.md.",
                  docs_url=None, redoc_url=None)        # the Swagger page would load scripts from a CDN
    app.add_middleware(_BodyLimit)
    check_cache: dict[str, Any] = {}
    check_lock = threading.Lock()

    def check_result() -> dict[str, Any]:
        """`pyreason check` of the loaded KB (it needs its own process), run once."""
        with check_lock:
            if "result" not in check_cache:
                done = subprocess.run([sys.executable, "-m", "pyreason", "check", "--kb", str(kb.kb_dir),
                                       "--format", "json"], capture_output=True, text=True, timeout=300,
                                      stdin=subprocess.DEVNULL)
                try:
                    check_cache["result"] = json.loads(done.stdout)
                except ValueError:
                    raise InternalError(f"check failed: {done.stderr.strip()[-300:]}") from None
            return check_cache["result"]

    # -- the API ---------------------------------------------------------------

    @app.post("/api/ask", summary="Answer one scenario",
              responses={422: {"description": "The scenario is invalid: names unknown things or contradicts itself"},
                         413: {"description": "The request is too large"}})
    def api_ask(scenario: dict[str, Any] = Body(..., examples=[{"question": "approver", "matter": "执行案款的发放",
                                                                "facts": {"absent": ["局长"],
                                                                          "authorized": [{"from": "局长", "to": "副局长"}]}}]),
                lang: str = Query("zh", pattern="^(zh|en)$"),
                flips: bool = Query(False, description="Also the single changes of facts that change the answer")) -> Any:
        """The contract's answer object; with ``flips=true`` also ``flips``."""
        try:
            return kb.ask_with_flips(scenario, lang=lang, source="request") if flips else \
                kb.ask(scenario, lang=lang, source="request")
        except ScenarioError as exc:
            return _scenario_error(exc, lang)

    @app.post("/api/batch", summary="Answer JSON Lines, one scenario a line",
              response_class=PlainTextResponse, openapi_extra={
                  "requestBody": {"content": {"application/x-ndjson": {"schema": {"type": "string"}}},
                                  "required": True}})
    async def api_batch(request: Request, lang: str = Query("zh", pattern="^(zh|en)$")) -> Response:
        """JSON Lines in, JSON Lines out, in input order; a bad line gives an error object."""
        from .scenario import ScenarioError as SE
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
                value = SE(f"line {n}", None, {"zh": f"JSON 语法错误：{exc}", "en": f"JSON syntax error: {exc}"},
                           code="syntax")
            numbered.append((n, value))
        results = kb.ask_many([v for _, v in numbered], lang=lang, source="request",
                              lines=[n for n, _ in numbered])
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
        return PlainTextResponse(text, media_type="application/x-ndjson")

    @app.get("/api/articles", summary="The regulation's metadata and the clean text of every article")
    def api_articles() -> Any:
        return kb.document

    @app.get("/api/check", summary="The findings of `pyreason check` on the loaded knowledge base")
    def api_check() -> Any:
        return check_result()

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        """Bad query parameters or a body that is not JSON: the contract's error shape."""
        first = exc.errors()[0] if exc.errors() else {}
        field = ".".join(str(x) for x in first.get("loc", ()) if x not in ("body", "query")) or None
        code = "syntax" if first.get("type") == "json_invalid" else "invalid"
        if code == "syntax":
            field = None                      # the location is a character offset, not a field
        return _error(422, code, field, first.get("msg", "invalid request"))

    @app.exception_handler(PyreasonError)
    async def pyreason_error(request: Request, exc: PyreasonError) -> Response:
        return _error(500, "internal", None, str(exc))

    # -- the page ----------------------------------------------------------------

    def page(name: str, lang: str, **context: Any) -> HTMLResponse:
        lab = labels(lang)
        context.setdefault("error", None)
        context["form"] = defaultdict(str, context.get("form") or {})   # a field not sent is empty
        template = _environment().get_template(f"web/{name}.html.j2")
        html = template.render(lang=lang, lab=lab, wl=lab["web"], vocab=kb.vocabulary, document=kb.document["document"],
                               version=__version__, fingerprint=kb.fingerprint, questions=QUESTIONS,
                               vote_rows=range(VOTE_ROWS), other_lang="en" if lang == "zh" else "zh", **context)
        return HTMLResponse(html)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(lang: str = Query("zh", pattern="^(zh|en)$"), q: str = Query("approver")) -> HTMLResponse:
        return page("index", lang, active=q if q in QUESTIONS else "approver", form={})

    @app.get("/answer", response_class=HTMLResponse, include_in_schema=False)
    def answer_page(request: Request, lang: str = Query("zh", pattern="^(zh|en)$")) -> HTMLResponse:
        params = request.query_params
        scenario = scenario_from_form(params)
        try:
            answer = kb.ask_with_flips(scenario, lang=lang, source="form")
        except ScenarioError as exc:
            return page("index", lang, active=scenario.get("question", "approver"), form=dict(params),
                        error=exc.line(lang).removeprefix("form: "))
        doc = kb.document
        cite = lambda c: citation_label(c, doc, lang)     # noqa: E731
        hidden = [(k, v) for k, v in params.multi_items() if k not in ("case_number", "format")]
        return page("answer", lang, a=answer, rows=answer_rows(answer, lang), scenario=scenario, hidden=hidden,
                    quote=lambda c: quote(c, doc, lang), cite=cite, query=str(params),
                    scenario_json=json.dumps(scenario, ensure_ascii=False, indent=2),
                    flip_rows=[answer_rows({"question": answer["question"], "status": f["status"],
                                            "answer": f["answer"]}, lang) for f in answer.get("flips", [])])

    @app.get("/report", include_in_schema=False)
    def report(request: Request, format: str = Query("html", pattern="^(html|pdf)$"),
               case_number: str = Query("", max_length=200),
               lang: str = Query("zh", pattern="^(zh|en)$")) -> Response:
        from .report import build_context, render
        scenario = scenario_from_form(request.query_params)
        try:
            answer = kb.ask(scenario, lang=lang, source="form")
        except ScenarioError as exc:
            return _scenario_error(exc, lang)
        data = render(build_context(kb, scenario, answer, lang, case_number or None), format)
        name = f"pyreason-{answer['question']}.{format}"
        media = "application/pdf" if format == "pdf" else "text/html; charset=utf-8"
        return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles(lang: str = Query("zh", pattern="^(zh|en)$"), n: int | None = Query(None, ge=1, le=99)) -> HTMLResponse:
        arts = [a for a in kb.document["articles"] if n is None or a["number"] == n]
        return page("articles", lang, articles=arts, zh_number=zh_number)

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_page(lang: str = Query("zh", pattern="^(zh|en)$")) -> HTMLResponse:
        result = check_result()
        doc = kb.document
        return page("check", lang, result=result, cite=lambda c: citation_label(c, doc, lang))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app


def quote(cite: dict[str, Any], document: dict[str, Any], lang: str) -> list[str]:
    """The verbatim lines of a citation (an item keeps its paragraph's lead-in)."""
    from .report import _quote
    art = next(a for a in document["articles"] if a["number"] == cite["article"])
    zh, en = _quote(art, cite["paragraph"], cite["item"])
    return zh + ([f"[{labels(lang)['report']['translation']}] {line}" for line in en] if lang == "en" and en else [])


def scenario_from_form(params: Any) -> dict[str, Any]:
    """A scenario from the page's form fields (names are checked by the KB, not here)."""
    q = params.get("question", "approver")
    s: dict[str, Any] = {"question": q}
    one = lambda k: (params.get(k) or "").strip()           # noqa: E731
    if q == "approver":
        s["matter"] = one("matter")
    elif q in ("superior", "duties"):
        s["role"] = one("role")
    elif q == "substitution":
        s.update(substitute=one("substitute"), **{"for": one("for")})
        if one("scope"):
            s["scope"] = one("scope")
    elif q == "disagreement":
        s.update(between=[one("a"), one("b")], scope=one("scope") or "bureau")
    elif q == "meeting":
        s["meeting"] = one("meeting")
        s["votes"] = [{"role": one(f"vote_role_{i}"), "opinion": params.get(f"vote_opinion_{i}", "")}
                      for i in range(VOTE_ROWS) if one(f"vote_role_{i}")]
    facts: dict[str, Any] = {}
    absent = [v for v in params.getlist("absent") if v.strip()] if hasattr(params, "getlist") else []
    if absent:
        facts["absent"] = absent
    auth = []
    if one("auth_deputy"):
        auth.append({"from": "局长", "to": "副局长"})
    if one("auth_from") and one("auth_to"):
        auth.append({"from": one("auth_from"), "to": one("auth_to")})
    if auth:
        facts["authorized"] = auth
    if one("major"):
        facts["major"] = True
    if facts:
        s["facts"] = facts
    return s


def serve(host: str, port: int, kb: KnowledgeBase) -> None:
    """Run the page and the API (uvicorn)."""
    import uvicorn
    uvicorn.run(create_app(kb), host=host, port=port, log_level="warning")
