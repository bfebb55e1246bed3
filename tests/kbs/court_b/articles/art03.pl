:- encoding(utf8).
/*  第三条【执行案款发放的审批权限】  */

article(3, "执行案款发放的审批权限").
paragraph(3, 1, "执行案款的发放，按照单笔发放金额确定审批权限：").
item(3, 1, 1, "不满五十万元的，由团队长审批；").
item(3, 1, 2, "五十万元以上不满五百万元的，由分管副局长审批；").
item(3, 1, 3, "五百万元以上的，由局长审批。").

%!  funds_matter(?Matter, ?Citation) is nondet.
%
%   The matter whose approver depends on the amount of one payment (3(1)).
funds_matter('执行案款的发放', c(3,1,null)).

%   The lines 3(1) draws on the amount of one payment (`ask --flips` and
%   `check` try each and the amounts on either side).
threshold(amount, 500000, '不满', c(3,1,1)).
threshold(amount, 500000, '以上', c(3,1,2)).
threshold(amount, 5000000, '不满', c(3,1,2)).
threshold(amount, 5000000, '以上', c(3,1,3)).

%!  funds_band(?Role, ?Bounds, ?Citation, ?Wording) is nondet.
%
%   Role approves a payment whose amount meets every Wording-Threshold of
%   Bounds (amount_meets/3: 以上 includes the number, 不满 excludes it,
%   i_boundary_convention).  Wording names the band in explanations (word/3
%   in messages.pl gives the item's own words).
funds_band('团队长', ['不满'-500000], c(3,1,1), band_below_500k).
funds_band('副局长', ['以上'-500000, '不满'-5000000], c(3,1,2), band_500k_to_5m).
funds_band('局长', ['以上'-5000000], c(3,1,3), band_5m_and_above).

%!  funds_approver(+Amount, -Role, -Citation, -Wording) is semidet.
%
%   The band of 3(1) that Amount (元, one payment) falls in.
funds_approver(Amount, Role, C, Wording) :-
    funds_band(Role, Bounds, C, Wording),
    forall(member(W-T, Bounds), amount_meets(Amount, W, T)),
    !.

%!  at_funds_boundary(+Amount) is semidet.
%
%   Amount is exactly one of the thresholds of 3(1): which band it falls in
%   rests on how 以上 and 不满 bound a number (i_boundary_convention).
at_funds_boundary(Amount) :-
    funds_band(_, Bounds, _, _),
    member(_-T, Bounds),
    Amount =:= T,
    !.
