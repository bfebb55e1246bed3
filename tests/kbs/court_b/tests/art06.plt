:- encoding(utf8).
/*  Tests for 第六条【局务会议】: quorum and majority of ALL members, the chair
    and his casting vote.  Votes are vote(Role, Opinion, Name) as the engine
    hands them over.
*/
:- begin_tests(article_6).

v(R, O, vote(R, O, null)).
votes(Pairs, Votes) :- findall(V, ( member(R-O, Pairs), v(R, O, V) ), Votes).

meeting(Pairs, Facts, F, T) :-
    votes(Pairs, Votes),
    with_scenario(Facts, q_meeting(Votes, null, F, T)).

%   6(2) "应有全体成员过半数出席方可召开": exactly half is not enough.
test("4 of 8 present: no quorum", true(Q-P == false-false)) :-
    meeting(['局长'-"赞成", '副局长'-"赞成", '团队长'-"赞成", '团队长'-"赞成"], [members(8)], F, T),
    get_dict(quorum_met, F, Q), get_dict(passed, F, P),
    memberchk(step(quorum_not_met, [4, 8], [c(6,2,null)]), T).

test("5 of 9 present: quorum", true(Q == true)) :-
    meeting(['局长'-"赞成", '副局长'-"赞成", '团队长'-"赞成", '团队长'-"赞成", '团队长'-"赞成"],
            [members(9)], F, _),
    get_dict(quorum_met, F, Q).

%   6(3) "经全体成员过半数同意方可通过": of all members, not of those present.
test("4 for of 9 members fails though 4 of 6 present agree", true(P == false)) :-
    meeting(['局长'-"赞成", '常务副局长'-"赞成", '团队长'-"赞成", '团队长'-"赞成",
             '团队长'-"反对", '团队长'-"弃权"], [members(9)], F, T),
    get_dict(passed, F, P),
    memberchk(step(majority_of_present_only, [4, 1, 9], [c(6,3,null)]), T).

test("5 for of 9 members passes", true(P == true)) :-
    meeting(['局长'-"赞成", '常务副局长'-"赞成", '团队长'-"赞成", '团队长'-"赞成",
             '团队长'-"赞成", '团队长'-"弃权"], [members(9)], F, _),
    get_dict(passed, F, P).

%   6(3) "赞成票与反对票票数相等时，主持人有决定票"
test("3-3 of 7, the chair for: passes on either reading", true(P-C == true-true)) :-
    meeting(['局长'-"赞成", '常务副局长'-"反对", '团队长'-"赞成", '团队长'-"赞成",
             '团队长'-"反对", '团队长'-"反对"], [members(7)], F, T),
    get_dict(passed, F, P), get_dict(casting_vote, F, C),
    memberchk(interp(i_casting_readings_agree), T).

test("2-2 of 7, the chair for: the readings differ, a gap", true(P == null)) :-
    meeting(['局长'-"赞成", '副局长'-"反对", '团队长'-"赞成", '团队长'-"反对"], [members(7)], F, T),
    get_dict(passed, F, P),
    memberchk(gap(g_casting_vs_majority), T).

test("a tie, the chair against: fails", true(P == false)) :-
    meeting(['局长'-"反对", '副局长'-"赞成", '团队长'-"赞成", '团队长'-"反对"], [members(5)], F, _),
    get_dict(passed, F, P).

test("a tie, the chair abstains: a gap", true(P == null)) :-
    meeting(['局长'-"弃权", '副局长'-"赞成", '团队长'-"反对"], [members(5)], F, T),
    get_dict(passed, F, P),
    memberchk(gap(g_casting_direction_unknown), T).

%   6(1) "局长不在岗的，由依照本规则第五条第一款代行局长职权的人员召集和主持"
test("the director away: the executive deputy chairs and casts", true(C-A-P == '常务副局长'-'局长'-true)) :-
    meeting(['常务副局长'-"赞成", '副局长'-"反对", '团队长'-"赞成", '团队长'-"赞成",
             '团队长'-"反对", '团队长'-"反对"], [members(7), absent('局长')], F, _),
    get_dict(chair, F, C), get_dict(chair_acting_for, F, A), get_dict(passed, F, P).

test("only team leaders: nobody chairs, a gap", true(C == null)) :-
    meeting(['团队长'-"赞成", '团队长'-"赞成", '团队长'-"赞成"], [members(5)], F, T),
    get_dict(chair, F, C),
    memberchk(gap(g_no_chair), T).

%   6(1): members only.
test("a judge does not vote", throws(input_error(not_a_member, votes, '执行法官'))) :-
    meeting(['局长'-"赞成", '执行法官'-"赞成"], [], _, _).

test("fewer members than present is impossible", throws(input_error(members_too_few, 'facts.members', 1))) :-
    meeting(['局长'-"赞成", '副局长'-"赞成"], [members(1)], _, _).

:- end_tests(article_6).
