:- encoding(utf8).
/*  第四条【表决】  */

article(4, "表决").
paragraph(4, 1, "出席会议的组成人员应当逐一表明赞成、反对或者弃权的意见。").
paragraph(4, 2, "决议经出席会议的组成人员过半数赞成方可通过。赞成票与反对票票数相等的，按照会议主持人的表决意见决定决议是否通过。").

%!  majority_for(+For, +Present) is semidet.
%
%   "经出席会议的组成人员过半数赞成方可通过" (4(2)): more than half of those
%   present, not of all members; abstentions count among those present.
majority_for(For, Present) :-
    For * 2 > Present.

%!  tie(+For, +Against) is semidet.
%
%   "赞成票与反对票票数相等" (4(2)), with at least one vote each way: when
%   everyone present abstains there is nothing for the chair to decide
%   between (i_no_votes_no_tie).
tie(For, Against) :-
    For =:= Against,
    For > 0.

%!  tie_decision(?Class, ?Passed, ?Citation) is nondet.
%
%   "按照会议主持人的表决意见决定决议是否通过" (4(2)): the chair voting for,
%   the resolution passes; against, it fails.  A chair who abstained gives
%   no direction (g_chair_abstained_on_tie).
tie_decision(for, true, c(4,2,null)).
tie_decision(against, false, c(4,2,null)).
