:- encoding(utf8).
/*  Tests for 第十条【团队长岗位职责】 (Article 10: the team leader's duties). */
:- use_module(library(plunit)).

:- begin_tests(article_10).

%   Art 10(1): "有权决定团队内的职责分工、任务分配"
test("the team leader decides the division of duties and tasks in the team",
     true(A == '团队长')) :-
    q_approver(team_tasks, F, T),
    A = F.approver,
    memberchk(step(decides, [_, '团队长', '决定'], [c(10,1,null)]), T).

%   Art 10(1): both "职责分工" and "任务分配" name that matter.
test("'职责分工' and '任务分配' both name the team-tasks matter",
     true(Ms == [team_tasks, team_tasks])) :-
    findall(M, ( member(S, ["职责分工", "任务分配"]),
                 pyreason_engine:resolve_name(pyreason_kb, matter, matter, S, M) ), Ms).

%   Art 10(1): "团队长在局长统一领导下"
test("the team leader works under the director",
     true(S == '局长')) :-
    q_superior('团队长', F, T),
    S = F.superior,
    memberchk(step(reports_to, ['团队长', '局长'], Cs), T),
    memberchk(c(10,1,null), Cs).

%   Art 10(2): "各团队成员在团队长的统一指挥下……对团队长负责。"
test("team members answer to the team leader",
     true(S == '团队长')) :-
    q_superior('团队成员', F, T),
    S = F.superior,
    memberchk(step(reports_to, ['团队成员', '团队长'], [c(10,2,null)]), T).

%   Art 10 names nobody to act for an absent team leader.
test("team leader away: nobody is named to assign the team's tasks (gap)",
     true(A == null)) :-
    with_scenario([absent('团队长')], q_approver(team_tasks, F, T)),
    A = F.approver,
    memberchk(gap(g_team_leader_absent), T).

%   Art 10(2) with 11(1): a member is under the team leader's command.
test("in a team, the team leader's command prevails over a member's",
     true(P-D == '团队长'-'团队长')) :-
    q_disagreement('团队成员', '团队长', team, F, _),
    P = F.prevails, D = F.decided_by.

:- end_tests(article_10).
