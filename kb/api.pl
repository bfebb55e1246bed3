:- encoding(utf8).
/*  The bridge: requests in, answers out, as data.

    Python hands every request over as JSON text in a string term, put
    there through the C interface (PL_put_chars), so no user text is ever
    read as Prolog code (ENGINEERING.md, "Safety"); the reply is JSON text:
        call_json(+Request:string, -Reply:string)
    call_hex/2 takes the hex of the same JSON, for callers limited to
    query text.
    Requests:  {"op": "ask", "scenario": {...}, "lang": "zh"|"en"}
               {"op": "batch", "scenarios": [...], "lang": ...}
               {"op": "vocabulary"}   {"op": "articles"}   {"op": "readings", "lang": ...}
    A failed request replies {"error": {"code", "field", "value", "message"}}.
*/

%!  call_json(+Request:string, -Reply:string) is det.
%
%   The bridge: Request is JSON text, handed over by the Python side through
%   the C interface as a string term (never read as Prolog); Reply is JSON
%   text.  Never throws and never fails: every error becomes an error reply.
call_json(Request, Reply) :-
    (   catch(call_json_(Request, R), E, error_reply(E, zh, R))
    ->  true
    ;   error_reply(failed, zh, R)
    ),
    catch(json_string_(R, Reply0), WriteError, true),
    (   var(WriteError)
    ->  Reply = Reply0
    ;   error_reply(WriteError, zh, Fallback),  % e.g. an unbound value in the reply
        json_string_(Fallback, Reply)
    ).

call_json_(Request, Reply) :-
    must_be(string, Request),
    open_string(Request, Stream),
    call_cleanup(json_read_dict(Stream, Dict, [value_string_as(string), null(null)]),
                 close(Stream)),
    get_dict(op, Dict, Op),
    request_(Op, Dict, Reply).

%!  call_hex(+HexRequest:atom, -JsonReply:atom) is det.
%
%   The same with the request as the hex of its UTF-8 JSON, for callers that
%   can only pass query text (the hex holds nothing but [0-9a-f]).
call_hex(Hex, JsonOut) :-
    (   catch(hex_string_(Hex, Request), _, fail)
    ->  call_json(Request, Reply)
    ;   error_reply(bad_request, zh, R), json_string_(R, Reply)
    ),
    atom_string(JsonOut, Reply).

request_("ask", Request, Reply) :-
    !,
    request_lang_(Request, Lang),
    request_limit_(Request, Limit),
    ask_reply_(Request.scenario, Lang, Limit, Reply).
request_("batch", Request, _{results: Results}) :-
    !,
    request_lang_(Request, Lang),
    request_limit_(Request, Limit),
    maplist(batch_reply_(Lang, Limit), Request.scenarios, Results).
request_("flips", Request, Reply) :-
    !,
    request_lang_(Request, Lang),
    request_limit_(Request, Limit),
    Limit = limits(Seconds, Inferences),
    catch(( call_with_time_limit(Seconds,
                call_with_inference_limit(flips(Request.scenario, Lang, Reply0), Inferences, Result)),
            (   Result == inference_limit_exceeded
            ->  throw(pyreason_error(inference_limit, null, Inferences))
            ;   Reply = Reply0
            ) ),
          E, error_reply(E, Lang, Reply)).
request_("org", Request, Reply) :- !, load_org(Request.rows, Reply).
request_("vocabulary", _, Reply) :- !, vocabulary(Reply).
request_("articles", _, Reply) :- !, articles(Reply).
request_("readings", Request, Reply) :- !, request_lang_(Request, Lang), readings(Lang, Reply).
request_(Op, _, _) :-
    throw(pyreason_error(bad_request, op, Op)).

request_lang_(Request, Lang) :-
    (   get_dict(lang, Request, L), L == "en" -> Lang = en ; Lang = zh ).

%   The limits of one question: seconds (default 10) and inferences (default
%   50 million); cyclic or enormous input ends with a clear error, not a hang.
request_limit_(Request, limits(Seconds, Inferences)) :-
    (   get_dict(seconds, Request, S), number(S), S > 0 -> Seconds = S ; Seconds = 10 ),
    (   get_dict(inferences, Request, I), integer(I), I > 0 -> Inferences = I ; Inferences = 50000000 ).

batch_reply_(Lang, Limit, Scenario, Reply) :-
    ask_reply_(Scenario, Lang, Limit, Reply).

ask_reply_(Scenario, Lang, limits(Seconds, Inferences), Reply) :-
    catch(( call_with_time_limit(Seconds,
                call_with_inference_limit(ask(Scenario, Lang, Reply0), Inferences, Result)),
            (   Result == inference_limit_exceeded
            ->  throw(pyreason_error(inference_limit, null, Inferences))
            ;   Reply = Reply0
            ) ),
          E, error_reply(E, Lang, Reply)).

%!  ask(+Scenario:dict, -Answer:dict) is det.
%!  ask(+Scenario:dict, +Lang, -Answer:dict) is det.
%
%   Answer one scenario (the contract's scenario, as a dict read from
%   JSON with string values).  Throws pyreason_error(Code, Field, Value)
%   for input that names unknown things or contradicts itself.
ask(Scenario, Answer) :-
    ask(Scenario, zh, Answer).
ask(Scenario, Lang, Answer) :-
    must_be(dict, Scenario),
    must_be(oneof([zh, en]), Lang),
    scenario_facts(Scenario, Facts),
    get_dict(question, Scenario, QString),
    atom_string(Question, QString),
    question_goal_(Question, Scenario, Facts, Fields, Trace, Goal),
    (   with_scenario(Facts, Goal)
    ->  true
    ;   throw(pyreason_error(no_answer, question, QString))
    ),
    alias_readings_(Scenario, AliasTrace),
    chart_fields_(Question, Scenario, Fields, Fields1, ChartTrace),
    append([ChartTrace, Trace, AliasTrace], Trace1),
    assemble_answer(Question, Lang, Fields1, Trace1, Answer).

chart_scope_of_(V1, V2, Scope) :-
    string(V1), string(V2),
    atom_string(A, V1), atom_string(B, V2),
    chart_scope(A, B, Scope, _).

%   With an org chart: the persons named, and the persons behind the posts
%   the answer names (who decides, who is the superior).
chart_fields_(Q, S, F0, F, Trace) :-
    findall(N, ( string_leaf_(S, V), atom_string(N, V), person(N, _, _, _) ), Ns0),
    findall(N, ( get_dict(votes, S, Vs), is_list(Vs), member(Vt, Vs), get_dict(role, Vt, V),
                 string(V), atom_string(N, V), person(N, _, _, _) ), Ns1),
    append(Ns0, Ns1, Ns2), list_to_set(Ns2, Names),
    (   Names == []
    ->  F = F0, Trace = []
    ;   findall(N-_{post: P, team: T, department: D}, ( member(N, Names), person(N, P, T, D) ), Pairs),
        dict_pairs(Persons, _, Pairs),
        chart_question_fields_(Q, S, F0, Extra, Trace),
        F = F0.put(Extra).put(persons, Persons)
    ).

chart_question_fields_(substitution, S, F0, _{decided_by_person: P, scope: Scope}, Trace) :-
    chart_pair_(S.substitute, S.for, A, B, Scope, Unit),
    !,
    (   F0.decided_by \== null, holder(F0.decided_by, Unit, P0) -> P = P0 ; P = null ),
    Trace = [step(scope_from_chart, [A, B, Scope], [c(12,2,null)])].
chart_question_fields_(disagreement, S, F0, _{decided_by_person: P}, Trace) :-
    S.between = [V1, V2],
    chart_pair_(V1, V2, A, B, Scope, Unit),
    !,
    D = F0.decided_by,
    (   D == null -> P = null
    ;   person(A, D, _, _) -> P = A
    ;   person(B, D, _, _) -> P = B
    ;   holder(D, Unit, P0) -> P = P0
    ;   P = null
    ),
    Trace = [step(scope_from_chart, [A, B, Scope], [c(11,1,null)])].
chart_question_fields_(superior, S, _, _{superior_person: P, chain_persons: Chain}, []) :-
    atom_string(N, S.role), person(N, _, _, _),
    !,
    person_chain_(N, [N], Chain),
    ( Chain = [_, P | _] -> true ; P = null ).
chart_question_fields_(approver, _, F0, _{approver_person: P}, []) :-
    !,
    (   F0.approver \== null, holder(F0.approver, bureau, P0) -> P = P0 ; P = null ).
chart_question_fields_(_, _, _, _{}, []).

chart_pair_(V1, V2, A, B, Scope, Unit) :-
    string(V1), string(V2), atom_string(A, V1), atom_string(B, V2),
    chart_scope(A, B, Scope, Unit).

person_chain_(N, Seen, [N | Rest]) :-
    person_superior(N, Boss), \+ memberchk(Boss, Seen),
    !,
    person_chain_(Boss, [Boss | Seen], Rest).
person_chain_(N, _, [N]).

%   Interpretations carried by the words the scenario used (e.g. 处长).
alias_readings_(Scenario, Trace) :-
    findall(Key-Id, ( alias_reading(Alias, Id), name_key(Alias, Key) ), Keys),
    findall(interp(Id),
            ( string_leaf_(Scenario, S),
              (   atom_string(A, S), alias_reading(A, Id)          % exact, indexed
              ;   string_length(S, L), L =< 12,                    % aliases are short
                  name_key(S, Key), memberchk(Key-Id, Keys)
              ) ),
            Trace0),
    list_to_set(Trace0, Trace).

string_leaf_(S, S) :- string(S), !.
string_leaf_(D, S) :- is_dict(D), !, get_dict(K, D, V), K \== votes, string_leaf_(V, S).
string_leaf_(L, S) :- is_list(L), member(V, L), string_leaf_(V, S).

%   question_goal_(+Question, +Scenario, +Facts, -Fields, -Trace, -Goal):
%   resolve the question's own fields and build the goal that answers it.
question_goal_(approver, S, _, Fields, Trace, q_approver(M, Fields, Trace)) :-
    !,
    field_(S, matter, V),
    resolve_matter(matter, V, M).
question_goal_(superior, S, _, Fields, Trace, q_superior(R, Fields, Trace)) :-
    !,
    field_(S, role, V),
    resolve_role(role, V, any, R).
question_goal_(substitution, S, _, Fields, Trace, q_substitution(Sub, For, Scope, Fields, Trace)) :-
    !,
    field_(S, substitute, V1), resolve_role(substitute, V1, person, Sub),
    field_(S, for, V2), resolve_role(for, V2, person, For),
    (   get_dict(scope, S, V3) -> resolve_scope(scope, V3, Scope)
    ;   chart_scope_of_(V1, V2, Scope0) -> Scope = Scope0        % two persons: from the chart
    ;   Scope = team                                              % the contract's default
    ).
question_goal_(disagreement, S, _, Fields, Trace, q_disagreement(A, B, Scope, Fields, Trace)) :-
    !,
    field_(S, between, Between),
    (   is_list(Between), Between = [V1, V2]
    ->  true
    ;   throw(pyreason_error(bad_request, between, Between))
    ),
    resolve_role('between[0]', V1, person, A),
    resolve_role('between[1]', V2, person, B),
    (   \+ get_dict(scope, S, _), chart_scope_of_(V1, V2, Scope0)
    ->  ( Scope0 == team -> Scope = team ; Scope = bureau ), V3 = Scope   % Art. 11 knows these two
    ;   field_(S, scope, V3),
        resolve_scope(scope, V3, Scope)
    ),
    (   memberchk(Scope, [team, bureau])
    ->  true
    ;   throw(pyreason_error(scope_not_allowed, scope, V3))
    ),
    (   V1 == V2, atom_string(P, V1), person(P, _, _, _)           % one person twice
    ->  throw(pyreason_error(same_party, 'between[1]', V2))
    ;   A == B, \+ chart_scope_of_(V1, V2, _), ( single_holder(A) ; A == '团队长', Scope == team )
    ->  throw(pyreason_error(same_party, 'between[1]', V2))
    ;   true
    ).
question_goal_(meeting, S, Facts, Fields, Trace, q_meeting(M, Votes, Fields, Trace)) :-
    !,
    field_(S, meeting, V),
    resolve_meeting(meeting, V, M),
    field_(S, votes, Vs),
    votes_(Vs, Facts, Votes).
question_goal_(duties, S, _, Fields, Trace, q_duties(R, Fields, Trace)) :-
    !,
    field_(S, role, V),
    resolve_role(role, V, any, R).
question_goal_(Q, _, _, _, _, _) :-
    throw(pyreason_error(bad_request, question, Q)).

field_(Dict, Key, Value) :-
    (   get_dict(Key, Dict, Value)
    ->  true
    ;   throw(pyreason_error(missing_field, Key, null))
    ).

%!  scenario_facts(+Scenario:dict, -Facts:list) is det.
%
%   The what-if facts of a scenario as scenario_fact/1 terms, with every
%   name resolved and the facts checked against each other.
scenario_facts(Scenario, Facts) :-
    (   get_dict(facts, Scenario, F), is_dict(F) -> true ; F = _{} ),
    list_field_(F, absent, Absent),
    findall(absent(R),
            ( nth0(I, Absent, V), format(atom(Fd), "facts.absent[~w]", [I]),
              resolve_role(Fd, V, person, R) ),
            AbsentFacts0),
    list_to_set(AbsentFacts0, AbsentFacts),
    list_field_(F, authorized, Auth),
    findall(authorized(From, To),
            ( nth0(I, Auth, A),
              format(atom(FdF), "facts.authorized[~w].from", [I]),
              format(atom(FdT), "facts.authorized[~w].to", [I]),
              field_(A, from, VF), resolve_role(FdF, VF, person, From),
              field_(A, to, VT), resolve_role(FdT, VT, person, To),
              (   From == To -> throw(pyreason_error(self_authorisation, FdT, VT)) ; true ) ),
            AuthFacts0),
    list_to_set(AuthFacts0, AuthFacts),
    (   get_dict(major, F, true) -> MajorFacts = [major] ; MajorFacts = [] ),
    (   get_dict(ladder, F, Ladder), Ladder \== null
    ->  ladder_(Ladder, Posts), LadderFacts = [ladder(Posts)]
    ;   LadderFacts = []
    ),
    append([AbsentFacts, AuthFacts, MajorFacts, LadderFacts], Facts).

list_field_(Dict, Key, List) :-
    (   get_dict(Key, Dict, List0), is_list(List0) -> List = List0 ; List = [] ).

ladder_(Values, Posts) :-
    findall(I-P,
            ( nth0(I, Values, V), format(atom(Fd), "facts.ladder[~w]", [I]),
              resolve_role(Fd, V, person, P),
              (   role(P, ladder_post, _, _) -> true
              ;   throw(pyreason_error(not_ladder_post, Fd, V))
              ) ),
            Pairs),
    pairs_values(Pairs, Posts),
    (   nth0(I, Posts, P), nth0(J, Posts, P), J > I
    ->  format(atom(Fd), "facts.ladder[~w]", [J]),
        nth0(J, Values, V),
        throw(pyreason_error(duplicate_ladder_post, Fd, V))
    ;   true
    ).

votes_(Values, Facts, Votes) :-
    (   is_list(Values) -> true ; throw(pyreason_error(bad_request, votes, Values)) ),
    findall(I-vote(Role, Opinion, Name),
            ( nth0(I, Values, V),
              format(atom(FdR), "votes[~w].role", [I]),
              format(atom(FdO), "votes[~w].opinion", [I]),
              field_(V, role, RV), resolve_role(FdR, RV, person, Role),
              field_(V, opinion, Opinion),
              (   string(Opinion), non_blank_(Opinion)
              ->  true
              ;   throw(pyreason_error(empty_opinion, FdO, Opinion))
              ),
              (   memberchk(absent(Role), Facts)
              ->  throw(pyreason_error(absent_voter, FdR, RV))
              ;   true
              ),
              (   get_dict(name, V, Name0), Name0 \== "" -> Name = Name0
              ;   atom_string(RA, RV), person(RA, _, _, _) -> Name = RV    % a person of the chart
              ;   Name = null
              ) ),
            Indexed),
    (   nth0(J, Indexed, J-vote(R, _, _)), single_holder(R),
        nth0(K, Indexed, K-vote(R, _, _)), K > J
    ->  format(atom(Fd), "votes[~w].role", [K]),
        nth0(K, Values, VK), get_dict(role, VK, RK),
        throw(pyreason_error(duplicate_vote, Fd, RK))
    ;   true
    ),
    pairs_values(Indexed, Votes).

%   Some character that is not white space (split_string/4 would cut at code 0).
non_blank_(S) :-
    string_codes(S, Codes),
    member(C, Codes),
    \+ code_type(C, space), C \== 0x3000,
    !.

%   ---- names ---------------------------------------------------------------

%!  resolve_role(+Field, +Value, +Kind, -Role) is det.
%
%   Role is the canonical name Value stands for: the Chinese name, the
%   English id, an alias, or any of them written with other width, case
%   or spacing.  Kind person refuses bodies (院党组, 审判委员会, 执行局).
resolve_role(Field, Value, Kind, Role) :-
    (   string_value_(Value, S), role_for_name_(S, Role0)
    ->  (   Kind == person, role(Role0, body, _, _)
        ->  throw(pyreason_error(not_a_person, Field, Value))
        ;   Role = Role0
        )
    ;   throw(pyreason_error(unknown_role, Field, Value))
    ).

role_for_name_(S, Role) :-                      % exact names first: indexed, fast
    atom_string(A, S),
    (   role(A, _, _, _) -> Role = A
    ;   role(Role, _, A, _) -> true
    ;   role_alias(A, Role)
    ),
    !.
role_for_name_(S, Role) :-                      % a person of the org chart: their post
    atom_string(A, S),
    person(A, Role, _, _),
    !.
role_for_name_(S, Role) :-                      % then any width, case or spacing
    name_key(S, Key),
    (   role(Role, _, Id, _), ( name_key(Role, Key) ; name_key(Id, Key) )
    ;   role_alias(Alias, Role), name_key(Alias, Key)
    ),
    !.

%!  resolve_matter(+Field, +Value, -Matter) is det.
resolve_matter(Field, Value, Matter) :-
    (   string_value_(Value, S), atom_string(A, S),
        (   matter(Matter, A, _) ; matter(A, _, _), Matter = A ; matter_action(Matter, A) )
    ->  true
    ;   string_value_(Value, S), name_key(S, Key),
        (   matter(Matter, Name, _), ( name_key(Name, Key) ; name_key(Matter, Key) )
        ;   matter_action(Matter, Action), name_key(Action, Key)
        )
    ->  true
    ;   throw(pyreason_error(unknown_matter, Field, Value))
    ).

%!  resolve_meeting(+Field, +Value, -Meeting) is det.
resolve_meeting(Field, Value, Meeting) :-
    (   string_value_(Value, S), name_key(S, Key),
        (   meeting_label(Meeting, Id, _), ( name_key(Meeting, Key) ; name_key(Id, Key) )
        ;   meeting_alias(Alias, Meeting), name_key(Alias, Key)
        ),
        meeting(Meeting, _)                   % a meeting the regulation establishes (4(1))
    ->  true
    ;   throw(pyreason_error(unknown_meeting, Field, Value))
    ).

%!  resolve_scope(+Field, +Value, -Scope) is det.
resolve_scope(Field, Value, Scope) :-
    (   string_value_(Value, S), name_key(S, Key),
        (   scope(Scope, _, _), name_key(Scope, Key)
        ;   scope_alias(Alias, Scope), name_key(Alias, Key)
        )
    ->  true
    ;   throw(pyreason_error(unknown_scope, Field, Value))
    ).

string_value_(V, S) :- string(V), !, S = V.
string_value_(V, S) :- atom(V), V \== null, V \== true, V \== false, atom_string(V, S).

%!  name_key(+Name, -Key:string) is det.
%
%   Name folded for matching: full-width ASCII to half-width, lower case,
%   without spaces, underscores or hyphens.
name_key(Name, Key) :-
    (   string(Name) -> S = Name ; atom_string(Name, S) ),
    string_codes(S, Codes),
    foldl(key_code_, Codes, Folded, []),
    string_codes(Key, Folded).

key_code_(C, Acc, Acc) :- ( code_type(C, space) ; C == 0'_ ; C == 0'- ; C == 0x3000 ), !.
key_code_(C, [L | Acc], Acc) :-
    (   C >= 0xFF01, C =< 0xFF5E -> H is C - 0xFEE0 ; H = C ),
    (   H >= 0'A, H =< 0'Z -> L is H + 32 ; L = H ).

%   ---- answers -------------------------------------------------------------

%!  assemble_answer(+Question, +Lang, +Fields, +Trace, -Answer:dict) is det.
%
%   The contract's answer: status, fields, citations, explanation steps,
%   gaps and the interpretations used.
assemble_answer(Question, Lang, Fields, Trace, Answer) :-
    findall(_{rule: Key, kind: Kind, text: Text, citations: Cs},
            ( member(step(Key, Args, Cites), Trace),
              ( why_not(Key) -> Kind = why_not ; Kind = because ),
              message_text(Lang, Key, Args, Text),
              citations_json_(Cites, Cs) ),
            Explanation),
    findall(Cites, member(step(_, _, Cites), Trace), Nested),
    append(Nested, AllCites),
    citations_json_(AllCites, Citations),
    readings_json_(gap, Lang, Trace, Gaps),
    readings_json_(interpretation, Lang, Trace, Interps),
    (   Gaps == [] -> Status = answered ; Status = gap ),
    Answer = _{question: Question, status: Status, answer: Fields,
               citations: Citations, explanation: Explanation,
               gaps: Gaps, interpretations: Interps}.

readings_json_(Kind, Lang, Trace, Json) :-
    (   Kind == gap -> Tag = gap ; Tag = interp ),
    findall(Id, ( member(T, Trace), T =.. [Tag, Id] ), Ids0),
    list_to_set(Ids0, Ids),
    findall(_{id: Id, text: Text, citations: Cs},
            ( member(Id, Ids),
              reading(Id, Kind, Cites, Zh, En),
              ( Lang == en -> Text = En ; Text = Zh ),
              citations_json_(Cites, Cs) ),
            Json).

%   Citations, deduplicated, in the order of the regulation.
citations_json_(Cites, Json) :-
    findall(K-c(A,P,I), ( member(c(A,P,I), Cites), cite_key_(c(A,P,I), K) ), Keyed),
    sort(Keyed, Sorted),
    pairs_values(Sorted, Unique),
    findall(_{article: A, paragraph: P, item: I}, member(c(A,P,I), Unique), Json).

cite_key_(c(A,P,I), k(A,P1,I1)) :-
    ( P == null -> P1 = 0 ; P1 = P ),
    ( I == null -> I1 = 0 ; I1 = I ).

%!  error_reply(+Error, +Lang, -Reply:dict) is det.
error_reply(pyreason_error(Code, Field, Value), Lang, _{error: E}) :-
    !,
    atom_concat(err_, Code, Key),
    (   msg(Key, Lang, _)
    ->  message_text(Lang, Key, [Value], Message)
    ;   format(string(Message), "~w", [Code])
    ),
    error_category_(Code, Category),
    json_safe_(Value, JValue),
    E = _{code: Code, field: Field, value: JValue, message: Message, category: Category}.
error_reply(time_limit_exceeded, Lang, _{error: _{code: time_limit, field: null, value: null,
                                                  message: M, category: null}}) :-
    !,
    message_text(Lang, err_time_limit, [], M).
error_reply(E, _, _{error: _{code: internal, field: null, value: null, message: M, category: null}}) :-
    (   E = error(Formal, _) -> true ; Formal = E ),
    format(string(M), "~q", [Formal]).

error_category_(unknown_role, role) :- !.
error_category_(not_a_person, role) :- !.
error_category_(not_ladder_post, ladder_post) :- !.
error_category_(unknown_matter, matter) :- !.
error_category_(unknown_meeting, meeting) :- !.
error_category_(unknown_scope, scope) :- !.
error_category_(_, null).

json_safe_(V, V) :- ( string(V) ; number(V) ; V == null ; V == true ; V == false ), !.
json_safe_(V, S) :- format(string(S), "~w", [V]).

%   ---- flips: what would change the answer ----------------------------------

%!  flips(+Scenario:dict, +Lang, -Reply:dict) is det.
%
%   Reply is {"answer": ..., "flips": [...]}: the scenario's answer and every
%   single change of its facts (one absence, one authorisation, major, one
%   vote) that changes the answer's status or fields, each with the new
%   answer and its citations -- a counterfactual explanation.
flips(Scenario, Lang, _{answer: Answer, flips: Flips}) :-
    ask(Scenario, Lang, Answer),
    answer_key_(Answer, Key),
    findall(Change-Variant, variant_(Scenario, Answer, Change, Variant), Pairs),
    findall(_{change: Change, description: Text, status: S, answer: F, citations: Cs},
            ( member(Change-Variant, Pairs),
              catch(ask(Variant, Lang, A), _, fail),
              answer_key_(A, K), K \== Key,
              S = A.status, F = A.answer, Cs = A.citations,
              change_text_(Lang, Change, Text) ),
            Flips).

%   What counts as the answer: its status and fields, not the vote tally
%   (which any vote change alters).
answer_key_(A, A.status-Fields) :-
    dict_pairs(A.answer, _, Fields0),
    exclude([K-_]>>(K == tally), Fields0, Fields).

%   variant_(+Scenario, +Answer, -Change, -Variant): one fact changed.
variant_(S, A, _{kind: absent, role: R, value: V}, S1) :-
    facts_(S, F),
    candidate_role_(S, A, R),
    list_field_(F, absent, Abs),
    (   member(X, Abs), resolve_role(absent, X, person, R)
    ->  V = false, exclude([Y]>>( catch(resolve_role(absent, Y, person, R), _, fail) ), Abs, Abs1)
    ;   V = true, atom_string(R, RS), append(Abs, [RS], Abs1)
    ),
    put_fact_(S, F, absent, Abs1, S1).
variant_(S, _, _{kind: authorized, from: P, to: A, value: V}, S1) :-
    facts_(S, F),
    acting_power(P, A, _, _),
    list_field_(F, authorized, Auth),
    (   member(X, Auth), catch(( resolve_role(a, X.from, person, P), resolve_role(a, X.to, person, A) ), _, fail)
    ->  V = false, exclude(==(X), Auth, Auth1)
    ;   V = true, atom_string(P, PS), atom_string(A, AS), append(Auth, [_{from: PS, to: AS}], Auth1)
    ),
    put_fact_(S, F, authorized, Auth1, S1).
variant_(S, _, _{kind: major, value: V}, S1) :-
    facts_(S, F),
    (   get_dict(major, F, true) -> V = false ; V = true ),
    put_fact_(S, F, major, V, S1).
variant_(S, _, _{kind: vote, index: I, role: R, opinion: New}, S1) :-
    get_dict(votes, S, Votes), is_list(Votes),
    findall(O, member(_{role: _, opinion: O}, Votes), _),
    findall(O, ( member(Vt, Votes), get_dict(opinion, Vt, O) ), Ops0), list_to_set(Ops0, Ops),
    nth0(I, Votes, Vote),
    get_dict(role, Vote, R), get_dict(opinion, Vote, Old),
    (   member(New, Ops), New \== Old, Vote1 = Vote.put(opinion, New),
        nth0(I, Votes, _, Rest), nth0(I, Votes1, Vote1, Rest)
    ;   New = null, nth0(I, Votes, _, Votes1), Votes1 \== []
    ),
    S1 = S.put(votes, Votes1).

facts_(S, F) :- ( get_dict(facts, S, F0), is_dict(F0) -> F = F0 ; F = _{} ).
put_fact_(S, F, Key, Value, S1) :- F1 = F.put(Key, Value), S1 = S.put(facts, F1).

%   Roles whose absence could matter: those the answer names, those already
%   away, and those the KB lets act for others.
candidate_role_(S, A, R) :-
    findall(X, ( sub_term(T, A.answer), atom(T), T \== null, T \== true, T \== false,
                 role(T, K, _, _), K \== body, X = T ), Named0),
    findall(X, ( sub_term(T, A.answer), string(T), atom_string(X, T), role(X, K, _, _), K \== body ), Named1),
    facts_(S, F), list_field_(F, absent, Abs),
    findall(X, ( member(V, Abs), catch(resolve_role(absent, V, person, X), _, fail) ), Away),
    findall(X, ( acting_power(X, _, _, _) ; acting_power(_, X, _, _) ), Acting),
    append([Named0, Named1, Away, Acting], All),
    list_to_set(All, Roles),
    member(R, Roles).

change_text_(Lang, C, Text) :-
    (   C.kind == absent
    ->  ( C.value == true -> Key = flip_absent ; Key = flip_present ), Args = [C.role]
    ;   C.kind == authorized
    ->  ( C.value == true -> Key = flip_authorised ; Key = flip_unauthorised ), Args = [C.from, C.to]
    ;   C.kind == major
    ->  ( C.value == true -> Key = flip_major ; Key = flip_not_major ), Args = []
    ;   atom_string(R, C.role), C.opinion == null
    ->  Key = flip_vote_removed, Args = [R]
    ;   atom_string(R, C.role), Key = flip_vote, Args = [R, C.opinion]
    ),
    message_text(Lang, Key, Args, Text).

%   ---- vocabulary and articles --------------------------------------------

%!  vocabulary(-Vocabulary:dict) is det.
%
%   Every name the KB knows, for input help and "did you mean".
vocabulary(_{roles: Roles, matters: Matters, meetings: Meetings,
             scopes: Scopes, default_ladder: Ladder}) :-
    findall(_{name: R, kind: K, id: Id, label: L, aliases: As},
            ( role(R, K, Id, L), findall(A, role_alias(A, R), As) ),
            Roles),
    findall(_{name: N, id: M, citation: C, actions: As},
            ( matter(M, N, c(A0,P0,I0)),
              citations_json_([c(A0,P0,I0)], [C]),
              findall(X, matter_action(M, X), As) ),
            Matters),
    findall(_{name: M, id: Id, label: L, aliases: As},
            ( meeting_label(M, Id, L), findall(A, meeting_alias(A, M), As) ),
            Meetings),
    findall(_{name: S, zh: Z, label: L, aliases: As},
            ( scope(S, Z, L), findall(A, scope_alias(A, S), As) ),
            Scopes),
    default_ladder(Ladder).

%!  articles(-Document:dict) is det.
%
%   The document's metadata and the clean text of every article.
%   Each text carries "en", the unofficial English rendering (english.pl),
%   or null where there is none.
articles(_{document: Doc, articles: Articles}) :-
    document_number(Number), document_title(Title), document_status(Status),
    preamble(Preamble),
    en_or_null_(en_document_title(TitleEn)), en_or_null_(en_preamble(PreambleEn)),
    Doc = _{number: Number, title: Title, status: Status, preamble: Preamble,
            title_en: TitleEn, preamble_en: PreambleEn},
    findall(_{number: N, title: T, title_en: TE, paragraphs: Ps},
            ( article(N, T), en_or_null_(en_article(N, TE)),
              findall(_{number: P, text: PT, en: PE, items: Is},
                      ( paragraph(N, P, PT), en_or_null_(en_paragraph(N, P, PE)),
                        findall(_{number: I, text: IT, en: IE},
                                ( item(N, P, I, IT), en_or_null_(en_item(N, P, I, IE)) ),
                                Is) ),
                      Ps) ),
            Articles0),
    sort(number, @<, Articles0, Articles).

en_or_null_(Goal) :-
    (   call(Goal) -> true ; arg(_, Goal, null) -> true ; true ).

%!  readings(+Lang, -Readings:dict) is det.
%
%   Every recorded gap and interpretation, with its text and citations.
readings(Lang, _{gaps: Gaps, interpretations: Interps}) :-
    findall(Entry, reading_entry_(gap, Lang, Entry), Gaps),
    findall(Entry, reading_entry_(interpretation, Lang, Entry), Interps).

reading_entry_(Kind, Lang, _{id: Id, text: Text, citations: Cs}) :-
    reading(Id, Kind, Cites, Zh, En),
    ( Lang == en -> Text = En ; Text = Zh ),
    citations_json_(Cites, Cs).

%   ---- JSON text ------------------------------------------------------------

hex_string_(Hex, String) :-
    hex_bytes(Hex, Bytes),
    phrase(utf8_codes(Codes), Bytes),
    string_codes(String, Codes).

json_string_(Dict, String) :-
    with_output_to(string(String), json_write_dict(current_output, Dict, [width(0)])).
