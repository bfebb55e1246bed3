:- encoding(utf8).
/*  Tests for 第八条【报请批准】: a passed resolution on 五百万元以上 goes to
    the court leader in charge.
*/
:- begin_tests(article_8).

passing(Votes) :-
    Votes = [vote('局长', "赞成", null), vote('副局长', "赞成", null), vote('团队长', "赞成", null)].

resolution(Facts, Matter, F, T) :-
    passing(Votes),
    with_scenario([members(4) | Facts], q_meeting(Votes, Matter, F, T)).

test("6,000,000 yuan: the court leader approves", true(A == '分管院领导')) :-
    resolution([amount(6000000)], '执行案款的发放', F, T),
    get_dict(approval_by, F, A),
    memberchk(step(resolution_needs_approval, ['执行案款的发放', 6000000, '分管院领导'], [c(8,1,null)]), T).

test("exactly 5,000,000 yuan: the court leader approves (以上 includes it)", true(A == '分管院领导')) :-
    resolution([amount(5000000)], '执行案款的发放', F, T),
    get_dict(approval_by, F, A),
    memberchk(interp(i_boundary_convention), T).

test("4,999,999 yuan: no approval needed", true(A == null)) :-
    resolution([amount(4999999)], '执行案款的发放', F, _),
    get_dict(approval_by, F, A).

test("another matter: no approval needed", true(A == null)) :-
    resolution([amount(9000000)], '执行财产的拍卖、变卖', F, _),
    get_dict(approval_by, F, A).

test("a resolution that failed goes nowhere", true(A == null)) :-
    with_scenario([members(9), amount(9000000)],
                  q_meeting([vote('局长', "赞成", null), vote('副局长', "赞成", null),
                             vote('团队长', "赞成", null), vote('团队长', "反对", null),
                             vote('团队长', "反对", null)], '执行案款的发放', F, _)),
    get_dict(approval_by, F, A).

:- end_tests(article_8).
