:- encoding(utf8).
:- module(pyreason_engine,
          [ call_json/2,           % +Request:string, -Reply:string (the bridge)
            call_batch/3,          % +Header:string, +Lines:string, -Reply:string (the bridge)
            call_ask/3,            % +Header:string, +Line:string, -Reply:text (the bridge)
            register_kb/1,         % +Module
            kb_ask/4,              % +Module, +Scenario:dict, +Lang, -Answer:dict
            kb_declarations/2,     % +Module, -Declarations:dict
            message_text/5,        % +Module, +Lang, +Key, +Args, -Text
            citations_json/2       % +Citations, -Json
          ]).
/** <module> The engine: knowledge bases answered as data

Knows no regulation.  A knowledge base (a law package) is loaded into a
module of its own (pyreason_boot:load_kb/3) and declares its questions,
their inputs and answer fields, the kinds of scenario facts, its names and
its words (docs/kb-guide.md).  This module reads those declarations to
convert a scenario into the question's inputs and facts, calls the KB's
question predicate inside snapshot/1, and assembles the contract's answer
from the fields and the cited trace it returns.

Python hands every request over as JSON text in a string term, put there
through the C interface (PL_put_chars), so no user text is ever read as
Prolog code; the reply is JSON text:
    call_json(+Request:string, -Reply:string)
Requests carry "kb" (the KB's module) and "op":
    ask, batch, flips, org, vocabulary, articles, readings, declarations.
A failed request replies {"error": {"code", "field", "value", "message"}}.
*/

:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(library(aggregate)).
:- use_module(library(error)).
:- use_module(library(yall)).
%   library(time) is loaded with autoloading limited to explicit declarations:
%   otherwise compiling its predicate_options/3 declaration autoloads
%   library(predicate_options) and its tables of the system's options, which
%   cost a cold start more than the rest of the libraries here (issue 13).
:- current_prolog_flag(autoload, Autoload),
   setup_call_cleanup(set_prolog_flag(autoload, explicit),
                      use_module(library(time)),
                      set_prolog_flag(autoload, Autoload)).
:- autoload(library(assoc), [list_to_assoc/2, get_assoc/3, put_assoc/4, empty_assoc/1]).  % org charts only: on first use
:- use_module(jsonio).                   % JSON text without library(http/json): see there
:- use_module(numbers).
:- use_module(lib, [chinese_numeral/2]).

:- dynamic registered_/1.
:- dynamic staff_/5,                     % KB, Name, Post, Team, Dept
           reports_/3.                   % KB, Name, Boss
:- dynamic kb_has_/4,                    % KB, Name, Arity, Bool: kb_fact_/2's test, once per KB
           memo_trie_/1,                 % the trie of memo_/4
           batch_schema_/2.              % KB, Schemas: set_batch_schema_/2, every thread's

%!  register_kb(+Module) is det.
%
%   Module holds a loaded KB: requests may name it.  What was computed once
%   for an earlier load of Module is forgotten.
register_kb(M) :-
    retractall(kb_has_(M, _, _, _)),
    forget_memos_(M),
    forget_answers_,
    (   registered_(M) -> true ; assertz(registered_(M)) ).

%   ---- computed once per KB ----------------------------------------------------

%!  memo_(+Kind, +Key, :Goal, -Value) is det.
%
%   Value as Goal computes it for Key (ground), computed once and kept, at
%   most memo_limit_/1 entries in all (beyond that it is computed each
%   time): the words of a step, a list of citations as JSON, a reading.
:- meta_predicate memo_(+, +, 0, ?).
memo_(Kind, Key, Goal, Value) :-
    remembered_(Kind, Key, Goal, Value, count).

:- initialization(( trie_new(T), assertz(memo_trie_(T)) )).

memo_limit_(200000).

%!  kept_(+Kind, +Key, :Goal, -Text) is det.
%
%   As memo_/4, for text made of what a scenario says as well as of the
%   KB (the bytes of an answer's fields, of a step that quotes an
%   opinion): Key may hold the user's words, so what is kept is bounded
%   by its size as well, kept_limit_/1 characters of keys and texts in
%   all (beyond that it is made each time), and a key with a long text
%   is never kept.
:- meta_predicate kept_(+, +, 0, ?).
kept_(Kind, Key, Goal, Text) :-
    remembered_(Kind, Key, Goal, Text, size).

%   Value looked up in the memo trie, else computed by Goal and kept where
%   Bound leaves room: count (memo_/4: entries) or size (kept_/4: entries,
%   and characters of keys and texts, given back by forget_memos_/1 for
%   the kinds kept_kind_/1 records).
:- meta_predicate remembered_(+, +, 0, ?, +).
remembered_(Kind, Key, Goal, Value, Bound) :-
    memo_trie_(T),
    (   trie_lookup(T, Kind-Key, V0)
    ->  Value = V0
    ;   call(Goal),
        (   flag(pyreason_memo_count, N, N), memo_limit_(MaxN), N < MaxN,
            room_(Bound, Kind, Key, Value, Size)
        ->  flag(pyreason_memo_count, C, C + 1),
            flag(pyreason_kept_size, S, S + Size),
            trie_insert(T, Kind-Key, Value)
        ;   true
        )
    ).

room_(count, _, _, _, 0).
room_(size, Kind, Key, Text, Size) :-
    kept_size_(Key, Text, KS, Size),
    KS =< 256,
    flag(pyreason_kept_size, S, S), kept_limit_(Max), S + Size =< Max,
    (   kept_kind_(Kind) -> true ; assertz(kept_kind_(Kind)) ).

:- dynamic kept_kind_/1.

kept_limit_(16000000).

%   The characters of a kept entry's key, and of its key and text.
kept_size_(Key, Text, KS, Size) :-
    key_size_(Key, 0, KS),
    atom_length(Text, TS),
    Size is KS + TS.

%   The characters of the texts in a key (its strings'; the KB's atoms are
%   the KB's, kept by it anyway).
key_size_(Key, S0, S) :-
    (   string(Key) -> string_length(Key, L), S is S0 + L
    ;   is_dict(Key) -> dict_pairs(Key, _, Pairs), key_size_(Pairs, S0, S)
    ;   compound(Key) -> Key =.. [_ | Args], foldl(key_size_, Args, S0, S)
    ;   S = S0
    ).

forget_memos_(M) :-
    memo_trie_(T),
    forall(( trie_gen(T, Kind-Key, V), memo_of_(Key, M) ),
           ( trie_delete(T, Kind-Key, _), flag(pyreason_memo_count, C, max(0, C - 1)),
             (   kept_kind_(Kind)
             ->  kept_size_(Key, V, _, Size),
                 flag(pyreason_kept_size, S, max(0, S - Size))
             ;   true
             ) )).

%   A memo's key names its KB first (Key == M, or M is its first argument).  A
%   key may be a dict, whose first argument is its unbound tag: compare, never
%   unify, or the tag would be bound to M and the memo not found to delete.
memo_of_(Key, M) :-
    (   Key == M
    ->  true
    ;   compound(Key), \+ is_dict(Key), arg(1, Key, A), A == M
    ).

%   ---- the bridge ---------------------------------------------------------

%!  call_json(+Request:string, -Reply:string) is det.
%
%   Request is JSON text, handed over by the Python side through the C
%   interface as a string term (never read as Prolog); Reply is JSON text.
%   Never throws and never fails: every error becomes an error reply.
call_json(Request, Reply) :-
    (   catch(call_json_(Request, R), E, error_reply(none, E, zh, R))
    ->  true
    ;   error_reply(none, failed, zh, R)
    ),
    catch(json_string_(R, Reply0), WriteError, true),
    (   var(WriteError)
    ->  Reply = Reply0
    ;   error_reply(none, WriteError, zh, Fallback),
        json_string_(Fallback, Reply)
    ).

call_json_(Request, Reply) :-
    must_be(string, Request),
    open_string(Request, Stream),
    call_cleanup(json_read_dict(Stream, Dict, [value_string_as(string), null(null)]),
                 close(Stream)),
    get_dict(op, Dict, Op),
    request_kb_(Dict, M),
    request_(Op, M, Dict, Reply).

request_kb_(Dict, M) :-
    (   get_dict(kb, Dict, S), string(S), atom_string(M, S), registered_(M)
    ->  true
    ;   throw(pyreason_error(bad_request, kb, null))
    ).

request_("ask", M, Request, Reply) :-
    !,
    request_lang_(Request, Lang),
    request_limit_(Request, Limit),
    ask_reply_(M, Request.scenario, Lang, Limit, Reply).
request_("batch", M, Request, _{results: Results}) :-
    !,
    request_lang_(Request, Lang),
    request_limit_(Request, Limit),
    maplist(batch_reply_(M, Lang, Limit), Request.scenarios, Results).
request_("flips", M, Request, Reply) :-
    !,
    (   get_dict(fact_labels, Request, Labels), is_dict(Labels) -> true ; Labels = _{} ),
    b_setval(pyreason_fact_labels, Labels),
    request_lang_(Request, Lang),
    request_limit_(Request, limits(Seconds, Inferences)),
    get_time(Now), Deadline is Now + Seconds,
    catch(( call_with_inference_limit(flips(M, Request.scenario, Lang, Deadline, Reply0), Inferences, Result),
            (   Result == inference_limit_exceeded
            ->  throw(pyreason_error(inference_limit, null, Inferences))
            ;   Reply = Reply0
            ) ),
          E, error_reply(M, E, Lang, Reply)).
request_("org", M, Request, Reply) :- !, load_org(M, Request.rows, Reply).
request_("vocabulary", M, _, Reply) :- !, vocabulary(M, Reply).
request_("articles", M, _, Reply) :- !, articles(M, Reply).
request_("readings", M, Request, Reply) :- !, request_lang_(Request, Lang), readings(M, Lang, Reply).
request_("declarations", M, _, Reply) :- !, kb_declarations(M, Reply).
request_("batch_schema", M, Request, _{ok: true}) :- !, set_batch_schema_(M, Request.questions).
request_(Op, _, _, _) :-
    throw(pyreason_error(bad_request, op, Op)).

request_lang_(Request, Lang) :-
    (   get_dict(lang, Request, L), L == "en" -> Lang = en ; Lang = zh ).

%   The limits of one question: seconds (default 10) and inferences (default
%   50 million); cyclic or enormous input ends with a clear error, not a hang.
%   A request may also carry "deadline" (seconds since the epoch, as
%   time.time() gives it): the caller's whole budget, which no limit passes.
request_limit_(Request, limits(Seconds, Inferences)) :-
    (   get_dict(seconds, Request, S), number(S), S > 0 -> Seconds0 = S ; Seconds0 = 10 ),
    (   get_dict(deadline, Request, D), number(D)
    ->  get_time(Now), Left is D - Now,
        (   Left > 0 -> Seconds is min(Seconds0, Left) ; throw(time_limit_exceeded) )
    ;   Seconds = Seconds0
    ),
    (   get_dict(inferences, Request, I), integer(I), I > 0 -> Inferences = I ; Inferences = 50000000 ).

batch_reply_(M, Lang, Limit, Scenario, Reply) :-
    ask_reply_(M, Scenario, Lang, Limit, Reply).

ask_reply_(M, Scenario, Lang, Limits, Reply) :-
    ask_result_(M, Scenario, Lang, Limits, answer, Reply).

%   The reply to one scenario within the limits: an error reply, or its
%   answer in the Form asked for: answer (the contract's dict) or parts
%   (parts(Q, Fields, Trace), to write as bytes: parts_bytes_/5).
ask_result_(M, Scenario, Lang, limits(Seconds, Inferences), Form, Reply) :-
    get_time(Start),
    catch(( call_with_time_limit(Seconds,
                call_with_inference_limit(kb_ask_parts(M, Scenario, Lang, Parts), Inferences, Result)),
            (   Result == inference_limit_exceeded
            ->  throw(pyreason_error(inference_limit, null, Inferences))
            ;   in_time_(Start, Seconds)
            ->  parts_as_(Form, M, Lang, Parts, Reply)
            ;   throw(time_limit_exceeded)
            ) ),
          E, error_reply(M, E, Lang, Reply)).

parts_as_(answer, M, Lang, parts(Q, Fields, Trace), Answer) :- assemble_answer(M, Q, Lang, Fields, Trace, Answer).
parts_as_(parts, _, _, Parts, Parts).

%   An answer found after its time is up is refused as the alarm would have
%   refused it: an alarm of a few microseconds may ring only once the answer
%   is there, and the limit must not depend on that.
in_time_(Start, Seconds) :-
    get_time(Now),
    Now - Start =< Seconds.

%   ---- asking ---------------------------------------------------------------

%!  kb_ask(+M, +Scenario:dict, +Lang, -Answer:dict) is det.
%
%   Answer one scenario (a dict read from JSON with string values) with the
%   KB in module M.  Throws pyreason_error(Code, Field, Value) for input
%   that names unknown things or contradicts itself.
kb_ask(M, Scenario, Lang, Answer) :-
    kb_ask_parts(M, Scenario, Lang, parts(Q, Fields, Trace)),
    assemble_answer(M, Q, Lang, Fields, Trace, Answer).

%!  kb_ask_parts(+M, +Scenario:dict, +Lang, -Parts) is det.
%
%   The reasoning of kb_ask/4 without its wording: parts(Q, Fields, Trace),
%   the question, its answer's fields and the trace of steps and readings
%   that assemble_answer/6 words (or parts_bytes_/5 writes at once).
kb_ask_parts(M, Scenario, Lang, Parts) :-
    catch(kb_ask_(M, Scenario, Lang, Parts), pyreason_error(Code, Path, Value),
          ( path_atom_(Path, Field), throw(pyreason_error(Code, Field, Value)) )).

%!  path_atom_(+Path, -Field:atom) is det.
%
%   A field's path as errors name it ("facts.absent[0]", "votes[2].role"):
%   paths are built as terms, key(Path, Key) and idx(Path, I), and written
%   out only for an error.
path_atom_(Path, Field) :-
    (   compound(Path), ( Path = key(_, _) ; Path = idx(_, _) )
    ->  with_output_to(string(S), write_path_(Path)), atom_string(Field, S)
    ;   Field = Path
    ).

write_path_(key(P, K)) :- !, write_path_(P), format(".~w", [K]).
write_path_(idx(P, I)) :- !, write_path_(P), format("[~w]", [I]).
write_path_(P) :- format("~w", [P]).

kb_ask_(M, Scenario, Lang, parts(Q, Fields1, Trace1)) :-
    (   is_dict(Scenario) -> true ; type_error(dict, Scenario) ),
    (   ( Lang == zh ; Lang == en ) -> true ; domain_error(oneof([zh, en]), Lang) ),
    field_(Scenario, question, QString),
    (   string_value_(QString, QS), atom_string(Q, QS), M:question(Q, Inputs, Goal, Fields, Trace)
    ->  true
    ;   ( string(QString) -> atom_string(QA, QString) ; QA = QString ),
        throw(pyreason_error(bad_request, question, QA))
    ),
    scenario_facts(M, Q, Scenario, Facts),
    bind_inputs_(M, Q, Scenario, Facts, Inputs, ChartTrace0),
    (   staff_(M, _, _, _, _)                   % an org chart is loaded
    ->  unit_facts_(M, Q, Scenario, Facts, UnitFacts)
    ;   UnitFacts = Facts
    ),
    (   catch(with_facts_(M, UnitFacts, Goal), input_error(Code, Field, Value),
              throw(pyreason_error(Code, Field, Value)))
    ->  true
    ;   throw(pyreason_error(no_answer, question, QString))
    ),
    alias_readings_(M, Scenario, AliasTrace),
    (   staff_(M, _, _, _, _)
    ->  chart_fields_(M, Q, Scenario, Fields, Fields1)
    ;   Fields1 = Fields
    ),
    append([ChartTrace0, Trace, AliasTrace], Trace1).

%!  unit_facts_(+M, +Q, +Scenario, +Facts, -UnitFacts) is det.
%
%   Absence is per person where persons are known: the rules see a post as
%   absent (absent_fact/1), so when the question lies in one unit of the org
%   chart (a team or a department, from its persons) an absent person who
%   holds a post once per unit (unit_head/2) in another unit does not make
%   that post absent here.  A post listed by name stays absent.
unit_facts_(M, Q, Scenario, Facts, UnitFacts) :-
    (   kb_fact_(M, absent_fact(AbsentName)),
        kb_fact_(M, fact(AbsentName, Type, _)),
        collection_element_(Type, Elem), Elem =.. [_, Kind],
        get_dict(facts, Scenario, F), is_dict(F),
        get_dict(AbsentName, F, Raws), is_list(Raws),
        question_level_unit_(M, Q, Scenario, QLevel, Unit), QLevel \== whole
    ->  exclude(elsewhere_absence_(M, AbsentName, Kind, Raws, QLevel, Unit), Facts, UnitFacts)
    ;   UnitFacts = Facts
    ).

%   The level (team, department, whole) and unit of the question's persons.
question_level_unit_(M, Q, S, Level, Unit) :-
    kb_fact_(M, input(Q, _, _, Opts)),
    member(Opt, Opts), chart_scope_option_(Opt, S, VA, VB, _, _),
    chart_scope_(M, VA, VB, Level, Unit),
    !.

%   Fact says Post is absent only because of persons holding it in other units.
elsewhere_absence_(M, AbsentName, Kind, Raws, QLevel, Unit, Fact) :-
    compound(Fact), Fact =.. [AbsentName, Post],
    kb_fact_(M, unit_head(Post, Level)),
    Level \== whole,
    forall(( member(Raw, Raws), catch(resolve_person(M, Kind, x, Raw, P0), _, fail), P0 == Post ),
           ( chart_person_(M, Kind, Raw, Person),
             person_(M, Person, Post, T, D),
             \+ holder_in_unit_(M, Level, T, D, QLevel, Unit) )).

%   A holder of a post once per Level, of team T and department D, belongs
%   to the question's unit (of QLevel); where it cannot be told, he does.
holder_in_unit_(_, team, T, _, team, Unit) :- !, T == Unit.
holder_in_unit_(M, department, _, D, team, Unit) :- !,
    (   staff_(M, _, _, Unit, D0), D0 \== null -> D == D0 ; true ).
holder_in_unit_(_, department, _, D, department, Unit) :- !, D == Unit.
holder_in_unit_(_, team, _, D, department, Unit) :- !, ( D == null ; D == Unit ).
holder_in_unit_(_, _, _, _, _, _).

%   The facts are the KB's scenario_fact/1 clauses while Goal runs, erased as
%   it leaves (by success, failure or error): the base is unchanged, without
%   the cost of a database transaction (snapshot/1) per question.
with_facts_(M, Facts, Goal) :-
    setup_call_cleanup(assert_facts_(Facts, M, Refs),
                       once(M:Goal),
                       maplist(erase, Refs)).

assert_facts_([], _, []).
assert_facts_([F | Fs], M, [R | Rs]) :- assertz(M:scenario_fact(F), R), assert_facts_(Fs, M, Rs).

field_(Dict, Key, Value) :-
    (   get_dict(Key, Dict, Value)
    ->  true
    ;   throw(pyreason_error(missing_field, Key, null))
    ).

%!  bind_inputs_(+M, +Q, +Scenario, +Facts, +Inputs, -Trace) is det.
%
%   Convert each declared input of question Q (Field=Var in Inputs) by its
%   type; Trace holds the steps for scopes taken from the org chart.
bind_inputs_(M, Q, Scenario, Facts, Inputs, Trace) :-
    foldl(bind_input_(M, Q, Scenario, Facts), Inputs, [], Trace0),
    reverse(Trace0, Trace),
    forall(( member(Field=_, Inputs), M:input(Q, Field, _, Opts),
             member(distinct_from(Other, Code), Opts) ),
           distinct_check_(Scenario, Inputs, Field, Other, Code)).

bind_input_(M, Q, Scenario, Facts, Field=Var, T0, T) :-
    (   M:input(Q, Field, Type, Opts) -> true
    ;   throw(pyreason_error(undeclared_input, Field, null))
    ),
    Path = Field,
    (   get_dict(Field, Scenario, Raw), Raw \== null
    ->  convert(M, Type, Path, Raw, scenario(Facts, Scenario), Var0),
        one_of_check_(Opts, Path, Raw, Var0),
        Var = Var0, T = T0
    ;   member(Opt, Opts), chart_scope_option_(Opt, Scenario, VA, VB, Map, Cite),
        chart_scope_(M, VA, VB, Level, _),
        M:org_scope(Level, Scope0)
    ->  ( memberchk(Scope0-Scope, Map) -> true ; Scope = Scope0 ),
        one_of_check_(Opts, Path, Scope, Scope),
        Var = Scope,
        atom_string(A, VA), atom_string(B, VB),
        T = [step(scope_from_chart, [A, B, Scope], [Cite]) | T0]
    ;   memberchk(default(D), Opts)
    ->  Var = D, T = T0
    ;   memberchk(required, Opts)
    ->  throw(pyreason_error(missing_field, Field, null))
    ;   Var = null, T = T0
    ).

%   The two persons whose common unit gives a scope: two fields, or the
%   first two elements of one list field.
chart_scope_option_(chart_scope(FA, FB, Map, Cite), S, VA, VB, Map, Cite) :-
    get_dict(FA, S, VA), get_dict(FB, S, VB).
chart_scope_option_(chart_scope(F, Map, Cite), S, VA, VB, Map, Cite) :-
    get_dict(F, S, L), is_list(L), L = [VA, VB | _].

one_of_check_(Opts, Path, Raw, Value) :-
    (   member(one_of(Values, Code), Opts), \+ memberchk(Value, Values)
    ->  throw(pyreason_error(Code, Path, Raw))
    ;   true
    ).

distinct_check_(Scenario, Inputs, Field, Other, Code) :-
    memberchk(Field=V, Inputs), memberchk(Other=W, Inputs),
    (   V == W, V \== null
    ->  ( get_dict(Field, Scenario, Raw) -> true ; Raw = null ),
        throw(pyreason_error(Code, Field, Raw))
    ;   true
    ).

%   ---- converting values by their declared type ------------------------------

%!  convert(+M, +Type, +Path, +Value, +Facts, -Out) is det.
%
%   Value (from JSON) converted to what the rules receive; Path names the
%   field in errors ("facts.absent[0]").
convert(M, name(Kind), Path, V, _, Out) :- !, resolve_name(M, Kind, Path, V, Out).
convert(M, person(Kind), Path, V, _, Out) :- !, resolve_person(M, Kind, Path, V, Out).
convert(M, name_or_person(Kind), Path, V, _, Out) :- !, resolve_post(M, Kind, Path, V, Out).
convert(_, text, Path, V, _, V) :- !,
    (   string(V), non_blank_(V) -> true ; throw(pyreason_error(blank_text, Path, V)) ).
convert(_, boolean, Path, V, _, V) :- !,
    (   ( V == true ; V == false ) -> true ; throw(pyreason_error(not_boolean, Path, V)) ).
convert(_, integer, Path, V, _, V) :- !,
    (   integer(V) -> true ; throw(pyreason_error(not_integer, Path, V)) ).
convert(_, amount, Path, V, _, Out) :- !,
    (   pyreason_numbers:parse_amount(V, Out) -> true ; throw(pyreason_error(bad_amount, Path, V)) ).
convert(_, duration(Unit), Path, V, _, Out) :- !,
    (   pyreason_numbers:parse_duration(V, Unit, Out) -> true
    ;   pyreason_numbers:duration_unit(V, Other), Other \== Unit
    ->  unit_word_(Other, Word),                    % the unit given, which cannot be converted
        throw(pyreason_error(duration_unit, Path, Word))
    ;   throw(pyreason_error(bad_duration, Path, V))
    ).
convert(_, date, Path, V, _, Out) :- !,
    (   pyreason_numbers:parse_date(V, Out) -> true ; throw(pyreason_error(bad_date, Path, V)) ).
convert(M, list(T), Path, V, Facts, Out) :- !, convert(M, list(T, []), Path, V, Facts, Out).
convert(M, set(T), Path, V, Facts, Out) :- !, convert(M, set(T, []), Path, V, Facts, Out).
convert(M, list(T, Opts), Path, V, Facts, Out) :- !,
    (   is_list(V) -> true ; throw(pyreason_error(not_a_list, Path, V)) ),
    (   memberchk(distinct_persons(Code), Opts),          % one person named twice
        nth0(I, V, E), string(E), atom_string(A, E), person_(M, A, _, _, _),
        nth0(J, V, E), J > I
    ->  P = idx(Path, J),
        throw(pyreason_error(Code, P, E))
    ;   true
    ),
    findall(X, ( nth0(I, V, E), convert(M, T, idx(Path, I), E, Facts, X) ), Out).
convert(M, set(T, Opts), Path, V, Facts, Out) :- !,
    convert(M, list(T, Opts), Path, V, Facts, Out0),
    list_to_set(Out0, Out).
convert(M, record(Fields), Path, V, Facts, Out) :- !,
    (   is_dict(V) -> true ; throw(pyreason_error(not_a_mapping, Path, V)) ),
    findall(X, ( member(F-T, Fields), P = key(Path, F),
                 (   get_dict(F, V, E) -> true ; throw(pyreason_error(missing_field, P, null)) ),
                 convert(M, T, P, E, Facts, X) ), Xs),
    Out =.. [record | Xs].
convert(M, votes(Kind), Path, V, Facts, Out) :- !, votes_(M, Kind, Path, V, Facts, Out).
convert(_, Type, Path, _, _, _) :-
    throw(pyreason_error(unknown_type, Path, Type)).

%   Votes: {role, opinion, name?} each; opinions free text unless the KB
%   declares vote_value/3.  Facts is the scenario's converted facts, or
%   scenario(Facts, Scenario) when the scenario itself is at hand (for the
%   per-person absence check).
votes_(M, Kind, Path, Values, Facts0, Votes) :-
    (   Facts0 = scenario(Facts, Scenario) -> true ; Facts = Facts0, Scenario = _{} ),
    (   is_list(Values) -> true ; throw(pyreason_error(not_a_list, Path, Values)) ),
    (   kb_fact_(M, absent_fact(AbsentName)), AbsentTerm =.. [AbsentName, _], memberchk(AbsentTerm, Facts)
    ->  Absence = Facts                     % someone is away: each vote is looked at
    ;   Absence = none
    ),
    vote_list_(Values, 0, M, Kind, Path, Absence, Scenario, []-[], Roles, Indexed),
    (   over_holders_(M, Roles, Indexed, K, Code)
    ->  Fd = key(idx(Path, K), role),
        nth0(K, Values, VK), get_dict(role, VK, RK),
        throw(pyreason_error(Code, Fd, RK))
    ;   true
    ),
    pairs_values(Indexed, Votes).

%   The votes in order, as I-vote(Role, Opinion, Name).  A role or an
%   opinion is resolved once per call, at its first use (a meeting's votes
%   repeat a few of each): the same errors at the same index as resolving
%   each vote on its own.  RolesSeen: Given-(Role-IsPerson) for each role
%   as given, the last first.
vote_list_([], _, _, _, _, _, _, Roles-_, Roles, []).
vote_list_([V | Vs], I, M, Kind, Path, Facts, Scenario, Roles0-Ops0, RolesSeen, [I-vote(R, Opinion, Name) | Rest]) :-
    FdR = key(idx(Path, I), role),
    FdO = key(idx(Path, I), opinion),
    (   is_dict(V) -> true ; throw(pyreason_error(not_a_mapping, idx(Path, I), V)) ),
    field_(V, role, RV),
    (   seen_(RV, Roles0, R-RoleIsPerson)
    ->  Roles = Roles0
    ;   resolve_person(M, Kind, FdR, RV, R),
        (   atom_string(RA, RV), person_(M, RA, _, _, _) -> RoleIsPerson = true ; RoleIsPerson = false ),
        Roles = [RV-(R-RoleIsPerson) | Roles0]
    ),
    field_(V, opinion, Opinion0),
    (   seen_(Opinion0, Ops0, Opinion1)
    ->  Opinion = Opinion1, Ops = Ops0
    ;   (   string(Opinion0), non_blank_(Opinion0)
        ->  true
        ;   throw(pyreason_error(empty_opinion, FdO, Opinion0))
        ),
        opinion_value_(M, FdO, Opinion0, Opinion),
        Ops = [Opinion0-Opinion | Ops0]
    ),
    (   Facts \== none, absent_voter_(M, Kind, Facts, Scenario, V, RV, R)
    ->  throw(pyreason_error(absent_voter, FdR, RV))
    ;   true
    ),
    (   get_dict(name, V, Name0), Name0 \== "", Name0 \== null -> Name = Name0
    ;   RoleIsPerson == true -> Name = RV
    ;   Name = null
    ),
    I1 is I + 1,
    vote_list_(Vs, I1, M, Kind, Path, Facts, Scenario, Roles-Ops, RolesSeen, Rest).

seen_(Key, [K-V0 | KVs], V) :-
    (   K == Key -> V = V0 ; seen_(Key, KVs, V) ).

%   More votes of a post than it has holders: a unique_holder/1 votes once
%   (duplicate_vote), a post the KB declares holders(Post, N) of at most N
%   times (too_many_votes).  Of the posts over their number, the one that
%   voted first; K is the index of its first vote too many.
over_holders_(M, RolesSeen, Indexed, K, Code) :-
    (   kb_fact_(M, unique_holder(_)) -> true ; kb_fact_(M, holders(_, _)) ),
    findall(R, member(_-(R-_), RolesSeen), Rs0),
    reverse(Rs0, Rs1),
    list_to_set(Rs1, Rs),
    pairs_values(Indexed, Votes),
    findall(R, member(vote(R, _, _), Votes), Voters),
    msort(Voters, Sorted),
    clumped(Sorted, Counts),
    member(R, Rs),
    memberchk(R-N, Counts), N > 1,
    (   kb_fact_(M, unique_holder(R)) -> Max = 1, Code = duplicate_vote
    ;   kb_fact_(M, holders(R, Max)), integer(Max) -> Code = too_many_votes
    ),
    N > Max,
    findall(I, member(I-vote(R, _, _), Indexed), Is),
    nth0(Max, Is, K),
    !.

%!  absent_voter_(+M, +Kind, +Facts, +Scenario, +Vote, +RoleValue, +Role) is semidet.
%
%   The vote is by someone the scenario lists as absent (the KB declares
%   absent_fact(Name)).  Absence is per person where persons are known: an
%   absent person of the org chart makes only that person's vote invalid,
%   not the votes of other holders of the same post; a post listed as absent
%   makes every vote of that post invalid; an absent person against a vote
%   by post name only when that person is the post's only holder.
absent_voter_(M, Kind, Facts, Scenario, Vote, RV, Role) :-
    kb_fact_(M, absent_fact(AbsentName)),
    AbsentTerm =.. [AbsentName, Role],
    memberchk(AbsentTerm, Facts),
    (   get_dict(facts, Scenario, F), is_dict(F), get_dict(AbsentName, F, Raws), is_list(Raws)
    ->  voter_person_(M, Kind, Vote, RV, Role, Voter),
        member(Raw, Raws),
        catch(resolve_person(M, Kind, x, Raw, Role0), _, fail),
        Role0 == Role,
        (   chart_person_(M, Kind, Raw, Absent)
        ->  (   Voter \== null -> Absent == Voter
            ;   findall(N, staff_(M, N, Role, _, _), [Absent])      % the post's only holder
            )
        ;   true                                                    % the post itself is away
        ),
        !
    ;   true                                                        % no raw facts: by post
    ).

%   The person of the chart who casts the vote: the role field naming a
%   person, else a name field naming a person who holds that post; else null.
voter_person_(M, Kind, Vote, RV, Role, Voter) :-
    (   chart_person_(M, Kind, RV, P) -> Voter = P
    ;   get_dict(name, Vote, NameS), string_value_(NameS, S), atom_string(P, S),
        person_(M, P, Role, _, _)
    ->  Voter = P
    ;   Voter = null
    ).

%   Value names a person of the org chart (not a name of Kind).
chart_person_(M, Kind, Value, Person) :-
    string_value_(Value, S), atom_string(Person, S),
    \+ exact_name_(M, Kind, Person),
    person_(M, Person, _, _, _).

opinion_value_(M, Path, Given, Opinion) :-
    (   kb_fact_(M, vote_value(_, _, _))
    ->  (   kb_fact_(M, vote_value(Given, _, _))                 % exact first: indexed, fast
        ->  Opinion = Given
        ;   name_key(Given, K),
            kb_fact_(M, vote_value(Canon, _, Aliases)),
            ( name_key(Canon, K) ; member(A, Aliases), name_key(A, K) )
        ->  Opinion = Canon
        ;   throw(pyreason_error(unknown_opinion, Path, Given))
        )
    ;   Opinion = Given
    ).

%   Some character that is not white space (split_string/4 would cut at code 0).
non_blank_(S) :-
    string_codes(S, Codes),
    member(C, Codes),
    \+ code_type(C, space), C \== 0x3000,
    !.

%   A KB's optional declaration: absent is no error, just false.  Whether
%   the KB defines it is looked up once per KB.
kb_fact_(M, Goal) :-
    functor(Goal, N, A),
    (   kb_has_(M, N, A, Has) -> true
    ;   (   current_predicate(M:N/A), functor(G, N, A),
            \+ predicate_property(M:G, imported_from(_))
        ->  Has = true
        ;   Has = false
        ),
        assertz(kb_has_(M, N, A, Has))
    ),
    Has == true,
    call(M:Goal).

%   ---- scenario facts ---------------------------------------------------------

%!  scenario_facts(+M, +Question, +Scenario:dict, -Facts:list) is det.
%
%   The what-if facts of a scenario as terms for scenario_fact/1, each
%   converted by the KB's fact/3 declaration and checked.  A fact declared
%   with for(Kinds) belongs to those question kinds only.
scenario_facts(M, Q, Scenario, Facts) :-
    (   get_dict(facts, Scenario, F), is_dict(F) -> true ; F = _{} ),
    findall(Fs,
            ( kb_fact_(M, fact(Name, Type, Opts)),
              ( memberchk(for(Kinds), Opts) -> memberchk(Q, Kinds) ; true ),
              get_dict(Name, F, Raw), Raw \== null,
              Path = key(facts, Name),
              convert(M, Type, Path, Raw, [], Value),
              fact_checks_(M, Name, Type, Opts, Path, Raw, Value),
              fact_terms_(Name, Type, Opts, Value, Fs) ),
            Nested),
    append(Nested, Facts).

fact_terms_(Name, boolean, Opts, V, Fs) :- !,
    (   V == true -> Fs = [Name]
    ;   memberchk(if_false(F), Opts) -> Fs = [F]      % false said, not just left out
    ;   Fs = []
    ).
fact_terms_(Name, Type, Opts, Vs, Fs) :-
    collection_type_(Type), \+ memberchk(whole, Opts), !,
    findall(T, ( member(V, Vs), fact_term_(Name, V, T) ), Fs).
fact_terms_(Name, _, _, V, [T]) :-
    T =.. [Name, V].

fact_term_(Name, V, T) :-
    (   compound(V), compound_name_arguments(V, record, Args)
    ->  T =.. [Name | Args]
    ;   T =.. [Name, V]
    ).

collection_type_(list(_)).
collection_type_(list(_, _)).
collection_type_(set(_)).
collection_type_(set(_, _)).

fact_checks_(M, Name, _Type, Opts, Path, Raw, Value) :-
    (   ( member(group(G, Code), Opts) ; member(group(G), Opts), atom_concat(not_, G, Code) ),
        nth0(I, Value, V), \+ kb_fact_(M, known_group(_, V, G))
    ->  P = idx(Path, I), nth0(I, Raw, RV),
        throw(pyreason_error(Code, P, RV))
    ;   true
    ),
    (   ( member(unique(Code), Opts) ; memberchk(unique, Opts), atom_concat(duplicate_, Name, Code) ),
        nth0(I, Value, V), nth0(J, Value, V), J > I
    ->  P = idx(Path, J), nth0(J, Raw, RV),
        throw(pyreason_error(Code, P, RV))
    ;   true
    ),
    (   member(distinct(F1, F2, Code), Opts),
        nth0(I, Raw, R), get_dict(F1, R, _), get_dict(F2, R, RV2),
        nth0(I, Value, Rec), Rec =.. [record | Args],
        record_fields_(M, Name, Fs), nth1(K1, Fs, F1), nth1(K2, Fs, F2),
        nth1(K1, Args, X), nth1(K2, Args, Y), X == Y
    ->  P = key(idx(Path, I), F2),
        throw(pyreason_error(Code, P, RV2))
    ;   true
    ).

record_fields_(M, Name, Fields) :-
    kb_fact_(M, fact(Name, Type, _)),
    subterm_(record(FTs), Type), is_list(FTs),
    !,
    pairs_keys(FTs, Fields).

%   Sub is Term or a term inside it, by backtracking: library(occurs)'s
%   sub_term/2, defined here so that no library is loaded while a question
%   runs (a time limit that rings while the autoloader loads one leaves its
%   predicates undefined for the rest of the process).
subterm_(X, X).
subterm_(X, T) :- compound(T), arg(_, T, A), subterm_(X, A).

%   ---- names ----------------------------------------------------------------

%!  resolve_name(+M, +Kind, +Field, +Value, -Out) is det.
%
%   Out is the value Value names among the KB's names of Kind: its
%   canonical name, English id or an alias, exactly or folded (width,
%   case, spacing).  Unknown: the error unknown_<Kind>.
resolve_name(M, Kind, Field, Value, Out) :-
    (   string_value_(Value, S), name_value_(M, Kind, S, Out0)
    ->  Out = Out0
    ;   atom_concat(unknown_, Kind, Code),
        throw(pyreason_error(Code, Field, Value))
    ).

name_value_(M, Kind, S, Out) :-                 % exact names first: indexed, fast
    atom_string(A, S),
    (   M:known(Kind, A, _, _, _) -> Out = A
    ;   M:known(Kind, Out, A, _, _) -> true
    ;   M:known(Kind, Out, _, A, _) -> true
    ;   kb_fact_(M, known_alias(Kind, A, Out))
    ),
    !.
name_value_(M, Kind, S, Out) :-                 % then any width, case or spacing
    string_length(S, L), L =< 200,
    name_key(S, Key),
    (   M:known(Kind, Out, Name, Id, _), ( name_key(Name, Key) ; name_key(Id, Key) ; name_key(Out, Key) )
    ;   kb_fact_(M, known_alias(Kind, Alias, Out)), name_key(Alias, Key)
    ),
    !.

%!  resolve_person(+M, +Kind, +Field, +Value, -Out) is det.
%
%   A name of Kind, or a person of the org chart (standing for their post);
%   an impersonal name (an organ) is refused.
resolve_person(M, Kind, Field, Value, Out) :-
    (   string_value_(Value, S), atom_string(A, S),
        \+ exact_name_(M, Kind, A), person_(M, A, Post, _, _)
    ->  Out = Post
    ;   resolve_name(M, Kind, Field, Value, Out0),
        (   kb_fact_(M, impersonal(Out0))
        ->  throw(pyreason_error(not_a_person, Field, Value))
        ;   Out = Out0
        )
    ).

%!  resolve_post(+M, +Kind, +Field, +Value, -Out) is det.
%
%   A name of Kind, or a person of the org chart standing for their post
%   (impersonal names allowed).
resolve_post(M, Kind, Field, Value, Out) :-
    (   string_value_(Value, S), atom_string(A, S),
        \+ exact_name_(M, Kind, A), person_(M, A, Post, _, _)
    ->  Out = Post
    ;   resolve_name(M, Kind, Field, Value, Out)
    ).

exact_name_(M, Kind, A) :-
    (   M:known(Kind, A, _, _, _) ; M:known(Kind, _, A, _, _) ; M:known(Kind, _, _, A, _)
    ;   kb_fact_(M, known_alias(Kind, A, _)) ),
    !.

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

%   Interpretations carried by the words the scenario used (an alias whose
%   reading the KB records).
alias_readings_(M, Scenario, Trace) :-
    (   kb_fact_(M, alias_reading(_, _))
    ->  memo_(alias_keys, M, findall(Key-Id, ( M:alias_reading(Alias, Id), name_key(Alias, Key) ), Keys), Keys),
        findall(interp(Id),
                ( string_leaf_(Scenario, S),
                  alias_ids_(M, Keys, S, Ids),
                  member(Id, Ids) ),
                Trace0),
        list_to_set(Trace0, Trace)
    ;   Trace = []
    ).

%   The readings of one word of the scenario: kept per word where the word
%   is as short as an alias (the same words recur from question to
%   question); a longer text can only be an alias exactly, looked up each
%   time, so no scenario's long text is kept.
alias_ids_(M, Keys, S, Ids) :-
    string_length(S, L),
    (   L =< 12                                              % aliases are short
    ->  memo_(alias_ids, M-S, findall(I, alias_id_(M, Keys, S, I), Ids), Ids)
    ;   findall(I, ( atom_string(A, S), M:alias_reading(A, I) ), Ids)
    ).

alias_id_(M, Keys, S, Id) :-
    (   atom_string(A, S), M:alias_reading(A, Id)            % exact, indexed
    ;   name_key(S, Key), memberchk(Key-Id, Keys)
    ).

string_leaf_(S, S) :- string(S), !.
string_leaf_(D, S) :- is_dict(D), !, get_dict(K, D, V), K \== votes, string_leaf_(V, S).
string_leaf_(L, S) :- is_list(L), member(V, L), string_leaf_(V, S).

%   ---- answers ---------------------------------------------------------------

%!  assemble_answer(+M, +Question, +Lang, +Fields, +Trace, -Answer:dict) is det.
%
%   The contract's answer: status, fields, citations, explanation steps,
%   gaps and the interpretations used.
assemble_answer(M, Question, Lang, Fields, Trace, Answer) :-
    findall(E, ( member(T, Trace), trace_entry_(M, Lang, T, E) ), Explanation),
    findall(Cites, member(step(_, _, Cites), Trace), Nested),
    append(Nested, AllCites),
    citations_json(AllCites, Citations),
    readings_json_(M, gap, Lang, Trace, Gaps),
    readings_json_(M, interpretation, Lang, Trace, Interps),
    (   Gaps == [] -> Status = answered ; Status = gap ),
    Answer = _{question: Question, status: Status, answer: Fields,
               citations: Citations, explanation: Explanation,
               gaps: Gaps, interpretations: Interps}.

%   The explanation's entry of a step or a note of the trace (false for a
%   reading: gap(Id), interp(Id)).
trace_entry_(M, Lang, T, _{rule: Key, kind: Kind, text: Text, citations: Cs}) :-
    (   T = step(Key, Args, Cites)
    ->  ( kb_fact_(M, why_not(Key)) -> Kind = why_not ; Kind = because )
    ;   T = note(Key, Args, Cites), Kind = note
    ),
    step_text_(M, Lang, Key, Args, Text),
    citations_json(Cites, Cs).

readings_json_(M, Kind, Lang, Trace, Json) :-
    (   Kind == gap -> Tag = gap ; Tag = interp ),
    findall(Id, ( member(T, Trace), T =.. [Tag, Id] ), Ids0),
    list_to_set(Ids0, Ids),
    findall(Entry, ( member(Id, Ids), reading_json_(M, Kind, Lang, Id, Entry) ), Json).

reading_json_(M, Kind, Lang, Id, Entry) :-
    memo_(reading, r(M, Kind, Lang, Id), reading_json__(M, Kind, Lang, Id, E0), E0),
    (   get_dict(text, E0, T), T \== null
    ->  Entry = E0
    ;   throw(pyreason_error(unrecorded_reading, null, Id))
    ).

reading_json__(M, Kind, Lang, Id, _{id: Id, text: Text, citations: Cs}) :-
    (   M:reading(Id, Kind, Cites, Zh, En)
    ->  ( Lang == en -> Text = En ; Text = Zh ),
        citations_json(Cites, Cs)
    ;   Text = null, Cs = null                  % memoised as unrecorded
    ).

%   The words of a step: computed once for arguments that are the KB's own
%   terms (user text, such as an opinion, is worded each time).
step_text_(M, Lang, Key, Args, Text) :-
    (   ground(Args), \+ ( subterm_(X, Args), string(X) )
    ->  memo_(step, s(M, Lang, Key, Args), message_text(M, Lang, Key, Args, T0), T0),
        Text = T0
    ;   message_text(M, Lang, Key, Args, Text)
    ).

%!  citations_json(+Citations:list, -Json:list) is det.
%
%   Citations c(A,P,I), deduplicated, in the order of the document.
citations_json(Cites, Json) :-
    (   ground(Cites)
    ->  memo_(citations, Cites, citations_json_(Cites, Json0), Json0),
        Json = Json0
    ;   citations_json_(Cites, Json)
    ).

citations_json_(Cites, Json) :-
    findall(K-c(A,P,I), ( member(c(A,P,I), Cites), cite_key_(c(A,P,I), K) ), Keyed),
    sort(Keyed, Sorted),
    pairs_values(Sorted, Unique),
    findall(_{article: A, paragraph: P, item: I}, member(c(A,P,I), Unique), Json).

cite_key_(c(A,P,I), k(A,P1,I1)) :-
    ( P == null -> P1 = 0 ; P1 = P ),
    ( I == null -> I1 = 0 ; I1 = I ).

%   ---- words -------------------------------------------------------------------

%!  message_text(+M, +Lang, +Key, +Args, -Text:string) is det.
%
%   The message Key in Lang: the KB's msg/3 (falling back to its Chinese),
%   else the engine's own, with as many of Args as its format takes.
message_text(M, Lang, Key, Args, Text) :-
    (   kb_fact_(M, msg(Key, Lang, Format)) -> true
    ;   kb_fact_(M, msg(Key, zh, Format)) -> true
    ;   engine_msg(Key, Lang, Format) -> true
    ;   engine_msg(Key, zh, Format) -> true
    ;   format(string(Format), "~w", [Key])
    ),
    aggregate_all(count, sub_string(Format, _, _, _, "~w"), N),
    length(Args, Len),
    (   Len >= N -> length(Used, N), append(Used, _, Args)
    ;   Used = Args
    ),
    maplist(render_arg(M, Lang), Used, Rendered),
    format(string(Text), Format, Rendered).

%!  render_arg(+M, +Lang, +Arg, -Text:string) is det.
%
%   Arg as shown in a message: the KB's arg_text/3 where it has one; lists
%   joined; words (word/3); a known name by its canonical name (in English
%   with its label); small integers as Chinese numerals; strings quoted.
render_arg(M, Lang, Arg, Text) :-
    kb_fact_(M, arg_text(Arg, Lang, Text0)),
    !,
    text_string_(Text0, Text).
render_arg(M, Lang, List, Text) :-
    is_list(List),
    !,
    maplist(render_arg(M, Lang), List, Texts),
    (   Lang == zh -> Sep = "、" ; Sep = ", " ),
    atomic_list_concat(Texts, Sep, Atom),
    atom_string(Atom, Text).
render_arg(M, Lang, Word, Text) :-
    atom(Word), kb_fact_(M, word(Word, Lang, Text0)),
    !,
    text_string_(Text0, Text).
render_arg(M, Lang, Value, Text) :-
    atom(Value), Value \== null, M \== none, M:known(_, Value, Name, _, Label),
    !,
    (   Lang == en, Label \== null
    ->  format(string(Text), "~w (~w)", [Name, Label])
    ;   text_string_(Name, Text)
    ).
render_arg(_, Lang, cn(N), Text) :-             % a number the KB wants in Chinese numerals
    integer(N),
    !,
    (   Lang == zh, chinese_numeral(N, Text0) -> Text = Text0 ; format(string(Text), "~w", [N]) ).
render_arg(_, Lang, S, Text) :-
    string(S),
    !,
    (   Lang == zh -> format(string(Text), "“~w”", [S]) ; format(string(Text), "\"~w\"", [S]) ).
render_arg(_, _, X, Text) :-
    format(string(Text), "~w", [X]).

text_string_(T, S) :- ( string(T) -> S = T ; format(string(S), "~w", [T]) ).

unit_word_(day, "日").
unit_word_(workday, "工作日").
unit_word_(month, "月").

%   The engine's own words: for input errors of any KB and for org charts.
engine_msg(err_unrecorded_reading, zh, "知识库的缺陷：答案依据的解读 ~w 未在 reading/5 中记录").
engine_msg(err_unrecorded_reading, en, "a defect of the knowledge base: the answer relies on the reading ~w, which reading/5 does not record").
engine_msg(err_missing_field, zh, "缺少字段 ~w").
engine_msg(err_missing_field, en, "missing field ~w").
engine_msg(err_resource_limit, zh, "问题过大：推理超出了内存上限（~w），请减少事实或表决意见的数量").
engine_msg(err_resource_limit, en, "the question is too large: reasoning ran out of memory (~w); give fewer facts or votes").
engine_msg(flips_incomplete, zh, "时间上限已到，未能检查全部 ~w 种可能的变化：以下所列不完整").
engine_msg(flips_incomplete, en, "the time limit was reached before all ~w possible changes were tried: the list below is incomplete").
engine_msg(err_time_limit, zh, "超过每个问题的时间上限（可用 --time-limit 调整）").
engine_msg(err_time_limit, en, "the time limit of one question was exceeded (see --time-limit)").
engine_msg(err_inference_limit, zh, "超过每个问题 ~w 次推理的上限（可用 --inference-limit 调整）").
engine_msg(err_inference_limit, en, "more than the limit of ~w inferences for one question (see --inference-limit)").
engine_msg(err_not_a_person, zh, "~w是机构，不是岗位或人员").
engine_msg(err_not_a_person, en, "~w is a body, not a post or a person").
engine_msg(err_empty_opinion, zh, "意见不能为空").
engine_msg(err_empty_opinion, en, "an opinion must not be empty").
engine_msg(err_blank_text, zh, "不能为空").
engine_msg(err_blank_text, en, "must not be empty").
engine_msg(err_unknown_opinion, zh, "未知的表决意见：~w").
engine_msg(err_unknown_opinion, en, "unknown vote: ~w").
engine_msg(err_absent_voter, zh, "~w在本情形中不在场，不能发表意见").
engine_msg(err_absent_voter, en, "~w is away in this scenario and cannot give an opinion").
engine_msg(err_duplicate_vote, zh, "~w只有一人，不能发表两次意见").
engine_msg(err_duplicate_vote, en, "there is only one ~w, who cannot give two opinions").
engine_msg(err_too_many_votes, zh, "~w的意见多于该岗位的人数").
engine_msg(err_too_many_votes, en, "more opinions of ~w than there are holders of the post").
engine_msg(err_bad_amount, zh, "无法识别的金额：~w（例如 300万元、3000000、三百万元）").
engine_msg(err_bad_amount, en, "not an amount: ~w (e.g. 300万元, 3000000, 三百万元)").
engine_msg(err_bad_duration, zh, "无法识别的期限：~w（例如 30日、3个月、10个工作日）").
engine_msg(err_bad_duration, en, "not a duration: ~w (e.g. 30日, 3个月, 10个工作日)").
engine_msg(err_duration_unit, zh, "期限不能以~w计：应以规定所用的单位计，不同单位之间不能换算").
engine_msg(err_duration_unit, en, "the duration cannot be given in ~w: use the unit the text uses; units are not converted").
engine_msg(err_bad_date, zh, "无法识别的日期：~w（例如 2024-03-01 或 2024年3月1日）").
engine_msg(err_bad_date, en, "not a date: ~w (e.g. 2024-03-01 or 2024年3月1日)").
engine_msg(err_not_boolean, zh, "应为 true 或 false：~w").
engine_msg(err_not_boolean, en, "must be true or false: ~w").
engine_msg(err_not_integer, zh, "应为整数：~w").
engine_msg(err_not_integer, en, "must be an integer: ~w").
engine_msg(err_not_a_list, zh, "应为列表：~w").
engine_msg(err_not_a_list, en, "must be a list: ~w").
engine_msg(err_not_a_mapping, zh, "应为映射（键: 值）：~w").
engine_msg(err_not_a_mapping, en, "must be a mapping: ~w").
engine_msg(err_person_in_two_teams, zh, "~w 在名册中属于两个团队").
engine_msg(err_person_in_two_teams, en, "~w is in two teams").
engine_msg(err_person_listed_twice, zh, "~w 在名册中重复出现").
engine_msg(err_person_listed_twice, en, "~w is listed twice").
engine_msg(err_team_in_two_departments, zh, "团队 ~w 属于两个部门").
engine_msg(err_team_in_two_departments, en, "team ~w belongs to two departments").
engine_msg(err_two_holders, zh, "~w 有两人担任").
engine_msg(err_two_holders, en, "~w is held by two persons").
engine_msg(err_unknown_person, zh, "~w 不在名册中").
engine_msg(err_unknown_person, en, "~w is not on the staff list").
engine_msg(err_reporting_cycle, zh, "负责关系成环：~w").
engine_msg(err_reporting_cycle, en, "reporting lines form a cycle: ~w").
engine_msg(err_name_is_a_role, zh, "人员姓名 ~w 与岗位或角色名称相同，问题中无法区分").
engine_msg(err_name_is_a_role, en, "the person's name ~w is also the name of a post or role, so questions could not tell them apart").
engine_msg(scope_from_chart, zh, "依人员名册，~w与~w属于~w范围。").
engine_msg(scope_from_chart, en, "By the staff list, ~w and ~w are in the same ~w.").
engine_msg(flip_vote, zh, "若~w的意见为~w").
engine_msg(flip_vote, en, "if ~w's opinion were ~w").
engine_msg(flip_vote_removed, zh, "若~w不发表意见").
engine_msg(flip_vote_removed, en, "if ~w gave no opinion").
engine_msg(flip_on, zh, "若~w包括~w").
engine_msg(flip_on, en, "if ~w included ~w").
engine_msg(flip_off, zh, "若~w不包括~w").
engine_msg(flip_off, en, "if ~w did not include ~w").
engine_msg(flip_true, zh, "若~w").
engine_msg(flip_true, en, "if ~w").
engine_msg(flip_false, zh, "若并非~w").
engine_msg(flip_false, en, "if not ~w").
engine_msg(flip_value, zh, "若~w为~w").
engine_msg(flip_value, en, "if ~w were ~w").
%   Why a knowledge base other than the shipped one is refused (boot.pl vets
%   it: its files before anything of it is loaded, its predicates before the
%   engine calls any).  Each follows file:line.
engine_msg(vet_syntax, zh, "无法读取此处（~w）；知识库未加载，其中的代码均未运行").
engine_msg(vet_syntax, en, "cannot read this (~w); the knowledge base was not loaded and none of its code ran").
engine_msg(vet_directive, zh, "指令 ~w 会在加载时运行；知识库只能声明：encoding(utf8)、include(文件)、dynamic、discontiguous、use_module(library(...))").
engine_msg(vet_directive, en, "the directive ~w would run while loading; a knowledge base may only declare: encoding(utf8), include(File), dynamic, discontiguous, use_module(library(...))").
engine_msg(vet_module, zh, "知识库不是模块：模块由引擎命名（去掉 module/2 指令）").
engine_msg(vet_module, en, "a knowledge base is not a module: the engine names its module (remove the module/2 directive)").
engine_msg(vet_hook, zh, "~w 的子句定义了系统在加载、出错或输出消息时调用的钩子，会在知识库的问题之外运行代码；知识库只能定义自己的谓词").
engine_msg(vet_hook, en, "the clause for ~w defines a hook the system calls while loading, on an error or a message, which could run code outside the knowledge base's questions; a knowledge base defines only its own predicates").
engine_msg(vet_foreign_clause, zh, "~w 的子句定义了另一个模块的谓词；知识库只能定义自己的谓词").
engine_msg(vet_foreign_clause, en, "the clause for ~w defines a predicate of another module; a knowledge base defines only its own predicates").
engine_msg(vet_builtin, zh, "~w 是 SWI-Prolog 的内置谓词，知识库不能定义或声明它").
engine_msg(vet_builtin, en, "~w is a built-in predicate of SWI-Prolog, which a knowledge base may not define or declare").
engine_msg(vet_engine_predicate, zh, "~w 是引擎的谓词，知识库不能定义或声明它").
engine_msg(vet_engine_predicate, en, "~w is a predicate of the engine, which a knowledge base may not define or declare").
engine_msg(vet_not_clause, zh, "~w 不是子句（子句的头须是谓词名及其参数）").
engine_msg(vet_not_clause, en, "~w is not a clause (its head must be a predicate name with its arguments)").
engine_msg(vet_include_outside, zh, "~w 只能以相对路径指向知识库目录内的文件：不能用绝对路径、别名（如 library(...)）、..、~~ 或 $").
engine_msg(vet_include_outside, en, "~w may name only a file inside the knowledge base's directory, by a relative path: no absolute path, alias (such as library(...)), .., ~~ or $").
engine_msg(vet_include_symlink, zh, "~w 指向符号链接；知识库的文件须是它自己目录中的文件").
engine_msg(vet_include_symlink, en, "~w names a symbolic link; a knowledge base's files must be files of its own directory").
engine_msg(vet_include_missing, zh, "~w：知识库目录中没有这个文件，或无法读取").
engine_msg(vet_include_missing, en, "~w: no such file in the knowledge base's directory, or it cannot be read").
engine_msg(vet_include_cycle, zh, "~w 包含了正在被包含的文件（循环包含）").
engine_msg(vet_include_cycle, en, "~w includes a file that is already being included (a cycle)").
engine_msg(vet_include_unreadable, zh, "无法读取 ~w（~w）").
engine_msg(vet_include_unreadable, en, "cannot read ~w (~w)").
engine_msg(vet_encoding, zh, "知识库的文件须为 UTF-8：不接受 encoding(~w)").
engine_msg(vet_encoding, en, "a knowledge base's files are UTF-8: encoding(~w) is refused").
engine_msg(vet_library, zh, "~w：知识库只能使用 SWI-Prolog 的这些库：~w").
engine_msg(vet_library, en, "~w: a knowledge base may use only these libraries of SWI-Prolog: ~w").
engine_msg(vet_declaration, zh, "~w：只能声明知识库自己的谓词（名称/元数）").
engine_msg(vet_declaration, en, "~w: may declare only the knowledge base's own predicates (name/arity)").
engine_msg(vet_quasi_quotation, zh, "准引用（{|...||...|}）会在读取时运行解析器；知识库不能使用").
engine_msg(vet_quasi_quotation, en, "a quasi quotation ({|...||...|}) runs a parser while it is read; a knowledge base may not use one").
engine_msg(vet_too_large, zh, "知识库超过了大小上限（~w 个子句和指令，~w 字节的 Prolog 源文件）；未加载").
engine_msg(vet_too_large, en, "the knowledge base is larger than the limit (~w clauses and directives, ~w bytes of Prolog source); it was not loaded").
engine_msg(vet_unsafe_pred, zh, "谓词 ~w 不能证明是安全的（~w）：知识库的规则只能推理，不能触及文件、shell、其他模块或运行时构造的目标").
engine_msg(vet_unsafe_pred, en, "the predicate ~w is not provably safe (~w): a knowledge base's rules may only reason, never reach files, the shell, another module or a goal built at run time").
engine_msg(vet_unsafe_question, zh, "问题 ~w 的目标不能证明是安全的（~w）").
engine_msg(vet_unsafe_question, en, "the goal of the question ~w is not provably safe (~w)").
engine_msg(vet_unsafe_check, zh, "检查 ~w 的目标不能证明是安全的（~w）").
engine_msg(vet_unsafe_check, en, "the goal of the check ~w is not provably safe (~w)").
engine_msg(vet_unsafe_format, zh, "消息 ~w 的格式会调用目标（~w）").
engine_msg(vet_unsafe_format, en, "the format of the message ~w would call a goal (~w)").

%   ---- errors -------------------------------------------------------------------

%!  error_reply(+M, +Error, +Lang, -Reply:dict) is det.
error_reply(M, pyreason_error(Code, Field, Value), Lang, _{error: E}) :-
    !,
    atom_concat(err_, Code, Key),
    (   ( M \== none, kb_fact_(M, msg(Key, _, _)) ; engine_msg(Key, _, _) )
    ->  message_text(M, Lang, Key, [Value], Message0)
    ;   unknown_kind_(Code, Kind), M \== none
    ->  unknown_message_(M, Lang, Kind, Value, Message0)
    ;   format(string(Message0), "~w", [Code])
    ),
    (   M \== none, unknown_kind_(Code, Kind1) -> person_hint_(M, Lang, Kind1, Field, Hint) ; Hint = "" ),
    string_concat(Message0, Hint, Message),
    (   unknown_kind_(Code, Cat) -> true ; Code == not_a_person -> Cat = role ; Cat = null ),
    json_safe_(Value, JValue),
    path_atom_(Field, Field1),
    json_safe_(Field1, JField),
    E = _{code: Code, field: JField, value: JValue, message: Message, category: Cat}.
error_reply(M, time_limit_exceeded, Lang, _{error: _{code: time_limit, field: null, value: null,
                                                  message: Msg, category: null}}) :-
    !,
    message_text(M, Lang, err_time_limit, [], Msg).
error_reply(M, error(resource_error(What), _), Lang,
            _{error: _{code: resource_limit, field: null, value: null, message: Msg, category: null}}) :-
    !,
    garbage_collect,
    message_text(M, Lang, err_resource_limit, [What], Msg).
error_reply(_, E, _, _{error: _{code: internal, field: null, value: null, message: Msg, category: null}}) :-
    (   E = error(Formal, _) -> true ; Formal = E ),
    format(string(Msg), "~q", [Formal]).

unknown_kind_(Code, Kind) :-
    atom(Code), atom_concat(unknown_, Kind, Code), Kind \== person, Kind \== type,
    Kind \== opinion, Kind \== ''.

unknown_message_(M, Lang, Kind, Value, Message) :-
    (   kb_fact_(M, kind_label(Kind, Lang, Label)) -> true ; Label = Kind ),
    (   Lang == zh
    ->  format(string(Message), "未知的~w：~w", [Label, Value])
    ;   format(string(Message), "unknown ~w: ~w", [Label, Value])
    ).

%   Where persons may stand for names of Kind (a field or fact of type
%   person(Kind) or name_or_person(Kind)), an unknown name may be a person's:
%   without a staff list, say how to give one; with one, say it is not on it.
%   Not for the rows of a staff list itself.
person_hint_(M, Lang, Kind, Field, Hint) :-
    \+ ( atom(Field), sub_atom(Field, 0, _, _, 'staff[') ),
    (   kb_fact_(M, input(_, _, T, _)) ; kb_fact_(M, fact(_, T, _)) ),
    (   subterm_(person(Kind), T) ; subterm_(name_or_person(Kind), T) ),
    !,
    (   staff_(M, _, _, _, _)
    ->  ( Lang == zh -> Hint = "（也不是人员名册中的人员）" ; Hint = " (nor a person on the staff list)" )
    ;   Lang == zh
    ->  Hint = "；如为人员姓名，请用 --org 名册文件 提供人员名册"
    ;   Hint = "; if it is a person's name, pass --org STAFF (a staff list)"
    ).
person_hint_(_, _, _, _, "").

json_safe_(V, V) :- ( string(V) ; number(V) ; V == null ; V == true ; V == false ), !.
json_safe_(V, S) :- format(string(S), "~w", [V]).

%   ---- flips: what would change the answer -------------------------------------

%!  flips(+M, +Scenario:dict, +Lang, -Reply:dict) is det.
%
%   Reply is {"answer": ..., "flips": [...]}: the scenario's answer and every
%   single change of its facts (one element of a set fact, a boolean fact,
%   a scalar fact to each value the KB explores, one vote) that changes the
%   answer's status or fields, each with the new answer and its citations.
%
%   Within the time until Deadline (get_time/1): the answer first (an error
%   when that alone cannot be had in time), then the changes one by one.  A
%   search cut short by the deadline says so: "complete": false and a worded
%   "note", with the flips found so far.
flips(M, Scenario, Lang, Deadline, Reply) :-
    time_left_(Deadline, Left0),
    call_with_time_limit(Left0, kb_ask(M, Scenario, Lang, Answer)),
    answer_key_(M, Answer, Key),
    findall(Change-Variant, variant_(M, Scenario, Answer, Change, Variant), Pairs),
    flips_(Pairs, M, Lang, Key, Deadline, Flips, Complete),
    (   Complete == true
    ->  Reply = _{answer: Answer, flips: Flips, complete: true}
    ;   length(Pairs, NP), length(Flips, NF),
        message_text(M, Lang, flips_incomplete, [NP], Note),
        Reply = _{answer: Answer, flips: Flips, complete: false, note: Note, found: NF}
    ).

time_left_(Deadline, Left) :-
    get_time(Now),
    Left is Deadline - Now,
    (   Left > 0 -> true ; throw(time_limit_exceeded) ).

flips_([], _, _, _, _, [], true).
flips_([Change-Variant | Pairs], M, Lang, Key, Deadline, Flips, Complete) :-
    get_time(Now),
    Left is Deadline - Now,
    (   Left =< 0
    ->  Flips = [], Complete = false
    ;   catch(call_with_time_limit(Left, flip_(M, Lang, Key, Change, Variant, Flip)),
              time_limit_exceeded, Flip = stop)
    ->  (   Flip == stop
        ->  Flips = [], Complete = false
        ;   Flip == none
        ->  flips_(Pairs, M, Lang, Key, Deadline, Flips, Complete)
        ;   Flips = [Flip | Rest],
            flips_(Pairs, M, Lang, Key, Deadline, Rest, Complete)
        )
    ).

flip_(M, Lang, Key, Change, Variant, Flip) :-
    (   catch(kb_ask(M, Variant, Lang, A), pyreason_error(_, _, _), fail),
        answer_key_(M, A, K), K \== Key
    ->  change_text_(M, Lang, Change, Text),
        Flip = _{change: Change, description: Text, status: A.status, answer: A.answer, citations: A.citations}
    ;   Flip = none
    ).

%!  flips(+M, +Scenario:dict, +Lang, -Reply:dict) is det.
%
%   flips/5 without a deadline.
flips(M, Scenario, Lang, Reply) :-
    get_time(Now), Deadline is Now + 1.0e9,
    flips(M, Scenario, Lang, Deadline, Reply).

%   What counts as the answer: its status and fields, not those the KB marks
%   as a tally (any vote change alters them).
answer_key_(M, A, A.status-Fields) :-
    dict_pairs(A.answer, _, Fields0),
    exclude(tally_field_(M), Fields0, Fields).

tally_field_(M, K-_) :-
    kb_fact_(M, answer_field(_, K, _, Opts)),
    memberchk(tally, Opts),
    !.

variant_(M, S, A, Change, S1) :-
    kb_fact_(M, fact(Name, Type, Opts)),
    \+ memberchk(whole, Opts),
    facts_(S, F),
    fact_variant_(M, Name, Type, S, A, F, Change, S1).
variant_(M, S, _, Change, S1) :-
    get_dict(question, S, QS), atom_string(Q, QS),
    kb_fact_(M, input(Q, Field, votes(Kind), _)),
    get_dict(Field, S, Votes), is_list(Votes),
    findall(O, ( member(Vt, Votes), is_dict(Vt), get_dict(opinion, Vt, O) ), Ops0), list_to_set(Ops0, Ops),
    nth0(I, Votes, Vote), is_dict(Vote),
    get_dict(role, Vote, R), get_dict(opinion, Vote, Old),
    (   member(New, Ops), New \== Old, Vote1 = Vote.put(opinion, New),
        nth0(I, Votes, _, Rest), nth0(I, Votes1, Vote1, Rest)
    ;   New = null, nth0(I, Votes, _, Votes1), Votes1 \== []
    ),
    (   get_dict(name, Vote, Nm), Nm \== "" -> true ; Nm = null ),
    Change = _{kind: vote, index: I, role: R, name: Nm, opinion: New, element: Kind},
    S1 = S.put(Field, Votes1).

fact_variant_(_, Name, boolean, S, _, F, _{kind: Name, value: V}, S1) :- !,
    (   get_dict(Name, F, true) -> V = false ; V = true ),
    put_fact_(S, F, Name, V, S1).
fact_variant_(M, Name, Type, S, A, F, Change, S1) :-
    collection_element_(Type, person(Kind)),
    !,
    list_field_(F, Name, Current),
    candidate_value_(M, Name, Kind, S, A, Current, R),
    (   member(X, Current), catch(resolve_person(M, Kind, x, X, R), pyreason_error(_, _, _), fail)
    ->  V = false, exclude(names_person_(M, Kind, R), Current, New)
    ;   V = true, atom_string(R, RS), append(Current, [RS], New)
    ),
    Change = _{kind: Name, role: R, value: V},
    put_fact_(S, F, Name, New, S1).
fact_variant_(M, Name, Type, S, _, F, Change, S1) :-
    collection_element_(Type, record(FTs)),
    !,
    list_field_(F, Name, Current),
    kb_fact_(M, flip_candidate(Name, Rec)),
    Rec =.. [record | Args],
    pairs_keys(FTs, Keys),
    pairs_keys_values(KVs, Keys, Args),
    (   member(X, Current), is_dict(X),
        forall(member(K-Vl, KVs), ( get_dict(K, X, XV),
                                     nth1(Ix, Keys, K), nth1(Ix, FTs, K-T),
                                     catch(convert(M, T, x, XV, [], Vl), pyreason_error(_, _, _), fail) ))
    ->  V = false, exclude(==(X), Current, New)
    ;   V = true,
        findall(K-Str, ( member(K-Vl, KVs), atom_string(Vl, Str) ), StrPairs),
        dict_pairs(D, _, StrPairs), append(Current, [D], New)
    ),
    dict_pairs(Change0, _, [kind-Name, value-V | KVs]),
    Change = Change0,
    put_fact_(S, F, Name, New, S1).
fact_variant_(M, Name, Type, S, _, F, _{kind: Name, value: V}, S1) :-
    scalar_values_(M, Name, Values),
    (   get_dict(Name, F, Raw), catch(convert(M, Type, x, Raw, [], Cur), pyreason_error(_, _, _), fail) -> true ; Cur = null ),
    member(V, Values), V \== Cur,
    put_fact_(S, F, Name, V, S1).

%   The values worth trying for a scalar fact: those the KB explores, and
%   each threshold its text draws, with the amounts on either side.
scalar_values_(M, Name, Values) :-
    findall(X, ( kb_fact_(M, explore(Name, Xs)), member(X, Xs)
               ; kb_fact_(M, threshold(Name, T, _, _)), member(D, [-1, 0, 1]), X is T + D ),
            Values0),
    sort(Values0, Values),
    Values \== [].

names_person_(M, Kind, R, Y) :-
    catch(resolve_person(M, Kind, x, Y, R0), pyreason_error(_, _, _), fail),
    R0 == R.

collection_element_(list(T), T).
collection_element_(list(T, _), T).
collection_element_(set(T), T).
collection_element_(set(T, _), T).

%   Values whose presence in a set fact could matter: those the answer
%   names, those already listed, and those the KB names as candidates.
candidate_value_(M, Name, Kind, _S, A, Current, R) :-
    findall(X, ( subterm_(T, A.answer), ( atom(T) -> X = T ; string(T), atom_string(X, T) ),
                 X \== null, X \== true, X \== false,
                 M:known(Kind, X, _, _, _), \+ kb_fact_(M, impersonal(X)) ), Named),
    findall(X, ( member(V, Current), catch(resolve_person(M, Kind, x, V, X), pyreason_error(_, _, _), fail) ), Listed),
    findall(X, kb_fact_(M, flip_candidate(Name, X)), Declared),
    append([Named, Listed, Declared], All),
    list_to_set(All, Values),
    member(R, Values).

facts_(S, F) :- ( get_dict(facts, S, F0), is_dict(F0) -> F = F0 ; F = _{} ).
put_fact_(S, F, Key, Value, S1) :- F1 = F.put(Key, Value), S1 = S.put(facts, F1).
list_field_(Dict, Key, List) :-
    (   get_dict(Key, Dict, List0), is_list(List0) -> List = List0 ; List = [] ).

%   The words of a change: the KB's flip_<fact>_on/off or flip_<fact> where it
%   has them, else the engine's generic ones.
change_text_(M, Lang, C, Text) :-
    Kind = C.kind,
    (   Kind == vote
    ->  (   get_dict(name, C, N), N \== null, N \== C.role
        ->  format(atom(R), "~w（~w）", [C.role, N])
        ;   atom_string(R, C.role)
        ),
        (   C.opinion == null -> message_text(M, Lang, flip_vote_removed, [R], Text)
        ;   message_text(M, Lang, flip_vote, [R, C.opinion], Text)
        )
    ;   get_dict(value, C, V), ( V == true -> Suffix = on ; V == false -> Suffix = off )
    ->
        (   record_fields_(M, Kind, Keys) -> true
        ;   dict_pairs(C, _, Pairs), pairs_keys(Pairs, Keys)
        ),
        findall(X, ( member(K, Keys), \+ memberchk(K, [kind, value]), get_dict(K, C, X0),
                     atom_or_string_(X0, X) ), Args),
        format(atom(Key), "flip_~w_~w", [Kind, Suffix]),
        (   kb_fact_(M, msg(Key, _, _))
        ->  message_text(M, Lang, Key, Args, Text)
        ;   fact_label_(M, Lang, Kind, Label),
            (   Args == []                       % a boolean fact
            ->  ( Suffix == on -> GKey = flip_true ; GKey = flip_false ),
                message_text(M, Lang, GKey, [Label], Text)
            ;   atom_concat(flip_, Suffix, GKey),
                message_text(M, Lang, GKey, [Label, Args], Text)
            )
        )
    ;   format(atom(Key), "flip_~w", [Kind]),
        (   kb_fact_(M, msg(Key, _, _))
        ->  message_text(M, Lang, Key, [C.value], Text)
        ;   fact_label_(M, Lang, Kind, Label),
            message_text(M, Lang, flip_value, [Label, C.value], Text)
        )
    ).

atom_or_string_(X0, X) :- ( string(X0) -> atom_string(X, X0) ; X = X0 ).

%   A fact in words: the KB's labels (labels.yaml facts.<fact>, handed over
%   with the request), else its fact_label/3, else its name.
fact_label_(M, Lang, Kind, Label) :-
    (   nb_current(pyreason_fact_labels, Labels), is_dict(Labels),
        get_dict(Kind, Labels, L0), string(L0)
    ->  atom_string(Label, L0)
    ;   kb_fact_(M, fact_label(Kind, Lang, L)) -> atom_string(Label, L)
    ;   Label = Kind
    ).

%   ---- org charts ----------------------------------------------------------------

%!  load_org(+M, +Rows:list, -Reply:dict) is det.
%
%   Validate a staff list (dicts with name, post, and optionally team,
%   department, reports_to; each with its row number) and, if it has no
%   errors, make it the chart of KB M.  Reply is {"errors", "summary"}.
load_org(M, Rows, _{errors: ErrorDicts, more: More, summary: Summary}) :-
    org_rows_(M, Rows, Parsed, E1),
    org_consistency_(M, Parsed, E2),
    append(E1, E2, Errors),
    length(Errors, NErrors),
    org_error_limit_(Limit),
    (   NErrors > Limit -> length(Shown, Limit), append(Shown, _, Errors), More is NErrors - Limit
    ;   Shown = Errors, More = 0
    ),
    findall(D, ( member(org_error(C, F, V), Shown),
                 error_reply(M, pyreason_error(C, F, V), zh, R), error_reply(M, pyreason_error(C, F, V), en, REn),
                 D = R.error.put(message_en, REn.error.message) ), ErrorDicts),
    (   Errors == []
    ->  forget_answers_,
        retractall(staff_(M, _, _, _, _)),
        retractall(reports_(M, _, _)),
        forall(member(row(_, N, P, T, Dp, _), Parsed), assertz(staff_(M, N, P, T, Dp))),
        forall(member(row(_, N, _, _, _, boss(B)), Parsed), assertz(reports_(M, N, B)))
    ;   true
    ),
    org_summary_(Parsed, Summary).

%   At most this many errors of a chart are worded and returned (the rest are
%   counted): a chart of a million wrong rows gives a short reply.
org_error_limit_(50).

org_post_kind_(M, Kind) :-
    (   kb_fact_(M, org_post_kind(K)) -> Kind = K ; Kind = role ).

%   Each row becomes row(Index, Name, Post, Team, Dept, Boss): Name an atom
%   (as persons are looked up), Team and Dept strings or null (none), Boss
%   boss(Name) or none.  A name, team or department spelt "null", "true" or
%   "false" is a name like any other, never "none".
org_rows_(M, Rows, Parsed, Errors) :-
    org_post_kind_(M, Kind),
    foldl(org_row_(M, Kind), Rows, []-[], Parsed0-Errors0),
    reverse(Parsed0, Parsed),
    reverse(Errors0, Errors).

org_row_(M, Kind, Row, Ps-Es, Ps1-Es1) :-
    get_dict(row, Row, I),
    format(atom(Fd), "staff[~w].post", [I]),
    get_dict(name, Row, NameS), atom_string(Name, NameS),
    org_field_(Row, team, Team), org_field_(Row, department, Dept),
    (   org_field_(Row, reports_to, BossS), BossS \== null -> atom_string(B, BossS), Boss = boss(B)
    ;   Boss = none
    ),
    catch(( resolve_name(M, Kind, Fd, Row.post, Post),
            ( kb_fact_(M, impersonal(Post)) -> throw(pyreason_error(not_a_person, Fd, Row.post)) ; true ),
            R = ok ),
          pyreason_error(Code, _, V), R = error(Code, V)),
    (   R == ok
    ->  Ps1 = [row(I, Name, Post, Team, Dept, Boss) | Ps], Es1 = Es
    ;   R = error(C, Val),
        Ps1 = Ps, Es1 = [org_error(C, Fd, Val) | Es]
    ).

org_field_(Row, Key, Value) :-
    (   get_dict(Key, Row, S), string(S), S \== "" -> Value = S ; Value = null ).

%   Each person once; a team in one department; one holder of each post the
%   KB declares unit_head/2 for, per unit; reports_to names a person of the
%   chart and makes no cycle.  Every check is O(n log n) in the rows.
org_consistency_(M, Rows, Errors) :-
    findall(E, org_problem_(M, Rows, E), Errors0),
    list_to_set(Errors0, Errors).

org_problem_(_, Rows, org_error(Code, Fd, Name)) :-
    findall(N-(I-T), member(row(I, N, _, T, _, _), Rows), Pairs0),
    msort(Pairs0, Pairs),
    group_pairs_by_key(Pairs, Groups),
    member(N-[_-T0 | More], Groups), More \== [],
    (   member(_-T1, More), T1 \== T0 -> Code = person_in_two_teams ; Code = person_listed_twice ),
    member(I-_, More),
    format(atom(Fd), "staff[~w].name", [I]), atom_string(N, Name).
org_problem_(M, Rows, org_error(name_is_a_role, Fd, NameS)) :-   % a name questions could not tell apart
    org_post_kind_(M, Kind),
    member(row(I, N, _, _, _, _), Rows),
    exact_name_(M, Kind, N),                                      % indexed, not folded: O(1) a name
    !,
    atom_string(N, NameS),
    format(atom(Fd), "staff[~w].name", [I]).
org_problem_(_, Rows, org_error(team_in_two_departments, Fd, T)) :-
    findall(t(T, D, I), ( member(row(I, _, _, T, D, _), Rows), T \== null, D \== null ), TDs0),
    msort(TDs0, TDs),                                              % by team, department, row
    nextto(t(T, D1, _), t(T, D2, I), TDs), D1 \== D2,              % the first row of another department
    format(atom(Fd), "staff[~w].department", [I]).
org_problem_(M, Rows, org_error(two_holders, Fd, Unit)) :-
    kb_fact_(M, unit_head(Post, Level)),
    findall(U-I, ( member(row(I, _, Post, T, D, _), Rows), unit_(Level, T, D, U) ), UIs0),
    msort(UIs0, UIs),
    nextto(U-_, U-I2, UIs),
    format(atom(Fd), "staff[~w].post", [I2]),
    (   U == whole -> format(string(Unit), "~w", [Post]) ; format(string(Unit), "~w（~w）", [Post, U]) ).
org_problem_(_, Rows, org_error(unknown_person, Fd, BossS)) :-
    findall(N-true, member(row(_, N, _, _, _, _), Rows), Ns0), sort(1, @<, Ns0, Ns),
    list_to_assoc(Ns, Names),
    member(row(I, _, _, _, _, boss(B)), Rows),
    \+ get_assoc(B, Names, _),
    format(atom(Fd), "staff[~w].reports_to", [I]), atom_string(B, BossS).
org_problem_(_, Rows, org_error(reporting_cycle, Fd, Path)) :-
    org_cycles_(Rows, Cycles),
    member(Cycle, Cycles),
    Cycle = [First | _],
    once(member(row(I, First, _, _, _, _), Rows)),
    format(atom(Fd), "staff[~w].reports_to", [I]),
    cycle_words_(Cycle, Path).

%   A cycle as words of bounded length: its first persons, how many are left
%   out, its last, and back to the first.
cycle_words_(Cycle, Path) :-
    Cycle = [First | _],
    length(Cycle, Len),
    (   Len =< 8
    ->  Shown = Cycle
    ;   length(Head, 5), append(Head, _, Cycle), last(Cycle, Last),
        Left is Len - 6,
        format(atom(Gap), "…(+~d)…", [Left]),
        append(Head, [Gap, Last], Shown)
    ),
    atomic_list_concat(Shown, ' → ', P0),
    format(string(Path), "~w → ~w", [P0, First]).

unit_(whole, _, _, whole).
unit_(department, _, D, D) :- D \== null.
unit_(team, T, _, T) :- T \== null.

%   Every cycle of reports_to, each once, found in O(n log n): each walk up
%   stops at a person already known to lead out of the chart, and the
%   persons of the walk under way are kept in an assoc, not a list.
org_cycles_(Rows, Cycles) :-
    findall(N-B, member(row(_, N, _, _, _, boss(B)), Rows), Edges),
    sort(1, @<, Edges, Unique),
    list_to_assoc(Unique, Boss),
    findall(N, member(row(_, N, _, _, _, _), Rows), Names),
    empty_assoc(Done0),
    cycle_walk_(Names, Boss, Done0, Cycles).

cycle_walk_([], _, _, []).
cycle_walk_([N | Ns], Boss, Done, Cycles) :-
    (   get_assoc(N, Done, _)
    ->  cycle_walk_(Ns, Boss, Done, Cycles)
    ;   empty_assoc(On),
        walk_up_(N, Boss, Done, On, [], Path, Result),
        foldl([X, D0, D1]>>put_assoc(X, D0, true, D1), Path, Done, Done1),
        (   Result = cycle(C) -> Cycles = [C | Cycles1] ; Cycles = Cycles1 ),
        cycle_walk_(Ns, Boss, Done1, Cycles1)
    ).

walk_up_(N, Boss, Done, On, Seen, Path, Result) :-
    (   get_assoc(N, On, _)
    ->  reverse(Seen, Ordered), append(_, [N | Rest], Ordered), Result = cycle([N | Rest]), Path = Seen
    ;   get_assoc(N, Done, _)
    ->  Path = Seen, Result = ok
    ;   get_assoc(N, Boss, B)
    ->  put_assoc(N, On, true, On1),
        walk_up_(B, Boss, Done, On1, [N | Seen], Path, Result)
    ;   Path = [N | Seen], Result = ok
    ).

org_summary_(Rows, _{staff: N, teams: NT, departments: ND, posts: Posts}) :-
    length(Rows, N),
    findall(T, ( member(row(_, _, _, T, _, _), Rows), T \== null ), Ts0), sort(Ts0, Ts), length(Ts, NT),
    findall(D, ( member(row(_, _, _, _, D, _), Rows), D \== null ), Ds0), sort(Ds0, Ds), length(Ds, ND),
    findall(P, member(row(_, _, P, _, _, _), Rows), Ps0), msort(Ps0, Ps1), clumped(Ps1, PCs),
    findall(_{post: P, count: C}, member(P-C, PCs), Posts).

person_(M, Name, Post, Team, Dept) :-
    atom(Name),
    staff_(M, Name, Post, Team, Dept),
    !.

%   The level of two persons' common unit: team, department or whole; Unit
%   is that team or department (whole for the whole organisation).
chart_scope_(M, V1, V2, Level, Unit) :-
    string(V1), string(V2), atom_string(A, V1), atom_string(B, V2),
    person_(M, A, _, TA, DA), person_(M, B, _, TB, DB),
    (   TA \== null, TA == TB -> Level = team, Unit = TA
    ;   DA \== null, DA == DB -> Level = department, Unit = DA
    ;   Level = whole, Unit = whole
    ).

%   The person holding Post in Unit, or the only holder of Post in the chart.
holder_(M, Post, Unit, Name) :-
    Unit \== whole,
    kb_fact_(M, unit_head(Post, Level)),
    (   Level == team -> staff_(M, Name, Post, Unit, _)
    ;   Level == department -> staff_(M, Name, Post, _, Unit)
    ),
    !.
holder_(M, Post, Unit, Name) :-                % a team's question: its department's holder
    Unit \== whole,
    kb_fact_(M, unit_head(Post, department)),
    staff_(M, _, _, Unit, Dept), Dept \== null,
    staff_(M, Name, Post, _, Dept),
    !.
holder_(M, Post, _, Name) :-
    findall(N, staff_(M, N, Post, _, _), [Name]).

%   Whom a person answers to: reports_to if the chart says so, else the
%   holder of the post the KB names as the post's superior (org_reports/2)
%   in the person's own unit.
person_superior_(M, Name, Boss) :-
    reports_(M, Name, Boss), !.
person_superior_(M, Name, Boss) :-
    person_(M, Name, Post, Team, Dept),
    kb_fact_(M, org_reports(Post, SupPost)),
    !,
    (   kb_fact_(M, unit_head(SupPost, team)), Team \== null -> holder_(M, SupPost, Team, Boss)
    ;   kb_fact_(M, unit_head(SupPost, department)), Dept \== null -> holder_(M, SupPost, Dept, Boss)
    ;   holder_(M, SupPost, whole, Boss)
    ).

%   N and whom N answers to, up the chain, each person once (the persons seen
%   are kept in an assoc: a long chain costs O(n log n)).
person_chain_(M, N, Seen0, Chain) :-
    empty_assoc(E), foldl([X, A0, A]>>put_assoc(X, A0, true, A), Seen0, E, Seen),
    person_chain_a_(M, N, Seen, Chain).

person_chain_a_(M, N, Seen, [N | Rest]) :-
    person_superior_(M, N, Boss), \+ get_assoc(Boss, Seen, _),
    !,
    put_assoc(Boss, Seen, true, Seen1),
    person_chain_a_(M, Boss, Seen1, Rest).
person_chain_a_(_, N, _, [N]).

%   With an org chart: the persons named, and the persons behind the posts
%   the answer names, for the answer fields the KB declares with person_of/1,
%   reports_to/1 or reports_chain/1, and the scope from the chart.
chart_fields_(M, Q, S, F0, F) :-
    findall(N, ( string_leaf_(S, V), atom_string(N, V), person_(M, N, _, _, _) ), Ns0),
    findall(N, ( get_dict(K, S, Vs), is_list(Vs), member(Vt, Vs), is_dict(Vt), get_dict(role, Vt, V),
                 K \== facts, string(V), atom_string(N, V), person_(M, N, _, _, _) ), Ns1),
    append(Ns0, Ns1, Ns2), list_to_set(Ns2, Names),
    (   Names == []
    ->  F = F0
    ;   findall(N-_{post: P, team: T, department: D}, ( member(N, Names), person_(M, N, P, T, D) ), Pairs),
        dict_pairs(Persons, _, Pairs),
        question_unit_(M, Q, S, Scope, Unit),
        findall(K-V, ( kb_fact_(M, answer_field(Q, K, _, Opts)),
                       chart_field_(M, Opts, S, F0, Names, Unit, V) ), Extra0),
        (   Scope \== none, kb_fact_(M, answer_field(Q, scope, _, _)) -> Extra = [scope-Scope | Extra0] ; Extra = Extra0 ),
        dict_pairs(ExtraD, _, Extra),
        F = F0.put(ExtraD).put(persons, Persons)
    ).

question_unit_(M, Q, S, Scope, Unit) :-
    kb_fact_(M, input(Q, _, _, Opts)),
    member(Opt, Opts), chart_scope_option_(Opt, S, VA, VB, Map, _),
    chart_scope_(M, VA, VB, Level, Unit),
    !,
    (   kb_fact_(M, org_scope(Level, Scope0)) -> ( memberchk(Scope0-Sc, Map) -> Scope = Sc ; Scope = Scope0 )
    ;   Scope = none
    ).
question_unit_(_, _, _, none, whole).

chart_field_(M, Opts, _S, F0, Names, Unit, P) :-
    memberchk(person_of(Field), Opts),
    !,
    get_dict(Field, F0, Post),
    (   Post == null -> P = null
    ;   (   Unit \== whole, atom(Post), holder_(M, Post, Unit, P0) -> true   % the holder in the question's unit
        ;   member(N, Names), person_(M, N, Post0, _, _), atom_string(Post0, PS), atom_string(Post, PS2), PS == PS2
        ->  P0 = N
        ;   atom(Post), holder_(M, Post, Unit, P0) -> true
        ;   string(Post), atom_string(PA, Post), holder_(M, PA, Unit, P0) -> true
        )
    ->  atom_string(P0, P)                  % a name is text, even one spelt null or true
    ;   P = null
    ).
chart_field_(M, Opts, S, _, _, _, P) :-
    memberchk(reports_to(Field), Opts),
    !,
    get_dict(Field, S, V), atom_string(N, V), person_(M, N, _, _, _),
    person_chain_(M, N, [N], Chain),
    ( Chain = [_, P0 | _] -> atom_string(P0, P) ; P = null ).
chart_field_(M, Opts, S, _, _, _, Chain) :-
    memberchk(reports_chain(Field), Opts),
    get_dict(Field, S, V), atom_string(N, V), person_(M, N, _, _, _),
    person_chain_(M, N, [N], Chain0),
    maplist([A, T]>>atom_string(A, T), Chain0, Chain).

%   ---- reference data ---------------------------------------------------------------

%!  vocabulary(+M, -Vocabulary:dict) is det.
%
%   Every name the KB knows, per kind, for input help and "did you mean".
vocabulary(M, _{kinds: Kinds}) :-
    findall(K, M:known(K, _, _, _, _), Ks0),
    list_to_set(Ks0, Ks),
    findall(K-Entries,
            ( member(K, Ks),
              findall(_{value: V, name: N, id: Id, label: L, aliases: As, groups: Gs, citation: C,
                        impersonal: Imp},
                      ( M:known(K, V, N, Id, L),
                        findall(A, kb_fact_(M, known_alias(K, A, V)), As),
                        findall(G, kb_fact_(M, known_group(K, V, G)), Gs),
                        ( kb_fact_(M, impersonal(V)) -> Imp = true ; Imp = false ),   % never a person
                        (   kb_fact_(M, known_citation(K, V, Cite)) -> citations_json([Cite], [C])
                        ;   C = null
                        ) ),
                      Entries) ),
            Pairs),
    dict_pairs(Kinds, _, Pairs).

%!  articles(+M, -Document:dict) is det.
%
%   The document's metadata and the clean text of every article, each with
%   "en", the unofficial English rendering, or null where there is none.
articles(M, _{document: Doc, articles: Articles}) :-
    kb_value_(M, document_number, Number),
    kb_value_(M, document_title, Title),
    kb_value_(M, document_status, Status),
    kb_value_(M, preamble, Preamble),
    kb_value_(M, en_document_title, TitleEn),
    kb_value_(M, en_preamble, PreambleEn),
    kb_value_(M, kb_name, Name),
    kb_value_(M, kb_version, Version),
    self_name_(M, zh, SelfZh), self_name_(M, en, SelfEn),
    Doc = _{number: Number, title: Title, status: Status, preamble: Preamble,
            title_en: TitleEn, preamble_en: PreambleEn, kb_name: Name, kb_version: Version,
            self: _{zh: SelfZh, en: SelfEn}},
    findall(_{number: N, title: T, title_en: TE, paragraphs: Ps},
            ( M:article(N, T), en_or_null_(M, en_article(N, TE)),
              findall(_{number: P, text: PT, en: PE, items: Is},
                      ( M:paragraph(N, P, PT), en_or_null_(M, en_paragraph(N, P, PE)),
                        findall(_{number: I, text: IT, en: IE},
                                ( kb_fact_(M, item(N, P, I, IT)), en_or_null_(M, en_item(N, P, I, IE)) ),
                                Is) ),
                      Ps) ),
            Articles0),
    sort(number, @<, Articles0, Articles).

kb_value_(M, Name, Value) :-
    G =.. [Name, V],
    (   kb_fact_(M, G) -> text_value_(V, Value) ; Value = null ).

text_value_(V, S) :- ( atom(V), V \== null -> atom_string(V, S) ; S = V ).

self_name_(M, Lang, S) :-
    (   kb_fact_(M, document_self(Lang, S0)) -> text_value_(S0, S)
    ;   Lang == zh -> S = "本规定" ; S = "this regulation"
    ).

en_or_null_(M, Goal) :-
    (   kb_fact_(M, Goal) -> true ; arg(_, Goal, null) -> true ; true ).

%!  readings(+M, +Lang, -Readings:dict) is det.
%
%   Every recorded gap and interpretation, with its text and citations.
readings(M, Lang, _{gaps: Gaps, interpretations: Interps}) :-
    findall(Entry, reading_entry_(M, gap, Lang, Entry), Gaps),
    findall(Entry, reading_entry_(M, interpretation, Lang, Entry), Interps).

reading_entry_(M, Kind, Lang, _{id: Id, text: Text, citations: Cs}) :-
    kb_fact_(M, reading(Id, Kind, Cites, Zh, En)),
    ( Lang == en -> Text = En ; Text = Zh ),
    citations_json(Cites, Cs).

%!  kb_declarations(+M, -Declarations:dict) is det.
%
%   What the KB declares, as data: its identity, its question kinds with
%   their inputs and answer fields, and the kinds of scenario facts.  The
%   Python side derives validation, schemas, forms and rendering from it.
kb_declarations(M, _{kb: KB, questions: Qs, facts: Fs, vote_values: VVs}) :-
    kb_value_(M, kb_name, Name), kb_value_(M, kb_version, Version),
    self_name_(M, zh, SelfZh), self_name_(M, en, SelfEn),
    KB = _{name: Name, version: Version, self: _{zh: SelfZh, en: SelfEn}},
    findall(Q, kb_fact_(M, question(Q, _, _, _, _)), Qs0),
    list_to_set(Qs0, QKinds),
    findall(_{kind: Q, inputs: Ins, answer: Outs},
            ( member(Q, QKinds),
              kb_fact_(M, question(Q, Inputs, _, _, _)),
              findall(_{field: F, type: TJ, options: OJ},
                      ( member(F=_, Inputs), kb_fact_(M, input(Q, F, T, O)),
                        type_json_(T, TJ), options_json_(O, OJ) ), Ins),
              findall(_{field: F, type: TJ, options: OJ},
                      ( kb_fact_(M, answer_field(Q, F, T, O)),
                        type_json_(T, TJ), options_json_(O, OJ) ), Outs) ),
            Qs),
    findall(_{name: N, type: TJ, options: OJ},
            ( kb_fact_(M, fact(N, T, O)), type_json_(T, TJ), options_json_(O, OJ) ), Fs),
    findall(_{value: V, class: C, aliases: As}, kb_fact_(M, vote_value(V, C, As)), VVs).

type_json_(T, _{type: list, of: J, options: OJ}) :- ( T = list(E, O) ; T = list(E), O = [] ), !,
    type_json_(E, J), options_json_(O, OJ).
type_json_(T, _{type: set, of: J, options: OJ}) :- ( T = set(E, O) ; T = set(E), O = [] ), !,
    type_json_(E, J), options_json_(O, OJ).
type_json_(record(FTs), _{type: record, fields: Fs}) :- !,
    findall(_{name: F, type: J}, ( member(F-T, FTs), type_json_(T, J) ), Fs).
type_json_(T, _{type: Name, kind: K}) :-
    compound(T), T =.. [Name, K], atom(K), !.
type_json_(T, _{type: T}) :- atom(T), !.
type_json_(T, _{type: S}) :- format(string(S), "~q", [T]).

options_json_(Opts, J) :-
    findall(K-V, ( member(O, Opts), option_json_(O, K, V) ), Pairs0),
    sort(1, @<, Pairs0, Pairs),
    dict_pairs(J, _, Pairs).

option_json_(O, O, true) :- atom(O), !.
option_json_(default(V), default, J) :- !, json_value_(V, J).
option_json_(one_of(Vs, Code), one_of, _{values: Js, code: Code}) :- !, maplist(json_value_, Vs, Js).
option_json_(chart_scope(A, B, _, _), chart_scope, [A, B]) :- !.
option_json_(chart_scope(A, _, _), chart_scope, [A]) :- !.
option_json_(annotate(F, T), annotate, _{field: F, template: T}) :- !.
option_json_(O, K, V) :- compound(O), O =.. [K, V0], !, json_value_(V0, V).
option_json_(O, K, Vs) :- compound(O), O =.. [K | Args], maplist(json_value_, Args, Vs).

json_value_(V, V) :- ( string(V) ; number(V) ; V == null ; V == true ; V == false ), !.
json_value_(V, S) :- atom(V), !, atom_string(V, S).
json_value_(V, S) :- format(string(S), "~q", [V]).

%   ---- JSON text ---------------------------------------------------------------------

json_string_(Dict, String) :-
    with_output_to(string(String), json_write_dict(current_output, Dict, [width(0)])).

%   ---- batches: JSON Lines in, JSON Lines out ---------------------------------------

%!  call_batch(+Header:string, +Lines:string, -Reply:string) is det.
%
%   The bridge's entry for a chunk of a JSON Lines batch.  Header is JSON:
%   {"kb", "lang", "seconds", "inferences", "identity", "version"?,
%   "defer_keys"?} (identity: the KB's identity as JSON text; version: JSON
%   text every answer ends with, as "version"; defer_keys: the fields that
%   leave a line to the caller).  Lines is the chunk's
%   text, one scenario per line, read here as JSON data (never as Prolog).
%   Reply is the output itself, as its UTF-8 bytes (a string of codes below
%   256, one per byte: see utf8_atom_/2): a first line with the number of gaps among
%   the answers and the 0-based indexes of the lines left to the caller,
%   then one answer per line for every other non-empty line (the caller
%   sends blank lines empty), in order, each the contract's answer as
%   `pyreason ask --format json` prints it.  A line is left to the caller
%   when it is anything but a valid scenario the engine answers: bad JSON,
%   a field the scenario's schema (batch_schema) refuses, a backslash escape,
%   an input the KB refuses, a limit reached.  The caller words those
%   (suggestions, messages) as for a single question.  JSON is written once.
call_batch(Header, Lines, Reply) :-
    (   catch(call_batch_(Header, Lines, Reply0), _, fail)
    ->  Reply = Reply0
    ;   Reply = "*\n"                           % the caller answers every line itself
    ).

call_batch_(Header, Lines, Reply) :-
    batch_context_(Header, ctx(M, Lang, Limit, Identity, Schemas, Memo, _)),
    split_string(Lines, "\n", "", Ls),
    Limit = limits(Seconds, _),
    get_time(Now), nb_setval(pyreason_question_start, Now),
    setup_call_cleanup(
        ( alarm(Seconds, pyreason_engine:batch_watchdog_(Seconds), Id, [remove(false)]),
          nb_setval(pyreason_watchdog, Id) ),
        foldl(batch_line_(M, Schemas, Lang, Limit, Identity, Memo), Ls, s(0, [], 0)-Pieces, s(_, Deferred0, Gaps)-[]),
        remove_alarm(Id)),
    reverse(Deferred0, Deferred),
    atomic_list_concat([Gaps | Deferred], ' ', DS),
    atomics_to_string([DS, "\n" | Pieces], Reply).

batch_line_(M, Schemas, Lang, Limit, Identity, Memo, Line, s(I, D0, G0)-P0, s(I1, D, G)-P) :-
    I1 is I + 1,
    (   Line == ""                              % blank (the caller sends blank lines empty)
    ->  D = D0, G = G0, P0 = P
    ;   trie_lookup(Memo, Line, a(Gap, Bytes))  % this line answered before, in this context
    ->  get_time(Now), nb_setval(pyreason_question_start, Now),  % for the watchdog
        D = D0, G is G0 + Gap, P0 = [Bytes | P]
    ;   findall(Gap-Bytes, line_answer_(M, Schemas, Lang, Limit, Identity, Line, Gap, Bytes), [Gap-Bytes])
    ->  D = D0,
        G is G0 + Gap,
        P0 = [Bytes | P],
        remember_answer_(Memo, Line, Gap, Bytes)
    ;   D = [I | D0], G = G0, P0 = P
    ).

%   One line's answer as its bytes (an atom) and whether it is a gap, inside
%   findall/3 by the caller: the terms made on the way (some 100 KB per
%   answer) are given back by backtracking, not by the garbage collector
%   (which a chunk of answers otherwise ran every 45 lines).
line_answer_(M, Schemas, Lang, Limit, Identity, Line, Gap, Bytes) :-
    batch_answer_(M, Schemas, Lang, Limit, Line, Parts),
    catch(parts_bytes_(M, Lang, Parts, Identity, Bytes), _, fail),
    parts_gap_(Parts, Gap).

%   1 when the answer of Parts is a gap (its trace names one), else 0.
parts_gap_(parts(_, _, Trace), Gap) :-
    ( trace_gap_(Trace) -> Gap = 1 ; Gap = 0 ).

trace_gap_(Trace) :- member(T, Trace), compound(T), T = gap(_), !.

%   An answer's text as its UTF-8 bytes, one character per byte: an atom of
%   codes below 256 is kept one byte per character, so the reply is joined
%   without widening (joining wide text costs several times as much per
%   character) and handed over as it is; an atom, as a remembered answer,
%   is looked up without copying its text.
utf8_atom_(Text, Bytes) :-
    string_bytes(Text, Codes, utf8),
    atom_codes(Bytes, Codes).

%!  call_ask(+Header:string, +Line:string, -Reply) is det.
%
%   One question in one call, for KnowledgeBase.ask: Line (one scenario as
%   JSON text) answered in the context of Header, as call_batch/3 would
%   answer it, remembered answers included.  Reply is text of UTF-8 bytes
%   (see utf8_atom_/2): the answer as `ask --format json` prints it, or
%   {"error": ...} as the ask request replies when the KB refuses the
%   scenario or a limit is reached; or empty when the line is one call_batch/3
%   leaves to the caller for anything else (invalid, a deferred field).  No
%   request of Header may carry a deadline: the caller asks here only when
%   its deadline is further than the time limit.
call_ask(Header, Line, Reply) :-
    (   catch(call_ask_(Header, Line, Reply0), _, fail)
    ->  Reply = Reply0
    ;   Reply = ""
    ).

call_ask_(Header, Line, Reply) :-
    batch_context_(Header, ctx(M, Lang, Limit, Identity, Schemas, Memo, _)),
    (   trie_lookup(Memo, Line, a(_, Bytes))
    ->  Reply = Bytes
    ;   findall(R-Gap, ask_answer_(M, Schemas, Lang, Limit, Identity, Line, R, Gap), [Reply-Gap]),
        (   Gap == error
        ->  true
        ;   remember_answer_(Memo, Line, Gap, Reply)
        )
    ).

%   One question's reply as its bytes, and whether it is a gap (or error: a
%   refusal, never remembered); inside findall/3, as line_answer_/8.
ask_answer_(M, Schemas, Lang, Limit, Identity, Line, Reply, Gap) :-
    batch_question_(Schemas, Line, Part),
    ask_result_(M, Part, Lang, Limit, parts, Result),
    (   is_dict(Result)                             % {"error": ...}
    ->  with_output_to(string(Text), json_write_dict(current_output, Result, [width(0)])),
        utf8_atom_(Text, Reply),
        Gap = error
    ;   parts_bytes_(M, Lang, Result, Identity, Reply),
        parts_gap_(Result, Gap)
    ).

%!  batch_context_(+Header:string, -Context) is det.
%
%   What a batch header says, read once for as long as it stays the same:
%   ctx(M, Lang, limits(Seconds, Inferences), Identity, Schemas, Memo,
%   DeferKeys) with Identity the text every answer ends with (the KB's
%   identity, then the caller's version stamp), Memo the answers already
%   given in this context and DeferKeys the scenario keys left to the
%   caller.  Several contexts are kept at once (a rule set's KBs asked in
%   turn, both languages), at most answer_contexts_limit_/1; one more
%   forgets them all.  A header carries no deadline (a limit that changes
%   by the second).
batch_context_(Header, Context) :-
    answers_(State),
    (   arg(2, State, Lines), answer_memo_limit_(MaxN, _), Lines >= MaxN
    ->  forget_own_answers_(State)                  % full: starts again empty
    ;   true
    ),
    arg(4, State, Contexts),
    (   memberchk(Header-Context0, Contexts)
    ->  Context = Context0
    ;   open_string(Header, HS),
        call_cleanup(json_read_dict(HS, H0, [value_string_as(string), null(null)]), close(HS)),
        del_dict_(deadline, H0, H),
        request_kb_(H, M),
        request_lang_(H, Lang),
        request_limit_(H, Limit),
        get_dict(identity, H, Identity0),
        (   get_dict(version, H, V), string(V)      % the caller's stamp, after the KB's identity
        ->  atomics_to_string([Identity0, ", \"version\": ", V], Identity)
        ;   Identity = Identity0
        ),
        (   get_dict(defer_keys, H, DKs), is_list(DKs) -> maplist(atom_string, DeferKeys, DKs) ; DeferKeys = [] ),
        batch_schemas_(M, Schemas),
        (   length(Contexts, N), answer_contexts_limit_(Max), N < Max
        ->  true
        ;   forget_own_answers_(State)
        ),
        trie_new(Memo),
        utf8_atom_(Identity, IdentityBytes),   % (answers are written as bytes: parts_bytes_/5)
        Context = ctx(M, Lang, Limit, IdentityBytes, Schemas, Memo, DeferKeys),
        arg(4, State, Contexts1),
        nb_setarg(4, State, [Header-Context | Contexts1])
    ),
    arg(7, Context, Defer),
    nb_setval(pyreason_defer_keys, Defer).

del_dict_(K, D0, D) :- ( del_dict(K, D0, _, D1) -> D = D1 ; D = D0 ).

%   ---- answers already given ---------------------------------------------------
%
%   A batch line answered once is answered again from memory: the same text
%   in the same context (KB, header: language, limits, identity, version)
%   gives the same output, since an answer depends on nothing else but the
%   KB, its chart and the schemas, whose changes forget every answer
%   (forget_answers_/0).  A line left to the caller is never remembered.
%   At most answer_memo_limit_/2 lines and characters are kept: once full,
%   the memory starts again empty at the next call, so a batch runs in
%   bounded memory.  A trie is emptied by destroying it, never by deleting
%   its entries: trie_gen/3 over a trie of deleted entries crashes SWI-Prolog
%   9.0.4 (tests/test_ask_once.py, a full memory).

remember_answer_(Memo, Line, Gap, Text) :-
    string_length(Line, LL), atom_length(Text, TL),
    Size is LL + TL,
    answers_(State),
    arg(2, State, N), arg(3, State, C),
    answer_memo_limit_(MaxN, MaxC),
    (   N < MaxN, C + Size =< MaxC
    ->  trie_insert(Memo, Line, a(Gap, Text)),
        N1 is N + 1, C1 is C + Size,
        nb_setarg(2, State, N1),
        nb_setarg(3, State, C1)
    ;   nb_setarg(2, State, MaxN)               % full: emptied at the next call
    ).

answer_memo_limit_(4096, 4000000).

%   Contexts remembered at once (a rule set's KBs, both languages): one more
%   forgets them all.
answer_contexts_limit_(16).

%   The calling thread's memory of answers: answers(Generation, Lines,
%   Chars, Contexts), in a global variable (each Prolog thread has its own:
%   a caller's thread with an engine of its own asks without a hand-off,
%   bridge.call_ask).  Generation is the shared count of forget_answers_/0
%   when the memory was made: a change in any thread forgets every thread's
%   answers at its next call.
answers_(State) :-
    flag(pyreason_answers_generation, G, G),
    (   nb_current(pyreason_answers, State0), arg(1, State0, G)
    ->  State = State0
    ;   (   nb_current(pyreason_answers, Old), compound(Old)
        ->  forget_own_answers_(Old)
        ;   true
        ),
        nb_setval(pyreason_answers, answers(G, 0, 0, [])),
        nb_getval(pyreason_answers, State)
    ).

forget_own_answers_(State) :-
    arg(4, State, Contexts),
    forall(( member(_-Context, Contexts), arg(6, Context, Trie), is_trie(Trie) ), trie_destroy(Trie)),
    nb_setarg(2, State, 0),
    nb_setarg(3, State, 0),
    nb_setarg(4, State, []).

%!  forget_answers_ is det.
%
%   Forget every answer remembered, in every thread: the KB, its chart or a
%   schema changed.  This thread's now; another's at its next call.
forget_answers_ :-
    flag(pyreason_answers_generation, G, G + 1),
    answers_(_).

%   The answer to one line as its parts (kb_ask_parts/4), or false when the
%   line is left to the caller.
batch_answer_(M, Schemas, Lang, limits(Seconds, Inferences), Line, Parts) :-
    batch_question_(Schemas, Line, Part),
    get_time(Start), nb_setval(pyreason_question_start, Start),
    catch(( call_with_inference_limit(kb_ask_parts(M, Part, Lang, Parts0), Inferences, Result),
            Result \== inference_limit_exceeded,
            ( in_time_(Start, Seconds) -> true ; throw(time_limit_exceeded) ) ),
          E,
          batch_refused_(E, Seconds)),
    Parts = Parts0.

%   The scenario of one line, with the fields that bear on its answer, or
%   false when the line is left to the caller: not a plain JSON object, a
%   field to defer, refused by its question's schema.
batch_question_(Schemas, Line, Part) :-
    fast_json_(Line, Scenario),
    is_dict(Scenario),
    nb_getval(pyreason_defer_keys, DeferKeys),
    \+ ( member(DK, DeferKeys), get_dict(DK, Scenario, _) ),
    get_dict(question, Scenario, QS), string(QS), atom_string(Q, QS),
    get_dict(Q, Schemas, Entry),
    get_dict(schema, Entry, Schema),
    get_dict(keep, Entry, Keep),
    schema_ok_(Schema, Scenario),
    dict_pairs(Scenario, T, Pairs0),
    include(kept_pair_(Keep), Pairs0, Pairs),
    dict_pairs(Part, T, Pairs).

%   A question of a batch that ends in an exception is left to the caller, who
%   words it as for a single question: the KB refusing an input (an unknown
%   name, a fact that does not fit), or its time limit, after which the chunk's
%   alarm is set again for the next question.  Anything else is the chunk's.
batch_refused_(time_limit_exceeded, Seconds) :-
    !,
    nb_getval(pyreason_watchdog, Id),
    install_alarm(Id, Seconds),
    fail.
batch_refused_(pyreason_error(_, _, _), _) :- !, fail.
batch_refused_(E, _) :- throw(E).

%   The time limit of each question of a batch: one alarm for the chunk,
%   rather than one per question (installing an alarm costs more than
%   answering); when it rings it stops the question running if that one
%   has had its time, else it rings again when that one's time is up.
batch_watchdog_(Seconds) :-
    nb_getval(pyreason_question_start, Start),
    get_time(Now),
    Due is Start + Seconds,
    (   Now >= Due
    ->  throw(time_limit_exceeded)
    ;   nb_getval(pyreason_watchdog, Id),
        Again is Due - Now,
        install_alarm(Id, Again)
    ).

kept_pair_(Keep, K-_) :- memberchk(K, Keep).

%!  batch_schemas_(+M, -Schemas:dict) is det.
%
%   Per question kind, the JSON Schema of its scenarios (the caller's, derived
%   from the KB's declarations: op batch_schema) and the fields that bear on
%   the answer: {Kind: {schema, keep}}.  Kept in a global variable, which is
%   read without a copy.
batch_schemas_(M, Schemas) :-
    atom_concat(pyreason_batch_schema_, M, Key),
    flag(pyreason_answers_generation, G, G),
    (   nb_current(Key, G-Schemas0)
    ->  Schemas = Schemas0
    ;   batch_schema_(M, Schemas0),                 % set in another thread, or earlier
        nb_setval(Key, G-Schemas0),
        nb_getval(Key, G-Schemas)
    ).

set_batch_schema_(M, Questions) :-
    dict_pairs(Questions, _, Pairs),
    findall(Q-_{schema: C, keep: Keep},
            ( member(Q-E, Pairs), get_dict(schema, E, S), get_dict(fields, E, Fs),
              compile_schema_(S, C),
              maplist([F, A]>>atom_string(A, F), Fs, Keep) ),
            Entries),
    dict_pairs(Schemas, _, Entries),
    retractall(batch_schema_(M, _)),
    assertz(batch_schema_(M, Schemas)),
    forget_answers_.

%   ---- a subset of JSON Schema, conservative ------------------------------------------
%
%   valid_json_(+Schema, +Value): Value is valid.  Only the keywords below
%   are known; a schema with any other keyword validates nothing, so the
%   line goes to the caller's complete validator.  A batch's schemas are
%   compiled once (compile_schema_/2, set_batch_schema_/2) and each line
%   checked against the compiled form (schema_ok_/2): no dict of the schema
%   is taken apart per line.

valid_json_(Schema, V) :-
    compile_schema_(Schema, C),
    schema_ok_(C, V).

%   compile_schema_(+Schema:dict, -Compiled): the checks of Schema's keywords,
%   in its order; a keyword not known here compiles to never (validates nothing).
compile_schema_(Schema, all(Checks)) :-
    dict_pairs(Schema, _, Pairs),
    maplist(compile_keyword_(Schema), Pairs, Checks).

compile_keyword_(_, type-T, Check) :- !,             % the types' names as atoms: indexed
    (   is_list(T) -> maplist([S, A]>>atom_string(A, S), T, As), Check = types(As)
    ;   atom_string(A, T), Check = type(A)
    ).
compile_keyword_(_, const-C, const(C)) :- !.
compile_keyword_(_, enum-Cs, enum(Cs)) :- !.
compile_keyword_(_, properties-Ps, properties(CPs)) :- !,
    dict_pairs(Ps, Tag, Pairs),
    maplist([K-S, K-CS]>>compile_schema_(S, CS), Pairs, CPairs),
    dict_pairs(CPs, Tag, CPairs).
compile_keyword_(Schema, additionalProperties-false, closed(Ps)) :- !,
    ( get_dict(properties, Schema, Ps0) -> dict_pairs(Ps0, _, Pairs), pairs_keys(Pairs, Ps) ; Ps = [] ).
compile_keyword_(_, required-Ks, required(As)) :- !,
    maplist([K0, K]>>atom_string(K, K0), Ks, As).
compile_keyword_(_, minLength-N, min_length(N)) :- !.
compile_keyword_(_, maxLength-N, max_length(N)) :- !.
compile_keyword_(_, minimum-N, minimum(N)) :- !.
compile_keyword_(_, minItems-N, min_items(N)) :- !.
compile_keyword_(_, maxItems-N, max_items(N)) :- !.
compile_keyword_(_, items-S, items(C)) :- !, compile_schema_(S, C).
compile_keyword_(_, anyOf-Ss, any_of(Cs)) :- !, maplist(compile_schema_, Ss, Cs).
compile_keyword_(_, _, never).

schema_ok_(all(Checks), V) :- checks_ok_(Checks, V).

checks_ok_([], _).
checks_ok_([C | Cs], V) :- check_ok_(C, V), checks_ok_(Cs, V).

check_ok_(type(T), V) :- json_type_(T, V).
check_ok_(types(Ts), V) :- member(T, Ts), json_type_(T, V), !.
check_ok_(const(C), V) :- C == V.
check_ok_(enum(Cs), V) :- memberchk(V, Cs).
check_ok_(properties(Ps), V) :-
    (   is_dict(V)
    ->  forall(get_dict(K, V, X), ( get_dict(K, Ps, C) -> schema_ok_(C, X) ; true ))
    ;   true
    ).
check_ok_(closed(Ks), V) :-
    (   is_dict(V) -> forall(get_dict(K, V, _), memberchk(K, Ks)) ; true ).
check_ok_(required(Ks), V) :-
    (   is_dict(V) -> forall(member(K, Ks), get_dict(K, V, _)) ; true ).
check_ok_(min_length(N), V) :- ( string(V) -> string_length(V, L), L >= N ; true ).
check_ok_(max_length(N), V) :- ( string(V) -> string_length(V, L), L =< N ; true ).
check_ok_(minimum(N), V) :- ( number(V) -> V >= N ; true ).
check_ok_(min_items(N), V) :- ( is_list(V) -> length(V, L), L >= N ; true ).
check_ok_(max_items(N), V) :- ( is_list(V) -> length(V, L), L =< N ; true ).
check_ok_(items(C), V) :- ( is_list(V) -> forall(member(X, V), schema_ok_(C, X)) ; true ).
check_ok_(any_of(Cs), V) :- member(C, Cs), schema_ok_(C, V), !.
check_ok_(never, _) :- fail.

json_type_(string, V) :- string(V).
json_type_(integer, V) :- integer(V).
json_type_(number, V) :- integer(V).            % floats go to the caller
json_type_(boolean, V) :- ( V == true ; V == false ).
json_type_(null, V) :- V == null.
json_type_(object, V) :- is_dict(V).
json_type_(array, V) :- is_list(V).

%   ---- reading one JSON line fast ---------------------------------------------------
%
%   A line with no backslash and no control character is split at its
%   quotes: the strings are every other part, exactly as written; the rest
%   is punctuation, integers, true, false and null.  Anything else (escapes,
%   fractions, exponents, duplicate keys) fails: the line goes to the
%   caller's parser.

fast_json_(Line, Value) :-
    plain_stops_(Stops),
    split_string(Line, Stops, "", [_]),          % no backslash, no control character
    \+ sub_string(Line, _, _, _, "\u0000"),     % (split_string/4 ends its separators at a NUL)
    split_string(Line, "\"", "", Parts),
    parts_tokens_(Parts, Tokens),
    catch(phrase(json_value_(Value), Tokens), _, fail),
    !.

plain_stops_(S) :-
    (   nb_current(pyreason_plain_stops, S0) -> S = S0
    ;   numlist(1, 31, Cs), string_codes(S, [0'\\ | Cs]), nb_setval(pyreason_plain_stops, S)
    ).

parts_tokens_([Out], Tokens) :- !, out_tokens_(Out, Tokens, []).
parts_tokens_([Out, Str | Rest], Tokens) :-
    out_tokens_(Out, Tokens, [s(Str) | Tokens1]),
    parts_tokens_(Rest, Tokens1).

out_tokens_(Out, T0, T) :-
    string_codes(Out, Codes),
    codes_tokens_(Codes, T0, T).

codes_tokens_([], T, T).
codes_tokens_([C | Cs], T0, T) :- out_code_(C, Cs, T0, T).

out_code_(0' , Cs, T0, T) :- !, codes_tokens_(Cs, T0, T).
out_code_(0'{, Cs, ['{' | T0], T) :- !, codes_tokens_(Cs, T0, T).
out_code_(0'}, Cs, ['}' | T0], T) :- !, codes_tokens_(Cs, T0, T).
out_code_(0'[, Cs, ['[' | T0], T) :- !, codes_tokens_(Cs, T0, T).
out_code_(0'], Cs, [']' | T0], T) :- !, codes_tokens_(Cs, T0, T).
out_code_(0':, Cs, [':' | T0], T) :- !, codes_tokens_(Cs, T0, T).
out_code_(0',, Cs, [',' | T0], T) :- !, codes_tokens_(Cs, T0, T).
out_code_(0't, [0'r, 0'u, 0'e | Cs], [v(true) | T0], T) :- !, codes_tokens_(Cs, T0, T).
out_code_(0'f, [0'a, 0'l, 0's, 0'e | Cs], [v(false) | T0], T) :- !, codes_tokens_(Cs, T0, T).
out_code_(0'n, [0'u, 0'l, 0'l | Cs], [v(null) | T0], T) :- !, codes_tokens_(Cs, T0, T).
out_code_(C, Cs, [v(N) | T0], T) :-
    (   C == 0'- -> Cs = [D | _], ascii_digit_(D) ; ascii_digit_(C) ),
    digits_(Cs, Ds, Rest),
    Number = [C | Ds],
    \+ Number = [0'-, 0'0, _ | _], \+ Number = [0'0, _ | _],     % no leading zeros
    number_codes(N, Number),
    codes_tokens_(Rest, T0, T).

ascii_digit_(C) :- C >= 0'0, C =< 0'9.

digits_([C | Cs], [C | Ds], Rest) :- ascii_digit_(C), !, digits_(Cs, Ds, Rest).
digits_(Rest, [], Rest).

json_value_(V) --> [s(S)], !, { V = S }.
json_value_(V) --> [v(V)], !.
json_value_(D) --> ['{'], !, ( ['}'] -> { Pairs = [] } ; json_pairs_(Pairs), ['}'] ), { dict_pairs(D, _, Pairs) }.
json_value_(L) --> ['['], !, ( [']'] -> { L = [] } ; json_items_(L), [']'] ).

json_pairs_([K-V | Ps]) --> [s(KS), ':'], { atom_string(K, KS) }, json_value_(V), ( [','] -> json_pairs_(Ps) ; { Ps = [] } ).
json_items_([V | Vs]) --> json_value_(V), ( [','] -> json_items_(Vs) ; { Vs = [] } ).

%   ---- writing an answer as `ask --format json` prints it ------------------------------
%
%   Python's json.dumps(ensure_ascii=False) layout (", " and ": "), the keys
%   in the contract's order, the answer's fields in the order the KB
%   declares them, each citation as article, paragraph, item.

write_answer_(M, A, Identity) :-
    phrase(answer_pieces_(M, A, Identity), Pieces),
    atomics_to_string(Pieces, S),
    write(S).

%!  answer_json(+M, +Answer:dict, +Identity:string, -Json:string) is det.
%
%   The answer as `ask --format json` prints it (see call_batch/3).
answer_json(M, A, Identity, Json) :-
    phrase(answer_pieces_(M, A, Identity), Pieces),
    atomics_to_string(Pieces, Json).

pieces_bytes_ :- nb_current(pyreason_pieces_bytes, true).

%!  parts_bytes_(+M, +Lang, +Parts, +IdentityBytes, -Bytes:atom) is det.
%
%   The answer's line (as answer_json/4 writes the answer assemble_answer/6
%   makes of Parts, and a newline) as its UTF-8 bytes, one character per
%   byte (see utf8_atom_/2), IdentityBytes already so; written from the
%   trace of Parts (kb_ask_parts/4) without making that answer.  Each piece
%   of text is converted as it is made (json_text_/3), and each step's
%   entry, the citations and the readings are kept as bytes by what they
%   are made of (the step's term, the trace's citations, the readings' ids),
%   so an answer whose steps recur is mostly joined from kept bytes and no
%   answer is converted as a whole.  A step with text of the user's (an
%   opinion) is worded anew.
parts_bytes_(M, Lang, parts(Q, Fields, Trace), IdentityBytes, Bytes) :-
    b_setval(pyreason_pieces_bytes, true),
    phrase(parts_pieces_(M, Lang, Q, Fields, Trace, IdentityBytes), Pieces, ["\n"]),
    b_setval(pyreason_pieces_bytes, false),
    atomic_list_concat(Pieces, Bytes).

parts_pieces_(M, Lang, Q, Fields, Trace, Identity) -->
    { ( trace_gap_(Trace) -> St = gap ; St = answered ),
      findall(Cites, member(step(_, _, Cites), Trace), Nested),
      findall(B, ( member(T, Trace), step_bytes_(M, Lang, T, B) ), Steps),
      readings_bytes_(M, gap, Lang, Trace, Gaps),
      readings_bytes_(M, interpretation, Lang, Trace, Interps) },
    ["{\"question\": "], jp_(Q), [", \"status\": "], jp_(St),
    [", \"answer\": "], fields_kept_(M, Q, Fields),
    [", \"citations\": "], nested_cites_pieces_(Nested),
    [", \"explanation\": "], atoms_list_(Steps),
    [", \"gaps\": ", Gaps, ", \"interpretations\": ", Interps,
     ", \"kb\": ", Identity, "}"].

%   The answer's fields as bytes, kept by what they are (kept_/4): most
%   answers' fields are names of the KB's, and recur.
fields_kept_(M, Q, Fields) -->
    { dict_pairs(Fields, _, Pairs),
      kept_(fields_bytes, fb(M, Q, Pairs), pieces_string_(fields_pieces_(M, Q, Fields), B0), B0) },
    [B0].

%   A step's entry as bytes, kept by its term (kept_/4), as step_text_/5
%   keeps its words.
step_bytes_(M, Lang, T, B) :-
    (   ( T = step(_, _, _) ; T = note(_, _, _) )
    ->  (   ground(T)
        ->  kept_(step_bytes, sb(M, Lang, T),
                  ( trace_entry_(M, Lang, T, E), pieces_string_(entry_pieces_(E), B0) ), B0),
            B = B0
        ;   trace_entry_(M, Lang, T, E),
            phrase(entry_memo_(E), [B])
        )
    ).

%   The answer's citations, from the steps' (nested, as in the trace).
nested_cites_pieces_(Nested) -->
    (   { ground(Nested) }
    ->  { memo_(nested_cites_bytes, Nested, nested_cites_text_(Nested, T), T) }, [T]
    ;   { append(Nested, All), citations_json(All, Cs) }, cites_pieces_(Cs)
    ).

nested_cites_text_(Nested, T) :-
    append(Nested, All),
    citations_json(All, Cs),
    phrase(cites_pieces_(Cs), Ps),
    atomic_list_concat(Ps, T).

%   The readings of a kind as a JSON array's bytes, kept by their ids.
readings_bytes_(M, Kind, Lang, Trace, Bytes) :-
    (   Kind == gap -> Tag = gap ; Tag = interp ),
    findall(Id, ( member(T, Trace), T =.. [Tag, Id] ), Ids0),
    (   Ids0 == []
    ->  Bytes = '[]'
    ;   list_to_set(Ids0, Ids),
        memo_(readings_bytes, rb(M, Kind, Lang, Ids), readings_text_(M, Kind, Lang, Ids, B0), B0),
        Bytes = B0
    ).

readings_text_(M, Kind, Lang, Ids, Bytes) :-
    findall(E, ( member(Id, Ids), reading_json_(M, Kind, Lang, Id, E) ), Es),
    phrase(entries_pieces_(Es), Ps),
    atomic_list_concat(Ps, Bytes).

atoms_list_([]) --> !, ["[]"].
atoms_list_([A | As]) --> ["[", A], atoms_list__(As), ["]"].
atoms_list__([]) --> [].
atoms_list__([A | As]) --> [", ", A], atoms_list__(As).

answer_pieces_(M, A, Identity) -->
    { get_dict(question, A, Q), get_dict(status, A, St), get_dict(answer, A, F),
      get_dict(citations, A, Cs), get_dict(explanation, A, Ex), get_dict(gaps, A, Gs),
      get_dict(interpretations, A, Is) },
    ["{\"question\": "], jp_(Q), [", \"status\": "], jp_(St),
    [", \"answer\": "], fields_pieces_(M, Q, F),
    [", \"citations\": "], cites_pieces_(Cs),
    [", \"explanation\": "], entries_pieces_(Ex),
    [", \"gaps\": "], entries_pieces_(Gs),
    [", \"interpretations\": "], entries_pieces_(Is),
    [", \"kb\": ", Identity, "}"].

fields_pieces_(M, Q, Fields) -->
    { memo_(field_order, M-Q, findall(F, kb_fact_(M, answer_field(Q, F, _, _)), Order), Order),
      findall(K-V, ( member(K, Order), get_dict(K, Fields, V) ), Declared),
      dict_pairs(Fields, _, All),
      findall(K-V, ( member(K-V, All), \+ memberchk(K, Order) ), Others),
      append(Declared, Others, Pairs) },
    pairs_pieces_(Pairs).

entries_pieces_([]) --> !, ["[]"].
entries_pieces_([E | Es]) --> ["["], entry_memo_(E), entries_pieces__(Es), ["]"].
entries_pieces__([]) --> [].
entries_pieces__([E | Es]) --> [", "], entry_memo_(E), entries_pieces__(Es).

%   An entry's JSON is kept (most steps recur: their words are the KB's).
entry_memo_(E) -->
    { ( pieces_bytes_ -> Kind = entry_bytes ; Kind = entry_json ),
      memo_(Kind, E, pieces_string_(entry_pieces_(E), T), T) },
    [T].

pieces_string_(G, S) :- phrase(G, Pieces), atomics_to_string(Pieces, S).

entry_pieces_(E) -->                            % the keys in order, citations rewritten
    { dict_pairs(E, _, [K-V | Pairs]) },
    ["{"], entry_pair_(K, V), entry_pairs_(Pairs), ["}"].
entry_pairs_([]) --> [].
entry_pairs_([K-V | Ps]) --> [", "], entry_pair_(K, V), entry_pairs_(Ps).
entry_pair_(citations, V) --> !, ["\"citations\": "], cites_pieces_(V).
entry_pair_(K, V) --> jp_(K), [": "], jp_(V).

cites_pieces_([]) --> !, ["[]"].
cites_pieces_(Cs) -->
    { ( pieces_bytes_ -> Kind = cites_bytes ; Kind = cites_json ),
      memo_(Kind, Cs, pieces_string_(cites_list_(Cs), T), T) },
    [T].
cites_list_([C | Cs]) --> ["["], cite_(C), cites__(Cs), ["]"].
cites__([]) --> [].
cites__([C | Cs]) --> [", "], cite_(C), cites__(Cs).
cite_(C) -->
    { get_dict(article, C, A), get_dict(paragraph, C, P), get_dict(item, C, I) },
    ["{\"article\": "], jp_(A), [", \"paragraph\": "], jp_(P), [", \"item\": "], jp_(I), ["}"].

%   A JSON value as pieces of text.
jp_(V) --> { string(V) }, !, json_text_(V).
jp_(V) --> { atom(V) }, !,
    (   { V == null ; V == true ; V == false } -> [V] ; atom_json_(V) ).
jp_(V) --> { integer(V) }, !, [V].
jp_([]) --> !, ["[]"].
jp_([X | Xs]) --> !, ["["], jp_(X), items_pieces_(Xs), ["]"].
jp_(V) --> { is_dict(V) }, !, { dict_pairs(V, _, Pairs) }, pairs_pieces_(Pairs).
jp_(V) --> { throw(pyreason_error(unwritable, null, V)) }.   % floats and terms: the caller writes them

items_pieces_([]) --> !.
items_pieces_([X | Xs]) --> !, [", "], jp_(X), items_pieces_(Xs).
items_pieces_(Tail) --> { throw(pyreason_error(unwritable, null, Tail)) }.

pairs_pieces_([]) --> !, ["{}"].
pairs_pieces_([K-V | Ps]) --> ["{"], jk_(K), [": "], jp_(V), pairs_pieces__(Ps), ["}"].
pairs_pieces__([]) --> [].
pairs_pieces__([K-V | Ps]) --> [", "], jk_(K), [": "], jp_(V), pairs_pieces__(Ps).

%   A key is always a JSON string: a person named "true" or "null" keys the
%   persons of an answer as that text, not as the JSON constant.
jk_(K) --> { atom(K) }, !, atom_json_(K).
jk_(K) --> { integer(K) }, !, { atom_number(A, K) }, json_text_(A).
jk_(K) --> { throw(pyreason_error(unwritable, null, K)) }.

%   An atom as a JSON string: a key, a name, a word of the KB's, which recur
%   from answer to answer; as bytes, its text is made once (memo_/4).
atom_json_(A, L0, L) :-
    (   pieces_bytes_
    ->  memo_(atom_bytes, A, ( json_text_(A, Ps, []), atomic_list_concat(Ps, B0) ), B0),
        L0 = [B0 | L]
    ;   json_text_(A, L0, L)
    ).

%   A string as JSON, escaped as Python's json.dumps(ensure_ascii=False) does
%   (jsonio's json_write_string/2, as library(http/json)'s, does it the same way).
json_text_(T, L0, L) :-
    (   escapes_(Esc), split_string(T, Esc, "", [_]),
        \+ sub_string(T, _, _, _, "\u0000")        % (split_string/4 ends its separators at a NUL)
    ->  (   pieces_bytes_
        ->  utf8_atom_(T, B), L0 = ["\"", B, "\"" | L]
        ;   L0 = ["\"", T, "\"" | L]
        )
    ;   with_output_to(string(S0), json_write_string(current_output, T)),
        ( pieces_bytes_ -> utf8_atom_(S0, S) ; S = S0 ),
        L0 = [S | L]
    ).

escapes_(S) :-
    (   nb_current(pyreason_json_escapes, S0) -> S = S0
    ;   numlist(1, 31, Cs), string_codes(S, [0'", 0'\\ | Cs]), nb_setval(pyreason_json_escapes, S)
    ).
