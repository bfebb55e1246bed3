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

%!  ladder(-Posts:list, -Interpretations:list) is det.
%
%   The non-leadership posts, highest first: the scenario's, else the
%   default, an assumption (i_ladder_default) that whatever is ranked by it
%   relies on.
ladder(Posts, Is) :-
    (   scenario_fact(ladder(Posts0))
    ->  Posts = Posts0, Is = []
    ;   default_ladder(Posts), Is = [i_ladder_default]
    ).

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
    (   \+ authorized(_, _)                     % no authorisation given: none dormant
    ->  Trace = []                              % (the same answer, without the search)
    ;   findall(T, ( acting_power(Role, Agent, _, C),
                     grant_(Role, Agent, G, TI),
                     member(T, [step(authorisation_dormant, [Role, G, Agent], [C]) | TI]) ),
                Trace0),
        list_to_set(Trace0, Trace)
    ).
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
acting_citations_(approval(Matter), Role, Agent, C, [C, C2]) :-
    acting_power_for_matter(Matter, Role, Agent, C2),
    !.
acting_citations_(_, _, _, C, [C]).

acting_interpretations_(approval(Matter), [interp(i_police_same_matter), interp(i_team_is_group)]) :-
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
    (   \+ authorized(_, _)                     % none given: nothing to review
    ->  Trace = []
    ;   findall(T, ( authorized(From, To),
                     unsupported_authorisation_(From, To, Ts),
                     member(T, Ts) ),
                Trace0),
        list_to_set(Trace0, Trace)
    ).

%   To is no agent of 8(3), 8(5) or 9(4); else From is no grantor 8(5)/9(4)
%   accept.  (The 8(3) authorisation, by the director, is one 8(5) accepts
%   too: its principal and agent are 8(5)'s, and the director is the
%   grantor of his own powers.)
unsupported_authorisation_(From, To, [step(authorisation_no_agent, [From, To], Cs)]) :-
    \+ ( acting_power(_, To, _, _) ; chair_by_authorisation(_, To, _) ),
    !,
    authorisation_provisions_(Cs).
unsupported_authorisation_(From, To, [step(authorisation_not_grantor, [From, To], Cs),
                                      interp(i_authorisation_grantor)]) :-
    \+ ( acting_power(P, To, _, _), authorisation_grantor(P, From, _) ),
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
    (   requires_major(Matter, QC), scenario_fact(not_major)
    ->  Fields = _{matter: Name, approver: null, acting_for: null,
                   process_approver: null, requested_by: null},
        append(T0, [step(not_major, [matter_name(Matter)], [QC]), gap(g_matter_not_major)], Trace)
    ;   exercise(Role, approval(Matter), Approver, ActingFor, TA),
        requester_(Matter, Requester, TR),
        process_(Matter, MatterCite, Approver, ActingFor, ProcessApprover, TP),
        matter_interpretations_(Role, Matter, TI),
        major_steps_(Matter, TM),
        Fields = _{matter: Name, approver: Approver, acting_for: ActingFor,
                   process_approver: ProcessApprover, requested_by: Requester},
        append([T0, [step(decides, [matter_name(Matter), Role, How], [DecideCite])], TM, TA, TR, TP, TI],
               Trace)
    ).

%   A step names the matter as matter_name(Matter); how it reads (quoted
%   where the name is the text's own words) is wording: arg_text/3 in
%   messages.pl.

%   The matter's being major: assumed where the item needs it and the
%   scenario does not say (i_matter_taken_as_major); and where the matter
%   is major, 11(2) ("重大事项，由局长报请分管副院长决定") is read within
%   Art. 11 and does not move the approval (i_art11_2_context).
major_steps_(Matter, Trace) :-
    (   requires_major(Matter, QC), \+ is_major
    ->  T1 = [step(major_assumed, [matter_name(Matter)], [QC]), interp(i_matter_taken_as_major)]
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
superior_of(Role, '团队长', [c(10,2,null)], [i_ladder_posts_are_team_members | Is]) :-
    ladder(Posts, Is),
    memberchk(Role, Posts).

%!  q_superior(+Role, -Fields:dict, -Trace:list) is det.
%
%   To whom Role answers, the chain up to the top, and who acts for an
%   absent superior.
q_superior(Role, Fields, Trace) :-
    authorisation_review(T0),
    chain_(Role, asked, Chain, TC),
    (   Chain = [_, Superior | _]
    ->  acting_superior_(Role, Superior, Acting, TA),
        Fields = _{superior: Superior, chain: Chain, acting_superior: Acting}
    ;   Fields = _{superior: null, chain: Chain, acting_superior: null},
        TA = []
    ),
    append([T0, TC, TA], Trace).

%   chain_(+Role, +Where, -Chain, -Trace): Where is asked for the role the
%   question names (no superior is a gap) or above for one higher up the
%   chain (the top).  Reporting lines have no cycle (the reporting_cycle
%   invariant of checks.pl; ladder posts answer to the 团队长), so the
%   chain ends.
chain_(Role, _, [Role | Rest], [step(reports_to, [Role, Sup], Cs) | Trace]) :-
    superior_of(Role, Sup, Cs, Is),
    !,
    findall(interp(I), member(I, Is), TI),
    chain_(Sup, above, Rest, T1),
    append(TI, T1, Trace).
chain_(Role, asked, [Role], [step(no_superior, [Role], Cs), gap(g_no_superior_named)]) :-
    !,
    reading(g_no_superior_named, gap, Cs, _, _).
chain_(Role, above, [Role], [step(chain_top, [Role], [])]).

%   Who acts for Role's superior: whoever exercises the superior's power
%   (exercise/5) when it is not the superior himself.
acting_superior_(Role, Superior, Acting, Trace) :-
    exercise(Superior, superior, Actor, ActingFor, T0),
    superior_acting_(Role, Superior, Actor, ActingFor, T0, Acting, Trace).

%   At his post: nobody acts for him.  Acted for by Role itself: not Role's
%   acting superior.  Acted for by another: that one, with the steps that
%   say why (8(5)).  Nobody acts: the line stands; nobody acts meanwhile.
superior_acting_(_, Superior, Superior, null, _, null, []).
superior_acting_(Role, Superior, Role, Superior, _, null,
                 [step(acting_for_own_superior, [Role, Superior], [c(8,1,5)])]) :-
    !.
superior_acting_(_, Superior, Actor, Superior, T0, Actor, T0).
superior_acting_(_, Superior, null, null, _, null, [step(superior_absent, [Superior], [])]).

%   ---- substitution (Art 12) -----------------------------------------------

%!  post_rank(+Post, -Rank, -Interpretations) is semidet.
%
%   Rank is top(I) for the I-th post of post_order/1, ladder(I) for the
%   I-th post of the ladder, member for the generic 团队成员;
%   Interpretations are those the rank relies on (the default ladder).
post_rank(Post, top(I), []) :-
    post_order(Order),
    nth1(I, Order, Post),
    !.
post_rank(Post, ladder(I), Is) :-
    ladder(Posts, Is),
    nth1(I, Posts, Post),
    !.
post_rank('团队成员', member, []).

%!  relative_rank(+A, +B, -Relation, -Interpretations) is det.
%
%   Relation is lower (A is below B), higher, same or unknown;
%   Interpretations are those the ranks relied on.  Where one post has no
%   rank, the other's rank is what the answer rests on.
relative_rank(A, A, same, []) :- !.
relative_rank(A, B, Rel, Is) :-
    post_rank(A, RA, IA), post_rank(B, RB, IB),
    !,
    compare_rank_(RA, RB, Rel),
    union(IA, IB, Is).
relative_rank(A, B, unknown, Is) :-
    member(P, [A, B]),
    post_rank(P, _, Is),
    !.
relative_rank(_, _, unknown, []).

compare_rank_(top(I), top(J), Rel) :- !, order_(I, J, Rel).
compare_rank_(ladder(I), ladder(J), Rel) :- !, order_(I, J, Rel).
compare_rank_(top(_), _, higher) :- !.
compare_rank_(_, top(_), lower) :- !.
compare_rank_(_, _, unknown).          % 团队成员 against a ladder post

%   Two different posts of one list (relative_rank/4 takes a post against
%   itself first; neither post_order/1 nor a ladder holds a post twice), so
%   I and J differ.
order_(I, J, lower) :- I > J, !.
order_(_, _, higher).

%!  q_substitution(+Substitute, +For, +Scope, -Fields:dict, -Trace:list) is det.
%
%   May Substitute take over the duties of For (12(1)), in which direction,
%   and who decides a temporary substitution in Scope (12(2)).
q_substitution(Sub, For, Scope, Fields, Trace) :-
    authorisation_review(T0),
    relative_rank(Sub, For, Rel, Is),
    substitution_(Rel, Sub, For, Scope, Allowed, Direction, Decider, ActingFor, T1),
    findall(interp(I), member(I, Is), TL),
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
    substitution_decider(Scope, Role, DC),
    substitution_deciders_(Scope, Chain),
    pick_decider_(Chain, Decider, ActingFor, TE),
    nested_steps_(Scope, Chain, TN),
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
substitution_deciders_(Scope, [Role | Rest]) :-
    substitution_decider(Scope, Role, _),
    (   scope_within(Scope, Up)
    ->  substitution_deciders_(Up, Rest)
    ;   Rest = []
    ).

%   The nearest decider at his post decides; an absent one passes the
%   decision up.  The last (the director) may be acted for (8(5)).
pick_decider_([Role], Decider, ActingFor, Trace) :-
    !,
    exercise(Role, substitution, Decider, ActingFor, Trace).
pick_decider_([Role | Rest], Decider, ActingFor, Trace) :-
    (   \+ absent(Role)
    ->  Decider = Role, ActingFor = null, Trace = []
    ;   Rest = [Up | _],
        Trace = [step(decider_absent_passes_up, [Role, Up], [c(12,2,null)]) | T1],
        pick_decider_(Rest, Decider, ActingFor, T1)
    ).

%   Within a team or a department, the deciders of the wider scopes may
%   decide too: a note, and the reading the answer rests on.
nested_steps_(_, [_], []).
nested_steps_(Scope, [_, Up | Ups],
              [note(substitution_deciders_nested, [[Up | Ups], Scope], [c(12,2,null)]),
               interp(i_substitution_scopes_nested)]).

%   The director's duties pass to the deputy only under 8(5).
leadership_pointer_(Sub, For, [step(acting_instead, [For, Sub], [C])]) :-
    acting_power(For, Sub, _, C),
    !.
leadership_pointer_(_, _, []).

scope_interpretations_(team, [interp(i_team_is_group)]) :- !.
scope_interpretations_(_, []).

%   ---- disagreement (Art 11) -----------------------------------------------

%!  command_rank_of(+Role, -Rank, -Citations, -Interpretations) is semidet.
%
%   Rank of Role under "下级指挥管理权服从上级指挥管理权" (11(1)).
command_rank_of(Role, Rank, Cs, []) :-
    command_rank(Role, Rank, Cs),
    !.
command_rank_of(Role, Rank, [c(10,2,null)], [i_ladder_posts_are_team_members | Is]) :-
    ladder(Posts, Is),
    memberchk(Role, Posts),
    command_rank('团队成员', Rank, _).

%!  q_disagreement(+A, +B, +Scope, -Fields:dict, -Trace:list) is det.
%
%   Whose view decides a disagreement between A and B within Scope.
q_disagreement(A, B, Scope, Fields, Trace) :-
    authorisation_review(T0),
    disagreement_(A, B, Scope, Decider, ActingFor, Prevails, Requester, T1),
    append(T0, T1, Trace),
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
%   A party outside the command levels (each such party named).
disagreement_(A, B, _, null, null, null, null, Trace) :-
    list_to_set([A, B], Parties),
    findall(step(no_command_authority, [P], [c(3,2,null), c(11,1,null)]),
            ( member(P, Parties), \+ command_rank_of(P, _, _, _) ),
            Steps),
    append(Steps, [gap(g_no_command_authority)], Trace).

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
    outcomes_(Meeting, MemberVotes, InviteeVotes, Resolution, Basis, Esc, TO),
    abstention_steps_(Meeting, Votes, TA),
    findall(_{by: By, to: To, action: Action}, member(esc(By, To, Action), Esc), Escalation),
    tally_(MemberVotes, InviteeVotes, Tally),
    meeting_record_kept(Meeting, RC),
    Fields = _{resolution: Resolution, basis: Basis, binding: Binding,
               escalation: Escalation, chair: Chair, tally: Tally},
    append([T0, TC, TInv, TO, TA,
            [ step(meeting_nature, [Meeting, binding_word(Binding), nature_text(Meeting)], [NC]),
              step(record_kept, [Meeting], [RC]) ]],
           Trace).

member_vote_(Meeting, vote(Role, _, _)) :-
    meeting_member(Meeting, Role, _),
    !.

%   Invitees named in 4(3) (院长, 副院长) and those it admits as "等相关人员",
%   one step for each kind there is.
invitee_steps_(Meeting, Votes, Steps) :-
    (   Votes == []                             % no invitee voted: no step
    ->  Steps = []
    ;   findall(R, member(vote(R, _, _), Votes), Rs0),
        list_to_set(Rs0, Rs),
        findall(Key-R, ( member(R, Rs), invitee_kind_(Meeting, R, Key) ), Keyed),
        keysort(Keyed, Sorted),
        group_pairs_by_key(Sorted, Groups),
        findall(step(Key, [Meeting, Roles], [c(4,3,null)]), member(Key-Roles, Groups), Steps)
    ).

invitee_kind_(Meeting, Role, invitees) :- meeting_invitee(Meeting, Role, _), !.
invitee_kind_(_, _, invitees_other).

%   Who chairs: the deputy by the director's authorisation (8(3)); else the
%   director (4(2), 6(2)); else whoever acts for the absent director (8(5):
%   chairing is one of his duties, 6(1)(2)); else nobody the regulation names.
%   8(3) names both meetings, so its authorisation holds for either.
chair_(Meeting, Agent,
       [step(chair_by_authorisation, [Meeting, Principal, Agent], [C]) | TI]) :-
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
%   reading would give, where it differs, is a note; exactly then was the
%   reading of "多数意见" relied on (an opinion led without holding more
%   than half of the votes).
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
        append([T1, TN, TR, TO], Trace)
    ;   Resolution = null, Basis = null, Escalation = [],
        reading_steps_(Pairs, Steps),
        append([Steps, TN, [gap(g_invitee_votes)]], Trace)
    ).

counted_votes_(excluded, MemberVotes, _, MemberVotes).
counted_votes_(included, MemberVotes, InviteeVotes, Vs) :-
    append(MemberVotes, InviteeVotes, Vs).

%   The outcome under each reading of whether invitees count (an outcome
%   reads as arg_text/3 words it).
reading_steps_(Pairs, Steps) :-
    findall(step(reading_outcome, [Inv, O], [c(4,3,null), c(5,1,null)]),
            member(Inv-f(_, _, _, _, O), Pairs),
            Steps).

%   Where "多数意见" read as the most votes would come out otherwise -- in
%   resolution, basis or escalation -- a note, changing nothing, and the
%   reading the answer relied on: an opinion led without more than half of
%   the votes.  (Where a majority of more than half exists the readings
%   agree, and without a rule of majority, 5(2), they coincide.)
plurality_notes_(Meeting, MemberVotes, InviteeVotes, Pairs, Notes) :-
    findall(T,
            ( member(Inv-f(Res, B, Esc, _, O), Pairs),
              O \= resolved(_, majority, _),  % more than half: the most votes too, the same outcome
              counted_votes_(Inv, MemberVotes, InviteeVotes, Vs),
              outcome_(Meeting, plurality, Vs, PO),
              outcome_fields_(Meeting, PO, PRes, PB, PEsc, _),
              PRes-PB-PEsc \== Res-B-Esc,
              (   InviteeVotes == []
              ->  Note = note(plurality_reading, [PO], [c(5,1,null)])
              ;   Note = note(plurality_reading_counting, [Inv, PO], [c(4,3,null), c(5,1,null)])
              ),
              member(T, [Note, interp(i_majority_more_than_half)]) ),
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
%   (No votes, no opinion: both readings fail on an empty count.)
majority_opinion_(Reading, Votes, Op) :-
    opinion_counts_(Votes, Counts),
    length(Votes, Total),
    (   Reading == absolute
    ->  member(N-Op, Counts), N * 2 > Total
    ;   Counts = [N-Op | Rest],
        \+ memberchk(N-_, Rest)
    ),
    !.

%   Counts is a list of Count-Opinion, most votes first, abstentions left out.
opinion_counts_(Votes, Counts) :-
    opinions_(Votes, Ops),
    msort(Ops, Sorted),
    clumped(Sorted, Pairs),
    maplist(count_first_, Pairs, Counts0),
    sort(1, @>=, Counts0, Counts).

%   The opinions of Votes in order, abstentions left out.
opinions_([], []).
opinions_([vote(_, Op, _) | Vs], Ops) :-
    ( abstention(Op) -> Ops = Ops1 ; Ops = [Op | Ops1] ),
    opinions_(Vs, Ops1).

count_first_(Op-N, N-Op).

%   Those named in 5(1) whose own opinion differs from the majority; for an
%   absent director, the deputy acting for him (8(5)), as acting(Agent, R):
%   the voice of R is whoever exercises R's power (exercise/5).  An
%   abstention differs from no one.
dissent_(Meeting, Votes, Op, Dissenters) :-
    findall(D, ( escalation_dissenter(Meeting, R),
                 exercise(R, meeting(Meeting), V, ActingFor, _),
                 voice_(R, V, ActingFor, D),
                 member(vote(V, RO, _), Votes),
                 RO \== Op,
                 \+ abstention(RO) ),
            Dissenters).

%   voice_(+R, +Actor, +ActingFor, -Dissenter): R at his post speaks for
%   himself; an agent acting for him (8(5)) speaks as acting(Agent, R);
%   nobody else speaks for R.
voice_(R, R, null, R).
voice_(R, Agent, R, acting(Agent, R)).

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

%   Where none of those 5(1) names differs from the majority, no
%   escalation arises.  On a major matter where one does, the escalation is
%   open to the director -- or to whoever acts for him (8(5)), as for Art.
%   13's submission; on another matter it is not.
escalation_(_, [], [], []) :-
    !.
escalation_(Meeting, Dissenters, Escalation, Trace) :-
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
escalation_(_, Dissenters, [], [step(escalation_not_major, [Dissenters], [c(5,1,null)])]).

%   Abstentions: no opinion, but votes (i_abstention_counts).
abstention_steps_(Meeting, Votes, Trace) :-
    aggregate_all(count, ( member(vote(_, Op, _), Votes), abstention(Op) ), N),
    (   N =:= 0
    ->  Trace = []
    ;   decision_rule(Meeting, majority, _)
    ->  Trace = [step(abstentions_counted, [N], [c(5,1,null)]), interp(i_abstention_counts)]
    ;   Trace = [step(abstentions_no_opinion, [N], [c(5,2,null)]), interp(i_abstention_counts)]
    ).

%   Opinions told apart only by their text (i_opinions_identical_text):
%   relied on where there are two or more.
opinion_note_(MemberVotes, InviteeVotes, Trace) :-
    append(MemberVotes, InviteeVotes, Vs),
    opinion_counts_(Vs, Counts),
    opinions_note_(Counts, Trace).

opinions_note_([], []).
opinions_note_([_], []).
opinions_note_([_, _ | _], [interp(i_opinions_identical_text)]).

%   The count per opinion in order of first appearance, with who held it.
tally_(MemberVotes, InviteeVotes, Tally) :-
    append(MemberVotes, InviteeVotes, All),
    findall(Op, member(vote(_, Op, _), All), Ops0),
    list_to_set(Ops0, Ops),
    maplist(opinion_tally_(MemberVotes, InviteeVotes, All), Ops, Tally).

opinion_tally_(MemberVotes, InviteeVotes, All, Op,
               _{opinion: Op, members: NM, invitees: NI, by: By}) :-
    votes_for_(MemberVotes, Op, 0, NM),
    votes_for_(InviteeVotes, Op, 0, NI),
    findall(_{role: R, name: Nm}, member(vote(R, Op, Nm), All), By).

%   How many of Votes hold opinion Op (an opinion is its exact text).
votes_for_([], _, N, N).
votes_for_([vote(_, O, _) | Vs], Op, N0, N) :-
    ( O == Op -> N1 is N0 + 1 ; N1 = N0 ),
    votes_for_(Vs, Op, N1, N).

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
