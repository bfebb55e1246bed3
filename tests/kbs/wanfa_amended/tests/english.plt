:- encoding(utf8).
/*  The unofficial English rendering (kb/english.pl) against the Chinese text:
    one English fact for every article, paragraph and item and none without
    its Chinese counterpart; no English text empty, none left in Chinese
    (Chinese is allowed only inside parentheses, as a gloss).

    pyreason.pl does not include english.pl, so this file loads it into the
    module pyreason_kb itself -- unless the KB already holds English facts
    (e.g. once pyreason.pl includes english.pl), in which case nothing is
    loaded a second time.  (pyreason.pl declares the en_* predicates
    dynamic, so they exist, empty, without english.pl.)  The file is loaded as
    load_files(pyreason_kb:File, ...): with the option module(pyreason_kb)
    instead, SWI-Prolog 9.0.4 puts the clauses in user, not in pyreason_kb.

    Run alone:  swipl -g run_tests -t halt kb/tests/english.plt
    Run all:    swipl -q kb/tests/run.pl
*/
:- use_module(library(plunit)).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(aggregate)).

:- (   catch(once(pyreason_kb:en_article(_, _)), _, fail)
   ->  true
   ;   prolog_load_context(directory, D),
       directory_file_path(D, '../english.pl', F0),
       absolute_file_name(F0, F),
       load_files(pyreason_kb:F, [if(not_loaded)])
   ).

:- begin_tests(english).

%   en_text(-Where, -Text): each piece of the English rendering.
en_text(document_title, T) :- pyreason_kb:en_document_title(T).
en_text(preamble, T) :- pyreason_kb:en_preamble(T).
en_text(title(N), T) :- pyreason_kb:en_article(N, T).
en_text(paragraph(A,P), T) :- pyreason_kb:en_paragraph(A, P, T).
en_text(item(A,P,I), T) :- pyreason_kb:en_item(A, P, I, T).

%   zh_text(?Where, -Text): the Chinese piece at the same place.
zh_text(document_title, T) :- pyreason_kb:document_title(T).
zh_text(preamble, T) :- pyreason_kb:preamble(T).
zh_text(title(N), T) :- pyreason_kb:article(N, T).
zh_text(paragraph(A,P), T) :- pyreason_kb:paragraph(A, P, T).
zh_text(item(A,P,I), T) :- pyreason_kb:item(A, P, I, T).

%   Han ideographs, CJK symbols and punctuation, full-width forms.
chinese_code(C) :- between(0x3000, 0x303F, C).
chinese_code(C) :- between(0x3400, 0x4DBF, C).
chinese_code(C) :- between(0x4E00, 0x9FFF, C).
chinese_code(C) :- between(0xF900, 0xFAFF, C).
chinese_code(C) :- between(0xFF00, 0xFFEF, C).
chinese_code(C) :- between(0x20000, 0x2FFFF, C).

%   outside_parens(+Codes, -Outside): the codes not inside (possibly nested)
%   ASCII parentheses; fails if the parentheses are unbalanced.
outside_parens(Cs, Out) :- outside_parens(Cs, 0, Out).
outside_parens([], 0, []).
outside_parens([0'(|Cs], D, Out) :- !, D1 is D+1, outside_parens(Cs, D1, Out).
outside_parens([0')|Cs], D, Out) :- !, D > 0, D1 is D-1, outside_parens(Cs, D1, Out).
outside_parens([C|Cs], 0, [C|Out]) :- !, outside_parens(Cs, 0, Out).
outside_parens([_|Cs], D, Out) :- outside_parens(Cs, D, Out).

test("the English rendering is loaded") :-
    once(pyreason_kb:en_article(1, _)).

test("every article/2 has its en_article/2") :-
    forall(pyreason_kb:article(N, _), once(pyreason_kb:en_article(N, _))).

test("every paragraph/3 has its en_paragraph/3") :-
    forall(pyreason_kb:paragraph(A, P, _), once(pyreason_kb:en_paragraph(A, P, _))).

test("every item/4 has its en_item/4") :-
    forall(pyreason_kb:item(A, P, I, _), once(pyreason_kb:en_item(A, P, I, _))).

test("the document title and the preamble are translated") :-
    once(pyreason_kb:en_document_title(_)),
    once(pyreason_kb:en_preamble(_)).

test("no English fact exists without its Chinese counterpart") :-
    forall(en_text(W, _), once(zh_text(W, _))).

test("each place has exactly one English text") :-
    findall(W, en_text(W, _), Ws),
    msort(Ws, Sorted), sort(Ws, Unique),
    Sorted == Unique.

test("the counts are the amended document's: 15 articles, 30 paragraphs, 22 items",
     true(Counts == [15, 30, 22])) :-
    aggregate_all(count, pyreason_kb:en_article(_, _), NA),
    aggregate_all(count, pyreason_kb:en_paragraph(_, _, _), NP),
    aggregate_all(count, pyreason_kb:en_item(_, _, _, _), NI),
    Counts = [NA, NP, NI].

test("every English text is a non-empty string") :-
    forall(en_text(W, T),
           (   string(T), split_string(T, "", " \t\n", [S]), S \== ""
           ->  true
           ;   format(user_error, "empty or not a string: ~q~n", [W]), fail
           )).

test("no English text contains Chinese outside parentheses") :-
    forall(en_text(W, T),
           (   string_codes(T, Cs),
               outside_parens(Cs, Out),
               \+ ( member(C, Out), chinese_code(C) )
           ->  true
           ;   format(user_error, "Chinese outside parentheses (or unbalanced ones) in ~q~n", [W]),
               fail
           )).

test("paragraphs and items end as the Chinese does (。 . ； ; ： :)") :-
    forall(( en_text(W, T), W = paragraph(_,_) ; en_text(W, T), W = item(_,_,_) ),
           (   zh_text(W, Z),
               sub_string(Z, _, 1, 0, ZEnd),
               sub_string(T, _, 1, 0, EEnd),
               memberchk(ZEnd-EEnd, ["。"-".", "；"-";", "："-":"])
           ->  true
           ;   format(user_error, "ending differs from the Chinese in ~q~n", [W]), fail
           )).

test("the two court leaders are kept distinct (分管院长 vs 分管副院长)") :-
    forall(( en_text(W, T), zh_text(W, Z) ),
           (   ( sub_string(Z, _, _, _, "分管院长")
               -> sub_string(T, _, _, _, "court leader in charge") ; true ),
               ( sub_string(Z, _, _, _, "分管副院长")
               -> sub_string(T, _, _, _, "vice-president in charge") ; true ),
               ( \+ sub_string(Z, _, _, _, "分管院长")
               -> \+ sub_string(T, _, _, _, "court leader in charge") ; true )
           ->  true
           ;   format(user_error, "court leader / vice-president mixed up in ~q~n", [W]), fail
           )).

test("enforcement group (执行组) and enforcement team (执行团队) are kept distinct") :-
    forall(( en_text(W, T), zh_text(W, Z) ),
           (   ( sub_string(Z, _, _, _, "执行组")
               -> sub_string(T, _, _, _, "enforcement group") ; true ),
               ( \+ sub_string(Z, _, _, _, "执行组")
               -> \+ sub_string(T, _, _, _, "enforcement group") ; true )
           ->  true
           ;   format(user_error, "enforcement group / team mixed up in ~q~n", [W]), fail
           )).

:- end_tests(english).
