:- encoding(utf8).
/*  Tests for 第十四条【施行】 as amended in 2024 (a test fixture). */
:- use_module(library(plunit)).

:- begin_tests(article_14).

%   Art 14 (amended): "本规定自2025年1月1日起施行"
test("the amended regulation is in force from 1 January 2025") :-
    pyreason_kb:in_force_from(date(2025, 1, 1), c(14,1,null)),
    pyreason_kb:in_force(date(2025, 1, 1), open).

%   Art 14: "本院之前下发的规范性文件与本规定相冲突的，以本规定为准。"
test("in a conflict, this regulation prevails over earlier normative documents of the court") :-
    pyreason_kb:prevails_over('本规定', '本院之前下发的规范性文件', c(14,1,null)),
    pyreason_kb:prevails(over(earlier, same_issuer), c(14,1,null)).

%   The amendment is a version of the same document: same document_id, and
%   it records what it changed in the version before it.
test("the amendment is a version of wanfa-2023-123 and lists what it changed",
     true(Changes == [added(c(7,2,null)), changed(c(12,1,null)), changed(c(14,1,null))])) :-
    pyreason_kb:document_id("wanfa-2023-123"),
    pyreason_kb:amends("wanfa-2023-123", Changes).

:- end_tests(article_14).
