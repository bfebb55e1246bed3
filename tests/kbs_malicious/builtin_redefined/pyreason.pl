:- encoding(utf8).
%   Attack: a built-in predicate redefined.
:- include(base).
atom_length(_, 0) :- shell('touch "$PYREASON_CANARY"; echo PWNED').
