:- encoding(utf8).
/*  ask/2 end to end: answers and their status, the errors for bad input,
    that scenarios leave nothing behind, and that user text is data only.
*/
:- use_module(library(plunit)).
:- use_module(library(process)).
:- use_module(library(readutil)).
:- use_module(library(lists)).
:- use_module(library(sha)).
:- use_module(library(utf8)).
:- use_module(library(http/json)).

:- begin_tests(api).

%   The engine's entry points, for the KB the test runner loaded.
ask(Q, A) :- pyreason_engine:kb_ask(pyreason_kb, Q, zh, A).
ask(Q, Lang, A) :- pyreason_engine:kb_ask(pyreason_kb, Q, Lang, A).

:- dynamic kb_file/1.
:- prolog_load_context(directory, D),
   directory_file_path(D, '../pyreason.pl', F0),
   absolute_file_name(F0, F),
   assertz(kb_file(F)).

hostile("x'), halt, ('").

%   scenario_state(-State): every scenario fact there is, as a sorted list.
scenario_state(State) :-
    findall(F, ( member(F, [absent(_), authorized(_, _), major, ladder(_)]),
                 pyreason_kb:scenario_fact(F) ),
            State0),
    msort(State0, State).

%   base_state(-State): the number of clauses of every predicate of the KB.
base_state(State) :-
    findall(PI-N, ( predicate_property(pyreason_kb:H, number_of_clauses(N)),
                    \+ predicate_property(pyreason_kb:H, imported_from(_)),
                    functor(H, Name, Ar), PI = Name/Ar ),
            State0),
    msort(State0, State).

%   The bridge's wire format: the request as JSON text (a string term, as
%   Python hands it over through the C interface); the reply as JSON text.
request_json(Dict, Json) :-
    with_output_to(string(Json), json_write_dict(current_output, Dict.put(kb, "pyreason_kb"), [width(0)])).

reply_dict(Reply, Dict) :-
    atom_json_dict(Reply, Dict, [value_string_as(string)]).

funds(Facts, _{question: "approver", matter: "执行案款的发放", facts: Facts}).

gap_ids(Answer, Ids) :-
    findall(Id, ( member(G, Answer.gaps), Id = G.id ), Ids).

%   ---- answers -------------------------------------------------------------

%   Art 7(3), 8(5): director away, deputy authorised.
test("answered: the authorised deputy approves the release of funds",
     true(S-A-Gs == answered-'副局长'-[])) :-
    funds(_{absent: ["局长"], authorized: [_{from: "局长", to: "副局长"}]}, Q),
    ask(Q, Answer),
    S = Answer.status, A = Answer.answer.approver, Gs = Answer.gaps.

%   Art 7(3), 8(5): director away, nobody authorised.
test("gap: director away without authorisation",
     true(S-A-Ids == gap-null-[g_director_absent_unauthorised])) :-
    funds(_{absent: ["局长"]}, Q),
    ask(Q, Answer),
    S = Answer.status, A = Answer.answer.approver,
    gap_ids(Answer, Ids).

test("an answer's citations are deduplicated and in the order of the regulation",
     true(Cs == [7-1-3, 8-1-5, 9-1-1])) :-
    funds(_{absent: ["局长"], authorized: [_{from: "局长", to: "副局长"}]}, Q),
    ask(Q, Answer),
    findall(A-P-I, ( member(C, Answer.citations),
                     A = C.article, P = C.paragraph, I = C.item ), Cs).

test("every explanation step carries text and citations") :-
    funds(_{absent: ["局长"], authorized: [_{from: "局长", to: "副局长"}]}, Q),
    ask(Q, Answer),
    Answer.explanation \== [],
    forall(member(E, Answer.explanation),
           ( string(E.text), E.text \== "", is_list(E.citations) )).

test("answers come in English on request",
     true(Text == "The regulation does not say to whom this person or body answers.")) :-
    ask(_{question: "superior", role: "党支部书记"}, en, Answer),
    [G] = Answer.gaps,
    Text = G.text.

test("names match by English id, alias, case and full width",
     true(Rs == ['副局长', '副局长', '副局长', '副局长'])) :-
    findall(R, ( member(V, ["副局长", "Deputy_Director", "ｄｅｐｕｔｙ", "处长"]),
                 ask(_{question: "superior", role: V}, Answer),
                 [R | _] = Answer.answer.chain ), Rs).

%   Art 11(2) through the API: facts.major.
test("a major disagreement goes to the vice-president in charge",
     true(D-R == '分管副院长'-'局长')) :-
    ask(_{question: "disagreement", between: ["局长", "副局长"], scope: "bureau",
          facts: _{major: true}}, Answer),
    D = Answer.answer.decided_by, R = Answer.answer.requested_by.

%   Art 5(1) through the API.
test("a bureau meeting resolves by majority",
     true(S-R == answered-"同意")) :-
    ask(_{question: "meeting", meeting: "局务会议",
          votes: [_{role: "局长", opinion: "同意"}, _{role: "副局长", opinion: "同意"},
                  _{role: "分管副院长", opinion: "反对"}]}, Answer),
    S = Answer.status, R = Answer.answer.resolution.

%   Art 12 through the API, with the scenario's own ladder; scope defaults to team.
test("a substitution with the scenario's ladder is decided by the team leader",
     true(A-D == true-'团队长')) :-
    ask(_{question: "substitution", substitute: "书记员", for: "法官助理",
          facts: _{ladder: ["执行法官", "法官助理", "书记员"]}}, Answer),
    A = Answer.answer.allowed, D = Answer.answer.decided_by.

%   The bridge Python uses: JSON text in, JSON text out.
test("through the bridge an ask is answered",
     true(S-A == "answered"-"副局长")) :-
    request_json(_{op: "ask",
                  scenario: _{question: "approver", matter: "执行案款的发放",
                              facts: _{absent: ["局长"],
                                       authorized: [_{from: "局长", to: "副局长"}]}}},
                Json),
    pyreason_engine:call_json(Json, ReplyOut),
    reply_dict(ReplyOut, Reply),
    S = Reply.status, A = Reply.answer.approver.

%   ---- errors --------------------------------------------------------------

test("an unknown matter is refused",
     throws(pyreason_error(unknown_matter, matter, "不存在的事项"))) :-
    ask(_{question: "approver", matter: "不存在的事项"}, _).

test("an unknown role is refused",
     throws(pyreason_error(unknown_role, role, "局长秘书"))) :-
    ask(_{question: "superior", role: "局长秘书"}, _).

test("an unknown role among the absent is refused",
     throws(pyreason_error(unknown_role, 'facts.absent[1]', "门卫"))) :-
    funds(_{absent: ["局长", "门卫"]}, Q),
    ask(Q, _).

test("self-authorisation is refused",
     throws(pyreason_error(self_authorisation, 'facts.authorized[0].to', "局长"))) :-
    funds(_{authorized: [_{from: "局长", to: "局长"}]}, Q),
    ask(Q, _).

test("an absent member cannot vote",
     throws(pyreason_error(absent_voter, 'votes[0].role', "局长"))) :-
    ask(_{question: "meeting", meeting: "局务会", facts: _{absent: ["局长"]},
          votes: [_{role: "局长", opinion: "同意"}]}, _).

test("the one director cannot vote twice",
     throws(pyreason_error(duplicate_vote, 'votes[1].role', "局长"))) :-
    ask(_{question: "meeting", meeting: "局务会议",
          votes: [_{role: "局长", opinion: "同意"}, _{role: "局长", opinion: "反对"}]}, _).

test("an empty opinion is refused",
     throws(pyreason_error(empty_opinion, 'votes[0].opinion', "  "))) :-
    ask(_{question: "meeting", meeting: "局务会议",
          votes: [_{role: "局长", opinion: "  "}]}, _).

test("a body is not a person who can substitute",
     throws(pyreason_error(not_a_person, substitute, "院党组"))) :-
    ask(_{question: "substitution", substitute: "院党组", for: "局长"}, _).

test("a leadership post cannot be put on the ladder",
     throws(pyreason_error(not_ladder_post, 'facts.ladder[1]', "局长"))) :-
    ask(_{question: "substitution", substitute: "书记员", for: "执行法官",
          facts: _{ladder: ["执行法官", "局长"]}}, _).

test("a disagreement is within a team or the bureau only",
     throws(pyreason_error(scope_not_allowed, scope, "department"))) :-
    ask(_{question: "disagreement", between: ["局长", "副局长"], scope: "department"}, _).

test("the one director cannot disagree with himself",
     throws(pyreason_error(same_party, 'between[1]', "局长"))) :-
    ask(_{question: "disagreement", between: ["局长", "局长"], scope: "bureau"}, _).

test("an unknown question is refused",
     throws(pyreason_error(bad_request, question, foo))) :-
    ask(_{question: "foo"}, _).

test("a missing field is refused",
     throws(pyreason_error(missing_field, role, null))) :-
    ask(_{question: "superior"}, _).

%   ---- user text is data ---------------------------------------------------

test("a hostile role string is refused as an unknown role",
     throws(pyreason_error(unknown_role, role, H))) :-
    hostile(H),
    ask(_{question: "superior", role: H}, _).

test("a hostile string among the absent is refused and leaves no facts",
     true(State == [])) :-
    hostile(H),
    funds(_{absent: ["局长", H]}, Q),
    catch(ask(Q, _), pyreason_error(unknown_role, 'facts.absent[1]', H), true),
    scenario_state(State).

test("a hostile string that would assert a fact runs nothing") :-
    S = "x'), assertz(user:pyreason_hostile_ran), ('",
    catch(ask(_{question: "superior", role: S}, _),
          pyreason_error(unknown_role, role, S), true),
    \+ current_predicate(user:pyreason_hostile_ran/0).

test("through the bridge a hostile role comes back as an unknown_role error",
     true(Code-Value == "unknown_role"-H)) :-
    hostile(H),
    request_json(_{op: "ask", scenario: _{question: "superior", role: H}}, Json),
    pyreason_engine:call_json(Json, ReplyOut),
    reply_dict(ReplyOut, Reply),
    Code = Reply.error.code, Value = Reply.error.value.

%   If "halt" were ever run, the process would end with status 0 before it
%   printed anything; it must print the error and end with our own 7.
test("in a fresh process the hostile role is refused and halt never runs",
     true(Status-Found == exit(7)-true)) :-
    hostile(H),
    kb_file(KB),
    module_property(pyreason_boot, file(Boot)),
    format(atom(Goal),
           "use_module(~q), atom_codes(~q, C), pyreason_boot:load_kb(C, k, _), catch(pyreason_engine:kb_ask(k, _{question:\"superior\", role:~q}, zh, _), E, (print(E), nl)), halt(7)",
           [Boot, KB, H]),
    current_prolog_flag(executable, Exe),
    process_create(Exe, ['-q', '-g', Goal, '-t', 'halt(9)'],
                   [stdout(pipe(Out)), stderr(null), process(Pid)]),
    read_string(Out, _, Output),
    close(Out),
    process_wait(Pid, Status),
    (   sub_string(Output, _, _, _, "pyreason_error(unknown_role,role,")
    ->  Found = true
    ;   Found = false
    ).

%   ---- scenarios leave nothing behind -------------------------------------

test("with_scenario keeps the answer's bindings",
     true(A == null)) :-
    with_scenario([absent('局长')], q_approver(release_funds, F, _)),
    A = F.approver.

test("after with_scenario succeeds, no scenario fact remains",
     true(State == [])) :-
    with_scenario([absent('局长'), authorized('局长', '副局长'), major,
                   ladder(['执行法官'])],
                  q_approver(release_funds, _, _)),
    scenario_state(State).

test("after with_scenario fails, no scenario fact remains",
     true(State == [])) :-
    \+ with_scenario([absent('局长'), major], fail),
    scenario_state(State).

test("after with_scenario throws, no scenario fact remains",
     true(State == [])) :-
    catch(with_scenario([absent('局长'), authorized('局长', '副局长')], throw(oops)),
          oops, true),
    scenario_state(State).

test("asking leaves the base unchanged and the next answer as before",
     true(Before-State-A0 =@= After-[]-A1)) :-
    base_state(Before),
    ask(_{question: "approver", matter: "执行案款的发放"}, A0),
    funds(_{absent: ["局长"], authorized: [_{from: "局长", to: "副局长"}]}, Q1),
    ask(Q1, _),
    ask(_{question: "meeting", meeting: "局务会议", facts: _{major: true},
          votes: [_{role: "局长", opinion: "甲"}, _{role: "分管副院长", opinion: "乙"}]}, _),
    catch(ask(_{question: "superior", role: "x'), halt, ('"}, _), _, true),
    ask(_{question: "approver", matter: "执行案款的发放"}, A1),
    base_state(After),
    scenario_state(State).

:- end_tests(api).
