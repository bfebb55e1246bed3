:- encoding(utf8).
/*  第二条【适用范围和岗位层级】  */

article(2, "适用范围和岗位层级").
paragraph(2, 1, "本规则适用于本院执行局执行事项的审批、代行、回避和岗位替补。").
paragraph(2, 2, "执行局岗位由高到低依次为：局长，副局长，团队长，执行法官，法官助理，书记员。本规则所称副局长，包括常务副局长。").
paragraph(2, 3, "本规则所称上一级，团队长的上一级为分管该团队的副局长，副局长的上一级为局长。").

%!  post_rank(?Post, ?Rank, ?Citation) is nondet.
%
%   The posts of the bureau, highest first (2(2)); a smaller Rank is a
%   higher post, equal Ranks are 同级.  "本规则所称副局长，包括常务副局长":
%   the 常务副局长 is at the 副局长's level.  A role without a rank (the
%   分管院领导, the organs) is outside the bureau (2(1)).
post_rank('局长', 1, c(2,2,null)).
post_rank('常务副局长', 2, c(2,2,null)).
post_rank('副局长', 2, c(2,2,null)).
post_rank('团队长', 3, c(2,2,null)).
post_rank('执行法官', 4, c(2,2,null)).
post_rank('法官助理', 5, c(2,2,null)).
post_rank('书记员', 6, c(2,2,null)).

%!  next_level(?Post, ?Up, ?Citation) is nondet.
%
%   "上一级" as 2(3) defines it; the 局长 has none.
next_level('团队长', '副局长', c(2,3,null)).
next_level('副局长', '局长', c(2,3,null)).
next_level('常务副局长', '局长', c(2,3,null)).   % 副局长 includes 常务副局长 (2(2))
