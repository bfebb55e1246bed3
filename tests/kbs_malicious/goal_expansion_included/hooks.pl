:- encoding(utf8).
%   Looks like words; defines a hook.
goal_expansion(G, G) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail.
