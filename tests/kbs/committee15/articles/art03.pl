:- encoding(utf8).
/*  第三条【召集和主持】  */

article(3, "召集和主持").
paragraph(3, 1, "执行事务委员会会议由主任委员召集和主持；主任委员不出席的，由副主任委员召集和主持。").
paragraph(3, 2, "执行事务委员会会议应有全体组成人员过半数出席方可召开。").

%!  chair_order(?Posts, ?Citation) is det.
%
%   "由主任委员召集和主持；主任委员不出席的，由副主任委员召集和主持"
%   (3(1)): who chairs, in turn.
chair_order(['主任委员', '副主任委员'], c(3,1,null)).

%!  quorum(+Present, +Members) is semidet.
%
%   "应有全体组成人员过半数出席方可召开" (3(2)): more than half of all
%   members; exactly half is not enough.
quorum(Present, Members) :-
    Present * 2 > Members.
