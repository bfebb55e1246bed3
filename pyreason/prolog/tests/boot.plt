:- encoding(utf8).
/*  The KB loader's own tests:  swipl -q -g run_tests -t halt pyreason/prolog/tests/boot.plt

    Vetting a foreign KB (boot.pl): source_refusals/2 reads every term of
    every file, never runs one; load_kb/4 in sandboxed mode refuses what the
    vetter would have missed; vet_findings/2 finds rules that reach beyond
    reasoning.  Each KB here is written to a temporary directory.
*/
:- use_module(library(plunit)).
:- use_module(library(lists)).
:- use_module(library(filesex)).
:- prolog_load_context(directory, D), atom_concat(D, '/../boot.pl', F), use_module(F).
:- prolog_load_context(directory, D), assertz(user:boot_test_dir(D)).

:- dynamic user:boot_test_ran/0.

%   A KB directory made of Files (Name-Text) in a fresh temporary directory;
%   Entry is its pyreason.pl.
kb_dir(Files, Entry) :-
    tmp_file(kb, Dir),
    make_directory(Dir),
    forall(member(Name-Text, Files),
           ( directory_file_path(Dir, Name, Path),
             file_directory_name(Path, Sub), make_directory_path(Sub),
             setup_call_cleanup(open(Path, write, S, [encoding(utf8)]),
                                write(S, Text), close(S)) )),
    directory_file_path(Dir, 'pyreason.pl', Entry).

refusals(Files, Keys) :-
    kb_dir(Files, Entry),
    source_refusals(Entry, Rs),
    findall(File-Line-Key, ( member(refusal(Path, Line, Key, _), Rs), file_base_name(Path, File) ), Keys).

:- begin_tests(vet_sources).

test(the_shipped_and_fixture_kbs_pass, All == []) :-
    boot_test_dir(D),
    findall(R, ( member(Kb, ['/../../../kb', '/../../../tests/kbs/court_b', '/../../../tests/kbs/refunds']),
                 atomic_list_concat([D, Kb, '/pyreason.pl'], Entry),
                 source_refusals(Entry, Rs), member(R, Rs) ), All).

test(query_directives_are_vetted_like_others, K == ['pyreason.pl'-2-vet_directive]) :-
    refusals(['pyreason.pl'-":- encoding(utf8).\n?- assertz(user:boot_test_ran).\n"], K).

test(a_directive_is_never_run_by_the_vetter, [true(\+ user:boot_test_ran)]) :-
    refusals(['pyreason.pl'-":- assertz(user:boot_test_ran).\n"], [_]).

test(a_hook_written_as_a_dcg_rule_has_two_more_arguments, K == ['pyreason.pl'-1-vet_hook]) :-
    refusals(['pyreason.pl'-"term_expansion --> [].\n"], K).

test(a_module_qualified_head_in_any_form, K == ['pyreason.pl'-1-vet_foreign_clause,
                                                'pyreason.pl'-2-vet_foreign_clause,
                                                'pyreason.pl'-3-vet_foreign_clause]) :-
    refusals(['pyreason.pl'-"user:portray(_).\nprolog:message(x) --> [].\nuser:exception(_, _, _), true => true.\n"], K).

test(builtin_and_engine_predicates_are_the_engines, K == ['pyreason.pl'-1-vet_builtin,
                                                          'pyreason.pl'-2-vet_engine_predicate,
                                                          'pyreason.pl'-3-vet_builtin]) :-
    refusals(['pyreason.pl'-"atom_length(_, 0).\namount_meets(_, _, _).\n:- dynamic format/2.\n"], K).

test(includes_stay_inside_the_kb, K == ['pyreason.pl'-1-vet_include_outside,
                                        'pyreason.pl'-2-vet_include_outside,
                                        'pyreason.pl'-3-vet_include_outside,
                                        'pyreason.pl'-4-vet_include_missing]) :-
    refusals(['pyreason.pl'-":- include('/etc/hostname').\n:- include('../x').\n:- include(library(lists)).\n:- include(nothere).\n"], K).

test(an_included_file_is_read_too, K == ['sub/b.pl'-2-vet_directive]) :-
    kb_dir(['pyreason.pl'-":- include(sub/b).\n", 'sub/b.pl'-"ok(1).\n:- halt.\n"], Entry),
    source_refusals(Entry, Rs),
    file_directory_name(Entry, Dir),
    findall(Rel-Line-Key, ( member(refusal(Path, Line, Key, _), Rs),
                            atom_concat(Dir, '/', Pre), atom_concat(Pre, Rel, Path) ), K).

test(a_symbolic_link_is_refused, K == ['pyreason.pl'-1-vet_include_symlink]) :-
    tmp_file(outside, Out),
    setup_call_cleanup(open(Out, write, S), write(S, "x(1).\n"), close(S)),
    kb_dir(['pyreason.pl'-":- include(link).\n"], Entry),
    file_directory_name(Entry, Dir), directory_file_path(Dir, 'link.pl', Link),
    link_file(Out, Link, symbolic),
    source_refusals(Entry, Rs),
    findall(F-L-Key, ( member(refusal(P, L, Key, _), Rs), file_base_name(P, F) ), K).

test(a_syntax_error_is_a_refusal_at_its_line, K == ['pyreason.pl'-3-vet_syntax]) :-
    refusals(['pyreason.pl'-"ok(1).\nok(2).\nbroken(( .\nuser:portray(_).\n"], K).

test(an_operator_is_refused_and_not_applied, K == ['pyreason.pl'-1-vet_directive,
                                                   'pyreason.pl'-2-vet_syntax]) :-
    refusals(['pyreason.pl'-":- op(700, xfx, ===>).\na ===> b.\n"], K).

test(only_utf8, K == ['pyreason.pl'-1-vet_encoding]) :-
    refusals(['pyreason.pl'-":- encoding(iso_latin_1).\n:- encoding(utf8).\n"], K).

test(quasi_quotations_are_not_parsed, K == ['pyreason.pl'-1-vet_quasi_quotation]) :-
    refusals(['pyreason.pl'-"t({|string(X)||hello|}).\n"], K).

test(libraries_from_the_whitelist_only, K == ['pyreason.pl'-2-vet_library, 'pyreason.pl'-3-vet_library]) :-
    refusals(['pyreason.pl'-":- use_module(library(lists)).\n:- use_module(library(process)).\n:- use_module(evil).\n"], K).

test(declarations_of_own_predicates_only, K == ['pyreason.pl'-2-vet_declaration]) :-
    refusals(['pyreason.pl'-":- dynamic a/1, b/2.\n:- dynamic user:c/1.\n:- discontiguous [d/1, e//0].\n"], K).

:- end_tests(vet_sources).

:- begin_tests(load_and_vet).

test(sandboxed_loading_refuses_a_directive_the_vetter_would_have_refused,
     [true(( \+ user:boot_test_ran, sub_atom(Json, _, _, _, '"kind":"error"') ))]) :-
    kb_dir(['pyreason.pl'-":- assertz(user:boot_test_ran).\nok(1).\n"], Entry),
    atom_codes(Entry, Codes),
    load_kb(Codes, kb_boottest_a, [sandboxed(true)], Json).

test(every_predicate_is_vetted_not_only_the_questions, [true(( memberchk(unsafe(pred(helper/0), _), Fs),
                                                               \+ memberchk(unsafe(pred(fine/1), _), Fs) ))]) :-
    kb_dir(['pyreason.pl'-"question(q, [], fine(X), X, []).\nfine(1).\nhelper :- shell(true).\n"], Entry),
    atom_codes(Entry, Codes),
    load_kb(Codes, kb_boottest_b, [sandboxed(true)], _),
    vet_findings(kb_boottest_b, Fs).

test(a_goal_built_at_run_time_is_unsafe, [true(memberchk(unsafe(pred(run/1), _), Fs))]) :-
    kb_dir(['pyreason.pl'-"run(A) :- term_to_atom(G, A), call(G).\n"], Entry),
    atom_codes(Entry, Codes),
    load_kb(Codes, kb_boottest_c, [sandboxed(true)], _),
    vet_findings(kb_boottest_c, Fs).

test(a_question_goal_and_a_format_that_calls, [true(( memberchk(unsafe(question(q), _), Fs),
                                                      memberchk(unsafe(format(k), _), Fs) ))]) :-
    kb_dir(['pyreason.pl'-"question(q, [], shell(true), _, _).\nmsg(k, zh, \"~@\").\n"], Entry),
    atom_codes(Entry, Codes),
    load_kb(Codes, kb_boottest_d, [sandboxed(true)], _),
    vet_findings(kb_boottest_d, Fs).

:- end_tests(load_and_vet).
