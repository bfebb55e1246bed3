:- encoding(utf8).
/*  第四条【其他执行事项的审批权限】  */

article(4, "其他执行事项的审批权限").
paragraph(4, 1, "下列执行事项由局长审批：").
item(4, 1, 1, "执行财产的拍卖、变卖；").
item(4, 1, 2, "对被执行人采取罚款、拘留措施；").
item(4, 1, 3, "执行案件的中止、终结。").
paragraph(4, 2, "下列执行事项由团队长审批：").
item(4, 2, 1, "财产调查措施的采取；").
item(4, 2, 2, "执行通知书、报告财产令的发出。").

%!  matter_approver(?Matter, ?Role, ?Citation) is nondet.
matter_approver('执行财产的拍卖、变卖', '局长', c(4,1,1)).
matter_approver('对被执行人采取罚款、拘留措施', '局长', c(4,1,2)).
matter_approver('执行案件的中止、终结', '局长', c(4,1,3)).
matter_approver('财产调查措施的采取', '团队长', c(4,2,1)).
matter_approver('执行通知书、报告财产令的发出', '团队长', c(4,2,2)).
