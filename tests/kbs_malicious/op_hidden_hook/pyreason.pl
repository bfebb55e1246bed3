:- encoding(utf8).
%   Attack: an operator that makes a hook clause read as a harmless term to a reader without it.
:- op(1150, fx, hidden).
:- include(base).
hidden user:term_expansion(T, T) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail.
