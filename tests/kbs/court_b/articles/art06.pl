:- encoding(utf8).
/*  第六条【局务会议】  */

article(6, "局务会议").
paragraph(6, 1, "局务会议由局长、副局长和各团队长组成，由局长召集和主持；局长不在岗的，由依照本规则第五条第一款代行局长职权的人员召集和主持。").
paragraph(6, 2, "局务会议应有全体成员过半数出席方可召开。出席会议的成员应当逐一表明赞成、反对或者弃权的意见。").
paragraph(6, 3, "局务会议决议应当经全体成员过半数同意方可通过。赞成票与反对票票数相等时，主持人有决定票。").

cross_reference(c(6,1,null), [c(5,1,null)]).

%!  meeting_group(?Group, ?Posts, ?Citation) is nondet.
%
%   "局务会议由局长、副局长和各团队长组成" (6(1)): three groups of members,
%   each held by at least one person; 副局长 includes 常务副局长 (2(2)).
meeting_group('局长', ['局长'], c(6,1,null)).
meeting_group('副局长', ['常务副局长', '副局长'], c(6,1,null)).
meeting_group('团队长', ['团队长'], c(6,1,null)).

%!  meeting_member(?Role, ?Citation) is nondet.
%
%   The members of the 局务会议: the posts of its groups (6(1)).
meeting_member(Role, C) :-
    meeting_group(_, Posts, C),
    member(Role, Posts).

%!  meeting_chair(?Role, ?Citation) is nondet.
%
%   The 局长 chairs; absent, the one acting for him under 5(1) (6(1)).
meeting_chair('局长', c(6,1,null)).

%!  quorum(+Present, +Members) is semidet.
%
%   "应有全体成员过半数出席方可召开" (6(2)): more than half of all members.
quorum(Present, Members) :-
    Present * 2 > Members.

%!  majority_of_all(+For, +Members) is semidet.
%
%   "经全体成员过半数同意方可通过" (6(3)): more than half of ALL members,
%   not of those present.
majority_of_all(For, Members) :-
    For * 2 > Members.

%!  tie(+For, +Against) is semidet.
%
%   "赞成票与反对票票数相等" (6(3)), with at least one vote each way: when
%   everyone present abstains there is no division for a casting vote to
%   decide, and nobody has agreed (i_no_votes_no_tie).
tie(For, Against) :-
    For =:= Against,
    For > 0.
