:- encoding(utf8).
/*  第三条【施行】  */

article(3, "施行").
paragraph(3, 1, "本规定自2019年7月1日起施行。").

%   document.pl declares the same date as in_force/2.
in_force_from(date(2019, 7, 1), c(3,1,null)).
descriptive(in_force_from/2, "第三条的施行日期，没有问题类型询问。").
