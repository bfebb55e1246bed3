:- encoding(utf8).
/*  Tests for 第二条【分工负责制】 (Article 2: division of responsibilities). */
:- use_module(library(plunit)).

:- begin_tests(article_2).

%   Art 2(1): "局长负责执行局全面工作。"
test("the director is responsible for the bureau's overall work") :-
    pyreason_kb:duty('局长', "执行局全面工作", c(2,1,null)).

%   Art 2(2): "副局长根据职责分工，协助局长负责案件管理、队伍建设等项工作。"
test("the deputy assists the director with case management and team building") :-
    once(pyreason_kb:duty('副局长', Duty, c(2,2,null))),
    forall(member(W, ["协助局长", "案件管理", "队伍建设"]),
           sub_string(Duty, _, _, _, W)).

%   Art 2(1)-(2): the overall work is the director's alone, not the deputy's.
test("the bureau's overall work is not given to the deputy", fail) :-
    pyreason_kb:duty('副局长', "执行局全面工作", _).

%   Art 2(2) (with 1(4), 8(2)): "协助局长" puts the deputy under the director.
test("the deputy's line to the director rests on Art 2(2)",
     true(S == '局长')) :-
    q_superior('副局长', F, T),
    S = F.superior,
    memberchk(step(reports_to, ['副局长', '局长'], Cs), T),
    memberchk(c(2,2,null), Cs).

%   Art 2: each of its two paragraphs assigns one post.
test("Article 2 assigns duties to exactly the director and the deputy",
     true(Roles == ['副局长', '局长'])) :-
    findall(R, pyreason_kb:duty(R, _, c(2,_,null)), Rs),
    msort(Rs, Roles).

:- end_tests(article_2).
