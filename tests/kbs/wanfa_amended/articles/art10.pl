:- encoding(utf8).
/*  第十条【团队长岗位职责】  */

article(10, "团队长岗位职责").
paragraph(10, 1, "团队长在局长统一领导下，负责执行团队内的案件及事务办理，有权决定团队内的职责分工、任务分配。").
paragraph(10, 2, "各团队成员在团队长的统一指挥下，开展具体案件的执行工作，对团队长负责。").

duty('团队长', "负责执行团队内的案件及事务办理", c(10,1,null)).

matter(team_tasks, '团队内的职责分工、任务分配', c(10,1,null)).
%   "职责分工" and "任务分配" leave out "团队内的" (i_alias_team_tasks).
matter_action(team_tasks, '职责分工').
matter_action(team_tasks, '任务分配').
matter_action(team_tasks, '团队内的职责分工').
matter_action(team_tasks, '团队内的任务分配').
decides(team_tasks, '团队长', '决定', c(10,1,null)).

reports_to('团队成员', '团队长', [c(10,2,null)], []).
