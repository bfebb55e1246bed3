:- encoding(utf8).
/*  The verbatim text of the regulation as the KB holds it: complete, and
    clean of the PDF extraction's artifacts (line breaks inside sentences,
    the title split as "（试\n\n行）", the page number "6" after Art. 9, the
    spaces the extraction put in "第三条 【权限层级制】" and "123 号").
*/
:- use_module(library(plunit)).
:- use_module(library(readutil)).
:- use_module(library(yall)).
:- use_module(library(apply)).

:- begin_tests(text).

%   every_text(-Where, -Text): each piece of the regulation's text.
every_text(document_title, T) :- pyreason_kb:document_title(T).
every_text(document_number, T) :- pyreason_kb:document_number(T).
every_text(preamble, T) :- pyreason_kb:preamble(T).
every_text(title(N), T) :- pyreason_kb:article(N, T).
every_text(paragraph(A,P), T) :- pyreason_kb:paragraph(A, P, T).
every_text(item(A,P,I), T) :- pyreason_kb:item(A, P, I, T).

%   cited(c(A,P,I)): the citation names a paragraph (I = null) or an item.
cited(c(A,P,null)) :- !, pyreason_kb:paragraph(A, P, _).
cited(c(A,P,I)) :- pyreason_kb:item(A, P, I, _).

cn(N, S) :-
    nth1(N, ["一","二","三","四","五","六","七","八","九","十",
             "十一","十二","十三","十四","十五"], S).

:- dynamic text_test_dir/1.
:- prolog_load_context(directory, D), assertz(text_test_dir(D)).

%   The regulation's source text, as received (a PDF extraction), kept
%   inside the KB as its source of truth.
seed_file(F) :-
    text_test_dir(D),
    atomic_list_concat([D, '/../source/regulation.txt'], F0),
    absolute_file_name(F0, F),
    exists_file(F).

%   The KB's text put back together in the order and form of the document.
kb_document(Text) :-
    pyreason_kb:document_number(No),
    pyreason_kb:document_title(Title),
    pyreason_kb:preamble(Pre),
    findall(S, ( between(1, 15, N), article_text(N, S) ), Arts),
    atomic_list_concat([No, Title, Pre | Arts], A),
    atom_string(A, Text).

article_text(N, S) :-
    pyreason_kb:article(N, Title),
    cn(N, C),
    findall(PS, ( pyreason_kb:paragraph(N, P, PT),
                  findall(IS, ( pyreason_kb:item(N, P, I, IT), cn(I, IC),
                                atomic_list_concat(['（', IC, '）', IT], IS) ), Is),
                  atomic_list_concat([PT | Is], PS) ),
            Ps),
    atomic_list_concat(['第', C, '条【', Title, '】' | Ps], S).

%   The seed without the page number line and without any white space.
seed_document(Text) :-
    seed_file(File),
    read_file_to_string(File, Raw, [encoding(utf8)]),
    split_string(Raw, "\n", "", Lines),
    exclude([L]>>split_string(L, "", " \t\r\u3000", ["6"]), Lines, Kept),
    atomic_list_concat(Kept, A),
    atom_codes(A, Cs),
    exclude([C]>>code_type(C, space), Cs, Cs1),
    string_codes(Text, Cs1).

test("the document title is joined and clean",
     true(T == "关于落实执行管理层级负责制的若干规定（2024年修订）")) :-
    pyreason_kb:document_title(T).

test("the document number has no stray space",
     true(N == "宛法〔2024〕210号")) :-
    pyreason_kb:document_number(N).

test("all fifteen articles are present with their titles",
     true(Titles == [1-"领导负责制", 2-"分工负责制", 3-"权限层级制",
                     4-"集体讨论会议制度", 5-"会议决策效力", 6-"局长岗位职责",
                     7-"执行案件管理层级", 8-"副局长岗位职责", 9-"副局长协助管理工作",
                     10-"团队长岗位职责", 11-"分歧处理", 12-"岗位职责替补",
                     13-"对外工作协调", 14-"施行", 15-"解释"])) :-
    findall(N-T, pyreason_kb:article(N, T), Titles0),
    msort(Titles0, Titles).

test("every article has at least one paragraph") :-
    forall(pyreason_kb:article(N, _), once(pyreason_kb:paragraph(N, _, _))).

test("no text contains a line break") :-
    forall(every_text(_, T), \+ sub_string(T, _, _, _, "\n")).

test("no text contains white space (the extraction's spaces are removed)") :-
    forall(every_text(_, T),
           ( string_codes(T, Cs), \+ ( member(C, Cs), code_type(C, space) ) )).

%   The amended title and Art 14 write years and dates in digits (2024年修订, 2025年1月1日).
test("no article text contains a stray '6' (or any ASCII digit)") :-
    forall(( every_text(W, T), \+ memberchk(W, [document_number, document_title, paragraph(14, 1)]) ),
           ( string_codes(T, Cs), \+ ( member(C, Cs), code_type(C, digit(_)), C < 128 ) )).

test("Article 9 ends with its item 4, without the page number",
     true(Last == "局长不在岗时，根据授权审批执行司法警力的集中使用和各执行组之间的警力调配。")) :-
    findall(P, pyreason_kb:paragraph(9, P, _), [1]),
    findall(I, pyreason_kb:item(9, 1, I, _), [1,2,3,4]),
    once(pyreason_kb:item(9, 1, 4, Last)).

test("every paragraph and item ends with its punctuation, none is cut short") :-
    forall(( every_text(W, T), W \= title(_),
             \+ memberchk(W, [document_title, document_number]) ),
           ( sub_string(T, _, 1, 0, End), memberchk(End, ["。", "；", "："]) )).

test("paragraph counts follow the document",
     true(Counts == [1-6, 2-2, 3-2, 4-3, 5-3, 6-1, 7-2, 8-1, 9-1, 10-2,
                     11-2, 12-2, 13-1, 14-1, 15-1])) :-
    findall(N-C, ( between(1, 15, N),
                   aggregate_all(count, pyreason_kb:paragraph(N, _, _), C) ),
            Counts).

test("Article 7 has six items",
     true(Is == [1,2,3,4,5,6])) :-
    findall(I, pyreason_kb:item(7, 1, I, _), Is).

test("Article 7 item 3 reads 执行案款的发放",
     true(T == "执行案款的发放；")) :-
    once(pyreason_kb:item(7, 1, 3, T)).

test("items appear only in Articles 6 to 9, numbered from one without holes") :-
    findall(A, pyreason_kb:item(A, _, _, _), As0),
    sort(As0, [6,7,8,9]),
    forall(member(A, [6,7,8,9]),
           ( findall(I, pyreason_kb:item(A, 1, I, _), Is),
             length(Is, N), numlist(1, N, Is) )).

test("Art 9(1) cross-references Art 7 items 1, 2, 3 and 5",
     true(Refs == [c(7,1,1), c(7,1,2), c(7,1,3), c(7,1,5)])) :-
    pyreason_kb:cross_reference(c(9,1,1), Refs),
    once(pyreason_kb:item(9, 1, 1, T)),
    once(sub_string(T, _, _, _, "第七条第一、第二、第三、第五项")).

test("Art 9(1) does not cross-reference Art 7 item 4", fail) :-
    pyreason_kb:cross_reference(c(9,1,1), Refs),
    memberchk(c(7,1,4), Refs).

test("every citation in the recorded readings names an existing paragraph or item") :-
    forall(( pyreason_kb:reading(_, _, Cs, _, _), member(C, Cs) ),
           cited(C)).

test("every reading is a gap or an interpretation, with both texts and a unique id") :-
    findall(Id, pyreason_kb:reading(Id, _, _, _, _), Ids),
    sort(Ids, Unique), length(Ids, N), length(Unique, N),
    forall(pyreason_kb:reading(_, Kind, Cs, Zh, En),
           ( memberchk(Kind, [gap, interpretation]), Cs \== [],
             string(Zh), Zh \== "", string(En), En \== "" )).

test("every citation in the article rules names an existing paragraph or item") :-
    forall(( member(N/Ar, [reports_to/4, duty/3, matter/3, decides/4,
                           meeting_member/3, meeting_chair/3, command_rank/3,
                           command_authority/4, requested_by/3, acting_power/4,
                           acting_power_for_matter/4, substitution_decider/3,
                           deciding_view/3, process_approver/3, cross_reference/2]),
             functor(H, N, Ar),
             clause(pyreason_kb:H, _),
             sub_term(C, H), nonvar(C), C = c(_,_,_) ),
           cited(C)).

test("the articles reply lists the fifteen articles in order",
     true(Ns == [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15])) :-
    pyreason_engine:articles(pyreason_kb, D),
    findall(N, ( member(A, D.articles), N = A.number ), Ns).

test("the text is the seed document's, word for word, without the artifacts",
     true(K == S)) :-
    kb_document(K),
    seed_document(S).

:- end_tests(text).
