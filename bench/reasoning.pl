:- encoding(utf8).
/*  bench/bench.py's measures inside Prolog (never a test):

        swipl bench/reasoning.pl KB_DIR SCENARIOS.jsonl

    Prints one JSON object: microseconds per call of a plain Prolog rule, of
    the KB's question goal alone with its facts (the reasoning), of kb_ask/4
    (the explained answer as a dict: conversion, reasoning, words) and of the
    engine's JSON of that answer.  CPU time, the best of three runs.
*/
:- use_module(library(http/json)).
:- initialization(main, main).

main :-
    current_prolog_flag(argv, [KbDir, File | _]),
    source_file(main, Me), file_directory_name(Me, BenchDir),
    atom_concat(BenchDir, '/../pyreason/prolog/boot.pl', Boot),
    use_module(Boot),
    directory_file_path(KbDir, 'pyreason.pl', Entry0), absolute_file_name(Entry0, Entry),
    atom_codes(Entry, Codes),
    pyreason_boot:load_kb(Codes, kb_bench, _),
    read_file_to_string(File, Text, [encoding(utf8)]),
    split_string(Text, "\n", "", Ls0), exclude(==(""), Ls0, Ls),
    maplist(line_dict_, Ls, Ds),
    length(Ds, N),
    findall(Q-Goal-Facts, ( member(D, Ds), goal_of_(D, Q, Goal, Facts) ), Goals),
    findall(A, ( member(D, Ds), pyreason_engine:kb_ask(kb_bench, D, zh, A) ), As),
    N20 is N * 20,
    best_(per_call(N20, plain_rule_loop(N20)), Plain),
    length(Goals, NG),
    best_(per_call(NG, forall(member(_-G-F, Goals), pyreason_engine:with_facts_(kb_bench, F, G))), Reasoning),
    best_(per_call(N, forall(member(D, Ds), pyreason_engine:kb_ask(kb_bench, D, zh, _))), Ask),
    best_(per_call(N, forall(member(A, As), pyreason_engine:answer_json(kb_bench, A, "{}", _))), Json),
    format("{\"plain_rule_us\": ~4f, \"reasoning_us\": ~2f, \"kb_ask_us\": ~2f, \"json_us\": ~2f, \"scenarios\": ~d}~n",
           [Plain, Reasoning, Ask, Json, N]).

line_dict_(L, D) :- open_string(L, S), json_read_dict(S, D, [value_string_as(string), null(null)]).

%   The question goal of a scenario with its inputs bound and its facts converted, as kb_ask
%   makes them (kb_ask_/4's first steps).
goal_of_(D, Q, Goal, Facts) :-
    get_dict(question, D, QS), atom_string(Q, QS),
    kb_bench:question(Q, Inputs, Goal, _, _),
    pyreason_engine:scenario_facts(kb_bench, Q, D, Facts),
    catch(pyreason_engine:bind_inputs_(kb_bench, Q, D, Facts, Inputs, _), _, fail).

best_(G, Best) :- findall(T, ( between(1, 3, _), call(G, T) ), Ts), min_list(Ts, Best).

per_call(N, Goal, Us) :-
    garbage_collect,
    statistics(cputime, T0), call(Goal), statistics(cputime, T1),
    Us is (T1 - T0) / N * 1.0e6.

%   A plain rule: grandparent over a few facts, N times.
plain_rule_loop(N) :- forall(between(1, N, I), ( K is I mod 5, gp(K, _) -> true ; true )).
gp(X, Z) :- parent(X, Y), parent(Y, Z).
parent(0, 1). parent(1, 2). parent(2, 3). parent(3, 4). parent(4, 0).
