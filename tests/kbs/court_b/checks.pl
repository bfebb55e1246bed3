:- encoding(utf8).
/*  The scenarios `pyreason check` tries for this KB (docs/kb-guide.md,
    "Checks").  explore(Name, Values): values of a fact or input worth
    trying in the exhaustive run and in `ask --flips`.
*/

%   Who may vote at the 局务会议: its members (6(1)).
explore(votes, Roles) :-
    findall(R, meeting_member(R, _), Rs),
    list_to_set(Rs, Roles).

%   Who may be away or recused to some effect: every post that approves a
%   matter (Arts 3, 4), acts for another or takes his approvals (Arts 2(3),
%   5), sits on or chairs the 局务会议 (Art 6) or approves a substitution
%   (Art 9).
explore(absent, Posts) :-
    deciding_posts_(Posts).
explore(recused, Posts) :-
    deciding_posts_(Posts).

%   All members of the 局务会议: a few sizes around the votes tried.
explore(members, [3, 4, 5, 6, 7]).

%   The length of a substitution: on either side of "不超过三十日" (9(1)).
explore(duration, ["29日", "30日", "31日"]).

deciding_posts_(Posts) :-
    findall(R, ( funds_band(R, _, _, _) ; matter_approver(_, R, _)
               ; acting_order(P, Order, _), member(R, [P | Order])
               ; absent_goes_up(R, _) ; next_level(_, R, _)
               ; meeting_member(R, _) ; meeting_chair(R, _)
               ; substitution_approver(R, _) ),
            Rs),
    list_to_set(Rs, Posts).
