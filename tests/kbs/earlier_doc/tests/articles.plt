:- encoding(utf8).
/*  Tests of the fixture's three articles. */
:- use_module(library(plunit)).

:- begin_tests(earlier_doc).

%   Art 1: "执行案款的发放，由执行局副局长审批。"
test("the deputy director approves the release of funds", true(A == '副局长')) :-
    with_scenario([], q_approver(release_funds, F, _)), A = F.approver.

%   Art 2: "副局长不在岗的，由局长审批。"
test("the director approves when the deputy is away", true(A == '局长')) :-
    with_scenario([absent('副局长')], q_approver(release_funds, F, _)), A = F.approver.

%   Art 3: "本规定自2019年7月1日起施行。"
test("in force from 1 July 2019, issued by the same court as kb/") :-
    in_force(date(2019, 7, 1), open), issuer("宛法").

:- end_tests(earlier_doc).
