:- encoding(utf8).
/*  第五条【报请决定】  */

article(5, "报请决定").
paragraph(5, 1, "执行事务委员会通过的决议，主任委员表决时持反对意见的，可以报请分管院领导决定。").

%!  referral(?Post, ?Class, ?To, ?Citation) is nondet.
%
%   "通过的决议，主任委员表决时持反对意见的，可以报请分管院领导决定"
%   (5(1)): a passed resolution the 主任委员 voted against may go to the
%   分管院领导.  An abstention is no 反对意见.
referral('主任委员', against, '分管院领导', c(5,1,null)).
