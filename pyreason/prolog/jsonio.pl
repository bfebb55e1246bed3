:- encoding(utf8).
:- module(pyreason_json,
          [ json_read_dict/3,      % +Stream, -Value, +Options
            json_write_dict/3,     % +Stream, +Value, +Options
            json_write_string/2    % +Stream, +Text
          ]).
/** <module> JSON text for the bridge, without library(http/json)

The engine reads each request and writes each reply as JSON text.
library(http/json) does that, but loading it (with library(memfile), which
loads library(predicate_options)) costs more than a cold `pyreason ask`
spends on everything else in Prolog, so the engine, the loader and the
version reader use this module instead (pyreason check and a KB's plunit
tests still use the library).

The predicates have the names and the results of the library's for what
the engine uses of them:

  - json_read_dict(+Stream, -Value, +Options): the first JSON value of the
    rest of Stream, as json_read_dict/3 reads it with the options
    value_string_as(string) and null(null) (the only reading the engine
    does; Options is not otherwise looked at): objects become dicts (atom
    keys, unbound tag; a key given twice raises duplicate_key), strings
    strings, numbers numbers, true, false and null those atoms.  Escapes
    are read as the library reads them (\uXXXX is one code each: a
    surrogate pair stays two codes).  Bad JSON raises
    error(syntax_error(json(Id)), _) with the library's Ids.
  - json_write_dict(+Stream, +Value, +Options): Value as JSON text (Options,
    such as width(0), are layout only and not looked at): dicts (their
    keys in standard order) and json(Pairs) as objects, lists as arrays,
    integers and floats as write/1 writes them (rationals as floats), the
    atoms true, false and null as themselves, other atoms, strings and
    #(Text) as strings; anything else raises type_error(json_term, Value).
  - json_write_string(+Stream, +Text): Text as a JSON string, escaped as
    the library's C writer does: \" \\ \b \f \n \r \t, other codes below
    32 as \u00XX, "/" after "<" as \/, everything else as it is.
*/

:- use_module(library(error), [type_error/2, instantiation_error/1]).
:- use_module(library(lists), [append/3, numlist/3]).

%   ---- reading ---------------------------------------------------------------

json_read_dict(Stream, Value, _Options) :-
    read_string(Stream, _, Text),
    string_codes(Text, Codes),
    ws_(Codes, C1),
    (   C1 == []
    ->  syntax_error_(unexpected_end_of_file)
    ;   value_(C1, Value, _)
    ).

ws_([C | Cs], Rest) :- ws_code_(C), !, ws_(Cs, Rest).
ws_(Cs, Cs).

ws_code_(0' ).
ws_code_(0'\t).
ws_code_(0'\n).
ws_code_(0'\r).

value_([], _, _) :- !, syntax_error_(unexpected_end_of_file).
value_([C | Cs], Value, Rest) :- value_(C, Cs, Value, Rest).

value_(0'", Cs, String, Rest) :- !, string_codes_(Cs, Codes, Rest), string_codes(String, Codes).
value_(0'{, Cs, Dict, Rest) :- !, ws_(Cs, Cs1), object_(Cs1, Pairs, Rest), dict_create(Dict, _, Pairs).
value_(0'[, Cs, List, Rest) :- !, ws_(Cs, Cs1), array_(Cs1, List, Rest).
value_(0't, Cs, true, Rest) :- !, must_see_(`rue`, Cs, true, Rest).
value_(0'f, Cs, false, Rest) :- !, must_see_(`alse`, Cs, false, Rest).
value_(0'n, Cs, null, Rest) :- !, must_see_(`ull`, Cs, null, Rest).
value_(C, Cs, Number, Rest) :-
    (   C == 0'- ; between(0'0, 0'9, C) ),
    !,
    number_codes_(Cs, Tail, Rest),
    (   append(Token, [0'.], [C | Tail]) -> true ; Token = [C | Tail] ),   % "1." is 1, as the library reads it
    catch(number_codes(Number, Token), error(syntax_error(_), _),
          throw(error(syntax_error(illegal_number), _))).
value_(_, _, _, _) :-
    syntax_error_(illegal_json).

must_see_([], Rest, _, Rest) :- !.
must_see_([C | Cs], [C | Rest0], Name, Rest) :- !, must_see_(Cs, Rest0, Name, Rest).
must_see_(_, _, Name, _) :- syntax_error_(json_expected(Name)).

number_codes_([C | Cs], [C | Ns], Rest) :- number_code_(C), !, number_codes_(Cs, Ns, Rest).
number_codes_(Rest, [], Rest).

number_code_(C) :- between(0'0, 0'9, C), !.
number_code_(0'.).
number_code_(0'-).
number_code_(0'+).
number_code_(0'e).
number_code_(0'E).

%   As the library: a comma may end an object ({"a": 1,}); a member without
%   its key or colon is illegal_json.
object_([0'} | Rest], [], Rest) :- !.
object_(Cs, [Key-Value | Pairs], Rest) :-
    (   Cs = [0'" | Cs1]
    ->  string_codes_(Cs1, KeyCodes, Cs2), atom_codes(Key, KeyCodes)
    ;   syntax_error_(illegal_json)
    ),
    ws_(Cs2, Cs3),
    (   Cs3 = [0': | Cs4] -> true ; syntax_error_(illegal_json) ),
    ws_(Cs4, Cs5),
    value_(Cs5, Value, Cs6),
    ws_(Cs6, Cs7),
    (   Cs7 = [0', | Cs8]
    ->  ws_(Cs8, Cs9), object_(Cs9, Pairs, Rest)
    ;   Cs7 = [0'} | Rest]
    ->  Pairs = []
    ;   syntax_error_(illegal_object)
    ).

array_([], _, _) :- !, syntax_error_(illegal_json).       % (the library's word here)
array_([0'] | Rest], [], Rest) :- !.
array_(Cs, [Value | Values], Rest) :-
    value_(Cs, Value, Cs1),
    ws_(Cs1, Cs2),
    (   Cs2 = [0', | Cs3]
    ->  ws_(Cs3, Cs4), array_(Cs4, Values, Rest)
    ;   Cs2 = [0'] | Rest]
    ->  Values = []
    ;   syntax_error_(illegal_array)
    ).

string_codes_([], _, _) :- syntax_error_(eof_in_string).
string_codes_([C | Cs], Codes, Rest) :-
    (   C == 0'"
    ->  Codes = [], Rest = Cs
    ;   C == 0'\\
    ->  (   escape_(Cs, E, Cs1)
        ->  Codes = [E | Codes1],
            string_codes_(Cs1, Codes1, Rest)
        ;   syntax_error_(illegal_string_escape)
        )
    ;   Codes = [C | Codes1],
        string_codes_(Cs, Codes1, Rest)
    ).

escape_([0'" | Cs], 0'", Cs).
escape_([0'\\ | Cs], 0'\\, Cs).
escape_([0'/ | Cs], 0'/, Cs).
escape_([0'b | Cs], 0'\b, Cs).
escape_([0'f | Cs], 0'\f, Cs).
escape_([0'n | Cs], 0'\n, Cs).
escape_([0'r | Cs], 0'\r, Cs).
escape_([0't | Cs], 0'\t, Cs).
escape_([0'u, C1, C2, C3, C4 | Cs], C, Cs) :-
    code_type(C1, xdigit(D1)),
    code_type(C2, xdigit(D2)),
    code_type(C3, xdigit(D3)),
    code_type(C4, xdigit(D4)),
    C is D1<<12+D2<<8+D3<<4+D4.

syntax_error_(Id) :-
    throw(error(syntax_error(json(Id)), _)).

%   ---- writing ---------------------------------------------------------------

json_write_dict(Stream, Value, _Options) :-
    write_value_(Value, Stream).

write_value_(V, _) :- var(V), !, instantiation_error(V).
write_value_(json(Pairs), S) :- !, write_object_(Pairs, S).
write_value_(D, S) :- is_dict(D), !, dict_pairs(D, _, Pairs), write_object_(Pairs, S).
write_value_(L, S) :- is_list(L), !, write(S, '['), write_items_(L, S), write(S, ']').
write_value_(N, S) :- number(N), !,
    (   ( integer(N) ; float(N) ) -> write(S, N) ; F is float(N), write(S, F) ).
write_value_(true, S) :- !, write(S, true).
write_value_(false, S) :- !, write(S, false).
write_value_(null, S) :- !, write(S, null).
write_value_(#(T), S) :- !,
    (   ( atom(T) ; string(T) ) -> json_write_string(S, T) ; term_string(T, Str), json_write_string(S, Str) ).
write_value_(A, S) :- atom(A), !, json_write_string(S, A).
write_value_(T, S) :- string(T), !, json_write_string(S, T).
write_value_(T, _) :- type_error(json_term, T).

write_items_([], _).
write_items_([X | Xs], S) :- write_value_(X, S), write_items__(Xs, S).
write_items__([], _).
write_items__([X | Xs], S) :- write(S, ','), write_value_(X, S), write_items__(Xs, S).

write_object_(Pairs, S) :- write(S, '{'), write_pairs_(Pairs, S), write(S, '}').
write_pairs_([], _).
write_pairs_([P | Ps], S) :- write_pair_(P, S), write_pairs__(Ps, S).
write_pairs__([], _).
write_pairs__([P | Ps], S) :- write(S, ','), write_pair_(P, S), write_pairs__(Ps, S).

write_pair_(P, S) :-
    (   pair_(P, K, V) -> true ; type_error(json_term, json([P])) ),
    json_write_string(S, K),
    write(S, ':'),
    write_value_(V, S).

pair_(K-V, K, V).
pair_(K=V, K, V).
pair_(P, K, V) :- compound(P), compound_name_arguments(P, K, [V]).

json_write_string(S, T) :-
    (   atom(T) -> true ; string(T) -> true ; type_error(text, T) ),
    (   plain_(T)
    ->  write(S, '"'), write(S, T), write(S, '"')
    ;   atom_codes(T, Codes),
        write(S, '"'), escaped_(Codes, 0, S), write(S, '"')
    ).

%   No code to escape: no quote, backslash, control code or "</".
plain_(T) :-
    (   nb_current(pyreason_json_specials, Specials) -> true
    ;   numlist(1, 31, Cs), string_codes(Specials, [0'", 0'\\ | Cs]),
        nb_setval(pyreason_json_specials, Specials)
    ),
    split_string(T, Specials, "", [_]),
    \+ sub_string(T, _, _, _, "\u0000"),          % (split_string/4 ends its separators at a NUL)
    \+ sub_string(T, _, _, _, "</").

escaped_([], _, _).
escaped_([C | Cs], Prev, S) :-
    escaped_code_(C, Prev, S),
    escaped_(Cs, C, S).

escaped_code_(0'", _, S) :- !, write(S, '\\"').
escaped_code_(0'\\, _, S) :- !, write(S, '\\\\').
escaped_code_(0'/, 0'<, S) :- !, write(S, '\\/').
escaped_code_(C, _, S) :- C >= 32, !, put_code(S, C).
escaped_code_(0'\b, _, S) :- !, write(S, '\\b').
escaped_code_(0'\f, _, S) :- !, write(S, '\\f').
escaped_code_(0'\n, _, S) :- !, write(S, '\\n').
escaped_code_(0'\r, _, S) :- !, write(S, '\\r').
escaped_code_(0'\t, _, S) :- !, write(S, '\\t').
escaped_code_(C, _, S) :- format(S, '\\u~|~`0t~16r~4+', [C]).
