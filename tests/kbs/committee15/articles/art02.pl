:- encoding(utf8).
/*  第二条【组成】  */

article(2, "组成").
paragraph(2, 1, "执行事务委员会由主任委员一人、副主任委员一人和委员十三人组成，共十五人。").

%!  seat(?Post, ?Count, ?Citation) is nondet.
%
%   "由主任委员一人、副主任委员一人和委员十三人组成" (2(1)): each post of the
%   committee and how many hold it.  The thirteen 委员 are one post: the
%   rules of Arts 3 to 5 name the 主任委员 and the 副主任委员, never one 委员
%   apart from another.
seat('主任委员', 1, c(2,1,null)).
seat('副主任委员', 1, c(2,1,null)).
seat('委员', 13, c(2,1,null)).

%!  composition(-Total, -Citation) is det.
%
%   "共十五人" (2(1)): all members of the committee.
composition(15, c(2,1,null)).
