:- encoding(utf8).
/*  Tests for 第十五条【解释】 (Article 15: interpretation). */
:- use_module(library(plunit)).

:- begin_tests(article_15).

%   Art 15: "本规定由执行局局务会负责解释。"
test("the bureau meeting interprets the regulation",
     true(A == '局务会议')) :-
    q_approver(interpretation, F, T),
    A = F.approver,
    memberchk(step(decides, [_, '局务会议', '负责解释'], [c(15,1,null)]), T).

%   Art 15 (and Art 5) say "局务会": the 局务会议 of Art 4.
test("'局务会' is the bureau meeting",
     true(M == '局务会议')) :-
    pyreason_engine:resolve_name(pyreason_kb, meeting, meeting, "局务会", M).

%   Art 15 end to end: asking who interprets the regulation.
test("asked end to end, the interpreter is the bureau meeting",
     true(S-A == answered-'局务会议')) :-
    pyreason_engine:kb_ask(pyreason_kb, _{question: "approver", matter: "解释"}, zh, Answer),
    S = Answer.status, A = Answer.answer.approver.

:- end_tests(article_15).
