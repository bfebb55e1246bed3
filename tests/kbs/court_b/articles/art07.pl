:- encoding(utf8).
/*  第七条【回避】  */

article(7, "回避").
paragraph(7, 1, "审批人与所审批的事项有利害关系，或者有其他可能影响公正审批的情形的，应当回避，由其上一级审批。").

%!  recusal_goes_up(?Citation) is nondet.
%
%   A recused approver's matter goes to his 上一级 (7(1), 2(3)).
recusal_goes_up(c(7,1,null)).
