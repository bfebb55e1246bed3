:- encoding(utf8).
/*  Tests for 第七条【回避】: "应当回避，由其上一级审批". */
:- begin_tests(article_7).

approve(Facts, Matter, F, T) :-
    with_scenario(Facts, q_approver(Matter, F, T)).

test("a recused deputy: the director approves", true(A == '局长')) :-
    approve([amount(1000000), recused('副局长')], '执行案款的发放', F, T),
    get_dict(approver, F, A),
    memberchk(step(recused_up, ['副局长', '局长'], [c(7,1,null), c(2,3,null)]), T).

test("a recused director: nobody above him in the bureau, a gap", true(A == null)) :-
    approve([recused('局长')], '执行财产的拍卖、变卖', F, T),
    get_dict(approver, F, A),
    memberchk(gap(g_director_recused), T).

test("the director away and the executive deputy recused: the other deputy acts",
     true(A == '副局长')) :-
    approve([absent('局长'), recused('常务副局长')], '执行财产的拍卖、变卖', F, T),
    get_dict(approver, F, A),
    memberchk(interp(i_recused_acting_skipped), T).

test("a recusal of someone who does not approve changes nothing", true(A == '团队长')) :-
    approve([amount(1000), recused('局长')], '执行案款的发放', F, _),
    get_dict(approver, F, A).

:- end_tests(article_7).
