:- encoding(utf8).
/*  Tests for 第一条【领导负责制】 (Article 1: the leadership responsibility system).

    Run alone:  swipl -g run_tests -t halt kb/tests/art01.plt
    Run all:    swipl -q kb/tests/run.pl
*/
:- use_module(library(plunit)).

:- begin_tests(article_1).

superior(Role, Facts, F, T) :-
    with_scenario(Facts, q_superior(Role, F, T)).

%   Art 1(3): "局长负责落实分管副院长工作部署，对分管副院长负责。"
test("the director answers to the vice-president in charge",
     true(S == '分管副院长')) :-
    superior('局长', [], F, _),
    S = F.superior.

%   Art 1(3): the director's line is cited to 1(3) itself.
test("the director's reporting line is cited to Art 1(3)",
     true(Cs == [c(1,3,null)])) :-
    superior('局长', [], _, T),
    memberchk(step(reports_to, ['局长', '分管副院长'], Cs), T).

%   Art 1(5): "各执行团队的团队长……向局长负责"
test("a team leader answers to the director",
     true(S == '局长')) :-
    superior('团队长', [], F, _),
    S = F.superior.

%   Art 1(5) with 1(3): team leader -> director -> vice-president in charge.
test("the team leader's chain runs through the director to the vice-president in charge",
     true(Chain = ['团队长', '局长', '分管副院长' | _])) :-
    superior('团队长', [], F, _),
    Chain = F.chain.

%   Art 1(2): "执行局……并向院党组负责"
test("the enforcement bureau answers to the court party group",
     true(S == '院党组')) :-
    superior('执行局', [], F, T),
    S = F.superior,
    memberchk(step(reports_to, ['执行局', '院党组'], [c(1,2,null)]), T).

%   Art 1(2): "执行局在分管副院长领导和指挥下"
test("the bureau works under the lead and command of the vice-president in charge") :-
    pyreason_kb:leads_bureau('分管副院长', Cs),
    memberchk(c(1,2,null), Cs).

%   Art 1(4): "副局长负责协助局长开展各项工作" -- the deputy assists, and so
%   answers to, the director (the KB flags this reading as an interpretation).
test("the deputy, who assists the director, has the director as superior",
     true(S == '局长')) :-
    superior('副局长', [], F, T),
    S = F.superior,
    memberchk(step(reports_to, ['副局长', '局长'], Cs), T),
    memberchk(c(1,4,null), Cs),
    memberchk(interp(i_deputy_reports_to_director), T).

%   Art 1(6): "局长（副局长）、团队长要切实履行一岗双责的主体责任"
test("the dual responsibility falls on director, deputy and team leader",
     true(Roles == ['副局长', '团队长', '局长'])) :-
    findall(R, pyreason_kb:dual_responsibility(R, c(1,6,null)), Rs),
    msort(Rs, Roles).

%   Art 1(6): no other post is named for the dual responsibility.
test("the party branch secretary carries no dual responsibility under Art 1(6)", fail) :-
    pyreason_kb:dual_responsibility('党支部书记', _).

%   Art 1 names no superior for the party branch secretary: a gap, not a guess.
test("the regulation names no superior for the party branch secretary",
     true(S == null)) :-
    superior('党支部书记', [], F, T),
    S = F.superior,
    memberchk(gap(g_no_superior_named), T).

%   Art 1(5) with 8(5): the line stands while the director is away; his
%   authorised deputy acts for him.
test("while the director is away, his authorised deputy acts as the team leader's superior",
     true(S-A == '局长'-'副局长')) :-
    superior('团队长', [absent('局长'), authorized('局长', '副局长')], F, _),
    S = F.superior, A = F.acting_superior.

%   Art 1(5): without authorisation nobody acts for the absent director.
test("while the director is away unauthorised, no acting superior is named",
     true(A == null)) :-
    superior('团队长', [absent('局长')], F, _),
    A = F.acting_superior.

:- end_tests(article_1).
