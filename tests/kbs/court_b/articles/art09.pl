:- encoding(utf8).
/*  第九条【同级岗位替补】  */

article(9, "同级岗位替补").
paragraph(9, 1, "同级岗位之间因工作需要可以相互替补。替补须经局长批准，替补期限不超过三十日。").
paragraph(9, 2, "上级岗位与下级岗位之间不得相互替补。上级岗位人员不在岗的，依照本规则第五条的规定办理。").

cross_reference(c(9,2,null), [c(5,null,null)]).

%!  substitution_approver(?Role, ?Citation) is nondet.
%
%   "替补须经局长批准" (9(1)).
substitution_approver('局长', c(9,1,null)).

%!  substitution_limit(?Limit, ?Citation) is nondet.
%
%   "替补期限不超过三十日" (9(1)): at most 30 days, the 30th included.
substitution_limit(duration(30, day), c(9,1,null)).

%!  substitution_relation(+RankSub, +RankFor, -Relation, -Citation) is det.
%
%   same: 同级, allowed (9(1)); higher (the substitute's post is above) or
%   lower: 上下级, not allowed (9(2)).
substitution_relation(R, R, same, c(9,1,null)) :- !.
substitution_relation(RS, RF, higher, c(9,2,null)) :- RS < RF, !.
substitution_relation(_, _, lower, c(9,2,null)).
