:- encoding(utf8).
:- module(pyreason_lib,
          [ amount_meets/3,        % +Amount, +Wording, +Threshold
            duration_within/2,     % +Duration, +Limit
            date_compare/3,        % +Date1, ?Order, +Date2
            days_between/3,        % +Date1, +Date2, -Days
            with_scenario/2        % +Facts, :Goal
          ]).
/** <module> What every knowledge base may call

Every KB module imports this library: small, pure building blocks for the
rules of regulations of this family (amount bands, time limits, dates), and
with_scenario/2 for a KB's own plunit tests.  Nothing here knows a
regulation.
*/

:- use_module(library(lists)).

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
