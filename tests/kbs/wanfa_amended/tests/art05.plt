:- encoding(utf8).
/*  Tests for 第五条【会议决策效力】 (Article 5: the force of meeting decisions). */
:- use_module(library(plunit)).

:- begin_tests(article_5).

meeting(M, Facts, Votes, F, T) :-
    with_scenario(Facts, q_meeting(M, Votes, F, T)).

jwh(Facts, Votes, F, T) :- meeting('局务会议', Facts, Votes, F, T).

%   Art 5(1): "局务会议是执行局内最高决策机构，会议形成的决议，执行局全体工作人员均应当执行。"
test("the bureau meeting is the highest decision body and binds all staff",
     true(B == true)) :-
    pyreason_kb:meeting_nature('局务会议', '最高决策机构', true, c(5,1,null)),
    jwh([], [vote('局长', "甲", null)], F, _),
    B = F.binding.

%   Art 5(1): "分管副院长、局长应尊重局务会议多数意见" -- the majority opinion
%   is the resolution, even against the vice-president in charge.
test("the majority opinion is the resolution",
     true(R-Basis == "甲"-'多数意见')) :-
    jwh([], [vote('局长', "甲", null), vote('副局长', "甲", null),
             vote('分管副院长', "乙", null)], F, T),
    R = F.resolution, Basis = F.basis,
    memberchk(step(majority, ["甲"], [c(5,1,null)]), T).

%   Art 5(1): "不能形成多数意见的，分管副院长的意见作为局务会的决议。"
test("with no majority, the vice-president in charge's opinion is the resolution",
     true(R-Basis == "乙"-'分管副院长的意见')) :-
    jwh([], [vote('局长', "甲", null), vote('分管副院长', "乙", null)], F, _),
    R = F.resolution, Basis = F.basis.

%   Art 5(1): a 2-2-1 split forms no majority under any reading, so the
%   vice-president in charge decides.
test("a 2-2-1 split is resolved by the vice-president in charge",
     true(R == "乙")) :-
    jwh([], [vote('局长', "甲", null), vote('副局长', "甲", null),
             vote('党支部书记', "乙", null), vote('相关事项负责人员', "丙", null),
             vote('分管副院长', "乙", null)], F, _),
    R = F.resolution.

%   Art 5(1): the tie-break needs the vice-president's opinion; the text
%   says nothing for a meeting without it.
test("with no majority and no vice-president in charge, there is no resolution (gap)",
     true(R == null)) :-
    jwh([], [vote('局长', "甲", null), vote('副局长', "乙", null)], F, T),
    R = F.resolution,
    memberchk(gap(g_tie_without_vp), T).

%   Art 5(1): "涉及重大、疑难、复杂事项的，如分管副院长、局长意见与多数意见不一致，
%   局长可以报请分管院长决定，或者提请分管院长决定报请审判委员会讨论决定。"
test("on a major matter where the director dissents, the two escalation routes open",
     true(Routes == ['局长'-'分管院长', '局长'-'审判委员会'])) :-
    jwh([major], [vote('局长', "乙", null), vote('副局长', "甲", null),
                  vote('党支部书记', "甲", null), vote('分管副院长', "甲", null)], F, _),
    "甲" == F.resolution,
    findall(By-To, ( member(E, F.escalation), By = E.by, To = E.to ), Routes0),
    msort(Routes0, Routes).

%   Art 5(1): the same when it is the vice-president in charge who dissents.
test("on a major matter where the vice-president in charge dissents, the director may escalate",
     true(N == 2)) :-
    jwh([major], [vote('局长', "甲", null), vote('副局长', "甲", null),
                  vote('党支部书记', "甲", null), vote('分管副院长', "乙", null)], F, T),
    length(F.escalation, N),
    memberchk(step(escalation_open, [['分管副院长']], [c(5,1,null)]), T).

%   Art 5(1): escalation is only for "重大、疑难、复杂事项".
test("on an ordinary matter a dissenting director cannot escalate",
     true(E == [])) :-
    jwh([], [vote('局长', "乙", null), vote('副局长', "甲", null),
             vote('党支部书记', "甲", null), vote('分管副院长', "甲", null)], F, T),
    E = F.escalation,
    memberchk(step(escalation_not_major, [['局长']], [c(5,1,null)]), T).

%   Art 5(1): only the vice-president in charge's or the director's dissent
%   opens escalation; a deputy in the minority does not.
test("on a major matter a dissenting deputy alone opens no escalation",
     true(E == [])) :-
    jwh([major], [vote('局长', "甲", null), vote('分管副院长', "甲", null),
                  vote('副局长', "乙", null)], F, _),
    E = F.escalation.

%   Art 5(1): "多数意见" is read as more than half (i_majority_more_than_half):
%   2 of 5 is the most but not half, so no majority is formed and the
%   vice-president in charge's opinion is the resolution; what the plurality
%   reading would give is a note, and the answer is no gap.
test("2 of 5 is no majority: the vice-president in charge decides, plurality only a note",
     true(R-B == "丁"-'分管副院长的意见')) :-
    jwh([], [vote('局长', "甲", null), vote('副局长', "甲", null),
             vote('党支部书记', "乙", null), vote('相关事项负责人员', "丙", null),
             vote('分管副院长', "丁", null)], F, T),
    R = F.resolution, B = F.basis,
    memberchk(interp(i_majority_more_than_half), T),
    memberchk(note(plurality_reading, [resolved("甲", majority, _)], [c(5,1,null)]), T),
    \+ memberchk(gap(_), T).

%   Art 5(1) "多数意见": an abstention is no opinion but counts toward the
%   total (i_abstention_counts): 2 for 甲, 1 for 乙, 1 abstention is not more
%   than half of 4.
test("abstentions count toward the total: 2 of 4 with one abstention is no majority",
     true(R-B == "乙"-'分管副院长的意见')) :-
    jwh([], [vote('局长', "甲", null), vote('副局长', "甲", null),
             vote('分管副院长', "乙", null), vote('党支部书记', "弃权", null)], F, T),
    R = F.resolution, B = F.basis,
    memberchk(step(abstentions_counted, [1], [c(5,1,null)]), T),
    memberchk(interp(i_abstention_counts), T).

%   An abstaining vice-president in charge gives no opinion to break a tie.
test("an abstaining vice-president in charge breaks no tie (gap)",
     true(R == null)) :-
    jwh([], [vote('局长', "甲", null), vote('副局长', "乙", null),
             vote('分管副院长', "弃权", null)], F, T),
    R = F.resolution,
    memberchk(gap(g_tie_without_vp), T).

%   Art 5(2): "团队长联席会议是执行局咨询研讨机构，会议形成的意见，供各执行团队参考适用。"
test("the joint meeting is advisory: its opinion does not bind",
     true(B == false)) :-
    pyreason_kb:meeting_nature('团队长联席会议', '咨询研讨机构', false, c(5,2,null)),
    meeting('团队长联席会议', [], [vote('局长', "甲", null), vote('团队长', "甲", null)], F, _),
    B = F.binding.

%   Art 5(2): a unanimous joint meeting forms that opinion.
test("a unanimous joint meeting forms that opinion",
     true(R == "甲")) :-
    meeting('团队长联席会议', [], [vote('局长', "甲", null), vote('副局长', "甲", null),
                                   vote('团队长', "甲", null)], F, _),
    R = F.resolution.

%   Art 5(2) gives the joint meeting no voting rule, so a divided joint
%   meeting's opinion cannot be determined from the text.
test("a divided joint meeting has no determinable opinion (gap)",
     true(R == null)) :-
    meeting('团队长联席会议', [], [vote('局长', "甲", null), vote('团队长', "乙", null),
                                   vote('团队长', "乙", null)], F, T),
    R = F.resolution,
    memberchk(gap(g_advisory_opinion), T).

%   Art 5(3): "局务会议和团队长联席会议形成的决议和意见一律记录在案，留存备查。"
test("what either meeting resolves is recorded and kept on file") :-
    forall(member(M, ['局务会议', '团队长联席会议']),
           ( meeting(M, [], [vote('局长', "甲", null)], _, T),
             memberchk(step(record_kept, [M], [c(5,3,null)]), T) )).

:- end_tests(article_5).
