"""The page's form, derived from what a knowledge base declares.

Each question kind's form is made from its declared inputs, and the scenario facts from the
KB's declared facts, each by its type:

=====================================  ===============================================
type                                   control
=====================================  ===============================================
``name(K)``, ``person(K)``             a select of the KB's names of kind K (a person:
                                       never an impersonal name)
``list``/``set`` of names              checkboxes (an ordered whole list: rows of selects)
``list`` of ``record([...])``          repeated rows, one control per field
``votes(K)``                           rows of who (a select) and opinion (a select of
                                       the declared ``vote_value/3``, else free text)
``boolean``                            a checkbox
``amount``, ``duration``, ``date``,    a text input
``integer``, ``text``
=====================================  ===============================================

The same controls read the submitted form back into a scenario (``scenario_from_form``), so
what the page shows and what it sends cannot drift apart. Names are checked by the KB, not here.
"""

from __future__ import annotations

import re
from typing import Any

#: Rows offered for a list of records, an ordered list, and votes.
RECORD_ROWS = 3
LIST_ROWS = 6
VOTE_ROWS = 6

_SPLIT = re.compile(r"[,，、;；\n]+")


def _name_types(t: dict[str, Any]) -> bool:
    return t.get("type") in ("name", "person")


class FormBuilder:
    """The controls of one KB's form in one language."""

    def __init__(self, kb: Any, lab: dict[str, Any], lang: str):
        self.kb, self.lab, self.lang = kb, lab, lang
        self.wl = lab.get("web", {})

    # -- choices -----------------------------------------------------------------------

    def choices(self, t: dict[str, Any], options: dict[str, Any] | None = None) -> list[dict[str, str]]:
        """The names a select or checkboxes offer for a name or person type: ``{value, text}``,
        value the canonical name (what the KB accepts), text as the KB's labels word it."""
        options = options or {}
        kind = t.get("kind")
        entries = self.kb.vocabulary["kinds"].get(kind, [])
        if t["type"] == "person":              # an organ is never a person
            entries = [e for e in entries if not e.get("impersonal")]
        one_of = options.get("one_of")
        if isinstance(one_of, dict) and one_of.get("values"):
            entries = [e for e in entries if e["value"] in one_of["values"]]
        group = options.get("group")
        if group:
            g = group[0] if isinstance(group, list) else group
            entries = [e for e in entries if g in (e.get("groups") or [])]
        words = self.lab.get("values", {}).get(kind, {})
        out = []
        for e in entries:
            text = str(words.get(e["value"], e["name"]))
            if self.lang == "en" and e.get("label") and text == e["name"]:
                text = f"{e['name']} ({e['label']})"
            out.append({"value": e["name"], "text": text, "key": str(e["value"])})
        return out

    def default_choice(self, t: dict[str, Any], default: Any) -> str:
        for e in self.kb.vocabulary["kinds"].get(t.get("kind"), []):
            if e["value"] == default:
                return e["name"]
        return "" if default is None else str(default)

    def opinions(self) -> list[dict[str, str]]:
        """The declared opinions of a vote (``vote_value/3``), canonical first; [] when free text."""
        return [{"value": v["value"], "text": v["value"]} for v in self.kb.declarations.get("vote_values") or []]

    # -- controls --------------------------------------------------------------------

    def question(self, kind: str) -> dict[str, Any]:
        """The controls of a question kind: ``{"inputs": [...], "facts": [...]}``."""
        decl = next(q for q in self.kb.declarations["questions"] if q["kind"] == kind)
        taken = {i["field"] for i in decl["inputs"]}
        inputs = [self.control(("input", i["field"]), i["field"], self._label("inputs", i["field"]),
                               i["type"], i["options"]) for i in decl["inputs"]]
        votes = [c for c in inputs if c["control"] == "votes"]
        for n, c in enumerate(votes):        # the one votes input of a question: vote_role_0, ...
            c["prefix"] = "vote" if n == 0 else f"{c['id']}_vote"
        facts = []
        for f in self.kb.declarations["facts"]:
            if "for" in f["options"] and kind not in f["options"]["for"]:
                continue                      # a fact of other question kinds
            base = f"facts.{f['name']}" if f["name"] in taken else f["name"]
            facts.append(self.control(("fact", f["name"]), base, self._label("facts", f["name"]),
                                      f["type"], f["options"]))
        return {"inputs": inputs, "facts": facts}

    def _label(self, part: str, name: str) -> str:
        return str(self.lab.get(part, {}).get(name, name))

    def control(self, path: tuple[str, str], base: str, label: str, t: dict[str, Any],
                options: dict[str, Any]) -> dict[str, Any]:
        ident = base.replace(".", "-")
        c: dict[str, Any] = {"path": path, "name": base, "id": ident, "label": label, "type": t,
                             "required": bool(options.get("required")) and not options.get("chart_scope"),
                             "choices": [], "default": "", "single": False, "placeholder": "", "split": False}
        kind = t["type"]
        if _name_types(t):
            c["control"] = "select"
            c["choices"] = self.choices(t, options)
            c["default"] = self.default_choice(t, options["default"]) if "default" in options else ""
            return c
        if kind == "boolean":
            c["control"] = "checkbox"
            return c
        if kind == "votes":
            c["control"] = "votes"
            c["prefix"] = f"{ident}_vote"
            c["choices"] = self.choices({"type": "person", "kind": t.get("kind")})
            c["opinions"] = self.opinions()
            c["rows"] = list(range(VOTE_ROWS))
            return c
        if kind in ("list", "set"):
            of = t["of"]
            merged = {**(t.get("options") or {}), **options}
            most = merged.get("max")
            if _name_types(of):
                c["choices"] = self.choices(of, merged)
                if kind == "list" and merged.get("whole"):         # an order that means something
                    c["control"] = "ordered"
                    c["rows"] = list(range(min(most or LIST_ROWS, len(c["choices"]) or LIST_ROWS)))
                else:
                    c["control"] = "checkboxes"
                return c
            if of.get("type") == "record":
                c["control"] = "records"
                c["fields"] = [self._field(base, ident, f) for f in of["fields"]]
                c["rows"] = list(range(min(most or RECORD_ROWS, RECORD_ROWS)))
                return c
            c["control"] = "text"
            c["placeholder"] = self.placeholder(of)
            c["split"] = True
            return c
        if kind == "record":
            c["control"] = "records"
            c["fields"] = [self._field(base, ident, f) for f in t["fields"]]
            c["rows"] = [0]
            c["single"] = True
            return c
        c["control"] = "text"
        c["placeholder"] = self.placeholder(t)
        return c

    def placeholder(self, t: dict[str, Any]) -> str:
        """An example of a value of type ``t`` (a duration: in its declared unit)."""
        words = self.wl.get("placeholder", {})
        kind = t.get("type")
        if kind == "duration" and f"duration_{t.get('kind')}" in words:
            return str(words[f"duration_{t['kind']}"])
        return str(words.get(kind, ""))

    def _field(self, base: str, ident: str, f: dict[str, Any]) -> dict[str, Any]:
        """One field of a record row: a select for a name, else a text input."""
        inputs = self.lab.get("inputs", {})
        facts = self.lab.get("facts", {})
        short = base.removeprefix("facts.")
        label = inputs.get(f"{short}.{f['name']}") or facts.get(f"{short}.{f['name']}") or f["name"]
        out = {"name": f["name"], "label": str(label), "type": f["type"]}
        if _name_types(f["type"]):
            out["control"] = "select"
            out["choices"] = self.choices(f["type"])
        else:
            out["control"] = "text"
            out["placeholder"] = self.placeholder(f["type"])
        return out


# -- reading the form back ----------------------------------------------------------------

def _one(params: Any, key: str) -> str:
    return (params.get(key) or "").strip()


def _many(params: Any, key: str) -> list[str]:
    values = params.getlist(key) if hasattr(params, "getlist") else [params.get(key)]
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def _scalar(t: dict[str, Any], text: str) -> Any:
    """A text input's value as the scenario carries it: integers as numbers, the rest as text
    (amounts, durations and dates are read by the engine)."""
    if t.get("type") == "integer" and re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    return text


def read_control(c: dict[str, Any], params: Any) -> tuple[bool, Any]:
    """(given, value) of one control in a submitted form."""
    kind, name = c["control"], c["name"]
    if kind == "select":
        v = _one(params, name)
        return (bool(v), v)
    if kind == "checkbox":
        if _one(params, name):
            return True, True
        return (c["required"], False)
    if kind == "checkboxes":
        vs = list(dict.fromkeys(_many(params, name)))
        return (bool(vs), vs)
    if kind == "ordered":
        vs = [_one(params, f"{name}.{i}") for i in c["rows"]]
        vs = [v for v in vs if v]
        return (bool(vs), vs)
    if kind == "records":
        rows = []
        for i in c["rows"]:
            row = {}
            for f in c["fields"]:
                key = f"{name}.{f['name']}" if c.get("single") else f"{name}.{i}.{f['name']}"
                v = _one(params, key)
                if v:
                    row[f["name"]] = _scalar(f["type"], v)
            if row:                  # a partly filled row goes on, so the KB names what is missing
                rows.append(row)
        if c.get("single"):
            return (bool(rows), rows[0] if rows else {})
        return (bool(rows), rows)
    if kind == "votes":
        votes = []
        for i in c["rows"]:
            role = _one(params, f"{c['prefix']}_role_{i}")
            if role:
                votes.append({"role": role, "opinion": params.get(f"{c['prefix']}_opinion_{i}") or ""})
        return (bool(votes) or c["required"], votes)
    v = _one(params, name)
    if not v:
        return (False, None)
    if c.get("split"):
        return (True, [_scalar(c["type"]["of"], x.strip()) for x in _SPLIT.split(v) if x.strip()])
    return (True, _scalar(c["type"], v))


def scenario_from_form(params: Any, builder: FormBuilder, questions: tuple[str, ...]) -> dict[str, Any]:
    """A scenario from the page's form fields, read by the same controls the page shows."""
    q = params.get("question") or (questions[0] if questions else "")
    scenario: dict[str, Any] = {"question": q}
    if q not in questions:
        return scenario                 # the KB names the unknown question kind
    controls = builder.question(q)
    for c in controls["inputs"]:
        given, value = read_control(c, params)
        if given:
            scenario[c["path"][1]] = value
    facts = {}
    for c in controls["facts"]:
        given, value = read_control(c, params)
        if given and value not in (None, [], False):
            facts[c["path"][1]] = value
    if facts:
        scenario["facts"] = facts
    return scenario
