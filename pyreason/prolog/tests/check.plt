:- encoding(utf8).
/*  The checker, on the knowledge base run.pl loaded (the shipped one by
    default): it has no errors, and each check, given one defect added
    inside snapshot/1 (rolled back after each test), reports it.  Every
    name a defect uses is taken from the KB or made up: the checker and its
    tests know no regulation.  */

:- use_module(library(plunit)).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(aggregate)).

:- begin_tests(checks).

kb(M) :- user:check_kb(M).

%   findings(+Defect, -Findings): the static findings with Defect in the KB.
findings(Defect, Findings) :-
    kb(M),
    snapshot(( call(Defect),
               findall(F, pyreason_check:static_finding(M, F), Findings) )).

%   reports(+Defect, +Severity, +Check) is semidet.
reports(Defect, Severity, Check) :-
    findings(Defect, Fs),
    memberchk(finding(Severity, Check, _, _, _, _, _), Fs).

add(Clause) :- kb(M), assertz(M:Clause).

%   An article number the text does not have, and the text's last article.
new_article(A) :- kb(M), aggregate_all(max(A0), M:article(A0, _), Max), A is Max + 1.
last_article(A) :- kb(M), aggregate_all(max(A0), M:article(A0, _), A).
new_paragraph(A, P) :-
    last_article(A), kb(M),
    aggregate_all(max(P0), M:paragraph(A, P0, _), Max), P is Max + 1.

%   The KB's own way of citing itself (citation_prefix/1, else its name + 第).
prefix(P) :- kb(M), pyreason_check:citation_prefix_(M, P).

%   ---- the KB as loaded -------------------------------------------------

test("the KB has no errors", true(Errors == [])) :-
    kb(M),
    findall(C-E, pyreason_check:static_finding(M, finding(error, C, _, E, _, _, _)), Errors).

test("every recorded gap is one regulation_gap warning, at its reading/5 clause", true(N == G)) :-
    kb(M),
    aggregate_all(count, M:reading(_, gap, _, _, _), G),
    findall(F-L, ( pyreason_check:static_finding(M, finding(warning, regulation_gap, _, _, _, F, L)),
                   atom(F), integer(L) ), Ls),
    length(Ls, N).

test("the coverage table: every paragraph encoded or recorded, one row per article") :-
    kb(M),
    coverage_table(M, Rows),
    aggregate_all(count, M:article(_, _), NA),
    length(Rows, NA),
    forall(member(R, Rows), R.paragraphs =:= R.encoded + R.recorded).

test("every question goal is a rule, and no text, word, reading or declaration is") :-
    kb(M),
    forall(M:question(_, _, G, _, _), ( functor(G, N, A), pyreason_check:rule_pred(M, N/A) )),
    forall(member(PI, [article/2, paragraph/3, item/4, msg/3, reading/5, question/5, input/4,
                       answer_field/4, fact/3, known/5, check_violation/4, explore/2]),
           \+ pyreason_check:rule_pred(M, PI)).

%   ---- citations -----------------------------------------------------------

test("a clause citing an article the text does not have", true(Cs == [c(A, 1, 1)])) :-
    new_article(A),
    findings(add(probe_rule(c(A, 1, 1))), Fs),
    memberchk(finding(error, citations, _, _, Cs, _, _), Fs).

test("a clause citing an item of a paragraph that has none") :-
    kb(M), once(( M:paragraph(A, P, _), \+ M:item(A, P, _, _) )),
    reports(add(probe_rule(c(A, P, 1))), error, citations).

%   ---- quotes --------------------------------------------------------------------

%   The first and last three characters of a paragraph of the text.
text_ends(Head, Tail) :-
    kb(M), M:paragraph(_, _, T), string_length(T, L), L >= 8, !,
    sub_string(T, 0, 3, _, Head), sub_string(T, _, 3, 0, Tail).

quote_error(Defect, Zh) :-
    quote_errors(Defect, Zhs),
    member(Zh, Zhs).

%   The quotes findings Defect adds to those of the KB as loaded.
quote_errors(Defect, Zhs) :-
    findings(true, Fs0),
    findings(Defect, Fs),
    findall(Zh, ( member(F, Fs), F = finding(_, quotes, Zh, _, _, _, _), \+ memberchk(F, Fs0) ), Zhs).

test("a message quoting words the text does not have", true(sub_string(Zh, _, _, _, "探针不见于条文"))) :-
    quote_error(add(msg(probe_quote, zh, "依照条文，“探针不见于条文”。")), Zh).

test("a reading quoting words the text does not have, in 「」") :-
    quote_error(add(reading(g_probe_quote, gap, [], "条文称「探针不见于条文」。", "probe")), _).

test("a quotation in any fact of the KB, not only words and readings") :-
    quote_error(add(probe_fact(x, "其所称“探针不见于条文”")), _).

test("the text's own words in quotation marks are no finding", true(Zhs == [])) :-
    kb(M), once(M:paragraph(_, _, T)),
    format(string(S), "条文称“~w”。", [T]),
    quote_errors(add(msg(probe_quote, zh, S)), Zhs).

test("~w stands for any words: the fixed parts, in order, in one text fact", true(Zhs == [])) :-
    text_ends(H, T),
    format(string(S), "“~w~~w~w”", [H, T]),
    quote_errors(add(msg(probe_quote, zh, S)), Zhs).

test("a fixed part around ~w that the text does not have") :-
    text_ends(H, _),
    format(string(S), "“~w~~w探针不见于条文”", [H]),
    quote_error(add(msg(probe_quote, zh, S)), _).

test("an ellipsis stands for any words", true(Zhs == [])) :-
    text_ends(H, T),
    format(string(S), "“~w……~w”", [H, T]),
    quote_errors(add(msg(probe_quote, zh, S)), Zhs).

test("an English \"…\" quotes the text when it holds Chinese") :-
    quote_error(add(msg(probe_quote, en, "as \"探针不见于条文\" says")), _).

test("an English \"…\" without Chinese is no quotation of the text", true(Zhs == [])) :-
    quote_errors(add(msg(probe_quote, en, "as \"probe words\" say")), Zhs).

test("a quotation of another document, after its name in 《》, is not held against the text",
     true(Zhs == [])) :-
    quote_errors(add(msg(probe_quote, zh, "依照《探针法》第一百零九条“探针不见于条文”。")), Zhs).

test("a quotation after the document's own title in 《》 is held against the text") :-
    kb(M), M:document_title(T),
    format(string(S), "依照《~w》第一百零九条“探针不见于条文”。", [T]),
    quote_error(add(msg(probe_quote, zh, S)), _).

test("labels and the English rendering are not scanned", true(Zhs == [])) :-
    kb(M), once(M:known(K, V, _, _, _)),
    quote_errors(( add(kind_label(K, zh, "“探针不见于条文”")),
                   add(en_article(9999, "“探针不见于条文”")),
                   add(known(K, V, probe_name, probe_id, "“探针不见于条文”")) ), Zhs).

%   ---- cross-references --------------------------------------------------------

test("an encoded cross-reference that does not resolve") :-
    new_article(A),
    reports(add(cross_reference(c(A, 1, null), [])), error, cross_references).

test("a self-citation in the text without cross_reference/2 is a warning") :-
    self_citing_paragraph(A, Text, _),
    reports(( add(article(A, "")), add(paragraph(A, 1, Text)) ), warning, cross_references).

test("a cross_reference/2 that disagrees with the text's self-citation is an error") :-
    self_citing_paragraph(A, Text, c(A1, P1, null)),
    P2 is P1 + 1,
    reports(( add(article(A, "")), add(paragraph(A, 1, Text)),
              add(cross_reference(c(A, 1, null), [c(A1, P2, null)])) ), error, cross_references).

test("a cross_reference/2 that agrees with the text is no finding", fail) :-
    self_citing_paragraph(A, Text, Target),
    findings(( add(article(A, "")), add(paragraph(A, 1, Text)),
               add(cross_reference(c(A, 1, null), [Target])) ), Fs),
    memberchk(finding(_, cross_references, _, _, _, _, _), Fs).

%   A new article A whose paragraph cites, in the KB's own words, the first
%   paragraph of the text: "<prefix>七条第一款的规定。".
self_citing_paragraph(A, Text, c(A1, P1, null)) :-
    kb(M), prefix(Prefix),
    once(M:paragraph(A1, P1, _)),
    new_article(A),
    pyreason_check:cn_(A1, CA), pyreason_check:cn_(P1, CP),
    format(string(Text), "~w~w条第~w款的规定。", [Prefix, CA, CP]).

test("references in Chinese numerals: items, paragraphs, ranges, parentheses") :-
    phrase(pyreason_check:reference_(7, [], [1, 2, 3, 5]), `七条第一、第二、第三、第五项`, _),
    phrase(pyreason_check:reference_(12, [2], []), `十二条第二款`, _),
    phrase(pyreason_check:reference_(105, [1], [3]), `一百零五条第一款第（三）项`, _),
    phrase(pyreason_check:reference_(20, [], [3, 4, 5]), `二十条第三项至第五项`, _),
    phrase(pyreason_check:reference_(9, [], []), `九条`, _).

%   ---- readings --------------------------------------------------------------

test("a gap used but never recorded") :-
    reports(add((probe_rule(x) :- member(gap(g_probe_not_recorded), []))), error, readings).

test("an alias applying an unrecorded reading") :-
    reports(add(alias_reading(probe_alias, i_probe_not_recorded)), error, readings).

test("a recorded reading no rule uses") :-
    reports(add(reading(g_probe_unused, gap, [], "探针", "probe")), warning, readings).

test("a recorded gap is a regulation_gap warning") :-
    reports(add(reading(g_probe_unused, gap, [], "探针", "probe")), warning, regulation_gap).

test("a reading of neither kind") :-
    reports(add(reading(g_probe_kind, neither, [], "探针", "probe")), error, readings).

test("a reading recorded twice") :-
    kb(M), once(M:reading(Id, K, C, Z, E)),
    reports(add(reading(Id, K, C, Z, E)), error, readings).

%   ---- vocabulary ------------------------------------------------------------

test("flip_candidate/2 for a fact no fact/3 declares") :-
    reports(add(flip_candidate(probe_fact, probe_value)), error, vocabulary).

test("explore/2 for neither a fact nor an input") :-
    reports(add(explore(probe_nothing, [])), error, vocabulary).

test("an input whose kind has no names") :-
    reports(( add(question(probe_q, [x=X], probe_goal(X, F, T), F, T)),
              add(input(probe_q, x, name(probe_kind), [required])) ), error, vocabulary).

test("a question input without input/4") :-
    reports(add(question(probe_q, [x=X], probe_goal(X, F, T), F, T)), error, vocabulary).

test("a one_of value that is not a name of the input's kind") :-
    kb(M), once(M:known(K, _, _, _, _)),
    reports(( add(question(probe_q, [x=X], probe_goal(X, F, T), F, T)),
              add(input(probe_q, x, name(K), [required, one_of([probe_no_such_name], probe_code)])) ),
            error, vocabulary).

%   ---- coverage -----------------------------------------------------------------

test("a paragraph no rule encodes") :-
    new_paragraph(A, P),
    reports(add(paragraph(A, P, "探针。")), warning, coverage).

test("a paragraph with a recorded reason is not a finding", fail) :-
    new_paragraph(A, P),
    reports(( add(paragraph(A, P, "探针。")),
              add(not_encoded(c(A, P, null), "探针：不编码的理由")) ), warning, coverage).

%   ---- the KB's own invariants ----------------------------------------------------

test("every solution of a check_violation goal is a finding, located at the first fact in it",
     true(N-Located == NA-NA)) :-
    kb(M),
    aggregate_all(count, M:article(_, _), NA),
    findings(( add(check_violation(probe, warning, probe_violation(article(A, T)), article(A, T))),
               add(msg(check_probe, zh, "探针~w")), add(msg(check_probe, en, "probe ~w")) ), Fs),
    findall(F-L, member(finding(warning, probe, _, _, _, F, L), Fs), All),
    length(All, N),
    aggregate_all(count, ( member(F-L, All), atom(F), integer(L) ), Located).

test("a violation's citations are the c/3 inside its description", true(Cs == [C])) :-
    kb(M), once(M:paragraph(A, P, _)), C = c(A, P, null),
    findings(add(check_violation(probe, error, probe_violation(C), true)), Fs),
    memberchk(finding(error, probe, _, _, Cs, _, _), Fs).

test("a violation is worded by msg(check_<Check>) with the description's arguments", true(Zh-En == "探针：甲"-"probe: 甲")) :-
    findings(( add(check_violation(probe, error, probe_violation(甲), true)),
               add(msg(check_probe, zh, "探针：~w")), add(msg(check_probe, en, "probe: ~w")) ), Fs),
    memberchk(finding(error, probe, Zh, En, _, _, _), Fs).

test("an unsafe check_violation goal is not run") :-
    reports(add(check_violation(probe, error, x, shell(probe))), error, sandbox).

test("a check_violation goal that raises is an error of that check") :-
    reports(add(check_violation(probe, warning, x, atom_length(_, _))), error, probe).

%   ---- drift ---------------------------------------------------------------------

test("drift: two ways of writing one thing, both used in the text") :-
    kb(M),
    M:paragraph(A1, P1, T1), string_length(T1, L1), L1 >= 4,
    M:paragraph(A2, P2, T2), c(A2, P2) \== c(A1, P1), string_length(T2, L2), L2 >= 4,
    sub_string(T1, 0, 3, _, S1), sub_string(T2, 0, 3, _, S2), S1 \== S2,
    \+ sub_string(S1, _, _, _, S2), \+ sub_string(S2, _, _, _, S1),
    !,
    reports(add(drift_terms(S1, [S2])), warning, drift).

%   ---- exhaustive ---------------------------------------------------------------------

exhaustive_with(Defect, Findings) :-
    kb(M),
    snapshot(( call(Defect), exhaustive(M, 20, 5, Findings, _) )).

test("a question whose goal fails has no answer") :-
    exhaustive_with(( add(question(probe_q, [], probe_goal(F, T), F, T)),
                      add((probe_goal(_, _) :- fail)) ), Fs),
    memberchk(finding(error, exhaustive_probe_q, _, _, _, _, _), Fs).

test("an answer relying on an unrecorded reading", true(sub_string(En, _, _, _, "g_probe_unrecorded"))) :-
    exhaustive_with(( add(question(probe_q, [], probe_goal(F, T), F, T)),
                      add(probe_goal(_{}, [gap(g_probe_unrecorded)])) ), Fs),
    memberchk(finding(error, exhaustive_probe_q, _, En, _, _, _), Fs).

test("an internal error") :-
    exhaustive_with(( add(question(probe_q, [], probe_goal(F, T), F, T)),
                      add((probe_goal(_, _) :- atom_length(_, _))) ), Fs),
    memberchk(finding(error, exhaustive_probe_q, _, _, _, _, _), Fs).

test("a recorded gap is a warning naming the smallest scenario",
     true(sub_string(En, _, _, _, "\"question\":\"probe_q\""))) :-
    exhaustive_with(( add(question(probe_q, [], probe_goal(F, T), F, T)),
                      add(reading(g_probe, gap, [], "探针", "probe")),
                      add(probe_goal(_{}, [gap(g_probe)])) ), Fs),
    memberchk(finding(warning, exhaustive_probe_q, _, En, _, _, _), Fs).

test("an answer whose every shown field is empty, without a gap") :-
    exhaustive_with(( add(question(probe_q, [], probe_goal(F, T), F, T)),
                      add(answer_field(probe_q, x, text, [essential, shown])),
                      add(probe_goal(_{x: null}, [])) ), Fs),
    memberchk(finding(error, exhaustive_probe_q, _, _, _, _, _), Fs).

test("a string of the KB an answer shows as a quotation, not in the text",
     true(sub_string(En, _, _, _, "探针不见于条文"))) :-
    exhaustive_with(( add(question(probe_q, [], probe_goal(F, T), F, T)),
                      add(probe_words("探针不见于条文")),
                      add(msg(probe_step, zh, "探针：~w")),
                      add((probe_goal(_{}, [step(probe_step, [W], [])]) :- probe_words(W))) ), Fs),
    memberchk(finding(error, quotes, _, En, _, _, _), Fs).

test("the text's own words shown as a quotation are no finding", true(Qs == [])) :-
    kb(M), once(M:paragraph(_, _, Words)),
    snapshot(( add(question(probe_q, [], probe_goal(F, T), F, T)),
               add(probe_words(Words)),
               add(msg(probe_step, zh, "探针：~w")),
               add((probe_goal(_{}, [step(probe_step, [W], [])]) :- probe_words(W))),
               exhaustive(M, 20, 5, Fs, Stats) )),
    member(S, Stats), S.question == probe_q, !,
    S.answered > 0,
    findall(En, ( member(finding(_, quotes, _, En, _, _, _), Fs), sub_string(En, _, _, _, "probe_q") ), Qs).

test("a boolean fact is tried absent, true and, with if_false/1, false",
     true(Gs-Gs1 == [0-[absent], 1-[true, false]]-[0-[absent], 1-[true]])) :-
    pyreason_check:fact_groups_(_, probe, boolean, [if_false(probe_not)], 100, Gs),
    pyreason_check:fact_groups_(_, probe, boolean, [], 100, Gs1).

test("false is asked of a question whose rules read the if_false term, not of another",
     true(Read-Other == [0-[absent], 1-[true, false]]-[0-[absent], 1-[true]])) :-
    kb(M),
    snapshot(( add(question(probe_q, [], probe_goal(F, T), F, T)),
               add(question(probe_r, [], probe_other(F, T), F, T)),
               add(fact(probe_flag, boolean, [if_false(probe_not), for([probe_q, probe_r])])),
               add((probe_goal(_{}, []) :- probe_said_not)),
               add((probe_said_not :- scenario_fact(probe_not))),
               add((probe_other(_{}, []) :- scenario_fact(probe_flag))),
               pyreason_check:scenario_space(M, probe_q, 100, DQ),
               pyreason_check:scenario_space(M, probe_r, 100, DR) )),
    memberchk(dim(fact, probe_flag, Read), DQ),
    memberchk(dim(fact, probe_flag, Other), DR).

test("rules reading any scenario fact may read the if_false term", true(Opts == [if_false(probe_not)])) :-
    pyreason_check:if_false_read_([probe_goal(x)-(scenario_fact(F), F \== x)], [if_false(probe_not)], Opts).

test("the KB's questions have no errors over their scenarios", [nondet, true(Errors == [])]) :-
    kb(M),
    exhaustive(M, 200, 5, Fs, Stats),
    findall(C-E, member(finding(error, C, _, E, _, _, _), Fs), Errors),
    forall(member(S, Stats), S.tried > 0).

test("vote patterns: how many votes of each opinion, up to renaming free opinions",
     true(Sizes == [1-2, 2-4, 3-4])) :-
    pyreason_check:vote_groups_([a-1, b-2], ["甲", "乙", "丙"], true, 1, 3, 100, 0, Groups),
    findall(S-N, ( member(S-Ps, Groups), length(Ps, N) ), Sizes).

test("declared vote values are counted as they are", true(Sizes == [1-4, 2-7])) :-
    pyreason_check:vote_groups_([a-1, b-2], ["for", "against"], false, 1, 2, 100, 0, Groups),
    findall(S-N, ( member(S-Ps, Groups), length(Ps, N) ), Sizes).

%   ---- mutants ------------------------------------------------------------------------

test("mutants: rules only, each undone after its run") :-
    kb(M),
    mutants(M, Ms),
    Ms = [mutant(Ref, _) | _],
    clause(M:H, B, Ref),
    forall(( member(mutant(R, _), Ms), clause(M:MH, _, R) ),
           ( functor(MH, N, A), pyreason_check:rule_pred(M, N/A) )),
    pyreason_check:run_mutant(M, 1, [], R1),
    R1.results == [],
    clause(M:H, B, Ref).

:- end_tests(checks).
