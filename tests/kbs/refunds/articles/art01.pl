:- encoding(utf8).
/*  第一条【目的】  */

article(1, "目的").
paragraph(1, 1, "为规范诉讼费用退费工作，制定本办法。").

%   Rules encoding this article go here, each citing c(Article, Paragraph, Item).
