:- encoding(utf8).
/*  Tests for 第二条【适用范围和岗位层级】: the ranks of 2(2) and the 上一级 of 2(3),
    seen through the questions that use them.  Run in the KB's module.
*/
:- begin_tests(article_2).

%   2(2) "执行局岗位由高到低依次为：局长，副局长，团队长，执行法官，法官助理，书记员"
test("the six posts rank from the director down, one level each") :-
    findall(P, ( member(R, [1, 2, 3, 4, 5, 6]), post_rank(P, R, c(2,2,null)),
                 P \== '常务副局长' ), Ps),
    Ps == ['局长', '副局长', '团队长', '执行法官', '法官助理', '书记员'].

%   2(2) "本规则所称副局长，包括常务副局长": the same level, so they may cover
%   each other (Art 9).
test("the executive deputy is at the deputy's level", true(A == true)) :-
    with_scenario([approved_by_director],
                  q_substitution('常务副局长', '副局长', F, T)),
    get_dict(allowed, F, A),
    memberchk(step(same_level, ['常务副局长', '副局长'], [c(9,1,null), c(2,2,null)]), T).

%   2(3) "团队长的上一级为分管该团队的副局长，副局长的上一级为局长"
test("a recused team leader's matter goes to the deputy, a recused deputy's to the director",
     true(As == ['副局长', '局长'])) :-
    findall(A, ( member(Rs, [[recused('团队长')], [recused('团队长'), recused('副局长')]]),
                 with_scenario([amount(100000) | Rs], q_approver('执行案款的发放', F, _)),
                 get_dict(approver, F, A) ), As).

%   2(3): the levels end with the director.
test("the director has no next level up") :-
    \+ next_level('局长', _, _).

%   2(1): the rules are the bureau's; the court leader in charge has no rank.
test("the court leader in charge is outside the bureau: a gap", true(A == null)) :-
    with_scenario([], q_acting('分管院领导', F, T)),
    get_dict(acting, F, A),
    memberchk(gap(g_outside_bureau), T).

:- end_tests(article_2).
