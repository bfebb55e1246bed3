:- encoding(utf8).
/*  Quotations are verbatim.  Whatever the KB presents as the regulation's
    words -- a quoted part of a message (msg/3), of a reading (reading/5), a
    duty (duty/3, shown in quotation marks), the quoted nature of a meeting,
    a matter's name where an answer quotes it -- must be found word for word
    in the text facts (article/2, paragraph/3, item/4).

    Quoted parts are those in Chinese quotation marks “…” and 「…」, and in
    English strings those in "…" that contain Chinese.  A part holding a
    format directive (~w) quotes the scenario's words, not the text's.
*/
:- use_module(library(plunit)).
:- use_module(library(apply)).
:- use_module(library(lists)).

:- begin_tests(quotes).

%   text_fact(-Text): a piece of the regulation's text.
text_fact(T) :- pyreason_kb:article(_, T).
text_fact(T) :- pyreason_kb:paragraph(_, _, T).
text_fact(T) :- pyreason_kb:item(_, _, _, T).

verbatim(Q) :- text_fact(T), sub_string(T, _, _, _, Q), !.

%   quoted(+String, -Part): a quoted part of String.
quoted(S, Q) :-
    member(Open-Close, ["“"-"”", "「"-"」"]),
    sub_string(S, B, 1, _, Open),
    B1 is B + 1,
    sub_string(S, B1, _, 0, Rest),
    once(sub_string(Rest, L, _, _, Close)),
    sub_string(Rest, 0, L, _, Q).
quoted(S, Q) :-                             % "…" pair up: every other piece
    split_string(S, "\"", "", Parts),
    nth0(I, Parts, Q),
    I mod 2 =:= 1,
    has_cjk(Q).

has_cjk(S) :- string_codes(S, Cs), member(C, Cs), C >= 0x4E00, C =< 0x9FFF, !.

placeholder(Q) :- sub_string(Q, _, _, _, "~").

%   quotation(-Where, -Part): every quoted part the KB presents.
quotation(msg(Key, Lang), Q) :-
    pyreason_kb:msg(Key, Lang, F), quoted(F, Q), \+ placeholder(Q).
quotation(reading(Id, Lang), Q) :-
    pyreason_kb:reading(Id, _, _, Zh, En),
    member(Lang-S, [zh-Zh, en-En]), quoted(S, Q).
quotation(duty(R, C), D) :-
    pyreason_kb:duty(R, D, C).
quotation(meeting_nature(M), T) :-
    pyreason_kb:meeting_nature_text(M, T).
quotation(approver_step(M, Key), Q) :-        % what an argument shows in quotation marks
    pyreason_kb:matter(M, _, _),
    pyreason_kb:with_scenario([], pyreason_kb:q_approver(M, _, Trace)),
    member(step(Key, Args, _), Trace),
    member(A, Args),
    shown_quoted(A, Q).
quotation(duties_step(R, Key), S) :-
    pyreason_kb:role(R, _, _, _),
    pyreason_kb:q_duties(R, _, Trace),
    member(step(Key, Args, _), Trace),
    member(S, Args), string(S).

%   shown_quoted(+Arg, -Part): a string argument is shown quoted; a term of
%   the KB's own (matter_name(M), ...) shows what its arg_text/3 quotes.
shown_quoted(S, S) :- string(S).
shown_quoted(A, Q) :- \+ string(A), pyreason_kb:arg_text(A, zh, T), quoted(T, Q).

test("a matter's name is quoted in an answer where it is the text's own words",
     true(Qs == ["执行案款的发放"])) :-
    findall(Q, quotation(approver_step(release_funds, decides), Q), Qs).

test("the quotation finder finds both marks and several parts",
     true(Qs == ["甲", "乙", "丙", "丁"])) :-
    findall(Q, quoted("“甲”与「乙」，又“丙”，and \"丁\" or \"x\"", Q), Qs0),
    sort(0, @>=, Qs0, Qs).

test("a quotation that is not the text's own words is caught", fail) :-
    verbatim("局务会议是执行局最高决策机构").

test("every quoted part of a message, reading, duty or answer step is verbatim",
     true(Bad == [])) :-
    findall(Where-Q, ( quotation(Where, Q), \+ verbatim(Q) ), Bad0),
    sort(Bad0, Bad).

%   A duty or a meeting's nature quotes whole clauses: in the text it ends
%   where a clause ends, not in the middle of one (8(2) cut after "定期向局长
%   汇报" dropped "具体工作的开展情况").
clause_end(Q) :-
    text_fact(T),
    sub_string(T, B, L, _, Q),
    E is B + L,
    (   string_length(T, E)
    ->  true
    ;   sub_string(T, E, 1, _, Next), memberchk(Next, ["，", "。", "；", "：", "、"])
    ),
    !.

test("every duty and meeting nature ends where a clause of the text ends",
     true(Bad == [])) :-
    findall(Where-Q, ( ( Where = duty(_, _) ; Where = meeting_nature(_) ),
                       quotation(Where, Q), \+ clause_end(Q) ), Bad).

test("a duty cut short is caught", fail) :-
    clause_end("协助局长负责分管部门的案件管理，定期向局长汇报").

test("the duties are quoted as the text has them (8(2) in full)") :-
    pyreason_kb:duty('副局长', "协助局长负责分管部门的案件管理，定期向局长汇报具体工作的开展情况", c(8,1,2)).

:- end_tests(quotes).
