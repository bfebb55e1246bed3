:- encoding(utf8).
/*  Tests for 第四条【集体讨论会议制度】 (Article 4: collective discussion meetings). */
:- use_module(library(plunit)).

:- begin_tests(article_4).

meeting(M, Facts, Votes, F, T) :-
    with_scenario(Facts, q_meeting(M, Votes, F, T)).

%   Art 4(1): "执行局定期召开局务会议和团队长联席会议。"
test("the bureau holds two kinds of meeting",
     true(Ms == ['团队长联席会议', '局务会议'])) :-
    findall(M, pyreason_kb:meeting(M, c(4,1,null)), Ms0),
    msort(Ms0, Ms).

%   Art 4(2): "分管副院长、局长、副局长、党支部书记及相关事项负责人员参加"
test("the bureau meeting's members are those Art 4(2) lists",
     true(Rs == Expected)) :-
    findall(R, pyreason_kb:meeting_member('局务会议', R, c(4,2,null)), Rs0),
    msort(Rs0, Rs),
    msort(['分管副院长', '局长', '副局长', '党支部书记', '相关事项负责人员'], Expected).

%   Art 4(2): "团队长联席会议由局长、副局长、团队长参加"
test("the team leaders' joint meeting's members are director, deputy and team leaders",
     true(Rs == Expected)) :-
    findall(R, pyreason_kb:meeting_member('团队长联席会议', R, c(4,2,null)), Rs0),
    msort(Rs0, Rs),
    msort(['局长', '副局长', '团队长'], Expected).

%   Art 4(2): team leaders are not listed for the bureau meeting.
test("a team leader is not a member of the bureau meeting", fail) :-
    pyreason_kb:meeting_member('局务会议', '团队长', _).

%   Art 4(2): the vice-president in charge is not listed for the joint meeting.
test("the vice-president in charge is not a member of the joint meeting", fail) :-
    pyreason_kb:meeting_member('团队长联席会议', '分管副院长', _).

%   Art 4(2): "局务会议由局长主持"
test("the director chairs the bureau meeting",
     true(C == '局长')) :-
    meeting('局务会议', [], [vote('局长', "同意", null)], F, T),
    C = F.chair,
    memberchk(step(chair, ['局务会议', '局长'], Cs), T),
    memberchk(c(4,2,null), Cs).

%   Art 4(3): "局务会议、团队长联席会议可以邀请院长、副院长等相关人员参加。"
test("the president and vice-presidents may be invited to either meeting") :-
    forall(member(M, ['局务会议', '团队长联席会议']),
           ( pyreason_kb:meeting_invitee(M, '院长', c(4,3,null)),
             pyreason_kb:meeting_invitee(M, '副院长', c(4,3,null)) )).

%   Art 4(3): an invitee who speaks is recorded as an invitee, not a member.
test("an invited president's opinion is tallied as an invitee's",
     true(NM-NI == 1-1)) :-
    meeting('局务会议', [], [vote('局长', "同意", null), vote('院长', "同意", null)], F, T),
    memberchk(step(invitees, ['局务会议', ['院长']], [c(4,3,null)]), T),
    F.tally = [Row],
    NM = Row.members, NI = Row.invitees.

%   Art 4(2), 6(2), 8(3): the director chairs; absent and without having
%   authorised his deputy, the text names no other chair.
test("with the director away and no authorisation, nobody is named to chair",
     true(C == null)) :-
    meeting('局务会议', [absent('局长')], [vote('副局长', "同意", null)], F, T),
    C = F.chair,
    memberchk(gap(g_no_chair), T).

:- end_tests(article_4).
