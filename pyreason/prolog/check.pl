:- encoding(utf8).
:- module(pyreason_check,
          [ check_json/2,          % +Request:string, -Reply:string
            static_finding/2,      % +M, -Finding
            exhaustive/5,          % +M, +Budget, +Seconds, -Findings, -Stats
            coverage_table/2,      % +M, -Rows
            rule_clause/4,         % +M, -PI, -Head-Body, -Ref
            mutants/2              % +M, -Mutants
          ]).
/** <module> Checks of a pyreason knowledge base

Knows no regulation.  Everything it checks is read from the module M the
knowledge base was loaded into (pyreason_boot:load_kb/3): its text
(article/2, paragraph/3, item/4), its declarations (docs/kb-guide.md), its
readings, the invariants it declares with check_violation/4 and the space of
scenarios it declares with explore/2.

Load this file BEFORE the KB.  While the flag pyreason_check_dynamic holds
the name of the module being loaded, every predicate the KB's files define
is made dynamic as it loads, so that a mutant can remove or weaken a clause
inside snapshot/1 and be rolled back.  (Clause coverage is not recorded for
dynamic code: only mutation testing loads the KB that way.)

A finding is finding(Severity, Check, Zh, En, Citations, File, Line).
*/

:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(library(aggregate)).
:- use_module(library(yall)).
:- use_module(library(occurs)).
:- use_module(library(ordsets)).
:- use_module(library(assoc)).
:- use_module(library(solution_sequences)).
:- use_module(library(sandbox)).
:- use_module(library(time)).
:- use_module(library(http/json)).
:- use_module(engine).

%   ---- making the rules mutable ---------------------------------------------

:- dynamic made_dynamic/2.                 % Module, PI
:- multifile user:term_expansion/2.
:- dynamic user:term_expansion/2.

user:term_expansion(Term, [(:- dynamic(PI)), Term]) :-
    nb_current(pyreason_check_dynamic, M),
    atom(M), M \== false,
    prolog_load_context(module, M),
    clause_pi_(Term, PI),
    \+ made_dynamic(M, PI),
    assertz(made_dynamic(M, PI)).

clause_pi_((:- _), _) :- !, fail.
clause_pi_((_ --> _), _) :- !, fail.
clause_pi_((H :- _), N/A) :- !, callable(H), H \= _:_, functor(H, N, A).
clause_pi_(H, N/A) :- callable(H), H \= _:_, functor(H, N, A).

%   ---- the bridge (JSON text in a string term, from Python's C interface) ----

%!  check_json(+Request:string, -Reply:string) is det.
%
%   Every request names the KB's module ("kb"):
%     {"op": "checks", "budget": N, "seconds": S}   every static check and the
%                                                     exhaustive run
%     {"op": "exercised", "scenarios": [...]}         rule clauses no scenario reaches
%     {"op": "mutants"}                               the list of mutants
%     {"op": "mutant", "index": N, "scenarios": [...]}  the KB's batch reply
%                                                     under mutant N (0: none)
%     {"op": "space", "budget": N, "cases": [...]}    the declared scenario space
%                                                     as JSON scenarios
%     {"op": "version"}                               which document and version,
%                                                     in force when (archive)
%     {"op": "diff", "other": M2, "budget": N, "cases": [...], "lang": L}
%                                                     the union of both KBs' spaces
%                                                     answered under both, compared
check_json(Request, Reply) :-
    (   catch(check_json_(Request, R), E, (format(string(Msg), "~q", [E]), R = _{error: Msg}))
    ->  true
    ;   R = _{error: "check failed"}
    ),
    with_output_to(string(Reply), json_write_dict(current_output, R, [width(0)])).

check_json_(Request, Reply) :-
    open_string(Request, In),
    call_cleanup(json_read_dict(In, Req, [value_string_as(string), null(null)]), close(In)),
    atom_string(M, Req.kb),
    (   current_module(M), atom_concat(kb_, _, M) -> true ; throw(unknown_kb(M)) ),
    request_(Req.op, M, Req, Reply).

request_("checks", M, Req, _{findings: Fs, coverage: Cov, exhaustive: Stats, checks: Checks}) :- !,
    (   get_dict(budget, Req, B), integer(B), B >= 0 -> Budget = B ; Budget = 10000 ),
    (   get_dict(seconds, Req, S), number(S), S > 0 -> Seconds = S ; Seconds = 8 ),
    findall(F, static_finding(M, F), Fs0),
    list_to_set(Fs0, Static),
    (   Budget > 0, exhaustive_allowed_(Static)
    ->  exhaustive(M, Budget, Seconds, Exh, Stats), Exhaustive = true
    ;   Exh = [], Stats = [], Exhaustive = false
    ),
    append(Static, Exh, Findings),
    maplist(finding_json_, Findings, Fs),
    coverage_table(M, Cov),
    checks_run(M, Exhaustive, Checks).
request_("exercised", M, Req, _{findings: Fs, exercised: Ex}) :- !,
    exercised(M, Req.scenarios, Uncovered, Ex),
    maplist(finding_json_, Uncovered, Fs).
request_("mutants", M, _, _{mutants: Ms}) :- !,
    mutants(M, List),
    retractall(mutant_cache_(M, _)),
    assertz(mutant_cache_(M, List)),
    findall(_{index: I, kind: K, file: F, line: L, article: A, description: D},
            ( nth1(I, List, Mutant), mutant_info_(M, Mutant, K, F, L, A, D) ),
            Ms).
request_("mutant", M, Req, Reply) :- !,
    run_mutant(M, Req.index, Req.scenarios, Reply).
request_("space", M, Req, _{questions: Qs}) :- !,
    space_request_(M, Req, Qs).
request_("diff", M, Req, Reply) :- !,
    diff_request_(M, Req, Reply).
request_("version", M, _, Reply) :- !,
    version_info_(M, Reply).
request_(Op, _, _, _) :-
    throw(unknown_op(Op)).

%   Questions are run only when the load found no unsafe goal.
exhaustive_allowed_(Findings) :-
    \+ memberchk(finding(error, sandbox, _, _, _, _, _), Findings).

finding_json_(finding(Sev, Check, Zh, En, Cites, File, Line),
              _{severity: Sev, check: Check, message: Zh, message_en: En,
                citations: Cs, file: File, line: Line}) :-
    findall(_{article: A, paragraph: P, item: I},
            ( member(c(A, P0, I0), Cites), null_if_var_(P0, P), null_if_var_(I0, I) ), Cs).

null_if_var_(X, Y) :- ( var(X) -> Y = null ; Y = X ).

%!  checks_run(+M, +Exhaustive:boolean, -Checks:list) is det.
%
%   The names of the checks this module runs on M, in order (the KB's own
%   check_violation/4 names and one exhaustive_<Kind> per question kind).
checks_run(M, Exhaustive, Checks) :-
    findall(C, kb_fact(M, check_violation(C, _, _, _)), Cs0),
    findall(E, ( Exhaustive == true, question_kind(M, Q), atom_concat(exhaustive_, Q, E) ), Es),
    append([[load, sandbox, citations, quotes, cross_references, readings, vocabulary, coverage],
            Cs0, Es, [regulation_gap, drift]], All),
    list_to_set(All, Checks).

%   ---- the KB's clauses ------------------------------------------------------

%!  kb_fact(+M, +Goal) is nondet.
%
%   Goal, an optional declaration of the KB in M: false when M does not
%   define it (never an existence error, never an imported predicate).
kb_fact(M, Goal) :-
    functor(Goal, N, A),
    current_predicate(M:N/A),
    \+ predicate_property(M:Goal, imported_from(_)),
    catch(M:Goal, _, fail).

%!  kb_pred(+M, ?PI) is nondet.
%
%   A predicate the KB defines itself.
kb_pred(M, N/A) :-
    current_predicate(M:N/A),
    functor(H, N, A),
    \+ predicate_property(M:H, imported_from(_)).

%!  kb_clause(+M, ?PI, -Head, -Body, -Ref) is nondet.
kb_clause(M, N/A, H, B, Ref) :-
    kb_pred(M, N/A),
    functor(H, N, A),
    catch(clause(M:H, B, Ref), _, fail).

%!  decl(+M, ?Head, -Ref) is nondet.
%
%   Each solution of the declaration Head, with the clause that gives it.
decl(M, Head, Ref) :-
    functor(Head, N, A),
    kb_pred(M, N/A),
    catch(clause(M:Head, Body, Ref), _, fail),
    catch(M:Body, _, fail).

clause_loc(Ref, File, Line) :-
    (   clause_property(Ref, file(File0)) -> File = File0 ; File = null ),
    (   clause_property(Ref, line_count(Line0)) -> Line = Line0 ; Line = null ).

%   The text of the document.
text_pred(article/2).
text_pred(paragraph/3).
text_pred(item/4).
text_pred(en_article/2).
text_pred(en_paragraph/3).
text_pred(en_item/4).
text_pred(en_document_title/1).
text_pred(en_preamble/1).

%   What the engine and the checker read: declarations, words, readings.
declaration_pred(question/5).
declaration_pred(input/4).
declaration_pred(answer_field/4).
declaration_pred(fact/3).
declaration_pred(known/5).
declaration_pred(known_alias/3).
declaration_pred(known_group/3).
declaration_pred(known_citation/3).
declaration_pred(kind_label/3).
declaration_pred(alias_reading/2).
declaration_pred(impersonal/1).
declaration_pred(unique_holder/1).
declaration_pred(holders/2).
declaration_pred(absent_fact/1).
declaration_pred(flip_candidate/2).
declaration_pred(fact_label/3).
declaration_pred(vote_value/3).
declaration_pred(org_scope/2).
declaration_pred(unit_head/2).
declaration_pred(org_reports/2).
declaration_pred(org_post_kind/1).
declaration_pred(why_not/1).
declaration_pred(explore/2).
declaration_pred(threshold/4).
declaration_pred(check_violation/4).
declaration_pred(not_encoded/2).
declaration_pred(descriptive/2).
declaration_pred(drift_terms/2).
declaration_pred(drift_terms/3).
declaration_pred(msg/3).
declaration_pred(word/3).
declaration_pred(arg_text/3).
declaration_pred(arg_text/4).
declaration_pred(reading/5).
declaration_pred(kb_name/1).
declaration_pred(kb_version/1).
declaration_pred(document_number/1).
declaration_pred(document_title/1).
declaration_pred(document_status/1).
declaration_pred(preamble/1).
declaration_pred(document_self/2).
declaration_pred(citation_prefix/1).
declaration_pred(scenario_fact/1).

%!  rule_pred(+M, -PI) is nondet.
%
%   A rule of the KB: a predicate the question goals (question/5) reach,
%   directly or through other rules, that is not text, a declaration, a
%   word or a reading, nor marked descriptive/2.
rule_pred(M, PI) :-
    reachable_preds(M, PIs),
    member(PI, PIs),
    \+ text_pred(PI),
    \+ declaration_pred(PI),
    \+ kb_fact(M, descriptive(PI, _)).

%!  reachable_preds(+M, -PIs:list) is det.
%
%   The KB's predicates the question goals may call, found by reading the
%   clauses' bodies: every sub-term named like a predicate of the KB (with
%   at least that many arguments, so closures count) may be called.
reachable_preds(M, PIs) :-
    findall(N-A, kb_pred(M, N/A), NAs0),
    sort(NAs0, NAs1),
    group_pairs_by_key(NAs1, Grouped),
    list_to_assoc(Grouped, NAs),
    findall(G, kb_fact(M, question(_, _, G, _, _)), Goals),
    called_preds_(Goals, NAs, Start),
    closure_(Start, NAs, M, Start, PIs0),
    sort(PIs0, PIs).

called_preds_(Terms, NAs, PIs) :-
    findall(N/A, ( member(T, Terms), called_name_(T, N, A0), get_assoc(N, NAs, As),
                   member(A, As), A >= A0 ), PIs0),
    sort(PIs0, PIs).

%   A name a body may call: every compound (a goal, or a closure given
%   more arguments), and an atom that is a goal of a control construct
%   or a closure of a meta-call (never an atom that is data, a dict key).
called_name_(T, N, 0) :- atom(T), N = T.
called_name_(T, N, A) :-
    sub_term(S, T), compound(S), \+ is_dict(S),
    (   functor(S, N, A)
    ;   functor(S, F, _), meta_functor_(F), arg(_, S, X), atom(X), X \== [], N = X, A = 0
    ).

meta_functor_(F) :-
    memberchk(F, [',', ';', '->', '*->', '\\+', call, once, ignore, forall, findall, findall, aggregate_all,
                  bagof, setof, '^', maplist, include, exclude, partition, foldl, convlist, max_member,
                  min_member, predsort, catch, limit, offset, order_by, distinct, call_cleanup,
                  setup_call_cleanup, with_output_to, snapshot, call_with_inference_limit]).

closure_([], _, _, Seen, Seen).
closure_([N/A | Rest], NAs, M, Seen, All) :-
    functor(H, N, A),
    findall(B, catch(clause(M:H, B), _, fail), Bodies),
    called_preds_(Bodies, NAs, Called),
    ord_subtract(Called, Seen, New),
    ord_union(Seen, New, Seen1),
    append(Rest, New, Queue),
    closure_(Queue, NAs, M, Seen1, All).

%!  rule_clause(+M, -PI, -Clause, -Ref) is nondet.
%
%   Every clause of every rule of the KB, as Head-Body, in the order of the
%   predicates' names and of the clauses.
rule_clause(M, PI, H-B, Ref) :-
    findall(P, rule_pred(M, P), PIs),
    member(PI, PIs),
    PI = N/A, functor(H, N, A),
    catch(clause(M:H, B, Ref), _, fail).

%   ---- citations and labels ---------------------------------------------------

%   The citations c(Article, Paragraph, Item) in Term (Article an integer).
cites_in(Term, Cites) :-
    findall(c(A, P, I), ( sub_term(S, Term), nonvar(S), S = c(A, P, I), integer(A) ), Cs0),
    list_to_set(Cs0, Cites).

%   A provision the text has; a citation with unbound parts names some.
provision_exists(M, c(A, P, I)) :-
    \+ \+ provision_exists_(M, A, P, I).

provision_exists_(M, A, P, I) :-
    (   I == null, P == null -> kb_fact(M, article(A, _))
    ;   I == null -> kb_fact(M, paragraph(A, P, _))
    ;   var(I), P == null -> kb_fact(M, article(A, _))
    ;   var(I) -> ( kb_fact(M, paragraph(A, P, _)) ; kb_fact(M, item(A, P, I, _)) )
    ;   kb_fact(M, item(A, P, I, _))
    ).

%   The text of a provision and the clause that holds it.
provision_text(M, c(A, P, null), Text, Ref) :- decl(M, paragraph(A, P, Text), Ref).
provision_text(M, c(A, P, I), Text, Ref) :- decl(M, item(A, P, I, Text), Ref).

%!  cite_label(+Lang, +Citation, -Label:string) is det.
%
%   第二十条第一款第（三）项, or Art. 20(1)(3).
cite_label(zh, c(A, P, I), L) :-
    cn_(A, CA),
    format(string(L0), "第~w条", [CA]),
    (   integer(P) -> cn_(P, CP), format(string(L1), "~w第~w款", [L0, CP]) ; L1 = L0 ),
    (   integer(I) -> cn_(I, CI), format(string(L), "~w第（~w）项", [L1, CI]) ; L = L1 ).
cite_label(en, c(A, P, I), L) :-
    format(string(L0), "Art. ~w", [A]),
    (   integer(P) -> format(string(L1), "~w(~w)", [L0, P]) ; L1 = L0 ),
    (   integer(I) -> format(string(L), "~w(~w)", [L1, I]) ; L = L1 ).

cite_labels(Lang, Cites, Text) :-
    maplist(cite_label(Lang), Cites, Ls),
    ( Lang == zh -> Sep = "、" ; Sep = ", " ),
    atomic_list_concat(Ls, Sep, A),
    atom_string(A, Text).

%   1..999 in Chinese numerals (七, 十五, 二十三, 一百零五).
cn_(N, S) :- integer(N), N >= 1, N =< 9, !, digit_(N, S).
cn_(10, "十") :- !.
cn_(N, S) :- integer(N), N > 10, N < 20, !,
    U is N - 10, digit_(U, D), string_concat("十", D, S).
cn_(N, S) :- integer(N), N >= 20, N =< 99, !,
    T is N // 10, U is N mod 10, digit_(T, TS),
    ( U =:= 0 -> US = "" ; digit_(U, US) ),
    atomic_list_concat([TS, "十", US], A), atom_string(A, S).
cn_(N, S) :- integer(N), N >= 100, N =< 999, !,
    H is N // 100, R is N mod 100, digit_(H, HS),
    (   R =:= 0 -> RS = ""
    ;   R < 10 -> digit_(R, D), string_concat("零", D, RS)
    ;   R < 20 -> cn_(R, R0), string_concat("一", R0, RS)
    ;   cn_(R, RS)
    ),
    atomic_list_concat([HS, "百", RS], A), atom_string(A, S).
cn_(N, S) :- format(string(S), "~w", [N]).

digit_(D, S) :- nth1(D, ["一","二","三","四","五","六","七","八","九"], S).

%   Chinese numerals (and Arabic digits) as a number: 七, 十五, 二十三, 一百零五.
cn_number(N) --> cn_hundreds(N), !.
cn_number(N) --> cn_tens(N), !.
cn_number(N) --> digits_(Ds), { Ds \== [], number_codes(N, Ds) }.

cn_hundreds(N) --> cn_digit(H), "百", ( "零", cn_digit(U) -> { R = U } ; cn_tens(R) -> [] ; { R = 0 } ),
    { N is H * 100 + R }.
cn_tens(N) --> cn_digit(T), "十", ( cn_digit(U) -> [] ; { U = 0 } ), !, { N is T * 10 + U }.
cn_tens(N) --> "十", ( cn_digit(U) -> [] ; { U = 0 } ), !, { N is 10 + U }.
cn_tens(N) --> cn_digit(N).

cn_digit(D) --> [C], { nth1(D, `一二三四五六七八九`, C) }.
digits_([D | Ds]) --> [D], { code_type(D, digit) }, !, digits_(Ds).
digits_([]) --> [].

%   ---- all static checks ----------------------------------------------------

%!  static_finding(+M, -Finding) is nondet.
%
%   The findings of every check that does not ask questions.
static_finding(M, F) :- citation_finding(M, F).
static_finding(M, F) :- quote_finding(M, F).
static_finding(M, F) :- cross_reference_finding(M, F).
static_finding(M, F) :- reading_finding(M, F).
static_finding(M, F) :- vocabulary_finding(M, F).
static_finding(M, F) :- coverage_finding(M, F).
static_finding(M, F) :- violation_finding(M, F).
static_finding(M, F) :- regulation_gap_finding(M, F).
static_finding(M, F) :- drift_finding(M, F).

%   -- citations: every c(A, P, I) of every clause names a provision of the text

citation_finding(M, finding(error, citations, Zh, En, [C], File, Line)) :-
    kb_clause(M, PI, H, B, Ref),
    \+ text_pred(PI),
    cites_in(H-B, Cites),
    member(C, Cites),
    \+ provision_exists(M, C),
    clause_loc(Ref, File, Line),
    cite_label(zh, C, LZ), cite_label(en, C, LE),
    format(string(Zh), "引用了条文中不存在的条款：~w", [LZ]),
    format(string(En), "cites a provision the text does not have: ~w", [LE]).

%   -- quotes: what the KB presents as the text's words is the text's words

%!  quote_finding(+M, -Finding) is nondet.
%
%   Every quoted part (quoted_part/2) of every string of every clause of the
%   KB -- msg/3 formats, reading/5 texts, arg_text/3 bodies, the KB's own
%   facts -- but the text itself, its English rendering and labels, must be
%   found in one text fact (text_fact/2); a directive (~w) or an ellipsis
%   (…) in it stands for any words, its fixed parts found in order.  A part
%   that follows the name of another document (《…》) quotes that document.
quote_finding(M, finding(error, quotes, Zh, En, Cites, File, Line)) :-
    findall(T, text_fact(M, T), Texts),
    kb_clause(M, PI, H, B, Ref),
    quote_scanned_pred_(PI),
    findall(Q, ( sub_term(S, H-B), string(S), quoted_part(S, At, Q),
                 \+ other_document_before_(M, S, At) ), Qs0),
    list_to_set(Qs0, Qs),
    member(Q, Qs),
    \+ quote_in_texts_(Q, Texts),
    clause_loc(Ref, File, Line),
    cites_in(H-B, Cites),
    clause_head_text_(H, Where),
    format(string(Zh), "引号中的文字不见于条文：“~w”（~w）；引文应与条文（条标题、款、项、文件标题、序言）一字不差", [Q, Where]),
    format(string(En), "the quoted words “~w” (~w) are not in the text: a quotation must be the text's own words (article titles, paragraphs, items, the document's title and preamble)", [Q, Where]).

%!  text_fact(+M, -Text:string) is nondet.
%
%   The regulation's own words: article titles, paragraphs, items, the
%   document's title and its preamble.
text_fact(M, T) :-
    (   kb_fact(M, article(_, T0))
    ;   kb_fact(M, paragraph(_, _, T0))
    ;   kb_fact(M, item(_, _, _, T0))
    ;   kb_fact(M, document_title(T0))
    ;   kb_fact(M, preamble(T0))
    ),
    text_string_(T0, T),
    T \== "".

%   The predicates whose strings may quote the text: all but the text itself
%   (and its title and preamble), its English rendering (en_*) and labels.
quote_scanned_pred_(N/A) :-
    \+ text_pred(N/A),
    \+ memberchk(N/A, [document_title/1, preamble/1, known/5, kind_label/3, fact_label/3,
                       scenario_fact/1]),
    \+ sub_atom(N, 0, _, _, en_).

clause_head_text_(H, Where) :-
    functor(H, N, A),
    (   A > 0, arg(1, H, X), atomic(X), \+ string(X)
    ->  (   A > 1, arg(2, H, Y), atom(Y), memberchk(Y, [zh, en])
        ->  format(string(Where), "~w(~w, ~w, …)", [N, X, Y])
        ;   format(string(Where), "~w(~w, …)", [N, X])
        )
    ;   format(string(Where), "~w/~w", [N, A])
    ).

%!  quoted_part(+String, -At, -Part:string) is nondet.
%
%   A part of String in quotation marks: “…” or 「…」 (the mark at the
%   offset At), or "…" when the part holds Chinese (an English string
%   quoting the text; At is none).
quoted_part(S, B, Q) :-
    member(Open-Close, ["“"-"”", "「"-"」"]),
    marked_part_(S, Open, Close, B, Q).
quoted_part(S, none, Q) :-
    once(sub_string(S, _, _, _, "\"")),
    split_string(S, "\"", "", Parts),
    length(Parts, NP),
    nth0(I, Parts, Q),
    I mod 2 =:= 1, I < NP - 1,                 % opened and closed
    has_cjk_(Q).

%   The part of S from the mark Open at B to the next Close.
marked_part_(S, Open, Close, B, Q) :-
    sub_string(S, B, 1, _, Open),
    B1 is B + 1,
    sub_string(S, B1, _, 0, Rest),
    once(sub_string(Rest, L, _, _, Close)),
    sub_string(Rest, 0, L, _, Q).

has_cjk_(S) :-
    string_codes(S, Cs),
    member(C, Cs),
    ( between(0x4E00, 0x9FFF, C) ; between(0x3400, 0x4DBF, C) ; between(0xF900, 0xFAFF, C) ),
    !.

%   The quotation mark at B directly follows the name of another document
%   than the KB's (document_title/1): 《…》, or 《…》第…条/款/项 (at most 12
%   characters of the article's number between them).  The part quotes
%   that document, which the KB does not hold.
other_document_before_(M, S, B) :-
    integer(B),
    sub_string(S, 0, B, _, Before),
    sub_string(Before, Close, 1, After, "》"),
    After =< 12,
    sub_string(Before, _, After, 0, Tail),
    string_chars(Tail, Chars),
    forall(member(Ch, Chars), sub_atom('第零一二三四五六七八九十百千条款项（）()0123456789', _, 1, _, Ch)),
    sub_string(Before, 0, Close, _, UpTo),
    sub_string(UpTo, Open, 1, _, "《"),
    \+ ( sub_string(UpTo, Later, 1, _, "《"), Later > Open ),
    Start is Open + 1, Len is Close - Start,
    sub_string(UpTo, Start, Len, _, Name),
    \+ ( kb_fact(M, document_title(T0)), text_string_(T0, Name) ),
    !.

%!  quote_in_texts_(+Part, +Texts:list) is semidet.
%
%   Part is in one of Texts: its fixed parts (between format directives and
%   ellipses) in order.
quote_in_texts_(Q, Texts) :-
    quote_pieces_(Q, Pieces),
    member(T, Texts),
    pieces_in_(Pieces, T, 0),
    !.

pieces_in_([], _, _).
pieces_in_([P | Ps], T, From) :-
    (   P == ""
    ->  pieces_in_(Ps, T, From)
    ;   sub_string(T, B, L, _, P), B >= From,
        !,
        Next is B + L,
        pieces_in_(Ps, T, Next)
    ).

%   The fixed parts of a quotation: split at each format directive (~w, ~a,
%   ~2d, ...; ~~ is a tilde) and each ellipsis (… or ...).
quote_pieces_(Q, Pieces) :-
    string_codes(Q, Cs),
    phrase(pieces_(Pieces), Cs).

pieces_([P | Ps]) -->
    fixed_(Cs),
    { string_codes(P, Cs) },
    (   wildcard_ -> pieces_(Ps) ; { Ps = [] } ).

fixed_([0'~ | Cs]) --> "~~", !, fixed_(Cs).
fixed_([]), [C] --> [C], { C == 0'~ ; C == 0'… }, !.
fixed_([]), "..." --> "...", !.
fixed_([C | Cs]) --> [C], !, fixed_(Cs).
fixed_([]) --> [].

wildcard_ --> "~", directive_arg_, [C], { code_type(C, alpha) }, !.
wildcard_ --> "~", !.
wildcard_ --> "…", !, ellipsis_rest_.
wildcard_ --> "...", ellipsis_rest_.

directive_arg_ --> [C], { code_type(C, digit) ; C == 0'* ; C == 0'` }, !, directive_arg_.
directive_arg_ --> [].

ellipsis_rest_ --> "…", !, ellipsis_rest_.
ellipsis_rest_ --> ".", !, ellipsis_rest_.
ellipsis_rest_ --> [].

%   -- cross-references: encoded ones resolve and agree with the text

cross_reference_finding(M, finding(error, cross_references, Zh, En, [From | Bad], File, Line)) :-
    decl(M, cross_reference(From, Targets), Ref),
    is_list(Targets),
    findall(T, ( member(T, [From | Targets]), \+ provision_exists(M, T) ), Bad),
    Bad \== [],
    clause_loc(Ref, File, Line),
    cite_labels(zh, Bad, LZ), cite_labels(en, Bad, LE),
    format(string(Zh), "交叉引用无法解析：~w", [LZ]),
    format(string(En), "cross-reference does not resolve: ~w", [LE]).
cross_reference_finding(M, finding(Sev, cross_references, Zh, En, Cites, File, Line)) :-
    text_references(M, Src, Targets, TextRef),
    findall(E, ( decl(M, cross_reference(Src, Es), _), is_list(Es), member(E, Es) ), Encoded0),
    (   Encoded0 \== []
    ->  sort(Encoded0, Encoded), sort(Targets, TS),
        Encoded \== TS,
        Sev = error, Cites = [Src | TS],
        once(decl(M, cross_reference(Src, _), Ref)),
        clause_loc(Ref, File, Line),
        cite_label(zh, Src, SZ), cite_labels(zh, TS, TZ), cite_labels(zh, Encoded, EZ),
        cite_label(en, Src, SE), cite_labels(en, TS, TE), cite_labels(en, Encoded, EE),
        format(string(Zh), "~w的原文引用~w，知识库编码为~w（cross_reference/2）", [SZ, TZ, EZ]),
        format(string(En), "~w refers in its text to ~w, but the KB encodes ~w (cross_reference/2)", [SE, TE, EE])
    ;   Sev = warning, Cites = [Src | Targets],
        clause_loc(TextRef, File, Line),
        cite_label(zh, Src, SZ), cite_labels(zh, Targets, TZ),
        cite_label(en, Src, SE), cite_labels(en, Targets, TE),
        format(string(Zh), "~w的原文引用~w，但知识库没有编码这一交叉引用（cross_reference/2）", [SZ, TZ]),
        format(string(En), "~w refers in its text to ~w, but the KB encodes no cross_reference/2 for it", [SE, TE])
    ).
cross_reference_finding(M, finding(error, cross_references, Zh, En, [Src, T], File, Line)) :-
    text_references(M, Src, Targets, TextRef),
    member(T, Targets),
    \+ provision_exists(M, T),
    clause_loc(TextRef, File, Line),
    cite_label(zh, Src, SZ), cite_label(zh, T, TZ),
    cite_label(en, Src, SE), cite_label(en, T, TE),
    format(string(Zh), "~w的原文引用~w，但知识库的条文中没有该条款", [SZ, TZ]),
    format(string(En), "~w refers in its text to ~w, which the KB's text does not have", [SE, TE]).

%!  text_references(+M, -Source, -Targets:list, -TextRef) is nondet.
%
%   A provision whose text refers to other provisions of the same document
%   (after the KB's citation prefix: ...第二十条第一、第二、第三、第五项),
%   the provisions it names, and the clause of the text.
text_references(M, Src, Targets, Ref) :-
    citation_prefix_(M, Prefix),
    provision_text(M, Src, Text, Ref),
    findall(T, ( sub_string(Text, B, _, _, Prefix),
                 sub_string(Text, B, _, 0, Rest),
                 string_codes(Rest, Codes),
                 string_codes(Prefix, PCodes),
                 append(PCodes, After, Codes),
                 phrase(reference_(A, Ps, Is), After, _),
                 reference_target_(M, A, Ps, Is, T) ),
            Ts0),
    Ts0 \== [],
    list_to_set(Ts0, Targets).

citation_prefix_(M, Prefix) :-
    (   kb_fact(M, citation_prefix(P0)) -> text_string_(P0, Prefix)
    ;   kb_fact(M, document_self(zh, S0)) -> text_string_(S0, S), string_concat(S, "第", Prefix)
    ),
    Prefix \== "".

text_string_(T, S) :- ( string(T) -> S = T ; atom(T) -> atom_string(T, S) ; format(string(S), "~w", [T]) ).

%   After the prefix (which ends with 第): 七条[第一款][第一、第二、第三、第五项].
reference_(A, Ps, Is) -->
    cn_number(A), "条",
    ( "第", number_list_(Ps), "款" -> [] ; { Ps = [] } ),
    ( "第", number_list_(I1), "项至第", ref_number_(I2), "项"
    ->  { last(I1, From), numlist(From, I2, Range), append(I1, Range, Is0), list_to_set(Is0, Is) }
    ; "第", number_list_(Is), "项" -> []
    ; { Is = [] }
    ).

number_list_(Ns) --> ref_number_(N1),
    (   "至", ( "第" -> [] ; [] ), ref_number_(N2) -> { numlist(N1, N2, R) } ; { R = [N1] } ),
    (   list_sep_, ( "第" -> [] ; [] ), number_list_(More) -> { append(R, More, Ns) } ; { Ns = R } ).

ref_number_(N) --> "（", cn_number(N), "）", !.
ref_number_(N) --> "(", cn_number(N), ")", !.
ref_number_(N) --> cn_number(N).

list_sep_ --> "、".
list_sep_ --> "和".
list_sep_ --> "及".
list_sep_ --> "或者".
list_sep_ --> "或".
list_sep_ --> "，".

reference_target_(_, A, [], [], c(A, null, null)) :- !.
reference_target_(_, A, Ps, [], c(A, P, null)) :- !, member(P, Ps).
reference_target_(M, A, [], Is, c(A, P, I)) :- !,
    member(I, Is),
    (   kb_fact(M, item(A, P0, I, _)) -> P = P0 ; P = 1 ).
reference_target_(_, A, Ps, Is, c(A, P, I)) :-
    member(P, Ps), member(I, Is).

%   -- readings: recorded once, used, and used only when recorded

reading_finding(M, finding(error, readings, Zh, En, [], File, Line)) :-
    kb_clause(M, PI, H, B, Ref),
    PI \== reading/5,
    findall(Id, ( sub_term(T, H-B), nonvar(T), ( T = gap(Id) ; T = interp(Id) ), atom(Id) ), Ids0),
    sort(Ids0, Ids),
    member(Id, Ids),
    \+ kb_fact(M, reading(Id, _, _, _, _)),
    clause_loc(Ref, File, Line),
    format(string(Zh), "使用了未记录的解释或缺口 ~w（应以 reading/5 记录其理由）", [Id]),
    format(string(En), "uses the unrecorded reading ~w (record it and its reason with reading/5)", [Id]).
reading_finding(M, finding(error, readings, Zh, En, [], File, Line)) :-
    decl(M, alias_reading(Alias, Id), Ref),
    \+ kb_fact(M, reading(Id, _, _, _, _)),
    clause_loc(Ref, File, Line),
    format(string(Zh), "别名 ~w 适用未记录的解释 ~w", [Alias, Id]),
    format(string(En), "the alias ~w applies the unrecorded reading ~w", [Alias, Id]).
reading_finding(M, finding(warning, readings, Zh, En, Cites, File, Line)) :-
    used_atoms_(M, Used),
    kb_clause(M, reading/5, reading(Id, _, Cites0, _, _), _, Ref),
    \+ memberchk(Id, Used),
    cites_or_empty_(Cites0, Cites),
    clause_loc(Ref, File, Line),
    format(string(Zh), "记录的解释或缺口 ~w 没有被任何规则使用", [Id]),
    format(string(En), "the recorded reading ~w is used by no rule", [Id]).
reading_finding(M, finding(error, readings, Zh, En, Cites, File, Line)) :-
    kb_clause(M, reading/5, reading(Id, Kind, Cites0, _, _), _, Ref),
    \+ memberchk(Kind, [gap, interpretation]),
    cites_or_empty_(Cites0, Cites),
    clause_loc(Ref, File, Line),
    format(string(Zh), "~w 的种类 ~w 不是 gap 或 interpretation", [Id, Kind]),
    format(string(En), "~w has the kind ~w, not gap or interpretation", [Id, Kind]).
reading_finding(M, finding(error, readings, Zh, En, Cites, File, Line)) :-
    findall(Id-Ref, kb_clause(M, reading/5, reading(Id, _, _, _, _), _, Ref), Pairs),
    msort(Pairs, Sorted),
    nextto(Id-_, Id-Ref, Sorted),
    clause(M:reading(Id, _, Cites0, _, _), _, Ref),
    cites_or_empty_(Cites0, Cites),
    clause_loc(Ref, File, Line),
    format(string(Zh), "解释或缺口 ~w 重复记录", [Id]),
    format(string(En), "the reading ~w is recorded twice", [Id]).

cites_or_empty_(Cites0, Cites) :- ( is_list(Cites0) -> cites_in(Cites0, Cites) ; Cites = [] ).

%   The atoms in every clause of the KB but its readings.
used_atoms_(M, Used) :-
    findall(A, ( kb_clause(M, PI, H, B, _), PI \== reading/5,
                 sub_term(A, H-B), atom(A) ), As),
    sort(As, Used).

%   -- vocabulary: names and kinds the declarations use are declared

vocabulary_finding(M, finding(error, vocabulary, Zh, En, [], File, Line)) :-
    vocabulary_problem(M, Ref, ZhArgs-ZhFmt, EnArgs-EnFmt),
    clause_loc(Ref, File, Line),
    format(string(Zh), ZhFmt, ZhArgs),
    format(string(En), EnFmt, EnArgs).

%   A type whose values are names of Kind; Impersonal: whether organs
%   (impersonal/1) are accepted.
name_type_(name(K), K, true) :- atom(K).
name_type_(person(K), K, false) :- atom(K).
name_type_(name_or_person(K), K, true) :- atom(K).

%   The name kinds a type names: name(K), person(K), votes(K), in lists,
%   sets and records.
type_kind(T, K) :- name_type_(T, K, _).
type_kind(votes(K), K) :- atom(K).
type_kind(chain(K), K) :- atom(K), K \== person.
type_kind(T, K) :- collection_(T, E, _), type_kind(E, K).
type_kind(record(FTs), K) :- is_list(FTs), member(_-T, FTs), type_kind(T, K).

collection_(list(E), E, []).
collection_(list(E, O), E, O).
collection_(set(E), E, []).
collection_(set(E, O), E, O).

known_kind(M, K) :- \+ \+ kb_fact(M, known(K, _, _, _, _)).
known_value(M, K, V) :- atom(V), \+ \+ kb_fact(M, known(K, V, _, _, _)).
any_known_value(M, V) :- atom(V), \+ \+ kb_fact(M, known(_, V, _, _, _)).

%   The element kind and type of a (collection or scalar) type.
element_type(T, E) :- collection_(T, E, _), !.
element_type(T, T).

vocabulary_problem(M, Ref, [K, Q, F]-"输入 ~w（~w.~w）使用了没有任何名称的名称类别",
                            [K, Q, F]-"the input ~w.~w names the kind ~w, which has no names") :-
    decl(M, input(Q, F, T, _), Ref),
    type_kind(T, K), \+ known_kind(M, K).
vocabulary_problem(M, Ref, [Q, F, K]-"回答字段 ~w.~w 使用了没有任何名称的名称类别 ~w",
                            [Q, F, K]-"the answer field ~w.~w names the kind ~w, which has no names") :-
    decl(M, answer_field(Q, F, T, _), Ref),
    type_kind(T, K), \+ known_kind(M, K).
vocabulary_problem(M, Ref, [N, K]-"事实 ~w 使用了没有任何名称的名称类别 ~w",
                            [N, K]-"the fact ~w names the kind ~w, which has no names") :-
    decl(M, fact(N, T, _), Ref),
    type_kind(T, K), \+ known_kind(M, K).
vocabulary_problem(M, Ref, [Q, F, V, K]-"输入 ~w.~w 的选项使用了未知的名称 ~w（~w）",
                            [Q, F, V, K]-"an option of the input ~w.~w uses ~w, which is not a known ~w") :-
    decl(M, input(Q, F, T, Opts), Ref),
    element_type(T, E), name_type_(E, K, _),
    (   member(one_of(Vs, _), Opts), is_list(Vs), member(V, Vs)
    ;   member(default(V), Opts)
    ),
    V \== null, \+ known_value(M, K, V).
vocabulary_problem(M, Ref, [N, G]-"事实 ~w 要求的名称分组 ~w 没有任何名称",
                            [N, G]-"the fact ~w requires the group ~w, which no name belongs to") :-
    decl(M, fact(N, _, Opts), Ref),
    ( member(group(G), Opts) ; member(group(G, _), Opts) ),
    \+ kb_fact(M, known_group(_, _, G)).
vocabulary_problem(M, Ref, [Q, F]-"问题 ~w 的输入 ~w 没有 input/4 声明",
                            [Q, F]-"the question ~w has the input ~w, which input/4 does not declare") :-
    decl(M, question(Q, Inputs, _, _, _), Ref),
    is_list(Inputs), member(F=_, Inputs),
    \+ kb_fact(M, input(Q, F, _, _)).
vocabulary_problem(M, Ref, [Q, F]-"input/4 声明了问题 ~w 不使用的输入 ~w",
                            [Q, F]-"input/4 declares the input ~w.~w, which the question does not take") :-
    decl(M, input(Q, F, _, _), Ref),
    \+ ( kb_fact(M, question(Q, Inputs, _, _, _)), is_list(Inputs), memberchk(F=_, Inputs) ).
vocabulary_problem(M, Ref, [Q, F]-"回答字段 ~w.~w 属于未声明的问题类型",
                            [Q, F]-"the answer field ~w.~w belongs to no declared question") :-
    decl(M, answer_field(Q, F, _, _), Ref),
    \+ kb_fact(M, question(Q, _, _, _, _)).
vocabulary_problem(M, Ref, [Q, F, O]-"回答字段 ~w.~w 的选项 ~w 引用了未声明的字段",
                            [Q, F, O]-"the answer field ~w.~w has the option ~w, which refers to an undeclared field") :-
    decl(M, answer_field(Q, F, _, Opts), Ref),
    member(O, Opts),
    (   ( O = person_of(G) ; O = annotate(G, _) )
    ->  \+ kb_fact(M, answer_field(Q, G, _, _))
    ;   ( O = reports_to(G) ; O = reports_chain(G) )
    ->  \+ kb_fact(M, input(Q, G, _, _))
    ).
vocabulary_problem(M, Ref, [F]-"flip_candidate/2 的事实 ~w 没有 fact/3 声明",
                            [F]-"flip_candidate/2 names the fact ~w, which fact/3 does not declare") :-
    decl(M, flip_candidate(F, _), Ref),
    \+ kb_fact(M, fact(F, _, _)).
vocabulary_problem(M, Ref, [F, V]-"flip_candidate/2 为事实 ~w 给出的值 ~q 不是该事实可取的名称",
                            [F, V]-"flip_candidate/2 gives the fact ~w the value ~q, which is not a name it takes") :-
    decl(M, flip_candidate(F, V), Ref),
    kb_fact(M, fact(F, T, _)),
    \+ valid_element_(M, T, V).
vocabulary_problem(M, Ref, [F]-"explore/2 的 ~w 既不是事实也不是输入",
                            [F]-"explore/2 names ~w, which is neither a fact nor an input") :-
    decl(M, explore(F, _), Ref),
    \+ kb_fact(M, fact(F, _, _)),
    \+ kb_fact(M, input(_, F, _, _)).
vocabulary_problem(M, Ref, [F, V]-"explore/2 为 ~w 给出的值 ~q 不是其可取的名称",
                            [F, V]-"explore/2 gives ~w the value ~q, which is not a name it takes") :-
    decl(M, explore(F, Vs), Ref),
    is_list(Vs),
    (   kb_fact(M, fact(F, T, _)) -> true
    ;   kb_fact(M, input(_, F, T0, _)) -> ( T0 = votes(K) -> T = set(person(K)) ; T = T0 )
    ),
    member(V, Vs),
    \+ valid_explore_value_(M, T, V).
vocabulary_problem(M, Ref, [P, K]-"unit_head/2 的岗位 ~w 不是已知的 ~w",
                            [P, K]-"unit_head/2 names ~w, which is not a known ~w") :-
    org_post_kind_(M, K),
    decl(M, unit_head(P, _), Ref),
    \+ known_value(M, K, P).
vocabulary_problem(M, Ref, [L]-"~w 不是单位层级（team、department、whole）",
                            [L]-"~w is not a unit level (team, department, whole)") :-
    ( decl(M, unit_head(_, L), Ref) ; decl(M, org_scope(L, _), Ref) ),
    \+ memberchk(L, [team, department, whole]).
vocabulary_problem(M, Ref, [S]-"org_scope/2 的范围 ~w 不是已知的名称",
                            [S]-"org_scope/2 names the scope ~w, which is not a known name") :-
    decl(M, org_scope(_, S), Ref),
    \+ any_known_value(M, S).
vocabulary_problem(M, Ref, [P, K]-"org_reports/2 的岗位 ~w 不是已知的 ~w",
                            [P, K]-"org_reports/2 names ~w, which is not a known ~w") :-
    org_post_kind_(M, K),
    decl(M, org_reports(A, B), Ref),
    member(P, [A, B]),
    \+ known_value(M, K, P).
vocabulary_problem(M, Ref, [P, V]-"~w 的 ~w 不是已知的名称",
                            [P, V]-"~w names ~w, which is not a known name") :-
    member(P, [impersonal, unique_holder]),
    G =.. [P, V],
    decl(M, G, Ref),
    \+ any_known_value(M, V).
vocabulary_problem(M, Ref, [V]-"holders/2 的 ~w 不是已知的名称",
                            [V]-"holders/2 names ~w, which is not a known name") :-
    decl(M, holders(V, _), Ref),
    \+ any_known_value(M, V).
vocabulary_problem(M, Ref, [V, N]-"holders/2 给 ~w 的人数 ~q 不是正整数",
                            [V, N]-"holders/2 gives ~w the number ~q, which is not a positive integer") :-
    decl(M, holders(V, N), Ref),
    \+ ( integer(N), N >= 1 ).
vocabulary_problem(M, Ref, [P, V, K]-"~w 的 ~w 不是已知的 ~w",
                            [P, V, K]-"~w names ~w, which is not a known ~w") :-
    (   decl(M, known_alias(K, _, V), Ref), P = known_alias
    ;   decl(M, known_group(K, V, _), Ref), P = known_group
    ;   decl(M, known_citation(K, V, _), Ref), P = known_citation
    ),
    \+ known_value(M, K, V).
vocabulary_problem(M, Ref, [A]-"alias_reading/2 的 ~w 不是任何名称或别名",
                            [A]-"alias_reading/2 names ~w, which is neither a name nor an alias") :-
    decl(M, alias_reading(A, _), Ref),
    \+ kb_fact(M, known_alias(_, A, _)),
    \+ kb_fact(M, known(_, _, A, _, _)),
    \+ kb_fact(M, known(_, A, _, _, _)).
vocabulary_problem(M, Ref, [F]-"absent_fact/1 的 ~w 没有 fact/3 声明",
                            [F]-"absent_fact/1 names ~w, which fact/3 does not declare") :-
    decl(M, absent_fact(F), Ref),
    \+ kb_fact(M, fact(F, _, _)).
vocabulary_problem(M, Ref, [Name, K, V1, V2]-"名称 ~w 在类别 ~w 中同时指 ~w 和 ~w",
                            [Name, K, V1, V2]-"the name ~w of kind ~w means both ~w and ~w") :-
    ambiguous_name_(M, K, Name, V1, V2, Ref).

org_post_kind_(M, K) :- ( kb_fact(M, org_post_kind(K0)) -> K = K0 ; K = role ).

%   A name that, within one kind, is the name, id or alias of two values.
ambiguous_name_(M, K, Name, V1, V2, Ref) :-
    findall(K-Name0-V, ( kb_fact(M, known(K, V, N, Id, _)),
                         ( Name0 = N ; Name0 = Id ; Name0 = V ), atom(Name0), Name0 \== null ), Ns),
    findall(K-A-V, kb_fact(M, known_alias(K, A, V)), As),
    append(Ns, As, All0),
    sort(All0, All),
    nextto(K-Name-V1, K-Name-V2, All),
    (   decl(M, known_alias(K, Name, V2), Ref) -> true
    ;   once(decl(M, known(K, V2, _, _, _), Ref))
    ).

valid_element_(M, T, V) :-
    element_type(T, E),
    valid_value_(M, E, V).

valid_value_(M, T, V) :-
    name_type_(T, K, Impersonal), !,
    known_value(M, K, V),
    ( Impersonal == true -> true ; \+ kb_fact(M, impersonal(V)) ).
valid_value_(M, record(FTs), V) :- !,
    compound(V), compound_name_arguments(V, record, Args),
    length(FTs, L), length(Args, L),
    forall(nth1(I, FTs, _-T), ( nth1(I, Args, X), valid_value_(M, T, X) )).
valid_value_(_, _, _).

valid_explore_value_(M, T, V) :-
    (   collection_(T, _, Opts), memberchk(whole, Opts)
    ->  is_list(V), forall(member(X, V), valid_element_(M, T, X))
    ;   valid_element_(M, T, V)
    ).

%   -- coverage per article and paragraph

%!  coverage_table(+M, -Rows:list) is det.
coverage_table(M, Rows) :-
    encoding_cites_(M, Encoded),
    findall(Ref-Cs, ( rule_clause(M, _, H-B, Ref), cites_in(H-B, Cs) ), RuleCites),
    findall(_{article: A, title: T, paragraphs: NP, encoded: NE, recorded: NR, rules: NRules},
            ( kb_fact(M, article(A, T)),
              aggregate_all(count, kb_fact(M, paragraph(A, _, _)), NP),
              aggregate_all(count, ( kb_fact(M, paragraph(A, P, _)), encoded_(Encoded, A, P) ), NE),
              aggregate_all(count, ( kb_fact(M, paragraph(A, P, _)), \+ encoded_(Encoded, A, P),
                                     kb_fact(M, not_encoded(c(A, P, _), _)) ), NR),
              aggregate_all(count, ( member(_-Cs, RuleCites), once(member(c(A, _, _), Cs)) ), NRules) ),
            Rows0),
    sort(article, @<, Rows0, Rows).

%   The citations of every clause that may encode text: all but the text,
%   the readings, the checks' declarations and the words.
encoding_cites_(M, Cites) :-
    findall(A-P, ( kb_clause(M, PI, H, B, _),
                   \+ text_pred(PI),
                   \+ memberchk(PI, [reading/5, not_encoded/2, check_violation/4, drift_terms/2,
                                     drift_terms/3, msg/3, explore/2]),
                   cites_in(H-B, Cs), member(c(A, P0, _), Cs),
                   ( var(P0) -> P = any ; P = P0 ) ), Pairs),
    sort(Pairs, Cites).

encoded_(Encoded, A, P) :-
    (   memberchk(A-P, Encoded) -> true
    ;   memberchk(A-null, Encoded) -> true
    ;   memberchk(A-any, Encoded)
    ).

coverage_finding(M, finding(warning, coverage, Zh, En, [c(A, P, null)], File, Line)) :-
    encoding_cites_(M, Encoded),
    decl(M, paragraph(A, P, _), Ref),
    \+ encoded_(Encoded, A, P),
    \+ kb_fact(M, not_encoded(c(A, P, _), _)),
    clause_loc(Ref, File, Line),
    cite_label(zh, c(A, P, null), LZ), cite_label(en, c(A, P, null), LE),
    format(string(Zh), "~w没有任何规则编码，也没有记录不编码的理由（not_encoded/2）", [LZ]),
    format(string(En), "~w is encoded by no rule and has no recorded reason why not (not_encoded/2)", [LE]).

%   -- the KB's own invariants: check_violation(Check, Severity, Description, Goal)

violation_finding(M, Finding) :-
    decl(M, check_violation(Check, Sev0, Desc, Goal), Ref),
    (   catch(safe_goal(M:Goal), E, true), var(E)
    ->  ( memberchk(Sev0, [error, warning]) -> Sev = Sev0 ; Sev = error ),
        catch(findall(Desc, limit(1000, call_with_inference_limit(M:Goal, 50000000, _)), Descs0),
              Err, Descs0 = failed(Err)),
        (   Descs0 = failed(Err)
        ->  clause_loc(Ref, File, Line),
            format(string(ErrS), "~q", [Err]),
            Finding = finding(error, Check, Zh, En, [], File, Line),
            format(string(Zh), "检查 ~w 的目标出错：~w", [Check, ErrS]),
            format(string(En), "the goal of the check ~w raised ~w", [Check, ErrS])
        ;   list_to_set(Descs0, Descs),
            member(D, Descs),
            violation_text_(M, Check, D, Zh, En),
            cites_in(D, Cites),
            desc_location_(M, D, File, Line),
            Finding = finding(Sev, Check, Zh, En, Cites, File, Line)
        )
    ;   clause_loc(Ref, File, Line),
        Finding = finding(error, sandbox, Zh, En, [], File, Line),
        format(string(Zh), "检查 ~w 的目标不安全，未运行", [Check]),
        format(string(En), "the goal of the check ~w is not safe and was not run", [Check])
    ).

%   The words of a violation: msg(check_<Check>, Lang, Format) with the
%   description's arguments.
violation_text_(M, Check, D, Zh, En) :-
    atom_concat(check_, Check, Key),
    (   compound(D) -> compound_name_arguments(D, _, Args) ; Args = [D] ),
    (   kb_fact(M, msg(Key, _, _))
    ->  message_text(M, zh, Key, Args, Zh),
        message_text(M, en, Key, Args, En)
    ;   format(string(Zh), "~w：~q", [Check, D]),
        format(string(En), "~w: ~q", [Check, D])
    ).

%   Where a violation is: the clause of the first sub-term of its
%   description that is a clause of the KB (depth first, left to right).
desc_location_(M, D, File, Line) :-
    (   sub_term(S, D), compound(S), \+ is_list(S), \+ is_dict(S), S \= c(_, _, _),
        functor(S, N, A), kb_pred(M, N/A),
        copy_term(S, S1),
        catch(clause(M:S1, _, Ref), _, fail)
    ->  clause_loc(Ref, File, Line)
    ;   File = null, Line = null
    ).

%   -- the text's own silences, and one thing written several ways

regulation_gap_finding(M, finding(warning, regulation_gap, Zh, En, Cites, File, Line)) :-
    kb_clause(M, reading/5, reading(Id, gap, Cites0, Zh0, En0), _, Ref),
    cites_or_empty_(Cites0, Cites),
    clause_loc(Ref, File, Line),
    format(string(Zh), "条文未作规定（~w）：~w", [Id, Zh0]),
    format(string(En), "the text is silent (~w): ~w", [Id, En0]).

%   drift_terms(Canonical, Variants), or drift_terms(Id, Terms, Reading).
drift_decl_(M, Id, Terms, Reading, Ref) :-
    decl(M, drift_terms(Canon, Variants), Ref), is_list(Variants),
    Id = Canon, Terms = [Canon | Variants], Reading = none.
drift_decl_(M, Id, Terms, Reading, Ref) :-
    decl(M, drift_terms(Id, Terms, Reading), Ref), is_list(Terms).

drift_finding(M, finding(warning, drift, Zh, En, Cites, File, Line)) :-
    drift_decl_(M, Id, Terms0, Reading, Ref),
    maplist(text_string_, Terms0, Terms1),
    list_to_set(Terms1, Terms),
    findall(T-Cs, ( member(T, Terms), term_citations_(M, T, Terms, Cs), Cs \== [] ), Uses),
    Uses = [_, _ | _],
    findall(C, member(_-C, Uses), Css), append(Css, Cites0), sort(Cites0, Cites),
    maplist([T-Cs, S]>>( cite_labels(zh, Cs, L), format(string(S), "“~w”见~w", [T, L]) ), Uses, PZ),
    maplist([T-Cs, S]>>( cite_labels(en, Cs, L), format(string(S), "\"~w\" in ~w", [T, L]) ), Uses, PE),
    atomic_list_concat(PZ, '；', PZs), atomic_list_concat(PE, '; ', PEs),
    clause_loc(Ref, File, Line),
    (   Reading == none
    ->  format(string(Zh), "用语不一致（~w）：~w", [Id, PZs]),
        format(string(En), "one thing written several ways (~w): ~w", [Id, PEs])
    ;   format(string(Zh), "用语不一致（~w）：~w；按 ~w 处理", [Id, PZs, Reading]),
        format(string(En), "one thing written several ways (~w): ~w; handled by ~w", [Id, PEs, Reading])
    ).

%   Provisions whose text uses Term (not merely as part of a longer term).
term_citations_(M, Term, Terms, Cites) :-
    findall(C, ( provision_text(M, C, Text, _), uses_term_(Text, Term, Terms) ), Cs0),
    sort(Cs0, Cites).

uses_term_(Text, Term, Terms) :-
    sub_string(Text, B, L, _, Term),
    \+ ( member(Longer, Terms), Longer \== Term, sub_string(Longer, Off, L, _, Term),
         Start is B - Off, Start >= 0, sub_string(Text, Start, _, _, Longer) ),
    !.

%   ---- exhaustive: every question over the declared scenario space ----------

question_kind(M, Q) :-
    findall(Q0, kb_fact(M, question(Q0, _, _, _, _)), Qs0),
    list_to_set(Qs0, Qs),
    member(Q, Qs).

%!  exhaustive(+M, +Budget, +Seconds, -Findings, -Stats) is det.
%
%   Ask every question kind of M over the scenarios its declarations span
%   (inputs: every known name; facts: explore/2, flip_candidate/2, a
%   boolean absent, true and false; votes: patterns of opinions), smallest
%   scenarios first, at most Budget scenarios and Seconds seconds per
%   question.  An internal error, no answer, an unrecorded reading or an
%   answer without any of its shown fields is an error; each recorded gap a
%   warning naming the smallest scenario that shows it.  A string of the
%   KB that an answer shows as a quotation and the text does not have is an
%   error of the check quotes (shown_quote_suspects_/2).
exhaustive(M, Budget, Seconds, Findings, Stats) :-
    findall(Q, question_kind(M, Q), Qs),
    shown_quote_suspects_(M, Suspects),
    foldl(exhaustive_question_(M, Budget, Seconds, Suspects), Qs, []-[]-[], Fs-Ss-Hs),
    append(Fs, Findings0),
    reverse(Hs, Hs1), append(Hs1, Hits),
    shown_quote_findings_(M, Suspects, Hits, QuoteFindings),
    append(Findings0, QuoteFindings, Findings1),
    list_to_set(Findings1, Findings),
    reverse(Ss, Stats).

exhaustive_question_(M, Budget, Seconds, Suspects, Q, Fs0-Ss0-Hs0, [F | Fs0]-[S | Ss0]-[H | Hs0]) :-
    get_time(T0),
    (   catch(scenario_space(M, Q, Budget, Dims), _, fail)
    ->  enumerate_(M, Q, Dims, Budget, Scenarios),
        run_scenarios_(M, Q, Suspects, Scenarios, T0, Seconds, Results, H, TimedOut),
        length(Scenarios, NGen),
        length(Results, N),
        question_findings_(M, Q, Results, F),
        counts_(Results, Counts),
        Truncated = _{budget: B, time: TimedOut},
        ( NGen >= Budget -> B = true ; B = false )
    ;   F = [], H = [], N = 0, Counts = _{answered: 0, gap: 0, refused: 0, error: 0},
        Truncated = _{budget: false, time: false}
    ),
    get_time(T1), Secs is round((T1 - T0) * 100) / 100,
    S = _{question: Q, tried: N, answered: Counts.answered, gaps: Counts.gap,
          refused: Counts.refused, errors: Counts.error,
          truncated: Truncated, seconds: Secs}.

counts_(Results, _{answered: A, gap: G, refused: R, error: E}) :-
    aggregate_all(count, member(_-answered, Results), A),
    aggregate_all(count, member(_-gap(_), Results), G),
    aggregate_all(count, member(_-refused, Results), R),
    aggregate_all(count, member(_-problem(_), Results), E).

%   Results: Scenario-Outcome in order; Hits: Question-Quoted-Scenario for
%   each string of the KB an answer shows as a quotation (shown_quotes_/4).
run_scenarios_(_, _, _, [], _, _, [], [], false).
run_scenarios_(M, Q, Suspects, [S | Ss], T0, Seconds, Results, Hits, TimedOut) :-
    get_time(Now),
    (   Now - T0 > Seconds
    ->  Results = [], Hits = [], TimedOut = true
    ;   ask_one_(M, Q, S, Suspects, R, Shown),
        Results = [S-R | Rest],
        findall(Q-P-S, member(P, Shown), Hits, HitsRest),
        run_scenarios_(M, Q, Suspects, Ss, T0, Seconds, Rest, HitsRest, TimedOut)
    ).

%   The outcome of one scenario: answered, gap(Ids), refused (input the
%   engine turns away), or problem(Key).
ask_one_(M, Q, S, Suspects, Result, Shown) :-
    catch(call_with_inference_limit(kb_ask(M, S, zh, A), 5000000, R), E, true),
    (   nonvar(E) -> error_result_(E, Result), Shown = []
    ;   R == inference_limit_exceeded -> Result = problem(inference_limit), Shown = []
    ;   shown_quotes_(A, S, Suspects, Shown),
        (   A.status == gap
        ->  findall(Id, ( member(G, A.gaps), atom_string(Id, G.id) ), Ids),
            Result = gap(Ids)
        ;   empty_answer_(M, Q, A.answer) -> Result = problem(empty_answer)
        ;   Result = answered
        )
    ).

%!  shown_quote_suspects_(+M, -Suspects:assoc) is det.
%
%   The engine shows a string argument of an explanation step in quotation
%   marks: the strings of the KB's clauses (as quote_finding/2 scans them)
%   that hold Chinese and are not the text's words, each with the first
%   clause that has it.  Shown in an answer, such a string is a misquotation.
shown_quote_suspects_(M, Suspects) :-
    findall(T, text_fact(M, T), Texts),
    findall(S-Ref, ( kb_clause(M, PI, H, B, Ref), quote_scanned_pred_(PI),
                     sub_term(S, H-B), string(S), has_cjk_(S),
                     \+ quote_in_texts_(S, Texts) ), Pairs),
    foldl([S-Ref, A0, A]>>( get_assoc(S, A0, _) -> A = A0 ; put_assoc(S, A0, Ref, A) ),
          Pairs, t, Suspects).

%   The suspects an answer's explanation (asked in Chinese) shows in the
%   engine's quotation marks, unless the scenario itself gave those words
%   (an opinion, a text input).
shown_quotes_(_, _, t, []) :- !.
shown_quotes_(A, S, Suspects, Shown) :-
    findall(P, ( member(X, A.explanation), marked_part_(X.text, "“", "”", _, P),
                 get_assoc(P, Suspects, _),
                 \+ ( sub_term(V, S), V == P ) ), Ps),
    list_to_set(Ps, Shown).

%   One error per misquoted string, at its clause, with the first question
%   and the smallest scenario whose answer shows it.
shown_quote_findings_(M, Suspects, Hits, Findings) :-
    findall(P, member(_-P-_, Hits), Ps0),
    list_to_set(Ps0, Ps),
    findall(finding(error, quotes, Zh, En, Cites, File, Line),
            ( member(P, Ps),
              once(member(Q-P-S, Hits)),
              get_assoc(P, Suspects, Ref),
              clause(M:H, B, Ref),
              cites_in(H-B, Cites),
              clause_loc(Ref, File, Line),
              clause_head_text_(H, Where),
              scenario_text_(S, ST),
              format(string(Zh), "解释把“~w”（~w）作为引文显示，但条文中没有这段文字；问题 ~w，最小的情形：~w", [P, Where, Q, ST]),
              format(string(En), "an explanation shows “~w” (~w) as a quotation, but the text has no such words; question ~w, the smallest scenario: ~w", [P, Where, Q, ST]) ),
            Findings).

error_result_(pyreason_error(no_answer, _, _), problem(no_answer)) :- !.
error_result_(pyreason_error(unrecorded_reading, _, Id), problem(unrecorded(Id))) :- !.
error_result_(pyreason_error(Code, _, _), problem(declaration(Code))) :-
    memberchk(Code, [undeclared_input, unknown_type, bad_request]), !.
error_result_(pyreason_error(_, _, _), refused) :- !.
error_result_(time_limit_exceeded, problem(time_limit)) :- !.
error_result_(E, problem(internal(S))) :-
    (   E = error(Formal, _) -> true ; Formal = E ),
    format(string(S0), "~q", [Formal]),
    (   string_length(S0, L), L > 160 -> sub_string(S0, 0, 160, _, S1), string_concat(S1, "…", S) ; S = S0 ).

%   An answered question whose every shown field is empty.
empty_answer_(M, Q, Fields) :-
    findall(F, ( kb_fact(M, answer_field(Q, F, _, Opts)), memberchk(shown, Opts) ), Shown),
    Shown \== [],
    forall(member(F, Shown), empty_field_(Fields, F)).

empty_field_(Fields, F) :-
    (   get_dict(F, Fields, V) -> ( V == null ; V == [] ; V == "" ) ; true ).

question_findings_(M, Q, Results, Findings) :-
    atom_concat(exhaustive_, Q, Check),
    length(Results, Total),
    findall(K, member(_-problem(K), Results), Ks0), list_to_set(Ks0, Ks),
    findall(finding(error, Check, Zh, En, [], null, null),
            ( member(K, Ks),
              aggregate_all(count, member(_-problem(K), Results), N),
              once(member(S-problem(K), Results)),
              scenario_text_(S, ST),
              problem_text_(K, KZ, KE),
              format(string(Zh), "~w：~w 个情形中有 ~w 个；最小的一个：~w", [KZ, Total, N, ST]),
              format(string(En), "~w: ~w of ~w scenarios; the smallest: ~w", [KE, N, Total, ST]) ),
            Errors),
    findall(G, ( member(_-gap(Gs), Results), member(G, Gs) ), G0), list_to_set(G0, Gaps),
    findall(finding(warning, Check, Zh, En, Cites, null, null),
            ( member(G, Gaps),
              aggregate_all(count, ( member(_-gap(Gs), Results), memberchk(G, Gs) ), N),
              once(( member(S-gap(Gs), Results), memberchk(G, Gs) )),
              scenario_text_(S, ST),
              ( kb_fact(M, reading(G, _, Cs0, _, _)) -> cites_or_empty_(Cs0, Cites) ; Cites = [] ),
              format(string(Zh), "缺口 ~w 出现于 ~w 个情形中的 ~w 个；最小的一个：~w", [G, Total, N, ST]),
              format(string(En), "gap ~w shows in ~w of ~w scenarios; the smallest: ~w", [G, N, Total, ST]) ),
            Warnings),
    append(Errors, Warnings, Findings).

problem_text_(no_answer, "没有答案（问题谓词失败）", "no answer (the question predicate fails)").
problem_text_(unrecorded(Id), Zh, En) :-
    format(string(Zh), "答案使用了未记录的解释或缺口 ~w", [Id]),
    format(string(En), "the answer uses the unrecorded reading ~w", [Id]).
problem_text_(declaration(Code), Zh, En) :-
    format(string(Zh), "声明错误（~w）", [Code]),
    format(string(En), "a declaration error (~w)", [Code]).
problem_text_(internal(S), Zh, En) :-
    format(string(Zh), "内部错误 ~w", [S]),
    format(string(En), "internal error ~w", [S]).
problem_text_(time_limit, "超过时间上限", "time limit exceeded").
problem_text_(inference_limit, "超过推理次数上限", "inference limit exceeded").
problem_text_(empty_answer, "回答了问题，但所有显示字段均为空，也没有记录的缺口",
              "answered, but every shown field is empty and no recorded gap applies").

scenario_text_(S, Text) :-
    with_output_to(string(Text), json_write_dict(current_output, S, [width(0)])).

%   -- the scenario space -------------------------------------------------------

%!  scenario_space(+M, +Q, +Budget, -Dims:list) is det.
%
%   One dimension per input of question Q and per declared fact:
%   dim(Where, Key, Groups), Where input or fact, Groups a list of
%   Size-Options (Size 0 for the choice of a name, else how many facts or
%   votes the option adds).  An option is a JSON value, or absent.
scenario_space(M, Q, Budget, Dims) :-
    kb_fact(M, question(Q, Inputs, Goal, _, _)), !,
    findall(dim(input, F, Gs),
            ( member(F=_, Inputs), kb_fact(M, input(Q, F, T, Opts)),
              input_groups_(M, F, T, Opts, Budget, Gs) ),
            InDims),
    question_clauses_(M, Goal, Clauses),
    findall(dim(fact, N, Gs),
            ( kb_fact(M, fact(N, T, Opts0)),
              ( memberchk(for(Kinds), Opts0) -> memberchk(Q, Kinds) ; true ),
              if_false_read_(Clauses, Opts0, Opts),
              fact_groups_(M, N, T, Opts, Budget, Gs) ),
            FactDims),
    append(InDims, FactDims, Dims0),
    \+ memberchk(dim(input, _, []), Dims0),              % a required input without values
    exclude(only_absent_, Dims0, Dims).

only_absent_(dim(_, _, Gs)) :- Gs == [0-[absent]].

%   The clauses of the KB's predicates a question goal may reach, as
%   Head-Body (reachable_preds/2, for one goal).
question_clauses_(M, Goal, Clauses) :-
    findall(N-A, kb_pred(M, N/A), NAs0),
    sort(NAs0, NAs1),
    group_pairs_by_key(NAs1, Grouped),
    list_to_assoc(Grouped, NAs),
    called_preds_([Goal], NAs, Start),
    closure_(Start, NAs, M, Start, PIs),
    findall(H-B, ( member(N/A, PIs), functor(H, N, A), catch(clause(M:H, B), _, fail) ), Clauses).

%   A boolean fact's if_false(Term) is kept where the question's rules can
%   read Term: they name it, or read scenario facts whatever they are
%   (scenario_fact(Var)).  Elsewhere false is the scenario of the fact's
%   absence, and is not asked twice.
if_false_read_(Clauses, Opts0, Opts) :-
    (   memberchk(if_false(Term), Opts0), callable(Term),
        functor(Term, Name, _),
        \+ ( member(C, Clauses), sub_term(X, C), nonvar(X),
             (   X == Name
             ;   compound(X), functor(X, Name, _)
             ;   X = scenario_fact(V), var(V)
             ) )
    ->  exclude(==(if_false(Term)), Opts0, Opts)
    ;   Opts = Opts0
    ).

input_groups_(M, F, votes(K), _, Budget, Groups) :- !,
    vote_groups_(M, F, K, Budget, Groups).
input_groups_(M, F, T, Opts, Budget, Groups) :-
    (   scalar_values_(M, F, T, Vs0), Vs0 \== []
    ->  Vs = Vs0
    ;   input_values_(M, T, Opts, Budget, Vs)
    ),
    (   ( memberchk(required, Opts) ; member(default(_), Opts) ; Vs == [] )
    ->  Groups0 = [0-Vs]
    ;   Groups0 = [0-[absent | Vs]]
    ),
    (   Vs == [], memberchk(required, Opts) -> Groups = [] ; Groups = Groups0 ).

input_values_(M, T, Opts, Budget, Vs) :-
    collection_(T, E, LOpts), !,
    element_values_(M, E, Opts, Es),
    (   memberchk(min(Min), LOpts) -> true ; Min = 1 ),
    (   memberchk(max(Max0), LOpts) -> Max is min(Max0, Min + 1) ; Max is Min + 1 ),
    findall(L, ( between(Min, Max, Len), length(L, Len), maplist(member_of_(Es), L) ), Ls),
    truncate_(Ls, Budget, Vs).
input_values_(M, T, Opts, _, Vs) :-
    element_values_(M, T, Opts, Vs).

element_values_(M, T, Opts, Vs) :-
    (   name_type_(T, K, Impersonal)
    ->  findall(V, ( kb_fact(M, known(K, V, _, _, _)),
                     ( Impersonal == true -> true ; \+ kb_fact(M, impersonal(V)) ) ), Vs0),
        list_to_set(Vs0, Vs1),
        (   member(one_of(Allowed, _), Opts), is_list(Allowed)
        ->  include(member_of_(Allowed), Vs1, Vs2)
        ;   Vs2 = Vs1
        ),
        maplist(json_of_(M, T), Vs2, Vs)
    ;   T = boolean -> Vs = [true, false]
    ;   T = record(FTs)
    ->  findall(D, ( maplist(record_field_value_(M), FTs, KVs), dict_pairs(D, _, KVs) ), Vs)
    ;   sample_value_(T, V) -> Vs = [V]
    ;   Vs = []
    ).

member_of_(L, X) :- member(X, L).

record_field_value_(M, F-FT, F-X) :-
    element_values_(M, FT, [], Xs),
    member(X, Xs).

%!  scalar_values_(+M, +Name, +Type, -Values) is det.
%
%   The values worth trying for the fact or input Name: those explore/2
%   names (amounts also one more and one less), and each threshold/4 the
%   text draws with the values on either side.
scalar_values_(M, Name, T, Vs) :-
    findall(J, ( kb_fact(M, explore(Name, Xs)), is_list(Xs), member(X, Xs),
                 json_of_(M, T, X, J0),
                 (   T == amount, number(J0) -> member(D, [-1, 0, 1]), J is J0 + D, J >= 0 ; J = J0 ) ),
            Vs0),
    findall(J, ( kb_fact(M, threshold(Name, X, _, _)), threshold_value_(T, X, J) ), Vs1),
    append(Vs0, Vs1, Vs2),
    list_to_set(Vs2, Vs).

threshold_value_(T, X, J) :-
    (   number(X) -> member(D, [-1, 0, 1]), N is X + D, N >= 0,
        ( T = duration(U) -> J = _{value: N, unit: U} ; J = N )
    ;   X = duration(L, U), integer(L) -> member(D, [-1, 0, 1]), N is L + D, N >= 0,
        J = _{value: N, unit: U}
    ;   json_of_(_, T, X, J)
    ).

sample_value_(text, "甲").
sample_value_(integer, 1).
sample_value_(amount, 1).
sample_value_(date, "2024-01-01").
sample_value_(duration(U), _{value: 1, unit: U}) :- atom(U).

%   Values of the fact N by its type: subsets of explore/2's values (else
%   subsets of at most one flip_candidate/2), a boolean absent, true and
%   false, scalars from explore/2 (and the rules' thresholds, for amounts
%   and durations).  A boolean given as false is a fact of its own only with
%   if_false(Term) (scenario_fact(Term)); without it the engine asserts
%   nothing for false, the very scenario of its absence, so it is not asked
%   twice.
fact_groups_(_, _, boolean, Opts, _, Groups) :- !,
    (   memberchk(if_false(_), Opts)
    ->  Groups = [0-[absent], 1-[true, false]]
    ;   Groups = [0-[absent], 1-[true]]
    ).
fact_groups_(M, N, T, Opts, Budget, Groups) :-
    collection_(T, E, _), \+ memberchk(whole, Opts), !,
    (   kb_fact(M, explore(N, Vs0)), is_list(Vs0)
    ->  maplist(json_of_(M, E), Vs0, Vs), MaxSize = all
    ;   findall(V, ( kb_fact(M, flip_candidate(N, V0)), json_of_(M, E, V0, V) ), Vs1),
        list_to_set(Vs1, Vs),
        (   E = record(_) -> MaxSize = all ; MaxSize = 1 )
    ),
    length(Vs, L),
    ( MaxSize == all -> Max = L ; Max is min(1, L) ),
    subset_groups_(Vs, 0, Max, Budget, Groups).
fact_groups_(M, N, T, _, _, Groups) :-
    collection_(T, _, _), !,                              % a whole list: explore/2 only
    (   kb_fact(M, explore(N, Vs0)), is_list(Vs0), Vs0 \== []
    ->  maplist(json_of_(M, T), Vs0, Vs), Groups = [0-[absent], 1-Vs]
    ;   Groups = [0-[absent]]
    ).
fact_groups_(M, N, T, _, _, Groups) :-
    (   scalar_values_(M, N, T, Vs0), Vs0 \== [] -> Vs = Vs0
    ;   name_type_(T, _, _) -> element_values_(M, T, [], Vs)
    ;   Vs = []
    ),
    (   Vs == [] -> Groups = [0-[absent]] ; Groups = [0-[absent], 1-Vs] ).

subset_groups_(Vs, Size, Max, Budget, Groups) :-
    (   Size > Max
    ->  Groups = []
    ;   findall(S, ( length(S, Size), subseq_(Vs, S) ), Ss0),
        truncate_(Ss0, Budget, Ss),
        Size1 is Size + 1,
        subset_groups_(Vs, Size1, Max, Budget, Rest),
        ( Size == 0 -> Opts = [absent] ; Opts = Ss ),
        Groups = [Size-Opts | Rest]
    ).

subseq_(_, []).
subseq_([X | Xs], [X | Ys]) :- subseq_(Xs, Ys).
subseq_([_ | Xs], Ys) :- Ys = [_ | _], subseq_(Xs, Ys).

truncate_(L, N, T) :- ( length(L, Len), Len > N -> length(T, N), append(T, _, L) ; T = L ).

%   A value as the scenario writes it (JSON): names as strings, records
%   as objects with the type's field names.
json_of_(M, T, V, J) :-
    (   compound(V), compound_name_arguments(V, record, Args), element_type(T, record(FTs))
    ->  findall(F-X, ( nth1(I, FTs, F-FT), nth1(I, Args, A), json_of_(M, FT, A, X) ), KVs),
        dict_pairs(J, _, KVs)
    ;   is_list(V) -> maplist(json_of_(M, T), V, J)
    ;   atom(V), \+ memberchk(V, [true, false, null]) -> atom_string(V, J)
    ;   J = V
    ).

%   -- vote patterns ------------------------------------------------------------

%!  vote_groups_(+M, +Field, +Kind, +Budget, -Groups) is det.
%
%   Patterns of votes, by how many votes: over the roles that may vote
%   (explore(Field, Roles), else every person of Kind), each at most as
%   many times as it has holders (holders_/3); opinions are the declared
%   vote values (vote_value/3), else three free opinions counted up to
%   renaming (甲 first, then 乙, then 丙).  The rules receive a vote's role
%   and opinion (the check gives no names), so the holders of one role are
%   interchangeable: a pattern is, for each role, how many of its holders
%   give each opinion -- never which holder gives which -- and the number of
%   patterns grows with the number of holders polynomially, not
%   exponentially.  A role the rules name individually (a chair, the
%   holder of a casting vote) is a unique holder and keeps its own opinion.
vote_groups_(M, Field, Kind, Budget, Groups) :-
    (   kb_fact(M, explore(Field, Rs0)), is_list(Rs0)
    ->  Roles = Rs0
    ;   findall(R, ( kb_fact(M, known(Kind, R, _, _, _)), \+ kb_fact(M, impersonal(R)) ), Rs1),
        list_to_set(Rs1, Roles)
    ),
    findall(R-Max, ( member(R, Roles), holders_(M, R, Max) ), Voters),
    (   findall(V, kb_fact(M, vote_value(V, _, _)), Vs), Vs \== []
    ->  Opinions = Vs, Free = false
    ;   Opinions = ["甲", "乙", "丙"], Free = true
    ),
    aggregate_all(sum(Mx), member(_-Mx, Voters), MaxVotes),
    vote_groups_(Voters, Opinions, Free, 1, MaxVotes, Budget, 0, Groups).

%   How many votes of Role a pattern holds at most: one for a unique
%   holder, N where the KB declares holders(Role, N) (the ordinary members
%   of a committee), else two (enough to show holders of one post voting
%   differently).
holders_(M, R, Max) :-
    (   kb_fact(M, unique_holder(R)) -> Max = 1
    ;   kb_fact(M, holders(R, N)), integer(N), N >= 1 -> Max = N
    ;   Max = 2
    ).

vote_groups_(_, _, _, Size, MaxVotes, _, _, []) :- Size > MaxVotes, !.
vote_groups_(_, _, _, _, _, Budget, Seen, []) :- Seen >= Budget, !.
vote_groups_(Voters, Ops, Free, Size, MaxVotes, Budget, Seen, [Size-Patterns | Rest]) :-
    Left is Budget - Seen,
    findall(P, limit(Left, vote_pattern_(Voters, Ops, Free, Size, P)), Patterns),
    length(Patterns, N),
    Seen1 is Seen + N,
    Size1 is Size + 1,
    vote_groups_(Voters, Ops, Free, Size1, MaxVotes, Budget, Seen1, Rest).

%   Declared opinions: the votes of each role as a run of opinions in
%   standard order, which is how many of its holders give each; runs are
%   generated directly, none rejected.  Free opinions: restricted growth
%   strings, non-decreasing within each role's run (the least string of a
%   pattern up to renaming always is one), kept once up to renaming.  Both
%   in the order of the strings of every vote (the first role's slowest).
vote_pattern_(Voters, Ops, false, Size, Pattern) :- !,
    role_counts_(Voters, Size, Counts),
    foldl(role_run_(Ops), Counts, Pattern, []).
vote_pattern_(Voters, _, true, Size, Pattern) :-
    distinct(Key, ( role_counts_(Voters, Size, Counts),
                    slots_(Counts, Slots),
                    rgs_runs_(Slots, Labels, none, 0, 3),
                    canonical_(Slots, Labels, Key) )),
    key_pattern_(Key, Pattern).

role_counts_([], 0, []).
role_counts_([R-Max | Vs], Size, Counts) :-
    Top is min(Max, Size),
    between(0, Top, C),
    Size1 is Size - C,
    role_counts_(Vs, Size1, Rest),
    ( C =:= 0 -> Counts = Rest ; Counts = [R-C | Rest] ).

%   The C votes of role R: opinions in standard order (as many runs as
%   multisets of C opinions), as a difference list of vote dicts.
role_run_(Ops, R-C, Pattern, Tail) :-
    atom_string(R, RS),
    opinion_run_(C, Ops, none, RS, Pattern, Tail).

opinion_run_(0, _, _, _, Tail, Tail) :- !.
opinion_run_(C, Ops, Prev, RS, [_{role: RS, opinion: O} | Vs], Tail) :-
    member(O0, Ops),
    ( Prev == none -> true ; Prev @=< O0 ),
    text_string_(O0, O),
    C1 is C - 1,
    opinion_run_(C1, Ops, O0, RS, Vs, Tail).

slots_(Counts, Slots) :-
    findall(R, ( member(R-C, Counts), between(1, C, _) ), Slots).

%   Restricted growth strings (opinion numbers in order of first use, at
%   most K), non-decreasing within the run of one role.
rgs_runs_([], [], _, _, _).
rgs_runs_([R | Rs], [X | Xs], Prev, Used, K) :-
    Top is min(Used + 1, K),
    ( Prev = R-Low -> true ; Low = 1 ),
    between(Low, Top, X),
    Used1 is max(Used, X),
    rgs_runs_(Rs, Xs, R-X, Used1, K).

%   A pattern of free opinions up to renaming and to the order of one
%   role's own votes: the least, over the renamings, of the votes sorted.
canonical_(Slots, Labels, Key) :-
    findall(K, ( permutation([1, 2, 3], Perm),
                 maplist(relabel_(Perm), Labels, Slots, Votes),
                 msort(Votes, K) ), Ks),
    min_member(Key, Ks).

relabel_(Perm, L, R, R-P) :- nth1(L, Perm, P).

key_pattern_(Votes, Pattern) :-
    findall(_{role: RS, opinion: O},
            ( member(R-L, Votes), atom_string(R, RS), nth1(L, ["甲", "乙", "丙"], O) ), Pattern).

%   -- enumerating: every combination, smallest first -----------------------------

%!  enumerate_(+M, +Q, +Dims, +Budget, -Scenarios:list) is det.
enumerate_(_, Q, [], _, [S]) :- !,
    atom_string(Q, QS), S = _{question: QS}.
enumerate_(M, Q, Dims, Budget, Scenarios) :-
    maplist(dim_max_, Dims, Maxes),
    sum_list(Maxes, Total),
    rest_maxes_(Maxes, SufMax),
    absent_voter_filter_(M, Q, Filter),
    atom_string(Q, QS),
    findall(S,
            limit(Budget,
                  ( between(0, Total, Size),
                    combo_(Dims, SufMax, Size, Choices),
                    call(Filter, Choices),
                    scenario_dict_(QS, Choices, S) )),
            Scenarios).

dim_max_(dim(_, _, Gs), Max) :-
    findall(S, member(S-_, Gs), Ss),
    ( Ss == [] -> Max = 0 ; max_list(Ss, Max) ).

rest_maxes_([], []).
rest_maxes_([_ | Ms], [R | Rs]) :- sum_list(Ms, R), rest_maxes_(Ms, Rs).

combo_([], [], 0, []).
combo_([dim(W, K, Groups) | Ds], [RestMax | Rs], Size, [W-K-V | Cs]) :-
    member(Sz-Opts, Groups),
    Sz =< Size,
    Left is Size - Sz,
    Left =< RestMax,
    member(V, Opts),
    combo_(Ds, Rs, Left, Cs).

%   A vote by a role the scenario lists as absent (absent_fact/1) is refused
%   by the engine: such combinations are not tried.
absent_voter_filter_(M, Q, Filter) :-
    (   kb_fact(M, absent_fact(AF)),
        findall(F, kb_fact(M, input(Q, F, votes(_), _)), VFs), VFs \== []
    ->  Filter = no_absent_voter_(AF, VFs)
    ;   Filter = [_]>>true
    ).

no_absent_voter_(AF, VFs, Choices) :-
    (   memberchk(fact-AF-Absent, Choices), is_list(Absent)
    ->  \+ ( member(F, VFs), memberchk(input-F-Votes, Choices), is_list(Votes),
             member(V, Votes), get_dict(role, V, R), memberchk(R, Absent) )
    ;   true
    ).

scenario_dict_(QS, Choices, S) :-
    findall(K-V, member(input-K-V, Choices), Ins0),
    exclude([_-V]>>(V == absent), Ins0, Ins),
    findall(K-V, ( member(fact-K-V, Choices), V \== absent ), Fs),
    (   Fs == [] -> Pairs = [question-QS | Ins]
    ;   dict_pairs(FD, _, Fs), append([question-QS | Ins], [facts-FD], Pairs)
    ),
    dict_pairs(S, _, Pairs).

%   ---- scenarios: exercised rules -------------------------------------------

%!  exercised(+M, +Scenarios:list, -Findings, -Count) is det.
%
%   Ask every scenario with clause coverage on; each rule clause no
%   scenario reached is a warning.
exercised(M, Scenarios, Findings, _{rules: NR, exercised: NE}) :-
    findall(Ref-(H-B), rule_clause(M, _, H-B, Ref), Rules),
    setup_call_cleanup('$cov_start',
                       forall(member(S, Scenarios),
                              catch(call_with_inference_limit(kb_ask(M, S, zh, _), 50000000, _), _, true)),
                       '$cov_stop'),
    findall(Ref, ( '$cov_data'(clause(Ref), _, Exit), Exit > 0 ), Hit0),
    '$cov_reset',
    sort(Hit0, Hit),
    length(Rules, NR),
    findall(finding(warning, exercised, Zh, En, Cites, File, Line),
            ( member(Ref-(H-B), Rules), \+ ord_memberchk(Ref, Hit),
              cites_in(H-B, Cites), clause_loc(Ref, File, Line),
              clause_text_(H, B, CT),
              format(string(Zh), "没有任何用例用到这条规则：~w", [CT]),
              format(string(En), "no case exercises this rule: ~w", [CT]) ),
            Findings),
    length(Findings, NU),
    NE is NR - NU.

clause_text_(H, B, T) :-
    (   B == true -> format(string(T0), "~q", [H]) ; format(string(T0), "~q :- ~q", [H, B]) ),
    (   string_length(T0, L), L > 200 -> sub_string(T0, 0, 200, _, T1), string_concat(T1, "…", T) ; T = T0 ).

%   ---- mutants ------------------------------------------------------------------

:- dynamic mutant_cache_/2.

%!  mutants(+M, -Mutants:list) is det.
%
%   Each rule clause removed (mutant(Ref, remove)); each goal of a rule's
%   body dropped (mutant(Ref, drop(N))), cuts excepted.  Only clauses of
%   dynamic predicates (the KB loaded for mutation) can be mutated.
mutants(M, Mutants) :-
    findall(Mu, ( rule_clause(M, PI, _-B, Ref),
                  PI = N/A, functor(H, N, A), predicate_property(M:H, dynamic),
                  ( Mu = mutant(Ref, remove)
                  ; body_goal_(B, I), Mu = mutant(Ref, drop(I)) ) ),
            Mutants).

body_goal_(B, N) :-
    B \== true,
    conj_list_(B, Gs),
    nth1(N, Gs, G),
    G \== !, G \== true.

conj_list_((A, B), [A | Bs]) :- !, conj_list_(B, Bs).
conj_list_(A, [A]).

list_conj_([G], G) :- !.
list_conj_([G | Gs], (G, C)) :- list_conj_(Gs, C).

mutant_info_(M, mutant(Ref, K), Kind, File, Line, Article, Desc) :-
    clause(M:H, B, Ref),
    clause_loc(Ref, File, Line),
    cites_in(H-B, Cites),
    (   Cites = [c(Article, _, _) | _] -> true
    ;   File \== null, decl(M, article(A, _), ARef), clause_property(ARef, file(File)) -> Article = A
    ;   Article = null
    ),
    (   K == remove
    ->  Kind = remove, clause_text_(H, B, CT), format(string(Desc), "remove ~w", [CT])
    ;   K = drop(N), Kind = drop_condition,
        conj_list_(B, Gs), nth1(N, Gs, G),
        functor(H, Name, Ar),
        format(string(G0), "~q", [G]),
        (   string_length(G0, L), L > 160 -> sub_string(G0, 0, 160, _, G1), string_concat(G1, "…", GS) ; GS = G0 ),
        format(string(Desc), "drop condition ~w from ~w/~w", [GS, Name, Ar])
    ).

%!  run_mutant(+M, +Index, +Scenarios:list, -Reply:dict) is det.
%
%   The engine's answers to Scenarios with mutant Index applied (0: none),
%   as the batch request would give them: {results, aborted}.  A scenario
%   that meets a limit or an internal error ends the run (no case expects
%   one, so the mutant is killed): aborted is then true.  The KB is
%   restored afterwards (snapshot/1).
run_mutant(M, I, Scenarios, _{results: Results, aborted: Aborted}) :-
    (   I =:= 0
    ->  mutant_answers_(M, Scenarios, Results, Aborted)
    ;   (   mutant_cache_(M, List) -> true ; mutants(M, List) ),
        nth1(I, List, mutant(Ref, Kind)),
        clause(M:H, B, Ref),
        snapshot(( apply_mutant_(M, Kind, Ref, H, B),
                   mutant_answers_(M, Scenarios, Results, Aborted) ))
    ).

mutant_answers_(_, [], [], false).
mutant_answers_(M, [S | Ss], Results, Aborted) :-
    Request = _{op: "ask", kb: M, scenario: S, lang: "zh", seconds: 1, inferences: 2000000},
    with_output_to(string(ReqS), json_write_dict(current_output, Request, [width(0)])),
    call_json(ReqS, ReplyS),
    open_string(ReplyS, In),
    call_cleanup(json_read_dict(In, Reply, [value_string_as(string), null(null)]), close(In)),
    (   get_dict(error, Reply, E), get_dict(code, E, Code),
        memberchk(Code, ["inference_limit", "time_limit", "internal"])
    ->  Results = [Reply], Aborted = true
    ;   Results = [Reply | Rest],
        mutant_answers_(M, Ss, Rest, Aborted)
    ).

apply_mutant_(_, remove, Ref, _, _) :- erase(Ref).
apply_mutant_(M, drop(N), Ref, H, B) :-
    conj_list_(B, Gs),
    nth1(N, Gs, _, Rest),
    ( Rest == [] -> NB = true ; list_conj_(Rest, NB) ),
    functor(H, Name, Ar), functor(G, Name, Ar),
    findall(Rf, clause(M:G, _, Rf), Refs),
    findall(Cl, ( member(Rf, Refs),
                  (   Rf == Ref -> Cl = (H :- NB)
                  ;   clause(M:CH, CB, Rf), Cl = (CH :- CB)
                  ) ), Clauses),
    forall(member(Rf, Refs), erase(Rf)),
    forall(member(Cl, Clauses), assertz(M:Cl)).

%   ---- the scenario space as data; two KBs over it (pyreason diff) ----------

%   The space is the exhaustive run's (scenario_space/4, enumerate_/5):
%   names, subsets of explored facts, thresholds and their neighbours, and
%   vote patterns as counts per opinion, smallest scenarios first and at most
%   Budget per question kind, so it grows with the declarations, never with
%   the number of ways to order them.  The KB's cases (handed over as
%   scenarios) are added, each scenario once.

req_budget_(Req, Budget) :-
    (   get_dict(budget, Req, B), integer(B), B > 0 -> Budget = B ; Budget = 10000 ).

req_cases_(Req, Cases) :-
    (   get_dict(cases, Req, Cs), is_list(Cs) -> include(is_case_, Cs, Cases) ; Cases = [] ).

is_case_(S) :- is_dict(S), get_dict(question, S, Q), string(Q).

%!  space_request_(+M, +Req, -Questions:list) is det.
%
%   Every question kind of M with its scenarios: the declared space, then
%   the cases of that kind; generated is how many the space gave, truncated
%   whether the budget cut it.
space_request_(M, Req, Qs) :-
    req_budget_(Req, Budget),
    req_cases_(Req, Cases),
    findall(_{question: Q, scenarios: Ss, generated: N, truncated: T},
            ( question_kind(M, Q),
              space_scenarios_(M, Q, Budget, Gen, T),
              length(Gen, N),
              cases_of_(Q, Cases, Cs),
              append(Gen, Cs, Ss0),
              dedupe_(Ss0, Ss) ),
            Qs).

space_scenarios_(M, Q, Budget, Ss, Truncated) :-
    (   catch(scenario_space(M, Q, Budget, Dims), _, fail)
    ->  enumerate_(M, Q, Dims, Budget, Ss),
        length(Ss, N),
        ( N >= Budget -> Truncated = true ; Truncated = false )
    ;   Ss = [], Truncated = false
    ).

cases_of_(Q, Cases, Cs) :-
    atom_string(Q, QS),
    findall(S, ( member(S, Cases), get_dict(question, S, Q0), Q0 == QS ), Cs).

%   Each scenario once, in order.  Dicts read from JSON or built here carry
%   a fresh variable as tag: they are compared as ground copies.
dedupe_(L, S) :- dedupe_(L, t, S).
dedupe_([], _, []).
dedupe_([X | Xs], Seen, Out) :-
    ground_copy_(X, K),
    (   get_assoc(K, Seen, _)
    ->  Out = Rest, Seen1 = Seen
    ;   put_assoc(K, Seen, t, Seen1), Out = [X | Rest]
    ),
    dedupe_(Xs, Seen1, Rest).

ground_copy_(T, K) :-
    copy_term(T, K), term_variables(K, Vs), maplist(=(s), Vs).

%!  diff_request_(+M, +Req, -Reply:dict) is det.
%
%   The union of the spaces of M (the old KB) and Req.other (the new one)
%   and the cases, answered under both, inside Prolog.  The reply lists every
%   answer that changed (both answers, in full), and counts the rest: the
%   same under both; refused by both; declared in one KB only (a question
%   kind, an input or a fact the other does not declare); refused by one
%   only (a name the other does not know), grouped with the smallest
%   example; problems (no answer, a limit) by each side.
diff_request_(M, Req, Reply) :-
    atom_string(M2, Req.other),
    (   current_module(M2), atom_concat(kb_, _, M2) -> true ; throw(unknown_kb(M2)) ),
    req_budget_(Req, Budget),
    req_cases_(Req, Cases),
    (   get_dict(lang, Req, "en") -> Lang = en ; Lang = zh ),
    findall(Q, question_kind(M, Q), Qs1),
    findall(Q, question_kind(M2, Q), Qs2),
    findall(_{question: Q, side: Side, scenarios: N},
            ( (   member(Q, Qs1), \+ memberchk(Q, Qs2), Side = old, K = M
              ;   member(Q, Qs2), \+ memberchk(Q, Qs1), Side = new, K = M2
              ),
              space_scenarios_(K, Q, Budget, Ss, _),
              cases_of_(Q, Cases, Cs), append(Ss, Cs, All0), dedupe_(All0, All),
              length(All, N) ),
            QuestionsOnly),
    findall(Q, ( member(Q, Qs1), memberchk(Q, Qs2) ), Common),
    foldl(diff_question_(M, M2, Budget, Cases, Lang), Common, []-[]-[]-[], Stats0-Changes0-Groups0-Errors0),
    reverse(Stats0, Stats), reverse(Changes0, Changes1), append(Changes1, Changes),
    reverse(Groups0, Groups1), append(Groups1, Groups),
    reverse(Errors0, Errors1), append(Errors1, Errors),
    findall(_{question: Q, side: Side, fields: Fs},
            ( member(Q, Common),
              (   Side = old, fields_only_(M, M2, Q, Fs)
              ;   Side = new, fields_only_(M2, M, Q, Fs)
              ),
              Fs \== [] ),
            FieldsOnly),
    findall(_{question: Q, side: Side, facts: Fs},
            ( member(Q, Common),
              (   Side = old, facts_only_(M, M2, Q, Fs)
              ;   Side = new, facts_only_(M2, M, Q, Fs)
              ),
              Fs \== [] ),
            FactsOnly),
    Reply = _{questions: Stats, changes: Changes, one_side: Groups, errors: Errors,
              questions_only: QuestionsOnly, fields_only: FieldsOnly, facts_only: FactsOnly}.

%   The facts M declares for Q and Other does not: Other's rules cannot see
%   them, so a scenario stating one is asked there without it.
facts_only_(M, Other, Q, Fs) :-
    findall(F, ( kb_fact(M, fact(F, _, _)), fact_declared_(M, Q, F), \+ fact_declared_(Other, Q, F) ), Fs0),
    list_to_set(Fs0, Fs).

fields_only_(M, Other, Q, Fs) :-
    findall(F, ( kb_fact(M, answer_field(Q, F, _, _)), \+ kb_fact(Other, answer_field(Q, F, _, _)) ), Fs0),
    list_to_set(Fs0, Fs).

diff_question_(M, M2, Budget, Cases, Lang, Q, S0-C0-G0-E0, [Stat | S0]-[Changes | C0]-[Groups | G0]-[Errors | E0]) :-
    get_time(T0),
    space_scenarios_(M, Q, Budget, Ss1, Trunc1),
    space_scenarios_(M2, Q, Budget, Ss2, Trunc2),
    cases_of_(Q, Cases, Cs),
    append([Ss1, Ss2, Cs], All0),
    dedupe_(All0, All),
    findall(F, ( kb_fact(M, answer_field(Q, F, _, _)), kb_fact(M2, answer_field(Q, F, _, _)) ), Fs0),
    list_to_set(Fs0, Fields),
    findall(Kind-Item,
            ( member(S, All),
              outcome_(M, Q, S, Lang, O1, I1),
              outcome_(M2, Q, S, Lang, O2, I2),
              compare_outcomes_(Q, Fields, S, O1, O2, Kind, Item0),
              (   is_dict(Item0), Kind == changed
              ->  Item = Item0.put(ignored, _{old: I1, new: I2})
              ;   Item = Item0
              ) ),
            Pairs),
    findall(I, member(changed-I, Pairs), Changes),
    findall(K-S, member(one_side(K)-S, Pairs), OneSide),
    one_side_groups_(Q, OneSide, Groups),
    findall(I, member(error-I, Pairs), Errors),
    length(All, N),
    count_kind_(Pairs, same, Same),
    count_kind_(Pairs, refused_both, RefusedBoth),
    count_kind_(Pairs, changed, NChanged),
    count_kind_(Pairs, error, NErrors),
    aggregate_all(count, member(one_side(k(old, _, _))-_, Pairs), OnlyOld),
    aggregate_all(count, member(one_side(k(new, _, _))-_, Pairs), OnlyNew),
    get_time(T1), Secs is round((T1 - T0) * 100) / 100,
    Stat = _{question: Q, scenarios: N, same: Same, changed: NChanged, refused_both: RefusedBoth,
             one_side_old: OnlyOld, one_side_new: OnlyNew, errors: NErrors,
             truncated: _{old: Trunc1, new: Trunc2}, seconds: Secs}.

count_kind_(Pairs, Kind, N) :- aggregate_all(count, member(Kind-_, Pairs), N).

%   The outcome of one scenario under the KB in M: undeclared(Field) (the
%   question, or an input of it, M does not declare), answer(A), refused(Code,
%   Field) or problem(P).  A fact M does not declare for Q is one its rules
%   cannot see: it is left out (Ignored lists it, as facts.Name), and the
%   scenario asked without it.
outcome_(M, Q, S, Lang, Out, Ignored) :-
    (   undeclared_input_(M, Q, S, F)
    ->  Out = undeclared(F), Ignored = []
    ;   drop_undeclared_facts_(M, Q, S, S1, Ignored),
        catch(call_with_inference_limit(kb_ask(M, S1, Lang, A), 5000000, R), E, true),
        (   nonvar(E)
        ->  (   E = pyreason_error(Code, Field, _),
                \+ memberchk(Code, [no_answer, unrecorded_reading, undeclared_input, unknown_type, bad_request])
            ->  field_string_(Field, FS), Out = refused(Code, FS)
            ;   error_result_(E, P0), ( P0 = problem(P) -> true ; P = P0 ), Out = problem(P)
            )
        ;   R == inference_limit_exceeded -> Out = problem(inference_limit)
        ;   Out = answer(A)
        )
    ).

field_string_(F, S) :- ( F == null -> S = null ; var(F) -> S = null ; format(string(S), "~w", [F]) ).

undeclared_input_(M, Q, S, F) :-
    kb_fact(M, question(Q, Inputs, _, _, _)), !,
    dict_pairs(S, _, Pairs),
    member(K-_, Pairs), K \== question, K \== facts, \+ memberchk(K=_, Inputs), !,
    atom_string(K, F).
undeclared_input_(_, _, _, "question").

fact_declared_(M, Q, K) :-
    kb_fact(M, fact(K, _, Opts)),
    ( memberchk(for(Ks), Opts) -> memberchk(Q, Ks) ; true ), !.

pair_declared_(M, Q, K-_) :- fact_declared_(M, Q, K).

drop_undeclared_facts_(M, Q, S, S1, Ignored) :-
    (   get_dict(facts, S, Fs), is_dict(Fs)
    ->  dict_pairs(Fs, T, FPairs),
        partition(pair_declared_(M, Q), FPairs, Keep, Drop),
        findall(P, ( member(K-V, Drop), V \== null, format(string(P), "facts.~w", [K]) ), Ignored),
        (   Drop == [] -> S1 = S
        ;   Keep == [] -> del_dict(facts, S, _, S1)
        ;   dict_pairs(Fs1, T, Keep), put_dict(facts, S, Fs1, S1)
        )
    ;   S1 = S, Ignored = []
    ).

%!  compare_outcomes_(+Q, +Fields, +S, +O1, +O2, -Kind, -Item) is det.
compare_outcomes_(Q, Fields, S, answer(A1), answer(A2), Kind, Item) :- !,
    core_(Fields, A1, C1), core_(Fields, A2, C2),
    (   C1 == C2
    ->  Kind = same, Item = none
    ;   Kind = changed,
        core_parts_(Fields, C1, C2, Parts),
        Item = _{question: Q, scenario: S, old: A1, new: A2, changed: Parts}
    ).
compare_outcomes_(Q, _, S, O1, O2, error, _{question: Q, scenario: S, side: Side, problem: Text}) :-
    (   O1 = problem(P) -> Side = old ; O2 = problem(P), Side = new ), !,
    problem_text_(P, Zh, En),
    Text = _{zh: Zh, en: En}.
compare_outcomes_(_, _, _, O1, O2, refused_both, none) :-
    O1 \= answer(_), O2 \= answer(_), !.
compare_outcomes_(_, _, S, O1, O2, one_side(k(Side, Why, Field)), S) :-
    (   O2 = undeclared(Field) -> Side = old, Why = undeclared            % only the old KB declares it
    ;   O1 = undeclared(Field) -> Side = new, Why = undeclared
    ;   O2 = refused(Code, Field) -> Side = old, Why = Code              % only the old KB accepts it
    ;   O1 = refused(Code, Field), Side = new, Why = Code
    ).

core_(Fields, A, core(St, Vals, Cites, Gaps)) :-
    St = A.status,
    findall(F-V, ( member(F, Fields), ( get_dict(F, A.answer, V0) -> true ; V0 = null ), ground_copy_(V0, V) ), Vals),
    findall(c(X, P, I), ( member(C, A.citations), _{article: X, paragraph: P, item: I} :< C ), Cites0),
    msort(Cites0, Cites),
    findall(Id, ( member(G, A.gaps), get_dict(id, G, Id) ), Gaps0),
    msort(Gaps0, Gaps).

core_parts_(Fields, core(S1, V1, C1, G1), core(S2, V2, C2, G2), Parts) :-
    findall(P, ( S1 \== S2, P = "status"
               ; member(F, Fields), memberchk(F-X1, V1), memberchk(F-X2, V2), X1 \== X2,
                 format(string(P), "answer.~w", [F])
               ; C1 \== C2, P = "citations"
               ; G1 \== G2, P = "gaps"
               ), Parts).

%   Scenarios one KB only declares or accepts, grouped by side, reason and
%   field, each group with its count and its first (smallest) scenario.
one_side_groups_(Q, OneSide, Groups) :-
    findall(K, member(K-_, OneSide), Ks0),
    list_to_set(Ks0, Ks),
    findall(_{question: Q, side: Side, reason: Why, field: Field, count: N, example: Ex},
            ( member(K, Ks), K = k(Side, Why, Field),
              aggregate_all(count, member(K-_, OneSide), N),
              once(member(K-Ex, OneSide)) ),
            Groups).

%   ---- which version of which document (pyreason verify DIR) ----------------

%!  version_info_(+M, -Info:dict) is det.
%
%   The KB's document (document_id/1, else kb_name/1), the version's label
%   and its dates in force (in_force/2: from, until or null for open), as
%   ISO dates; null where the KB declares none.
version_info_(M, _{document_id: Doc, label: Label, in_force_from: From, in_force_until: Until}) :-
    (   kb_fact(M, document_id(D)) -> text_string_(D, Doc)
    ;   kb_fact(M, kb_name(N)) -> text_string_(N, Doc)
    ;   Doc = null
    ),
    (   kb_fact(M, version_label(zh, L)) -> text_string_(L, Label) ; Label = null ),
    (   kb_fact(M, in_force(F, U))
    ->  iso_date_(F, From), iso_date_(U, Until)
    ;   From = null, Until = null
    ).

iso_date_(date(Y, Mo, D), S) :- integer(Y), !, format(string(S), "~|~`0t~d~4+-~|~`0t~d~2+-~|~`0t~d~2+", [Y, Mo, D]).
iso_date_(_, null).
