:- encoding(utf8).
/*  Run every test of the knowledge base:

        swipl -q kb/tests/run.pl          (from /work/main)

    Loads the KB and every .plt file in this directory, runs all tests and
    halts with status 0 only if every test passed (1 otherwise, 2 if a
    test file could not be loaded).
*/
:- use_module(library(plunit)).
:- use_module(library(lists)).
:- use_module(library(apply)).

:- dynamic test_dir/1.
:- prolog_load_context(directory, D), assertz(test_dir(D)).

:- use_module('../pyreason').

:- initialization(main, main).

main :-
    test_dir(Dir),
    directory_files(Dir, Entries),
    include([F]>>file_name_extension(_, plt, F), Entries, Plts0),
    msort(Plts0, Plts),
    (   Plts == []
    ->  format(user_error, "no .plt files in ~w~n", [Dir]), halt(2)
    ;   true
    ),
    set_prolog_flag(verbose, normal),      % -q silences plunit's summary
    maplist(load_test_file(Dir), Plts),
    length(Plts, NF),
    format(user_error, "% loaded ~d test files~n", [NF]),
    (   catch(run_tests, E, (print_message(error, E), fail))
    ->  halt(0)
    ;   halt(1)
    ).

load_test_file(Dir, File) :-
    directory_file_path(Dir, File, Path),
    catch(load_files(Path, [if(not_loaded)]), E,
          ( print_message(error, E),
            format(user_error, "could not load ~w~n", [Path]),
            halt(2) )).
