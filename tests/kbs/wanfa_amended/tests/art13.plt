:- encoding(utf8).
/*  Tests for 第十三条【对外工作协调】 (Article 13: external coordination). */
:- use_module(library(plunit)).

:- begin_tests(article_13).

%   Art 13: "执行工作需要跨部门或者对外开展协调、宣传等，由局长报请分管院长决定。"
test("external coordination is decided by the court leader in charge on the director's submission",
     true(A-R == '分管院长'-'局长')) :-
    q_approver(external_coordination, F, T),
    A = F.approver, R = F.requested_by,
    memberchk(step(decides, [_, '分管院长', '决定'], [c(13,1,null)]), T),
    memberchk(step(requested_by, ['局长'], [c(13,1,null)]), T).

%   Art 13: cross-department coordination and publicity are both covered.
test("cross-department coordination and publicity name the Art 13 matter",
     true(Ms == [external_coordination, external_coordination, external_coordination])) :-
    findall(M, ( member(S, ["跨部门协调", "对外协调", "宣传"]),
                 pyreason_engine:resolve_name(pyreason_kb, matter, matter, S, M) ), Ms).

%   Art 13 says 分管院长, Art 11(2) 分管副院长; the answer keeps the
%   text's own word rather than merging the two.
test("the answer keeps Art 13's own '分管院长'",
     true(A == '分管院长')) :-
    q_approver(external_coordination, F, T),
    A = F.approver,
    memberchk(interp(i_president_in_charge), T).

%   Art 13 with 8(5): the submission is one of the director's duties,
%   which his authorised deputy performs while he is away.
test("director away, deputy authorised: the deputy makes the submission",
     true(A-R == '分管院长'-'副局长')) :-
    with_scenario([absent('局长'), authorized('局长', '副局长')],
                  q_approver(external_coordination, F, _)),
    A = F.approver, R = F.requested_by.

:- end_tests(article_13).
