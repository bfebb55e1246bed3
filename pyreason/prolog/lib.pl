:- encoding(utf8).
:- module(pyreason_lib,
          [ amount_meets/3,        % +Amount, +Wording, +Threshold
            duration_within/2,     % +Duration, +Limit
            date_compare/3,        % +Date1, ?Order, +Date2
            days_between/3,        % +Date1, +Date2, -Days
            chinese_numeral/2,     % +N, -Text
            with_scenario/2        % +Facts, :Goal
          ]).
/** <module> What every knowledge base may call

Every KB module imports this library: small, pure building blocks for the
rules of regulations of this family (amount bands, time limits, dates), and
with_scenario/2 for a KB's own plunit tests.  Nothing here knows a
regulation.
*/

:- use_module(library(lists)).
:- use_module(library(error), [must_be/2, domain_error/2]).   % (explicit: nothing autoloads while a question runs)

%!  amount_meets(+Amount:number, +Wording, +Threshold:number) is semidet.
%
%   True if Amount is Wording Threshold, Wording being how Chinese legal
%   text bounds an amount: 以上/以下/不满/超过/...  By the usual convention
%   (民法典第一千二百五十九条) 以上, 以下 and 以内 include the number; 不满,
%   未满, 不足, 低于, 超过 and 高于 exclude it.  A KB whose text defines the
%   words otherwise compares with its own rule (and records the reading).
amount_meets(Amount, Wording, Threshold) :-
    must_be(number, Amount),
    must_be(number, Threshold),
    (   default_boundary_(Wording, Op)
    ->  compare_op_(Op, Amount, Threshold)
    ;   domain_error(amount_wording, Wording)
    ).

default_boundary_('以上', >=).
default_boundary_('以下', =<).
default_boundary_('以内', =<).
default_boundary_('不满', <).
default_boundary_('未满', <).
default_boundary_('不足', <).
default_boundary_('低于', <).
default_boundary_('超过', >).
default_boundary_('高于', >).

compare_op_(>=, A, B) :- A >= B.
compare_op_(=<, A, B) :- A =< B.
compare_op_(<, A, B) :- A < B.
compare_op_(>, A, B) :- A > B.

%!  duration_within(+Duration, +Limit) is semidet.
%
%   True if duration(N, Unit) is at most Limit, a duration(L, Unit) of the
%   same unit (day, workday or month).  Different units are not compared: a
%   month is not a fixed number of days, nor a workday a day.
duration_within(duration(N, Unit), duration(L, Unit)) :-
    !,
    N =< L.
duration_within(D, L) :-
    domain_error(comparable_durations, D-L).

%!  date_compare(+Date1, ?Order, +Date2) is det.
%
%   Order is <, = or > as date(Y,M,D) Date1 is before, on or after Date2.
date_compare(date(Y1, M1, D1), Order, date(Y2, M2, D2)) :-
    compare(Order, Y1-M1-D1, Y2-M2-D2).

%!  days_between(+Date1, +Date2, -Days:integer) is det.
%
%   Calendar days from Date1 to Date2 (negative if Date2 is earlier).
days_between(date(Y1, M1, D1), date(Y2, M2, D2), Days) :-
    date_time_stamp(date(Y1, M1, D1, 12, 0, 0, 0, -, -), S1),
    date_time_stamp(date(Y2, M2, D2, 12, 0, 0, 0, -, -), S2),
    Days is round((S2 - S1) / 86400).

%!  chinese_numeral(+N:integer, -Text:string) is semidet.
%
%   N (0..9999) in Chinese numerals as legal text writes article and item
%   numbers: 三, 十二, 二十, 一百零五.  In a message argument, cn(N) renders so.
chinese_numeral(0, "零") :- !.
chinese_numeral(N, Text) :-
    integer(N), N > 0, N < 10000,
    Ds = ["零","一","二","三","四","五","六","七","八","九"],
    Th is N // 1000, H is (N // 100) mod 10, T is (N // 10) mod 10, O is N mod 10,
    findall(P, ( member(D-U, [Th-"千", H-"百", T-"十", O-""]), P = D-U ), Parts0),
    cn_parts_(Parts0, Ds, false, Codes0),
    atomic_list_concat(Codes0, A0),
    (   N >= 10, N < 20 -> sub_atom(A0, 1, _, 0, A)      % 十二, not 一十二
    ;   A = A0
    ),
    atom_string(A, Text).

cn_parts_([], _, _, []).
cn_parts_([0-_ | Rest], Ds, Started, Out) :- !,
    (   Started == true, Rest \== [], \+ all_zero_(Rest)
    ->  Out = ["零" | Out1], cn_parts_skip_zeros_(Rest, Ds, Out1)
    ;   cn_parts_(Rest, Ds, Started, Out)
    ).
cn_parts_([D-U | Rest], Ds, _, [C, U | Out]) :-
    nth0(D, Ds, C),
    cn_parts_(Rest, Ds, true, Out).

cn_parts_skip_zeros_([0-_ | Rest], Ds, Out) :- !, cn_parts_skip_zeros_(Rest, Ds, Out).
cn_parts_skip_zeros_(Rest, Ds, Out) :- cn_parts_(Rest, Ds, true, Out).

all_zero_(Parts) :- forall(member(D-_, Parts), D =:= 0).

%!  with_scenario(+Facts:list, :Goal) is semidet.
%
%   True if Goal succeeds with Facts added as scenario_fact/1 of Goal's
%   module; every change is thrown away afterwards (snapshot/1), bindings
%   are kept.  The engine answers questions the same way.
:- meta_predicate with_scenario(+, 0).
with_scenario(Facts, M:Goal) :-
    (   predicate_property(M:Goal, implementation_module(KB)) -> true ; KB = M ),
    snapshot(( forall(member(F, Facts), assertz(KB:scenario_fact(F))),
               once(M:Goal) )).
