:- encoding(utf8).
/*  The five question kinds, over the article rules and the scenario facts.

    Every question predicate has the shape

        q_KIND(+Inputs..., -Fields:dict, -Trace:list)

    Fields are the answer's fields (null where the regulation gives no
    answer).  Trace is the reasoning in order, a list of
        step(Key, Args, Citations)   an explanation step (text in messages.pl)
        gap(Id)                      a recorded gap (readings.pl) that applies
        interp(Id)                   a recorded interpretation that was used
        note(Key, Args, Citations)   a remark that changes nothing (how another
                                     reading would come out, who else may decide)
    A question's status is "gap" exactly when its trace holds a gap.

    The scenario facts are scenario_fact/1 terms (absent(R), authorized(F, T),
    major or not_major, ladder(Posts)), asserted by the engine inside snapshot/1 for one
    question (declarations.pl declares them), so the base rules never change.
*/

absent(Role) :- scenario_fact(absent(Role)).
authorized(From, To) :- scenario_fact(authorized(From, To)).
is_major :- scenario_fact(major).
%   facts.major: false (declared with if_false(not_major)) is the fact
%   scenario_fact(not_major): the scenario says the matter is not major,
%   which is more than not saying it is.

%!  ladder(-Posts:list) is det.
%
%   The non-leadership posts, highest first: the scenario's, else the default.
ladder(Posts) :-
    (   scenario_fact(ladder(Posts0))
    ->  Posts = Posts0
    ;   default_ladder(Posts)
    ).

ladder_is_default :- \+ scenario_fact(ladder(_)).

%   ---- acting for an absent holder (Arts 8(5), 9(4)) -----------------------

%!  grant_(+Principal, +Agent, -Grantor, -Trace) is nondet.
%
%   The scenario authorises Agent to act for Principal, by a Grantor whose
%   authorisation 8(5) and 9(4) accept (authorisation_grantor/3); Trace
%   holds the readings that acceptance relies on.
grant_(Principal, Agent, Grantor, Trace) :-
    authorized(Grantor, Agent),
    authorisation_grantor(Principal, Grantor, Is),
    findall(interp(I), member(I, Is), Trace).

%!  exercise(+Role, +Context, -Actor, -ActingFor, -Trace) is det.
%
%   Actor is who exercises Role's power given the scenario: Role itself
%   when at its post; the authorised deputy when the director is away (8(5),
%   for police deployment also 9(4)); otherwise null, with the gap in Trace.
%   ActingFor is Role when someone acts for it, else null.  Context says what
%   the power is for -- approval(M), process(M), request(M), substitution,
%   disagreement(S), meeting(Mt), superior -- so that the citations and the
%   gap fit the question.
exercise(Role, _Context, Role, null, Trace) :-
    \+ absent(Role),
    !,
    findall(T, ( acting_power(Role, Agent, _, C),
                 grant_(Role, Agent, G, TI),
                 member(T, [step(authorisation_dormant, [Role, G, Agent], [C]) | TI]) ),
            Trace0),
    list_to_set(Trace0, Trace).
exercise(Role, Context, Actor, ActingFor, Trace) :-
    acting_power(Role, Agent, absent_and_authorised, C),
    !,
    acting_citations_(Context, Role, Agent, C, Cs),
    (   grant_(Role, Agent, G, TI)
    ->  (   \+ absent(Agent)
        ->  Actor = Agent, ActingFor = Role,
            acting_interpretations_(Context, Interps),
            append([[step(acting, [Role, G, Agent], Cs)], TI, Interps], Trace)
        ;   Actor = null, ActingFor = null,
            append([[step(authorised_agent_absent, [Role, G, Agent], Cs)], TI,
                    [gap(g_authorised_deputy_absent)]], Trace)
        )
    ;   Actor = null, ActingFor = null,
        Trace = [step(absent_unauthorised, [Role, Agent], Cs),
                 gap(g_director_absent_unauthorised)]
    ).
exercise(Role, Context, null, null,
         [step(absent_no_rule, [Role], Cs), gap(Gap)]) :-
    absent_gap_(Context, Role, Gap),
    reading(Gap, gap, Cs, _, _).

%   The gap for an absent holder nobody acts for, by what the power is for.
%   Approvals: the approver's own gap.  Disagreements pass a team's deciding
%   view up to the bureau's (i_deciding_view_nested); only 11(2)'s
%   分管副院长 is left.  Substitutions pass the decision up (12(2)).
absent_gap_(disagreement(_), _, g_vp_absent_disagreement) :- !.
absent_gap_(_, '副局长', g_deputy_absent) :- !.
absent_gap_(_, '团队长', g_team_leader_absent) :- !.
absent_gap_(_, _, g_role_absent).

%   Only an approval can be police deployment's (9(4)): no process approval
%   or submission is acted for on that matter.
context_matter_(approval(M), M).

acting_citations_(Context, Role, Agent, C, [C, C2]) :-
    context_matter_(Context, Matter),
    acting_power_for_matter(Matter, Role, Agent, C2),
    !.
acting_citations_(_, _, _, C, [C]).

acting_interpretations_(Context, [interp(i_police_same_matter), interp(i_team_is_group)]) :-
    context_matter_(Context, Matter),
    acting_power_for_matter(Matter, _, _, _),
    !.
acting_interpretations_(_, [interp(i_deputy_powers_general)]).

%!  authorisation_review(-Trace) is det.
%
%   Steps for scenario authorisations the regulation gives no effect: to
%   anyone but the deputy (the only agent of 8(3), 8(5), 9(4)), or by
%   someone 8(5)/9(4) do not accept as grantor (i_authorisation_grantor)
%   and who is not the director of 8(3).
authorisation_review(Trace) :-
    findall(T, ( authorized(From, To),
                 unsupported_authorisation_(From, To, Ts),
                 member(T, Ts) ),
            Trace0),
    list_to_set(Trace0, Trace).

unsupported_authorisation_(From, To, [step(authorisation_no_agent, [From, To], Cs)]) :-
    \+ acting_power(_, To, _, _),
    \+ chair_by_authorisation(_, To, _),
    !,
    authorisation_provisions_(Cs).
unsupported_authorisation_(From, To, [step(authorisation_not_grantor, [From, To], Cs),
                                      interp(i_authorisation_grantor)]) :-
    \+ ( acting_power(P, To, _, _), authorisation_grantor(P, From, _) ),
    \+ chair_by_authorisation(From, To, _),
    authorisation_provisions_(Cs).

authorisation_provisions_([c(8,1,3), c(8,1,5), c(9,1,4)]).

%   ---- approver (Arts 6, 7, 9, 10, 13, 15) ---------------------------------

%!  q_approver(+Matter, -Fields:dict, -Trace:list) is det.
%
%   Who gives the final approval or decision on Matter, who acts for an
%   absent approver, who does the process approval (过程审批) and who
%   submits the matter.  An item that covers only major matters (6(3),
%   7(1)(1)) does not apply where the scenario says the matter is not major.
q_approver(Matter, Fields, Trace) :-
    matter(Matter, Name, MatterCite),
    decides(Matter, Role, How, DecideCite),
    !,
    authorisation_review(T0),
    matter_arg_(Matter, Name, MatterCite, NameArg),
    (   requires_major(Matter, QC), scenario_fact(not_major)
    ->  Fields = _{matter: Name, approver: null, acting_for: null,
                   process_approver: null, requested_by: null},
        append(T0, [step(not_major, [NameArg], [QC]), gap(g_matter_not_major)], Trace)
    ;   exercise(Role, approval(Matter), Approver, ActingFor, TA),
        requester_(Matter, Requester, TR),
        process_(Matter, MatterCite, Approver, ActingFor, ProcessApprover, TP),
        matter_interpretations_(Role, Matter, TI),
        major_steps_(Matter, NameArg, TM),
        Fields = _{matter: Name, approver: Approver, acting_for: ActingFor,
                   process_approver: ProcessApprover, requested_by: Requester},
        append([T0, [step(decides, [NameArg, Role, How], [DecideCite])], TM, TA, TR, TP, TI],
               Trace)
    ).

%   The matter's name as a step argument: a string (shown in quotation
%   marks) where it is the text's own words, else the matter itself (shown
%   by its name, unquoted).
matter_arg_(Matter, Name, Cite, Arg) :-
    atom_string(Name, S),
    (   cited_text_(Cite, Text), sub_string(Text, _, _, _, S)
    ->  Arg = S
    ;   Arg = Matter
    ).

cited_text_(c(A, P, null), Text) :- !, paragraph(A, P, Text).
cited_text_(c(A, P, I), Text) :- item(A, P, I, Text).

%   The matter's being major: assumed where the item needs it and the
%   scenario does not say (i_matter_taken_as_major); and where the matter
%   is major, 11(2) ("重大事项，由局长报请分管副院长决定") is read within
%   Art. 11 and does not move the approval (i_art11_2_context).
major_steps_(Matter, NameArg, Trace) :-
    (   requires_major(Matter, QC), \+ is_major
    ->  T1 = [step(major_assumed, [NameArg], [QC]), interp(i_matter_taken_as_major)]
    ;   T1 = []
    ),
    (   ( is_major ; requires_major(Matter, _) )
    ->  T2 = [step(art11_2_not_applied, [], [c(11,2,null)]), interp(i_art11_2_context)]
    ;   T2 = []
    ),
    append(T1, T2, Trace).

requester_(Matter, Actor, [step(requested_by, [Role], [C]) | T]) :-
    requested_by(Matter, Role, C),
    !,
    exercise(Role, request(Matter), Actor, _, T).
requester_(_, null, []).

process_(Matter, _, Approver, ActingFor, Actor,
         [step(process_approval, [Role], [C]) | T]) :-
    process_approver(Matter, Role, C),
    !,
    exercise(Role, process(Matter), Actor, _, T0),
    (   ActingFor \== null, Actor == Approver
    ->  append(T0, [interp(i_double_role)], T)
    ;   T = T0
    ).
process_(_, c(7,1,I), _, _, null,
         [step(no_process_approval, [cn(I)], [c(9,1,1), c(7,1,I)])]) :-
    !.
process_(_, _, _, _, null, []).

matter_interpretations_(Role, Matter, Trace) :-
    findall(interp(Id),
            ( Role == '分管院长', Id = i_president_in_charge
            ; Role == '局务会议', Id = i_jwh_is_meeting
            ; Matter == force_deployment, Id = i_police_same_matter
            ),
            Trace).

%   ---- superior (Arts 1, 8, 10) --------------------------------------------

%!  superior_of(+Role, -Superior, -Citations, -Interpretations) is semidet.
%
%   True if Role answers to Superior.  Holders of a ladder post are team
%   members (i_ladder_posts_are_team_members).
superior_of(Role, Superior, Cs, Is) :-
    reports_to(Role, Superior, Cs, Is),
    !.
superior_of(Role, '团队长', [c(10,2,null)], Is) :-
    ladder(Posts),
    memberchk(Role, Posts),
    (   ladder_is_default
    ->  Is = [i_ladder_posts_are_team_members, i_ladder_default]
    ;   Is = [i_ladder_posts_are_team_members]
    ).

%!  q_superior(+Role, -Fields:dict, -Trace:list) is det.
%
%   To whom Role answers, the chain up to the top, and who acts for an
%   absent superior.
q_superior(Role, Fields, Trace) :-
    authorisation_review(T0),
    chain_(Role, [Role], Chain, TC),
    (   Chain = [_, Superior | _]
    ->  acting_superior_(Role, Superior, Acting, TA),
        Fields = _{superior: Superior, chain: Chain, acting_superior: Acting}
    ;   Fields = _{superior: null, chain: Chain, acting_superior: null},
        TA = []
    ),
    append([T0, TC, TA], Trace).

chain_(Role, Seen, [Role | Rest], [step(reports_to, [Role, Sup], Cs) | Trace]) :-
    superior_of(Role, Sup, Cs, Is),
    \+ memberchk(Sup, Seen),
    !,
    findall(interp(I), member(I, Is), TI),
    chain_(Sup, [Sup | Seen], Rest, T1),
    append(TI, T1, Trace).
chain_(Role, [Role], [Role], [step(no_superior, [Role], Cs), gap(g_no_superior_named)]) :-
    !,
    reading(g_no_superior_named, gap, Cs, _, _).
chain_(Role, _, [Role], [step(chain_top, [Role], [])]).

acting_superior_(Role, Superior, Acting, Trace) :-
    absent(Superior),
    !,
    exercise(Superior, superior, Actor, ActingFor, T0),
    (   ActingFor \== null, Actor \== Role
    ->  Acting = Actor, Trace = T0
    ;   ActingFor \== null             % Role itself acts for its superior
    ->  Acting = null,
        Trace = [step(acting_for_own_superior, [Role, Superior], [c(8,1,5)])]
    ;   Acting = null,                 % the line stands; nobody acts meanwhile
        Trace = [step(superior_absent, [Superior], [])]
    ).
acting_superior_(_, _, null, []).

%   ---- substitution (Art 12) -----------------------------------------------

%!  post_rank(+Post, -Rank) is semidet.
%
%   Rank is top(I) for the I-th post of post_order/1, ladder(I) for the
%   I-th post of the ladder, member for the generic 团队成员.
post_rank(Post, top(I)) :-
    post_order(Order),
    nth1(I, Order, Post),
    !.
post_rank(Post, ladder(I)) :-
    ladder(Posts),
    nth1(I, Posts, Post),
    !.
post_rank('团队成员', member).

%!  relative_rank(+A, +B, -Relation) is det.
%
%   Relation is lower (A is below B), higher, same or unknown.
relative_rank(A, A, same) :- !.
relative_rank(A, B, Rel) :-
    post_rank(A, RA), post_rank(B, RB),
    !,
    compare_rank_(RA, RB, Rel).
relative_rank(_, _, unknown).

compare_rank_(top(I), top(J), Rel) :- !, order_(I, J, Rel).
compare_rank_(ladder(I), ladder(J), Rel) :- !, order_(I, J, Rel).
compare_rank_(top(_), _, higher) :- !.
compare_rank_(_, top(_), lower) :- !.
compare_rank_(_, _, unknown).          % 团队成员 against a ladder post

order_(I, J, lower) :- I > J, !.
order_(I, J, higher) :- I < J, !.
order_(_, _, same).

%!  q_substitution(+Substitute, +For, +Scope, -Fields:dict, -Trace:list) is det.
%
%   May Substitute take over the duties of For (12(1)), in which direction,
%   and who decides a temporary substitution in Scope (12(2)).
q_substitution(Sub, For, Scope, Fields, Trace) :-
    authorisation_review(T0),
    relative_rank(Sub, For, Rel),
    substitution_(Rel, Sub, For, Scope, Allowed, Direction, Decider, ActingFor, T1),
    ladder_note_(Sub, For, TL),
    Fields = _{allowed: Allowed, direction: Direction, decided_by: Decider,
               acting_for: ActingFor},
    append([T0, T1, TL], Trace).

%   A higher post covering a lower one is reverse, never allowed (12(1)).
substitution_(higher, Sub, For, _, false, '逆向', null, null,
              [step(reverse_substitution, [Sub, For], [C])]) :-
    !,
    substitution_direction('逆向', false, C).
%   "除领导岗位外" comes before the other ranks: a leadership post is never
%   covered under Art. 12, by a lower post, an unranked one or the same post.
substitution_(Rel, Sub, For, _, false, Direction, null, null, Trace) :-
    leadership_post(For),
    !,
    direction_steps_(Rel, Sub, For, Direction, TD),
    leadership_pointer_(Sub, For, TP),
    append([TD, [step(leadership_excluded, [For], [c(12,1,null)]),
                 interp(i_leadership_posts)], TP], Trace).
substitution_(Rel, Sub, For, _, null, Direction, null, null, Trace) :-
    leadership_post_unclear(For),
    !,
    direction_steps_(Rel, Sub, For, Direction, TD),
    (   Rel == same -> TS = [gap(g_peer_substitution)] ; TS = [] ),
    append([TD, [step(leadership_unclear, [For], [c(12,1,null)]),
                 gap(g_team_leader_leadership_post)], TS], Trace).
substitution_(unknown, Sub, For, _, null, null, null, null,
              [step(unranked, [Sub, For], [c(12,1,null)]), gap(g_unranked_post)]) :-
    !.
substitution_(same, Sub, For, _, null, null, null, null,
              [step(peer_substitution, [Sub, For], [c(12,1,null)]),
               gap(g_peer_substitution)]) :-
    !.
substitution_(lower, Sub, For, Scope, true, '顺向', Decider, ActingFor, Trace) :-
    substitution_direction('顺向', true, C),
    substitution_deciders_(Scope, Chain),
    Chain = [Role-DC | Uppers],
    pick_decider_(Chain, Decider, ActingFor, TE),
    nested_steps_(Scope, Uppers, TN),
    scope_interpretations_(Scope, TS),
    append([[step(forward_substitution, [Sub, For], [C]), interp(i_work_need_assumed),
             step(substitution_decider, [Scope, Role], [DC])], TN, TS, TE], Trace).

%   The direction as far as the ranks tell it, with its step.
direction_steps_(lower, Sub, For, '顺向', [step(forward_substitution, [Sub, For], [C])]) :-
    !, substitution_direction('顺向', true, C).
direction_steps_(same, Sub, For, null, [step(peer_substitution, [Sub, For], [c(12,1,null)])]) :- !.
direction_steps_(_, _, _, null, []).

%!  substitution_deciders_(+Scope, -Chain) is det.
%
%   Who may decide a temporary substitution in Scope, nearest first: the
%   decider of Scope, then of each scope it lies within (12(2), nested).
substitution_deciders_(Scope, [Role-C | Rest]) :-
    substitution_decider(Scope, Role, C),
    (   scope_within(Scope, Up)
    ->  substitution_deciders_(Up, Rest)
    ;   Rest = []
    ).

%   The nearest decider at his post decides; an absent one passes the
%   decision up.  The last (the director) may be acted for (8(5)).
pick_decider_([Role-_], Decider, ActingFor, Trace) :-
    !,
    exercise(Role, substitution, Decider, ActingFor, Trace).
pick_decider_([Role-_ | Rest], Decider, ActingFor, Trace) :-
    (   \+ absent(Role)
    ->  Decider = Role, ActingFor = null, Trace = []
    ;   Rest = [Up-_ | _],
        Trace = [step(decider_absent_passes_up, [Role, Up], [c(12,2,null)]) | T1],
        pick_decider_(Rest, Decider, ActingFor, T1)
    ).

%   Within a team or a department, the deciders of the wider scopes may
%   decide too: a note, and the reading the answer rests on.
nested_steps_(_, [], []) :- !.
nested_steps_(Scope, Uppers, [note(substitution_deciders_nested, [Roles, Scope], [c(12,2,null)]),
                              interp(i_substitution_scopes_nested)]) :-
    pairs_keys(Uppers, Roles).

%   The director's duties pass to the deputy only under 8(5).
leadership_pointer_(Sub, For, [step(acting_instead, [For, Sub], [C])]) :-
    acting_power(For, Sub, _, C),
    !.
leadership_pointer_(_, _, []).

scope_interpretations_(team, [interp(i_team_is_group)]) :- !.
scope_interpretations_(_, []).

ladder_note_(Sub, For, [interp(i_ladder_default)]) :-
    ladder_is_default,
    default_ladder(Posts),
    ( memberchk(Sub, Posts) ; memberchk(For, Posts) ),
    !.
ladder_note_(_, _, []).

%   ---- disagreement (Art 11) -----------------------------------------------

%!  command_rank_of(+Role, -Rank, -Citations, -Interpretations) is semidet.
%
%   Rank of Role under "下级指挥管理权服从上级指挥管理权" (11(1)).
command_rank_of(Role, Rank, Cs, []) :-
    command_rank(Role, Rank, Cs),
    !.
command_rank_of(Role, Rank, [c(10,2,null)], Is) :-
    ladder(Posts),
    memberchk(Role, Posts),
    command_rank('团队成员', Rank, _),
    (   ladder_is_default
    ->  Is = [i_ladder_posts_are_team_members, i_ladder_default]
    ;   Is = [i_ladder_posts_are_team_members]
    ).

%!  q_disagreement(+A, +B, +Scope, -Fields:dict, -Trace:list) is det.
%
%   Whose view decides a disagreement between A and B within Scope.
q_disagreement(A, B, Scope, Fields, Trace) :-
    authorisation_review(T0),
    disagreement_(A, B, Scope, Decider, ActingFor, Prevails, Requester, T1),
    append(T0, T1, Trace1),
    dedupe_interpretations_(Trace1, Trace),
    Fields = _{decided_by: Decider, acting_for: ActingFor, prevails: Prevails,
               requested_by: Requester}.

%!  q_disagreement_checked(+A, +B, +Scope, -Fields, -Trace) is det.
%
%   q_disagreement/5 for input that can be a disagreement: a post one person
%   holds (and the one 团队长 of a team) cannot disagree with itself.
q_disagreement_checked(A, B, Scope, Fields, Trace) :-
    (   A == B, ( single_holder(A) ; A == '团队长', Scope == team )
    ->  atom_string(B, Name),
        throw(input_error(same_party, 'between[1]', Name))
    ;   q_disagreement(A, B, Scope, Fields, Trace)
    ).

%   The 分管副院长 as a party: 11(2) decides a major matter; otherwise the
%   text points two ways (g_vp_director_disagreement).
disagreement_(A, B, _, Decider, ActingFor, null, Requester, Trace) :-
    memberchk('分管副院长', [A, B]),
    !,
    (   is_major
    ->  major_decider_(Decider, ActingFor, Requester, Trace)
    ;   Decider = null, ActingFor = null, Requester = null,
        Trace = [step(vp_party, [A, B], [c(1,2,null), c(11,1,null)]),
                 gap(g_vp_director_disagreement)]
    ).
disagreement_(A, B, Scope, Decider, ActingFor, Prevails, Requester, Trace) :-
    command_rank_of(A, RA, CA, IA),
    command_rank_of(B, RB, CB, IB),
    !,
    findall(interp(I), (member(I, IA) ; member(I, IB)), TI),
    prevails_(A-RA, B-RB, Prevails, CA, CB, TP),
    (   is_major
    ->  major_decider_(Decider, ActingFor, Requester, TD)
    ;   Requester = null,
        scope_decider_(A-RA, B-RB, Scope, Decider, ActingFor, TD)
    ),
    append([TI, TP, TD], Trace).
disagreement_(A, B, _, null, null, null, null,
              [step(no_command_authority, [Outside], [c(3,2,null), c(11,1,null)]),
               gap(g_no_command_authority)]) :-
    (   command_rank_of(A, _, _, _) -> Outside = B ; Outside = A ).

prevails_(A-RA, B-RB, P, CA, CB, [step(lower_yields, [P, Other], Cs) | TI]) :-
    RA =\= RB,
    !,
    (   RA > RB -> P = A, Other = B ; P = B, Other = A ),
    append([[c(11,1,null)], CA, CB], Cs0),
    sort(Cs0, Cs),
    findall(T, ( member(R, [A, B]), higher_party_interpretations_(R, Ts), member(T, Ts) ), TI).
prevails_(A-_, B-_, null, _, _, [step(same_level, [A, B], [c(11,1,null)])]).

major_decider_(Decider, ActingFor, Requester, Trace) :-
    major_matter_decider(Role, RequestedBy, C),
    exercise(Role, disagreement(major), Decider, ActingFor, TD),
    exercise(RequestedBy, disagreement(major), Requester, _, TR),
    append([[step(major_disagreement, [Role, RequestedBy], [C]),
             interp(i_art11_2_context)], TR, TD], Trace).

scope_decider_(A-RA, B-RB, Scope, Decider, ActingFor, Trace) :-
    deciding_view(Scope, View, C),
    command_rank(View, RV, _),
    (   max_member(RM-Top, [RA-A, RB-B]), RM > RV
    ->  Role = Top,
        higher_party_interpretations_(Top, TI),
        Step = step(higher_party_decides, [Top, Scope, View], [c(11,1,null)])
    ;   Role = View, TI = [],
        Step = step(deciding_view, [Scope, View], [C])
    ),
    view_holder_(Role, Scope, Holder, TU),
    exercise(Holder, disagreement(Scope), Decider, ActingFor, TE),
    append([[Step], TI, TU, TE], Trace).

%   A deciding view whose holder is away passes to the deciding view of the
%   scope the team lies within, the bureau's (i_deciding_view_nested); the
%   director's own view passes only under 8(5).
view_holder_(Role, Scope, Up, [step(view_passes_up, [Role, Up], [c(11,1,null)]),
                              interp(i_deciding_view_nested)]) :-
    absent(Role),
    deciding_view_within(Scope, Wider),
    deciding_view(Wider, Up, _),
    Up \== Role,
    !.
view_holder_(Role, _, Role, []).

%   Keep the first of each interp(Id); steps and gaps stay as they are.
dedupe_interpretations_([], []).
dedupe_interpretations_([interp(I) | T], [interp(I) | R]) :-
    !,
    exclude(==(interp(I)), T, T1),
    dedupe_interpretations_(T1, R).
dedupe_interpretations_([X | T], [X | R]) :-
    dedupe_interpretations_(T, R).

higher_party_interpretations_('副局长', [interp(i_deputy_level_one)]) :- !.
higher_party_interpretations_(_, []).

%   ---- meeting (Arts 4, 5, 8(3), 8(5)) -------------------------------------

%!  q_meeting(+Meeting, +Votes:list, -Fields:dict, -Trace:list) is det.
%
%   What Meeting resolved from Votes, a list of vote(Role, Opinion, Name):
%   the resolution and its basis, whether it binds, the escalation open.
%   Opinions are compared as exact strings and returned as given; an
%   abstention (abstention/1) is no opinion but is a vote.
q_meeting(Meeting, Votes, Fields, Trace) :-
    authorisation_review(T0),
    chair_(Meeting, Chair, TC),
    partition(member_vote_(Meeting), Votes, MemberVotes, InviteeVotes),
    invitee_steps_(Meeting, InviteeVotes, TInv),
    meeting_nature(Meeting, _Nature, Binding, NC),
    meeting_nature_text(Meeting, NatureText),
    (   Binding == true -> BindingWord = binding ; BindingWord = advisory ),
    outcomes_(Meeting, MemberVotes, InviteeVotes, Resolution, Basis, Esc, TO),
    abstention_steps_(Meeting, Votes, TA),
    findall(_{by: By, to: To, action: Action}, member(esc(By, To, Action), Esc), Escalation),
    tally_(MemberVotes, InviteeVotes, Tally),
    meeting_record_kept(Meeting, RC),
    Fields = _{resolution: Resolution, basis: Basis, binding: Binding,
               escalation: Escalation, chair: Chair, tally: Tally},
    append([T0, TC, TInv, TO, TA,
            [ step(meeting_nature, [Meeting, BindingWord, NatureText], [NC]),
              step(record_kept, [Meeting], [RC]) ]],
           Trace0),
    dedupe_interpretations_(Trace0, Trace).

member_vote_(Meeting, vote(Role, _, _)) :-
    meeting_member(Meeting, Role, _),
    !.

named_invitee_(Meeting, Role) :- meeting_invitee(Meeting, Role, _).

%   Invitees named in 4(3) (院长, 副院长) and those it admits as "等相关人员".
invitee_steps_(_, [], []) :- !.
invitee_steps_(Meeting, Votes, Steps) :-
    findall(R, member(vote(R, _, _), Votes), Rs0),
    list_to_set(Rs0, Rs),
    partition(named_invitee_(Meeting), Rs, Named, Others),
    findall(step(Key, [Meeting, Roles], [c(4,3,null)]),
            ( member(Key-Roles, [invitees-Named, invitees_other-Others]), Roles \== [] ),
            Steps).

%   Who chairs: the deputy by the director's authorisation (8(3)); else the
%   director (4(2), 6(2)); else whoever acts for the absent director (8(5):
%   chairing is one of his duties, 6(1)(2)); else nobody the regulation names.
chair_(Meeting, Agent,
       [step(chair_by_authorisation, [Meeting, Principal, Agent], [C]) | TI]) :-
    meeting_chair(Meeting, Principal, _),
    chair_by_authorisation(Principal, Agent, C),
    authorized(Principal, Agent),
    \+ absent(Agent),
    !,
    (   absent(Principal) -> TI = [] ; TI = [interp(i_deputy_chair_by_authorisation)] ).
chair_(Meeting, Chair, Trace) :-
    meeting_chair(Meeting, Principal, Cs),
    !,
    exercise(Principal, meeting(Meeting), Actor, ActingFor, TE),
    (   Actor == null
    ->  Chair = null,
        reading(g_no_chair, gap, GCs, _, _),
        Trace = [step(no_chair, [Meeting, Principal], GCs), gap(g_no_chair)]
    ;   ActingFor == null
    ->  Chair = Principal,
        Trace = [step(chair, [Meeting, Principal], Cs) | TE]
    ;   Chair = Actor,
        append(TE, [step(chair_acting, [Meeting, Actor, Principal], Cs)], Trace)
    ).

%   outcomes_/7: the resolution, "多数意见" read as more than half of the
%   votes (i_majority_more_than_half), under each reading of whether
%   invitees count.  Those readings agree when they give the same
%   resolution and the same escalation, whatever the route; then the answer
%   stands, noting them; where they differ it is a gap.  What the plurality
%   reading would give, where it differs, is a note.
outcomes_(Meeting, MemberVotes, InviteeVotes, Resolution, Basis, Escalation, Trace) :-
    (   InviteeVotes == [] -> Counts = [excluded] ; Counts = [excluded, included] ),
    findall(Inv-f(Res, B, Esc, T, O),
            ( member(Inv, Counts),
              counted_votes_(Inv, MemberVotes, InviteeVotes, Vs),
              outcome_(Meeting, absolute, Vs, O),
              outcome_fields_(Meeting, O, Res, B, Esc, T) ),
            Pairs),
    findall(Res-Esc, member(_-f(Res, _, Esc, _, _), Pairs), Keys0),
    sort(Keys0, Keys),
    majority_reading_(Meeting, MemberVotes, InviteeVotes, Counts, TM),
    plurality_notes_(Meeting, MemberVotes, InviteeVotes, Pairs, TN),
    (   Keys = [Resolution-Escalation]
    ->  findall(B, member(_-f(_, B, _, _, _), Pairs), Bs0),
        list_to_set(Bs0, Bs),
        (   Bs = [Basis]
        ->  Pairs = [_-f(_, _, _, T1, _) | _]
        ;   atomic_list_concat(Bs, '或', Basis),
            reading_steps_(Pairs, T1)
        ),
        (   InviteeVotes \== [] -> TR = [interp(i_invitees_do_not_change)] ; TR = [] ),
        opinion_note_(MemberVotes, InviteeVotes, TO),
        append([T1, TM, TN, TR, TO], Trace)
    ;   Resolution = null, Basis = null, Escalation = [],
        reading_steps_(Pairs, Steps),
        append([Steps, TM, TN, [gap(g_invitee_votes)]], Trace)
    ).

counted_votes_(excluded, MemberVotes, _, MemberVotes).
counted_votes_(included, MemberVotes, InviteeVotes, Vs) :-
    append(MemberVotes, InviteeVotes, Vs).

reading_steps_(Pairs, Steps) :-
    findall(step(reading_outcome, [Inv, Desc], [c(4,3,null), c(5,1,null)]),
            ( member(Inv-f(_, _, _, _, O), Pairs), outcome_desc_(O, Desc) ),
            Steps).

%   The reading of "多数意见" was relied on where it mattered: an opinion
%   led without holding more than half of the votes.
majority_reading_(Meeting, MemberVotes, InviteeVotes, Counts,
                  [interp(i_majority_more_than_half)]) :-
    decision_rule(Meeting, majority, _),
    member(Inv, Counts),
    counted_votes_(Inv, MemberVotes, InviteeVotes, Vs),
    majority_opinion_(plurality, Vs, _),
    \+ majority_opinion_(absolute, Vs, _),
    !.
majority_reading_(_, _, _, _, []).

%   Where "多数意见" read as the most votes would resolve otherwise: a note,
%   changing nothing.
plurality_notes_(Meeting, MemberVotes, InviteeVotes, Pairs, Notes) :-
    findall(Note,
            ( decision_rule(Meeting, majority, _),
              member(Inv-f(Res, _, Esc, _, _), Pairs),
              counted_votes_(Inv, MemberVotes, InviteeVotes, Vs),
              outcome_(Meeting, plurality, Vs, PO),
              outcome_fields_(Meeting, PO, PRes, _, PEsc, _),
              PRes-PEsc \== Res-Esc,
              outcome_desc_(PO, Desc),
              (   InviteeVotes == []
              ->  Note = note(plurality_reading, [Desc], [c(5,1,null)])
              ;   Note = note(plurality_reading_counting, [Inv, Desc], [c(4,3,null), c(5,1,null)])
              ) ),
            Notes).

outcome_(Meeting, Maj, Votes, Outcome) :-
    decision_rule(Meeting, majority, _),
    !,
    (   majority_opinion_(Maj, Votes, Op)
    ->  dissent_(Meeting, Votes, Op, Dissenters),
        Outcome = resolved(Op, majority, Dissenters)
    ;   decision_rule(Meeting, tie_break(Role), _),
        member(vote(Role, Op, _), Votes),
        \+ abstention(Op)
    ->  Outcome = resolved(Op, tie_break(Role), [])
    ;   Outcome = unresolved(no_majority)
    ).
outcome_(_, _, Votes, Outcome) :-       % no decision rule: only unanimity is clear
    findall(Op, ( member(vote(_, Op, _), Votes), \+ abstention(Op) ), Ops),
    sort(Ops, Distinct),
    (   Distinct = [Op]
    ->  Outcome = resolved(Op, unanimous, [])
    ;   Outcome = unresolved(no_rule)
    ).

%!  majority_opinion_(+Reading, +Votes, -Opinion) is semidet.
%
%   absolute: held by more than half of the votes, abstentions counted in
%   the total (i_abstention_counts); plurality: held by more votes than any
%   other opinion.  An abstention is never the opinion.
majority_opinion_(Reading, Votes, Op) :-
    opinion_counts_(Votes, Counts),
    length(Votes, Total),
    Total > 0,
    (   Reading == absolute
    ->  member(N-Op, Counts), N * 2 > Total
    ;   Counts = [N-Op | Rest],
        \+ memberchk(N-_, Rest)
    ),
    !.

%   Counts is a list of Count-Opinion, most votes first, abstentions left out.
opinion_counts_(Votes, Counts) :-
    findall(Op, ( member(vote(_, Op, _), Votes), \+ abstention(Op) ), Ops),
    msort(Ops, Sorted),
    clumped(Sorted, Pairs),
    findall(N-Op, member(Op-N, Pairs), Counts0),
    sort(1, @>=, Counts0, Counts).

%   Those named in 5(1) whose own opinion differs from the majority; for an
%   absent director, the deputy acting for him (8(5)), as acting(Agent, R).
%   An abstention differs from no one.
dissent_(Meeting, Votes, Op, Dissenters) :-
    findall(D, ( escalation_dissenter(Meeting, R),
                 voice_of_(R, V, D),
                 member(vote(V, RO, _), Votes),
                 RO \== Op,
                 \+ abstention(RO) ),
            Dissenters).

voice_of_(R, R, R) :-
    \+ absent(R),
    !.
voice_of_(R, Agent, acting(Agent, R)) :-
    acting_power(R, Agent, _, _),
    grant_(R, Agent, _, _),
    \+ absent(Agent),
    !.

outcome_fields_(Meeting, resolved(Op, majority, Dissenters), Op, '多数意见', Escalation,
                [step(majority, [Op], [c(5,1,null)]) | TE]) :-
    !,
    escalation_(Meeting, Dissenters, Escalation, TE).
outcome_fields_(_, resolved(Op, tie_break(Role), _), Op, '分管副院长的意见', [],
                [step(no_majority_tie_break, [Role, Op], [c(5,1,null)])]) :- !.
outcome_fields_(_, resolved(Op, unanimous, _), Op, '一致意见', [],
                [step(advisory_unanimous, [Op], [c(5,2,null)])]) :- !.
outcome_fields_(_, unresolved(no_majority), null, null, [],
                [step(no_majority_no_vp, [], [c(5,1,null)]), gap(g_tie_without_vp)]) :- !.
outcome_fields_(_, unresolved(no_rule), null, null, [],
                [step(advisory_divided, [], [c(5,2,null)]), gap(g_advisory_opinion)]).

%   On a major matter where a dissenter of 5(1) differs from the majority,
%   the escalation is open to the director -- or to whoever acts for him
%   (8(5)), as for Art. 13's submission.
escalation_(Meeting, Dissenters, Escalation, Trace) :-
    Dissenters \== [],
    is_major,
    once(escalation_route(Meeting, By, _, _, _)),
    !,
    exercise(By, meeting(Meeting), Actor, _, TE),
    findall(esc(Actor, To, Action),
            escalation_route(Meeting, By, To, Action, _), Escalation),
    (   Dissenters = [_] -> TX = [interp(i_escalation_either_dissents)] ; TX = [] ),
    (   memberchk(acting(_, _), Dissenters) -> TD = [interp(i_deputy_powers_general)] ; TD = [] ),
    append([[step(escalation_open, [Dissenters], [c(5,1,null)]),
             interp(i_president_in_charge)], TX, TD, TE], Trace).
escalation_(_, Dissenters, [], [step(escalation_not_major, [Dissenters], [c(5,1,null)])]) :-
    Dissenters \== [],
    !.
escalation_(_, _, [], []).

%   Abstentions: no opinion, but votes (i_abstention_counts).
abstention_steps_(Meeting, Votes, Trace) :-
    aggregate_all(count, ( member(vote(_, Op, _), Votes), abstention(Op) ), N),
    (   N =:= 0
    ->  Trace = []
    ;   decision_rule(Meeting, majority, _)
    ->  Trace = [step(abstentions_counted, [N], [c(5,1,null)]), interp(i_abstention_counts)]
    ;   Trace = [step(abstentions_no_opinion, [N], [c(5,2,null)]), interp(i_abstention_counts)]
    ).

opinion_note_(MemberVotes, InviteeVotes, [interp(i_opinions_identical_text)]) :-
    append(MemberVotes, InviteeVotes, Vs),
    findall(Op, ( member(vote(_, Op, _), Vs), \+ abstention(Op) ), Ops),
    sort(Ops, [_, _ | _]),
    !.
opinion_note_(_, _, []).

outcome_desc_(resolved(Op, majority, _), majority(Op)).
outcome_desc_(resolved(Op, tie_break(_), _), tie_break(Op)).
outcome_desc_(resolved(Op, unanimous, _), unanimous(Op)).
outcome_desc_(unresolved(_), none).

%   The count per opinion in order of first appearance, with who held it.
tally_(MemberVotes, InviteeVotes, Tally) :-
    append(MemberVotes, InviteeVotes, All),
    findall(Op, member(vote(_, Op, _), All), Ops0),
    list_to_set(Ops0, Ops),
    findall(_{opinion: Op, members: NM, invitees: NI, by: By},
            ( member(Op, Ops),
              aggregate_all(count, member(vote(_, Op, _), MemberVotes), NM),
              aggregate_all(count, member(vote(_, Op, _), InviteeVotes), NI),
              findall(_{role: R, name: Nm}, member(vote(R, Op, Nm), All), By) ),
            Tally).

%   ---- duties (Arts 1-13) -----------------------------------------------------

%!  q_duties(+Role, -Fields:dict, -Trace:list) is det.
%
%   What the regulation makes Role responsible for: its duties and powers
%   (duty/3, quoted from the text: among them 8(3), 8(5), 9(4), 11, 12(2),
%   13 and 5(1), which the rules also encode), the
%   matters it approves or decides, its command authority, the meetings it
%   chairs or attends, and whether it carries the post's dual
%   responsibility (一岗双责).
q_duties(Role, Fields, Trace) :-
    findall(D-C, duty(Role, D, C), Duties0),
    findall(N-C, ( decides(M, Role, _, C), matter(M, N, _) ), Decides0),
    findall(N-C, ( process_approver(M, Role, C), matter(M, N, _) ), Process0),
    findall(L-Mode-C, command_authority(Role, L, Mode, C), Command),
    findall(Mt-C, ( meeting_chair(Mt, Role, Cs), Cs = [C | _] ), Chairs),
    findall(Mt-C, meeting_member(Mt, Role, C), Member),
    findall(C, dual_responsibility(Role, C), Dual),
    findall(C, leads_bureau(Role, [C | _]), Leads),
    maplist(pair_json_(text), Duties0, Duties),
    maplist(pair_json_(matter), Decides0, Decides),
    maplist(pair_json_(matter), Process0, Process),
    maplist(pair_json_(meeting), Chairs, ChairsJ),
    maplist(pair_json_(meeting), Member, MemberJ),
    findall(_{level: Name, mode: Mode}, ( member(L-Mode-_, Command), command_level(L, Name, _) ), CommandJ),
    findall(step(duty, [D], [C]), member(D-C, Duties0), T1),
    findall(step(decides_matter, [N], [C]), member(N-C, Decides0), T2),
    findall(step(process_matter, [N], [C]), member(N-C, Process0), T3),
    findall(step(command_authority, [cn(L), NameA, Mode], [C, C2]),
            ( member(L-Mode-C, Command), command_level(L, Name, C2), atom_string(NameA, Name) ), T4),
    findall(step(leads_bureau, [Role], [C]), member(C, Leads), T5),
    findall(step(chairs, [Mt], [C]), member(Mt-C, Chairs), T6),
    findall(step(attends, [Mt], [C]), member(Mt-C, Member), T7),
    findall(step(dual_responsibility, [Role], [C]), member(C, Dual), T8),
    append([T1, T2, T3, T4, T5, T6, T7, T8], Trace0),
    (   Trace0 == []
    ->  reading(g_no_duties_named, gap, Cs, _, _),
        Trace = [step(no_duties, [Role], Cs), gap(g_no_duties_named)]
    ;   Trace = Trace0
    ),
    ( Dual == [] -> DualFlag = false ; DualFlag = true ),
    Fields = _{role: Role, duties: Duties, decides: Decides, process_approval: Process,
               command: CommandJ, chairs: ChairsJ, attends: MemberJ,
               dual_responsibility: DualFlag}.

pair_json_(Key, X-C, D) :-
    C = c(A, P, I),
    dict_pairs(D, _, [Key-X, citation-_{article: A, paragraph: P, item: I}]).
