:- encoding(utf8).
/*  Tests for 第三条【权限层级制】 (Article 3: the levels of command authority). */
:- use_module(library(plunit)).

:- begin_tests(article_3).

%   Art 3(1): "执行局建立局、团队二级指挥管理权层级。"
test("there are exactly two command levels: bureau, then team",
     true(Levels == [1-"局", 2-"团队"])) :-
    findall(L-N, pyreason_kb:command_level(L, N, c(3,1,null)), Levels).

%   Art 3(2): "局长独立行使第一级（局）指挥管理权限"
test("the director exercises level-one authority alone") :-
    pyreason_kb:command_authority('局长', 1, '独立行使', c(3,2,null)).

%   Art 3(2): "副局长（处长）协助局长行使第一级（局）指挥管理权限"
test("the deputy assists in exercising level-one authority") :-
    pyreason_kb:command_authority('副局长', 1, '协助行使', c(3,2,null)).

%   Art 3(2): "团队长行使第二级（团队）指挥管理权限"
test("the team leader exercises level-two authority") :-
    pyreason_kb:command_authority('团队长', 2, _, c(3,2,null)).

%   Art 3(2): the team leader is given level two only.
test("the team leader holds no level-one authority", fail) :-
    pyreason_kb:command_authority('团队长', 1, _, _).

%   Art 3(2): "副局长（处长）" -- 处长 names the deputy.
test("处长 is read as the deputy director",
     true(R == '副局长')) :-
    pyreason_engine:resolve_person(pyreason_kb, role, role, "处长", R).

%   Art 3(2) with 11(1): the director, alone at level one, outranks the
%   deputy who assists him.
test("in a disagreement the director's authority outranks the deputy's",
     true(P == '局长')) :-
    q_disagreement('副局长', '局长', bureau, F, _),
    P = F.prevails.

%   Art 3(2) with 11(1): level one (deputy) over level two (team leader);
%   within the bureau the director's view still decides (11(1)).
test("the deputy's level-one view ranks above a team leader's, the director decides in the bureau",
     true(P-D == '副局长'-'局长')) :-
    q_disagreement('团队长', '副局长', bureau, F, _),
    P = F.prevails, D = F.decided_by.

:- end_tests(article_3).
