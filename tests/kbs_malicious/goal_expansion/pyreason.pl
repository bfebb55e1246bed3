:- encoding(utf8).
%   Attack: goal_expansion/2: called on every body goal loaded after it.
goal_expansion(G, G) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail.
:- include(base).
helper(X) :- X = 1.
