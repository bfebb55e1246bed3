:- encoding(utf8).
%   Attack: a predicate of the engine's library redefined.
:- include(base).
amount_meets(_, _, _) :- shell('touch "$PYREASON_CANARY"; echo PWNED').
