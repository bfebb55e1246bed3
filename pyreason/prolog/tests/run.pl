:- encoding(utf8).
/*  The checker's own tests:  swipl -q pyreason/prolog/tests/run.pl [KB_DIR]

    Loads the checker, then a knowledge base (default: the shipped kb/)
    through pyreason_boot:load_kb/3 into a module of its own, with every
    predicate of its files dynamic, so each test can add a defect inside
    snapshot/1 and see the check report it.  The tests know no regulation:
    they take what they need from the KB.
*/
:- use_module(library(plunit)).
:- use_module(library(lists)).
:- prolog_load_context(directory, D), assertz(user:check_test_dir(D)).
:- user:check_test_dir(D), atom_concat(D, '/../boot.pl', F), use_module(F).
:- user:check_test_dir(D), atom_concat(D, '/../check.pl', F), use_module(F).
:- dynamic user:check_kb/1.

:- initialization(main, main).

main :-
    set_prolog_flag(verbose, normal),
    current_prolog_flag(argv, Argv),
    check_test_dir(Dir),
    (   Argv = [KBDir | _]
    ->  true
    ;   atom_concat(Dir, '/../../../kb', KBDir)
    ),
    atom_concat(KBDir, '/pyreason.pl', Entry0),
    absolute_file_name(Entry0, Entry),
    M = kb_checktest,
    atom_codes(Entry, Codes),
    setup_call_cleanup(nb_setval(pyreason_check_dynamic, M),
                       pyreason_boot:load_kb(Codes, M, Json),
                       nb_setval(pyreason_check_dynamic, false)),
    (   sub_atom(Json, _, _, _, '"kind":"error"')
    ->  format(user_error, "the knowledge base does not load: ~w~n", [Json]), halt(2)
    ;   true
    ),
    assertz(user:check_kb(M)),
    atom_concat(Dir, '/check.plt', Tests),
    load_files(Tests, []),
    (   run_tests -> halt(0) ; halt(1) ).
