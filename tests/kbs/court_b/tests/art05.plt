:- encoding(utf8).
/*  Tests for 第五条【代行职权】: the acting order for the director (5(1)) and
    the approvals of an absent deputy or team leader going one level up (5(2)).
*/
:- begin_tests(article_5).

acting(Role, Facts, F, T) :-
    with_scenario(Facts, q_acting(Role, F, T)).

%   5(1) "局长不在岗时，由常务副局长代行局长职权" ... "无需局长另行授权"
test("the executive deputy acts for the director without authorisation",
     true(A-N == '常务副局长'-false)) :-
    acting('局长', [], F, T),
    get_dict(acting, F, A), get_dict(authorisation_needed, F, N),
    memberchk(step(acting_for_director, ['局长', '常务副局长'], [c(5,1,null)]), T).

%   5(1) "常务副局长也不在岗时，由其他副局长按任职先后顺序代行局长职权"
test("two deep: the other deputies", true(A == '副局长')) :-
    acting('局长', [absent('常务副局长')], F, T),
    get_dict(acting, F, A),
    memberchk(interp(i_deputy_post_collective), T).

test("nobody left: a gap", true(A == null)) :-
    acting('局长', [absent('常务副局长'), absent('副局长')], F, T),
    get_dict(acting, F, A),
    memberchk(gap(g_no_acting_available), T).

%   5(2) "副局长、团队长不在岗时，其审批事项由其上一级审批"
test("an absent team leader's approvals go to the deputy", true(A-AF == '副局长'-null)) :-
    acting('团队长', [], F, T),
    get_dict(acting, F, A), get_dict(acting_for, F, AF),
    memberchk(step(absent_up, ['团队长', '副局长'], [c(5,2,null), c(2,3,null)]), T).

test("an absent deputy's approvals go to the director, absent too: the executive deputy acts",
     true(A-AF == '常务副局长'-'局长')) :-
    acting('副局长', [absent('局长')], F, _),
    get_dict(acting, F, A), get_dict(acting_for, F, AF).

test("the absent executive deputy cannot act for the director himself", true(A == '副局长')) :-
    acting('常务副局长', [absent('局长')], F, T),
    get_dict(acting, F, A),
    memberchk(step(acting_unavailable, ['常务副局长'], [c(5,1,null)]), T).

%   Art 5 names no one for the posts below the team leader.
test("an absent clerk: a gap", true(A == null)) :-
    acting('书记员', [], F, T),
    get_dict(acting, F, A),
    memberchk(gap(g_no_acting_rule), T).

%   In approvals: the same order.
test("a director's approval while he is away", true(A-AF == '常务副局长'-'局长')) :-
    with_scenario([absent('局长'), amount(9000000)], q_approver('执行案款的发放', F, _)),
    get_dict(approver, F, A), get_dict(acting_for, F, AF).

:- end_tests(article_5).
