:- encoding(utf8).
/*  Tests for 第九条【副局长协助管理工作】 (Article 9: what the deputy approves). */
:- use_module(library(plunit)).

:- begin_tests(article_9).

approver(M, Facts, F, T) :-
    with_scenario(Facts, q_approver(M, F, T)).

%   Art 9 item 1: "本规定第七条第一、第二、第三、第五项的过程审批"
test("the deputy's process approval covers Art 7 items 1, 2, 3 and 5",
     true(Items == [1,2,3,5])) :-
    findall(I, ( pyreason_kb:process_approver(M, '副局长', c(9,1,1)),
                 pyreason_kb:matter(M, _, c(7,1,I)) ), Is0),
    msort(Is0, Items).

%   Art 9 item 1 leaves out Art 7 item 4.
test("Art 7 item 4 (police deployment) has no process approval", fail) :-
    pyreason_kb:process_approver(force_deployment, _, _).

%   Art 9 item 1 applied: the enforcement plan of a major case.
test("the plan for a major case gets the deputy's process approval",
     true(P == '副局长')) :-
    approver(enforcement_plan, [], F, T),
    P = F.process_approver,
    memberchk(step(process_approval, ['副局长'], [c(9,1,1)]), T).

%   Art 9 item 2: "分管部门、团队的执行案件的法律文书"
test("the deputy approves legal documents of his departments and teams",
     true(A == '副局长')) :-
    pyreason_engine:resolve_name(pyreason_kb, matter, matter, "法律文书", M),
    approver(M, [], F, T),
    A = F.approver,
    memberchk(step(decides, [_, '副局长', '审批'], [c(9,1,2)]), T).

%   Art 9 item 3: "管理执行指挥中心的日常事务"
test("the deputy manages the command centre's daily affairs",
     true(A == '副局长')) :-
    approver(command_center_daily, [], F, T),
    A = F.approver,
    memberchk(step(decides, _, [c(9,1,3)]), T).

%   Art 9 item 4: "局长不在岗时，根据授权审批执行司法警力的集中使用和各执行组之间的警力调配"
test("director away, deputy authorised: the deputy approves police deployment under 9(4)",
     true(A-AF == '副局长'-'局长')) :-
    approver(force_deployment, [absent('局长'), authorized('局长', '副局长')], F, T),
    A = F.approver, AF = F.acting_for,
    memberchk(step(acting, ['局长', '局长', '副局长'], Cs), T),
    memberchk(c(9,1,4), Cs).

%   Art 9 item 4 requires "根据授权".
test("director away without authorisation: nobody approves police deployment",
     true(A == null)) :-
    approver(force_deployment, [absent('局长')], F, T),
    A = F.approver,
    memberchk(gap(g_director_absent_unauthorised), T).

%   Art 9 item 4 words the Art 7(4) matter differently; it is the same matter.
test("the wording of 9(4) names the Art 7(4) matter",
     true(M == force_deployment)) :-
    pyreason_engine:resolve_name(pyreason_kb, matter, matter, "执行司法警力的集中使用和各执行组之间的警力调配", M).

%   Art 9 names nobody to act for an absent deputy.
test("deputy away: nobody named to approve legal documents (gap)",
     true(A == null)) :-
    approver(legal_documents, [absent('副局长')], F, T),
    A = F.approver,
    memberchk(gap(g_deputy_absent), T).

%   Art 7(3) with 9(1): the deputy's absence leaves the director's final
%   approval standing; only the process approval lacks a holder.
test("deputy away: the director still approves funds, the process step has no holder",
     true(A-P == '局长'-null)) :-
    approver(release_funds, [absent('副局长')], F, T),
    A = F.approver, P = F.process_approver,
    memberchk(gap(g_deputy_absent), T).

:- end_tests(article_9).
