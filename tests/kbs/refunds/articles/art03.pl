:- encoding(utf8).
/*  第三条【施行】  */

article(3, "施行").
paragraph(3, 1, "本办法自下发之日起施行。").

%   Rules encoding this article go here, each citing c(Article, Paragraph, Item).
