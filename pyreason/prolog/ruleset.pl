:- encoding(utf8).
:- module(pyreason_ruleset, [ruleset_json/2]).
/** <module> Versions and precedence: what a KB declares about its document

Knows no regulation.  Reads, as data, what a loaded KB declares about the
version of the document it encodes and its place among the court's
documents (docs/kb-guide.md, "Versions and rule sets"): document_id/1,
version_label/2, issued/1, in_force/2, version_reading/1, issuer/1,
level/1, level_above/2, amends/2, prevails/2.  The Python side
(pyreason/ruleset.py) chooses versions by date and applies the precedence
rules; this module only reads declarations, and parses a scenario's date
with the engine's own parser.

    ruleset_json(+Request:string, -Reply:string)
Request is JSON text handed over through the C interface (never read as
Prolog): {"op": "versions", "kb": Module} or {"op": "date", "value": Text}.
*/

:- use_module(jsonio).                   % JSON text without library(http/json)
:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(numbers, [parse_date/2]).
:- use_module(library(error), [must_be/2]).   % imported, not autoloaded: the first autoload
                                              % of a process reads the library's index (~4 ms)

%!  ruleset_json(+Request:string, -Reply:string) is det.
ruleset_json(Request, Reply) :-
    (   catch(ruleset_json_(Request, R), E, error_reply_(E, R)) -> true
    ;   R = _{error: "failed"}
    ),
    with_output_to(string(Reply), json_write_dict(current_output, R, [width(0)])).

error_reply_(E, _{error: S}) :- format(string(S), "~q", [E]).

ruleset_json_(Request, Reply) :-
    must_be(string, Request),
    open_string(Request, Stream),
    call_cleanup(json_read_dict(Stream, Dict, [value_string_as(string), null(null)]), close(Stream)),
    get_dict(op, Dict, Op),
    request_(Op, Dict, Reply).

request_("versions", Dict, Reply) :-
    !,
    get_dict(kb, Dict, S), string(S), atom_string(M, S),
    sub_atom(M, 0, _, _, kb_), current_predicate(M:question/5),     % a loaded KB's module
    versions_(M, Reply).
request_("date", Dict, Reply) :-
    !,
    get_dict(value, Dict, V),
    (   ( string(V) ; number(V) ), catch(parse_date(V, date(Y, Mo, D)), _, fail)
    ->  Reply = _{year: Y, month: Mo, day: D}
    ;   Reply = _{invalid: true}
    ).

%   A declared fact of the KB itself (not one it imports).
fact_(M, Goal) :-
    functor(Goal, N, A),
    current_predicate(M:N/A),
    \+ predicate_property(M:Goal, imported_from(_)),
    catch(call(M:Goal), _, fail).

versions_(M, _{document_id: Id, labels: _{zh: LZh, en: LEn}, issued: Issued,
               in_force: InForce, readings: Readings, issuer: Issuer, level: Level,
               level_above: Above, amends: Amends, prevails: Prevails}) :-
    one_(M, document_id(X1), X1, Id),
    one_(M, version_label(zh, X2), X2, LZh),
    one_(M, version_label(en, X3), X3, LEn),
    (   fact_(M, issued(D0)) -> date_json_(D0, Issued) ; Issued = null ),
    findall(_{from: F, until: U},
            ( fact_(M, in_force(F0, U0)), date_json_(F0, F), date_json_(U0, U) ), InForce),
    findall(R, ( fact_(M, version_reading(R0)), reading_json_(M, R0, R) ), Readings),
    one_(M, issuer(X4), X4, Issuer),
    one_(M, level(X5), X5, Level),
    findall([H, L], ( fact_(M, level_above(H0, L0)), text_(H0, H), text_(L0, L) ), Above),
    (   fact_(M, amends(P0, Cs0))
    ->  text_(P0, P),
        findall(_{change: K, citation: CJ},
                ( member(Ch, Cs0), Ch =.. [K, C], cite_json_(C, CJ) ), Cs),
        Amends = _{previous: P, changes: Cs}
    ;   Amends = null
    ),
    findall(_{which: W, whose: Wh, citation: CJ},
            ( fact_(M, prevails(over(W0, Wh0), C)), text_(W0, W), text_(Wh0, Wh), cite_json_(C, CJ) ),
            Prevails).

one_(M, Goal, X, Value) :-
    (   fact_(M, Goal) -> text_(X, Value) ; Value = null ).

text_(X, S) :- string(X), !, S = X.
text_(X, S) :- atom(X), !, atom_string(X, S).
text_(X, S) :- number(X), !, S = X.
text_(X, S) :- format(string(S), "~q", [X]).

date_json_(open, null) :- !.
date_json_(date(Y, M, D), S) :- integer(Y), integer(M), integer(D), !,
    format(string(S), "~|~`0t~d~4+-~|~`0t~d~2+-~|~`0t~d~2+", [Y, M, D]).
date_json_(X, S) :- text_(X, S).

cite_json_(c(A, P, I), _{article: A, paragraph: P, item: I}) :- !.
cite_json_(X, S) :- text_(X, S).

reading_json_(M, Id, _{id: IdS, zh: Zh, en: En, citations: Cs}) :-
    text_(Id, IdS),
    (   fact_(M, reading(Id, _, Cites, Zh, En))
    ->  findall(CJ, ( member(C, Cites), cite_json_(C, CJ) ), Cs)
    ;   Zh = null, En = null, Cs = []
    ).
