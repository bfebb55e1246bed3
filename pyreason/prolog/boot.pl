:- encoding(utf8).
:- module(pyreason_boot, [load_kb/3, vet_kb/2, vet_findings/2, vet_sources/2, kb_module/2]).
/** <module> Loading a knowledge base for pyreason

Loads a KB into a module the engine names (a KB is a plain file, not a
module: several KBs, or several versions of one, live in one process), and
collects every error and warning printed while loading (syntax errors are
printed, not raised) with its file and line, instead of letting it reach the
terminal.  The Python bridge loads this file first.
*/

:- use_module(library(http/json)).
:- use_module(library(sandbox)).
:- use_module(engine).
:- use_module(lib).

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
%
%   Load the KB whose entry file is PathCodes (a list of character codes,
%   so the path is data, never code) into Module, make the engine's library
%   visible to it and register it with the engine; reply {"messages":
%   [{kind, file, line, text}]} as JSON text.
load_kb(Codes, M, Json) :-
    atom_codes(File, Codes),
    retractall(load_message(_, _, _, _)),
    dynamic(M:scenario_fact/1),
    (   import_module(M, pyreason_lib) -> true ; add_import_module(M, pyreason_lib, start) ),
    setup_call_cleanup(
        nb_setval(pyreason_loading, true),
        catch(M:load_files(File, [if(true)]), E, print_message(error, E)),
        nb_setval(pyreason_loading, false)),
    register_kb(M),
    findall(_{kind: K, file: F, line: L, text: T}, load_message(K, F, L, T), Ms),
    with_output_to(string(S), json_write_dict(current_output, _{messages: Ms}, [width(0)])),
    atom_string(Json, S).

%!  vet_findings(+M, -Findings:list) is det.
%
%   The question goals the KB in M declares (question/5) that
%   library(sandbox) does not accept as safe (they could reach I/O, the
%   shell, ...), as unsafe(Question, Message).  This is how a KB other than
%   the shipped one is vetted before it answers anyone.
vet_findings(M, Findings) :-
    findall(unsafe(Q, Message),
            ( catch(M:question(Q, _, Goal, _, _), _, fail),
              catch(( safe_goal(M:Goal) -> E = none ; E = unsafe ), E0, E = E0),
              E \== none,
              vet_message_(E, Message) ),
            Findings).

vet_message_(unsafe, "not provably safe") :- !.
vet_message_(E, Message) :-
    catch(( '$messages':translate_message(E, Lines, []),
            with_output_to(string(M0), print_message_lines(current_output, '', Lines)) ),
          _, format(string(M0), "~q", [E])),
    normalize_space(string(Message), M0).

%!  vet_kb(+M, -Json:atom) is det.
vet_kb(M, Json) :-
    vet_findings(M, Fs0),
    findall(_{predicate: P, message: Msg}, ( member(unsafe(PI, Msg), Fs0), format(string(P), "~w", [PI]) ), Fs),
    with_output_to(string(S), json_write_dict(current_output, _{unsafe: Fs}, [width(0)])),
    atom_string(Json, S).

%!  vet_sources(+EntryCodes:list, -Json:atom) is det.
%
%   Before a KB other than the shipped one is loaded, read (never run) its
%   files, the entry and every file it includes, and list each directive
%   that is not a plain declaration: loading would run it.  Reply
%   {"directives": [{file, line, directive}]}.
vet_sources(Codes, Json) :-
    atom_codes(Entry, Codes),
    catch(vet_file_(Entry, [], Bad0), E, (format(string(M), "~q", [E]), Bad0 = [bad(Entry, 0, M)])),
    findall(_{file: F, line: L, directive: D}, member(bad(F, L, D), Bad0), Bad),
    with_output_to(string(S), json_write_dict(current_output, _{directives: Bad}, [width(0)])),
    atom_string(Json, S).

vet_file_(File0, Seen, Bad) :-
    absolute_file_name(File0, File, [file_type(prolog), access(read), file_errors(fail)]),
    \+ memberchk(File, Seen),
    !,
    setup_call_cleanup(open(File, read, In, [encoding(utf8)]),
                       read_terms_(In, File, Terms),
                       close(In)),
    file_directory_name(File, Dir),
    findall(B, ( member(L-(:- D), Terms), \+ allowed_directive_(D),
                 format(string(DS), ":- ~q", [D]), B = bad(File, L, DS) ), Own0),
    findall(B, ( member(L-T, Terms), T \= (:- _), foreign_clause_(T, H0),
                 copy_term(H0, H), numbervars(H, 0, _),
                 format(string(HS), "~W", [H, [quoted(true), numbervars(true)]]),
                 B = bad(File, L, HS) ), Foreign),
    append(Own0, Foreign, Own),
    findall(I, member(_-(:- include(I)), Terms), Incs),
    foldl(vet_include_(Dir, [File | Seen]), Incs, Own, Bad).
vet_file_(_, _, []).

vet_include_(Dir, Seen, I, Acc0, Acc) :-
    ( compound(I) -> term_to_atom(I, IA) ; IA = I ),
    directory_file_path(Dir, IA, P),
    ( vet_file_(P, Seen, B1) -> true ; B1 = [] ),
    append(Acc0, B1, Acc).

read_terms_(In, File, Terms) :-
    read_term(In, T, [term_position(Pos), syntax_errors(quiet), module(pyreason_vet)]),
    (   T == end_of_file
    ->  Terms = []
    ;   ( nonvar(Pos) -> stream_position_data(line_count, Pos, L) ; L = 0 ),
        Terms = [L-T | Rest],
        read_terms_(In, File, Rest)
    ).

%   A clause that defines a predicate of another module (user:message_hook,
%   prolog:message//1, ...) or a hook the system calls while loading or on
%   errors (term_expansion, goal_expansion, exception/3): it would run code
%   outside the KB's own questions.  H is its head.
foreign_clause_(T, H) :-
    (   T = (H0 :- _) -> true ; T = (H0 --> _) -> true ; H0 = T ),
    (   H0 = _:_ -> H = H0
    ;   callable(H0), functor(H0, N, A), hook_(N, A) -> H = H0
    ).

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

%   Declarations a KB may make while loading; anything else would run.
allowed_directive_(encoding(_)).
allowed_directive_(use_module(library(_))).
allowed_directive_(include(_)).
allowed_directive_(discontiguous(_)).
allowed_directive_(dynamic(_)).
