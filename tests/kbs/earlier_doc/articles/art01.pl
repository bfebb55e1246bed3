:- encoding(utf8).
/*  第一条【发放审批】  */

article(1, "发放审批").
paragraph(1, 1, "执行案款的发放，由执行局副局长审批。").

matter(release_funds, '执行案款的发放', c(1,1,null)).
decides(release_funds, '副局长', c(1,1,null)).
