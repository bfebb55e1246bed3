:- encoding(utf8).
/*  第十一条【解释】  */

article(11, "解释").
paragraph(11, 1, "本规则由本院执行局负责解释。").

%!  interpreted_by(?Organ, ?Citation) is nondet.
interpreted_by('执行局', c(11,1,null)).

descriptive(interpreted_by/2, "第十一条的解释机关，没有问题类型询问。").
