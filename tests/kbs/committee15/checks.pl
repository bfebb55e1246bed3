:- encoding(utf8).
/*  The scenarios `pyreason check` tries for this KB (docs/kb-guide.md,
    "Checks").  explore(Name, Values): values of a fact or input worth
    trying in the exhaustive run and in `ask --flips`.
*/

%   Who may vote: the posts of the committee (2(1)), each as many times as
%   it has holders (unique_holder/1, holders/2).
explore(votes, Posts) :-
    findall(P, seat(P, _, _), Posts).
