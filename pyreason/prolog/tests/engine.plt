:- encoding(utf8).
/*  The engine's own tests:  swipl -q -g run_tests -t halt pyreason/prolog/tests/engine.plt
    (no knowledge base: the parts of the engine that need none).
*/
:- use_module(library(plunit)).
:- use_module(library(http/json)).
:- prolog_load_context(directory, D), atom_concat(D, '/../engine.pl', F), use_module(F).

:- begin_tests(engine).

test("running out of memory is one clear error with a code, not an internal error", [nondet]) :-
    pyreason_engine:error_reply(none, error(resource_error(stack), context(foo/1, _)), en, R),
    R.error.code == resource_limit,
    sub_string(R.error.message, _, _, _, "too large").

test("forgetting one KB's memos keeps the others', also under keys that are dicts") :-
    pyreason_engine:memo_(t1, kb_a, V1 = 1, V1),
    pyreason_engine:memo_(t2, kb_b, V2 = 2, V2),
    pyreason_engine:memo_(t3, _{x: kb_a}, V3 = 3, V3),
    pyreason_engine:memo_(t4, k(kb_a, 1), V4 = 4, V4),
    pyreason_engine:register_kb(kb_a),
    pyreason_engine:memo_trie_(T),
    \+ trie_lookup(T, t1-kb_a, _),
    \+ trie_lookup(T, t4-k(kb_a, 1), _),
    trie_lookup(T, t2-kb_b, _),
    trie_gen(T, t3-_, _).

test("text kept with the user's words is bounded by its size, and forgetting gives the size back") :-
    flag(pyreason_kept_size, S0, S0),
    pyreason_engine:kept_(step_bytes, sb(kb_k, zh, t("拍卖")), T1 = "abc", T1),
    flag(pyreason_kept_size, S1, S1),
    S1 =:= S0 + 2 + 3,
    pyreason_engine:memo_trie_(T),
    trie_lookup(T, step_bytes-sb(kb_k, zh, t("拍卖")), "abc"),
    length(Cs, 300), maplist(=(0'x), Cs), string_codes(Long, Cs),
    pyreason_engine:kept_(step_bytes, sb(kb_k, zh, t(Long)), T2 = "y", T2),
    T2 == "y",
    \+ trie_lookup(T, step_bytes-sb(kb_k, zh, t(Long)), _),
    pyreason_engine:register_kb(kb_k),
    \+ trie_lookup(T, step_bytes-sb(kb_k, zh, t("拍卖")), _),
    flag(pyreason_kept_size, S2, S2),
    S2 =:= S0.

test("a deadline already past is the time limit, before anything runs") :-
    get_time(Now), Past is Now - 1,
    catch(pyreason_engine:request_limit_(_{deadline: Past}, _), E, true),
    E == time_limit_exceeded.

test("a deadline shortens the time limit, never lengthens it") :-
    get_time(Now), Soon is Now + 2,
    pyreason_engine:request_limit_(_{seconds: 10, deadline: Soon}, limits(S1, _)),
    S1 =< 2,
    Later is Now + 100,
    pyreason_engine:request_limit_(_{seconds: 10, deadline: Later}, limits(S2, _)),
    S2 =:= 10.

test("a JSON line read fast is the same data json_read_dict reads") :-
    forall(member(L, [ "{\"a\": [1, -2, true, false, null, \"x y\"], \"b\": {}, \"c\": []}",
                       "{\"名\":\"中文\",\"n\":0}" ]),
           ( pyreason_engine:fast_json_(L, D1),
             open_string(L, S), json_read_dict(S, D2, [value_string_as(string), null(null)]),
             D1 =@= D2 )).

test("lines the fast reader leaves to the full parser") :-
    forall(member(L, [ "{\"a\": \"\\u4e2d\"}", "{\"a\": 1.5}", "{\"a\": 01}", "{\"a\": 1, \"a\": 2}",
                       "{\"a\": NaN}", "{\"a\"\t: 1}", "[1,]", "{\"a\": 1} x" ]),
           \+ pyreason_engine:fast_json_(L, _)).

test("strings are written as Python's json.dumps(ensure_ascii=False) writes them") :-
    phrase(pyreason_engine:jp_(_{k: "a\"b\\c\nd\u0001中"}), Pieces),
    atomics_to_string(Pieces, S),
    S == "{\"k\": \"a\\\"b\\\\c\\nd\\u0001中\"}".

test("the schema subset validates, and refuses what it does not know") :-
    S = _{type: "object", required: ["q"], additionalProperties: false,
          properties: _{q: _{const: "x"}, n: _{type: "integer", minimum: 0},
                        l: _{type: "array", items: _{type: "string", minLength: 1}, maxItems: 2}}},
    pyreason_engine:valid_json_(S, _{q: "x", n: 3, l: ["a"]}),
    \+ pyreason_engine:valid_json_(S, _{q: "x", extra: 1}),
    \+ pyreason_engine:valid_json_(S, _{n: 3}),
    \+ pyreason_engine:valid_json_(S, _{q: "x", l: ["a", "b", "c"]}),
    \+ pyreason_engine:valid_json_(S, _{q: "x", l: [""]}),
    \+ pyreason_engine:valid_json_(_{pattern: "a"}, "a").

test("a compiled schema checks as the schema does, an unknown keyword only where it is reached") :-
    S = _{type: "object", additionalProperties: false,
          properties: _{o: _{anyOf: [_{type: "string", maxLength: 2}, _{type: "null"}]},
                        odd: _{pattern: "^a"}, v: _{enum: ["a", "b"]},
                        w: _{type: ["string", "integer"]}, m: _{additionalProperties: true}}},
    pyreason_engine:compile_schema_(S, C),
    C = all(_),
    forall(member(V-Ok, [_{o: "ab"}-true, _{o: null}-true, _{o: "abc"}-false, _{o: 1}-false,
                         _{v: "b"}-true, _{v: "c"}-false, _{w: 3}-true, _{w: true}-false,
                         _{odd: "a"}-false, _{m: _{}}-false, _{x: 1}-false, _{}-true]),
           (   pyreason_engine:schema_ok_(C, V)
           ->  Ok == true
           ;   Ok == false
           )).

:- end_tests(engine).
