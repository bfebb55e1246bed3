:- encoding(utf8).
/*  第二条【分工负责制】  */

article(2, "分工负责制").
paragraph(2, 1, "局长负责执行局全面工作。").
paragraph(2, 2, "副局长根据职责分工，协助局长负责案件管理、队伍建设等项工作。").

%   duty(Role, Duty, Citation): what a post is generally responsible for.
duty('局长', "执行局全面工作", c(2,1,null)).
duty('副局长', "协助局长负责案件管理、队伍建设等项工作", c(2,2,null)).
