:- encoding(utf8).
/*  Tests for 第三条【召集和主持】: who chairs, and 全体组成人员过半数出席.
    Votes are vote(Post, Opinion, Name) as the engine hands them over.
*/
:- begin_tests(article_3).

votes(Groups, Votes) :-
    findall(vote(P, O, null), ( member(P-O-N, Groups), between(1, N, _) ), Votes).

meeting(Groups, F, T) :-
    votes(Groups, Votes),
    q_meeting(Votes, F, T).

%   3(2) "应有全体组成人员过半数出席方可召开": 8 of 15, not 7.
test("7 of 15 present: no quorum, nothing passes", true(Q-P == false-false)) :-
    meeting(['主任委员'-"赞成"-1, '委员'-"赞成"-6], F, T),
    get_dict(quorum_met, F, Q), get_dict(passed, F, P),
    memberchk(step(quorum_not_met, [7, 15], [c(3,2,null)]), T).

test("8 of 15 present: quorum", true(Q == true)) :-
    meeting(['主任委员'-"赞成"-1, '委员'-"赞成"-7], F, T),
    get_dict(quorum_met, F, Q),
    memberchk(step(quorum_met, [8, 15], [c(3,2,null)]), T).

%   3(1) "由主任委员召集和主持；主任委员不出席的，由副主任委员召集和主持"
test("the 主任委员 chairs when present", true(C == '主任委员')) :-
    meeting(['主任委员'-"赞成"-1, '副主任委员'-"赞成"-1, '委员'-"赞成"-6], F, _),
    get_dict(chair, F, C).

test("the 主任委员 absent: the 副主任委员 chairs", true(C == '副主任委员')) :-
    meeting(['副主任委员'-"赞成"-1, '委员'-"赞成"-7], F, T),
    get_dict(chair, F, C),
    memberchk(step(chair_in_turn, ['主任委员', '副主任委员'], [c(3,1,null)]), T).

test("neither present, quorum met: a gap", true(C-P == null-null)) :-
    meeting(['委员'-"赞成"-8], F, T),
    get_dict(chair, F, C), get_dict(passed, F, P),
    memberchk(gap(g_no_chair), T).

test("neither present, no quorum: nothing to resolve, no gap", true(P == false)) :-
    meeting(['委员'-"赞成"-7], F, T),
    get_dict(passed, F, P),
    \+ memberchk(gap(_), T).

%   2(1): only the committee's posts vote.
test("the 分管院领导 does not vote", throws(input_error(not_a_member, votes, '分管院领导'))) :-
    meeting(['分管院领导'-"赞成"-1, '委员'-"赞成"-8], _, _).

:- end_tests(article_3).
