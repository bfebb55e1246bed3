:- encoding(utf8).
/*  第九条【副局长协助管理工作】  */

article(9, "副局长协助管理工作").
paragraph(9, 1, "副局长审批下列执行事项：").
item(9, 1, 1, "本规定第七条第一、第二、第三、第五项的过程审批；").
item(9, 1, 2, "分管部门、团队的执行案件的法律文书；").
item(9, 1, 3, "管理执行指挥中心的日常事务；").
item(9, 1, 4, "局长不在岗时，根据授权审批执行司法警力的集中使用和各执行组之间的警力调配。").

%   9(1) refers to Art. 7 items 1, 2, 3 and 5 -- not item 4.
cross_reference(c(9,1,1), [c(7,1,1), c(7,1,2), c(7,1,3), c(7,1,5)]).

%   process_approver(Matter, Role, Citation): 过程审批 before the final approval.
process_approver(M, '副局长', c(9,1,1)) :-
    cross_reference(c(9,1,1), Items),
    matter(M, _, C),
    memberchk(C, Items).

matter(legal_documents, '分管部门、团队的执行案件的法律文书', c(9,1,2)).
matter(command_center_daily, '执行指挥中心的日常事务', c(9,1,3)).
%   These leave out "分管部门、团队的" (i_alias_legal_documents).
matter_action(legal_documents, '法律文书').
matter_action(legal_documents, '执行案件的法律文书').
matter_action(command_center_daily, '指挥中心日常事务').

decides(legal_documents, '副局长', '审批', c(9,1,2)).
decides(command_center_daily, '副局长', '管理', c(9,1,3)).

%   9(4) repeats 8(5) for police deployment (Art. 7 item 4).
acting_power_for_matter(force_deployment, '局长', '副局长', c(9,1,4)).
duty('副局长', "局长不在岗时，根据授权审批执行司法警力的集中使用和各执行组之间的警力调配", c(9,1,4)).
