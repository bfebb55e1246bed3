:- encoding(utf8).
/*  Tests for 第三条【执行案款发放的审批权限】: the three bands, at, just below
    and just above each boundary (以上 includes the number, 不满 excludes it).
*/
:- begin_tests(article_3).

funds(Amount, Approver, Trace) :-
    with_scenario([amount(Amount)], q_approver('执行案款的发放', F, Trace)),
    get_dict(approver, F, Approver).

%   3(1)(1) "不满五十万元的，由团队长审批"
test("499,999 yuan: the team leader", true(A == '团队长')) :-
    funds(499999, A, T),
    memberchk(step(amount_band, _, [c(3,1,1)]), T).

%   3(1)(2) "五十万元以上不满五百万元的，由分管副局长审批"
test("exactly 500,000 yuan is 五十万元以上: the deputy, by the boundary convention",
     true(A == '副局长')) :-
    funds(500000, A, T),
    memberchk(interp(i_boundary_convention), T),
    memberchk(interp(i_deputy_in_charge), T).

test("4,999,999 yuan: the deputy, no boundary reading needed", true(A == '副局长')) :-
    funds(4999999, A, T),
    memberchk(step(amount_band, [_, 4999999, band_500k_to_5m, '副局长'], [c(3,1,2)]), T),
    \+ memberchk(step(amount_at_threshold, _, _), T),
    \+ memberchk(interp(i_boundary_convention), T).

%   3(1)(3) "五百万元以上的，由局长审批"
test("exactly 5,000,000 yuan: the director", true(A == '局长')) :-
    funds(5000000, A, T),
    memberchk(step(amount_at_threshold, [_, 5000000, band_5m_and_above, '局长'], [c(3,1,3)]), T),
    memberchk(interp(i_boundary_convention), T).

test("5,000,001 yuan: the director", true(A == '局长')) :-
    funds(5000001, A, _).

test("a fraction of a yuan below the threshold stays with the deputy", true(A == '副局长')) :-
    funds(4999999.5, A, _).

%   3(1) "按照单笔发放金额": without the amount there is no band.
test("no amount: refused as input", throws(input_error(amount_required, 'facts.amount', null))) :-
    with_scenario([], q_approver('执行案款的发放', _, _)).

test("a zero amount: refused as input", throws(input_error(amount_not_positive, 'facts.amount', 0))) :-
    with_scenario([amount(0)], q_approver('执行案款的发放', _, _)).

:- end_tests(article_3).
