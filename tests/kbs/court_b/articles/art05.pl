:- encoding(utf8).
/*  第五条【代行职权】  */

article(5, "代行职权").
paragraph(5, 1, "局长不在岗时，由常务副局长代行局长职权；常务副局长也不在岗时，由其他副局长按任职先后顺序代行局长职权。依照本款代行职权的，无需局长另行授权。").
paragraph(5, 2, "副局长、团队长不在岗时，其审批事项由其上一级审批。").

%!  acting_order(?Post, ?Order, ?Citation) is nondet.
%
%   Who acts for an absent Post, in order, without authorisation (5(1)).
%   "其他副局长" is the 副局长 post; which of several deputies acts (the
%   first appointed) is not a role (i_deputy_post_collective).
acting_order('局长', ['常务副局长', '副局长'], c(5,1,null)).

%!  acting_needs_authorisation(?Post, ?Needed, ?Citation) is nondet.
%
%   "依照本款代行职权的，无需局长另行授权" (5(1)); 5(2) passes the
%   approvals up by the rule itself.
acting_needs_authorisation('局长', false, c(5,1,null)).
acting_needs_authorisation('常务副局长', false, c(5,2,null)).
acting_needs_authorisation('副局长', false, c(5,2,null)).
acting_needs_authorisation('团队长', false, c(5,2,null)).

%!  absent_goes_up(?Post, ?Citation) is nondet.
%
%   The approvals of an absent Post go to its 上一级 (5(2)); 副局长
%   includes the 常务副局长 (2(2)).
absent_goes_up('副局长', c(5,2,null)).
absent_goes_up('常务副局长', c(5,2,null)).
absent_goes_up('团队长', c(5,2,null)).
