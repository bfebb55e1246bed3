:- encoding(utf8).
/*  What `pyreason check` verifies of this KB beyond the generic checks
    (docs/kb-guide.md, "Checks"), and the scenarios its exhaustive run tries.

    check_violation(Check, Severity, Description, Goal): every solution of
    Goal is a finding of Check; Description is worded by msg(check_<Check>,
    Lang, Format) (messages.pl) with its arguments, its citations say where
    in the text, and the first fact of this KB inside it says where in the
    files.  explore(Name, Values): values of a fact or input worth trying.
*/

%   ---- the scenario space ------------------------------------------------

%   Who may be away: every post that decides, submits, approves in process,
%   acts for another, breaks a tie or decides a substitution.
explore(absent, Posts) :-
    findall(R, ( decides(_, R, _, _) ; requested_by(_, R, _) ; process_approver(_, R, _)
               ; acting_power(R, _, _, _) ; acting_power(_, R, _, _)
               ; decision_rule(_, tie_break(R), _) ; major_matter_decider(R, _, _)
               ; substitution_decider(_, R, _) ),
            Rs),
    include(personal_post_, Rs, Ps),
    sort(Ps, Posts).

%   Who may vote at a meeting: the members of either meeting (4(2)) and the
%   invitees 4(3) names.
explore(votes, Roles) :-
    findall(R, ( meeting_member(_, R, _) ; meeting_invitee(_, R, _) ), Rs),
    list_to_set(Rs, Roles).

personal_post_(R) :- role(R, _, _, _), \+ impersonal(R).

%   ---- invariants ----------------------------------------------------------

%   Reporting lines form no cycle: "to whom does X answer" must reach a top.
check_violation(reporting_cycle, error, reporting_cycle(Path, Edge), reporting_cycle_(Path, Edge)).

%   Every meeting has a chair and members (Art. 4).
check_violation(meetings, error, meeting_lacks(Meeting, What, meeting(Meeting, C)),
                meeting_lacks_(Meeting, What, C)).

%   Exactly one rule names who decides each matter.
check_violation(matters, error, matter_deciders(Matter, N, Roles, matter(Matter, Name, C)),
                matter_deciders_(Matter, N, Roles, Name, C)).

%   Every name a rule uses is declared in the vocabulary.
check_violation(vocabulary, error, undeclared_name(Name, Fact), undeclared_name_(Name, Fact)).

%   12(1): no scenario lets a post cover one it is not below (逆向替补).
check_violation(reverse_substitution, error, reverse_substitution(Sub, For, Scope, c(12,1,null)),
                reverse_substitution_(Sub, For, Scope)).

%   -- reporting cycles

reporting_cycle_(Path, reports_to(A, B, Cs, Is)) :-
    findall(X-Y, reports_to(X, Y, _, _), Edges),
    findall(X, member(X-_, Edges), Starts0),
    sort(Starts0, Starts),
    member(Start, Starts),
    cycle_from_(Start, Edges, Cycle),
    msort(Cycle, [Least | _]),
    Least == Start,                       % each cycle once, from its least post
    append(Cycle, [Start], Closed),
    Closed = [A, B | _],
    reports_to(A, B, Cs, Is),
    atomic_list_concat(Closed, ' → ', Path).

cycle_from_(Start, Edges, Cycle) :-
    walk_(Start, Start, Edges, [Start], Rev),
    reverse(Rev, Cycle).

walk_(Node, Start, Edges, Seen, Seen) :-
    memberchk(Node-Start, Edges),
    !.
walk_(Node, Start, Edges, Seen, Path) :-
    member(Node-Next, Edges),
    \+ memberchk(Next, Seen),
    walk_(Next, Start, Edges, [Next | Seen], Path).

%   -- meetings

meeting_lacks_(Meeting, What, C) :-
    meeting(Meeting, C),
    (   \+ meeting_chair(Meeting, _, _), What = check_chair
    ;   \+ meeting_member(Meeting, _, _), What = check_members
    ).

%   -- matters

matter_deciders_(Matter, N, Roles, Name, C) :-
    matter(Matter, Name, C),
    findall(R, decides(Matter, R, _, _), Rs),
    sort(Rs, Roles),
    length(Roles, N),
    N =\= 1.

%   -- names: name_use(Fact, Kinds, Name): Fact, a fact of this KB, uses Name
%   as a name of one of Kinds.

undeclared_name_(Name, Fact) :-
    name_use(Fact, Kinds, Name),
    atom(Name), Name \== null,
    \+ ( member(K, Kinds), known(K, Name, _, _, _) ).

name_use(reports_to(R, S, Cs, Is), [role], X) :- reports_to(R, S, Cs, Is), member(X, [R, S]).
name_use(decides(M, R, H, C), [matter], M) :- decides(M, R, H, C).
name_use(decides(M, R, H, C), [role, meeting], R) :- decides(M, R, H, C).
name_use(requested_by(M, R, C), [matter], M) :- requested_by(M, R, C).
name_use(requested_by(M, R, C), [role], R) :- requested_by(M, R, C).
name_use(process_approver(M, R, C), [role], R) :- process_approver(M, R, C).
name_use(meeting_member(Mt, R, C), [meeting], Mt) :- meeting_member(Mt, R, C).
name_use(meeting_member(Mt, R, C), [role], R) :- meeting_member(Mt, R, C).
name_use(meeting_chair(Mt, R, C), [meeting], Mt) :- meeting_chair(Mt, R, C).
name_use(meeting_chair(Mt, R, C), [role], R) :- meeting_chair(Mt, R, C).
name_use(meeting_invitee(Mt, R, C), [meeting], Mt) :- meeting_invitee(Mt, R, C).
name_use(meeting_invitee(Mt, R, C), [role], R) :- meeting_invitee(Mt, R, C).
name_use(meeting_nature(Mt, N, B, C), [meeting], Mt) :- meeting_nature(Mt, N, B, C).
name_use(meeting_record_kept(Mt, C), [meeting], Mt) :- meeting_record_kept(Mt, C).
name_use(decision_rule(Mt, Rule, C), [meeting], Mt) :- decision_rule(Mt, Rule, C).
name_use(decision_rule(Mt, tie_break(R), C), [role], R) :- decision_rule(Mt, tie_break(R), C).
name_use(escalation_route(Mt, By, To, A, C), [meeting], Mt) :- escalation_route(Mt, By, To, A, C).
name_use(escalation_route(Mt, By, To, A, C), [role], X) :- escalation_route(Mt, By, To, A, C), member(X, [By, To]).
name_use(escalation_dissenter(Mt, R), [meeting], Mt) :- escalation_dissenter(Mt, R).
name_use(escalation_dissenter(Mt, R), [role], R) :- escalation_dissenter(Mt, R).
name_use(acting_power(P, A, W, C), [role], X) :- acting_power(P, A, W, C), member(X, [P, A]).
name_use(acting_power_for_matter(M, P, A, C), [matter], M) :- acting_power_for_matter(M, P, A, C).
name_use(acting_power_for_matter(M, P, A, C), [role], X) :- acting_power_for_matter(M, P, A, C), member(X, [P, A]).
name_use(chair_by_authorisation(P, A, C), [role], X) :- chair_by_authorisation(P, A, C), member(X, [P, A]).
name_use(command_rank(R, N, C), [role], R) :- command_rank(R, N, C).
name_use(command_authority(R, L, W, C), [role], R) :- command_authority(R, L, W, C).
name_use(deciding_view(S, R, C), [scope], S) :- deciding_view(S, R, C).
name_use(deciding_view(S, R, C), [role], R) :- deciding_view(S, R, C).
name_use(substitution_decider(S, R, C), [scope], S) :- substitution_decider(S, R, C).
name_use(substitution_decider(S, R, C), [role], R) :- substitution_decider(S, R, C).
name_use(major_matter_decider(D, R, C), [role], X) :- major_matter_decider(D, R, C), member(X, [D, R]).
name_use(leadership_post(R), [role], R) :- leadership_post(R).
name_use(leadership_post_unclear(R), [role], R) :- leadership_post_unclear(R).
name_use(single_holder(R), [role], R) :- single_holder(R).
name_use(duty(R, D, C), [role], R) :- duty(R, D, C).
name_use(dual_responsibility(R, C), [role], R) :- dual_responsibility(R, C).
name_use(leads_bureau(R, C), [role], R) :- leads_bureau(R, C).
name_use(matter_action(M, A), [matter], M) :- matter_action(M, A).
name_use(role_alias(A, R), [role], R) :- role_alias(A, R).
name_use(meeting_alias(A, Mt), [meeting], Mt) :- meeting_alias(A, Mt).
name_use(post_order(Ps), [role], X) :- post_order(Ps), member(X, Ps).
name_use(default_ladder(Ps), [role], X) :- default_ladder(Ps), member(X, Ps).

%   -- substitution

reverse_substitution_(Sub, For, Scope) :-
    post_order(Top),
    default_ladder(Ladder),
    append([Top, Ladder, ['团队成员']], Posts),
    member(Sub, Posts),
    member(For, Posts),
    Sub \== For,
    substitution_decider(Scope, _, _),
    once(q_substitution(Sub, For, Scope, Fields, _)),
    get_dict(allowed, Fields, true),
    \+ relative_rank(Sub, For, lower, _).
