:- encoding(utf8).
:- module(pyreason_boot, [load_kb/3, load_kb/4, vet_kb/2, vet_findings/2, vet_sources/2,
                          source_refusals/2, kb_module/2, vet_limit/2]).
/** <module> Loading a knowledge base for pyreason

Loads a KB into a module the engine names (a KB is a plain file, not a
module: several KBs, or several versions of one, live in one process), and
collects every error and warning printed while loading (syntax errors are
printed, not raised) with its file and line, instead of letting it reach the
terminal.  The Python bridge loads this file first.

A KB other than the shipped one is vetted twice, and nothing of it runs
before the first:

  - source_refusals/2 reads (never runs) every term of every file the entry
    includes, in a throw-away module with nothing expanded, and refuses,
    with file:line, whatever is not on its whitelist: a directive other
    than the few declarations a KB may make, a clause for a hook or for a
    predicate of another module, of SWI-Prolog or of the engine, an include
    that leaves the KB's directory, a syntax error, a quasi quotation, a KB
    larger than vet_limit/2.  Only then is the KB loaded, and in SWI-Prolog's
    sandboxed mode (load_kb/4) as a second line.
  - vet_findings/2, once it is loaded and before the engine calls any of it:
    every predicate the KB defines, every question goal and every
    check_violation goal must pass library(sandbox)'s safe_goal/1, so no
    rule reaches the shell, a file, another module's database, or a goal
    built at run time; no message format may call a goal.

library(sandbox) is loaded only when a foreign KB is vetted.
*/

:- use_module(jsonio).                   % JSON text without library(http/json)
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(yall)).
:- use_module(engine).
:- use_module(lib).
:- use_module(ruleset, []).              % versions: every answer of a versioned KB asks them

:- dynamic load_message/4.              % Kind, File, Line, Text

:- multifile user:message_hook/3.
user:message_hook(Term, Kind, Lines) :-
    nb_current(pyreason_loading, true),
    memberchk(Kind, [error, warning]),
    message_location_(Term, File, Line),
    catch(with_output_to(string(Text0), print_message_lines(current_output, '', Lines)),
          _, Text0 = ""),
    normalize_space(string(Text), Text0),
    assertz(load_message(Kind, File, Line, Text)).

message_location_(Term, File, Line) :-
    location_(Term, F, L),
    !,
    ( atom(F) -> File = F ; File = null ),
    ( integer(L) -> Line = L ; Line = null ).
message_location_(_, null, null).

location_(error(_, file(F, L, _, _)), F, L).
location_(error(_, stream(_, L, _, _)), F, L) :- source_location(F, _).
location_(_, F, L) :- source_location(F, L).

%   Where the engine hands a question's facts to scenario_fact/1 through a
%   predicate of its own, that predicate is safe by construction.
:- if(current_predicate(pyreason_engine:current_scenario_fact_/1)).
:- multifile sandbox:safe_primitive/1.
sandbox:safe_primitive(pyreason_engine:current_scenario_fact_(_)).
:- endif.

%!  kb_module(+Codes:list, -Module) is det.
%
%   Module is the module name for a KB: from Codes, a list of character
%   codes of its key (the fingerprint's hex digits), so the name is data.
kb_module(Codes, M) :-
    include([C]>>( code_type(C, alnum) ), Codes, Safe0),
    length(Safe0, N), L is min(N, 24), length(Safe, L), append(Safe, _, Safe0),
    atom_codes(Key, Safe),
    atom_concat(kb_, Key, M).

%!  load_kb(+PathCodes:list, +Module, -Json:atom) is det.
%!  load_kb(+PathCodes:list, +Module, +Options:list, -Json:atom) is det.
%
%   Load the KB whose entry file is PathCodes (a list of character codes,
%   so the path is data, never code) into Module, make the engine's library
%   visible to it and register it with the engine; reply {"messages":
%   [{kind, file, line, text}]} as JSON text.  Its files are read as UTF-8.
%   With the option sandboxed(true) (a KB other than the shipped one, after
%   source_refusals/2 found nothing), SWI-Prolog's sandboxed loading also
%   refuses any directive, expansion or clause library(sandbox) does not
%   accept.
load_kb(Codes, M, Json) :-
    load_kb(Codes, M, [], Json).

load_kb(Codes, M, Options, Json) :-
    atom_codes(File, Codes),
    retractall(load_message(_, _, _, _)),
    dynamic(M:scenario_fact/1),
    (   import_module(M, pyreason_lib) -> true ; add_import_module(M, pyreason_lib, start) ),
    (   file_name_extension(_, qlf, File) -> Load0 = [if(true)] ; Load0 = [if(true), encoding(utf8)] ),
    (   memberchk(sandboxed(true), Options)
    ->  ensure_sandbox_,
        forall(allowed_library_(L), use_module(library(L), [])),   % loaded here, not sandboxed
        Load = [sandboxed(true) | Load0]
    ;   Load = Load0
    ),
    setup_call_cleanup(
        nb_setval(pyreason_loading, true),
        catch(M:load_files(File, Load), E, print_message(error, E)),
        nb_setval(pyreason_loading, false)),
    register_kb(M),
    findall(_{kind: K, file: F, line: L, text: T}, load_message(K, F, L, T), Ms),
    with_output_to(string(S), json_write_dict(current_output, _{messages: Ms}, [width(0)])),
    atom_string(Json, S).

ensure_sandbox_ :-
    (   current_predicate(sandbox:safe_goal/1) -> true
    ;   use_module(library(sandbox), []),
        use_module(library(prolog_format), [])
    ).

%   ---- after loading: what the engine may call ---------------------------------

%!  vet_findings(+M, -Findings:list) is det.
%
%   What of the KB loaded into M library(sandbox) does not accept as safe:
%   each predicate M defines (its most general call), each question goal
%   (question/5) and each check_violation/4 goal, as unsafe(What, Message),
%   What being pred(PI), question(Kind) or check(Name); and each msg/3
%   format that would call a goal (~@), as unsafe(format(Key), Message).
%   The engine calls nothing else of a KB, and nothing of a KB other than the
%   shipped one before this found nothing.
vet_findings(M, Findings) :-
    ensure_sandbox_,
    findall(pred(N/A)-(M:H),
            ( current_predicate(M:N/A), functor(H, N, A),
              \+ predicate_property(M:H, imported_from(_)),
              N/A \== scenario_fact/1 ),
            Preds),
    findall(question(Q)-(M:G), catch(M:question(Q, _, G, _, _), _, fail), Questions),
    findall(check(C)-(M:G), ( current_predicate(M:check_violation/4),
                             catch(M:check_violation(C, _, _, G), _, fail) ), Checks),
    append([Preds, Questions, Checks], Goals),
    findall(unsafe(What, Message),
            ( member(What-Goal, Goals),
              unsafe_(Goal, Message) ),
            Unsafe),
    findall(unsafe(format(K), "~@"),
            ( current_predicate(M:msg/3),
              catch(M:msg(K, _, F), _, fail),
              catch(prolog_format:format_types(F, Types), _, fail),
              memberchk(callable, Types) ),
            Formats),
    append(Unsafe, Formats, Findings).

unsafe_(Goal, Message) :-
    catch(( sandbox:safe_goal(Goal) -> E = none ; E = unsafe ), E0, E = E0),
    E \== none,
    vet_message_(E, Message).

vet_message_(unsafe, "not provably safe") :- !.
vet_message_(E, Message) :-
    catch(( '$messages':translate_message(E, Lines, []),
            with_output_to(string(M0), print_message_lines(current_output, '', Lines)) ),
          _, format(string(M0), "~q", [E])),
    normalize_space(string(Message0), M0),
    clip_(Message0, 300, Message).

%!  vet_kb(+M, -Json:atom) is det.
%
%   vet_findings/2 as {"unsafe": [{predicate, kind, message}]}: kind is pred,
%   question, check or format; predicate the PI, question kind, check or key.
vet_kb(M, Json) :-
    vet_findings(M, Fs0),
    findall(F-L-What-Msg, ( member(unsafe(What, Msg), Fs0), where_(M, What, F, L) ), Located0),
    msort(Located0, Located),                       % in the order of the sources
    findall(_{predicate: P, kind: Kind, message: Msg, zh: Zh, en: En, file: F, line: L},
            ( member(F-L-What-Msg, Located),
              What =.. [Kind, X],
              format(string(P), "~w", [X]),
              atom_concat(vet_unsafe_, Kind, Key),
              refusal_text_(zh, Key, [P, Msg], Zh),
              refusal_text_(en, Key, [P, Msg], En) ),
            Fs),
    with_output_to(string(S), json_write_dict(current_output, _{unsafe: Fs}, [width(0)])),
    atom_string(Json, S).

%   Where the KB says what was found unsafe: the first clause of the
%   predicate whose body is unsafe, the question's or the check's clause,
%   the message's.
where_(M, pred(N/A), F, L) :-
    functor(H, N, A),
    (   clause(M:H, B, Ref), \+ catch(sandbox:safe_goal(M:B), _, fail) -> true
    ;   clause(M:H, _, Ref)
    ),
    !,
    clause_loc_(Ref, F, L).
where_(M, question(Q), F, L) :-
    clause(M:question(Q, _, _, _, _), _, Ref), !, clause_loc_(Ref, F, L).
where_(M, check(C), F, L) :-
    clause(M:check_violation(C, _, _, _), _, Ref), !, clause_loc_(Ref, F, L).
where_(M, format(K), F, L) :-
    clause(M:msg(K, _, Format), true, Ref),
    catch(prolog_format:format_types(Format, Types), _, fail),
    memberchk(callable, Types),
    !,
    clause_loc_(Ref, F, L).
where_(_, _, null, null).

clause_loc_(Ref, F, L) :-
    clause_property(Ref, file(F)),          % the file the clause is in, included or not
    clause_property(Ref, line_count(L)), !.
clause_loc_(_, null, null).

%   ---- before loading: every term of every file, read, never run -------------

%!  vet_limit(?What, ?Limit) is nondet.
%
%   How large a KB may be: its Prolog terms (clauses and directives, counted
%   over every inclusion) and the bytes of its Prolog files.  The shipped KB
%   has about 2,500 terms in 150 KB.  A larger KB is refused before it is
%   read further, in one line, rather than loaded and checked for minutes.
vet_limit(terms, 100000).
vet_limit(bytes, 16000000).

%!  vet_sources(+EntryCodes:list, -Json:atom) is det.
%
%   source_refusals/2 as {"refusals": [{file, line, key, zh, en}]}, each
%   worded by the engine (engine_msg/3, keys vet_*).
vet_sources(Codes, Json) :-
    atom_codes(Entry, Codes),
    source_refusals(Entry, Refusals),
    findall(_{file: F, line: L, key: K, zh: Zh, en: En},
            ( member(refusal(F, L, K, Args), Refusals),
              refusal_text_(zh, K, Args, Zh),
              refusal_text_(en, K, Args, En) ),
            Items),
    with_output_to(string(S), json_write_dict(current_output, _{refusals: Items}, [width(0)])),
    atom_string(Json, S).

refusal_text_(Lang, Key, Args, Text) :-
    (   pyreason_engine:engine_msg(Key, Lang, Format) -> true
    ;   format(string(Format), "~w", [Key])
    ),
    catch(format(string(Text), Format, Args), _, format(string(Text), "~w ~q", [Key, Args])).

%!  source_refusals(+Entry, -Refusals:list) is det.
%
%   Read the KB whose entry file is Entry, and every file it includes, in
%   the order loading would, and list what loading would run or what would
%   reach outside the KB, as refusal(File, Line, Key, Args) (Args: strings
%   for engine_msg(Key, Lang, Format)).  Nothing is run, expanded, or
%   loaded; operators are those a KB module has (a KB may declare none).
source_refusals(Entry0, Refusals) :-
    absolute_file_name(Entry0, Entry),
    file_directory_name(Entry, Root),
    nb_setval(pyreason_vet_terms, 0),
    nb_setval(pyreason_vet_bytes, 0),
    catch(vet_path_(Entry, Root, Entry, 0, Entry0, []-[], R0), vet_stop(R), R0 = [R]),
    reverse(R0, Refusals).

%   vet_path_(+Path, +Root, +From, +FromLine, +Spec, +Parents-Acc) -> Acc
%   A file about to be read: the entry, or one included from From:FromLine.
vet_path_(Path, Root, From, Line, Spec, Parents-Acc0, Acc) :-
    (   memberchk(Path, Parents)
    ->  Acc = [refusal(From, Line, vet_include_cycle, [S]) | Acc0], spec_string_(Spec, S)
    ;   \+ inside_(Root, Path)
    ->  Acc = [refusal(From, Line, vet_include_outside, [S]) | Acc0], spec_string_(Spec, S)
    ;   symlink_below_(Root, Path)
    ->  Acc = [refusal(From, Line, vet_include_symlink, [S]) | Acc0], spec_string_(Spec, S)
    ;   \+ exists_file(Path)
    ->  Acc = [refusal(From, Line, vet_include_missing, [S]) | Acc0], spec_string_(Spec, S)
    ;   size_file(Path, Size),
        nb_getval(pyreason_vet_bytes, B0), B is B0 + Size,
        nb_setval(pyreason_vet_bytes, B),
        vet_limit(bytes, MaxB),
        B > MaxB
    ->  vet_limit(terms, MaxT),
        throw(vet_stop(refusal(Path, 1, vet_too_large, [MaxT, MaxB])))
    ;   
        catch(setup_call_cleanup(open(Path, read, In, [encoding(utf8)]),
                                 vet_stream_(In, Path, Root, [Path | Parents], Acc0, Acc1),
                                 close(In)),
              E,
              ( E = vet_stop(_) -> throw(E)
              ; vet_message_(E, Msg), format(string(PS), "~w", [Path]),
                Acc1 = [refusal(From, Line, vet_include_unreadable, [PS, Msg]) | Acc0] )),
        Acc = Acc1
    ),
    !.

spec_string_(Spec, S) :-
    format(string(S0), "~q", [Spec]),
    clip_(S0, 200, S).

clip_(S0, Max, S) :-
    string_length(S0, N),
    (   N =< Max -> S = S0
    ;   sub_string(S0, 0, Max, _, S1), string_concat(S1, "…", S)
    ).

inside_(Root, Path) :-
    atom_concat(Root, '/', Prefix),
    atom_concat(Prefix, Rel, Path),
    Rel \== ''.

%   Some directory or file from Root down to Path is a symbolic link.
symlink_below_(Root, Path) :-
    atom_concat(Root, '/', Prefix),
    atom_concat(Prefix, Rel, Path),
    atomic_list_concat(Parts, '/', Rel),
    append(Upto, _, Parts), Upto \== [],
    atomic_list_concat(Upto, '/', Sub),
    atom_concat(Prefix, Sub, P),
    read_link(P, _, _),
    !.

vet_stream_(In, File, Root, Parents, Acc0, Acc) :-
    catch(read_term(In, T, [ term_position(Pos), syntax_errors(error),
                             module(pyreason_vet), quasi_quotations(QQ) ]),
          E, true),
    (   nonvar(E)
    ->  ( E = error(syntax_error(_), _) -> true ; throw(E) ),
        syntax_line_(E, In, Line),
        E = error(Formal, _),
        vet_message_(error(Formal, _), Msg),
        Acc = [refusal(File, Line, vet_syntax, [Msg]) | Acc0]
    ;   T == end_of_file
    ->  Acc = Acc0
    ;   stream_position_data(line_count, Pos, Line),
        count_term_(File, Line),
        (   QQ \== []
        ->  Acc = [refusal(File, Line, vet_quasi_quotation, []) | Acc0]
        ;   vet_term_(T, File, Line, Root, Parents, Acc0, Acc1),
            vet_stream_(In, File, Root, Parents, Acc1, Acc)
        )
    ).

syntax_line_(error(_, stream(_, Line, _, _)), _, Line) :- integer(Line), !.
syntax_line_(error(_, file(_, Line, _, _)), _, Line) :- integer(Line), !.
syntax_line_(_, In, Line) :- line_count(In, Line).

count_term_(File, Line) :-
    nb_getval(pyreason_vet_terms, N0), N is N0 + 1,
    nb_setval(pyreason_vet_terms, N),
    vet_limit(terms, Max),
    (   N > Max
    ->  vet_limit(bytes, MaxB),
        throw(vet_stop(refusal(File, Line, vet_too_large, [Max, MaxB])))
    ;   true
    ).

%   vet_term_(+Term, +File, +Line, +Root, +Parents, +Acc0, -Acc)
vet_term_(T, File, Line, _, _, Acc0, [refusal(File, Line, vet_not_clause, [S]) | Acc0]) :-
    var(T), !, S = "_".
vet_term_((:- D), File, Line, Root, Parents, Acc0, Acc) :- !,
    vet_directive_(D, File, Line, Root, Parents, Acc0, Acc).
vet_term_((?- D), File, Line, Root, Parents, Acc0, Acc) :- !,
    vet_directive_(D, File, Line, Root, Parents, Acc0, Acc).
vet_term_(T, File, Line, _, _, Acc0, Acc) :-
    (   clause_head_(T, H, Extra)
    ->  (   head_refusal_(H, Extra, Key, S)
        ->  Acc = [refusal(File, Line, Key, [S]) | Acc0]
        ;   Acc = Acc0
        )
    ;   term_string_(T, S),
        Acc = [refusal(File, Line, vet_not_clause, [S]) | Acc0]
    ).

%   The head of a clause, a DCG rule (two more arguments) or an SSU rule.
clause_head_((H0 :- _), H, 0) :- !, nonvar(H0), H = H0.
clause_head_((H0 --> _), H, 2) :- !, nonvar(H0), ( H0 = (H1, _) -> nonvar(H1), H = H1 ; H = H0 ).
clause_head_((H0 => _), H, 0) :- !, nonvar(H0), ( H0 = (H1, _) -> nonvar(H1), H = H1 ; H = H0 ).
clause_head_(H, H, 0).

%   Why a clause with head H (Extra arguments added) is refused, if it is.
head_refusal_(H, _, vet_foreign_clause, S) :-
    H = _:_, !,
    term_string_(H, S).
head_refusal_(H, _, vet_not_clause, S) :-
    \+ callable(H), !,
    term_string_(H, S).
head_refusal_(H, Extra, Key, S) :-
    functor(H, N, A0), A is A0 + Extra,
    format(string(S), "~q", [N/A]),
    (   hook_(N, A) -> Key = vet_hook
    ;   not_a_predicate_(N, A) -> Key = vet_not_clause
    ;   sub_atom(N, 0, _, _, '$') -> Key = vet_builtin
    ;   current_predicate(system:N/A) -> Key = vet_builtin
    ;   functor(G, N, A), predicate_property(system:G, defined) -> Key = vet_builtin
    ;   engine_predicate_(N/A) -> Key = vet_engine_predicate
    ).

not_a_predicate_((:-), _).
not_a_predicate_((?-), 1).
not_a_predicate_((-->), 2).
not_a_predicate_((=>), 2).
not_a_predicate_((?=>), 2).
not_a_predicate_((:=), 2).
not_a_predicate_(end_of_file, 0).

%   Predicates the engine owns: its bridge, its library, and scenario_fact/1
%   (the KB may declare it dynamic, never define it).
engine_predicate_(PI) :-
    member(Module, [pyreason_engine, pyreason_lib, pyreason_boot, pyreason_check]),
    current_module(Module),
    module_property(Module, exports(PIs)),
    memberchk(PI, PIs),
    !.
engine_predicate_(scenario_fact/1).
engine_predicate_(call_json/2).
engine_predicate_(check_json/2).

term_string_(T, S) :-
    copy_term(T, T1), numbervars(T1, 0, _),
    format(string(S0), "~W", [T1, [quoted(true), numbervars(true), max_depth(20)]]),
    clip_(S0, 200, S).

%   Hooks the system calls in the module being loaded or in user: a clause
%   for one would run code while loading, on a message or an error.
hook_(term_expansion, 2).
hook_(term_expansion, 4).
hook_(goal_expansion, 2).
hook_(goal_expansion, 4).
hook_(message_hook, 3).
hook_(exception, 3).
hook_(portray, 1).
hook_(prolog_load_file, 2).
hook_(file_search_path, 2).
hook_(library_directory, 1).
hook_(prolog_file_type, 2).
hook_(message_property, 2).
hook_(prolog_trace_interception, 4).
hook_(prolog_exception_hook, 4).
hook_(prolog_exception_hook, 5).
hook_(expand_query, 4).
hook_(expand_answer, 2).
hook_(attr_unify_hook, 2).
hook_(attribute_goals, 3).
hook_(attr_portray_hook, 2).
hook_(resource, 2).
hook_(resource, 3).
hook_(prolog_list_goal, 1).
hook_(prolog_predicate_name, 2).
hook_(prolog_clause_name, 2).
hook_(prolog_uncaught_exception_hook, 4).
hook_(message, 3).                      % prolog:message//1 when qualified
hook_(error_message, 3).
hook_(message_context, 3).
hook_(message_line_element, 2).

%   ---- directives: a whitelist ----------------------------------------------------

%   vet_directive_(+D, +File, +Line, +Root, +Parents, +Acc0, -Acc)
vet_directive_(D, File, Line, _, _, Acc0, [refusal(File, Line, vet_directive, [S]) | Acc0]) :-
    var(D), !, S = ":- _".
vet_directive_(include(Spec), File, Line, Root, Parents, Acc0, Acc) :- !,
    (   relative_spec_(Spec)
    ->  file_directory_name(File, Dir),
        (   absolute_file_name(Spec, Path, [ file_type(prolog), access(read), relative_to(Dir),
                                             file_errors(fail), solutions(first) ])
        ->  vet_path_(Path, Root, File, Line, include(Spec), Parents-Acc0, Acc)
        ;   spec_string_(include(Spec), S),
            Acc = [refusal(File, Line, vet_include_missing, [S]) | Acc0]
        )
    ;   spec_string_(include(Spec), S),
        Acc = [refusal(File, Line, vet_include_outside, [S]) | Acc0]
    ).
vet_directive_(encoding(E), File, Line, _, _, Acc0, Acc) :- !,
    (   E == utf8 -> Acc = Acc0
    ;   spec_string_(E, S), Acc = [refusal(File, Line, vet_encoding, [S]) | Acc0]
    ).
vet_directive_(use_module(Spec), File, Line, _, _, Acc0, Acc) :- !,
    vet_library_(Spec, use_module(Spec), File, Line, Acc0, Acc).
vet_directive_(use_module(Spec, Imports), File, Line, _, _, Acc0, Acc) :- !,
    (   is_list(Imports), maplist(plain_pi_, Imports)
    ->  vet_library_(Spec, use_module(Spec, Imports), File, Line, Acc0, Acc)
    ;   spec_string_(use_module(Spec, Imports), S),
        Acc = [refusal(File, Line, vet_directive, [S]) | Acc0]
    ).
vet_directive_(D, File, Line, _, _, Acc0, Acc) :-
    compound(D), compound_name_arguments(D, Decl, [PIs]),
    memberchk(Decl, [dynamic, discontiguous]),
    !,
    (   pi_list_(PIs, List), maplist(plain_pi_, List)
    ->  (   member(PI, List), PI \== scenario_fact/1, declared_refusal_(PI, Key)
        ->  format(string(S), "~q", [PI]),
            Acc = [refusal(File, Line, Key, [S]) | Acc0]
        ;   Acc = Acc0
        )
    ;   spec_string_(D, S),
        Acc = [refusal(File, Line, vet_declaration, [S]) | Acc0]
    ).
vet_directive_(module(_, _), File, Line, _, _, Acc0, [refusal(File, Line, vet_module, []) | Acc0]) :- !.
vet_directive_(D, File, Line, _, _, Acc0, [refusal(File, Line, vet_directive, [S]) | Acc0]) :-
    term_string_(D, S0),
    string_concat(":- ", S0, S).

%   A path inside the KB, relative to the including file: an atom or a/b/c,
%   no alias, no absolute path, no .. or ~ or $ anywhere.
relative_spec_(Spec) :-
    atom(Spec), !,
    Spec \== '',
    \+ sub_atom(Spec, 0, _, _, '/'),
    atomic_list_concat(Parts, '/', Spec),
    maplist(plain_segment_, Parts).
relative_spec_(A/B) :-
    relative_spec_(A),
    relative_spec_(B).

plain_segment_(P) :-
    P \== '', P \== '.', P \== '..',
    \+ sub_atom(P, 0, _, _, '~'),
    \+ sub_atom(P, _, _, _, '$'),
    \+ sub_atom(P, _, _, _, '\\'),
    \+ ( sub_atom(P, _, 1, _, C), char_code(C, 0) ).

vet_library_(library(L), _, _, _, Acc, Acc) :-
    atom(L), allowed_library_(L), !.
vet_library_(_, D, File, Line, Acc0, [refusal(File, Line, vet_library, [S, Libs]) | Acc0]) :-
    spec_string_(D, S),
    findall(L, allowed_library_(L), Ls),
    atomic_list_concat(Ls, ', ', A), atom_string(A, Libs).

%   Libraries of SWI-Prolog a KB may use: pure predicates, no operators, no
%   expansion of the KB's code, nothing that reaches files or the system.
allowed_library_(lists).
allowed_library_(apply).
allowed_library_(pairs).
allowed_library_(aggregate).
allowed_library_(ordsets).
allowed_library_(assoc).
allowed_library_(yall).
allowed_library_(dicts).
allowed_library_(solution_sequences).
allowed_library_(error).
allowed_library_(occurs).
allowed_library_(rbtrees).
allowed_library_(ugraphs).
allowed_library_(dif).

pi_list_(V, _) :- var(V), !, fail.
pi_list_((A, B), L) :- !, pi_list_(A, LA), pi_list_(B, LB), append(LA, LB, L).
pi_list_(L, L) :- is_list(L), !.
pi_list_(PI, [PI]).

plain_pi_(N/A) :- atom(N), integer(A), A >= 0, A =< 1024, !.
plain_pi_(N//A) :- atom(N), integer(A), A >= 0, A =< 1022.

declared_refusal_(N//A0, Key) :- !, A is A0 + 2, declared_refusal_(N/A, Key).
declared_refusal_(N/A, Key) :-
    functor(H, N, A),
    head_refusal_(H, 0, Key, _).
