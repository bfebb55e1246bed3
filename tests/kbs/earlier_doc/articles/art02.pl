:- encoding(utf8).
/*  第二条【不在岗】  */

article(2, "不在岗").
paragraph(2, 1, "副局长不在岗的，由局长审批。").

%   Who approves for an absent approver.
stands_in('副局长', '局长', c(2,1,null)).
