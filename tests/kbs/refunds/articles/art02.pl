:- encoding(utf8).
/*  第二条【审批权限】  */

article(2, "审批权限").
paragraph(2, 1, "诉讼费用退费按下列权限审批：").
item(2, 1, 1, "退费金额不满一万元的，由立案庭庭长审批；").
item(2, 1, 2, "退费金额一万元以上的，由分管院领导审批。").

%   Rules encoding this article go here, each citing c(Article, Paragraph, Item).

%   2(1): who approves a refund depends on the amount: 不满一万元 / 一万元以上.
threshold(amount, 10000, '不满', c(2,1,1)).
threshold(amount, 10000, '以上', c(2,1,2)).

refund_approver(Amount, '立案庭庭长', c(2,1,1)) :- amount_meets(Amount, '不满', 10000).
refund_approver(Amount, '分管院领导', c(2,1,2)) :- amount_meets(Amount, '以上', 10000).
