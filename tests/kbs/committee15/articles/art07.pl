:- encoding(utf8).
/*  第七条【施行】  */

article(7, "施行").
paragraph(7, 1, "本规则自2025年1月1日起施行。").

%!  in_force_from(?Date, ?Citation) is nondet.
in_force_from(date(2025, 1, 1), c(7,1,null)).

descriptive(in_force_from/2, "第七条的施行日期，没有问题类型询问。").
