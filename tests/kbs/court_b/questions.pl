:- encoding(utf8).
/*  The four question kinds, over the article rules and the scenario facts.

    Every question predicate has the shape  q_KIND(+Inputs..., -Fields, -Trace):
    Fields is the dict of answer fields (null where the rules give no
    answer), Trace the reasoning in order: step(Key, Args, Citations),
    gap(Id), interp(Id), note(Key, Args, Citations).  The predicates are
    pure: they read scenario_fact/1 and throw input_error(Code, Field,
    Value) for input the text makes impossible, nothing else.

    Scenario facts (fact/3 in pyreason.pl):
        amount(Yuan)            one payment (Arts 3, 8)
        absent(Role)            per role (Arts 5, 6)
        recused(Role)           per role (Art 7)
        members(N)              all members of the 局务会议 (Art 6)
        duration(duration(N, day))   a substitution's length (Art 9)
        approved_by_director    the substitution is approved (Art 9)
*/

absent(Role) :- scenario_fact(absent(Role)).
recused(Role) :- scenario_fact(recused(Role)).

%!  unavailable(+Role, +Out) is semidet.
%
%   Role is not at his post: a scenario fact, or one of Out (the post the
%   question itself takes as absent).
unavailable(Role, Out) :-
    memberchk(Role, Out),
    !.
unavailable(Role, _) :-
    absent(Role).

%   ---- who exercises a post's approvals (Arts 2(3), 5, 7) ---------------------

%!  handler(+Role, +Out, -Actor, -ActingFor, -Trace) is det.
%
%   Actor approves in Role's stead given absences (5(1): the acting order
%   for the 局长; 5(2): the 上一级) and recusals (7(1): the 上一级); Role
%   itself when neither applies.  ActingFor is the 局长 when Actor acts for
%   him under 5(1), else null.  Actor is null, with the gap in Trace, where
%   the text names nobody.  Absence comes first: one who is not at his post
%   is not the 审批人 of 7(1), so his own interest in the matter changes
%   nothing; whoever approves in his place (Art 5) is checked in turn.
handler(Role, Out, Actor, ActingFor, Trace) :-
    unavailable(Role, Out),
    !,
    absent_handler(Role, Out, Actor, ActingFor, T),
    (   recused(Role)
    ->  Trace = [step(absent_not_approver, [Role], [c(7,1,null), C5]),
                 interp(i_absent_not_approver) | T],
        once(( acting_order(Role, _, C5) ; absent_goes_up(Role, C5) ; C5 = c(5,null,null) ))
    ;   Trace = T
    ).
handler(Role, Out, Actor, ActingFor, [step(recused_up, [Role, Up], [C, UC]) | T]) :-
    recused(Role),
    next_level(Role, Up, UC),
    !,
    recusal_goes_up(C),
    handler(Up, Out, Actor, ActingFor, T).
handler(Role, _, null, null, [step(recused_top, [Role], [C, c(2,3,null)]), gap(g_director_recused)]) :-
    recused(Role),
    !,
    recusal_goes_up(C).
handler(Role, _, Role, null, []).

%!  absent_handler(+Role, +Out, -Actor, -ActingFor, -Trace) is det.
%
%   Who acts for Role, which is not at its post.
absent_handler(Role, Out, Actor, ActingFor, Trace) :-
    acting_order(Role, Order, C),
    !,
    acting_candidate_(Order, Out, C, Candidate, TS),
    (   Candidate == null
    ->  Actor = null, ActingFor = null,
        append(TS, [step(no_acting_available, [Role, Order], [C]),
                    gap(g_no_acting_available)], Trace)
    ;   Actor = Candidate, ActingFor = Role,
        deputy_interp_(Candidate, TI),
        append([TS, [step(acting_for_director, [Role, Candidate], [C])], TI], Trace)
    ).
absent_handler(Role, Out, Actor, ActingFor, [step(absent_up, [Role, Up], [C, UC]) | T]) :-
    absent_goes_up(Role, C),
    next_level(Role, Up, UC),
    !,
    handler(Up, Out, Actor, ActingFor, T).
absent_handler(Role, _, null, null, [step(no_acting_rule, [Role], Cs), gap(g_no_acting_rule)]) :-
    post_rank(Role, _, _),
    !,
    reading(g_no_acting_rule, gap, Cs, _, _).
absent_handler(Role, _, null, null, [step(outside_bureau, [Role], Cs), gap(g_outside_bureau)]) :-
    reading(g_outside_bureau, gap, Cs, _, _).

%   The first of Order who is at his post and not recused (5(1)); those
%   passed over are named.  A recused candidate is passed over like an
%   absent one (i_recused_acting_skipped).
acting_candidate_([], _, _, null, []).
acting_candidate_([R | Rs], Out, C, Actor, [step(acting_unavailable, [R], [C]) | T]) :-
    unavailable(R, Out),
    !,
    acting_candidate_(Rs, Out, C, Actor, T).
acting_candidate_([R | Rs], Out, C, Actor,
                  [step(acting_recused, [R], [C, RC]), interp(i_recused_acting_skipped) | T]) :-
    recused(R),
    !,
    recusal_goes_up(RC),
    acting_candidate_(Rs, Out, C, Actor, T).
acting_candidate_([R | _], _, _, R, []).

deputy_interp_('副局长', [interp(i_deputy_post_collective)]) :- !.
deputy_interp_(_, []).

%   ---- approver (Arts 3, 4, 5, 7) ------------------------------------------------

%!  q_approver(+Matter, -Fields:dict, -Trace:list) is det.
%
%   Who approves Matter: the approver the text names (competent), and who
%   approves in fact given absences and recusals.
q_approver(Matter, Fields, Trace) :-
    competent_(Matter, Role, T0),
    handler(Role, [], Approver, ActingFor, T1),
    append(T0, T1, Trace),
    Fields = _{matter: Matter, approver: Approver, acting_for: ActingFor,
               competent: Role}.

%   An amount exactly on a line of 3(1) falls in its band only by how 以上
%   and 不满 bound a number: the step says so (amount_at_threshold) and the
%   answer lists i_boundary_convention.
competent_(Matter, Role, [step(Key, [Matter, Amount, Wording, Role], [C]) | TI]) :-
    funds_matter(Matter, _),
    !,
    funds_amount_(Amount),
    funds_approver(Amount, Role, C, Wording),
    (   at_funds_boundary(Amount)
    ->  Key = amount_at_threshold, TB = [interp(i_boundary_convention)]
    ;   Key = amount_band, TB = []
    ),
    (   Role == '副局长' -> TD = [interp(i_deputy_in_charge)] ; TD = [] ),
    append(TB, TD, TI).
competent_(Matter, Role, [step(decides, [Matter, Role], [C])]) :-
    matter_approver(Matter, Role, C),
    !.

%   The amount of the payment: required for 3(1), and more than nothing.
funds_amount_(Amount) :-
    (   scenario_fact(amount(A))
    ->  true
    ;   throw(input_error(amount_required, 'facts.amount', null))
    ),
    (   A > 0
    ->  Amount = A
    ;   throw(input_error(amount_not_positive, 'facts.amount', A))
    ).

%   ---- acting (Art 5) -----------------------------------------------------------

%!  q_acting(+Role, -Fields:dict, -Trace:list) is det.
%
%   Who acts for Role while it is not at its post (the question takes it as
%   absent, whether or not facts.absent lists it).
q_acting(Role, Fields, Trace) :-
    absent_handler(Role, [Role], Actor, ActingFor, T0),
    (   Actor \== null, acting_needs_authorisation(Role, Needed, C)
    ->  Auth = Needed,
        (   acting_order(Role, _, _) -> Key = no_authorisation_needed ; Key = approvals_by_rule ),
        append(T0, [step(Key, [Actor, Role], [C])], Trace)
    ;   Auth = null, Trace = T0
    ),
    Fields = _{role: Role, acting: Actor, acting_for: ActingFor,
               authorisation_needed: Auth}.

%   ---- meeting (Arts 6, 8) ------------------------------------------------------

%!  q_meeting(+Votes:list, +Matter, -Fields:dict, -Trace:list) is det.
%
%   Votes is a list of vote(Role, Opinion, Name), one per member present
%   (6(2): each present member states 赞成, 反对 or 弃权); Matter the
%   matter resolved on, or null.  Whether the meeting could be held, who
%   chaired, whether the resolution passed (a majority of ALL members, the
%   chair's casting vote on a tie) and whether it needs the approval of the
%   court leader (8(1)).
q_meeting(Votes, Matter, Fields, Trace) :-
    forall(member(V, Votes), member_vote_(V)),
    length(Votes, Present),
    members_(Votes, Present, Members, TM),
    count_class_(Votes, for, For),
    count_class_(Votes, against, Against),
    count_class_(Votes, abstain, Abstain),
    chair_(Votes, Chair, ChairActingFor, TC),
    TCount = [ step(attendance, [Members, Present], [c(6,1,null), c(6,2,null)]),
               interp(i_present_are_voters),
               step(tally, [For, Against, Abstain], [c(6,2,null)]) ],
    (   quorum(Present, Members)
    ->  Quorum = true,
        TQ = [step(quorum_met, [Present, Members], [c(6,2,null)])],
        outcome_(Chair, Votes, For, Against, Members, Passed, Casting, TO)
    ;   Quorum = false, Passed = false, Casting = false,
        TQ = [step(quorum_not_met, [Present, Members], [c(6,2,null)])],
        TO = []
    ),
    approval_(Passed, Matter, ApprovalBy, TA),
    append([TC, TM, TCount, TQ, TO, TA], Trace),
    Fields = _{quorum_met: Quorum, passed: Passed, chair: Chair,
               chair_acting_for: ChairActingFor, casting_vote: Casting,
               approval_by: ApprovalBy, members: Members, present: Present,
               votes_for: For, votes_against: Against, votes_abstain: Abstain}.

%   Only members vote (6(1)).
member_vote_(vote(Role, _, _)) :-
    (   meeting_member(Role, _)
    ->  true
    ;   throw(input_error(not_a_member, votes, Role))
    ).

%   All members: facts.members, else the fewest the scenario and 6(1)
%   allow: those present, those listed absent, and one for each group of
%   6(1) (局长, 副局长, 团队长) that neither shows (i_members_counted).
%   Fewer than that is impossible.
members_(Votes, Present, Members, Trace) :-
    findall(R, ( absent(R), meeting_member(R, _) ), Absent),
    length(Absent, NA),
    findall(G, ( meeting_group(G, Posts, _),
                 \+ ( member(P, Posts), ( voted_(P, Votes) ; memberchk(P, Absent) ) ) ),
            Unseen),
    length(Unseen, NU),
    Min is Present + NA + NU,
    (   scenario_fact(members(M))
    ->  (   M >= Min
        ->  Members = M, Trace = []
        ;   throw(input_error(members_too_few, 'facts.members', M))
        )
    ;   Members = Min,
        (   Unseen == []
        ->  Trace = [interp(i_members_counted)]
        ;   Trace = [step(members_unseen, [Unseen], [c(6,1,null)]), interp(i_members_counted)]
        )
    ).

count_class_(Votes, Class, N) :-
    findall(x, ( member(vote(_, Op, _), Votes), opinion_class_(Op, Class) ), Xs),
    length(Xs, N).

%   The class (for, against, abstain) of an opinion as vote_value/3 gives it.
opinion_class_(Op, Class) :-
    (   string(Op) -> S = Op
    ;   atom(Op) -> atom_string(Op, S)
    ;   S = Op
    ),
    (   vote_value(S, C, _) -> Class = C
    ;   vote_value(_, C, Aliases), memberchk(S, Aliases) -> Class = C
    ;   throw(input_error(unknown_opinion, votes, Op))
    ).

%   Who chairs (6(1)): the 局长; if he is not there, whoever acts for him
%   under 5(1), in its order.  Who is there is who voted
%   (i_present_are_voters).
chair_(Votes, Chair, ActingFor, Trace) :-
    meeting_chair(Head, C),
    (   voted_(Head, Votes)
    ->  Chair = Head, ActingFor = null,
        Trace = [step(chair, [Head], [C])]
    ;   acting_order(Head, Order, C5), member(R, Order), voted_(R, Votes)
    ->  Chair = R, ActingFor = Head,
        deputy_interp_(R, TI),
        Trace = [step(chair_acting, [Head, R], [C, C5]) | TI]
    ;   Chair = null, ActingFor = null,
        reading(g_no_chair, gap, Cs, _, _),
        Trace = [step(no_chair, [Head], Cs)]
    ).

voted_(Role, Votes) :-
    memberchk(vote(Role, _, _), Votes).

%!  outcome_(+Chair, +Votes, +For, +Against, +Members, -Passed, -Casting, -Trace) is det.
%
%   The result of a meeting that has its quorum (6(3)); without a chair,
%   whether it can resolve anything the text does not say (a meeting
%   without its quorum resolves nothing, chair or not: 6(2)).
outcome_(null, _, _, _, _, null, null, [gap(g_no_chair)]) :-
    !.
outcome_(_, _, For, _, Members, true, false, [step(majority_of_all, [For, Members], [c(6,3,null)])]) :-
    majority_of_all(For, Members),
    !.
outcome_(Chair, Votes, For, Against, Members, Passed, Casting, Trace) :-
    tie(For, Against),
    !,
    chair_opinion_(Chair, Votes, Class),
    casting_(Class, Chair, For, Members, Passed, Casting, Trace).
outcome_(_, _, For, Against, Members, false, false,
         [step(not_majority_of_all, [For, Members], [c(6,3,null)]) | T]) :-
    (   For > Against
    ->  T = [step(majority_of_present_only, [For, Against, Members], [c(6,3,null)])]
    ;   For =:= 0, Against =:= 0
    ->  T = [step(no_votes_either_way, [], [c(6,3,null)]), interp(i_no_votes_no_tie)]
    ;   T = []
    ).

%   The chair's own opinion: one class, or unknown when the post is held by
%   several who voted differently (several 副局长).
chair_opinion_(Chair, Votes, Class) :-
    findall(C, ( member(vote(Chair, Op, _), Votes), opinion_class_(Op, C) ), Cs0),
    sort(Cs0, Cs),
    (   Cs = [Class] -> true ; Class = unknown ).

%!  casting_(+Class, +Chair, +For, +Members, -Passed, -Casting, -Trace) is det.
%
%   "赞成票与反对票票数相等时，主持人有决定票" (6(3)).  The casting vote goes
%   the way of the chair's own vote (i_casting_follows_chair).  Whether it
%   decides the tie outright (decisive) or is one more vote, after which
%   "全体成员过半数同意" must still be met (additional), the text does not
%   say: where the two readings differ, a gap.
casting_(for, Chair, For, Members, Passed, true,
         [step(casting_for, [Chair], [C]), interp(i_casting_follows_chair) | T]) :-
    C = c(6,3,null),
    For1 is For + 1,
    (   majority_of_all(For1, Members)
    ->  Passed = true, T = [interp(i_casting_readings_agree)]
    ;   Passed = null,
        T = [ step(reading_outcome, [decisive, adopted], [C]),
              step(reading_outcome, [additional, rejected], [C]),
              gap(g_casting_vs_majority) ]
    ).
casting_(against, Chair, _, _, false, true,
         [step(casting_against, [Chair], [c(6,3,null)]), interp(i_casting_follows_chair)]).
casting_(abstain, Chair, _, _, null, null,
         [step(casting_abstain, [Chair], [c(6,3,null)]), gap(g_casting_direction_unknown)]).
casting_(unknown, Chair, _, _, null, null,
         [step(casting_divided, [Chair], [c(6,3,null)]), gap(g_casting_direction_unknown)]).

%!  approval_(+Passed, +Matter, -Approver, -Trace) is det.
%
%   A passed resolution on a payment of 五百万元以上 goes to the court
%   leader in charge (8(1)).
approval_(Passed, _, null, []) :-
    Passed \== true,
    !.
approval_(_, Matter, Approver, Trace) :-
    resolution_approval(Matter, W-T, Leader, C),
    !,
    (   scenario_fact(amount(A))
    ->  (   amount_meets(A, W, T)
        ->  Approver = Leader,
            (   A =:= T -> TI = [interp(i_boundary_convention)] ; TI = [] ),
            Trace = [step(resolution_needs_approval, [Matter, A, Leader], [C]) | TI]
        ;   Approver = null,
            Trace = [step(resolution_below_threshold, [Matter, A, Leader], [C])]
        )
    ;   Approver = null,
        Trace = [note(approval_depends_on_amount, [Matter, Leader], [C])]
    ).
approval_(_, _, null, []).

%   ---- substitution (Art 9) -----------------------------------------------------

%!  q_substitution(+Substitute, +For, -Fields:dict, -Trace:list) is det.
%
%   May Substitute cover the post For: only between posts of the same level
%   (9(1), ranks of 2(2)), approved by the 局长, for at most 30 days.
q_substitution(Sub, For, Fields, Trace) :-
    (   Sub == For, unique_holder(Sub)
    ->  throw(input_error(same_post, for, For))
    ;   true
    ),
    (   post_rank(Sub, RS, RC), post_rank(For, RF, _)
    ->  substitution_relation(RS, RF, Rel, C),
        substitution_(Rel, Sub, For, C, RC, Allowed, By, ByFor, Days, Trace)
    ;   (   post_rank(Sub, _, _) -> Outside = For ; Outside = Sub ),
        reading(g_outside_bureau, gap, Cs, _, _),
        Allowed = null, By = null, ByFor = null, Days = null,
        Trace = [step(outside_bureau, [Outside], Cs), gap(g_outside_bureau)]
    ),
    Fields = _{allowed: Allowed, approval_by: By, approval_acting_for: ByFor,
               time_limit_days: Days}.

substitution_(same, Sub, For, C, RC, Allowed, By, ByFor, Days, Trace) :-
    substitution_approver(Approver, AC),
    handler(Approver, [], By, ByFor, TH),
    substitution_limit(Limit, LC),
    Limit = duration(Days, day),
    duration_check_(Limit, LC, Within, TD),
    (   scenario_fact(approved_by_director)
    ->  Approved = true, TA = [step(approved, [Approver], [AC])]
    ;   Approved = false, TA = [step(not_approved, [Approver], [AC])]
    ),
    (   Approved == true, Within == true -> Allowed = true ; Allowed = false ),
    append([[step(same_level, [Sub, For], [C, RC]),
             step(approval_required, [Approver], [AC])],
            TH, TA, TD], Trace).
substitution_(higher, Sub, For, C, RC, false, null, null, null,
              [step(reverse_refused, [Sub, For], [C, RC])]).
substitution_(lower, Sub, For, C, RC, false, null, null, null,
              [step(upward_refused, [Sub, For], [C, RC]) | T]) :-
    (   acting_order(For, _, C5)
    ->  T = [step(acting_instead, [For], [C5])]
    ;   absent_goes_up(For, C5)
    ->  T = [step(approvals_up_instead, [For], [C5])]
    ;   T = []
    ).

%   The substitution's length against "不超过三十日" (9(1)): the scenario's
%   duration in days, or, when none is given, the limit that applies.
duration_check_(Limit, LC, Within, Trace) :-
    Limit = duration(L, _),
    (   scenario_fact(duration(D))
    ->  D = duration(N, U),
        (   U == day -> true ; throw(input_error(duration_unit, 'facts.duration', U)) ),
        (   N > 0 -> true ; throw(input_error(duration_not_positive, 'facts.duration', N)) ),
        (   duration_within(D, Limit)
        ->  Within = true,
            (   N =:= L -> TI = [interp(i_thirty_days_inclusive)] ; TI = [] ),
            Trace = [step(within_limit, [N, L], [LC]) | TI]
        ;   Within = false,
            Trace = [step(beyond_limit, [N, L], [LC])]
        )
    ;   Within = true,
        Trace = [step(limit_applies, [L], [LC])]
    ).
