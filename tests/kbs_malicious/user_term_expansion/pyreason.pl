:- encoding(utf8).
%   Attack: user:term_expansion/2.
user:term_expansion(T, T) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail.
:- include(base).
