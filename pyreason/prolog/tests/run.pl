:- encoding(utf8).
/*  The checker's own tests:  swipl -q pyreason/prolog/tests/run.pl

    Loads the checker, then the shipped KB with its rules mutable, so each
    test can add a defect inside snapshot/1 and see the check report it.
*/
:- use_module(library(plunit)).
:- prolog_load_context(directory, D), assertz(user:check_test_dir(D)).
:- user:check_test_dir(D), atom_concat(D, '/../check.pl', F), use_module(F).
:- nb_setval(pyreason_check_dynamic, true).
:- user:check_test_dir(D), atom_concat(D, '/../../../kb/pyreason.pl', F), load_files(F, []).
:- nb_setval(pyreason_check_dynamic, false).
:- user:check_test_dir(D), atom_concat(D, '/check.plt', F), load_files(F, []).

:- initialization(main, main).
main :-
    set_prolog_flag(verbose, normal),
    (   run_tests -> halt(0) ; halt(1) ).
