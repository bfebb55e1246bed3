:- encoding(utf8).
/*  Tests for 第四条【表决】: 出席人员过半数赞成, and the chair's vote on a tie. */
:- begin_tests(article_4).

votes(Groups, Votes) :-
    findall(vote(P, O, null), ( member(P-O-N, Groups), between(1, N, _) ), Votes).

meeting(Groups, F, T) :-
    votes(Groups, Votes),
    q_meeting(Votes, F, T).

%   4(2) "经出席会议的组成人员过半数赞成方可通过": of those present.
test("5 for of 9 present passes, though not half of all 15", true(P == true)) :-
    meeting(['主任委员'-"赞成"-1, '副主任委员'-"赞成"-1, '委员'-"赞成"-3, '委员'-"反对"-4], F, T),
    get_dict(passed, F, P),
    memberchk(step(majority_for, [5, 9], [c(4,2,null)]), T).

test("4 for, 3 against, 3 abstaining of 10: abstentions count, it fails", true(P-C == false-false)) :-
    meeting(['主任委员'-"赞成"-1, '委员'-"赞成"-3, '委员'-"反对"-3, '委员'-"弃权"-3], F, T),
    get_dict(passed, F, P), get_dict(casting_vote, F, C),
    memberchk(step(not_majority_for, [4, 10], [c(4,2,null)]), T).

test("8 to 7 of all 15 passes", true(P == true)) :-
    meeting(['主任委员'-"赞成"-1, '副主任委员'-"反对"-1, '委员'-"赞成"-7, '委员'-"反对"-6], F, _),
    get_dict(passed, F, P).

%   4(2) "赞成票与反对票票数相等的，按照会议主持人的表决意见决定决议是否通过"
test("4 to 4, the chair for: passes by his vote", true(P-C == true-true)) :-
    meeting(['主任委员'-"赞成"-1, '委员'-"赞成"-3, '委员'-"反对"-4, '委员'-"弃权"-1], F, T),
    get_dict(passed, F, P), get_dict(casting_vote, F, C),
    memberchk(interp(i_tie_rule_prevails), T).

test("4 to 4, the chair against: fails", true(P-C == false-true)) :-
    meeting(['主任委员'-"反对"-1, '副主任委员'-"赞成"-1, '委员'-"赞成"-3, '委员'-"反对"-3], F, _),
    get_dict(passed, F, P), get_dict(casting_vote, F, C).

test("4 to 4, the chair abstains: a gap", true(P == null)) :-
    meeting(['主任委员'-"弃权"-1, '委员'-"赞成"-4, '委员'-"反对"-4], F, T),
    get_dict(passed, F, P),
    memberchk(gap(g_chair_abstained_on_tie), T).

test("the vice-chair chairing decides the tie", true(C-P == '副主任委员'-true)) :-
    meeting(['副主任委员'-"赞成"-1, '委员'-"赞成"-3, '委员'-"反对"-4], F, _),
    get_dict(chair, F, C), get_dict(passed, F, P).

test("everyone abstains: no tie, it fails", true(P-C == false-false)) :-
    meeting(['主任委员'-"弃权"-1, '委员'-"弃权"-7], F, T),
    get_dict(passed, F, P), get_dict(casting_vote, F, C),
    memberchk(interp(i_no_votes_no_tie), T).

%   4(1) "赞成、反对或者弃权"
test("an opinion 4(1) does not know", throws(input_error(unknown_opinion, votes, "保留意见"))) :-
    meeting(['主任委员'-"保留意见"-1, '委员'-"赞成"-8], _, _).

test("the tally of 4(1)", true([Fo, Ag, Ab] == [6, 5, 4])) :-
    meeting(['主任委员'-"赞成"-1, '副主任委员'-"弃权"-1, '委员'-"赞成"-5, '委员'-"反对"-5, '委员'-"弃权"-3], F, _),
    get_dict(votes_for, F, Fo), get_dict(votes_against, F, Ag), get_dict(votes_abstain, F, Ab).

:- end_tests(article_4).
