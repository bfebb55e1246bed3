:- encoding(utf8).
:- module(pyreason_boot, [load_kb/2]).
/** <module> Loading a knowledge base for pyreason

Loads a KB and collects every error and warning printed while loading
(syntax errors are printed, not raised) with its file and line, instead of
letting it reach the terminal.  The Python bridge loads this file first.
*/

:- use_module(library(http/json)).

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

%!  load_kb(+PathCodes:list, -Json:atom) is det.
%
%   Load the KB whose entry file is PathCodes (a list of character codes,
%   so the path is data, never code) and reply {"messages": [{kind, file,
%   line, text}]} as JSON text.
load_kb(Codes, Json) :-
    atom_codes(File, Codes),
    retractall(load_message(_, _, _, _)),
    setup_call_cleanup(
        nb_setval(pyreason_loading, true),
        catch(load_files(File, [if(true)]), E, print_message(error, E)),
        nb_setval(pyreason_loading, false)),
    findall(_{kind: K, file: F, line: L, text: T}, load_message(K, F, L, T), Ms),
    with_output_to(string(S), json_write_dict(current_output, _{messages: Ms}, [width(0)])),
    atom_string(Json, S).
