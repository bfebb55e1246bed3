:- encoding(utf8).
/*  The question predicates.  Each returns its answer fields as a dict and a
    trace of step(Key, Args, Citations), gap(Id) and interp(Id) terms; the
    engine words the steps (messages.pl) and attaches the readings.
*/

%   ---- meeting (Arts 2 to 5) ----------------------------------------------------

%!  q_meeting(+Votes:list, -Fields:dict, -Trace:list) is det.
%
%   Votes is a list of vote(Post, Opinion, Name), one per member present
%   (4(1): each states 赞成, 反对 or 弃权).  Whether the committee could meet
%   (3(2)), who chaired (3(1)), whether the resolution passed (4(2)) and to
%   whom it may be referred (5(1)).
q_meeting(Votes, Fields, Trace) :-
    forall(member(V, Votes), member_vote_(V)),
    length(Votes, Present),
    composition(Members, CM),
    foldl(count_vote_, Votes, 0-0-0, For-Against-Abstain),
    chair_(Votes, Chair, TC),
    TCount = [ step(attendance, [Members, Present], [CM, c(3,2,null)]),
               interp(i_present_are_voters),
               step(tally, [For, Against, Abstain], [c(4,1,null)]) ],
    (   quorum(Present, Members)
    ->  Quorum = true,
        TQ = [step(quorum_met, [Present, Members], [c(3,2,null)])],
        outcome_(Chair, Votes, For, Against, Present, Passed, Casting, TO)
    ;   Quorum = false, Passed = false, Casting = false,
        TQ = [step(quorum_not_met, [Present, Members], [c(3,2,null)])],
        TO = []
    ),
    referral_(Passed, Votes, ReferralTo, TR),
    append([TC, TCount, TQ, TO, TR], Trace),
    Fields = _{quorum_met: Quorum, passed: Passed, chair: Chair, casting_vote: Casting,
               referral_to: ReferralTo, members: Members, present: Present,
               votes_for: For, votes_against: Against, votes_abstain: Abstain}.

%   Only the posts of 2(1) vote.
member_vote_(vote(Post, _, _)) :-
    (   seat(Post, _, _)
    ->  true
    ;   throw(input_error(not_a_member, votes, Post))
    ).

%   The tally of 4(1): votes for, against and abstaining.
count_vote_(vote(_, Op, _), F0-A0-B0, F-A-B) :-
    opinion_class_(Op, Class),
    (   Class == for -> F is F0 + 1, A = A0, B = B0
    ;   Class == against -> F = F0, A is A0 + 1, B = B0
    ;   F = F0, A = A0, B is B0 + 1
    ).

%   The class (for, against, abstain) of an opinion as vote_value/3 gives it.
opinion_class_(Op, Class) :-
    (   vote_value(Op, C, _) -> Class = C
    ;   vote_value(_, C, Aliases), memberchk(Op, Aliases) -> Class = C
    ;   throw(input_error(unknown_opinion, votes, Op))
    ).

%   Who chairs (3(1)): the first of chair_order/2 who attends, that is who
%   voted (i_present_are_voters); nobody when neither does.
chair_(Votes, Chair, Trace) :-
    chair_order([Head | Deputies], C),
    (   voted_(Head, Votes, _)
    ->  Chair = Head,
        Trace = [step(chair, [Head], [C])]
    ;   member(Chair, Deputies), voted_(Chair, Votes, _)
    ->  Trace = [step(chair_in_turn, [Head, Chair], [C])]
    ;   Chair = null,
        Trace = [step(no_chair, [[Head | Deputies]], [C])]
    ).

voted_(Post, Votes, Op) :-
    memberchk(vote(Post, Op, _), Votes).

%!  outcome_(+Chair, +Votes, +For, +Against, +Present, -Passed, -Casting, -Trace) is det.
%
%   What a meeting that has its quorum resolved (4(2)); without a chair,
%   whether it can resolve anything the text does not say.
outcome_(null, _, _, _, _, null, null, [gap(g_no_chair)]) :-
    !.
outcome_(_, _, For, _, Present, true, false, [step(majority_for, [For, Present], [c(4,2,null)])]) :-
    majority_for(For, Present),
    !.
outcome_(Chair, Votes, For, Against, _, Passed, Casting, Trace) :-
    tie(For, Against),
    !,
    voted_(Chair, Votes, Op),
    opinion_class_(Op, Class),
    (   tie_decision(Class, Passed, C)
    ->  Casting = true,
        Trace = [step(tie_decided, [For, Against, Chair, Class], [C]) | TI],
        (   Passed == true -> TI = [interp(i_tie_rule_prevails)] ; TI = [] )
    ;   Passed = null, Casting = null,
        Trace = [step(tie_chair_abstained, [For, Against, Chair], [c(4,2,null)]),
                 gap(g_chair_abstained_on_tie)]
    ).
outcome_(_, _, For, Against, Present, false, false,
         [step(not_majority_for, [For, Present], [c(4,2,null)]) | T]) :-
    (   For =:= 0, Against =:= 0
    ->  T = [step(no_votes_either_way, [], [c(4,2,null)]), interp(i_no_votes_no_tie)]
    ;   T = []
    ).

%!  referral_(+Passed, +Votes, -To, -Trace) is det.
%
%   A passed resolution the 主任委员 voted against may be referred (5(1)).
referral_(true, Votes, To, [step(referral_open, [Post, To], [C])]) :-
    referral(Post, Class, To, C),
    voted_(Post, Votes, Op),
    opinion_class_(Op, Class),
    !.
referral_(_, _, null, []).
