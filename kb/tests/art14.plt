:- encoding(utf8).
/*  Tests for 第十四条【试行】 (Article 14: trial implementation). */
:- use_module(library(plunit)).

:- begin_tests(article_14).

%   Art 14: "本规定自下发之日试行"
test("the regulation is tried from the day it is issued") :-
    pyreason_kb:in_force_from('下发之日', c(14,1,null)).

%   Art 14: "本院之前下发的规范性文件与本规定相冲突的，以本规定为准。"
test("in a conflict, this regulation prevails over earlier normative documents of the court") :-
    pyreason_kb:prevails_over('本规定', '本院之前下发的规范性文件', c(14,1,null)).

%   Art 14 and the title "（试行）": the regulation is on trial.
test("the regulation's status is trial",
     true(S == '试行')) :-
    pyreason_kb:document_status(S).

%   Art 14: "本院之前下发的规范性文件与本规定相冲突的，以本规定为准。", as the
%   rule the engine applies between the documents of a rule set.
test("Art 14 as a precedence rule: over earlier documents of the same issuer") :-
    pyreason_kb:prevails(over(earlier, same_issuer), c(14,1,null)).

%   Art 14: "本规定自下发之日试行"; the text gives no date of issue, so a
%   placeholder stands in for it, resting on a recorded reading.
test("the version's dates rest on the recorded reading i_issue_date",
     true(From-Until == date(2023,1,1)-open)) :-
    pyreason_kb:issued(From),
    pyreason_kb:in_force(From, Until),
    pyreason_kb:version_reading(Id),
    Id == i_issue_date,
    pyreason_kb:reading(i_issue_date, interpretation, [c(14,1,null)], _, _).

:- end_tests(article_14).
