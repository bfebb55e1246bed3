:- encoding(utf8).
/*  Tests for 第七条【执行案件管理层级】 (Article 7: matters the director approves). */
:- use_module(library(plunit)).

:- begin_tests(article_7).

approver(M, Facts, F, T) :-
    with_scenario(Facts, q_approver(M, F, T)).

%   Art 7: "下列执行事项应当报请局长批准：" items 1-6.
test("each of the six Article 7 matters is approved by the director") :-
    forall(between(1, 6, I),
           ( pyreason_kb:matter(M, _, c(7,1,I)),
             approver(M, [], F, T),
             F.approver == '局长',
             memberchk(step(decides, [_, '局长', '批准'], [c(7,1,I)]), T) )).

%   Art 7 item 3 "执行案款的发放", with Art 9(1): the deputy's process
%   approval comes first, the director's approval last.
test("release of funds: deputy's process approval, then the director's approval",
     true(A-P == '局长'-'副局长')) :-
    pyreason_engine:resolve_name(pyreason_kb, matter, matter, "执行案款的发放", M),
    approver(M, [], F, _),
    A = F.approver, P = F.process_approver.

%   Art 7 item 2 names each disposal by itself; "降价（撤回）拍卖" gives both.
test("reduced-price and withdrawn auctions are the Art 7(2) disposal matter",
     true(Ms == [property_disposal, property_disposal, property_disposal])) :-
    findall(M, ( member(S, ["降价拍卖", "撤回拍卖", "变卖"]),
                 pyreason_engine:resolve_name(pyreason_kb, matter, matter, S, M) ), Ms).

%   Art 7 item 5 "执行救助的决定和救助款的发放": director approves, deputy's
%   process approval (9(1) names item 5).
test("judicial relief: approved by the director after the deputy's process approval",
     true(A-P == '局长'-'副局长')) :-
    approver(relief, [], F, _),
    A = F.approver, P = F.process_approver.

%   Art 7 item 4 "执行力量的集中使用和各执行团队之间的警力调配": 9(1) leaves
%   out item 4, so there is no process approval by the deputy.
test("police deployment (item 4) has no process approval by the deputy",
     true(P == null)) :-
    approver(force_deployment, [], F, T),
    P = F.process_approver,
    memberchk(step(no_process_approval, [cn(4)], _), T).

%   Art 7 item 6 "其他需要局长批准的执行事项": not in 9(1) either.
test("other matters needing approval (item 6) have no process approval",
     true(A-P == '局长'-null)) :-
    approver(other_approval, [], F, _),
    A = F.approver, P = F.process_approver.

%   Art 7 with 8(5): the approval is the director's; absent and without
%   having authorised the deputy, the text names nobody (a gap).
test("director away without authorisation: no approver, gap",
     true(A == null)) :-
    approver(release_funds, [absent('局长')], F, T),
    A = F.approver,
    memberchk(gap(g_director_absent_unauthorised), T).

%   Art 7 with 8(5) "局长不在岗时": an authorisation given by a director who
%   is at his post changes nothing -- he approves himself.
test("a director at his post approves even if he has authorised the deputy",
     true(A-AF == '局长'-null)) :-
    approver(release_funds, [authorized('局长', '副局长')], F, T),
    A = F.approver, AF = F.acting_for,
    memberchk(step(authorisation_dormant, ['局长', '局长', '副局长'], _), T).

%   Art 7(1)(1) covers only "重大、疑难、复杂案件": for a case said not to be
%   one, the item does not apply and the text names no approver.
test("the plan of a case said not to be major has no approver under 7(1) (gap)",
     true(A-P == null-null)) :-
    approver(enforcement_plan, [not_major], F, T),
    A = F.approver, P = F.process_approver,
    memberchk(gap(g_matter_not_major), T),
    \+ memberchk(step(decides, _, _), T).

%   Not said either way: the answer relies on the case being major.
test("the plan of a case not said to be major: the director, assuming it is",
     true(A == '局长')) :-
    approver(enforcement_plan, [], F, T),
    A = F.approver,
    memberchk(interp(i_matter_taken_as_major), T).

%   Art 11(2) on a major matter does not move the approval (i_art11_2_context).
test("a major matter's approval stays with the director; 11(2) is read within Art 11",
     true(A == '局长')) :-
    approver(release_funds, [major], F, T),
    A = F.approver,
    memberchk(step(art11_2_not_applied, [], [c(11,2,null)]), T),
    memberchk(interp(i_art11_2_context), T).

%   Amended Art 7(2): "执行案款的发放，单笔金额在五百万元以上的，由局长报请分管副院长批准。"
test("a single release of exactly 五百万元 is approved by the vice-president in charge, on the director's request",
     true(A-R == '分管副院长'-'局长')) :-
    approver(release_funds, [amount(5000000)], F, T),
    A = F.approver, R = F.requested_by,
    memberchk(step(decides, [_, '分管副院长', '批准'], [c(7,2,null)]), T).

%   Amended Art 7(2): below 五百万元, 7(1)(3) still applies.
test("a single release of 4,999,999 yuan is approved by the director",
     true(A == '局长')) :-
    approver(release_funds, [amount(4999999)], F, T),
    A = F.approver,
    memberchk(step(decides, [_, '局长', '批准'], [c(7,1,3)]), T),
    \+ memberchk(interp(i_amount_unstated), T).

%   Amended Art 7: without the amount, 7(1)(3) applies, by a recorded reading.
test("a release of funds of no stated amount: the director, by the reading i_amount_unstated",
     true(A == '局长')) :-
    approver(release_funds, [], F, T),
    A = F.approver,
    memberchk(interp(i_amount_unstated), T).

:- end_tests(article_7).
