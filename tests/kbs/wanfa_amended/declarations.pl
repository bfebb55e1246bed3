:- encoding(utf8).
/*  What this KB declares to the engine (docs/kb-guide.md): its question
    kinds, their inputs and answer fields, the kinds of scenario facts, and
    its names as name kinds.  Data the engine reads; the law is in articles/
    and questions.pl.
*/

%   ---- names ---------------------------------------------------------------

%   known(Kind, Value, Name, Id, Label): the names a scenario may use.
known(role, R, R, Id, L) :- role(R, _, Id, L).
known(matter, M, Name, M, null) :- matter(M, Name, _).
known(meeting, M, M, Id, L) :- meeting_label(M, Id, L), meeting(M, _).   % established by 4(1)
known(scope, S, Zh, S, L) :- scope(S, Zh, L).

known_alias(role, A, R) :- role_alias(A, R).
known_alias(matter, A, M) :- matter_action(M, A).
known_alias(meeting, A, M) :- meeting_alias(A, M).
known_alias(scope, A, S) :- scope_alias(A, S).

known_group(role, R, G) :- role(R, G, _, _).
known_citation(matter, M, C) :- matter(M, _, C).

%   Organs, never persons: they cannot be away, authorise, vote or be covered.
impersonal(R) :- role(R, body, _, _).
unique_holder(R) :- single_holder(R).

kind_label(role, zh, "角色或岗位").
kind_label(role, en, "role or post").
kind_label(matter, zh, "事项").
kind_label(matter, en, "matter").
kind_label(meeting, zh, "会议").
kind_label(meeting, en, "meeting").
kind_label(scope, zh, "范围").
kind_label(scope, en, "scope").

%   ---- scenario facts ------------------------------------------------------

%   fact(Name, Type, Options): facts.Name of a scenario.
fact(absent, set(person(role)), []).                            % 不在岗
fact(authorized, list(record([from-person(role), to-person(role)])),
     [distinct(from, to, self_authorisation)]).                  % 授权 (8(3), 8(5), 9(4))
fact(major, boolean, [if_false(not_major)]).                     % 重大、疑难、复杂 (false: said not)
fact(amount, amount, [for([approver])]).                           % 单笔金额 (amended 7(2))
fact(ladder, list(person(role)),
     [whole, group(ladder_post, not_ladder_post), unique(duplicate_ladder_post)]).

%   A vote by a role listed as absent is refused.
absent_fact(absent).

%   Changes worth trying for "what would change the answer" (ask --flips):
%   the posts that act for another and the authorisations with a basis.
flip_candidate(absent, R) :- acting_power(R, _, _, _) ; acting_power(_, R, _, _).
flip_candidate(authorized, record(From, To)) :-
    acting_power(P, To, _, _),
    authorisation_grantor(P, From, _).

fact_label(absent, zh, "不在岗").
fact_label(absent, en, "away").
fact_label(major, zh, "重大、疑难、复杂事项").
fact_label(major, en, "a major, difficult or complex matter").
fact_label(amount, zh, "单笔金额").
fact_label(amount, en, "the amount of a single release").

%   ---- questions -------------------------------------------------------------

%   question(Kind, Inputs, Goal, Fields, Trace)
question(approver, [matter=M], q_approver(M, F, T), F, T).
question(superior, [role=R], q_superior(R, F, T), F, T).
question(substitution, [substitute=S, for=For, scope=Sc], q_substitution(S, For, Sc, F, T), F, T).
question(meeting, [meeting=Mt, votes=Vs], q_meeting(Mt, Vs, F, T), F, T).
question(disagreement, [between=[A, B], scope=Sc], q_disagreement_checked(A, B, Sc, F, T), F, T).
question(duties, [role=R], q_duties(R, F, T), F, T).

%   input(Kind, Field, Type, Options)
input(approver, matter, name(matter), [required]).
input(superior, role, name_or_person(role), [required]).
input(substitution, substitute, person(role), [required]).
input(substitution, for, person(role), [required]).
input(substitution, scope, name(scope),
      [chart_scope(substitute, for, [], c(12,2,null)), default(team)]).      % the contract's default
input(meeting, meeting, name(meeting), [required]).
input(meeting, votes, votes(role), [required]).
input(disagreement, between, list(person(role), [min(2), max(2), distinct_persons(same_party)]), [required]).
input(disagreement, scope, name(scope),
      [chart_scope(between, [department-bureau], c(11,1,null)), required,
       one_of([team, bureau], scope_not_allowed)]).                          % Art. 11 knows these two
input(duties, role, name_or_person(role), [required]).

%   answer_field(Kind, Field, Type, Options), in the order shown.
%   essential: a row of the answer; shown: a row even when empty; hidden: in
%   the data, not a row; tally: not part of what the answer is (flips).
answer_field(approver, matter, text, [essential]).
answer_field(approver, approver, name(role), [essential, shown, annotate(acting_for, acting)]).
answer_field(approver, acting_for, name(role), [hidden]).
answer_field(approver, process_approver, name(role), [essential, shown]).
answer_field(approver, requested_by, name(role), [essential]).
answer_field(approver, approver_person, person, [essential, person_of(approver)]).
answer_field(superior, superior, name(role), [essential, shown]).
answer_field(superior, chain, chain(role), [essential, shown]).
answer_field(superior, acting_superior, name(role), [essential]).
answer_field(superior, superior_person, person, [essential, reports_to(role)]).
answer_field(superior, chain_persons, chain(person), [essential, reports_chain(role)]).
answer_field(substitution, allowed, boolean, [essential, shown]).
answer_field(substitution, direction, text, [essential, shown]).
answer_field(substitution, scope, name(scope), [essential]).
answer_field(substitution, decided_by, name(role), [essential, shown, annotate(acting_for, acting)]).
answer_field(substitution, acting_for, name(role), [hidden]).
answer_field(substitution, decided_by_person, person, [essential, person_of(decided_by)]).
answer_field(meeting, resolution, text, [essential, shown]).
answer_field(meeting, basis, text, [essential, shown]).
answer_field(meeting, binding, boolean, [essential, shown]).
answer_field(meeting, escalation, records([by, to, action]), [essential]).
answer_field(meeting, chair, name(role), [essential]).
answer_field(meeting, tally, records([opinion, members, invitees, by]), [essential, tally]).
answer_field(disagreement, decided_by, name(role), [essential, shown, annotate(acting_for, acting)]).
answer_field(disagreement, acting_for, name(role), [hidden]).
answer_field(disagreement, prevails, name(role), [essential]).
answer_field(disagreement, requested_by, name(role), [essential]).
answer_field(disagreement, decided_by_person, person, [essential, person_of(decided_by)]).
answer_field(duties, role, name(role), [essential]).
answer_field(duties, duties, records([text, citation]), [essential]).
answer_field(duties, decides, records([matter, citation]), [essential]).
answer_field(duties, process_approval, records([matter, citation]), [essential]).
answer_field(duties, command, records([level, mode]), [essential]).
answer_field(duties, chairs, records([meeting, citation]), [essential]).
answer_field(duties, attends, records([meeting, citation]), [essential]).
answer_field(duties, dual_responsibility, boolean, [essential]).

%   ---- org charts -------------------------------------------------------------

%   The chart's units are the scopes of 12(2) and Art. 11.
org_scope(team, team).
org_scope(department, department).
org_scope(whole, bureau).

%   Held once per unit: 局长 in the bureau, 副局长 per department (处), 团队长
%   per team.
unit_head('局长', whole).
unit_head('副局长', department).
unit_head('团队长', team).

%   Without reports_to, a person answers to the holder of the post above
%   theirs in their own unit.
org_reports(Post, Superior) :- superior_of(Post, Superior, _, _).
