:- encoding(utf8).
:- module(pyreason_numbers, [parse_amount/2, parse_duration/3, duration_unit/2, parse_date/2, chinese_number/2]).
/** <module> Amounts, durations and dates as Chinese legal text writes them

    parse_amount("300万元", 3000000)      parse_amount("三百万元", 3000000)
    parse_amount("1.5亿", 150000000)      parse_amount("3,000,000", 3000000)
    parse_duration("40日", day, duration(40, day))
    parse_duration("3个月", month, duration(3, month))
    parse_date("2024年3月1日", date(2024, 3, 1))

Every parser is deterministic and fails on anything it does not fully
understand: a value that is not understood is an error, never a guess.
*/

:- use_module(library(dcg/basics)).
:- use_module(library(lists)).
:- use_module(library(apply), [exclude/3, foldl/4]).        % (explicit: nothing autoloads while a question runs)

%!  parse_amount(+Value, -Yuan:number) is semidet.
%
%   Value is a number (in 元) or a string: Arabic digits (with , separators
%   and a decimal point) or Chinese numerals, then an optional unit 万/亿
%   (or 万亿) and an optional 元 (人民币 may lead).  The result is an integer
%   where it is whole.
parse_amount(V, Yuan) :-
    number(V), !, V >= 0, whole_(V, Yuan).
parse_amount(V, Yuan) :-
    string(V),
    string_codes(V, Cs0),
    exclude(space_code_, Cs0, Cs),
    once(phrase(amount_(N), Cs)),
    N >= 0,
    whole_(N, Yuan).

space_code_(C) :- code_type(C, space).
space_code_(0x3000).

whole_(N, W) :- ( integer(N) -> W = N ; R is rationalize(N), ( integer(R) -> W = R ; W is float(N) ) ).

amount_(N) --> opt_("人民币"), number_(N0), unit_(U), opt_("元"), { N is N0 * U }.

opt_(S) --> { string_codes(S, Cs) }, Cs, !.
opt_(_) --> [].

unit_(1000000000000) --> "万亿", !.
unit_(100000000) --> "亿", !.
unit_(10000) --> "万", !.
unit_(1000) --> "千", !.
unit_(1) --> [].

number_(N) --> arabic_(N), !.
number_(N) --> chinese_(N).

arabic_(N) -->
    digits_sep_(Ds), { Ds \== [] },
    (   ".", digits(Fs), { Fs \== [] }
    ->  { append(Ds, [0'. | Fs], All), number_codes(N0, All), N is rationalize(N0) }
    ;   { number_codes(N, Ds) }
    ).

digits_sep_([D | Ds]) --> digit(D), !, digits_sep_(Ds).
digits_sep_(Ds) --> ",", !, digits_sep_(Ds).
digits_sep_(Ds) --> "，", !, digits_sep_(Ds).
digits_sep_([]) --> [].

%   Chinese numerals below 万: 一百二十, 两千零五, 十五, 三.
chinese_(N) --> cn_section_(N).

cn_section_(N) --> cn_term_(T), !, cn_rest_(T, N).
cn_rest_(Acc, N) --> "零", !, cn_rest_(Acc, N).
cn_rest_(Acc, N) --> cn_term_(T), !, { Acc1 is Acc + T }, cn_rest_(Acc1, N).
cn_rest_(N, N) --> [].

cn_term_(T) --> cn_digit_(D), cn_mult_(M), !, { T is D * M }.
cn_term_(T) --> cn_digit_(T), !.
cn_term_(10) --> "十".

cn_mult_(1000) --> "千".
cn_mult_(100) --> "百".
cn_mult_(10) --> "十".

cn_digit_(0) --> "〇".
cn_digit_(1) --> "一".
cn_digit_(2) --> "二".
cn_digit_(2) --> "两".
cn_digit_(3) --> "三".
cn_digit_(4) --> "四".
cn_digit_(5) --> "五".
cn_digit_(6) --> "六".
cn_digit_(7) --> "七".
cn_digit_(8) --> "八".
cn_digit_(9) --> "九".

%!  chinese_number(+Text:string, -N:integer) is semidet.
%
%   A number in Chinese numerals or Arabic digits, with 万/亿 (三十, 一百零五).
chinese_number(Text, N) :-
    string_codes(Text, Cs),
    once(phrase((number_(N0), unit_(U)), Cs)),
    N is N0 * U,
    integer(N).

%!  parse_duration(+Value, +Unit, -Duration) is semidet.
%
%   Value is "40日", "40天", "3个月", "10个工作日", "2周", a number (in Unit),
%   or {value: N, unit: "day"}; Duration is duration(N, Unit).  Weeks
%   convert to days; months and workdays are kept as they are, and a value
%   in another unit than the declared one fails (a month is not 30 days).
parse_duration(V, Unit, duration(V, Unit)) :-
    integer(V), !, V >= 0.
parse_duration(V, Unit, D) :-
    is_dict(V), !,
    get_dict(value, V, N), integer(N), N >= 0,
    get_dict(unit, V, U0), atom_string(U, U0),
    convert_duration_(N, U, Unit, D).
parse_duration(V, Unit, D) :-
    string(V),
    string_codes(V, Cs0),
    exclude(space_code_, Cs0, Cs),
    once(phrase((number_(N), duration_unit_(U)), Cs)),
    integer(N), N >= 0,
    convert_duration_(N, U, Unit, D).

%!  duration_unit(+Value, -Unit) is semidet.
%
%   The unit Value is written in (day, workday, month), whatever unit is wanted.
duration_unit(V, Unit) :-
    string(V),
    string_codes(V, Cs0),
    exclude(space_code_, Cs0, Cs),
    once(phrase((number_(_), duration_unit_(U)), Cs)),
    !,
    ( U == week -> Unit = day ; Unit = U ).
duration_unit(V, Unit) :-
    is_dict(V), get_dict(unit, V, U0), atom_string(Unit, U0).

duration_unit_(workday) --> "个工作日", !.
duration_unit_(workday) --> "工作日", !.
duration_unit_(month) --> "个月", !.
duration_unit_(month) --> "月", !.
duration_unit_(week) --> "个星期", !.
duration_unit_(week) --> "周", !.
duration_unit_(week) --> "星期", !.
duration_unit_(day) --> "日", !.
duration_unit_(day) --> "天", !.
duration_unit_(day) --> "days", !.
duration_unit_(day) --> "day", !.
duration_unit_(month) --> "months", !.
duration_unit_(month) --> "month", !.

convert_duration_(N, week, day, duration(D, day)) :- !, D is N * 7.
convert_duration_(N, U, U, duration(N, U)).

%!  parse_date(+Value, -Date) is semidet.
%
%   "2024-03-01", "2024/3/1", "2024.3.1" or "2024年3月1日" (Arabic or Chinese
%   numerals), a real calendar date.
parse_date(V, date(Y, M, D)) :-
    string(V),
    string_codes(V, Cs0),
    exclude(space_code_, Cs0, Cs),
    (   phrase((integer(Y), sep_(S), integer(M), sep_(S), integer(D)), Cs)
    ->  true
    ;   once(phrase((year_(Y), "年", month_(M), "月", month_(D), ( "日" ; "号" )), Cs))
    ),
    valid_date_(Y, M, D).

sep_(0'-) --> "-".
sep_(0'/) --> "/".
sep_(0'.) --> ".".

year_(Y) --> integer(Y), !.
year_(Y) --> cn_digits_(Ds), { Ds \== [], foldl([X, A0, A]>>(A is A0 * 10 + X), Ds, 0, Y) }.
cn_digits_([D | Ds]) --> ( cn_digit_(D) ; "零", { D = 0 } ), !, cn_digits_(Ds).
cn_digits_([]) --> [].

month_(M) --> integer(M), !.
month_(M) --> cn_section_(M).

valid_date_(Y, M, D) :-
    integer(Y), integer(M), integer(D),
    Y >= 1000, Y =< 9999, M >= 1, M =< 12, D >= 1,
    days_in_month_(Y, M, Max), D =< Max.

days_in_month_(Y, 2, D) :- !, ( leap_(Y) -> D = 29 ; D = 28 ).
days_in_month_(_, M, 30) :- memberchk(M, [4, 6, 9, 11]), !.
days_in_month_(_, _, 31).

leap_(Y) :- Y mod 4 =:= 0, ( Y mod 100 =\= 0 ; Y mod 400 =:= 0 ).
