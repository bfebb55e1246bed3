:- encoding(utf8).
:- module(pyreason_check, [check_json/2]).
/** <module> Rule-consistency checks for a pyreason knowledge base

Works on any KB built the same way as the shipped one: a module
`pyreason_kb` with the text (article/2, paragraph/3, item/4), readings/5,
the vocabulary (role/4, meeting_label/3) and the rules in the files under articles/.

Load this file BEFORE the KB: while `pyreason_check_dynamic` is set, the
predicates of the files under articles/ are made dynamic as they load, so a mutant
can remove or weaken one clause inside snapshot/1 and be rolled back.

A finding is finding(Severity, Check, Zh, En, Citations, File, Line).
*/

:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(library(aggregate)).
:- use_module(library(yall)).
:- use_module(library(sha)).
:- use_module(library(utf8)).
:- use_module(library(http/json)).

%   ---- making the rules mutable ---------------------------------------------

:- dynamic made_dynamic/1.
:- multifile user:term_expansion/2.

user:term_expansion(Term, [(:- dynamic(PI)), Term]) :-
    nb_current(pyreason_check_dynamic, true),
    prolog_load_context(module, pyreason_kb),
    source_location(File, _),
    rule_file(File),
    clause_pi_(Term, PI),
    \+ made_dynamic(PI),
    assertz(made_dynamic(PI)).

clause_pi_((:- _), _) :- !, fail.
clause_pi_((H :- _), N/A) :- !, callable(H), functor(H, N, A).
clause_pi_(H, N/A) :- callable(H), functor(H, N, A).

rule_file(File) :- sub_atom(File, _, _, _, '/articles/').

%   ---- the bridge (JSON text in a string term, from Python's C interface) ------------------------------------------------------------

%!  check_json(+Request:string, -Reply:string) is det.
%
%   {"op": "checks"}                        every static check
%   {"op": "exercised", "batch": Json}      rules no scenario reaches
%   {"op": "mutants"}                       the list of mutants
%   {"op": "mutant", "index": N, "batch": Json}  the KB's batch reply under mutant N
check_json(Request, Reply) :-
    (   catch(check_json_(Request, R), E, (message_to_string_(E, M), R = _{error: M}))
    ->  true
    ;   R = _{error: "check failed"}
    ),
    with_output_to(string(Reply), json_write_dict(current_output, R, [width(0)])).

message_to_string_(E, M) :- format(string(M), "~q", [E]).

check_json_(Request, Reply) :-
    open_string(Request, In),
    call_cleanup(json_read_dict(In, Req, [value_string_as(string)]), close(In)),
    request_(Req.op, Req, Reply).

request_("checks", _, _{findings: Fs, coverage: Cov}) :- !,
    checks(Findings, Cov),
    maplist(finding_json_, Findings, Fs).
request_("exercised", Req, _{findings: Fs, exercised: Ex}) :- !,
    exercised(Req.batch, Uncovered, Ex),
    maplist(finding_json_, Uncovered, Fs).
request_("mutants", _, _{mutants: Ms}) :- !,
    findall(_{index: I, kind: K, file: F, line: L, article: A, description: D},
            mutant_info_(I, K, F, L, A, D), Ms).
request_("mutant", Req, _{reply: Reply}) :- !,
    run_mutant(Req.index, Req.batch, Reply).

finding_json_(finding(Sev, Check, Zh, En, Cites, File, Line),
              _{severity: Sev, check: Check, message: Zh, message_en: En,
                citations: Cs, file: File, line: Line}) :-
    findall(_{article: A, paragraph: P, item: I},
            ( member(c(A, P0, I0), Cites), null_if_var_(P0, P), null_if_var_(I0, I) ), Cs).

null_if_var_(X, Y) :- ( var(X) -> Y = null ; Y = X ).

%   ---- the KB's clauses -------------------------------------------------------

text_pred(article/2).
text_pred(paragraph/3).
text_pred(item/4).

%!  kb_clause(?PI, -Head, -Body, -Ref) is nondet.
%
%   Every clause defined in the KB's own files (not the text facts).
kb_clause(N/A, H, B, Ref) :-
    current_predicate(pyreason_kb:N/A),
    \+ text_pred(N/A),
    functor(H, N, A),
    \+ predicate_property(pyreason_kb:H, imported_from(_)),
    catch(clause(pyreason_kb:H, B, Ref), _, fail).

clause_loc(Ref, File, Line) :-
    (   clause_property(Ref, file(File)) -> true ; File = null ),
    (   clause_property(Ref, line_count(Line)) -> true ; Line = null ).

rule_clause(PI, H, B, Ref) :-
    kb_clause(PI, H, B, Ref),
    clause_property(Ref, file(F)),
    rule_file(F),
    \+ kb(descriptive(PI, _)).

%   Also exported for the plunit tests of the checks.
:- public static_finding/1, checks/2.

cites_in(Term, Cites) :-
    findall(c(A, P, I), ( sub_term(S, Term), nonvar(S), S = c(A, P, I), integer(A) ), Cs0),
    list_to_set(Cs0, Cites).

kb(Goal) :- catch(pyreason_kb:Goal, _, fail).

provision_exists(c(A, null, null)) :- !, kb(article(A, _)).
provision_exists(c(A, P, null)) :- !, kb(paragraph(A, P, _)).
provision_exists(c(A, P, I)) :- kb(item(A, P, I, _)).

%   ---- all static checks ------------------------------------------------------

%!  checks(-Findings:list, -Coverage:list) is det.
checks(Findings, Coverage) :-
    findall(F, static_finding(F), Fs0),
    list_to_set(Fs0, Findings),
    coverage_table(Coverage).

static_finding(F) :- citation_finding(F).
static_finding(F) :- cross_reference_finding(F).
static_finding(F) :- vocabulary_finding(F).
static_finding(F) :- cycle_finding(F).
static_finding(F) :- meeting_finding(F).
static_finding(F) :- matter_finding(F).
static_finding(F) :- reading_finding(F).
static_finding(F) :- coverage_finding(F).
static_finding(F) :- exhaustive_finding(F).
static_finding(F) :- regulation_gap_finding(F).
static_finding(F) :- drift_finding(F).

%   -- citations to provisions that do not exist --------------------------------

citation_finding(finding(error, citations, Zh, En, [C], File, Line)) :-
    kb_clause(_, H, B, Ref),
    cites_in(H-B, Cites),
    member(C, Cites),
    \+ provision_exists(C),
    clause_loc(Ref, File, Line),
    cite_label(C, L),
    format(string(Zh), "引用了不存在的条文：~w", [L]),
    format(string(En), "cites a provision that does not exist: ~w", [L]).

%   -- cross-references ----------------------------------------------------------

cross_reference_finding(finding(error, cross_references, Zh, En, [From | Bad], File, Line)) :-
    kb_clause(cross_reference/2, cross_reference(From, Targets), _, Ref),
    findall(T, ( member(T, [From | Targets]), \+ provision_exists(T) ), Bad),
    Bad \== [],
    clause_loc(Ref, File, Line),
    maplist(cite_label, Bad, Ls), atomic_list_concat(Ls, '、', L),
    format(string(Zh), "交叉引用无法解析：~w", [L]),
    format(string(En), "cross-reference does not resolve: ~w", [L]).
cross_reference_finding(finding(Sev, cross_references, Zh, En, [Src], File, Line)) :-
    text_reference(Src, Targets),
    (   kb(cross_reference(Src, Encoded))
    ->  msort(Encoded, E), msort(Targets, T), E \== T,
        Sev = error,
        maplist(cite_label, T, TL), atomic_list_concat(TL, '、', TLs),
        maplist(cite_label, E, EL), atomic_list_concat(EL, '、', ELs),
        cite_label(Src, SL),
        format(string(Zh), "~w 的原文引用 ~w，知识库编码为 ~w", [SL, TLs, ELs]),
        format(string(En), "~w refers in its text to ~w but the KB encodes ~w", [SL, TLs, ELs]),
        kb_clause(cross_reference/2, cross_reference(Src, _), _, Ref),
        clause_loc(Ref, File, Line)
    ;   Sev = warning, File = null, Line = null,
        cite_label(Src, SL),
        format(string(Zh), "~w 的原文含有对其他条文的引用，但知识库没有编码（cross_reference/2）", [SL]),
        format(string(En), "~w refers to other provisions in its text, but the KB encodes no cross_reference/2", [SL])
    ).

%   References written in the text as 本规定第七条第一、第二、第三、第五项.
text_reference(Src, Targets) :-
    provision_text(Src, Text),
    sub_string(Text, B, _, _, "本规定第"),
    sub_string(Text, B, _, 0, Rest),
    string_codes(Rest, Codes),
    phrase(reference_(Art, Items), Codes, _),
    findall(c(Art, P, I), ( member(I, Items), kb(item(Art, P, I, _)) ), Targets).

provision_text(c(A, P, null), T) :- kb(paragraph(A, P, T)).
provision_text(c(A, P, I), T) :- kb(item(A, P, I, T)).

reference_(Art, Items) -->
    "本规定第", cn_number(Art), "条", item_list(Items), "项".
item_list([I | Is]) --> "第", cn_number(I), ( "、" -> item_list(Is) ; { Is = [] } ).

cn_number(N) --> cn_digit(T), "十", cn_digit(U), !, { N is T * 10 + U }.
cn_number(N) --> cn_digit(T), "十", !, { N is T * 10 }.
cn_number(N) --> "十", cn_digit(U), !, { N is 10 + U }.
cn_number(10) --> "十", !.
cn_number(N) --> cn_digit(N).
cn_digit(D) --> [C], { nth1(D, `一二三四五六七八九`, C) }.

%   -- vocabulary -----------------------------------------------------------------

%   role_arg(Name/Arity, ArgNo, Kind): where a role, meeting or matter name
%   must be declared.
role_arg(decides/4, 2, role_or_meeting).
role_arg(requested_by/3, 2, role).
role_arg(reports_to/4, 1, role).
role_arg(reports_to/4, 2, role).
role_arg(meeting_member/3, 1, meeting).
role_arg(meeting_member/3, 2, role).
role_arg(meeting_chair/3, 1, meeting).
role_arg(meeting_chair/3, 2, role).
role_arg(acting_power/4, 1, role).
role_arg(acting_power/4, 2, role).
role_arg(chair_by_authorisation/3, 1, role).
role_arg(chair_by_authorisation/3, 2, role).
role_arg(command_rank/3, 1, role).
role_arg(command_authority/4, 1, role).
role_arg(deciding_view/3, 2, role).
role_arg(substitution_decider/3, 2, role).
role_arg(major_matter_decider/3, 1, role).
role_arg(major_matter_decider/3, 2, role).
role_arg(leadership_post/1, 1, role).
role_arg(leadership_post_unclear/1, 1, role).
role_arg(single_holder/1, 1, role).
role_arg(escalation_route/5, 1, meeting).
role_arg(escalation_route/5, 2, role).
role_arg(escalation_route/5, 3, role).
role_arg(escalation_dissenter/2, 1, meeting).
role_arg(escalation_dissenter/2, 2, role).
role_arg(duty/3, 1, role).
role_arg(dual_responsibility/2, 1, role).
role_arg(leads_bureau/2, 1, role).
role_arg(meeting_nature/4, 1, meeting).
role_arg(matter_action/2, 1, matter).
role_arg(decides/4, 1, matter).
role_arg(requested_by/3, 1, matter).
role_arg(acting_power_for_matter/4, 1, matter).
role_arg(role_alias/2, 2, role).
role_arg(meeting_alias/2, 2, meeting).

declared(role, X) :- kb(role(X, _, _, _)).
declared(meeting, X) :- kb(meeting_label(X, _, _)).
declared(role_or_meeting, X) :- ( declared(role, X) -> true ; declared(meeting, X) ).
declared(matter, X) :- kb(matter(X, _, _)).

vocabulary_finding(finding(error, vocabulary, Zh, En, Cites, File, Line)) :-
    role_arg(N/A, Arg, Kind),
    functor(H, N, A),
    kb_clause(N/A, H, B, Ref),
    arg(Arg, H, X),
    atom(X),
    \+ declared(Kind, X),
    cites_in(H-B, Cites),
    clause_loc(Ref, File, Line),
    format(string(Zh), "~w 使用了未声明的名称 ~w（应在词汇表中声明为 ~w）", [N/A, X, Kind]),
    format(string(En), "~w uses ~w, which the vocabulary does not declare (as ~w)", [N/A, X, Kind]).
vocabulary_finding(finding(error, vocabulary, Zh, En, [], File, Line)) :-
    member(N/A, [post_order/1, default_ladder/1]),
    functor(H, N, A),
    kb_clause(N/A, H, _, Ref),
    arg(1, H, List), is_list(List),
    member(X, List), \+ declared(role, X),
    clause_loc(Ref, File, Line),
    format(string(Zh), "~w 使用了未声明的岗位 ~w", [N/A, X]),
    format(string(En), "~w uses the undeclared post ~w", [N/A, X]).

%   -- reporting lines ------------------------------------------------------------

cycle_finding(finding(error, reporting_cycle, Zh, En, Cites, File, Line)) :-
    findall(A-B, kb(reports_to(A, B, _, _)), Edges),
    member(Start-_, Edges),
    cycle_from_(Start, Edges, Cycle),
    msort(Cycle, Key), Cycle = [First | _], min_member(First, Key),   % report each cycle once
    atomic_list_concat(Cycle, ' → ', Path0), format(atom(Path), "~w → ~w", [Path0, First]),
    Cycle = [X, Y | _],
    kb_clause(reports_to/4, reports_to(X, Y, Cs, _), _, Ref),
    Cites = Cs,
    clause_loc(Ref, File, Line),
    append(Cycle, [First], Closed),
    findall(Loc, ( nextto(A, B, Closed), kb_clause(reports_to/4, reports_to(A, B, _, _), _, R),
                   clause_where_(R, Loc) ), Locs),
    atomic_list_concat(Locs, ', ', Where),
    format(string(Zh), "负责关系成环：~w（各边：~w）", [Path, Where]),
    format(string(En), "reporting lines form a cycle: ~w (edges at ~w)", [Path, Where]).

%   "file:line" of a clause, or "asserted" when it has none.
clause_where_(Ref, Where) :-
    clause_loc(Ref, F, L),
    (   F == null -> Where = asserted ; format(atom(Where), "~w:~w", [F, L]) ).

cycle_from_(Start, Edges, Cycle) :-
    walk_(Start, Start, Edges, [Start], Rev),
    reverse(Rev, Cycle).
walk_(Node, Start, Edges, Seen, Seen) :-
    memberchk(Node-Start, Edges), !.
walk_(Node, Start, Edges, Seen, Path) :-
    member(Node-Next, Edges),
    \+ memberchk(Next, Seen),
    walk_(Next, Start, Edges, [Next | Seen], Path).

%   -- meetings ----------------------------------------------------------------------

meeting_finding(finding(error, meetings, Zh, En, [C], File, Line)) :-
    kb_clause(meeting/2, meeting(M, C), _, Ref),
    (   \+ kb(meeting_chair(M, _, _)) -> What = "主持人", WhatEn = "chair"
    ;   \+ kb(meeting_member(M, _, _)) -> What = "参加人员", WhatEn = "members"
    ),
    clause_loc(Ref, File, Line),
    format(string(Zh), "会议 ~w 没有规定~w", [M, What]),
    format(string(En), "meeting ~w has no ~w", [M, WhatEn]).

%   -- matters: exactly one rule decides each ---------------------------------------

matter_finding(finding(error, matters, Zh, En, [C], File, Line)) :-
    kb_clause(matter/3, matter(M, Name, C), _, Ref),
    findall(R, kb(decides(M, R, _, _)), Rs0),
    sort(Rs0, Rs),
    length(Rs, N),
    N =\= 1,
    clause_loc(Ref, File, Line),
    (   N =:= 0
    ->  format(string(Zh), "事项“~w”没有任何规则规定由谁决定", [Name]),
        format(string(En), "no rule says who decides the matter ~w", [Name])
    ;   findall(W, ( kb_clause(decides/4, decides(M, _, _, _), _, R), clause_where_(R, W) ), Ws),
        atomic_list_concat(Rs, '、', RL), atomic_list_concat(Ws, ', ', WL),
        format(string(Zh), "事项“~w”有两个以上的决定者：~w（规则见 ~w）", [Name, RL, WL]),
        format(string(En), "the matter ~w has more than one approver: ~w (rules at ~w)", [Name, RL, WL])
    ).

%   -- readings: declared once, used, and only used when declared ---------------------

reading_finding(finding(error, readings, Zh, En, [], File, Line)) :-
    kb_clause(N/A, H, B, Ref),
    N/A \== reading/5,
    sub_term(T, H-B), nonvar(T), ( T = gap(Id) ; T = interp(Id) ), atom(Id),
    \+ kb(reading(Id, _, _, _, _)),
    clause_loc(Ref, File, Line),
    format(string(Zh), "使用了未记录的解释或缺口 ~w（应在 readings 中记录理由）", [Id]),
    format(string(En), "uses the unrecorded reading ~w (record it with its reason)", [Id]).
reading_finding(finding(warning, readings, Zh, En, Cites, File, Line)) :-
    kb_clause(reading/5, reading(Id, _, Cites, _, _), _, Ref),
    \+ ( kb_clause(N/A, H, B, _), N/A \== reading/5, sub_term(T, H-B), T == Id ),
    clause_loc(Ref, File, Line),
    format(string(Zh), "记录的解释或缺口 ~w 没有被任何规则使用", [Id]),
    format(string(En), "the recorded reading ~w is used by no rule", [Id]).
reading_finding(finding(error, readings, Zh, En, Cites, File, Line)) :-
    kb_clause(reading/5, reading(Id, Kind, Cites, _, _), _, Ref),
    \+ memberchk(Kind, [gap, interpretation]),
    clause_loc(Ref, File, Line),
    format(string(Zh), "~w 的种类 ~w 不是 gap 或 interpretation", [Id, Kind]),
    format(string(En), "~w has kind ~w, not gap or interpretation", [Id, Kind]).

%   -- coverage per article and paragraph ----------------------------------------------

%   A paragraph is encoded when some rule clause cites it (or one of its
%   items, or the whole article); else it needs not_encoded/2 with a reason.
encoded(c(A, P, _)) :-
    kb_clause(N/Ar, H, B, _),
    \+ memberchk(N/Ar, [reading/5, not_encoded/2, en_article/2, en_paragraph/3, en_item/4]),
    cites_in(H-B, Cs),
    ( memberchk(c(A, P, _), Cs) ; memberchk(c(A, null, null), Cs) ),
    !.

coverage_finding(finding(warning, coverage, Zh, En, [c(A, P, null)], null, null)) :-
    kb(paragraph(A, P, _)),
    \+ encoded(c(A, P, _)),
    \+ kb(not_encoded(c(A, P, _), _)),
    cite_label(c(A, P, null), L),
    format(string(Zh), "~w 没有任何规则编码，也没有记录不编码的理由", [L]),
    format(string(En), "~w is encoded by no rule and has no recorded reason why not", [L]).

coverage_table(Rows) :-
    findall(_{article: A, title: T, paragraphs: NP, encoded: NE, recorded: NR, rules: NRules},
            ( kb(article(A, T)),
              aggregate_all(count, kb(paragraph(A, _, _)), NP),
              aggregate_all(count, ( kb(paragraph(A, P, _)), encoded(c(A, P, _)) ), NE),
              aggregate_all(count, ( kb(paragraph(A, P, _)), \+ encoded(c(A, P, _)),
                                     kb(not_encoded(c(A, P, _), _)) ), NR),
              aggregate_all(count, ( rule_clause(_, H, B, _), cites_in(H-B, Cs),
                                     once(member(c(A, _, _), Cs)) ), NRules) ),
            Rows0),
    sort(article, @<, Rows0, Rows).

%   -- exhaustive scenarios ---------------------------------------------------------------

%   Who may be away, and which authorisations may be given: every role that
%   decides, submits, approves in process or may act, and every
%   authorisation the KB provides for plus one it does not.
scenario_roles(Roles) :-
    findall(R, ( kb(decides(_, R, _, _)) ; kb(requested_by(_, R, _)) ;
                 kb(acting_power(_, R, _, _)) ; kb(process_approver(_, R, _)) ),
            Rs0),
    include([R]>>declared(role, R), Rs0, Rs1),
    sort(Rs1, Roles).
scenario_authorisations(Auths) :-
    findall(authorized(P, A), kb(acting_power(P, A, _, _)), As0),
    (   As0 = [authorized(P, _) | _], kb(role('团队长', _, _, _))
    ->  As1 = [authorized(P, '团队长') | As0]
    ;   As1 = As0
    ),
    sort(As1, Auths).

%   Scenarios in order of size, so the first one showing a finding is smallest.
approver_scenario(Facts) :-
    scenario_roles(Roles), scenario_authorisations(Auths),
    findall(absent(R), member(R, Roles), Abs),
    append(Abs, Auths, All),
    length(All, Max),
    between(0, Max, Size),
    length(Facts, Size),
    subseq_(All, Facts).

subseq_(_, []).
subseq_([X | Xs], [X | Ys]) :- subseq_(Xs, Ys).
subseq_([_ | Xs], Ys) :- Ys = [_ | _], subseq_(Xs, Ys).

exhaustive_finding(F) :- approver_exhaustive(F).
exhaustive_finding(F) :- meeting_exhaustive(F).
exhaustive_finding(F) :- substitution_exhaustive(F).
exhaustive_finding(F) :- disagreement_exhaustive(F).

approver_exhaustive(Finding) :-
    findall(M-Facts-Result,
            ( kb(matter(M, _, _)), approver_scenario(Facts),
              approver_result_(M, Facts, Result) ),
            Triples),
    approver_findings_(Triples, Finding).

approver_result_(M, Facts, Result) :-
    findall(F-T, snapshot(( forall(member(X, Facts), assertz(pyreason_kb:scenario_fact(X))),
                            pyreason_kb:q_approver(M, F, T) )), Sols0),
    (   Sols0 == [] -> Result = no_answer
    ;   findall(A, ( member(F1-_, Sols0), get_dict(approver, F1, A) ), As0), sort(As0, As),
        (   As = [_, _ | _] -> Result = conflict(As)
        ;   Sols0 = [F-T | _],
            (   F.approver == null
            ->  (   memberchk(gap(G), T) -> Result = gap(G) ; Result = silent )
            ;   Result = ok
            )
        )
    ).

approver_findings_(Triples, finding(error, exhaustive_approver, Zh, En, [C], null, null)) :-
    member(M-Facts-R, Triples), memberchk(R, [no_answer, silent]),
    kb(matter(M, Name, C)), facts_text_(Facts, FT),
    format(string(Zh), "事项“~w”在情形 ~w 下既无审批人也无记录的缺口", [Name, FT]),
    format(string(En), "matter ~w has neither an approver nor a recorded gap when ~w", [Name, FT]).
approver_findings_(Triples, finding(error, exhaustive_approver, Zh, En, [C], null, null)) :-
    member(M-Facts-conflict(As), Triples),
    kb(matter(M, Name, C)), facts_text_(Facts, FT),
    format(string(Zh), "事项“~w”在情形 ~w 下有两个以上的审批人：~w", [Name, FT, As]),
    format(string(En), "matter ~w has more than one approver when ~w: ~w", [Name, FT, As]).
approver_findings_(Triples, finding(warning, exhaustive_approver, Zh, En, Cites, null, null)) :-
    findall(G, member(_-_-gap(G), Triples), Gs0), sort(Gs0, Gs),
    member(G, Gs),
    once(member(M-Facts-gap(G), Triples)),           % the smallest scenario
    aggregate_all(count, member(_-_-gap(G), Triples), N),
    kb(matter(M, Name, _)), kb(reading(G, _, Cites, _, _)),
    facts_text_(Facts, FT),
    format(string(Zh), "缺口 ~w 出现于 ~w 个情形，最小的一个：事项“~w”，~w", [G, N, Name, FT]),
    format(string(En), "gap ~w shows in ~w scenarios; the smallest: matter ~w when ~w", [G, N, Name, FT]).

facts_text_([], "无不在岗、无授权") :- !.
facts_text_(Facts, Text) :-
    maplist([F, S]>>( F = absent(R) -> format(string(S), "~w不在岗", [R])
                    ; F = authorized(A, B) -> format(string(S), "~w授权~w", [A, B])
                    ; format(string(S), "~w", [F]) ), Facts, Ss),
    atomic_list_concat(Ss, '、', A), atom_string(A, Text).

%   Every vote pattern of each meeting's members over three opinions (or no
%   vote), with and without a major matter, gives a resolution or a gap.
meeting_exhaustive(Finding) :-
    findall(M-Major-Votes-Result,
            ( kb(meeting(M, _)),
              findall(R, kb(meeting_member(M, R, _)), Members),
              member(Major, [false, true]),
              vote_pattern_(Members, Votes), Votes \== [],
              meeting_result_(M, Major, Votes, Result) ),
            Rows),
    meeting_findings_(Rows, Finding).

vote_pattern_([], []).
vote_pattern_([R | Rs], Votes) :-
    member(O, [none, "A", "B", "C"]),
    vote_pattern_(Rs, Vs),
    ( O == none -> Votes = Vs ; Votes = [vote(R, O, null) | Vs] ).

meeting_result_(M, Major, Votes, Result) :-
    ( Major == true -> Facts = [major] ; Facts = [] ),
    findall(F-T, snapshot(( forall(member(X, Facts), assertz(pyreason_kb:scenario_fact(X))),
                            pyreason_kb:q_meeting(M, Votes, F, T) )), Sols),
    (   Sols = [F-T]
    ->  (   F.resolution \== null -> Result = ok
        ;   memberchk(gap(G), T) -> Result = gap(G)
        ;   Result = silent
        )
    ;   Sols == [] -> Result = no_answer
    ;   Result = conflict
    ).

meeting_findings_(Rows, finding(error, exhaustive_meeting, Zh, En, [c(5,1,null)], null, null)) :-
    member(M-Major-Votes-R, Rows), memberchk(R, [no_answer, silent, conflict]),
    votes_text_(Votes, VT),
    format(string(Zh), "~w 在表决 ~w（重大：~w）下没有决议也没有记录的缺口（~w）", [M, VT, Major, R]),
    format(string(En), "~w gives neither a resolution nor a recorded gap for votes ~w (major: ~w) (~w)", [M, VT, Major, R]).
meeting_findings_(Rows, finding(warning, exhaustive_meeting, Zh, En, Cites, null, null)) :-
    findall(M-G, member(M-_-_-gap(G), Rows), MGs0), sort(MGs0, MGs),
    member(M-G, MGs),
    findall(L-Votes, ( member(M-_-Votes-gap(G), Rows), length(Votes, L) ), LVs),
    keysort(LVs, [_-Smallest | _]), length(LVs, N),
    kb(reading(G, _, Cites, _, _)),
    votes_text_(Smallest, VT),
    format(string(Zh), "~w：缺口 ~w 出现于 ~w 种表决，最小的一种：~w", [M, G, N, VT]),
    format(string(En), "~w: gap ~w shows in ~w vote patterns; the smallest: ~w", [M, G, N, VT]).

votes_text_(Votes, Text) :-
    maplist([vote(R, O, _), S]>>format(string(S), "~w:~w", [R, O]), Votes, Ss),
    atomic_list_concat(Ss, ' ', A), atom_string(A, Text).

%   No scenario lets a higher post cover a lower one (12(1)).
substitution_exhaustive(finding(error, exhaustive_substitution, Zh, En, [c(12,1,null)], null, null)) :-
    kb(post_order(Top)), kb(default_ladder(Ladder)),
    append([Top, Ladder, ['团队成员']], Posts),
    member(Sub, Posts), member(For, Posts), Sub \== For,
    member(Scope, [team, department, bureau]),
    snapshot(pyreason_kb:q_substitution(Sub, For, Scope, F, _)),
    F.allowed == true,
    \+ pyreason_kb:relative_rank(Sub, For, lower),
    format(string(Zh), "~w 可以替补 ~w（~w），但前者不是下级岗位：逆向替补", [Sub, For, Scope]),
    format(string(En), "~w may cover ~w (~w) though it is not the lower post: reverse substitution", [Sub, For, Scope]).

%   Every pair of parties in either scope has a deciding view or a gap.
disagreement_exhaustive(finding(error, exhaustive_disagreement, Zh, En, [c(11,1,null)], null, null)) :-
    findall(R, kb(command_rank(R, _, _)), Rs0), kb(default_ladder(L)), append(Rs0, L, Rs),
    ( kb(role('分管副院长', _, _, _)) -> Parties = ['分管副院长' | Rs] ; Parties = Rs ),
    member(A, Parties), member(B, Parties),
    member(Scope, [team, bureau]), member(Major, [[], [major]]),
    findall(F-T, snapshot(( forall(member(X, Major), assertz(pyreason_kb:scenario_fact(X))),
                            pyreason_kb:q_disagreement(A, B, Scope, F, T) )), Sols),
    (   Sols = [F-T] -> F.decided_by == null, \+ memberchk(gap(_), T), Why = silent
    ;   Why = Sols
    ),
    format(string(Zh), "~w 与 ~w 的分歧（~w，~w）没有决定者也没有记录的缺口：~w", [A, B, Scope, Major, Why]),
    format(string(En), "a disagreement between ~w and ~w (~w, ~w) has no decider and no recorded gap: ~w", [A, B, Scope, Major, Why]).

%   -- the regulation's own gaps and drift ----------------------------------------------

regulation_gap_finding(finding(warning, regulation_gap, Zh, En, Cites, File, Line)) :-
    kb_clause(reading/5, reading(Id, gap, Cites, Zh0, En0), _, Ref),
    clause_loc(Ref, File, Line),
    format(string(Zh), "本规定未作规定（~w）：~w", [Id, Zh0]),
    format(string(En), "the regulation is silent (~w): ~w", [Id, En0]).

%   drift_terms(Id, Terms, Reading): one thing written in several ways.
drift_finding(finding(warning, drift, Zh, En, Cites, null, null)) :-
    kb(drift_terms(Id, Terms, Reading)),
    findall(T-Cs, ( member(T, Terms), term_citations_(T, Terms, Cs), Cs \== [] ), Uses),
    Uses = [_, _ | _],
    findall(C, member(_-C, Uses), Css), append(Css, Cites0), sort(Cites0, Cites),
    maplist([T-Cs, S]>>( maplist(cite_label, Cs, Ls), atomic_list_concat(Ls, '、', L),
                         format(string(S), "“~w”见~w", [T, L]) ), Uses, Parts),
    atomic_list_concat(Parts, '；', P),
    format(string(Zh), "用语不一致（~w）：~w；按 ~w 处理", [Id, P, Reading]),
    format(string(En), "one thing written several ways (~w): ~w; handled by ~w", [Id, P, Reading]).

%   Provisions whose text uses Term (not merely as part of a longer term).
term_citations_(Term, Terms, Cites) :-
    findall(C, ( provision_text(C, Text), uses_term_(Text, Term, Terms) ), Cs0),
    sort(Cs0, Cites).

uses_term_(Text, Term, Terms) :-
    sub_string(Text, B, L, _, Term),
    \+ ( member(Longer, Terms), Longer \== Term, sub_string(Longer, Off, L, _, Term),
         Start is B - Off, Start >= 0, sub_string(Text, Start, _, _, Longer) ),
    !.

%   ---- scenarios: exercised rules and mutants --------------------------------------

%!  exercised(+Batch:string, -Findings, -Count) is det.
%
%   Answer a batch of scenarios (the KB's own batch request) with clause
%   coverage on; each rule clause of the articles files that no scenario
%   reached is a warning.
exercised(Batch, Findings, _{rules: NR, exercised: NE}) :-
    setup_call_cleanup('$cov_start',
                       pyreason_kb:call_json(Batch, _),
                       '$cov_stop'),
    findall(Ref, ( '$cov_data'(clause(Ref), _, Exit), Exit > 0 ), Hit0),
    '$cov_reset',
    sort(Hit0, Hit),
    findall(Ref-H-B, rule_clause(_, H, B, Ref), Rules),
    length(Rules, NR),
    findall(finding(warning, exercised, Zh, En, Cites, File, Line),
            ( member(Ref-H-B, Rules), \+ ord_memberchk(Ref, Hit),
              cites_in(H-B, Cites), clause_loc(Ref, File, Line),
              clause_text_(H, B, CT),
              format(string(Zh), "没有任何场景用到这条规则：~w", [CT]),
              format(string(En), "no scenario exercises this rule: ~w", [CT]) ),
            Findings),
    length(Findings, NU),
    NE is NR - NU.

clause_text_(H, true, T) :- !, format(string(T), "~q", [H]).
clause_text_(H, B, T) :- format(string(T), "~q :- ~q", [H, B]).

%   Mutants: each rule clause removed; each goal of a rule body dropped.
mutant_(I, Ref, Kind) :-
    findall(Ref0-K, ( rule_clause(_, _, B, Ref0),
                      ( K = remove ; body_goal_(B, N), K = drop(N) ) ), All),
    nth1(I, All, Ref-Kind).

body_goal_(B, N) :-
    B \== true,
    conj_list_(B, Gs), length(Gs, L), L > 0,
    between(1, L, N).

conj_list_((A, B), [A | Bs]) :- !, conj_list_(B, Bs).
conj_list_(A, [A]).

mutant_info_(I, Kind, File, Line, Article, Desc) :-
    mutant_(I, Ref, K),
    clause(pyreason_kb:H, B, Ref),
    clause_loc(Ref, File, Line),
    cites_in(H-B, Cites),
    (   Cites = [c(Article, _, _) | _] -> true
    ;   H = matter_action(M, _), kb(matter(M, _, c(Article, _, _))) -> true   % an alias: its matter's article
    ;   file_article_(File, Article) -> true                                   % else the file's article
    ;   Article = null
    ),
    (   K == remove
    ->  Kind = remove, clause_text_(H, B, CT), format(string(Desc), "remove ~w", [CT])
    ;   K = drop(N), Kind = drop_condition,
        conj_list_(B, Gs), nth1(N, Gs, G),
        functor(H, Name, Ar),
        format(string(Desc), "drop condition ~q from ~w/~w", [G, Name, Ar])
    ).

%   articles/art12.pl holds Art. 12.
file_article_(File, Article) :-
    file_base_name(File, Base),
    atom_concat(art, Rest, Base),
    file_name_extension(Num, pl, Rest),
    atom_number(Num, Article).

%!  run_mutant(+Index, +Batch:string, -Reply:string) is det.
%
%   Answer a batch of scenarios (through the KB's own call_json/2) with
%   mutant Index applied; the KB is restored afterwards (snapshot/1).
run_mutant(I, Batch, Reply) :-
    mutant_(I, Ref, Kind),
    clause(pyreason_kb:H, B, Ref),
    snapshot(( apply_mutant_(Kind, Ref, H, B),
               pyreason_kb:call_json(Batch, Reply) )).

apply_mutant_(remove, Ref, _, _) :- erase(Ref).
apply_mutant_(drop(N), Ref, H, B) :-
    conj_list_(B, Gs),
    nth1(N, Gs, _, Rest),
    ( Rest == [] -> NB = true ; list_conj_(Rest, NB) ),
    functor(H, Name, Ar), functor(G, Name, Ar),
    findall(Rf, clause(pyreason_kb:G, _, Rf), Refs),
    findall(Cl, ( member(Rf, Refs),
                  ( Rf == Ref -> Cl = (H :- NB)
                  ; clause(pyreason_kb:CH, CB, Rf), Cl = (CH :- CB) ) ), Clauses),
    forall(member(Rf, Refs), erase(Rf)),
    forall(member(Cl, Clauses), assertz(pyreason_kb:Cl)).

list_conj_([G], G) :- !.
list_conj_([G | Gs], (G, C)) :- list_conj_(Gs, C).

%   ---- labels -----------------------------------------------------------------------

cite_label(c(A, P, I), L) :-
    cn_(A, CA),
    (   P == null -> format(string(L0), "第~w条", [CA]) ; cn_(P, CP), format(string(L0), "第~w条第~w款", [CA, CP]) ),
    (   I == null -> L = L0 ; cn_(I, CI), format(string(L), "~w第（~w）项", [L0, CI]) ).

%   1..99 in Chinese numerals (十五, 二十, 二十三); cn_number//1 parses.
cn_(N, S) :- integer(N), N >= 1, N =< 9, !, digit_(N, S).
cn_(10, "十") :- !.
cn_(N, S) :- integer(N), N > 10, N < 20, !, U is N - 10, digit_(U, D), string_concat("十", D, S).
cn_(N, S) :- integer(N), N >= 20, N =< 99, !,
    T is N // 10, U is N mod 10, digit_(T, TS),
    ( U =:= 0 -> US = "" ; digit_(U, US) ),
    atomic_list_concat([TS, "十", US], A), atom_string(A, S).
cn_(N, S) :- format(string(S), "~w", [N]).

digit_(D, S) :- nth1(D, ["一","二","三","四","五","六","七","八","九"], S).
