:- encoding(utf8).
/*  第六条【局长岗位职责】  */

article(6, "局长岗位职责").
paragraph(6, 1, "局长主要负责以下工作：").
item(6, 1, 1, "研究制定全局工作规划和重大工作决策；").
item(6, 1, 2, "召集和主持局务会议和团队长联席会议；").
item(6, 1, 3, "管理全局办理的执行案件，审查批准执行案件重大事项，决定采取重大执行措施，组织、指挥、研究、协调、监督重大、疑难、复杂案件的执行；").
item(6, 1, 4, "执行局内设机构的工作分配、力量配置；").
item(6, 1, 5, "执行指挥中心实体化运行；").
item(6, 1, 6, "其他需要局长负责的工作。").

%   matter(Id, Name, Citation): the matters the director is responsible for.
%   6(2) (chairing the meetings) is encoded as meeting_chair/3 in art04.pl.
matter(work_plan, '全局工作规划和重大工作决策', c(6,1,1)).
matter(major_case_matters, '执行案件重大事项', c(6,1,3)).
matter(major_measures, '重大执行措施', c(6,1,3)).
matter(internal_allocation, '执行局内设机构的工作分配、力量配置', c(6,1,4)).
matter(command_center_operation, '执行指挥中心实体化运行', c(6,1,5)).
matter(other_director_work, '其他需要局长负责的工作', c(6,1,6)).

matter_action(work_plan, '全局工作规划').
matter_action(work_plan, '重大工作决策').
matter_action(major_case_matters, '审查批准执行案件重大事项').
matter_action(major_measures, '决定采取重大执行措施').
matter_action(major_measures, '采取重大执行措施').
%   "工作分配" and "力量配置" leave out "执行局内设机构的" (i_alias_internal_allocation).
matter_action(internal_allocation, '工作分配').
matter_action(internal_allocation, '力量配置').
matter_action(internal_allocation, '内设机构的工作分配').

%   requires_major(Matter, Citation): the item covers the matter only when it
%   is major (重大), so a scenario that says it is not (facts.major: false)
%   is outside the item (g_matter_not_major); one that does not say relies on
%   the matter being major (i_matter_taken_as_major).
requires_major(major_case_matters, c(6,1,3)).
requires_major(major_measures, c(6,1,3)).

%   decides(Matter, Role, How, Citation): who has the final word, and how.
decides(work_plan, '局长', '研究制定', c(6,1,1)).
decides(major_case_matters, '局长', '审查批准', c(6,1,3)).
decides(major_measures, '局长', '决定', c(6,1,3)).
decides(internal_allocation, '局长', '负责', c(6,1,4)).
decides(command_center_operation, '局长', '负责', c(6,1,5)).
decides(other_director_work, '局长', '负责', c(6,1,6)).
