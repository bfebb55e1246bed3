:- encoding(utf8).
/*  Run a knowledge base's plunit tests:

        swipl pyreason/prolog/test_kb.pl KB_DIR [EXTRA.plt ...]

    Loads the KB (KB_DIR/pyreason.pl) the way the engine does, into the
    module pyreason_kb, then every .plt file in KB_DIR/tests (and any EXTRA test
    file) into that module, so tests call the KB's predicates directly and
    the engine's library (with_scenario/2, ...).  Halts with 0 only if every
    test passed, 1 if one failed, 2 if the KB or a test file could not be
    loaded.
*/
:- use_module(library(plunit)).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(yall)).
:- use_module(library(http/json)).
:- use_module(boot).

:- initialization(main, main).

main :-
    current_prolog_flag(argv, Argv),
    (   Argv = [KbDir | Extra]
    ->  true
    ;   format(user_error, "usage: swipl test_kb.pl KB_DIR [EXTRA.plt ...]~n", []), halt(2)
    ),
    directory_file_path(KbDir, 'pyreason.pl', Entry),
    (   exists_file(Entry) -> true
    ;   format(user_error, "~w: no pyreason.pl, so not a knowledge base~n", [KbDir]), halt(2)
    ),
    set_prolog_flag(debug_on_error, false),
    atom_codes(Entry, Codes),
    load_kb(Codes, pyreason_kb, Json),
    atom_json_dict(Json, Reply, []),
    (   member(M, Reply.messages), M.kind == "error"
    ->  format(user_error, "~w:~w: ~w~n", [M.file, M.line, M.text]), halt(2)
    ;   true
    ),
    directory_file_path(KbDir, tests, TestDir),
    (   exists_directory(TestDir)
    ->  directory_files(TestDir, Entries),
        include([F]>>file_name_extension(_, plt, F), Entries, Plts0),
        msort(Plts0, Plts1),
        maplist(directory_file_path(TestDir), Plts1, Plts)
    ;   Plts = []
    ),
    append(Plts, Extra, Files),
    (   Files == []
    ->  format(user_error, "~w: no tests (no .plt file in tests)~n", [KbDir]), halt(0)
    ;   true
    ),
    set_prolog_flag(verbose, normal),      % -q silences plunit's summary
    maplist(load_test_file, Files),
    length(Files, NF),
    format(user_error, "% loaded ~d test files~n", [NF]),
    (   catch(run_tests, E, (print_message(error, E), fail))
    ->  halt(0)
    ;   halt(1)
    ).

load_test_file(Path) :-
    catch(pyreason_kb:load_files(Path, [if(not_loaded)]), E,
          ( print_message(error, E),
            format(user_error, "could not load ~w~n", [Path]),
            halt(2) )).
