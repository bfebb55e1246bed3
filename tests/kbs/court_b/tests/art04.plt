:- encoding(utf8).
/*  Tests for 第四条【其他执行事项的审批权限】. */
:- begin_tests(article_4).

approver(Matter, Approver, Trace) :-
    with_scenario([], q_approver(Matter, F, Trace)),
    get_dict(approver, F, Approver).

%   4(1) "下列执行事项由局长审批" items 1-3.
test("each 4(1) matter is approved by the director") :-
    forall(between(1, 3, I),
           ( matter_approver(M, '局长', c(4,1,I)),
             approver(M, '局长', T),
             memberchk(step(decides, [M, '局长'], [c(4,1,I)]), T) )).

%   4(2) "下列执行事项由团队长审批" items 1-2.
test("each 4(2) matter is approved by the team leader") :-
    forall(between(1, 2, I),
           ( matter_approver(M, '团队长', c(4,2,I)),
             approver(M, '团队长', T),
             memberchk(step(decides, [M, '团队长'], [c(4,2,I)]), T) )).

%   An amount changes nothing outside Art 3.
test("an amount does not matter for an auction", true(A == '局长')) :-
    with_scenario([amount(100)], q_approver('执行财产的拍卖、变卖', F, _)),
    get_dict(approver, F, A).

:- end_tests(article_4).
