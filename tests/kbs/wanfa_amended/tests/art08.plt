:- encoding(utf8).
/*  Tests for 第八条【副局长岗位职责】 (Article 8: the deputy director's duties). */
:- use_module(library(plunit)).

:- begin_tests(article_8).

approver(M, Facts, F, T) :-
    with_scenario(Facts, q_approver(M, F, T)).

%   Art 8 item 5: "局长不在岗时，根据授权代为履行局长职责" -- the Art 7
%   approval is one of the director's duties.
test("director away, deputy authorised: the deputy approves the release of funds for him",
     true(A-AF == '副局长'-'局长')) :-
    approver(release_funds, [absent('局长'), authorized('局长', '副局长')], F, T),
    A = F.approver, AF = F.acting_for,
    memberchk(step(acting, ['局长', '局长', '副局长'], Cs), T),
    memberchk(c(8,1,5), Cs),
    \+ memberchk(gap(_), T).

%   Art 8 item 5: the same for the director's own Art 6 duties.
test("director away, deputy authorised: the deputy acts for him on the work plan",
     true(A-AF == '副局长'-'局长')) :-
    approver(work_plan, [absent('局长'), authorized('局长', '副局长')], F, _),
    A = F.approver, AF = F.acting_for.

%   Art 8 item 5: acting needs both the director's absence and the
%   authorisation; with the authorised deputy away too the text is silent.
test("director and authorised deputy both away: nobody named, gap",
     true(A == null)) :-
    approver(release_funds, [absent('局长'), absent('副局长'),
                             authorized('局长', '副局长')], F, T),
    A = F.approver,
    memberchk(gap(g_authorised_deputy_absent), T).

%   Art 8 item 5 lets only the deputy act; an authorisation of a team
%   leader has no basis in the regulation.
test("an authorisation of a team leader does not make him the director's stand-in",
     true(A == null)) :-
    approver(release_funds, [absent('局长'), authorized('局长', '团队长')], F, T),
    A = F.approver,
    memberchk(step(authorisation_no_agent, ['局长', '团队长'], _), T),
    memberchk(gap(g_director_absent_unauthorised), T).

%   Art 8(5) "根据授权" names no grantor; the vice-president in charge, who
%   leads and commands the bureau (1(2)), may authorise (i_authorisation_grantor).
test("the vice-president in charge may authorise the deputy to act for the absent director",
     true(A-AF == '副局长'-'局长')) :-
    approver(release_funds, [absent('局长'), authorized('分管副院长', '副局长')], F, T),
    A = F.approver, AF = F.acting_for,
    memberchk(step(acting, ['局长', '分管副院长', '副局长'], _), T),
    memberchk(interp(i_authorisation_grantor), T).

%   Anyone else's authorisation has no basis.
test("a team leader's authorisation of the deputy is disregarded",
     true(A == null)) :-
    approver(release_funds, [absent('局长'), authorized('团队长', '副局长')], F, T),
    A = F.approver,
    memberchk(step(authorisation_not_grantor, ['团队长', '副局长'], _), T).

%   Only authorisations without a basis are reported as disregarded: the
%   director's own (8(3), 8(5)) and the vice-president in charge's (8(5),
%   i_authorisation_grantor) are not.  (A case cannot say that a step is
%   absent, so this test defends it.)
test("authorisations the regulation accepts are not reported as disregarded",
     true(T == [])) :-
    with_scenario([authorized('局长', '副局长'), authorized('分管副院长', '副局长')],
                  authorisation_review(T)).

test("an authorisation of the deputy by a post that may not authorise is reported",
     true(T == [step(authorisation_not_grantor, ['党支部书记', '副局长'],
                     [c(8,1,3), c(8,1,5), c(9,1,4)]),
                interp(i_authorisation_grantor)])) :-
    with_scenario([authorized('党支部书记', '副局长')], authorisation_review(T)).

%   Art 8 item 3: "根据局长授权，召集并主持局务会议和团队长联席会议"
test("director away, deputy authorised: the deputy chairs the bureau meeting",
     true(C == '副局长')) :-
    with_scenario([absent('局长'), authorized('局长', '副局长')],
                  q_meeting('局务会议', [vote('副局长', "甲", null)], F, T)),
    C = F.chair,
    memberchk(step(chair_by_authorisation, ['局务会议', '局长', '副局长'], [c(8,1,3)]), T).

%   Art 8 item 3 has no "局长不在岗时" condition, unlike item 5: the
%   director may have the deputy chair while he is at his post.
test("item 3 chairing by authorisation does not require the director to be away",
     true(C == '副局长')) :-
    with_scenario([authorized('局长', '副局长')],
                  q_meeting('团队长联席会议', [vote('团队长', "甲", null)], F, _)),
    C = F.chair.

%   Art 8 item 3 needs the director's authorisation.
test("without authorisation the director, not the deputy, chairs",
     true(C == '局长')) :-
    q_meeting('局务会议', [vote('副局长', "甲", null)], F, _),
    C = F.chair.

%   Art 8 item 2: "定期向局长汇报具体工作的开展情况"
test("the deputy reports regularly to the director (Art 8(2))") :-
    pyreason_kb:reports_to('副局长', '局长', Cs, _),
    memberchk(c(8,1,2), Cs).

%   Art 8: all six items are the deputy's duties (3 and 5 by authorisation,
%   and encoded as rules as well).
test("the deputy's duties are items 1 to 6",
     true(Is == [1,2,3,4,5,6])) :-
    findall(I, pyreason_kb:duty('副局长', _, c(8,1,I)), Is0),
    msort(Is0, Is).

%   Art 8(5): the deputy acting for the director is not his own acting superior.
test("deputy acting for the absent director is not named as his own acting superior",
     true(S-A == '局长'-null)) :-
    pyreason_kb:with_scenario([absent('局长'), authorized('局长', '副局长')],
                              q_superior('副局长', F, _)),
    S = F.superior, A = F.acting_superior.

:- end_tests(article_8).
