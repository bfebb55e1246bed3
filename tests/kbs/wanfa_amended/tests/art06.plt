:- encoding(utf8).
/*  Tests for 第六条【局长岗位职责】 (Article 6: the director's duties). */
:- use_module(library(plunit)).

:- begin_tests(article_6).

%   approver(+Matter, -Approver, -Trace): who decides Matter, nobody absent.
approver(M, A, T) :-
    q_approver(M, F, T),
    A = F.approver.

%   Art 6(1): "局长主要负责以下工作：" followed by six items.
test("Article 6 lists six duties of the director",
     true(Is == [1,2,3,4,5,6])) :-
    findall(I, pyreason_kb:item(6, 1, I, _), Is).

%   Art 6 item 1: "研究制定全局工作规划和重大工作决策"
test("the director formulates the bureau's work plan and major decisions",
     true(A == '局长')) :-
    approver(work_plan, A, T),
    memberchk(step(decides, _, [c(6,1,1)]), T).

%   Art 6 item 2: "召集和主持局务会议和团队长联席会议" -- also the joint meeting,
%   for which Art 4(2) names no chair.
test("the director chairs the team leaders' joint meeting",
     true(C == '局长')) :-
    q_meeting('团队长联席会议', [vote('团队长', "甲", null)], F, T),
    C = F.chair,
    memberchk(step(chair, ['团队长联席会议', '局长'], [c(6,1,2)]), T).

%   Art 6 item 3: "审查批准执行案件重大事项"
test("the director reviews and approves major matters of enforcement cases",
     true(A == '局长')) :-
    approver(major_case_matters, A, T),
    memberchk(step(decides, [_, '局长', '审查批准'], [c(6,1,3)]), T).

%   Art 6 item 3: "决定采取重大执行措施"
test("the director decides on major enforcement measures",
     true(M-A == major_measures-'局长')) :-
    pyreason_engine:resolve_name(pyreason_kb, matter, matter, "重大执行措施", M),
    approver(M, A, _).

%   Art 6 item 4: "执行局内设机构的工作分配、力量配置"
test("the director allocates work and forces among the bureau's units",
     true(A == '局长')) :-
    pyreason_engine:resolve_name(pyreason_kb, matter, matter, "力量配置", M),
    approver(M, A, T),
    memberchk(step(decides, _, [c(6,1,4)]), T).

%   Art 6 item 5: "执行指挥中心实体化运行"
test("the director is responsible for running the command centre",
     true(A == '局长')) :-
    approver(command_center_operation, A, T),
    memberchk(step(decides, _, [c(6,1,5)]), T).

%   Art 6 item 6: "其他需要局长负责的工作"
test("other work needing the director is the director's",
     true(A == '局长')) :-
    approver(other_director_work, A, _).

%   Art 6 items 1-6: every matter Art 6 lists is decided by the director.
test("every Article 6 matter is decided by the director") :-
    forall(pyreason_kb:matter(M, _, c(6,1,_)),
           approver(M, '局长', _)).

:- end_tests(article_6).
